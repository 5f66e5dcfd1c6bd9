/* meta.c — opendata.txt files: read, checked against the GD-Catalog value lists, and
 * resolved per dataset (see meta.h). */
#include "opendata/meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/source.h"
#include "thai/thai.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/text.h"

/* ---- the GD-Catalog value lists (ckanext-thai_gdc ckan_dataset.json, 2024-02) -------- */

static const char *const data_types[] = {"ข้อมูลระเบียน", "ข้อมูลสถิติ",
	"ข้อมูลภูมิสารสนเทศเชิงพื้นที่", "ข้อมูลหลากหลายประเภท", "ข้อมูลประเภทอื่นๆ", NULL};
static const char *const objectives[] = {"ยุทธศาสตร์ชาติ", "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ",
	"แผนความมั่นคงแห่งชาติ", "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ", "แผนปฏิรูปประเทศ",
	"แผนระดับที่ 3 (มติครม. 4 ธ.ค. 2560)", "นโยบายรัฐบาล/ข้อสั่งการนายกรัฐมนตรี",
	"มติคณะรัฐมนตรี", "เพื่อการให้บริการประชาชน", "กฎหมายที่เกี่ยวข้อง", "พันธกิจหน่วยงาน",
	"ดัชนี/ตัวชี้วัดระดับนานาชาติ", "ไม่ทราบ", "อื่นๆ", NULL};
static const char *const frequency_units[] = {"ไม่ทราบ", "ปี", "ครึ่งปี", "ไตรมาส", "เดือน",
	"สัปดาห์", "วัน", "วันทำการ", "ชั่วโมง", "นาที", "ตามเวลาจริง",
	"ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล", "อื่นๆ", NULL};
static const char *const geo_coverages[] = {"ไม่มี", "โลก", "ทวีป/กลุ่มประเทศในทวีป",
	"กลุ่มประเทศทางเศรษฐกิจ", "ประเทศ", "ภาค", "จังหวัด", "อำเภอ", "ตำบล", "หมู่บ้าน",
	"เทศบาล/อบต.", "พิกัด", "ไม่ทราบ", "อื่นๆ", NULL};
static const char *const data_formats[] = {"Database", "CSV", "XML", "Image", "Video", "Audio",
	"Text", "JSON", "HTML", "DOC/DOCX", "XLS", "PDF", "RDF", "NoSQL", "Arc/Info Coverage",
	"Shapefile", "GeoTiff", "GML", "ไม่ทราบ", "อื่นๆ", NULL};
static const char *const data_categories[] = {"ข้อมูลสาธารณะ", "ข้อมูลส่วนบุคคล",
	"ข้อมูลความมั่นคง", "ข้อมูลความลับทางราชการ", NULL};
static const char *const licenses[] = {"License not specified", "Creative Commons Attributions",
	"Creative Commons Attribution Share-Alike", "Creative Commons Non-Commercial (Any)",
	"Open Data Common", "GNU Free Documentation License", "อื่นๆ", NULL};
static const char *const data_supports[] = {"ไม่มี", "หน่วยงานของรัฐ", "หน่วยงานเอกชน",
	"หน่วยงาน/องค์กรระหว่างประเทศ", "มูลนิธิ/สมาคม", "สถาบันการศึกษา", "อื่นๆ", NULL};
static const char *const languages[] = {"ไทย", "อังกฤษ", "จีน", "มลายู", "พม่า", "ลาว", "เขมร",
	"ญี่ปุ่น", "เกาหลี", "ฝรั่งเศส", "เยอรมัน", "อารบิก", "ไม่ทราบ", "อื่นๆ", NULL};

static const od_key_info keys[OD_KEY__COUNT] = {
	[OD_DATA_TYPE] = {"data_type", "ประเภทชุดข้อมูล", OD_V_CHOICE, true, data_types,
	    OD_DATA_TYPE_OTHER},
	[OD_DATA_TYPE_OTHER] = {"data_type_other", "ประเภทชุดข้อมูลอื่นๆ", OD_V_TEXT, false, NULL, 0},
	[OD_TITLE] = {"title", "ชื่อชุดข้อมูล", OD_V_TEXT, true, NULL, 0},
	[OD_NAME] = {"name", "URL", OD_V_SLUG, true, NULL, 0},
	[OD_OWNER_ORG] = {"owner_org", "องค์กร", OD_V_SLUG, false, NULL, 0},
	[OD_ALLOW_HARVEST] = {"allow_harvest", "ยินยอมให้นำชื่อชุดข้อมูลไปใช้ที่ GD-Catalog", OD_V_BOOL,
	    false, NULL, 0},
	[OD_MAINTAINER] = {"maintainer", "ชื่อผู้ติดต่อ", OD_V_TEXT, true, NULL, 0},
	[OD_MAINTAINER_EMAIL] = {"maintainer_email", "อีเมลผู้ติดต่อ", OD_V_EMAIL, true, NULL, 0},
	[OD_TAGS] = {"tag_string", "คำสำคัญ", OD_V_TAGS, true, NULL, 0},
	[OD_NOTES] = {"notes", "รายละเอียด", OD_V_TEXT, true, NULL, 0},
	[OD_OBJECTIVE] = {"objective", "วัตถุประสงค์", OD_V_CHOICES, true, objectives,
	    OD_OBJECTIVE_OTHER},
	[OD_OBJECTIVE_OTHER] = {"objective_other", "วัตถุประสงค์อื่นๆ", OD_V_TEXT, false, NULL, 0},
	[OD_UPDATE_FREQUENCY_UNIT] = {"update_frequency_unit", "หน่วยความถี่ของการปรับปรุงข้อมูล",
	    OD_V_CHOICE, true, frequency_units, OD_UPDATE_FREQUENCY_UNIT_OTHER},
	[OD_UPDATE_FREQUENCY_UNIT_OTHER] = {"update_frequency_unit_other",
	    "หน่วยความถี่ของการปรับปรุงข้อมูลอื่นๆ", OD_V_TEXT, false, NULL, 0},
	[OD_UPDATE_FREQUENCY_INTERVAL] = {"update_frequency_interval", "ค่าความถี่", OD_V_COUNT,
	    false, NULL, 0},
	[OD_GEO_COVERAGE] = {"geo_coverage", "ขอบเขตเชิงภูมิศาสตร์", OD_V_CHOICE, true,
	    geo_coverages, OD_GEO_COVERAGE_OTHER},
	[OD_GEO_COVERAGE_OTHER] = {"geo_coverage_other", "ขอบเขตเชิงภูมิศาสตร์อื่นๆ", OD_V_TEXT,
	    false, NULL, 0},
	[OD_DATA_SOURCE] = {"data_source", "แหล่งที่มา", OD_V_TEXT, true, NULL, 0},
	[OD_DATA_FORMAT] = {"data_format", "รูปแบบการเก็บข้อมูล", OD_V_CHOICES, true, data_formats,
	    OD_DATA_FORMAT_OTHER},
	[OD_DATA_FORMAT_OTHER] = {"data_format_other", "รูปแบบการเก็บข้อมูลอื่นๆ", OD_V_TEXT, false,
	    NULL, 0},
	[OD_DATA_CATEGORY] = {"data_category", "หมวดหมู่ข้อมูลตามธรรมาภิบาลข้อมูลภาครัฐ", OD_V_CHOICE,
	    true, data_categories, 0},
	[OD_LICENSE_ID] = {"license_id", "สัญญาอนุญาต", OD_V_CHOICE, true, licenses,
	    OD_LICENSE_ID_OTHER},
	[OD_LICENSE_ID_OTHER] = {"license_id_other", "สัญญาอนุญาตอื่นๆ", OD_V_TEXT, false, NULL, 0},
	[OD_ACCESSIBLE_CONDITION] = {"accessible_condition", "เงื่อนไขในการเข้าถึงข้อมูล", OD_V_TEXT,
	    false, NULL, 0},
	[OD_DATA_SUPPORT] = {"data_support", "ผู้สนับสนุนหรือผู้ร่วมดำเนินการ", OD_V_CHOICE, false,
	    data_supports, OD_DATA_SUPPORT_OTHER},
	[OD_DATA_SUPPORT_OTHER] = {"data_support_other", "ผู้สนับสนุนหรือผู้ร่วมดำเนินการอื่นๆ",
	    OD_V_TEXT, false, NULL, 0},
	[OD_URL] = {"url", "URL ข้อมูลเพิ่มเติม", OD_V_URL, false, NULL, 0},
	[OD_DATA_LANGUAGE] = {"data_language", "ภาษาที่ใช้", OD_V_CHOICES, false, languages, 0},
	[OD_CREATED_DATE] = {"created_date", "วันที่เริ่มต้นสร้าง", OD_V_DATE, false, NULL, 0},
	[OD_LAST_UPDATED_DATE] = {"last_updated_date", "วันที่ปรับปรุงข้อมูลล่าสุด", OD_V_DATE, false,
	    NULL, 0},
};

const od_key_info *od_key_info_of(od_key k)
{
	return (unsigned)k < OD_KEY__COUNT ? &keys[k] : NULL;
}

static const char *const kind_names[OD_KIND__COUNT] = {"plan", "progress", "cpi"};

const char *od_kind_name(od_kind k)
{
	return kind_names[k];
}

/* ---- placeholders ---------------------------------------------------------------- */

typedef enum placeholder {
	PH_AGENCY, PH_AGENCY_EN, PH_AGENCY_ID, PH_FISCAL_YEAR, PH_FISCAL_YEAR_TH, PH_FISCAL_YEAR_CE,
	PH_PLAN_TITLE, PH_ROUND, PH_ROUND_TH, PH__COUNT
} placeholder;

static const struct {
	const char *name;
	bool slug_safe; /* its values are always a-z 0-9 - */
} placeholders[PH__COUNT] = {
	[PH_AGENCY] = {"agency", false}, [PH_AGENCY_EN] = {"agency_en", false},
	[PH_AGENCY_ID] = {"agency_id", true}, [PH_FISCAL_YEAR] = {"fiscal_year", true},
	[PH_FISCAL_YEAR_TH] = {"fiscal_year_th", false}, [PH_FISCAL_YEAR_CE] = {"fiscal_year_ce", true},
	[PH_PLAN_TITLE] = {"plan_title", false}, [PH_ROUND] = {"round", true},
	[PH_ROUND_TH] = {"round_th", false},
};

const char *od_placeholder_list(void)
{
	return "{agency}, {agency_en}, {agency_id}, {fiscal_year}, {fiscal_year_th}, "
	       "{fiscal_year_ce}, {plan_title}, {round}, {round_th}";
}

static int placeholder_lookup(const char *s, size_t n)
{
	for (int i = 0; i < PH__COUNT; i++)
		if (strlen(placeholders[i].name) == n && !memcmp(placeholders[i].name, s, n))
			return i;
	return -1;
}

/* The value of placeholder ph for ds, or NULL when the dataset has none. */
static const char *placeholder_value(arena *a, const od_dataset *ds, placeholder ph)
{
	char th[32];
	switch (ph) {
	case PH_AGENCY: return ds->agency;
	case PH_AGENCY_EN: return ds->agency_en;
	case PH_AGENCY_ID: return ds->agency_id;
	case PH_PLAN_TITLE: return ds->plan_title;
	case PH_ROUND: return ds->round;
	case PH_ROUND_TH:
		if (!ds->round)
			return NULL;
		thai_digits_to_thai(ds->round, th, sizeof th);
		return arena_strdup(a, th);
	case PH_FISCAL_YEAR:
		return ds->fiscal_year ? arena_printf(a, "%d", ds->fiscal_year) : NULL;
	case PH_FISCAL_YEAR_CE:
		return ds->fiscal_year ? arena_printf(a, "%d", thai_be_to_ce(ds->fiscal_year)) : NULL;
	case PH_FISCAL_YEAR_TH:
		if (!ds->fiscal_year)
			return NULL;
		thai_digits_to_thai(arena_printf(a, "%d", ds->fiscal_year), th, sizeof th);
		return arena_strdup(a, th);
	case PH__COUNT: break;
	}
	return NULL;
}

/* ---- checks of single values ------------------------------------------------------ */

static bool slug_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static bool in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (!strcmp(*list, s))
			return true;
	return false;
}

static char *list_text(arena *a, const char *const *list)
{
	size_t n = 0;
	for (const char *const *l = list; *l; l++)
		n += strlen(*l) + 2;
	char *s = arena_alloc(a, n + 1);
	for (const char *const *l = list; *l; l++) {
		if (l != list)
			strcat(s, ", ");
		strcat(s, *l);
	}
	return s;
}

size_t od_split_list(arena *a, const char *text, const char **out, size_t max)
{
	size_t n = 0;
	const char *s = text;
	for (;;) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);
		size_t st, k;
		text_trim_span(s, len, &st, &k);
		if (n < max)
			out[n] = arena_strndup(a, s + st, k);
		n++;
		if (!comma)
			break;
		s = comma + 1;
	}
	return n < max ? n : max;
}

static bool valid_email(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@'))
		return false;
	for (const char *c = s; c < at; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
			strchr(".!#$%&'*+/=?^_`{|}~-", *c)))
			return false;
	const char *dom = at + 1, *dot = strrchr(dom, '.');
	if (!dot || dot == dom || !dot[1] || dom[0] == '.' || strstr(dom, ".."))
		return false;
	for (const char *c = dom; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
			*c == '.' || *c == '-'))
			return false;
	return true;
}

static bool valid_url(const char *s)
{
	const char *rest = text_starts_with(s, "https://") ? s + 8
			 : text_starts_with(s, "http://")  ? s + 7 : NULL;
	if (!rest || !*rest || *rest == '/')
		return false;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		if (*c <= ' ' || *c == '"' || *c == '<' || *c == '>')
			return false;
	return true;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

bool od_date_iso(const char *text, char iso[11])
{
	int y, m, dd, n = 0;
	if (strlen(text) == 10 && sscanf(text, "%4d-%2d-%2d%n", &y, &m, &dd, &n) == 3 && n == 10 &&
	    text[4] == '-' && text[7] == '-') {
		if (y < 1900 || y > 2399 || m < 1 || m > 12 || dd < 1 || dd > days_in_month(y, m))
			return false;
		memcpy(iso, text, 10); /* already YYYY-MM-DD with valid parts */
		iso[10] = '\0';
		return true;
	}
	thai_date d;
	thai_error err = {0};
	if (!thai_parse_date(text, &d, &err) || d.day == 0)
		return false;
	thai_date_iso(d, true, iso);
	return true;
}

/* Checks the placeholders of a TEXT or SLUG value; returns false after reporting. */
static bool check_placeholders(arena *a, const od_key_info *k, const char *v, const char *path,
    int line, diag_sink *d)
{
	bool ok = true;
	for (const char *s = v; *s; s++) {
		if (*s != '{' && *s != '}') {
			if (k->kind == OD_V_SLUG && !slug_char(*s)) {
				diag_report(d, path, line, 0, DIAG_OD_SLUG, k->name, v,
				    "may hold only a-z 0-9 _ - (and the placeholders {agency_id}, "
				    "{fiscal_year}, {fiscal_year_ce}, {round})");
				return false;
			}
			continue;
		}
		const char *close = *s == '{' ? strchr(s, '}') : NULL;
		int ph = close ? placeholder_lookup(s + 1, (size_t)(close - s - 1)) : -1;
		if (ph < 0) {
			const char *end = close ? close + 1 : s + 1;
			diag_report(d, path, line, 0, DIAG_OD_BAD_VALUE, k->name,
			    arena_printf(a, "\"%.*s\" is not a placeholder (expected one of: %s)",
				(int)(end - s), s, od_placeholder_list()));
			ok = false;
			s = end - 1;
			continue;
		}
		if (k->kind == OD_V_SLUG && !placeholders[ph].slug_safe) {
			diag_report(d, path, line, 0, DIAG_OD_SLUG, k->name, v,
			    arena_printf(a, "may not use {%s}: its text is not a-z 0-9 - _",
				placeholders[ph].name));
			ok = false;
		}
		s = close;
	}
	return ok;
}

/* Checks one value and returns its normalised text (ISO date, "True"), or NULL. */
static const char *check_value(arena *a, const od_key_info *k, const char *v, const char *path,
    int line, diag_sink *d)
{
	switch (k->kind) {
	case OD_V_TEXT:
	case OD_V_SLUG:
		return check_placeholders(a, k, v, path, line, d) ? v : NULL;
	case OD_V_CHOICE:
		if (in_list(k->values, v))
			return v;
		diag_report(d, path, line, 0, DIAG_OD_NOT_IN_LIST, k->name, v, list_text(a, k->values));
		return NULL;
	case OD_V_CHOICES: {
		const char *part[64];
		size_t n = od_split_list(a, v, part, 64);
		bool ok = true;
		for (size_t i = 0; i < n; i++) {
			for (size_t j = 0; j < i; j++)
				if (!strcmp(part[i], part[j])) {
					diag_report(d, path, line, 0, DIAG_OD_BAD_VALUE, k->name,
					    arena_printf(a, "\"%s\" is listed twice", part[i]));
					ok = false;
				}
			if (!in_list(k->values, part[i])) {
				diag_report(d, path, line, 0, DIAG_OD_NOT_IN_LIST, k->name, part[i],
				    list_text(a, k->values));
				ok = false;
			}
		}
		return ok ? v : NULL;
	}
	case OD_V_TAGS: {
		const char *part[64];
		size_t n = od_split_list(a, v, part, 64);
		bool ok = check_placeholders(a, k, v, path, line, d);
		for (size_t i = 0; i < n && ok; i++) {
			size_t cps = text_codepoints(part[i], strlen(part[i]));
			if (cps < 2 || cps > 100 || strpbrk(part[i], "\"'<>")) {
				diag_report(d, path, line, 0, DIAG_OD_BAD_VALUE, k->name,
				    arena_printf(a, "tag \"%s\": expected 2-100 characters without quotes "
						    "or angle brackets, separated by commas", part[i]));
				ok = false;
			}
		}
		return ok ? v : NULL;
	}
	case OD_V_EMAIL:
		if (valid_email(v))
			return v;
		diag_report(d, path, line, 0, DIAG_OD_BAD_VALUE, k->name,
		    arena_printf(a, "\"%s\" is not an e-mail address", v));
		return NULL;
	case OD_V_URL:
		if (valid_url(v))
			return check_placeholders(a, k, v, path, line, d) ? v : NULL;
		diag_report(d, path, line, 0, DIAG_OD_BAD_VALUE, k->name,
		    arena_printf(a, "\"%s\" is not a URL: expected http:// or https:// and no spaces", v));
		return NULL;
	case OD_V_DATE: {
		char iso[11];
		if (od_date_iso(v, iso))
			return arena_strdup(a, iso);
		if (strlen(v) == 10 && v[4] == '-' && atoi(v) >= 2400) {
			diag_report(d, path, line, 0, DIAG_OD_BAD_VALUE, k->name,
			    arena_printf(a, "\"%s\" gives a พ.ศ. year in an ISO date: ISO dates are ค.ศ. "
					    "(%d%s)", v, atoi(v) - 543, v + 4));
			return NULL;
		}
		diag_report(d, path, line, 0, DIAG_OD_BAD_VALUE, k->name,
		    arena_printf(a, "\"%s\" is not a date: expected YYYY-MM-DD (ค.ศ.) or a Thai date "
				    "with its day (๑๕ ม.ค. ๒๕๖๗)", v));
		return NULL;
	}
	case OD_V_BOOL:
		if (!strcmp(v, "True") || !strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "ใช่"))
			return "True";
		if (!strcmp(v, "False") || !strcmp(v, "false") || !strcmp(v, "no") ||
		    !strcmp(v, "ไม่ใช่"))
			return "False";
		diag_report(d, path, line, 0, DIAG_OD_BAD_VALUE, k->name,
		    arena_printf(a, "\"%s\": expected True or False (ใช่ / ไม่ใช่)", v));
		return NULL;
	case OD_V_COUNT: {
		thai_number num;
		thai_error err = {0};
		if (thai_parse_number(v, &num, &err) && num.value >= 1 && num.value <= 1000000 &&
		    num.decimals == 0)
			return arena_printf(a, "%.0f", num.value);
		diag_report(d, path, line, 0, DIAG_OD_BAD_VALUE, k->name,
		    arena_printf(a, "\"%s\": expected a whole number of times, 1 or more", v));
		return NULL;
	}
	}
	return NULL;
}

/* ---- reading files ---------------------------------------------------------------- */

static const char *key_list(arena *a)
{
	size_t n = 0;
	for (int k = 0; k < OD_KEY__COUNT; k++)
		n += strlen(keys[k].name) + 2;
	char *s = arena_alloc(a, n + 1);
	for (int k = 0; k < OD_KEY__COUNT; k++) {
		if (k)
			strcat(s, ", ");
		strcat(s, keys[k].name);
	}
	return s;
}

/* key as written → field and kind slot (0: every kind, 1 + kind: prefixed) */
static int key_lookup(const char *s, size_t n, int *slot)
{
	*slot = 0;
	for (int k = 0; k < OD_KIND__COUNT; k++) {
		size_t pl = strlen(kind_names[k]);
		if (n > pl + 1 && !memcmp(s, kind_names[k], pl) && s[pl] == '.') {
			*slot = 1 + k;
			s += pl + 1;
			n -= pl + 1;
			break;
		}
	}
	for (int k = 0; k < OD_KEY__COUNT; k++)
		if ((strlen(keys[k].name) == n && !memcmp(keys[k].name, s, n)) ||
		    (strlen(keys[k].thai) == n && !memcmp(keys[k].thai, s, n)))
			return k;
	return -1;
}

static void read_source(od_meta *m, od_file *f, const source_text *src, diag_sink *d)
{
	arena *a = &m->mem;
	for (size_t i = 0; i < src->nlines; i++) {
		const char *l = src->line[i];
		size_t len = src->line_len[i];
		int line = (int)i + 1;
		size_t s, n;
		text_trim_span(l, len, &s, &n);
		if (n == 0 || l[s] == '#')
			continue;
		const char *colon = memchr(l, ':', len);
		if (!colon) {
			diag_report(d, f->path, line, 0, DIAG_OD_SYNTAX, arena_strndup(a, l + s, n));
			continue;
		}
		size_t ks, kn;
		text_trim_span(l, (size_t)(colon - l), &ks, &kn);
		int slot, key = key_lookup(l + ks, kn, &slot);
		if (key < 0) {
			diag_report(d, f->path, line, (int)ks + 1, DIAG_OD_UNKNOWN_KEY,
			    arena_strndup(a, l + ks, kn), key_list(a));
			continue;
		}
		od_entry *e = &f->v[slot][key];
		if (e->line) {
			diag_report(d, f->path, line, 0, DIAG_OD_DUPLICATE_KEY,
			    arena_strndup(a, l + ks, kn), e->line);
			continue;
		}
		size_t vs, vn;
		const char *v = colon + 1;
		text_trim_span(v, len - (size_t)(v - l), &vs, &vn);
		if (vn == 0) {
			diag_report(d, f->path, line, 0, DIAG_OD_BAD_VALUE, keys[key].name, "empty value");
			continue;
		}
		const char *text = check_value(a, &keys[key], arena_strndup(a, v + vs, vn), f->path,
		    line, d);
		if (text)
			*e = (od_entry){text, f->path, line};
		else
			e->line = line; /* reported; a later duplicate is still a duplicate */
	}
}

static od_file *new_file(od_meta *m, const char *path, int depth, const char *agency, int fy)
{
	od_file *f = arena_alloc(&m->mem, sizeof *f);
	f->path = arena_strdup(&m->mem, path);
	f->depth = depth;
	f->agency = agency ? arena_strdup(&m->mem, agency) : NULL;
	f->fiscal_year = fy;
	ptr_vec_push(&m->mem, &m->files, f);
	return f;
}

void od_meta_read_memory(od_meta *m, const char *path, int depth, const char *agency,
    int fiscal_year, const char *text, diag_sink *d)
{
	od_file *f = new_file(m, path, depth, agency, fiscal_year);
	source_text src;
	if (!source_from_memory(f->path, text, strlen(text), &src, d))
		return;
	read_source(m, f, &src, d);
	source_free(&src);
}

bool od_meta_read(od_meta *m, const char *content_dir, diag_sink *d, size_t first_order)
{
	m->content_dir = arena_strdup(&m->mem, content_dir);
	path_list found = {0};
	if (!fs_find(content_dir, "opendata.txt", &found)) {
		path_list_free(&found);
		return false;
	}
	size_t root = strlen(content_dir);
	while (root > 1 && content_dir[root - 1] == '/')
		root--;
	for (size_t i = 0; i < found.n; i++) {
		d->file_order = first_order + i;
		const char *rel = found.v[i] + root + 1;
		/* rel is opendata.txt, A/opendata.txt or A/Y/opendata.txt */
		int depth = 0;
		for (const char *c = rel; *c; c++)
			depth += *c == '/';
		char agency[256] = "";
		int fy = 0;
		bool placed = depth <= 2;
		if (depth >= 1)
			snprintf(agency, sizeof agency, "%.*s", (int)strcspn(rel, "/"), rel);
		if (depth == 2) {
			const char *y = strchr(rel, '/') + 1;
			char year[16];
			thai_error err = {0};
			snprintf(year, sizeof year, "%.*s", (int)strcspn(y, "/"), y);
			placed = thai_parse_year(year, &fy, &err);
		}
		od_file *f = new_file(m, found.v[i], depth, depth ? agency : NULL, fy);
		if (!placed) {
			diag_report(d, f->path, 1, 0, DIAG_OD_MISPLACED);
			continue;
		}
		source_text src;
		if (!source_load(f->path, &src, d))
			continue;
		read_source(m, f, &src, d);
		source_free(&src);
	}
	path_list_free(&found);
	return true;
}

void od_meta_free(od_meta *m)
{
	arena_free(&m->mem);
	*m = (od_meta){0};
}

/* ---- datasets --------------------------------------------------------------------- */

size_t od_meta_files_for(const od_meta *m, const od_dataset *ds, const od_file *out[3])
{
	const char *folder = ds->kind == OD_KIND_CPI ? "cpi" : ds->agency_id;
	const od_file *root = NULL, *agency = NULL, *year = NULL;
	for (size_t i = 0; i < m->files.n; i++) {
		const od_file *f = m->files.v[i];
		if (f->depth == 0)
			root = f;
		else if (f->depth == 1 && folder && !strcmp(f->agency, folder))
			agency = f;
		else if (f->depth == 2 && folder && !strcmp(f->agency, folder) &&
			 f->fiscal_year == ds->fiscal_year)
			year = f;
	}
	if (!agency)
		return 0;
	size_t n = 0;
	if (root)
		out[n++] = root;
	out[n++] = agency;
	if (year)
		out[n++] = year;
	return n;
}

/* One value often serves several datasets (a plan and its progress rounds): a problem of
 * the value is reported once, not once per dataset. Drops the diagnostic just reported
 * when it repeats an earlier one word for word. */
static void drop_repeat(diag_sink *d)
{
	if (!d->n)
		return;
	diag *last = &d->items[d->n - 1];
	for (size_t i = 0; i + 1 < d->n; i++) {
		const diag *x = &d->items[i];
		if (x->line == last->line && x->code == last->code && !strcmp(x->path, last->path) &&
		    !strcmp(x->message, last->message)) {
			free(last->message);
			d->n--;
			return;
		}
	}
}

/* Fills the placeholders of e's text for ds; NULL after reporting one that has no value. */
static const char *expand(arena *a, const od_dataset *ds, const od_key_info *k,
    const od_entry *e, diag_sink *d)
{
	buf b = {0};
	const char *s = e->text;
	bool ok = true;
	while (*s) {
		const char *open = strchr(s, '{');
		if (!open) {
			buf_puts(&b, s);
			break;
		}
		buf_put(&b, s, (size_t)(open - s));
		const char *close = strchr(open, '}');
		int ph = placeholder_lookup(open + 1, (size_t)(close - open - 1));
		const char *v = placeholder_value(a, ds, (placeholder)ph);
		if (!v) {
			diag_report(d, e->path, e->line, 0, DIAG_OD_BAD_VALUE, k->name,
			    arena_printf(a, "{%s} has no value for a %s dataset", placeholders[ph].name,
				kind_names[ds->kind]));
			drop_repeat(d);
			ok = false;
		} else {
			buf_puts(&b, v);
		}
		s = close + 1;
	}
	const char *out = ok ? arena_strndup(a, b.data ? b.data : "", b.len) : NULL;
	buf_free(&b);
	return out;
}

static const char *dataset_label(arena *a, const od_dataset *ds)
{
	if (ds->kind == OD_KIND_CPI)
		return "cpi";
	if (ds->kind == OD_KIND_PROGRESS)
		return arena_printf(a, "%s/%d progress-%s", ds->agency_id, ds->fiscal_year, ds->round);
	return arena_printf(a, "%s/%d plan", ds->agency_id, ds->fiscal_year);
}

bool od_dataset_resolve(od_meta *m, od_dataset *ds, diag_sink *d)
{
	arena *a = &m->mem;
	const od_file *files[3];
	size_t nf = od_meta_files_for(m, ds, files);
	if (!nf)
		return false;
	size_t errors = diag_count(d, DIAG_ERROR);
	int slot = 1 + (int)ds->kind;
	for (int k = 0; k < OD_KEY__COUNT; k++) {
		const od_entry *e = NULL;
		for (size_t i = nf; i-- > 0 && !e;) {
			if (files[i]->v[slot][k].text)
				e = &files[i]->v[slot][k];
			else if (files[i]->v[0][k].text)
				e = &files[i]->v[0][k];
		}
		ds->value[k] = NULL;
		ds->from[k] = e ? *e : (od_entry){0};
		if (e)
			ds->value[k] = expand(a, ds, &keys[k], e, d);
		else
			ds->value[k] = ds->fallback[k];
	}
	const char *label = dataset_label(a, ds);
	/* a field nobody gave belongs in the agency's own file (the one that opted it in) */
	const od_file *own = files[0]->depth == 1 ? files[0] : files[1];
	for (int k = 0; k < OD_KEY__COUNT; k++) {
		const od_key_info *ki = &keys[k];
		const char *v = ds->value[k];
		if (!v) {
			if (ki->required && !ds->from[k].line)
				diag_report(d, own->path, 1, 0, DIAG_OD_MISSING, label, ki->name, ki->thai);
			continue;
		}
		int line = ds->from[k].line;
		const char *path = ds->from[k].path ? ds->from[k].path : own->path;
		if (ki->kind == OD_V_SLUG) {
			size_t n = strlen(v);
			const char *why = n > OD_SLUG_MAX ? arena_printf(a, "is %zu characters long: "
								      "data.go.th allows at most %d", n, OD_SLUG_MAX)
					: n < 2 ? "is shorter than 2 characters" : NULL;
			for (const char *c = v; *c && !why; c++)
				if (!slug_char(*c))
					why = "may hold only a-z 0-9 _ -";
			if (!why && (!strcmp(v, "new") || !strcmp(v, "edit") || !strcmp(v, "search")))
				why = "is a word CKAN keeps for itself";
			if (why) {
				diag_report(d, path, line ? line : 1, 0, DIAG_OD_SLUG, ki->name, v, why);
				drop_repeat(d);
			}
		}
		if (ki->other) {
			const char *part[64];
			size_t n = ki->kind == OD_V_CHOICES ? od_split_list(a, v, part, 64) : 1;
			if (ki->kind != OD_V_CHOICES)
				part[0] = v;
			for (size_t i = 0; i < n; i++) {
				size_t len = strlen(part[i]);
				static const char other[] = "อื่นๆ";
				if (len >= sizeof other - 1 &&
				    !strcmp(part[i] + len - (sizeof other - 1), other) && !ds->value[ki->other]) {
					diag_report(d, path, line ? line : 1, 0, DIAG_OD_OTHER_MISSING, ki->name,
					    part[i], keys[ki->other].name);
					drop_repeat(d);
				}
			}
		}
	}
	return diag_count(d, DIAG_ERROR) == errors;
}

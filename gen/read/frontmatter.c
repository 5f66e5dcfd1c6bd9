/* frontmatter.c — the `---` block of `key: value` lines at the top of a plan. */
#include <stdio.h>
#include <string.h>

#include "read/reader.h"
#include "util/text.h"

typedef enum fm_key {
	FM_AGENCY,
	FM_AGENCY_EN,
	FM_AGENCY_ID,
	FM_TITLE,
	FM_FISCAL_YEAR,
	FM_KIND,
	FM_LEVELS,
	FM_LEVEL_DEPTH,
	FM_PERIOD,
	FM_LAYOUT,
	FM_SOURCE,
	FM__COUNT
} fm_key;

static const struct {
	const char *key, *thai;
	bool required;
} fm_keys[FM__COUNT] = {
	[FM_AGENCY] = {"agency", "หน่วยงาน", true},
	[FM_AGENCY_EN] = {"agency_en", "หน่วยงานภาษาอังกฤษ", true},
	[FM_AGENCY_ID] = {"agency_id", "รหัสหน่วยงาน", true},
	[FM_TITLE] = {"title", "ชื่อแผน", true},
	[FM_FISCAL_YEAR] = {"fiscal_year", "ปีงบประมาณ", true},
	[FM_KIND] = {"kind", "ประเภท", true},
	[FM_LEVELS] = {"levels", "ระดับ", true},
	[FM_LEVEL_DEPTH] = {"level_depth", "ระดับหัวข้อ", false},
	[FM_PERIOD] = {"period", "ระยะเวลา", false},
	[FM_LAYOUT] = {"layout", "รูปแบบ", false},
	[FM_SOURCE] = {"source", "ที่มา", false},
};

static const char fm_key_list[] = "agency, agency_en, agency_id, title, fiscal_year, kind, "
				  "levels, level_depth, period, layout, source";

static int fm_lookup(const char *key, size_t len)
{
	for (int k = 0; k < FM__COUNT; k++)
		if ((strlen(fm_keys[k].key) == len && memcmp(fm_keys[k].key, key, len) == 0) ||
		    (strlen(fm_keys[k].thai) == len && memcmp(fm_keys[k].thai, key, len) == 0))
			return k;
	return -1;
}

static bool is_fence(const source_text *src, size_t i)
{
	return src->line_len[i] >= 3 && text_is_blank_after(src->line[i], src->line_len[i], 3) &&
	       memcmp(src->line[i], "---", 3) == 0;
}

static bool valid_agency_id(const char *s)
{
	if (!*s || strlen(s) > 40)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

/* Diagnostics name src->path, never p->path: a plan whose front matter is unusable is
 * freed at once, and its diagnostics are printed later. */
static void set_levels(plan *p, const char *path, const char *value, int line, diag_sink *d)
{
	p->nlevels = 0;
	const char *s = value;
	while (*s) {
		const char *gt = strchr(s, '>');
		size_t len = gt ? (size_t)(gt - s) : strlen(s);
		size_t start, n;
		text_trim_span(s, len, &start, &n);
		if (n == 0) {
			diag_report(d, path, line, 0, DIAG_FM_BAD_VALUE, "levels",
			    "expected level names separated by `>`, found an empty name");
			return;
		}
		if (p->nlevels == MODEL_MAX_LEVELS) {
			diag_report(d, path, line, 0, DIAG_FM_BAD_VALUE, "levels",
			    "at most 5 levels");
			return;
		}
		p->level_names[p->nlevels++] = arena_strndup(&p->mem, s + start, n);
		if (!gt)
			break;
		s = gt + 1;
	}
}

static void set_value(plan *p, const char *path, fm_key key, const char *value, int line,
    diag_sink *d)
{
	char msg[512];
	thai_error err = {0};
	switch (key) {
	case FM_AGENCY: p->agency = value; break;
	case FM_AGENCY_EN: p->agency_en = value; break;
	case FM_TITLE: p->title = value; break;
	case FM_SOURCE: p->source = value; break;
	case FM_LAYOUT: p->layout = value; break;
	case FM_AGENCY_ID:
		p->agency_id = value;
		if (!valid_agency_id(value)) {
			snprintf(msg, sizeof msg, "\"%s\" is not an id: expected 1-40 of a-z 0-9 -", value);
			diag_report(d, path, line, 0, DIAG_FM_BAD_VALUE, "agency_id", msg);
		}
		break;
	case FM_FISCAL_YEAR:
		p->fiscal_year_source = value;
		p->fiscal_year_line = line;
		if (!thai_parse_year(value, &p->fiscal_year_be, &err))
			diag_report(d, path, line, 0, DIAG_FM_BAD_VALUE, "fiscal_year", err.message);
		break;
	case FM_KIND:
		p->kind_source = value;
		if (!strcmp(value, "action-plan") || !strcmp(value, "แผนปฏิบัติการ"))
			p->kind = PLAN_ACTION;
		else if (!strcmp(value, "progress-report") || !strcmp(value, "รายงานผล"))
			p->kind = PLAN_PROGRESS_REPORT;
		else {
			snprintf(msg, sizeof msg,
			    "\"%s\": expected action-plan (แผนปฏิบัติการ) or progress-report (รายงานผล)",
			    value);
			diag_report(d, path, line, 0, DIAG_FM_BAD_VALUE, "kind", msg);
		}
		break;
	case FM_LEVELS: set_levels(p, path, value, line, d); break;
	case FM_LEVEL_DEPTH:
		if (strlen(value) == 1 && value[0] >= '1' && value[0] <= '6') {
			p->level_depth = value[0] - '0';
		} else {
			snprintf(msg, sizeof msg, "\"%s\": expected a heading depth 1-6", value);
			diag_report(d, path, line, 0, DIAG_FM_BAD_VALUE, "level_depth", msg);
		}
		break;
	case FM_PERIOD:
		p->period_source = value;
		break;
	case FM__COUNT: break;
	}
}

size_t frontmatter_read(const source_text *src, plan *p, diag_sink *d)
{
	if (src->nlines == 0 || !is_fence(src, 0)) {
		diag_report(d, src->path, 1, 0, DIAG_FM_MISSING_BLOCK);
		return (size_t)-1;
	}
	int seen[FM__COUNT] = {0};
	int period_line = 0;
	size_t i;
	for (i = 1; i < src->nlines && !is_fence(src, i); i++) {
		const char *l = src->line[i];
		size_t len = src->line_len[i];
		int line = (int)i + 1;
		size_t s, n;
		text_trim_span(l, len, &s, &n);
		if (n == 0 || l[s] == '#')
			continue; /* blank lines and comments */
		const char *colon = memchr(l, ':', len);
		if (!colon) {
			char *shown = arena_strndup(&p->mem, l + s, n);
			diag_report(d, src->path, line, 0, DIAG_FM_SYNTAX, shown);
			continue;
		}
		size_t ks, kn;
		text_trim_span(l, (size_t)(colon - l), &ks, &kn);
		int key = fm_lookup(l + ks, kn);
		if (key < 0) {
			char *shown = arena_strndup(&p->mem, l + ks, kn);
			diag_report(d, src->path, line, (int)ks + 1, DIAG_FM_UNKNOWN_KEY, shown, fm_key_list);
			continue;
		}
		if (seen[key]) {
			diag_report(d, src->path, line, 0, DIAG_FM_DUPLICATE_KEY, fm_keys[key].key);
			continue;
		}
		seen[key] = line;
		size_t vs, vn;
		const char *v = colon + 1;
		text_trim_span(v, len - (size_t)(v - l), &vs, &vn);
		if (vn == 0) {
			diag_report(d, src->path, line, 0, DIAG_FM_BAD_VALUE, fm_keys[key].key, "empty value");
			continue;
		}
		if (key == FM_PERIOD)
			period_line = line;
		set_value(p, src->path, (fm_key)key, arena_strndup(&p->mem, v + vs, vn), line, d);
	}
	if (i == src->nlines) {
		diag_report(d, src->path, 1, 0, DIAG_FM_UNCLOSED);
		return (size_t)-1;
	}
	for (int k = 0; k < FM__COUNT; k++)
		if (fm_keys[k].required && !seen[k])
			diag_report(d, src->path, (int)i + 1, 0, DIAG_FM_MISSING_KEY, fm_keys[k].key);
	/* the plan's period: the fiscal year unless stated */
	thai_error err = {0};
	if (p->period_source) {
		if (!thai_parse_period(p->period_source, p->fiscal_year_be, &p->period, &err))
			diag_report(d, src->path, period_line, 0, DIAG_FM_BAD_VALUE, "period", err.message);
	} else if (p->fiscal_year_be) {
		p->period.kind = THAI_PERIOD_RANGE;
		p->period.start = (thai_date){p->fiscal_year_be - 1, 10, 1};
		p->period.end = (thai_date){p->fiscal_year_be, 9, 30};
	}
	return i + 1;
}

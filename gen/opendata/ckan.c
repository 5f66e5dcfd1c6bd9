/* ckan.c — data.go.th payloads (ckan.h). */
#include "opendata/ckan.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opendata/opendata.h"
#include "out/backend.h"

typedef struct dataset {
	od_dataset ds;
	const char *folder;          /* content folder that must hold opendata.txt */
	const char *warn_path;       /* where a missing opt-in is reported */
	const output_file **files;
	size_t n;
} dataset;

typedef struct dataset_list {
	dataset *v;
	size_t n, cap;
} dataset_list;

static dataset *add_dataset(dataset_list *l)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		dataset *v = realloc(l->v, l->cap * sizeof *v);
		if (!v)
			abort();
		l->v = v;
	}
	dataset *d = &l->v[l->n++];
	*d = (dataset){0};
	return d;
}

static void add_file(dataset *d, const output_file *f)
{
	const output_file **v = realloc(d->files, (d->n + 1) * sizeof *v);
	if (!v)
		abort();
	d->files = v;
	d->files[d->n++] = f;
}

static const char *base_name(const char *rel)
{
	const char *s = strrchr(rel, '/');
	return s ? s + 1 : rel;
}

static const char *extension(const char *rel)
{
	const char *dot = strrchr(base_name(rel), '.');
	return dot ? dot + 1 : "";
}

/* CKAN's `format` of a file, and the GD-Catalog data_format it counts as. */
static void formats_of(const char *rel, const char **ckan, const char **gdc)
{
	const char *e = extension(rel);
	static const struct {
		const char *ext, *ckan, *gdc;
	} map[] = {{"csv", "CSV", "CSV"}, {"json", "JSON", "JSON"}, {"pdf", "PDF", "PDF"},
		{"svg", "SVG", "Image"}, {"png", "PNG", "Image"}, {"html", "HTML", "HTML"},
		{"xlsx", "XLSX", "XLS"}, {"txt", "TXT", "Text"}};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (!strcmp(map[i].ext, e)) {
			*ckan = map[i].ckan;
			*gdc = map[i].gdc;
			return;
		}
	*ckan = e;
	*gdc = "อื่นๆ";
}

/* data_format when the metadata gives none: the formats of the files, in the order of
 * the GD-Catalog list. */
static const char *derived_formats(arena *a, const dataset *d)
{
	static const char *const order[] = {"CSV", "JSON", "HTML", "PDF", "Image", "Text", "XLS"};
	buf b = {0};
	for (size_t k = 0; k < sizeof order / sizeof *order; k++)
		for (size_t i = 0; i < d->n; i++) {
			const char *ckan, *gdc;
			formats_of(d->files[i]->path, &ckan, &gdc);
			if (!strcmp(gdc, order[k])) {
				if (b.len)
					buf_puts(&b, ", ");
				buf_puts(&b, gdc);
				break;
			}
		}
	const char *s = b.len ? arena_strndup(a, b.data, b.len) : NULL;
	buf_free(&b);
	return s;
}

/* Files other back ends write, by name (a stem without extension stands for every
 * format of it): what they are. */
static const struct {
	const char *stem, *name, *desc;
} known[] = {
	{"plan.pdf", "เอกสารแผนปฏิบัติการ", "แผนปฏิบัติการทั้งฉบับสำหรับอ่านและพิมพ์ / The whole plan as a document"},
	{"plan.json", "แผนปฏิบัติการทั้งฉบับ", "ทุกรายการของแผนพร้อมค่าที่แปลงแล้วและข้อความต้นฉบับ (รูปแบบ "
	    "prongsai-plan/1) / The whole plan, typed"},
	{"cpi-report", "รายงานดัชนีการรับรู้การทุจริต (CPI)",
	    "กราฟและตารางคะแนน CPI ของประเทศไทย / The CPI report: charts and tables"},
	{"cpi.json", "ข้อมูลดัชนีการรับรู้การทุจริต (CPI) ทั้งชุด",
	    "คะแนน อันดับ แหล่งข้อมูล ค่าเป้าหมาย และเอกสารที่มา / Scores, ranks, sources, targets"},
	{"cpi-score", "กราฟคะแนน CPI เทียบค่าเป้าหมาย", "Score by year with the targets"},
	{"cpi-rank", "กราฟอันดับ CPI", "Rank by year"},
	{"cpi-sources", "กราฟคะแนนจากแหล่งข้อมูลแต่ละแหล่ง", "One small chart per source survey"},
	{"cpi-countries", "กราฟเปรียบเทียบประเทศ", "Countries compared for one year"},
	{"datapackage", "Data Package: คำอธิบายตารางทั้งหมด",
	    "Frictionless Data Package ของทุกตาราง CSV / Every CSV table described"},
	{"index", "ชุดคำอธิบายสำหรับ data.go.th (CKAN)",
	    "รายการชุดข้อมูลและไฟล์สำหรับ make upload / The data.go.th payloads"},
};

/* `progress-12…` → 12, else 0 */
static int progress_months(const char *base)
{
	return !strncmp(base, "progress-", 9) ? atoi(base + 9) : 0;
}

void od_describe_file(const char *rel, char *name, size_t nsz, char *desc, size_t dsz)
{
	const char *base = base_name(rel), *ckan, *gdc;
	formats_of(rel, &ckan, &gdc);
	int months = progress_months(base);
	char round[64] = "";
	if (months)
		snprintf(round, sizeof round, " รอบ %s เดือน", months == 6 ? "๖" : months == 12 ? "๑๒" : "");
	const od_table *tab = od_table_for_path(rel);
	if (!tab && od_is_excel_copy(rel)) {
		char machine[512];
		snprintf(machine, sizeof machine, "%.*s.csv", (int)(strlen(rel) - 10), rel);
		if ((tab = od_table_for_path(machine))) {
			snprintf(name, nsz, "%s%s (CSV สำหรับ Excel)", tab->title_th, round);
			snprintf(desc, dsz,
			    "%s — ตารางเดียวกับ %s แต่มี BOM ของ UTF-8 ให้ Excel อ่านภาษาไทยได้ และข้อความที่ขึ้นต้น"
			    "ด้วย = + - @ มีเครื่องหมาย ' นำหน้าเพื่อไม่ให้ถูกคำนวณเป็นสูตร / The same table with a "
			    "UTF-8 BOM for Excel and formula-like text neutralised.", tab->desc_th,
			    base_name(machine));
			return;
		}
	}
	if (tab) {
		snprintf(name, nsz, "%s%s (CSV)", tab->title_th, round);
		snprintf(desc, dsz, "%s / %s. UTF-8 ไม่มี BOM, RFC 4180; คำอธิบายทุกคอลัมน์อยู่ใน "
				    "data-dictionary.csv", tab->desc_th, tab->desc_en);
		return;
	}
	if (months) {
		snprintf(name, nsz, "%s%s (%s)", !strcmp(ckan, "PDF") ? "รายงานผลการดำเนินงาน"
						: "ผลการดำเนินงานทั้งชุด", round, ckan);
		snprintf(desc, dsz, "ผลการดำเนินงานตามแผน%s / The progress report of the %d-month round",
		    round, months);
		return;
	}
	size_t stem = strcspn(base, ".");
	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (strchr(known[i].stem, '.') ? !strcmp(known[i].stem, base)
					       : strlen(known[i].stem) == stem && !strncmp(known[i].stem, base, stem)) {
			snprintf(name, nsz, "%s (%s)", known[i].name, ckan);
			snprintf(desc, dsz, "%s", known[i].desc);
			return;
		}
	snprintf(name, nsz, "%s (%s)", base, ckan);
	snprintf(desc, dsz, "%s", base);
}

/* ---- finding the datasets in the staged tree ---------------------------------------- */

static bool has_prefix(const char *s, const char *p)
{
	return !strncmp(s, p, strlen(p));
}

static void find_datasets(dataset_list *l, const output_file *files, size_t n,
    plan *const *plans, size_t nplans, arena *a)
{
	for (size_t k = 0; k < nplans; k++) {
		const plan *p = plans[k];
		char *dir = arena_printf(a, "%s/%d/", p->agency_id, p->fiscal_year_be);
		dataset *d = add_dataset(l);
		d->ds = (od_dataset){.kind = OD_KIND_PLAN, .agency_id = p->agency_id,
			.fiscal_year = p->fiscal_year_be, .agency = p->agency, .agency_en = p->agency_en,
			.plan_title = p->title};
		d->folder = p->agency_id;
		d->warn_path = p->path;
		for (size_t i = 0; i < n; i++) {
			const char *rel = files[i].path;
			if (!has_prefix(rel, dir))
				continue;
			const char *base = rel + strlen(dir);
			if (!strchr(base, '/') && (has_prefix(base, "plan.") || has_prefix(base, "plan-")))
				add_file(d, &files[i]);
		}
		/* progress rounds: progress-<round>.csv names the round; its other files share
		 * the stem */
		for (size_t i = 0; i < n; i++) {
			const char *rel = files[i].path;
			if (!has_prefix(rel, dir))
				continue;
			const char *base = rel + strlen(dir);
			size_t bl = strlen(base);
			if (strchr(base, '/') || !has_prefix(base, "progress-") ||
			    bl <= 13 || strcmp(base + bl - 4, ".csv") || od_is_excel_copy(rel))
				continue;
			char *round = arena_strndup(a, base + 9, bl - 13);
			dataset *r = add_dataset(l);
			r->ds = (od_dataset){.kind = OD_KIND_PROGRESS, .agency_id = p->agency_id,
				.fiscal_year = p->fiscal_year_be, .round = round, .agency = p->agency,
				.agency_en = p->agency_en, .plan_title = p->title};
			r->folder = p->agency_id;
			r->warn_path = p->path;
			char *stem_dot = arena_printf(a, "%sprogress-%s.", dir, round);
			char *stem_dash = arena_printf(a, "%sprogress-%s-", dir, round);
			for (size_t j = 0; j < n; j++)
				if (has_prefix(files[j].path, stem_dot) ||
				    (has_prefix(files[j].path, stem_dash) &&
					od_is_excel_copy(files[j].path) &&
					!strchr(files[j].path + strlen(stem_dash), '-')))
					add_file(r, &files[j]);
		}
	}
	dataset *cpi = NULL;
	for (size_t i = 0; i < n; i++)
		if (has_prefix(files[i].path, "cpi/")) {
			if (!cpi) {
				cpi = add_dataset(l);
				cpi->ds = (od_dataset){.kind = OD_KIND_CPI};
				cpi->folder = "cpi";
			}
			add_file(cpi, &files[i]);
		}
}

/* ---- payloads -------------------------------------------------------------------- */

static json_t *list_json(arena *a, const char *v)
{
	const char *part[64];
	size_t n = od_split_list(a, v, part, 64);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_string(part[i]));
	return arr;
}

static json_t *package_json(arena *a, const od_dataset *ds)
{
	json_t *o = json_object();
	static const od_key first[] = {OD_NAME, OD_TITLE};
	for (size_t i = 0; i < 2; i++)
		json_object_set_new(o, od_key_info_of(first[i])->name, json_string(ds->value[first[i]]));
	for (int k = 0; k < OD_KEY__COUNT; k++) {
		const od_key_info *ki = od_key_info_of((od_key)k);
		const char *v = ds->value[k];
		if (!v || k == OD_NAME || k == OD_TITLE)
			continue;
		if (ki->kind == OD_V_CHOICES)
			json_object_set_new(o, ki->name, list_json(a, v));
		else
			json_object_set_new(o, ki->name, json_string(v));
	}
	return o;
}

static json_t *resource_payload(const od_dataset *ds, const output_file *f)
{
	char name[512], desc[2048];
	od_describe_file(f->path, name, sizeof name, desc, sizeof desc);
	const char *ckan, *gdc;
	formats_of(f->path, &ckan, &gdc);
	json_t *o = json_object();
	json_object_set_new(o, "package_id", json_string(ds->value[OD_NAME]));
	json_object_set_new(o, "name", json_string(name));
	json_object_set_new(o, "description", json_string(desc));
	json_object_set_new(o, "format", json_string(ckan));
	json_object_set_new(o, "mimetype", json_string(f->media_type));
	json_object_set_new(o, "size", json_integer((json_int_t)f->bytes));
	char hash[80];
	snprintf(hash, sizeof hash, "sha256:%s", f->sha256);
	json_object_set_new(o, "hash", json_string(hash));
	json_object_set_new(o, "url", json_string(base_name(f->path)));
	if (ds->value[OD_CREATED_DATE])
		json_object_set_new(o, "resource_created_date", json_string(ds->value[OD_CREATED_DATE]));
	if (ds->value[OD_LAST_UPDATED_DATE])
		json_object_set_new(o, "resource_last_updated_date",
		    json_string(ds->value[OD_LAST_UPDATED_DATE]));
	if (ds->value[OD_ACCESSIBLE_CONDITION])
		json_object_set_new(o, "resource_accessible_condition",
		    json_string(ds->value[OD_ACCESSIBLE_CONDITION]));
	return o;
}

static bool write_json(output_tree *t, const char *rel, json_t *v)
{
	buf b = {0};
	json_render(v, &b);
	json_decref(v);
	bool ok = output_write(t, rel, "application/json", &b);
	buf_free(&b);
	return ok;
}

static int file_cmp(const void *x, const void *y)
{
	return strcmp(((const output_file *)x)->path, ((const output_file *)y)->path);
}

/* A dataset's files in reading order (the order the portal lists its resources). */
static int rank_cmp(const void *x, const void *y)
{
	const output_file *a = *(const output_file *const *)x, *b = *(const output_file *const *)y;
	int ra = od_file_rank(a->path), rb = od_file_rank(b->path);
	return ra != rb ? ra - rb : strcmp(a->path, b->path);
}

/* data.go.th keeps names and titles unique: two of our datasets may not share one. */
static void check_unique(arena *a, dataset_list *l, diag_sink *d, const bool *resolved)
{
	static const od_key unique[] = {OD_NAME, OD_TITLE};
	for (size_t u = 0; u < 2; u++)
		for (size_t i = 0; i < l->n; i++)
			for (size_t j = 0; j < i; j++) {
				const od_dataset *x = &l->v[i].ds, *y = &l->v[j].ds;
				od_key k = unique[u];
				if (!resolved[i] || !resolved[j] || !x->value[k] || !y->value[k] ||
				    strcmp(x->value[k], y->value[k]))
					continue;
				diag_report(d, x->from[k].path, x->from[k].line, 0, DIAG_OD_NOT_UNIQUE,
				    od_key_info_of(k)->name, x->value[k], x->value[OD_NAME] ? x->value[OD_NAME] : "",
				    arena_printf(a, "%s", y->value[OD_NAME] ? y->value[OD_NAME] : ""));
				break;
			}
}

bool ckan_publish(output_tree *t, plan *const *plans, size_t nplans, od_meta *m,
    const char *date, diag_sink *d)
{
	arena *a = &m->mem;
	output_file *files = calloc(t->n ? t->n : 1, sizeof *files);
	if (!files)
		abort();
	size_t n = t->n;
	memcpy(files, t->files, n * sizeof *files); /* paths stay owned by t, which outlives us */
	qsort(files, n, sizeof *files, file_cmp);
	dataset_list l = {0};
	find_datasets(&l, files, n, plans, nplans, a);
	bool *resolved = calloc(l.n ? l.n : 1, sizeof *resolved);
	if (!resolved)
		abort();
	size_t errors = diag_count(d, DIAG_ERROR);
	const char *warned[256];
	size_t nwarned = 0;
	for (size_t i = 0; i < l.n; i++) {
		dataset *ds = &l.v[i];
		const od_file *applies[3];
		if (!ds->n)
			continue;
		if (!od_meta_files_for(m, &ds->ds, applies)) {
			bool seen = false;
			for (size_t w = 0; w < nwarned; w++)
				seen |= !strcmp(warned[w], ds->folder);
			/* only a publisher that uses open-data metadata at all is told who lacks it */
			if (!seen && nwarned < 256 && m->files.n) {
				warned[nwarned++] = ds->folder;
				diag_report(d, ds->warn_path ? ds->warn_path
							   : arena_printf(a, "%s/cpi", m->content_dir ? m->content_dir : "content"),
				    ds->warn_path ? 1 : 0, 0,
				    DIAG_OD_NO_METADATA, ds->folder,
				    arena_printf(a, "%s/%s/opendata.txt",
					m->content_dir ? m->content_dir : "content", ds->folder));
			}
			continue;
		}
		qsort(ds->files, ds->n, sizeof *ds->files, rank_cmp);
		ds->ds.fallback[OD_DATA_FORMAT] = derived_formats(a, ds);
		ds->ds.fallback[OD_LAST_UPDATED_DATE] = *date ? arena_strdup(a, date) : NULL;
		resolved[i] = od_dataset_resolve(m, &ds->ds, d);
	}
	check_unique(a, &l, d, resolved);
	bool ok = diag_count(d, DIAG_ERROR) == errors;
	json_t *index = json_array();
	for (size_t i = 0; i < l.n && ok; i++) {
		if (!resolved[i])
			continue;
		const od_dataset *ds = &l.v[i].ds;
		const char *name = ds->value[OD_NAME];
		char rel[600];
		snprintf(rel, sizeof rel, "ckan/%s/package.json", name);
		json_t *entry = json_pack("{s:s,s:s}", "name", name, "package", rel);
		ok = write_json(t, rel, package_json(a, ds));
		json_t *res = json_array();
		for (size_t k = 0; k < l.v[i].n && ok; k++) {
			snprintf(rel, sizeof rel, "ckan/%s/resource-%02zu.json", name, k + 1);
			ok = write_json(t, rel, resource_payload(ds, l.v[i].files[k]));
			json_array_append_new(res, json_pack("{s:s,s:s}", "payload", rel, "file",
						       l.v[i].files[k]->path));
		}
		json_object_set_new(entry, "resources", res);
		json_array_append_new(index, entry);
	}
	if (ok && json_array_size(index))
		ok = write_json(t, "ckan/index.json",
		    json_pack("{s:s,s:O}", "format", "prongsai-ckan/1", "datasets", index));
	json_decref(index);
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i].files);
	free(l.v);
	free(resolved);
	free(files);
	return ok;
}

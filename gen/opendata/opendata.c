/* opendata.c — the open-data stage (opendata.h): plan-items, Excel copies, the data
 * dictionary and datapackage.json; the data.go.th payloads are ckan.c's. */
#include "opendata/opendata.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opendata/ckan.h"
#include "out/backend.h"
#include "thai/thai.h"
#include "util/fs.h"

void od_publication_date(const char *sde, char out[11])
{
	out[0] = '\0';
	if (!sde || !*sde)
		return;
	char *end;
	errno = 0;
	long long v = strtoll(sde, &end, 10);
	if (errno || *end || v < 0)
		return;
	time_t tt = (time_t)v;
	struct tm tm;
	if (gmtime_r(&tt, &tm))
		strftime(out, 11, "%Y-%m-%d", &tm);
}

bool od_read_staged(const output_tree *t, const char *rel, buf *out)
{
	char *path;
	if (asprintf(&path, "%s/%s", t->staging, rel) < 0)
		abort();
	FILE *f = fopen(path, "rb");
	free(path);
	if (!f)
		return false;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_put(out, chunk, n);
	bool ok = !ferror(f);
	fclose(f);
	return ok;
}

int od_file_rank(const char *rel)
{
	const char *slash = strrchr(rel, '/'), *dot = strrchr(slash ? slash : rel, '.');
	const char *e = dot ? dot + 1 : "";
	if (!strcmp(e, "pdf"))
		return 0;
	if (!strcmp(e, "csv"))
		return od_is_excel_copy(rel) ? 2 : 1;
	if (!strcmp(e, "json"))
		return 3;
	return 4;
}

/* ---- datapackage.json ------------------------------------------------------------- */

/* `dip/2560/plan-items.csv` → `dip-2560-plan-items` */
char *od_resource_name(const char *rel)
{
	char *s = strdup(rel);
	if (!s)
		abort();
	size_t n = strlen(s);
	if (n > 4 && !strcmp(s + n - 4, ".csv"))
		s[n - 4] = '\0';
	for (char *c = s; *c; c++)
		if (*c == '/')
			*c = '-';
	return s;
}

/* The plan whose folder holds rel, or NULL. */
const plan *od_plan_of(plan *const *plans, size_t n, const char *rel)
{
	for (size_t i = 0; i < n; i++) {
		char dir[512];
		int len = snprintf(dir, sizeof dir, "%s/%d/", plans[i]->agency_id,
		    plans[i]->fiscal_year_be);
		if (len > 0 && !strncmp(rel, dir, (size_t)len) && !strchr(rel + len, '/'))
			return plans[i];
	}
	return NULL;
}

static json_t *str_list(const char *const *v)
{
	json_t *a = json_array();
	for (; v && *v; v++)
		json_array_append_new(a, json_string(*v));
	return a;
}

static json_t *field_json(const od_field *f)
{
	json_t *o = json_object();
	json_object_set_new(o, "name", json_string(f->name));
	json_object_set_new(o, "type", json_string(od_type_name(f->type)));
	json_object_set_new(o, "format", json_string("default"));
	char title[512];
	snprintf(title, sizeof title, "%s (%s)", f->title_th, f->title_en);
	json_object_set_new(o, "title", json_string(title));
	json_object_set_new(o, "description", json_string(f->desc_en));
	json_object_set_new(o, "title_th", json_string(f->title_th));
	json_object_set_new(o, "title_en", json_string(f->title_en));
	json_object_set_new(o, "description_th", json_string(f->desc_th));
	json_object_set_new(o, "description_en", json_string(f->desc_en));
	if (f->unit_th) {
		json_object_set_new(o, "unit_th", json_string(f->unit_th));
		json_object_set_new(o, "unit_en", json_string(f->unit_en));
	}
	json_t *c = json_object();
	if (f->required)
		json_object_set_new(c, "required", json_true());
	if (f->values)
		json_object_set_new(c, "enum", str_list(f->values));
	if (json_object_size(c))
		json_object_set_new(o, "constraints", c);
	else
		json_decref(c);
	return o;
}

/* The staged file `<folder of rel>/<table>.csv`, or NULL. */
static const output_file *sibling_table(const output_tree *t, const char *rel, const char *table)
{
	const char *slash = strrchr(rel, '/');
	size_t dir = slash ? (size_t)(slash - rel + 1) : 0;
	for (size_t i = 0; i < t->n; i++) {
		const char *p = t->files[i].path;
		if (!strncmp(p, rel, dir) && !strncmp(p + dir, table, strlen(table)) &&
		    !strcmp(p + dir + strlen(table), ".csv"))
			return &t->files[i];
	}
	return NULL;
}

static json_t *schema_json(const output_tree *t, const od_table *tab, const char *rel)
{
	json_t *fields = json_array();
	for (size_t i = 0; i < tab->nfields; i++)
		json_array_append_new(fields, field_json(&tab->fields[i]));
	json_t *s = json_object();
	json_object_set_new(s, "fields", fields);
	json_object_set_new(s, "missingValues", json_pack("[s]", ""));
	if (tab->primary_key[0])
		json_object_set_new(s, "primaryKey", str_list(tab->primary_key));
	json_t *fks = json_array();
	for (int k = 0; k < OD_MAX_FKEYS && tab->foreign_keys[k].table; k++) {
		const od_foreign_key *fk = &tab->foreign_keys[k];
		const output_file *ref_file = sibling_table(t, rel, fk->table);
		if (!ref_file)
			continue; /* the table referred to is not published beside this one */
		char *name = od_resource_name(ref_file->path), *self = od_resource_name(rel);
		json_t *ref = json_object();
		json_object_set_new(ref, "resource", json_string(strcmp(name, self) ? name : ""));
		json_object_set_new(ref, "fields", str_list(fk->ref_fields));
		json_array_append_new(fks, json_pack("{s:o,s:o}", "fields", str_list(fk->fields),
					       "reference", ref));
		free(name);
		free(self);
	}
	if (json_array_size(fks))
		json_object_set_new(s, "foreignKeys", fks);
	else
		json_decref(fks);
	return s;
}

static char *thai_year(int be)
{
	char ar[16], th[64];
	snprintf(ar, sizeof ar, "%d", be);
	thai_digits_to_thai(ar, th, sizeof th);
	return strdup(th);
}

static json_t *resource_json(const output_tree *t, const output_file *f, const od_table *tab,
    const plan *p)
{
	json_t *r = json_object();
	char *name = od_resource_name(f->path);
	json_object_set_new(r, "name", json_string(name));
	free(name);
	json_object_set_new(r, "path", json_string(f->path));
	json_object_set_new(r, "profile", json_string("tabular-data-resource"));
	char text[1024];
	if (p) {
		char *y = thai_year(p->fiscal_year_be);
		snprintf(text, sizeof text, "%s — %s ปีงบประมาณ พ.ศ. %s", tab->title_th, p->agency, y);
		free(y);
	} else {
		snprintf(text, sizeof text, "%s (%s)", tab->title_th, tab->title_en);
	}
	json_object_set_new(r, "title", json_string(text));
	snprintf(text, sizeof text, "%s — %s", tab->desc_th, tab->desc_en);
	json_object_set_new(r, "description", json_string(text));
	json_object_set_new(r, "format", json_string("csv"));
	json_object_set_new(r, "mediatype", json_string("text/csv"));
	json_object_set_new(r, "encoding", json_string("utf-8"));
	json_object_set_new(r, "bytes", json_integer((json_int_t)f->bytes));
	snprintf(text, sizeof text, "sha256:%s", f->sha256);
	json_object_set_new(r, "hash", json_string(text));
	json_object_set_new(r, "dialect", json_pack("{s:s,s:s,s:s,s:b,s:b}", "delimiter", ",",
					       "lineTerminator", "\r\n", "quoteChar", "\"",
					       "doubleQuote", 1, "header", 1));
	json_object_set_new(r, "schema", schema_json(t, tab, f->path));
	return r;
}

static json_t *datapackage_json(const output_tree *t, const output_file *const *csvs, size_t n,
    plan *const *plans, size_t nplans, const char *date)
{
	json_t *dp = json_object();
	json_object_set_new(dp, "profile", json_string("tabular-data-package"));
	json_object_set_new(dp, "name", json_string("prongsai-open-data"));
	json_object_set_new(dp, "title",
	    json_string("แผนปฏิบัติการด้านการต่อต้านการทุจริตและผลการดำเนินงาน — "
			"anti-corruption action plans and their results"));
	json_object_set_new(dp, "description",
	    json_string("ตารางข้อมูลเปิดของแผนปฏิบัติการ รายงานผล และดัชนีการรับรู้การทุจริต "
			"ที่ prongsai เผยแพร่ ทุกคอลัมน์อธิบายไว้ใน data-dictionary.csv — "
			"Open-data tables of the plans, progress reports and the Corruption "
			"Perceptions Index published by prongsai; every column is described in "
			"data-dictionary.csv. Files named *-excel.csv are the same tables with a "
			"UTF-8 BOM and formula-like text neutralised, for spreadsheets."));
	if (*date) {
		char created[32];
		snprintf(created, sizeof created, "%sT00:00:00Z", date);
		json_object_set_new(dp, "created", json_string(created));
	}
	json_t *kw = json_pack("[s,s,s,s]", "แผนปฏิบัติการ", "ต่อต้านการทุจริต", "open data",
	    "anti-corruption");
	json_object_set_new(dp, "keywords", kw);
	json_t *res = json_array();
	for (size_t i = 0; i < n; i++) {
		const od_table *tab = od_table_for_path(csvs[i]->path);
		json_array_append_new(res, resource_json(t, csvs[i], tab,
					       od_plan_of(plans, nplans, csvs[i]->path)));
	}
	json_object_set_new(dp, "resources", res);
	return dp;
}

/* ---- the stage -------------------------------------------------------------------- */

static int file_cmp(const void *a, const void *b)
{
	return strcmp(((const output_file *)a)->path, ((const output_file *)b)->path);
}

/* A copy of the staged list (paths duplicated), sorted: later writes grow t->files. */
static output_file *snapshot(const output_tree *t, size_t *n)
{
	output_file *v = calloc(t->n ? t->n : 1, sizeof *v);
	if (!v)
		abort();
	for (size_t i = 0; i < t->n; i++) {
		v[i] = t->files[i];
		v[i].path = strdup(t->files[i].path);
	}
	qsort(v, t->n, sizeof *v, file_cmp);
	*n = t->n;
	return v;
}

static void snapshot_free(output_file *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].path);
	free(v);
}

static bool is_csv(const char *rel)
{
	size_t n = strlen(rel);
	return n > 4 && !strcmp(rel + n - 4, ".csv");
}

/* Checks rel against its table and writes `<rel without .csv>-excel.csv`. */
static bool excel_copy(output_tree *t, const char *rel)
{
	const od_table *tab = od_table_for_path(rel);
	if (!tab) {
		snprintf(t->error, sizeof t->error,
		    "%s: no table schema describes this CSV file (add its table to "
		    "gen/opendata/schema.c)", rel);
		return false;
	}
	buf csv = {0}, xl = {0};
	char err[256] = "";
	bool ok = od_read_staged(t, rel, &csv);
	if (!ok)
		snprintf(t->error, sizeof t->error, "%s: cannot read the staged file back", rel);
	else if (!(ok = od_excel_copy(tab, csv.data ? csv.data : "", csv.len, &xl, err)))
		snprintf(t->error, sizeof t->error, "%s does not match table %s: %s", rel, tab->name,
		    err);
	if (ok) {
		char *xrel;
		if (asprintf(&xrel, "%.*s-excel.csv", (int)(strlen(rel) - 4), rel) < 0)
			abort();
		ok = output_write(t, xrel, "text/csv", &xl);
		free(xrel);
	}
	buf_free(&csv);
	buf_free(&xl);
	return ok;
}

bool opendata_publish(output_tree *t, plan *const *plans, size_t nplans, od_meta *m,
    const char *source_date_epoch, diag_sink *d)
{
	buf b = {0};
	bool ok = true;
	char rel[600];
	for (size_t i = 0; i < nplans && ok; i++) {
		b.len = 0;
		plan_items_csv(plans[i], &b);
		snprintf(rel, sizeof rel, "%s/%d/plan-items.csv", plans[i]->agency_id,
		    plans[i]->fiscal_year_be);
		ok = output_write(t, rel, "text/csv", &b);
	}
	b.len = 0;
	data_dictionary_csv(&b);
	ok = ok && output_write(t, "data-dictionary.csv", "text/csv", &b);
	/* every machine CSV now in the tree: checked, copied for spreadsheets, described */
	size_t n = 0, ncsv = 0;
	output_file *files = snapshot(t, &n);
	const output_file **csvs = calloc(n ? n : 1, sizeof *csvs);
	if (!csvs)
		abort();
	for (size_t i = 0; i < n && ok; i++) {
		if (!is_csv(files[i].path) || od_is_excel_copy(files[i].path))
			continue;
		ok = excel_copy(t, files[i].path);
		csvs[ncsv++] = &files[i];
	}
	char date[11];
	od_publication_date(source_date_epoch, date);
	if (ok) {
		json_t *dp = datapackage_json(t, csvs, ncsv, plans, nplans, date);
		b.len = 0;
		json_render(dp, &b);
		json_decref(dp);
		ok = output_write(t, "datapackage.json", "application/json", &b);
	}
	free(csvs);
	snapshot_free(files, n);
	buf_free(&b);
	if (ok)
		ok = ckan_publish(t, plans, nplans, m, date, d);
	return ok;
}

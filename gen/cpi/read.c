/*
 * read.c — content/cpi/ into the CPI data set: the project's own CSV files (settings,
 * documents, scores, per-source scores, targets; README.md "CPI data") and whatever TI
 * files were dropped beside them. Every file's every problem is reported, at its line.
 */
#include "cpi/cpi.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cpi/csvrows.h"
#include "cpi/ti.h"
#include "read/source.h"
#include "thai/thai.h"
#include "util/buf.h"
#include "util/fs.h"

/* ---- values ------------------------------------------------------------------------ */

bool cpi_parse_number(const char *text, cpi_number *out, char why[256])
{
	thai_number n;
	thai_error e;
	if (!thai_parse_number(text, &n, &e)) {
		snprintf(why, 256, "%s", e.message);
		return false;
	}
	if (n.footnote_len) {
		snprintf(why, 256, "\"%s\" carries a footnote mark: write the figure alone", text);
		return false;
	}
	*out = (cpi_number){n.value, n.decimals, true};
	return true;
}

bool cpi_parse_year(const char *text, int *year, char why[256])
{
	cpi_number n;
	if (!cpi_parse_number(text, &n, why))
		return false;
	/* the range is checked on the double: casting 4e14 to int is undefined */
	bool in_range = (n.v >= 1990 && n.v <= 2150) || (n.v >= 2533 && n.v <= 2693);
	int y = in_range ? (int)n.v : 0;
	if (n.v != floor(n.v) || !in_range) {
		snprintf(why, 256, "\"%s\" is not a CPI year: expected CE (2022) or พ.ศ. (2565)", text);
		return false;
	}
	*year = y >= 2533 ? thai_be_to_ce(y) : y;
	return true;
}

bool cpi_check_range(cpi_field f, int year, cpi_number n, char why[256])
{
	double v = n.v;
	bool whole = v == floor(v);
	switch (f) {
	case CPI_SCORE:
		if (year < CPI_FIRST_100_YEAR && (v < 0 || v > 10)) {
			snprintf(why, 256, "%g is outside 0–10, the CPI scale before %d", v, CPI_FIRST_100_YEAR);
			return false;
		}
		/* fall through */
	case CPI_LOWER_CI:
	case CPI_UPPER_CI:
		if (v < 0 || v > 100) {
			snprintf(why, 256, "%g is outside the CPI scale 0–100", v);
			return false;
		}
		return true;
	case CPI_RANK:
	case CPI_COUNTRIES:
		if (!whole || v < 1 || v > 300) {
			snprintf(why, 256, "%g is not a rank or a count of countries (a whole number 1–300)", v);
			return false;
		}
		return true;
	case CPI_SOURCES:
		if (!whole || v < 1 || v > 30) {
			snprintf(why, 256, "%g is not a number of source surveys (a whole number 1–30)", v);
			return false;
		}
		return true;
	case CPI_SE:
		if (v < 0 || v > 50) {
			snprintf(why, 256, "%g is not a standard error (0–50)", v);
			return false;
		}
		return true;
	case CPI__FIELDS: break;
	}
	return true;
}

cpi_obs *cpi_find_obs(cpi_data *c, const char *iso3, int year, const cpi_document *doc)
{
	for (size_t i = 0; i < c->obs.n; i++) {
		cpi_obs *o = c->obs.v[i];
		if (o->doc == doc && o->year == year && !strcmp(o->iso3, iso3))
			return o;
	}
	return NULL;
}

cpi_survey_obs *cpi_find_survey_obs(cpi_data *c, const char *iso3, int year, int survey,
    const cpi_document *doc)
{
	for (size_t i = 0; i < c->survey_obs.n; i++) {
		cpi_survey_obs *o = c->survey_obs.v[i];
		if (o->doc == doc && o->year == year && o->survey == survey && !strcmp(o->iso3, iso3))
			return o;
	}
	return NULL;
}

/* ---- tables with a header row ------------------------------------------------------ */

typedef struct colspec {
	const char *name;
	bool required;
} colspec;

enum { MAX_COLS = 16 };

typedef struct table {
	const char *path;
	csv_table rows;
	const colspec *spec;
	int nspec;
	int col[MAX_COLS];     /* spec index → column, or -1 */
	int header_n;
} table;

static void spec_list(const colspec *spec, int n, buf *out)
{
	for (int k = 0; k < n; k++)
		buf_printf(out, "%s%s", k ? ", " : "", spec[k].name);
}

/* Loads path and checks its header. False when the file cannot be used at all. */
static bool table_open(cpi_data *c, const char *path, const colspec *spec, int nspec, table *t,
    diag_sink *d)
{
	*t = (table){.path = arena_strdup(&c->mem, path), .spec = spec, .nspec = nspec};
	source_text src;
	if (!source_load(t->path, &src, d))
		return false;
	bool ok = csv_rows_parse(&src, &c->mem, &t->rows, d);
	source_free(&src);
	if (!ok)
		return false;
	buf names = {0};
	spec_list(spec, nspec, &names);
	if (t->rows.n == 0) {
		diag_report(d, t->path, 1, 0, DIAG_CPI_NO_HEADER, names.data);
		buf_free(&names);
		return false;
	}
	for (int k = 0; k < nspec; k++)
		t->col[k] = -1;
	const csv_row *h = &t->rows.rows[0];
	t->header_n = h->n;
	for (int i = 0; i < h->n; i++) {
		int k = 0;
		while (k < nspec && strcasecmp(h->cell[i], spec[k].name) != 0)
			k++;
		if (k == nspec) {
			diag_report(d, t->path, h->line, 0, DIAG_CPI_COLUMN_UNKNOWN, h->cell[i], names.data);
			ok = false;
		} else if (t->col[k] >= 0) {
			diag_report(d, t->path, h->line, 0, DIAG_CPI_VALUE, h->cell[i], "the column is named twice");
			ok = false;
		} else {
			t->col[k] = i;
		}
	}
	for (int k = 0; k < nspec; k++)
		if (spec[k].required && t->col[k] < 0) {
			diag_report(d, t->path, h->line, 0, DIAG_CPI_COLUMN_MISSING, spec[k].name);
			ok = false;
		}
	buf_free(&names);
	return ok;
}

/* The cell of column k in row r, or NULL when it is absent or empty. */
static const char *cell(const table *t, const csv_row *r, int k)
{
	int i = t->col[k];
	return i >= 0 && i < r->n && r->cell[i][0] ? r->cell[i] : NULL;
}

/* A row wider than the header is an error unless the extra cells are empty (the
 * trailing commas spreadsheets write). */
static bool row_fits(const table *t, const csv_row *r, diag_sink *d)
{
	for (int i = t->header_n; i < r->n; i++)
		if (r->cell[i][0]) {
			diag_report(d, t->path, r->line, 0, DIAG_CPI_ROW_WIDE, r->n, t->header_n);
			return false;
		}
	return true;
}

static void bad(const table *t, const csv_row *r, int k, const char *why, diag_sink *d)
{
	diag_report(d, t->path, r->line, 0, DIAG_CPI_VALUE, t->spec[k].name, why);
}

static bool need(const table *t, const csv_row *r, int k, const char **out, diag_sink *d)
{
	*out = cell(t, r, k);
	if (*out)
		return true;
	bad(t, r, k, "missing: every row needs one", d);
	return false;
}

static bool iso3_cell(const table *t, const csv_row *r, int k, const char **out, diag_sink *d)
{
	if (!need(t, r, k, out, d))
		return false;
	if (cpi_iso3_valid(*out))
		return true;
	char why[256];
	snprintf(why, sizeof why, "\"%s\" is not an ISO 3166 alpha-3 code (three capital letters, e.g. THA)",
	    *out);
	bad(t, r, k, why, d);
	return false;
}

static bool year_cell(const table *t, const csv_row *r, int k, int *year, diag_sink *d)
{
	const char *s;
	char why[256];
	if (!need(t, r, k, &s, d))
		return false;
	if (cpi_parse_year(s, year, why))
		return true;
	bad(t, r, k, why, d);
	return false;
}

/* An optional figure; *ok turns false on a bad one. */
static cpi_number number_cell(const table *t, const csv_row *r, int k, cpi_field f, int year,
    bool *ok, diag_sink *d)
{
	const char *s = cell(t, r, k);
	cpi_number n = {0};
	char why[256];
	if (!s)
		return n;
	if (!cpi_parse_number(s, &n, why) || (f != CPI__FIELDS && !cpi_check_range(f, year, n, why))) {
		bad(t, r, k, why, d);
		*ok = false;
		return (cpi_number){0};
	}
	return n;
}

static const cpi_document *doc_cell(cpi_data *c, const table *t, const csv_row *r, int k,
    diag_sink *d)
{
	const char *id;
	if (!need(t, r, k, &id, d))
		return NULL;
	const cpi_document *doc = cpi_document_of(c, id);
	if (doc && !doc->imported)
		return doc;
	if (c->docs_unread) /* reported once, at documents.csv: not again for every row */
		return NULL;
	buf ids = {0};
	for (size_t i = 0; i < c->docs.n; i++) {
		const cpi_document *o = c->docs.v[i];
		if (!o->imported)
			buf_printf(&ids, "%s%s", ids.len ? ", " : "", o->id);
	}
	diag_report(d, t->path, r->line, 0, DIAG_CPI_DOC_UNKNOWN, id,
	    ids.len ? ids.data : "documents.csv lists none");
	buf_free(&ids);
	return NULL;
}

/* ---- settings.csv ------------------------------------------------------------------- */

static const colspec settings_cols[] = {{"key", true}, {"value", true}};

static void read_settings(cpi_data *c, const char *path, diag_sink *d)
{
	table t;
	if (!table_open(c, path, settings_cols, 2, &t, d))
		return;
	c->set.path = t.path;
	static const char keys[] = "iso3, years, layout, compare";
	for (size_t i = 1; i < t.rows.n; i++) {
		const csv_row *r = &t.rows.rows[i];
		const char *key, *value;
		if (!row_fits(&t, r, d) || !need(&t, r, 0, &key, d) || !need(&t, r, 1, &value, d))
			continue;
		char why[256];
		if (!strcmp(key, "iso3")) {
			if (cpi_iso3_valid(value)) {
				c->set.iso3 = value;
				c->set.iso3_line = r->line;
			} else {
				snprintf(why, sizeof why, "\"%s\" is not an ISO 3166 alpha-3 code (e.g. THA)", value);
				bad(&t, r, 1, why, d);
			}
		} else if (!strcmp(key, "years")) {
			if (!strcasecmp(value, "be") || !strcmp(value, "พ.ศ."))
				c->set.years_be = true;
			else if (!strcasecmp(value, "ce") || !strcmp(value, "ค.ศ."))
				c->set.years_be = false;
			else
				bad(&t, r, 1, "years: expected be (พ.ศ.) or ce (ค.ศ.)", d);
		} else if (!strcmp(key, "layout")) {
			c->set.layout = value;
			c->set.layout_line = r->line;
		} else if (!strcmp(key, "compare")) {
			/* ISO3 codes separated by spaces */
			char *copy = arena_strdup(&c->mem, value), *save = NULL;
			for (char *tok = strtok_r(copy, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
				if (!cpi_iso3_valid(tok)) {
					snprintf(why, sizeof why, "compare: \"%s\" is not an ISO 3166 alpha-3 code", tok);
					bad(&t, r, 1, why, d);
				} else if (c->set.ncompare < CPI_MAX_COMPARE) {
					c->set.compare[c->set.ncompare++] = tok;
				}
			}
		} else {
			diag_report(d, t.path, r->line, 0, DIAG_CPI_SETTING_UNKNOWN, key, keys);
		}
	}
}

/* ---- documents.csv ------------------------------------------------------------------ */

static const colspec doc_cols[] = {{"id", true}, {"title", true}, {"publisher", false},
	{"url", false}, {"priority", true}};

static void read_documents(cpi_data *c, const char *path, diag_sink *d)
{
	table t;
	if (!table_open(c, path, doc_cols, 5, &t, d)) {
		c->docs_unread = true;
		return;
	}
	for (size_t i = 1; i < t.rows.n; i++) {
		const csv_row *r = &t.rows.rows[i];
		const char *id, *title, *prio;
		if (!row_fits(&t, r, d))
			continue;
		bool ok = need(&t, r, 0, &id, d) & need(&t, r, 1, &title, d) & need(&t, r, 4, &prio, d);
		if (!ok)
			continue;
		for (const char *s = id; *s; s++)
			if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
			    *s == '-' || *s == '_' || *s == '.')) {
				bad(&t, r, 0, "an id may hold only A-Z a-z 0-9 . _ -", d);
				ok = false;
				break;
			}
		const cpi_document *dup = cpi_document_of(c, id);
		if (dup) {
			char why[256];
			snprintf(why, sizeof why, "\"%s\" is given twice (first at line %d)", id, dup->line);
			bad(&t, r, 0, why, d);
			ok = false;
		}
		cpi_number p;
		char why[256];
		if (!cpi_parse_number(prio, &p, why) || p.v != floor(p.v) || p.v < 1 || p.v > 1000) {
			bad(&t, r, 4, "expected a whole number 1–1000 (1 wins where documents disagree)", d);
			ok = false;
		}
		if (!ok)
			continue;
		cpi_document *doc = arena_alloc(&c->mem, sizeof *doc);
		*doc = (cpi_document){id, title, cell(&t, r, 2), cell(&t, r, 3), (int)p.v, false, t.path,
			r->line};
		ptr_vec_push(&c->mem, &c->docs, doc);
	}
}

/* ---- scores.csv --------------------------------------------------------------------- */

enum { S_ISO3, S_COUNTRY, S_YEAR, S_SCORE, S_RANK, S_COUNTRIES, S_SE, S_SOURCES, S_LOWER, S_UPPER, S_DOC };
static const colspec score_cols[] = {{"iso3", true}, {"country", false}, {"year", true},
	{"score", true}, {"rank", false}, {"countries", false}, {"standard_error", false},
	{"sources", false}, {"lower_ci", false}, {"upper_ci", false}, {"document", true}};

static void read_scores(cpi_data *c, const char *path, diag_sink *d)
{
	table t;
	if (!table_open(c, path, score_cols, 11, &t, d))
		return;
	static const int field_col[CPI__FIELDS] = {S_SCORE, S_RANK, S_COUNTRIES, S_SE, S_SOURCES,
		S_LOWER, S_UPPER};
	for (size_t i = 1; i < t.rows.n; i++) {
		const csv_row *r = &t.rows.rows[i];
		if (!row_fits(&t, r, d))
			continue;
		const char *iso3, *score;
		int year = 0;
		bool ok = iso3_cell(&t, r, S_ISO3, &iso3, d) & year_cell(&t, r, S_YEAR, &year, d) &
		    need(&t, r, S_SCORE, &score, d);
		const cpi_document *doc = doc_cell(c, &t, r, S_DOC, d);
		cpi_obs o = {.iso3 = iso3, .country = cell(&t, r, S_COUNTRY), .year = year, .doc = doc,
			.path = t.path, .line = r->line};
		for (int f = 0; ok && f < CPI__FIELDS; f++)
			o.f[f] = number_cell(&t, r, field_col[f], (cpi_field)f, year, &ok, d);
		if (!ok || !doc)
			continue;
		if (o.f[CPI_RANK].has && o.f[CPI_COUNTRIES].has && o.f[CPI_RANK].v > o.f[CPI_COUNTRIES].v) {
			char why[256];
			snprintf(why, sizeof why, "rank %g is beyond the %g countries ranked", o.f[CPI_RANK].v,
			    o.f[CPI_COUNTRIES].v);
			bad(&t, r, S_RANK, why, d);
			continue;
		}
		const cpi_obs *dup = cpi_find_obs(c, iso3, year, doc);
		if (dup) {
			char what[64];
			snprintf(what, sizeof what, "%s %d", iso3, year);
			diag_report(d, t.path, r->line, 0, DIAG_CPI_DUPLICATE, what, doc->id, dup->line);
			continue;
		}
		cpi_obs *keep = arena_alloc(&c->mem, sizeof *keep);
		*keep = o;
		ptr_vec_push(&c->mem, &c->obs, keep);
	}
}

/* ---- sources.csv -------------------------------------------------------------------- */

enum { P_ISO3, P_COUNTRY, P_YEAR, P_SOURCE, P_SCORE, P_DOC };
static const colspec source_cols[] = {{"iso3", true}, {"country", false}, {"year", true},
	{"source", true}, {"score", true}, {"document", true}};

static void read_sources(cpi_data *c, const char *path, diag_sink *d)
{
	table t;
	if (!table_open(c, path, source_cols, 6, &t, d))
		return;
	for (size_t i = 1; i < t.rows.n; i++) {
		const csv_row *r = &t.rows.rows[i];
		if (!row_fits(&t, r, d))
			continue;
		const char *iso3, *name, *score;
		int year = 0, survey = -1;
		bool ok = iso3_cell(&t, r, P_ISO3, &iso3, d) & year_cell(&t, r, P_YEAR, &year, d) &
		    need(&t, r, P_SCORE, &score, d);
		if (need(&t, r, P_SOURCE, &name, d) && (survey = cpi_survey_find(name)) < 0) {
			buf codes = {0};
			for (int k = 0; k < cpi_survey_count(); k++)
				buf_printf(&codes, "%s%s", k ? ", " : "", cpi_survey_at(k)->code);
			char why[512];
			snprintf(why, sizeof why, "\"%s\" is not a CPI source survey (expected one of: %s)",
			    name, codes.data);
			buf_free(&codes);
			bad(&t, r, P_SOURCE, why, d);
		}
		const cpi_document *doc = doc_cell(c, &t, r, P_DOC, d);
		cpi_number n = ok ? number_cell(&t, r, P_SCORE, CPI_LOWER_CI, year, &ok, d) : (cpi_number){0};
		if (!ok || survey < 0 || !doc)
			continue;
		const cpi_survey_obs *dup = cpi_find_survey_obs(c, iso3, year, survey, doc);
		if (dup) {
			char what[96];
			snprintf(what, sizeof what, "%s %d %s", iso3, year, cpi_survey_at(survey)->code);
			diag_report(d, t.path, r->line, 0, DIAG_CPI_DUPLICATE, what, doc->id, dup->line);
			continue;
		}
		cpi_survey_obs *o = arena_alloc(&c->mem, sizeof *o);
		*o = (cpi_survey_obs){iso3, cell(&t, r, P_COUNTRY), year, survey, n, doc, t.path, r->line};
		ptr_vec_push(&c->mem, &c->survey_obs, o);
	}
}

/* ---- targets.csv -------------------------------------------------------------------- */

enum { T_ISO3, T_YEAR, T_SCORE, T_RANK, T_LABEL, T_DOC };
static const colspec target_cols[] = {{"iso3", true}, {"year", true}, {"score_min", false},
	{"rank_max", false}, {"label", true}, {"document", true}};

static void read_targets(cpi_data *c, const char *path, diag_sink *d)
{
	table t;
	if (!table_open(c, path, target_cols, 6, &t, d))
		return;
	for (size_t i = 1; i < t.rows.n; i++) {
		const csv_row *r = &t.rows.rows[i];
		if (!row_fits(&t, r, d))
			continue;
		const char *iso3, *label;
		int year = 0;
		bool ok = iso3_cell(&t, r, T_ISO3, &iso3, d) & year_cell(&t, r, T_YEAR, &year, d) &
		    need(&t, r, T_LABEL, &label, d);
		const cpi_document *doc = doc_cell(c, &t, r, T_DOC, d);
		cpi_number score = number_cell(&t, r, T_SCORE, CPI_SCORE, CPI_FIRST_100_YEAR, &ok, d);
		cpi_number rank = number_cell(&t, r, T_RANK, CPI_RANK, year, &ok, d);
		if (ok && !score.has && !rank.has) {
			bad(&t, r, T_SCORE, "a target needs a score_min, a rank_max or both", d);
			ok = false;
		}
		if (ok && year < CPI_FIRST_100_YEAR) {
			bad(&t, r, T_YEAR, "targets are on the 0–100 scale of 2012 and later", d);
			ok = false;
		}
		if (!ok || !doc)
			continue;
		cpi_target *tg = arena_alloc(&c->mem, sizeof *tg);
		*tg = (cpi_target){iso3, year, score, rank, label, doc, t.path, r->line};
		ptr_vec_push(&c->mem, &c->targets, tg);
	}
}

/* ---- the folder --------------------------------------------------------------------- */

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcasecmp(s + n - k, suffix);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void note_file(cpi_data *c, const char *path, size_t order, diag_sink *d)
{
	if (c->nfiles < 64) {
		c->file_path[c->nfiles] = path;
		c->file_order[c->nfiles++] = order;
	}
	d->file_order = order;
}

static const char *const own_files[] = {"settings.csv", "documents.csv", "scores.csv",
	"sources.csv", "targets.csv"};

cpi_data *cpi_load(const char *dir, diag_sink *d)
{
	if (!fs_is_dir(dir))
		return NULL;
	cpi_data *c = cpi_new(dir);
	DIR *dh = opendir(dir);
	path_list names = {0};
	for (struct dirent *e; dh && (e = readdir(dh));)
		if (e->d_name[0] != '.' && (ends_with(e->d_name, ".csv") || ends_with(e->d_name, ".xlsx")))
			path_list_push(&names, strdup(e->d_name));
	if (dh)
		closedir(dh);
	if (names.n)
		qsort(names.v, names.n, sizeof *names.v, name_cmp);
	void (*const readers[])(cpi_data *, const char *, diag_sink *) = {read_settings,
		read_documents, read_scores, read_sources, read_targets};
	/* the own files in their order (documents before what cites them), then TI files */
	/* each file its own block of diagnostic order (a workbook's sheets within it) */
	size_t base = d->file_order;
	for (size_t k = 0; k < sizeof own_files / sizeof *own_files; k++)
		for (size_t i = 0; i < names.n; i++)
			if (!strcmp(names.v[i], own_files[k])) {
				char *path = arena_printf(&c->mem, "%s/%s", dir, names.v[i]);
				note_file(c, path, base + (size_t)c->nfiles * 1000, d);
				readers[k](c, path, d);
			}
	for (size_t i = 0; i < names.n; i++) {
		bool own = false;
		for (size_t k = 0; k < sizeof own_files / sizeof *own_files; k++)
			own = own || !strcmp(names.v[i], own_files[k]);
		if (own)
			continue;
		char *path = arena_printf(&c->mem, "%s/%s", dir, names.v[i]);
		note_file(c, path, base + (size_t)c->nfiles * 1000, d);
		if (ends_with(path, ".xlsx")) {
			ti_import_xlsx(c, path, d);
		} else {
			source_text src;
			csv_table t;
			if (!source_load(path, &src, d))
				continue;
			if (csv_rows_parse(&src, &c->mem, &t, d))
				ti_import_csv(c, path, &t, d);
			source_free(&src);
		}
	}
	path_list_free(&names);
	cpi_merge(c, d);
	return c;
}

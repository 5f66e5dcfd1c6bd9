/*
 * ti.c — TI's CPI workbooks and sheet exports (shared/reference/opendata.md section 5).
 *
 * The header row is not at a fixed row (row 3 in 2022, row 4 in 2023 after an embargo
 * line): it is the first row whose first cell reads "Country / Territory". What a sheet
 * holds follows from its header:
 *   - a "Year" column: the long historical sheet, one row per country and year, with
 *     per-source columns;
 *   - "CPI score YYYY" for several years: the time series, with "Rank YYYY",
 *     "Sources YYYY" and "Standard error YYYY" per year (no rank before 2017, and
 *     "CPI Score" capitalised in some years);
 *   - one score column: one year, with "Rank", "Standard error", "Number of sources" and
 *     per-source columns ("CPI 2024 score" in the newest files).
 * Only the country in focus and those to compare are read. A missing or unknown column,
 * a figure that is not a number, or a wanted ISO3 that no row has is an error naming the
 * file, the sheet, the cell and what was expected.
 */
#include "cpi/ti.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpi/xlsx.h"
#include "util/buf.h"

/* ---- one sheet as rows of cells, from a workbook or a CSV export ------------------ */

typedef struct grid_row {
	int row;              /* sheet row, or CSV line */
	int n;
	const char **text;    /* n cells, NULL when empty */
	bool *number, *error;
} grid_row;

typedef struct grid {
	const char *path;
	const char *sheet;    /* NULL: a CSV export */
	grid_row *rows;
	size_t n;
	cpi_data *c;
	diag_sink *d;
	const cpi_document *doc;
	int errors;
} grid;

static const char *cell_text(const grid_row *r, int col)
{
	return r && col >= 0 && col < r->n ? r->text[col] : NULL;
}

/* `sheet "CPI 2023", cell D5: …` at FILE:5:4, or `column D ("Rank"): …` at FILE:LINE for
 * a CSV export. col -1 names the row. */
static void report(grid *g, const grid_row *r, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void report(grid *g, const grid_row *r, int col, const char *fmt, ...)
{
	char msg[768], where[64], letters[8];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	int row = r ? r->row : 0;
	if (g->sheet) {
		if (col >= 0)
			snprintf(where, sizeof where, "cell %s%d", csv_column_letters(col, letters), row);
		else
			snprintf(where, sizeof where, "row %d", row);
		diag_report(g->d, g->path, row, col >= 0 ? col + 1 : 0, DIAG_CPI_SHEET, g->sheet, where, msg);
	} else {
		if (col >= 0)
			snprintf(where, sizeof where, "column %s", csv_column_letters(col, letters));
		else
			snprintf(where, sizeof where, "row");
		diag_report(g->d, g->path, row, 0, DIAG_CPI_VALUE, where, msg);
	}
	g->errors++;
}

static void grid_from_sheet(grid *g, const xlsx_sheet *sh)
{
	arena *a = &g->c->mem;
	size_t nrows = 0;
	for (size_t i = 0; i < sh->n; i++)
		if (i == 0 || sh->cells[i].row != sh->cells[i - 1].row)
			nrows++;
	g->rows = arena_alloc(a, (nrows ? nrows : 1) * sizeof *g->rows);
	for (size_t i = 0; i < sh->n;) {
		size_t j = i;
		int maxcol = 0;
		while (j < sh->n && sh->cells[j].row == sh->cells[i].row) {
			if (sh->cells[j].col > maxcol)
				maxcol = sh->cells[j].col;
			j++;
		}
		grid_row *r = &g->rows[g->n++];
		r->row = sh->cells[i].row;
		r->n = maxcol + 1;
		r->text = arena_alloc(a, (size_t)r->n * sizeof *r->text);
		r->number = arena_alloc(a, (size_t)r->n * sizeof *r->number);
		r->error = arena_alloc(a, (size_t)r->n * sizeof *r->error);
		for (size_t k = i; k < j; k++) {
			const xlsx_cell *x = &sh->cells[k];
			const char *t = x->text;
			while (*t == ' ')
				t++;
			if (!*t)
				continue;
			r->text[x->col] = t;
			r->number[x->col] = x->number;
			r->error[x->col] = x->error;
		}
		i = j;
	}
}

static void grid_from_csv(grid *g, const csv_table *t)
{
	arena *a = &g->c->mem;
	g->rows = arena_alloc(a, (t->n ? t->n : 1) * sizeof *g->rows);
	for (size_t i = 0; i < t->n; i++) {
		const csv_row *cr = &t->rows[i];
		grid_row *r = &g->rows[g->n++];
		r->row = cr->line;
		r->n = cr->n;
		r->text = arena_alloc(a, (size_t)(cr->n ? cr->n : 1) * sizeof *r->text);
		r->number = arena_alloc(a, (size_t)(cr->n ? cr->n : 1) * sizeof *r->number);
		r->error = arena_alloc(a, (size_t)(cr->n ? cr->n : 1) * sizeof *r->error);
		for (int k = 0; k < cr->n; k++)
			r->text[k] = cr->cell[k][0] ? cr->cell[k] : NULL;
	}
}

/* ---- the header ------------------------------------------------------------------- */

typedef enum col_kind { K_NONE, K_COUNTRY, K_ISO3, K_REGION, K_YEAR, K_FIELD, K_SURVEY } col_kind;

typedef struct col_info {
	col_kind kind;
	cpi_field field;
	int year;     /* the edition a per-year column is for, 0 when none */
	int survey;
} col_info;

/* Lower-case ASCII, runs of white space as one space, no space at either end. */
static void normalise(const char *s, char *out, size_t outsz)
{
	size_t n = 0;
	bool space = false;
	for (; *s && n + 1 < outsz; s++) {
		if (isspace((unsigned char)*s)) {
			space = n > 0;
			continue;
		}
		if (space && n + 2 < outsz)
			out[n++] = ' ';
		space = false;
		out[n++] = (char)tolower((unsigned char)*s);
	}
	out[n] = '\0';
}

/* Takes a four-digit year 1995–2100 out of a header: "cpi 2024 score" → "cpi score". */
static int take_year(char *h)
{
	for (char *p = h; *p; p++) {
		if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) ||
		    !isdigit((unsigned char)p[2]) || !isdigit((unsigned char)p[3]) ||
		    isdigit((unsigned char)p[4]) || (p > h && isdigit((unsigned char)p[-1])))
			continue;
		int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		if (y < 1995 || y > 2100)
			continue;
		memmove(p, p + 4, strlen(p + 4) + 1);
		char tmp[256];
		normalise(h, tmp, sizeof tmp);
		strcpy(h, tmp);
		return y;
	}
	return 0;
}

static bool classify(const char *header, col_info *out)
{
	char h[256];
	normalise(header, h, sizeof h);
	*out = (col_info){K_NONE, CPI__FIELDS, 0, -1};
	static const struct {
		const char *name;
		col_kind kind;
	} fixed[] = {{"country / territory", K_COUNTRY}, {"country/territory", K_COUNTRY},
		{"country", K_COUNTRY}, {"iso3", K_ISO3}, {"region", K_REGION}, {"year", K_YEAR}};
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
		if (!strcmp(h, fixed[i].name)) {
			out->kind = fixed[i].kind;
			return true;
		}
	int year = take_year(h);
	static const struct {
		const char *name;
		cpi_field field;
	} fields[] = {{"cpi score", CPI_SCORE}, {"score", CPI_SCORE}, {"rank", CPI_RANK},
		{"sources", CPI_SOURCES}, {"number of sources", CPI_SOURCES},
		{"standard error", CPI_SE}, {"lower ci", CPI_LOWER_CI}, {"upper ci", CPI_UPPER_CI}};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (!strcmp(h, fields[i].name)) {
			*out = (col_info){K_FIELD, fields[i].field, year, -1};
			return true;
		}
	int s = year ? -1 : cpi_survey_find(header);
	if (s >= 0) {
		*out = (col_info){K_SURVEY, CPI__FIELDS, 0, s};
		return true;
	}
	return false;
}

static const char *expected_columns(void)
{
	return "Country / Territory, ISO3, Region, Year, CPI score [YYYY], Rank [YYYY], "
	       "Standard error [YYYY], Number of sources / Sources YYYY, Lower CI, Upper CI, "
	       "or a source survey such as World Economic Forum EOS";
}

/* "Country / Territory" in the first cell, spaces and case aside. */
static bool is_header(const grid_row *r)
{
	const char *first = cell_text(r, 0);
	if (!first)
		return false;
	char h[64];
	normalise(first, h, sizeof h);
	return !strcmp(h, "country / territory") || !strcmp(h, "country/territory");
}

/* ---- reading the rows --------------------------------------------------------------- */

static const char *field_title(cpi_field f)
{
	static const char *const t[CPI__FIELDS] = {"CPI score", "Rank", "countries", "Standard error",
		"Number of sources", "Lower CI", "Upper CI"};
	return t[f];
}

/* A figure from a cell: absent when blank; reported and false when not a number. */
static bool figure(grid *g, const grid_row *r, int col, const char *what, cpi_number *out)
{
	*out = (cpi_number){0};
	const char *t = cell_text(r, col);
	if (!t)
		return true;
	if (r->error[col]) {
		report(g, r, col, "expected a number for \"%s\", found the error value %s", what, t);
		return false;
	}
	char why[256];
	if (r->number[col]) {
		/* Excel keeps doubles: 2.448 may come back as 2.4479999999999999 */
		char *end;
		double v = strtod(t, &end);
		if (*end || !isfinite(v)) {
			report(g, r, col, "expected a number for \"%s\", found \"%s\"", what, t);
			return false;
		}
		char tidy[64];
		snprintf(tidy, sizeof tidy, "%.15g", v);
		const char *dot = strchr(tidy, '.');
		*out = (cpi_number){v, dot && !strchr(tidy, 'e') ? (int)strlen(dot + 1) : 0, true};
		return true;
	}
	if (!cpi_parse_number(t, out, why)) {
		report(g, r, col, "expected a number for \"%s\", found \"%s\"", what, t);
		return false;
	}
	return true;
}

typedef struct wanted {
	const char *iso3[CPI_MAX_COMPARE + 1];
	int n;
	bool found[CPI_MAX_COMPARE + 1];
} wanted;

static int wanted_index(const wanted *w, const char *iso3)
{
	for (int i = 0; i < w->n; i++)
		if (!strcmp(w->iso3[i], iso3))
			return i;
	return -1;
}

static void add_obs(grid *g, const grid_row *r, const char *iso3, const char *country, int year,
    const cpi_number *f)
{
	cpi_data *c = g->c;
	const cpi_obs *dup = cpi_find_obs(c, iso3, year, g->doc);
	if (dup) {
		report(g, r, 1, "%s %d appears twice (first in row %d)", iso3, year, dup->line);
		return;
	}
	cpi_obs *o = arena_alloc(&c->mem, sizeof *o);
	*o = (cpi_obs){.iso3 = arena_strdup(&c->mem, iso3), .country = country, .year = year,
		.doc = g->doc, .path = g->path, .line = r->row};
	memcpy(o->f, f, sizeof o->f);
	ptr_vec_push(&c->mem, &c->obs, o);
}

static void add_survey(grid *g, const grid_row *r, const char *iso3, const char *country,
    int year, int survey, cpi_number n)
{
	cpi_data *c = g->c;
	cpi_survey_obs *o = arena_alloc(&c->mem, sizeof *o);
	*o = (cpi_survey_obs){arena_strdup(&c->mem, iso3), country, year, survey, n, g->doc, g->path,
		r->row};
	ptr_vec_push(&c->mem, &c->survey_obs, o);
}

/* A whole sheet. sheet_year is the year a "CPI 2023" sheet name gives, or 0; a header
 * without any year takes fallback_year (from the name of an exported file). */
static void read_grid(grid *g, int sheet_year, int fallback_year, const wanted *want_in)
{
	wanted want = *want_in;
	size_t h = 0;
	while (h < g->n && !is_header(&g->rows[h]))
		h++;
	if (h == g->n) {
		report(g, g->n ? &g->rows[0] : NULL, -1,
		    "no header row: expected a row whose first cell is \"Country / Territory\"");
		return;
	}
	const grid_row *hr = &g->rows[h];
	col_info *cols = arena_alloc(&g->c->mem, (size_t)hr->n * sizeof *cols);
	int iso3_col = -1, country_col = -1, year_col = -1;
	int years[64], nyears = 0;
	for (int k = 0; k < hr->n; k++) {
		const char *t = cell_text(hr, k);
		if (!t)
			continue;
		if (!classify(t, &cols[k])) {
			report(g, hr, k, "unknown column \"%s\" (expected %s)", t, expected_columns());
			continue;
		}
		if (cols[k].kind == K_ISO3)
			iso3_col = k;
		else if (cols[k].kind == K_COUNTRY)
			country_col = k;
		else if (cols[k].kind == K_YEAR)
			year_col = k;
		else if (cols[k].kind == K_FIELD && cols[k].field == CPI_SCORE && cols[k].year) {
			bool seen = false;
			for (int i = 0; i < nyears; i++)
				seen = seen || years[i] == cols[k].year;
			if (!seen && nyears < 64)
				years[nyears++] = cols[k].year;
		}
	}
	/* the columns each year needs: find(field, year) */
	bool series = year_col < 0 && nyears > 1;
	int single_year = year_col < 0 && nyears == 1 ? years[0] : 0;
	if (year_col < 0 && !nyears)
		single_year = sheet_year ? sheet_year : fallback_year;
	if (single_year && sheet_year && single_year != sheet_year)
		report(g, hr, -1, "the sheet is named for %d but its score column is for %d", sheet_year,
		    single_year);
	if (iso3_col < 0)
		report(g, hr, -1, "the header row lacks the column \"ISO3\"");
	if (year_col < 0 && !series && !single_year) {
		report(g, hr, -1, "the header row lacks a column \"CPI score YYYY\" (the edition's year "
		                  "is not in the sheet's name either)");
		return;
	}
	if (iso3_col < 0)
		return;
	int nslots = series ? nyears : 1;
	int (*at)[CPI__FIELDS] = arena_alloc(&g->c->mem, (size_t)nslots * sizeof *at);
	for (int s = 0; s < nslots; s++)
		for (int f = 0; f < CPI__FIELDS; f++)
			at[s][f] = -1;
	for (int k = 0; k < hr->n; k++) {
		if (cols[k].kind != K_FIELD)
			continue;
		int slot = 0;
		if (series) {
			slot = -1;
			for (int s = 0; s < nyears; s++)
				if (years[s] == cols[k].year)
					slot = s;
			if (slot < 0) {
				report(g, hr, k, "\"%s\" is for a year without a \"CPI score %d\" column",
				    cell_text(hr, k), cols[k].year);
				continue;
			}
		} else if (cols[k].year && single_year && cols[k].year != single_year) {
			report(g, hr, k, "\"%s\" is for another year than the sheet's %d", cell_text(hr, k),
			    single_year);
			continue;
		}
		at[slot][cols[k].field] = k;
	}
	for (int s = 0; s < nslots; s++) {
		int y = series ? years[s] : single_year;
		static const cpi_field required[] = {CPI_SCORE, CPI_RANK, CPI_SE, CPI_SOURCES};
		for (size_t i = 0; i < sizeof required / sizeof *required; i++) {
			cpi_field f = required[i];
			/* TI's time series has no rank column before 2017 */
			if (at[s][f] >= 0 || (series && f == CPI_RANK && y < 2017))
				continue;
			if (series)
				report(g, hr, -1, "the header row lacks the column \"%s %d\"",
				    f == CPI_SOURCES ? "Sources" : field_title(f), y);
			else
				report(g, hr, -1, "the header row lacks the column \"%s\"", field_title(f));
		}
	}
	if (series)
		for (int k = 0; k < hr->n; k++)
			if (cols[k].kind == K_SURVEY)
				report(g, hr, k, "a source survey column in a time series: for which year?");

	for (size_t i = h + 1; i < g->n; i++) {
		const grid_row *r = &g->rows[i];
		const char *iso3 = cell_text(r, iso3_col);
		if (!iso3)
			continue; /* blank lines and the notes under the table */
		if (!cpi_iso3_valid(iso3)) {
			report(g, r, iso3_col, "expected an ISO3 code (three capital letters), found \"%s\"", iso3);
			continue;
		}
		int w = wanted_index(&want, iso3);
		if (w < 0)
			continue;
		want.found[w] = true;
		const char *country = cell_text(r, country_col);
		if (country)
			country = arena_strdup(&g->c->mem, country);
		for (int s = 0; s < nslots; s++) {
			int year = series ? years[s] : single_year;
			if (year_col >= 0) {
				cpi_number yn;
				if (!figure(g, r, year_col, "Year", &yn))
					continue;
				if (!yn.has || yn.v != floor(yn.v) || yn.v < 1995 || yn.v > 2100) {
					report(g, r, year_col, "expected a year such as 2023, found \"%s\"",
					    cell_text(r, year_col) ? cell_text(r, year_col) : "");
					continue;
				}
				year = (int)yn.v;
			}
			cpi_number f[CPI__FIELDS] = {{0}};
			bool ok = true;
			for (int k = 0; k < CPI__FIELDS; k++) {
				if (at[s][k] < 0)
					continue;
				char what[64];
				snprintf(what, sizeof what, "%s", cell_text(hr, at[s][k]));
				char why[256];
				if (!figure(g, r, at[s][k], what, &f[k]))
					ok = false;
				else if (f[k].has && !cpi_check_range((cpi_field)k, year, f[k], why)) {
					report(g, r, at[s][k], "\"%s\": %s", what, why);
					ok = false;
				}
			}
			if (!ok)
				continue;
			if (!f[CPI_SCORE].has) {
				/* a country the time series did not rate that year has no score: fine;
				 * a one-year row without a score is not */
				if (!series && at[s][CPI_SCORE] >= 0)
					report(g, r, at[s][CPI_SCORE], "expected a number for \"%s\", the cell is empty",
					    cell_text(hr, at[s][CPI_SCORE]));
				continue;
			}
			add_obs(g, r, iso3, country, year, f);
			if (series)
				continue;
			for (int k = 0; k < hr->n; k++) {
				if (cols[k].kind != K_SURVEY)
					continue;
				cpi_number n;
				char why[256];
				if (!figure(g, r, k, cell_text(hr, k), &n) || !n.has)
					continue;
				if (!cpi_check_range(CPI_LOWER_CI, year, n, why)) {
					report(g, r, k, "\"%s\": %s", cell_text(hr, k), why);
					continue;
				}
				add_survey(g, r, iso3, country, year, cols[k].survey, n);
			}
		}
	}
	char letters[8];
	for (int i = 0; i < want.n; i++)
		if (!want.found[i])
			report(g, hr, iso3_col, "no row has the ISO3 code \"%s\" in column %s: expected a "
			    "country TI rates (check settings.csv iso3 and compare)", want.iso3[i],
			    csv_column_letters(iso3_col, letters));
}

static void wanted_of(const cpi_data *c, wanted *w)
{
	*w = (wanted){0};
	w->iso3[w->n++] = c->set.iso3;
	for (int i = 0; i < c->set.ncompare; i++)
		if (wanted_index(w, c->set.compare[i]) < 0)
			w->iso3[w->n++] = c->set.compare[i];
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static const cpi_document *import_doc(cpi_data *c, const char *path, const char *sheet)
{
	cpi_document *doc = arena_alloc(&c->mem, sizeof *doc);
	const char *file = base_name(path);
	doc->id = sheet ? arena_printf(&c->mem, "%s#%s", file, sheet) : arena_strdup(&c->mem, file);
	doc->title = sheet ? arena_printf(&c->mem, "Transparency International, %s, sheet \"%s\"", file,
	                         sheet)
	                   : arena_printf(&c->mem, "Transparency International, %s", file);
	doc->publisher = "Transparency International";
	doc->url = NULL;
	doc->priority = 0;
	doc->imported = true;
	doc->path = path;
	ptr_vec_push(&c->mem, &c->docs, doc);
	return doc;
}

/* "CPI 2023", "CPI 2022 (final)" → 2023, 2022; other names 0. */
static int sheet_name_year(const char *name)
{
	int y = 0, used = 0;
	char rest[64] = "";
	if (sscanf(name, "CPI %4d%n", &y, &used) == 1 && y >= 1995 && y <= 2100) {
		snprintf(rest, sizeof rest, "%s", name + used);
		if (!rest[0] || !strcmp(rest, " (final)"))
			return y;
	}
	return 0;
}

static bool data_sheet(const char *name)
{
	return sheet_name_year(name) || !strncmp(name, "CPI Timeseries", 14) ||
	    !strncmp(name, "CPI Historical", 14);
}

void ti_import_xlsx(cpi_data *c, const char *path, diag_sink *d)
{
	xlsx_book book;
	char err[256];
	if (!xlsx_read(path, &c->mem, &book, err)) {
		diag_report(d, path, 0, 0, DIAG_CPI_WORKBOOK, err);
		return;
	}
	wanted w;
	wanted_of(c, &w);
	int used = 0;
	for (size_t i = 0; i < book.n; i++) {
		const xlsx_sheet *sh = &book.sheets[i];
		if (!data_sheet(sh->name))
			continue;
		d->file_order++; /* a sheet's diagnostics together, in row order */
		grid g = {.path = path, .sheet = sh->name, .c = c, .d = d};
		g.doc = import_doc(c, path, sh->name);
		grid_from_sheet(&g, sh);
		read_grid(&g, sheet_name_year(sh->name), sheet_name_year(sh->name), &w);
		used++;
	}
	if (!used)
		diag_report(d, path, 0, 0, DIAG_CPI_WORKBOOK,
		    "no CPI data sheet: expected a sheet named like \"CPI 2023\", "
		    "\"CPI Timeseries 2012 - 2023\" or \"CPI Historical\"");
}

void ti_import_csv(cpi_data *c, const char *path, const csv_table *t, diag_sink *d)
{
	wanted w;
	wanted_of(c, &w);
	grid g = {.path = path, .sheet = NULL, .c = c, .d = d};
	g.doc = import_doc(c, path, NULL);
	grid_from_csv(&g, t);
	/* an export keeps TI's file name (CPI2023_…) but not the sheet's */
	int year = 0;
	sscanf(base_name(path), "CPI%4d", &year);
	read_grid(&g, 0, year >= 1995 && year <= 2100 ? year : 0, &w);
}

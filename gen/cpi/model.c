/*
 * model.c — the CPI data set: merging what the documents say into one series per
 * country, keeping every disagreement (cpi.h).
 *
 * For each country, edition and figure, the value of the document with the lowest
 * priority number is used (imported TI files are 0, content/cpi/documents.csv says the
 * rest). Every other document that gives the same figure is compared with it; a
 * different value is a disagreement, reported as a warning and kept in cpi.json.
 */
#include "cpi/cpi.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

cpi_data *cpi_new(const char *dir)
{
	cpi_data *c = calloc(1, sizeof *c);
	if (!c)
		abort();
	c->dir = arena_strdup(&c->mem, dir);
	c->set.iso3 = "THA";
	c->set.years_be = true;
	c->set.layout = "plan-portrait";
	return c;
}

void cpi_free(cpi_data *c)
{
	if (!c)
		return;
	arena_free(&c->mem);
	free(c);
}

const char *cpi_field_name(cpi_field f)
{
	static const char *const names[CPI__FIELDS] = {"score", "rank", "countries",
		"standard_error", "sources", "lower_ci", "upper_ci"};
	return (unsigned)f < CPI__FIELDS ? names[f] : "?";
}

bool cpi_iso3_valid(const char *s)
{
	return s && strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
	    s[2] >= 'A' && s[2] <= 'Z';
}

static double round_to(double v, int decimals)
{
	double m = pow(10, decimals);
	return round(v * m) / m;
}

bool cpi_number_equal(cpi_number a, cpi_number b)
{
	int d = a.decimals < b.decimals ? a.decimals : b.decimals;
	return fabs(round_to(a.v, d) - round_to(b.v, d)) < 1e-9;
}

const char *cpi_number_text(cpi_number n, char out[32])
{
	snprintf(out, 32, "%.*f", n.decimals < 0 ? 0 : n.decimals > 6 ? 6 : n.decimals, n.v);
	return out;
}

const cpi_document *cpi_document_of(const cpi_data *c, const char *id)
{
	for (size_t i = 0; i < c->docs.n; i++) {
		const cpi_document *d = c->docs.v[i];
		if (!strcmp(d->id, id))
			return d;
	}
	return NULL;
}

const cpi_country *cpi_country_of(const cpi_data *c, const char *iso3)
{
	for (size_t i = 0; i < c->countries.n; i++) {
		const cpi_country *k = c->countries.v[i];
		if (!strcmp(k->iso3, iso3))
			return k;
	}
	return NULL;
}

const cpi_country *cpi_focus(const cpi_data *c)
{
	return cpi_country_of(c, c->set.iso3);
}

const cpi_year *cpi_year_of(const cpi_country *k, int year)
{
	for (size_t i = 0; k && i < k->nyears; i++)
		if (k->years[i]->year == year)
			return k->years[i];
	return NULL;
}

const cpi_year *cpi_latest(const cpi_country *k)
{
	for (size_t i = k ? k->nyears : 0; i-- > 0;)
		if (k->years[i]->f[CPI_SCORE].n.has && k->years[i]->year >= CPI_FIRST_100_YEAR)
			return k->years[i];
	return NULL;
}

void cpi_order_for(const cpi_data *c, const char *path, diag_sink *d)
{
	for (int i = 0; path && i < c->nfiles; i++)
		if (!strcmp(c->file_path[i], path))
			d->file_order = c->file_order[i];
}

/* ---- merging ----------------------------------------------------------------------- */

/* One figure as it arrives: the candidates are offered in priority order. */
static void offer(cpi_data *c, diag_sink *d, const char *iso3, int year, const char *what,
    cpi_value *slot, cpi_value v)
{
	if (!v.n.has)
		return;
	if (!slot->n.has) {
		*slot = v;
		return;
	}
	if (cpi_number_equal(slot->n, v.n))
		return;
	cpi_disagreement *g = arena_alloc(&c->mem, sizeof *g);
	*g = (cpi_disagreement){iso3, year, what, *slot, v};
	ptr_vec_push(&c->mem, &c->disagreements, g);
	char a[32], b[32];
	cpi_order_for(c, v.path, d);
	diag_report(d, v.path, v.line, 0, DIAG_CPI_DISAGREE, iso3, year, what,
	    cpi_number_text(v.n, b), v.doc->id, cpi_number_text(slot->n, a), slot->doc->id,
	    slot->doc->id);
}

static int doc_order(const cpi_document *a, const cpi_document *b)
{
	if (a->priority != b->priority)
		return a->priority < b->priority ? -1 : 1;
	return 0;
}

static int obs_cmp(const void *x, const void *y)
{
	const cpi_obs *a = *(cpi_obs *const *)x, *b = *(cpi_obs *const *)y;
	int k = strcmp(a->iso3, b->iso3);
	if (k)
		return k;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return doc_order(a->doc, b->doc);
}

static int survey_obs_cmp(const void *x, const void *y)
{
	const cpi_survey_obs *a = *(cpi_survey_obs *const *)x, *b = *(cpi_survey_obs *const *)y;
	int k = strcmp(a->iso3, b->iso3);
	if (k)
		return k;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->survey != b->survey)
		return a->survey < b->survey ? -1 : 1;
	return doc_order(a->doc, b->doc);
}

/* A stable sort: documents of equal priority keep the order they were read in. */
static void stable_sort(void **v, size_t n, int (*cmp)(const void *, const void *))
{
	for (size_t i = 1; i < n; i++) {
		void *x = v[i];
		size_t j = i;
		while (j > 0 && cmp(&v[j - 1], &x) > 0) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
}

static cpi_country *country_for(cpi_data *c, const char *iso3)
{
	for (size_t i = 0; i < c->countries.n; i++) {
		cpi_country *k = c->countries.v[i];
		if (!strcmp(k->iso3, iso3))
			return k;
	}
	cpi_country *k = arena_alloc(&c->mem, sizeof *k);
	k->iso3 = iso3;
	ptr_vec_push(&c->mem, &c->countries, k);
	return k;
}

static cpi_year *year_for(cpi_data *c, cpi_country *k, int year)
{
	for (size_t i = 0; i < k->nyears; i++)
		if (k->years[i]->year == year)
			return k->years[i];
	cpi_year *y = arena_alloc(&c->mem, sizeof *y);
	y->year = year;
	y->survey = arena_alloc(&c->mem, (size_t)cpi_survey_count() * sizeof *y->survey);
	cpi_year **grown = arena_alloc(&c->mem, (k->nyears + 1) * sizeof *grown);
	size_t at = 0;
	while (at < k->nyears && k->years[at]->year < year)
		at++;
	if (k->nyears) {
		memcpy(grown, k->years, at * sizeof *grown);
		memcpy(grown + at + 1, k->years + at, (k->nyears - at) * sizeof *grown);
	}
	grown[at] = y;
	k->years = grown;
	k->nyears++;
	return y;
}

/* Names in the content (Thai, as the documents write them) go before TI's English
 * ones; among those, the first document in priority order. */
static void name_country(cpi_country *k, const char *name, bool imported)
{
	if (!name || !*name)
		return;
	if (!k->name || (!imported && k->name_from_import)) {
		k->name = name;
		k->name_from_import = imported;
	}
}

static int country_cmp(const void *x, const void *y)
{
	const cpi_country *a = *(cpi_country *const *)x, *b = *(cpi_country *const *)y;
	return strcmp(a->iso3, b->iso3);
}

void cpi_merge(cpi_data *c, diag_sink *d)
{
	stable_sort(c->obs.v, c->obs.n, obs_cmp);
	stable_sort(c->survey_obs.v, c->survey_obs.n, survey_obs_cmp);
	for (size_t i = 0; i < c->obs.n; i++) {
		const cpi_obs *o = c->obs.v[i];
		cpi_country *k = country_for(c, o->iso3);
		name_country(k, o->country, o->doc->imported);
		cpi_year *y = year_for(c, k, o->year);
		for (int f = 0; f < CPI__FIELDS; f++)
			offer(c, d, o->iso3, o->year, cpi_field_name((cpi_field)f), &y->f[f],
			    (cpi_value){o->f[f], o->doc, o->path, o->line});
	}
	for (size_t i = 0; i < c->survey_obs.n; i++) {
		const cpi_survey_obs *o = c->survey_obs.v[i];
		cpi_country *k = country_for(c, o->iso3);
		name_country(k, o->country, o->doc->imported);
		cpi_year *y = year_for(c, k, o->year);
		char *what = arena_printf(&c->mem, "source %s", cpi_survey_at(o->survey)->code);
		offer(c, d, o->iso3, o->year, what, &y->survey[o->survey],
		    (cpi_value){o->score, o->doc, o->path, o->line});
	}
	for (size_t i = 0; i < c->countries.n; i++) {
		cpi_country *k = c->countries.v[i];
		if (!k->name)
			k->name = k->iso3;
	}
	/* the focus country first, the others by code */
	if (c->countries.n > 1)
		qsort(c->countries.v, c->countries.n, sizeof *c->countries.v, country_cmp);
	for (size_t i = 0; i < c->countries.n; i++) {
		if (strcmp(((cpi_country *)c->countries.v[i])->iso3, c->set.iso3) != 0)
			continue;
		void *focus = c->countries.v[i];
		memmove(c->countries.v + 1, c->countries.v, i * sizeof *c->countries.v);
		c->countries.v[0] = focus;
		break;
	}
	cpi_order_for(c, c->set.path, d);
	if (!cpi_focus(c))
		diag_report(d, c->set.path ? c->set.path : c->dir, c->set.path ? c->set.iso3_line : 0, 0,
		    DIAG_CPI_FOCUS_MISSING, c->set.iso3);
	for (size_t i = 0; i < c->targets.n; i++) {
		const cpi_target *t = c->targets.v[i];
		cpi_order_for(c, t->path, d);
		if (!cpi_country_of(c, t->iso3))
			diag_report(d, t->path, t->line, 0, DIAG_CPI_TARGET_COUNTRY, t->iso3);
	}
}

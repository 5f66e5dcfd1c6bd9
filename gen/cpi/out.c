/*
 * out.c — cpi.json and cpi.csv (README.md "CPI outputs"). Figures are JSON numbers in
 * Arabic digits with the decimals the documents wrote; every value names the document it
 * came from; what two documents give differently is listed under "disagreements".
 */
#include "cpi/out.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/backend.h"
#include "thai/thai.h"

static json_t *number(cpi_number n)
{
	if (!n.has)
		return json_null();
	if (n.decimals == 0 && fabs(n.v) < 1e15)
		return json_integer((json_int_t)llround(n.v));
	return json_real(n.v);
}

static json_t *doc_id(const cpi_document *d)
{
	return d ? json_string(d->id) : json_null();
}

bool cpi_target_gap(const cpi_data *c, const cpi_target *t, bool rank, int *from_year,
    double *gap)
{
	const cpi_country *k = cpi_country_of(c, t->iso3);
	const cpi_number *want = rank ? &t->rank_max : &t->score_min;
	cpi_field f = rank ? CPI_RANK : CPI_SCORE;
	if (!k || !want->has)
		return false;
	for (size_t i = k->nyears; i-- > 0;) {
		const cpi_year *y = k->years[i];
		if (y->year > t->year || y->year < CPI_FIRST_100_YEAR || !y->f[f].n.has)
			continue;
		*from_year = y->year;
		*gap = rank ? y->f[f].n.v - want->v : want->v - y->f[f].n.v;
		return true;
	}
	return false;
}

static json_t *value_json(const cpi_value *v)
{
	json_t *o = json_object();
	json_object_set_new(o, "value", number(v->n));
	json_object_set_new(o, "document", doc_id(v->doc));
	/* the file's name only: output must not depend on where the content folder lies */
	const char *file = v->path ? strrchr(v->path, '/') : NULL;
	json_object_set_new(o, "file", json_string(file ? file + 1 : v->path ? v->path : ""));
	json_object_set_new(o, "line", json_integer(v->line));
	return o;
}

json_t *cpi_json(const cpi_data *c, const char *const *charts, size_t ncharts)
{
	json_t *root = json_object();
	json_object_set_new(root, "format", json_string("prongsai-cpi/1"));
	json_object_set_new(root, "country_in_focus", json_string(c->set.iso3));
	json_object_set_new(root, "years_labelled", json_string(c->set.years_be ? "be" : "ce"));
	json_object_set_new(root, "scale_note", json_string(
	    "CPI editions from 2012 are on a 0-100 scale; earlier ones (0-10) are listed but never charted"));

	json_t *docs = json_array();
	for (size_t i = 0; i < c->docs.n; i++) {
		const cpi_document *d = c->docs.v[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", json_string(d->id));
		json_object_set_new(o, "title", json_string(d->title));
		json_object_set_new(o, "publisher", d->publisher ? json_string(d->publisher) : json_null());
		json_object_set_new(o, "url", d->url ? json_string(d->url) : json_null());
		json_object_set_new(o, "priority", json_integer(d->priority));
		json_object_set_new(o, "imported", json_boolean(d->imported));
		json_array_append_new(docs, o);
	}
	json_object_set_new(root, "documents", docs);

	json_t *countries = json_array();
	for (size_t i = 0; i < c->countries.n; i++) {
		const cpi_country *k = c->countries.v[i];
		json_t *ko = json_object(), *series = json_array();
		json_object_set_new(ko, "iso3", json_string(k->iso3));
		json_object_set_new(ko, "name", json_string(k->name));
		for (size_t j = 0; j < k->nyears; j++) {
			const cpi_year *y = k->years[j];
			json_t *yo = json_object(), *from = json_object(), *src = json_array();
			json_object_set_new(yo, "year", json_integer(y->year));
			json_object_set_new(yo, "year_be", json_integer(thai_ce_to_be(y->year)));
			json_object_set_new(yo, "scale", json_string(y->year >= CPI_FIRST_100_YEAR ? "0-100" : "0-10"));
			for (int f = 0; f < CPI__FIELDS; f++) {
				json_object_set_new(yo, cpi_field_name((cpi_field)f), number(y->f[f].n));
				if (y->f[f].n.has)
					json_object_set_new(from, cpi_field_name((cpi_field)f), doc_id(y->f[f].doc));
			}
			json_object_set_new(yo, "documents", from);
			for (int s = 0; s < cpi_survey_count(); s++) {
				if (!y->survey[s].n.has)
					continue;
				json_t *so = json_object();
				json_object_set_new(so, "source", json_string(cpi_survey_at(s)->code));
				json_object_set_new(so, "label", json_string(cpi_survey_at(s)->label));
				json_object_set_new(so, "name", json_string(cpi_survey_at(s)->name));
				json_object_set_new(so, "score", number(y->survey[s].n));
				json_object_set_new(so, "document", doc_id(y->survey[s].doc));
				json_array_append_new(src, so);
			}
			json_object_set_new(yo, "source_scores", src);
			json_array_append_new(series, yo);
		}
		json_object_set_new(ko, "series", series);
		json_array_append_new(countries, ko);
	}
	json_object_set_new(root, "countries", countries);

	json_t *targets = json_array();
	for (size_t i = 0; i < c->targets.n; i++) {
		const cpi_target *t = c->targets.v[i];
		json_t *o = json_object();
		json_object_set_new(o, "iso3", json_string(t->iso3));
		json_object_set_new(o, "year", json_integer(t->year));
		json_object_set_new(o, "year_be", json_integer(thai_ce_to_be(t->year)));
		json_object_set_new(o, "score_min", number(t->score_min));
		json_object_set_new(o, "rank_max", number(t->rank_max));
		json_object_set_new(o, "label", json_string(t->label));
		json_object_set_new(o, "document", doc_id(t->doc));
		for (int rank = 0; rank < 2; rank++) {
			int from = 0;
			double gap = 0;
			json_t *g = json_null();
			if (cpi_target_gap(c, t, rank, &from, &gap)) {
				g = json_object();
				json_object_set_new(g, "from_year", json_integer(from));
				json_object_set_new(g, "gap", gap == floor(gap) ? json_integer((json_int_t)gap)
				                                                : json_real(gap));
				json_object_set_new(g, "met", json_boolean(gap <= 0));
			}
			json_object_set_new(o, rank ? "rank_gap" : "score_gap", g);
		}
		json_array_append_new(targets, o);
	}
	json_object_set_new(root, "targets", targets);

	json_t *dis = json_array();
	for (size_t i = 0; i < c->disagreements.n; i++) {
		const cpi_disagreement *g = c->disagreements.v[i];
		json_t *o = json_object();
		json_object_set_new(o, "iso3", json_string(g->iso3));
		json_object_set_new(o, "year", json_integer(g->year));
		json_object_set_new(o, "year_be", json_integer(thai_ce_to_be(g->year)));
		json_object_set_new(o, "field", json_string(g->what));
		json_object_set_new(o, "used", value_json(&g->kept));
		json_object_set_new(o, "other", value_json(&g->other));
		json_array_append_new(dis, o);
	}
	json_object_set_new(root, "disagreements", dis);

	json_t *ch = json_array();
	for (size_t i = 0; i < ncharts; i++)
		json_array_append_new(ch, json_string(charts[i]));
	json_object_set_new(root, "charts", ch);
	return root;
}

/* ---- cpi.csv ---------------------------------------------------------------------- */

static void csv_num(buf *out, cpi_number n)
{
	char t[32];
	if (n.has)
		buf_puts(out, cpi_number_text(n, t));
}

static void csv_row(buf *out, const cpi_country *k, int year, const char *source, cpi_number score,
    const cpi_document *doc, bool used)
{
	csv_field(out, k->name);
	buf_printf(out, ",%s,%d,%d,", k->iso3, year, thai_ce_to_be(year));
	csv_field(out, source);
	buf_putc(out, ',');
	csv_num(out, score);
	buf_putc(out, ',');
	csv_field(out, doc->id);
	buf_printf(out, ",%s\r\n", used ? "yes" : "no");
}

void cpi_csv(const cpi_data *c, buf *out)
{
	buf_puts(out, "country,iso3,year,year_be,source,score,source_document,used\r\n");
	for (size_t i = 0; i < c->countries.n; i++) {
		const cpi_country *k = c->countries.v[i];
		for (size_t j = 0; j < k->nyears; j++) {
			const cpi_year *y = k->years[j];
			/* the CPI score itself, from every document that gives it, the used one first */
			if (y->f[CPI_SCORE].n.has)
				csv_row(out, k, y->year, "CPI", y->f[CPI_SCORE].n, y->f[CPI_SCORE].doc, true);
			for (size_t m = 0; m < c->obs.n; m++) {
				const cpi_obs *o = c->obs.v[m];
				if (o->year == y->year && !strcmp(o->iso3, k->iso3) && o->f[CPI_SCORE].has &&
				    o->doc != y->f[CPI_SCORE].doc)
					csv_row(out, k, y->year, "CPI", o->f[CPI_SCORE], o->doc, false);
			}
			for (int s = 0; s < cpi_survey_count(); s++) {
				if (!y->survey[s].n.has)
					continue;
				csv_row(out, k, y->year, cpi_survey_at(s)->code, y->survey[s].n, y->survey[s].doc, true);
				for (size_t m = 0; m < c->survey_obs.n; m++) {
					const cpi_survey_obs *o = c->survey_obs.v[m];
					if (o->year == y->year && o->survey == s && !strcmp(o->iso3, k->iso3) &&
					    o->doc != y->survey[s].doc)
						csv_row(out, k, y->year, cpi_survey_at(s)->code, o->score, o->doc, false);
				}
			}
		}
	}
}

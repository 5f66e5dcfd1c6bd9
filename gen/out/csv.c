/* csv.c — plan-indicators.csv: the flat table an open-data portal previews. */
#include <math.h>
#include <string.h>

#include "opendata/schema.h"
#include "out/backend.h"

void csv_field(buf *out, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		buf_puts(out, s);
		return;
	}
	buf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(out, '"');
		buf_putc(out, *s);
	}
	buf_putc(out, '"');
}

static void csv_number(buf *out, double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		buf_printf(out, "%.0f", v);
	else
		buf_printf(out, "%.15g", v);
}

static void cell(buf *out, const char *s)
{
	buf_putc(out, ',');
	csv_field(out, s);
}

static const char *cmp_text(thai_comparator c)
{
	static const char *const names[] = {"=", ">=", "<=", ">", "<"};
	return names[c];
}

/* Orders dates; a missing day counts as the month's first (start) or last (end). */
static long date_key(thai_date d, bool end)
{
	return (long)d.year_be * 400 + d.month * 32 + (d.day ? d.day : end ? 31 : 1);
}

void csv_item_budget_cells(buf *out, const item *it)
{
	static const char *const kinds[] = {"unspecified", "none", "amount"};
	cell(out, it->budget.n ? kinds[item_budget_kind(it)] : NULL);
	buf_putc(out, ',');
	bool known;
	double baht = item_budget_baht(it, &known);
	if (known)
		csv_number(out, baht);
}

void csv_item_period_cells(buf *out, const item *it)
{
	buf src = {0};
	const period *first = NULL, *last = NULL;
	for (size_t i = 0; i < it->periods.n; i++) {
		const period *pd = it->periods.v[i];
		if (src.len)
			buf_puts(&src, "; ");
		buf_puts(&src, pd->source);
		if (pd->parsed.kind != THAI_PERIOD_RANGE)
			continue;
		if (!first || date_key(pd->parsed.start, false) < date_key(first->parsed.start, false))
			first = pd;
		if (!last || date_key(pd->parsed.end, true) > date_key(last->parsed.end, true))
			last = pd;
	}
	cell(out, src.data);
	buf_free(&src);
	char iso[11];
	buf_putc(out, ',');
	if (first) {
		thai_date_iso(first->parsed.start, true, iso);
		buf_puts(out, iso);
	}
	buf_putc(out, ',');
	if (last) {
		thai_date_iso(last->parsed.end, false, iso);
		buf_puts(out, iso);
	}
}

void csv_joined_cell(buf *out, const ptr_vec *v)
{
	buf b = {0};
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			buf_puts(&b, "; ");
		buf_puts(&b, v->v[i]);
	}
	cell(out, b.data);
	buf_free(&b);
}

static void row(buf *out, const plan *p, const item *it, const indicator *ind)
{
	csv_field(out, p->agency_id);
	buf_printf(out, ",%d,%d,", p->fiscal_year_be, thai_be_to_ce(p->fiscal_year_be));
	csv_field(out, it->id);
	buf_printf(out, ",%d", it->level + 1);
	cell(out, p->level_names[it->level]);
	cell(out, it->title);
	const item *chain[MODEL_MAX_LEVELS] = {0};
	for (const item *a = it; a; a = a->parent)
		chain[a->level] = a;
	for (int l = 0; l < MODEL_MAX_LEVELS; l++) {
		cell(out, chain[l] ? chain[l]->id : NULL);
		cell(out, chain[l] ? chain[l]->title : NULL);
	}
	const target *t = ind ? ind->target : NULL;
	cell(out, ind ? ind->id : NULL);
	cell(out, ind ? ind->text : NULL);
	cell(out, t ? t->source : NULL);
	cell(out, t ? (t->parsed.numeric ? "quantitative" : "qualitative") : NULL);
	cell(out, t && t->parsed.numeric ? cmp_text(t->parsed.cmp) : NULL);
	buf_putc(out, ',');
	if (t && t->parsed.numeric)
		csv_number(out, t->parsed.value);
	const char *unit = t && t->parsed.numeric ? (t->parsed.percent ? "ร้อยละ" : t->unit) : NULL;
	cell(out, unit);
	cell(out, t && t->parsed.percent ? "percent"
		  : unit ? thai_unit_english(unit, strlen(unit)) : NULL);
	csv_item_budget_cells(out, it);
	csv_item_period_cells(out, it);
	csv_joined_cell(out, &it->responsible);
	buf_printf(out, ",%d\r\n", ind ? ind->line : it->line);
}

void plan_indicators_csv(const plan *p, buf *out)
{
	/* the columns are the registry's (opendata/schema.c), which also describes them */
	schema_csv_header(out, od_table_named("plan-indicators"));
	for (size_t i = 0; i < p->all_items.n; i++) {
		const item *it = p->all_items.v[i];
		for (size_t k = 0; k < it->indicators.n; k++)
			row(out, p, it, it->indicators.v[k]);
		/* a leaf without indicators still gets its row: every activity is listed */
		if (!it->indicators.n && !it->children.n)
			row(out, p, it, NULL);
	}
}

/* plan_json.c — the model as plan.json: numbers as numbers, Arabic digits, BE and CE
 * years, ISO dates, and the Thai text of every parsed value beside its parsed form. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "out/backend.h"

static json_t *json_number(double v)
{
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static json_t *json_str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *year_json(int be)
{
	return json_pack("{s:i,s:i}", "be", be, "ce", thai_be_to_ce(be));
}

static json_t *date_json(thai_date d, bool is_start)
{
	char iso[11];
	thai_date_iso(d, is_start, iso);
	json_t *o = json_pack("{s:s,s:i,s:i,s:i}", "iso", iso, "year_be", d.year_be, "year_ce",
	    thai_be_to_ce(d.year_be), "month", d.month);
	json_object_set_new(o, "day", d.day ? json_integer(d.day) : json_null());
	return o;
}

static const char *comparator_name(thai_comparator c)
{
	switch (c) {
	case THAI_CMP_GE: return ">=";
	case THAI_CMP_LE: return "<=";
	case THAI_CMP_GT: return ">";
	case THAI_CMP_LT: return "<";
	case THAI_CMP_EQ: break;
	}
	return "=";
}

static json_t *target_json(const target *t)
{
	json_t *o = json_object();
	json_object_set_new(o, "source", json_string(t->source));
	json_object_set_new(o, "from_indicator_text", json_boolean(t->from_indicator));
	if (!t->parsed.numeric) {
		json_object_set_new(o, "kind", json_string("qualitative"));
		return o;
	}
	json_object_set_new(o, "kind", json_string("quantitative"));
	json_object_set_new(o, "value", json_number(t->parsed.value));
	json_object_set_new(o, "comparator", json_string(comparator_name(t->parsed.cmp)));
	json_object_set_new(o, "percent", json_boolean(t->parsed.percent));
	const char *unit = t->parsed.percent ? "ร้อยละ" : t->unit;
	json_object_set_new(o, "unit", json_str_or_null(unit));
	const char *en = t->parsed.percent ? "percent"
		       : t->unit ? thai_unit_english(t->unit, strlen(t->unit)) : NULL;
	json_object_set_new(o, "unit_en", json_str_or_null(en));
	return o;
}

static json_t *indicator_json(const indicator *ind)
{
	json_t *o = json_pack("{s:s,s:s,s:i}", "id", ind->id, "text", ind->text, "line", ind->line);
	json_object_set_new(o, "target", ind->target ? target_json(ind->target) : json_null());
	if (ind->unit_override)
		json_object_set_new(o, "unit", json_string(ind->unit_override));
	return o;
}

static const char *budget_kind_name(thai_budget_kind k)
{
	switch (k) {
	case THAI_BUDGET_NONE: return "none";
	case THAI_BUDGET_AMOUNT: return "amount";
	case THAI_BUDGET_UNSPECIFIED: break;
	}
	return "unspecified";
}

static json_t *budget_json(const item *it)
{
	if (!it->budget.n)
		return json_null();
	bool known;
	double total = item_budget_baht(it, &known);
	json_t *parts = json_array();
	for (size_t i = 0; i < it->budget.n; i++) {
		const budget_part *b = it->budget.v[i];
		json_t *o = json_pack("{s:s,s:s,s:i}", "source", b->source, "kind",
		    budget_kind_name(b->parsed.kind), "line", b->line);
		json_object_set_new(o, "baht", b->parsed.kind == THAI_BUDGET_AMOUNT
						   ? json_number(b->parsed.baht)
						   : b->parsed.kind == THAI_BUDGET_NONE ? json_integer(0)
											: json_null());
		json_object_set_new(o, "footnote", json_str_or_null(b->footnote));
		json_object_set_new(o, "qualifier", json_str_or_null(b->qualifier));
		json_array_append_new(parts, o);
	}
	json_t *o = json_pack("{s:s}", "kind", budget_kind_name(item_budget_kind(it)));
	json_object_set_new(o, "baht", known ? json_number(total) : json_null());
	json_object_set_new(o, "parts", parts);
	return o;
}

static const char *period_kind_name(thai_period_kind k)
{
	switch (k) {
	case THAI_PERIOD_CONTINUOUS: return "continuous";
	case THAI_PERIOD_TEXT: return "text";
	case THAI_PERIOD_RANGE: break;
	}
	return "range";
}

static json_t *period_json(const char *source, int line, const thai_period *pd, int fy_be)
{
	json_t *o = json_object();
	if (source)
		json_object_set_new(o, "source", json_string(source));
	if (line)
		json_object_set_new(o, "line", json_integer(line));
	json_object_set_new(o, "kind", json_string(period_kind_name(pd->kind)));
	if (pd->kind == THAI_PERIOD_RANGE) {
		json_object_set_new(o, "start", date_json(pd->start, true));
		json_object_set_new(o, "end", date_json(pd->end, false));
	}
	json_object_set_new(o, "continues_before", json_boolean(pd->continues_before));
	json_object_set_new(o, "continues_after", json_boolean(pd->continues_after));
	bool months[12];
	thai_period_fiscal_months(pd, fy_be, months);
	json_t *m = json_array();
	for (int i = 0; i < 12; i++)
		if (months[i])
			json_array_append_new(m, json_integer(i + 1));
	json_object_set_new(o, "fiscal_months", m);
	return o;
}

static void set_markdown(json_t *o, const char *key, const char *md)
{
	if (md)
		json_object_set_new(o, key, json_string(md));
}

static json_t *item_json(const plan *p, const item *it)
{
	json_t *o = json_pack("{s:s,s:i,s:s}", "id", it->id, "level", it->level + 1,
	    "level_name", p->level_names[it->level]);
	json_object_set_new(o, "number", json_str_or_null(it->number));
	json_object_set_new(o, "title", json_string(it->title));
	json_object_set_new(o, "heading", json_string(it->heading));
	json_object_set_new(o, "line", json_integer(it->line));
	set_markdown(o, "prose", it->prose);
	set_markdown(o, "objective", it->objective);
	set_markdown(o, "goal", it->goal);
	set_markdown(o, "method", it->method);
	set_markdown(o, "output", it->output);
	set_markdown(o, "outcome", it->outcome);
	set_markdown(o, "note", it->note);
	set_markdown(o, "budget_source", it->budget_source);
	json_t *inds = json_array();
	for (size_t i = 0; i < it->indicators.n; i++)
		json_array_append_new(inds, indicator_json(it->indicators.v[i]));
	json_object_set_new(o, "indicators", inds);
	json_object_set_new(o, "budget", budget_json(it));
	json_t *periods = json_array();
	for (size_t i = 0; i < it->periods.n; i++) {
		const period *pd = it->periods.v[i];
		json_array_append_new(periods,
		    period_json(pd->source, pd->line, &pd->parsed, p->fiscal_year_be));
	}
	json_object_set_new(o, "periods", periods);
	json_t *resp = json_array();
	for (size_t i = 0; i < it->responsible.n; i++)
		json_array_append_new(resp, json_string(it->responsible.v[i]));
	json_object_set_new(o, "responsible", resp);
	json_t *children = json_array();
	for (size_t i = 0; i < it->children.n; i++)
		json_array_append_new(children, item_json(p, it->children.v[i]));
	json_object_set_new(o, "children", children);
	return o;
}

static json_t *totals_json(const plan *p)
{
	size_t per_level[MODEL_MAX_LEVELS] = {0}, indicators = 0, with_target = 0;
	double baht = 0;
	for (size_t i = 0; i < p->all_items.n; i++) {
		const item *it = p->all_items.v[i];
		per_level[it->level]++;
		indicators += it->indicators.n;
		for (size_t k = 0; k < it->indicators.n; k++)
			with_target += ((indicator *)it->indicators.v[k])->target != NULL;
		bool known;
		baht += item_budget_baht(it, &known);
	}
	json_t *levels = json_array();
	for (int l = 0; l < p->nlevels; l++)
		json_array_append_new(levels, json_pack("{s:s,s:I}", "name", p->level_names[l],
						  "items", (json_int_t)per_level[l]));
	return json_pack("{s:o,s:I,s:I,s:o}", "items_per_level", levels, "indicators",
	    (json_int_t)indicators, "indicators_with_target", (json_int_t)with_target,
	    "budget_baht", json_number(baht));
}

json_t *plan_json(const plan *p)
{
	json_t *o = json_object();
	json_object_set_new(o, "format", json_string("prongsai-plan/1"));
	json_object_set_new(o, "source_file", json_string(p->path));
	json_object_set_new(o, "agency", json_pack("{s:s,s:s,s:s}", "id", p->agency_id, "name_th",
						p->agency, "name_en", p->agency_en));
	json_object_set_new(o, "title", json_string(p->title));
	json_object_set_new(o, "kind", json_string(p->kind == PLAN_ACTION ? "action-plan"
									  : "progress-report"));
	json_t *fy = year_json(p->fiscal_year_be);
	json_object_set_new(fy, "source", json_string(p->fiscal_year_source));
	json_object_set_new(o, "fiscal_year", fy);
	json_object_set_new(o, "period", period_json(p->period_source, 0, &p->period,
					     p->fiscal_year_be));
	if (p->source)
		json_object_set_new(o, "source", json_string(p->source));
	if (p->layout)
		json_object_set_new(o, "layout", json_string(p->layout));
	json_t *levels = json_array();
	for (int l = 0; l < p->nlevels; l++)
		json_array_append_new(levels, json_pack("{s:i,s:i,s:s}", "level", l + 1,
						  "heading_depth", p->level_depth + l, "name",
						  p->level_names[l]));
	json_object_set_new(o, "levels", levels);
	json_t *chapters = json_array();
	for (size_t i = 0; i < p->chapters.n; i++) {
		const chapter *c = p->chapters.v[i];
		json_t *co = json_object();
		json_object_set_new(co, "title", json_str_or_null(c->title));
		json_object_set_new(co, "depth", json_integer(c->depth));
		json_object_set_new(co, "line", json_integer(c->line));
		json_object_set_new(co, "items_before", json_integer((json_int_t)c->items_before));
		json_object_set_new(co, "markdown", json_string(c->markdown ? c->markdown : ""));
		json_array_append_new(chapters, co);
	}
	json_object_set_new(o, "chapters", chapters);
	json_t *items = json_array();
	for (size_t i = 0; i < p->items.n; i++)
		json_array_append_new(items, item_json(p, p->items.v[i]));
	json_object_set_new(o, "items", items);
	json_object_set_new(o, "totals", totals_json(p));
	return o;
}

static int buf_sink(const char *data, size_t size, void *out)
{
	buf_put(out, data, size);
	return 0;
}

void json_render(const json_t *v, buf *out)
{
	json_dump_callback(v, buf_sink, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	buf_putc(out, '\n');
}

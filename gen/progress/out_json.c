/*
 * out_json.c — progress-<months>.json: the round, the roll-ups for the whole plan and for
 * each top-level item, the activities not reported, and every item of the plan with its
 * status, budget and indicator results. Numbers are JSON numbers; every value read from
 * the progress file keeps its text beside its parsed form.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "out/backend.h"
#include "progress/report.h"

static json_t *number(double v)
{
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *money(progress_money m)
{
	return m.known ? number(m.baht) : json_null();
}

static json_t *percent(bool has, double v)
{
	return has ? number(v) : json_null();
}

static const char *cmp_name(thai_comparator c)
{
	static const char *const names[] = {"=", ">=", "<=", ">", "<"};
	return names[c];
}

static json_t *rollup_json(const progress_rollup *ru)
{
	json_t *o = json_object();
	json_object_set_new(o, "activities", json_integer((json_int_t)ru->activities));
	json_t *st = json_object();
	for (int s = PS_DONE; s < PS__COUNT; s++)
		json_object_set_new(st, progress_status_code((progress_status)s),
		    json_integer((json_int_t)ru->by_status[s]));
	json_object_set_new(st, progress_status_code(PS_NOT_STATED),
	    json_integer((json_int_t)ru->by_status[PS_NOT_STATED]));
	json_object_set_new(o, "status", st);
	json_t *ind = json_object();
	json_object_set_new(ind, "total", json_integer((json_int_t)ru->indicators));
	for (int a = PA_MET; a < PA__COUNT; a++)
		json_object_set_new(ind, progress_assessment_code((progress_assessment)a),
		    json_integer((json_int_t)ru->by_assessment[a]));
	json_object_set_new(ind, progress_assessment_code(PA_NOT_REPORTED),
	    json_integer((json_int_t)ru->by_assessment[PA_NOT_REPORTED]));
	json_object_set_new(ind, "over_achieved", json_integer((json_int_t)ru->over_achieved));
	json_object_set_new(ind, "percent_met", percent(ru->has_met_percent, ru->met_percent));
	json_object_set_new(o, "indicators", ind);
	json_t *b = json_object();
	json_object_set_new(b, "planned_baht", money(ru->planned));
	json_object_set_new(b, "disbursed_baht", money(ru->disbursed));
	json_object_set_new(b, "percent", percent(ru->has_budget_percent, ru->budget_percent));
	json_object_set_new(o, "budget", b);
	return o;
}

static json_t *target_json(const target *t)
{
	if (!t)
		return json_null();
	json_t *o = json_object();
	json_object_set_new(o, "source", json_string(t->source));
	json_object_set_new(o, "kind", json_string(t->parsed.numeric ? "quantitative" : "qualitative"));
	if (t->parsed.numeric) {
		json_object_set_new(o, "value", number(t->parsed.value));
		json_object_set_new(o, "comparator", json_string(cmp_name(t->parsed.cmp)));
		json_object_set_new(o, "percent", json_boolean(t->parsed.percent));
		json_object_set_new(o, "unit", str_or_null(t->parsed.percent ? "ร้อยละ" : t->unit));
	}
	return o;
}

static json_t *result_json(const indicator_result *res)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(res->ind->id));
	json_object_set_new(o, "text", json_string(res->ind->text));
	json_object_set_new(o, "target", target_json(res->ind->target));
	if (res->has_value) {
		json_t *a = json_object();
		json_object_set_new(a, "source", json_string(res->row->cell[PF_ACHIEVED]));
		if (res->numeric)
			json_object_set_new(a, "value", number(res->value));
		else
			json_object_set_new(a, "answer", json_string(res->yes == 1 ? "yes"
									: res->yes == 0 ? "no" : "partly"));
		json_object_set_new(o, "achieved", a);
	} else {
		json_object_set_new(o, "achieved", json_null());
	}
	json_object_set_new(o, "assessment", json_string(progress_assessment_code(res->assessment)));
	json_object_set_new(o, "assessment_th", json_string(progress_assessment_thai(res->assessment)));
	json_object_set_new(o, "percent_of_target", percent(res->has_percent, res->percent));
	json_object_set_new(o, "over_achieved", json_boolean(res->over_achieved));
	json_object_set_new(o, "narrative", str_or_null(res->row ? res->row->cell[PF_NARRATIVE] : NULL));
	json_object_set_new(o, "note", str_or_null(res->row ? res->row->cell[PF_NOTE] : NULL));
	json_object_set_new(o, "progress_line", res->row ? json_integer(res->row->line) : json_null());
	return o;
}

static json_t *item_json(const progress_report *rep, const item_progress *ip)
{
	const item *it = ip->it;
	const progress_row *own = ip->own;
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(it->id));
	json_object_set_new(o, "level", json_integer(it->level + 1));
	json_object_set_new(o, "level_name", json_string(rep->p->level_names[it->level]));
	json_object_set_new(o, "title", json_string(it->title));
	json_object_set_new(o, "heading", json_string(it->heading));
	json_object_set_new(o, "parent", it->parent ? json_string(it->parent->id) : json_null());
	json_object_set_new(o, "reported", json_boolean(ip->reported));
	json_object_set_new(o, "status", json_string(progress_status_code(ip->status)));
	json_object_set_new(o, "status_th", json_string(progress_status_thai(ip->status)));
	json_object_set_new(o, "status_source", str_or_null(own ? own->cell[PF_STATUS] : NULL));
	json_object_set_new(o, "status_from", ip->from ? json_string(ip->from->it->id) : json_null());
	json_t *b = json_object();
	json_object_set_new(b, "planned_baht", money(ip->planned));
	json_object_set_new(b, "disbursed_baht", money(ip->disbursed));
	json_object_set_new(b, "disbursed_source", str_or_null(own ? own->cell[PF_DISBURSED] : NULL));
	json_object_set_new(b, "percent", percent(ip->has_budget_percent, ip->budget_percent));
	json_object_set_new(o, "budget", b);
	json_object_set_new(o, "narrative", str_or_null(own ? own->cell[PF_NARRATIVE] : NULL));
	json_object_set_new(o, "problems", str_or_null(own ? own->cell[PF_PROBLEMS] : NULL));
	json_object_set_new(o, "note", str_or_null(own ? own->cell[PF_NOTE] : NULL));
	json_object_set_new(o, "progress_line", own ? json_integer(own->line) : json_null());
	json_t *inds = json_array();
	for (size_t i = 0; i < ip->nresults; i++)
		json_array_append_new(inds, result_json(&ip->results[i]));
	json_object_set_new(o, "indicators", inds);
	if (it->children.n)
		json_object_set_new(o, "rollup", rollup_json(&ip->rollup));
	return o;
}

json_t *progress_json(const progress_report *rep)
{
	const plan *p = rep->p;
	const progress_round *r = rep->r;
	json_t *o = json_object();
	json_object_set_new(o, "format", json_string("prongsai-progress/1"));
	json_object_set_new(o, "source_file", json_string(r->path));
	json_object_set_new(o, "plan_file", json_string(p->path));
	json_object_set_new(o, "agency_id", json_string(p->agency_id));
	json_object_set_new(o, "agency", json_string(p->agency));
	json_object_set_new(o, "agency_en", json_string(p->agency_en));
	json_object_set_new(o, "plan_title", json_string(p->title));
	json_object_set_new(o, "fiscal_year", json_pack("{s:i,s:i}", "be", p->fiscal_year_be,
						   "ce", thai_be_to_ce(p->fiscal_year_be)));
	char label[256], start[11], end[11];
	progress_round_label(r, true, label, sizeof label);
	thai_date_iso(r->period.start, true, start);
	thai_date_iso(r->period.end, false, end);
	json_t *round = json_object();
	json_object_set_new(round, "months", json_integer(r->months));
	json_object_set_new(round, "label", json_string(label));
	json_object_set_new(round, "start", json_string(start));
	json_object_set_new(round, "end", json_string(end));
	json_object_set_new(round, "period_source", str_or_null(r->period_source));
	json_object_set_new(o, "round", round);
	json_object_set_new(o, "outcome", str_or_null(r->outcome));
	json_object_set_new(o, "totals", rollup_json(&rep->total));
	json_t *tops = json_array();
	for (size_t i = 0; i < p->items.n; i++) {
		const item *it = p->items.v[i];
		const item_progress *ip = progress_of(rep, it);
		json_t *t = json_object();
		json_object_set_new(t, "id", json_string(it->id));
		json_object_set_new(t, "heading", json_string(it->heading));
		json_object_set_new(t, "rollup", rollup_json(&ip->rollup));
		json_array_append_new(tops, t);
	}
	json_object_set_new(o, "top_items", tops);
	json_t *nr = json_array();
	for (size_t i = 0; i < rep->not_reported.n; i++) {
		const item_progress *ip = rep->not_reported.v[i];
		json_array_append_new(nr, json_pack("{s:s,s:s}", "id", ip->it->id, "title",
						  ip->it->title));
	}
	json_object_set_new(o, "not_reported", nr);
	json_t *items = json_array();
	for (size_t i = 0; i < p->all_items.n; i++)
		json_array_append_new(items, item_json(rep, &rep->items[i]));
	json_object_set_new(o, "items", items);
	return o;
}

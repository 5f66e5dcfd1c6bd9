/*
 * out_csv.c — progress-<months>.csv: the flat table of a round for open-data portals,
 * one row per indicator with the plan's target beside the achieved value, its assessment
 * and percent of target, and the item's status and budgets (repeated on each indicator
 * row of the same item, as plan-indicators.csv repeats an item's budget).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "out/backend.h"
#include "progress/report.h"

static const char *const header[] = {
	"agency_id", "fiscal_year_be", "fiscal_year_ce", "round_months", "round_start",
	"round_end", "item_id", "item_level", "item_level_name", "item_title", "level1_id",
	"level1_title", "indicator_id", "indicator", "target_source", "target_kind",
	"target_comparator", "target_value", "target_unit", "achieved_source", "achieved_value",
	"assessment", "percent_of_target", "over_achieved", "status", "status_th",
	"status_from", "budget_planned_baht", "budget_disbursed_source", "budget_disbursed_baht",
	"budget_percent", "narrative", "problems", "result_narrative", "progress_line",
};

static void cell(buf *out, const char *s)
{
	buf_putc(out, ',');
	csv_field(out, s);
}

static void cell_number(buf *out, bool has, double v)
{
	buf_putc(out, ',');
	if (!has)
		return;
	if (v == floor(v) && fabs(v) < 1e15)
		buf_printf(out, "%.0f", v);
	else
		buf_printf(out, "%.15g", v);
}

static void row(buf *out, const progress_report *rep, const item_progress *ip,
    const indicator_result *res)
{
	const plan *p = rep->p;
	const progress_round *r = rep->r;
	const item *it = ip->it;
	char start[11], end[11];
	thai_date_iso(r->period.start, true, start);
	thai_date_iso(r->period.end, false, end);
	csv_field(out, p->agency_id);
	buf_printf(out, ",%d,%d,%d,%s,%s", p->fiscal_year_be, thai_be_to_ce(p->fiscal_year_be),
	    r->months, start, end);
	cell(out, it->id);
	buf_printf(out, ",%d", it->level + 1);
	cell(out, p->level_names[it->level]);
	cell(out, it->title);
	const item *top = it;
	while (top->parent)
		top = top->parent;
	cell(out, top->id);
	cell(out, top->title);
	const indicator *ind = res ? res->ind : NULL;
	const target *t = ind ? ind->target : NULL;
	cell(out, ind ? ind->id : NULL);
	cell(out, ind ? ind->text : NULL);
	cell(out, t ? t->source : NULL);
	cell(out, t ? (t->parsed.numeric ? "quantitative" : "qualitative") : NULL);
	static const char *const cmps[] = {"=", ">=", "<=", ">", "<"};
	cell(out, t && t->parsed.numeric ? cmps[t->parsed.cmp] : NULL);
	cell_number(out, t && t->parsed.numeric, t ? t->parsed.value : 0);
	cell(out, t && t->parsed.numeric ? (t->parsed.percent ? "ร้อยละ" : t->unit) : NULL);
	cell(out, res && res->has_value ? res->row->cell[PF_ACHIEVED] : NULL);
	if (res && res->has_value && !res->numeric) {
		cell(out, res->yes == 1 ? "yes" : res->yes == 0 ? "no" : "partly");
	} else {
		cell_number(out, res && res->has_value, res ? res->value : 0);
	}
	cell(out, res ? progress_assessment_code(res->assessment) : NULL);
	cell_number(out, res && res->has_percent, res ? res->percent : 0);
	cell(out, res ? (res->over_achieved ? "true" : "false") : NULL);
	cell(out, progress_status_code(ip->status));
	cell(out, progress_status_thai(ip->status));
	cell(out, ip->from ? ip->from->it->id : NULL);
	cell_number(out, ip->planned.known, ip->planned.baht);
	cell(out, ip->own ? ip->own->cell[PF_DISBURSED] : NULL);
	cell_number(out, ip->disbursed.known, ip->disbursed.baht);
	cell_number(out, ip->has_budget_percent, ip->budget_percent);
	cell(out, ip->own ? ip->own->cell[PF_NARRATIVE] : NULL);
	cell(out, ip->own ? ip->own->cell[PF_PROBLEMS] : NULL);
	cell(out, res && res->row ? res->row->cell[PF_NARRATIVE] : NULL);
	/* the line of the indicator's own row, else of the item's */
	const progress_row *src = res && res->row ? res->row : ip->own;
	buf_putc(out, ',');
	if (src)
		buf_printf(out, "%d", src->line);
	buf_puts(out, "\r\n");
}

void progress_csv(const progress_report *rep, buf *out)
{
	for (size_t i = 0; i < sizeof header / sizeof *header; i++) {
		if (i)
			buf_putc(out, ',');
		buf_puts(out, header[i]);
	}
	buf_puts(out, "\r\n");
	for (size_t i = 0; i < rep->p->all_items.n; i++) {
		const item_progress *ip = &rep->items[i];
		for (size_t k = 0; k < ip->nresults; k++)
			row(out, rep, ip, &ip->results[k]);
		/* every activity has its row, and so has every item that was reported on */
		if (!ip->nresults && (!ip->it->children.n || ip->own))
			row(out, rep, ip, NULL);
	}
}

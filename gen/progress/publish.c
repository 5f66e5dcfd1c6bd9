/*
 * publish.c — a joined progress round into the output tree: progress-<months>.json,
 * progress-<months>.csv and progress-<months>.pdf beside the plan's own files, each
 * written through output_write so that the manifest lists it.
 */
#include <stdio.h>

#include "out/backend.h"
#include "progress/report.h"

void progress_round_label(const progress_round *r, bool thai_numerals, char *out, size_t outsz)
{
	char raw[256];
	snprintf(raw, sizeof raw, "รอบ %d เดือน (%s %02d – %s %02d)", r->months,
	    thai_month_abbrev(r->period.start.month), r->period.start.year_be % 100,
	    thai_month_abbrev(r->period.end.month), r->period.end.year_be % 100);
	if (thai_numerals)
		thai_digits_to_thai(raw, out, outsz);
	else
		snprintf(out, outsz, "%s", raw);
}

bool progress_publish(output_tree *t, const progress_report *rep, const layout *l,
    pdf_fonts *fonts, const pdf_options *o, char err[256])
{
	const plan *p = rep->p;
	char rel[600];
	buf b = {0};
	json_t *j = progress_json(rep);
	json_render(j, &b);
	json_decref(j);
	snprintf(rel, sizeof rel, "%s/%d/progress-%d.json", p->agency_id, p->fiscal_year_be,
	    rep->r->months);
	bool ok = output_write(t, rel, "application/json", &b);
	b.len = 0;
	progress_csv(rep, &b);
	snprintf(rel, sizeof rel, "%s/%d/progress-%d.csv", p->agency_id, p->fiscal_year_be,
	    rep->r->months);
	ok = ok && output_write(t, rel, "text/csv", &b);
	b.len = 0;
	if (ok && !progress_pdf(rep, l, fonts, o, &b, err)) {
		buf_free(&b);
		return false;
	}
	snprintf(rel, sizeof rel, "%s/%d/progress-%d.pdf", p->agency_id, p->fiscal_year_be,
	    rep->r->months);
	ok = ok && output_write(t, rel, "application/pdf", &b);
	if (!ok)
		snprintf(err, 256, "%.255s", t->error);
	buf_free(&b);
	return ok;
}

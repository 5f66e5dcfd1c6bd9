/*
 * report_pdf.c — a progress round as a PDF report in the plan's layout, on the same
 * engine as the plan (pdf/writer.h, pdf/table.h): a cover with the round, a summary page
 * (the roll-ups as a table and as bar charts, the round's outcome, the activities not
 * reported), then per top-level item a table like the agencies' own reports:
 * guideline | activity | indicator and target | result | what was done.
 *
 * A table row is a reporting unit: an item with a row of its own in the progress file
 * (its cells list the activities below it that its row covers), or an activity that no
 * row covers (marked not reported). Like the plan tables, each unit gets one line per
 * indicator, with the unit's own cells on the first.
 *
 * Rendered twice with the same code, measuring then drawing, so that the running footer
 * can say how many pages there are.
 */
#include <cairo-pdf.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/spans.h"
#include "pdf/table.h"
#include "pdf/writer.h"
#include "progress/charts.h"
#include "progress/report.h"

static const uint32_t status_colour[PS__COUNT] = {
	[PS_NOT_STATED] = 0xA6A6A6, [PS_DONE] = 0x2E7D32, [PS_IN_PROGRESS] = 0xE09B00,
	[PS_NOT_STARTED] = 0x5B7DB1, [PS_CANCELLED] = 0xC62828, [PS_NOT_REPORTED] = 0xD0D0D0};
/* the planned budget: a pale blue under the layout's bar colour for what was spent */
static const uint32_t planned_colour = 0xA6C8E0;
static const uint32_t assessment_colour[PA__COUNT] = {
	[PA_NOT_REPORTED] = 0xD0D0D0, [PA_MET] = 0x2E7D32, [PA_PARTLY] = 0xE09B00,
	[PA_NOT_MET] = 0xC62828, [PA_NOT_ASSESSED] = 0xA6A6A6};

typedef struct doc {
	const progress_report *rep;
	const plan *p;
	pdf_writer *w;
	arena text;            /* strings made while rendering */
	char round_label[256];
} doc;

/* ---- text ---------------------------------------------------------------------------- */

/* A number as the layout prints it: thousands grouped, at most two decimals. */
static const char *num(doc *d, double v)
{
	char raw[64], grouped[96];
	snprintf(raw, sizeof raw, "%.2f", v);
	char *dot = strchr(raw, '.');
	if (dot && !strcmp(dot, ".00"))
		*dot = '\0';
	else if (dot && dot[2] == '0')
		dot[2] = '\0';
	size_t intlen = dot && *dot ? (size_t)(dot - raw) : strlen(raw), o = 0;
	for (size_t i = 0; raw[i]; i++) {
		if (i > 0 && i < intlen && raw[i - 1] != '-' && (intlen - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = raw[i];
	}
	grouped[o] = '\0';
	if (!d->w->lay->thai_numerals)
		return arena_strdup(&d->text, grouped);
	char thai[256];
	thai_digits_to_thai(grouped, thai, sizeof thai);
	return arena_strdup(&d->text, thai);
}

static const char *count(doc *d, size_t n)
{
	return num(d, (double)n);
}

/* "เบิกจ่าย ๑๒๐,๐๐๐ จาก ๑๕๐,๐๐๐ บาท (ร้อยละ ๘๐)" or what part of it is known; NULL
 * when nothing is. */
static const char *budget_text(doc *d, progress_money planned, progress_money disbursed,
    bool has_percent, double percent)
{
	if (planned.known && planned.baht == 0 && (!disbursed.known || disbursed.baht == 0))
		return "ไม่มีการใช้งบประมาณ";
	if (planned.known && disbursed.known)
		return has_percent
		    ? arena_printf(&d->text, "เบิกจ่าย %s จาก %s บาท (ร้อยละ %s)", num(d, disbursed.baht),
			  num(d, planned.baht), num(d, percent))
		    : arena_printf(&d->text, "เบิกจ่าย %s จาก %s บาท", num(d, disbursed.baht),
			  num(d, planned.baht));
	if (disbursed.known)
		return arena_printf(&d->text, "เบิกจ่าย %s บาท (ไม่ระบุงบประมาณที่ได้รับ)",
		    num(d, disbursed.baht));
	if (planned.known)
		return arena_printf(&d->text, "งบประมาณ %s บาท (ไม่ได้รายงานการเบิกจ่าย)",
		    num(d, planned.baht));
	return NULL;
}

/* The roll-up in one sentence: "กิจกรรม ๕ รายการ: เสร็จสิ้น ๒ · … ". */
static void rollup_sentence(doc *d, pdf_spans *s, const progress_rollup *ru)
{
	pdf_spans_add(s, arena_printf(&d->text, "กิจกรรม %s รายการ", count(d, ru->activities)), RICH_STRONG,
	    NULL);
	bool first = true;
	for (int st = PS_DONE; st < PS__COUNT; st++) {
		if (!ru->by_status[st])
			continue;
		pdf_spans_add(s, arena_printf(&d->text, "%s%s %s", first ? ": " : " · ",
			   progress_status_thai((progress_status)st), count(d, ru->by_status[st])),
		    0, NULL);
		first = false;
	}
	if (ru->by_status[PS_NOT_STATED])
		pdf_spans_add(s, arena_printf(&d->text, "%s%s %s", first ? ": " : " · ",
			   progress_status_thai(PS_NOT_STATED), count(d, ru->by_status[PS_NOT_STATED])),
		    0, NULL);
	if (ru->indicators) {
		pdf_spans_add(s, "\n", 0, NULL);
		pdf_spans_add(s, arena_printf(&d->text, "ตัวชี้วัด %s ตัว", count(d, ru->indicators)), RICH_STRONG,
		    NULL);
		pdf_spans_add(s, arena_printf(&d->text, ": บรรลุ %s (ร้อยละ %s)", count(d, ru->by_assessment[PA_MET]),
			   num(d, ru->met_percent)),
		    0, NULL);
		for (int a = PA_PARTLY; a < PA__COUNT; a++)
			if (ru->by_assessment[a])
				pdf_spans_add(s, arena_printf(&d->text, " · %s %s",
					   progress_assessment_thai((progress_assessment)a),
					   count(d, ru->by_assessment[a])),
				    0, NULL);
		if (ru->by_assessment[PA_NOT_REPORTED])
			pdf_spans_add(s, arena_printf(&d->text, " · %s %s", progress_assessment_thai(PA_NOT_REPORTED),
				   count(d, ru->by_assessment[PA_NOT_REPORTED])),
			    0, NULL);
		if (ru->over_achieved)
			pdf_spans_add(s, arena_printf(&d->text, " · เกินค่าเป้าหมาย %s", count(d, ru->over_achieved)),
			    0, NULL);
	}
	const char *money = budget_text(d, ru->planned, ru->disbursed, ru->has_budget_percent,
	    ru->budget_percent);
	if (money) {
		pdf_spans_add(s, "\n", 0, NULL);
		pdf_spans_add(s, "งบประมาณ: ", RICH_STRONG, NULL);
		pdf_spans_add(s, money, 0, NULL);
	}
}

static void paragraph(doc *d, pdf_spans *s, pdf_size size, double after)
{
	pdf_writer *w = d->w;
	PangoLayout *l = pdf_spans_layout(w, s, size, pdf_text_width(w), PANGO_ALIGN_LEFT);
	pdf_tag_begin(w, "P", NULL);
	pdf_paragraph(w, l, 0, after);
	pdf_tag_end(w, "P");
	g_object_unref(l);
}

static void outline(doc *d, const char *title, pdf_anchor at)
{
	pdf_writer *w = d->w;
	if (!w->surface)
		return;
	char dest[96];
	snprintf(dest, sizeof dest, "page=%d pos=[%.1f %.1f]", at.page, w->left, at.y);
	cairo_pdf_surface_add_outline(w->surface, CAIRO_PDF_OUTLINE_ROOT, title, dest, 0);
}

/* ---- cover --------------------------------------------------------------------------- */

static void centred(pdf_writer *w, const char *text, pdf_size size, unsigned style, double after)
{
	PangoLayout *l = pdf_layout_plain(w, text, size, style, pdf_text_width(w));
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	pdf_tag_begin(w, size == SIZE_TITLE ? "H1" : "P", NULL);
	pdf_paragraph(w, l, 0, after);
	pdf_tag_end(w, size == SIZE_TITLE ? "H1" : "P");
	g_object_unref(l);
}

static void cover(doc *d)
{
	pdf_writer *w = d->w;
	const plan *p = d->p;
	pdf_new_page(w);
	w->suppress_running = true;
	w->y = w->top + (w->bottom - w->top) * 0.22;
	double body = pdf_font_size(w, SIZE_BODY);
	centred(w, "รายงานผลการดำเนินการ", SIZE_TITLE, RICH_STRONG, body * 0.8);
	centred(w, p->title, SIZE_H2, RICH_STRONG, body * 1.2);
	centred(w, d->round_label, SIZE_H1, 0, body * 0.4);
	if (!strstr(p->title, "ปีงบประมาณ")) {
		char fy[64];
		pdf_numeral(w, p->fiscal_year_be, fy);
		centred(w, arena_printf(&d->text, "ประจำปีงบประมาณ พ.ศ. %s", fy), SIZE_H2, 0, 0);
	}
	w->y += body * 3;
	centred(w, p->agency, SIZE_H2, RICH_STRONG, body * 0.5);
	centred(w, p->agency_en, SIZE_BODY, 0, 0);
}

/* ---- tables ------------------------------------------------------------------------------ */

typedef struct row_vec {
	pdf_row *v;
	size_t n, cap;
	int ncols;
} row_vec;

static pdf_row *row_add(row_vec *rv, int ncells)
{
	if (rv->n == rv->cap) {
		rv->cap = rv->cap ? 2 * rv->cap : 16;
		rv->v = realloc(rv->v, rv->cap * sizeof *rv->v);
		if (!rv->v)
			abort();
	}
	pdf_row *r = &rv->v[rv->n++];
	*r = (pdf_row){0};
	r->cells = calloc((size_t)ncells, sizeof *r->cells);
	if (!r->cells)
		abort();
	for (int c = 0; c < ncells; c++)
		r->cells[c].background = PDF_NO_BACKGROUND;
	return r;
}

static void header_cells(doc *d, pdf_table *t, const char *const *titles)
{
	t->has_header = true;
	t->header.cells = calloc((size_t)t->ncols, sizeof *t->header.cells);
	if (!t->header.cells)
		abort();
	for (int c = 0; c < t->ncols; c++) {
		pdf_cell *cell = &t->header.cells[c];
		cell->background = d->w->lay->colour_table_header;
		cell->layout = pdf_layout_plain(d->w, titles[c], SIZE_TABLE, RICH_STRONG,
		    t->width[c] - 2 * t->padding);
		pango_layout_set_alignment(cell->layout, PANGO_ALIGN_CENTER);
	}
}

static void draw_and_free(doc *d, pdf_table *t, row_vec *rv)
{
	t->rows = rv->v;
	t->nrows = rv->n;
	pdf_table_draw(d->w, t);
	pdf_table_release(t);
	for (size_t i = 0; i < rv->n; i++)
		free(rv->v[i].cells);
	free(rv->v);
	free(t->header.cells);
	free(t->width);
}

/* Column widths from weights, filling the text width. */
static double *widths(doc *d, const double *weight, int n)
{
	double sum = 0, *wd = calloc((size_t)n, sizeof *wd);
	if (!wd)
		abort();
	for (int c = 0; c < n; c++)
		sum += weight[c];
	for (int c = 0; c < n; c++)
		wd[c] = pdf_text_width(d->w) * weight[c] / sum;
	return wd;
}

static void text_cell(doc *d, pdf_cell *cell, const char *text, unsigned style, double width,
    PangoAlignment align)
{
	cell->layout = pdf_layout_plain(d->w, text, SIZE_TABLE, style, width);
	pango_layout_set_alignment(cell->layout, align);
}

/* ---- summary page -------------------------------------------------------------------- */

typedef struct summary_cols {
	bool status;                /* the activities and their statuses */
	bool unstated, unreported;  /* columns for these two statuses */
	bool indicators, budget;    /* columns for indicators met, for the budget */
} summary_cols;

static void summary_row(doc *d, row_vec *rv, pdf_table *t, const summary_cols *sc,
    const char *name, const progress_rollup *ru, unsigned style)
{
	pdf_row *r = row_add(rv, t->ncols);
	int c = 0;
	double pad = 2 * t->padding;
	text_cell(d, &r->cells[c], name, style, t->width[c] - pad, PANGO_ALIGN_LEFT);
	c++;
	if (sc->status) {
		text_cell(d, &r->cells[c], count(d, ru->activities), style, t->width[c] - pad,
		    PANGO_ALIGN_CENTER);
		c++;
	}
	for (int st = PS_DONE; sc->status && st <= PS_NOT_REPORTED; st++) {
		if ((st == PS_NOT_REPORTED && !sc->unreported) || st == PS_NOT_STATED)
			continue;
		text_cell(d, &r->cells[c], count(d, ru->by_status[st]), style, t->width[c] - pad,
		    PANGO_ALIGN_CENTER);
		c++;
		if (st == PS_CANCELLED && sc->unstated) {
			text_cell(d, &r->cells[c], count(d, ru->by_status[PS_NOT_STATED]), style,
			    t->width[c] - pad, PANGO_ALIGN_CENTER);
			c++;
		}
	}
	if (sc->indicators) {
		text_cell(d, &r->cells[c],
		    arena_printf(&d->text, "%s / %s", count(d, ru->by_assessment[PA_MET]),
			count(d, ru->indicators)),
		    style, t->width[c] - pad, PANGO_ALIGN_CENTER);
		c++;
	}
	if (sc->budget) {
		text_cell(d, &r->cells[c], ru->planned.known ? num(d, ru->planned.baht) : "-", style,
		    t->width[c] - pad, PANGO_ALIGN_RIGHT);
		c++;
		text_cell(d, &r->cells[c], ru->disbursed.known ? num(d, ru->disbursed.baht) : "-",
		    style, t->width[c] - pad, PANGO_ALIGN_RIGHT);
		c++;
		text_cell(d, &r->cells[c], ru->has_budget_percent ? num(d, ru->budget_percent) : "-",
		    style, t->width[c] - pad, PANGO_ALIGN_RIGHT);
		c++;
	}
}

/* The roll-up table: the status columns, the indicator and budget columns, or both. */
static void summary_table(doc *d, bool status, bool money)
{
	const progress_report *rep = d->rep;
	const progress_rollup *tot = &rep->total;
	summary_cols sc = {status, status && tot->by_status[PS_NOT_STATED] > 0,
		status && tot->by_status[PS_NOT_REPORTED] > 0, money && tot->indicators > 0,
		money && (tot->planned.known || tot->disbursed.known)};
	if (!sc.status && !sc.indicators && !sc.budget)
		return;
	const char *titles[16];
	double weight[16];
	int n = 0;
	titles[n] = d->p->level_names[0], weight[n++] = 4.5;
	if (sc.status) {
		titles[n] = "กิจกรรม", weight[n++] = 1.1;
		titles[n] = "เสร็จสิ้น", weight[n++] = 1;
		titles[n] = "อยู่ระหว่างดำเนินการ", weight[n++] = 1.4;
		titles[n] = "ยังไม่ดำเนินการ", weight[n++] = 1.25;
		titles[n] = "ยกเลิก", weight[n++] = 1;
	}
	if (sc.unstated)
		titles[n] = "ไม่ระบุสถานะ", weight[n++] = 1;
	if (sc.unreported)
		titles[n] = "ไม่ได้รายงาน", weight[n++] = 1;
	if (sc.indicators)
		titles[n] = "ตัวชี้วัดที่บรรลุ", weight[n++] = 1.3;
	if (sc.budget) {
		titles[n] = "งบประมาณ (บาท)", weight[n++] = 1.7;
		titles[n] = "เบิกจ่าย (บาท)", weight[n++] = 1.7;
		titles[n] = "ร้อยละ", weight[n++] = 1;
	}
	pdf_table t = {.ncols = n, .padding = 3};
	t.width = widths(d, weight, n);
	header_cells(d, &t, titles);
	row_vec rv = {0};
	for (size_t i = 0; i < d->p->items.n; i++) {
		const item *it = d->p->items.v[i];
		summary_row(d, &rv, &t, &sc, it->heading, &progress_of(rep, it)->rollup, 0);
	}
	summary_row(d, &rv, &t, &sc, "รวมทั้งแผน", tot, RICH_STRONG);
	draw_and_free(d, &t, &rv);
}

/* Status counts, indicator results and the budget of each top-level item (labelled with
 * its heading, which the chart cuts with … when it is long). */
static void charts(doc *d)
{
	pdf_writer *w = d->w;
	const progress_rollup *tot = &d->rep->total;
	chart_bar status_bars[PS__COUNT], ind_bars[PA__COUNT];
	size_t ns = 0, ni = 0;
	static const progress_status status_order[] = {PS_DONE, PS_IN_PROGRESS, PS_NOT_STARTED,
		PS_CANCELLED, PS_NOT_STATED, PS_NOT_REPORTED};
	for (size_t i = 0; i < sizeof status_order / sizeof *status_order; i++) {
		progress_status st = status_order[i];
		/* the four statuses always; not stated and not reported when there are any */
		if (i >= 4 && !tot->by_status[st])
			continue;
		status_bars[ns++] = (chart_bar){progress_status_thai(st),
			arena_printf(&d->text, "%s (ร้อยละ %s)", count(d, tot->by_status[st]),
			    num(d, tot->activities ? progress_round2((double)tot->by_status[st] * 100 /
								 (double)tot->activities)
						   : 0)),
			(double)tot->by_status[st], -1, status_colour[st], 0};
	}
	static const progress_assessment ind_order[] = {PA_MET, PA_PARTLY, PA_NOT_MET,
		PA_NOT_ASSESSED, PA_NOT_REPORTED};
	for (size_t i = 0; tot->indicators && i < sizeof ind_order / sizeof *ind_order; i++) {
		progress_assessment a = ind_order[i];
		if (i >= 3 && !tot->by_assessment[a])
			continue;
		ind_bars[ni++] = (chart_bar){progress_assessment_thai(a),
			arena_printf(&d->text, "%s (ร้อยละ %s)", count(d, tot->by_assessment[a]),
			    num(d, progress_round2((double)tot->by_assessment[a] * 100 /
						   (double)tot->indicators))),
			(double)tot->by_assessment[a], -1, assessment_colour[a], 0};
	}
	size_t ntop = d->p->items.n, nb = 0;
	chart_bar *budget_bars = calloc(ntop ? ntop : 1, sizeof *budget_bars);
	if (!budget_bars)
		abort();
	double budget_max = 0;
	for (size_t i = 0; i < ntop; i++) {
		const item *it = d->p->items.v[i];
		const progress_rollup *ru = &progress_of(d->rep, it)->rollup;
		if (!ru->planned.known && !ru->disbursed.known)
			continue;
		budget_max = fmax(budget_max, fmax(ru->planned.baht, ru->disbursed.baht));
		const char *fig = ru->has_budget_percent
		    ? arena_printf(&d->text, "ร้อยละ %s", num(d, ru->budget_percent))
		    : ru->disbursed.known ? arena_printf(&d->text, "%s บาท", num(d, ru->disbursed.baht))
					  : "ไม่ได้รายงาน";
		budget_bars[nb++] = (chart_bar){it->heading, fig, ru->planned.known ? ru->planned.baht : 0,
			ru->disbursed.known ? ru->disbursed.baht : 0, planned_colour, w->lay->colour_bar};
	}
	chart_key budget_keys[2] = {{"งบประมาณที่ได้รับ", planned_colour},
		{"เบิกจ่าย", w->lay->colour_bar}};
	/* a full bar is all the activities (indicators): the bars show shares of the whole */
	double max_status = (double)tot->activities, max_ind = (double)tot->indicators;
	chart c[3] = {
		{arena_printf(&d->text, "สถานะของกิจกรรม (%s รายการ)", count(d, tot->activities)),
		    status_bars, ns, max_status, "ไม่มีกิจกรรม", NULL, 0},
		{arena_printf(&d->text, "ผลตามตัวชี้วัด (%s ตัว)", count(d, tot->indicators)), ind_bars,
		    ni, max_ind, "แผนนี้ไม่มีตัวชี้วัด", NULL, 0},
		{arena_printf(&d->text, "การใช้จ่ายงบประมาณราย%s", d->p->level_names[0]), budget_bars,
		    nb, budget_max, "แผนและรายงานไม่ระบุจำนวนเงินงบประมาณ", nb ? budget_keys : NULL,
		    nb ? 2 : 0},
	};
	/* three side by side on a landscape page, two and one on a portrait one */
	int per_row = pdf_text_width(w) >= 600 ? 3 : 2;
	double gap = 18, cw = (pdf_text_width(w) - gap * (per_row - 1)) / per_row;
	for (int first = 0; first < 3; first += per_row) {
		int last = first + per_row < 3 ? first + per_row : 3;
		double h = 0;
		for (int i = first; i < last; i++)
			h = fmax(h, chart_height(w, &c[i], last - first == 1 && per_row == 2 ? pdf_text_width(w) : cw));
		pdf_need(w, h);
		for (int i = first; i < last; i++) {
			double width = last - first == 1 && per_row == 2 ? pdf_text_width(w) : cw;
			pdf_tag_begin(w, "Figure", NULL);
			chart_draw(w, &c[i], w->left + (i - first) * (cw + gap), w->y, width);
			pdf_tag_end(w, "Figure");
		}
		w->y += h + pdf_font_size(w, SIZE_BODY);
	}
	free(budget_bars);
}

static void summary(doc *d)
{
	pdf_writer *w = d->w;
	const progress_report *rep = d->rep;
	pdf_new_page(w);
	pdf_anchor at = pdf_heading(w, "สรุปผลการดำเนินงาน", 1, pdf_font_size(w, SIZE_BODY) * 6);
	outline(d, "สรุปผลการดำเนินงาน", at);
	pdf_spans s = {0};
	rollup_sentence(d, &s, &rep->total);
	paragraph(d, &s, SIZE_BODY, pdf_font_size(w, SIZE_BODY) * 0.6);
	/* a portrait page has no room for every column in one table */
	if (pdf_text_width(w) >= 600) {
		summary_table(d, true, true);
	} else {
		summary_table(d, true, false);
		w->y += pdf_font_size(w, SIZE_BODY) * 0.5;
		summary_table(d, false, true);
	}
	w->y += pdf_font_size(w, SIZE_BODY) * 0.5;
	charts(d);
	if (rep->r->outcome_rich) {
		pdf_anchor o = pdf_heading(w, "ผลลัพธ์หรือความสำเร็จของการดำเนินงาน", 2,
		    pdf_font_size(w, SIZE_BODY) * 3);
		outline(d, "ผลลัพธ์หรือความสำเร็จของการดำเนินงาน", o);
		pdf_rich_text(w, rep->r->outcome_rich);
	}
	if (rep->not_reported.n) {
		const char *title = arena_printf(&d->text, "%sที่ไม่ได้รายงานผล (%s รายการ)",
		    d->p->level_names[d->p->nlevels - 1], count(d, rep->not_reported.n));
		pdf_anchor o = pdf_heading(w, title, 2, pdf_font_size(w, SIZE_BODY) * 3);
		outline(d, title, o);
		pdf_tag_begin(w, "L", NULL);
		for (size_t i = 0; i < rep->not_reported.n; i++) {
			const item_progress *ip = rep->not_reported.v[i];
			pdf_spans_add(&s, "• ", 0, NULL);
			pdf_spans_add(&s, ip->it->heading, 0, NULL);
			/* where it sits: its numbers repeat under every parent */
			const char *path = NULL;
			for (const item *up = ip->it->parent; up; up = up->parent)
				path = path ? arena_printf(&d->text, "%s › %s", up->heading, path) : up->heading;
			if (path)
				pdf_spans_add(&s, arena_printf(&d->text, " (%s)", path), RICH_EMPH, NULL);
			PangoLayout *l = pdf_spans_layout(w, &s, SIZE_BODY, pdf_text_width(w) - 12,
			    PANGO_ALIGN_LEFT);
			pango_layout_set_indent(l, -8 * PANGO_SCALE);
			pdf_tag_begin(w, "LI", NULL);
			pdf_paragraph(w, l, 12, pdf_font_size(w, SIZE_BODY) * 0.2);
			pdf_tag_end(w, "LI");
			g_object_unref(l);
		}
		pdf_tag_end(w, "L");
	}
}

/* ---- the tables per top-level item ------------------------------------------------------ */

enum { UC_GUIDE, UC_ACTIVITY, UC_INDICATOR, UC_RESULT, UC_DONE, NCOLS };

typedef struct section {
	doc *d;
	const item *top;
	int col[NCOLS];          /* table column of each kind, or -1 */
	pdf_table t;
	row_vec rv;
	const item *last_guide;  /* the guideline whose heading was printed last */
	int guide_level;         /* level of the guideline column, or -1 */
} section;

static const item_progress *ip_of(const section *sec, const item *it)
{
	return progress_of(sec->d->rep, it);
}

/* Does the item, or anything under it, get a table row? */
static bool emits(const section *sec, const item *it)
{
	const item_progress *ip = ip_of(sec, it);
	if (ip->own || (!it->children.n && !ip->from))
		return true;
	for (size_t k = 0; k < it->children.n; k++)
		if (emits(sec, it->children.v[k]))
			return true;
	return false;
}

/* Items under u (not u) whose status comes from u's row: the activities it covers. */
static void covered(const section *sec, const item *u, const item *it, ptr_vec *out, arena *a)
{
	const item_progress *uip = ip_of(sec, u);
	for (size_t k = 0; k < it->children.n; k++) {
		const item *c = it->children.v[k];
		if (ip_of(sec, c)->from != uip)
			continue;
		ptr_vec_push(a, out, (void *)c);
		covered(sec, u, c, out, a);
	}
}

static bool section_has_indicators(const item *it)
{
	if (it->indicators.n)
		return true;
	for (size_t k = 0; k < it->children.n; k++)
		if (section_has_indicators(it->children.v[k]))
			return true;
	return false;
}

static void cell_from(section *sec, pdf_row *r, int kind, pdf_spans *s, pdf_size size)
{
	int c = sec->col[kind];
	if (c < 0) {
		free(s->v);
		*s = (pdf_spans){0};
		return;
	}
	if (!s->n)
		return;
	r->cells[c].layout = pdf_spans_layout(sec->d->w, s, size, sec->t.width[c] - 2 * sec->t.padding,
	    PANGO_ALIGN_LEFT);
}

static void done_spans(section *sec, pdf_spans *s, const item_progress *ip)
{
	doc *d = sec->d;
	const progress_row *own = ip->own;
	if (!ip->reported) {
		pdf_spans_add(s, "ไม่ได้รายงานผล", RICH_EMPH, NULL);
		return;
	}
	if (own && own->status != PS_NOT_STATED) {
		pdf_spans_add(s, "สถานะ: ", RICH_STRONG, NULL);
		pdf_spans_add(s, progress_status_thai(own->status), 0, NULL);
	}
	const char *money = budget_text(d, ip->planned, ip->disbursed, ip->has_budget_percent,
	    ip->budget_percent);
	if (money && (own || ip->planned.known)) {
		pdf_spans_break(s);
		pdf_spans_add(s, "งบประมาณ: ", RICH_STRONG, NULL);
		pdf_spans_add(s, money, 0, NULL);
	}
	if (!own)
		return;
	if (own->rich[PF_NARRATIVE]) {
		pdf_spans_break(s);
		pdf_spans_add_rich(s, own->rich[PF_NARRATIVE]);
	}
	if (own->rich[PF_PROBLEMS]) {
		pdf_spans_break(s);
		pdf_spans_add(s, "ปัญหาอุปสรรค: ", RICH_STRONG, NULL);
		pdf_spans_add_rich(s, own->rich[PF_PROBLEMS]);
	}
	if (own->rich[PF_NOTE]) {
		pdf_spans_break(s);
		pdf_spans_add(s, "หมายเหตุ: ", RICH_STRONG, NULL);
		pdf_spans_add_rich(s, own->rich[PF_NOTE]);
	}
}

/* The achieved value as the report prints it: a figure in the layout's numerals with the
 * indicator's unit (a JSON file gives bare numbers), an answer in Thai. */
static const char *achieved_text(doc *d, const indicator_result *res)
{
	const char *source = res->row->cell[PF_ACHIEVED];
	const target *t = res->ind->target;
	if (res->numeric && t && t->parsed.numeric) {
		const char *unit = res->ind->unit_override ? res->ind->unit_override : t->unit;
		if (t->parsed.percent)
			return arena_printf(&d->text, "ร้อยละ %s", num(d, res->value));
		return unit ? arena_printf(&d->text, "%s %s", num(d, res->value), unit) : num(d, res->value);
	}
	bool ascii = true;
	for (const char *c = source; *c; c++)
		ascii = ascii && (unsigned char)*c < 0x80;
	if (!res->numeric && ascii)
		return res->yes == 1 ? "ใช่" : res->yes == 0 ? "ไม่ใช่" : "บางส่วน";
	return source;
}

static void result_spans(section *sec, pdf_spans *s, const indicator_result *res)
{
	doc *d = sec->d;
	if (!res->has_value) {
		pdf_spans_add(s, "ไม่ได้รายงาน", RICH_EMPH, NULL);
	} else {
		pdf_spans_add(s, achieved_text(d, res), 0, NULL);
		pdf_spans_add(s, "\n", 0, NULL);
		pdf_spans_add(s, progress_assessment_thai(res->assessment), RICH_STRONG, NULL);
		if (res->has_percent)
			pdf_spans_add(s, arena_printf(&d->text, " (ร้อยละ %s ของค่าเป้าหมาย)", num(d, res->percent)), 0,
			    NULL);
	}
	if (res->row && res->row->rich[PF_NARRATIVE]) {
		pdf_spans_add(s, "\n", 0, NULL);
		pdf_spans_add_rich(s, res->row->rich[PF_NARRATIVE]);
	}
	if (res->row && res->row->rich[PF_NOTE]) {
		pdf_spans_add(s, "\n", 0, NULL);
		pdf_spans_add(s, "หมายเหตุ: ", RICH_STRONG, NULL);
		pdf_spans_add_rich(s, res->row->rich[PF_NOTE]);
	}
}

static void indicator_spans(pdf_spans *s, const indicator *ind)
{
	pdf_spans_add(s, ind->text, 0, NULL);
	if (ind->target && !ind->target->from_indicator) {
		pdf_spans_add(s, "\n", 0, NULL);
		pdf_spans_add(s, "ค่าเป้าหมาย: ", RICH_STRONG, NULL);
		pdf_spans_add(s, ind->target->source, 0, NULL);
	}
}

static void unit_rows(section *sec, const item *u)
{
	doc *d = sec->d;
	const item_progress *uip = ip_of(sec, u);
	ptr_vec cov = {0};
	covered(sec, u, u, &cov, &d->text);
	/* the indicators shown: the unit's own, then those of the items it covers */
	ptr_vec results = {0};
	for (size_t i = 0; i < uip->nresults; i++)
		ptr_vec_push(&d->text, &results, &uip->results[i]);
	for (size_t k = 0; k < cov.n; k++) {
		const item_progress *c = ip_of(sec, cov.v[k]);
		for (size_t i = 0; i < c->nresults; i++)
			ptr_vec_push(&d->text, &results, &c->results[i]);
	}
	/* the guideline cell: the unit itself at that level, else the activity's parent
	 * when this is the first unit under it */
	const item *guide = NULL;
	bool guide_continues = false;
	if (sec->guide_level >= 0 && u != sec->top) {
		if (u->level == sec->guide_level)
			guide = u;
		else if (!u->children.n && u->parent && u->parent->level == sec->guide_level &&
			 u->parent != sec->top) {
			guide_continues = sec->last_guide == u->parent;
			guide = guide_continues ? NULL : u->parent;
		}
		if (guide)
			sec->last_guide = guide;
	}
	size_t nrows = results.n ? results.n : 1;
	for (size_t k = 0; k < nrows; k++) {
		pdf_row *r = row_add(&sec->rv, sec->t.ncols);
		pdf_spans s = {0};
		if (k == 0 && guide)
			pdf_spans_add(&s, guide->heading, 0, NULL);
		cell_from(sec, r, UC_GUIDE, &s, SIZE_TABLE);
		if (k == 0) {
			/* the section heading or the guideline cell names it already */
			bool list_only = u->children.n && (u == sec->top || u == guide);
			if (!list_only)
				pdf_spans_add(&s, u->heading, u->children.n ? RICH_STRONG : 0, NULL);
			for (size_t i = 0; i < cov.n; i++) {
				const item *c = cov.v[i];
				if (c->children.n)
					continue;
				pdf_spans_break(&s);
				pdf_spans_add(&s, c->heading, 0, NULL);
			}
		}
		cell_from(sec, r, UC_ACTIVITY, &s, SIZE_TABLE);
		if (k < results.n)
			indicator_spans(&s, ((indicator_result *)results.v[k])->ind);
		cell_from(sec, r, UC_INDICATOR, &s, SIZE_TABLE);
		if (k < results.n)
			result_spans(sec, &s, results.v[k]);
		cell_from(sec, r, UC_RESULT, &s, SIZE_TABLE);
		if (k == 0)
			done_spans(sec, &s, uip);
		cell_from(sec, r, UC_DONE, &s, SIZE_TABLE);
		for (int kind = 0; kind < NCOLS; kind++) {
			int c = sec->col[kind];
			if (c < 0)
				continue;
			bool per_indicator = kind == UC_INDICATOR || kind == UC_RESULT;
			r->cells[c].no_top_rule = (k > 0 && !per_indicator) ||
						  (k == 0 && kind == UC_GUIDE && guide_continues);
		}
	}
}

static void group_row(section *sec, const item *it)
{
	pdf_row *r = row_add(&sec->rv, 1);
	r->group = true;
	double total = 0;
	for (int c = 0; c < sec->t.ncols; c++)
		total += sec->t.width[c];
	r->cells[0].layout = pdf_layout_plain(sec->d->w, it->heading, SIZE_TABLE, RICH_STRONG,
	    total - 2 * sec->t.padding);
	r->cells[0].background = sec->d->w->lay->colour_group;
}

static void rows_for(section *sec, const item *it)
{
	const item_progress *ip = ip_of(sec, it);
	if (!emits(sec, it))
		return;
	if (ip->own || (!it->children.n && !ip->from)) {
		unit_rows(sec, it);
	} else if (it != sec->top && it->children.n && it->level < sec->guide_level) {
		group_row(sec, it);
		sec->last_guide = NULL;
	}
	for (size_t k = 0; k < it->children.n; k++)
		rows_for(sec, it->children.v[k]);
}

static void section_table(doc *d, const item *top)
{
	const plan *p = d->p;
	section sec = {.d = d, .top = top, .guide_level = p->nlevels >= 3 ? p->nlevels - 2 : -1};
	bool indicators = section_has_indicators(top);
	static const double weight[NCOLS] = {2.2, 3, 2.8, 2, 5};
	const char *all_titles[NCOLS] = {
		sec.guide_level >= 0 ? p->level_names[sec.guide_level] : "",
		p->level_names[p->nlevels - 1], "ตัวชี้วัดและค่าเป้าหมาย", "ผลตามตัวชี้วัด", "ผลการดำเนินการ"};
	const char *titles[NCOLS];
	double w[NCOLS];
	int n = 0;
	for (int k = 0; k < NCOLS; k++) {
		bool on = k == UC_GUIDE ? sec.guide_level >= 0
			: k == UC_INDICATOR || k == UC_RESULT ? indicators : true;
		sec.col[k] = on ? n : -1;
		if (on) {
			titles[n] = all_titles[k];
			w[n++] = weight[k];
		}
	}
	sec.t = (pdf_table){.ncols = n, .padding = 4};
	sec.t.width = widths(d, w, n);
	header_cells(d, &sec.t, titles);
	rows_for(&sec, top);
	draw_and_free(d, &sec.t, &sec.rv);
}

static void draw_section(doc *d, const item *top)
{
	pdf_writer *w = d->w;
	/* the sections follow the summary as the plan's items follow its chapters: on the
	 * same page when there is room, unless the layout gives each a page */
	if (w->lay->new_page_per_top_item)
		pdf_new_page(w);
	double body = pdf_font_size(w, SIZE_BODY);
	pdf_anchor at = pdf_heading(w, top->heading, 1, body * 9);
	outline(d, top->heading, at);
	pdf_spans s = {0};
	rollup_sentence(d, &s, &progress_of(d->rep, top)->rollup);
	paragraph(d, &s, SIZE_SMALL, body * 0.5);
	section_table(d, top);
}

static void render(doc *d)
{
	cover(d);
	summary(d);
	for (size_t i = 0; i < d->p->items.n; i++)
		draw_section(d, d->p->items.v[i]);
}

bool progress_pdf(const progress_report *rep, const layout *l, pdf_fonts *fonts,
    const pdf_options *o, buf *out, char err[256])
{
	const plan *p = rep->p;
	doc d = {.rep = rep, .p = p};
	progress_round_label(rep->r, l->thai_numerals, d.round_label, sizeof d.round_label);
	char title[1024], subject[512], keywords[512], fy[64];
	snprintf(title, sizeof title, "รายงานผลการดำเนินการ %s %s", d.round_label, p->title);
	snprintf(subject, sizeof subject,
	    "รายงานผลการดำเนินการ รอบ %d เดือน ปีงบประมาณ พ.ศ. %d — %s", rep->r->months,
	    p->fiscal_year_be, p->agency_en);
	snprintf(keywords, sizeof keywords, "%s, %s, %d, progress report, %d months, anti-corruption, th",
	    p->agency_id, p->agency_en, thai_be_to_ce(p->fiscal_year_be), rep->r->months);
	pdf_meta meta = {title, p->agency, subject, keywords, NULL, o->created};

	pdf_writer w;
	pdf_writer_init(&w, l, &meta, fonts, NULL, 0);
	meta.fiscal_year = pdf_numeral(&w, p->fiscal_year_be, fy);
	d.w = &w;
	render(&d);
	int total = w.page;
	pdf_writer_finish(&w);
	arena_free(&d.text);

	pdf_writer_init(&w, l, &meta, fonts, out, total);
	d.w = &w;
	render(&d);
	bool ok = pdf_writer_finish(&w);
	arena_free(&d.text);
	if (!ok)
		snprintf(err, 256, "cairo could not write the PDF");
	else if (!pdf_set_language(out, "th"))
		ok = false, snprintf(err, 256, "cannot add the document language to the PDF");
	return ok;
}

/*
 * plan_pdf.c — a plan as a PDF document: cover, table of contents, the prose chapters
 * and, per outermost item, its heading, fields and prose, then one table of everything
 * under it (group rows for the middle levels, a row per indicator of each activity, and
 * a timeline when the layout asks for one).
 *
 * Rendered twice with the same code: first measuring (where headings land, how many
 * pages), then drawing, so the contents can give page numbers.
 */
#include "pdf/pdf.h"

#include <cairo-pdf.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/spans.h"
#include "pdf/table.h"
#include "pdf/writer.h"

typedef struct toc_entry {
	const char *text;
	int level;          /* 0 chapter or outermost item, 1 the level below */
	pdf_anchor at;
	int outline_id;
} toc_entry;

typedef struct doc {
	const plan *p;
	pdf_writer *w;
	toc_entry *toc;
	size_t ntoc, next_toc;
	int toc_pages;
	GHashTable *outline;  /* item * → outline id, in the drawing pass */
	bool has_timeline;
} doc;

/* ---- document order ------------------------------------------------------------------ */

typedef void (*visit_chapter)(doc *d, const chapter *c);
typedef void (*visit_item)(doc *d, const item *it);

/* Chapters and outermost items in the order the source gives them. */
static void walk(doc *d, visit_chapter on_chapter, visit_item on_item)
{
	const plan *p = d->p;
	size_t c = 0;
	for (size_t i = 0; i <= p->items.n; i++) {
		while (c < p->chapters.n && ((chapter *)p->chapters.v[c])->items_before <= i)
			on_chapter(d, p->chapters.v[c++]);
		if (i < p->items.n)
			on_item(d, p->items.v[i]);
	}
}

static void count_chapter(doc *d, const chapter *c)
{
	if (c->title && c->depth == 1)
		d->ntoc++;
}

static void count_item(doc *d, const item *it)
{
	d->ntoc += 1 + (d->p->nlevels > 2 ? it->children.n : 0);
}

static void list_chapter(doc *d, const chapter *c)
{
	if (c->title && c->depth == 1)
		d->toc[d->ntoc++] = (toc_entry){c->title, 0, {0, 0}, 0};
}

static void list_item(doc *d, const item *it)
{
	d->toc[d->ntoc++] = (toc_entry){it->heading, 0, {0, 0}, 0};
	if (d->p->nlevels > 2)
		for (size_t k = 0; k < it->children.n; k++)
			d->toc[d->ntoc++] =
			    (toc_entry){((item *)it->children.v[k])->heading, 1, {0, 0}, 0};
}

/* ---- outline --------------------------------------------------------------------------- */

static int add_outline(doc *d, int parent, const char *title, pdf_anchor at)
{
	if (!d->w->surface)
		return 0;
	char dest[96];
	snprintf(dest, sizeof dest, "page=%d pos=[%.1f %.1f]", at.page, d->w->left, at.y);
	return cairo_pdf_surface_add_outline(d->w->surface, parent, title, dest, 0);
}

static int outline_parent(doc *d, const item *it)
{
	if (!d->outline || !it->parent)
		return CAIRO_PDF_OUTLINE_ROOT;
	gpointer id = g_hash_table_lookup(d->outline, it->parent);
	return id ? GPOINTER_TO_INT(id) : CAIRO_PDF_OUTLINE_ROOT;
}

static void outline_item(doc *d, const item *it, pdf_anchor at)
{
	if (!d->outline)
		return;
	int id = add_outline(d, outline_parent(d, it), it->heading, at);
	g_hash_table_insert(d->outline, (gpointer)it, GINT_TO_POINTER(id));
}

/* A TOC entry's heading was placed: remember where (both passes). */
static void toc_reached(doc *d, const char *text, pdf_anchor at)
{
	if (d->next_toc < d->ntoc && d->toc[d->next_toc].text == text)
		d->toc[d->next_toc++].at = at;
}

/* ---- cover and contents ------------------------------------------------------------- */

static void centred(pdf_writer *w, const char *text, pdf_size size, unsigned style,
    double space_after)
{
	PangoLayout *l = pdf_layout_plain(w, text, size, style, pdf_text_width(w));
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	pdf_tag_begin(w, size == SIZE_TITLE ? "H1" : "P", NULL);
	pdf_paragraph(w, l, 0, space_after);
	pdf_tag_end(w, size == SIZE_TITLE ? "H1" : "P");
	g_object_unref(l);
}

static void cover(doc *d)
{
	pdf_writer *w = d->w;
	pdf_new_page(w);
	w->suppress_running = true;
	w->y = w->top + (w->bottom - w->top) * 0.28;
	char fy[64], line[256];
	pdf_numeral(w, d->p->fiscal_year_be, fy);
	centred(w, d->p->title, SIZE_TITLE, RICH_STRONG, pdf_font_size(w, SIZE_BODY) * 1.5);
	/* most titles already end with the fiscal year; say it only when the title does not */
	if (!strstr(d->p->title, "ปีงบประมาณ")) {
		snprintf(line, sizeof line, "ประจำปีงบประมาณ พ.ศ. %s", fy);
		centred(w, line, SIZE_H1, 0, 0);
	}
	w->y += pdf_font_size(w, SIZE_BODY) * 3;
	centred(w, d->p->agency, SIZE_H2, RICH_STRONG, pdf_font_size(w, SIZE_BODY) * 0.5);
	centred(w, d->p->agency_en, SIZE_BODY, 0, 0);
}

static double toc_line_height(pdf_writer *w)
{
	PangoLayout *l = pdf_layout_plain(w, "สารบัญ", SIZE_BODY, 0, -1);
	double h = pdf_layout_height(l) * 1.15;
	g_object_unref(l);
	return h;
}

static int toc_pages_needed(doc *d)
{
	pdf_writer *w = d->w;
	PangoLayout *title = pdf_layout_plain(w, "สารบัญ", SIZE_H1, RICH_STRONG, -1);
	double first = (w->bottom - w->top) - pdf_layout_height(title) * 2;
	g_object_unref(title);
	double lh = toc_line_height(w), room = first;
	int pages = 1;
	for (size_t i = 0; i < d->ntoc; i++) {
		if (room < lh) {
			pages++;
			room = w->bottom - w->top;
		}
		room -= lh;
	}
	return pages;
}

static void toc_entry_line(doc *d, const toc_entry *e, double lh)
{
	pdf_writer *w = d->w;
	char num[64];
	double indent = e->level * 24, numw = 48;
	PangoLayout *t = pdf_layout_plain(w, e->text, SIZE_BODY, e->level ? 0 : RICH_STRONG,
	    pdf_text_width(w) - indent - numw);
	pango_layout_set_ellipsize(t, PANGO_ELLIPSIZE_END);
	pango_layout_set_height(t, -1);
	PangoLayout *n = pdf_layout_plain(w, pdf_numeral(w, e->at.page, num), SIZE_BODY, 0, numw);
	pango_layout_set_alignment(n, PANGO_ALIGN_RIGHT);
	pdf_tag_begin(w, "TOCI", NULL);
	if (w->cr) {
		pdf_set_colour(w, w->lay->colour_text);
		cairo_move_to(w->cr, w->left + indent, w->y);
		pango_cairo_show_layout(w->cr, t);
		cairo_move_to(w->cr, w->right - numw, w->y);
		pango_cairo_show_layout(w->cr, n);
		/* page/pos links: the contents point at the exact place of each heading */
		char attrs[160];
		snprintf(attrs, sizeof attrs, "page=%d pos=[%.1f %.1f] rect=[%.1f %.1f %.1f %.1f]",
		    e->at.page > 0 ? e->at.page : 1, w->left, e->at.y, w->left + indent, w->y,
		    pdf_text_width(w) - indent, lh);
		cairo_tag_begin(w->cr, CAIRO_TAG_LINK, attrs);
		cairo_tag_end(w->cr, CAIRO_TAG_LINK);
	}
	pdf_tag_end(w, "TOCI");
	w->y += lh;
	g_object_unref(t);
	g_object_unref(n);
}

static void contents(doc *d)
{
	pdf_writer *w = d->w;
	if (!w->lay->toc)
		return;
	pdf_new_page(w);
	int first_page = w->page;
	pdf_heading(w, "สารบัญ", 1, 0);
	double lh = toc_line_height(w);
	pdf_tag_begin(w, "TOC", NULL);
	for (size_t i = 0; i < d->ntoc; i++) {
		if (pdf_room(w) < lh)
			pdf_new_page(w);
		toc_entry_line(d, &d->toc[i], lh);
	}
	pdf_tag_end(w, "TOC");
	/* the measuring pass reserved toc_pages: keep the body where it was measured */
	while (w->page < first_page + d->toc_pages - 1)
		pdf_new_page(w);
}

/* ---- chapters ------------------------------------------------------------------------ */

static void draw_chapter(doc *d, const chapter *c)
{
	pdf_writer *w = d->w;
	if (c->title) {
		pdf_anchor at = pdf_heading(w, c->title, c->depth, pdf_font_size(w, SIZE_BODY) * 3);
		toc_reached(d, c->title, at);
		if (d->outline)
			add_outline(d, CAIRO_PDF_OUTLINE_ROOT, c->title, at);
	} else if (w->page == 0) {
		pdf_new_page(w);
	}
	pdf_rich_text(w, c->rich);
}

/* ---- plan items ---------------------------------------------------------------------- */

static const model_field rich_fields[] = {FIELD_OBJECTIVE, FIELD_GOAL, FIELD_METHOD,
	FIELD_OUTPUT, FIELD_OUTCOME, FIELD_NOTE, FIELD_BUDGET_SOURCE};

static void join_strings(pdf_spans *s, const ptr_vec *v, const char *bullet)
{
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			pdf_spans_add(s, "\n", 0, NULL);
		if (bullet && v->n > 1)
			pdf_spans_add(s, bullet, 0, NULL);
		pdf_spans_add(s, v->v[i], 0, NULL);
	}
}

/* Everything an item says besides its table rows, as labelled lines; its prose too
 * when it goes into a table cell. */
static void item_details(pdf_spans *s, const item *it, bool with_indicators, bool with_prose)
{
	for (size_t f = 0; f < sizeof rich_fields / sizeof *rich_fields; f++) {
		const rich_text *t = it->field_rich[rich_fields[f]];
		if (!t)
			continue;
		if (s->n)
			pdf_spans_add(s, "\n", 0, NULL);
		pdf_spans_add(s, model_field_name(rich_fields[f]), RICH_STRONG, NULL);
		pdf_spans_add(s, ": ", RICH_STRONG, NULL);
		pdf_spans tmp = {0};
		pdf_spans_add_rich(&tmp, t);
		for (size_t k = 0; k < tmp.n; k++)
			pdf_spans_add(s, tmp.v[k].text, tmp.v[k].style, tmp.v[k].url);
		free(tmp.v);
	}
	if (with_indicators)
		for (size_t i = 0; i < it->indicators.n; i++) {
			const indicator *ind = it->indicators.v[i];
			pdf_spans_add(s, s->n ? "\nตัวชี้วัด: " : "ตัวชี้วัด: ", RICH_STRONG, NULL);
			pdf_spans_add(s, ind->text, 0, NULL);
			if (ind->target && !ind->target->from_indicator) {
				pdf_spans_add(s, " — ค่าเป้าหมาย: ", RICH_STRONG, NULL);
				pdf_spans_add(s, ind->target->source, 0, NULL);
			}
		}
	if (with_indicators && it->budget.n) {
		pdf_spans_add(s, s->n ? "\nงบประมาณ: " : "งบประมาณ: ", RICH_STRONG, NULL);
		for (size_t i = 0; i < it->budget.n; i++)
			pdf_spans_add(s, ((budget_part *)it->budget.v[i])->source, 0, NULL);
	}
	if (it->responsible.n) {
		pdf_spans_add(s, s->n ? "\nผู้รับผิดชอบ: " : "ผู้รับผิดชอบ: ", RICH_STRONG, NULL);
		for (size_t i = 0; i < it->responsible.n; i++) {
			if (i)
				pdf_spans_add(s, ", ", 0, NULL);
			pdf_spans_add(s, it->responsible.v[i], 0, NULL);
		}
	}
	if (with_prose && it->prose_rich) {
		pdf_spans tmp = {0};
		pdf_spans_add_rich(&tmp, it->prose_rich);
		if (s->n && tmp.n)
			pdf_spans_add(s, "\n", 0, NULL);
		for (size_t k = 0; k < tmp.n; k++)
			pdf_spans_add(s, tmp.v[k].text, tmp.v[k].style, tmp.v[k].url);
		free(tmp.v);
	}
}

typedef struct row_vec {
	pdf_row *v;
	const item **owner;   /* the item each row shows (for the outline) */
	size_t n, cap;
} row_vec;

static pdf_row *row_add(row_vec *rv, const item *owner, int ncells)
{
	if (rv->n == rv->cap) {
		rv->cap = rv->cap ? 2 * rv->cap : 32;
		rv->v = realloc(rv->v, rv->cap * sizeof *rv->v);
		rv->owner = realloc(rv->owner, rv->cap * sizeof *rv->owner);
		if (!rv->v || !rv->owner)
			abort();
	}
	pdf_row *r = &rv->v[rv->n];
	*r = (pdf_row){0};
	r->cells = calloc((size_t)ncells, sizeof *r->cells);
	if (!r->cells)
		abort();
	for (int c = 0; c < ncells; c++)
		r->cells[c].background = PDF_NO_BACKGROUND;
	rv->owner[rv->n++] = owner;
	return r;
}

/* The timeline painter: twelve month slots, a bar over the months the periods touch,
 * arrows where the work continues from or into another fiscal year. */
typedef struct timeline_data {
	bool months[12];
	bool before, after;
} timeline_data;

static void paint_timeline(pdf_writer *w, const pdf_cell *c, double x, double y, double width,
    double height)
{
	const timeline_data *t = c->paint_data;
	/* the bar sits level with the first line of the activity, not mid-row */
	double slot = width / 12, bar = fmin(height, 7), by = y + 3;
	pdf_set_colour(w, w->lay->colour_rule);
	cairo_set_line_width(w->cr, 0.25);
	for (int m = 1; m < 12; m++) {
		cairo_move_to(w->cr, x + m * slot, y - 3);
		cairo_line_to(w->cr, x + m * slot, y + height + 3);
	}
	cairo_stroke(w->cr);
	pdf_set_colour(w, w->lay->colour_bar);
	for (int m = 0; m < 12; m++) {
		if (!t->months[m])
			continue;
		int end = m;
		while (end + 1 < 12 && t->months[end + 1])
			end++;
		cairo_rectangle(w->cr, x + m * slot + 1, by, (end - m + 1) * slot - 2, bar);
		cairo_fill(w->cr);
		if (m == 0 && t->before) {
			cairo_move_to(w->cr, x - 1, by + bar / 2);
			cairo_line_to(w->cr, x + 4, by - 2);
			cairo_line_to(w->cr, x + 4, by + bar + 2);
			cairo_fill(w->cr);
		}
		if (end == 11 && t->after) {
			cairo_move_to(w->cr, x + width + 1, by + bar / 2);
			cairo_line_to(w->cr, x + width - 4, by - 2);
			cairo_line_to(w->cr, x + width - 4, by + bar + 2);
			cairo_fill(w->cr);
		}
		m = end;
	}
}

static void paint_month_header(pdf_writer *w, const pdf_cell *c, double x, double y,
    double width, double height)
{
	const int *fy = c->paint_data;
	double slot = width / 12;
	for (int m = 0; m < 12; m++) {
		int month = m < 3 ? m + 10 : m - 2, year = (m < 3 ? *fy - 1 : *fy) % 100;
		char yy[64], label[96];
		pdf_numeral(w, year, yy);
		snprintf(label, sizeof label, "%s\n%s", thai_month_abbrev(month), yy);
		PangoLayout *l = pdf_layout_plain(w, label, SIZE_SMALL, RICH_STRONG, -1);
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
		int lw, lh;
		pango_layout_get_size(l, &lw, &lh);
		/* narrow month slots: shrink the label to fit rather than let it overlap */
		double natural = (double)lw / PANGO_SCALE, scale = fmin(1, (slot - 1) / natural);
		pdf_set_colour(w, w->lay->colour_text);
		cairo_save(w->cr);
		cairo_translate(w->cr, x + m * slot + (slot - natural * scale) / 2,
		    y + (height - (double)lh / PANGO_SCALE * scale) / 2);
		cairo_scale(w->cr, scale, scale);
		cairo_move_to(w->cr, 0, 0);
		pango_cairo_show_layout(w->cr, l);
		cairo_restore(w->cr);
		g_object_unref(l);
	}
}

static double month_header_height(pdf_writer *w)
{
	PangoLayout *l = pdf_layout_plain(w, "ต.ค.\n๖๖", SIZE_SMALL, RICH_STRONG, -1);
	double h = pdf_layout_height(l);
	g_object_unref(l);
	return h;
}

static void fill_activity_cell(doc *d, pdf_cell *cell, layout_field f, const item *it,
    const indicator *ind, bool first, double width, timeline_data *tl)
{
	pdf_writer *w = d->w;
	pdf_spans s = {0};
	PangoAlignment align = PANGO_ALIGN_LEFT;
	switch (f) {
	case COL_ITEM:
		if (first)
			pdf_spans_add(&s, it->heading, 0, NULL);
		break;
	case COL_INDICATOR:
		if (ind)
			pdf_spans_add(&s, ind->text, 0, NULL);
		break;
	case COL_TARGET:
		if (ind && ind->target && !ind->target->from_indicator)
			pdf_spans_add(&s, ind->target->source, 0, NULL);
		break;
	case COL_BUDGET:
		align = PANGO_ALIGN_RIGHT;
		for (size_t i = 0; first && i < it->budget.n; i++) {
			if (i)
				pdf_spans_add(&s, "\n", 0, NULL);
			pdf_spans_add(&s, ((budget_part *)it->budget.v[i])->source, 0, NULL);
		}
		break;
	case COL_PERIOD:
		for (size_t i = 0; first && i < it->periods.n; i++) {
			if (i)
				pdf_spans_add(&s, "\n", 0, NULL);
			pdf_spans_add(&s, ((period *)it->periods.v[i])->source, 0, NULL);
		}
		break;
	case COL_RESPONSIBLE:
		if (first)
			join_strings(&s, &it->responsible, "- ");
		break;
	case COL_TIMELINE:
		if (first && it->periods.n) {
			for (size_t i = 0; i < it->periods.n; i++) {
				const thai_period *pd = &((period *)it->periods.v[i])->parsed;
				bool m[12];
				thai_period_fiscal_months(pd, d->p->fiscal_year_be, m);
				for (int k = 0; k < 12; k++)
					tl->months[k] = tl->months[k] || m[k];
				tl->before = tl->before || pd->continues_before;
				tl->after = tl->after || pd->continues_after;
			}
			cell->paint = paint_timeline;
			cell->paint_data = tl;
			cell->paint_height = 9;
		}
		return;
	default: {
		static const model_field of[COL__COUNT] = {[COL_METHOD] = FIELD_METHOD,
			[COL_GOAL] = FIELD_GOAL, [COL_OBJECTIVE] = FIELD_OBJECTIVE,
			[COL_OUTPUT] = FIELD_OUTPUT, [COL_OUTCOME] = FIELD_OUTCOME, [COL_NOTE] = FIELD_NOTE};
		if (first)
			pdf_spans_add_rich(&s, it->field_rich[of[f]]);
		break;
	}
	}
	if (s.n)
		cell->layout = pdf_spans_layout(w, &s, SIZE_TABLE, width, align);
	free(s.v);
}

/* One row per indicator (at least one row); activity cells on the first only. */
static void activity_rows(doc *d, const item *it, row_vec *rv, double *widths,
    timeline_data **tls, size_t *ntl)
{
	const layout *l = d->w->lay;
	size_t nrows = it->indicators.n ? it->indicators.n : 1;
	timeline_data *tl = calloc(1, sizeof *tl);
	if (!tl)
		abort();
	tls[(*ntl)++] = tl;
	for (size_t k = 0; k < nrows; k++) {
		pdf_row *r = row_add(rv, k == 0 ? it : NULL, l->ncolumns);
		const indicator *ind = it->indicators.n ? it->indicators.v[k] : NULL;
		for (int c = 0; c < l->ncolumns; c++) {
			layout_field f = l->columns[c].field;
			fill_activity_cell(d, &r->cells[c], f, it, ind, k == 0,
			    widths[c] - 2 * 4, tl);
			r->cells[c].no_top_rule = k > 0 && f != COL_INDICATOR && f != COL_TARGET;
		}
	}
}

static void group_row(doc *d, const item *it, row_vec *rv, double width)
{
	pdf_row *r = row_add(rv, it, 1);
	r->group = true;
	pdf_spans s = {0};
	pdf_spans_add(&s, it->heading, RICH_STRONG, NULL);
	pdf_spans details = {0};
	item_details(&details, it, true, true);
	if (details.n)
		pdf_spans_add(&s, "\n", 0, NULL);
	for (size_t k = 0; k < details.n; k++)
		pdf_spans_add(&s, details.v[k].text, details.v[k].style, details.v[k].url);
	free(details.v);
	r->cells[0].layout = pdf_spans_layout(d->w, &s, SIZE_TABLE, width - 2 * 4, PANGO_ALIGN_LEFT);
	r->cells[0].background = d->w->lay->colour_group;
}

static size_t count_items(const item *it)
{
	size_t n = 1;
	for (size_t k = 0; k < it->children.n; k++)
		n += count_items(it->children.v[k]);
	return n;
}

static void collect_rows(doc *d, const item *it, row_vec *rv, double *widths,
    double total, timeline_data **tls, size_t *ntl)
{
	int leaf = d->p->nlevels - 1;
	if (it->level < leaf)
		group_row(d, it, rv, total);
	else
		activity_rows(d, it, rv, widths, tls, ntl);
	for (size_t k = 0; k < it->children.n; k++)
		collect_rows(d, it->children.v[k], rv, widths, total, tls, ntl);
}

static void header_row(doc *d, pdf_table *t, int *fy)
{
	const layout *l = d->w->lay;
	t->has_header = true;
	t->header.cells = calloc(l->ncolumns > 0 ? (size_t)l->ncolumns : 1, sizeof(pdf_cell));
	if (!t->header.cells)
		abort();
	for (int c = 0; c < l->ncolumns; c++) {
		pdf_cell *cell = &t->header.cells[c];
		cell->background = l->colour_table_header;
		if (l->columns[c].field == COL_TIMELINE) {
			cell->paint = paint_month_header;
			cell->paint_data = fy;
			cell->paint_height = month_header_height(d->w);
			continue;
		}
		cell->layout = pdf_layout_plain(d->w, l->columns[c].title, SIZE_TABLE, RICH_STRONG,
		    t->width[c] - 2 * t->padding);
		pango_layout_set_alignment(cell->layout, PANGO_ALIGN_CENTER);
	}
}

static void item_table(doc *d, const item *top)
{
	pdf_writer *w = d->w;
	const layout *l = w->lay;
	double weights = 0, total = pdf_text_width(w);
	for (int c = 0; c < l->ncolumns; c++)
		weights += l->columns[c].width;
	pdf_table t = {.ncols = l->ncolumns, .padding = 4};
	t.width = calloc(l->ncolumns > 0 ? (size_t)l->ncolumns : 1, sizeof *t.width);
	if (!t.width)
		abort();
	for (int c = 0; c < l->ncolumns; c++)
		t.width[c] = total * l->columns[c].width / weights;
	int fy = d->p->fiscal_year_be;
	header_row(d, &t, &fy);
	row_vec rv = {0};
	size_t cap = count_items(top), ntl = 0;
	timeline_data **tls = calloc(cap, sizeof *tls);
	if (!tls)
		abort();
	for (size_t k = 0; k < top->children.n; k++)
		collect_rows(d, top->children.v[k], &rv, t.width, total, tls, &ntl);
	t.rows = rv.v;
	t.nrows = rv.n;
	pdf_table_draw(w, &t);
	for (size_t i = 0; i < rv.n; i++) {
		const item *owner = rv.owner[i];
		if (!owner)
			continue;
		if (owner->level == 1)
			toc_reached(d, owner->heading, rv.v[i].at);
		outline_item(d, owner, rv.v[i].at);
	}
	pdf_table_release(&t);
	for (size_t i = 0; i < rv.n; i++)
		free(rv.v[i].cells);
	free(t.header.cells);
	free(rv.v);
	free(rv.owner);
	for (size_t i = 0; i < ntl; i++)
		free(tls[i]);
	free(tls);
	free(t.width);
}

static void draw_item(doc *d, const item *it)
{
	pdf_writer *w = d->w;
	if (w->lay->new_page_per_top_item || w->page == 0)
		pdf_new_page(w);
	/* an outermost item's heading keeps with the table header and a first row under it */
	double keep = pdf_font_size(w, SIZE_BODY) * (it->children.n ? 9 : 4);
	pdf_anchor at = pdf_heading(w, it->heading, 1, keep);
	toc_reached(d, it->heading, at);
	outline_item(d, it, at);
	pdf_spans s = {0};
	item_details(&s, it, true, false);
	if (s.n) {
		PangoLayout *l = pdf_layout_rich(w, &(rich_line){s.v, s.n}, SIZE_BODY, 0,
		    pdf_text_width(w));
		pdf_tag_begin(w, "P", NULL);
		pdf_paragraph(w, l, 0, pdf_font_size(w, SIZE_BODY) * 0.5);
		pdf_tag_end(w, "P");
		g_object_unref(l);
	}
	free(s.v);
	/* an outermost item's prose (the national plan's analyses, with tables) is laid out
	 * as prose, not squeezed into a cell */
	pdf_rich_text(w, it->prose_rich);
	if (it->children.n)
		item_table(d, it);
}

static void render(doc *d)
{
	d->next_toc = 0;
	cover(d);
	contents(d);
	pdf_new_page(d->w);
	walk(d, draw_chapter, draw_item);
}

time_t pdf_document_date(const plan *p, const char *source_date_epoch)
{
	if (source_date_epoch && *source_date_epoch) {
		char *end;
		long long v = strtoll(source_date_epoch, &end, 10);
		if (*end == '\0' && v >= 0)
			return (time_t)v;
	}
	/* 1 October of the year before the fiscal year, 00:00 UTC */
	int year = thai_be_to_ce(p->fiscal_year_be) - 1;
	long days = 0;
	for (int y = 1970; y < year; y++)
		days += 365 + ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
	static const int before_october = 273; /* days from 1 Jan to 1 Oct, common year */
	days += before_october + ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0);
	return (time_t)days * 86400;
}

bool plan_pdf(const plan *p, const layout *l, pdf_fonts *fonts, const pdf_options *o, buf *out,
    char err[256])
{
	char fy[64];
	pdf_meta meta = {p->title, p->agency, NULL, NULL, NULL, o->created};
	char subject[512], keywords[512];
	snprintf(subject, sizeof subject, "แผนปฏิบัติการ ปีงบประมาณ พ.ศ. %d — %s", p->fiscal_year_be,
	    p->agency_en);
	snprintf(keywords, sizeof keywords, "%s, %s, %d, action plan, anti-corruption, th",
	    p->agency_id, p->agency_en, thai_be_to_ce(p->fiscal_year_be));
	meta.subject = subject;
	meta.keywords = keywords;
	doc d = {.p = p};
	walk(&d, count_chapter, count_item);
	d.toc = calloc(d.ntoc ? d.ntoc : 1, sizeof *d.toc);
	if (!d.toc)
		abort();
	d.ntoc = 0;
	walk(&d, list_chapter, list_item);

	/* pass 1: measure */
	pdf_writer w;
	pdf_writer_init(&w, l, &meta, fonts, NULL, 0);
	w.figure = o->figure;
	w.figure_data = o->figure_data;
	snprintf(fy, sizeof fy, "%s", pdf_numeral(&w, p->fiscal_year_be, fy));
	meta.fiscal_year = fy;
	d.w = &w;
	d.toc_pages = l->toc ? toc_pages_needed(&d) : 0;
	render(&d);
	int total = w.page;
	pdf_writer_finish(&w);

	/* pass 2: draw */
	pdf_writer_init(&w, l, &meta, fonts, out, total);
	w.figure = o->figure;
	w.figure_data = o->figure_data;
	d.w = &w;
	d.outline = g_hash_table_new(g_direct_hash, g_direct_equal);
	render(&d);
	bool ok = pdf_writer_finish(&w);
	if (!ok)
		snprintf(err, 256, "cairo could not write the PDF");
	else if (!pdf_set_language(out, "th"))
		ok = false, snprintf(err, 256, "cannot add the document language to the PDF");
	g_hash_table_destroy(d.outline);
	free(d.toc);
	return ok;
}

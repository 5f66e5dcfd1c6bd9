/*
 * table.c — tables that run across pages (see table.h).
 */
#include "pdf/table.h"

#include <math.h>
#include <stdlib.h>

static int cell_count(const pdf_table *t, const pdf_row *r)
{
	return r->group ? 1 : t->ncols;
}

static double cell_width(const pdf_table *t, const pdf_row *r, int c)
{
	if (!r->group)
		return t->width[c];
	double sum = 0;
	for (int k = 0; k < t->ncols; k++)
		sum += t->width[k];
	return sum;
}

static void prepare_row(pdf_table *t, pdf_row *r)
{
	for (int c = 0; c < cell_count(t, r); c++) {
		pdf_cell *cell = &r->cells[c];
		if (cell->layout && !cell->lines.top)
			pdf_lines_of(cell->layout, &cell->lines);
	}
}

/* Height of what is left of the row. */
static double rest_height(const pdf_table *t, const pdf_row *r)
{
	double h = 0;
	for (int c = 0; c < cell_count(t, r); c++) {
		const pdf_cell *cell = &r->cells[c];
		double ch = cell->next_line == 0 ? cell->paint_height : 0;
		if (cell->layout && cell->next_line < cell->lines.n)
			ch = fmax(ch, cell->lines.bottom[cell->lines.n - 1] -
					  cell->lines.top[cell->next_line]);
		h = fmax(h, ch);
	}
	return h + 2 * t->padding;
}

/* Height of the row's first line or painter: what must fit on a page to start it. */
static double first_line_height(const pdf_table *t, const pdf_row *r)
{
	double h = 0;
	for (int c = 0; c < cell_count(t, r); c++) {
		const pdf_cell *cell = &r->cells[c];
		h = fmax(h, cell->paint_height);
		if (cell->layout && cell->lines.n)
			h = fmax(h, cell->lines.bottom[0] - cell->lines.top[0]);
	}
	return h + 2 * t->padding;
}

static void stroke_rule(pdf_writer *w, double x0, double y0, double x1, double y1)
{
	if (!w->cr)
		return;
	pdf_set_colour(w, w->lay->colour_rule);
	cairo_set_line_width(w->cr, 0.5);
	cairo_move_to(w->cr, x0, y0);
	cairo_line_to(w->cr, x1, y1);
	cairo_stroke(w->cr);
}

static void fill_box(pdf_writer *w, uint32_t rgb, double x, double y, double width, double h)
{
	if (!w->cr || rgb == PDF_NO_BACKGROUND)
		return;
	pdf_set_colour(w, rgb);
	cairo_rectangle(w->cr, x, y, width, h);
	cairo_fill(w->cr);
}

/* Draws as much of the row as fits in avail points; returns the height used (0 when not
 * even one line fits). */
static double draw_row_part(pdf_writer *w, pdf_table *t, pdf_row *r, double avail,
    bool is_header)
{
	int n = cell_count(t, r);
	double pad = t->padding, inner = avail - 2 * pad, used = 0;
	int *upto = malloc((size_t)n * sizeof *upto);
	if (!upto)
		abort();
	bool any = false;
	for (int c = 0; c < n; c++) {
		pdf_cell *cell = &r->cells[c];
		int from = cell->next_line, k = from;
		if (cell->layout)
			while (k < cell->lines.n &&
			       cell->lines.bottom[k] - cell->lines.top[from] <= inner + 1e-6)
				k++;
		upto[c] = k;
		double h = k > from ? cell->lines.bottom[k - 1] - cell->lines.top[from] : 0;
		if (from == 0 && cell->paint) {
			if (cell->paint_height > inner + 1e-6) {
				upto[c] = -1; /* a painter is not split: wait for a fresh page */
				continue;
			}
			h = fmax(h, cell->paint_height);
		}
		any = any || k > from || (from == 0 && cell->paint);
		used = fmax(used, h);
	}
	bool painter_waits = false;
	for (int c = 0; c < n; c++)
		painter_waits = painter_waits || upto[c] < 0;
	if (!any || painter_waits) {
		free(upto);
		return 0;
	}
	double height = used + 2 * pad, x = w->left, y = w->y;
	pdf_tag_begin(w, "TR", NULL);
	for (int c = 0; c < n; c++) {
		pdf_cell *cell = &r->cells[c];
		double cw = cell_width(t, r, c);
		fill_box(w, cell->background, x, y, cw, height);
		pdf_tag_begin(w, is_header ? "TH" : "TD", NULL);
		if (cell->layout)
			pdf_draw_lines(w, cell->layout, &cell->lines, cell->next_line, upto[c], x + pad,
			    y + pad, w->lay->colour_text);
		if (cell->paint && cell->next_line == 0 && w->cr)
			cell->paint(w, cell, x + pad, y + pad, cw - 2 * pad, used);
		pdf_tag_end(w, is_header ? "TH" : "TD");
		if (!(cell->no_top_rule && cell->next_line == 0 && !is_header))
			stroke_rule(w, x, y, x + cw, y);
		stroke_rule(w, x, y, x, y + height);
		x += cw;
		cell->next_line = upto[c] < 0 ? cell->next_line : upto[c];
		if (cell->paint && cell->paint_height > 0 && !cell->layout)
			cell->next_line = 1; /* painted */
	}
	stroke_rule(w, x, y, x, y + height);
	pdf_tag_end(w, "TR");
	free(upto);
	return height;
}

static bool row_done(const pdf_table *t, const pdf_row *r)
{
	for (int c = 0; c < cell_count(t, r); c++) {
		const pdf_cell *cell = &r->cells[c];
		if (cell->layout && cell->next_line < cell->lines.n)
			return false;
		if (cell->paint && !cell->layout && cell->next_line == 0 && cell->paint_height > 0)
			return false;
	}
	return true;
}

static double table_width(const pdf_table *t)
{
	double sum = 0;
	for (int c = 0; c < t->ncols; c++)
		sum += t->width[c];
	return sum;
}

static void close_page_part(pdf_writer *w, pdf_table *t)
{
	stroke_rule(w, w->left, w->y, w->left + table_width(t), w->y);
}

static void draw_header(pdf_writer *w, pdf_table *t)
{
	if (!t->has_header)
		return;
	pdf_row *h = &t->header;
	for (int c = 0; c < t->ncols; c++)
		h->cells[c].next_line = 0;
	w->y += draw_row_part(w, t, h, pdf_room(w), true);
}

static void page_break(pdf_writer *w, pdf_table *t)
{
	close_page_part(w, t);
	pdf_new_page(w);
	draw_header(w, t);
}

/* A group row with what must stay with it: the group rows right after it and the
 * first line of the row that follows them. */
static double keep_height(pdf_table *t, size_t i)
{
	double h = 0;
	for (size_t k = i; k < t->nrows; k++) {
		pdf_row *r = &t->rows[k];
		prepare_row(t, r);
		if (!r->group)
			return h + first_line_height(t, r);
		h += rest_height(t, r);
	}
	return h;
}

void pdf_table_draw(pdf_writer *w, pdf_table *t)
{
	if (t->has_header)
		prepare_row(t, &t->header);
	double header_h = t->has_header ? rest_height(t, &t->header) : 0;
	double first = 0;
	if (t->nrows) {
		prepare_row(t, &t->rows[0]);
		first = t->rows[0].group ? keep_height(t, 0) : first_line_height(t, &t->rows[0]);
	}
	pdf_need(w, header_h + first);
	pdf_tag_begin(w, "Table", NULL);
	draw_header(w, t);
	for (size_t i = 0; i < t->nrows; i++) {
		pdf_row *r = &t->rows[i];
		prepare_row(t, r);
		double need = r->group ? keep_height(t, i) : rest_height(t, r);
		/* a group heading never stands alone at the foot of a page; a body row starts
		 * on a fresh page only when not even its first line fits */
		if (r->group ? need > pdf_room(w) : first_line_height(t, r) > pdf_room(w))
			page_break(w, t);
		r->at = (pdf_anchor){w->page, w->y};
		for (int guard = 0; !row_done(t, r) && guard < 10000; guard++) {
			double h = draw_row_part(w, t, r, pdf_room(w), false);
			w->y += h;
			if (!row_done(t, r))
				page_break(w, t);
		}
	}
	close_page_part(w, t);
	pdf_tag_end(w, "Table");
	w->y += t->padding * 2;
}

static void release_row(pdf_table *t, pdf_row *r)
{
	for (int c = 0; r->cells && c < cell_count(t, r); c++) {
		if (r->cells[c].layout)
			g_object_unref(r->cells[c].layout);
		pdf_lines_free(&r->cells[c].lines);
	}
}

void pdf_table_release(pdf_table *t)
{
	if (t->has_header)
		release_row(t, &t->header);
	for (size_t i = 0; i < t->nrows; i++)
		release_row(t, &t->rows[i]);
}

void pdf_table_fit_columns(pdf_writer *w, pdf_table *t, double total)
{
	(void)w;
	double *natural = calloc((size_t)t->ncols, sizeof *natural);
	if (!natural)
		abort();
	for (size_t i = 0; i <= t->nrows; i++) {
		pdf_row *r = i == 0 ? &t->header : &t->rows[i - 1];
		if ((i == 0 && !t->has_header) || r->group)
			continue;
		for (int c = 0; c < t->ncols; c++) {
			PangoLayout *l = r->cells[c].layout;
			if (!l)
				continue;
			int width_before = pango_layout_get_width(l), nat;
			pango_layout_set_width(l, -1);
			pango_layout_get_size(l, &nat, NULL);
			pango_layout_set_width(l, width_before);
			natural[c] = fmax(natural[c], (double)nat / PANGO_SCALE + 2 * t->padding);
		}
	}
	double sum = 0;
	for (int c = 0; c < t->ncols; c++)
		sum += natural[c];
	if (sum <= total) {
		for (int c = 0; c < t->ncols; c++)
			t->width[c] = natural[c];
	} else {
		/* square roots narrow the wide columns more than the narrow ones */
		double root_sum = 0;
		for (int c = 0; c < t->ncols; c++)
			root_sum += sqrt(fmax(natural[c], 1));
		for (int c = 0; c < t->ncols; c++)
			t->width[c] = total * sqrt(fmax(natural[c], 1)) / root_sum;
	}
	for (size_t i = 0; i <= t->nrows; i++) {
		pdf_row *r = i == 0 ? &t->header : &t->rows[i - 1];
		if ((i == 0 && !t->has_header) || r->group)
			continue;
		for (int c = 0; c < t->ncols; c++)
			if (r->cells[c].layout)
				pango_layout_set_width(r->cells[c].layout,
				    (int)((t->width[c] - 2 * t->padding) * PANGO_SCALE));
	}
	free(natural);
}

/*
 * prose.c — rich text (Markdown prose from the model) on PDF pages: paragraphs, list
 * entries with hanging markers, headings, code, rules and pipe tables.
 */
#include <stdlib.h>
#include <string.h>

#include "pdf/table.h"

enum { LIST_INDENT = 18 };

static void list_entry(pdf_writer *w, const rich_block *b, double width)
{
	double indent = LIST_INDENT * (b->depth - 1) + (b->quote ? LIST_INDENT : 0);
	/* the marker hangs left of the text: one layout with a negative first-line indent */
	rich_span *spans = malloc((b->text.n + 1) * sizeof *spans);
	if (!spans)
		abort();
	char marker[32];
	snprintf(marker, sizeof marker, "%s\t", b->marker ? b->marker : "•");
	spans[0] = (rich_span){marker, 0, NULL};
	memcpy(spans + 1, b->text.spans, b->text.n * sizeof *spans);
	rich_line line = {spans, b->text.n + 1};
	PangoLayout *l = pdf_layout_rich(w, &line, SIZE_BODY, 0, width - indent);
	PangoTabArray *tabs = pango_tab_array_new_with_positions(1, TRUE, PANGO_TAB_LEFT, LIST_INDENT);
	pango_layout_set_tabs(l, tabs);
	pango_tab_array_free(tabs);
	pango_layout_set_indent(l, -LIST_INDENT * PANGO_SCALE);
	pdf_tag_begin(w, "LI", NULL);
	pdf_paragraph(w, l, indent, pdf_font_size(w, SIZE_BODY) * 0.2);
	pdf_tag_end(w, "LI");
	g_object_unref(l);
	free(spans);
}

static void markdown_table(pdf_writer *w, const rich_block *b)
{
	pdf_table t = {.ncols = b->cols, .padding = 3, .has_header = true};
	t.width = calloc((size_t)b->cols, sizeof *t.width);
	pdf_cell *cells = calloc((size_t)(b->rows * b->cols), sizeof *cells);
	t.rows = calloc((size_t)(b->rows > 1 ? b->rows - 1 : 1), sizeof *t.rows);
	if (!t.width || !cells || !t.rows)
		abort();
	double width = pdf_text_width(w);
	for (int r = 0; r < b->rows; r++) {
		for (int c = 0; c < b->cols; c++) {
			pdf_cell *cell = &cells[r * b->cols + c];
			cell->background = r == 0 ? w->lay->colour_table_header : PDF_NO_BACKGROUND;
			cell->layout = pdf_layout_rich(w, &b->cells[r * b->cols + c], SIZE_TABLE,
			    r == 0 ? RICH_STRONG : 0, width);
			static const PangoAlignment align[] = {PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER,
				PANGO_ALIGN_RIGHT};
			pango_layout_set_alignment(cell->layout, align[b->align[c]]);
		}
		if (r == 0)
			t.header.cells = cells;
		else
			t.rows[t.nrows++].cells = &cells[r * b->cols];
	}
	pdf_table_fit_columns(w, &t, width);
	pdf_table_draw(w, &t);
	pdf_table_release(&t);
	free(cells);
	free(t.rows);
	free(t.width);
}

static void rule(pdf_writer *w)
{
	pdf_need(w, 12);
	if (w->cr) {
		pdf_set_colour(w, w->lay->colour_rule);
		cairo_set_line_width(w->cr, 0.5);
		cairo_move_to(w->cr, w->left, w->y + 6);
		cairo_line_to(w->cr, w->right, w->y + 6);
		cairo_stroke(w->cr);
	}
	w->y += 12;
}

void pdf_rich_text(pdf_writer *w, const rich_text *t)
{
	double width = pdf_text_width(w), gap = pdf_font_size(w, SIZE_BODY) * 0.5;
	for (size_t i = 0; t && i < t->n; i++) {
		const rich_block *b = t->blocks[i];
		double indent = LIST_INDENT * b->depth + (b->quote ? LIST_INDENT : 0);
		switch (b->kind) {
		case RICH_PARAGRAPH:
		case RICH_CODE_BLOCK: {
			PangoLayout *l = pdf_layout_rich(w, &b->text,
			    b->kind == RICH_CODE_BLOCK ? SIZE_SMALL : SIZE_BODY, 0, width - indent);
			pdf_tag_begin(w, "P", NULL);
			pdf_paragraph(w, l, indent, gap);
			pdf_tag_end(w, "P");
			g_object_unref(l);
			break;
		}
		case RICH_HEADING: {
			char *text = rich_line_text_heap(&b->text);
			pdf_heading(w, text, b->level < 2 ? 2 : b->level, pdf_font_size(w, SIZE_BODY) * 3);
			free(text);
			break;
		}
		case RICH_ITEM: list_entry(w, b, width); break;
		case RICH_RULE: rule(w); break;
		case RICH_TABLE: markdown_table(w, b); break;
		case RICH_FIGURE:
			if (w->figure)
				w->figure(w, b->figure, w->figure_data);
			break;
		}
	}
}

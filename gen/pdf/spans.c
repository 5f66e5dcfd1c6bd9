#include "pdf/spans.h"

#include <stdlib.h>

void pdf_spans_add(pdf_spans *s, const char *text, unsigned style, const char *url)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		if (!s->v)
			abort();
	}
	s->v[s->n++] = (rich_span){text, style, url};
}

void pdf_spans_break(pdf_spans *s)
{
	if (s->n)
		pdf_spans_add(s, "\n", 0, NULL);
}

void pdf_spans_add_rich(pdf_spans *s, const rich_text *t)
{
	for (size_t i = 0; t && i < t->n; i++) {
		const rich_block *b = t->blocks[i];
		pdf_spans_break(s);
		if (b->kind == RICH_ITEM) {
			for (int d = 1; d < b->depth; d++)
				pdf_spans_add(s, "\xC2\xA0\xC2\xA0\xC2\xA0", 0, NULL);
			pdf_spans_add(s, b->marker, 0, NULL);
			pdf_spans_add(s, " ", 0, NULL);
		}
		if (b->kind == RICH_TABLE) {
			for (int r = 0; r < b->rows; r++)
				for (int c = 0; c < b->cols; c++) {
					const rich_line *cell = &b->cells[r * b->cols + c];
					for (size_t k = 0; k < cell->n; k++)
						pdf_spans_add(s, cell->spans[k].text, cell->spans[k].style,
						    cell->spans[k].url);
					pdf_spans_add(s, c + 1 < b->cols ? " | " : r + 1 < b->rows ? "\n" : "",
					    0, NULL);
				}
			continue;
		}
		for (size_t k = 0; k < b->text.n; k++)
			pdf_spans_add(s, b->text.spans[k].text, b->text.spans[k].style,
			    b->text.spans[k].url);
	}
}

PangoLayout *pdf_spans_layout(pdf_writer *w, pdf_spans *s, pdf_size size, double width,
    PangoAlignment align)
{
	rich_line line = {s->v, s->n};
	PangoLayout *l = pdf_layout_rich(w, &line, size, 0, width);
	pango_layout_set_alignment(l, align);
	free(s->v);
	*s = (pdf_spans){0};
	return l;
}

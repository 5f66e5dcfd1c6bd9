/*
 * spans.h — styled text assembled on the fly for one PDF text block: labels in bold,
 * values, line breaks, and Markdown fields flattened into one cell (blocks on their own
 * lines, list markers kept, links kept). Shared by every document the engine draws.
 */
#ifndef PRONGSAI_PDF_SPANS_H
#define PRONGSAI_PDF_SPANS_H

#include "pdf/writer.h"

typedef struct pdf_spans {
	rich_span *v;   /* heap; the texts are borrowed, they must outlive the layout call */
	size_t n, cap;
} pdf_spans;

void pdf_spans_add(pdf_spans *s, const char *text, unsigned style, const char *url);
/* A line break, unless nothing has been added yet. */
void pdf_spans_break(pdf_spans *s);
void pdf_spans_add_rich(pdf_spans *s, const rich_text *t);
/* A layout of the spans (then emptied and freed) at size, wrapped at width. */
PangoLayout *pdf_spans_layout(pdf_writer *w, pdf_spans *s, pdf_size size, double width,
    PangoAlignment align);

#endif

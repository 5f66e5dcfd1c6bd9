/*
 * pdf.h — the PDF back end: a plan (model) and a layout in, the bytes of a tagged,
 * navigable PDF out.
 */
#ifndef PRONGSAI_PDF_H
#define PRONGSAI_PDF_H

#include <stdbool.h>
#include <time.h>

#include "layout.h"
#include "model.h"
#include "pdf/writer.h"
#include "util/buf.h"

typedef struct pdf_options {
	time_t created; /* the document date: SOURCE_DATE_EPOCH when set */
	pdf_figure_fn figure;     /* draws `<!-- chart: NAME -->` figures, or NULL */
	const void *figure_data;
} pdf_options;

/* The fonts a layout names, loaded once and shared by every document drawn with it. */
typedef struct pdf_fonts pdf_fonts;
pdf_fonts *pdf_fonts_new(const layout *l, char err[256]);
void pdf_fonts_free(pdf_fonts *f);

/* Renders p with layout l (fonts from pdf_fonts_new(l)) into out. On failure returns
 * false with a message in err. */
bool plan_pdf(const plan *p, const layout *l, pdf_fonts *fonts, const pdf_options *o, buf *out,
    char err[256]);

/* Adds /Lang (lang) to the catalog of a finished PDF (cairo 1.16 has no API for it).
 * Returns false, leaving pdf as it was, when the file is not laid out as cairo writes. */
bool pdf_set_language(buf *pdf, const char *lang);

/* The document date for a plan: SOURCE_DATE_EPOCH when the environment sets it, else
 * the first day of the plan's fiscal year (so that output never depends on the clock). */
time_t pdf_document_date(const plan *p, const char *source_date_epoch);

#endif

/*
 * writer.h — the typesetting engine under the PDF back end: pages with running header
 * and footer, text set with pango (Thai shaping and libthai word breaks), paragraphs that
 * break across pages line by line, headings that keep with what follows, links, outline
 * and the tagged-PDF structure, on a cairo PDF surface.
 *
 * The same code runs twice: a measuring pass (no surface; only pango) that learns on
 * which page each heading lands and how many pages there are, and a drawing pass.
 */
#ifndef PRONGSAI_PDF_WRITER_H
#define PRONGSAI_PDF_WRITER_H

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <time.h>

#include "layout.h"
#include "rich.h"
#include "util/buf.h"

typedef enum pdf_size { SIZE_BODY, SIZE_SMALL, SIZE_TABLE, SIZE_H1, SIZE_H2, SIZE_H3, SIZE_TITLE } pdf_size;

/* Document facts for metadata and the running header/footer. */
typedef struct pdf_meta {
	const char *title, *author, *subject, *keywords;
	const char *fiscal_year;  /* as it should print, e.g. "๒๕๖๗" */
	time_t created;           /* SOURCE_DATE_EPOCH or a date from the content */
} pdf_meta;

/* A heading that the table of contents and the outline point to. */
typedef struct pdf_anchor {
	int page;
	double y;
} pdf_anchor;

typedef struct pdf_fonts pdf_fonts;
typedef struct pdf_writer pdf_writer;

/* Draws the figure named by a `<!-- chart: NAME -->` line of the prose (RICH_FIGURE) at
 * the cursor, moving it down; returns false when it knows no figure of that name. Set by
 * whoever makes the document (the CPI charts: cpi/cpi_publish.h). */
typedef bool (*pdf_figure_fn)(pdf_writer *w, const char *name, const void *data);

struct pdf_writer {
	const layout *lay;
	const pdf_meta *meta;
	pdf_fonts *fonts;
	PangoContext *pango;
	PangoFontDescription *font[FONT__STYLES];
	cairo_surface_t *surface;   /* NULL in the measuring pass */
	cairo_t *cr;
	int page;                   /* current page, 1-based; 0 before the first */
	int total_pages;            /* known in the drawing pass */
	double y;                   /* cursor, points from the page top */
	double left, right, top, bottom; /* the text area */
	bool suppress_running;      /* no header/footer on this page (the cover) */
	int struct_depth;           /* open structure tags, for balance checks */
	pdf_figure_fn figure;       /* figures in the prose, or NULL: they are left out */
	const void *figure_data;
};

/* pdf_fonts_new (pdf.h) loads the layout's fonts into a private fontconfig set:
 * nothing comes from the fonts the machine happens to have. */

/* out NULL: measuring pass. Caller frees with pdf_writer_finish. */
void pdf_writer_init(pdf_writer *w, const layout *l, const pdf_meta *meta, pdf_fonts *f,
    buf *out, int total_pages);
/* Ends the last page and the document; returns false when cairo reports an error. */
bool pdf_writer_finish(pdf_writer *w);

void pdf_new_page(pdf_writer *w);
double pdf_text_width(const pdf_writer *w);
double pdf_room(const pdf_writer *w);    /* points left on this page */
/* Starts a new page unless h points fit on this one. */
void pdf_need(pdf_writer *w, double h);

/* Structure tags (cairo names: "P", "H1", "Table", …); no-ops when measuring. */
void pdf_tag_begin(pdf_writer *w, const char *tag, const char *attrs);
void pdf_tag_end(pdf_writer *w, const char *tag);

double pdf_font_size(const pdf_writer *w, pdf_size size);
/* A layout of rich text (spans with styles and links) or of plain text (style bits from
 * rich.h) at a size, wrapped at width (points). Caller unrefs. */
PangoLayout *pdf_layout_rich(pdf_writer *w, const rich_line *line, pdf_size size,
    unsigned style, double width);
PangoLayout *pdf_layout_plain(pdf_writer *w, const char *text, pdf_size size,
    unsigned style, double width);
/* Height in points of a whole layout. */
double pdf_layout_height(PangoLayout *l);

/* Lines of a layout with their vertical extents, for breaking it across pages. */
typedef struct pdf_lines {
	int n;
	double *top, *bottom, *baseline; /* points from the layout top */
} pdf_lines;
void pdf_lines_of(PangoLayout *l, pdf_lines *out);
void pdf_lines_free(pdf_lines *l);
/* Draws lines [from, to) of a layout so that line `from` starts at y; emits link tags
 * for the links of those lines. */
void pdf_draw_lines(pdf_writer *w, PangoLayout *l, const pdf_lines *lines, int from, int to,
    double x, double y, uint32_t colour);

/* A paragraph at the cursor, indented, breaking across pages between lines. */
void pdf_paragraph(pdf_writer *w, PangoLayout *l, double indent, double space_after);
/* A heading (level 1-3) kept with at least keep points of what follows; returns where it
 * landed. */
pdf_anchor pdf_heading(pdf_writer *w, const char *text, int level, double keep);
/* Rich prose: paragraphs, headings, list entries, tables, code. */
void pdf_rich_text(pdf_writer *w, const rich_text *t);

/* A number in the layout's numerals. buf must hold 64 bytes. */
const char *pdf_numeral(const pdf_writer *w, long n, char buf[64]);
/* Text with ๐–๙ turned into Arabic digits or back, per layout (arena-free: static buf). */
void pdf_set_colour(pdf_writer *w, uint32_t rgb);

#endif

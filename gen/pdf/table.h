/*
 * table.h — the one table engine for plan tables and Markdown pipe tables: fixed
 * column widths, wrapped Thai text in cells, a header row repeated on every page, rows
 * split between lines when they do not fit (never clipped), and group rows kept with the
 * row after them.
 */
#ifndef PRONGSAI_PDF_TABLE_H
#define PRONGSAI_PDF_TABLE_H

#include "pdf/writer.h"

typedef struct pdf_cell pdf_cell;

/* Draws a cell's own content (the timeline's bars) in the box x, y, width, height. */
typedef void (*pdf_cell_painter)(pdf_writer *w, const pdf_cell *c, double x, double y,
    double width, double height);

struct pdf_cell {
	PangoLayout *layout;      /* text, or NULL */
	pdf_lines lines;          /* filled by the engine */
	int next_line;            /* lines already drawn (a split row) */
	pdf_cell_painter paint;   /* or a painter, drawn with the row's first part */
	const void *paint_data;
	double paint_height;
	uint32_t background;      /* 0xRRGGBB, or PDF_NO_BACKGROUND */
	bool no_top_rule;         /* an indicator row under the same activity */
};

#define PDF_NO_BACKGROUND 0xFFFFFFFFu

typedef struct pdf_row {
	pdf_cell *cells;          /* ncols cells, or one for a group row */
	bool group;               /* one cell across the whole table */
	pdf_anchor at;            /* where the row began: set by the engine */
} pdf_row;

typedef struct pdf_table {
	int ncols;
	double *width;            /* points, per column */
	double padding;
	pdf_row header;           /* repeated at the top of every page; cells may be NULL */
	bool has_header;
	pdf_row *rows;
	size_t nrows;
} pdf_table;

/* Draws the table at the cursor; frees nothing. */
void pdf_table_draw(pdf_writer *w, pdf_table *t);
/* Unrefs every layout and frees the line arrays of the table's cells. */
void pdf_table_release(pdf_table *t);

/* Column widths for a Markdown table: proportional to each column's natural width,
 * fitted into total. */
void pdf_table_fit_columns(pdf_writer *w, pdf_table *t, double total);

#endif

/*
 * layout.h — how a document looks: page, margins, fonts, sizes, colours, running
 * header and footer, numerals, and which plan fields become which table columns.
 * Layouts are JSON files in layouts/ (README.md "Layouts"), read by read/layout.c.
 *
 * Sizes are given as officials state them, in TH Sarabun New points (16 pt body);
 * the engine multiplies by font.scale for the font actually used (Laksaman is TH Sarabun
 * New drawn 150.42% larger, so its scale is 10.64 / 16 = 0.665).
 */
#ifndef PRONGSAI_LAYOUT_H
#define PRONGSAI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "util/arena.h"

/* What a plan-table column shows. */
typedef enum layout_field {
	COL_ITEM,        /* the activity's number and title */
	COL_INDICATOR,
	COL_TARGET,
	COL_BUDGET,
	COL_PERIOD,
	COL_RESPONSIBLE,
	COL_METHOD,
	COL_GOAL,
	COL_OBJECTIVE,
	COL_OUTPUT,
	COL_OUTCOME,
	COL_NOTE,
	COL_TIMELINE,    /* twelve month columns ต.ค. … ก.ย. with a bar per activity */
	COL__COUNT
} layout_field;

typedef struct layout_column {
	layout_field field;
	const char *title;   /* header text */
	double width;        /* relative weight; the table fills the text width */
} layout_column;

enum { LAYOUT_MAX_COLUMNS = 16 };

typedef enum layout_font_style { FONT_REGULAR, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC, FONT__STYLES } layout_font_style;

typedef struct layout {
	const char *path;             /* the file it came from */
	const char *name;
	double page_width, page_height;   /* points (1/72 in), after orientation */
	bool landscape;
	double margin_top, margin_bottom, margin_left, margin_right; /* points */
	const char *font_family;
	const char *font_files[FONT__STYLES]; /* absolute paths; the regular one is required */
	double font_scale;
	/* sizes in TH Sarabun points */
	double size_body, size_small, size_table, size_h1, size_h2, size_h3, size_title;
	double line_spacing;          /* factor of the font's line height, e.g. 1.0 */
	uint32_t colour_text, colour_heading, colour_rule, colour_table_header, colour_group,
	    colour_bar, colour_link; /* 0xRRGGBB */
	const char *header;           /* templates: {title} {agency} {fiscal_year} {page} {pages} */
	const char *footer;
	bool thai_numerals;           /* page numbers, fiscal years and ids in ๐–๙ */
	bool cover, toc;              /* a cover page, a table of contents */
	bool new_page_per_top_item;   /* each outermost item starts a page */
	layout_column columns[LAYOUT_MAX_COLUMNS];
	int ncolumns;
} layout;

/* Reads a layout file into a (everything in arena a). Reports every problem (syntax with
 * line and column, unknown keys, bad values, missing font files) into d with the file and
 * line of the key; returns NULL when any error was reported. Keys left out take the
 * built-in defaults of layout_defaults(). */
layout *layout_load(const char *path, arena *a, diag_sink *d);
/* The same for a file already in memory (fuzzing, tests): path names it in messages and
 * relative font paths are taken from its folder. */
layout *layout_load_memory(const char *path, const char *data, size_t len, arena *a,
    diag_sink *d);

/* The defaults: A4 landscape, margins 3 cm left, 2 cm right, 2 cm top and bottom,
 * Laksaman from fonts-thai-tlwg, 16 pt body, Thai numerals, cover and contents, the
 * columns item | indicator | target | budget | period | responsible. */
void layout_defaults(layout *l);

/* The layout a plan names (`layout:` in its front matter) is layouts_dir/NAME.json. */
const char *layout_field_name(layout_field f);  /* "item", "indicator", … */

#endif

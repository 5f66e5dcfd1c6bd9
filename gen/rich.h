/*
 * rich.h — prose in the model: Markdown already parsed into a flat list of blocks with
 * styled spans, so back ends that lay text out themselves (the PDF) draw it without
 * parsing anything. Lists are flattened: each list entry is a block with its depth and
 * marker. Everything lives in the plan's arena.
 */
#ifndef PRONGSAI_RICH_H
#define PRONGSAI_RICH_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

typedef enum rich_style {
	RICH_EMPH = 1,
	RICH_STRONG = 2,
	RICH_CODE = 4,
	RICH_STRIKE = 8
} rich_style;

typedef struct rich_span {
	const char *text;   /* a line break inside a paragraph is "\n" */
	unsigned style;     /* rich_style bits */
	const char *url;    /* the link this text belongs to, or NULL */
} rich_span;

typedef struct rich_line {
	rich_span *spans;
	size_t n;
} rich_line;

typedef enum rich_block_kind {
	RICH_PARAGRAPH,
	RICH_HEADING,   /* level 1-6 */
	RICH_ITEM,      /* a list entry's first paragraph; marker "•" or "3." */
	RICH_CODE_BLOCK,
	RICH_RULE,
	RICH_TABLE,
	RICH_FIGURE     /* a line `<!-- chart: NAME -->`: a figure the document's maker draws */
} rich_block_kind;

typedef enum rich_align { RICH_ALIGN_LEFT, RICH_ALIGN_CENTER, RICH_ALIGN_RIGHT } rich_align;

typedef struct rich_block {
	rich_block_kind kind;
	int level;          /* heading level */
	int depth;          /* list nesting: 0 outside lists, 1 in a list, … */
	const char *marker; /* RICH_ITEM only */
	const char *figure; /* RICH_FIGURE only: NAME */
	bool quote;         /* inside a block quote */
	rich_line text;     /* paragraph, heading, item, code text */
	/* RICH_TABLE: rows × cols cells, row 0 is the header row */
	int rows, cols;
	rich_line *cells;
	rich_align *align;
	int line;           /* source line */
} rich_block;

typedef struct rich_text {
	rich_block **blocks;
	size_t n;
} rich_text;

/* Parses Markdown (GFM: tables, autolinks, strikethrough) into rich text in arena a.
 * first_line is the source line of the Markdown's first line, for block lines. */
rich_text *rich_from_markdown(arena *a, const char *markdown, int first_line);

/* The plain text of a line of spans: an arena copy, or a heap copy the caller frees. */
char *rich_line_text(arena *a, const rich_line *l);
char *rich_line_text_heap(const rich_line *l);

#endif

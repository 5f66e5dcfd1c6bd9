/*
 * xlsx.h — the cells of an Office Open XML workbook (.xlsx): the sheets found by their
 * names in xl/workbook.xml and its relationships, shared strings resolved, each cell's
 * value as text. Read with libzip and expat; nothing is evaluated (a formula cell gives
 * the value Excel saved with it).
 */
#ifndef PRONGSAI_CPI_XLSX_H
#define PRONGSAI_CPI_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

typedef struct xlsx_cell {
	int row, col;        /* 1-based row, 0-based column (A = 0) */
	const char *text;    /* the value: a number as Excel wrote it (`35`, `2.448`), or text */
	bool number;         /* a numeric cell (no type, or t="n") */
	bool error;          /* an error value such as #N/A (text holds it) */
} xlsx_cell;

typedef struct xlsx_sheet {
	const char *name;
	xlsx_cell *cells;    /* in the order of the file: row by row, left to right */
	size_t n;
} xlsx_sheet;

typedef struct xlsx_book {
	xlsx_sheet *sheets;  /* in workbook order */
	size_t n;
} xlsx_book;

/* Reads every sheet of the workbook at path into a. On failure returns false with the
 * reason in err (not a zip archive, no xl/workbook.xml, malformed XML in a part …). */
bool xlsx_read(const char *path, arena *a, xlsx_book *out, char err[256]);

#endif

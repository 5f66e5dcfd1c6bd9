/*
 * csvrows.h — a CSV file (RFC 4180, as spreadsheets export it) as rows of trimmed cells
 * with their source lines, parsed by libcsv. The text comes from source_load, so it is
 * valid UTF-8 with LF line ends and no BOM.
 */
#ifndef PRONGSAI_CPI_CSVROWS_H
#define PRONGSAI_CPI_CSVROWS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "read/source.h"
#include "util/arena.h"

typedef struct csv_row {
	const char **cell;   /* n cells, trimmed; "" for an empty one */
	int n;
	int line;            /* the line the row starts on */
} csv_row;

typedef struct csv_table {
	csv_row *rows;
	size_t n;
} csv_table;

/* Rows of src in arena a (blank lines skipped). A malformed file (a stray quote, a
 * quoted field never closed) is reported at its line; returns false then. */
bool csv_rows_parse(const source_text *src, arena *a, csv_table *out, diag_sink *d);

/* Spreadsheet column letters of a 0-based column: 0 → "A", 27 → "AB". buf holds 8. */
const char *csv_column_letters(int col, char buf[8]);

#endif

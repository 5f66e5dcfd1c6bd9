/*
 * csvrows.c — libcsv under a line counter. libcsv reports fields and row ends but no
 * positions, so the text is fed one line at a time: the callbacks then know the line
 * being read. A row's line is the line of its first field's start, which is where a
 * spreadsheet user looks for it.
 */
#include "cpi/csvrows.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

typedef struct builder {
	arena *a;
	int line;              /* the line being fed */
	int row_line;          /* line of the current row's first field, 0 before it */
	const char **cells;    /* heap, the current row */
	int n, cap;
	csv_row *rows;         /* heap, moved into the arena at the end */
	size_t nrows, caprows;
} builder;

static void on_field(void *data, size_t len, void *p)
{
	builder *b = p;
	if (!b->row_line)
		b->row_line = b->line;
	size_t start, n;
	text_trim_span(data ? data : "", data ? len : 0, &start, &n);
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->cells = realloc(b->cells, (size_t)b->cap * sizeof *b->cells);
		if (!b->cells)
			abort();
	}
	b->cells[b->n++] = arena_strndup(b->a, data ? (const char *)data + start : "", n);
}

static void on_row(int terminator, void *p)
{
	(void)terminator;
	builder *b = p;
	if (b->nrows == b->caprows) {
		b->caprows = b->caprows ? 2 * b->caprows : 64;
		b->rows = realloc(b->rows, b->caprows * sizeof *b->rows);
		if (!b->rows)
			abort();
	}
	const char **cells = arena_alloc(b->a, (size_t)(b->n ? b->n : 1) * sizeof *cells);
	if (b->n)
		memcpy(cells, b->cells, (size_t)b->n * sizeof *cells);
	b->rows[b->nrows++] = (csv_row){cells, b->n, b->row_line ? b->row_line : b->line};
	b->n = 0;
	b->row_line = 0;
}

bool csv_rows_parse(const source_text *src, arena *a, csv_table *out, diag_sink *d)
{
	*out = (csv_table){0};
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		abort();
	/* libcsv grows a cell's buffer by this much at a time: 128 bytes (its default)
	 * makes a 1 MB cell 8 000 reallocations, each a copy */
	csv_set_blk_size(&p, 1 << 16);
	builder b = {.a = a};
	bool ok = true;
	for (size_t i = 0; i < src->nlines && ok; i++) {
		b.line = (int)i + 1;
		size_t len = src->line_len[i];
		/* the line and its LF (the last line may lack one in the file; give it one) */
		if (csv_parse(&p, src->line[i], len, on_field, on_row, &b) != len ||
		    csv_parse(&p, "\n", 1, on_field, on_row, &b) != 1) {
			diag_report(d, src->path, b.line, 0, DIAG_CPI_CSV,
			    "a quote inside a field that does not start with one (write \"\" for a quote, "
			    "and quote the whole field)");
			ok = false;
		}
	}
	if (ok && csv_fini(&p, on_field, on_row, &b) != 0) {
		diag_report(d, src->path, b.row_line ? b.row_line : b.line, 0, DIAG_CPI_CSV,
		    "a quoted field is never closed");
		ok = false;
	}
	csv_free(&p);
	free(b.cells);
	if (b.nrows) {
		out->rows = arena_alloc(a, b.nrows * sizeof *out->rows);
		memcpy(out->rows, b.rows, b.nrows * sizeof *out->rows);
		out->n = b.nrows;
	}
	free(b.rows);
	return ok;
}

const char *csv_column_letters(int col, char buf[8])
{
	char tmp[8];
	int n = 0;
	for (int c = col + 1; c > 0 && n < 7; c = (c - 1) / 26)
		tmp[n++] = (char)('A' + (c - 1) % 26);
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return buf;
}

/*
 * read_csv.c — a progress CSV through libcsv: optional `key,value` rows for the round,
 * then a header row of column names (the one that names รหัส / id), then one row per
 * item or indicator. Cells may hold several lines (Markdown), quoted as RFC 4180 says.
 *
 * libcsv does not tell where a record started, so the text is fed one line at a time:
 * a record ends on the line being fed, and it began as many lines earlier as its cells
 * hold line breaks (only quoted cells can hold them, and each one is a line of the file).
 */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "progress/read_internal.h"
#include "util/text.h"

typedef struct cell {
	char *text;       /* heap, NUL-terminated */
	size_t len;
	size_t newlines;  /* line breaks inside the cell */
} cell;

typedef struct csv_state {
	progress_builder *b;
	int line;         /* the line being fed, 1-based */
	cell *cells;
	size_t n, cap;
	bool in_table;
	/* per header cell: PF_NONE for a blank one, PF__COUNT for a wrong one (reported) */
	progress_field *column;
	size_t ncolumns;
	int header_line;
	int last_record_line;  /* where the last record ended */
} csv_state;

static void on_field(void *data, size_t len, void *ctx)
{
	csv_state *st = ctx;
	if (st->n == st->cap) {
		st->cap = st->cap ? 2 * st->cap : 16;
		st->cells = realloc(st->cells, st->cap * sizeof *st->cells);
		if (!st->cells)
			abort();
	}
	cell *c = &st->cells[st->n++];
	c->text = malloc(len + 1);
	if (!c->text)
		abort();
	if (len)
		memcpy(c->text, data, len);
	c->text[len] = '\0';
	c->len = len;
	c->newlines = 0;
	for (size_t i = 0; i < len; i++)
		c->newlines += c->text[i] == '\n';
}

static bool blank(const cell *c)
{
	return text_is_blank_after(c->text, c->len, 0);
}

static char *trimmed_copy(const cell *c)
{
	size_t st, n;
	text_trim_span(c->text, c->len, &st, &n);
	return strndup(c->text + st, n);
}

/* Is this the header row: a row that names the id column? */
static bool is_header(const csv_state *st)
{
	for (size_t i = 0; i < st->n; i++) {
		char *name = trimmed_copy(&st->cells[i]);
		bool id = name && progress_field_lookup(name) == PF_ID;
		free(name);
		if (id)
			return true;
	}
	return false;
}

static void read_header(csv_state *st, int line)
{
	progress_builder *b = st->b;
	st->in_table = true;
	st->header_line = line;
	st->ncolumns = st->n;
	st->column = calloc(st->n ? st->n : 1, sizeof *st->column);
	if (!st->column)
		abort();
	for (size_t i = 0; i < st->n; i++) {
		char *name = trimmed_copy(&st->cells[i]);
		if (!name)
			abort();
		if (*name) {
			progress_field f = progress_field_lookup(name);
			if (f == PF_NONE) {
				diag_report(b->d, b->r->path, line, 0, DIAG_PROGRESS_FIELD_UNKNOWN, name,
				    progress_field_list());
				f = PF__COUNT; /* reported once here, not again in every row */
			}
			for (size_t k = 0; f != PF__COUNT && k < i; k++)
				if (st->column[k] == f) {
					diag_report(b->d, b->r->path, line, 0, DIAG_PROGRESS_FIELD_TWICE, name);
					f = PF__COUNT;
				}
			st->column[i] = f;
		}
		free(name);
	}
}

static void read_key(csv_state *st, int line)
{
	progress_builder *b = st->b;
	char *name = trimmed_copy(&st->cells[0]);
	if (!name)
		abort();
	progress_key k = progress_key_lookup(name);
	if (k == PK_NONE) {
		char list[512];
		snprintf(list, sizeof list, "%s; or a header row that names รหัส (id)",
		    progress_key_list());
		diag_report(b->d, b->r->path, line, 0, DIAG_PROGRESS_KEY_UNKNOWN, name, list);
	} else {
		pb_key(b, k, st->n > 1 ? st->cells[1].text : NULL, line);
		for (size_t i = 2; i < st->n; i++)
			if (!blank(&st->cells[i]))
				diag_report(b->d, b->r->path, line, 0, DIAG_PROGRESS_EXTRA_CELL, (int)i + 1,
				    "a round key takes one value, in the cell after its name");
	}
	free(name);
}

static void read_row(csv_state *st, int line)
{
	progress_builder *b = st->b;
	progress_row *row = pb_row_begin(b, line);
	int at = line;
	for (size_t i = 0; i < st->n; i++) {
		const cell *c = &st->cells[i];
		progress_field f = i < st->ncolumns ? st->column[i] : PF_NONE;
		if (f == PF_NONE && !blank(c))
			diag_report(b->d, b->r->path, at, 0, DIAG_PROGRESS_EXTRA_CELL, (int)i + 1,
			    "the header row has no column name above it");
		else if (f != PF_NONE && f != PF_TITLE && f != PF__COUNT)
			pb_cell(b, row, f, c->text, c->len, at);
		at += (int)c->newlines;
	}
	pb_row_end(b, row);
}

static void on_record(int terminator, void *ctx)
{
	(void)terminator;
	csv_state *st = ctx;
	size_t newlines = 0;
	bool all_blank = true;
	for (size_t i = 0; i < st->n; i++) {
		newlines += st->cells[i].newlines;
		all_blank = all_blank && blank(&st->cells[i]);
	}
	int line = st->line - (int)newlines;
	st->last_record_line = st->line;
	if (!all_blank) {
		if (st->in_table)
			read_row(st, line);
		else if (is_header(st))
			read_header(st, line);
		else
			read_key(st, line);
	}
	for (size_t i = 0; i < st->n; i++)
		free(st->cells[i].text);
	st->n = 0;
}

void progress_read_csv(progress_builder *b, const source_text *src)
{
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		abort();
	/* libcsv grows a cell's buffer by this much at a time: 128 bytes (its default)
	 * makes a 1 MB cell 8 000 reallocations, each a copy */
	csv_set_blk_size(&p, 1 << 16);
	csv_state st = {.b = b};
	bool failed = false;
	const char *text = src->text;
	for (size_t i = 0; i < src->nlines && !failed; i++) {
		st.line = (int)i + 1;
		size_t len = src->line_len[i];
		const char *line = src->line[i];
		/* the line and its LF, if it has one */
		size_t with_lf = (size_t)(line - text) + len < src->len ? len + 1 : len;
		if (csv_parse(&p, line, with_lf, on_field, on_record, &st) != with_lf) {
			diag_report(b->d, b->r->path, st.line, 0, DIAG_PROGRESS_SYNTAX, "CSV",
			    "a quote inside a cell that does not begin with one, or text after a "
			    "closing quote (quote the cell and write a quote in it as \"\")");
			failed = true;
		}
	}
	if (!failed && csv_fini(&p, on_field, on_record, &st) != 0) {
		/* the record with the open quote begins on the first non-blank line after the
		 * last complete record */
		size_t line = (size_t)st.last_record_line;
		while (line < src->nlines && text_is_blank_after(src->line[line], src->line_len[line], 0))
			line++;
		diag_report(b->d, b->r->path, (int)line + 1, 0, DIAG_PROGRESS_SYNTAX, "CSV",
		    "a quoted cell is never closed by a quote");
		failed = true;
	}
	for (size_t i = 0; i < st.n; i++)
		free(st.cells[i].text);
	free(st.cells);
	csv_free(&p);
	if (!failed && !st.in_table)
		diag_report(b->d, b->r->path, 1, 0, DIAG_PROGRESS_NO_HEADER);
	free(st.column);
}

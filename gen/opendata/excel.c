/* excel.c — every published CSV is checked against its table schema, and copied for
 * spreadsheet users: a UTF-8 BOM (so that Excel on Windows reads UTF-8, not the ANSI code
 * page), and every text cell that a spreadsheet would run as a formula neutralised
 * (OWASP CSV injection: a leading = + - @ TAB CR LF gets a ' in front). Numeric cells are
 * checked to be bare numbers and copied as they are, never quoted or prefixed.
 *
 * The machine CSV is the file another back end has just written (RFC 4180, as csv_field
 * quotes): splitting it here is reading our own output, not a source. */
#include <stdio.h>
#include <string.h>

#include "opendata/opendata.h"
#include "out/backend.h"

typedef struct csv_cursor {
	const char *s, *end;
	int row;        /* 1-based record number (the header is 1) */
} csv_cursor;

/* Next cell into cell (unquoted); *eol set when it ended its record. False on a broken
 * quote. */
static bool next_cell(csv_cursor *c, buf *cell, bool *eol)
{
	cell->len = 0;
	*eol = false;
	if (c->s < c->end && *c->s == '"') {
		c->s++;
		for (;;) {
			if (c->s >= c->end)
				return false;
			if (*c->s == '"') {
				if (c->s + 1 < c->end && c->s[1] == '"') {
					buf_putc(cell, '"');
					c->s += 2;
					continue;
				}
				c->s++;
				break;
			}
			buf_putc(cell, *c->s++);
		}
	} else {
		while (c->s < c->end && *c->s != ',' && *c->s != '\r' && *c->s != '\n') {
			if (*c->s == '"')
				return false;
			buf_putc(cell, *c->s++);
		}
	}
	buf_putc(cell, '\0');
	cell->len--;
	if (c->s < c->end && *c->s == ',') {
		c->s++;
		return true;
	}
	if (c->end - c->s >= 2 && c->s[0] == '\r' && c->s[1] == '\n') {
		c->s += 2;
		*eol = true;
		return true;
	}
	return false; /* records end with CRLF, the last one too */
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

static bool is_integer(const char *s)
{
	return all_digits(*s == '-' ? s + 1 : s);
}

static bool is_number(const char *s)
{
	if (*s == '-')
		s++;
	size_t n = strspn(s, "0123456789");
	if (!n)
		return false;
	s += n;
	if (*s == '.') {
		n = strspn(++s, "0123456789");
		if (!n)
			return false;
		s += n;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		return all_digits(s);
	}
	return !*s;
}

static bool is_date(const char *s)
{
	return strlen(s) == 10 && s[4] == '-' && s[7] == '-' && strspn(s, "0123456789") == 4 &&
	       strspn(s + 5, "0123456789") == 2 && strspn(s + 8, "0123456789") == 2;
}

static const char *type_problem(const od_field *f, const char *v)
{
	if (!*v)
		return f->required ? "is empty but required" : NULL;
	switch (f->type) {
	case OD_INTEGER: return is_integer(v) ? NULL : "is not an integer";
	case OD_NUMBER: return is_number(v) ? NULL : "is not a number";
	case OD_YEAR: return is_integer(v) ? NULL : "is not a year";
	case OD_DATE: return is_date(v) ? NULL : "is not a date YYYY-MM-DD";
	case OD_BOOLEAN: return !strcmp(v, "true") || !strcmp(v, "false") ? NULL : "is not true/false";
	case OD_STRING: break;
	}
	if (f->values) {
		for (const char *const *l = f->values; *l; l++)
			if (!strcmp(*l, v))
				return NULL;
		return "is not one of the field's values";
	}
	return NULL;
}

/* A text cell a spreadsheet would evaluate (OWASP: = + - @ TAB CR LF first). */
static bool formula_like(const char *s)
{
	return *s && strchr("=+-@\t\r\n", *s) != NULL;
}

bool od_excel_copy(const od_table *t, const char *csv, size_t len, buf *excel, char err[256])
{
	csv_cursor c = {csv, csv + len, 1};
	buf cell = {0};
	bool eol = false, ok = true;
	buf_puts(excel, "\xEF\xBB\xBF");
	/* the header: exactly the schema's names, in order */
	for (size_t i = 0; ok && i < t->nfields; i++) {
		if (!next_cell(&c, &cell, &eol) || strcmp(cell.data, t->fields[i].name) != 0 ||
		    eol != (i + 1 == t->nfields)) {
			snprintf(err, 256, "header column %zu is not \"%s\" as table %s says", i + 1,
			    t->fields[i].name, t->name);
			ok = false;
		}
	}
	if (ok)
		schema_csv_header(excel, t);
	while (ok && c.s < c.end) {
		c.row++;
		for (size_t i = 0; ok && i < t->nfields; i++) {
			const od_field *f = &t->fields[i];
			if (!next_cell(&c, &cell, &eol) || eol != (i + 1 == t->nfields)) {
				snprintf(err, 256, "record %d: expected %zu cells ending in CRLF", c.row,
				    t->nfields);
				ok = false;
				break;
			}
			const char *why = type_problem(f, cell.data);
			if (why) {
				snprintf(err, 256, "record %d, column %s: \"%.60s\" %s", c.row, f->name,
				    cell.data, why);
				ok = false;
				break;
			}
			if (i)
				buf_putc(excel, ',');
			if (od_type_is_numeric(f->type) || f->type == OD_DATE || f->type == OD_BOOLEAN) {
				buf_puts(excel, cell.data); /* checked above: a bare value */
			} else if (formula_like(cell.data)) {
				buf b = {0};
				buf_putc(&b, '\'');
				buf_puts(&b, cell.data);
				buf_putc(&b, '\0');
				csv_field(excel, b.data);
				buf_free(&b);
			} else {
				csv_field(excel, cell.data);
			}
		}
		if (ok)
			buf_puts(excel, "\r\n");
	}
	buf_free(&cell);
	return ok;
}

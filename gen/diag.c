#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	diag_severity severity;
	const char *format;
} catalogue[] = {
#define DIAG_ROW(code, sev, fmt) {#code, DIAG_##sev, fmt},
	DIAG_CATALOGUE(DIAG_ROW)
#undef DIAG_ROW
};

diag_severity diag_severity_of(diag_code code)
{
	return catalogue[code].severity;
}

const char *diag_name(diag_code code)
{
	return catalogue[code].name;
}

void diag_report(diag_sink *s, const char *path, int line, int col, diag_code code, ...)
{
	char text[1024];
	va_list ap;
	va_start(ap, code);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vsnprintf(text, sizeof text, catalogue[code].format, ap);
#pragma GCC diagnostic pop
	va_end(ap);
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		diag *p = realloc(s->items, s->cap * sizeof *p);
		if (!p)
			abort();
		s->items = p;
	}
	char *msg = strdup(text);
	if (!msg)
		abort();
	s->items[s->n] = (diag){path, s->file_order, s->n, line, col, code, msg};
	s->n++;
	if (catalogue[code].severity > s->worst)
		s->worst = catalogue[code].severity;
}

size_t diag_count(const diag_sink *s, diag_severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++)
		n += catalogue[s->items[i].code].severity == sev;
	return n;
}

static int diag_cmp(const void *a, const void *b)
{
	const diag *x = a, *y = b;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void diag_print(diag_sink *s, void *stream)
{
	FILE *f = stream;
	if (s->n) /* qsort of a NULL array is undefined even when empty */
		qsort(s->items, s->n, sizeof *s->items, diag_cmp);
	for (size_t i = 0; i < s->n; i++) {
		const diag *d = &s->items[i];
		const char *sev = catalogue[d->code].severity == DIAG_ERROR ? "error" : "warning";
		if (d->line > 0 && d->col > 0)
			fprintf(f, "%s:%d:%d: %s: %s\n", d->path, d->line, d->col, sev, d->message);
		else if (d->line > 0)
			fprintf(f, "%s:%d: %s: %s\n", d->path, d->line, sev, d->message);
		else
			fprintf(f, "%s: %s: %s\n", d->path, sev, d->message);
	}
}

void diag_sink_free(diag_sink *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->items[i].message);
	free(s->items);
	*s = (diag_sink){0};
}

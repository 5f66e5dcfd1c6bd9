#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

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

/* Longest text in a message, in bytes: a value written on one 1 MB line must not become
 * a 1 MB message, and the sentence around it must survive. A quoted value (`"%s"` in
 * the catalogue: text from a source file) is cut shorter than the rest (lists of
 * expected names, explanations), which must stay whole. */
enum { QUOTE_MAX = 240, TEXT_MAX = 4096 };

/* Appends s to out as message text: at most max bytes, cut between code points (then
 * "…"), with control characters shown as \xNN so that a message stays one line and a
 * terminal never acts on what a source file holds. */
static void put_text(buf *out, const char *s, size_t max)
{
	size_t used = 0;
	for (const unsigned char *u = (const unsigned char *)s; *u;) {
		size_t len = *u >= 0xF0 ? 4 : *u >= 0xE0 ? 3 : *u >= 0xC0 ? 2 : 1;
		for (size_t i = 1; i < len; i++)
			if ((u[i] & 0xC0) != 0x80)
				len = 1; /* not UTF-8 (readers check, but stay safe) */
		bool control = *u < 0x20 || *u == 0x7F || (len == 1 && *u >= 0x80);
		size_t shown = control ? 4 : len;
		if (used + shown > max) {
			buf_puts(out, "…");
			return;
		}
		if (control)
			buf_printf(out, "\\x%02X", *u);
		else
			buf_put(out, u, len);
		used += shown;
		u += len;
	}
}

/* The catalogue's formats use %s, integer conversions (with z, l or ll) and %g; each
 * %s argument goes through put_text, every other conversion through printf. */
static void format_message(buf *out, const char *fmt, va_list ap)
{
	for (const char *f = fmt; *f;) {
		if (*f != '%') {
			const char *pct = strchr(f, '%');
			size_t n = pct ? (size_t)(pct - f) : strlen(f);
			buf_put(out, f, n);
			f += n;
			continue;
		}
		if (f[1] == '%') {
			buf_putc(out, '%');
			f += 2;
			continue;
		}
		bool quoted = f > fmt && f[-1] == '"';
		/* one conversion: flags, width, length, type */
		size_t n = 1 + strspn(f + 1, "-+ #0123456789.");
		bool size_t_arg = f[n] == 'z';
		n += size_t_arg;
		int longs = 0;
		while (f[n] == 'l' && longs < 2)
			n++, longs++;
		char spec[16];
		snprintf(spec, sizeof spec, "%.*s", (int)(n + 1), f);
		char type = f[n];
		f += n + (type != '\0');
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		if (type == 's')
			put_text(out, va_arg(ap, const char *), quoted ? QUOTE_MAX : TEXT_MAX);
		else if (size_t_arg)
			buf_printf(out, spec, va_arg(ap, size_t));
		else if (longs == 2)
			buf_printf(out, spec, va_arg(ap, long long));
		else if (longs == 1)
			buf_printf(out, spec, va_arg(ap, long));
		else if (type == 'g' || type == 'f')
			buf_printf(out, spec, va_arg(ap, double));
		else
			buf_printf(out, spec, va_arg(ap, int));
#pragma GCC diagnostic pop
	}
}

void diag_report(diag_sink *s, const char *path, int line, int col, diag_code code, ...)
{
	buf text = {0};
	va_list ap;
	va_start(ap, code);
	format_message(&text, catalogue[code].format, ap);
	va_end(ap);
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		diag *p = realloc(s->items, s->cap * sizeof *p);
		if (!p)
			abort();
		s->items = p;
	}
	buf_putc(&text, '\0');
	char *msg = text.data; /* the buffer's storage becomes the message */
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

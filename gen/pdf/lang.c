/*
 * lang.c — the document language in the PDF catalog (/Lang), which cairo 1.16 cannot
 * write: screen readers and PDF/UA checkers read it to pick Thai. Added as an
 * incremental update (a new version of the catalog object appended after the file),
 * the way PDF editors change a finished file, so cairo's bytes stay as they are.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdf.h"

/* Last occurrence of needle in hay[0..len). */
static const char *find_last(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
		if (memcmp(hay + i, needle, n) == 0)
			return hay + i;
	return NULL;
}

static const char *find_in(const char *hay, const char *end, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; p + n <= end; p++)
		if (memcmp(p, needle, n) == 0)
			return p;
	return NULL;
}

/* The integer after key (`/Size 473`) between from and end, or -1. */
static long number_after(const char *from, const char *end, const char *key)
{
	const char *k = find_in(from, end, key);
	if (!k)
		return -1;
	return strtol(k + strlen(key), NULL, 10);
}

bool pdf_set_language(buf *pdf, const char *lang)
{
	const char *data = pdf->data, *end = pdf->data + pdf->len;
	const char *trailer = find_last(data, pdf->len, "trailer");
	const char *sx = find_last(data, pdf->len, "startxref");
	if (!trailer || !sx || sx < trailer)
		return false;
	long size = number_after(trailer, sx, "/Size"), root = number_after(trailer, sx, "/Root");
	long info = number_after(trailer, sx, "/Info"), prev = strtol(sx + 9, NULL, 10);
	if (size <= 0 || root <= 0 || prev <= 0)
		return false;
	char head[48];
	snprintf(head, sizeof head, "\n%ld 0 obj\n", root);
	/* the newest version of the catalog: the last one in the file */
	const char *obj = find_last(data, pdf->len, head);
	if (!obj)
		return false;
	const char *dict = obj + strlen(head), *stop = find_in(dict, end, "\nendobj");
	const char *close = stop ? find_last(dict, (size_t)(stop - dict), ">>") : NULL;
	if (!close || find_in(dict, close, "/Lang"))
		return false;
	size_t dict_len = (size_t)(close - dict);
	char *copy = malloc(dict_len + 1);
	if (!copy)
		abort();
	memcpy(copy, dict, dict_len);
	copy[dict_len] = '\0';
	buf_putc(pdf, '\n');
	size_t offset = pdf->len;
	buf_printf(pdf, "%ld 0 obj\n%s   /Lang (%s)\n>>\nendobj\n", root, copy, lang);
	free(copy);
	size_t xref = pdf->len;
	buf_printf(pdf, "xref\n%ld 1\n%010zu 00000 n \ntrailer\n<< /Size %ld\n   /Root %ld 0 R\n",
	    root, offset, size, root);
	if (info > 0)
		buf_printf(pdf, "   /Info %ld 0 R\n", info);
	buf_printf(pdf, "   /Prev %ld\n>>\nstartxref\n%zu\n%%%%EOF\n", prev, xref);
	return true;
}

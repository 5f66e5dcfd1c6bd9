#include "read/source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t utf8_sequence_length(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len;
	unsigned min;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	unsigned cp = c & (0x7F >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates and values past U+10FFFF are not UTF-8 */
	if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return len;
}

/* The line (1-based) and character column of byte offset off. */
static void position_of(const char *text, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

static bool check_encoding(const char *path, const char *data, size_t len, diag_sink *d)
{
	const unsigned char *s = (const unsigned char *)data;
	for (size_t i = 0; i < len;) {
		int line, col;
		if (s[i] == 0) {
			position_of(data, i, &line, &col);
			diag_report(d, path, line, col, DIAG_NUL_BYTE);
			return false;
		}
		size_t n = utf8_sequence_length(s + i, len - i);
		if (n == 0) {
			position_of(data, i, &line, &col);
			diag_report(d, path, line, col, DIAG_UTF8, s[i]);
			return false;
		}
		i += n;
	}
	return true;
}

bool source_from_memory(const char *path, const char *data, size_t len, source_text *out,
    diag_sink *d)
{
	*out = (source_text){.path = path};
	if (len > SOURCE_MAX_BYTES) {
		diag_report(d, path, 0, 0, DIAG_TOO_LARGE, "16 MB");
		return false;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (!check_encoding(path, data, len, d))
		return false;
	char *text = malloc(len + 1);
	if (!text)
		abort();
	size_t n = 0, nlines = 1;
	for (size_t i = 0; i < len; i++) {
		if (data[i] == '\r') {
			if (i + 1 < len && data[i + 1] == '\n')
				continue;
			text[n++] = '\n';
		} else {
			text[n++] = data[i];
		}
		if (text[n - 1] == '\n')
			nlines++;
	}
	text[n] = '\0';
	out->text = text;
	out->len = n;
	out->line = malloc(nlines * sizeof *out->line);
	out->line_len = malloc(nlines * sizeof *out->line_len);
	if (!out->line || !out->line_len)
		abort();
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || text[i] == '\n') {
			out->line[out->nlines] = text + start;
			out->line_len[out->nlines] = i - start;
			out->nlines++;
			start = i + 1;
		}
	}
	/* a final LF does not start another line */
	if (out->nlines > 1 && out->line_len[out->nlines - 1] == 0 && n > 0 && text[n - 1] == '\n')
		out->nlines--;
	return true;
}

bool source_load(const char *path, source_text *out, diag_sink *d)
{
	*out = (source_text){.path = path};
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_report(d, path, 0, 0, DIAG_IO_READ, strerror(errno));
		return false;
	}
	char *data = NULL;
	size_t len = 0, cap = 0;
	bool ok = true;
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			if (cap > (size_t)SOURCE_MAX_BYTES + 65536) {
				diag_report(d, path, 0, 0, DIAG_TOO_LARGE, "16 MB");
				ok = false;
				break;
			}
			char *p = realloc(data, cap);
			if (!p)
				abort();
			data = p;
		}
		size_t got = fread(data + len, 1, cap - len, f);
		len += got;
		if (got == 0) {
			if (ferror(f)) {
				diag_report(d, path, 0, 0, DIAG_IO_READ, strerror(errno));
				ok = false;
			}
			break;
		}
	}
	fclose(f);
	if (ok)
		ok = source_from_memory(path, data ? data : "", len, out, d);
	free(data);
	return ok;
}

void source_free(source_text *s)
{
	free(s->text);
	free(s->line);
	free(s->line_len);
	*s = (source_text){0};
}

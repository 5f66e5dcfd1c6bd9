/*
 * source.h — one source file in memory: checked to be UTF-8 without NUL bytes, its BOM
 * dropped and CRLF/CR line ends made LF, and split into lines for line-based access
 * (front matter, slicing Markdown back out of the syntax tree by source position).
 */
#ifndef PRONGSAI_SOURCE_H
#define PRONGSAI_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum { SOURCE_MAX_BYTES = 16 * 1024 * 1024 };

typedef struct source_text {
	const char *path;
	char *text;            /* owned, NUL-terminated, LF line ends */
	size_t len;
	const char **line;     /* owned array; line[i] points into text (line i+1) */
	size_t *line_len;      /* bytes, without the LF */
	size_t nlines;
} source_text;

/* Reads path; on a problem reports it into d and returns false (out is then empty). */
bool source_load(const char *path, source_text *out, diag_sink *d);
/* Same checks on a buffer already in memory (tests, fuzzing); data is copied. */
bool source_from_memory(const char *path, const char *data, size_t len, source_text *out,
    diag_sink *d);
void source_free(source_text *s);

/* Length of the valid UTF-8 sequence at s (n bytes available), or 0 if invalid. */
size_t utf8_sequence_length(const unsigned char *s, size_t n);

#endif

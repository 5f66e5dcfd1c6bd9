/*
 * reader.h — source files to the model: the front-matter block, then the Markdown body
 * through libcmark-gfm's syntax tree. Readers parse values (with thai/) and report
 * malformed ones; checks across the whole plan are the validator's (validate.h).
 */
#ifndef PRONGSAI_READER_H
#define PRONGSAI_READER_H

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "read/source.h"

/* Reads the front matter into p. Returns the 0-based index of the first body line
 * (after the closing `---`), or (size_t)-1 when there is no usable block. */
size_t frontmatter_read(const source_text *src, plan *p, diag_sink *d);

/* Reads the Markdown body, from line index first_line on, into p's chapters and items. */
void plan_body_read(const source_text *src, size_t first_line, plan *p, diag_sink *d);

/* A libcmark-gfm parser with source positions and the table, autolink and strikethrough
 * extensions: the one Markdown dialect of every reader. Caller frees. */
struct cmark_parser;
struct cmark_parser *gfm_parser_new(void);

/* The whole plan file: load, front matter, body. Returns NULL only when the file cannot
 * be read or has no front matter; otherwise a plan (possibly with errors reported).
 * Caller frees with plan_free. */
plan *plan_read(const char *path, diag_sink *d);
plan *plan_read_memory(const char *path, const char *data, size_t len, diag_sink *d);

#endif

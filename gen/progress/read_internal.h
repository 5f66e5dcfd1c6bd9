/*
 * read_internal.h — what the two progress syntaxes share: both readers hand keys, rows
 * and cells to one builder, so CSV and JSON mean exactly the same and are checked by
 * the same code. Private to gen/progress/.
 */
#ifndef PRONGSAI_PROGRESS_READ_INTERNAL_H
#define PRONGSAI_PROGRESS_READ_INTERNAL_H

#include "progress/progress.h"

typedef struct progress_builder {
	progress_round *r;
	diag_sink *d;
	int key_line[PK__COUNT];   /* where each round key was given, 0 = not yet */
	const char *key_text[PK__COUNT];
	bool unparsed;             /* a syntax error stopped the reading: nothing is missing */
} progress_builder;

/* A round key with its value (NULL or blank: given empty). */
void pb_key(progress_builder *b, progress_key k, const char *value, int line);
/* A new row starting at line; cells follow, then pb_row_end. */
progress_row *pb_row_begin(progress_builder *b, int line);
/* value as written (trimmed here; blank counts as absent). */
void pb_cell(progress_builder *b, progress_row *row, progress_field f, const char *value,
    size_t len, int line);
void pb_row_end(progress_builder *b, progress_row *row);

/* s as compared when it names something: white space dropped, Latin letters lower
 * case, `_` and `-` dropped (in_progress = in progress). */
void progress_name_key(const char *s, char *out, size_t outsz);

/* "ปีงบประมาณ (fiscal_year), รอบ (round), …" and "รหัส (id), …" for messages. */
const char *progress_key_list(void);
const char *progress_field_list(void);

void progress_read_csv(progress_builder *b, const source_text *src);
void progress_read_json(progress_builder *b, const source_text *src);

#endif

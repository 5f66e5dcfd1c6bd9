/*
 * json_pos.h — where a value of a parsed JSON text was written. jansson knows positions
 * only for syntax errors; these walk the same (already valid) text beside the parsed
 * tree: a member is looked for among its own object's members only, an element by its
 * index in its own array. The layout, progress and other JSON readers share it.
 */
#ifndef PRONGSAI_READ_JSON_POS_H
#define PRONGSAI_READ_JSON_POS_H

#include <stdbool.h>
#include <stddef.h>

#include "read/source.h"

/* Offset of the first value in the text (the root), skipping white space. */
size_t json_pos_root(const source_text *src);
/* The member `key` of the object whose `{` is at obj: offsets of its key and value. */
bool json_pos_member(const source_text *src, size_t obj, const char *key, size_t *key_at,
    size_t *value_at);
/* Element `index` of the array whose `[` is at arr: the offset of its value. */
bool json_pos_element(const source_text *src, size_t arr, size_t index, size_t *value_at);
/* The 1-based line of a byte offset. */
int json_pos_line(const source_text *src, size_t off);

#endif

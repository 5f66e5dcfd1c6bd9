/*
 * output.h — a staged output tree: every file a run writes goes through here, so the
 * manifest lists exactly what was written, and the tree replaces the previous output/
 * only once it is complete.
 */
#ifndef PRONGSAI_OUTPUT_H
#define PRONGSAI_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

typedef struct output_file {
	char *path;        /* relative to the output root */
	const char *media_type;
	size_t bytes;
	char sha256[65];
} output_file;

typedef struct output_tree {
	char *target;      /* the output folder the user named */
	char *staging;     /* sibling folder being filled */
	output_file *files;
	size_t n, cap;
	char error[512];   /* the first failure, for the user */
} output_tree;

/* Creates the staging folder beside target. */
bool output_begin(output_tree *t, const char *target_dir);
/* Writes rel (e.g. `dip/2560/plan.json`) with the content of b. */
bool output_write(output_tree *t, const char *rel, const char *media_type, const buf *b);
/* Puts the file src (already written by an earlier run, with the given size and
 * sha256) at rel: a hard link when it can, else a copy. For staged publishing
 * (out/stage.h); media_type must outlive t. */
bool output_adopt(output_tree *t, const char *rel, const char *media_type, const char *src,
    size_t bytes, const char sha256[65]);
/* Writes manifest.json and swaps the staged tree in. */
bool output_commit(output_tree *t);
/* Removes the staging folder (after a failure) and frees t; safe after commit. */
void output_end(output_tree *t);

#endif

/*
 * arena.h — bump allocation for a plan's model: everything parsed from one source file
 * lives in one arena and is freed at once, so the model needs no per-node ownership.
 */
#ifndef PRONGSAI_ARENA_H
#define PRONGSAI_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct arena {
	arena_block *head;
} arena;

/* Zeroed memory that lives until arena_free; aborts on out-of-memory. */
void *arena_alloc(arena *a, size_t size);
/* Copies of a string (or of its first len bytes), NUL-terminated. */
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t len);
/* printf into the arena. */
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(arena *a);

/* A growable array of pointers whose storage lives in the arena. */
typedef struct ptr_vec {
	void **v;
	size_t n, cap;
} ptr_vec;

void ptr_vec_push(arena *a, ptr_vec *vec, void *p);

#endif

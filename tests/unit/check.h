/*
 * check.h — the unit tests' tiny harness: CHECK records a pass or a failure (with file
 * and line) in the suite's counters; check_summary prints "N passed, N failed".
 * The counters live in a struct owned by main, not in globals.
 */
#ifndef PRONGSAI_CHECK_H
#define PRONGSAI_CHECK_H

#include <stdio.h>
#include <string.h>

typedef struct check_suite {
	int passed, failed;
} check_suite;

#define CHECK(suite, cond, ...)                                               \
	do {                                                                  \
		if (cond) {                                                   \
			(suite)->passed++;                                    \
		} else {                                                      \
			(suite)->failed++;                                    \
			fprintf(stderr, "%s:%d: FAIL: ", __FILE__, __LINE__); \
			fprintf(stderr, __VA_ARGS__);                         \
			fputc('\n', stderr);                                  \
		}                                                             \
	} while (0)

#define CHECK_STR(suite, got, want, ctx)                                          \
	CHECK(suite, strcmp((got), (want)) == 0, "%s: got \"%s\", want \"%s\"", (ctx), \
	    (got), (want))

static inline int check_summary(const check_suite *s, const char *name)
{
	printf("%s: %d passed, %d failed\n", name, s->passed, s->failed);
	return s->failed ? 1 : 0;
}

#endif

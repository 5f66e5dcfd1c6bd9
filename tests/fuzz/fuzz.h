/*
 * fuzz.h — what every harness in tests/fuzz/ checks beyond "no crash": the messages a
 * user reads are one line of valid UTF-8 each, and an accepted input gives well-formed
 * output. A broken promise aborts, so that libFuzzer (and the replay driver) report it.
 */
#ifndef PRONGSAI_FUZZ_H
#define PRONGSAI_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "read/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline void fuzz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz: %s: %.200s\n", what, detail ? detail : "");
	abort();
}

/* Valid UTF-8 without NUL, CR or LF: what may go into one line of a message. */
static inline void fuzz_check_line(const char *what, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (s[i] == '\0' || s[i] == '\n' || s[i] == '\r')
			fuzz_fail(what, "control character in a one-line text");
		size_t k = utf8_sequence_length((const unsigned char *)s + i, n - i);
		if (k == 0)
			fuzz_fail(what, s);
		i += k;
	}
}

/* Valid UTF-8 without NUL (a whole output file). */
static inline void fuzz_check_utf8(const char *what, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t k = s[i] ? utf8_sequence_length((const unsigned char *)s + i, n - i) : 0;
		if (k == 0)
			fuzz_fail(what, "not UTF-8, or a NUL byte");
		i += k;
	}
}

static inline void fuzz_check_diags(const diag_sink *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const diag *g = &d->items[i];
		fuzz_check_line("diagnostic message", g->message, strlen(g->message));
		if (g->line < 0 || g->col < 0)
			fuzz_fail("diagnostic position is negative", g->message);
	}
}

#endif

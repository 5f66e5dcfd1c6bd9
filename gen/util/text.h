/* text.h — small UTF-8 text helpers shared by the readers. */
#ifndef PRONGSAI_TEXT_H
#define PRONGSAI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Span of s[0..len) without leading and trailing ASCII whitespace and U+00A0. */
void text_trim_span(const char *s, size_t len, size_t *start, size_t *n);
/* True when s[from..len) is only whitespace. */
bool text_is_blank_after(const char *s, size_t len, size_t from);
/* Number of code points in s[0..len). */
size_t text_codepoints(const char *s, size_t len);
/* True when s begins with prefix. */
bool text_starts_with(const char *s, const char *prefix);

#endif

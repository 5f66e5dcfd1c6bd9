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
/* The character (= + - @) that would make a spreadsheet run s, as a CSV cell, as a
 * formula, or 0: `=` and `@` always, `+` and `-` unless a digit (Arabic or Thai), a
 * space or the end follows (`-5`, `+66 2…`, `- รายการ` and a lone `-` are text). Blanks
 * before it count as nothing. */
char text_formula_lead(const char *s);

#endif

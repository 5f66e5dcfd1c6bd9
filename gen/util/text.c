#include "util/text.h"

#include <string.h>

static size_t space_at(const char *s, size_t len)
{
	if (len >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r'))
		return 1;
	if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2; /* NO-BREAK SPACE, common in text pasted from Word */
	return 0;
}

void text_trim_span(const char *s, size_t len, size_t *start, size_t *n)
{
	size_t a = 0, b = len, k;
	while (a < b && (k = space_at(s + a, b - a)) > 0)
		a += k;
	for (;;) {
		if (b > a && space_at(s + b - 1, 1))
			b--;
		else if (b >= a + 2 && space_at(s + b - 2, 2) == 2)
			b -= 2;
		else
			break;
	}
	*start = a;
	*n = b - a;
}

bool text_is_blank_after(const char *s, size_t len, size_t from)
{
	size_t st, n;
	if (from >= len)
		return true;
	text_trim_span(s + from, len - from, &st, &n);
	return n == 0;
}

size_t text_codepoints(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

bool text_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

char text_formula_lead(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	char c = s[0];
	if (c == '=' || c == '@')
		return c;
	if (c != '+' && c != '-')
		return 0;
	const unsigned char *n = (const unsigned char *)s + 1;
	bool digit = (*n >= '0' && *n <= '9') || (n[0] == 0xE0 && n[1] == 0xB9 && n[2] >= 0x90 && n[2] <= 0x99);
	return *n == '\0' || *n == ' ' || *n == '\t' || *n == '\n' || digit ? 0 : c;
}

/* json_pos.c — positions of values in a JSON text (see json_pos.h). */
#include "read/json_pos.h"

#include <jansson.h>
#include <string.h>

static size_t skip_ws(const char *t, size_t len, size_t i)
{
	while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
		i++;
	return i;
}

/* Past the string whose opening quote is at t[i]. */
static size_t skip_string(const char *t, size_t len, size_t i)
{
	for (i++; i < len && t[i] != '"'; i++)
		if (t[i] == '\\')
			i++;
	return i < len ? i + 1 : len;
}

static size_t skip_value(const char *t, size_t len, size_t i)
{
	if (i < len && t[i] == '"')
		return skip_string(t, len, i);
	if (i < len && (t[i] == '{' || t[i] == '[')) {
		int depth = 0;
		while (i < len) {
			if (t[i] == '"') {
				i = skip_string(t, len, i);
				continue;
			}
			if (t[i] == '{' || t[i] == '[')
				depth++;
			else if ((t[i] == '}' || t[i] == ']') && --depth == 0)
				return i + 1;
			i++;
		}
		return len;
	}
	while (i < len && !strchr(",}] \t\n\r", t[i]))
		i++; /* a number, true, false or null */
	return i;
}

/* Past the value at t[i] and the comma after it. */
static size_t next_entry(const char *t, size_t len, size_t i)
{
	size_t end = skip_value(t, len, i);
	if (end == i)
		return len;
	i = skip_ws(t, len, end);
	return i < len && t[i] == ',' ? skip_ws(t, len, i + 1) : i;
}

/* Is the quoted key raw[0..n) the string key? Escaped keys are decoded by jansson. */
static bool key_is(const char *raw, size_t n, const char *key)
{
	if (n < 2)
		return false;
	if (!memchr(raw, '\\', n))
		return n - 2 == strlen(key) && memcmp(raw + 1, key, n - 2) == 0;
	json_t *s = json_loadb(raw, n, JSON_DECODE_ANY, NULL);
	bool same = json_is_string(s) && strcmp(json_string_value(s), key) == 0;
	json_decref(s);
	return same;
}

size_t json_pos_root(const source_text *src)
{
	return skip_ws(src->text, src->len, 0);
}

bool json_pos_member(const source_text *src, size_t obj, const char *key, size_t *key_at,
    size_t *value_at)
{
	const char *t = src->text;
	size_t len = src->len;
	if (obj >= len || t[obj] != '{')
		return false;
	size_t i = skip_ws(t, len, obj + 1);
	while (i < len && t[i] == '"') {
		size_t end = skip_string(t, len, i);
		size_t v = skip_ws(t, len, end);
		v = skip_ws(t, len, v < len && t[v] == ':' ? v + 1 : v);
		if (key_is(t + i, end - i, key)) {
			*key_at = i;
			*value_at = v;
			return true;
		}
		i = next_entry(t, len, v);
	}
	return false;
}

bool json_pos_element(const source_text *src, size_t arr, size_t index, size_t *value_at)
{
	const char *t = src->text;
	size_t len = src->len;
	if (arr >= len || t[arr] != '[')
		return false;
	size_t i = skip_ws(t, len, arr + 1);
	for (size_t k = 0; i < len && t[i] != ']'; k++) {
		if (k == index) {
			*value_at = i;
			return true;
		}
		i = next_entry(t, len, i);
	}
	return false;
}

int json_pos_line(const source_text *src, size_t off)
{
	const char *p = src->text + (off < src->len ? off : src->len);
	size_t lo = 0, hi = src->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (src->line[mid] <= p)
			lo = mid;
		else
			hi = mid;
	}
	return (int)lo + 1;
}

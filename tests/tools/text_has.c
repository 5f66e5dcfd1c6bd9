/*
 * text_has — does extracted PDF text hold each wanted string, allowing it to be broken
 * where a table row was split across pages (other cells' text then comes between the
 * pieces)? Both inputs are already whitespace-free.
 *
 *   text_has TEXT_FILE WANTED_FILE
 *
 * WANTED_FILE has one string per line. A string is found when it is the concatenation
 * of at most four pieces of at least 4 characters each, appearing in this order in the
 * text. Prints each string not found; exits 1 if any.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_PIECES = 4, MIN_PIECE_CHARS = 4 };

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *s = malloc(cap);
	size_t got;
	while (s && (got = fread(s + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (n + 1 == cap) {
			char *t = realloc(s, cap *= 2);
			if (!t) {
				free(s);
				s = NULL;
			}
			s = t;
		}
	}
	fclose(f);
	if (s)
		s[n] = '\0';
	return s;
}

/* Bytes of the first n characters of s. */
static size_t char_bytes(const char *s, size_t n)
{
	size_t i = 0;
	while (s[i] && n > 0) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		n--;
	}
	return i;
}

/* Can want be found from `from` on, in at most `pieces` pieces? Every place where the
 * next piece could start is tried, longest piece first, within a step budget. */
static int found_from(const char *from, const char *want, int pieces, long *budget)
{
	if (!*want)
		return 1;
	if (pieces == 0)
		return 0;
	size_t min = char_bytes(want, MIN_PIECE_CHARS), left = strlen(want);
	if (min > left)
		min = left; /* a short string, or its short tail, is one piece */
	char head[64];
	if (min >= sizeof head)
		min = sizeof head - 1;
	memcpy(head, want, min);
	head[min] = '\0';
	for (const char *q = from; (q = strstr(q, head)) != NULL; q++) {
		if (--*budget < 0)
			return 0;
		size_t common = min;
		while (common < left && q[common] == want[common])
			common++;
		for (size_t len = common; len >= min; len--) {
			if (((unsigned char)want[len] & 0xC0) == 0x80)
				continue; /* split only between characters */
			if (found_from(q + len, want + len, pieces - 1, budget))
				return 1;
		}
	}
	return 0;
}

static int found(const char *text, const char *want)
{
	long budget = 2000000;
	return found_from(text, want, MAX_PIECES, &budget);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: text_has TEXT_FILE WANTED_FILE\n", stderr);
		return 2;
	}
	char *text = slurp(argv[1]), *wanted = slurp(argv[2]);
	if (!text || !wanted) {
		perror("text_has");
		return 2;
	}
	int missing = 0;
	for (char *line = strtok(wanted, "\n"); line; line = strtok(NULL, "\n"))
		if (!found(text, line)) {
			printf("%s\n", line);
			missing++;
		}
	free(text);
	free(wanted);
	return missing ? 1 : 0;
}

/*
 * replay.c — runs a libFuzzer harness on files, without libFuzzer: `replay FILE...`.
 * make test builds each harness with this driver (plain and under ASan+UBSan, with the
 * project's compiler) and replays tests/fuzz/regressions/<harness>/, so every input that
 * once crashed stays fixed without clang on the machine.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

int main(int argc, char **argv)
{
	int failed = 0;
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			failed = 1;
			continue;
		}
		size_t cap = 1 << 16, len = 0, got;
		unsigned char *data = malloc(cap);
		while (data && (got = fread(data + len, 1, cap - len, f)) > 0) {
			len += got;
			if (len == cap)
				data = realloc(data, cap *= 2);
		}
		fclose(f);
		if (!data)
			abort();
		LLVMFuzzerTestOneInput(data, len);
		free(data);
	}
	return failed;
}

/*
 * fuzz_cpi.c — libFuzzer harness for the CPI data readers (gen/cpi/): the first byte
 * picks which file of content/cpi/ the rest becomes (settings.csv, documents.csv,
 * scores.csv, sources.csv, targets.csv, a TI sheet export ti.csv or a TI workbook
 * ti.xlsx), written over copies of the shipped content/cpi/ files in a private
 * temporary folder; cpi_load then reads and merges the folder as publish does.
 * Oracles (fuzz.h): no crash or sanitizer report, one-line UTF-8 diagnostics.
 */
#include <stdio.h>
#include <unistd.h>

#include "cpi/cpi.h"
#include "fuzz.h"
#include "util/fs.h"

static const char *const names[] = {"settings.csv", "documents.csv", "scores.csv",
	"sources.csv", "targets.csv", "ti.csv", "ti.xlsx"};

/* The shipped content/cpi/ files (the harness runs from the repository's root), so
 * that a fuzzed file meets real ones: documents it cites, the focus country. */
static void copy_shipped(const char *dir)
{
	static const char *const shipped[] = {"settings.csv", "documents.csv", "scores.csv",
		"sources.csv", "targets.csv"};
	for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++) {
		char from[128], to[128];
		snprintf(from, sizeof from, "content/cpi/%s", shipped[i]);
		snprintf(to, sizeof to, "%s/%s", dir, shipped[i]);
		FILE *f = fopen(from, "rb");
		if (!f)
			continue;
		char buf[1 << 16];
		size_t n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		fs_write_file(to, buf, n);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	char dir[] = "/tmp/fuzz-cpi-XXXXXX";
	if (!mkdtemp(dir))
		fuzz_fail("cannot make a temporary folder", dir);
	const char *target = names[data[0] % 7];
	char path[128];
	copy_shipped(dir);
	snprintf(path, sizeof path, "%s/%s", dir, target);
	fs_write_file(path, data + 1, size - 1);
	diag_sink d = {0};
	cpi_data *c = cpi_load(dir, &d);
	for (size_t i = 0; c && i < c->countries.n; i++) {
		const cpi_year *y = cpi_latest(c->countries.v[i]);
		(void)y;
	}
	fuzz_check_diags(&d);
	diag_sink_free(&d); /* before the folder goes: the messages point at its paths */
	cpi_free(c);
	fs_remove_tree(dir);
	return 0;
}

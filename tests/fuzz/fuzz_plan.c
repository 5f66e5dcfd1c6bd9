/*
 * fuzz_plan.c — libFuzzer harness for a plan file: front matter and Markdown body
 * (plan_read_memory), the validator, and the two text back ends on whatever was read.
 * Oracles (fuzz.h): one-line UTF-8 diagnostics; an accepted plan gives plan.json that
 * jansson reads back and a CSV of valid UTF-8.
 */
#include <jansson.h>

#include "fuzz.h"
#include "out/backend.h"
#include "read/reader.h"
#include "validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_sink d = {0};
	/* under content/test/2567/ so that the place check runs too */
	plan *p = plan_read_memory("content/test/2567/plan.md", (const char *)data, size, &d);
	if (p) {
		plan_validate(p, "test/2567/plan.md", &d);
		if (d.worst < DIAG_ERROR) {
			buf b = {0};
			json_t *j = plan_json(p);
			json_render(j, &b);
			json_decref(j);
			json_error_t err;
			json_t *back = json_loadb(b.data, b.len, 0, &err);
			if (!back)
				fuzz_fail("plan.json does not parse", err.text);
			json_decref(back);
			b.len = 0;
			plan_indicators_csv(p, &b);
			fuzz_check_utf8("plan-indicators.csv", b.data ? b.data : "", b.len);
			buf_free(&b);
		}
		plan_free(p);
	}
	fuzz_check_diags(&d);
	diag_sink_free(&d);
	return 0;
}

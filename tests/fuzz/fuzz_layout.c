/*
 * fuzz_layout.c — libFuzzer harness for a layout file (layout_load_memory): the JSON
 * syntax, the line-finding walk beside jansson's tree, every rule and the page checks.
 * The layout sits in layouts/, so relative font paths resolve against the real folder.
 * Oracles (fuzz.h): one-line UTF-8 diagnostics; an accepted layout has a page with room
 * for text, at least one column, and positive column widths.
 */
#include "fuzz.h"
#include "layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_sink d = {0};
	arena a = {0};
	layout *l = layout_load_memory("layouts/fuzz.json", (const char *)data, size, &a, &d);
	if (l) {
		if (d.worst == DIAG_ERROR)
			fuzz_fail("a layout with errors was returned", l->name);
		if (!(l->page_width - l->margin_left - l->margin_right > 0) ||
		    !(l->page_height - l->margin_top - l->margin_bottom > 0))
			fuzz_fail("accepted layout leaves no room for text", l->name);
		if (l->ncolumns < 1 || l->ncolumns > LAYOUT_MAX_COLUMNS)
			fuzz_fail("accepted layout has no columns", l->name);
		for (int i = 0; i < l->ncolumns; i++)
			if (!(l->columns[i].width > 0) || !l->columns[i].title)
				fuzz_fail("accepted layout has a column without width or title", l->name);
		if (!l->font_files[FONT_REGULAR])
			fuzz_fail("accepted layout has no regular font", l->name);
	} else if (d.worst != DIAG_ERROR) {
		fuzz_fail("layout refused without an error", "");
	}
	fuzz_check_diags(&d);
	arena_free(&a);
	diag_sink_free(&d);
	return 0;
}

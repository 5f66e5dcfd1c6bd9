/*
 * layout_test.c — layout files: the shipped ones load without a diagnostic, the
 * defaults, what a full file sets, and which diagnostic (code and line) each mistake
 * gives. Every case is a real file in a temporary folder, because layout_load reads
 * files and resolves relative font paths against the layout's own folder.
 */
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "layout.h"

#define PT(mm) ((mm) * 72.0 / 25.4)

static bool near(double a, double b)
{
	return fabs(a - b) < 1e-6;
}

/* Writes text with every ' made ": the cases below are JSON written with single quotes,
 * to be read without a backslash before every quote. */
static bool write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return false;
	bool ok = true;
	for (size_t i = 0; i < len; i++)
		ok &= fputc(text[i] == '\'' ? '"' : text[i], f) != EOF;
	return fclose(f) == 0 && ok;
}

/* A new file in dir holding text (mkstemp, so that cases never share a name). Caller
 * frees the path and unlinks the file. */
static char *temp_layout(const char *dir, const char *text, size_t len)
{
	size_t n = strlen(dir) + 32;
	char *path = malloc(n);
	snprintf(path, n, "%s/layout-XXXXXX", dir);
	int fd = mkstemp(path);
	if (fd < 0) {
		free(path);
		return NULL;
	}
	close(fd);
	if (!write_file(path, text, len)) {
		unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

static bool has_diag(const diag_sink *d, diag_code code, int line)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].code == code && d->items[i].line == line)
			return true;
	return false;
}

static const char *first_message(const diag_sink *d)
{
	return d->n ? d->items[0].message : "(none)";
}

/* One loaded layout with its arena and diagnostics, freed by loaded_free. */
typedef struct loaded {
	arena a;
	diag_sink d;
	layout *l;
	char *path;
} loaded;

static loaded load_text(const char *dir, const char *text, size_t len)
{
	loaded r = {0};
	r.path = temp_layout(dir, text, len);
	if (r.path)
		r.l = layout_load(r.path, &r.a, &r.d);
	return r;
}

static void loaded_free(loaded *r)
{
	if (r->path)
		unlink(r->path);
	diag_sink_free(&r->d);
	arena_free(&r->a);
	free(r->path);
}

/* ---- good layouts ------------------------------------------------------------------ */

static void test_defaults(check_suite *s)
{
	layout l;
	layout_defaults(&l);
	CHECK(s, l.landscape && near(l.page_width, PT(297)) && near(l.page_height, PT(210)),
	    "A4 landscape: %g x %g", l.page_width, l.page_height);
	CHECK(s, near(l.margin_left, PT(30)) && near(l.margin_right, PT(20)) &&
		     near(l.margin_top, PT(20)) && near(l.margin_bottom, PT(20)),
	    "margins 3 cm left, 2 cm elsewhere");
	CHECK_STR(s, l.font_family, "Laksaman", "family");
	CHECK_STR(s, l.font_files[FONT_REGULAR], "/usr/share/fonts/truetype/tlwg/Laksaman.ttf",
	    "regular face");
	CHECK_STR(s, l.font_files[FONT_BOLD_ITALIC],
	    "/usr/share/fonts/truetype/tlwg/Laksaman-BoldItalic.ttf", "bold italic face");
	CHECK(s, near(l.font_scale, 0.665), "scale %g", l.font_scale);
	CHECK(s, l.size_body == 16 && l.line_spacing == 1.0, "16 pt body, single spacing");
	CHECK(s, l.thai_numerals && l.cover && l.toc && !l.new_page_per_top_item, "flags");
	static const layout_field want[] = {COL_ITEM, COL_INDICATOR, COL_TARGET, COL_BUDGET,
		COL_PERIOD, COL_RESPONSIBLE};
	CHECK(s, l.ncolumns == 6, "six columns, got %d", l.ncolumns);
	for (int i = 0; i < l.ncolumns && i < 6; i++)
		CHECK(s, l.columns[i].field == want[i] && l.columns[i].title && *l.columns[i].title &&
			     l.columns[i].width > 0,
		    "default column %d", i);
}

static void test_field_names(check_suite *s)
{
	static const char *const names[COL__COUNT] = {"item", "indicator", "target", "budget",
		"period", "responsible", "method", "goal", "objective", "output", "outcome", "note",
		"timeline"};
	for (int f = 0; f < COL__COUNT; f++)
		CHECK(s, layout_field_name((layout_field)f) &&
			     strcmp(layout_field_name((layout_field)f), names[f]) == 0,
		    "field %d is %s", f, names[f]);
	CHECK(s, layout_field_name(COL__COUNT) == NULL, "no name past the last field");
}

static void check_shipped(check_suite *s, const char *name, const layout_field *cols, int n,
    bool landscape)
{
	char path[128];
	snprintf(path, sizeof path, "layouts/%s.json", name);
	arena a = {0};
	diag_sink d = {0};
	layout *l = layout_load(path, &a, &d);
	CHECK(s, l && d.n == 0, "%s loads cleanly (%zu diagnostics, first: %s)", path, d.n,
	    first_message(&d));
	if (l) {
		CHECK_STR(s, l->name, name, "shipped name");
		CHECK(s, l->landscape == landscape, "%s orientation", name);
		CHECK(s, l->thai_numerals, "%s in Thai numerals", name);
		CHECK_STR(s, l->font_family, "Laksaman", name);
		CHECK(s, l->font_files[FONT_BOLD] != NULL, "%s names a bold face", name);
		CHECK(s, l->ncolumns == n, "%s: %d columns, got %d", name, n, l->ncolumns);
		for (int i = 0; i < n && i < l->ncolumns; i++)
			CHECK(s, l->columns[i].field == cols[i], "%s column %d is %s", name, i,
			    layout_field_name(cols[i]));
	}
	diag_sink_free(&d);
	arena_free(&a);
}

static void test_shipped(check_suite *s)
{
	static const layout_field landscape[] = {COL_ITEM, COL_INDICATOR, COL_TARGET, COL_BUDGET,
		COL_PERIOD, COL_RESPONSIBLE};
	static const layout_field timeline[] = {COL_ITEM, COL_INDICATOR, COL_BUDGET, COL_TIMELINE,
		COL_RESPONSIBLE};
	static const layout_field measures[] = {COL_ITEM, COL_METHOD, COL_PERIOD, COL_BUDGET,
		COL_INDICATOR, COL_RESPONSIBLE};
	static const layout_field portrait[] = {COL_ITEM, COL_INDICATOR, COL_TARGET,
		COL_RESPONSIBLE};
	check_shipped(s, "plan-landscape", landscape, 6, true);
	check_shipped(s, "plan-timeline", timeline, 5, true);
	check_shipped(s, "plan-measures", measures, 6, true);
	check_shipped(s, "plan-portrait", portrait, 4, false);

	arena a = {0};
	diag_sink d = {0};
	layout *l = layout_load("layouts/plan-portrait.json", &a, &d);
	CHECK(s, l && near(l->page_width, PT(210)) && near(l->page_height, PT(297)) &&
		     near(l->margin_left, PT(30)) && near(l->margin_right, PT(20)) &&
		     near(l->margin_top, PT(25)) && near(l->margin_bottom, PT(20)),
	    "portrait: A4 upright with official margins");
	diag_sink_free(&d);
	arena_free(&a);
	l = layout_load("layouts/plan-measures.json", &a, &d);
	CHECK(s, l && strcmp(l->columns[0].title, "กิจกรรม/โครงการ/การดำเนินการ") == 0 &&
		     strcmp(l->columns[5].title, "หน่วยงานรับผิดชอบ") == 0,
	    "measures: titles as officials write them");
	diag_sink_free(&d);
	arena_free(&a);
}

static const char full_example[] =
    "{\n"
    "  'name': 'full',\n"
    "  'page': {'size': 'A3', 'orientation': 'landscape',\n"
    "           'margins_mm': {'top': 15, 'bottom': 10, 'left': 25, 'right': 12.5}},\n"
    "  'font': {'family': 'Test',\n"
    "           'files': {'regular': 'fonts/ok.ttf', 'bold': 'fonts/ok.ttf'},\n"
    "           'scale': 0.8},\n"
    "  'sizes_pt': {'body': 15, 'small': 12, 'table': 13, 'h1': 22, 'h2': 19, 'h3': 17, "
    "'title': 30},\n"
    "  'line_spacing': 1.25,\n"
    "  'colours': {'text': '#010203', 'heading': '#1F3864', 'rule': '#808080',\n"
    "              'table_header': '#d9e2f3', 'group': '#eef2f8', 'bar': '#2e75b6',\n"
    "              'link': '#ABCDEF'},\n"
    "  'header': '{agency} {fiscal_year}',\n"
    "  'footer': '',\n"
    "  'numerals': 'arabic',\n"
    "  'cover': false, 'toc': false, 'new_page_per_top_item': true,\n"
    "  'table': {'columns': [\n"
    "      {'field': 'item', 'title': 'กิจกรรม', 'width': 3},\n"
    "      {'field': 'timeline', 'title': 'พ.ศ. ๒๕๖๗', 'width': 6.5},\n"
    "      {'field': 'note'}]}\n"
    "}\n";

static void check_full(check_suite *s, const layout *l, const char *dir)
{
	char font[256];
	snprintf(font, sizeof font, "%s/fonts/ok.ttf", dir);
	CHECK_STR(s, l->name, "full", "name");
	CHECK(s, near(l->page_width, PT(420)) && near(l->page_height, PT(297)), "A3 landscape");
	CHECK(s, near(l->margin_right, PT(12.5)) && near(l->margin_bottom, PT(10)), "margins in pt");
	CHECK_STR(s, l->font_files[FONT_REGULAR], font, "relative font path made absolute");
	CHECK(s, l->font_files[FONT_ITALIC] == NULL, "styles left out of files are not defaulted");
	CHECK(s, near(l->font_scale, 0.8) && l->size_title == 30 && l->line_spacing == 1.25,
	    "numbers");
	CHECK(s, l->colour_text == 0x010203 && l->colour_heading == 0x1f3864 &&
		     l->colour_link == 0xabcdef,
	    "colours");
	CHECK_STR(s, l->header, "{agency} {fiscal_year}", "header");
	CHECK_STR(s, l->footer, "", "an empty footer is allowed");
	CHECK(s, !l->thai_numerals && !l->cover && !l->toc && l->new_page_per_top_item, "flags");
	CHECK(s, l->ncolumns == 3 && l->columns[1].field == COL_TIMELINE &&
		     l->columns[1].width == 6.5,
	    "columns");
	CHECK(s, l->columns[2].field == COL_NOTE && strcmp(l->columns[2].title, "หมายเหตุ") == 0 &&
		     l->columns[2].width > 0,
	    "a column naming its field only gets the field's title and width");
}

static void test_full(check_suite *s, const char *dir)
{
	loaded r = load_text(dir, full_example, strlen(full_example));
	CHECK(s, r.l && r.d.n == 0, "full example loads (first: %s)", first_message(&r.d));
	if (r.l)
		check_full(s, r.l, dir);
	loaded_free(&r);
}

static void test_partial(check_suite *s, const char *dir)
{
	const char *text = "{'page': {'size': 'letter', 'orientation': 'portrait',\n"
			   "          'margins_mm': {'left': 25}}}\n";
	loaded r = load_text(dir, text, strlen(text));
	CHECK(s, r.l && r.d.n == 0, "partial layout loads (first: %s)", first_message(&r.d));
	if (r.l) {
		CHECK(s, near(r.l->page_width, 612) && near(r.l->page_height, 792), "Letter portrait");
		CHECK(s, near(r.l->margin_left, PT(25)) && near(r.l->margin_top, PT(20)),
		    "a margin left out keeps its default");
		CHECK(s, r.l->ncolumns == 6 && r.l->size_body == 16, "other keys keep defaults");
		const char *base = strrchr(r.path, '/') + 1;
		CHECK_STR(s, r.l->name, base, "name defaults to the file name");
		CHECK_STR(s, r.l->path, r.path, "path kept");
	}
	loaded_free(&r);
}

/* A layout given by a relative path still gets absolute font paths. */
static void test_relative_layout_path(check_suite *s, const char *dir)
{
	int here = open(".", O_RDONLY | O_DIRECTORY);
	char cwd[4096];
	if (here < 0 || chdir(dir) != 0 || !getcwd(cwd, sizeof cwd - 32)) {
		CHECK(s, false, "cannot enter %s", dir);
		if (here >= 0)
			close(here);
		return;
	}
	const char *text = "{'font': {'files': {'regular': 'fonts/ok.ttf'}}}";
	bool wrote = write_file("rel.json", text, strlen(text));
	arena a = {0};
	diag_sink d = {0};
	layout *l = wrote ? layout_load("rel.json", &a, &d) : NULL;
	strcat(cwd, "/fonts/ok.ttf");
	CHECK(s, l && strcmp(l->font_files[FONT_REGULAR], cwd) == 0, "font path %s, want %s",
	    l ? l->font_files[FONT_REGULAR] : "(no layout)", cwd);
	CHECK(s, l && strcmp(l->name, "rel") == 0, "name without .json");
	unlink("rel.json");
	diag_sink_free(&d);
	arena_free(&a);
	CHECK(s, fchdir(here) == 0, "back to the starting folder");
	close(here);
}

/* ---- mistakes ------------------------------------------------------------------------ */

typedef struct bad_case {
	const char *name, *text;
	diag_code code;
	int line;
} bad_case;

/* 16 columns; the case adds two more */
#define NOTE_COL "{'field': 'note'}, "
#define COLS16 NOTE_COL NOTE_COL NOTE_COL NOTE_COL NOTE_COL NOTE_COL NOTE_COL NOTE_COL \
	NOTE_COL NOTE_COL NOTE_COL NOTE_COL NOTE_COL NOTE_COL NOTE_COL NOTE_COL

static const bad_case bad_cases[] = {
	/* syntax: jansson's line */
	{"missing comma", "{\n  'name': 'x'\n  'toc': true\n}\n", DIAG_LAYOUT_SYNTAX, 3},
	{"trailing comma", "{\n  'toc': true,\n}\n", DIAG_LAYOUT_SYNTAX, 3},
	{"empty file", "", DIAG_LAYOUT_SYNTAX, 1},
	{"unterminated string", "{\n  'name': 'x\n}\n", DIAG_LAYOUT_SYNTAX, 2},
	{"duplicate key", "{\n  'toc': true,\n  'toc': false\n}\n", DIAG_LAYOUT_SYNTAX, 3},
	{"duplicate nested key", "{\n  'page': {\n    'size': 'A4',\n    'size': 'A3'\n  }\n}\n",
	    DIAG_LAYOUT_SYNTAX, 4},
	{"CRLF syntax error", "{\r\n\r\n  'toc' true\r\n}\r\n", DIAG_LAYOUT_SYNTAX, 3},
	{"top level array", "\n[1]\n", DIAG_LAYOUT_BAD_VALUE, 2},
	/* unknown keys at every depth */
	{"unknown top-level key", "{\n  'name': 'x',\n  'colors': {}\n}\n",
	    DIAG_LAYOUT_UNKNOWN_KEY, 3},
	{"unknown page key", "{\n  'page': {\n    'sizes': 'A4'\n  }\n}\n", DIAG_LAYOUT_UNKNOWN_KEY, 3},
	{"unknown margin", "{'page': {\n  'margins_mm': {\n    'top': 10,\n    'centre': 5}}}\n",
	    DIAG_LAYOUT_UNKNOWN_KEY, 4},
	{"unknown column key", "{'table': {'columns': [\n  {'field': 'item', 'title': 'x'},\n"
			       "  {'field': 'note', 'titel': 'y'}\n]}}\n",
	    DIAG_LAYOUT_UNKNOWN_KEY, 3},
	{"unknown font style", "{'font': {'files': {'regular': 'fonts/ok.ttf',\n  'boldface': 'x'}}}",
	    DIAG_LAYOUT_UNKNOWN_KEY, 2},
	/* colours */
	{"colour name", "{\n  'colours': {\n    'text': '#000000',\n    'heading': 'red'\n  }\n}\n",
	    DIAG_LAYOUT_BAD_VALUE, 4},
	{"colour bad hex", "{\n  'colours': {'rule': '#12345g'}}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"colour short", "{\n  'colours': {'rule': '#fff'}}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"colour number", "{\n  'colours': {'bar': 255}}", DIAG_LAYOUT_BAD_VALUE, 2},
	/* sizes and numbers */
	{"size zero", "{'sizes_pt': {\n  'h1': 20,\n  'body': 0}}", DIAG_LAYOUT_BAD_VALUE, 3},
	{"size too big", "{'sizes_pt': {\n  'title': 250}}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"size as text", "{'sizes_pt': {\n  'body': '16'}}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"scale zero", "{'font': {\n  'scale': 0}}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"scale too big", "{'font': {\n  'scale': 4.5}}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"line spacing low", "{\n'line_spacing': 0.4}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"line spacing null", "{\n'line_spacing': null}", DIAG_LAYOUT_BAD_VALUE, 2},
	/* the page */
	{"negative margin", "{'page': {'margins_mm': {\n  'left': -5}}}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"margins too wide", "{\n  'page': {'orientation': 'portrait',\n"
			     "    'margins_mm': {'left': 100,\n                   'right': 70}}\n}\n",
	    DIAG_LAYOUT_BAD_VALUE, 3},
	{"margins too high", "{'page': {\n  'margins_mm': {'top': 90, 'bottom': 80}}}",
	    DIAG_LAYOUT_BAD_VALUE, 2},
	{"unknown page size", "{'page': {\n  'size': 'B5'}}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"bad orientation", "{'page': {\n  'orientation': 'sideways'}}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"page not an object", "{\n'page': 'A4'}", DIAG_LAYOUT_BAD_VALUE, 2},
	/* columns */
	{"unknown column field", "{'table': {'columns': [\n  {'field': 'budgett'}]}}",
	    DIAG_LAYOUT_BAD_VALUE, 2},
	{"empty title", "{'table': {'columns': [{'field': 'item',\n  'title': ''}]}}",
	    DIAG_LAYOUT_BAD_VALUE, 2},
	{"blank title", "{'table': {'columns': [{'field': 'item',\n  'title': '  '}]}}",
	    DIAG_LAYOUT_BAD_VALUE, 2},
	{"zero width", "{'table': {'columns': [{'field': 'item',\n  'width': 0}]}}",
	    DIAG_LAYOUT_BAD_VALUE, 2},
	{"negative width", "{'table': {'columns': [{'field': 'item',\n  'width': -1}]}}",
	    DIAG_LAYOUT_BAD_VALUE, 2},
	{"too many columns", "{'table': {\n  'columns': [" COLS16 NOTE_COL "{'field': 'item'}]}}",
	    DIAG_LAYOUT_BAD_VALUE, 2},
	{"no columns", "{'table': {\n  'columns': []}}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"columns not an array", "{'table': {\n  'columns': {'field': 'item'}}}",
	    DIAG_LAYOUT_BAD_VALUE, 2},
	{"column not an object", "{'table': {'columns': [\n  {'field': 'item'},\n  7]}}",
	    DIAG_LAYOUT_BAD_VALUE, 3},
	{"column without field", "{'table': {'columns': [\n  {'field': 'item'},\n  {'width': 2}]}}",
	    DIAG_LAYOUT_BAD_VALUE, 3},
	/* fonts */
	{"missing font file", "{'font': {'files': {\n  'regular': '/nonexistent/x.ttf'}}}",
	    DIAG_FONT_MISSING, 2},
	{"missing relative font", "{'font': {'files': {'regular': 'fonts/ok.ttf',\n"
				  "  'italic': 'fonts/none.ttf'}}}",
	    DIAG_FONT_MISSING, 2},
	{"font path is a folder", "{'font': {'files': {\n  'regular': 'fonts'}}}",
	    DIAG_FONT_MISSING, 2},
	{"font file that is no font", "{'font': {'files': {\n  'regular': 'fonts/text.ttf'}}}",
	    DIAG_FONT_NOT_FONT, 2},
	{"font path out of the folder to a text file",
	    "{'font': {'files': {'regular': 'fonts/ok.ttf',\n  'bold': '../../../../../../../etc/passwd'}}}",
	    DIAG_FONT_NOT_FONT, 2},
	{"files without regular", "{'font': {\n  'files': {'bold': 'fonts/ok.ttf'}}}",
	    DIAG_LAYOUT_BAD_VALUE, 2},
	{"empty family", "{'font': {\n  'family': ''}}", DIAG_LAYOUT_BAD_VALUE, 2},
	/* the rest */
	{"bad numerals", "{\n  'numerals': 'roman'}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"boolean as text", "{\n  'cover': 'yes'}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"unknown placeholder", "{\n  'header': '{agency} {date}'}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"unclosed placeholder", "{\n  'footer': 'หน้า {page'}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"empty name", "{\n  'name': ''}", DIAG_LAYOUT_BAD_VALUE, 2},
	/* finding the key's line: never a string value, an earlier object or an escape */
	{"key text inside a value", "{\n  'name': 'toc',\n  'header': '\\'toc\\': 5',\n"
				    "  'toc': 5\n}\n",
	    DIAG_LAYOUT_BAD_VALUE, 4},
	{"same key in an earlier column", "{'table': {'columns': [\n  {'field': 'item', 'width': 2},\n"
					  "  {'field': 'note',\n   'width': 0}\n]}}\n",
	    DIAG_LAYOUT_BAD_VALUE, 4},
	{"same key in another object", "{'sizes_pt': {'title': 20},\n 'table': {'columns': "
				       "[{'field': 'item',\n   'title': ''}]}}\n",
	    DIAG_LAYOUT_BAD_VALUE, 3},
	{"escaped parent key", "{\n  'sizes_p\\u0074': {\n    'body': 0}}\n", DIAG_LAYOUT_BAD_VALUE, 3},
	{"CRLF lines", "{\r\n  'name': 'x',\r\n  'toc': 1\r\n}\r\n", DIAG_LAYOUT_BAD_VALUE, 3},
	{"BOM", "\xEF\xBB\xBF{\n  'toc': 1}", DIAG_LAYOUT_BAD_VALUE, 2},
	{"invalid UTF-8", "{\n  'name': '\xE0\xB8'}", DIAG_UTF8, 2},
};

static void test_bad_cases(check_suite *s, const char *dir)
{
	for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		const bad_case *c = &bad_cases[i];
		loaded r = load_text(dir, c->text, strlen(c->text));
		CHECK(s, r.path != NULL, "%s: cannot write the case", c->name);
		CHECK(s, r.l == NULL, "%s: layout refused", c->name);
		CHECK(s, has_diag(&r.d, c->code, c->line), "%s: expected %s at line %d, got %s at %d: %s",
		    c->name, diag_name(c->code), c->line, r.d.n ? diag_name(r.d.items[0].code) : "-",
		    r.d.n ? r.d.items[0].line : 0, first_message(&r.d));
		CHECK(s, r.d.n == 0 || r.d.items[0].path == r.path, "%s: reported against the file",
		    c->name);
		loaded_free(&r);
	}
}

/* One run reports every problem of a file, each at its own line. */
static void test_every_problem(check_suite *s, const char *dir)
{
	const char *text = "{\n"
			   "  'numerals': 'roman',\n"
			   "  'colours': {'text': 'black'},\n"
			   "  'sizes_pt': {'body': -1, 'h9': 3},\n"
			   "  'table': {'columns': [{'field': 'x'}]}\n"
			   "}\n";
	loaded r = load_text(dir, text, strlen(text));
	CHECK(s, r.l == NULL && r.d.n == 5, "five problems, got %zu", r.d.n);
	CHECK(s, has_diag(&r.d, DIAG_LAYOUT_BAD_VALUE, 2) && has_diag(&r.d, DIAG_LAYOUT_BAD_VALUE, 3) &&
		     has_diag(&r.d, DIAG_LAYOUT_BAD_VALUE, 4) &&
		     has_diag(&r.d, DIAG_LAYOUT_UNKNOWN_KEY, 4) &&
		     has_diag(&r.d, DIAG_LAYOUT_BAD_VALUE, 5),
	    "each at its line");
	loaded_free(&r);
}

/* The messages name what is wrong and what is expected. */
static void test_messages(check_suite *s, const char *dir)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{"{'page': {'sizes': 1}}",
		    "unknown layout key \"page.sizes\" (expected one of: size, orientation, margins_mm)"},
		{"{'table': {'columns': [{'field': 'item'}, {'width': 0, 'field': 'note'}]}}",
		    "layout table.columns[1].width: 0 is out of range: expected more than 0"},
		{"{'font': {'files': {'regular': 'fonts/none.ttf'}}}",
		    "/fonts/none.ttf\" cannot be read: No such file or directory"},
		{"{'colours': {'bar': 'blue'}}", "layout colours.bar: \"blue\" is not a colour"},
		{"{'page': {'orientation': 'portrait', 'margins_mm': {'left': 100, 'right': 70}}}",
		    "left 100 mm and right 70 mm leave 40.0 mm of text width on a page 210 mm wide"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		loaded r = load_text(dir, cases[i].text, strlen(cases[i].text));
		CHECK(s, r.d.n == 1 && strstr(r.d.items[0].message, cases[i].want),
		    "message \"%s\", want \"%s\"", first_message(&r.d), cases[i].want);
		loaded_free(&r);
	}
	arena a = {0};
	diag_sink d = {0};
	CHECK(s, !layout_load("/nonexistent/layout.json", &a, &d) && has_diag(&d, DIAG_IO_READ, 0),
	    "a missing layout file is an I/O error");
	diag_sink_free(&d);
	arena_free(&a);
}

/* A temporary folder with fonts/ok.ttf (layout_load checks only that a font file can
 * be read and begins like a TrueType font, so the four bytes of that signature do) and
 * fonts/text.ttf, which does not. */
static bool make_fixture(char *dir, char *fonts, char *font)
{
	if (!mkdtemp(dir))
		return false;
	sprintf(fonts, "%s/fonts", dir);
	char text[96];
	sprintf(text, "%s/text.ttf", fonts);
	sprintf(font, "%s/ok.ttf", fonts);
	return mkdir(fonts, 0700) == 0 && write_file(font, "\0\1\0\0", 4) &&
	       write_file(text, "root:x:0:0", 10);
}

int main(void)
{
	check_suite s = {0};
	char dir[] = "/tmp/layout-test-XXXXXX", fonts[64], font[80];
	test_defaults(&s);
	test_field_names(&s);
	test_shipped(&s);
	if (make_fixture(dir, fonts, font)) {
		test_full(&s, dir);
		test_partial(&s, dir);
		test_relative_layout_path(&s, dir);
		test_bad_cases(&s, dir);
		test_every_problem(&s, dir);
		test_messages(&s, dir);
	} else {
		CHECK(&s, false, "cannot make a temporary folder");
	}
	unlink(font);
	char text[96];
	sprintf(text, "%s/text.ttf", fonts);
	unlink(text);
	rmdir(fonts);
	rmdir(dir);
	return check_summary(&s, "layout");
}

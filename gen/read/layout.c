/*
 * layout.c — a layout file (layouts/NAME.json) into a layout: every key is checked
 * against a table of rules, and every problem is reported with the line of its key.
 *
 * jansson knows positions only for syntax errors, so the line of a key is found by
 * walking the same text alongside the parsed tree: each node keeps the byte offset of
 * its value, and a key is looked for only among the members of its own object. A plain
 * search for `"width"` would find the first column's width for an error in the third
 * one, or a string value that happens to read like a key.
 */
#include "layout.h"
#include "read/json_pos.h"

#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read/source.h"
#include "util/text.h"

#define MM(x) ((x) * 72.0 / 25.4)
#define TLWG "/usr/share/fonts/truetype/tlwg/"

/* ---- fields and defaults ----------------------------------------------------------- */

/* Each field's name in layout files, and the header and weight a column gets when the
 * layout names the field only: the headers officials use in plan tables. */
static const struct {
	const char *name, *title;
	double width;
} fields[COL__COUNT] = {
	[COL_ITEM] = {"item", "กิจกรรม/โครงการ", 3},
	[COL_INDICATOR] = {"indicator", "ตัวชี้วัด", 3},
	[COL_TARGET] = {"target", "ค่าเป้าหมาย", 1.5},
	[COL_BUDGET] = {"budget", "งบประมาณ (บาท)", 1.3},
	[COL_PERIOD] = {"period", "ระยะเวลาดำเนินการ", 1.6},
	[COL_RESPONSIBLE] = {"responsible", "ผู้รับผิดชอบ", 1.8},
	[COL_METHOD] = {"method", "วิธีการ", 3},
	[COL_GOAL] = {"goal", "เป้าหมาย", 2},
	[COL_OBJECTIVE] = {"objective", "วัตถุประสงค์", 2.5},
	[COL_OUTPUT] = {"output", "ผลผลิต", 2},
	[COL_OUTCOME] = {"outcome", "ผลลัพธ์", 2},
	[COL_NOTE] = {"note", "หมายเหตุ", 1.5},
	[COL_TIMELINE] = {"timeline", "ระยะเวลาดำเนินการ", 6},
};

const char *layout_field_name(layout_field f)
{
	return (unsigned)f < COL__COUNT ? fields[f].name : NULL;
}

static layout_column default_column(layout_field f)
{
	return (layout_column){f, fields[f].title, fields[f].width};
}

void layout_defaults(layout *l)
{
	*l = (layout){
		.name = "default",
		.page_width = MM(297), .page_height = MM(210), .landscape = true,
		.margin_top = MM(20), .margin_bottom = MM(20),
		.margin_left = MM(30), .margin_right = MM(20),
		.font_family = "Laksaman",
		.font_files = {
			[FONT_REGULAR] = TLWG "Laksaman.ttf",
			[FONT_BOLD] = TLWG "Laksaman-Bold.ttf",
			[FONT_ITALIC] = TLWG "Laksaman-Italic.ttf",
			[FONT_BOLD_ITALIC] = TLWG "Laksaman-BoldItalic.ttf",
		},
		.font_scale = 10.64 / 16,
		.size_body = 16, .size_small = 14, .size_table = 14,
		.size_h1 = 20, .size_h2 = 18, .size_h3 = 16, .size_title = 26,
		.line_spacing = 1.0,
		.colour_text = 0x000000, .colour_heading = 0x1f3864, .colour_rule = 0x808080,
		.colour_table_header = 0xd9e2f3, .colour_group = 0xeef2f8,
		.colour_bar = 0x2e75b6, .colour_link = 0x1f4e9a,
		.header = "{agency}",
		.footer = "{title} — หน้า {page}/{pages}",
		.thai_numerals = true, .cover = true, .toc = true,
	};
	static const layout_field cols[] = {COL_ITEM, COL_INDICATOR, COL_TARGET, COL_BUDGET,
		COL_PERIOD, COL_RESPONSIBLE};
	for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
		l->columns[i] = default_column(cols[i]);
	l->ncolumns = (int)(sizeof cols / sizeof *cols);
}

/* ---- the walk ------------------------------------------------------------------------ */

typedef struct ctx {
	const char *path;        /* as the caller gave it: the diagnostics point at it */
	const source_text *src;  /* the text jansson parsed, for the lines of keys */
	const char *dir;         /* the layout's folder, for relative font paths */
	arena *a;
	diag_sink *d;
	int errors;
	double paper_w, paper_h; /* points, portrait: orientation is applied at the end */
	int column_line[LAYOUT_MAX_COLUMNS]; /* where each column was written */
} ctx;

/* One value of the tree with where it was written. */
typedef struct node {
	json_t *v;        /* NULL when the key is absent */
	const char *name; /* dotted path for messages: "page.margins_mm.top" */
	size_t at;        /* offset of the value in the text; SIZE_MAX when not found */
	int line;         /* line of the key (or array element) that holds the value */
} node;

/* The member key (value v) of parent. A key that cannot be found in the text keeps
 * the parent's line, which is still near the problem (and is line 1 at the top). */
static node member_of(ctx *c, node parent, const char *key, json_t *v)
{
	node n = {v, NULL, SIZE_MAX, parent.line};
	n.name = *parent.name ? arena_printf(c->a, "%s.%s", parent.name, key)
			      : arena_strdup(c->a, key);
	size_t key_at, value_at;
	if (v && parent.at != SIZE_MAX &&
	    json_pos_member(c->src, parent.at, key, &key_at, &value_at)) {
		n.at = value_at;
		n.line = json_pos_line(c->src, key_at);
	}
	return n;
}

static node member(ctx *c, node parent, const char *key)
{
	return member_of(c, parent, key, json_object_get(parent.v, key));
}

static node element(ctx *c, node parent, size_t index)
{
	node n = {json_array_get(parent.v, index), NULL, SIZE_MAX, parent.line};
	n.name = arena_printf(c->a, "%s[%zu]", parent.name, index);
	size_t value_at;
	if (n.v && parent.at != SIZE_MAX &&
	    json_pos_element(c->src, parent.at, index, &value_at)) {
		n.at = value_at;
		n.line = json_pos_line(c->src, value_at);
	}
	return n;
}

static void bad_value(ctx *c, node n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void bad_value(ctx *c, node n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_report(c->d, c->path, n.line, 0, DIAG_LAYOUT_BAD_VALUE, n.name, msg);
	c->errors++;
}

static const char *type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "true or false";
	case JSON_NULL: return "null";
	}
	return "an unknown value";
}

/* Reports a value of the wrong JSON type; returns ok. */
static bool expect(ctx *c, node n, bool ok, const char *what)
{
	if (!ok)
		bad_value(c, n, "expected %s, found %s", what, type_name(n.v));
	return ok;
}

/* ---- rules --------------------------------------------------------------------------- */

typedef enum rule_kind {
	R_OBJECT,   /* nested keys: members */
	R_NUMBER,   /* double, in [min, max] (or (min, max]) */
	R_MM,       /* like R_NUMBER, written in mm, kept in points */
	R_TEXT,     /* non-blank string */
	R_TEMPLATE, /* string with {placeholders}; may be empty (no running text) */
	R_BOOL,
	R_COLOUR,   /* "#rrggbb" into uint32_t */
	R_FONT,     /* path of a readable file, made absolute */
	R_CUSTOM,   /* custom() does it all */
} rule_kind;

typedef struct rule rule;
typedef void custom_fn(ctx *c, node n, void *target);

/* One key of an object: what it holds and where the value goes (off is an offset into
 * the struct being filled: the layout, or one of its columns). */
struct rule {
	const char *key; /* NULL ends a table */
	rule_kind kind;
	size_t off;
	double min, max;
	bool min_open;   /* min itself is not allowed */
	const rule *members;
	custom_fn *custom;
};

#define OBJ(k, m) {.key = k, .kind = R_OBJECT, .members = m}
#define NUM(k, T, f, lo, hi, open) \
	{.key = k, .kind = R_NUMBER, .off = offsetof(T, f), .min = lo, .max = hi, .min_open = open}
#define MARGIN(k, f) {.key = k, .kind = R_MM, .off = offsetof(layout, f), .max = DBL_MAX}
#define SIZE(k, f) NUM(k, layout, f, 0, 200, true)
#define TEXT(k, T, f) {.key = k, .kind = R_TEXT, .off = offsetof(T, f)}
#define TEMPLATE(k, f) {.key = k, .kind = R_TEMPLATE, .off = offsetof(layout, f)}
#define BOOL(k, f) {.key = k, .kind = R_BOOL, .off = offsetof(layout, f)}
#define COLOUR(k, f) {.key = k, .kind = R_COLOUR, .off = offsetof(layout, f)}
#define FONT(k, s) \
	{.key = k, .kind = R_FONT, .off = offsetof(layout, font_files) + (s) * sizeof(const char *)}
#define CUSTOM(k, fn) {.key = k, .kind = R_CUSTOM, .custom = fn}
#define END {.key = NULL}

static bool walk_object(ctx *c, node obj, const rule *rules, void *target);

static const rule *find_rule(const rule *rules, const char *key)
{
	for (const rule *r = rules; r->key; r++)
		if (strcmp(r->key, key) == 0)
			return r;
	return NULL;
}

static void unknown_key(ctx *c, node n, const rule *rules)
{
	const char *list = "";
	for (const rule *r = rules; r->key; r++)
		list = arena_printf(c->a, "%s%s%s", list, *list ? ", " : "", r->key);
	diag_report(c->d, c->path, n.line, 0, DIAG_LAYOUT_UNKNOWN_KEY, n.name, list);
	c->errors++;
}

static void apply_number(ctx *c, const rule *r, node n, double *out)
{
	if (!expect(c, n, json_is_number(n.v), "a number"))
		return;
	double x = json_number_value(n.v);
	bool low_ok = r->min_open ? x > r->min : x >= r->min;
	if (low_ok && x <= r->max) {
		*out = r->kind == R_MM ? MM(x) : x;
		return;
	}
	const char *low = r->min_open ? "more than" : "at least";
	if (r->max == DBL_MAX)
		bad_value(c, n, "%g is out of range: expected %s %g", x, low, r->min);
	else
		bad_value(c, n, "%g is out of range: expected %s %g and at most %g", x, low, r->min,
		    r->max);
}

static bool is_placeholder(const char *s, size_t n)
{
	static const char *const names[] = {"title", "agency", "fiscal_year", "page", "pages"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
			return true;
	return false;
}

/* A misspelt placeholder would be printed as it stands on every page: refuse it here. */
static bool check_template(ctx *c, node n, const char *s)
{
	for (const char *open = strchr(s, '{'); open; open = strchr(open + 1, '{')) {
		const char *close = strchr(open, '}');
		if (!close) {
			bad_value(c, n, "\"{\" without a closing \"}\" in \"%s\"", s);
			return false;
		}
		if (!is_placeholder(open + 1, (size_t)(close - open - 1))) {
			bad_value(c, n, "unknown placeholder \"%.*s\" (expected {title}, {agency}, "
					"{fiscal_year}, {page} or {pages})",
			    (int)(close - open + 1), open);
			return false;
		}
		open = close;
	}
	return true;
}

static void apply_text(ctx *c, const rule *r, node n, const char **out)
{
	if (!expect(c, n, json_is_string(n.v), "a string"))
		return;
	const char *s = json_string_value(n.v);
	size_t start, len;
	text_trim_span(s, strlen(s), &start, &len);
	if (r->kind == R_TEXT && len == 0) {
		bad_value(c, n, "must not be empty");
		return;
	}
	if (strlen(s) > 1000) { /* a name, a column title, a running header: one line */
		bad_value(c, n, "%zu bytes: at most 1000", strlen(s));
		return;
	}
	if (r->kind == R_TEMPLATE && !check_template(c, n, s))
		return;
	*out = arena_strdup(c->a, s);
}

static int hex_digit(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

static void apply_colour(ctx *c, node n, uint32_t *out)
{
	if (!expect(c, n, json_is_string(n.v), "a colour \"#rrggbb\""))
		return;
	const char *s = json_string_value(n.v);
	uint32_t rgb = 0;
	bool ok = strlen(s) == 7 && s[0] == '#';
	for (int i = 1; ok && i < 7; i++) {
		int h = hex_digit(s[i]);
		ok = h >= 0;
		rgb = rgb << 4 | (uint32_t)(h & 0xF);
	}
	if (ok)
		*out = rgb;
	else
		bad_value(c, n, "\"%s\" is not a colour: expected #rrggbb (six hex digits)", s);
}

/* 0 when path is a regular file that can be opened for reading, else an errno value. */
static int unreadable(const char *path)
{
	/* O_NONBLOCK: a FIFO under that name must not hang the check */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return errno;
	struct stat st;
	int err = 0;
	if (fstat(fd, &st) != 0)
		err = errno;
	else if (S_ISDIR(st.st_mode))
		err = EISDIR;
	else if (!S_ISREG(st.st_mode))
		err = EINVAL;
	close(fd);
	return err;
}

/* Does the file begin like a TrueType, OpenType or collection font? Anything else (a
 * text file reached through "../../etc/passwd", an empty file) would only fail later,
 * when the PDF is drawn, far from the line that named it. */
static bool is_font_file(const char *path)
{
	unsigned char magic[4] = {0};
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t got = read(fd, magic, sizeof magic);
	close(fd);
	return got == 4 && (memcmp(magic, "\x00\x01\x00\x00", 4) == 0 ||
			       memcmp(magic, "OTTO", 4) == 0 || memcmp(magic, "true", 4) == 0 ||
			       memcmp(magic, "ttcf", 4) == 0);
}

static void apply_font(ctx *c, node n, const char **out)
{
	if (!expect(c, n, json_is_string(n.v), "a file path"))
		return;
	const char *given = json_string_value(n.v);
	if (!*given) {
		bad_value(c, n, "must not be empty: expected the path of a font file");
		return;
	}
	size_t dl = strlen(c->dir);
	const char *sep = dl && c->dir[dl - 1] == '/' ? "" : "/";
	const char *path = given[0] == '/' ? arena_strdup(c->a, given)
					   : arena_printf(c->a, "%s%s%s", c->dir, sep, given);
	int err = unreadable(path);
	if (err) {
		diag_report(c->d, c->path, n.line, 0, DIAG_FONT_MISSING, path, strerror(err));
		c->errors++;
		return;
	}
	if (!is_font_file(path)) {
		diag_report(c->d, c->path, n.line, 0, DIAG_FONT_NOT_FONT, path);
		c->errors++;
		return;
	}
	*out = path;
}

static void apply(ctx *c, const rule *r, node n, void *target)
{
	void *field = (char *)target + r->off;
	switch (r->kind) {
	case R_OBJECT: walk_object(c, n, r->members, target); break;
	case R_NUMBER:
	case R_MM: apply_number(c, r, n, field); break;
	case R_TEXT:
	case R_TEMPLATE: apply_text(c, r, n, field); break;
	case R_BOOL:
		if (expect(c, n, json_is_boolean(n.v), "true or false"))
			*(bool *)field = json_is_true(n.v);
		break;
	case R_COLOUR: apply_colour(c, n, field); break;
	case R_FONT: apply_font(c, n, field); break;
	case R_CUSTOM: r->custom(c, n, target); break;
	}
}

/* Applies every member of obj by its rule; a key without a rule is an error (a typo in
 * a layout would otherwise be silently ignored). False when obj is no object. */
static bool walk_object(ctx *c, node obj, const rule *rules, void *target)
{
	if (!expect(c, obj, json_is_object(obj.v), "an object"))
		return false;
	const char *key;
	json_t *v;
	json_object_foreach(obj.v, key, v) {
		node n = member_of(c, obj, key, v);
		const rule *r = find_rule(rules, key);
		if (r)
			apply(c, r, n, target);
		else
			unknown_key(c, n, rules);
	}
	return true;
}

/* ---- the keys with their own logic --------------------------------------------------- */

static void apply_page_size(ctx *c, node n, void *target)
{
	static const struct {
		const char *name;
		double w, h;
	} paper[] = {{"A4", MM(210), MM(297)}, {"A3", MM(297), MM(420)}, {"Letter", 612, 792}};
	(void)target;
	if (!expect(c, n, json_is_string(n.v), "a page size"))
		return;
	const char *s = json_string_value(n.v);
	for (size_t i = 0; i < sizeof paper / sizeof *paper; i++) {
		if (strcasecmp(s, paper[i].name) == 0) {
			c->paper_w = paper[i].w;
			c->paper_h = paper[i].h;
			return;
		}
	}
	bad_value(c, n, "\"%s\" is not a page size (expected A4, A3 or Letter)", s);
}

/* Sets *out from a string that must be one of two words. */
static void apply_choice(ctx *c, node n, const char *yes, const char *no, bool *out)
{
	if (!expect(c, n, json_is_string(n.v), "a string"))
		return;
	const char *s = json_string_value(n.v);
	if (strcmp(s, yes) == 0 || strcmp(s, no) == 0)
		*out = strcmp(s, yes) == 0;
	else
		bad_value(c, n, "\"%s\": expected \"%s\" or \"%s\"", s, yes, no);
}

static void apply_orientation(ctx *c, node n, void *target)
{
	apply_choice(c, n, "landscape", "portrait", &((layout *)target)->landscape);
}

static void apply_numerals(ctx *c, node n, void *target)
{
	apply_choice(c, n, "thai", "arabic", &((layout *)target)->thai_numerals);
}

static const char *field_list(ctx *c)
{
	const char *list = "";
	for (int f = 0; f < COL__COUNT; f++)
		list = arena_printf(c->a, "%s%s%s", list, *list ? ", " : "", fields[f].name);
	return list;
}

static void apply_column_field(ctx *c, node n, void *target)
{
	if (!expect(c, n, json_is_string(n.v), "a field name"))
		return;
	const char *s = json_string_value(n.v);
	for (int f = 0; f < COL__COUNT; f++) {
		if (strcmp(s, fields[f].name) == 0) {
			((layout_column *)target)->field = (layout_field)f;
			return;
		}
	}
	bad_value(c, n, "\"%s\" is not a column field (expected one of: %s)", s, field_list(c));
}

static const rule column_rules[] = {
	CUSTOM("field", apply_column_field),
	TEXT("title", layout_column, title),
	NUM("width", layout_column, width, 0, 1000, true), /* relative: 1e308 would add up to inf */
	END,
};

/* One column: its field is required; title and width default to the field's. */
static void read_column(ctx *c, node n, layout_column *col)
{
	*col = (layout_column){.field = COL__COUNT, .title = NULL, .width = -1};
	if (!walk_object(c, n, column_rules, col))
		return;
	if (!json_object_get(n.v, "field")) {
		bad_value(c, n, "a column needs a \"field\" (one of: %s)", field_list(c));
		return;
	}
	if (col->field == COL__COUNT)
		return; /* a bad field, reported */
	if (!col->title)
		col->title = fields[col->field].title;
	if (col->width < 0)
		col->width = fields[col->field].width;
}

static void apply_columns(ctx *c, node n, void *target)
{
	layout *l = target;
	if (!expect(c, n, json_is_array(n.v), "an array of columns"))
		return;
	size_t count = json_array_size(n.v);
	if (count == 0 || count > LAYOUT_MAX_COLUMNS)
		bad_value(c, n, "%zu columns: expected 1 to %d", count, LAYOUT_MAX_COLUMNS);
	/* columns past the limit are still checked, so that one run shows every mistake */
	layout_column spare;
	for (size_t i = 0; i < count; i++) {
		node col = element(c, n, i);
		if (i < LAYOUT_MAX_COLUMNS)
			c->column_line[i] = col.line;
		read_column(c, col, i < LAYOUT_MAX_COLUMNS ? &l->columns[i] : &spare);
	}
	l->ncolumns = count < LAYOUT_MAX_COLUMNS ? (int)count : LAYOUT_MAX_COLUMNS;
}

static const rule font_file_rules[] = {
	FONT("regular", FONT_REGULAR),
	FONT("bold", FONT_BOLD),
	FONT("italic", FONT_ITALIC),
	FONT("bold_italic", FONT_BOLD_ITALIC),
	END,
};

static void apply_font_files(ctx *c, node n, void *target)
{
	layout *l = target;
	/* the set given replaces the default set whole: a style it leaves out is drawn from
	 * the regular face, never from the default family's file */
	for (int s = 0; s < FONT__STYLES; s++)
		l->font_files[s] = NULL;
	if (walk_object(c, n, font_file_rules, l) && !json_object_get(n.v, "regular"))
		bad_value(c, n, "\"regular\" is required when files are given");
}

static const rule margin_rules[] = {
	MARGIN("top", margin_top),
	MARGIN("bottom", margin_bottom),
	MARGIN("left", margin_left),
	MARGIN("right", margin_right),
	END,
};

static const rule page_rules[] = {
	CUSTOM("size", apply_page_size),
	CUSTOM("orientation", apply_orientation),
	OBJ("margins_mm", margin_rules),
	END,
};

static const rule font_rules[] = {
	TEXT("family", layout, font_family),
	CUSTOM("files", apply_font_files),
	NUM("scale", layout, font_scale, 0, 4, true),
	END,
};

static const rule size_rules[] = {
	SIZE("body", size_body),
	SIZE("small", size_small),
	SIZE("table", size_table),
	SIZE("h1", size_h1),
	SIZE("h2", size_h2),
	SIZE("h3", size_h3),
	SIZE("title", size_title),
	END,
};

static const rule colour_rules[] = {
	COLOUR("text", colour_text),
	COLOUR("heading", colour_heading),
	COLOUR("rule", colour_rule),
	COLOUR("table_header", colour_table_header),
	COLOUR("group", colour_group),
	COLOUR("bar", colour_bar),
	COLOUR("link", colour_link),
	END,
};

static const rule table_rules[] = {
	CUSTOM("columns", apply_columns),
	END,
};

static const rule root_rules[] = {
	TEXT("name", layout, name),
	OBJ("page", page_rules),
	OBJ("font", font_rules),
	OBJ("sizes_pt", size_rules),
	NUM("line_spacing", layout, line_spacing, 0.5, 3, false),
	OBJ("colours", colour_rules),
	TEMPLATE("header", header),
	TEMPLATE("footer", footer),
	CUSTOM("numerals", apply_numerals),
	BOOL("cover", cover),
	BOOL("toc", toc),
	BOOL("new_page_per_top_item", new_page_per_top_item),
	OBJ("table", table_rules),
	END,
};

/* ---- the page as a whole ------------------------------------------------------------- */

/* Margins that leave less than 50 mm of text would make every table unreadable. */
static void check_room(ctx *c, node at, const char *dim, double page, const char *a_name,
    double a, const char *b_name, double b)
{
	double room = page - a - b;
	if (room >= MM(50) - 1e-9)
		return;
	double k = 25.4 / 72; /* points back to mm */
	bad_value(c, at, "%s %g mm and %s %g mm leave %.1f mm of text %s on a page %.0f mm %s; "
			 "at least 50 mm are needed",
	    a_name, a * k, b_name, b * k, room * k, dim, page * k,
	    strcmp(dim, "width") == 0 ? "wide" : "high");
}

/* Orientation and margins meet only once the whole file is read (either may come
 * first, or be left to the defaults). */
static void finish_page(ctx *c, node root, layout *l)
{
	l->page_width = l->landscape ? c->paper_h : c->paper_w;
	l->page_height = l->landscape ? c->paper_w : c->paper_h;
	node page = member(c, root, "page");
	node margins = member(c, page, "margins_mm");
	node at = margins.v ? margins : page.v ? page : root;
	at.name = "page.margins_mm";
	check_room(c, at, "width", l->page_width, "left", l->margin_left, "right", l->margin_right);
	check_room(c, at, "height", l->page_height, "top", l->margin_top, "bottom", l->margin_bottom);
}

/* The folder of the layout file, absolute when the current folder is known, so that
 * font paths given relative to it come out absolute. */
static const char *layout_dir(arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == path)
		return "/";
	const char *dir = slash ? arena_strndup(a, path, (size_t)(slash - path)) : ".";
	if (dir[0] == '/')
		return dir;
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		return dir; /* still right relative to the current folder */
	return strcmp(dir, ".") == 0 ? arena_strdup(a, cwd) : arena_printf(a, "%s/%s", cwd, dir);
}

/* The name a layout has when it does not state one: its file name without .json. */
static const char *name_from_path(arena *a, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".json") == 0)
		n -= 5;
	return arena_strndup(a, base, n);
}

/* Each column gets its share of the text width by weight: a share under 5 mm holds no
 * readable text (weights 100 and 0.001), so it is refused here, not drawn. */
static void check_columns(ctx *c, const layout *l)
{
	double sum = 0, text = l->page_width - l->margin_left - l->margin_right;
	for (int i = 0; i < l->ncolumns; i++)
		sum += l->columns[i].width > 0 ? l->columns[i].width : 0;
	for (int i = 0; i < l->ncolumns && sum > 0 && text > 0; i++) {
		double mm = text * l->columns[i].width / sum * 25.4 / 72;
		if (l->columns[i].width > 0 && mm < 5) {
			node at = {NULL, arena_printf(c->a, "table.columns[%d].width", i), SIZE_MAX,
				c->column_line[i] ? c->column_line[i] : 1};
			bad_value(c, at, "%g of %g gives the column %.1f mm of the %.0f mm text width; "
					 "at least 5 mm are needed",
			    l->columns[i].width, sum, mm, text * 25.4 / 72);
		}
	}
}

static void read_root(ctx *c, json_t *root, layout *l)
{
	size_t at = json_pos_root(c->src);
	node n = {root, "", at, json_pos_line(c->src, at)};
	if (!json_is_object(root)) {
		diag_report(c->d, c->path, n.line, 0, DIAG_LAYOUT_BAD_VALUE, "file",
		    json_is_array(root) ? "expected an object {…} at the top, found an array"
					: "expected an object {…} at the top");
		c->errors++;
		return;
	}
	walk_object(c, n, root_rules, l);
	finish_page(c, n, l);
	if (!c->errors)
		check_columns(c, l);
}

static layout *layout_from_source(const char *path, source_text src, arena *a, diag_sink *d);

layout *layout_load(const char *path, arena *a, diag_sink *d)
{
	source_text src; /* BOM dropped, line ends made LF: jansson's lines are its lines */
	if (!source_load(path, &src, d))
		return NULL;
	return layout_from_source(path, src, a, d);
}

layout *layout_load_memory(const char *path, const char *data, size_t len, arena *a,
    diag_sink *d)
{
	source_text src;
	if (!source_from_memory(path, data, len, &src, d))
		return NULL;
	return layout_from_source(path, src, a, d);
}

/* Takes src over (and frees it). */
static layout *layout_from_source(const char *path, source_text src, arena *a, diag_sink *d)
{
	json_error_t err;
	json_t *root = json_loadb(src.text, src.len, JSON_REJECT_DUPLICATES, &err);
	if (!root) {
		diag_report(d, path, err.line > 0 ? err.line : 1, err.column > 0 ? err.column : 0,
		    DIAG_LAYOUT_SYNTAX, err.text);
		source_free(&src);
		return NULL;
	}
	layout *l = arena_alloc(a, sizeof *l);
	layout_defaults(l);
	l->path = arena_strdup(a, path);
	l->name = name_from_path(a, path);
	ctx c = {.path = path, .src = &src, .dir = layout_dir(a, path), .a = a, .d = d};
	c.paper_w = l->page_width < l->page_height ? l->page_width : l->page_height;
	c.paper_h = l->page_width < l->page_height ? l->page_height : l->page_width;
	read_root(&c, root, l);
	json_decref(root);
	source_free(&src);
	return c.errors ? NULL : l;
}

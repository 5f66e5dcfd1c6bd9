/*
 * plan_md.c — the Markdown body of a plan, read through libcmark-gfm's syntax tree.
 *
 * Top-level headings shallower than the plan's level_depth open prose chapters; deeper
 * ones are plan items. Under an item, bullet lists of `field: value` entries are its
 * fields and everything else is its prose. Prose is kept as the Markdown it was written
 * in, sliced out of the source by the nodes' source positions, so nothing is lost to a
 * re-rendering.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "read/reader.h"
#include "util/buf.h"
#include "util/text.h"

typedef struct body_reader {
	const source_text *src;
	size_t line0;                       /* file line of cmark's line 1, minus one */
	plan *p;
	diag_sink *d;
	item *stack[MODEL_MAX_LEVELS];      /* the open item at each level */
	item *current;                      /* the item that receives blocks, or NULL */
	chapter *chapter;                   /* the chapter that receives blocks, or NULL */
	/* prose is gathered here and copied into the arena once per item or chapter:
	 * appending block by block in the arena would copy it again for every block */
	buf prose;
	const char **prose_slot;
	/* the file line where each slot's Markdown begins (its first block), so that the
	 * rich text's block lines are file lines */
	struct slot_start {
		const char **slot;
		int line;
	} *starts;
	size_t nstarts, capstarts;
} body_reader;

static void note_start(body_reader *r, const char **slot, int line)
{
	for (size_t i = 0; i < r->nstarts; i++)
		if (r->starts[i].slot == slot)
			return;
	if (r->nstarts == r->capstarts) {
		r->capstarts = r->capstarts ? 2 * r->capstarts : 64;
		r->starts = realloc(r->starts, r->capstarts * sizeof *r->starts);
		if (!r->starts)
			abort();
	}
	r->starts[r->nstarts++] = (struct slot_start){slot, line};
}

static int start_of(const body_reader *r, const char **slot, int fallback)
{
	for (size_t i = 0; i < r->nstarts; i++)
		if (r->starts[i].slot == slot)
			return r->starts[i].line;
	return fallback;
}

static int file_line(const body_reader *r, cmark_node *n)
{
	return cmark_node_get_start_line(n) + (int)r->line0;
}

/* Deepest nesting of Markdown nodes a plan may have (lists in lists, quotes, emphasis):
 * far beyond any real document, and what the rich-text builder (markdown.c) keeps. */
enum { MAX_DEPTH = 64 };

/* The text of inline content without markup: what a reader sees. Nodes deeper than
 * MAX_DEPTH are left out; check_depth reports them. */
static void plain_text(cmark_node *n, buf *out, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE: buf_puts(out, cmark_node_get_literal(c)); break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK: buf_putc(out, ' '); break;
		default: plain_text(c, out, depth + 1); break;
		}
	}
}

/* Longest text of one paragraph, heading, code block or table row: what one PDF text
 * layout holds. Far beyond any real paragraph; pango loses text in a layout of about
 * 600 KB, and is slow long before. */
enum { MAX_BLOCK_KB = 64 };

/* Bytes of source the node spans, from its start column to its end column (so that the
 * markers of the lists and quotes around it do not count). */
static size_t node_bytes(body_reader *r, cmark_node *n)
{
	size_t bytes = 0;
	int first = cmark_node_get_start_line(n) + (int)r->line0;
	int last = cmark_node_get_end_line(n) + (int)r->line0;
	for (int l = first; l <= last && l >= 1 && (size_t)l <= r->src->nlines; l++)
		bytes += r->src->line_len[l - 1] + 1;
	size_t before = (size_t)(cmark_node_get_start_column(n) > 1 ? cmark_node_get_start_column(n) - 1 : 0);
	if (first == last && cmark_node_get_end_column(n) >= cmark_node_get_start_column(n))
		return (size_t)(cmark_node_get_end_column(n) - cmark_node_get_start_column(n) + 1);
	return bytes > before ? bytes - before : 0;
}

static void check_size(body_reader *r, cmark_node *n)
{
	const char *what = NULL;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH: what = "a paragraph"; break;
	case CMARK_NODE_HEADING: what = "a heading"; break;
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK: what = "a code block"; break;
	default:
		if (!strcmp(cmark_node_get_type_string(n), "table_row"))
			what = "a table row";
		break;
	}
	size_t bytes = what ? node_bytes(r, n) : 0;
	if (bytes > (size_t)MAX_BLOCK_KB * 1024)
		diag_report(r->d, r->p->path, file_line(r, n), 0, DIAG_TEXT_TOO_LONG, what,
		    (int)(bytes / 1024), MAX_BLOCK_KB);
}

/* Reports each top-level block that nests deeper than MAX_DEPTH (100 000 `>` or `- `
 * in a row), at the line where it goes too deep, and each paragraph, heading, code block
 * or table row longer than MAX_BLOCK_KB. Iterative: no recursion to exhaust. */
static void check_depth(body_reader *r, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int depth = 0;
	cmark_node *reported = NULL; /* the top-level block already reported */
	cmark_node *top = NULL;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_EXIT) {
			depth--;
			continue;
		}
		check_size(r, n);
		switch (cmark_node_get_type(n)) { /* leaves: entered, never exited */
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_THEMATIC_BREAK:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_TEXT:
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE: continue;
		default: break;
		}
		depth++;
		if (depth == 2)
			top = n;
		if (depth > MAX_DEPTH + 1 && top != reported) {
			int line = cmark_node_get_start_line(n);
			diag_report(r->d, r->p->path, (line > 0 ? line : cmark_node_get_start_line(top)) +
			    (int)r->line0, 0, DIAG_NESTING, MAX_DEPTH);
			reported = top;
		}
	}
	cmark_iter_free(it);
}

static char *node_text(body_reader *r, cmark_node *n)
{
	buf b = {0};
	plain_text(n, &b, 0);
	size_t s, len;
	text_trim_span(b.data ? b.data : "", b.len, &s, &len);
	char *t = arena_strndup(&r->p->mem, b.data ? b.data + s : "", len);
	buf_free(&b);
	return t;
}

/* Appends source lines first..last (1-based, inclusive) to b, each with up to `dedent`
 * leading spaces removed, joined with LF. */
static void put_lines(body_reader *r, buf *b, int first, int last, size_t dedent)
{
	for (int l = first; l <= last && l >= 1 && (size_t)l <= r->src->nlines; l++) {
		const char *s = r->src->line[l - 1];
		size_t len = r->src->line_len[l - 1], k = 0;
		while (k < dedent && k < len && s[k] == ' ')
			k++;
		if (l > first)
			buf_putc(b, '\n');
		buf_put(b, s + k, len - k);
	}
}

static char *slice_lines(body_reader *r, int first, int last, size_t dedent)
{
	buf b = {0};
	put_lines(r, &b, first, last, dedent);
	char *t = arena_strndup(&r->p->mem, b.data ? b.data : "", b.len);
	buf_free(&b);
	return t;
}

static const char *append_markdown(body_reader *r, const char *old, const char *more)
{
	if (!old || !*old)
		return more;
	return arena_printf(&r->p->mem, "%s\n\n%s", old, more);
}

static void prose_flush(body_reader *r)
{
	if (r->prose_slot && r->prose.len)
		*r->prose_slot = append_markdown(r, *r->prose_slot,
		    arena_strndup(&r->p->mem, r->prose.data, r->prose.len));
	r->prose.len = 0;
	r->prose_slot = NULL;
}

/* A block of prose for *slot: its Markdown exactly as written in the source. */
static void prose_add(body_reader *r, const char **slot, cmark_node *n)
{
	if (slot != r->prose_slot) {
		prose_flush(r);
		r->prose_slot = slot;
	}
	note_start(r, slot, file_line(r, n));
	if (r->prose.len)
		buf_puts(&r->prose, "\n\n");
	int first = file_line(r, n), last = cmark_node_get_end_line(n) + (int)r->line0;
	if (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK) {
		/* cmark ends an HTML block that closes on its own line (`<!-- … -->`) one line
		 * early; its literal has all of its lines */
		const char *lit = cmark_node_get_literal(n);
		last = first - 1;
		for (const char *c = lit ? lit : ""; *c; c++)
			last += *c == '\n' || !c[1];
	}
	put_lines(r, &r->prose, first, last, 0);
}

/* ---- headings -------------------------------------------------------------------- */

static size_t skip_spaces(const char *s)
{
	size_t i = 0;
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	return i;
}

/* Length of a number `๑.๒`, `1.`, `(๑)`, `๓)` at s followed by a space, `:` or the
 * end; 0 if none. The digits of the last component go to last (Arabic, NUL-ended). */
static size_t heading_number(const char *s, char last[16])
{
	size_t i = 0, dl;
	bool paren = s[0] == '(';
	if (paren)
		i++;
	size_t ncomp = 0;
	for (;;) {
		size_t k = 0;
		while (thai_digit_at(s + i, &dl) >= 0) {
			if (k < 15)
				last[k++] = (char)('0' + thai_digit_at(s + i, &dl));
			i += dl;
		}
		if (k == 0)
			break;
		last[k] = '\0';
		ncomp++;
		if (s[i] == '.' && thai_digit_at(s + i + 1, &dl) >= 0)
			i++;
		else
			break;
	}
	if (ncomp == 0)
		return 0;
	if (paren) {
		if (s[i] != ')')
			return 0;
		i++;
	} else if (s[i] == '.' || s[i] == ')') {
		i++;
	}
	if (s[i] == '\0' || s[i] == ' ' || s[i] == '\t' || s[i] == ':')
		return i;
	return 0;
}

/* Does s start with one of the level's words (`กิจกรรม/โครงการ` offers both halves)? */
static size_t level_word(const char *s, const char *level_name)
{
	size_t best = 0;
	const char *w = level_name;
	while (*w) {
		const char *slash = strchr(w, '/');
		size_t len = slash ? (size_t)(slash - w) : strlen(w);
		size_t st, n;
		text_trim_span(w, len, &st, &n);
		if (n > best && strncmp(s, w + st, n) == 0)
			best = n;
		if (!slash)
			break;
		w = slash + 1;
	}
	if (strncmp(s, level_name, strlen(level_name)) == 0 && strlen(level_name) > best)
		best = strlen(level_name);
	return best;
}

static void parse_heading(body_reader *r, item *it, char *text, int line)
{
	/* {#id} at the end overrides the derived id */
	size_t len = strlen(text);
	char *brace = len && text[len - 1] == '}' ? strstr(text, "{#") : NULL;
	if (brace) {
		it->id = arena_strndup(&r->p->mem, brace + 2, (size_t)(text + len - 1 - (brace + 2)));
		it->id_explicit = true;
		it->id_line = line;
		while (brace > text && brace[-1] == ' ')
			brace--;
		*brace = '\0';
	}
	it->heading = text;
	it->title = text;
	size_t i = level_word(text, r->p->level_names[it->level]);
	bool had_word = i > 0;
	if (had_word) {
		i += skip_spaces(text + i);
		if (text_starts_with(text + i, "เรื่อง"))
			i += strlen("เรื่อง");
		if (text_starts_with(text + i, "ที่"))
			i += strlen("ที่");
		i += skip_spaces(text + i);
	}
	char last[16];
	size_t n = heading_number(text + i, last);
	if (n == 0)
		return; /* no number: the whole heading is the title */
	it->number = arena_strndup(&r->p->mem, text + i, n);
	it->id_line = it->id_explicit ? it->id_line : line;
	if (!it->id_explicit)
		it->id = arena_strdup(&r->p->mem, last); /* local part; made full in finish */
	i += n;
	i += skip_spaces(text + i);
	if (text[i] == ':')
		i += 1 + skip_spaces(text + i + 1);
	if (text[i])
		it->title = text + i;
}

static void open_item(body_reader *r, cmark_node *h, int depth)
{
	plan *p = r->p;
	int level = depth - p->level_depth, line = file_line(r, h);
	char *text = node_text(r, h);
	r->chapter = NULL;
	if (level >= p->nlevels) {
		diag_report(r->d, p->path, line, 0, DIAG_LEVEL_TOO_DEEP, depth, p->nlevels);
		r->current = NULL;
		return;
	}
	item *parent = level > 0 ? r->stack[level - 1] : NULL;
	if (level > 0 && !parent) {
		diag_report(r->d, p->path, line, 0, DIAG_LEVEL_SKIPPED, text, p->level_names[level - 1]);
		r->current = NULL;
		return;
	}
	item *it = arena_alloc(&p->mem, sizeof *it);
	it->level = level;
	it->line = line;
	it->parent = parent;
	parse_heading(r, it, text, line);
	ptr_vec_push(&p->mem, parent ? &parent->children : &p->items, it);
	ptr_vec_push(&p->mem, &p->all_items, it);
	r->stack[level] = it;
	for (int k = level + 1; k < MODEL_MAX_LEVELS; k++)
		r->stack[k] = NULL;
	r->current = it;
}

static void open_chapter(body_reader *r, cmark_node *h, int depth)
{
	chapter *c = arena_alloc(&r->p->mem, sizeof *c);
	c->title = node_text(r, h);
	c->depth = depth;
	c->line = file_line(r, h);
	c->items_before = r->p->items.n;
	ptr_vec_push(&r->p->mem, &r->p->chapters, c);
	for (int k = 0; k < MODEL_MAX_LEVELS; k++)
		r->stack[k] = NULL;
	r->current = NULL;
	r->chapter = c;
}

/* ---- field lists ------------------------------------------------------------------ */

/* Splits `name: value`. Returns false when the text has no colon. */
static bool split_field(const char *text, size_t *name_len, const char **value)
{
	const char *colon = strchr(text, ':');
	const char *wide = strstr(text, "：");
	size_t skip = 1;
	if (wide && (!colon || wide < colon)) {
		colon = wide;
		skip = strlen("：");
	}
	if (!colon)
		return false;
	size_t st, n;
	text_trim_span(text, (size_t)(colon - text), &st, &n);
	*name_len = st + n;
	*value = colon + skip;
	*value += skip_spaces(*value);
	return true;
}

static model_field field_of(const char *text)
{
	size_t n;
	const char *v;
	if (!split_field(text, &n, &v))
		return FIELD_NONE;
	return model_field_lookup(text, n);
}

static bool is_field_list(body_reader *r, cmark_node *list)
{
	if (cmark_node_get_type(list) != CMARK_NODE_LIST ||
	    cmark_node_get_list_type(list) != CMARK_BULLET_LIST)
		return false;
	/* one known `field:` entry makes it a field list, so that a misspelt field name in
	 * it is reported instead of turning the list into prose */
	for (cmark_node *li = cmark_node_first_child(list); li; li = cmark_node_next(li)) {
		cmark_node *para = cmark_node_first_child(li);
		if (para && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH &&
		    field_of(node_text(r, para)) != FIELD_NONE)
			return true;
	}
	return false;
}

/* The Markdown of a field's value: the entry's source after `name:`, with the entry's
 * indentation removed from continuation lines. */
static char *field_markdown(body_reader *r, cmark_node *li, cmark_node *para)
{
	int first = file_line(r, para);
	int last = cmark_node_get_end_line(li) + (int)r->line0;
	size_t indent = (size_t)cmark_node_get_start_column(para) - 1;
	const char *l = r->src->line[first - 1];
	size_t len = r->src->line_len[first - 1];
	const char *colon = memchr(l + indent, ':', len - indent);
	const char *wide = strstr(l + indent, "：");
	size_t off = colon ? (size_t)(colon - l) + 1 : indent;
	if (wide && (size_t)(wide - l) < len && (!colon || wide < colon))
		off = (size_t)(wide - l) + strlen("：");
	buf b = {0};
	buf_put(&b, l + off, len - off);
	if (last > first) {
		buf_putc(&b, '\n');
		buf_puts(&b, slice_lines(r, first + 1, last, indent));
	}
	size_t st, n;
	text_trim_span(b.data, b.len, &st, &n);
	char *t = arena_strndup(&r->p->mem, b.data + st, n);
	buf_free(&b);
	return t;
}

typedef struct value_entry {
	const char *text;
	int line;
} value_entry;

/* The values of a field: the text after the colon, then each entry of nested lists. */
static size_t field_values(body_reader *r, const char *inline_value, int line,
    cmark_node *para, value_entry *out, size_t max)
{
	size_t n = 0;
	if (*inline_value && n < max)
		out[n++] = (value_entry){inline_value, line};
	for (cmark_node *c = cmark_node_next(para); c; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) == CMARK_NODE_LIST) {
			for (cmark_node *li = cmark_node_first_child(c); li; li = cmark_node_next(li))
				if (n < max)
					out[n++] = (value_entry){node_text(r, li), file_line(r, li)};
		} else if (n < max) {
			out[n++] = (value_entry){node_text(r, c), file_line(r, c)};
		}
	}
	return n;
}

static void add_target(body_reader *r, indicator *ind, const char *text, int line)
{
	thai_error err = {0};
	target *t = arena_alloc(&r->p->mem, sizeof *t);
	t->source = text;
	t->line = line;
	if (!thai_parse_target(text, &t->parsed, &err)) {
		diag_report(r->d, r->p->path, line, 0, DIAG_TARGET_BAD, err.message);
		return;
	}
	if (t->parsed.unit_len)
		t->unit = arena_strndup(&r->p->mem, text + t->parsed.unit_off, t->parsed.unit_len);
	ind->target = t;
}

/* ค่าเป้าหมาย / หน่วยนับ / รหัส of an indicator, nested under it or right after it. */
static void indicator_subfield(body_reader *r, indicator *ind, model_field f,
    const char *value, int line)
{
	if (!*value) {
		diag_report(r->d, r->p->path, line, 0, DIAG_FIELD_EMPTY, model_field_name(f));
		return;
	}
	if (f == FIELD_TARGET) {
		if (ind->target && !ind->target->from_indicator)
			diag_report(r->d, r->p->path, line, 0, DIAG_TARGET_TWICE, ind->target->line);
		else
			add_target(r, ind, value, line);
	} else if (f == FIELD_UNIT) {
		ind->unit_override = value;
		ind->unit_line = line;
	} else {
		ind->id = value;
	}
}

static void read_indicator(body_reader *r, item *it, const char *value, int line,
    cmark_node *para)
{
	indicator *ind = arena_alloc(&r->p->mem, sizeof *ind);
	ind->text = value;
	ind->line = line;
	for (cmark_node *c = cmark_node_next(para); c; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) != CMARK_NODE_LIST || !is_field_list(r, c)) {
			/* more indicator text: a nested paragraph or a plain list */
			ind->text = arena_printf(&r->p->mem, "%s\n%s", ind->text, node_text(r, c));
			continue;
		}
		for (cmark_node *li = cmark_node_first_child(c); li; li = cmark_node_next(li)) {
			char *t = node_text(r, cmark_node_first_child(li));
			size_t n;
			const char *v;
			int l = file_line(r, li);
			if (!split_field(t, &n, &v)) { /* an entry without `name:` in the list */
				diag_report(r->d, r->p->path, l, 0, DIAG_FIELD_SYNTAX, t);
				continue;
			}
			model_field f = model_field_lookup(t, n);
			if (f == FIELD_TARGET || f == FIELD_UNIT || f == FIELD_ID)
				indicator_subfield(r, ind, f, v, l);
			else if (f == FIELD_NONE)
				diag_report(r->d, r->p->path, l, 0, DIAG_FIELD_UNKNOWN,
				    arena_strndup(&r->p->mem, t, n), "ค่าเป้าหมาย, หน่วยนับ, รหัส");
			else
				diag_report(r->d, r->p->path, l, 0, DIAG_FIELD_UNKNOWN,
				    model_field_name(f), "ค่าเป้าหมาย, หน่วยนับ, รหัส (under an indicator)");
		}
	}
	if (!*ind->text) {
		diag_report(r->d, r->p->path, line, 0, DIAG_FIELD_EMPTY, "ตัวชี้วัด");
		return;
	}
	ptr_vec_push(&r->p->mem, &it->indicators, ind);
}

static void read_budget(body_reader *r, item *it, const value_entry *v)
{
	thai_error err = {0};
	budget_part *b = arena_alloc(&r->p->mem, sizeof *b);
	b->source = v->text;
	b->line = v->line;
	if (!thai_parse_budget(v->text, &b->parsed, &err)) {
		diag_report(r->d, r->p->path, v->line, 0, DIAG_BUDGET_BAD, err.message);
		return;
	}
	if (b->parsed.footnote_len)
		b->footnote = arena_strndup(&r->p->mem, v->text + b->parsed.footnote_off,
		    b->parsed.footnote_len);
	if (b->parsed.qualifier_len)
		b->qualifier = arena_strndup(&r->p->mem, v->text + b->parsed.qualifier_off,
		    b->parsed.qualifier_len);
	ptr_vec_push(&r->p->mem, &it->budget, b);
}

static void read_period(body_reader *r, item *it, const value_entry *v)
{
	thai_error err = {0};
	period *pd = arena_alloc(&r->p->mem, sizeof *pd);
	pd->source = v->text;
	pd->line = v->line;
	if (!thai_parse_period(v->text, r->p->fiscal_year_be, &pd->parsed, &err)) {
		diag_report(r->d, r->p->path, v->line, 0, DIAG_PERIOD_BAD, err.message);
		return;
	}
	if (pd->parsed.kind == THAI_PERIOD_TEXT)
		diag_report(r->d, r->p->path, v->line, 0, DIAG_PERIOD_TEXT, v->text);
	ptr_vec_push(&r->p->mem, &it->periods, pd);
}

static const char **markdown_slot(item *it, model_field f)
{
	switch (f) {
	case FIELD_OBJECTIVE: return &it->objective;
	case FIELD_GOAL: return &it->goal;
	case FIELD_METHOD: return &it->method;
	case FIELD_OUTPUT: return &it->output;
	case FIELD_OUTCOME: return &it->outcome;
	case FIELD_NOTE: return &it->note;
	case FIELD_BUDGET_SOURCE: return &it->budget_source;
	default: return NULL;
	}
}

enum { MAX_VALUES = 64 };

static void read_field(body_reader *r, item *it, cmark_node *li)
{
	plan *p = r->p;
	int line = file_line(r, li);
	cmark_node *para = cmark_node_first_child(li);
	if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) {
		/* an entry that starts with a list, a quote or code: show the line as written */
		char *shown = slice_lines(r, line, line, 0);
		size_t st, n;
		text_trim_span(shown, strlen(shown), &st, &n);
		shown[st + n] = '\0';
		diag_report(r->d, p->path, line, 0, DIAG_FIELD_SYNTAX, shown + st);
		return;
	}
	char *text = node_text(r, para);
	size_t name_len;
	const char *value;
	if (!split_field(text, &name_len, &value)) {
		diag_report(r->d, p->path, line, 0, DIAG_FIELD_SYNTAX, text);
		return;
	}
	model_field f = model_field_lookup(text, name_len);
	if (f == FIELD_NONE) {
		diag_report(r->d, p->path, line, 0, DIAG_FIELD_UNKNOWN,
		    arena_strndup(&p->mem, text, name_len), model_field_list());
		return;
	}
	if (!it->field_line[f])
		it->field_line[f] = line;
	value_entry values[MAX_VALUES];
	size_t nv = 0;
	switch (f) {
	case FIELD_INDICATOR: read_indicator(r, it, value, line, para); return;
	case FIELD_TARGET:
	case FIELD_UNIT:
		if (!it->indicators.n) {
			diag_report(r->d, p->path, line, 0, DIAG_FIELD_MISPLACED, model_field_name(f));
			return;
		}
		indicator_subfield(r, it->indicators.v[it->indicators.n - 1], f, value, line);
		return;
	case FIELD_ID:
		if (!*value) {
			diag_report(r->d, p->path, line, 0, DIAG_FIELD_EMPTY, model_field_name(f));
			return;
		}
		it->id = value;
		it->id_explicit = true;
		it->id_line = line;
		return;
	case FIELD_BUDGET:
	case FIELD_PERIOD:
	case FIELD_RESPONSIBLE:
		nv = field_values(r, value, line, para, values, MAX_VALUES);
		if (nv == 0)
			diag_report(r->d, p->path, line, 0, DIAG_FIELD_EMPTY, model_field_name(f));
		for (size_t i = 0; i < nv; i++) {
			if (f == FIELD_BUDGET)
				read_budget(r, it, &values[i]);
			else if (f == FIELD_PERIOD)
				read_period(r, it, &values[i]);
			else
				ptr_vec_push(&p->mem, &it->responsible, (void *)values[i].text);
		}
		return;
	default: {
		const char **slot = markdown_slot(it, f);
		const char *md = field_markdown(r, li, para);
		if (!*md)
			diag_report(r->d, p->path, line, 0, DIAG_FIELD_EMPTY, model_field_name(f));
		else
			*slot = append_markdown(r, *slot, md);
		return;
	}
	}
}

/* ---- the body ---------------------------------------------------------------------- */

static void read_block(body_reader *r, cmark_node *n)
{
	if (r->current && is_field_list(r, n)) {
		for (cmark_node *li = cmark_node_first_child(n); li; li = cmark_node_next(li))
			read_field(r, r->current, li);
		return;
	}
	if (!r->current && is_field_list(r, n)) {
		diag_report(r->d, r->p->path, file_line(r, n), 0, DIAG_FIELD_OUTSIDE_ITEM,
		    node_text(r, cmark_node_first_child(cmark_node_first_child(n))));
		return;
	}
	if (r->current) {
		prose_add(r, &r->current->prose, n);
		return;
	}
	if (!r->chapter) {
		/* text before the first heading: a chapter without a title */
		chapter *c = arena_alloc(&r->p->mem, sizeof *c);
		c->line = file_line(r, n);
		c->items_before = r->p->items.n;
		ptr_vec_push(&r->p->mem, &r->p->chapters, c);
		r->chapter = c;
	}
	prose_add(r, &r->chapter->markdown, n);
}

/* Derived ids: the parent's id, a dot, the item's own number or its position. */
static void finish_ids(plan *p)
{
	for (size_t i = 0; i < p->all_items.n; i++) {
		item *it = p->all_items.v[i];
		if (!it->id_explicit) {
			const char *local = it->id;
			if (!local) {
				const ptr_vec *sibs = it->parent ? &it->parent->children : &p->items;
				size_t pos = 0;
				while (sibs->v[pos] != it)
					pos++;
				local = arena_printf(&p->mem, "%zu", pos + 1);
			}
			it->id = it->parent ? arena_printf(&p->mem, "%s.%s", it->parent->id, local)
					    : local;
			if (!it->id_line)
				it->id_line = it->line;
		}
		for (size_t k = 0; k < it->indicators.n; k++) {
			indicator *ind = it->indicators.v[k];
			if (!ind->id)
				ind->id = arena_printf(&p->mem, "%s#%zu", it->id, k + 1);
		}
	}
}

/* An indicator without ค่าเป้าหมาย may state its target in its own text. */
static void finish_targets(plan *p)
{
	for (size_t i = 0; i < p->all_items.n; i++) {
		item *it = p->all_items.v[i];
		for (size_t k = 0; k < it->indicators.n; k++) {
			indicator *ind = it->indicators.v[k];
			thai_error err = {0};
			thai_target parsed;
			if (ind->target || !thai_parse_target(ind->text, &parsed, &err) || !parsed.numeric)
				continue;
			target *t = arena_alloc(&p->mem, sizeof *t);
			t->source = ind->text;
			t->line = ind->line;
			t->from_indicator = true;
			t->parsed = parsed;
			if (parsed.unit_len)
				t->unit = arena_strndup(&p->mem, ind->text + parsed.unit_off, parsed.unit_len);
			ind->target = t;
		}
		for (size_t k = 0; k < it->indicators.n; k++) {
			indicator *ind = it->indicators.v[k];
			if (ind->unit_override && ind->target)
				ind->target->unit = ind->unit_override;
		}
	}
}

/* Prose is also kept parsed, for back ends that lay text out themselves. */
static void finish_rich(const body_reader *r, plan *p)
{
	for (size_t i = 0; i < p->chapters.n; i++) {
		chapter *c = p->chapters.v[i];
		c->rich = rich_from_markdown(&p->mem, c->markdown, start_of(r, &c->markdown, c->line + 1));
	}
	for (size_t i = 0; i < p->all_items.n; i++) {
		item *it = p->all_items.v[i];
		if (it->prose)
			it->prose_rich = rich_from_markdown(&p->mem, it->prose,
			    start_of(r, &it->prose, it->line + 1));
		for (int f = 0; f < FIELD__COUNT; f++) {
			const char **slot = markdown_slot(it, (model_field)f);
			if (slot && *slot)
				it->field_rich[f] = rich_from_markdown(&p->mem, *slot, it->field_line[f]);
		}
	}
}

void plan_body_read(const source_text *src, size_t first_line, plan *p, diag_sink *d)
{
	body_reader r = {.src = src, .line0 = first_line, .p = p, .d = d};
	cmark_parser *parser = gfm_parser_new();
	if (first_line < src->nlines) {
		const char *body = src->line[first_line];
		cmark_parser_feed(parser, body, (size_t)(src->text + src->len - body));
	}
	cmark_node *doc = cmark_parser_finish(parser);
	check_depth(&r, doc);
	for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			int depth = cmark_node_get_heading_level(n);
			if (p->nlevels && depth >= p->level_depth)
				open_item(&r, n, depth);
			else
				open_chapter(&r, n, depth);
		} else {
			read_block(&r, n);
		}
	}
	prose_flush(&r);
	buf_free(&r.prose);
	cmark_node_free(doc);
	cmark_parser_free(parser);
	finish_ids(p);
	finish_targets(p);
	finish_rich(&r, p);
	free(r.starts);
}

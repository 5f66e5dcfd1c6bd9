/*
 * markdown.c — Markdown prose into rich text (rich.h) through libcmark-gfm.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "read/reader.h"
#include "rich.h"
#include "util/buf.h"

/* Spans are gathered with their text in one heap buffer and copied into the arena once
 * per line: joining adjacent text nodes in the arena would copy the text for each node. */
typedef struct span_draft {
	size_t start, len;
	unsigned style;
	const char *url;
} span_draft;

typedef struct span_vec {
	span_draft *v;
	size_t n, cap;
	buf text;
} span_vec;

typedef struct block_vec {
	rich_block **v;
	size_t n, cap;
} block_vec;

typedef struct md_builder {
	arena *a;
	int first_line;
	block_vec blocks;
	int depth;   /* list nesting */
	bool quote;
} md_builder;

enum { MAX_NESTING = 64 };

static void span_push(span_vec *sv, const char *text, unsigned style, const char *url)
{
	size_t len = strlen(text);
	/* adjacent text of the same style and link joins into one span */
	if (sv->n && sv->v[sv->n - 1].style == style && sv->v[sv->n - 1].url == url) {
		buf_put(&sv->text, text, len);
		sv->v[sv->n - 1].len += len;
		return;
	}
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 8;
		sv->v = realloc(sv->v, sv->cap * sizeof *sv->v);
		if (!sv->v)
			abort();
	}
	sv->v[sv->n++] = (span_draft){sv->text.len, len, style, url};
	buf_put(&sv->text, text, len);
}

static void inlines(arena *a, cmark_node *parent, unsigned style, const char *url,
    span_vec *out, int nesting)
{
	if (nesting > MAX_NESTING)
		return;
	for (cmark_node *c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
		const char *type = cmark_node_get_type_string(c);
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_HTML_INLINE:
			span_push(out, cmark_node_get_literal(c), style, url);
			break;
		case CMARK_NODE_CODE:
			span_push(out, cmark_node_get_literal(c), style | RICH_CODE, url);
			break;
		case CMARK_NODE_SOFTBREAK: span_push(out, " ", style, url); break;
		case CMARK_NODE_LINEBREAK: span_push(out, "\n", style, url); break;
		case CMARK_NODE_EMPH: inlines(a, c, style | RICH_EMPH, url, out, nesting + 1); break;
		case CMARK_NODE_STRONG:
			inlines(a, c, style | RICH_STRONG, url, out, nesting + 1);
			break;
		case CMARK_NODE_LINK:
			inlines(a, c, style, arena_strdup(a, cmark_node_get_url(c)), out, nesting + 1);
			break;
		default:
			if (type && !strcmp(type, "strikethrough"))
				inlines(a, c, style | RICH_STRIKE, url, out, nesting + 1);
			else
				inlines(a, c, style, url, out, nesting + 1);
			break;
		}
	}
}

static rich_line line_of(arena *a, cmark_node *n)
{
	span_vec sv = {0};
	inlines(a, n, 0, NULL, &sv, 0);
	rich_line line = {NULL, sv.n};
	if (sv.n) {
		char *text = arena_alloc(a, sv.text.len + sv.n);
		line.spans = arena_alloc(a, sv.n * sizeof *line.spans);
		for (size_t i = 0, at = 0; i < sv.n; i++) {
			memcpy(text + at, sv.text.data + sv.v[i].start, sv.v[i].len);
			text[at + sv.v[i].len] = '\0';
			line.spans[i] = (rich_span){text + at, sv.v[i].style, sv.v[i].url};
			at += sv.v[i].len + 1;
		}
	}
	free(sv.v);
	buf_free(&sv.text);
	return line;
}

static rich_block *add_block(md_builder *b, rich_block_kind kind, cmark_node *n)
{
	rich_block *blk = arena_alloc(b->a, sizeof *blk);
	blk->kind = kind;
	blk->depth = b->depth;
	blk->quote = b->quote;
	blk->line = cmark_node_get_start_line(n) + b->first_line - 1;
	block_vec *v = &b->blocks;
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 8;
		rich_block **nv = arena_alloc(b->a, cap * sizeof *nv);
		if (v->n)
			memcpy(nv, v->v, v->n * sizeof *nv);
		v->v = nv;
		v->cap = cap;
	}
	v->v[v->n++] = blk;
	return blk;
}

static void table(md_builder *b, cmark_node *n)
{
	int rows = 0, cols = 0;
	for (cmark_node *r = cmark_node_first_child(n); r; r = cmark_node_next(r)) {
		int c = 0;
		for (cmark_node *cell = cmark_node_first_child(r); cell; cell = cmark_node_next(cell))
			c++;
		cols = c > cols ? c : cols;
		rows++;
	}
	if (!rows || !cols)
		return;
	rich_block *blk = add_block(b, RICH_TABLE, n);
	blk->rows = rows;
	blk->cols = cols;
	blk->cells = arena_alloc(b->a, (size_t)(rows * cols) * sizeof *blk->cells);
	blk->align = arena_alloc(b->a, (size_t)cols * sizeof *blk->align);
	uint8_t *al = cmark_gfm_extensions_get_table_alignments(n);
	for (int c = 0; c < cols && al; c++)
		blk->align[c] = al[c] == 'c' ? RICH_ALIGN_CENTER : al[c] == 'r' ? RICH_ALIGN_RIGHT
										 : RICH_ALIGN_LEFT;
	int r = 0;
	for (cmark_node *row = cmark_node_first_child(n); row; row = cmark_node_next(row), r++) {
		int c = 0;
		for (cmark_node *cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
			blk->cells[r * cols + c++] = line_of(b->a, cell);
	}
}

static void blocks(md_builder *b, cmark_node *parent, int nesting);
static void block(md_builder *b, cmark_node *n, int nesting);

static void list(md_builder *b, cmark_node *n, int nesting)
{
	bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	int number = cmark_node_get_list_start(n);
	b->depth++;
	for (cmark_node *li = cmark_node_first_child(n); li; li = cmark_node_next(li), number++) {
		const char *marker = ordered ? arena_printf(b->a, "%d.", number) : "•";
		cmark_node *first = cmark_node_first_child(li);
		if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
			rich_block *entry = add_block(b, RICH_ITEM, first);
			entry->marker = marker;
			entry->text = line_of(b->a, first);
			first = cmark_node_next(first);
		} else {
			rich_block *entry = add_block(b, RICH_ITEM, li);
			entry->marker = marker;
		}
		for (cmark_node *c = first; c; c = cmark_node_next(c)) {
			if (cmark_node_get_type(c) == CMARK_NODE_LIST) {
				if (nesting < MAX_NESTING)
					list(b, c, nesting + 1);
			} else {
				if (nesting < MAX_NESTING)
					block(b, c, nesting + 1);
			}
		}
	}
	b->depth--;
}

/* `<!-- chart: NAME -->` alone: a figure (a chart) for the back end to draw there. NAME is
 * kept as written; whoever draws figures checks it. */
static bool figure_marker(md_builder *b, cmark_node *n)
{
	const char *s = cmark_node_get_literal(n);
	if (!s || strncmp(s, "<!--", 4) != 0)
		return false;
	for (s += 4; *s == ' '; s++)
		;
	if (strncmp(s, "chart:", 6) != 0)
		return false;
	for (s += 6; *s == ' '; s++)
		;
	const char *close = strstr(s, "-->"), *after = close ? close + 3 : NULL;
	if (!close)
		return false;
	while (*after == ' ' || *after == '\n')
		after++;
	size_t len = (size_t)(close - s);
	while (len && s[len - 1] == ' ')
		len--;
	if (*after || len == 0 || memchr(s, ' ', len) || memchr(s, '\n', len))
		return false;
	rich_block *f = add_block(b, RICH_FIGURE, n);
	f->figure = arena_strndup(b->a, s, len);
	return true;
}

static void block(md_builder *b, cmark_node *n, int nesting)
{
	const char *type = cmark_node_get_type_string(n);
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH: add_block(b, RICH_PARAGRAPH, n)->text = line_of(b->a, n); break;
	case CMARK_NODE_HEADING: {
		rich_block *h = add_block(b, RICH_HEADING, n);
		h->level = cmark_node_get_heading_level(n);
		h->text = line_of(b->a, n);
		break;
	}
	case CMARK_NODE_LIST: list(b, n, nesting); break;
	case CMARK_NODE_BLOCK_QUOTE: {
		bool was = b->quote;
		b->quote = true;
		blocks(b, n, nesting + 1);
		b->quote = was;
		break;
	}
	case CMARK_NODE_HTML_BLOCK:
		if (figure_marker(b, n))
			break;
		/* other HTML is shown as written */
		/* fall through */
	case CMARK_NODE_CODE_BLOCK: {
		rich_block *c = add_block(b, RICH_CODE_BLOCK, n);
		const char *lit = cmark_node_get_literal(n);
		size_t len = strlen(lit);
		while (len && lit[len - 1] == '\n')
			len--;
		rich_span *s = arena_alloc(b->a, sizeof *s);
		*s = (rich_span){arena_strndup(b->a, lit, len), RICH_CODE, NULL};
		c->text = (rich_line){s, 1};
		break;
	}
	case CMARK_NODE_THEMATIC_BREAK: add_block(b, RICH_RULE, n); break;
	default:
		if (type && !strcmp(type, "table"))
			table(b, n);
		else
			blocks(b, n, nesting + 1);
		break;
	}
}

static void blocks(md_builder *b, cmark_node *parent, int nesting)
{
	if (nesting > MAX_NESTING)
		return;
	if (cmark_node_get_type(parent) != CMARK_NODE_DOCUMENT &&
	    cmark_node_get_type(parent) != CMARK_NODE_BLOCK_QUOTE &&
	    cmark_node_get_type(parent) != CMARK_NODE_ITEM) {
		block(b, parent, nesting);
		return;
	}
	for (cmark_node *c = cmark_node_first_child(parent); c; c = cmark_node_next(c))
		block(b, c, nesting);
}

cmark_parser *gfm_parser_new(void)
{
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
	static const char *const extensions[] = {"table", "autolink", "strikethrough"};
	for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
		cmark_syntax_extension *ext = cmark_find_syntax_extension(extensions[i]);
		if (ext)
			cmark_parser_attach_syntax_extension(parser, ext);
	}
	return parser;
}

rich_text *rich_from_markdown(arena *a, const char *markdown, int first_line)
{
	rich_text *rt = arena_alloc(a, sizeof *rt);
	if (!markdown || !*markdown)
		return rt;
	cmark_parser *parser = gfm_parser_new();
	cmark_parser_feed(parser, markdown, strlen(markdown));
	cmark_node *doc = cmark_parser_finish(parser);
	md_builder b = {.a = a, .first_line = first_line};
	blocks(&b, doc, 0);
	cmark_node_free(doc);
	cmark_parser_free(parser);
	rt->blocks = b.blocks.v;
	rt->n = b.blocks.n;
	return rt;
}

char *rich_line_text_heap(const rich_line *l)
{
	buf b = {0};
	buf_puts(&b, "");
	for (size_t i = 0; i < l->n; i++)
		buf_puts(&b, l->spans[i].text);
	return b.data; /* the buffer's storage becomes the caller's string */
}

char *rich_line_text(arena *a, const rich_line *l)
{
	char *heap = rich_line_text_heap(l);
	char *s = arena_strdup(a, heap);
	free(heap);
	return s;
}

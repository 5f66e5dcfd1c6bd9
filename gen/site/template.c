/* template.c — the Mustache subset of template.h. */
#include "site/template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum node_kind { N_TEXT, N_VAR, N_RAW, N_SECTION, N_INVERTED } node_kind;

typedef struct node {
	node_kind kind;
	char *text;          /* N_TEXT: the text; others: the name */
	size_t len;
	int line;
	struct node *child;  /* sections: first node inside */
	struct node *next;
} node;

struct template {
	const char *path;
	node *root;
};

void html_escape(buf *out, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		default: buf_putc(out, *s);
		}
}

static node *new_node(node_kind k, const char *s, size_t len, int line)
{
	node *n = calloc(1, sizeof *n);
	if (!n)
		abort();
	n->kind = k;
	n->text = strndup(s, len);
	n->len = len;
	n->line = line;
	return n;
}

static void free_nodes(node *n)
{
	while (n) {
		node *next = n->next;
		free_nodes(n->child);
		free(n->text);
		free(n);
		n = next;
	}
}

static int line_at(const char *start, const char *p)
{
	int line = 1;
	for (; start < p; start++)
		line += *start == '\n';
	return line;
}

static bool valid_name(const char *s, size_t n)
{
	if (n == 1 && *s == '.')
		return true;
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

/* Parses from *p up to the closing tag of `closing` (NULL: the end of the text). */
static node *parse_nodes(const char *text, const char **p, const char *closing,
    const char *path, int open_line, diag_sink *d, bool *ok)
{
	node *head = NULL, **tail = &head;
	for (;;) {
		const char *open = strstr(*p, "{{");
		const char *end = open ? open : *p + strlen(*p);
		if (end > *p) {
			*tail = new_node(N_TEXT, *p, (size_t)(end - *p), line_at(text, *p));
			tail = &(*tail)->next;
		}
		if (!open) {
			*p = end;
			if (closing) {
				diag_report(d, path, open_line, 0, DIAG_SITE_TEMPLATE,
				    "{{#...}} section is never closed");
				*ok = false;
			}
			return head;
		}
		int line = line_at(text, open);
		bool raw = open[2] == '{';
		const char *close = strstr(open + 2, raw ? "}}}" : "}}");
		if (!close) {
			diag_report(d, path, line, 0, DIAG_SITE_TEMPLATE, "tag is never closed by }}");
			*ok = false;
			*p = open + strlen(open);
			return head;
		}
		const char *name = open + (raw ? 3 : 2);
		char sigil = raw ? 0 : *name;
		if (sigil == '#' || sigil == '^' || sigil == '/' || sigil == '!')
			name++;
		size_t nlen = (size_t)(close - name);
		while (nlen && name[0] == ' ')
			name++, nlen--;
		while (nlen && name[nlen - 1] == ' ')
			nlen--;
		*p = close + (raw ? 3 : 2);
		if (sigil == '!')
			continue;
		if (!valid_name(name, nlen)) {
			char msg[200];
			snprintf(msg, sizeof msg, "\"%.*s\" is not a tag: expected {{name}}, {{{name}}}, "
						  "{{#name}}, {{^name}}, {{/name}} or {{! …}}",
			    (int)(close - open + 2 > 80 ? 80 : close - open + 2), open);
			diag_report(d, path, line, 0, DIAG_SITE_TEMPLATE, msg);
			*ok = false;
			continue;
		}
		if (sigil == '/') {
			if (closing && strlen(closing) == nlen && !memcmp(closing, name, nlen))
				return head;
			char msg[200];
			snprintf(msg, sizeof msg, "{{/%.*s}} closes no open section", (int)nlen, name);
			diag_report(d, path, line, 0, DIAG_SITE_TEMPLATE, msg);
			*ok = false;
			continue;
		}
		node *n = new_node(raw ? N_RAW : sigil == '#' ? N_SECTION : sigil == '^' ? N_INVERTED
								      : N_VAR, name, nlen, line);
		*tail = n;
		tail = &n->next;
		if (n->kind == N_SECTION || n->kind == N_INVERTED)
			n->child = parse_nodes(text, p, n->text, path, line, d, ok);
	}
}

template *template_parse(const char *path, const char *text, diag_sink *d)
{
	bool ok = true;
	const char *p = text;
	node *root = parse_nodes(text, &p, NULL, path, 1, d, &ok);
	if (!ok) {
		free_nodes(root);
		return NULL;
	}
	template *t = calloc(1, sizeof *t);
	if (!t)
		abort();
	t->path = path;
	t->root = root;
	return t;
}

void template_free(template *t)
{
	if (!t)
		return;
	free_nodes(t->root);
	free(t);
}

typedef struct ctx {
	json_t *v;
	const struct ctx *up;
} ctx;

static json_t *lookup(const ctx *c, const char *name)
{
	if (!strcmp(name, "."))
		return c->v;
	for (; c; c = c->up)
		if (json_is_object(c->v)) {
			json_t *v = json_object_get(c->v, name);
			if (v)
				return v;
		}
	return NULL;
}

static bool truthy(json_t *v)
{
	if (!v || json_is_null(v) || json_is_false(v))
		return false;
	if (json_is_array(v))
		return json_array_size(v) > 0;
	if (json_is_string(v))
		return json_string_length(v) > 0;
	return true;
}

static bool render(const template *t, const node *n, const ctx *c, buf *out, diag_sink *d)
{
	bool ok = true;
	for (; n; n = n->next) {
		json_t *v;
		switch (n->kind) {
		case N_TEXT:
			buf_put(out, n->text, n->len);
			break;
		case N_VAR:
		case N_RAW:
			v = lookup(c, n->text);
			if (!v) {
				char msg[200];
				snprintf(msg, sizeof msg, "{{%s}} names nothing the page provides", n->text);
				diag_report(d, t->path, n->line, 0, DIAG_SITE_TEMPLATE, msg);
				ok = false;
			} else if (json_is_string(v)) {
				if (n->kind == N_RAW)
					buf_puts(out, json_string_value(v));
				else
					html_escape(out, json_string_value(v));
			} else if (json_is_integer(v)) {
				buf_printf(out, "%lld", (long long)json_integer_value(v));
			} else if (json_is_real(v)) {
				buf_printf(out, "%g", json_real_value(v));
			}
			break;
		case N_SECTION:
			v = lookup(c, n->text);
			if (json_is_array(v)) {
				for (size_t i = 0; i < json_array_size(v); i++) {
					ctx inner = {json_array_get(v, i), c};
					ok &= render(t, n->child, &inner, out, d);
				}
			} else if (json_is_object(v)) {
				ctx inner = {v, c};
				ok &= render(t, n->child, &inner, out, d);
			} else if (truthy(v)) {
				ok &= render(t, n->child, c, out, d);
			}
			break;
		case N_INVERTED:
			if (!truthy(lookup(c, n->text)))
				ok &= render(t, n->child, c, out, d);
			break;
		}
	}
	return ok;
}

bool template_render(const template *t, json_t *context, buf *out, diag_sink *d)
{
	ctx c = {context, NULL};
	return render(t, t->root, &c, out, d);
}

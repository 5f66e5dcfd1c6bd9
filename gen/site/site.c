/* site.c — the website bundle (site.h). */
#include "site/site.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "opendata/opendata.h"
#include "pdf/pdf.h"
#include "read/reader.h"
#include "read/source.h"
#include "site/template.h"
#include "thai/thai.h"

/* ---- prose ---------------------------------------------------------------------- */

static bool leaves_bundle(const char *url)
{
	return url && (strstr(url, "://") || !strncmp(url, "mailto:", 7) || !strncmp(url, "//", 2) ||
		       url[0] == '/');
}

/* Links and images that point outside the bundle become text: the site must work copied
 * anywhere, offline, and every href in it must name a file of output/. The address stays
 * readable after the link text, as on paper. */
static void keep_inside(cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_node *pending[4096];
	size_t n = 0;
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type type = cmark_node_get_type(node);
		if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) &&
		    n < sizeof pending / sizeof *pending)
			pending[n++] = node;
	}
	cmark_iter_free(it);
	for (size_t i = n; i-- > 0;) {
		cmark_node *link = pending[i];
		const char *url = cmark_node_get_url(link);
		bool image = cmark_node_get_type(link) == CMARK_NODE_IMAGE;
		if (!image && !leaves_bundle(url))
			continue;
		/* the link text, then " (address)" unless the text is the address itself */
		cmark_node *child = cmark_node_first_child(link);
		bool same = child && !cmark_node_next(child) &&
			    cmark_node_get_type(child) == CMARK_NODE_TEXT && url &&
			    !strcmp(cmark_node_get_literal(child), url);
		while ((child = cmark_node_first_child(link)))
			cmark_node_insert_before(link, child);
		if (url && *url && !same) {
			cmark_node *addr = cmark_node_new(CMARK_NODE_TEXT);
			char *text;
			if (asprintf(&text, " (%s)", url) < 0)
				abort();
			cmark_node_set_literal(addr, text);
			free(text);
			cmark_node_insert_before(link, addr);
		}
		cmark_node_free(link);
	}
}

char *site_markdown_html(const char *markdown)
{
	cmark_parser *parser = gfm_parser_new();
	cmark_parser_feed(parser, markdown, strlen(markdown));
	cmark_node *doc = cmark_parser_finish(parser);
	keep_inside(doc);
	/* CMARK_OPT_DEFAULT is safe: raw HTML and javascript: URLs are not passed through */
	char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
	cmark_node_free(doc);
	cmark_parser_free(parser);
	return html;
}

/* ---- values as the pages show them ------------------------------------------------ */

static json_t *thai_number_json(long v)
{
	char ar[32], th[96];
	snprintf(ar, sizeof ar, "%ld", v);
	thai_digits_to_thai(ar, th, sizeof th);
	return json_string(th);
}

static json_t *thai_date_json(time_t when)
{
	static const char *const months[] = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
		"ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};
	struct tm tm;
	gmtime_r(&when, &tm);
	char ar[64], th[192];
	snprintf(ar, sizeof ar, "%d %s %d", tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900 + 543);
	thai_digits_to_thai(ar, th, sizeof th);
	return json_string(th);
}

static json_t *size_json(size_t bytes)
{
	char s[32];
	if (bytes < 1024)
		snprintf(s, sizeof s, "%zu B", bytes);
	else if (bytes < 1024 * 1024)
		snprintf(s, sizeof s, "%.1f KB", bytes / 1024.0);
	else
		snprintf(s, sizeof s, "%.1f MB", bytes / (1024.0 * 1024.0));
	return json_string(s);
}

static const char *extension(const char *rel)
{
	const char *slash = strrchr(rel, '/'), *dot = strrchr(slash ? slash : rel, '.');
	return dot ? dot + 1 : "";
}

static int doc_cmp(const void *x, const void *y)
{
	const output_file *a = *(const output_file *const *)x, *b = *(const output_file *const *)y;
	int ra = od_file_rank(a->path), rb = od_file_rank(b->path);
	return ra != rb ? ra - rb : strcmp(a->path, b->path);
}

static json_t *doc_json(const output_file *f, const char *root)
{
	char label[512], desc[2048], href[700], format[16];
	od_describe_file(f->path, label, sizeof label, desc, sizeof desc);
	snprintf(href, sizeof href, "%s%s", root, f->path);
	snprintf(format, sizeof format, "%s", extension(f->path));
	for (char *c = format; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
	if (od_is_excel_copy(f->path))
		snprintf(format, sizeof format, "EXCEL");
	const char *slash = strrchr(f->path, '/');
	return json_pack("{s:s,s:s,s:s,s:s,s:o,s:s}", "label", label, "description", desc, "href",
	    href, "format", format, "size", size_json(f->bytes), "file", slash ? slash + 1 : f->path);
}

/* The files directly in folder dir (`dip/2560/`), in reading order. */
static json_t *docs_in(const output_tree *t, const char *dir, const char *root, time_t when)
{
	const output_file **v = calloc(t->n ? t->n : 1, sizeof *v);
	if (!v)
		abort();
	size_t n = 0;
	for (size_t i = 0; i < t->n; i++) {
		const char *p = t->files[i].path;
		if (!strncmp(p, dir, strlen(dir)) && !strchr(p + strlen(dir), '/'))
			v[n++] = &t->files[i];
	}
	qsort(v, n, sizeof *v, doc_cmp);
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *d = doc_json(v[i], root);
		if (when)
			json_object_set_new(d, "date", thai_date_json(when));
		json_array_append_new(a, d);
	}
	free(v);
	return a;
}

static const output_file *staged(const output_tree *t, const char *rel)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->files[i].path, rel))
			return &t->files[i];
	return NULL;
}

/* ---- the CPI chart ------------------------------------------------------------------ */

/* The score chart (the first SVG under cpi/ whose name has "score", else the first SVG) as
 * markup to put inline: the XML declaration dropped. NULL when there is none. */
static char *cpi_svg(const output_tree *t, const output_file **which)
{
	const output_file *pick = NULL;
	for (size_t i = 0; i < t->n; i++) {
		const char *p = t->files[i].path;
		if (strncmp(p, "cpi/", 4) || strcmp(extension(p), "svg"))
			continue;
		if (!pick || (strstr(p, "score") && !strstr(pick->path, "score")) ||
		    (!strstr(pick->path, "score") == !strstr(p, "score") && strcmp(p, pick->path) < 0))
			pick = &t->files[i];
	}
	if (!pick)
		return NULL;
	buf b = {0};
	if (!od_read_staged(t, pick->path, &b)) {
		buf_free(&b);
		return NULL;
	}
	buf_putc(&b, '\0');
	char *start = strstr(b.data, "<svg");
	char *svg = start ? strdup(start) : NULL;
	buf_free(&b);
	*which = pick;
	return svg;
}

/* ---- pages ------------------------------------------------------------------------- */

bool site_templates_load(site_templates *st, const char *layouts_dir, diag_sink *d)
{
	*st = (site_templates){0};
	const char *names[] = {"index.html", "plan.html", "style.css"};
	char *text[3] = {0};
	for (int i = 0; i < 3; i++) {
		const char *path = arena_printf(&st->mem, "%s/site/%s", layouts_dir, names[i]);
		source_text src;
		if (!source_load(path, &src, d))
			continue;
		text[i] = arena_strdup(&st->mem, src.text);
		source_free(&src);
		if (i == 0)
			st->index = template_parse(path, text[i], d);
		else if (i == 1)
			st->plan = template_parse(path, text[i], d);
		else
			st->style = text[i];
	}
	return st->index && st->plan && st->style;
}

void site_templates_free(site_templates *st)
{
	template_free(st->index);
	template_free(st->plan);
	arena_free(&st->mem);
	*st = (site_templates){0};
}

static long count_leaves(const item *it, long *indicators)
{
	*indicators += (long)it->indicators.n;
	if (!it->children.n)
		return 1;
	long n = 0;
	for (size_t i = 0; i < it->children.n; i++)
		n += count_leaves(it->children.v[i], indicators);
	return n;
}

static json_t *plan_context(const output_tree *t, const plan *p, const char *style,
    const char *sde)
{
	char dir[512];
	snprintf(dir, sizeof dir, "%s/%d/", p->agency_id, p->fiscal_year_be);
	time_t when = pdf_document_date(p, sde);
	json_t *c = json_object();
	json_object_set_new(c, "style", json_string(style));
	json_object_set_new(c, "home", json_string("../../index.html"));
	json_object_set_new(c, "title", json_string(p->title));
	json_object_set_new(c, "agency", json_string(p->agency));
	json_object_set_new(c, "agency_en", json_string(p->agency_en));
	json_object_set_new(c, "agency_id", json_string(p->agency_id));
	json_object_set_new(c, "year", thai_number_json(p->fiscal_year_be));
	json_object_set_new(c, "date", thai_date_json(when));
	buf levels = {0};
	for (int i = 0; i < p->nlevels; i++) {
		if (i)
			buf_puts(&levels, " › ");
		buf_puts(&levels, p->level_names[i]);
	}
	buf_putc(&levels, '\0');
	json_object_set_new(c, "levels", json_string(levels.data));
	buf_free(&levels);
	json_object_set_new(c, "documents", docs_in(t, dir, "../../../", when));
	json_t *items = json_array();
	long total_leaves = 0, total_ind = 0;
	for (size_t i = 0; i < p->items.n; i++) {
		const item *it = p->items.v[i];
		long ind = 0, leaves = count_leaves(it, &ind);
		total_leaves += leaves;
		total_ind += ind;
		json_array_append_new(items, json_pack("{s:s,s:o,s:o}", "heading", it->heading,
						 "activities", thai_number_json(leaves), "indicators",
						 thai_number_json(ind)));
	}
	json_object_set_new(c, "items", items);
	json_object_set_new(c, "activity_count", thai_number_json(total_leaves));
	json_object_set_new(c, "indicator_count", thai_number_json(total_ind));
	json_object_set_new(c, "leaf_level", json_string(p->level_names[p->nlevels - 1]));
	json_object_set_new(c, "top_level", json_string(p->level_names[0]));
	json_t *chapters = json_array();
	for (size_t i = 0; i < p->chapters.n; i++) {
		const chapter *ch = p->chapters.v[i];
		char *html = site_markdown_html(ch->markdown ? ch->markdown : "");
		json_array_append_new(chapters, json_pack("{s:s,s:s}", "title", ch->title, "html", html));
		free(html);
	}
	json_object_set_new(c, "chapters", chapters);
	return c;
}

static int plan_cmp(const void *x, const void *y)
{
	const plan *a = *(plan *const *)x, *b = *(plan *const *)y;
	int c = strcmp(a->agency_id, b->agency_id);
	return c ? c : b->fiscal_year_be - a->fiscal_year_be; /* newest year first */
}

static json_t *index_context(const output_tree *t, plan *const *sorted, size_t n,
    const char *style, const char *sde)
{
	json_t *c = json_object();
	json_object_set_new(c, "style", json_string(style));
	json_t *agencies = json_array();
	json_t *current = NULL;
	for (size_t i = 0; i < n; i++) {
		const plan *p = sorted[i];
		if (!i || strcmp(sorted[i - 1]->agency_id, p->agency_id)) {
			current = json_pack("{s:s,s:s,s:s,s:[]}", "name", p->agency, "name_en",
			    p->agency_en, "id", p->agency_id, "plans");
			json_array_append_new(agencies, current);
		}
		char dir[512], page[600];
		snprintf(dir, sizeof dir, "%s/%d/", p->agency_id, p->fiscal_year_be);
		snprintf(page, sizeof page, "%sindex.html", dir);
		time_t when = pdf_document_date(p, sde);
		json_array_append_new(json_object_get(current, "plans"),
		    json_pack("{s:o,s:s,s:s,s:o,s:o}", "year", thai_number_json(p->fiscal_year_be),
			"title", p->title, "page", page, "date", thai_date_json(when), "documents",
			docs_in(t, dir, "../", when)));
	}
	json_object_set_new(c, "agencies", agencies);
	json_object_set_new(c, "plan_count", thai_number_json((long)n));
	json_object_set_new(c, "agency_count", thai_number_json((long)json_array_size(agencies)));
	const output_file *chart = NULL;
	char *svg = cpi_svg(t, &chart);
	if (svg) {
		json_object_set_new(c, "cpi", json_pack("{s:s,s:s,s:o}", "svg", svg, "href",
						 "../cpi/", "files", docs_in(t, "cpi/", "../", 0)));
		json_object_set_new(json_object_get(c, "cpi"), "chart",
		    json_pack("{s:s}", "href", chart->path));
		free(svg);
	}
	json_t *open = json_array();
	static const char *const shared[] = {"datapackage.json", "data-dictionary.csv",
		"data-dictionary-excel.csv", "ckan/index.json"};
	for (size_t i = 0; i < sizeof shared / sizeof *shared; i++) {
		const output_file *f = staged(t, shared[i]);
		if (f)
			json_array_append_new(open, doc_json(f, "../"));
	}
	json_object_set_new(c, "open_data", open);
	return c;
}

static bool render_page(output_tree *t, const template *tp, json_t *ctx, const char *rel,
    diag_sink *d)
{
	buf b = {0};
	bool ok = template_render(tp, ctx, &b, d);
	json_decref(ctx);
	if (ok)
		ok = output_write(t, rel, "text/html", &b);
	buf_free(&b);
	return ok;
}

bool site_publish(output_tree *t, plan *const *plans, size_t n, const site_templates *st,
    const char *sde, diag_sink *d)
{
	plan **sorted = calloc(n ? n : 1, sizeof *sorted);
	if (!sorted)
		abort();
	memcpy(sorted, plans, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, plan_cmp);
	char rel[600];
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		snprintf(rel, sizeof rel, "site/%s/%d/index.html", sorted[i]->agency_id,
		    sorted[i]->fiscal_year_be);
		ok = render_page(t, st->plan, plan_context(t, sorted[i], st->style, sde), rel, d);
	}
	if (ok)
		ok = render_page(t, st->index, index_context(t, sorted, n, st->style, sde),
		    "site/index.html", d);
	free(sorted);
	return ok;
}

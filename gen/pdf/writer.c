/*
 * writer.c — pages, text and structure for the PDF back end (see writer.h).
 *
 * Settings measured on these library versions (cairo 1.16, pango 1.50), see
 * shared/reference/typography.md: a 72 dpi pango context (1 unit = 1 pt on the PDF
 * surface), unrounded glyph positions, no hinting; Thai is never hyphenated; a document
 * with links must carry structure tags or qpdf calls the file damaged.
 */
#include "pdf/writer.h"
#include "pdf/pdf.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thai/thai.h"

struct pdf_fonts {
	FcConfig *config;
	PangoFontMap *map;
};

pdf_fonts *pdf_fonts_new(const layout *l, char err[256])
{
	FcConfig *cfg = FcConfigCreate();
	for (int s = 0; s < FONT__STYLES; s++) {
		if (!l->font_files[s])
			continue;
		if (!FcConfigAppFontAddFile(cfg, (const FcChar8 *)l->font_files[s])) {
			snprintf(err, 256, "font file \"%s\" cannot be loaded", l->font_files[s]);
			FcConfigDestroy(cfg);
			return NULL;
		}
	}
	pdf_fonts *f = calloc(1, sizeof *f);
	if (!f)
		abort();
	f->config = cfg;
	f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), cfg);
	return f;
}

void pdf_fonts_free(pdf_fonts *f)
{
	if (!f)
		return;
	/* shutdown drops the font map's caches of fonts and patterns; without it they
	 * outlive the map */
	pango_fc_font_map_shutdown(PANGO_FC_FONT_MAP(f->map));
	g_object_unref(f->map);
	FcConfigDestroy(f->config);
	free(f);
}

static cairo_status_t write_to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_put(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

static PangoContext *new_context(pdf_fonts *f)
{
	PangoContext *ctx = pango_font_map_create_context(f->map);
	pango_cairo_context_set_resolution(ctx, 72);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_language(ctx, pango_language_from_string("th"));
	return ctx;
}

static void set_metadata(pdf_writer *w)
{
	const pdf_meta *m = w->meta;
	char date[32];
	struct tm tm;
	gmtime_r(&m->created, &tm);
	strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	cairo_pdf_surface_set_metadata(w->surface, CAIRO_PDF_METADATA_TITLE, m->title);
	cairo_pdf_surface_set_metadata(w->surface, CAIRO_PDF_METADATA_AUTHOR, m->author);
	cairo_pdf_surface_set_metadata(w->surface, CAIRO_PDF_METADATA_SUBJECT, m->subject);
	cairo_pdf_surface_set_metadata(w->surface, CAIRO_PDF_METADATA_KEYWORDS, m->keywords);
	cairo_pdf_surface_set_metadata(w->surface, CAIRO_PDF_METADATA_CREATOR, "prongsai");
	cairo_pdf_surface_set_metadata(w->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(w->surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

void pdf_writer_init(pdf_writer *w, const layout *l, const pdf_meta *meta, pdf_fonts *f,
    buf *out, int total_pages)
{
	*w = (pdf_writer){.lay = l, .meta = meta, .fonts = f, .total_pages = total_pages};
	w->pango = new_context(f);
	static const struct {
		PangoWeight weight;
		PangoStyle style;
	} styles[FONT__STYLES] = {
		{PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL},
		{PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL},
		{PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC},
		{PANGO_WEIGHT_BOLD, PANGO_STYLE_ITALIC},
	};
	for (int s = 0; s < FONT__STYLES; s++) {
		w->font[s] = pango_font_description_new();
		pango_font_description_set_family(w->font[s], l->font_family);
		pango_font_description_set_weight(w->font[s], styles[s].weight);
		pango_font_description_set_style(w->font[s], styles[s].style);
	}
	w->left = l->margin_left;
	w->right = l->page_width - l->margin_right;
	w->top = l->margin_top;
	w->bottom = l->page_height - l->margin_bottom;
	if (out) {
		w->surface = cairo_pdf_surface_create_for_stream(write_to_buf, out, l->page_width,
		    l->page_height);
		cairo_pdf_surface_restrict_to_version(w->surface, CAIRO_PDF_VERSION_1_5);
		set_metadata(w);
		w->cr = cairo_create(w->surface);
		cairo_tag_begin(w->cr, "Document", NULL);
	}
}

double pdf_font_size(const pdf_writer *w, pdf_size size)
{
	const layout *l = w->lay;
	double pt[] = {l->size_body, l->size_small, l->size_table, l->size_h1, l->size_h2,
		l->size_h3, l->size_title};
	return pt[size] * l->font_scale;
}

const char *pdf_numeral(const pdf_writer *w, long n, char out[64])
{
	char arabic[32];
	snprintf(arabic, sizeof arabic, "%ld", n);
	if (w->lay->thai_numerals)
		thai_digits_to_thai(arabic, out, 64);
	else
		snprintf(out, 64, "%s", arabic);
	return out;
}

void pdf_set_colour(pdf_writer *w, uint32_t rgb)
{
	if (w->cr)
		cairo_set_source_rgb(w->cr, ((rgb >> 16) & 255) / 255.0, ((rgb >> 8) & 255) / 255.0,
		    (rgb & 255) / 255.0);
}

/* ---- running header and footer ---------------------------------------------------- */

/* Expands {title} {agency} {fiscal_year} {page} {pages}. */
static void expand_template(const pdf_writer *w, const char *tpl, buf *out)
{
	char num[64];
	for (const char *s = tpl; *s; s++) {
		const char *close = *s == '{' ? strchr(s, '}') : NULL;
		if (!close) {
			buf_putc(out, *s);
			continue;
		}
		size_t n = (size_t)(close - s - 1);
		const char *key = s + 1;
		if (n == 5 && !strncmp(key, "title", n))
			buf_puts(out, w->meta->title);
		else if (n == 6 && !strncmp(key, "agency", n))
			buf_puts(out, w->meta->author);
		else if (n == 11 && !strncmp(key, "fiscal_year", n))
			buf_puts(out, w->meta->fiscal_year);
		else if (n == 4 && !strncmp(key, "page", n))
			buf_puts(out, pdf_numeral(w, w->page, num));
		else if (n == 5 && !strncmp(key, "pages", n))
			buf_puts(out, pdf_numeral(w, w->total_pages, num));
		else
			buf_put(out, s, n + 2);
		s = close;
	}
}

static void running_text(pdf_writer *w, const char *tpl, double y, bool above)
{
	if (!tpl || !*tpl)
		return;
	buf text = {0};
	expand_template(w, tpl, &text);
	PangoLayout *l = pdf_layout_plain(w, text.data, SIZE_SMALL, 0, pdf_text_width(w));
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_MIDDLE);
	double h = pdf_layout_height(l);
	/* running text is an artifact, not content: it stays outside the structure tree */
	pdf_set_colour(w, w->lay->colour_rule);
	cairo_move_to(w->cr, w->left, above ? y - h : y);
	pango_cairo_show_layout(w->cr, l);
	g_object_unref(l);
	buf_free(&text);
}

static void end_page(pdf_writer *w)
{
	if (!w->cr || w->page == 0)
		return;
	if (!w->suppress_running) {
		running_text(w, w->lay->header, w->top - 6, true);
		running_text(w, w->lay->footer, w->bottom + 6, false);
	}
	cairo_show_page(w->cr);
}

void pdf_new_page(pdf_writer *w)
{
	end_page(w);
	w->page++;
	w->y = w->top;
	w->suppress_running = false;
	if (w->surface) {
		char label[64];
		cairo_pdf_surface_set_page_label(w->surface, pdf_numeral(w, w->page, label));
	}
}

bool pdf_writer_finish(pdf_writer *w)
{
	bool ok = true;
	if (w->cr) {
		end_page(w);
		cairo_tag_end(w->cr, "Document");
		ok = cairo_status(w->cr) == CAIRO_STATUS_SUCCESS;
		if (!ok)
			fprintf(stderr, "prongsai: cairo: %s\n", cairo_status_to_string(cairo_status(w->cr)));
		cairo_destroy(w->cr);
		cairo_surface_finish(w->surface);
		ok = ok && cairo_surface_status(w->surface) == CAIRO_STATUS_SUCCESS;
		cairo_surface_destroy(w->surface);
	}
	for (int s = 0; s < FONT__STYLES; s++)
		pango_font_description_free(w->font[s]);
	g_object_unref(w->pango);
	return ok;
}

double pdf_text_width(const pdf_writer *w)
{
	return w->right - w->left;
}

double pdf_room(const pdf_writer *w)
{
	return w->bottom - w->y;
}

void pdf_need(pdf_writer *w, double h)
{
	if (w->page == 0 || (h > pdf_room(w) && w->y > w->top))
		pdf_new_page(w);
}

void pdf_tag_begin(pdf_writer *w, const char *tag, const char *attrs)
{
	if (w->cr)
		cairo_tag_begin(w->cr, tag, attrs);
	w->struct_depth++;
}

void pdf_tag_end(pdf_writer *w, const char *tag)
{
	if (w->cr)
		cairo_tag_end(w->cr, tag);
	w->struct_depth--;
}

/* ---- text -------------------------------------------------------------------------- */

/* Longest run of characters without a space or a Thai letter (where libthai finds
 * breaks) that goes to pango as it is: pango breaks a word that has no break
 * opportunity in time quadratic in its length (a 64 KB one took 30 s), so a longer run
 * (a pasted base64 blob, a row of digits) gets an invisible break opportunity, U+200B,
 * after every RUN_MAX characters. Real words and URLs are shorter. */
enum { RUN_MAX = 200 };

/* Text as it should be drawn: a decomposed SARA AM (ํ + า, as pasted from PDFs) becomes
 * ำ, ๆ after a space is glued to it so it never starts a line, and overlong runs without
 * a break opportunity get one (RUN_MAX). */
static void typeset_text(const char *s, buf *out)
{
	static const char nikhahit[] = "\xE0\xB9\x8D", sara_aa[] = "\xE0\xB8\xB2";
	static const char mai_yamok[] = "\xE0\xB9\x86";
	size_t run = 0;
	while (*s) {
		unsigned char c = (unsigned char)*s;
		bool thai = c == 0xE0 && ((unsigned char)s[1] == 0xB8 || (unsigned char)s[1] == 0xB9);
		run = c == ' ' || c == '\t' || c == '\n' || thai ? 0 : run + ((c & 0xC0) != 0x80);
		if (run > RUN_MAX && (c & 0xC0) != 0x80) {
			buf_puts(out, "\xE2\x80\x8B");
			run = 1;
		}
		if (!strncmp(s, nikhahit, 3) && !strncmp(s + 3, sara_aa, 3)) {
			buf_puts(out, "\xE0\xB8\xB3");
			s += 6;
		} else if (*s == ' ' && !strncmp(s + 1, mai_yamok, 3)) {
			buf_puts(out, "\xC2\xA0");
			s += 1;
		} else {
			buf_putc(out, *s++);
		}
	}
}

static void add_attr(PangoAttrList *list, PangoAttribute *a, size_t start, size_t end)
{
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(list, a);
}

static void style_attrs(PangoAttrList *attrs, unsigned style, size_t start, size_t end)
{
	if (style & RICH_STRONG)
		add_attr(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
	if (style & RICH_EMPH)
		add_attr(attrs, pango_attr_style_new(PANGO_STYLE_ITALIC), start, end);
	if (style & RICH_STRIKE)
		add_attr(attrs, pango_attr_strikethrough_new(TRUE), start, end);
	if (style & RICH_CODE)
		add_attr(attrs, pango_attr_family_new("Laksaman"), start, end);
}

/* Links in a layout: where each link's text is, for the link tags drawn with it. */
typedef struct layout_link {
	size_t start, end;
	const char *url;
} layout_link;

static const char link_key[] = "prongsai-links";

static void free_links(gpointer p)
{
	GArray *a = p;
	g_array_free(a, TRUE);
}

static PangoLayout *new_layout(pdf_writer *w, pdf_size size, unsigned style, double width)
{
	PangoLayout *l = pango_layout_new(w->pango);
	int font = (style & RICH_STRONG ? 1 : 0) + (style & RICH_EMPH ? 2 : 0);
	PangoFontDescription *fd = pango_font_description_copy(w->font[font]);
	pango_font_description_set_size(fd, (gint)(pdf_font_size(w, size) * PANGO_SCALE + 0.5));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (w->lay->line_spacing != 1.0)
		pango_layout_set_line_spacing(l, (float)w->lay->line_spacing);
	return l;
}

PangoLayout *pdf_layout_rich(pdf_writer *w, const rich_line *line, pdf_size size,
    unsigned style, double width)
{
	PangoLayout *l = new_layout(w, size, style, width);
	PangoAttrList *attrs = pango_attr_list_new();
	GArray *links = NULL;
	buf text = {0};
	for (size_t i = 0; line && i < line->n; i++) {
		const rich_span *sp = &line->spans[i];
		size_t start = text.len;
		typeset_text(sp->text, &text);
		style_attrs(attrs, sp->style, start, text.len);
		if (sp->url) {
			uint32_t c = w->lay->colour_link;
			add_attr(attrs, pango_attr_foreground_new((guint16)(((c >> 16) & 255) * 257),
						(guint16)(((c >> 8) & 255) * 257), (guint16)((c & 255) * 257)),
			    start, text.len);
			add_attr(attrs, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start, text.len);
			if (!links)
				links = g_array_new(FALSE, FALSE, sizeof(layout_link));
			layout_link lk = {start, text.len, sp->url};
			g_array_append_val(links, lk);
		}
	}
	/* Thai is not hyphenated: a forced break inside a word draws no hyphen */
	add_attr(attrs, pango_attr_insert_hyphens_new(FALSE), 0, text.len);
	pango_layout_set_text(l, text.data ? text.data : "", (int)text.len);
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	buf_free(&text);
	if (links)
		g_object_set_data_full(G_OBJECT(l), link_key, links, free_links);
	return l;
}

PangoLayout *pdf_layout_plain(pdf_writer *w, const char *text, pdf_size size,
    unsigned style, double width)
{
	rich_span sp = {text ? text : "", 0, NULL};
	rich_line line = {&sp, 1};
	return pdf_layout_rich(w, &line, size, style, width);
}

double pdf_layout_height(PangoLayout *l)
{
	int h;
	pango_layout_get_size(l, NULL, &h);
	return (double)h / PANGO_SCALE;
}

void pdf_lines_of(PangoLayout *l, pdf_lines *out)
{
	int n = pango_layout_get_line_count(l);
	out->n = n;
	out->top = malloc((size_t)(n ? n : 1) * 3 * sizeof(double));
	if (!out->top)
		abort();
	out->bottom = out->top + n;
	out->baseline = out->top + 2 * n;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int i = 0;
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		out->top[i] = (double)y0 / PANGO_SCALE;
		out->bottom[i] = (double)y1 / PANGO_SCALE;
		out->baseline[i] = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		i++;
	} while (i < n && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	out->n = i;
}

void pdf_lines_free(pdf_lines *l)
{
	free(l->top);
	*l = (pdf_lines){0};
}

/* A link target for a cairo tag attribute: a PDF URI is 7-bit ASCII, so the bytes of
 * Thai letters (agencies' addresses are often Thai) and spaces are percent-encoded, and
 * ' and \ are escaped for cairo's attribute syntax. */
static void attr_uri(buf *out, const char *s)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c >= 0x80 || *c <= ' ') {
			buf_printf(out, "%%%02X", *c);
			continue;
		}
		if (*c == '\'' || *c == '\\')
			buf_putc(out, '\\');
		buf_putc(out, (char)*c);
	}
}

static void link_tags(pdf_writer *w, PangoLayout *l, PangoLayoutLine *line, double x,
    double baseline_y)
{
	GArray *links = g_object_get_data(G_OBJECT(l), link_key);
	if (!links)
		return;
	PangoRectangle ink, logical;
	pango_layout_line_get_extents(line, &ink, &logical);
	size_t lstart = (size_t)line->start_index, lend = lstart + (size_t)line->length;
	for (guint i = 0; i < links->len; i++) {
		layout_link *lk = &g_array_index(links, layout_link, i);
		size_t s = lk->start > lstart ? lk->start : lstart;
		size_t e = lk->end < lend ? lk->end : lend;
		if (s >= e)
			continue;
		int xs, xe;
		pango_layout_line_index_to_x(line, (int)s, FALSE, &xs);
		pango_layout_line_index_to_x(line, (int)e, FALSE, &xe);
		if (xe < xs) {
			int t = xs;
			xs = xe;
			xe = t;
		}
		buf attrs = {0};
		buf_puts(&attrs, "uri='");
		attr_uri(&attrs, lk->url);
		buf_printf(&attrs, "' rect=[%.2f %.2f %.2f %.2f]", x + (double)xs / PANGO_SCALE,
		    baseline_y + (double)logical.y / PANGO_SCALE, (double)(xe - xs) / PANGO_SCALE,
		    (double)logical.height / PANGO_SCALE);
		cairo_tag_begin(w->cr, CAIRO_TAG_LINK, attrs.data);
		cairo_tag_end(w->cr, CAIRO_TAG_LINK);
		buf_free(&attrs);
	}
}

void pdf_draw_lines(pdf_writer *w, PangoLayout *l, const pdf_lines *lines, int from, int to,
    double x, double y, uint32_t colour)
{
	if (!w->cr || from >= to)
		return;
	pdf_set_colour(w, colour);
	double origin = y - lines->top[from];
	for (int i = from; i < to; i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(l, i);
		/* alignment: the line's own x offset inside the layout */
		PangoRectangle logical;
		pango_layout_line_get_extents(line, NULL, &logical);
		double lx = x;
		if (pango_layout_get_alignment(l) != PANGO_ALIGN_LEFT && pango_layout_get_width(l) > 0) {
			double free_w = (double)(pango_layout_get_width(l) - logical.width) / PANGO_SCALE;
			lx += pango_layout_get_alignment(l) == PANGO_ALIGN_CENTER ? free_w / 2 : free_w;
		}
		double by = origin + lines->baseline[i];
		cairo_move_to(w->cr, lx, by);
		pango_cairo_show_layout_line(w->cr, line);
		link_tags(w, l, line, lx, by);
	}
}

void pdf_paragraph(pdf_writer *w, PangoLayout *l, double indent, double space_after)
{
	pdf_lines lines;
	pdf_lines_of(l, &lines);
	int i = 0;
	while (i < lines.n) {
		/* keep two lines together at the foot of a page (no orphan) */
		int want = lines.n - i >= 2 ? 2 : 1;
		pdf_need(w, lines.bottom[i + want - 1] - lines.top[i]);
		int j = i;
		while (j < lines.n && w->y + lines.bottom[j] - lines.top[i] <= w->bottom)
			j++;
		if (j == i)
			j = i + 1; /* a line taller than a page: draw it anyway */
		pdf_draw_lines(w, l, &lines, i, j, w->left + indent, w->y, w->lay->colour_text);
		w->y += lines.bottom[j - 1] - lines.top[i];
		i = j;
		if (i < lines.n)
			pdf_new_page(w);
	}
	w->y += space_after;
	pdf_lines_free(&lines);
}

pdf_anchor pdf_heading(pdf_writer *w, const char *text, int level, double keep)
{
	static const pdf_size sizes[] = {SIZE_H1, SIZE_H2, SIZE_H3};
	static const char *const tags[] = {"H1", "H2", "H3"};
	int k = level < 1 ? 0 : level > 3 ? 2 : level - 1;
	PangoLayout *l = pdf_layout_plain(w, text, sizes[k], RICH_STRONG, pdf_text_width(w));
	double h = pdf_layout_height(l);
	double before = w->y > w->top ? pdf_font_size(w, sizes[k]) * 0.8 : 0;
	pdf_need(w, before + h + keep);
	if (w->y > w->top)
		w->y += before;
	pdf_anchor at = {w->page, w->y};
	pdf_lines lines;
	pdf_lines_of(l, &lines);
	pdf_tag_begin(w, tags[k], NULL);
	pdf_draw_lines(w, l, &lines, 0, lines.n, w->left, w->y, w->lay->colour_heading);
	pdf_tag_end(w, tags[k]);
	w->y += h + pdf_font_size(w, SIZE_BODY) * 0.4;
	pdf_lines_free(&lines);
	g_object_unref(l);
	return at;
}

/* floor — the lower bound for `make bench`.
 *
 * Reads a Markdown file, takes the text of every paragraph line and every GFM table cell,
 * makes one pango layout per text (Laksaman 10.64 pt, 72 dpi, wrapped at 180 pt for cells
 * and 700 pt for paragraphs) and draws them one after another down A4 landscape pages of a
 * cairo PDF surface whose bytes are thrown away. No layout logic beyond "next page when
 * full": this is the cost of shaping, breaking and emitting every glyph once.
 *
 *   floor FILE.md [OUT.pdf]     (OUT.pdf: keep the PDF, for counting pages)
 *
 * Prints "texts N pages N" on stdout.
 */
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W 841.89 /* A4 landscape, pt */
#define PAGE_H 595.28
#define MARGIN 42.52 /* 15 mm */
#define FONT "Laksaman 10.64"
#define CELL_W 180.0
#define PARA_W 700.0

typedef struct {
	cairo_t *cr;
	PangoContext *ctx;
	PangoFontDescription *font;
	double y;
	long texts, pages;
} floor_state;

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length)
{
	(void)closure;
	(void)data;
	(void)length;
	return CAIRO_STATUS_SUCCESS;
}

static void draw_text(floor_state *st, const char *text, size_t len, double width)
{
	while (len && (*text == ' ' || *text == '\t'))
		text++, len--;
	while (len && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\r'))
		len--;
	if (!len)
		return;
	/* unescape \| so the cell text is what a reader sees */
	char *buf = malloc(len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\\' && i + 1 < len && text[i + 1] == '|')
			continue;
		buf[n++] = text[i];
	}
	buf[n] = '\0';

	PangoLayout *layout = pango_layout_new(st->ctx);
	pango_layout_set_font_description(layout, st->font);
	pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(layout, buf, (int)n);
	int w, h;
	pango_layout_get_size(layout, &w, &h);
	double height = (double)h / PANGO_SCALE;
	if (st->y + height > PAGE_H - MARGIN && st->y > MARGIN) {
		cairo_show_page(st->cr);
		st->pages++;
		st->y = MARGIN;
	}
	cairo_move_to(st->cr, MARGIN, st->y);
	pango_cairo_show_layout(st->cr, layout);
	st->y += height;
	st->texts++;
	g_object_unref(layout);
	free(buf);
}

static int is_separator_row(const char *s, size_t len)
{
	int dash = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '-')
			dash = 1;
		else if (c != '|' && c != ':' && c != ' ' && c != '\t' && c != '\r')
			return 0;
	}
	return dash;
}

static void table_row(floor_state *st, const char *s, size_t len)
{
	if (is_separator_row(s, len))
		return;
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < len && s[i] == '|')
		i++; /* leading pipe */
	size_t start = i;
	for (; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len) {
			i++;
			continue;
		}
		if (s[i] == '|') {
			draw_text(st, s + start, i - start, CELL_W);
			start = i + 1;
		}
	}
	if (start < len)
		draw_text(st, s + start, len - start, CELL_W); /* no trailing pipe */
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: floor FILE.md [OUT.pdf]\n");
		return 2;
	}
	FILE *in = fopen(argv[1], "rb");
	if (!in) {
		perror(argv[1]);
		return 3;
	}

	cairo_surface_t *surface = argc == 3
		? cairo_pdf_surface_create(argv[2], PAGE_W, PAGE_H)
		: cairo_pdf_surface_create_for_stream(discard, NULL, PAGE_W, PAGE_H);
	floor_state st = {0};
	st.cr = cairo_create(surface);
	st.ctx = pango_cairo_create_context(st.cr);
	pango_cairo_context_set_resolution(st.ctx, 72.0);
	st.font = pango_font_description_from_string(FONT);
	st.y = MARGIN;
	st.pages = 1;

	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	while ((got = getline(&line, &cap, in)) >= 0) {
		size_t len = (size_t)got;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		size_t k = 0;
		while (k < len && (line[k] == ' ' || line[k] == '\t'))
			k++;
		if (k == len)
			continue;
		if (line[k] == '|')
			table_row(&st, line, len);
		else
			draw_text(&st, line, len, PARA_W); /* headings and paragraphs: whole lines */
	}
	cairo_show_page(st.cr);
	free(line);
	fclose(in);

	pango_font_description_free(st.font);
	g_object_unref(st.ctx);
	cairo_destroy(st.cr);
	cairo_surface_finish(surface);
	int bad = cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(surface);
	if (bad) {
		fprintf(stderr, "floor: cairo error\n");
		return 3;
	}
	printf("texts %ld pages %ld\n", st.texts, st.pages);
	return 0;
}

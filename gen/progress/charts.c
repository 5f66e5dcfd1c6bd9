/* charts.c — horizontal bar charts for the progress summary (see charts.h). */
#include "progress/charts.h"

#include <math.h>

enum { BAR_HEIGHT = 9, BAR_GAP = 6, KEY_BOX = 7 };

static const uint32_t track_colour = 0xEDEDED;

static PangoLayout *label_layout(pdf_writer *w, const char *text, unsigned style, double width)
{
	PangoLayout *l = pdf_layout_plain(w, text, SIZE_SMALL, style, width);
	/* one line: a label too long for the chart ends in … rather than wrapping */
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pango_layout_set_height(l, -1);
	return l;
}

static double natural_width(PangoLayout *l)
{
	int wd;
	pango_layout_get_size(l, &wd, NULL);
	return (double)wd / PANGO_SCALE;
}

static void show(pdf_writer *w, PangoLayout *l, double x, double y, uint32_t colour)
{
	if (!w->cr)
		return;
	pdf_set_colour(w, colour);
	cairo_move_to(w->cr, x, y);
	pango_cairo_show_layout(w->cr, l);
}

static void box(pdf_writer *w, double x, double y, double width, double height, uint32_t colour)
{
	if (!w->cr || width <= 0)
		return;
	pdf_set_colour(w, colour);
	cairo_rectangle(w->cr, x, y, width, height);
	cairo_fill(w->cr);
}

/* Draws (or only measures, when draw is false) and returns the height used. */
static double lay_out(pdf_writer *w, const chart *c, double x, double y, double width, bool draw)
{
	double y0 = y;
	PangoLayout *title = pdf_layout_plain(w, c->title, SIZE_SMALL, RICH_STRONG, width);
	if (draw)
		show(w, title, x, y, w->lay->colour_heading);
	y += pdf_layout_height(title) + 3;
	g_object_unref(title);
	if (c->n == 0) {
		PangoLayout *l = pdf_layout_plain(w, c->empty, SIZE_SMALL, RICH_EMPH, width);
		if (draw)
			show(w, l, x, y, w->lay->colour_rule);
		y += pdf_layout_height(l);
		g_object_unref(l);
		return y - y0;
	}
	for (size_t i = 0; i < c->n; i++) {
		const chart_bar *b = &c->bars[i];
		PangoLayout *fig = label_layout(w, b->figure ? b->figure : "", 0, width);
		double fw = fmin(natural_width(fig), width * 0.6);
		PangoLayout *lab = label_layout(w, b->label, 0, width - fw - 6);
		double lh = fmax(pdf_layout_height(lab), pdf_layout_height(fig));
		if (draw) {
			show(w, lab, x, y, w->lay->colour_text);
			pango_layout_set_width(fig, (int)(fw * PANGO_SCALE));
			show(w, fig, x + width - fw, y, w->lay->colour_text);
			double by = y + lh + 1, scale = c->max > 0 ? width / c->max : 0;
			box(w, x, by, width, BAR_HEIGHT, track_colour);
			box(w, x, by, fmin(b->value * scale, width), BAR_HEIGHT, b->colour);
			if (b->overlay >= 0)
				box(w, x, by + 2, fmin(b->overlay * scale, width), BAR_HEIGHT - 4,
				    b->overlay_colour);
		}
		y += lh + 1 + BAR_HEIGHT + BAR_GAP;
		g_object_unref(fig);
		g_object_unref(lab);
	}
	double kx = x;
	double key_h = 0;
	for (size_t i = 0; i < c->nkeys; i++) {
		PangoLayout *l = label_layout(w, c->keys[i].label, 0, width);
		double lw = natural_width(l), lh = pdf_layout_height(l);
		if (kx > x && kx + KEY_BOX + 3 + lw > x + width) {
			kx = x; /* the legend wraps onto another line */
			y += key_h;
			key_h = 0;
		}
		if (draw) {
			box(w, kx, y + (lh - KEY_BOX) / 2, KEY_BOX, KEY_BOX, c->keys[i].colour);
			show(w, l, kx + KEY_BOX + 3, y, w->lay->colour_text);
		}
		kx += KEY_BOX + 3 + lw + 10;
		key_h = fmax(key_h, lh);
		g_object_unref(l);
	}
	y += key_h;
	return y - y0;
}

double chart_height(pdf_writer *w, const chart *c, double width)
{
	return lay_out(w, c, 0, 0, width, false);
}

void chart_draw(pdf_writer *w, const chart *c, double x, double y, double width)
{
	lay_out(w, c, x, y, width, w->cr != NULL);
}

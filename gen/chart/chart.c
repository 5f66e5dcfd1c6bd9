/*
 * chart.c — surfaces, scales, colours, labels and marks for charts (chart.h).
 *
 * SVG: cairo 1.16 numbers its glyph and clip ids per document, but names the drawing's
 * group after the surface's process-wide serial number (`<g id="surface6">`), so the
 * same chart drawn later in a run would come out different: those ids are renumbered in
 * order of appearance. The document unit is fixed to pt so width and height say what the
 * drawing measures. PNG: an ARGB image on a white ground, written by cairo (no time
 * stamp chunk).
 */
#include "chart/chart.h"

#include <cairo-svg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thai/thai.h"

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_put(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

static bool draw_on(cairo_surface_t *s, pdf_writer *w, double width, double height,
    double scale, chart_draw_fn draw, const void *data)
{
	cairo_t *cr = cairo_create(s);
	cairo_scale(cr, scale, scale);
	chart_rgb(cr, 0xFFFFFF);
	cairo_rectangle(cr, 0, 0, width, height);
	cairo_fill(cr);
	chart_canvas cv = {cr, w, 0, 0, width, height};
	draw(&cv, data);
	bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
	cairo_destroy(cr);
	return ok;
}

static bool chart_render_svg_raw(pdf_writer *w, double width, double height, chart_draw_fn draw,
    const void *data, buf *out);

/* `id="surfaceN"` and `#surfaceN` with N numbered 1, 2, … in order of first use. */
static void renumber_surfaces(const buf *in, buf *out)
{
	static const char key[] = "surface";
	long seen[64];
	int nseen = 0;
	size_t i = 0;
	while (i < in->len) {
		const char *at = memmem(in->data + i, in->len - i, key, sizeof key - 1);
		if (!at) {
			buf_put(out, in->data + i, in->len - i);
			break;
		}
		size_t pos = (size_t)(at - in->data), digits = pos + sizeof key - 1, end = digits;
		while (end < in->len && in->data[end] >= '0' && in->data[end] <= '9')
			end++;
		bool ref = pos >= 4 && (!memcmp(in->data + pos - 4, "id=\"", 4) || in->data[pos - 1] == '#');
		buf_put(out, in->data + i, digits - i);
		if (ref && end > digits && end - digits < 12) {
			long n = strtol(in->data + digits, NULL, 10);
			int k = 0;
			while (k < nseen && seen[k] != n)
				k++;
			if (k == nseen && nseen < 64)
				seen[nseen++] = n;
			buf_printf(out, "%d", k + 1);
			i = end;
		} else {
			i = digits;
		}
	}
}

bool chart_render_svg(pdf_writer *w, double width, double height, chart_draw_fn draw,
    const void *data, buf *out)
{
	buf raw = {0};
	bool ok = chart_render_svg_raw(w, width, height, draw, data, &raw);
	if (ok)
		renumber_surfaces(&raw, out);
	buf_free(&raw);
	return ok;
}

static bool chart_render_svg_raw(pdf_writer *w, double width, double height, chart_draw_fn draw,
    const void *data, buf *out)
{
	cairo_surface_t *s = cairo_svg_surface_create_for_stream(to_buf, out, width, height);
	cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
	cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
	bool ok = draw_on(s, w, width, height, 1, draw, data);
	cairo_surface_finish(s);
	ok = ok && cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(s);
	return ok;
}

bool chart_render_png(pdf_writer *w, double width, double height, double scale,
    chart_draw_fn draw, const void *data, buf *out)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)ceil(width * scale), (int)ceil(height * scale));
	bool ok = draw_on(s, w, width, height, scale, draw, data);
	cairo_surface_flush(s);
	ok = ok && cairo_surface_write_to_png_stream(s, to_buf, out) == CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(s);
	return ok;
}

/* ---- scales ----------------------------------------------------------------------- */

void chart_nice_ticks(double lo, double hi, int max_ticks, chart_ticks *out)
{
	*out = (chart_ticks){0};
	if (max_ticks < 2)
		max_ticks = 2;
	if (max_ticks > CHART_MAX_TICKS)
		max_ticks = CHART_MAX_TICKS;
	if (!(hi > lo))
		hi = lo + 1;
	double raw = (hi - lo) / (max_ticks - 1);
	double mag = pow(10, floor(log10(raw)));
	static const double steps[] = {1, 2, 2.5, 5, 10};
	double step = 10 * mag;
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		double s = steps[i] * mag;
		if (ceil(hi / s - 1e-9) - floor(lo / s + 1e-9) + 1 <= max_ticks) {
			step = s;
			break;
		}
	}
	double first = floor(lo / step + 1e-9) * step, last = ceil(hi / step - 1e-9) * step;
	out->step = step;
	for (double v = first; v <= last + step * 1e-6 && out->n < CHART_MAX_TICKS; v += step)
		out->v[out->n++] = fabs(v) < step * 1e-9 ? 0 : round(v / step) * step;
}

/* ---- colours ----------------------------------------------------------------------- */

void chart_rgb(cairo_t *cr, uint32_t rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 255) / 255.0, ((rgb >> 8) & 255) / 255.0,
	    (rgb & 255) / 255.0);
}

/* ---- text -------------------------------------------------------------------------- */

PangoLayout *chart_text(chart_canvas *cv, const char *text, double size_pt, bool bold,
    double width)
{
	PangoLayout *l = pdf_layout_plain(cv->w, text, SIZE_SMALL, bold ? RICH_STRONG : 0, width);
	PangoFontDescription *fd = pango_font_description_copy(pango_layout_get_font_description(l));
	pango_font_description_set_size(fd,
	    (gint)(size_pt * cv->w->lay->font_scale * PANGO_SCALE + 0.5));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	return l;
}

void chart_text_size(PangoLayout *l, double *width, double *height)
{
	PangoRectangle logical;
	pango_layout_get_extents(l, NULL, &logical);
	if (width)
		*width = (double)logical.width / PANGO_SCALE;
	if (height)
		*height = (double)logical.height / PANGO_SCALE;
}

void chart_text_draw(chart_canvas *cv, PangoLayout *l, double x, double y, chart_align ax,
    chart_align ay, uint32_t rgb)
{
	double w, h;
	chart_text_size(l, &w, &h);
	double left = ax == CHART_START ? x : ax == CHART_MIDDLE ? x - w / 2 : x - w;
	double top = ay == CHART_START ? y : ay == CHART_MIDDLE ? y - h / 2 : y - h;
	/* a wrapped layout aligns its lines inside its own width */
	if (pango_layout_get_width(l) > 0)
		left = ax == CHART_START ? x : ax == CHART_MIDDLE ? x - pango_layout_get_width(l) / 2.0 / PANGO_SCALE
		                                                   : x - (double)pango_layout_get_width(l) / PANGO_SCALE;
	chart_rgb(cv->cr, rgb);
	cairo_move_to(cv->cr, left, top);
	pango_cairo_show_layout(cv->cr, l);
}

double chart_label(chart_canvas *cv, const char *text, double size_pt, bool bold, double x,
    double y, chart_align ax, chart_align ay, uint32_t rgb)
{
	PangoLayout *l = chart_text(cv, text, size_pt, bold, -1);
	double w;
	chart_text_size(l, &w, NULL);
	chart_text_draw(cv, l, x, y, ax, ay, rgb);
	g_object_unref(l);
	return w;
}

double chart_label_boxed(chart_canvas *cv, const char *text, double size_pt, bool bold,
    double x, double y, chart_align ax, chart_align ay, uint32_t rgb)
{
	PangoLayout *l = chart_text(cv, text, size_pt, bold, -1);
	double w, h;
	chart_text_size(l, &w, &h);
	double left = ax == CHART_START ? x : ax == CHART_MIDDLE ? x - w / 2 : x - w;
	double top = ay == CHART_START ? y : ay == CHART_MIDDLE ? y - h / 2 : y - h;
	chart_rgb(cv->cr, 0xFFFFFF);
	cairo_rectangle(cv->cr, left - 1.5, top + h * 0.12, w + 3, h * 0.8);
	cairo_fill(cv->cr);
	chart_text_draw(cv, l, x, y, ax, ay, rgb);
	g_object_unref(l);
	return w;
}

const char *chart_number(const chart_canvas *cv, double v, int decimals, char out[64])
{
	char arabic[64];
	snprintf(arabic, sizeof arabic, "%.*f", decimals, v);
	if (cv->w->lay->thai_numerals)
		thai_digits_to_thai(arabic, out, 64);
	else
		snprintf(out, 64, "%s", arabic);
	return out;
}

/* ---- marks ------------------------------------------------------------------------- */

void chart_marker_draw(cairo_t *cr, chart_marker m, double x, double y, double r, uint32_t rgb)
{
	cairo_save(cr);
	cairo_set_dash(cr, NULL, 0, 0);
	cairo_new_path(cr);
	switch (m) {
	case MARK_CIRCLE:
	case MARK_RING: cairo_arc(cr, x, y, r, 0, 2 * M_PI); break;
	case MARK_DIAMOND:
		cairo_move_to(cr, x, y - r * 1.3);
		cairo_line_to(cr, x + r * 1.3, y);
		cairo_line_to(cr, x, y + r * 1.3);
		cairo_line_to(cr, x - r * 1.3, y);
		cairo_close_path(cr);
		break;
	case MARK_SQUARE: cairo_rectangle(cr, x - r, y - r, 2 * r, 2 * r); break;
	}
	if (m == MARK_RING) {
		chart_rgb(cr, 0xFFFFFF);
		cairo_fill_preserve(cr);
		chart_rgb(cr, rgb);
		cairo_set_line_width(cr, 1.2);
		cairo_stroke(cr);
	} else {
		chart_rgb(cr, rgb);
		cairo_fill_preserve(cr);
		chart_rgb(cr, 0xFFFFFF);
		cairo_set_line_width(cr, 0.8);
		cairo_stroke(cr);
	}
	cairo_restore(cr);
}

void chart_dash(cairo_t *cr, int style, double width)
{
	static const double dashed[] = {6, 3}, dash_dot[] = {9, 3, 2, 3}, dotted[] = {1.2, 2.4};
	cairo_set_line_width(cr, width);
	cairo_set_line_cap(cr, style == 3 ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
	switch (style) {
	case 1: cairo_set_dash(cr, dashed, 2, 0); break;
	case 2: cairo_set_dash(cr, dash_dot, 4, 0); break;
	case 3: cairo_set_dash(cr, dotted, 2, 0); break;
	default: cairo_set_dash(cr, NULL, 0, 0); break;
	}
}

void chart_vertical_arrow(cairo_t *cr, double x, double y0, double y1, double head,
    uint32_t rgb)
{
	cairo_save(cr);
	chart_rgb(cr, rgb);
	chart_dash(cr, 0, 1);
	double dir = y1 > y0 ? 1 : -1;
	cairo_move_to(cr, x, y0 + dir * head);
	cairo_line_to(cr, x, y1 - dir * head);
	cairo_stroke(cr);
	for (int k = 0; k < 2; k++) {
		double tip = k ? y1 : y0, d = k ? -dir : dir;
		cairo_move_to(cr, x, tip);
		cairo_line_to(cr, x - head * 0.6, tip + d * head);
		cairo_line_to(cr, x + head * 0.6, tip + d * head);
		cairo_close_path(cr);
		cairo_fill(cr);
	}
	cairo_restore(cr);
}

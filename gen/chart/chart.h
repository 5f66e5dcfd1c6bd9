/*
 * chart.h — charts drawn with cairo, every label set with pango through the PDF
 * engine's writer (its private font set, 72 dpi context, Thai shaping and the layout's
 * numerals): cairo's toy text API cannot shape Thai. A chart is one drawing function
 * over a canvas (a cairo context and a box); the same function draws on a PDF page, an
 * SVG surface and a PNG image.
 */
#ifndef PRONGSAI_CHART_H
#define PRONGSAI_CHART_H

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stdint.h>

#include "pdf/writer.h"
#include "util/buf.h"

typedef struct chart_canvas {
	cairo_t *cr;
	pdf_writer *w;            /* makes the text layouts; its surface is not drawn on */
	double x, y, width, height;
} chart_canvas;

typedef void (*chart_draw_fn)(chart_canvas *cv, const void *data);

/* Renders a chart of width × height points as SVG (document unit pt, fixed ids: the
 * same bytes each run) or as PNG at scale pixels per point, into out. */
bool chart_render_svg(pdf_writer *w, double width, double height, chart_draw_fn draw,
    const void *data, buf *out);
bool chart_render_png(pdf_writer *w, double width, double height, double scale,
    chart_draw_fn draw, const void *data, buf *out);

/* ---- scales ------------------------------------------------------------------------ */

enum { CHART_MAX_TICKS = 32 };

/* "Nice" tick values (steps of 1, 2, 2.5 or 5 × 10^k) covering [lo, hi] with at most
 * max_ticks ticks; the axis should run from v[0] to v[n-1]. */
typedef struct chart_ticks {
	double v[CHART_MAX_TICKS];
	int n;
	double step;
} chart_ticks;

void chart_nice_ticks(double lo, double hi, int max_ticks, chart_ticks *out);

/* A linear map from data [d0, d1] to canvas [p0, p1] (p1 < p0 for an upward axis). */
typedef struct chart_scale {
	double d0, d1, p0, p1;
} chart_scale;

static inline double chart_map(const chart_scale *s, double v)
{
	return s->p0 + (v - s->d0) * (s->p1 - s->p0) / (s->d1 - s->d0);
}

/* ---- colours ------------------------------------------------------------------------ */

/* Okabe–Ito colours (distinguishable with colour-blindness); charts pair each with a
 * dash pattern or marker shape, so a grey print still tells them apart. */
enum {
	CHART_BLUE = 0x0072B2,
	CHART_VERMILLION = 0xD55E00,
	CHART_ORANGE = 0xE69F00,
	CHART_GREEN = 0x009E73,
	CHART_SKY = 0x56B4E9,
	CHART_PURPLE = 0xCC79A7,
	CHART_INK = 0x222222,
	CHART_GREY = 0x6B6B6B,
	CHART_GRID = 0xD9D9D9,
	CHART_PALE = 0xA6C8E0,
};

void chart_rgb(cairo_t *cr, uint32_t rgb);

/* ---- text ---------------------------------------------------------------------------- */

typedef enum chart_align { CHART_START, CHART_MIDDLE, CHART_END } chart_align;

/* A label at size_pt (TH Sarabun points, scaled to the layout's font like document
 * text), wrapped at width when width > 0. Caller unrefs. */
PangoLayout *chart_text(chart_canvas *cv, const char *text, double size_pt, bool bold,
    double width);
void chart_text_size(PangoLayout *l, double *width, double *height);
/* Draws l with its box anchored at (x, y): ax/ay say which side or middle of the box
 * sits there. */
void chart_text_draw(chart_canvas *cv, PangoLayout *l, double x, double y, chart_align ax,
    chart_align ay, uint32_t rgb);
/* The same for a string, in one call. Returns the width drawn. */
double chart_label(chart_canvas *cv, const char *text, double size_pt, bool bold, double x,
    double y, chart_align ax, chart_align ay, uint32_t rgb);

/* chart_label on a white box, for labels that may sit on lines. */
double chart_label_boxed(chart_canvas *cv, const char *text, double size_pt, bool bold,
    double x, double y, chart_align ax, chart_align ay, uint32_t rgb);

/* A number in the layout's numerals with the given decimals (64 bytes). */
const char *chart_number(const chart_canvas *cv, double v, int decimals, char out[64]);

/* ---- marks -------------------------------------------------------------------------- */

typedef enum chart_marker { MARK_CIRCLE, MARK_DIAMOND, MARK_SQUARE, MARK_RING } chart_marker;

void chart_marker_draw(cairo_t *cr, chart_marker m, double x, double y, double r, uint32_t rgb);
/* A line of a dash style: 0 solid, 1 dashed, 2 dash-dot, 3 dotted. */
void chart_dash(cairo_t *cr, int style, double width);
/* A vertical double-headed arrow between y0 and y1 at x. */
void chart_vertical_arrow(cairo_t *cr, double x, double y0, double y1, double head,
    uint32_t rgb);

#endif

/*
 * charts.h — the summary page's bar charts, drawn with cairo on the PDF engine's page
 * and labelled with pango (cairo's own text API cannot shape Thai). Each bar has its
 * label and its figure on a line above it, so long Thai labels never squeeze the bar.
 */
#ifndef PRONGSAI_PROGRESS_CHARTS_H
#define PRONGSAI_PROGRESS_CHARTS_H

#include <stddef.h>
#include <stdint.h>

#include "pdf/writer.h"

typedef struct chart_bar {
	const char *label;
	const char *figure;        /* right-aligned beside the label, e.g. "๓ (ร้อยละ ๕๐)" */
	double value;              /* the bar, in the chart's unit */
	double overlay;            /* a second bar over the first (disbursed over planned); < 0 none */
	uint32_t colour, overlay_colour;
} chart_bar;

typedef struct chart_key {
	const char *label;
	uint32_t colour;
} chart_key;

typedef struct chart {
	const char *title;
	const chart_bar *bars;
	size_t n;
	double max;                /* the value of a bar as wide as the chart */
	const char *empty;         /* said instead, when there is nothing to draw */
	const chart_key *keys;     /* a legend under the bars, or NULL */
	size_t nkeys;
} chart;

/* Height in points of the chart drawn width points wide. */
double chart_height(pdf_writer *w, const chart *c, double width);
/* Draws the chart with its top-left corner at x, y (nothing in the measuring pass). */
void chart_draw(pdf_writer *w, const chart *c, double x, double y, double width);

#endif

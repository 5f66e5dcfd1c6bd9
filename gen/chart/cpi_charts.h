/*
 * cpi_charts.h — the CPI charts (chart/cpi_charts.c): the score by year with the target
 * lines, the gap to each target and the global average when the data has it; the rank
 * by year (better = up); one small chart per source survey on the same 0–100 scale; and
 * the countries of one edition side by side. Editions before 2012 (0–10 scale) are
 * never drawn.
 */
#ifndef PRONGSAI_CPI_CHARTS_H
#define PRONGSAI_CPI_CHARTS_H

#include "chart/chart.h"
#include "cpi/cpi.h"

typedef enum cpi_chart {
	CPI_CHART_SCORE,
	CPI_CHART_RANK,
	CPI_CHART_SOURCES,
	CPI_CHART_COUNTRIES,
	CPI_CHART__COUNT
} cpi_chart;

/* The aggregate TI gives as the global average, written as a country with this code. */
#define CPI_GLOBAL_ISO3 "WLD"

const char *cpi_chart_name(cpi_chart k);       /* "cpi-score", "cpi-rank", … */
int cpi_chart_lookup(const char *name);        /* a cpi_chart, or -1 */
const char *cpi_chart_names(void);             /* "cpi-score, cpi-rank, …" for messages */
const char *cpi_chart_title_th(cpi_chart k);   /* a short Thai caption */
/* Whether the data can make the chart; why (static text) when not. */
bool cpi_chart_possible(const cpi_data *c, cpi_chart k, const char **why);
/* The chart's height for a width (points). */
double cpi_chart_height(const cpi_data *c, cpi_chart k, double width);

/* Where the score and rank charts put things, for tests and for callers that annotate. */
typedef struct cpi_chart_geometry {
	double left, top, right, bottom;   /* the plot area */
	chart_scale x, y;                  /* year → x, value → y */
	chart_ticks yticks;
	int first_year, last_year;
	int ntargets;
	double target_y[8];                /* y of each distinct target line drawn */
	double target_value[8];
} cpi_chart_geometry;

typedef struct cpi_chart_args {
	const cpi_data *c;
	cpi_chart kind;
	cpi_chart_geometry *geometry;      /* filled when not NULL */
} cpi_chart_args;

/* A chart_draw_fn: data is a cpi_chart_args. */
void cpi_chart_draw(chart_canvas *cv, const void *args);

#endif

/*
 * cpi_publish.c — reading content/cpi with the plans, checking the charts plans ask for,
 * and writing output/cpi/ (cpi_publish.h).
 */
#include "cpi/cpi_publish.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart/cpi_charts.h"
#include "cpi/out.h"
#include "layout.h"
#include "out/backend.h"
#include "pdf/pdf.h"
#include "util/fs.h"

char *cpi_content_dir_of(const char *plan_path)
{
	char *dir = strdup(plan_path);
	if (!dir)
		abort();
	for (int up = 0; up < 3; up++) {
		char *slash = strrchr(dir, '/');
		if (!slash) {
			if (up == 2) { /* agency/year/plan.md relative to the content folder itself */
				free(dir);
				return strdup(".");
			}
			free(dir);
			return NULL;
		}
		*slash = '\0';
	}
	if (!*dir) {
		free(dir);
		return strdup("/");
	}
	return dir;
}

cpi_data *cpi_publish_read(const char *content_dir, const char *layouts_dir, diag_sink *d)
{
	if (!content_dir)
		return NULL;
	size_t order = d->file_order;
	d->file_order = SIZE_MAX / 4; /* after the plans, before the progress files */
	char *dir;
	if (asprintf(&dir, "%s/cpi", content_dir) < 0)
		abort();
	cpi_data *c = cpi_load(dir, d);
	free(dir);
	if (c && layouts_dir) {
		const char *name = c->set.layout;
		bool plain = *name != '\0';
		for (const char *s = name; *s; s++)
			plain = plain && ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_');
		char *path = arena_printf(&c->mem, "%s/%s.json", layouts_dir, name);
		cpi_order_for(c, c->set.path, d);
		const char *at = c->set.path ? c->set.path : c->dir;
		if (!plain)
			diag_report(d, at, c->set.layout_line, 0, DIAG_LAYOUT_NOT_FOUND, name,
			    "a name of a-z 0-9 - _ (a file in the layouts folder)");
		else if (!fs_is_dir(layouts_dir) || access(path, R_OK) != 0)
			diag_report(d, at, c->set.layout_line, 0, DIAG_LAYOUT_NOT_FOUND, name, path);
		else
			c->report_layout = layout_load(path, &c->mem, d);
	}
	d->file_order = order;
	return c;
}

static void check_rich(const plan *p, const rich_text *t, const cpi_data *c, diag_sink *d)
{
	for (size_t i = 0; t && i < t->n; i++) {
		const rich_block *b = t->blocks[i];
		if (b->kind != RICH_FIGURE)
			continue;
		int k = cpi_chart_lookup(b->figure);
		const char *why = NULL;
		if (k < 0)
			diag_report(d, p->path, b->line, 0, DIAG_CPI_CHART_UNKNOWN, b->figure, cpi_chart_names());
		else if (!c)
			diag_report(d, p->path, b->line, 0, DIAG_CPI_CHART_NO_DATA, b->figure,
			    "the content folder has no cpi/ folder");
		else if (!cpi_chart_possible(c, (cpi_chart)k, &why))
			diag_report(d, p->path, b->line, 0, DIAG_CPI_CHART_NO_DATA, b->figure, why);
	}
}

void cpi_check_figures(const plan *p, const cpi_data *c, diag_sink *d)
{
	for (size_t i = 0; i < p->chapters.n; i++)
		check_rich(p, ((const chapter *)p->chapters.v[i])->rich, c, d);
	for (size_t i = 0; i < p->all_items.n; i++)
		check_rich(p, ((const item *)p->all_items.v[i])->prose_rich, c, d);
}

bool cpi_pdf_figure(pdf_writer *w, const char *name, const void *data)
{
	const cpi_data *c = data;
	int k = cpi_chart_lookup(name);
	if (!c || k < 0 || !cpi_chart_possible(c, (cpi_chart)k, NULL))
		return false;
	double width = pdf_text_width(w), height = cpi_chart_height(c, (cpi_chart)k, width);
	/* a landscape page: keep the chart within most of the page height */
	height = fmin(height, (w->bottom - w->top) * 0.8);
	pdf_need(w, height);
	pdf_tag_begin(w, "Figure", NULL);
	if (w->cr) {
		chart_canvas cv = {w->cr, w, w->left, w->y, width, height};
		cpi_chart_args args = {c, (cpi_chart)k, NULL};
		cpi_chart_draw(&cv, &args);
	}
	pdf_tag_end(w, "Figure");
	w->y += height + pdf_font_size(w, SIZE_BODY) * 0.5;
	return true;
}

/* The web charts: 640 pt wide, PNG at two pixels a point (sharp on high-density
 * screens). */
enum { WEB_WIDTH = 640 };
static const double PNG_SCALE = 2;

bool cpi_publish(output_tree *t, const cpi_data *c, const char *source_date_epoch, char err[256])
{
	if (!c->report_layout) {
		snprintf(err, 256, "no layout for the CPI report");
		return false;
	}
	pdf_fonts *fonts = pdf_fonts_new(c->report_layout, err);
	if (!fonts)
		return false;
	pdf_meta meta = {"CPI", "", "", "", "", 0};
	pdf_writer w;
	pdf_writer_init(&w, c->report_layout, &meta, fonts, NULL, 0); /* text only: no surface */
	const char *charts[2 * CPI_CHART__COUNT];
	char names[2 * CPI_CHART__COUNT][64];
	size_t ncharts = 0;
	bool ok = true;
	buf b = {0};
	for (int k = 0; ok && k < CPI_CHART__COUNT; k++) {
		if (!cpi_chart_possible(c, (cpi_chart)k, NULL))
			continue;
		cpi_chart_args args = {c, (cpi_chart)k, NULL};
		double height = cpi_chart_height(c, (cpi_chart)k, WEB_WIDTH);
		for (int png = 0; ok && png < 2; png++) {
			b.len = 0;
			snprintf(names[ncharts], sizeof names[0], "cpi/%s.%s", cpi_chart_name((cpi_chart)k),
			    png ? "png" : "svg");
			ok = png ? chart_render_png(&w, WEB_WIDTH, height, PNG_SCALE, cpi_chart_draw, &args, &b)
			         : chart_render_svg(&w, WEB_WIDTH, height, cpi_chart_draw, &args, &b);
			if (!ok)
				snprintf(err, 256, "cairo could not draw %s", names[ncharts]);
			ok = ok && output_write(t, names[ncharts], png ? "image/png" : "image/svg+xml", &b);
			charts[ncharts] = names[ncharts];
			ncharts++;
		}
	}
	pdf_writer_finish(&w);
	if (ok) {
		b.len = 0;
		json_t *j = cpi_json(c, charts, ncharts);
		json_render(j, &b);
		json_decref(j);
		ok = output_write(t, "cpi/cpi.json", "application/json", &b);
	}
	if (ok) {
		b.len = 0;
		cpi_csv(c, &b);
		ok = output_write(t, "cpi/cpi.csv", "text/csv", &b);
	}
	if (ok) {
		b.len = 0;
		ok = cpi_report_pdf(c, c->report_layout, fonts, cpi_document_date(c, source_date_epoch), &b, err) &&
		     output_write(t, "cpi/cpi-report.pdf", "application/pdf", &b);
	}
	if (!ok && !err[0])
		snprintf(err, 256, "%.200s", t->error);
	buf_free(&b);
	pdf_fonts_free(fonts);
	return ok;
}

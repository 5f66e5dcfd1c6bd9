/*
 * cpi_charts.c — the four CPI charts (cpi_charts.h), drawn on any canvas size.
 *
 * Each chart lays itself out from the top: title, subtitle, legend, then the plot, with
 * the source note at the foot; text sizes are TH Sarabun points like the documents'
 * (chart_text scales them to the layout's font). Colours come in pairs with dash
 * patterns or marker shapes, so a grey print still tells the series apart. Years are
 * labelled in พ.ศ. or CE (content/cpi/settings.csv), numerals per layout.
 */
#include "chart/cpi_charts.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

enum { TITLE_PT = 17, SUBTITLE_PT = 13, LABEL_PT = 12, SMALL_PT = 11 };
static const double PAD = 10;

static const char *const names[CPI_CHART__COUNT] = {"cpi-score", "cpi-rank", "cpi-sources",
	"cpi-countries"};
static const char *const titles_th[CPI_CHART__COUNT] = {
	"คะแนนดัชนีการรับรู้การทุจริตรายปีเทียบกับค่าเป้าหมาย",
	"อันดับดัชนีการรับรู้การทุจริตรายปี",
	"คะแนนจากแหล่งประเมินแต่ละแหล่ง",
	"คะแนนดัชนีการรับรู้การทุจริตเทียบกับประเทศอื่น"};

const char *cpi_chart_name(cpi_chart k)
{
	return (unsigned)k < CPI_CHART__COUNT ? names[k] : NULL;
}

const char *cpi_chart_title_th(cpi_chart k)
{
	return (unsigned)k < CPI_CHART__COUNT ? titles_th[k] : NULL;
}

int cpi_chart_lookup(const char *name)
{
	for (int k = 0; k < CPI_CHART__COUNT; k++)
		if (!strcmp(name, names[k]))
			return k;
	return -1;
}

const char *cpi_chart_names(void)
{
	return "cpi-score, cpi-rank, cpi-sources, cpi-countries";
}

/* ---- what the data holds ------------------------------------------------------------- */

static int count_with(const cpi_country *k, cpi_field f)
{
	int n = 0;
	for (size_t i = 0; k && i < k->nyears; i++)
		n += k->years[i]->f[f].n.has && k->years[i]->year >= CPI_FIRST_100_YEAR;
	return n;
}

static bool has_surveys(const cpi_country *k)
{
	for (size_t i = 0; k && i < k->nyears; i++)
		for (int s = 0; s < cpi_survey_count(); s++)
			if (k->years[i]->survey[s].n.has && k->years[i]->year >= CPI_FIRST_100_YEAR)
				return true;
	return false;
}

/* The latest edition in which at least two countries (besides the global average) have
 * a score, or 0. */
static int comparison_year(const cpi_data *c, int *ncountries)
{
	int best = 0, bestn = 0;
	for (size_t i = 0; i < c->countries.n; i++) {
		const cpi_country *k = c->countries.v[i];
		for (size_t j = 0; j < k->nyears; j++) {
			int y = k->years[j]->year;
			if (y < CPI_FIRST_100_YEAR || y <= best)
				continue;
			int n = 0;
			for (size_t m = 0; m < c->countries.n; m++) {
				const cpi_country *o = c->countries.v[m];
				const cpi_year *oy = cpi_year_of(o, y);
				n += strcmp(o->iso3, CPI_GLOBAL_ISO3) != 0 && oy && oy->f[CPI_SCORE].n.has;
			}
			if (n >= 2) {
				best = y;
				bestn = n;
			}
		}
	}
	if (ncountries)
		*ncountries = bestn;
	return best;
}

bool cpi_chart_possible(const cpi_data *c, cpi_chart k, const char **why)
{
	const cpi_country *f = cpi_focus(c);
	const char *no = NULL;
	switch (k) {
	case CPI_CHART_SCORE:
		if (count_with(f, CPI_SCORE) < 1)
			no = "the country in focus has no score from 2012 on";
		break;
	case CPI_CHART_RANK:
		if (count_with(f, CPI_RANK) < 1)
			no = "the country in focus has no rank from 2012 on";
		break;
	case CPI_CHART_SOURCES:
		if (!has_surveys(f))
			no = "the country in focus has no per-source scores";
		break;
	case CPI_CHART_COUNTRIES:
		if (!comparison_year(c, NULL))
			no = "no edition has scores of two or more countries";
		break;
	case CPI_CHART__COUNT: no = "unknown chart"; break;
	}
	if (why)
		*why = no;
	return !no;
}

static int survey_panels(const cpi_country *k, int *which)
{
	int n = 0;
	for (int s = 0; s < cpi_survey_count(); s++) {
		bool any = false;
		for (size_t i = 0; k && i < k->nyears; i++)
			any = any || (k->years[i]->survey[s].n.has && k->years[i]->year >= CPI_FIRST_100_YEAR);
		if (any && which)
			which[n] = s;
		n += any;
	}
	return n;
}

static int panel_columns(int n)
{
	return n <= 3 ? n : n == 4 ? 2 : n <= 9 ? 3 : 4;
}

double cpi_chart_height(const cpi_data *c, cpi_chart k, double width)
{
	switch (k) {
	case CPI_CHART_SOURCES: {
		int n = survey_panels(cpi_focus(c), NULL), cols = panel_columns(n ? n : 1);
		int rows = (n + cols - 1) / (cols ? cols : 1);
		return 120 + rows * fmin(150, width / cols * 0.62);
	}
	case CPI_CHART_COUNTRIES: {
		int n = 0;
		comparison_year(c, &n);
		return 150 + n * 26;
	}
	default: return fmax(300, width * 0.6);
	}
}

/* ---- shared pieces ------------------------------------------------------------------- */

static const char *year_text(const chart_canvas *cv, const cpi_data *c, int year, char out[64])
{
	return chart_number(cv, c->set.years_be ? year + 543 : year, 0, out);
}

static const char *era(const cpi_data *c)
{
	return c->set.years_be ? "พ.ศ." : "ค.ศ.";
}

/* "ของประเทศไทย", or "ของ Thailand" for a name in Latin letters. */
static void of_country(buf *b, const cpi_country *k)
{
	buf_printf(b, "ของ%s%s", (unsigned char)k->name[0] < 0x80 ? " " : "", k->name);
}

/* Title and subtitle from the top of the canvas; returns the y below them. */
static double heading(chart_canvas *cv, const char *title, const char *subtitle)
{
	double w = cv->width - 2 * PAD, y = cv->y + PAD, h;
	PangoLayout *l = chart_text(cv, title, TITLE_PT, true, w);
	chart_text_size(l, NULL, &h);
	chart_text_draw(cv, l, cv->x + PAD, y, CHART_START, CHART_START, CHART_INK);
	g_object_unref(l);
	y += h;
	if (subtitle) {
		l = chart_text(cv, subtitle, SUBTITLE_PT, false, w);
		chart_text_size(l, NULL, &h);
		chart_text_draw(cv, l, cv->x + PAD, y, CHART_START, CHART_START, CHART_GREY);
		g_object_unref(l);
		y += h;
	}
	return y + 4;
}

/* The source note at the foot: its height, and drawn when draw is set. */
static double footnote(chart_canvas *cv, const char *text, bool draw)
{
	PangoLayout *l = chart_text(cv, text, SMALL_PT, false, cv->width - 2 * PAD);
	double h;
	chart_text_size(l, NULL, &h);
	if (draw)
		chart_text_draw(cv, l, cv->x + PAD, cv->y + cv->height - PAD / 2 - h, CHART_START,
		    CHART_START, CHART_GREY);
	g_object_unref(l);
	return h + PAD / 2;
}

/* Documents behind what a chart shows, by publisher, for its source note. */
typedef struct doc_set {
	const cpi_document *v[32];
	int n;
} doc_set;

static void doc_add(doc_set *s, const cpi_document *d)
{
	if (!d)
		return;
	for (int i = 0; i < s->n; i++)
		if (s->v[i] == d || (s->v[i]->publisher && d->publisher &&
		                        !strcmp(s->v[i]->publisher, d->publisher)))
			return;
	if (s->n < 32)
		s->v[s->n++] = d;
}

static void doc_note(const doc_set *s, const char *extra, buf *out)
{
	buf_puts(out, "ที่มา: ");
	for (int i = 0; i < s->n; i++)
		buf_printf(out, "%s%s", i ? "; " : "", s->v[i]->publisher ? s->v[i]->publisher : s->v[i]->id);
	if (extra)
		buf_printf(out, " %s", extra);
}

/* Legend: entries left to right, wrapping; returns the y below it. */
typedef enum legend_kind { LEG_LINE, LEG_RING, LEG_BAR } legend_kind;
typedef struct legend_entry {
	legend_kind kind;
	uint32_t colour;
	int dash;
	chart_marker marker;
	bool has_marker;
	char text[200];
} legend_entry;

static double legend(chart_canvas *cv, const legend_entry *e, int n, double y)
{
	double x = cv->x + PAD, right = cv->x + cv->width - PAD, rowh = 0;
	for (int i = 0; i < n; i++) {
		PangoLayout *l = chart_text(cv, e[i].text, LABEL_PT, false, -1);
		double w, h;
		chart_text_size(l, &w, &h);
		double need = 26 + w + 14;
		if (x > cv->x + PAD && x + need > right) {
			x = cv->x + PAD;
			y += rowh;
			rowh = 0;
		}
		double mid = y + h / 2;
		cairo_t *cr = cv->cr;
		cairo_save(cr);
		if (e[i].kind == LEG_LINE) {
			chart_rgb(cr, e[i].colour);
			chart_dash(cr, e[i].dash, e[i].dash ? 1.4 : 2);
			cairo_move_to(cr, x, mid);
			cairo_line_to(cr, x + 22, mid);
			cairo_stroke(cr);
			if (e[i].has_marker)
				chart_marker_draw(cr, e[i].marker, x + 11, mid, 3, e[i].colour);
		} else if (e[i].kind == LEG_RING) {
			chart_marker_draw(cr, MARK_RING, x + 11, mid, 3.2, e[i].colour);
		} else {
			chart_rgb(cr, e[i].colour);
			cairo_rectangle(cr, x + 3, mid - 5, 16, 10);
			cairo_fill(cr);
		}
		cairo_restore(cr);
		chart_text_draw(cv, l, x + 26, y, CHART_START, CHART_START, CHART_INK);
		g_object_unref(l);
		x += need;
		if (h > rowh)
			rowh = h;
	}
	return y + rowh + 4;
}

static void line_h(cairo_t *cr, double x0, double x1, double y, uint32_t rgb, int dash, double w)
{
	cairo_save(cr);
	chart_rgb(cr, rgb);
	chart_dash(cr, dash, w);
	cairo_move_to(cr, x0, y);
	cairo_line_to(cr, x1, y);
	cairo_stroke(cr);
	cairo_restore(cr);
}

static void line_v(cairo_t *cr, double x, double y0, double y1, uint32_t rgb, double w)
{
	cairo_save(cr);
	chart_rgb(cr, rgb);
	chart_dash(cr, 0, w);
	cairo_move_to(cr, x, y0);
	cairo_line_to(cr, x, y1);
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* Labels of the years first..last under the axis at y, every `step` years so that they
 * do not touch; tick marks for every year. Returns the labels' height. */
static double year_axis(chart_canvas *cv, const cpi_data *c, const chart_scale *x, int first,
    int last, double y, bool draw, double size_pt)
{
	char t[64];
	PangoLayout *l = chart_text(cv, year_text(cv, c, last, t), size_pt, false, -1);
	double w, h;
	chart_text_size(l, &w, &h);
	g_object_unref(l);
	double per_year = first < last ? fabs(chart_map(x, first + 1) - chart_map(x, first)) : 1e9;
	int step = 1;
	static const int steps[] = {1, 2, 5, 10, 20};
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		step = steps[i];
		if (per_year * step >= w + 6)
			break;
	}
	if (!draw)
		return h + 3;
	for (int yr = first; yr <= last; yr++) {
		double px = chart_map(x, yr);
		line_v(cv->cr, px, y, y + 3, CHART_GREY, 0.6);
		if ((yr - first) % step == 0)
			chart_label(cv, year_text(cv, c, yr, t), size_pt, false, px, y + 3, CHART_MIDDLE,
			    CHART_START, CHART_INK);
	}
	return h + 3;
}

/* ---- score and rank by year ---------------------------------------------------------- */

typedef struct target_line {
	int year;
	double value;
	const cpi_target *t;
} target_line;

static int target_cmp(const void *a, const void *b)
{
	const target_line *x = a, *y = b;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return (x->value > y->value) - (x->value < y->value);
}

static int collect_targets(const cpi_data *c, bool rank, target_line *out, int max)
{
	int n = 0;
	for (size_t i = 0; i < c->targets.n; i++) {
		const cpi_target *t = c->targets.v[i];
		const cpi_number *v = rank ? &t->rank_max : &t->score_min;
		if (strcmp(t->iso3, c->set.iso3) != 0 || !v->has)
			continue;
		bool dup = false;
		for (int k = 0; k < n; k++)
			dup = dup || (out[k].year == t->year && out[k].value == v->v);
		if (!dup && n < max)
			out[n++] = (target_line){t->year, v->v, t};
	}
	qsort(out, (size_t)n, sizeof *out, target_cmp);
	return n;
}

/* Whether the figure of the target's edition, or the latest one before it, meets it. */
static bool target_met(const cpi_data *c, const cpi_country *k, cpi_field field,
    const target_line *t)
{
	(void)c;
	for (size_t j = k->nyears; j-- > 0;) {
		const cpi_year *ky = k->years[j];
		if (!ky->f[field].n.has || ky->year > t->year || ky->year < CPI_FIRST_100_YEAR)
			continue;
		return field == CPI_RANK ? ky->f[field].n.v <= t->value : ky->f[field].n.v >= t->value;
	}
	return false;
}

static const uint32_t target_colour[] = {CHART_VERMILLION, CHART_ORANGE, CHART_PURPLE, CHART_GREEN};
static const int target_dash[] = {1, 2, 1, 2};

/* The line through a country's values of field for the years from..to (those it has). */
static void series_path(cairo_t *cr, const cpi_country *k, int field, int from, int to,
    const chart_scale *xs, const chart_scale *ys)
{
	bool started = false;
	for (size_t i = 0; i < k->nyears; i++) {
		const cpi_year *ky = k->years[i];
		if (!ky->f[field].n.has || ky->year < from || ky->year > to)
			continue;
		double px = chart_map(xs, ky->year), py = chart_map(ys, ky->f[field].n.v);
		if (started)
			cairo_line_to(cr, px, py);
		else
			cairo_move_to(cr, px, py);
		started = true;
	}
}

static void trend_chart(chart_canvas *cv, const cpi_data *c, bool rank, cpi_chart_geometry *geo)
{
	cairo_t *cr = cv->cr;
	const cpi_country *k = cpi_focus(c);
	cpi_field field = rank ? CPI_RANK : CPI_SCORE;
	const cpi_country *world = rank ? NULL : cpi_country_of(c, CPI_GLOBAL_ISO3);
	char t1[64], t2[64], t3[64];
	target_line tl[8];
	int nt = collect_targets(c, rank, tl, 8);
	int first = 0, last = 0, first_data = 0, last_data = 0;
	double vmax = 0, countries = 0;
	bool old_years = false;
	doc_set docs = {0};
	for (size_t i = 0; i < k->nyears; i++) {
		const cpi_year *y = k->years[i];
		if (!y->f[field].n.has)
			continue;
		if (y->year < CPI_FIRST_100_YEAR) {
			old_years = true;
			continue;
		}
		if (!first_data)
			first_data = y->year;
		last_data = y->year;
		vmax = fmax(vmax, y->f[field].n.v);
		if (y->f[CPI_COUNTRIES].n.has)
			countries = fmax(countries, y->f[CPI_COUNTRIES].n.v);
		doc_add(&docs, y->f[field].doc);
	}
	first = first_data;
	last = last_data;
	for (int i = 0; i < nt; i++) {
		first = tl[i].year < first ? tl[i].year : first;
		last = tl[i].year > last ? tl[i].year : last;
		vmax = fmax(vmax, tl[i].value);
		doc_add(&docs, tl[i].t->doc);
	}
	for (size_t i = 0; world && i < world->nyears; i++)
		if (world->years[i]->f[CPI_SCORE].n.has && world->years[i]->year >= first_data &&
		    world->years[i]->year <= last) {
			vmax = fmax(vmax, world->years[i]->f[CPI_SCORE].n.v);
			doc_add(&docs, world->years[i]->f[CPI_SCORE].doc);
		}

	/* title, subtitle, legend */
	buf title = {0}, sub = {0};
	buf_puts(&title, rank ? "อันดับดัชนีการรับรู้การทุจริต (CPI) " : "คะแนนดัชนีการรับรู้การทุจริต (CPI) ");
	of_country(&title, k);
	buf_printf(&title, " %s %s–%s", era(c), year_text(cv, c, first_data, t1),
	    year_text(cv, c, last_data, t2));
	if (rank) {
		buf_puts(&sub, "อันดับจากประเทศที่ได้รับการประเมิน");
		if (countries > 0)
			buf_printf(&sub, " (สูงสุด %s ประเทศ)", chart_number(cv, countries, 0, t1));
		buf_puts(&sub, ": ตัวเลขน้อยคืออันดับดีกว่า แสดงไว้ด้านบน");
	} else {
		buf_puts(&sub, "คะแนน ๐–๑๐๐ (คะแนนสูงคือรับรู้ว่ามีการทุจริตน้อย) เทียบกับค่าเป้าหมายของแผนระดับชาติ");
		if (!cv->w->lay->thai_numerals) {
			sub.len = 0;
			buf_puts(&sub, "คะแนน 0–100 (คะแนนสูงคือรับรู้ว่ามีการทุจริตน้อย) เทียบกับค่าเป้าหมายของแผนระดับชาติ");
		}
	}
	double y = heading(cv, title.data, sub.data);
	legend_entry le[12];
	int nl = 0;
	le[nl] = (legend_entry){LEG_LINE, CHART_BLUE, 0, MARK_CIRCLE, true, ""};
	snprintf(le[nl++].text, sizeof le[0].text, "%s", rank ? "อันดับ" : "คะแนน CPI");
	for (int i = 0; i < nt; i++) {
		le[nl] = (legend_entry){LEG_LINE, target_colour[i % 4], target_dash[i % 4], MARK_DIAMOND,
			true, ""};
		snprintf(le[nl++].text, sizeof le[0].text, "เป้าหมาย %s %s", era(c),
		    year_text(cv, c, tl[i].year, t1));
	}
	if (world && count_with(world, CPI_SCORE)) {
		le[nl] = (legend_entry){LEG_LINE, CHART_GREY, 3, MARK_SQUARE, false, ""};
		snprintf(le[nl++].text, sizeof le[0].text, "ค่าเฉลี่ยทั่วโลก");
	}
	bool alternatives = false;
	for (size_t i = 0; i < c->disagreements.n; i++) {
		const cpi_disagreement *g = c->disagreements.v[i];
		alternatives = alternatives || (!strcmp(g->iso3, k->iso3) && !strcmp(g->what, cpi_field_name(field)) &&
		                                   g->year >= CPI_FIRST_100_YEAR);
		if (!strcmp(g->iso3, k->iso3) && !strcmp(g->what, cpi_field_name(field)))
			doc_add(&docs, g->other.doc);
	}
	if (alternatives) {
		le[nl] = (legend_entry){LEG_RING, CHART_INK, 0, MARK_RING, true, ""};
		snprintf(le[nl++].text, sizeof le[0].text, "ค่าที่เอกสารอื่นระบุต่างออกไป");
	}
	y = legend(cv, le, nl, y + 2);

	/* the plot area */
	buf note = {0};
	char old_note[256];
	snprintf(old_note, sizeof old_note, "(ไม่แสดงคะแนนก่อน %s %s ซึ่งใช้มาตรา %s–%s)", era(c),
	    year_text(cv, c, CPI_FIRST_100_YEAR, t1), chart_number(cv, 0, 0, t2), chart_number(cv, 10, 0, t3));
	doc_note(&docs, old_years ? old_note : NULL, &note);
	double foot = footnote(cv, note.data, false);
	chart_ticks ticks;
	if (rank) {
		double bottom_rank = fmax(vmax, countries);
		chart_nice_ticks(0, bottom_rank, 10, &ticks);
		ticks.v[0] = 1; /* ranks start at 1 */
	} else {
		chart_nice_ticks(0, vmax * 1.08, 8, &ticks);
	}
	double label_w = 0;
	for (int i = 0; i < ticks.n; i++) {
		PangoLayout *l = chart_text(cv, chart_number(cv, ticks.v[i], 0, t1), LABEL_PT, false, -1);
		double w;
		chart_text_size(l, &w, NULL);
		label_w = fmax(label_w, w);
		g_object_unref(l);
	}
	double left = cv->x + PAD + label_w + 6, right = cv->x + cv->width - PAD - 6;
	double top = y + 8;
	chart_scale xs = {first - 0.5, last + 0.5, left, right};
	double axis_h = year_axis(cv, c, &xs, first, last, 0, false, LABEL_PT);
	double bottom = cv->y + cv->height - foot - axis_h - 6;
	chart_scale ys = rank ? (chart_scale){1, ticks.v[ticks.n - 1], top, bottom}
	                      : (chart_scale){ticks.v[0], ticks.v[ticks.n - 1], bottom, top};
	if (geo) {
		*geo = (cpi_chart_geometry){left, top, right, bottom, xs, ys, ticks, first, last, 0, {0}, {0}};
	}

	/* grid and axes */
	for (int i = 0; i < ticks.n; i++) {
		double py = chart_map(&ys, ticks.v[i]);
		line_h(cr, left, right, py, i == 0 && !rank ? CHART_GREY : CHART_GRID, 0, i == 0 && !rank ? 0.8 : 0.5);
		chart_label(cv, chart_number(cv, ticks.v[i], 0, t1), LABEL_PT, false, left - 5, py,
		    CHART_END, CHART_MIDDLE, CHART_INK);
	}
	year_axis(cv, c, &xs, first, last, bottom, true, LABEL_PT);

	/* target lines, labelled at their left end */
	for (int i = 0; i < nt; i++) {
		double py = chart_map(&ys, tl[i].value);
		uint32_t col = target_colour[i % 4];
		line_h(cr, left, right, py, col, target_dash[i % 4], 1.4);
		if (geo && geo->ntargets < 8) {
			geo->target_y[geo->ntargets] = py;
			geo->target_value[geo->ntargets++] = tl[i].value;
		}
		chart_number(cv, tl[i].value, 0, t2);
		snprintf(t3, sizeof t3, "%s", year_text(cv, c, tl[i].year, t1));
		char text[256];
		if (rank)
			snprintf(text, sizeof text, "เป้าหมาย %s %s: อันดับไม่เกิน %s", era(c), t3, t2);
		else
			snprintf(text, sizeof text, "เป้าหมาย %s %s: ไม่น้อยกว่า %s คะแนน", era(c), t3, t2);
		if (target_met(c, k, field, &tl[i]))
			snprintf(text + strlen(text), sizeof text - strlen(text), " (บรรลุแล้ว)");
		PangoLayout *l = chart_text(cv, text, SMALL_PT, true, -1);
		double w, h;
		chart_text_size(l, &w, &h);
		chart_rgb(cr, 0xFFFFFF);
		cairo_rectangle(cr, left + 3, py - 1.5 - h, w + 4, h);
		cairo_fill(cr);
		chart_text_draw(cv, l, left + 5, py - 1.5, CHART_START, CHART_END, col);
		g_object_unref(l);
	}

	/* the global average */
	if (world) {
		cairo_save(cr);
		chart_rgb(cr, CHART_GREY);
		chart_dash(cr, 3, 1.6);
		series_path(cr, world, CPI_SCORE, first, last, &xs, &ys);
		cairo_stroke(cr);
		cairo_restore(cr);
	}

	/* the series */
	cairo_save(cr);
	chart_rgb(cr, CHART_BLUE);
	chart_dash(cr, 0, 2);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	series_path(cr, k, field, CPI_FIRST_100_YEAR, INT_MAX, &xs, &ys);
	cairo_stroke(cr);
	cairo_restore(cr);
	for (size_t i = 0; i < k->nyears; i++) {
		const cpi_year *ky = k->years[i];
		if (!ky->f[field].n.has || ky->year < CPI_FIRST_100_YEAR)
			continue;
		double px = chart_map(&xs, ky->year), py = chart_map(&ys, ky->f[field].n.v);
		chart_marker_draw(cr, MARK_CIRCLE, px, py, 3, CHART_BLUE);
		/* the value just off its point, on the side away from the target lines, unless
		 * another document's value sits there; beside the point where a gap arrow
		 * rises from it */
		bool below = rank;
		for (size_t j = 0; j < c->disagreements.n; j++) {
			const cpi_disagreement *g = c->disagreements.v[j];
			if (g->year == ky->year && !strcmp(g->iso3, k->iso3) &&
			    !strcmp(g->what, cpi_field_name(field)))
				below = chart_map(&ys, g->other.n.v) < py;
		}
		bool arrow = false;
		for (int j = 0; j < nt; j++)
			arrow = arrow || tl[j].year == ky->year;
		chart_number(cv, ky->f[field].n.v, 0, t1);
		if (arrow)
			chart_label_boxed(cv, t1, LABEL_PT, ky->year == last_data, px + 6, py + (rank ? -1 : 1) * 6,
			    CHART_START, CHART_MIDDLE, CHART_BLUE);
		else
			chart_label_boxed(cv, t1, LABEL_PT, ky->year == last_data, px, below ? py + 5 : py - 5,
			    CHART_MIDDLE, below ? CHART_START : CHART_END, CHART_BLUE);
	}
	for (size_t i = 0; i < c->disagreements.n; i++) {
		const cpi_disagreement *g = c->disagreements.v[i];
		if (strcmp(g->iso3, k->iso3) != 0 || strcmp(g->what, cpi_field_name(field)) != 0 ||
		    g->year < CPI_FIRST_100_YEAR)
			continue;
		chart_marker_draw(cr, MARK_RING, chart_map(&xs, g->year), chart_map(&ys, g->other.n.v), 3.2,
		    CHART_INK);
	}

	/* the gap to each target: from the edition's own value, or from the latest one */
	for (int i = 0; i < nt; i++) {
		const cpi_year *at = cpi_year_of(k, tl[i].year);
		const cpi_year *from = at && at->f[field].n.has ? at : NULL;
		for (size_t j = 0; !from && j < k->nyears; j++) {
			const cpi_year *ky = k->years[k->nyears - 1 - j];
			if (ky->f[field].n.has && ky->year < tl[i].year && ky->year >= CPI_FIRST_100_YEAR)
				from = ky;
		}
		if (!from)
			continue;
		double actual = from->f[field].n.v;
		double gap = rank ? actual - tl[i].value : tl[i].value - actual;
		double px = chart_map(&xs, tl[i].year), y0 = chart_map(&ys, actual),
		       y1 = chart_map(&ys, tl[i].value);
		uint32_t col = target_colour[i % 4];
		chart_marker_draw(cr, MARK_DIAMOND, px, y1, 3.2, col);
		char text[256];
		if (gap <= 0)
			continue; /* met: the target's own label says so */
		if (from->year < tl[i].year)
			line_h(cr, chart_map(&xs, from->year) + 4, px, y0, CHART_BLUE, 3, 1.2);
		chart_vertical_arrow(cr, px, y0 + (rank ? -4 : 4), y1 + (rank ? 5 : -5), 4, col);
		snprintf(text, sizeof text, "%s\n%s %s", from->year == tl[i].year ? "ต่ำกว่าเป้าหมาย" : "ห่างเป้าหมาย",
		    chart_number(cv, gap, gap == floor(gap) ? 0 : 1, t1), rank ? "อันดับ" : "คะแนน");
		PangoLayout *l = chart_text(cv, text, SMALL_PT, true, -1);
		pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
		double w, h;
		chart_text_size(l, &w, &h);
		chart_rgb(cr, 0xFFFFFF);
		cairo_rectangle(cr, px - 8 - w, (y0 + y1) / 2 - h / 2, w + 2, h);
		cairo_fill(cr);
		chart_text_draw(cv, l, px - 7, (y0 + y1) / 2, CHART_END, CHART_MIDDLE, col);
		g_object_unref(l);
	}
	footnote(cv, note.data, true);
	buf_free(&note);
	buf_free(&title);
	buf_free(&sub);
}

/* ---- one panel per source survey ------------------------------------------------------ */

static void sources_chart(chart_canvas *cv, const cpi_data *c)
{
	cairo_t *cr = cv->cr;
	const cpi_country *k = cpi_focus(c);
	int which[64];
	int n = survey_panels(k, which);
	int first = 0, last = 0;
	doc_set docs = {0};
	for (size_t i = 0; i < k->nyears; i++) {
		const cpi_year *ky = k->years[i];
		if (ky->year < CPI_FIRST_100_YEAR)
			continue;
		for (int s = 0; s < n; s++)
			if (ky->survey[which[s]].n.has) {
				if (!first)
					first = ky->year;
				last = ky->year;
				doc_add(&docs, ky->survey[which[s]].doc);
			}
	}
	char t1[64], t2[64], t3[64];
	buf title = {0};
	buf_printf(&title, "คะแนนจากแหล่งประเมิน %s แหล่ง", chart_number(cv, n, 0, t3));
	of_country(&title, k);
	buf_printf(&title, " %s %s–%s", era(c), year_text(cv, c, first, t1), year_text(cv, c, last, t2));
	double y = heading(cv, title.data,
	    cv->w->lay->thai_numerals ? "ทุกแหล่งแสดงบนมาตราเดียวกัน ๐–๑๐๐ เทียบกับคะแนน CPI รวมของแต่ละปี"
	                              : "ทุกแหล่งแสดงบนมาตราเดียวกัน 0–100 เทียบกับคะแนน CPI รวมของแต่ละปี");
	legend_entry le[2] = {{LEG_LINE, CHART_BLUE, 0, MARK_CIRCLE, true, "คะแนนจากแหล่งประเมิน"},
		{LEG_LINE, CHART_GREY, 1, MARK_CIRCLE, false, "คะแนน CPI รวม"}};
	y = legend(cv, le, 2, y + 2);
	buf note = {0};
	doc_note(&docs, NULL, &note);
	double foot = footnote(cv, note.data, false);
	int cols = panel_columns(n), rows = (n + cols - 1) / cols;
	PangoLayout *probe = chart_text(cv, "๑๐๐", SMALL_PT, false, -1);
	double label_w, label_h;
	chart_text_size(probe, &label_w, &label_h);
	g_object_unref(probe);
	double gx = cv->x + PAD + label_w + 4, gw = cv->x + cv->width - PAD - gx;
	double gy = y + 4, gh = cv->y + cv->height - foot - 4 - gy;
	double pw = gw / cols, ph = gh / rows;
	for (int p = 0; p < n; p++) {
		int s = which[p], col = p % cols, row = p / cols;
		double x0 = gx + col * pw, y0 = gy + row * ph;
		/* panel: title, plot, year labels */
		double th = 0;
		PangoLayout *l = chart_text(cv, cpi_survey_at(s)->label, SUBTITLE_PT, true, -1);
		chart_text_size(l, NULL, &th);
		chart_text_draw(cv, l, x0 + 4, y0, CHART_START, CHART_START, CHART_INK);
		g_object_unref(l);
		double left = x0 + 4, right = x0 + pw - 10, top = y0 + th + 4;
		double bottom = y0 + ph - label_h - 10;
		chart_scale xs = {first - 0.5, last + 0.5, left, right};
		chart_scale ys = {0, 100, bottom, top};
		for (int v = 0; v <= 100; v += 25) {
			double py = chart_map(&ys, v);
			line_h(cr, left, right, py, v == 0 ? CHART_GREY : CHART_GRID, 0, v == 0 ? 0.8 : 0.5);
			if (col == 0 && v % 50 == 0)
				chart_label(cv, chart_number(cv, v, 0, t1), SMALL_PT, false, left - 4, py, CHART_END,
				    CHART_MIDDLE, CHART_INK);
		}
		for (int yr = first; yr <= last; yr++)
			line_v(cr, chart_map(&xs, yr), bottom, bottom + 2.5, CHART_GREY, 0.6);
		chart_label(cv, year_text(cv, c, first, t1), SMALL_PT, false, chart_map(&xs, first),
		    bottom + 3, CHART_MIDDLE, CHART_START, CHART_INK);
		if (last != first)
			chart_label(cv, year_text(cv, c, last, t1), SMALL_PT, false, chart_map(&xs, last),
			    bottom + 3, CHART_MIDDLE, CHART_START, CHART_INK);
		/* the overall score for reference, then the source's own line */
		for (int pass = 0; pass < 2; pass++) {
			cairo_save(cr);
			chart_rgb(cr, pass ? CHART_BLUE : CHART_GREY);
			chart_dash(cr, pass ? 0 : 1, pass ? 1.8 : 1.1);
			bool started = false;
			for (size_t i = 0; i < k->nyears; i++) {
				const cpi_year *ky = k->years[i];
				const cpi_value *v = pass ? &ky->survey[s] : &ky->f[CPI_SCORE];
				if (!v->n.has || ky->year < first || ky->year > last) {
					started = false;
					continue;
				}
				double px = chart_map(&xs, ky->year), py = chart_map(&ys, v->n.v);
				if (started)
					cairo_line_to(cr, px, py);
				else
					cairo_move_to(cr, px, py);
				started = true;
			}
			cairo_stroke(cr);
			cairo_restore(cr);
		}
		const cpi_year *latest = NULL;
		for (size_t i = 0; i < k->nyears; i++) {
			const cpi_year *ky = k->years[i];
			if (!ky->survey[s].n.has || ky->year < first)
				continue;
			chart_marker_draw(cr, MARK_CIRCLE, chart_map(&xs, ky->year), chart_map(&ys, ky->survey[s].n.v),
			    2.4, CHART_BLUE);
			latest = ky;
		}
		if (latest) {
			double v = latest->survey[s].n.v;
			chart_label_boxed(cv, chart_number(cv, v, v == floor(v) ? 0 : 1, t1), LABEL_PT, true,
			    chart_map(&xs, latest->year), chart_map(&ys, v) - 5, CHART_END, CHART_END, CHART_BLUE);
		}
	}
	footnote(cv, note.data, true);
	buf_free(&note);
	buf_free(&title);
}

/* ---- countries of one edition ------------------------------------------------------------- */

typedef struct bar {
	const cpi_country *k;
	const cpi_year *y;
} bar;

static int bar_cmp(const void *a, const void *b)
{
	const bar *x = a, *y = b;
	double u = x->y->f[CPI_SCORE].n.v, v = y->y->f[CPI_SCORE].n.v;
	if (u != v)
		return u > v ? -1 : 1;
	return strcmp(x->k->iso3, y->k->iso3);
}

static void countries_chart(chart_canvas *cv, const cpi_data *c)
{
	cairo_t *cr = cv->cr;
	int year = comparison_year(c, NULL);
	bar bars[256];
	int n = 0;
	doc_set docs = {0};
	for (size_t i = 0; i < c->countries.n && n < 256; i++) {
		const cpi_country *k = c->countries.v[i];
		const cpi_year *y = cpi_year_of(k, year);
		if (y && y->f[CPI_SCORE].n.has && strcmp(k->iso3, CPI_GLOBAL_ISO3) != 0) {
			bars[n++] = (bar){k, y};
			doc_add(&docs, y->f[CPI_SCORE].doc);
		}
	}
	qsort(bars, (size_t)n, sizeof *bars, bar_cmp);
	const cpi_country *focus = cpi_focus(c);
	char t1[64], t2[64];
	buf title = {0};
	buf_printf(&title, "ดัชนีการรับรู้การทุจริต %s %s: ", era(c), year_text(cv, c, year, t1));
	buf_printf(&title, "%s%sเทียบกับประเทศอื่น", focus->name,
	    (unsigned char)focus->name[0] < 0x80 ? " " : "");
	double countries = 0;
	for (int i = 0; i < n; i++)
		if (bars[i].y->f[CPI_COUNTRIES].n.has)
			countries = fmax(countries, bars[i].y->f[CPI_COUNTRIES].n.v);
	buf sub = {0};
	buf_printf(&sub, "คะแนน (%s–%s) และอันดับ", chart_number(cv, 0, 0, t1), chart_number(cv, 100, 0, t2));
	if (countries > 0)
		buf_printf(&sub, "จาก %s ประเทศ", chart_number(cv, countries, 0, t1));
	double y = heading(cv, title.data, sub.data);
	buf note = {0};
	doc_note(&docs, NULL, &note);
	double foot = footnote(cv, note.data, false);
	double name_w = 0;
	for (int i = 0; i < n; i++) {
		PangoLayout *l = chart_text(cv, bars[i].k->name, LABEL_PT, true, -1);
		double w;
		chart_text_size(l, &w, NULL);
		name_w = fmax(name_w, w);
		g_object_unref(l);
	}
	/* room right of the longest bar for its "83 (อันดับ 5)" */
	PangoLayout *probe = chart_text(cv, "๑๐๐ (อันดับ ๑๘๐)", LABEL_PT, true, -1);
	double value_w, value_h;
	chart_text_size(probe, &value_w, &value_h);
	g_object_unref(probe);
	double left = cv->x + PAD + name_w + 8, right = cv->x + cv->width - PAD - value_w - 6;
	double top = y + 8, axis_h = value_h + 4;
	double bottom = cv->y + cv->height - foot - axis_h - 6;
	chart_scale xs = {0, 100, left, right};
	for (int v = 0; v <= 100; v += 20) {
		double px = chart_map(&xs, v);
		line_v(cr, px, top, bottom, v == 0 ? CHART_GREY : CHART_GRID, v == 0 ? 0.8 : 0.5);
		chart_label(cv, chart_number(cv, v, 0, t1), LABEL_PT, false, px, bottom + 3, CHART_MIDDLE,
		    CHART_START, CHART_INK);
	}
	double slot = (bottom - top) / (n ? n : 1), bh = fmin(18, slot * 0.7);
	for (int i = 0; i < n; i++) {
		bool is_focus = bars[i].k == focus;
		double cy = top + slot * (i + 0.5), v = bars[i].y->f[CPI_SCORE].n.v;
		chart_rgb(cr, is_focus ? CHART_BLUE : CHART_PALE);
		cairo_rectangle(cr, left, cy - bh / 2, chart_map(&xs, v) - left, bh);
		cairo_fill(cr);
		chart_label(cv, bars[i].k->name, LABEL_PT, is_focus, left - 6, cy, CHART_END, CHART_MIDDLE,
		    CHART_INK);
		char text[128];
		chart_number(cv, v, v == floor(v) ? 0 : 1, t1);
		if (bars[i].y->f[CPI_RANK].n.has)
			snprintf(text, sizeof text, "%s (อันดับ %s)", t1,
			    chart_number(cv, bars[i].y->f[CPI_RANK].n.v, 0, t2));
		else
			snprintf(text, sizeof text, "%s", t1);
		chart_label(cv, text, LABEL_PT, is_focus, chart_map(&xs, v) + 4, cy, CHART_START,
		    CHART_MIDDLE, is_focus ? CHART_BLUE : CHART_INK);
	}
	footnote(cv, note.data, true);
	buf_free(&note);
	buf_free(&title);
	buf_free(&sub);
}

void cpi_chart_draw(chart_canvas *cv, const void *args)
{
	const cpi_chart_args *a = args;
	if (!cpi_chart_possible(a->c, a->kind, NULL))
		return;
	cairo_save(cv->cr);
	switch (a->kind) {
	case CPI_CHART_SCORE: trend_chart(cv, a->c, false, a->geometry); break;
	case CPI_CHART_RANK: trend_chart(cv, a->c, true, a->geometry); break;
	case CPI_CHART_SOURCES: sources_chart(cv, a->c); break;
	case CPI_CHART_COUNTRIES: countries_chart(cv, a->c); break;
	case CPI_CHART__COUNT: break;
	}
	cairo_restore(cv->cr);
}

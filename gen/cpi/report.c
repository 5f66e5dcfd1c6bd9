/*
 * report.c — the CPI report PDF (cpi-report.pdf): a summary of where the country stands
 * against its targets, the four charts, and the data behind them as tables (every figure
 * with the document it came from, the disagreements, the documents cited). Built with
 * the plan PDF's engine (pdf/writer.h, pdf/table.h) and the layout settings.csv names;
 * drawn twice like the plan PDF, so that running text can say the page count.
 */
#include "cpi/out.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/cpi_charts.h"
#include "pdf/table.h"
#include "thai/thai.h"

typedef struct report {
	const cpi_data *c;
	pdf_writer *w;
	int section;
} report;

/* ---- text helpers ------------------------------------------------------------------- */

static const char *num(const report *r, double v, int decimals, char out[64])
{
	char arabic[64];
	snprintf(arabic, sizeof arabic, "%.*f", decimals, v);
	if (r->w->lay->thai_numerals)
		thai_digits_to_thai(arabic, out, 64);
	else
		snprintf(out, 64, "%s", arabic);
	return out;
}

static const char *figure_text(const report *r, cpi_number n, char out[64])
{
	if (!n.has) {
		snprintf(out, 64, "–");
		return out;
	}
	return num(r, n.v, n.decimals > 3 ? 3 : n.decimals, out);
}

static const char *year_be(const report *r, int year, char out[64])
{
	return num(r, thai_ce_to_be(year), 0, out);
}

static void paragraph(report *r, const char *text)
{
	pdf_writer *w = r->w;
	PangoLayout *l = pdf_layout_plain(w, text, SIZE_BODY, 0, pdf_text_width(w));
	pdf_tag_begin(w, "P", NULL);
	pdf_paragraph(w, l, 0, pdf_font_size(w, SIZE_BODY) * 0.5);
	pdf_tag_end(w, "P");
	g_object_unref(l);
}

/* A numbered section heading kept with keep points of what follows (a whole chart, or
 * the first rows of a table). */
static void heading(report *r, const char *title, double keep)
{
	char n[64], text[512];
	snprintf(text, sizeof text, "%s. %s", num(r, ++r->section, 0, n), title);
	pdf_heading(r->w, text, 2, keep > 0 ? keep : pdf_font_size(r->w, SIZE_BODY) * 6);
}

/* The Thai name of a figure (disagreements name it in English: "score", "source IMD"). */
static const char *figure_name(const char *what, char out[96])
{
	static const char *const th[CPI__FIELDS] = {"คะแนน", "อันดับ", "จำนวนประเทศ",
		"ค่าคลาดเคลื่อนมาตรฐาน", "จำนวนแหล่งประเมิน", "ขอบล่างช่วงความเชื่อมั่น",
		"ขอบบนช่วงความเชื่อมั่น"};
	for (int f = 0; f < CPI__FIELDS; f++)
		if (!strcmp(what, cpi_field_name((cpi_field)f)))
			return th[f];
	if (!strncmp(what, "source ", 7)) {
		int k = cpi_survey_find(what + 7);
		snprintf(out, 96, "คะแนนแหล่ง %s", k >= 0 ? cpi_survey_at(k)->label : what + 7);
		return out;
	}
	return what;
}

/* ---- tables ------------------------------------------------------------------------- */

typedef struct text_table {
	int ncols;
	const char **head;
	const double *weight;
	const PangoAlignment *align;
	char **cell;          /* rows × ncols heap strings */
	size_t nrows, cap;
} text_table;

static void tt_row(text_table *t, char **cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->cell = realloc(t->cell, t->cap * (size_t)t->ncols * sizeof *t->cell);
		if (!t->cell)
			abort();
	}
	for (int k = 0; k < t->ncols; k++) {
		t->cell[t->nrows * (size_t)t->ncols + (size_t)k] = strdup(cells[k] ? cells[k] : "");
		if (!t->cell[t->nrows * (size_t)t->ncols + (size_t)k])
			abort();
	}
	t->nrows++;
}

static void tt_draw(report *r, text_table *tt)
{
	pdf_writer *w = r->w;
	double total = pdf_text_width(w), sum = 0;
	for (int k = 0; k < tt->ncols; k++)
		sum += tt->weight[k];
	pdf_table t = {.ncols = tt->ncols, .padding = 3, .has_header = true};
	size_t ncols = tt->ncols > 0 ? (size_t)tt->ncols : 1;
	t.width = calloc(ncols, sizeof *t.width);
	pdf_cell *cells = calloc((tt->nrows + 1) * ncols, sizeof *cells);
	t.rows = calloc(tt->nrows ? tt->nrows : 1, sizeof *t.rows);
	if (!t.width || !cells || !t.rows)
		abort();
	for (int k = 0; k < tt->ncols; k++)
		t.width[k] = total * tt->weight[k] / sum;
	for (size_t i = 0; i <= tt->nrows; i++) {
		for (int k = 0; k < tt->ncols; k++) {
			pdf_cell *cell = &cells[i * (size_t)tt->ncols + (size_t)k];
			const char *text = i == 0 ? tt->head[k] : tt->cell[(i - 1) * (size_t)tt->ncols + (size_t)k];
			cell->background = i == 0 ? w->lay->colour_table_header : PDF_NO_BACKGROUND;
			cell->layout = pdf_layout_plain(w, text, SIZE_TABLE, i == 0 ? RICH_STRONG : 0,
			    t.width[k] - 2 * t.padding);
			pango_layout_set_alignment(cell->layout, i == 0 ? PANGO_ALIGN_CENTER : tt->align[k]);
		}
		if (i == 0)
			t.header.cells = cells;
		else
			t.rows[t.nrows++].cells = &cells[i * (size_t)tt->ncols];
	}
	pdf_table_draw(w, &t);
	pdf_table_release(&t);
	free(cells);
	free(t.rows);
	free(t.width);
	for (size_t i = 0; i < tt->nrows * (size_t)tt->ncols; i++)
		free(tt->cell[i]);
	free(tt->cell);
	w->y += pdf_font_size(w, SIZE_BODY) * 0.6;
}

/* ---- parts ---------------------------------------------------------------------------- */

static void summary(report *r)
{
	const cpi_data *c = r->c;
	const cpi_country *k = cpi_focus(c);
	const cpi_year *y = cpi_latest(k);
	char a[64], b[64], d[64], e[64];
	buf text = {0};
	buf_printf(&text, "ดัชนีการรับรู้การทุจริต (Corruption Perceptions Index: CPI) ขององค์กรเพื่อความโปร่งใสนานาชาติ "
	                  "(Transparency International) ปี พ.ศ. %s (CPI %d) ", year_be(r, y->year, a), y->year);
	buf_printf(&text, "%sได้ %s คะแนน", k->name, figure_text(r, y->f[CPI_SCORE].n, b));
	if (y->f[CPI_RANK].n.has) {
		buf_printf(&text, " อยู่ในอันดับที่ %s", figure_text(r, y->f[CPI_RANK].n, d));
		if (y->f[CPI_COUNTRIES].n.has)
			buf_printf(&text, " จาก %s ประเทศ", figure_text(r, y->f[CPI_COUNTRIES].n, e));
	}
	for (size_t i = 0; i < c->targets.n; i++) {
		const cpi_target *t = c->targets.v[i];
		if (strcmp(t->iso3, k->iso3) != 0)
			continue;
		bool dup = false;
		for (size_t j = 0; j < i; j++) {
			const cpi_target *o = c->targets.v[j];
			dup = dup || (o->year == t->year && !strcmp(o->iso3, t->iso3) &&
			                 o->score_min.has == t->score_min.has && o->rank_max.has == t->rank_max.has &&
			                 (!o->score_min.has || o->score_min.v == t->score_min.v) &&
			                 (!o->rank_max.has || o->rank_max.v == t->rank_max.v));
		}
		if (dup)
			continue;
		buf_printf(&text, " ค่าเป้าหมายปี พ.ศ. %s", year_be(r, t->year, a));
		for (int rank = 0; rank < 2; rank++) {
			const cpi_number *want = rank ? &t->rank_max : &t->score_min;
			int from;
			double gap;
			if (!want->has)
				continue;
			buf_printf(&text, rank ? " อันดับไม่เกิน %s" : " คะแนนไม่น้อยกว่า %s", figure_text(r, *want, b));
			if (cpi_target_gap(c, t, rank, &from, &gap))
				buf_printf(&text, gap <= 0 ? " (บรรลุแล้วในปี พ.ศ. %s)" : " (ปี พ.ศ. %s ยังห่าง %s %s)",
				    year_be(r, from, d), num(r, gap, gap == floor(gap) ? 0 : 1, e),
				    rank ? "อันดับ" : "คะแนน");
		}
	}
	if (c->disagreements.n)
		buf_printf(&text, " ทั้งนี้ เอกสารที่มาระบุตัวเลขไม่ตรงกัน %s รายการ รายงานนี้ใช้ตัวเลขของเอกสารที่มีลำดับความน่าเชื่อถือสูงกว่า "
		                  "และแสดงตัวเลขอื่นไว้ในตารางข้อมูลที่เอกสารระบุต่างกัน",
		    num(r, (double)c->disagreements.n, 0, a));
	paragraph(r, text.data);
	buf_free(&text);
}

static void figure(report *r, cpi_chart kind)
{
	pdf_writer *w = r->w;
	if (!cpi_chart_possible(r->c, kind, NULL))
		return;
	double width = pdf_text_width(w), height = cpi_chart_height(r->c, kind, width);
	height = fmin(height, (w->bottom - w->top) * 0.8);
	heading(r, cpi_chart_title_th(kind), height);
	pdf_need(w, height);
	pdf_tag_begin(w, "Figure", NULL);
	if (w->cr) {
		chart_canvas cv = {w->cr, w, w->left, w->y, width, height};
		cpi_chart_args args = {r->c, kind, NULL};
		cpi_chart_draw(&cv, &args);
	}
	pdf_tag_end(w, "Figure");
	w->y += height + pdf_font_size(w, SIZE_BODY) * 0.5;
}

static void series_table(report *r)
{
	const cpi_data *c = r->c;
	const cpi_country *k = cpi_focus(c);
	static const char *head[] = {"ปี พ.ศ.", "CPI (ค.ศ.)", "คะแนน", "อันดับ", "จำนวนประเทศ",
		"ค่าคลาดเคลื่อนมาตรฐาน", "จำนวนแหล่งประเมิน", "เอกสารที่มา"};
	static const double weight[] = {1, 1, 1, 1, 1.2, 1.5, 1.4, 2.4};
	static const PangoAlignment align[] = {PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT,
		PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT};
	text_table t = {8, head, weight, align, NULL, 0, 0};
	static const cpi_field fields[] = {CPI_SCORE, CPI_RANK, CPI_COUNTRIES, CPI_SE, CPI_SOURCES};
	for (size_t i = 0; i < k->nyears; i++) {
		const cpi_year *y = k->years[i];
		char be[64], ce[64], v[5][64];
		buf docs = {0};
		snprintf(ce, sizeof ce, "%d", y->year);
		for (int f = 0; f < 5; f++) {
			figure_text(r, y->f[fields[f]].n, v[f]);
			const cpi_document *d = y->f[fields[f]].doc;
			if (d && !strstr(docs.data ? docs.data : "", d->id))
				buf_printf(&docs, "%s%s", docs.len ? ", " : "", d->id);
		}
		char *cells[8] = {(char *)year_be(r, y->year, be), ce, v[0], v[1], v[2], v[3], v[4], docs.data};
		tt_row(&t, cells);
		buf_free(&docs);
	}
	tt_draw(r, &t);
}

static void sources_table(report *r)
{
	const cpi_data *c = r->c;
	const cpi_country *k = cpi_focus(c);
	int years[64], ny = 0;
	for (size_t i = 0; i < k->nyears && ny < 12; i++) {
		bool any = false;
		for (int s = 0; s < cpi_survey_count(); s++)
			any = any || k->years[i]->survey[s].n.has;
		if (any)
			years[ny++] = k->years[i]->year;
	}
	if (!ny)
		return;
	const char *head[14];
	double weight[14];
	PangoAlignment align[14];
	char labels[14][64];
	head[0] = "แหล่งประเมิน";
	weight[0] = 2.2;
	align[0] = PANGO_ALIGN_LEFT;
	for (int i = 0; i < ny; i++) {
		head[i + 1] = year_be(r, years[i], labels[i]);
		weight[i + 1] = 1;
		align[i + 1] = PANGO_ALIGN_RIGHT;
	}
	text_table t = {ny + 1, head, weight, align, NULL, 0, 0};
	for (int s = 0; s < cpi_survey_count(); s++) {
		bool any = false;
		for (int i = 0; i < ny; i++)
			any = any || cpi_year_of(k, years[i])->survey[s].n.has;
		if (!any)
			continue;
		char v[14][64], *cells[14];
		cells[0] = (char *)cpi_survey_at(s)->label;
		for (int i = 0; i < ny; i++)
			cells[i + 1] = (char *)figure_text(r, cpi_year_of(k, years[i])->survey[s].n, v[i]);
		tt_row(&t, cells);
	}
	tt_draw(r, &t);
}

static void targets_table(report *r)
{
	const cpi_data *c = r->c;
	if (!c->targets.n)
		return;
	static const char *head[] = {"ปี พ.ศ.", "คะแนนไม่น้อยกว่า", "อันดับไม่เกิน", "ช่องว่างถึงเป้าหมาย",
		"แผนที่กำหนด", "เอกสารที่มา"};
	static const double weight[] = {0.8, 1, 1, 1.8, 4.2, 1};
	static const PangoAlignment align[] = {PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT,
		PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT};
	text_table t = {6, head, weight, align, NULL, 0, 0};
	for (size_t i = 0; i < c->targets.n; i++) {
		const cpi_target *tg = c->targets.v[i];
		char y[64], s[64], k[64], a[64], b[64];
		buf gap = {0};
		for (int rank = 0; rank < 2; rank++) {
			int from;
			double g;
			if (!cpi_target_gap(c, tg, rank, &from, &g))
				continue;
			if (gap.len)
				buf_puts(&gap, "; ");
			if (g <= 0)
				buf_printf(&gap, "%s: บรรลุ (พ.ศ. %s)", rank ? "อันดับ" : "คะแนน", year_be(r, from, a));
			else
				buf_printf(&gap, "ห่าง %s %s (พ.ศ. %s)", num(r, g, g == floor(g) ? 0 : 1, b),
				    rank ? "อันดับ" : "คะแนน", year_be(r, from, a));
		}
		char *cells[6] = {(char *)year_be(r, tg->year, y), (char *)figure_text(r, tg->score_min, s),
			(char *)figure_text(r, tg->rank_max, k), gap.data, (char *)tg->label, (char *)tg->doc->id};
		tt_row(&t, cells);
		buf_free(&gap);
	}
	tt_draw(r, &t);
}

static void countries_table(report *r)
{
	const cpi_data *c = r->c;
	if (c->countries.n < 2)
		return;
	static const char *head[] = {"ประเทศ", "ISO3", "ปี พ.ศ.", "คะแนน", "อันดับ", "จำนวนประเทศ",
		"เอกสารที่มา"};
	static const double weight[] = {2, 1, 1, 1, 1, 1.2, 2};
	static const PangoAlignment align[] = {PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER,
		PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT};
	text_table t = {7, head, weight, align, NULL, 0, 0};
	for (size_t i = 1; i < c->countries.n; i++) {
		const cpi_country *k = c->countries.v[i];
		for (size_t j = 0; j < k->nyears; j++) {
			const cpi_year *y = k->years[j];
			char be[64], s[64], rk[64], n[64];
			char *cells[7] = {(char *)k->name, (char *)k->iso3, (char *)year_be(r, y->year, be),
				(char *)figure_text(r, y->f[CPI_SCORE].n, s), (char *)figure_text(r, y->f[CPI_RANK].n, rk),
				(char *)figure_text(r, y->f[CPI_COUNTRIES].n, n),
				(char *)(y->f[CPI_SCORE].doc ? y->f[CPI_SCORE].doc->id : "")};
			tt_row(&t, cells);
		}
	}
	tt_draw(r, &t);
}

static void disagreements_table(report *r)
{
	const cpi_data *c = r->c;
	static const char *head[] = {"ประเทศ", "ปี พ.ศ.", "ข้อมูล", "ค่าที่ใช้", "เอกสาร", "ค่าอื่น",
		"เอกสาร"};
	static const double weight[] = {1, 1, 1.4, 1, 1.4, 1, 1.4};
	static const PangoAlignment align[] = {PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER, PANGO_ALIGN_LEFT,
		PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT};
	text_table t = {7, head, weight, align, NULL, 0, 0};
	for (size_t i = 0; i < c->disagreements.n; i++) {
		const cpi_disagreement *g = c->disagreements.v[i];
		char be[64], a[64], b[64], what[96];
		char *cells[7] = {(char *)g->iso3, (char *)year_be(r, g->year, be), (char *)figure_name(g->what, what),
			(char *)figure_text(r, g->kept.n, a), (char *)g->kept.doc->id,
			(char *)figure_text(r, g->other.n, b), (char *)g->other.doc->id};
		tt_row(&t, cells);
	}
	tt_draw(r, &t);
}

static void documents_list(report *r)
{
	const cpi_data *c = r->c;
	static const char *head[] = {"รหัส", "เอกสาร", "ผู้จัดทำ", "ลำดับความน่าเชื่อถือ"};
	static const double weight[] = {1.3, 4.5, 2, 1.1};
	static const PangoAlignment align[] = {PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT,
		PANGO_ALIGN_CENTER};
	text_table t = {4, head, weight, align, NULL, 0, 0};
	for (size_t i = 0; i < c->docs.n; i++) {
		const cpi_document *d = c->docs.v[i];
		char p[64];
		buf title = {0};
		buf_puts(&title, d->title);
		if (d->url)
			buf_printf(&title, " %s", d->url);
		char *cells[4] = {(char *)d->id, title.data, (char *)(d->publisher ? d->publisher : ""),
			(char *)num(r, d->priority, 0, p)};
		tt_row(&t, cells);
		buf_free(&title);
	}
	tt_draw(r, &t);
}

static void render(report *r)
{
	pdf_writer *w = r->w;
	const cpi_country *k = cpi_focus(r->c);
	r->section = 0;
	pdf_new_page(w);
	buf title = {0};
	buf_printf(&title, "ดัชนีการรับรู้การทุจริต (CPI) ของ%s%s", (unsigned char)k->name[0] < 0x80 ? " " : "",
	    k->name);
	pdf_heading(w, title.data, 1, pdf_font_size(w, SIZE_BODY) * 4);
	buf_free(&title);
	summary(r);
	for (int kind = 0; kind < CPI_CHART__COUNT; kind++)
		figure(r, (cpi_chart)kind);
	heading(r, "คะแนนและอันดับรายปี", 0);
	series_table(r);
	if (cpi_chart_possible(r->c, CPI_CHART_SOURCES, NULL)) {
		heading(r, "คะแนนรายแหล่งประเมิน", 0);
		sources_table(r);
	}
	if (r->c->targets.n) {
		heading(r, "ค่าเป้าหมาย", 0);
		targets_table(r);
	}
	if (r->c->countries.n > 1) {
		heading(r, "ประเทศอื่น", 0);
		countries_table(r);
	}
	if (r->c->disagreements.n) {
		heading(r, "ข้อมูลที่เอกสารระบุต่างกัน", 0);
		paragraph(r, "ตัวเลขที่ใช้ในรายงานมาจากเอกสารที่มีลำดับความน่าเชื่อถือสูงกว่า (ตัวเลขน้อยกว่า) ส่วนค่าอื่นเก็บไว้ทั้งหมดใน cpi.json และ cpi.csv");
		disagreements_table(r);
	}
	heading(r, "เอกสารที่มา", 0);
	documents_list(r);
}

time_t cpi_document_date(const cpi_data *c, const char *source_date_epoch)
{
	if (source_date_epoch && *source_date_epoch) {
		char *end;
		long long v = strtoll(source_date_epoch, &end, 10);
		if (*end == '\0' && v >= 0)
			return (time_t)v;
	}
	const cpi_year *y = cpi_latest(cpi_focus(c));
	int year = (y ? y->year : 2012) + 1;
	long days = 0;
	for (int k = 1970; k < year; k++)
		days += 365 + ((k % 4 == 0 && k % 100 != 0) || k % 400 == 0);
	return (time_t)days * 86400;
}

bool cpi_report_pdf(const cpi_data *c, const layout *l, pdf_fonts *fonts, time_t created,
    buf *out, char err[256])
{
	const cpi_country *k = cpi_focus(c);
	const cpi_year *latest = cpi_latest(k);
	if (!k || !latest) {
		snprintf(err, 256, "no CPI score of the country in focus");
		return false;
	}
	char title[256], subject[256], keywords[256], year[64];
	snprintf(title, sizeof title, "ดัชนีการรับรู้การทุจริต (CPI) ของ%s%s",
	    (unsigned char)k->name[0] < 0x80 ? " " : "", k->name);
	snprintf(subject, sizeof subject, "Corruption Perceptions Index, %s, %d–%d", k->iso3,
	    k->years[0]->year, latest->year);
	snprintf(keywords, sizeof keywords, "CPI, Corruption Perceptions Index, %s, th", k->iso3);
	buf author = {0};
	for (size_t i = 0; i < c->docs.n; i++) {
		const cpi_document *d = c->docs.v[i];
		const char *who = d->publisher ? d->publisher : d->id;
		if (!strstr(author.data ? author.data : "", who))
			buf_printf(&author, "%s%s", author.len ? "; " : "", who);
	}
	pdf_meta meta = {title, author.data ? author.data : "", subject, keywords, NULL, created};
	pdf_writer w;
	report r = {c, &w, 0};
	pdf_writer_init(&w, l, &meta, fonts, NULL, 0);
	meta.fiscal_year = year_be(&r, latest->year, year);
	render(&r);
	int total = w.page;
	pdf_writer_finish(&w);
	pdf_writer_init(&w, l, &meta, fonts, out, total);
	render(&r);
	bool ok = pdf_writer_finish(&w);
	if (!ok)
		snprintf(err, 256, "cairo could not write the CPI report");
	else if (!pdf_set_language(out, "th"))
		ok = false, snprintf(err, 256, "cannot add the document language to the CPI report");
	buf_free(&author);
	return ok;
}

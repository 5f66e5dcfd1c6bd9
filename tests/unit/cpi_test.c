/*
 * cpi_test.c — the CPI data set, TI workbook import, and charts:
 *   - the shipped content/cpi against seed 002's table, cell by cell (as transcribed in
 *     content/cpi-committee/2566/plan.md, and in the seed itself when ../shared is there);
 *   - a workbook built here in TI's layout (header on row 4, a renamed source column, a
 *     missing rank) imported and merged, and broken variants giving their errors;
 *   - bad CSV input giving path:line errors;
 *   - chart geometry read back from the SVG: every point and target line lies where the
 *     chart's own axis (its gridlines and year ticks) puts that value;
 *   - SVG and PNG bytes stable from one rendering to the next.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "chart/cpi_charts.h"
#include "check.h"
#include "cpi/cpi.h"
#include "cpi/out.h"
#include "cpi/ti.h"
#include "diag.h"
#include "out/backend.h"
#include "pdf/pdf.h"
#include "read/reader.h"
#include "thai/thai.h"
#include "util/buf.h"
#include "util/fs.h"

/* ---- helpers --------------------------------------------------------------------------- */

static void write_text(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (!fs_write_file(path, text, strlen(text)))
		abort();
}

static void drop_dir(char *dir)
{
	fs_remove_tree(dir);
	free(dir);
}

static char *temp_dir(void)
{
	char *dir = strdup("/tmp/cpi-test-XXXXXX");
	if (!dir || !mkdtemp(dir))
		abort();
	return dir;
}

/* The diagnostics as printed, one per line, for matching. */
static char *diag_text(diag_sink *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	diag_print(d, f);
	fclose(f);
	return text;
}

static bool has_line(const char *text, const char *want)
{
	return text && strstr(text, want);
}

static double value_of(const char *thai_text)
{
	thai_number n;
	thai_error e;
	return thai_parse_number(thai_text, &n, &e) ? n.value : NAN;
}

/* ---- seed 002's table ------------------------------------------------------------------- */

/* The abbreviation after " : " in a first cell: "… Survey : IMD การให้…" → "IMD". */
static void source_code(const char *cell, char out[32])
{
	const char *s = strstr(cell, " : ");
	out[0] = '\0';
	if (!s)
		return;
	s += 3;
	size_t n = 0;
	while (s[n] && (unsigned char)s[n] < 0xE0 && n < 31)
		n++;
	while (n && s[n - 1] == ' ')
		n--;
	memcpy(out, s, n);
	out[n] = '\0';
}

/* A header "คะแนน ๒๐๑๗/๒๕๖๐" → 2017. */
static int header_year(const char *cell)
{
	char arabic[128];
	thai_digits_to_arabic(cell, arabic, sizeof arabic);
	for (const char *p = arabic; *p; p++)
		if (p[0] >= '0' && p[0] <= '9' && p[1] && p[2] && p[3] && (p[4] == '/' || p[4] == ' '))
			return atoi(p);
	return 0;
}

static void test_seed_table(check_suite *s)
{
	diag_sink d = {0};
	cpi_data *c = cpi_load("content/cpi", &d);
	CHECK(s, c != NULL, "content/cpi loads");
	CHECK(s, diag_count(&d, DIAG_ERROR) == 0, "content/cpi has no errors");
	plan *p = plan_read("content/cpi-committee/2566/plan.md", &d);
	CHECK(s, p != NULL, "seed 002's plan reads");
	if (!c || !p) {
		cpi_free(c);
		plan_free(p);
		diag_sink_free(&d);
		return;
	}
	const cpi_document *seed = cpi_document_of(c, "seed-002");
	const cpi_country *tha = cpi_country_of(c, "THA");
	CHECK(s, seed && tha, "seed-002 and THA are in the data");
	const rich_block *table = NULL;
	for (size_t i = 0; i < p->chapters.n && !table; i++) {
		const chapter *ch = p->chapters.v[i];
		if (!ch->title || !strstr(ch->title, "ดัชนีการรับรู้การทุจริต (Corruption"))
			continue;
		for (size_t k = 0; ch->rich && k < ch->rich->n; k++)
			if (ch->rich->blocks[k]->kind == RICH_TABLE)
				table = ch->rich->blocks[k];
	}
	CHECK(s, table != NULL, "chapter ๒ of the plan has the CPI table");
	int cells = 0, rows = 0;
	for (int r = 1; table && r < table->rows; r++) {
		char *first = rich_line_text_heap(&table->cells[r * table->cols]);
		char code[32];
		source_code(first, code);
		bool summary = !strncmp(first, "สรุป", strlen("สรุป"));
		int survey = summary ? -1 : cpi_survey_find(code);
		CHECK(s, summary || survey >= 0, "row %d: \"%s\" names a known source", r, code);
		rows++;
		for (int col = 1; col < table->cols; col++) {
			char *head = rich_line_text_heap(&table->cells[col]);
			int year = header_year(head);
			free(head);
			char *text = rich_line_text_heap(&table->cells[r * table->cols + col]);
			if (!year) { /* กลุ่มเป้าหมาย */
				free(text);
				continue;
			}
			const cpi_year *y = cpi_year_of(tha, year);
			if (summary) {
				/* "๓๗/๙๖ จาก ๑๘๐": score / rank of countries */
				char arabic[128];
				thai_digits_to_arabic(text, arabic, sizeof arabic);
				int score = 0, rank = 0, countries = 0;
				CHECK(s, sscanf(arabic, "%d/%d จาก %d", &score, &rank, &countries) == 3,
				    "summary cell \"%s\" reads", text);
				const cpi_obs *o = cpi_find_obs(c, "THA", year, seed);
				CHECK(s, o && o->f[CPI_SCORE].v == score && o->f[CPI_RANK].v == rank &&
				    o->f[CPI_COUNTRIES].v == countries, "%d: seed-002 row gives %d/%d of %d", year,
				    score, rank, countries);
				CHECK(s, y && y->f[CPI_SCORE].n.v == score && y->f[CPI_RANK].n.v == rank &&
				    y->f[CPI_COUNTRIES].n.v == countries, "%d: merged series is %d/%d of %d",
				    year, score, rank, countries);
				cells += 3;
			} else if (survey >= 0) {
				double want = value_of(text);
				const cpi_survey_obs *o = cpi_find_survey_obs(c, "THA", year, survey, seed);
				CHECK(s, o && o->score.v == want, "%d %s: sources.csv (seed-002) has %g", year,
				    code, want);
				CHECK(s, y && y->survey[survey].n.has && y->survey[survey].n.v == want,
				    "%d %s: merged series has %g", year, code, want);
				cells++;
			}
			free(text);
		}
		free(first);
	}
	CHECK(s, rows == 10, "the table has 9 sources and the summary row (got %d)", rows);
	CHECK(s, cells == 9 * 6 + 6 * 3, "every cell compared (got %d)", cells);

	/* the seed itself, when ../shared is beside the project: its tab-separated rows */
	FILE *f = NULL;
	path_list seeds = {0};
	if (fs_is_dir("../shared/seeds") && fs_find("../shared/seeds", "002_ed406bf363f6a985.txt", &seeds) &&
	    seeds.n)
		f = fopen(seeds.v[0], "r");
	if (f) {
		char line[8192];
		int seed_cells = 0;
		while (fgets(line, sizeof line, f)) {
			char code[32];
			source_code(line, code);
			int survey = cpi_survey_find(code);
			if (survey < 0 || !strchr(line, '\t'))
				continue;
			char *save = NULL, *field = strtok_r(line, "\t", &save);
			for (int year = 2017; year <= 2022 && (field = strtok_r(NULL, "\t", &save)); year++) {
				const cpi_year *y = cpi_year_of(tha, year);
				CHECK(s, y && y->survey[survey].n.v == value_of(field), "seed 002 %s %d: %s", code,
				    year, field);
				seed_cells++;
			}
		}
		fclose(f);
		CHECK(s, seed_cells == 54, "seed 002's 54 source cells compared (got %d)", seed_cells);
	}
	path_list_free(&seeds);

	/* targets as the seeds state them: ≥ 51 and rank ≤ 53 in 2566, ≥ 57 and ≤ 43 by 2570 */
	int found = 0;
	for (size_t i = 0; i < c->targets.n; i++) {
		const cpi_target *t = c->targets.v[i];
		if (t->year == 2566 - 543 && t->score_min.v == 51 && t->rank_max.v == 53)
			found |= 1;
		if (t->year == 2570 - 543 && t->score_min.v == 57 && t->rank_max.v == 43)
			found |= 2;
	}
	CHECK(s, found == 3, "targets 2566 (51, 53) and 2570 (57, 43) are in the data");
	/* seed 004 puts 35 / 110 in พ.ศ. 2563, TI 36 / 104: both kept, reported */
	bool score = false, rank = false;
	for (size_t i = 0; i < c->disagreements.n; i++) {
		const cpi_disagreement *g = c->disagreements.v[i];
		score = score || (g->year == 2020 && !strcmp(g->what, "score") && g->kept.n.v == 36 &&
		                     g->other.n.v == 35 && !strcmp(g->other.doc->id, "seed-004"));
		rank = rank || (g->year == 2020 && !strcmp(g->what, "rank") && g->kept.n.v == 104 &&
		                   g->other.n.v == 110);
	}
	CHECK(s, score && rank, "the 2020 disagreement (seed 004 vs TI) is kept");
	char *text = diag_text(&d);
	CHECK(s, has_line(text, "content/cpi/scores.csv:21: warning: THA CPI 2020 score: 35 in \"seed-004\" disagrees with 36 in \"ti-cpi\""),
	    "the disagreement is a warning at its line:\n%s", text);
	free(text);
	/* TI's published series 2012–2023 */
	static const int ti[][3] = {{2012, 37, 88}, {2013, 35, 102}, {2014, 38, 85}, {2015, 38, 76},
		{2016, 35, 101}, {2017, 37, 96}, {2018, 36, 99}, {2019, 36, 101}, {2020, 36, 104},
		{2021, 35, 110}, {2022, 36, 101}, {2023, 35, 108}};
	for (size_t i = 0; i < sizeof ti / sizeof *ti; i++) {
		const cpi_year *y = cpi_year_of(tha, ti[i][0]);
		CHECK(s, y && y->f[CPI_SCORE].n.v == ti[i][1] && y->f[CPI_RANK].n.v == ti[i][2] &&
		    !strcmp(y->f[CPI_SCORE].doc->id, "ti-cpi"), "TI %d: %d / %d", ti[i][0], ti[i][1], ti[i][2]);
	}
	cpi_free(c);
	plan_free(p);
	diag_sink_free(&d);
}

/* ---- a workbook in TI's layout --------------------------------------------------------- */

typedef struct book_part {
	const char *name;
	char *xml;
} book_part;

/* Cells: "" empty, "=35" a number, anything else text (shared strings for the header
 * row, inline strings elsewhere, both of which TI's files use). */
static char *sheet_xml(const char *const *cells, int rows, int cols, int first_row, buf *shared,
    int *nshared)
{
	buf b = {0};
	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	             "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	             "<sheetData>");
	for (int r = 0; r < rows; r++) {
		buf_printf(&b, "<row r=\"%d\">", first_row + r);
		for (int k = 0; k < cols; k++) {
			const char *v = cells[r * cols + k];
			char ref[16], letters[8];
			snprintf(ref, sizeof ref, "%s%d", csv_column_letters(k, letters), first_row + r);
			if (!v || !*v)
				continue;
			if (v[0] == '=')
				buf_printf(&b, "<c r=\"%s\"><v>%s</v></c>", ref, v + 1);
			else if (r == 0) {
				buf_printf(&b, "<c r=\"%s\" t=\"s\"><v>%d</v></c>", ref, (*nshared)++);
				buf_printf(shared, "<si><t>%s</t></si>", v);
			} else
				buf_printf(&b, "<c r=\"%s\" t=\"inlineStr\"><is><t>%s</t></is></c>", ref, v);
		}
		buf_puts(&b, "</row>");
	}
	buf_puts(&b, "</sheetData></worksheet>");
	return b.data;
}

/* A title and an embargo line above the header, as in TI's 2023 file: the header is on
 * row 4. */
static char *title_rows(buf *shared, int *nshared)
{
	static const char *const cells[] = {"CORRUPTION PERCEPTIONS INDEX 2023", "EMBARGOED UNTIL 30 JANUARY 2024"};
	(void)cells;
	buf_printf(shared, "<si><t>CORRUPTION PERCEPTIONS INDEX 2023</t></si><si><r><t>EMBARGOED</t></r>"
	                   "<r><t xml:space=\"preserve\"> UNTIL 30 JANUARY 2024</t></r></si>");
	int a = (*nshared)++, b = (*nshared)++;
	buf out = {0};
	buf_printf(&out, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>%d</v></c></row>"
	                 "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>%d</v></c></row>", a, b);
	return out.data;
}

static void write_book(const char *path, const book_part *sheets, size_t n, const char *shared)
{
	int err = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (!z)
		abort();
	buf wb = {0}, rels = {0}, ct = {0}, ss = {0};
	buf_puts(&wb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook "
	              "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	              "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
	buf_puts(&rels, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
	                "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
	buf_puts(&ct, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
	              "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	              "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
	char *names[16];
	for (size_t i = 0; i < n; i++) {
		buf_printf(&wb, "<sheet name=\"%s\" sheetId=\"%zu\" r:id=\"rId%zu\"/>", sheets[i].name, i + 1, i + 1);
		buf_printf(&rels, "<Relationship Id=\"rId%zu\" Type=\"http://schemas.openxmlformats.org/"
		                  "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet%zu.xml\"/>",
		    i + 1, i + 1);
		if (asprintf(&names[i], "xl/worksheets/sheet%zu.xml", i + 1) < 0)
			abort();
		zip_source_t *src = zip_source_buffer(z, sheets[i].xml, strlen(sheets[i].xml), 0);
		zip_file_add(z, names[i], src, ZIP_FL_OVERWRITE);
	}
	buf_puts(&wb, "</sheets></workbook>");
	buf_puts(&rels, "</Relationships>");
	buf_printf(&ss, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst "
	                "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">%s</sst>",
	    shared);
	zip_file_add(z, "[Content_Types].xml", zip_source_buffer(z, ct.data, ct.len, 0), ZIP_FL_OVERWRITE);
	zip_file_add(z, "xl/workbook.xml", zip_source_buffer(z, wb.data, wb.len, 0), ZIP_FL_OVERWRITE);
	zip_file_add(z, "xl/_rels/workbook.xml.rels", zip_source_buffer(z, rels.data, rels.len, 0),
	    ZIP_FL_OVERWRITE);
	zip_file_add(z, "xl/sharedStrings.xml", zip_source_buffer(z, ss.data, ss.len, 0), ZIP_FL_OVERWRITE);
	if (zip_close(z) != 0)
		abort();
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	buf_free(&wb);
	buf_free(&rels);
	buf_free(&ct);
	buf_free(&ss);
}

enum { YEAR_COLS = 12 };
static const char *const year_header[YEAR_COLS] = {"Country / Territory", "ISO3", "Region",
	"CPI score 2023", "Rank", "Standard error", "Number of sources", "Lower CI", "Upper CI",
	/* TI's 2023 file says "Global Insights"; older ones "Global Insight": renamed */
	"Global Insight Country Risk Ratings", "World Economic Forum EOS",
	"Bertelsmann Foundation Transformation Index"};

/* The one-year sheet: Thailand's rank left empty (the missing rank). */
static const char *const year_rows[3 * YEAR_COLS] = {
	"Denmark", "DNK", "WE/EU", "=90", "=1", "=1.5", "=8", "=87.5", "=92.5", "=90", "=85", "",
	"Thailand", "THA", "AP", "=35", "", "=0.88300000000000001", "=9", "=33.55", "=36.45",
	"=34.5", "=36.44", "=32.85",
	"Malaysia", "MYS", "AP", "=50", "=57", "=1.8", "=9", "=47", "=53", "=43", "=60", "=45"};

enum { TS_COLS = 11 };
static const char *const ts_header[TS_COLS] = {"Country / Territory", "ISO3", "Region",
	"CPI score 2023", "Rank 2023", "Sources 2023", "Standard error 2023",
	/* no rank column before 2017, "Score" capitalised in 2012 */
	"CPI Score 2012", "Sources 2012", "Standard error 2012", ""};
static const char *const ts_rows[2 * TS_COLS] = {
	"Thailand", "THA", "AP", "=35", "=108", "=9", "=0.883", "=37", "=8", "=1.6", "",
	"Malaysia", "MYS", "AP", "=50", "=57", "=9", "=1.8", "=49", "=9", "=2", ""};

enum { HIST_COLS = 9 };
/* The long historical sheet: a Year column, per-source columns, one row per year. */
static const char *const hist_header[HIST_COLS] = {"Country / Territory", "ISO3", "Year", "Region",
	"CPI score", "Rank", "Standard error", "Number of sources", "PRS International Country Risk Guide"};
static const char *const hist_rows[3 * HIST_COLS] = {
	"Thailand", "THA", "=2022", "AP", "=36", "=101", "=1.092", "=9", "=32.1",
	"Malaysia", "MYS", "=2023", "AP", "=50", "=57", "=1.8", "=9", "",
	"Thailand", "THA", "=2023", "AP", "=35", "=108", "=0.883", "=9", "=32.42"};

static char *year_sheet(const char *const *header, const char *const *rows, int nrows, int cols,
    buf *shared, int *nshared)
{
	char *title = title_rows(shared, nshared);
	const char **cells = calloc((size_t)((nrows + 1) * cols), sizeof *cells);
	for (int k = 0; k < cols; k++)
		cells[k] = header[k];
	for (int i = 0; i < nrows * cols; i++)
		cells[cols + i] = rows[i];
	char *body = sheet_xml(cells, nrows + 1, cols, 4, shared, nshared);
	free(cells);
	/* the title rows go in front of the header's row */
	char *at = strstr(body, "<sheetData>") + strlen("<sheetData>");
	buf out = {0};
	buf_put(&out, body, (size_t)(at - body));
	buf_puts(&out, title);
	buf_puts(&out, at);
	free(body);
	free(title);
	return out.data;
}

static cpi_data *load_dir(const char *dir, diag_sink *d)
{
	return cpi_load(dir, d);
}

static const char *const fixture_settings = "key,value\niso3,THA\ncompare,MYS\n";
static const char *const fixture_docs =
	"id,title,publisher,url,priority\nplan,An invented plan (test fixture),tests,,5\n";
/* TI gives no rank before 2017: the content says 2012's */
static const char *const fixture_scores =
	"iso3,country,year,score,rank,countries,standard_error,sources,lower_ci,upper_ci,document\n"
	"THA,ประเทศไทย,2555,37,88,176,,,,,plan\n";

static void test_workbook(check_suite *s)
{
	char *dir = temp_dir();
	write_text(dir, "settings.csv", fixture_settings);
	write_text(dir, "documents.csv", fixture_docs);
	write_text(dir, "scores.csv", fixture_scores);
	buf shared = {0};
	int nshared = 0;
	book_part parts[4] = {
		{"CPI 2023", year_sheet(year_header, year_rows, 3, YEAR_COLS, &shared, &nshared)},
		{"CPI Timeseries 2012 - 2023", year_sheet(ts_header, ts_rows, 2, TS_COLS, &shared, &nshared)},
		{"CPI 2023 Regional Averages", strdup("<worksheet><sheetData/></worksheet>")},
		{"CPI Historical (internal)", year_sheet(hist_header, hist_rows, 3, HIST_COLS, &shared, &nshared)}};
	char path[512];
	snprintf(path, sizeof path, "%s/CPI2023_GlobalResultsTrends.xlsx", dir);
	write_book(path, parts, 4, shared.data ? shared.data : "");
	diag_sink d = {0};
	cpi_data *c = load_dir(dir, &d);
	char *text = diag_text(&d);
	CHECK(s, c && diag_count(&d, DIAG_ERROR) == 0, "the workbook imports without errors:\n%s", text);
	free(text);
	const cpi_country *tha = c ? cpi_country_of(c, "THA") : NULL;
	const cpi_year *y23 = cpi_year_of(tha, 2023), *y12 = cpi_year_of(tha, 2012);
	CHECK(s, y23 && y23->f[CPI_SCORE].n.v == 35, "THA 2023 score 35");
	/* the year sheet leaves the rank empty: the time series gives it */
	CHECK(s, y23 && y23->f[CPI_RANK].n.has && y23->f[CPI_RANK].n.v == 108 &&
	    !strcmp(y23->f[CPI_RANK].doc->id, "CPI2023_GlobalResultsTrends.xlsx#CPI Timeseries 2012 - 2023"),
	    "THA 2023 rank 108, from the time series sheet");
	CHECK(s, y23 && fabs(y23->f[CPI_SE].n.v - 0.883) < 1e-12 && y23->f[CPI_SE].n.decimals == 3,
	    "Excel's 0.88300000000000001 reads as 0.883");
	CHECK(s, y23 && y23->f[CPI_SOURCES].n.v == 9 && y23->f[CPI_LOWER_CI].n.v == 33.55,
	    "sources and CI");
	int gi = cpi_survey_find("GI"), wef = cpi_survey_find("WEF"), bti = cpi_survey_find("BF (TI)");
	CHECK(s, y23 && y23->survey[gi].n.v == 34.5, "the renamed \"Global Insight\" column is GI");
	CHECK(s, y23 && y23->survey[wef].n.v == 36.44 && y23->survey[bti].n.v == 32.85,
	    "WEF and BTI per-source scores");
	/* 2012: TI's score ("CPI Score 2012"), the content's rank (TI has none for 2012) */
	CHECK(s, y12 && y12->f[CPI_SCORE].n.v == 37 && y12->f[CPI_SCORE].doc->imported,
	    "THA 2012 score from the time series");
	CHECK(s, y12 && y12->f[CPI_RANK].n.v == 88 && !strcmp(y12->f[CPI_RANK].doc->id, "plan"),
	    "THA 2012 rank from the content, where TI has none");
	CHECK(s, c && cpi_country_of(c, "MYS") && !cpi_country_of(c, "DNK"),
	    "the compared country is imported, the others are not");
	CHECK(s, c && c->disagreements.n == 0, "the sheets agree with each other");
	/* the long sheet: one row per year, with its own per-source columns */
	const cpi_year *y22 = cpi_year_of(tha, 2022);
	int prs = cpi_survey_find("PRS");
	CHECK(s, y22 && y22->f[CPI_SCORE].n.v == 36 && y22->f[CPI_RANK].n.v == 101 &&
	    y22->survey[prs].n.v == 32.1 && y23 && y23->survey[prs].n.v == 32.42,
	    "the historical sheet gives 2022 (36, 101, PRS 32.1) and 2023's PRS");

	/* the same time series as a CSV export */
	char *csv_dir = temp_dir();
	write_text(csv_dir, "settings.csv", fixture_settings);
	write_text(csv_dir, "CPI2023_GlobalResultsTrends - CPI Timeseries.csv",
	    "CORRUPTION PERCEPTIONS INDEX 2023\nEMBARGOED\n\n"
	    "Country / Territory,ISO3,Region,CPI score 2023,Rank 2023,Sources 2023,Standard error 2023,"
	    "CPI Score 2012,Sources 2012,Standard error 2012\n"
	    "Thailand,THA,AP,35,108,9,0.883,37,8,1.6\nMalaysia,MYS,AP,50,57,9,1.8,49,9,2\n");
	diag_sink d2 = {0};
	cpi_data *c2 = load_dir(csv_dir, &d2);
	const cpi_year *e23 = c2 ? cpi_year_of(cpi_country_of(c2, "THA"), 2023) : NULL;
	CHECK(s, c2 && diag_count(&d2, DIAG_ERROR) == 0 && e23 && e23->f[CPI_RANK].n.v == 108 &&
	    e23->f[CPI_SE].n.v == 0.883, "a CSV export of the time series imports");
	cpi_free(c2);
	diag_sink_free(&d2);
	drop_dir(csv_dir);

	cpi_free(c);
	diag_sink_free(&d);
	for (int i = 0; i < 4; i++)
		free(parts[i].xml);
	buf_free(&shared);
	drop_dir(dir);
}

/* One broken workbook: its diagnostics must contain want. */
static void broken_book(check_suite *s, const char *what, const char *const *header,
    const char *const *rows, int nrows, int cols, const char *settings, const char *want)
{
	char *dir = temp_dir();
	write_text(dir, "settings.csv", settings);
	buf shared = {0};
	int nshared = 0;
	book_part part = {"CPI 2023", year_sheet(header, rows, nrows, cols, &shared, &nshared)};
	char path[512];
	snprintf(path, sizeof path, "%s/CPI2023_GlobalResultsTrends.xlsx", dir);
	write_book(path, &part, 1, shared.data ? shared.data : "");
	diag_sink d = {0};
	cpi_data *c = load_dir(dir, &d);
	char *text = diag_text(&d);
	char full[768];
	snprintf(full, sizeof full, "%s/CPI2023_GlobalResultsTrends.xlsx:%s", dir, want);
	CHECK(s, diag_count(&d, DIAG_ERROR) > 0 && has_line(text, full), "%s: want \"%s\", got:\n%s",
	    what, full, text);
	free(text);
	cpi_free(c);
	diag_sink_free(&d);
	free(part.xml);
	buf_free(&shared);
	drop_dir(dir);
}

static void test_workbook_errors(check_suite *s)
{
	const char *rows[3 * YEAR_COLS];
	memcpy(rows, year_rows, sizeof rows);
	rows[YEAR_COLS + 3] = "n/a"; /* THA's score, cell D6 */
	broken_book(s, "a score that is not a number", year_header, rows, 3, YEAR_COLS, fixture_settings,
	    "6:4: error: sheet \"CPI 2023\", cell D6: expected a number for \"CPI score 2023\", found \"n/a\"");

	const char *header[YEAR_COLS];
	memcpy(header, year_header, sizeof header);
	header[5] = "Std. error"; /* renamed beyond recognition */
	broken_book(s, "an unknown column", header, year_rows, 3, YEAR_COLS, fixture_settings,
	    "4:6: error: sheet \"CPI 2023\", cell F4: unknown column \"Std. error\"");
	broken_book(s, "the standard error missing", header, year_rows, 3, YEAR_COLS, fixture_settings,
	    "4: error: sheet \"CPI 2023\", row 4: the header row lacks the column \"Standard error\"");

	memcpy(header, year_header, sizeof header);
	header[11] = "Foo Governance Barometer";
	broken_book(s, "an unknown source survey", header, year_rows, 3, YEAR_COLS, fixture_settings,
	    "4:12: error: sheet \"CPI 2023\", cell L4: unknown column \"Foo Governance Barometer\"");

	broken_book(s, "an ISO3 no row has", year_header, year_rows, 3, YEAR_COLS,
	    "key,value\niso3,XYZ\n",
	    "4:2: error: sheet \"CPI 2023\", cell B4: no row has the ISO3 code \"XYZ\" in column B");

	memcpy(rows, year_rows, sizeof rows);
	rows[2 * YEAR_COLS + 1] = "Mys"; /* not an ISO3 code */
	broken_book(s, "a malformed ISO3 cell", year_header, rows, 3, YEAR_COLS, fixture_settings,
	    "7:2: error: sheet \"CPI 2023\", cell B7: expected an ISO3 code (three capital letters), found \"Mys\"");

	memcpy(header, year_header, sizeof header);
	header[0] = "Land"; /* no "Country / Territory" header anywhere */
	broken_book(s, "no header row", header, year_rows, 3, YEAR_COLS, fixture_settings,
	    "1: error: sheet \"CPI 2023\", row 1: no header row: expected a row whose first cell is \"Country / Territory\"");

	/* not a zip archive at all */
	char *dir = temp_dir();
	write_text(dir, "CPI2023_GlobalResultsTrends.xlsx", "this is not a workbook\n");
	diag_sink d = {0};
	cpi_data *c = load_dir(dir, &d);
	char *text = diag_text(&d);
	CHECK(s, has_line(text, "CPI2023_GlobalResultsTrends.xlsx: error: cannot read the workbook: not a readable .xlsx"),
	    "a file that is not a workbook: %s", text);
	free(text);
	cpi_free(c);
	diag_sink_free(&d);
	drop_dir(dir);
}

/* ---- bad CSV input ------------------------------------------------------------------------ */

typedef struct bad_case {
	const char *what, *file, *text, *want; /* want: after "DIR/" */
} bad_case;

static const char *const ok_docs = "id,title,publisher,url,priority\nd1,A test document,tests,,1\n";

static void test_bad_csv(check_suite *s)
{
	static const bad_case cases[] = {
		{"a score that is not a number", "scores.csv",
			"iso3,year,score,document\nTHA,2022,36,d1\nTHA,2023,๓o,d1\n",
			"scores.csv:3: error: score: \"๓o\" is not a number"},
		{"a score beyond 100", "scores.csv", "iso3,year,score,document\nTHA,2022,136,d1\n",
			"scores.csv:2: error: score: 136 is outside the CPI scale 0–100"},
		{"a 2011 score on the 0-100 scale", "scores.csv", "iso3,year,score,document\nTHA,2011,35,d1\n",
			"scores.csv:2: error: score: 35 is outside 0–10, the CPI scale before 2012"},
		{"a year that is neither CE nor BE", "scores.csv", "iso3,year,score,document\nTHA,22,36,d1\n",
			"scores.csv:2: error: year: \"22\" is not a CPI year: expected CE (2022) or พ.ศ. (2565)"},
		{"an unknown document", "scores.csv", "iso3,year,score,document\nTHA,2022,36,d9\n",
			"scores.csv:2: error: unknown document \"d9\" (expected an id of documents.csv: d1)"},
		{"a bad ISO3", "scores.csv", "iso3,year,score,document\nTH,2022,36,d1\n",
			"scores.csv:2: error: iso3: \"TH\" is not an ISO 3166 alpha-3 code"},
		{"an unknown column", "scores.csv", "iso3,year,score,document,colour\nTHA,2022,36,d1,red\n",
			"scores.csv:1: error: unknown column \"colour\" (expected one of: iso3, country, year"},
		{"a missing column", "scores.csv", "iso3,year,document\nTHA,2022,d1\n",
			"scores.csv:1: error: the header lacks the column \"score\""},
		{"a row given twice", "scores.csv", "iso3,year,score,document\nTHA,2022,36,d1\nTHA,2565,36,d1\n",
			"scores.csv:3: error: THA 2022 given twice by document \"d1\" (first at line 2)"},
		{"a stray quote", "scores.csv", "iso3,year,score,document\nTHA,20\"22,36,d1\n",
			"scores.csv:2: error: malformed CSV"},
		{"a quote never closed", "scores.csv", "iso3,year,score,document\nTHA,\"2022,36,d1\n",
			"scores.csv:2: error: malformed CSV: a quoted field is never closed"},
		{"a row wider than its header", "scores.csv", "iso3,year,score,document\nTHA,2022,36,d1,x\n",
			"scores.csv:2: error: the row has 5 fields but the header names 4 columns"},
		{"an unknown source survey", "sources.csv", "iso3,year,source,score,document\nTHA,2022,XYZ,36,d1\n",
			"sources.csv:2: error: source: \"XYZ\" is not a CPI source survey"},
		{"a target without a figure", "targets.csv", "iso3,year,label,document\nTHA,2566,plan,d1\n",
			"targets.csv:2: error: score_min: a target needs a score_min, a rank_max or both"},
		{"a rank beyond the countries", "scores.csv", "iso3,year,score,rank,countries,document\nTHA,2022,36,190,180,d1\n",
			"scores.csv:2: error: rank: rank 190 is beyond the 180 countries ranked"},
		{"an unknown setting", "settings.csv", "key,value\niso4,THA\n",
			"settings.csv:2: error: unknown setting \"iso4\" (expected one of: iso3, years, layout, compare)"},
		{"a document priority that is not a number", "documents.csv",
			"id,title,priority\nd1,A test document,first\n",
			"documents.csv:2: error: priority: expected a whole number 1–1000"},
		{"invalid UTF-8", "scores.csv", "iso3,year,score,document\nTHA,2022,36,d\xff\n",
			"scores.csv:2:"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *dir = temp_dir();
		if (strcmp(cases[i].file, "documents.csv") != 0)
			write_text(dir, "documents.csv", ok_docs);
		write_text(dir, cases[i].file, cases[i].text);
		diag_sink d = {0};
		cpi_data *c = cpi_load(dir, &d);
		char *text = diag_text(&d);
		char want[512];
		snprintf(want, sizeof want, "%s/%s", dir, cases[i].want);
		CHECK(s, diag_count(&d, DIAG_ERROR) > 0 && has_line(text, want), "%s: want \"%s\", got:\n%s",
		    cases[i].what, want, text);
		free(text);
		cpi_free(c);
		diag_sink_free(&d);
		drop_dir(dir);
	}
	/* every problem of a file is reported, not only the first */
	char *dir = temp_dir();
	write_text(dir, "documents.csv", ok_docs);
	write_text(dir, "scores.csv", "iso3,year,score,document\nTH,2022,36,d1\nTHA,2023,x,d1\nTHA,2024,36,d7\n");
	diag_sink d = {0};
	cpi_data *c = cpi_load(dir, &d);
	CHECK(s, diag_count(&d, DIAG_ERROR) >= 3, "three bad rows, three errors (got %zu)",
	    diag_count(&d, DIAG_ERROR));
	cpi_free(c);
	diag_sink_free(&d);
	drop_dir(dir);
	diag_sink none = {0};
	CHECK(s, cpi_load("/nonexistent/cpi", &none) == NULL && none.n == 0, "no folder, no CPI data");
}

/* ---- small pieces -------------------------------------------------------------------------- */

static void test_pieces(check_suite *s)
{
	static const struct {
		double lo, hi;
		int max;
		double first, last, step;
	} ticks[] = {
		{0, 61.56, 8, 0, 70, 10}, {0, 180, 10, 0, 180, 20}, {0, 100, 6, 0, 100, 20},
		{0, 7.3, 6, 0, 8, 2}, {12, 47, 5, 10, 50, 10}, {0, 1, 3, 0, 1, 0.5}, {0, 180, 8, 0, 200, 50},
	};
	for (size_t i = 0; i < sizeof ticks / sizeof *ticks; i++) {
		chart_ticks t;
		chart_nice_ticks(ticks[i].lo, ticks[i].hi, ticks[i].max, &t);
		CHECK(s, t.n >= 2 && t.n <= ticks[i].max && t.v[0] == ticks[i].first &&
		    t.v[t.n - 1] == ticks[i].last && t.step == ticks[i].step,
		    "ticks %g..%g (%d): got %g..%g step %g", ticks[i].lo, ticks[i].hi, ticks[i].max, t.v[0],
		    t.v[t.n - 1], t.step);
	}
	static const struct {
		const char *name, *code;
	} names[] = {{"Global Insights Country Risk Ratings", "GI"}, {"Global Insight Country Risk Ratings", "GI"},
		{"BF (TI)", "BTI"}, {"Bertelsmann Stiftung Transformation Index", "BTI"}, {"V-DEM", "VDEM"},
		{"Varieties of Democracy Project", "VDEM"}, {"world economic forum eos", "WEF"},
		{"PERC Asia Risk Guide", "PERC"}, {"Bertelsmann Foundation Sustainable Governance Index", "SGI"}};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		int k = cpi_survey_find(names[i].name);
		CHECK(s, k >= 0 && !strcmp(cpi_survey_at(k)->code, names[i].code), "%s is %s", names[i].name,
		    names[i].code);
	}
	CHECK(s, cpi_survey_find("Foo Index") < 0, "an unknown survey is not found");
	cpi_number a = {2.448, 3, true}, b = {2.45, 2, true}, c = {2.44, 2, true};
	CHECK(s, cpi_number_equal(a, b) && !cpi_number_equal(a, c), "figures compared at the coarser precision");
	int y = 0;
	char why[256];
	CHECK(s, cpi_parse_year("๒๕๖๕", &y, why) && y == 2022, "๒๕๖๕ is CPI 2022");
	CHECK(s, cpi_parse_year("2022", &y, why) && y == 2022, "2022 is CPI 2022");
	char letters[8];
	CHECK(s, !strcmp(csv_column_letters(0, letters), "A") && !strcmp(csv_column_letters(27, letters), "AB"),
	    "column letters");
	CHECK(s, cpi_chart_lookup("cpi-score") == CPI_CHART_SCORE && cpi_chart_lookup("cpi-scor") < 0,
	    "chart names");
}

/* ---- chart geometry from the SVG ------------------------------------------------------------- */

typedef struct svg_path {
	char style[400];
	double x[64], y[64];
	int n;
	bool curve;
} svg_path;

/* Every path of the SVG drawing (not the glyph outlines): its style and the end points
 * of its segments in order (M, L, and the end of each C). cairo merges consecutive
 * collinear segments of a path, so a line through equal values has fewer points than the
 * data: points are checked against the markers and as lying on the line. */
static int svg_paths(const char *svg, svg_path *out, int max)
{
	int n = 0;
	const char *body = strstr(svg, "</defs>");
	for (const char *p = strstr(body ? body : svg, "<path style=\""); p && n < max;
	     p = strstr(p + 1, "<path style=\"")) {
		const char *st = p + strlen("<path style=\""), *se = strchr(st, '"');
		const char *d = se ? strstr(se, " d=\"") : NULL;
		if (!se || !d)
			break;
		svg_path *sp = &out[n];
		*sp = (svg_path){0};
		snprintf(sp->style, sizeof sp->style, "%.*s", (int)(se - st), st);
		d += 4;
		while (*d && *d != '"') {
			char cmd = *d;
			if (cmd == 'M' || cmd == 'L') {
				double x, yy;
				int used = 0;
				if (sscanf(d + 1, " %lf %lf%n", &x, &yy, &used) == 2 && sp->n < 64) {
					sp->x[sp->n] = x;
					sp->y[sp->n++] = yy;
				}
				d += 1 + used;
			} else if (cmd == 'C') {
				double c[6];
				int used = 0;
				if (sscanf(d + 1, " %lf %lf %lf %lf %lf %lf%n", &c[0], &c[1], &c[2], &c[3], &c[4], &c[5],
				        &used) == 6 && sp->n < 64) {
					sp->x[sp->n] = c[4];
					sp->y[sp->n++] = c[5];
				}
				sp->curve = true;
				d += 1 + used;
			} else {
				d++;
			}
		}
		n++;
	}
	return n;
}

/* cairo's way of writing a colour in SVG: rgb(0%,44.705882%,69.803922%). */
static void svg_colour_of(const char *what, uint32_t rgb, char out[96])
{
	char part[3][20];
	for (int i = 0; i < 3; i++) {
		double v = ((rgb >> (16 - 8 * i)) & 255) / 255.0 * 100;
		snprintf(part[i], sizeof part[i], "%f", v);
		char *e = part[i] + strlen(part[i]) - 1;
		while (*e == '0')
			*e-- = '\0';
		if (*e == '.')
			*e = '\0';
	}
	snprintf(out, 96, "%s:rgb(%s%%,%s%%,%s%%)", what, part[0], part[1], part[2]);
}

static void svg_colour(uint32_t rgb, char out[96])
{
	svg_colour_of("stroke", rgb, out);
}

/* Distance from (x, y) to the polyline p. */
static double to_line(const svg_path *p, double x, double y)
{
	double best = INFINITY;
	for (int i = 0; i + 1 < p->n; i++) {
		double dx = p->x[i + 1] - p->x[i], dy = p->y[i + 1] - p->y[i], len = dx * dx + dy * dy;
		double t = len > 0 ? ((x - p->x[i]) * dx + (y - p->y[i]) * dy) / len : 0;
		t = t < 0 ? 0 : t > 1 ? 1 : t;
		best = fmin(best, hypot(p->x[i] + t * dx - x, p->y[i] + t * dy - y));
	}
	return best;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

typedef struct chart_env {
	arena mem;
	layout *lay;
	pdf_fonts *fonts;
	pdf_meta meta;
	pdf_writer w;
} chart_env;

static bool env_open(chart_env *e)
{
	*e = (chart_env){0};
	diag_sink d = {0};
	e->lay = layout_load("layouts/plan-portrait.json", &e->mem, &d);
	diag_sink_free(&d);
	char err[256];
	e->fonts = e->lay ? pdf_fonts_new(e->lay, err) : NULL;
	if (!e->fonts)
		return false;
	e->meta = (pdf_meta){"t", "a", "s", "k", "2566", 0};
	pdf_writer_init(&e->w, e->lay, &e->meta, e->fonts, NULL, 0);
	return true;
}

static void env_close(chart_env *e)
{
	if (e->fonts) {
		pdf_writer_finish(&e->w);
		pdf_fonts_free(e->fonts);
	}
	arena_free(&e->mem);
}

/* The value an axis gives to canvas position p, from its gridlines (ascending values at
 * positions pos[]): linear between the two nearest. */
static double axis_pos(const double *value, const double *pos, int n, double v)
{
	int i = 0;
	while (i < n - 2 && v > value[i + 1])
		i++;
	return pos[i] + (v - value[i]) * (pos[i + 1] - pos[i]) / (value[i + 1] - value[i]);
}

/* Checks the score or rank chart of c: the series' vertices and the target lines where the
 * drawn gridlines and year ticks say. */
static void check_trend(check_suite *s, chart_env *e, const cpi_data *c, cpi_chart kind)
{
	bool rank = kind == CPI_CHART_RANK;
	cpi_chart_geometry geo;
	cpi_chart_args args = {c, kind, &geo};
	buf b = {0};
	CHECK(s, chart_render_svg(&e->w, 640, 384, cpi_chart_draw, &args, &b), "%s renders", cpi_chart_name(kind));
	buf_putc(&b, '\0');
	svg_path *paths = calloc(1024, sizeof *paths);
	if (!paths)
		abort();
	int np = svg_paths(b.data, paths, 1024);
	char grid[96], grey[96], blue[96];
	svg_colour(CHART_GRID, grid);
	svg_colour(CHART_GREY, grey);
	svg_colour(CHART_BLUE, blue);
	double plot_w = geo.right - geo.left;
	/* the axis: horizontal lines across the whole plot (gridlines, and the zero line) */
	double pos[32], values[32];
	int ngrid = 0;
	for (int i = 0; i < np && ngrid < 32; i++)
		if ((strstr(paths[i].style, grid) || strstr(paths[i].style, grey)) && paths[i].n == 2 &&
		    paths[i].y[0] == paths[i].y[1] && paths[i].x[1] - paths[i].x[0] > plot_w * 0.99)
			pos[ngrid++] = paths[i].y[0];
	qsort(pos, (size_t)ngrid, sizeof *pos, cmp_double);
	CHECK(s, ngrid == geo.yticks.n, "%s: %d gridlines drawn for %d ticks", cpi_chart_name(kind), ngrid,
	    geo.yticks.n);
	if (ngrid != geo.yticks.n || ngrid < 2) {
		buf_free(&b);
		free(paths);
		return;
	}
	/* score: the lowest value is at the bottom (largest y); rank: rank 1 at the top */
	for (int i = 0; i < ngrid; i++)
		values[i] = rank ? geo.yticks.v[i] : geo.yticks.v[ngrid - 1 - i];
	if (!rank) { /* ascending values for axis_pos */
		for (int i = 0; i < ngrid / 2; i++) {
			double t = pos[i];
			pos[i] = pos[ngrid - 1 - i];
			pos[ngrid - 1 - i] = t;
			t = values[i];
			values[i] = values[ngrid - 1 - i];
			values[ngrid - 1 - i] = t;
		}
	}
	/* evenly spaced gridlines for evenly spaced values (rank 1 is the exception) */
	for (int i = 2; i < ngrid; i++)
		CHECK(s, fabs((pos[i] - pos[i - 1]) - (pos[2] - pos[1])) < 0.01, "%s: gridlines evenly spaced",
		    cpi_chart_name(kind));
	/* the year ticks: short marks under the axis, one a year */
	double tick_x[64];
	int nticks = 0;
	for (int i = 0; i < np && nticks < 64; i++)
		if (strstr(paths[i].style, grey) && paths[i].n == 2 && paths[i].x[0] == paths[i].x[1] &&
		    fabs(paths[i].y[1] - paths[i].y[0] - 3) < 0.01)
			tick_x[nticks++] = paths[i].x[0];
	qsort(tick_x, (size_t)nticks, sizeof *tick_x, cmp_double);
	CHECK(s, nticks == geo.last_year - geo.first_year + 1, "%s: a tick a year %d..%d (got %d)",
	    cpi_chart_name(kind), geo.first_year, geo.last_year, nticks);
	/* the series: a blue marker at every year of data from 2012, on the blue line */
	const svg_path *series = NULL;
	char blue_fill[96];
	svg_colour_of("fill", CHART_BLUE, blue_fill);
	double mx[64], my[64];
	int nmarks = 0;
	for (int i = 0; i < np; i++) {
		if (strstr(paths[i].style, "fill:none") && strstr(paths[i].style, blue) &&
		    strstr(paths[i].style, "stroke-width:2;") && paths[i].x[paths[i].n - 1] - paths[i].x[0] > 50)
			series = &paths[i];
		/* a circle: from (x + r, y) by two half-arcs through (x - r, y) */
		if (strstr(paths[i].style, blue_fill) && paths[i].curve && paths[i].n == 3 && nmarks < 64 &&
		    paths[i].y[0] > geo.top - 5) {
			mx[nmarks] = (paths[i].x[0] + paths[i].x[1]) / 2;
			my[nmarks++] = (paths[i].y[0] + paths[i].y[1]) / 2;
		}
	}
	const cpi_country *k = cpi_focus(c);
	int want = 0;
	for (size_t i = 0; i < k->nyears; i++)
		want += k->years[i]->year >= CPI_FIRST_100_YEAR && k->years[i]->f[rank ? CPI_RANK : CPI_SCORE].n.has;
	CHECK(s, series != NULL, "%s: the series line is drawn", cpi_chart_name(kind));
	CHECK(s, nmarks == want, "%s: %d markers for %d years of data", cpi_chart_name(kind), nmarks, want);
	for (size_t i = 0; series && i < k->nyears; i++) {
		const cpi_year *y = k->years[i];
		const cpi_number *n = &y->f[rank ? CPI_RANK : CPI_SCORE].n;
		if (y->year < CPI_FIRST_100_YEAR || !n->has)
			continue;
		double ex = tick_x[y->year - geo.first_year], ey = axis_pos(values, pos, ngrid, n->v);
		bool marked = false;
		for (int m = 0; m < nmarks; m++)
			marked = marked || (fabs(mx[m] - ex) < 0.01 && fabs(my[m] - ey) < 0.01);
		CHECK(s, marked, "%s %d: a marker for %g where the axis says (%.2f, %.2f)", cpi_chart_name(kind),
		    y->year, n->v, ex, ey);
		CHECK(s, to_line(series, ex, ey) < 0.01, "%s %d: the line passes through (%.2f, %.2f)",
		    cpi_chart_name(kind), y->year, ex, ey);
	}
	/* target lines: dashed, across the plot, at the target's value */
	for (int t = 0; t < geo.ntargets; t++) {
		bool found = false;
		double ey = axis_pos(values, pos, ngrid, geo.target_value[t]);
		for (int i = 0; i < np; i++)
			found = found || (strstr(paths[i].style, "stroke-dasharray") && paths[i].n == 2 &&
			                     fabs(paths[i].y[0] - ey) < 0.01 && fabs(paths[i].y[1] - ey) < 0.01 &&
			                     paths[i].x[1] - paths[i].x[0] > plot_w * 0.99);
		CHECK(s, found, "%s: the target line for %g lies at y %.2f", cpi_chart_name(kind),
		    geo.target_value[t], ey);
	}
	buf_free(&b);
	free(paths);
}

static void test_charts(check_suite *s)
{
	chart_env e;
	if (!env_open(&e)) {
		CHECK(s, false, "the layout plan-portrait and its fonts load");
		env_close(&e);
		return;
	}
	diag_sink d = {0};
	cpi_data *content = cpi_load("content/cpi", &d);
	cpi_data *fixture = cpi_load("tests/fixtures/cpi/geometry", &d);
	CHECK(s, content && fixture && diag_count(&d, DIAG_ERROR) == 0, "chart data loads");
	if (content && fixture) {
		check_trend(s, &e, content, CPI_CHART_SCORE);
		check_trend(s, &e, content, CPI_CHART_RANK);
		check_trend(s, &e, fixture, CPI_CHART_SCORE);
		check_trend(s, &e, fixture, CPI_CHART_RANK);
		/* the fixture's 2011 score (0-10 scale) is not drawn: its axis starts in 2012 */
		cpi_chart_geometry geo;
		cpi_chart_args args = {fixture, CPI_CHART_SCORE, &geo};
		buf b = {0};
		chart_render_svg(&e.w, 640, 384, cpi_chart_draw, &args, &b);
		CHECK(s, geo.first_year == 2012 && geo.last_year == 2018, "fixture years 2012..2018 (got %d..%d)",
		    geo.first_year, geo.last_year);
		buf_putc(&b, '\0');
		char grey[96];
		svg_colour(CHART_GREY, grey);
		/* the global average: a dotted grey line over the years it covers */
		svg_path *paths = calloc(1024, sizeof *paths);
		if (!paths)
			abort();
		int np = svg_paths(b.data, paths, 1024), dotted = 0;
		double x12 = chart_map(&geo.x, 2012), x16 = chart_map(&geo.x, 2016), y43 = chart_map(&geo.y, 43);
		for (int i = 0; i < np; i++)
			dotted += strstr(paths[i].style, grey) && strstr(paths[i].style, "stroke-dasharray:1.2,2.4") &&
			    fabs(paths[i].x[0] - x12) < 0.01 && fabs(paths[i].x[paths[i].n - 1] - x16) < 0.01 &&
			    fabs(paths[i].y[0] - y43) < 0.01 && fabs(paths[i].y[paths[i].n - 1] - y43) < 0.01;
		CHECK(s, dotted == 1, "the global average: one dotted line at 43 from 2012 to 2016");
		free(paths);
		buf_free(&b);

		/* every chart: SVG in pt, the same bytes twice; PNG the same bytes twice */
		const cpi_data *sets[2] = {content, fixture};
		for (int k = 0; k < CPI_CHART__COUNT; k++)
			for (int i = 0; i < 2; i++) {
				if (!cpi_chart_possible(sets[i], (cpi_chart)k, NULL))
					continue;
				cpi_chart_args a = {sets[i], (cpi_chart)k, NULL};
				buf s1 = {0}, s2 = {0}, p1 = {0}, p2 = {0};
				double h = cpi_chart_height(sets[i], (cpi_chart)k, 640);
				chart_render_svg(&e.w, 640, h, cpi_chart_draw, &a, &s1);
				chart_render_svg(&e.w, 640, h, cpi_chart_draw, &a, &s2);
				chart_render_png(&e.w, 640, h, 2, cpi_chart_draw, &a, &p1);
				chart_render_png(&e.w, 640, h, 2, cpi_chart_draw, &a, &p2);
				CHECK(s, s1.len > 1000 && s1.len == s2.len && !memcmp(s1.data, s2.data, s1.len),
				    "%s SVG is byte-stable", cpi_chart_name((cpi_chart)k));
				CHECK(s, p1.len > 1000 && p1.len == p2.len && !memcmp(p1.data, p2.data, p1.len) &&
				    !memcmp(p1.data, "\x89PNG", 4), "%s PNG is byte-stable", cpi_chart_name((cpi_chart)k));
				buf_putc(&s1, '\0');
				CHECK(s, strstr(s1.data, "width=\"640pt\"") != NULL, "%s SVG is sized in pt",
				    cpi_chart_name((cpi_chart)k));
				buf_free(&s1);
				buf_free(&s2);
				buf_free(&p1);
				buf_free(&p2);
			}
		/* the comparison needs two countries in one edition: the content has four in 2022 */
		CHECK(s, cpi_chart_possible(content, CPI_CHART_COUNTRIES, NULL), "content: a comparison chart");
	}
	cpi_free(content);
	cpi_free(fixture);
	diag_sink_free(&d);
	env_close(&e);
}

/* ---- outputs -------------------------------------------------------------------------------- */

static void test_outputs(check_suite *s)
{
	diag_sink d = {0};
	cpi_data *c = cpi_load("content/cpi", &d);
	if (!c) {
		CHECK(s, false, "content/cpi loads");
		return;
	}
	buf b = {0};
	cpi_csv(c, &b);
	buf_putc(&b, '\0');
	static const char header[] = "country,iso3,year,year_be,source,score,source_document,used\r\n";
	CHECK(s, !strncmp(b.data, header, strlen(header)),
	    "cpi.csv header");
	CHECK(s, strstr(b.data, "ประเทศไทย,THA,2020,2563,CPI,36,ti-cpi,yes\r\n") &&
	    strstr(b.data, "ประเทศไทย,THA,2020,2563,CPI,35,seed-004,no\r\n"),
	    "cpi.csv keeps both 2020 scores, marking the one used");
	CHECK(s, strstr(b.data, "ประเทศไทย,THA,2017,2560,VDEM,23,seed-002,yes\r\n") != NULL,
	    "cpi.csv has the per-source scores");
	int rows = 0;
	for (const char *p = b.data; (p = strstr(p, "\r\n")); p += 2)
		rows++;
	/* 12 TI scores + 7 more from seed 002/004 for THA (6 + 2 agree, 2020 from 004 kept),
	 * 3 other countries; 54 + 9 + 4 per-source rows */
	size_t want = 1 + c->obs.n + c->survey_obs.n;
	CHECK(s, (size_t)rows == want, "cpi.csv: one row per figure a document gives (%d, want %zu)", rows, want);
	json_t *j = cpi_json(c, NULL, 0);
	json_t *dis = json_object_get(j, "disagreements");
	CHECK(s, json_array_size(dis) == 2, "cpi.json lists the 2 disagreements");
	json_t *first = json_array_get(dis, 0);
	CHECK(s, first && !strcmp(json_string_value(json_object_get(json_object_get(first, "other"), "document")), "seed-004") &&
	    !strcmp(json_string_value(json_object_get(json_object_get(first, "other"), "file")), "scores.csv"),
	    "a disagreement names the other document and its file");
	json_t *targets = json_object_get(j, "targets");
	json_t *t0 = json_array_get(targets, 0);
	CHECK(s, t0 && json_integer_value(json_object_get(json_object_get(t0, "score_gap"), "gap")) == 16 &&
	    json_integer_value(json_object_get(json_object_get(t0, "rank_gap"), "gap")) == 55,
	    "the 2566 target: 16 points and 55 places short in 2566");
	json_decref(j);
	buf_free(&b);
	cpi_free(c);
	diag_sink_free(&d);
}

int main(void)
{
	check_suite s = {0};
	test_pieces(&s);
	test_seed_table(&s);
	test_workbook(&s);
	test_workbook_errors(&s);
	test_bad_csv(&s);
	test_charts(&s);
	test_outputs(&s);
	return check_summary(&s, "cpi_test");
}

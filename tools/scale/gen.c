/*
 * gen.c — synthetic agencies' plans for the scale benchmark (`make bench-scale`).
 *
 *     scale-gen VOCAB_DIR N OUT_DIR
 *
 * Reads every plan under VOCAB_DIR (the shipped content/) through prongsai's own reader,
 * collects its vocabulary (item titles per level, indicator texts, stated targets,
 * responsible units, prose paragraphs), and writes N plans OUT_DIR/synth-NNNN/2567/plan.md
 * that recombine it: four strategies of five กลยุทธ์ of five activities each (100
 * activities), one to three indicators per activity, budgets, periods inside the fiscal
 * year and responsible units, and beside each plan a six-month progress round
 * (progress-6.csv: a status, money spent and a narrative per activity, the value reached
 * for the indicators whose targets it wrote). Every plan says it is synthetic, in its agency name, its
 * title and its `source:`, and OUT_DIR/SYNTHETIC.txt says so for the folder. The same
 * arguments always give the same bytes (a fixed pseudo-random sequence per agency).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model.h"
#include "out/backend.h"
#include "read/reader.h"
#include "thai/thai.h"
#include "util/buf.h"
#include "util/fs.h"

enum { FY = 2567, STRATEGIES = 4, TACTICS = 5, ACTIVITIES = 5 };

typedef struct words {
	char **v;
	size_t n, cap;
} words;

typedef struct vocab {
	words top, middle, activity, indicator, target, unit, paragraph;
} vocab;

static void words_add(words *w, const char *s, size_t len)
{
	/* one line, no Markdown that could change the structure of a generated plan */
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\n'))
		len--;
	const char *nl = memchr(s, '\n', len);
	if (nl)
		len = (size_t)(nl - s);
	if (len < 6 || memchr(s, '{', len) || memchr(s, '|', len) || memchr(s, '#', len) ||
	    s[0] == '-' || s[0] == '*' || s[0] == '>' || s[0] == '=' || s[0] == '+' || s[0] == '@')
		return;
	for (size_t i = 0; i < w->n; i++)
		if (strlen(w->v[i]) == len && memcmp(w->v[i], s, len) == 0)
			return;
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->v = realloc(w->v, w->cap * sizeof *w->v);
		if (!w->v)
			abort();
	}
	w->v[w->n++] = strndup(s, len);
}

static void words_free(words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
}

/* Plain paragraphs of a chapter's Markdown: blocks separated by blank lines that start
 * with a letter (no headings, lists, tables or quotes). */
static void add_paragraphs(words *w, const char *md)
{
	while (md && *md) {
		const char *end = strstr(md, "\n\n");
		size_t len = end ? (size_t)(end - md) : strlen(md);
		if (len > 200 && (unsigned char)md[0] >= 0xE0)
			words_add(w, md, len);
		md = end ? end + 2 : NULL;
	}
}

static void collect(vocab *v, const plan *p)
{
	for (size_t i = 0; i < p->chapters.n; i++)
		add_paragraphs(&v->paragraph, ((chapter *)p->chapters.v[i])->markdown);
	for (size_t i = 0; i < p->all_items.n; i++) {
		const item *it = p->all_items.v[i];
		const char *t = it->title;
		if (it->level == 0)
			words_add(&v->top, t, strlen(t));
		else if (it->children.n)
			words_add(&v->middle, t, strlen(t));
		else
			words_add(&v->activity, t, strlen(t));
		for (size_t k = 0; k < it->indicators.n; k++) {
			const indicator *ind = it->indicators.v[k];
			words_add(&v->indicator, ind->text, strlen(ind->text));
			if (ind->target && !ind->target->from_indicator)
				words_add(&v->target, ind->target->source, strlen(ind->target->source));
		}
		for (size_t k = 0; k < it->responsible.n; k++) {
			const char *r = it->responsible.v[k];
			words_add(&v->unit, r, strlen(r));
		}
	}
}

/* xorshift64*: a fixed sequence per agency, so that output is the same on every run */
static unsigned long long next(unsigned long long *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static unsigned pick(unsigned long long *s, unsigned n)
{
	return (unsigned)(next(s) % n);
}

static const char *any(unsigned long long *s, const words *w, const char *fallback)
{
	return w->n ? w->v[pick(s, (unsigned)w->n)] : fallback;
}

/* n in Thai or Arabic digits */
static void put_number(buf *b, unsigned long n, bool thai_digits)
{
	char ar[32], out[96];
	snprintf(ar, sizeof ar, "%lu", n);
	if (thai_digits)
		thai_digits_to_thai(ar, out, sizeof out);
	else
		snprintf(out, sizeof out, "%s", ar);
	buf_puts(b, out);
}

/* baht with thousands separators */
static void put_baht(buf *b, unsigned long baht, bool thai_digits)
{
	char ar[32], grouped[48], out[128];
	snprintf(ar, sizeof ar, "%lu", baht);
	size_t n = strlen(ar), k = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			grouped[k++] = ',';
		grouped[k++] = ar[i];
	}
	grouped[k] = '\0';
	if (thai_digits)
		thai_digits_to_thai(grouped, out, sizeof out);
	else
		snprintf(out, sizeof out, "%s", grouped);
	buf_puts(b, out);
}

static const char *const statuses[] = {"เสร็จสิ้น", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ"};

/* One activity of the plan (into b) and its rows of the six-month progress round (into
 * pr): a status, the money spent so far, a narrative, and what each indicator whose
 * target this program wrote (ร้อยละ N) has reached. */
static void put_activity(buf *b, buf *pr, unsigned long long *s, const vocab *v,
    const char *id, int number, bool thai_digits)
{
	buf_puts(b, "#### ");
	put_number(b, (unsigned long)number, thai_digits);
	const char *title = any(s, &v->activity, "กิจกรรมส่งเสริมคุณธรรมและความโปร่งใส");
	buf_printf(b, ". %s\n\n", title);
	int nind = 1 + (int)pick(s, 3);
	buf achieved = {0};
	for (int k = 0; k < nind; k++) {
		buf_printf(b, "- ตัวชี้วัด: %s\n", any(s, &v->indicator, "ร้อยละของบุคลากรที่ผ่านการอบรม"));
		if (v->target.n && pick(s, 3) != 0) {
			buf_printf(b, "  - ค่าเป้าหมาย: %s\n", any(s, &v->target, "ร้อยละ ๘๐"));
		} else {
			buf_puts(b, "  - ค่าเป้าหมาย: ร้อยละ ");
			put_number(b, 60 + pick(s, 41), thai_digits);
			buf_puts(b, "\n");
			buf_printf(&achieved, "%s#%d,,,ร้อยละ ", id, k + 1);
			put_number(&achieved, 30 + pick(s, 71), thai_digits);
			buf_puts(&achieved, ",,\n");
		}
	}
	const char *status = statuses[pick(s, 3)];
	buf_printf(pr, "%s,", id);
	csv_field(pr, title);
	buf_printf(pr, ",%s,,", status);
	buf_puts(b, "- งบประมาณ: ");
	if (pick(s, 4) == 0) {
		buf_puts(b, "ไม่มีการใช้งบประมาณ");
		buf_puts(pr, "ไม่มีการใช้งบประมาณ");
	} else {
		unsigned long baht = 1000UL * (10 + pick(s, 5000));
		put_baht(b, baht, thai_digits);
		buf_puts(pr, "\"");
		put_baht(pr, strcmp(status, "ยังไม่ดำเนินการ") ? baht / 1000 * (1 + pick(s, 1000)) : 0,
		    thai_digits);
		buf_puts(pr, "\"");
	}
	buf_puts(pr, ",");
	csv_field(pr, strcmp(status, "ยังไม่ดำเนินการ") ? any(s, &v->paragraph, "ดำเนินการตามแผน")
						       : "ยังไม่ได้เริ่มดำเนินการในรอบนี้");
	buf_puts(pr, "\n");
	buf_put(pr, achieved.data ? achieved.data : "", achieved.len);
	buf_free(&achieved);
	/* a period inside the fiscal year: start and end months in fiscal order */
	int m0 = (int)pick(s, 12), m1 = m0 + (int)pick(s, (unsigned)(12 - m0));
	int start_month = (m0 + 9) % 12 + 1, end_month = (m1 + 9) % 12 + 1;
	int start_year = start_month >= 10 ? FY - 1 : FY, end_year = end_month >= 10 ? FY - 1 : FY;
	buf_puts(b, "\n- ระยะเวลา: 1 ");
	buf_printf(b, "%s ", thai_month_abbrev(start_month));
	put_number(b, (unsigned long)(start_year % 100), thai_digits);
	buf_puts(b, " – ");
	put_number(b, (unsigned long)thai_days_in_month(end_year, end_month), thai_digits);
	buf_printf(b, " %s ", thai_month_abbrev(end_month));
	put_number(b, (unsigned long)(end_year % 100), thai_digits);
	buf_puts(b, "\n- ผู้รับผิดชอบ:");
	int nunits = 1 + (int)pick(s, 2);
	if (nunits == 1) {
		buf_printf(b, " %s\n", any(s, &v->unit, "กองกลาง"));
	} else {
		buf_puts(b, "\n");
		for (int k = 0; k < nunits; k++)
			buf_printf(b, "  - %s\n", any(s, &v->unit, "กองกลาง"));
	}
	buf_puts(b, "\n");
}

static void write_plan(buf *b, buf *pr, int agency, const vocab *v)
{
	unsigned long long s = 0x9E3779B97F4A7C15ULL ^ (unsigned long long)agency * 0x100000001B3ULL;
	next(&s);
	bool thai_digits = agency % 2 == 1;
	char arabic[16], num[64];
	snprintf(arabic, sizeof arabic, "%d", agency);
	thai_digits_to_thai(arabic, num, sizeof num);
	buf_printf(b,
	    "---\n"
	    "agency: หน่วยงานสังเคราะห์ที่ %s (ข้อมูลทดสอบ ไม่ใช่หน่วยงานจริง)\n"
	    "agency_en: Synthetic Agency %d (test data, not a real agency)\n"
	    "agency_id: synth-%04d\n"
	    "title: แผนปฏิบัติการสังเคราะห์เพื่อทดสอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ (ข้อมูลทดสอบ)\n"
	    "fiscal_year: %s\n"
	    "kind: action-plan\n"
	    "levels: ยุทธศาสตร์ > กลยุทธ์ > โครงการ/กิจกรรม\n"
	    "layout: %s\n"
	    "source: synthetic test data from tools/scale/gen.c, recombined from the vocabulary "
	    "of the shipped plans; not a real agency's plan\n"
	    "---\n\n",
	    num, agency, agency, thai_digits ? "๒๕๖๗" : "2567",
	    agency % 3 == 0 ? "plan-timeline" : "plan-landscape");
	buf_puts(b, "# บทนำ\n\n");
	buf_puts(b, "แผนนี้เป็นข้อมูลสังเคราะห์สำหรับทดสอบการเผยแพร่ในปริมาณมาก "
		    "ไม่ใช่แผนของหน่วยงานใด\n\n");
	for (int k = 0; k < 3; k++)
		buf_printf(b, "%s\n\n", any(&s, &v->paragraph, "ข้อความนำของแผนสังเคราะห์"));
	buf_printf(pr, "ปีงบประมาณ,%s\nรอบ,๖ เดือน\n\nรหัส,รายการ,สถานะ,ผลที่ได้,งบประมาณที่เบิกจ่าย,"
		       "ผลการดำเนินการ\n", thai_digits ? "๒๕๖๗" : "2567");
	int activity = 0;
	for (int i = 1; i <= STRATEGIES; i++) {
		buf_puts(b, "## ยุทธศาสตร์ที่ ");
		put_number(b, (unsigned long)i, thai_digits);
		buf_printf(b, " %s\n\n", any(&s, &v->top, "สร้างสังคมที่ไม่ทนต่อการทุจริต"));
		for (int j = 1; j <= TACTICS; j++) {
			buf_puts(b, "### กลยุทธ์ที่ ");
			put_number(b, (unsigned long)j, thai_digits);
			buf_printf(b, " %s\n\n", any(&s, &v->middle, "ส่งเสริมคุณธรรมและความโปร่งใส"));
			for (int k = 0; k < ACTIVITIES; k++) {
				char id[32];
				snprintf(id, sizeof id, "%d.%d.%d", i, j, ++activity);
				put_activity(b, pr, &s, v, id, activity, thai_digits);
			}
		}
	}
}

int main(int argc, char **argv)
{
	if (argc != 4 || atoi(argv[2]) < 1) {
		fprintf(stderr, "usage: scale-gen VOCAB_DIR N OUT_DIR\n");
		return 2;
	}
	const char *vocab_dir = argv[1], *out_dir = argv[3];
	int n = atoi(argv[2]);
	path_list files = {0};
	if (!fs_find(vocab_dir, "plan.md", &files) || files.n == 0) {
		fprintf(stderr, "scale-gen: no plan.md under %s\n", vocab_dir);
		return 1;
	}
	vocab v = {0};
	for (size_t i = 0; i < files.n; i++) {
		diag_sink d = {0};
		plan *p = plan_read(files.v[i], &d);
		if (p)
			collect(&v, p);
		plan_free(p);
		diag_sink_free(&d);
	}
	path_list_free(&files);
	fprintf(stderr,
	    "scale-gen: vocabulary: %zu strategies, %zu middle items, %zu activities, "
	    "%zu indicators, %zu targets, %zu units, %zu paragraphs\n",
	    v.top.n, v.middle.n, v.activity.n, v.indicator.n, v.target.n, v.unit.n,
	    v.paragraph.n);
	if (!fs_mkdirs(out_dir)) {
		fprintf(stderr, "scale-gen: %s: %s\n", out_dir, strerror(errno));
		return 3;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/SYNTHETIC.txt", out_dir);
	const char note[] =
	    "Everything under this folder is synthetic test data made by tools/scale/gen.c for\n"
	    "`make bench-scale`: invented agencies whose plans recombine the wording of the\n"
	    "shipped content/. None of it is a real agency's plan. Do not publish it.\n";
	int status = fs_write_file(path, note, sizeof note - 1) ? 0 : 3;
	buf b = {0}, pr = {0};
	for (int a = 1; a <= n && status == 0; a++) {
		b.len = pr.len = 0;
		write_plan(&b, &pr, a, &v);
		snprintf(path, sizeof path, "%s/synth-%04d/%d", out_dir, a, FY);
		if (!fs_mkdirs(path)) {
			status = 3;
			break;
		}
		snprintf(path, sizeof path, "%s/synth-%04d/%d/plan.md", out_dir, a, FY);
		if (!fs_write_file(path, b.data, b.len))
			status = 3;
		snprintf(path, sizeof path, "%s/synth-%04d/%d/progress-6.csv", out_dir, a, FY);
		if (!fs_write_file(path, pr.data, pr.len))
			status = 3;
	}
	if (status)
		fprintf(stderr, "scale-gen: cannot write under %s: %s\n", out_dir, strerror(errno));
	buf_free(&b);
	buf_free(&pr);
	words *all[] = {&v.top, &v.middle, &v.activity, &v.indicator, &v.target, &v.unit,
		&v.paragraph};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		words_free(all[i]);
	return status;
}

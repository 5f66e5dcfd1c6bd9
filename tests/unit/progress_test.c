/*
 * progress_test.c — progress rounds: the CSV and JSON readers, the join to the plan and
 * the roll-ups, with exact expected numbers (worked out by hand from the fixture plan in
 * tests/fixtures/progress/content/test/2567/plan.md), and the diagnostic (code and line)
 * of every kind of bad progress input.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "progress/progress.h"
#include "read/reader.h"
#include "validate.h"

#define PLAN_PATH "tests/fixtures/progress/content/test/2567/plan.md"
#define DIR "tests/fixtures/progress/content/test/2567/"

static bool has_diag(const diag_sink *d, diag_code code, int line)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].code == code && d->items[i].line == line)
			return true;
	return false;
}

static void print_diags(const diag_sink *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "    %s:%d: %s: %s\n", d->items[i].path, d->items[i].line,
		    diag_name(d->items[i].code), d->items[i].message);
}

static const item_progress *find(const progress_report *rep, const char *id)
{
	for (size_t i = 0; i < rep->p->all_items.n; i++)
		if (!strcmp(rep->items[i].it->id, id))
			return &rep->items[i];
	return NULL;
}

static const indicator_result *result(const progress_report *rep, const char *id)
{
	for (size_t i = 0; i < rep->p->all_items.n; i++)
		for (size_t k = 0; k < rep->items[i].nresults; k++)
			if (!strcmp(rep->items[i].results[k].ind->id, id))
				return &rep->items[i].results[k];
	return NULL;
}

#define CHECK_NUM(s, got, want, what) \
	CHECK(s, fabs((double)(got) - (double)(want)) < 1e-9, "%s: got %.15g, want %.15g", what, \
	    (double)(got), (double)(want))

/* ---- round 6: the fixture CSV (BOM, CRLF, multi-line cells, Thai digits) ---------------- */

static void test_round6(check_suite *s, const plan *p)
{
	diag_sink d = {0};
	progress_round *r = progress_read(DIR "progress-6.csv", &d);
	CHECK(s, r != NULL, "round 6 read");
	if (!r)
		return;
	progress_report *rep = progress_join(p, r, &d);
	CHECK(s, d.n == 0, "round 6: no diagnostics, got %zu", d.n);
	print_diags(&d);
	CHECK(s, rep != NULL, "round 6 joined");
	if (!rep)
		goto out;
	CHECK(s, r->months == 6 && r->fiscal_year_be == 2567, "round 6 of 2567");
	CHECK(s, r->period.start.year_be == 2566 && r->period.start.month == 10 &&
		     r->period.end.year_be == 2567 && r->period.end.month == 3 && r->period.end.day == 31,
	    "round 6 period 1 ต.ค. 66 – 31 มี.ค. 67");
	/* the CSV: row lines count the multi-line cell of 1.1.1 (lines 6-11) */
	const item_progress *a = find(rep, "1.1.1");
	CHECK(s, a && a->own && a->own->line == 6, "1.1.1 row at line 6");
	const indicator_result *a1 = result(rep, "1.1.1#1");
	CHECK(s, a1 && a1->row && a1->row->line == 12, "1.1.1#1 row at line 12, got %d",
	    a1 && a1->row ? a1->row->line : 0);
	CHECK(s, a && a->own && a->own->rich[PF_NARRATIVE] &&
		     a->own->rich[PF_NARRATIVE]->n == 4,
	    "1.1.1 narrative: a paragraph, two list entries, a paragraph");
	const progress_rollup *t = &rep->total;
	CHECK(s, t->activities == 7, "activities %zu", t->activities);
	CHECK(s, t->by_status[PS_DONE] == 2 && t->by_status[PS_IN_PROGRESS] == 3 &&
		     t->by_status[PS_NOT_STARTED] == 1 && t->by_status[PS_CANCELLED] == 0 &&
		     t->by_status[PS_NOT_STATED] == 0 && t->by_status[PS_NOT_REPORTED] == 1,
	    "statuses 2/3/1/0/0/1");
	CHECK(s, t->indicators == 7 && t->by_assessment[PA_MET] == 4 &&
		     t->by_assessment[PA_PARTLY] == 1 && t->by_assessment[PA_NOT_MET] == 1 &&
		     t->by_assessment[PA_NOT_REPORTED] == 1 && t->by_assessment[PA_NOT_ASSESSED] == 0,
	    "indicators 7: met 4, partly 1, not met 1, not reported 1");
	CHECK(s, t->over_achieved == 2, "over-achieved %zu", t->over_achieved);
	CHECK_NUM(s, t->met_percent, 57.14, "percent met");
	CHECK(s, t->planned.known && t->disbursed.known, "budgets known");
	CHECK_NUM(s, t->planned.baht, 1400000, "planned");
	CHECK_NUM(s, t->disbursed.baht, 430000, "disbursed");
	CHECK_NUM(s, t->budget_percent, 30.71, "budget percent");
	/* over-achieved: ร้อยละ ๘๕ of ร้อยละ ๘๐, and ๑๒๐ คน of ไม่น้อยกว่า ๑๐๐ คน */
	CHECK(s, a1 && a1->assessment == PA_MET && a1->over_achieved, "1.1.1#1 met, over");
	CHECK_NUM(s, a1 ? a1->percent : 0, 106.25, "1.1.1#1 percent");
	const indicator_result *a2 = result(rep, "1.1.1#2");
	CHECK_NUM(s, a2 ? a2->value : 0, 120, "1.1.1#2 value");
	CHECK_NUM(s, a2 ? a2->percent : 0, 120, "1.1.1#2 percent");
	/* partly: ๑ of ๒ ฉบับ; a ≤ target exceeded: ๗ of ไม่เกิน ๕ เรื่อง */
	const indicator_result *c1 = result(rep, "1.2.1#1"), *c2 = result(rep, "1.2.2#1");
	CHECK(s, c1 && c1->assessment == PA_PARTLY && c1->percent == 50, "1.2.1#1 partly 50");
	CHECK(s, c2 && c2->assessment == PA_NOT_MET && c2->percent == 140 && !c2->over_achieved,
	    "1.2.2#1 not met at 140%% of a ceiling");
	/* qualitative มี; no target at all, ใช่ */
	const indicator_result *b1 = result(rep, "1.1.2#1"), *e1 = result(rep, "2.1.2#1");
	CHECK(s, b1 && b1->assessment == PA_MET && !b1->numeric && !b1->has_percent,
	    "1.1.2#1 yes");
	CHECK(s, e1 && e1->assessment == PA_MET, "2.1.2#1 yes without a target");
	/* missing: 2.1.1#1 has no row; 2.1.3 has nothing at all */
	const indicator_result *d1 = result(rep, "2.1.1#1");
	CHECK(s, d1 && d1->assessment == PA_NOT_REPORTED && !d1->row, "2.1.1#1 not reported");
	const item_progress *f = find(rep, "2.1.3");
	CHECK(s, f && !f->reported && f->status == PS_NOT_REPORTED, "2.1.3 not reported");
	CHECK(s, rep->not_reported.n == 1 && rep->not_reported.v[0] == f, "one not reported");
	/* budgets: `-` planned and disbursed on 1.2.2 count nowhere; ไม่มีการใช้งบประมาณ is 0 */
	const item_progress *s1 = find(rep, "1"), *s2 = find(rep, "2"), *g = find(rep, "1.2.2");
	CHECK(s, g && !g->planned.known && !g->disbursed.known, "1.2.2 budgets unknown");
	const item_progress *b = find(rep, "1.1.2");
	CHECK(s, b && b->planned.known && b->planned.baht == 0 && b->disbursed.known &&
		     b->disbursed.baht == 0 && !b->has_budget_percent,
	    "1.1.2 none planned, none spent, no percent");
	CHECK_NUM(s, s1 ? s1->rollup.planned.baht : 0, 200000, "strategy 1 planned");
	CHECK_NUM(s, s1 ? s1->rollup.disbursed.baht : 0, 130000, "strategy 1 disbursed");
	CHECK_NUM(s, s1 ? s1->rollup.budget_percent : 0, 65, "strategy 1 percent");
	CHECK_NUM(s, s2 ? s2->rollup.budget_percent : 0, 25, "strategy 2 percent");
	CHECK(s, s1 && s1->rollup.activities == 4 && s1->rollup.indicators == 5 &&
		     s1->rollup.by_assessment[PA_MET] == 3,
	    "strategy 1: 4 activities, 5 indicators, 3 met");
	CHECK_NUM(s, s1 ? s1->rollup.met_percent : 0, 60, "strategy 1 percent met");
out:
	progress_round_free(r);
	diag_sink_free(&d);
}

/* ---- round 12: the fixture JSON; a row on a tactic covers its activities ------------------ */

static void test_round12(check_suite *s, const plan *p)
{
	diag_sink d = {0};
	progress_round *r = progress_read(DIR "progress-12.json", &d);
	CHECK(s, r != NULL, "round 12 read");
	if (!r)
		return;
	progress_report *rep = progress_join(p, r, &d);
	CHECK(s, d.n == 0 && rep, "round 12 joined without diagnostics");
	print_diags(&d);
	if (!rep)
		goto out;
	CHECK(s, r->period.end.month == 9 && r->period.end.day == 30, "12 months end 30 ก.ย.");
	const progress_rollup *t = &rep->total;
	CHECK(s, t->by_status[PS_DONE] == 4 && t->by_status[PS_IN_PROGRESS] == 1 &&
		     t->by_status[PS_CANCELLED] == 2 && t->by_status[PS_NOT_REPORTED] == 0,
	    "statuses: done 4, in progress 1, cancelled 2");
	CHECK(s, t->by_assessment[PA_MET] == 4 && t->by_assessment[PA_NOT_MET] == 2 &&
		     t->by_assessment[PA_NOT_REPORTED] == 1 && t->over_achieved == 2,
	    "indicators: met 4, not met 2, not reported 1, over 2");
	CHECK_NUM(s, t->disbursed.baht, 1193500, "disbursed");
	CHECK_NUM(s, t->budget_percent, 85.25, "budget percent");
	const indicator_result *a1 = result(rep, "1.1.1#1");
	CHECK_NUM(s, a1 ? a1->value : 0, 92.5, "a JSON number as achieved value");
	CHECK_NUM(s, a1 ? a1->percent : 0, 115.63, "92.5 of 80, two decimals");
	const item_progress *c = find(rep, "1.2.1"), *cc = find(rep, "1.2");
	CHECK(s, c && c->status == PS_CANCELLED && c->from == cc, "1.2.1 cancelled through 1.2");
	CHECK(s, cc && !cc->disbursed.known && cc->planned.baht == 50000,
	    "1.2: `-` disbursed and nothing below: unknown; planned from below");
	const item_progress *s2 = find(rep, "2");
	CHECK_NUM(s, s2 ? s2->rollup.budget_percent : 0, 87.08, "strategy 2 percent");
	const indicator_result *b = result(rep, "1.1.2#1");
	CHECK(s, b && b->yes == 1 && b->assessment == PA_MET, "JSON true is yes");
out:
	progress_round_free(r);
	diag_sink_free(&d);
}

/* ---- bad inputs: each gives its diagnostic at its line ---------------------------------------- */

typedef struct bad_case {
	const char *name;     /* file name: the round and the syntax */
	const char *text;
	diag_code code;
	int line;
} bad_case;

#define HEAD "ปีงบประมาณ,๒๕๖๗\nรอบ,๖ เดือน\nรหัส,สถานะ,ผลที่ได้,งบประมาณที่เบิกจ่าย,ผลการดำเนินการ\n"

static const bad_case bad_cases[] = {
	{"progress-6.csv", HEAD "1.1.1,เสร็จสิ้น,,,\n9.9,เสร็จสิ้น,,,\n", DIAG_PROGRESS_ID_UNKNOWN, 5},
	{"progress-6.csv", HEAD "1.1.1#3,,๑,,\n", DIAG_PROGRESS_ID_UNKNOWN, 4},
	{"progress-6.csv", HEAD "1.1.1#2,,๘o,,\n", DIAG_PROGRESS_ACHIEVED, 4},
	{"progress-6.csv", HEAD "1.1.1#2,,๑2๐,,\n", DIAG_PROGRESS_ACHIEVED, 4},
	{"progress-6.csv", HEAD "1.1.1#2,,\"๑๒,๐๐\",,\n", DIAG_PROGRESS_ACHIEVED, 4},
	{"progress-6.csv", HEAD "1.1.1#2,,๑๒๐ ครั้ง,,\n", DIAG_PROGRESS_ACHIEVED, 4},
	{"progress-6.csv", HEAD "1.1.2#1,,๑๐,,\n", DIAG_PROGRESS_ACHIEVED, 4},
	{"progress-6.csv", HEAD "1.1.1#1,,๘๕ คน,,\n", DIAG_PROGRESS_ACHIEVED, 4},
	{"progress-6.csv", HEAD "1.2.1#1,,ร้อยละ ๕๐,,\n", DIAG_PROGRESS_ACHIEVED, 4},
	{"progress-6.csv", HEAD "1.1.1,เสร็จ,,,\n", DIAG_PROGRESS_STATUS, 4},
	{"progress-6.csv", HEAD "1.1.1,finished,,,\n", DIAG_PROGRESS_STATUS, 4},
	{"progress-6.csv", HEAD "1.1.1,,,๑๒o,\n", DIAG_PROGRESS_DISBURSED, 4},
	{"progress-6.csv", HEAD "1.1.1,,๘๕,,\n", DIAG_PROGRESS_MISPLACED, 4},
	{"progress-6.csv", HEAD "1.1.1#1,เสร็จสิ้น,๘๕,,\n", DIAG_PROGRESS_MISPLACED, 4},
	{"progress-6.csv", HEAD "1.1.1,เสร็จสิ้น,,,\n1.1.1,เสร็จสิ้น,,,\n", DIAG_PROGRESS_ID_TWICE, 5},
	{"progress-6.csv", HEAD ",เสร็จสิ้น,,,\n", DIAG_PROGRESS_NO_ID, 4},
	{"progress-6.csv", HEAD "1.1.1,เสร็จสิ้น,,,\"ยังไม่ปิด\n\n", DIAG_PROGRESS_SYNTAX, 4},
	{"progress-6.csv", HEAD "1.1.1,เสร็จ\"สิ้น,,,\n", DIAG_PROGRESS_SYNTAX, 4},
	{"progress-6.csv", HEAD "1.1.1,เสร็จสิ้น,,,,เกิน\n", DIAG_PROGRESS_EXTRA_CELL, 4},
	{"progress-6.csv", "ปีงบประมาณ,๒๕๖๗\nรอบ,๖ เดือน\nรหัส,สถานภาพ\n", DIAG_PROGRESS_FIELD_UNKNOWN, 3},
	{"progress-6.csv", "ปีงบประมาณ,๒๕๖๗\nรอบ,๖ เดือน\nหน่วยงาน,กรมทดสอบ\nรหัส\n", DIAG_PROGRESS_KEY_UNKNOWN, 3},
	{"progress-6.csv", "ปีงบประมาณ,๒๕๖๗\nปีงบประมาณ,๒๕๖๗\nรอบ,๖\nรหัส\n", DIAG_PROGRESS_KEY_TWICE, 2},
	{"progress-6.csv", "รอบ,๖ เดือน\nรหัส\n", DIAG_PROGRESS_KEY_MISSING, 1},
	{"progress-6.csv", "ปีงบประมาณ,๒๕๖๗\nรอบ,๖ เดือน\n", DIAG_PROGRESS_NO_HEADER, 1},
	{"progress-6.csv", "ปีงบประมาณ,๒๕๖๖\nรอบ,๖ เดือน\nรหัส\n", DIAG_PROGRESS_FISCAL_YEAR, 1},
	{"progress-6.csv", "ปีงบประมาณ,2024\nรอบ,๖ เดือน\nรหัส\n", DIAG_PROGRESS_BAD_VALUE, 1},
	{"progress-6.csv", "ปีงบประมาณ,๒๕๖๗\nรอบ,๑๒ เดือน\nรหัส\n", DIAG_PROGRESS_BAD_VALUE, 2},
	{"progress-6.csv", "ปีงบประมาณ,๒๕๖๗\nรอบ,๙ เดือน\nรหัส\n", DIAG_PROGRESS_BAD_VALUE, 2},
	{"progress-6.csv", "ปีงบประมาณ,๒๕๖๗\nรอบ,๖\nช่วงเวลา,1 ต.ค. 67 – 31 มี.ค. 68\nรหัส\n",
	    DIAG_PROGRESS_BAD_VALUE, 3},
	{"progress-6.csv", "ปีงบประมาณ,๒๕๖๗\nรอบ,๖\nช่วงเวลา,31 ก.พ. 67\nรหัส\n",
	    DIAG_PROGRESS_BAD_VALUE, 3},
	{"progress-7.csv", "ปีงบประมาณ,๒๕๖๗\nรอบ,๖\nรหัส\n", DIAG_PROGRESS_NAME, 0},
	{"progress-6.json", "{\"fiscal_year\": 2567, \"round\": 6,\n \"rows\": [\n  {\"id\": \"1.1.1\"},\n  {\"id\": \"7\"}\n ]}\n",
	    DIAG_PROGRESS_ID_UNKNOWN, 4},
	{"progress-6.json", "{\"fiscal_year\": 2567, \"round\": 6,\n \"rows\": [\n  {\"id\": \"1.1.1\",\n   \"status\": \"ok\"}]}\n",
	    DIAG_PROGRESS_STATUS, 4},
	{"progress-6.json", "{\"fiscal_year\": 2567, \"round\": 6,\n \"rows\": [\n  {\"id\": \"1.1.1#2\",\n   \"achieved\": \"1,00\"}]}\n",
	    DIAG_PROGRESS_ACHIEVED, 4},
	{"progress-6.json", "{\"fiscal_year\": 2567, \"round\": 6,\n \"rows\": [\n  {\"id\": \"1.1.1\", \"colour\": \"red\"}]}\n",
	    DIAG_PROGRESS_FIELD_UNKNOWN, 3},
	{"progress-6.json", "{\"fiscal_year\": 2567, \"round\": 6,\n \"lines\": []}\n", DIAG_PROGRESS_KEY_UNKNOWN, 2},
	{"progress-6.json", "{\"fiscal_year\": 2567,\n \"round\": 6,\n \"rows\": [\n", DIAG_PROGRESS_SYNTAX, 4},
	{"progress-6.json", "{\"fiscal_year\": 2567, \"round\": 6, \"rows\": {}}\n", DIAG_PROGRESS_BAD_VALUE, 1},
};

static void test_bad(check_suite *s, const plan *p)
{
	for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		const bad_case *c = &bad_cases[i];
		diag_sink d = {0};
		char path[128];
		snprintf(path, sizeof path, "t/%s", c->name);
		progress_round *r = progress_read_memory(path, c->text, strlen(c->text), &d);
		progress_report *rep = r ? progress_join(p, r, &d) : NULL;
		CHECK(s, has_diag(&d, c->code, c->line), "bad case %zu: want %s at line %d", i,
		    diag_name(c->code), c->line);
		CHECK(s, d.worst == DIAG_ERROR, "bad case %zu: an error, not a warning", i);
		/* a problem the join finds leaves no report behind */
		bool join_stage = c->code == DIAG_PROGRESS_ID_UNKNOWN || c->code == DIAG_PROGRESS_ACHIEVED ||
				  c->code == DIAG_PROGRESS_MISPLACED || c->code == DIAG_PROGRESS_FISCAL_YEAR;
		CHECK(s, !join_stage || rep == NULL, "bad case %zu: a report despite the error", i);
		if (!has_diag(&d, c->code, c->line))
			print_diags(&d);
		progress_round_free(r);
		diag_sink_free(&d);
	}
}

/* Every problem of a file is reported, not only the first. */
static void test_all_reported(check_suite *s, const plan *p)
{
	const char *text = HEAD "9.9,เสร็จสิ้น,,,\n1.1.1,เสร็จ,,,\n1.1.1#2,,๘o,,\n";
	diag_sink d = {0};
	progress_round *r = progress_read_memory("t/progress-6.csv", text, strlen(text), &d);
	progress_join(p, r, &d);
	CHECK(s, has_diag(&d, DIAG_PROGRESS_ID_UNKNOWN, 4) && has_diag(&d, DIAG_PROGRESS_STATUS, 5) &&
		     has_diag(&d, DIAG_PROGRESS_ACHIEVED, 6),
	    "three problems, three diagnostics");
	progress_round_free(r);
	diag_sink_free(&d);
}

/* Spending more than planned is reported, as a warning. */
static void test_overspent(check_suite *s, const plan *p)
{
	const char *text = HEAD "1.2.1,,,\"๖๐,๐๐๐\",\n";
	diag_sink d = {0};
	progress_round *r = progress_read_memory("t/progress-6.csv", text, strlen(text), &d);
	progress_report *rep = progress_join(p, r, &d);
	CHECK(s, rep && has_diag(&d, DIAG_PROGRESS_OVERSPENT, 4) && d.worst == DIAG_WARNING,
	    "overspent: a warning at line 4");
	progress_round_free(r);
	diag_sink_free(&d);
}

/* Names, statuses and answers in their other spellings. */
static void test_names(check_suite *s)
{
	progress_status st;
	CHECK(s, progress_status_parse("In_Progress", &st) && st == PS_IN_PROGRESS, "In_Progress");
	CHECK(s, progress_status_parse(" ยัง ไม่ ดำเนินการ ", &st) && st == PS_NOT_STARTED,
	    "spaced Thai status");
	CHECK(s, progress_status_parse("canceled", &st) && st == PS_CANCELLED, "canceled");
	CHECK(s, !progress_status_parse("เสร็จ", &st), "เสร็จ is not a status");
	CHECK(s, progress_field_lookup("ACHIEVED") == PF_ACHIEVED, "ACHIEVED");
	CHECK(s, progress_field_lookup("ปัญหา/อุปสรรค") == PF_PROBLEMS, "ปัญหา/อุปสรรค");
	CHECK(s, progress_key_lookup("fiscal year") == PK_FISCAL_YEAR, "fiscal year");
	CHECK_NUM(s, progress_round2(2.0 / 3 * 100), 66.67, "two thirds");
	CHECK_NUM(s, progress_round2(115.625), 115.63, "a half rounds away from zero");
}

int main(void)
{
	check_suite s = {0};
	diag_sink d = {0};
	plan *p = plan_read(PLAN_PATH, &d);
	if (p)
		plan_validate(p, NULL, &d);
	CHECK(&s, p && d.n == 0, "fixture plan reads cleanly");
	if (p) {
		test_round6(&s, p);
		test_round12(&s, p);
		test_bad(&s, p);
		test_all_reported(&s, p);
		test_overspent(&s, p);
	}
	test_names(&s);
	plan_free(p);
	diag_sink_free(&d);
	return check_summary(&s, "progress_test");
}

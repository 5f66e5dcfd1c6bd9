/*
 * model_test.c — the readers and the validator on small plans held in strings: what the
 * model holds after reading, and which diagnostics (code and line) each mistake gives.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "read/reader.h"
#include "validate.h"

#define FRONT                                                                         \
	"---\n"                                                                       \
	"agency: กรมทดสอบ\n"                                                          \
	"agency_en: Department of Tests\n"                                            \
	"agency_id: test\n"                                                           \
	"title: แผนทดสอบ\n"                                                            \
	"fiscal_year: ๒๕๖๗\n"                                                          \
	"kind: action-plan\n"                                                         \
	"levels: ยุทธศาสตร์ > กลยุทธ์ > กิจกรรม/โครงการ\n"                                   \
	"---\n"

static plan *read_text(const char *text, diag_sink *d)
{
	plan *p = plan_read_memory("t.md", text, strlen(text), d);
	if (p)
		plan_validate(p, NULL, d);
	return p;
}

static item *item_at(plan *p, size_t i)
{
	return i < p->all_items.n ? p->all_items.v[i] : NULL;
}

/* Has the sink a diagnostic with this code at this line? */
static bool has_diag(const diag_sink *d, diag_code code, int line)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].code == code && d->items[i].line == line)
			return true;
	return false;
}

static void test_full_item(check_suite *s)
{
	const char *text = FRONT
	    "\n# บทนำ\n\nข้อความนำ https://example.go.th\n\n"
	    "## ยุทธศาสตร์ที่ ๑ สร้างจิตสำนึก\n\n"
	    "- วัตถุประสงค์: เพื่อปลูกฝังคุณธรรม\n\n"
	    "### กลยุทธ์ที่ ๒ : ส่งเสริมระบบ\n\n"
	    "#### ๓. จัดฝึกอบรม\n\n"
	    "คำอธิบายกิจกรรม\n\n"
	    "- ตัวชี้วัด: ร้อยละของผู้เข้ารับการฝึกอบรม\n"
	    "  - ค่าเป้าหมาย: ร้อยละ ๘๐\n"
	    "- indicator: จำนวนบุคลากร\n"
	    "- target: ๘๐ คน\n"
	    "- ตัวชี้วัด: ผลคะแนนการประเมิน 85 คะแนน ขึ้นไป\n"
	    "- งบประมาณ: ๘๕๐,๐๐๐\n"
	    "- ระยะเวลา: ← 1 ต.ค. 66 – 30 ก.ย. 67 →\n"
	    "- ผู้รับผิดชอบ:\n"
	    "  - กองหนึ่ง\n"
	    "  - กองสอง\n"
	    "- วิธีการ: ขั้นที่หนึ่ง\n"
	    "  1. ย่อยหนึ่ง\n";
	diag_sink d = {0};
	plan *p = read_text(text, &d);
	CHECK(s, p != NULL, "plan read");
	if (!p)
		return;
	CHECK(s, d.n == 0, "no diagnostics, got %zu (first: %s)", d.n, d.n ? d.items[0].message : "");
	CHECK(s, p->fiscal_year_be == 2567, "fiscal year %d", p->fiscal_year_be);
	CHECK(s, p->nlevels == 3, "levels %d", p->nlevels);
	CHECK(s, p->chapters.n == 1, "one chapter");
	CHECK(s, p->all_items.n == 3, "three items, got %zu", p->all_items.n);
	item *a = item_at(p, 0), *b = item_at(p, 1), *c = item_at(p, 2);
	if (!a || !b || !c)
		goto out;
	CHECK_STR(s, a->id, "1", "strategy id");
	CHECK_STR(s, a->title, "สร้างจิตสำนึก", "strategy title");
	CHECK_STR(s, a->number, "๑", "strategy number");
	CHECK_STR(s, a->objective, "เพื่อปลูกฝังคุณธรรม", "objective");
	CHECK_STR(s, b->id, "1.2", "tactic id from its number");
	CHECK_STR(s, b->title, "ส่งเสริมระบบ", "tactic title after the colon");
	CHECK_STR(s, c->id, "1.2.3", "activity id");
	CHECK_STR(s, c->title, "จัดฝึกอบรม", "activity title");
	CHECK_STR(s, c->prose, "คำอธิบายกิจกรรม", "activity prose");
	CHECK(s, c->line == 21, "activity line %d", c->line);
	CHECK(s, c->indicators.n == 3, "three indicators, got %zu", c->indicators.n);
	if (c->indicators.n == 3) {
		indicator *i1 = c->indicators.v[0], *i2 = c->indicators.v[1], *i3 = c->indicators.v[2];
		CHECK_STR(s, i1->id, "1.2.3#1", "indicator id");
		CHECK(s, i1->target && i1->target->parsed.percent && i1->target->parsed.value == 80,
		    "nested target ร้อยละ ๘๐");
		CHECK(s, i2->target && !i2->target->from_indicator && i2->target->parsed.value == 80 &&
			     i2->target->unit && !strcmp(i2->target->unit, "คน"),
		    "target given after its indicator, English aliases");
		CHECK(s, i3->target && i3->target->from_indicator && i3->target->parsed.value == 85 &&
			     i3->target->parsed.cmp == THAI_CMP_GE,
		    "target read out of the indicator text");
	}
	bool known;
	CHECK(s, item_budget_baht(c, &known) == 850000 && known, "budget 850000");
	CHECK(s, c->periods.n == 1, "one period");
	if (c->periods.n == 1) {
		period *pd = c->periods.v[0];
		CHECK(s, pd->parsed.continues_before && pd->parsed.continues_after, "arrows kept");
		CHECK(s, pd->parsed.start.year_be == 2566 && pd->parsed.start.month == 10, "start");
	}
	CHECK(s, c->responsible.n == 2, "two responsible units, got %zu", c->responsible.n);
	CHECK(s, c->method && !strcmp(c->method, "ขั้นที่หนึ่ง\n1. ย่อยหนึ่ง"), "method markdown: %s",
	    c->method ? c->method : "(null)");
out:
	plan_free(p);
	diag_sink_free(&d);
}

static void test_ids_by_position(check_suite *s)
{
	const char *text = FRONT
	    "## ยุทธศาสตร์ไม่มีเลข\n"
	    "### กลยุทธ์แรก\n"
	    "### กลยุทธ์ที่สอง\n"
	    "#### กิจกรรมการยกระดับ\n"
	    "#### กิจกรรมพิเศษ {#special-1}\n"
	    "- ตัวชี้วัด: มีประกาศ\n";
	diag_sink d = {0};
	plan *p = read_text(text, &d);
	CHECK(s, p && d.n == 0, "no diagnostics");
	if (p && p->all_items.n == 5) {
		CHECK_STR(s, item_at(p, 0)->id, "1", "position id");
		CHECK_STR(s, item_at(p, 2)->id, "1.2", "second tactic");
		CHECK_STR(s, item_at(p, 3)->id, "1.2.1", "activity");
		CHECK_STR(s, item_at(p, 3)->title, "กิจกรรมการยกระดับ", "level word kept when no number");
		CHECK_STR(s, item_at(p, 4)->id, "special-1", "explicit id");
		indicator *ind = item_at(p, 4)->indicators.v[0];
		CHECK(s, ind->target == NULL, "qualitative indicator has no target");
	} else {
		CHECK(s, false, "five items");
	}
	plan_free(p);
	diag_sink_free(&d);
}

typedef struct bad_case {
	const char *name, *body;
	diag_code code;
	int line;
} bad_case;

static void test_errors(check_suite *s)
{
	/* lines: the front matter takes lines 1-9, the body starts at line 10 */
	static const bad_case cases[] = {
		{"unknown field", "## ก\n- ตัวชี้วัดย่อย: x\n- ตัวชี้วัด: y\n- งบ: 5\n", DIAG_FIELD_UNKNOWN, 13},
		{"bad budget", "## ก\n- งบประมาณ: ๘๕o,๐๐๐\n", DIAG_BUDGET_BAD, 11},
		{"bad grouping", "## ก\n- งบประมาณ: ๒๒,๘๐๐,๐๐\n", DIAG_BUDGET_BAD, 11},
		{"bad date", "## ก\n- ระยะเวลา: 31 ก.พ. 67\n", DIAG_PERIOD_BAD, 11},
		{"CE year", "## ก\n- ระยะเวลา: ปีงบประมาณ 2023\n", DIAG_PERIOD_BAD, 11},
		{"period text", "## ก\n- ระยะเวลา: ทุกเดือน\n", DIAG_PERIOD_TEXT, 11},
		{"duplicate id", "## ๑. ก\n## ยุทธศาสตร์ที่ ๑ ข\n", DIAG_ID_DUPLICATE, 11},
		{"bad id", "## ก {#a/b}\n", DIAG_ID_BAD, 10},
		{"skipped level", "## ก\n#### ข\n", DIAG_LEVEL_SKIPPED, 11},
		{"too deep", "## ก\n### ข\n#### ค\n##### ง\n", DIAG_LEVEL_TOO_DEEP, 13},
		{"target without indicator", "## ก\n- ค่าเป้าหมาย: ๕ คน\n", DIAG_FIELD_MISPLACED, 11},
		{"target twice", "## ก\n- ตัวชี้วัด: x\n  - ค่าเป้าหมาย: ๑ คน\n- ค่าเป้าหมาย: ๒ คน\n",
		    DIAG_TARGET_TWICE, 13},
		{"empty field", "## ก\n- งบประมาณ:\n", DIAG_FIELD_EMPTY, 11},
		{"fields outside an item", "# บท\n- ตัวชี้วัด: x\n", DIAG_FIELD_OUTSIDE_ITEM, 11},
		{"no items", "# บท\nข้อความ\n", DIAG_NO_ITEMS, 1},
		{"bad target", "## ก\n- ตัวชี้วัด: x\n  - ค่าเป้าหมาย: ๑2๓ คน\n", DIAG_TARGET_BAD, 12},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *text = malloc(strlen(FRONT) + strlen(cases[i].body) + 1);
		strcpy(text, FRONT);
		strcat(text, cases[i].body);
		diag_sink d = {0};
		plan *p = read_text(text, &d);
		CHECK(s, has_diag(&d, cases[i].code, cases[i].line), "%s: expected %s at line %d",
		    cases[i].name, diag_name(cases[i].code), cases[i].line);
		plan_free(p);
		diag_sink_free(&d);
		free(text);
	}
}

static void test_front_matter(check_suite *s)
{
	static const struct {
		const char *name, *text;
		diag_code code;
		int line;
	} cases[] = {
		{"no block", "# x\n", DIAG_FM_MISSING_BLOCK, 1},
		{"unclosed", "---\nagency: x\n", DIAG_FM_UNCLOSED, 1},
		{"unknown key", "---\nagencyy: x\n---\n", DIAG_FM_UNKNOWN_KEY, 2},
		{"missing key", "---\nagency: x\n---\n", DIAG_FM_MISSING_KEY, 3},
		{"CE fiscal year", "---\nfiscal_year: 2024\n---\n", DIAG_FM_BAD_VALUE, 2},
		{"bad agency id", "---\nagency_id: DIP!\n---\n", DIAG_FM_BAD_VALUE, 2},
		{"duplicate key", "---\ntitle: a\ntitle: b\n---\n", DIAG_FM_DUPLICATE_KEY, 3},
		{"no colon", "---\njust words\n---\n", DIAG_FM_SYNTAX, 2},
		{"bad kind", "---\nkind: poem\n---\n", DIAG_FM_BAD_VALUE, 2},
		{"invalid UTF-8", "---\ntitle: \xE0\xB8\n---\n", DIAG_UTF8, 2},
		{"NUL byte", "---\ntitle: a\0b\n---\n", DIAG_NUL_BYTE, 2},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		diag_sink d = {0};
		size_t len = strlen(cases[i].text);
		if (cases[i].code == DIAG_NUL_BYTE)
			len = 20;
		plan *p = plan_read_memory("t.md", cases[i].text, len, &d);
		CHECK(s, has_diag(&d, cases[i].code, cases[i].line), "%s: expected %s at line %d",
		    cases[i].name, diag_name(cases[i].code), cases[i].line);
		plan_free(p);
		diag_sink_free(&d);
	}
}

static void test_thai_keys_and_crlf(check_suite *s)
{
	const char *text = "\xEF\xBB\xBF---\r\n"
			   "หน่วยงาน: กรมทดสอบ\r\n"
			   "หน่วยงานภาษาอังกฤษ: Tests\r\n"
			   "รหัสหน่วยงาน: t\r\n"
			   "ชื่อแผน: แผน\r\n"
			   "ปีงบประมาณ: 2566\r\n"
			   "ประเภท: แผนปฏิบัติการ\r\n"
			   "ระดับ: มาตรการ > กิจกรรม\r\n"
			   "ระดับหัวข้อ: 3\r\n"
			   "---\r\n"
			   "## บทนำ\r\n"
			   "### มาตรการ ๑.๒ ก\r\n"
			   "#### ๕) ข\r\n"
			   "- ระยะเวลา: ม.ค. - พ.ค. ๖๖\r\n";
	diag_sink d = {0};
	plan *p = read_text(text, &d);
	CHECK(s, p && d.n == 0, "Thai keys, BOM and CRLF accepted (%zu diagnostics)", d.n);
	if (p && p->all_items.n == 2) {
		CHECK(s, p->level_depth == 3 && p->chapters.n == 1, "level depth 3, ## is a chapter");
		CHECK_STR(s, item_at(p, 0)->id, "2", "last component of ๑.๒");
		CHECK_STR(s, item_at(p, 1)->id, "2.5", "๕)");
		CHECK(s, item_at(p, 1)->line == 13, "line counted through CRLF");
	}
	plan_free(p);
	diag_sink_free(&d);
}

static void test_diag_order(check_suite *s)
{
	const char *text = FRONT "## ก\n- งบประมาณ: x\n- ระยะเวลา: 31 ก.พ. 67\n- ยี่ห้อ: x\n";
	diag_sink d = {0};
	plan *p = read_text(text, &d);
	CHECK(s, d.n == 3, "every error of the file reported, got %zu", d.n);
	plan_free(p);
	diag_sink_free(&d);
}

int main(void)
{
	check_suite s = {0};
	test_full_item(&s);
	test_ids_by_position(&s);
	test_errors(&s);
	test_front_matter(&s);
	test_thai_keys_and_crlf(&s);
	test_diag_order(&s);
	return check_summary(&s, "model");
}

/*
 * thai_test.c — the Thai value parsers against tables of what officials actually write:
 * each row is an input and either the fields expected or the error expected (a
 * substring of the message and the 1-based code point column).
 */
#include <stdbool.h>
#include <string.h>

#include "check.h"
#include "thai/thai.h"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* An expected failure: NULL err means the input must be accepted. */
typedef struct want_error {
	const char *err;
	int col;
} want_error;

/* Checks success or the expected error; true when the fields are worth checking. */
static bool expect(check_suite *s, const char *fn, const char *input, bool ok,
    const thai_error *err, want_error want)
{
	if (!want.err) {
		CHECK(s, ok, "%s(\"%s\"): refused: %s (col %d)", fn, input, err->message, err->col);
		return ok;
	}
	CHECK(s, !ok, "%s(\"%s\"): accepted, want error \"%s\"", fn, input, want.err);
	if (ok)
		return false;
	CHECK(s, strstr(err->message, want.err) != NULL, "%s(\"%s\"): message \"%s\", want \"%s\"",
	    fn, input, err->message, want.err);
	CHECK(s, err->col == want.col, "%s(\"%s\"): col %d, want %d (%s)", fn, input, err->col,
	    want.col, err->message);
	return false;
}

/* Is input[off..off+len) the text want (NULL: an empty span)? */
static bool span_is(const char *input, size_t off, size_t len, const char *want)
{
	if (!want)
		return len == 0;
	return len == strlen(want) && off + len <= strlen(input) &&
	       memcmp(input + off, want, len) == 0;
}

static void check_span(check_suite *s, const char *what, const char *input, size_t off,
    size_t len, const char *want)
{
	CHECK(s, span_is(input, off, len, want), "%s of \"%s\": got \"%.*s\", want \"%s\"", what,
	    input, (int)len, input + off, want ? want : "");
}

/* ---- digits ------------------------------------------------------------------- */

static void test_digit_at(check_suite *s)
{
	static const struct {
		const char *in;
		int value;
		size_t len;
	} cases[] = {
		{ "๐", 0, 3 }, { "๑", 1, 3 }, { "๕", 5, 3 }, { "๙", 9, 3 }, { "๙๙", 9, 3 },
		{ "0", 0, 1 }, { "7", 7, 1 },  { "9x", 9, 1 }, { "a", -1, 0 }, { "", -1, 0 },
		{ "ก", -1, 0 }, { "๚", -1, 0 }, { "๏", -1, 0 }, { "¹", -1, 0 }, { " 1", -1, 0 },
	};
	for (size_t i = 0; i < COUNT_OF(cases); i++) {
		size_t len = 99;
		int v = thai_digit_at(cases[i].in, &len);
		CHECK(s, v == cases[i].value && len == cases[i].len,
		    "thai_digit_at(\"%s\") = %d len %zu, want %d len %zu", cases[i].in, v, len,
		    cases[i].value, cases[i].len);
	}
	CHECK(s, thai_digit_at("๓", NULL) == 3, "thai_digit_at without len");
	CHECK(s, thai_digit_at(NULL, NULL) == -1, "thai_digit_at(NULL)");
}

static void test_digit_conversion(check_suite *s)
{
	static const struct {
		const char *thai, *arabic;
	} cases[] = {
		{ "๐๑๒๓๔๕๖๗๘๙", "0123456789" },
		{ "ปีงบประมาณ พ.ศ. ๒๕๖๖", "ปีงบประมาณ พ.ศ. 2566" },
		{ "๘๕๐,๐๐๐ บาท", "850,000 บาท" },
		{ "ไม่มีตัวเลข", "ไม่มีตัวเลข" },
		{ "", "" },
		{ "abc-๑", "abc-1" },
	};
	char buf[128];
	for (size_t i = 0; i < COUNT_OF(cases); i++) {
		size_t n = thai_digits_to_arabic(cases[i].thai, buf, sizeof buf);
		CHECK_STR(s, buf, cases[i].arabic, "thai_digits_to_arabic");
		CHECK(s, n == strlen(cases[i].arabic), "to_arabic length %zu", n);
		n = thai_digits_to_thai(cases[i].arabic, buf, sizeof buf);
		CHECK_STR(s, buf, cases[i].thai, "thai_digits_to_thai");
		CHECK(s, n == strlen(cases[i].thai), "to_thai length %zu", n);
		/* Mixed input goes one way whichever system it starts in. */
		thai_digits_to_thai(cases[i].thai, buf, sizeof buf);
		CHECK_STR(s, buf, cases[i].thai, "thai_digits_to_thai of Thai");
	}
	thai_digits_to_arabic("1๒3", buf, sizeof buf);
	CHECK_STR(s, buf, "123", "mixed to Arabic");

	/* Like snprintf: the full length is returned, a character never split. */
	CHECK(s, thai_digits_to_thai("12", buf, 4) == 6, "to_thai needs 6 bytes");
	CHECK_STR(s, buf, "๑", "to_thai cut at a character");
	CHECK(s, thai_digits_to_thai("12", buf, 6) == 6, "to_thai 6 bytes, size 6");
	CHECK_STR(s, buf, "๑", "to_thai leaves room for the NUL");
	CHECK(s, thai_digits_to_arabic("๑๒๓", buf, 3) == 3, "to_arabic needs 3 bytes");
	CHECK_STR(s, buf, "12", "to_arabic truncated");
	CHECK(s, thai_digits_to_arabic("๑๒", NULL, 0) == 2, "to_arabic measures with size 0");
	buf[0] = 'x';
	CHECK(s, thai_digits_to_arabic("๑", buf, 1) == 1 && buf[0] == '\0', "size 1 gives \"\"");
}

/* ---- numbers ------------------------------------------------------------------ */

static void test_numbers(check_suite *s)
{
	static const struct {
		const char *in;
		double value;
		int decimals;
		bool thai;
		const char *footnote;
		want_error want;
	} cases[] = {
		{ "๘๕๐,๐๐๐", 850000, 0, true, NULL, { 0 } },
		{ "850,000", 850000, 0, false, NULL, { 0 } },
		{ "1,234,567.89", 1234567.89, 2, false, NULL, { 0 } },
		{ "๑,๒๓๔,๕๖๗", 1234567, 0, true, NULL, { 0 } },
		{ "1234567", 1234567, 0, false, NULL, { 0 } },
		{ "๑๒.๕", 12.5, 1, true, NULL, { 0 } },
		{ "0.1", 0.1, 1, false, NULL, { 0 } },
		{ "1,000.50", 1000.5, 2, false, NULL, { 0 } },
		{ "007", 7, 0, false, NULL, { 0 } },
		{ "๐๐๗", 7, 0, true, NULL, { 0 } },
		{ "0,500", 500, 0, false, NULL, { 0 } },
		{ "0", 0, 0, false, NULL, { 0 } },
		{ "-12", -12, 0, false, NULL, { 0 } },
		{ "+3", 3, 0, false, NULL, { 0 } },
		{ "-๑.๕", -1.5, 1, true, NULL, { 0 } },
		{ "  42  ", 42, 0, false, NULL, { 0 } },
		{ "9,460,600 ¹", 9460600, 0, false, "¹", { 0 } },
		{ "9,460,600¹", 9460600, 0, false, "¹", { 0 } },
		{ "100*", 100, 0, false, "*", { 0 } },
		{ "๕๐ ²", 50, 0, true, "²", { 0 } },
		{ "5 ¹²", 5, 0, false, "¹²", { 0 } },
		{ "5 ¹ ³", 5, 0, false, "¹ ³", { 0 } },
		{ "7⁴", 7, 0, false, "⁴", { 0 } },
		{ "8 ⁰ ", 8, 0, false, "⁰", { 0 } },
		{ "3**", 3, 0, false, "**", { 0 } },
		{ "๘๕o,๐๐๐", 0, 0, false, NULL, { "\"๘๕o,๐๐๐\" is not a number", 3 } },
		{ "1,23,000", 0, 0, false, NULL, { "\"1,23,000\": digits must be grouped in threes", 3 } },
		{ "1234,567", 0, 0, false, NULL, { "grouped in threes", 1 } },
		{ "12,5", 0, 0, false, NULL, { "grouped in threes", 4 } },
		{ "1,0000", 0, 0, false, NULL, { "grouped in threes", 3 } },
		{ "๒๒,๘๐๐,๐๐", 0, 0, false, NULL, { "\"๒๒,๘๐๐,๐๐\": digits must be grouped", 8 } },
		{ "๑2๓", 0, 0, false, NULL, { "\"๑2๓\": Thai and Arabic digits mixed in one number", 2 } },
		{ "๑,๐๐0", 0, 0, false, NULL, { "Thai and Arabic digits mixed", 5 } },
		{ "1,๐๐๐", 0, 0, false, NULL, { "Thai and Arabic digits mixed", 3 } },
		{ "1.๕", 0, 0, false, NULL, { "Thai and Arabic digits mixed", 3 } },
		{ "", 0, 0, false, NULL, { "\"\" is not a number", 1 } },
		{ "   ", 0, 0, false, NULL, { "\"\" is not a number", 4 } },
		{ ",", 0, 0, false, NULL, { "\",\" is not a number", 1 } },
		{ "1.", 0, 0, false, NULL, { "\"1.\" is not a number", 2 } },
		{ ".5", 0, 0, false, NULL, { "\".5\" is not a number", 1 } },
		{ "1,", 0, 0, false, NULL, { "is not a number", 2 } },
		{ "12 คน", 0, 0, false, NULL, { "\"12 คน\" is not a number", 4 } },
		{ "1 2", 0, 0, false, NULL, { "is not a number", 3 } },
		{ "--1", 0, 0, false, NULL, { "is not a number", 2 } },
		{ "abc", 0, 0, false, NULL, { "\"abc\" is not a number", 1 } },
		{ "¹", 0, 0, false, NULL, { "is not a number", 1 } },
		{ "1.5.2", 0, 0, false, NULL, { "is not a number", 4 } },
		{ "๕ ¹ x", 0, 0, false, NULL, { "is not a number", 5 } },
	};
	for (size_t i = 0; i < COUNT_OF(cases); i++) {
		thai_number n;
		thai_error err;
		bool ok = thai_parse_number(cases[i].in, &n, &err);
		if (!expect(s, "thai_parse_number", cases[i].in, ok, &err, cases[i].want))
			continue;
		CHECK(s, n.value == cases[i].value, "number \"%s\": value %.17g, want %.17g",
		    cases[i].in, n.value, cases[i].value);
		CHECK(s, n.decimals == cases[i].decimals, "number \"%s\": decimals %d, want %d",
		    cases[i].in, n.decimals, cases[i].decimals);
		CHECK(s, n.thai_digits == cases[i].thai, "number \"%s\": thai_digits", cases[i].in);
		check_span(s, "footnote", cases[i].in, n.footnote_off, n.footnote_len,
		    cases[i].footnote);
	}
}

/* ---- budgets ------------------------------------------------------------------ */

static void test_budgets(check_suite *s)
{
	static const struct {
		const char *in;
		thai_budget_kind kind;
		double baht;
		bool thai;
		const char *footnote, *qualifier;
		want_error want;
	} cases[] = {
		{ "๘๕๐,๐๐๐", THAI_BUDGET_AMOUNT, 850000, true, NULL, NULL, { 0 } },
		{ "850000", THAI_BUDGET_AMOUNT, 850000, false, NULL, NULL, { 0 } },
		{ "9,460,600 ¹", THAI_BUDGET_AMOUNT, 9460600, false, "¹", NULL, { 0 } },
		{ "๕๐,๐๐๐ บาท", THAI_BUDGET_AMOUNT, 50000, true, NULL, NULL, { 0 } },
		{ "50,000บาท", THAI_BUDGET_AMOUNT, 50000, false, NULL, NULL, { 0 } },
		{ "๕,๐๐๐ /ครั้ง", THAI_BUDGET_AMOUNT, 5000, true, NULL, "/ครั้ง", { 0 } },
		{ "๕,๐๐๐/ครั้ง", THAI_BUDGET_AMOUNT, 5000, true, NULL, "/ครั้ง", { 0 } },
		{ "๕,๐๐๐ บาท/ครั้ง", THAI_BUDGET_AMOUNT, 5000, true, NULL, "/ครั้ง", { 0 } },
		{ "120,000 บาท ต่อปี", THAI_BUDGET_AMOUNT, 120000, false, NULL, "ต่อปี", { 0 } },
		{ "100 บาท ¹", THAI_BUDGET_AMOUNT, 100, false, "¹", NULL, { 0 } },
		{ "2,500* (เงินรายได้)", THAI_BUDGET_AMOUNT, 2500, false, "*", "(เงินรายได้)", { 0 } },
		{ "50,000.50 บาท", THAI_BUDGET_AMOUNT, 50000.5, false, NULL, NULL, { 0 } },
		{ "๕๐,๐๐๐.-", THAI_BUDGET_AMOUNT, 50000, true, NULL, NULL, { 0 } },
		{ "50,000.- บาท", THAI_BUDGET_AMOUNT, 50000, false, NULL, NULL, { 0 } },
		{ "1.5 ล้านบาท", THAI_BUDGET_AMOUNT, 1500000, false, NULL, NULL, { 0 } },
		{ "9.46 ล้าน", THAI_BUDGET_AMOUNT, 9460000, false, NULL, NULL, { 0 } },
		{ "0", THAI_BUDGET_AMOUNT, 0, false, NULL, NULL, { 0 } },
		{ "  ๑๐๐  ", THAI_BUDGET_AMOUNT, 100, true, NULL, NULL, { 0 } },
		{ "-", THAI_BUDGET_UNSPECIFIED, 0, false, NULL, NULL, { 0 } },
		{ "–", THAI_BUDGET_UNSPECIFIED, 0, false, NULL, NULL, { 0 } },
		{ "—", THAI_BUDGET_UNSPECIFIED, 0, false, NULL, NULL, { 0 } },
		{ " - ", THAI_BUDGET_UNSPECIFIED, 0, false, NULL, NULL, { 0 } },
		{ "--", THAI_BUDGET_UNSPECIFIED, 0, false, NULL, NULL, { 0 } },
		{ "", THAI_BUDGET_UNSPECIFIED, 0, false, NULL, NULL, { 0 } },
		{ "   ", THAI_BUDGET_UNSPECIFIED, 0, false, NULL, NULL, { 0 } },
		{ "ไม่มีการใช้งบประมาณ", THAI_BUDGET_NONE, 0, false, NULL, NULL, { 0 } },
		{ "ไม่มีการใช้ งบประมาณ", THAI_BUDGET_NONE, 0, false, NULL, NULL, { 0 } },
		{ "ไม่ใช้งบประมาณ", THAI_BUDGET_NONE, 0, false, NULL, NULL, { 0 } },
		{ "ไม่ ใช้ งบ ประมาณ", THAI_BUDGET_NONE, 0, false, NULL, NULL, { 0 } },
		{ "ไม่มีงบประมาณ", THAI_BUDGET_NONE, 0, false, NULL, NULL, { 0 } },
		{ "ไม่ได้ใช้งบประมาณ", THAI_BUDGET_NONE, 0, false, NULL, NULL, { 0 } },
		{ "ไม่ได้รับงบประมาณ", THAI_BUDGET_NONE, 0, false, NULL, NULL, { 0 } },
		{ "ไม่ต้องใช้งบประมาณ", THAI_BUDGET_NONE, 0, false, NULL, NULL, { 0 } },
		{ "ไม่ใช้งบประมาณ (ใช้งบปกติ)", THAI_BUDGET_NONE, 0, false, NULL, "(ใช้งบปกติ)", { 0 } },
		{ "งบปกติ", 0, 0, false, NULL, NULL, { "\"งบปกติ\" is not a number", 1 } },
		{ "งบ 5,000", 0, 0, false, NULL, NULL, { "\"งบ 5,000\" is not a number", 1 } },
		{ "ไม่มี", 0, 0, false, NULL, NULL, { "\"ไม่มี\" is not a number", 1 } },
		{ "-5,000", 0, 0, false, NULL, NULL, { "is not a number", 1 } },
		{ "๘๕o,๐๐๐", 0, 0, false, NULL, NULL, { "\"๘๕o,๐๐๐\" is not a number", 3 } },
		{ "50,000.5.5", 0, 0, false, NULL, NULL, { "is not a number", 9 } },
		{ "๒๒,๘๐๐,๐๐", 0, 0, false, NULL, NULL, { "\"๒๒,๘๐๐,๐๐\": digits must be grouped in threes", 8 } },
		{ "1,23,000 บาท", 0, 0, false, NULL, NULL, { "\"1,23,000\": digits must be grouped", 3 } },
		{ "๕๐,000", 0, 0, false, NULL, NULL, { "Thai and Arabic digits mixed", 4 } },
	};
	for (size_t i = 0; i < COUNT_OF(cases); i++) {
		thai_budget b;
		thai_error err;
		bool ok = thai_parse_budget(cases[i].in, &b, &err);
		if (!expect(s, "thai_parse_budget", cases[i].in, ok, &err, cases[i].want))
			continue;
		CHECK(s, b.kind == cases[i].kind, "budget \"%s\": kind %d, want %d", cases[i].in,
		    (int)b.kind, (int)cases[i].kind);
		CHECK(s, b.baht == cases[i].baht, "budget \"%s\": %.17g baht, want %.17g",
		    cases[i].in, b.baht, cases[i].baht);
		CHECK(s, b.thai_digits == cases[i].thai, "budget \"%s\": thai_digits", cases[i].in);
		check_span(s, "budget footnote", cases[i].in, b.footnote_off, b.footnote_len,
		    cases[i].footnote);
		check_span(s, "budget qualifier", cases[i].in, b.qualifier_off, b.qualifier_len,
		    cases[i].qualifier);
	}
}

/* ---- targets ------------------------------------------------------------------ */

#define QUAL { false, 0, false, THAI_CMP_EQ, NULL, NULL }

static void test_targets(check_suite *s)
{
	static const struct {
		const char *in;
		struct {
			bool numeric;
			double value;
			bool percent;
			thai_comparator cmp;
			const char *number, *unit;
		} t;
		want_error want;
	} cases[] = {
		{ "ร้อยละ ๘๐", { true, 80, true, THAI_CMP_EQ, "๘๐", "ร้อยละ" }, { 0 } },
		{ "ร้อยละ๘๐", { true, 80, true, THAI_CMP_EQ, "๘๐", "ร้อยละ" }, { 0 } },
		{ "ร้อยละ 85.50", { true, 85.5, true, THAI_CMP_EQ, "85.50", "ร้อยละ" }, { 0 } },
		{ "๘๐ คน", { true, 80, false, THAI_CMP_EQ, "๘๐", "คน" }, { 0 } },
		{ "80คน", { true, 80, false, THAI_CMP_EQ, "80", "คน" }, { 0 } },
		{ "๘๐ คน.", { true, 80, false, THAI_CMP_EQ, "๘๐", "คน" }, { 0 } },
		{ "1,000 คน", { true, 1000, false, THAI_CMP_EQ, "1,000", "คน" }, { 0 } },
		{ "๔ เรื่อง/ด้าน", { true, 4, false, THAI_CMP_EQ, "๔", "เรื่อง/ด้าน" }, { 0 } },
		{ "2 โครงการ/กิจกรรม", { true, 2, false, THAI_CMP_EQ, "2", "โครงการ/กิจกรรม" }, { 0 } },
		{ "๕ ช่องทางและแจ้งผลภายใน ๑๕ วัน", { true, 5, false, THAI_CMP_EQ, "๕", "ช่องทาง" }, { 0 } },
		{ "3 ช่อง", { true, 3, false, THAI_CMP_EQ, "3", "ช่อง" }, { 0 } },
		{ "มีประกาศ", QUAL, { 0 } },
		{ "", QUAL, { 0 } },
		{ "ไม่น้อยกว่าร้อยละ 80", { true, 80, true, THAI_CMP_GE, "80", "ร้อยละ" }, { 0 } },
		{ "ไม่ต่ำกว่าร้อยละ ๙๐", { true, 90, true, THAI_CMP_GE, "๙๐", "ร้อยละ" }, { 0 } },
		{ "ร้อยละไม่น้อยกว่า 70", { true, 70, true, THAI_CMP_GE, "70", "ร้อยละ" }, { 0 } },
		{ "85 คะแนน ขึ้นไป", { true, 85, false, THAI_CMP_GE, "85", "คะแนน" }, { 0 } },
		{ "85 คะแนนขึ้นไป", { true, 85, false, THAI_CMP_GE, "85", "คะแนน" }, { 0 } },
		{ "ผลคะแนนการประเมินระดับ “ผ่านดี” โดยทุกเครื่องมือมีผล คะแนน 85 คะแนน ขึ้นไป",
		    { true, 85, false, THAI_CMP_GE, "85", "คะแนน" }, { 0 } },
		{ "1. ผลการศึกษาแนวทางการป้องกันการทุจริต จำนวนไม่น้อยกว่า 10 กระทรวง",
		    { true, 10, false, THAI_CMP_GE, "10", "กระทรวง" }, { 0 } },
		{ "(2) จัดอบรม 3 รุ่น", { true, 3, false, THAI_CMP_EQ, "3", "รุ่น" }, { 0 } },
		{ "๑) จัดอบรม ๒ หลักสูตร", { true, 2, false, THAI_CMP_EQ, "๒", "หลักสูตร" }, { 0 } },
		{ "ภายในปี พ.ศ. ๒๕๖๖", QUAL, { 0 } },
		{ "ภายในปี 2566", QUAL, { 0 } },
		{ "ภายในปีงบประมาณ 66", QUAL, { 0 } },
		{ "ภายใน 30 ก.ย. 67", QUAL, { 0 } },
		{ "ภายในวันที่ 30/09/2567", QUAL, { 0 } },
		{ "ได้รับมาตรฐาน ISO9001", QUAL, { 0 } },
		{ "ลดการแพร่ระบาดของ COVID-19", QUAL, { 0 } },
		{ "ภายในปี 2566 อย่างน้อย 2 ครั้ง", { true, 2, false, THAI_CMP_GE, "2", "ครั้ง" }, { 0 } },
		{ "ปีละ 2 ครั้ง", { true, 2, false, THAI_CMP_EQ, "2", "ครั้ง" }, { 0 } },
		{ "จัดในเดือน ม.ค. 2 รุ่น", { true, 2, false, THAI_CMP_EQ, "2", "รุ่น" }, { 0 } },
		{ "ไม่เกิน 5 ครั้ง", { true, 5, false, THAI_CMP_LE, "5", "ครั้ง" }, { 0 } },
		{ "ไม่มากกว่า 3 วัน", { true, 3, false, THAI_CMP_LE, "3", "วัน" }, { 0 } },
		{ "มากกว่า 10 ราย", { true, 10, false, THAI_CMP_GT, "10", "ราย" }, { 0 } },
		{ "เกิน 2 รายการ", { true, 2, false, THAI_CMP_GT, "2", "รายการ" }, { 0 } },
		{ "น้อยกว่า 5 เรื่อง", { true, 5, false, THAI_CMP_LT, "5", "เรื่อง" }, { 0 } },
		{ "ต่ำกว่า ๓ ครั้ง", { true, 3, false, THAI_CMP_LT, "๓", "ครั้ง" }, { 0 } },
		{ "อย่างน้อย 1 ฉบับ", { true, 1, false, THAI_CMP_GE, "1", "ฉบับ" }, { 0 } },
		{ "≥ 80%", { true, 80, true, THAI_CMP_GE, "80", "%" }, { 0 } },
		{ "≤ 5 วัน", { true, 5, false, THAI_CMP_LE, "5", "วัน" }, { 0 } },
		{ "> 3 คน", { true, 3, false, THAI_CMP_GT, "3", "คน" }, { 0 } },
		{ "<2 ครั้ง", { true, 2, false, THAI_CMP_LT, "2", "ครั้ง" }, { 0 } },
		{ ">= 4 แห่ง", { true, 4, false, THAI_CMP_GE, "4", "แห่ง" }, { 0 } },
		{ "<=4 ชิ้น", { true, 4, false, THAI_CMP_LE, "4", "ชิ้น" }, { 0 } },
		{ "80%", { true, 80, true, THAI_CMP_EQ, "80", "%" }, { 0 } },
		{ "80 % ขึ้นไป", { true, 80, true, THAI_CMP_GE, "80", "%" }, { 0 } },
		{ "80 เปอร์เซ็นต์", { true, 80, true, THAI_CMP_EQ, "80", "เปอร์เซ็นต์" }, { 0 } },
		{ "ร้อยละ 80 ขึ้นไป", { true, 80, true, THAI_CMP_GE, "80", "ร้อยละ" }, { 0 } },
		{ "ร้อยละ 100 ของบุคลากร", { true, 100, true, THAI_CMP_EQ, "100", "ร้อยละ" }, { 0 } },
		{ "10 ลงมา", { true, 10, false, THAI_CMP_LE, "10", NULL }, { 0 } },
		{ "5 หรือมากกว่า", { true, 5, false, THAI_CMP_GE, "5", NULL }, { 0 } },
		{ "3 ชั่วโมง", { true, 3, false, THAI_CMP_EQ, "3", "ชั่วโมง" }, { 0 } },
		{ "3 หน่วยขึ้นไป", { true, 3, false, THAI_CMP_GE, "3", "หน่วย" }, { 0 } },
		{ "๑๒ หน่วยงาน", { true, 12, false, THAI_CMP_EQ, "๑๒", "หน่วยงาน" }, { 0 } },
		{ "2 ส่วนราชการ", { true, 2, false, THAI_CMP_EQ, "2", "ส่วนราชการ" }, { 0 } },
		{ "1 ระบบ", { true, 1, false, THAI_CMP_EQ, "1", "ระบบ" }, { 0 } },
		{ "6 เครือข่าย", { true, 6, false, THAI_CMP_EQ, "6", "เครือข่าย" }, { 0 } },
		{ "4 ประเด็น", { true, 4, false, THAI_CMP_EQ, "4", "ประเด็น" }, { 0 } },
		{ "๑ แผน", { true, 1, false, THAI_CMP_EQ, "๑", "แผน" }, { 0 } },
		{ "2 มาตรการ", { true, 2, false, THAI_CMP_EQ, "2", "มาตรการ" }, { 0 } },
		{ "80", { true, 80, false, THAI_CMP_EQ, "80", NULL }, { 0 } },
		{ "ผู้เข้าร่วม 50 คน (ร้อยละ 80)", { true, 50, false, THAI_CMP_EQ, "50", "คน" }, { 0 } },
		{ "จำนวน “3” เรื่อง", { true, 3, false, THAI_CMP_EQ, "3", NULL }, { 0 } },
		{ "1,00 คน", QUAL, { "\"1,00\": digits must be grouped in threes", 3 } },
		{ "ร้อยละ ๑2", QUAL, { "\"๑2\": Thai and Arabic digits mixed", 9 } },
		{ "1. จำนวน 1,0000 คน", QUAL, { "grouped in threes", 12 } },
	};
	for (size_t i = 0; i < COUNT_OF(cases); i++) {
		const char *in = cases[i].in;
		thai_target t;
		thai_error err;
		bool ok = thai_parse_target(in, &t, &err);
		if (!expect(s, "thai_parse_target", in, ok, &err, cases[i].want))
			continue;
		CHECK(s, t.numeric == cases[i].t.numeric, "target \"%s\": numeric %d", in, t.numeric);
		CHECK(s, t.value == cases[i].t.value, "target \"%s\": value %g, want %g", in, t.value,
		    cases[i].t.value);
		CHECK(s, t.percent == cases[i].t.percent, "target \"%s\": percent %d", in, t.percent);
		CHECK(s, t.cmp == cases[i].t.cmp, "target \"%s\": cmp %d, want %d", in, (int)t.cmp,
		    (int)cases[i].t.cmp);
		check_span(s, "target number", in, t.number_off, t.number_len, cases[i].t.number);
		check_span(s, "target unit", in, t.unit_off, t.unit_len, cases[i].t.unit);
	}
}

static void test_unit_english(check_suite *s)
{
	static const struct {
		const char *unit, *english;
	} cases[] = {
		{ "คน", "person" },          { "ครั้ง", "time" },          { "เรื่อง", "matter" },
		{ "ช่องทาง", "channel" },     { "ช่อง", "channel" },       { "วัน", "day" },
		{ "เดือน", "month" },         { "ระบบ", "system" },       { "หน่วยงาน", "agency" },
		{ "กระทรวง", "ministry" },    { "งานบริการ", "service" },  { "คะแนน", "point" },
		{ "ฉบับ", "document" },       { "แห่ง", "place" },         { "หลักสูตร", "course" },
		{ "โครงการ", "project" },     { "กิจกรรม", "activity" },   { "รายการ", "item" },
		{ "รุ่น", "cohort" },          { "ชิ้น", "piece" },          { "ด้าน", "area" },
		{ "ประเด็น", "issue" },       { "แผน", "plan" },           { "มาตรการ", "measure" },
		{ "ผลงาน", "work" },         { "องค์กร", "organisation" }, { "ราย", "case" },
		{ "บาท", "baht" },           { "เครือข่าย", "network" },   { "ส่วนราชการ", "government agency" },
		{ "ร้อยละ", "percent" },      { "%", "percent" },          { "เปอร์เซ็นต์", "percent" },
		{ "เรื่อง/ด้าน", NULL },       { "คนงาน", NULL },           { "ชั่วโมง", NULL },
		{ "", NULL },                { "person", NULL },
	};
	for (size_t i = 0; i < COUNT_OF(cases); i++) {
		const char *got = thai_unit_english(cases[i].unit, strlen(cases[i].unit));
		const char *want = cases[i].english;
		CHECK(s, (got == NULL) == (want == NULL) && (!got || strcmp(got, want) == 0),
		    "thai_unit_english(\"%s\") = %s, want %s", cases[i].unit, got ? got : "NULL",
		    want ? want : "NULL");
	}
	/* The length bounds the unit: the caller's text goes on after it. */
	const char *text = "คนงาน";
	const char *got = thai_unit_english(text, strlen("คน"));
	CHECK(s, got && strcmp(got, "person") == 0, "thai_unit_english of a prefix");
	CHECK(s, thai_unit_english(NULL, 0) == NULL, "thai_unit_english(NULL)");
}

/* ---- years, months, dates ----------------------------------------------------- */

static void test_years(check_suite *s)
{
	static const struct {
		const char *in;
		int year;
		want_error want;
	} cases[] = {
		{ "2567", 2567, { 0 } },
		{ "๒๕๖๗", 2567, { 0 } },
		{ "พ.ศ. ๒๕๖๗", 2567, { 0 } },
		{ "พ.ศ.2567", 2567, { 0 } },
		{ "พ.ศ 2567", 2567, { 0 } },
		{ "66", 2566, { 0 } },
		{ "๖๖", 2566, { 0 } },
		{ "พ.ศ. 60", 2560, { 0 } },
		{ "00", 2500, { 0 } },
		{ " 2567 ", 2567, { 0 } },
		{ "2400", 2400, { 0 } },
		{ "2799", 2799, { 0 } },
		{ "2024", 0, { "\"2024\" looks like a CE year; write the พ.ศ. year (2567)", 1 } },
		{ "๒๐๒๓", 0, { "\"๒๐๒๓\" looks like a CE year; write the พ.ศ. year (2566)", 1 } },
		{ "พ.ศ. 2023", 0, { "looks like a CE year", 6 } },
		{ "1900", 0, { "looks like a CE year", 1 } },
		{ "2199", 0, { "looks like a CE year; write the พ.ศ. year (2742)", 1 } },
		{ "2200", 0, { "\"2200\" is not a พ.ศ. year (2400–2799)", 1 } },
		{ "2399", 0, { "is not a พ.ศ. year", 1 } },
		{ "2800", 0, { "is not a พ.ศ. year", 1 } },
		{ "1899", 0, { "is not a พ.ศ. year", 1 } },
		{ "567", 0, { "\"567\" is not a year", 1 } },
		{ "6", 0, { "is not a year", 1 } },
		{ "25667", 0, { "is not a year", 1 } },
		{ "", 0, { "\"\" is not a year", 1 } },
		{ "พ.ศ.", 0, { "\"พ.ศ.\" is not a year", 5 } },
		{ "ปี 2567", 0, { "\"ปี 2567\" is not a year", 1 } },
		{ "2567 abc", 0, { "is not a year", 6 } },
		{ "2,567", 0, { "is not a year", 2 } },
		{ "๒5๖๗", 0, { "\"๒5๖๗\": Thai and Arabic digits mixed", 2 } },
	};
	for (size_t i = 0; i < COUNT_OF(cases); i++) {
		int year = -1;
		thai_error err;
		bool ok = thai_parse_year(cases[i].in, &year, &err);
		if (expect(s, "thai_parse_year", cases[i].in, ok, &err, cases[i].want))
			CHECK(s, year == cases[i].year, "year \"%s\": %d, want %d", cases[i].in, year,
			    cases[i].year);
	}
	CHECK(s, thai_be_to_ce(2567) == 2024 && thai_ce_to_be(2024) == 2567, "BE <-> CE");
}

static void test_month_at(check_suite *s)
{
	static const struct {
		const char *in;
		int month;
		const char *spelled; /* the bytes consumed */
	} cases[] = {
		{ "มกราคม", 1, "มกราคม" },       { "กุมภาพันธ์", 2, "กุมภาพันธ์" },
		{ "มีนาคม", 3, "มีนาคม" },       { "เมษายน", 4, "เมษายน" },
		{ "พฤษภาคม", 5, "พฤษภาคม" },    { "มิถุนายน", 6, "มิถุนายน" },
		{ "กรกฎาคม", 7, "กรกฎาคม" },    { "สิงหาคม", 8, "สิงหาคม" },
		{ "กันยายน", 9, "กันยายน" },     { "ตุลาคม", 10, "ตุลาคม" },
		{ "พฤศจิกายน", 11, "พฤศจิกายน" }, { "ธันวาคม", 12, "ธันวาคม" },
		{ "ม.ค.", 1, "ม.ค." },  { "ก.พ.", 2, "ก.พ." },  { "มี.ค.", 3, "มี.ค." },
		{ "เม.ย.", 4, "เม.ย." }, { "พ.ค.", 5, "พ.ค." },  { "มิ.ย.", 6, "มิ.ย." },
		{ "ก.ค.", 7, "ก.ค." },  { "ส.ค.", 8, "ส.ค." },  { "ก.ย.", 9, "ก.ย." },
		{ "ต.ค.", 10, "ต.ค." }, { "พ.ย.", 11, "พ.ย." }, { "ธ.ค.", 12, "ธ.ค." },
		{ "ม.ค", 1, "ม.ค" },    { "มค.", 1, "มค." },    { "มค", 1, "มค" },
		{ "ก.พ 67", 2, "ก.พ" },  { "กพ.", 2, "กพ." },    { "มี.ค", 3, "มี.ค" },
		{ "มีค.", 3, "มีค." },   { "เมย", 4, "เมย" },    { "พค.", 5, "พค." },
		{ "มิย.", 6, "มิย." },   { "กค", 7, "กค" },      { "สค.", 8, "สค." },
		{ "กย 66", 9, "กย" },    { "ตค.", 10, "ตค." },   { "พย", 11, "พย" },
		{ "ธค", 12, "ธค" },
		{ "ต.ค.66", 10, "ต.ค." }, { "ต.ค. 66", 10, "ต.ค." }, { "ม.ค.-มี.ค.", 1, "ม.ค." },
		{ "มกราคม ๒๕๖๖", 1, "มกราคม" }, { "ธันวาคม2566", 12, "ธันวาคม" },
		{ "มคอ", 0, NULL },    { "ก.พ.ร.", 0, NULL },  { "ม.คน", 0, NULL },
		{ "ม.", 0, NULL },      { "ม", 0, NULL },       { "", 0, NULL },
		{ "หมู", 0, NULL },     { "Jan", 0, NULL },     { "พ.ศ.", 0, NULL },
		{ "เดือน", 0, NULL },   { " ม.ค.", 0, NULL },   { "๑ ม.ค.", 0, NULL },
	};
	for (size_t i = 0; i < COUNT_OF(cases); i++) {
		size_t len = 99;
		int m = thai_month_at(cases[i].in, &len);
		size_t want_len = cases[i].spelled ? strlen(cases[i].spelled) : 0;
		CHECK(s, m == cases[i].month && len == want_len,
		    "thai_month_at(\"%s\") = %d len %zu, want %d len %zu", cases[i].in, m, len,
		    cases[i].month, want_len);
	}
	CHECK(s, thai_month_at("ม.ค.", NULL) == 1, "thai_month_at without len");
	CHECK(s, thai_month_at(NULL, NULL) == 0, "thai_month_at(NULL)");
}

static void test_month_names(check_suite *s)
{
	static const char *const abbrevs[12] = { "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
		"ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค." };
	static const char *const names[12] = { "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน",
		"พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน",
		"ธันวาคม" };
	for (int m = 1; m <= 12; m++) {
		size_t len;
		CHECK_STR(s, thai_month_abbrev(m), abbrevs[m - 1], "thai_month_abbrev");
		CHECK_STR(s, thai_month_name(m), names[m - 1], "thai_month_name");
		/* What the formatters write, the parser reads back. */
		CHECK(s, thai_month_at(thai_month_abbrev(m), &len) == m, "abbrev %d round trip", m);
		CHECK(s, thai_month_at(thai_month_name(m), &len) == m, "name %d round trip", m);
	}
	CHECK(s, thai_month_abbrev(0) == NULL && thai_month_abbrev(13) == NULL, "abbrev range");
	CHECK(s, thai_month_name(0) == NULL && thai_month_name(-1) == NULL, "name range");
}

static void test_dates(check_suite *s)
{
	static const struct {
		const char *in;
		thai_date d;
		want_error want;
	} cases[] = {
		{ "1 ต.ค. 66", { 2566, 10, 1 }, { 0 } },
		{ "๑ ตุลาคม ๒๕๖๖", { 2566, 10, 1 }, { 0 } },
		{ "ต.ค. ๒๕๖๕", { 2565, 10, 0 }, { 0 } },
		{ "ต.ค.66", { 2566, 10, 0 }, { 0 } },
		{ "16 ม.ค. 2566", { 2566, 1, 16 }, { 0 } },
		{ "1 ต.ค. พ.ศ. 2566", { 2566, 10, 1 }, { 0 } },
		{ "๓๑ธ.ค.๖๖", { 2566, 12, 31 }, { 0 } },
		{ "  5 มีนาคม 2567 ", { 2567, 3, 5 }, { 0 } },
		{ "29 ก.พ. 2567", { 2567, 2, 29 }, { 0 } },
		{ "29 ก.พ. 67", { 2567, 2, 29 }, { 0 } },
		{ "29 กุมภาพันธ์ 2543", { 2543, 2, 29 }, { 0 } },
		{ "30 เม.ย. 66", { 2566, 4, 30 }, { 0 } },
		{ "29 ก.พ. 2566", { 0, 0, 0 }, { "\"29 ก.พ. 2566\": ก.พ. 2566 has 28 days", 1 } },
		{ "30 ก.พ. 67", { 0, 0, 0 }, { "\"30 ก.พ. 67\": ก.พ. 2567 has 29 days", 1 } },
		{ "31 ก.พ. 66", { 0, 0, 0 }, { "ก.พ. 2566 has 28 days", 1 } },
		{ "29 ก.พ. 2443", { 0, 0, 0 }, { "ก.พ. 2443 has 28 days", 1 } },
		{ "31 เม.ย. 66", { 0, 0, 0 }, { "เม.ย. 2566 has 30 days", 1 } },
		{ "32 ม.ค. 66", { 0, 0, 0 }, { "ม.ค. 2566 has 31 days", 1 } },
		{ "0 ม.ค. 66", { 0, 0, 0 }, { "\"0\" is not a day of the month", 1 } },
		{ "123 ม.ค. 66", { 0, 0, 0 }, { "\"123\" is not a day of the month", 1 } },
		{ "ต.ค.", { 0, 0, 0 }, { "\"ต.ค.\": the date needs a year", 1 } },
		{ "1 ต.ค.", { 0, 0, 0 }, { "the date needs a year", 1 } },
		{ "1 ต.ค. 2023", { 0, 0, 0 }, { "\"2023\" looks like a CE year; write the พ.ศ. year (2566)", 8 } },
		{ "1 ต.ค. 6", { 0, 0, 0 }, { "\"6\" is not a year", 8 } },
		{ "1 ต.ค. พ.ศ.", { 0, 0, 0 }, { "พ.ศ. needs a year", 1 } },
		{ "13/2566", { 0, 0, 0 }, { "\"13/2566\" is not a date", 1 } },
		{ "", { 0, 0, 0 }, { "\"\" is not a date", 1 } },
		{ "2566", { 0, 0, 0 }, { "\"2566\" is not a date", 1 } },
		{ "วันที่ 1 ต.ค. 66", { 0, 0, 0 }, { "\"วันที่\" is not a date", 1 } },
		{ "1 ต.ค. 66 เป็นต้นไป", { 0, 0, 0 }, { "\"1 ต.ค. 66 เป็นต้นไป\" is not a date", 11 } },
		{ "1 ต.ค. 66 - 2 ต.ค. 66", { 0, 0, 0 }, { "is not a date", 11 } },
		{ "๑ ต.ค. 6๖", { 0, 0, 0 }, { "Thai and Arabic digits mixed", 9 } },
	};
	for (size_t i = 0; i < COUNT_OF(cases); i++) {
		thai_date d;
		thai_error err;
		bool ok = thai_parse_date(cases[i].in, &d, &err);
		if (!expect(s, "thai_parse_date", cases[i].in, ok, &err, cases[i].want))
			continue;
		CHECK(s, d.year_be == cases[i].d.year_be && d.month == cases[i].d.month &&
		    d.day == cases[i].d.day, "date \"%s\": %d-%d-%d, want %d-%d-%d", cases[i].in,
		    d.year_be, d.month, d.day, cases[i].d.year_be, cases[i].d.month, cases[i].d.day);
	}
}

static void test_calendar(check_suite *s)
{
	static const struct {
		int year, month, days;
	} dim[] = {
		{ 2567, 2, 29 }, { 2566, 2, 28 }, { 2543, 2, 29 }, { 2443, 2, 28 }, { 2571, 2, 29 },
		{ 2566, 1, 31 }, { 2566, 4, 30 }, { 2566, 6, 30 }, { 2566, 9, 30 }, { 2566, 11, 30 },
		{ 2566, 12, 31 }, { 2566, 7, 31 }, { 2566, 8, 31 }, { 2566, 0, 0 }, { 2566, 13, 0 },
	};
	for (size_t i = 0; i < COUNT_OF(dim); i++) {
		int got = thai_days_in_month(dim[i].year, dim[i].month);
		CHECK(s, got == dim[i].days, "thai_days_in_month(%d, %d) = %d, want %d", dim[i].year,
		    dim[i].month, got, dim[i].days);
	}

	static const struct {
		thai_date d;
		int fy;
	} fy[] = {
		{ { 2566, 10, 1 }, 2567 }, { { 2566, 9, 30 }, 2566 }, { { 2566, 12, 31 }, 2567 },
		{ { 2567, 1, 1 }, 2567 },  { { 2566, 11, 0 }, 2567 }, { { 2567, 9, 0 }, 2567 },
		{ { 2567, 10, 0 }, 2568 },
	};
	for (size_t i = 0; i < COUNT_OF(fy); i++) {
		int got = thai_fiscal_year_of(fy[i].d);
		CHECK(s, got == fy[i].fy, "thai_fiscal_year_of(%d-%d-%d) = %d, want %d",
		    fy[i].d.year_be, fy[i].d.month, fy[i].d.day, got, fy[i].fy);
	}

	static const int index_of[14] = { 0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3, 0 };
	for (int m = 0; m <= 13; m++)
		CHECK(s, thai_fiscal_month_index(m) == index_of[m],
		    "thai_fiscal_month_index(%d) = %d, want %d", m, thai_fiscal_month_index(m),
		    index_of[m]);
}

static void test_iso(check_suite *s)
{
	static const struct {
		thai_date d;
		bool first;
		const char *iso;
	} cases[] = {
		{ { 2566, 10, 1 }, true, "2023-10-01" },  { { 2566, 10, 1 }, false, "2023-10-01" },
		{ { 2567, 9, 30 }, false, "2024-09-30" }, { { 2567, 2, 0 }, true, "2024-02-01" },
		{ { 2567, 2, 0 }, false, "2024-02-29" },  { { 2566, 2, 0 }, false, "2023-02-28" },
		{ { 2566, 12, 0 }, false, "2023-12-31" }, { { 2543, 1, 16 }, true, "2000-01-16" },
		{ { 2566, 4, 0 }, false, "2023-04-30" },
	};
	for (size_t i = 0; i < COUNT_OF(cases); i++) {
		char buf[11];
		memset(buf, 'x', sizeof buf);
		thai_date_iso(cases[i].d, cases[i].first, buf);
		CHECK_STR(s, buf, cases[i].iso, "thai_date_iso");
	}
}

/* ---- periods ------------------------------------------------------------------ */

typedef struct want_period {
	thai_period_kind kind;
	thai_date start, end;
	bool before, after;
} want_period;

#define RANGE(y1, m1, d1, y2, m2, d2) \
	{ THAI_PERIOD_RANGE, { y1, m1, d1 }, { y2, m2, d2 }, false, false }
#define NO_DATES(kind) { kind, { 0, 0, 0 }, { 0, 0, 0 }, false, false }
#define REFUSED NO_DATES(THAI_PERIOD_TEXT)

static bool same_date(thai_date a, thai_date b)
{
	return a.year_be == b.year_be && a.month == b.month && a.day == b.day;
}

static void test_periods(check_suite *s)
{
	static const struct {
		const char *in;
		int fy;
		want_period p;
		want_error want;
	} cases[] = {
		{ "1 ต.ค. 66 – 30 ก.ย. 67", 2567, RANGE(2566, 10, 1, 2567, 9, 30), { 0 } },
		{ "1 ต.ค. 66 - 30 ก.ย. 67", 0, RANGE(2566, 10, 1, 2567, 9, 30), { 0 } },
		{ "1 ต.ค. 66 ถึง 30 ก.ย. 67", 0, RANGE(2566, 10, 1, 2567, 9, 30), { 0 } },
		{ "1 ต.ค.66-30 ก.ย.67", 0, RANGE(2566, 10, 1, 2567, 9, 30), { 0 } },
		{ "← ต.ค. 66 – 30 ก.ย. 67 →", 2567,
		    { THAI_PERIOD_RANGE, { 2566, 10, 0 }, { 2567, 9, 30 }, true, true }, { 0 } },
		{ "ต.ค. 66 – 30 ก.ย. 67 →", 2567,
		    { THAI_PERIOD_RANGE, { 2566, 10, 0 }, { 2567, 9, 30 }, false, true }, { 0 } },
		{ "←ม.ค. 67", 2567,
		    { THAI_PERIOD_RANGE, { 2567, 1, 0 }, { 2567, 1, 0 }, true, false }, { 0 } },
		{ "1 ม.ค. 67 – 30 ก.ย. 67", 2567, RANGE(2567, 1, 1, 2567, 9, 30), { 0 } },
		{ "ต.ค. 66 — ก.ย. 67", 0, RANGE(2566, 10, 0, 2567, 9, 0), { 0 } },
		{ "ตุลาคม ๒๕๖๕ - กันยายน ๒๕๖๖", 0, RANGE(2565, 10, 0, 2566, 9, 0), { 0 } },
		{ "ตั้งแต่ 1 ต.ค. 66 ถึง 31 มี.ค. 67", 0, RANGE(2566, 10, 1, 2567, 3, 31), { 0 } },
		{ "ปีงบประมาณ พ.ศ. ๒๕๖๖", 0, RANGE(2565, 10, 1, 2566, 9, 30), { 0 } },
		{ "ปีงบประมาณ พ.ศ.๒๕๖๖", 0, RANGE(2565, 10, 1, 2566, 9, 30), { 0 } },
		{ "ปีงบประมาณ ๒๕๖๖", 0, RANGE(2565, 10, 1, 2566, 9, 30), { 0 } },
		{ "ปีงบประมาณ 66", 0, RANGE(2565, 10, 1, 2566, 9, 30), { 0 } },
		{ "ประจำปีงบประมาณ พ.ศ. 2567", 0, RANGE(2566, 10, 1, 2567, 9, 30), { 0 } },
		{ "ปีงบประมาณ พ.ศ. ๒๕๖๕ - ๒๕๖๖", 0, RANGE(2564, 10, 1, 2566, 9, 30), { 0 } },
		{ "ปีงบประมาณ ๒๕๖๕ ถึง ปีงบประมาณ ๒๕๖๖", 0, RANGE(2564, 10, 1, 2566, 9, 30), { 0 } },
		{ "ปีงบประมาณ พ.ศ. ๒๕๖๖ ไตรมาส ๑-๒", 0, RANGE(2565, 10, 1, 2566, 3, 31), { 0 } },
		{ "ปีงบประมาณ 2566 ไตรมาสที่ 4", 0, RANGE(2566, 7, 1, 2566, 9, 30), { 0 } },
		{ "ปีงบประมาณ 2567 ไตรมาสที่ 2 - ไตรมาสที่ 3", 0, RANGE(2567, 1, 1, 2567, 6, 30), { 0 } },
		{ "ไตรมาสที่ ๑-๔ ของทุกปี", 2567, RANGE(2566, 10, 1, 2567, 9, 30), { 0 } },
		{ "ไตรมาส 1", 2567, RANGE(2566, 10, 1, 2566, 12, 31), { 0 } },
		{ "ไตรมาส 2", 2567, RANGE(2567, 1, 1, 2567, 3, 31), { 0 } },
		{ "ไตรมาส 3 - ไตรมาส 4", 2567, RANGE(2567, 4, 1, 2567, 9, 30), { 0 } },
		{ "ไตรมาส ๑-๒ ปีงบประมาณ ๒๕๖๖", 0, RANGE(2565, 10, 1, 2566, 3, 31), { 0 } },
		{ "ม.ค. - พ.ค. ๖๖", 0, RANGE(2566, 1, 0, 2566, 5, 0), { 0 } },
		{ "พ.ย.๖๕ - ก.ย.๖๖", 0, RANGE(2565, 11, 0, 2566, 9, 0), { 0 } },
		{ "ธ.ค. ๖๕ - ก.ย. ๖๖", 0, RANGE(2565, 12, 0, 2566, 9, 0), { 0 } },
		{ "พ.ย. - ก.พ. 67", 0, RANGE(2566, 11, 0, 2567, 2, 0), { 0 } },
		{ "มี.ค. ๒๕๖๖", 0, RANGE(2566, 3, 0, 2566, 3, 0), { 0 } },
		{ "เม.ย.-มิ.ย. ๒๕๖๖", 0, RANGE(2566, 4, 0, 2566, 6, 0), { 0 } },
		{ "มกราคม - มีนาคม 2567", 0, RANGE(2567, 1, 0, 2567, 3, 0), { 0 } },
		{ "16 ม.ค. 2566", 0, RANGE(2566, 1, 16, 2566, 1, 16), { 0 } },
		{ "1 - 15 ม.ค. 67", 0, RANGE(2567, 1, 1, 2567, 1, 15), { 0 } },
		{ "29 ก.พ. 67", 0, RANGE(2567, 2, 29, 2567, 2, 29), { 0 } },
		{ "ต.ค. 66 – 30 ก.ย. 67 (12 เดือน)", 0, RANGE(2566, 10, 0, 2567, 9, 30), { 0 } },
		{ "ปีงบประมาณ พ.ศ. ๒๕๖๖ (เดือน มกราคม - กุมภาพันธ์)", 0, RANGE(2566, 1, 0, 2566, 2, 0), { 0 } },
		{ "ปีงบประมาณ 2566 (ต.ค. - ธ.ค.)", 0, RANGE(2565, 10, 0, 2565, 12, 0), { 0 } },
		{ "ปีงบประมาณ 2566 (ต.ค. 65 - ธ.ค. 65)", 0, RANGE(2565, 10, 0, 2565, 12, 0), { 0 } },
		{ "ปีงบประมาณ 2566 เดือนมีนาคม", 0, RANGE(2566, 3, 0, 2566, 3, 0), { 0 } },
		{ "ดำเนินการต่อเนื่อง", 2567, NO_DATES(THAI_PERIOD_CONTINUOUS), { 0 } },
		{ "ดำเนินการเองต่อเนื่อง", 2567, NO_DATES(THAI_PERIOD_CONTINUOUS), { 0 } },
		{ "ทุก ๖ เดือน ของทุกปี", 2567, NO_DATES(THAI_PERIOD_TEXT), { 0 } },
		{ "๓๐๐ วัน นับถัดจากวันลงนามในสัญญา", 2567, NO_DATES(THAI_PERIOD_TEXT), { 0 } },
		{ "ภายใน 30 วัน", 2567, NO_DATES(THAI_PERIOD_TEXT), { 0 } },
		{ "ตามแผนงาน", 2567, NO_DATES(THAI_PERIOD_TEXT), { 0 } },
		{ "ระยะที่ 1-2", 2567, NO_DATES(THAI_PERIOD_TEXT), { 0 } },
		{ "", 2567, NO_DATES(THAI_PERIOD_TEXT), { 0 } },
		{ "31 ก.พ. 66", 0, REFUSED, { "\"31 ก.พ. 66\": ก.พ. 2566 has 28 days", 1 } },
		{ "1 ต.ค. 66 - 31 ก.ย. 67", 0, REFUSED, { "\"31 ก.ย. 67\": ก.ย. 2567 has 30 days", 13 } },
		{ "ต.ค. 67 – ก.ย. 66", 0, REFUSED, { "\"ต.ค. 67 – ก.ย. 66\": the period ends before it starts", 1 } },
		{ "15 - 1 ม.ค. 67", 0, REFUSED, { "ends before it starts", 1 } },
		{ "ปีงบประมาณ 2567 - 2566", 0, REFUSED, { "ends before it starts", 1 } },
		{ "ไตรมาส ๓-๒", 2567, REFUSED, { "\"ไตรมาส ๓-๒\": the period ends before it starts", 1 } },
		{ "ปีงบประมาณ 2023", 0, REFUSED, { "\"2023\" looks like a CE year; write the พ.ศ. year (2566)", 12 } },
		{ "13/2566", 0, REFUSED, { "\"13/2566\" is not a date", 1 } },
		{ "2566", 0, REFUSED, { "\"2566\" is not a date", 1 } },
		/* a year named with พ.ศ. alone is part of a name, not a span */
		{ "ภายในปี พ.ศ. 2566", 0, NO_DATES(THAI_PERIOD_TEXT), { 0 } },
		{ "ต่อเนื่องตามพระราชบัญญัติเขตพัฒนาพิเศษภาคตะวันออก พ.ศ. ๒๕๖๑", 2566,
		    NO_DATES(THAI_PERIOD_CONTINUOUS), { 0 } },
		{ "ปีงบประมาณ", 0, REFUSED, { "\"ปีงบประมาณ\" needs a year", 1 } },
		{ "ปีงบประมาณ พ.ศ.", 0, REFUSED, { "\"ปีงบประมาณ พ.ศ.\" needs a year", 1 } },
		{ "ม.ค. - พ.ค.", 0, REFUSED, { "\"ม.ค. - พ.ค.\": the period needs a year", 1 } },
		{ "1 ต.ค. 66 –", 0, REFUSED, { "ends where a date should be", 12 } },
		{ "ต.ค. 66 - 30 ก.ย. 67 2568", 0, REFUSED, { "\"2568\" does not fit the period", 22 } },
		{ "ม.ค. 66 ก.พ. 66", 0, REFUSED, { "\"ก.พ.\" does not fit the period", 9 } },
		{ "๑2 ม.ค. 66", 0, REFUSED, { "\"๑2\": Thai and Arabic digits mixed", 2 } },
		{ "ไตรมาส ๑-๔", 0, REFUSED, { "no fiscal year is given for the quarters", 1 } },
		{ "ไตรมาส ๕", 2567, REFUSED, { "\"ไตรมาส ๕\": a quarter is 1 to 4", 1 } },
		{ "ไตรมาส", 2567, REFUSED, { "\"ไตรมาส\" needs a quarter number", 1 } },
		{ "ปีงบประมาณ 2566 (ม.ค. 67)", 0, REFUSED, { "\"ม.ค. 67\": outside ปีงบประมาณ 2566", 18 } },
		{ "ปีงบประมาณ 2566 ไตรมาส 1 ม.ค.", 0, REFUSED, { "\"ม.ค.\" does not fit the period", 26 } },
		{ "1 ต.ค. 1966", 0, REFUSED, { "looks like a CE year; write the พ.ศ. year (2509)", 8 } },
		{ "ต.ค. 66 - ก.ย. 7", 0, REFUSED, { "\"7\" is not a year", 16 } },
	};
	for (size_t i = 0; i < COUNT_OF(cases); i++) {
		const char *in = cases[i].in;
		const want_period *w = &cases[i].p;
		thai_period p;
		thai_error err;
		bool ok = thai_parse_period(in, cases[i].fy, &p, &err);
		if (!expect(s, "thai_parse_period", in, ok, &err, cases[i].want))
			continue;
		CHECK(s, p.kind == w->kind, "period \"%s\": kind %d, want %d", in, (int)p.kind,
		    (int)w->kind);
		if (w->kind == THAI_PERIOD_RANGE)
			CHECK(s, same_date(p.start, w->start) && same_date(p.end, w->end),
			    "period \"%s\": %d-%d-%d .. %d-%d-%d, want %d-%d-%d .. %d-%d-%d", in,
			    p.start.year_be, p.start.month, p.start.day, p.end.year_be, p.end.month,
			    p.end.day, w->start.year_be, w->start.month, w->start.day,
			    w->end.year_be, w->end.month, w->end.day);
		CHECK(s, p.continues_before == w->before && p.continues_after == w->after,
		    "period \"%s\": arrows %d %d, want %d %d", in, p.continues_before,
		    p.continues_after, w->before, w->after);
	}
	thai_period p;
	CHECK(s, thai_parse_period("ม.ค. 67", 0, &p, NULL), "period without an error struct");
	CHECK(s, !thai_parse_period("31 ก.พ. 66", 0, &p, NULL), "failure without an error struct");
}

static void test_period_months(check_suite *s)
{
	/* Index 0 is ต.ค., 11 is ก.ย. */
	static const struct {
		const char *in;
		int fy;
		const char *months;
	} cases[] = {
		{ "ปีงบประมาณ 2567", 2567, "111111111111" },
		{ "ปีงบประมาณ 2566", 2567, "000000000000" },
		{ "ปีงบประมาณ 2565 - 2567", 2566, "111111111111" },
		{ "1 ต.ค. 66 – 30 ก.ย. 67", 2567, "111111111111" },
		{ "← ต.ค. 66 – 30 ก.ย. 67 →", 2568, "000000000000" },
		{ "ม.ค. - มี.ค. 67", 2567, "000111000000" },
		{ "ไตรมาส 1", 2567, "111000000000" },
		{ "ไตรมาสที่ 3", 2567, "000000111000" },
		{ "ส.ค. 67 - ธ.ค. 67", 2567, "000000000011" },
		{ "ส.ค. 67 - ธ.ค. 67", 2568, "111000000000" },
		{ "มี.ค. ๒๕๖๖", 2566, "000001000000" },
		{ "16 ม.ค. 2566", 2566, "000100000000" },
		{ "1 ก.ย. 65 - 31 ต.ค. 65", 2566, "100000000000" },
		{ "ดำเนินการต่อเนื่อง", 2567, "111111111111" },
		{ "ทุก ๖ เดือน", 2567, "000000000000" },
	};
	for (size_t i = 0; i < COUNT_OF(cases); i++) {
		thai_period p;
		thai_error err;
		bool months[12];
		char got[13];
		int want_n = 0;
		if (!thai_parse_period(cases[i].in, cases[i].fy, &p, &err)) {
			CHECK(s, false, "period \"%s\": %s", cases[i].in, err.message);
			continue;
		}
		memset(months, 1, sizeof months);
		int n = thai_period_fiscal_months(&p, cases[i].fy, months);
		for (int k = 0; k < 12; k++) {
			got[k] = months[k] ? '1' : '0';
			want_n += cases[i].months[k] == '1';
		}
		got[12] = '\0';
		CHECK_STR(s, got, cases[i].months, cases[i].in);
		CHECK(s, n == want_n, "fiscal months of \"%s\": %d, want %d", cases[i].in, n, want_n);
	}
}

int main(void)
{
	check_suite suite = { 0, 0 };
	test_digit_at(&suite);
	test_digit_conversion(&suite);
	test_numbers(&suite);
	test_budgets(&suite);
	test_targets(&suite);
	test_unit_english(&suite);
	test_years(&suite);
	test_month_at(&suite);
	test_month_names(&suite);
	test_dates(&suite);
	test_calendar(&suite);
	test_iso(&suite);
	test_periods(&suite);
	test_period_months(&suite);
	return check_summary(&suite, "thai");
}

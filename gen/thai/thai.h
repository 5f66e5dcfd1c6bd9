/*
 * thai.h — the Thai data values officials write: digits, numbers, budgets, targets,
 * Buddhist-era years, month names, dates, periods and fiscal years.
 *
 * Every parser takes one NUL-terminated UTF-8 value (already trimmed of surrounding
 * whitespace by the caller, but tolerant of it), fills a result struct and returns true,
 * or returns false and describes the problem in a thai_error. Nothing here allocates:
 * text that a result refers to (a unit, a footnote mark, trailing words) is given as a
 * byte offset and length into the caller's input string.
 *
 * Conventions, all documented in README.md ("Thai values"):
 *   - digits ๐–๙ and 0–9 are both accepted, but not mixed inside one number;
 *   - a year is Buddhist Era (พ.ศ. = CE + 543); a two-digit year `66` means 2566;
 *     a four-digit year that looks like CE (1900–2199) is an error, not a guess;
 *   - the fiscal year FY runs from 1 ต.ค. (FY−1) to 30 ก.ย. FY.
 */
#ifndef PRONGSAI_THAI_H
#define PRONGSAI_THAI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Why a value was refused. col is the 1-based character (code point, not byte)
 * position in the input where the problem starts; message is an English sentence
 * without a trailing period that quotes the offending token, e.g.
 * `"๘๕o,๐๐๐" is not a number`. */
typedef struct thai_error {
	int col;
	char message[256];
} thai_error;

/* ---- digits ------------------------------------------------------------------- */

/* Value 0–9 of the digit (Thai or Arabic) starting at s, or -1; *len gets its byte
 * length (1 or 3). */
int thai_digit_at(const char *s, size_t *len);

/* Copy text into out (size outsz, always NUL-terminated when outsz > 0) with every
 * Thai digit replaced by its Arabic digit (or the reverse). Returns the length the full
 * result needs, excluding the NUL, like snprintf. */
size_t thai_digits_to_arabic(const char *text, char *out, size_t outsz);
size_t thai_digits_to_thai(const char *text, char *out, size_t outsz);

/* ---- numbers -------------------------------------------------------------------- */

/* A plain number: optional sign, digits with optional thousands separators (`,`, in
 * groups of exactly three), optional decimal part; followed by optional footnote marks
 * (superscript digits ¹²³…⁰, `*`). The whole text must be the number. */
typedef struct thai_number {
	double value;
	int decimals;             /* digits after the decimal point as written */
	bool thai_digits;         /* written with ๐–๙ */
	size_t footnote_off, footnote_len; /* the footnote mark(s) in the input, or 0 len */
} thai_number;

bool thai_parse_number(const char *text, thai_number *out, thai_error *err);

/* ---- budgets -------------------------------------------------------------------- */

typedef enum thai_budget_kind {
	THAI_BUDGET_UNSPECIFIED, /* `-`, `–`, empty: the document gives no figure */
	THAI_BUDGET_NONE,        /* ไม่มีการใช้งบประมาณ, ไม่ใช้งบประมาณ, …: zero, on purpose */
	THAI_BUDGET_AMOUNT       /* a number of baht */
} thai_budget_kind;

/* `๘๕๐,๐๐๐`, `9,460,600 ¹`, `๕๐,๐๐๐ บาท`, `๕,๐๐๐ /ครั้ง`, `-`, `ไม่มีการใช้ งบประมาณ`
 * (spaces inside the phrase are ignored). Trailing `บาท` is dropped; any other trailing
 * words (`/ครั้ง`) are kept as the qualifier. Leading words are an error. */
typedef struct thai_budget {
	thai_budget_kind kind;
	double baht;                         /* 0 unless THAI_BUDGET_AMOUNT */
	bool thai_digits;
	size_t footnote_off, footnote_len;   /* footnote mark(s), or 0 len */
	size_t qualifier_off, qualifier_len; /* e.g. `/ครั้ง`, or 0 len */
} thai_budget;

bool thai_parse_budget(const char *text, thai_budget *out, thai_error *err);

/* ---- targets -------------------------------------------------------------------- */

typedef enum thai_comparator {
	THAI_CMP_EQ,  /* `๘๐ คน` */
	THAI_CMP_GE,  /* ไม่น้อยกว่า, อย่างน้อย, ขึ้นไป, ≥ */
	THAI_CMP_LE,  /* ไม่เกิน, ไม่มากกว่า, ≤ */
	THAI_CMP_GT,  /* มากกว่า, เกิน, > */
	THAI_CMP_LT   /* น้อยกว่า, ต่ำกว่า, < */
} thai_comparator;

/* A target or an indicator text that states a quantity. The first number of the text
 * that is not part of a year (after พ.ศ./ปี), a date or an item number (`1.`) is the
 * target value. `ร้อยละ N` / `N%` / `N เปอร์เซ็นต์` is a percent; otherwise the unit is the
 * longest known unit word right after the number (คน, ครั้ง, เรื่อง, ช่องทาง, วัน, …),
 * or, failing that, the following whitespace-free token. A text with no such number
 * (`มีประกาศ`) is qualitative: numeric = false, still a success. */
typedef struct thai_target {
	bool numeric;
	double value;
	bool percent;
	thai_comparator cmp;
	size_t number_off, number_len;  /* the number in the input */
	size_t unit_off, unit_len;      /* the unit word in the input, or 0 len */
} thai_target;

/* Fails only on a malformed number (bad grouping, mixed digit systems). */
bool thai_parse_target(const char *text, thai_target *out, thai_error *err);

/* Canonical English name of a percent or known unit word, e.g. "person" for คน,
 * "percent" for ร้อยละ; NULL for an unknown unit. */
const char *thai_unit_english(const char *unit, size_t len);

/* ---- years, months, dates ------------------------------------------------------- */

static inline int thai_be_to_ce(int be) { return be - 543; }
static inline int thai_ce_to_be(int ce) { return ce + 543; }

/* `2567`, `๒๕๖๗`, `พ.ศ. ๒๕๖๗`, `พ.ศ.2567`, `66` (→ 2566). Accepted range 2400–2799;
 * 1900–2199 is refused as "a CE year". */
bool thai_parse_year(const char *text, int *be_year, thai_error *err);

/* Month 1–12 of the month name at s: full (`มกราคม`) or abbreviated (`ม.ค.`, `ม.ค`,
 * `มค.`), or 0. *len gets the bytes consumed (including the final dot). */
int thai_month_at(const char *s, size_t *len);
const char *thai_month_abbrev(int month); /* "ม.ค." … "ธ.ค." */
const char *thai_month_name(int month);   /* "มกราคม" … "ธันวาคม" */

typedef struct thai_date {
	int year_be;  /* Buddhist Era */
	int month;    /* 1–12 */
	int day;      /* 1–31, or 0 when the text gives only a month */
} thai_date;

/* `1 ต.ค. 66`, `๑ ตุลาคม ๒๕๖๖`, `ต.ค. ๒๕๖๕`, `ต.ค.66`. The day must exist in that month
 * (`31 ก.พ. 67` is an error; leap years follow the CE calendar). */
bool thai_parse_date(const char *text, thai_date *out, thai_error *err);

int thai_days_in_month(int year_be, int month);

/* Fiscal year (พ.ศ.) that a date falls in: October–December belong to the next one. */
int thai_fiscal_year_of(thai_date d);
/* 1 for ต.ค., 2 for พ.ย., … 12 for ก.ย. */
int thai_fiscal_month_index(int month);

/* ---- periods -------------------------------------------------------------------- */

typedef enum thai_period_kind {
	THAI_PERIOD_RANGE,      /* a start and an end date (days may be 0) */
	THAI_PERIOD_CONTINUOUS, /* ดำเนินการต่อเนื่อง: ongoing, no dates */
	THAI_PERIOD_TEXT        /* words with no date in them (`ทุก ๖ เดือน`): kept as text */
} thai_period_kind;

/* Forms (digits Thai or Arabic, dashes `-` `–` `—` or `ถึง`, spaces optional):
 *   `1 ต.ค. 66 – 30 ก.ย. 67`, `ต.ค. 66 – 30 ก.ย. 67`, `ม.ค. - พ.ค. ๖๖` (start year taken
 *   from the end: the same year, or the one before when the start month is later in the
 *   calendar), `มี.ค. ๒๕๖๖` (one month), `16 ม.ค. 2566` (one day),
 *   `ปีงบประมาณ พ.ศ. ๒๕๖๖` / `ปีงบประมาณ ๒๕๖๕ - ๒๕๖๖` (1 ต.ค. of the year before to 30 ก.ย.),
 *   optionally followed by `ไตรมาส(ที่) ๑-๒` (quarters of that fiscal year),
 *   `ไตรมาส(ที่) ๑-๔` alone (quarters of default_fy_be),
 *   `← … →`: arrows mark work continuing from the year before / into the next,
 *   `ดำเนินการต่อเนื่อง` (and texts containing ต่อเนื่อง without a date).
 * A text with a month name or a date-like number that does not fit is an error; a text
 * without any is THAI_PERIOD_TEXT. A range that ends before it starts is an error. */
typedef struct thai_period {
	thai_period_kind kind;
	thai_date start, end;          /* RANGE only; end.day 0 means to the month's end */
	bool continues_before, continues_after;
} thai_period;

bool thai_parse_period(const char *text, int default_fy_be, thai_period *out,
    thai_error *err);

/* Which of the 12 months of fiscal year fy_be (index 0 = ต.ค. … 11 = ก.ย.) the period
 * touches. Returns the number of months set. CONTINUOUS touches all twelve; TEXT none. */
int thai_period_fiscal_months(const thai_period *p, int fy_be, bool months[12]);

/* ISO 8601 `YYYY-MM-DD` (CE) of a date; a day of 0 gives the first (first_of_month =
 * true) or the last day of the month. buf must hold 11 bytes. */
void thai_date_iso(thai_date d, bool first_of_month, char buf[11]);

#endif

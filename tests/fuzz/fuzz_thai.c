/*
 * fuzz_thai.c — libFuzzer harness for the Thai value parsers (gen/thai/). The first
 * byte picks the parser (and, for periods, the fiscal year); the rest is the value, as
 * a NUL-terminated string. Readers only ever pass valid UTF-8 (source.c checks files;
 * main.c checks the argument of `prongsai thai`), but other bytes must still not make a
 * parser read or write out of bounds, so any bytes are tried; the other oracles hold
 * for valid UTF-8: an error has a one-line UTF-8 message and a column inside the text
 * (or just past it); offsets a result gives stay inside the text; dates are real dates
 * and a range does not end before it starts.
 */
#include <math.h>

#include "fuzz.h"
#include "thai/thai.h"

static size_t code_points(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void check_error(const char *text, const thai_error *err)
{
	fuzz_check_line("thai error message", err->message, strlen(err->message));
	if (err->message[0] == '\0')
		fuzz_fail("thai error without a message", text);
	if (err->col < 1 || (size_t)err->col > code_points(text) + 1)
		fuzz_fail("thai error column outside the text", err->message);
}

static void check_span(const char *text, size_t off, size_t len, const char *what)
{
	size_t n = strlen(text);
	if (off > n || len > n - off)
		fuzz_fail(what, "span outside the text");
}

static void check_iso(thai_date d, bool first, char out[11])
{
	thai_date_iso(d, first, out);
	if (strlen(out) != 10 || out[4] != '-' || out[7] != '-')
		fuzz_fail("thai_date_iso", out);
}

static void check_period(const char *text, const thai_period *p, int fy)
{
	bool months[12];
	int n = thai_period_fiscal_months(p, fy, months);
	if (n < 0 || n > 12)
		fuzz_fail("fiscal months out of range", text);
	if (p->kind != THAI_PERIOD_RANGE)
		return;
	char a[11], b[11];
	check_iso(p->start, true, a);
	check_iso(p->end, false, b);
	if (p->start.month < 1 || p->start.month > 12 || p->end.month < 1 || p->end.month > 12)
		fuzz_fail("period month out of range", text);
	if (strcmp(a, b) > 0)
		fuzz_fail("period ends before it starts", text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	char *text = malloc(size);
	if (!text)
		abort();
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	unsigned pick = data[0];
	bool utf8 = true;
	for (size_t i = 0, n = strlen(text), k; i < n && utf8; i += k)
		utf8 = (k = utf8_sequence_length((const unsigned char *)text + i, n - i)) > 0;
	thai_error err = {0};
	bool ok = true;
	switch (pick % 8) {
	case 0: {
		thai_number n;
		if ((ok = thai_parse_number(text, &n, &err))) {
			check_span(text, n.footnote_off, n.footnote_len, "number footnote");
			if (isnan(n.value))
				fuzz_fail("number is NaN", text);
		}
		break;
	}
	case 1: {
		thai_budget b;
		if ((ok = thai_parse_budget(text, &b, &err))) {
			check_span(text, b.footnote_off, b.footnote_len, "budget footnote");
			check_span(text, b.qualifier_off, b.qualifier_len, "budget qualifier");
			if (isnan(b.baht) || b.baht < 0)
				fuzz_fail("budget is NaN or negative", text);
		}
		break;
	}
	case 2: {
		thai_target t;
		if ((ok = thai_parse_target(text, &t, &err)) && t.numeric) {
			check_span(text, t.number_off, t.number_len, "target number");
			check_span(text, t.unit_off, t.unit_len, "target unit");
			if (t.unit_len)
				(void)thai_unit_english(text + t.unit_off, t.unit_len);
		}
		break;
	}
	case 3: {
		int be;
		if ((ok = thai_parse_year(text, &be, &err)) && (be < 2400 || be > 2799))
			fuzz_fail("year out of range", text);
		break;
	}
	case 4: {
		thai_date dt;
		if ((ok = thai_parse_date(text, &dt, &err))) {
			char iso[11];
			if (dt.month < 1 || dt.month > 12 || dt.day < 0 ||
			    dt.day > thai_days_in_month(dt.year_be, dt.month))
				fuzz_fail("impossible date accepted", text);
			check_iso(dt, true, iso);
			(void)thai_fiscal_year_of(dt);
		}
		break;
	}
	case 5:
	case 6: {
		thai_period p;
		int fy = 2400 + (int)(pick / 8) * 2; /* 2400 … 2910: also years outside the range */
		if ((ok = thai_parse_period(text, fy, &p, &err)))
			check_period(text, &p, fy);
		break;
	}
	case 7: {
		size_t len;
		(void)thai_month_at(text, &len);
		char small[8], big[4096];
		size_t need = thai_digits_to_arabic(text, small, sizeof small);
		if (thai_digits_to_arabic(text, big, sizeof big) != need || strlen(small) >= sizeof small)
			fuzz_fail("thai_digits_to_arabic", text);
		need = thai_digits_to_thai(text, small, sizeof small);
		if (thai_digits_to_thai(text, big, sizeof big) != need || strlen(small) >= sizeof small)
			fuzz_fail("thai_digits_to_thai", text);
		break;
	}
	}
	if (!ok && utf8)
		check_error(text, &err);
	free(text);
	return 0;
}

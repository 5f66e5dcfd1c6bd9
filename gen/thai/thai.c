/*
 * thai.c — the Thai values officials write (the contract is in thai.h).
 *
 * Everything works on the caller's UTF-8 bytes: no allocation, no locale, no mutable
 * globals. One digit reader (read_digits), one month table (months) and one tokenizer
 * (tokenize, for years, dates and periods) serve every parser, so `๖๖` and `66`,
 * `ต.ค.` and `ตุลาคม` mean the same thing wherever they appear.
 */
#include "thai.h"

#include <stdio.h>
#include <string.h>

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Quoted tokens are cut to this many bytes so that a message always fits. */
#define QUOTE_MAX 150

/* ---- UTF-8 and blanks ------------------------------------------------------------ */

static bool starts_with(const char *s, const char *word)
{
	return strncmp(s, word, strlen(word)) == 0;
}

/* Does text[0..end) end with word? */
static bool ends_with_at(const char *text, size_t end, const char *word)
{
	size_t n = strlen(word);
	return n <= end && memcmp(text + end - n, word, n) == 0;
}

/* Byte length of the code point at s; 1 for a stray byte, so every scan advances and
 * none runs past the NUL. */
static size_t cp_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 1;
	for (size_t i = 1; i < n; i++)
		if ((u[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

/* Start of the code point that ends at off (off > 0). */
static size_t prev_cp(const char *text, size_t off)
{
	size_t p = off - 1;
	while (p > 0 && off - p < 4 && ((unsigned char)text[p] & 0xC0) == 0x80)
		p--;
	return p;
}

/* 1-based code point column of byte offset off: what an editor shows. */
static int col_at(const char *text, size_t off)
{
	int col = 1;
	for (size_t i = 0; i < off && text[i]; i++)
		if (((unsigned char)text[i] & 0xC0) != 0x80)
			col++;
	return col;
}

/* Thai consonants, vowels and marks, not Thai digits: a short abbreviation glued to one
 * of these is part of a longer word. */
static bool is_thai_letter(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] != 0xE0)
		return false;
	if (u[1] == 0xB8)
		return u[2] >= 0x81 && u[2] <= 0xBF;
	return u[1] == 0xB9 && u[2] >= 0x80 && u[2] <= 0x8F;
}

static bool is_thai_letter_before(const char *text, size_t off)
{
	return off > 0 && is_thai_letter(text + prev_cp(text, off));
}

static bool is_ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Byte length of the blank at s: ASCII white space, the no-break space, and the
 * zero-width space Thai typists use to mark word breaks. */
static size_t space_len(const char *s)
{
	if (*s && strchr(" \t\n\r\v\f", *s))
		return 1;
	if (starts_with(s, "\xC2\xA0"))
		return 2;
	if (starts_with(s, "\xE2\x80\x8B"))
		return 3;
	return 0;
}

static size_t skip_space(const char *text, size_t p)
{
	size_t n;
	while ((n = space_len(text + p)) > 0)
		p += n;
	return p;
}

static size_t skip_space_back(const char *text, size_t p)
{
	while (p > 0) {
		size_t q = prev_cp(text, p);
		if (space_len(text + q) != p - q)
			break;
		p = q;
	}
	return p;
}

/* The value without the surrounding blanks the caller may have left. */
static void trim(const char *text, size_t *begin, size_t *end)
{
	*begin = skip_space(text, 0);
	*end = skip_space_back(text, strlen(text));
	if (*end < *begin)
		*end = *begin;
}

/* Bytes from off to the next blank: the token a message quotes. */
static size_t chunk_len(const char *text, size_t off)
{
	size_t p = off;
	while (text[p] && !space_len(text + p))
		p += cp_len(text + p);
	return p - off;
}

/* Hyphen, en dash, em dash, minus sign. */
static const char *const dashes[] = {
	"-", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x88\x92",
};

/* Byte length of the hyphen, en dash, em dash or minus sign at s, or 0. */
static size_t dash_len(const char *s)
{
	for (size_t i = 0; i < COUNT_OF(dashes); i++)
		if (starts_with(s, dashes[i]))
			return strlen(dashes[i]);
	return 0;
}

/* ---- errors ---------------------------------------------------------------------- */

/* Messages more than one parser gives. */
static const char mixed_digits[] = ": Thai and Arabic digits mixed in one number";
static const char ends_early[] = ": the period ends before it starts";

/* Fills err with `<prefix>"<token>"<suffix>` and the column of byte at; returns false
 * so that a parser can say `return fail(...)`. */
static bool fail(thai_error *err, const char *text, size_t at, const char *prefix,
    size_t tok_off, size_t tok_len, const char *suffix)
{
	if (!err)
		return false;
	err->col = col_at(text, at);
	/* at most QUOTE_MAX bytes of the token, cut between code points; control characters
	 * are shown as \xNN: a message is one line of plain text, and a terminal must not act
	 * on what a source file holds */
	char tok[QUOTE_MAX + 1];
	size_t k = 0, i = 0;
	while (i < tok_len) {
		unsigned char c = (unsigned char)text[tok_off + i];
		size_t len = c < 0x20 || c == 0x7F ? 4 : cp_len(text + tok_off + i);
		if (k + len > QUOTE_MAX || i + (c < 0x20 || c == 0x7F ? 1 : len) > tok_len)
			break;
		if (c < 0x20 || c == 0x7F) {
			snprintf(tok + k, sizeof tok - k, "\\x%02X", c);
			i++;
		} else {
			memcpy(tok + k, text + tok_off + i, len);
			i += len;
		}
		k += len;
	}
	tok[k] = '\0';
	int full = snprintf(err->message, sizeof err->message, "%s\"%s%s\"%s", prefix, tok,
	    i < tok_len ? "…" : "", suffix);
	if (full >= (int)sizeof err->message) { /* cut short: end between code points */
		size_t m = strlen(err->message), j = m - 1;
		while (j > 0 && ((unsigned char)err->message[j] & 0xC0) == 0x80)
			j--;
		if (j + cp_len(err->message + j) > m)
			err->message[j] = '\0';
	}
	return false;
}

/* ---- digits ---------------------------------------------------------------------- */

int thai_digit_at(const char *s, size_t *len)
{
	size_t unused;
	if (!len)
		len = &unused;
	*len = 0;
	if (!s)
		return -1;
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] >= '0' && u[0] <= '9') {
		*len = 1;
		return u[0] - '0';
	}
	if (u[0] == 0xE0 && u[1] == 0xB9 && u[2] >= 0x90 && u[2] <= 0x99) {
		*len = 3;
		return u[2] - 0x90;
	}
	return -1;
}

/* Writes digit d in the chosen system into buf; returns its byte length. */
static size_t put_digit(int d, bool thai, char buf[3])
{
	if (!thai) {
		buf[0] = (char)('0' + d);
		return 1;
	}
	buf[0] = '\xE0';
	buf[1] = '\xB9';
	buf[2] = (char)(0x90 + d);
	return 3;
}

/* snprintf-like copy of text with every digit in the chosen system. A character that
 * does not fit is left out whole, so the output is always valid UTF-8. */
static size_t convert_digits(const char *text, char *out, size_t outsz, bool to_thai)
{
	size_t need = 0, written = 0;
	bool room = outsz > 0;
	for (size_t p = 0; text && text[p];) {
		char buf[3];
		size_t n = cp_len(text + p), dlen, len = n;
		const char *piece = text + p;
		int d = thai_digit_at(text + p, &dlen);
		if (d >= 0 && (dlen == 3) != to_thai) {
			len = put_digit(d, to_thai, buf);
			piece = buf;
		}
		room = room && written + len < outsz;
		if (room) {
			memcpy(out + written, piece, len);
			written += len;
		}
		need += len;
		p += n;
	}
	if (outsz > 0)
		out[written] = '\0';
	return need;
}

size_t thai_digits_to_arabic(const char *text, char *out, size_t outsz)
{
	return convert_digits(text, out, outsz, false);
}

size_t thai_digits_to_thai(const char *text, char *out, size_t outsz)
{
	return convert_digits(text, out, outsz, true);
}

/* A run of consecutive digits: the one digit reader behind every parser. */
typedef struct digit_run {
	size_t len;       /* bytes */
	int count;        /* digits */
	double value;     /* the digits as an integer (exact up to 2^53) */
	int system;       /* 1 Arabic, 2 Thai: the system of the first digit */
	bool mixed;       /* a digit of the other system follows ... */
	size_t mixed_off; /* ... at this byte offset in the run */
} digit_run;

static digit_run read_digits(const char *s)
{
	digit_run r;
	memset(&r, 0, sizeof r);
	size_t n;
	int d;
	while ((d = thai_digit_at(s + r.len, &n)) >= 0) {
		int system = n == 3 ? 2 : 1;
		if (r.count == 0)
			r.system = system;
		else if (system != r.system && !r.mixed) {
			r.mixed = true;
			r.mixed_off = r.len;
		}
		r.value = r.value * 10 + d;
		r.count++;
		r.len += n;
	}
	return r;
}

/* ---- numbers --------------------------------------------------------------------- */

/* A number found in a text: `1,234.50`, `๘๐`. */
typedef struct num_scan {
	size_t off, end;  /* its bytes */
	double mantissa;  /* all its digits as one integer, so decimals divide exactly */
	int decimals;     /* digits after the point */
	int int_digits;   /* digits before the point */
	bool grouped;     /* written with thousands separators */
	int system;       /* 1 Arabic, 2 Thai */
} num_scan;

static double pow10_of(int n)
{
	double x = 1;
	while (n-- > 0)
		x *= 10;
	return x;
}

static double scan_value(const num_scan *ns, double scale)
{
	return ns->mantissa * scale / pow10_of(ns->decimals);
}

/* Adds the run at byte p to the number, refusing a change of digit system. */
static bool add_run(const char *text, size_t p, const digit_run *r, num_scan *ns,
    thai_error *err)
{
	size_t bad = r->mixed ? p + r->mixed_off : p;
	if (r->mixed || (ns->system && r->system != ns->system))
		return fail(err, text, bad, "", ns->off, chunk_len(text, ns->off),
		    mixed_digits);
	ns->system = r->system;
	ns->mantissa = ns->mantissa * pow10_of(r->count) + r->value;
	return true;
}

static bool fail_grouping(const char *text, size_t at, const num_scan *ns, thai_error *err)
{
	return fail(err, text, at, "", ns->off, chunk_len(text, ns->off),
	    ": digits must be grouped in threes");
}

/* Reads the digits, thousands groups and decimals at off (a digit is there). A comma
 * followed by a digit is a separator, so `1,23` is an error but `๘๐ คน, ๙๐ คน` is not. */
static bool scan_number(const char *text, size_t off, num_scan *ns, thai_error *err)
{
	memset(ns, 0, sizeof *ns);
	ns->off = off;
	digit_run r = read_digits(text + off);
	if (!add_run(text, off, &r, ns, err))
		return false;
	size_t p = off + r.len;
	ns->int_digits = r.count;
	while (text[p] == ',' && thai_digit_at(text + p + 1, NULL) >= 0) {
		if (!ns->grouped && ns->int_digits > 3)
			return fail_grouping(text, off, ns, err);
		ns->grouped = true;
		r = read_digits(text + p + 1);
		if (!add_run(text, p + 1, &r, ns, err))
			return false;
		if (r.count != 3)
			return fail_grouping(text, p + 1, ns, err);
		ns->int_digits += r.count;
		p += 1 + r.len;
	}
	if (text[p] == '.' && thai_digit_at(text + p + 1, NULL) >= 0) {
		r = read_digits(text + p + 1);
		if (!add_run(text, p + 1, &r, ns, err))
			return false;
		ns->decimals = r.count;
		p += 1 + r.len;
	}
	ns->end = p;
	/* a double holds 15 digits exactly; more is no amount anyone plans (the whole
	 * national budget has 13), only a damaged cell, and would read as infinity */
	if (ns->int_digits + ns->decimals > 15)
		return fail(err, text, off, "", off, p - off, " has more than 15 digits");
	return true;
}

/* Byte length of the footnote mark at s: `*` or a superscript digit. */
static size_t footnote_len(const char *s)
{
	static const char *const marks[] = {
		"*", "\xC2\xB9", "\xC2\xB2", "\xC2\xB3", "\xE2\x81\xB0", "\xE2\x81\xB4",
		"\xE2\x81\xB5", "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8",
		"\xE2\x81\xB9",
	};
	for (size_t i = 0; i < COUNT_OF(marks); i++)
		if (starts_with(s, marks[i]))
			return strlen(marks[i]);
	return 0;
}

/* Footnote marks after p (blanks allowed before and between them): records their span
 * and returns where they end, or p when there are none. */
static size_t scan_footnotes(const char *text, size_t p, size_t *off, size_t *len)
{
	size_t q = skip_space(text, p), end = p, n;
	while ((n = footnote_len(text + q)) > 0) {
		if (end == p)
			*off = q;
		end = q + n;
		q = skip_space(text, end);
	}
	if (end != p)
		*len = end - *off;
	return end;
}

bool thai_parse_number(const char *text, thai_number *out, thai_error *err)
{
	text = text ? text : "";
	memset(out, 0, sizeof *out);
	size_t b, e, p;
	trim(text, &b, &e);
	p = b;
	bool negative = text[p] == '-';
	if (text[p] == '-' || text[p] == '+')
		p++;
	if (thai_digit_at(text + p, NULL) < 0)
		return fail(err, text, p, "", b, e - b, " is not a number");
	num_scan ns;
	if (!scan_number(text, p, &ns, err))
		return false;
	p = scan_footnotes(text, ns.end, &out->footnote_off, &out->footnote_len);
	p = skip_space(text, p);
	if (text[p])
		return fail(err, text, p, "", b, e - b, " is not a number");
	out->value = scan_value(&ns, negative ? -1 : 1);
	out->decimals = ns.decimals;
	out->thai_digits = ns.system == 2;
	return true;
}

/* ---- budgets --------------------------------------------------------------------- */

/* Written with the spaces removed: officials break these phrases anywhere. */
static const char *const no_budget_phrases[] = {
	"ไม่มีการใช้งบประมาณ", "ไม่ใช้งบประมาณ", "ไม่มีงบประมาณ",
	"ไม่ได้ใช้งบประมาณ", "ไม่ได้รับงบประมาณ", "ไม่ต้องใช้งบประมาณ",
};

/* Does phrase start at p when blanks in the text are ignored? *end gets where it stops. */
static bool match_ignoring_spaces(const char *text, size_t p, const char *phrase,
    size_t *end)
{
	for (const char *w = phrase; *w;) {
		size_t n = cp_len(w);
		p = skip_space(text, p);
		if (strncmp(text + p, w, n) != 0)
			return false;
		p += n;
		w += n;
	}
	*end = p;
	return true;
}

static bool no_budget_phrase_at(const char *text, size_t p, size_t *end)
{
	for (size_t i = 0; i < COUNT_OF(no_budget_phrases); i++)
		if (match_ignoring_spaces(text, p, no_budget_phrases[i], end))
			return true;
	return false;
}

/* Only dashes (or nothing) between b and e: the document gives no figure. */
static bool only_dashes(const char *text, size_t b, size_t e)
{
	for (size_t p = b, n; p < e; p += n)
		if ((n = dash_len(text + p)) == 0 && (n = space_len(text + p)) == 0)
			return false;
	return true;
}

static void set_qualifier(thai_budget *out, const char *text, size_t p, size_t e)
{
	p = skip_space(text, p);
	if (p < e) {
		out->qualifier_off = p;
		out->qualifier_len = e - p;
	}
}

/* What may follow the digits of an amount: the end, a blank, a footnote, `/ครั้ง`,
 * `(…)` or a Thai word (`บาท`). Anything else (`๘๕o,๐๐๐`) means a mistyped number. */
static bool amount_ends_at(const char *s)
{
	return !*s || space_len(s) || footnote_len(s) || *s == '/' || *s == '(' ||
	       is_thai_letter(s);
}

/* Footnotes, `ล้าน` (a million), `บาท` and the qualifier after the amount's digits. */
static bool read_amount_tail(const char *text, const num_scan *ns, size_t e,
    thai_budget *out, thai_error *err)
{
	size_t p = ns->end;
	double scale = 1;
	if (starts_with(text + p, ".-")) /* `๕๐,๐๐๐.-`: the usual "and no satang" */
		p += 2;
	if (!amount_ends_at(text + p))
		return fail(err, text, p, "", ns->off, e - ns->off,
		    " is not a number");
	p = scan_footnotes(text, p, &out->footnote_off, &out->footnote_len);
	p = skip_space(text, p);
	if (starts_with(text + p, "ล้าน")) {
		scale = 1e6;
		p = skip_space(text, p + strlen("ล้าน"));
	}
	if (starts_with(text + p, "บาท"))
		p += strlen("บาท");
	if (!out->footnote_len)
		p = scan_footnotes(text, p, &out->footnote_off, &out->footnote_len);
	set_qualifier(out, text, p, e);
	out->kind = THAI_BUDGET_AMOUNT;
	out->baht = scan_value(ns, scale);
	out->thai_digits = ns->system == 2;
	return true;
}

bool thai_parse_budget(const char *text, thai_budget *out, thai_error *err)
{
	text = text ? text : "";
	memset(out, 0, sizeof *out);
	out->kind = THAI_BUDGET_UNSPECIFIED;
	size_t b, e, end;
	trim(text, &b, &e);
	if (only_dashes(text, b, e))
		return true;
	if (no_budget_phrase_at(text, b, &end)) {
		out->kind = THAI_BUDGET_NONE;
		set_qualifier(out, text, end, e);
		return true;
	}
	if (thai_digit_at(text + b, NULL) < 0)
		return fail(err, text, b, "", b, e - b, " is not a number");
	num_scan ns;
	if (!scan_number(text, b, &ns, err))
		return false;
	return read_amount_tail(text, &ns, e, out, err);
}

/* ---- months ---------------------------------------------------------------------- */

/* The one month table: every parser and formatter reads month names from here. */
static const struct month_names {
	const char *name, *abbrev;
} months[12] = {
	{ "มกราคม", "ม.ค." },     { "กุมภาพันธ์", "ก.พ." }, { "มีนาคม", "มี.ค." },
	{ "เมษายน", "เม.ย." },    { "พฤษภาคม", "พ.ค." }, { "มิถุนายน", "มิ.ย." },
	{ "กรกฎาคม", "ก.ค." },    { "สิงหาคม", "ส.ค." },   { "กันยายน", "ก.ย." },
	{ "ตุลาคม", "ต.ค." },      { "พฤศจิกายน", "พ.ย." }, { "ธันวาคม", "ธ.ค." },
};

/* Bytes of s that spell abbrev with each dot optional (`ม.ค.`, `ม.ค`, `มค.`, `มค`), or 0.
 * *dots counts the dots written; *final_dot tells whether the closing one was. */
static size_t match_abbrev(const char *s, const char *abbrev, int *dots, bool *final_dot)
{
	size_t p = 0;
	*dots = 0;
	for (const char *a = abbrev; *a; a++) {
		if (*a == '.') {
			*final_dot = s[p] == '.';
			if (*final_dot) {
				p++;
				(*dots)++;
			}
		} else if (s[p] == *a) {
			p++;
		} else {
			return 0;
		}
	}
	return p;
}

/* An abbreviation is a month only where it ends: not glued to a following Thai word
 * (`มคอ`) and not the head of a longer abbreviation (`ก.พ.ร.` is a commission). */
static bool abbrev_ends_at(const char *s, bool final_dot)
{
	if (!is_thai_letter(s))
		return true;
	return final_dot && s[cp_len(s)] != '.';
}

/* Month 1–12 spelled at s (longest spelling wins), or 0; *dots is -1 for a full name. */
static int month_match(const char *s, size_t *len, int *dots)
{
	int best = 0;
	*len = 0;
	for (int m = 0; m < 12; m++) {
		size_t n = 0;
		int d = -1;
		bool final_dot = false;
		if (starts_with(s, months[m].name))
			n = strlen(months[m].name);
		else if ((n = match_abbrev(s, months[m].abbrev, &d, &final_dot)) > 0 &&
		    !abbrev_ends_at(s + n, final_dot))
			n = 0;
		if (n > *len) {
			*len = n;
			*dots = d;
			best = m + 1;
		}
	}
	return best;
}

int thai_month_at(const char *s, size_t *len)
{
	size_t unused;
	int dots;
	if (!len)
		len = &unused;
	*len = 0;
	return s ? month_match(s, len, &dots) : 0;
}

/* A month name at off of a longer text: an undotted abbreviation (`มค`) also needs a
 * word start before it, or `ทรัพยากร` would hold May. */
static int month_in_text(const char *text, size_t off, size_t *len)
{
	int dots = -1;
	int m = month_match(text + off, len, &dots);
	if (m && dots == 0 && is_thai_letter_before(text, off))
		m = 0;
	return m;
}

const char *thai_month_abbrev(int month)
{
	return month >= 1 && month <= 12 ? months[month - 1].abbrev : NULL;
}

const char *thai_month_name(int month)
{
	return month >= 1 && month <= 12 ? months[month - 1].name : NULL;
}

/* ---- calendar -------------------------------------------------------------------- */

int thai_days_in_month(int year_be, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	int ce = thai_be_to_ce(year_be);
	bool leap = (ce % 4 == 0 && ce % 100 != 0) || ce % 400 == 0;
	return days[month - 1] + (month == 2 && leap);
}

int thai_fiscal_year_of(thai_date d)
{
	return d.month >= 10 ? d.year_be + 1 : d.year_be;
}

int thai_fiscal_month_index(int month)
{
	return month >= 1 && month <= 12 ? (month + 2) % 12 + 1 : 0;
}

/* The calendar year (พ.ศ.) in which a month of fiscal year fy falls. */
static int year_of_fiscal_month(int month, int fy)
{
	return month >= 10 ? fy - 1 : fy;
}

/* Sortable key of a date; a day of 0 counts as the month's first or last day. */
static long date_key(thai_date d, bool as_end)
{
	int day = d.day ? d.day : as_end ? thai_days_in_month(d.year_be, d.month) : 1;
	return (long)d.year_be * 10000 + d.month * 100 + day;
}

/* Writes v as n decimal digits (clamped to fit). */
static void put_decimal(char *s, int v, int n)
{
	int max = 1;
	for (int i = 0; i < n; i++)
		max *= 10;
	v = v < 0 ? 0 : v >= max ? max - 1 : v;
	for (int i = n - 1; i >= 0; i--, v /= 10)
		s[i] = (char)('0' + v % 10);
}

void thai_date_iso(thai_date d, bool first_of_month, char buf[11])
{
	int last = thai_days_in_month(d.year_be, d.month);
	int day = d.day ? d.day : first_of_month ? 1 : last;
	put_decimal(buf, thai_be_to_ce(d.year_be), 4);
	buf[4] = '-';
	put_decimal(buf + 5, d.month, 2);
	buf[7] = '-';
	put_decimal(buf + 8, day, 2);
	buf[10] = '\0';
}

/* ---- tokens of years, dates and periods ------------------------------------------ */

typedef enum tok_kind {
	T_END, /* past the last token */
	T_NUM, T_MONTH, T_BE, T_FY, T_QUARTER, T_DASH, T_SLASH, T_WORD,
	T_ARROW_BEFORE, T_ARROW_AFTER
} tok_kind;

typedef struct tok {
	tok_kind kind;
	size_t off, len;
	int value;  /* T_NUM: the number (-1 when too long); T_MONTH: 1–12 */
	int digits; /* T_NUM: how many */
	bool count; /* T_NUM: a count of days or months (`๖ เดือน`), not a date */
} tok;

/* Long enough for any period officials write; beyond it the text is prose. */
#define MAX_TOKS 128

typedef struct tok_list {
	tok t[MAX_TOKS];
	int n;
	bool arrow_before, arrow_after;
} tok_list;

/* Spelled-out tokens. Those marked word_start only count after a non-letter, so that
 * `คำนึงถึง` does not hold a dash. */
static const struct keyword {
	const char *text;
	tok_kind kind;
	bool word_start;
} keywords[] = {
	{ "ปีงบประมาณ", T_FY, false },
	{ "ไตรมาสที่", T_QUARTER, false },
	{ "ไตรมาส", T_QUARTER, false },
	{ "พ.ศ.", T_BE, false },
	{ "พ.ศ", T_BE, false },
	{ "ถึง", T_DASH, true },
	{ "/", T_SLASH, false },
	{ "\xE2\x86\x90", T_ARROW_BEFORE, false }, /* ← */
	{ "\xE2\x86\x92", T_ARROW_AFTER, false },  /* → */
};

/* Words after a number that make it a length of time or a count, not a date. */
static const char *const count_words[] = {
	"วัน", "เดือน", "ปี", "สัปดาห์", "ชั่วโมง", "นาที", "ครั้ง", "รอบ",
};

static bool read_number_token(const char *text, size_t p, tok *t, thai_error *err)
{
	digit_run r = read_digits(text + p);
	if (r.mixed)
		return fail(err, text, p + r.mixed_off, "", p, r.len, mixed_digits);
	t->kind = T_NUM;
	t->len = r.len;
	t->digits = r.count;
	t->value = r.count <= 9 ? (int)r.value : -1;
	return true;
}

static bool keyword_at(const char *text, size_t p, tok *t)
{
	for (size_t i = 0; i < COUNT_OF(keywords); i++) {
		const struct keyword *k = &keywords[i];
		if (starts_with(text + p, k->text) &&
		    !(k->word_start && is_thai_letter_before(text, p))) {
			t->kind = k->kind;
			t->len = strlen(k->text);
			return true;
		}
	}
	return false;
}

/* The token at p (not a blank); a character that starts nothing is a one-character
 * word, which push_token glues to the word before it. */
static bool next_token(const char *text, size_t p, tok *t, thai_error *err)
{
	size_t n;
	memset(t, 0, sizeof *t);
	t->off = p;
	if (thai_digit_at(text + p, NULL) >= 0)
		return read_number_token(text, p, t, err);
	if (keyword_at(text, p, t))
		return true;
	if ((n = dash_len(text + p)) > 0) {
		t->kind = T_DASH;
		t->len = n;
	} else if ((t->value = month_in_text(text, p, &n)) > 0) {
		t->kind = T_MONTH;
		t->len = n;
	} else {
		t->kind = T_WORD;
		t->len = cp_len(text + p);
	}
	return true;
}

static bool push_token(tok_list *tl, const char *text, const tok *t, thai_error *err)
{
	tok *last = tl->n ? &tl->t[tl->n - 1] : NULL;
	if (t->kind == T_ARROW_BEFORE || t->kind == T_ARROW_AFTER) {
		tl->arrow_before |= t->kind == T_ARROW_BEFORE;
		tl->arrow_after |= t->kind == T_ARROW_AFTER;
	} else if (t->kind == T_WORD && last && last->kind == T_WORD &&
	    last->off + last->len == t->off) {
		last->len += t->len;
	} else if (tl->n == MAX_TOKS) {
		return fail(err, text, t->off, "", 0, strlen(text),
		    " is too long to read as a date");
	} else {
		tl->t[tl->n++] = *t;
	}
	return true;
}

/* `๖ เดือน`, `๓๐๐ วัน`: a short number followed by a word of time, and not the year of
 * a month or fiscal year before it. */
static bool is_count(const char *text, const tok *before, const tok *num,
    const tok *after)
{
	if (num->digits > 3 || !after || after->kind != T_WORD)
		return false;
	if (before && (before->kind == T_MONTH || before->kind == T_BE ||
	    before->kind == T_FY || before->kind == T_QUARTER))
		return false;
	for (size_t i = 0; i < COUNT_OF(count_words); i++)
		if (starts_with(text + after->off, count_words[i]))
			return true;
	return false;
}

static bool tokenize(const char *text, tok_list *tl, thai_error *err)
{
	tl->n = 0;
	tl->arrow_before = tl->arrow_after = false;
	for (size_t p = 0; text[p];) {
		size_t n = space_len(text + p);
		tok t;
		if (n > 0) {
			p += n;
			continue;
		}
		if (!next_token(text, p, &t, err) || !push_token(tl, text, &t, err))
			return false;
		p += t.len;
	}
	for (int i = 0; i < tl->n; i++) {
		const tok *before = i > 0 ? &tl->t[i - 1] : NULL;
		const tok *after = i + 1 < tl->n ? &tl->t[i + 1] : NULL;
		if (tl->t[i].kind == T_NUM)
			tl->t[i].count = is_count(text, before, &tl->t[i], after);
	}
	return true;
}

/* ---- years ----------------------------------------------------------------------- */

/* The พ.ศ. year a number token stands for: `66` is 2566; four digits must be 2400–2799,
 * and 1900–2199 is refused as CE rather than guessed. */
static bool be_year_of(const char *text, const tok *t, int *year, thai_error *err)
{
	char why[96];
	if (t->digits == 2) {
		*year = 2500 + t->value;
		return true;
	}
	if (t->digits == 4 && t->value >= 2400 && t->value <= 2799) {
		*year = t->value;
		return true;
	}
	if (t->digits == 4 && t->value >= 1900 && t->value <= 2199)
		snprintf(why, sizeof why, " looks like a CE year; write the พ.ศ. year (%d)",
		    thai_ce_to_be(t->value));
	else if (t->digits == 4)
		snprintf(why, sizeof why, " is not a พ.ศ. year (2400–2799)");
	else
		snprintf(why, sizeof why, " is not a year (write 2 or 4 digits)");
	return fail(err, text, t->off, "", t->off, t->len, why);
}

bool thai_parse_year(const char *text, int *be_year, thai_error *err)
{
	text = text ? text : "";
	*be_year = 0;
	tok_list tl;
	if (!tokenize(text, &tl, err))
		return false;
	int k = tl.n > 0 && tl.t[0].kind == T_BE;
	if (tl.n != k + 1 || tl.t[k].kind != T_NUM || tl.arrow_before || tl.arrow_after) {
		size_t b, e;
		trim(text, &b, &e);
		int bad = k < tl.n && tl.t[k].kind == T_NUM ? k + 1 : k;
		return fail(err, text, bad < tl.n ? tl.t[bad].off : e, "", b, e - b,
		    " is not a year");
	}
	return be_year_of(text, &tl.t[k], be_year, err);
}

/* ---- dates ----------------------------------------------------------------------- */

/* Reads tokens t[0..n) from i on. */
typedef struct parser {
	const char *text;
	const tok *t;
	int n, i;
	thai_error *err;
} parser;

static tok_kind kind_at(const parser *ps, int k)
{
	return k < ps->n ? ps->t[k].kind : T_END;
}

/* Fails quoting tokens a..b-1 (at least token a; all of the text when a is past the
 * end). */
static bool fail_tokens(const parser *ps, int a, int b, const char *suffix)
{
	if (a >= ps->n) {
		size_t tb, te;
		trim(ps->text, &tb, &te);
		return fail(ps->err, ps->text, te, "", tb, te - tb, suffix);
	}
	b = b <= a ? a + 1 : b > ps->n ? ps->n : b;
	size_t off = ps->t[a].off, end = ps->t[b - 1].off + ps->t[b - 1].len;
	return fail(ps->err, ps->text, off, "", off, end - off, suffix);
}

/* A date as written: year 0 until known, month 0 for a bare day (the `1` of
 * `1 - 15 ม.ค.`). */
typedef struct date_part {
	thai_date d;
	size_t off, end; /* its text, for messages */
} date_part;

static bool fail_date(const parser *ps, const date_part *dp, const char *suffix)
{
	return fail(ps->err, ps->text, dp->off, "", dp->off, dp->end - dp->off, suffix);
}

static void consume(parser *ps, date_part *dp)
{
	const tok *t = &ps->t[ps->i++];
	dp->end = t->off + t->len;
}

/* In `ม.ค. 15 ก.พ. 66` the 15 is the next date's day, not this one's year. */
static bool is_day_of_next(const parser *ps, int k)
{
	const tok *t = &ps->t[k];
	return kind_at(ps, k + 1) == T_MONTH && t->digits <= 2 && t->value >= 1 &&
	       t->value <= 31;
}

/* `[day] month [พ.ศ.] [year]`; with bare_day_ok also a lone day before a dash. */
static bool parse_date_part(parser *ps, bool bare_day_ok, date_part *dp)
{
	memset(dp, 0, sizeof *dp);
	if (ps->i >= ps->n)
		return fail_tokens(ps, ps->i, ps->n, " ends where a date should be");
	const tok *t = &ps->t[ps->i];
	dp->off = t->off;
	tok_kind next = kind_at(ps, ps->i + 1);
	bool bare_day = bare_day_ok && next == T_DASH && t->kind == T_NUM && t->digits <= 2;
	if (t->kind == T_NUM && (next == T_MONTH || bare_day)) {
		if (t->digits > 2 || t->value < 1)
			return fail(ps->err, ps->text, t->off, "", t->off, t->len,
			    " is not a day of the month");
		dp->d.day = t->value;
		consume(ps, dp);
		if (bare_day)
			return true;
	}
	if (kind_at(ps, ps->i) != T_MONTH)
		return fail(ps->err, ps->text, t->off, "", t->off,
		    chunk_len(ps->text, t->off), " is not a date");
	dp->d.month = ps->t[ps->i].value;
	consume(ps, dp);
	bool be = kind_at(ps, ps->i) == T_BE;
	if (be)
		consume(ps, dp);
	if (kind_at(ps, ps->i) == T_NUM && (be || !is_day_of_next(ps, ps->i))) {
		if (!be_year_of(ps->text, &ps->t[ps->i], &dp->d.year_be, ps->err))
			return false;
		consume(ps, dp);
	} else if (be) {
		return fail_date(ps, dp, ": พ.ศ. needs a year");
	}
	return true;
}

/* The day must exist in its month (leap years as in the CE calendar). */
static bool check_day(const parser *ps, const date_part *dp)
{
	int days = thai_days_in_month(dp->d.year_be, dp->d.month);
	if (dp->d.day <= days)
		return true;
	char why[96];
	snprintf(why, sizeof why, ": %s %d has %d days", thai_month_abbrev(dp->d.month),
	    dp->d.year_be, days);
	return fail_date(ps, dp, why);
}

bool thai_parse_date(const char *text, thai_date *out, thai_error *err)
{
	text = text ? text : "";
	memset(out, 0, sizeof *out);
	tok_list tl;
	if (!tokenize(text, &tl, err))
		return false;
	parser ps = { text, tl.t, tl.n, 0, err };
	date_part dp;
	size_t b, e;
	trim(text, &b, &e);
	if (tl.n == 0)
		return fail(err, text, b, "", b, e - b, " is not a date");
	if (!parse_date_part(&ps, false, &dp))
		return false;
	if (ps.i < ps.n || tl.arrow_before || tl.arrow_after)
		return fail(err, text, ps.i < ps.n ? tl.t[ps.i].off : b, "", b, e - b,
		    " is not a date");
	if (!dp.d.year_be)
		return fail_date(&ps, &dp, ": the date needs a year");
	if (!check_day(&ps, &dp))
		return false;
	*out = dp.d;
	return true;
}

/* ---- periods --------------------------------------------------------------------- */

/* The fiscal years a period names: `ปีงบประมาณ ๒๕๖๕ - ๒๕๖๖` is 2565..2566. */
typedef struct fy_span {
	int first, last;
} fy_span;

static bool fail_order(const parser *ps, size_t off, size_t end)
{
	return fail(ps->err, ps->text, off, "", off, end - off, ends_early);
}

/* Years missing from `ม.ค. - พ.ค. ๖๖`: the end takes the fiscal year's (when one is
 * given), the start the end's year, or the year before when its month comes later. */
static bool resolve_years(const parser *ps, const fy_span *fy, date_part *a, date_part *b)
{
	if (!b->d.year_be && !fy)
		return fail(ps->err, ps->text, a->off, "", a->off, b->end - a->off,
		    ": the period needs a year");
	if (!b->d.year_be)
		b->d.year_be = year_of_fiscal_month(b->d.month, fy->last);
	if (!a->d.month) {
		a->d.month = b->d.month;
		a->d.year_be = b->d.year_be;
	} else if (!a->d.year_be && fy) {
		a->d.year_be = year_of_fiscal_month(a->d.month, fy->first);
	} else if (!a->d.year_be) {
		a->d.year_be = a->d.month <= b->d.month ? b->d.year_be : b->d.year_be - 1;
	}
	return true;
}

/* A date, or two joined by a dash; fy (or NULL) supplies missing years. */
static bool parse_range(parser *ps, const fy_span *fy, thai_period *out)
{
	date_part a, b;
	if (!parse_date_part(ps, true, &a))
		return false;
	bool two = kind_at(ps, ps->i) == T_DASH;
	if (two) {
		ps->i++;
		if (!parse_date_part(ps, false, &b))
			return false;
	} else {
		b = a;
	}
	if (!resolve_years(ps, fy, &a, &b))
		return false;
	if (!two)
		a = b;
	if (!check_day(ps, &a) || !check_day(ps, &b))
		return false;
	if (date_key(a.d, false) > date_key(b.d, true))
		return fail_order(ps, a.off, b.end);
	out->start = a.d;
	out->end = b.d;
	return true;
}

static thai_date make_date(int year_be, int month, int day)
{
	thai_date d = { year_be, month, day };
	return d;
}

static void set_fiscal_years(fy_span fy, thai_period *out)
{
	out->start = make_date(fy.first - 1, 10, 1);
	out->end = make_date(fy.last, 9, 30);
}

/* Quarter q of fiscal year fy: Q1 is ต.ค.–ธ.ค. of the year before, Q2 ม.ค.–มี.ค., … */
static void set_quarters(fy_span fy, int q1, int q2, thai_period *out)
{
	int first = (q1 * 3 + 6) % 12 + 1, last = (q2 * 3 + 8) % 12 + 1;
	int y1 = year_of_fiscal_month(first, fy.first);
	int y2 = year_of_fiscal_month(last, fy.last);
	out->start = make_date(y1, first, 1);
	out->end = make_date(y2, last, thai_days_in_month(y2, last));
}

/* `[พ.ศ.] year` after ปีงบประมาณ (token at). */
static bool parse_fy_year(parser *ps, int at, int *year)
{
	if (kind_at(ps, ps->i) == T_BE)
		ps->i++;
	if (kind_at(ps, ps->i) != T_NUM)
		return fail_tokens(ps, at, ps->i, " needs a year");
	if (!be_year_of(ps->text, &ps->t[ps->i], year, ps->err))
		return false;
	ps->i++;
	return true;
}

/* Is a second fiscal year (`- [ปีงบประมาณ] [พ.ศ.] ๒๕๖๖`) at k, rather than a month's? */
static bool fy_year_at(const parser *ps, int k)
{
	k += kind_at(ps, k) == T_FY;
	k += kind_at(ps, k) == T_BE;
	return kind_at(ps, k) == T_NUM && kind_at(ps, k + 1) != T_MONTH;
}

/* `ปีงบประมาณ [พ.ศ.] ๒๕๖๖ [- ๒๕๖๗]` */
static bool parse_fy_clause(parser *ps, fy_span *fy)
{
	int at = ps->i++;
	if (!parse_fy_year(ps, at, &fy->first))
		return false;
	fy->last = fy->first;
	if (kind_at(ps, ps->i) == T_DASH && fy_year_at(ps, ps->i + 1)) {
		ps->i += 1 + (kind_at(ps, ps->i + 1) == T_FY);
		if (!parse_fy_year(ps, at, &fy->last))
			return false;
		if (fy->last < fy->first)
			return fail_tokens(ps, at, ps->i, ends_early);
	}
	return true;
}

static bool parse_quarter_number(parser *ps, int at, int *q)
{
	if (kind_at(ps, ps->i) != T_NUM)
		return fail_tokens(ps, at, ps->i, " needs a quarter number (1 to 4)");
	const tok *t = &ps->t[ps->i++];
	if (t->value < 1 || t->value > 4)
		return fail_tokens(ps, at, ps->i, ": a quarter is 1 to 4");
	*q = t->value;
	return true;
}

/* `ไตรมาส[ที่] ๑[-[ไตรมาส] ๒]` */
static bool parse_quarter_clause(parser *ps, int *q1, int *q2)
{
	int at = ps->i++;
	if (!parse_quarter_number(ps, at, q1))
		return false;
	*q2 = *q1;
	tok_kind next = kind_at(ps, ps->i + 1);
	if (kind_at(ps, ps->i) == T_DASH && (next == T_NUM || next == T_QUARTER)) {
		ps->i += 1 + (next == T_QUARTER);
		if (!parse_quarter_number(ps, at, q2))
			return false;
		if (*q2 < *q1)
			return fail_tokens(ps, at, ps->i, ends_early);
	}
	return true;
}

/* Months or dates inside a fiscal year (`ปีงบประมาณ ๒๕๖๖ (เดือน มกราคม - กุมภาพันธ์)`),
 * which must lie within it. */
static bool parse_range_within(parser *ps, fy_span fy, thai_period *out)
{
	thai_period whole = *out;
	size_t off = ps->t[ps->i].off;
	if (!parse_range(ps, &fy, out))
		return false;
	if (date_key(out->start, false) >= date_key(whole.start, false) &&
	    date_key(out->end, true) <= date_key(whole.end, true))
		return true;
	const tok *last = &ps->t[ps->i - 1];
	char why[96];
	snprintf(why, sizeof why, ": outside ปีงบประมาณ %d", fy.last);
	return fail(ps->err, ps->text, off, "", off, last->off + last->len - off, why);
}

/* `ปีงบประมาณ …`, then quarters or months of it. */
static bool parse_fiscal(parser *ps, thai_period *out)
{
	fy_span fy;
	int q1, q2;
	if (!parse_fy_clause(ps, &fy))
		return false;
	set_fiscal_years(fy, out);
	if (kind_at(ps, ps->i) == T_QUARTER) {
		if (!parse_quarter_clause(ps, &q1, &q2))
			return false;
		set_quarters(fy, q1, q2, out);
		return true;
	}
	return ps->i < ps->n ? parse_range_within(ps, fy, out) : true;
}

/* `ไตรมาส ๑-๔` of default_fy, or of the ปีงบประมาณ that follows. */
static bool parse_quarters_first(parser *ps, int default_fy, thai_period *out)
{
	int at = ps->i, q1, q2;
	fy_span fy = { default_fy, default_fy };
	if (!parse_quarter_clause(ps, &q1, &q2))
		return false;
	if (kind_at(ps, ps->i) == T_FY) {
		if (!parse_fy_clause(ps, &fy))
			return false;
	} else if (default_fy <= 0) {
		return fail_tokens(ps, at, ps->i,
		    ": no fiscal year is given for the quarters");
	}
	set_quarters(fy, q1, q2, out);
	return true;
}

/* The tokens that can be part of a date: words and counts (`๖ เดือน`) are left out. */
static int date_tokens(const tok_list *tl, tok *out)
{
	int n = 0;
	for (int i = 0; i < tl->n; i++)
		if (tl->t[i].kind != T_WORD && !tl->t[i].count)
			out[n++] = tl->t[i];
	return n;
}

/* Does the text try to give a date: a month name, a fiscal year, a quarter, a slash
 * between numbers or a four-digit number? A bare `พ.ศ. ๒๕๖๑` does not count: in a
 * period cell it is part of a name (`พระราชบัญญัติ… พ.ศ. ๒๕๖๑`), not a time span. */
static bool mentions_date(const parser *ps)
{
	for (int i = 0; i < ps->n; i++) {
		const tok *t = &ps->t[i];
		if (t->kind == T_BE) {
			i += i + 1 < ps->n && ps->t[i + 1].kind == T_NUM;
			continue;
		}
		if (t->kind == T_MONTH || t->kind == T_FY || t->kind == T_QUARTER ||
		    t->kind == T_SLASH || (t->kind == T_NUM && t->digits == 4))
			return true;
	}
	return false;
}

bool thai_parse_period(const char *text, int default_fy_be, thai_period *out,
    thai_error *err)
{
	text = text ? text : "";
	memset(out, 0, sizeof *out);
	out->kind = THAI_PERIOD_TEXT;
	tok_list tl;
	tok dates[MAX_TOKS];
	if (!tokenize(text, &tl, err))
		return false;
	out->continues_before = tl.arrow_before;
	out->continues_after = tl.arrow_after;
	parser ps = { text, dates, date_tokens(&tl, dates), 0, err };
	if (!mentions_date(&ps)) {
		if (strstr(text, "ต่อเนื่อง"))
			out->kind = THAI_PERIOD_CONTINUOUS;
		return true;
	}
	bool ok;
	if (kind_at(&ps, 0) == T_FY)
		ok = parse_fiscal(&ps, out);
	else if (kind_at(&ps, 0) == T_QUARTER)
		ok = parse_quarters_first(&ps, default_fy_be, out);
	else
		ok = parse_range(&ps, NULL, out);
	if (!ok)
		return false;
	if (ps.i < ps.n)
		return fail(err, text, dates[ps.i].off, "", dates[ps.i].off,
		    chunk_len(text, dates[ps.i].off), " does not fit the period");
	out->kind = THAI_PERIOD_RANGE;
	return true;
}

/* Does the period include that month? */
static bool period_touches(const thai_period *p, int year_be, int month)
{
	if (p->kind == THAI_PERIOD_CONTINUOUS)
		return true;
	if (p->kind != THAI_PERIOD_RANGE)
		return false;
	long ym = year_be * 12L + month;
	return ym >= p->start.year_be * 12L + p->start.month &&
	       ym <= p->end.year_be * 12L + p->end.month;
}

int thai_period_fiscal_months(const thai_period *p, int fy_be, bool months_out[12])
{
	int count = 0;
	for (int k = 0; k < 12; k++) {
		int month = k < 3 ? k + 10 : k - 2;
		int year = year_of_fiscal_month(month, fy_be);
		months_out[k] = p && period_touches(p, year, month);
		count += months_out[k];
	}
	return count;
}

/* ---- targets --------------------------------------------------------------------- */

/* Known unit words, and the percent spellings, with their canonical English names. */
static const struct unit {
	const char *thai, *english;
} units[] = {
	{ "คน", "person" }, { "ครั้ง", "time" },
	{ "เรื่อง", "matter" }, { "ช่องทาง", "channel" },
	{ "ช่อง", "channel" }, { "วัน", "day" },
	{ "เดือน", "month" }, { "ระบบ", "system" },
	{ "หน่วยงาน", "agency" }, { "กระทรวง", "ministry" },
	{ "งานบริการ", "service" }, { "คะแนน", "point" },
	{ "ฉบับ", "document" }, { "แห่ง", "place" },
	{ "หลักสูตร", "course" }, { "โครงการ", "project" },
	{ "กิจกรรม", "activity" }, { "รายการ", "item" },
	{ "รุ่น", "cohort" }, { "ชิ้น", "piece" },
	{ "ด้าน", "area" }, { "ประเด็น", "issue" },
	{ "แผน", "plan" }, { "มาตรการ", "measure" },
	{ "ผลงาน", "work" }, { "องค์กร", "organisation" },
	{ "ราย", "case" }, { "บาท", "baht" },
	{ "เครือข่าย", "network" }, { "ส่วนราชการ", "government agency" },
	{ "ร้อยละ", "percent" }, { "%", "percent" },
	{ "เปอร์เซ็นต์", "percent" }, { "เปอร์เซนต์", "percent" },
};

static const char percent_word[] = "ร้อยละ";

const char *thai_unit_english(const char *unit, size_t len)
{
	for (size_t i = 0; unit && i < COUNT_OF(units); i++)
		if (strlen(units[i].thai) == len && memcmp(units[i].thai, unit, len) == 0)
			return units[i].english;
	return NULL;
}

/* The longest known unit that starts s and fits in max bytes, or NULL. */
static const struct unit *unit_prefix(const char *s, size_t max)
{
	const struct unit *best = NULL;
	for (size_t i = 0; i < COUNT_OF(units); i++) {
		size_t n = strlen(units[i].thai);
		if (n <= max && strncmp(s, units[i].thai, n) == 0 &&
		    (!best || n > strlen(best->thai)))
			best = &units[i];
	}
	return best;
}

typedef struct cmp_word {
	const char *text;
	thai_comparator cmp;
} cmp_word;

/* Before the number. A phrase that ends another (`น้อยกว่า` in `ไม่น้อยกว่า`) comes
 * after it, so the longer one is found first. */
static const cmp_word cmp_before[] = {
	{ "ไม่น้อยกว่า", THAI_CMP_GE }, { "ไม่ต่ำกว่า", THAI_CMP_GE },
	{ "อย่างน้อย", THAI_CMP_GE }, { "ไม่มากกว่า", THAI_CMP_LE },
	{ "ไม่เกิน", THAI_CMP_LE }, { "มากกว่า", THAI_CMP_GT },
	{ "เกิน", THAI_CMP_GT }, { "น้อยกว่า", THAI_CMP_LT },
	{ "ต่ำกว่า", THAI_CMP_LT }, { "\xE2\x89\xA5", THAI_CMP_GE },
	{ ">=", THAI_CMP_GE }, { "\xE2\x89\xA4", THAI_CMP_LE },
	{ "<=", THAI_CMP_LE }, { ">", THAI_CMP_GT },
	{ "<", THAI_CMP_LT },
};

/* After the number and its unit: `๘๕ คะแนน ขึ้นไป`. */
static const cmp_word cmp_after[] = {
	{ "ขึ้นไป", THAI_CMP_GE }, { "ลงมา", THAI_CMP_LE },
	{ "หรือมากกว่า", THAI_CMP_GE }, { "หรือน้อยกว่า", THAI_CMP_LE },
};

/* Length of the comparator that ends text[0..end), or 0. */
static size_t comparator_before(const char *text, size_t end, thai_comparator *cmp)
{
	for (size_t i = 0; i < COUNT_OF(cmp_before); i++)
		if (ends_with_at(text, end, cmp_before[i].text)) {
			*cmp = cmp_before[i].cmp;
			return strlen(cmp_before[i].text);
		}
	return 0;
}

/* Length of the comparator that starts s, or 0. */
static size_t comparator_after(const char *s, thai_comparator *cmp)
{
	for (size_t i = 0; i < COUNT_OF(cmp_after); i++)
		if (starts_with(s, cmp_after[i].text)) {
			*cmp = cmp_after[i].cmp;
			return strlen(cmp_after[i].text);
		}
	return 0;
}

/* The year words a number may follow: `ภายในปี พ.ศ. ๒๕๖๖`. */
static const char *const year_words[] = {
	"พ.ศ.", "พ.ศ", "ค.ศ.", "ค.ศ", "ปี", "ปีงบประมาณ",
};

/* `1. ผลการศึกษา …`, `(2) …`: a number opening a line, closed by `.` or `)`, with
 * more text after it. */
static bool is_item_number(const char *text, const num_scan *ns)
{
	size_t j = ns->off;
	while (j > 0 && (text[j - 1] == ' ' || text[j - 1] == '\t' || text[j - 1] == '('))
		j--;
	if (j > 0 && text[j - 1] != '\n')
		return false;
	char c = text[ns->end];
	return (c == '.' || c == ')') && text[skip_space(text, ns->end + 1)] != '\0';
}

static bool is_year_number(const char *text, const num_scan *ns)
{
	if (ns->grouped || ns->decimals || (ns->int_digits != 2 && ns->int_digits != 4))
		return false;
	size_t before = skip_space_back(text, ns->off);
	for (size_t i = 0; i < COUNT_OF(year_words); i++)
		if (ends_with_at(text, before, year_words[i]))
			return true;
	return false;
}

static bool is_digit_before(const char *text, size_t off)
{
	return off > 0 && thai_digit_at(text + prev_cp(text, off), NULL) >= 0;
}

/* The day or year of a date (`30 ก.ย. 67`, `30/09/2567`); month_end is where the last
 * month name ended. */
static bool is_date_number(const char *text, const num_scan *ns, size_t month_end)
{
	size_t n;
	bool plain = !ns->grouped && !ns->decimals;
	if (plain && (ns->int_digits == 2 || ns->int_digits == 4) &&
	    skip_space_back(text, ns->off) == month_end)
		return true;
	if (plain && ns->int_digits <= 2 &&
	    month_in_text(text, skip_space(text, ns->end), &n))
		return true;
	if (text[ns->end] == '/' && thai_digit_at(text + ns->end + 1, NULL) >= 0)
		return true;
	return ns->off > 0 && text[ns->off - 1] == '/' && is_digit_before(text, ns->off - 1);
}

/* Digits glued to a Latin word (`ISO9001`, `COVID-19`) are part of its name. */
static bool is_in_latin_word(const char *text, size_t off)
{
	if (off > 0 && text[off - 1] == '-')
		off--;
	return off > 0 && is_ascii_letter(text[off - 1]);
}

/* The first number of the text that states the quantity: 1 found, 0 none, -1 error. */
static int find_target_number(const char *text, num_scan *ns, thai_error *err)
{
	size_t month_end = (size_t)-1, n;
	for (size_t p = 0; text[p];) {
		if (month_in_text(text, p, &n)) {
			p += n;
			month_end = p;
		} else if (thai_digit_at(text + p, NULL) < 0) {
			p += cp_len(text + p);
		} else if (is_in_latin_word(text, p)) {
			p += read_digits(text + p).len;
		} else if (!scan_number(text, p, ns, err)) {
			return -1;
		} else if (is_item_number(text, ns) || is_year_number(text, ns) ||
		    is_date_number(text, ns, month_end)) {
			p = ns->end;
		} else {
			return 1;
		}
	}
	return 0;
}

/* `ร้อยละ` and a comparator, in either order, right before the number. */
static void read_words_before(const char *text, size_t off, thai_target *out)
{
	size_t k = off;
	for (int round = 0; round < 2; round++) {
		k = skip_space_back(text, k);
		size_t n;
		if (!out->percent && ends_with_at(text, k, percent_word)) {
			out->percent = true;
			out->unit_len = strlen(percent_word);
			out->unit_off = k - out->unit_len;
			k = out->unit_off;
		} else if (out->cmp == THAI_CMP_EQ &&
		    (n = comparator_before(text, k, &out->cmp)) > 0) {
			k -= n;
		} else {
			break;
		}
	}
}

/* Bytes of the word after a number: up to a blank, a digit or punctuation that closes
 * a phrase, without a sentence's final dot. */
static size_t unit_token_len(const char *s)
{
	size_t p = 0;
	while (s[p] && !space_len(s + p) && thai_digit_at(s + p, NULL) < 0 &&
	    !strchr(",;:()[]{}\"'", s[p]) && !starts_with(s + p, "\xE2\x80\x9C") &&
	    !starts_with(s + p, "\xE2\x80\x9D"))
		p += cp_len(s + p);
	while (p > 0 && s[p - 1] == '.')
		p--;
	return p;
}

/* Length of a comparator word that ends s[0..len) (`หน่วยขึ้นไป`), or 0. */
static size_t trailing_comparator(const char *s, size_t len)
{
	for (size_t i = 0; i < COUNT_OF(cmp_after); i++)
		if (strlen(cmp_after[i].text) < len && ends_with_at(s, len, cmp_after[i].text))
			return strlen(cmp_after[i].text);
	return 0;
}

/* The unit after the number: a slashed token whole (`เรื่อง/ด้าน` names alternatives),
 * else the longest known unit it starts with, else the whole token. */
static size_t read_unit(const char *text, size_t p, thai_target *out)
{
	thai_comparator unused;
	size_t len = unit_token_len(text + p);
	if (!len || comparator_after(text + p, &unused))
		return p;
	bool slashed = memchr(text + p, '/', len) != NULL;
	const struct unit *u = slashed ? NULL : unit_prefix(text + p, len);
	len = u ? strlen(u->thai) : len - trailing_comparator(text + p, len);
	out->unit_off = p;
	out->unit_len = len;
	out->percent = u && strcmp(u->english, "percent") == 0;
	return p + len;
}

static void read_words_after(const char *text, size_t end, thai_target *out)
{
	size_t p = skip_space(text, end);
	thai_comparator cmp;
	if (!out->percent)
		p = skip_space(text, read_unit(text, p, out));
	if (comparator_after(text + p, &cmp) && out->cmp == THAI_CMP_EQ)
		out->cmp = cmp;
}

bool thai_parse_target(const char *text, thai_target *out, thai_error *err)
{
	text = text ? text : "";
	memset(out, 0, sizeof *out);
	out->cmp = THAI_CMP_EQ;
	num_scan ns;
	int found = find_target_number(text, &ns, err);
	if (found <= 0)
		return found == 0;
	out->numeric = true;
	out->value = scan_value(&ns, 1);
	out->number_off = ns.off;
	out->number_len = ns.end - ns.off;
	read_words_before(text, ns.off, out);
	read_words_after(text, ns.end, out);
	return true;
}

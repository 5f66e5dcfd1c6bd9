/*
 * read.c — progress files into progress_rounds: the names of fields, keys and statuses,
 * the builder both syntaxes feed, the round's own checks, and finding the progress files
 * that sit beside a plan.
 */
#include "progress/read_internal.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/text.h"

/* ---- names ------------------------------------------------------------------------- */

typedef struct name_row {
	int code;
	const char *thai, *english;
	const char *aliases[4]; /* more Thai spellings officials use */
} name_row;

static const name_row field_names[] = {
	{PF_ID, "รหัส", "id", {NULL}},
	{PF_TITLE, "รายการ", "title", {NULL}},
	{PF_STATUS, "สถานะ", "status", {"สถานะการดำเนินการ", NULL}},
	{PF_ACHIEVED, "ผลที่ได้", "achieved", {"ผลตามตัวชี้วัด", NULL}},
	{PF_DISBURSED, "งบประมาณที่เบิกจ่าย", "disbursed", {"เบิกจ่าย", "ผลการเบิกจ่าย", NULL}},
	{PF_NARRATIVE, "ผลการดำเนินการ", "narrative", {NULL}},
	{PF_PROBLEMS, "ปัญหาอุปสรรค", "problems", {"ปัญหา/อุปสรรค", "ปัญหาและอุปสรรค", NULL}},
	{PF_NOTE, "หมายเหตุ", "note", {NULL}},
};

static const name_row key_names[] = {
	{PK_FISCAL_YEAR, "ปีงบประมาณ", "fiscal_year", {NULL}},
	{PK_ROUND, "รอบ", "round", {"รอบการรายงาน", NULL}},
	{PK_PERIOD, "ช่วงเวลา", "period", {"ระยะเวลา", NULL}},
	{PK_OUTCOME, "ผลลัพธ์", "outcome", {NULL}},
};

static const name_row status_names[] = {
	{PS_DONE, "เสร็จสิ้น", "done",
	    {"ดำเนินการเสร็จสิ้น", "ดำเนินการแล้วเสร็จ", "แล้วเสร็จ", "completed"}},
	{PS_IN_PROGRESS, "อยู่ระหว่างดำเนินการ", "in progress",
	    {"อยู่ระหว่างการดำเนินการ", "ระหว่างดำเนินการ", "ongoing", NULL}},
	{PS_NOT_STARTED, "ยังไม่ดำเนินการ", "not started", {"ยังไม่ได้ดำเนินการ", NULL}},
	{PS_CANCELLED, "ยกเลิก", "cancelled", {"canceled", NULL}},
};

/* Text compared as a name: no white space, and for Latin letters no case, with `_` and
 * `-` read as the space they stand for in `in_progress`, `not-started`. */
void progress_name_key(const char *s, char *out, size_t outsz)
{
	size_t n = 0;
	for (; *s && n + 1 < outsz; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\t' || c == '\n' || c == '_' || c == '-')
			continue;
		if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
			s++;
			continue;
		}
		out[n++] = (char)(c < 0x80 ? tolower(c) : c);
	}
	out[n] = '\0';
}

static int lookup(const name_row *rows, size_t n, const char *name)
{
	char want[256], have[256];
	progress_name_key(name, want, sizeof want);
	if (!*want)
		return 0;
	for (size_t i = 0; i < n; i++) {
		const char *cands[6] = {rows[i].thai, rows[i].english, rows[i].aliases[0],
			rows[i].aliases[1], rows[i].aliases[2], rows[i].aliases[3]};
		for (size_t k = 0; k < 6; k++) {
			if (!cands[k])
				continue;
			progress_name_key(cands[k], have, sizeof have);
			if (!strcmp(want, have))
				return rows[i].code;
		}
	}
	return 0;
}

#define COUNT(a) (sizeof(a) / sizeof *(a))

progress_field progress_field_lookup(const char *name)
{
	return (progress_field)lookup(field_names, COUNT(field_names), name);
}

progress_key progress_key_lookup(const char *name)
{
	return (progress_key)lookup(key_names, COUNT(key_names), name);
}

bool progress_status_parse(const char *text, progress_status *out)
{
	int s = lookup(status_names, COUNT(status_names), text);
	if (s)
		*out = (progress_status)s;
	return s != 0;
}

static const name_row *row_of(const name_row *rows, size_t n, int code)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].code == code)
			return &rows[i];
	return NULL;
}

const char *progress_field_name(progress_field f)
{
	const name_row *r = row_of(field_names, COUNT(field_names), f);
	return r ? r->thai : "";
}

const char *progress_field_english(progress_field f)
{
	const name_row *r = row_of(field_names, COUNT(field_names), f);
	return r ? r->english : "";
}

const char *progress_key_name(progress_key k)
{
	const name_row *r = row_of(key_names, COUNT(key_names), k);
	return r ? r->thai : "";
}

const char *progress_key_english(progress_key k)
{
	const name_row *r = row_of(key_names, COUNT(key_names), k);
	return r ? r->english : "";
}

const char *progress_status_code(progress_status s)
{
	static const char *const codes[PS__COUNT] = {"not_stated", "done", "in_progress",
		"not_started", "cancelled", "not_reported"};
	return codes[s];
}

const char *progress_status_thai(progress_status s)
{
	static const char *const names[PS__COUNT] = {"ไม่ระบุสถานะ", "เสร็จสิ้น",
		"อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ", "ยกเลิก", "ไม่ได้รายงาน"};
	return names[s];
}

const char *progress_key_list(void)
{
	return "ปีงบประมาณ (fiscal_year), รอบ (round), ช่วงเวลา (period), ผลลัพธ์ (outcome)";
}

const char *progress_field_list(void)
{
	return "รหัส (id), รายการ (title), สถานะ (status), ผลที่ได้ (achieved), "
	       "งบประมาณที่เบิกจ่าย (disbursed), ผลการดำเนินการ (narrative), "
	       "ปัญหาอุปสรรค (problems), หมายเหตุ (note)";
}

/* ---- the builder --------------------------------------------------------------------- */

/* An arena copy of s[0..len) without surrounding white space, or NULL when blank. */
static char *trimmed(arena *a, const char *s, size_t len)
{
	if (!s)
		return NULL;
	size_t st, n;
	text_trim_span(s, len, &st, &n);
	return n ? arena_strndup(a, s + st, n) : NULL;
}

/* `๖`, `6`, `๖ เดือน`, `รอบ ๖ เดือน`, `6 months`: the number of months. */
static bool parse_months(const char *text, int *months, char *why, size_t whysz)
{
	const char *s = text;
	if (text_starts_with(s, "รอบ"))
		s += strlen("รอบ");
	char num[64];
	size_t st, n;
	text_trim_span(s, strlen(s), &st, &n);
	snprintf(num, sizeof num, "%.*s", (int)n, s + st);
	static const char *const units[] = {"เดือน", "months", "month"};
	for (size_t i = 0; i < COUNT(units); i++) {
		size_t ul = strlen(units[i]), nl = strlen(num);
		if (nl > ul && !strcasecmp(num + nl - ul, units[i])) {
			num[nl - ul] = '\0';
			break;
		}
	}
	text_trim_span(num, strlen(num), &st, &n);
	char digits[64];
	snprintf(digits, sizeof digits, "%.*s", (int)n, num + st);
	thai_number v;
	thai_error err;
	if (!thai_parse_number(digits, &v, &err) || (v.value != 6 && v.value != 12)) {
		snprintf(why, whysz, "\"%s\" is not a round: expected 6 or 12 months (๖ เดือน, ๑๒ เดือน)",
		    text);
		return false;
	}
	*months = (int)v.value;
	return true;
}

void pb_key(progress_builder *b, progress_key k, const char *value, int line)
{
	progress_round *r = b->r;
	if (b->key_line[k]) {
		diag_report(b->d, r->path, line, 0, DIAG_PROGRESS_KEY_TWICE, progress_key_name(k),
		    b->key_line[k]);
		return;
	}
	b->key_line[k] = line;
	char *v = value ? trimmed(&r->mem, value, strlen(value)) : NULL;
	if (!v) {
		diag_report(b->d, r->path, line, 0, DIAG_PROGRESS_BAD_VALUE, progress_key_name(k),
		    "no value given");
		return;
	}
	b->key_text[k] = v;
	char why[512];
	thai_error err = {0};
	switch (k) {
	case PK_FISCAL_YEAR: {
		const char *y = text_starts_with(v, "ปีงบประมาณ") ? v + strlen("ปีงบประมาณ") : v;
		if (!thai_parse_year(y, &r->fiscal_year_be, &err)) {
			r->fiscal_year_be = 0;
			diag_report(b->d, r->path, line, 0, DIAG_PROGRESS_BAD_VALUE, "ปีงบประมาณ",
			    err.message);
		}
		r->fiscal_year_line = line;
		break;
	}
	case PK_ROUND:
		if (!parse_months(v, &r->months, why, sizeof why))
			diag_report(b->d, r->path, line, 0, DIAG_PROGRESS_BAD_VALUE, "รอบ", why);
		r->months_line = line;
		break;
	case PK_PERIOD:
		r->period_source = v; /* parsed once the fiscal year is known */
		r->period_line = line;
		break;
	case PK_OUTCOME:
		r->outcome = v;
		r->outcome_line = line;
		r->outcome_rich = rich_from_markdown(&r->mem, v, line);
		break;
	case PK_NONE:
	case PK__COUNT: break;
	}
}

progress_row *pb_row_begin(progress_builder *b, int line)
{
	progress_row *row = arena_alloc(&b->r->mem, sizeof *row);
	row->line = line;
	return row;
}

void pb_cell(progress_builder *b, progress_row *row, progress_field f, const char *value,
    size_t len, int line)
{
	if (f == PF_NONE || f >= PF__COUNT)
		return;
	char *v = trimmed(&b->r->mem, value, len);
	if (!v)
		return;
	if (len > 64 * 1024) { /* one PDF text layout: pango loses text in one of ~600 KB */
		diag_report(b->d, b->r->path, line, 0, DIAG_TEXT_TOO_LONG, "a cell", (int)(len / 1024), 64);
		return;
	}
	if (f == PF_ID) {
		/* ids are written with Arabic digits in the plan; a sheet may say ๑.๒ */
		size_t need = thai_digits_to_arabic(v, NULL, 0);
		char *arabic = arena_alloc(&b->r->mem, need + 1);
		thai_digits_to_arabic(v, arabic, need + 1);
		v = arabic;
	}
	row->cell[f] = v;
	row->cell_line[f] = line;
}

void pb_row_end(progress_builder *b, progress_row *row)
{
	progress_round *r = b->r;
	row->id = row->cell[PF_ID];
	if (!row->id) {
		diag_report(b->d, r->path, row->line, 0, DIAG_PROGRESS_NO_ID);
		return;
	}
	for (size_t i = 0; i < r->rows.n; i++) {
		const progress_row *o = r->rows.v[i];
		if (!strcmp(o->id, row->id)) {
			diag_report(b->d, r->path, row->line, 0, DIAG_PROGRESS_ID_TWICE, row->id, o->line);
			return;
		}
	}
	if (row->cell[PF_STATUS] && !progress_status_parse(row->cell[PF_STATUS], &row->status))
		diag_report(b->d, r->path, row->cell_line[PF_STATUS], 0, DIAG_PROGRESS_STATUS,
		    row->cell[PF_STATUS]);
	if (row->cell[PF_DISBURSED]) {
		thai_error err = {0};
		if (thai_parse_budget(row->cell[PF_DISBURSED], &row->disbursed, &err))
			row->has_disbursed = true;
		else
			diag_report(b->d, r->path, row->cell_line[PF_DISBURSED], 0,
			    DIAG_PROGRESS_DISBURSED, err.message);
	}
	static const progress_field markdown[] = {PF_NARRATIVE, PF_PROBLEMS, PF_NOTE};
	for (size_t i = 0; i < COUNT(markdown); i++) {
		progress_field f = markdown[i];
		if (row->cell[f])
			row->rich[f] = rich_from_markdown(&r->mem, row->cell[f], row->cell_line[f]);
	}
	ptr_vec_push(&r->mem, &r->rows, row);
}

/* ---- the round as a whole ------------------------------------------------------------ */

/* The months a file's name gives: progress-6.csv → 6; 0 when the name is not one. */
static int months_of_name(const char *path, bool *json)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	static const struct {
		const char *name;
		int months;
		bool json;
	} names[] = {{"progress-6.csv", 6, false}, {"progress-12.csv", 12, false},
		{"progress-6.json", 6, true}, {"progress-12.json", 12, true}};
	for (size_t i = 0; i < COUNT(names); i++)
		if (!strcmp(base, names[i].name)) {
			*json = names[i].json;
			return names[i].months;
		}
	return 0;
}

static void default_period(progress_round *r)
{
	int fy = r->fiscal_year_be;
	r->period = (thai_period){THAI_PERIOD_RANGE, {fy - 1, 10, 1},
		{fy, r->months == 6 ? 3 : 9, r->months == 6 ? 31 : 30}, false, false};
}

static long date_order(thai_date d, bool end)
{
	return (long)d.year_be * 400 + d.month * 32 + (d.day ? d.day : end ? 31 : 1);
}

static void finish(progress_builder *b)
{
	progress_round *r = b->r;
	static const progress_key required[] = {PK_FISCAL_YEAR, PK_ROUND};
	for (size_t i = 0; i < COUNT(required) && !b->unparsed; i++)
		if (!b->key_line[required[i]])
			diag_report(b->d, r->path, 1, 0, DIAG_PROGRESS_KEY_MISSING,
			    progress_key_name(required[i]), progress_key_english(required[i]));
	if (r->months && r->file_months && r->months != r->file_months) {
		char why[256];
		snprintf(why, sizeof why, "%d months, but the file name says the %d-month round",
		    r->months, r->file_months);
		diag_report(b->d, r->path, r->months_line, 0, DIAG_PROGRESS_BAD_VALUE, "รอบ", why);
	}
	if (!r->months)
		r->months = r->file_months;
	if (!r->fiscal_year_be || !r->months)
		return;
	default_period(r);
	if (!r->period_source)
		return;
	thai_period pd;
	thai_error err = {0};
	char why[512];
	if (!thai_parse_period(r->period_source, r->fiscal_year_be, &pd, &err)) {
		diag_report(b->d, r->path, r->period_line, 0, DIAG_PROGRESS_BAD_VALUE, "ช่วงเวลา",
		    err.message);
		return;
	}
	thai_date fy_start = {r->fiscal_year_be - 1, 10, 1}, fy_end = {r->fiscal_year_be, 9, 30};
	if (pd.kind != THAI_PERIOD_RANGE) {
		snprintf(why, sizeof why, "\"%s\" names no dates: expected a range such as "
		    "1 ต.ค. 66 – 31 มี.ค. 67", r->period_source);
		diag_report(b->d, r->path, r->period_line, 0, DIAG_PROGRESS_BAD_VALUE, "ช่วงเวลา", why);
		return;
	}
	if (date_order(pd.start, false) < date_order(fy_start, false) ||
	    date_order(pd.end, true) > date_order(fy_end, true)) {
		snprintf(why, sizeof why, "\"%s\" is not inside fiscal year %d (1 ต.ค. %d – 30 ก.ย. %d)",
		    r->period_source, r->fiscal_year_be, r->fiscal_year_be - 1, r->fiscal_year_be);
		diag_report(b->d, r->path, r->period_line, 0, DIAG_PROGRESS_BAD_VALUE, "ช่วงเวลา", why);
		return;
	}
	r->period = pd;
}

progress_round *progress_read_memory(const char *path, const char *data, size_t len,
    diag_sink *d)
{
	bool json = false;
	int months = months_of_name(path, &json);
	const char *base = strrchr(path, '/');
	if (!months) {
		diag_report(d, path, 0, 0, DIAG_PROGRESS_NAME, base ? base + 1 : path);
		return NULL;
	}
	progress_round *r = calloc(1, sizeof *r);
	if (!r)
		abort();
	r->path = arena_strdup(&r->mem, path);
	r->file_months = months;
	source_text src;
	/* the caller's path, not r->path: r is freed here on failure, and the diagnostic
	 * is printed later */
	if (!source_from_memory(path, data, len, &src, d)) {
		progress_round_free(r);
		return NULL;
	}
	progress_builder b = {.r = r, .d = d};
	if (json)
		progress_read_json(&b, &src);
	else
		progress_read_csv(&b, &src);
	finish(&b);
	source_free(&src);
	return r;
}

progress_round *progress_read(const char *path, diag_sink *d)
{
	/* a symbolic link is never followed: it could bring in any file of the machine */
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
	if (!f) {
		diag_report(d, path, 0, 0, DIAG_IO_READ,
		    errno == ELOOP ? "a symbolic link (links are not followed)" : strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	buf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= SOURCE_MAX_BYTES)
		buf_put(&b, chunk, n);
	bool failed = ferror(f);
	fclose(f);
	progress_round *r = NULL;
	if (failed)
		diag_report(d, path, 0, 0, DIAG_IO_READ, "read error");
	else
		r = progress_read_memory(path, b.data ? b.data : "", b.len, d);
	buf_free(&b);
	return r;
}

void progress_round_free(progress_round *r)
{
	if (!r)
		return;
	arena_free(&r->mem);
	free(r);
}

/* ---- the progress files of a plan ------------------------------------------------------ */

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_progress_name(const char *name)
{
	size_t n = strlen(name);
	return text_starts_with(name, "progress") &&
	       ((n > 4 && !strcmp(name + n - 4, ".csv")) || (n > 5 && !strcmp(name + n - 5, ".json")));
}

/* progress* files in dir, sorted; caller frees each and the array. */
static char **progress_files(const char *dir, size_t *count)
{
	*count = 0;
	DIR *dh = opendir(dir);
	if (!dh)
		return NULL;
	char **v = NULL;
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(dh))) {
		if (!is_progress_name(e->d_name))
			continue;
		if (*count == cap) {
			cap = cap ? 2 * cap : 4;
			v = realloc(v, cap * sizeof *v);
			if (!v)
				abort();
		}
		if (asprintf(&v[(*count)++], "%s/%s", dir, e->d_name) < 0)
			abort();
	}
	closedir(dh);
	if (*count)
		qsort(v, *count, sizeof *v, str_cmp);
	return v;
}

progress_set *progress_read_for_plan(const plan *p, diag_sink *d, size_t *order)
{
	progress_set *s = calloc(1, sizeof *s);
	if (!s)
		abort();
	const char *slash = strrchr(p->path, '/');
	char *dir = slash ? strndup(p->path, (size_t)(slash - p->path)) : strdup(".");
	if (!dir)
		abort();
	/* the set keeps the names: diagnostics about a file that could not be read point
	 * at them until they are printed */
	s->paths = progress_files(dir, &s->npaths);
	free(dir);
	s->rounds = calloc(s->npaths ? s->npaths : 1, sizeof *s->rounds);
	s->reports = calloc(s->npaths ? s->npaths : 1, sizeof *s->reports);
	if (!s->rounds || !s->reports)
		abort();
	for (size_t i = 0; i < s->npaths; i++) {
		size_t errors = diag_count(d, DIAG_ERROR);
		d->file_order = (*order)++;
		progress_round *r = progress_read(s->paths[i], d);
		if (!r)
			continue;
		for (size_t k = 0; k < s->n; k++)
			if (s->rounds[k]->file_months == r->file_months) {
				const char *first = strrchr(s->rounds[k]->path, '/');
				diag_report(d, r->path, 0, 0, DIAG_PROGRESS_ROUND_TWICE, r->file_months,
				    first ? first + 1 : s->rounds[k]->path);
			}
		progress_report *rep = progress_join(p, r, d);
		s->rounds[s->n] = r;
		s->reports[s->n++] = diag_count(d, DIAG_ERROR) == errors ? rep : NULL;
	}
	/* rounds in the order of the year: 6 months before 12 (names sort 12 first) */
	for (size_t i = 1; i < s->n; i++)
		for (size_t k = i; k > 0 && s->rounds[k - 1]->file_months > s->rounds[k]->file_months;
		     k--) {
			progress_round *r = s->rounds[k];
			progress_report *rep = s->reports[k];
			s->rounds[k] = s->rounds[k - 1];
			s->reports[k] = s->reports[k - 1];
			s->rounds[k - 1] = r;
			s->reports[k - 1] = rep;
		}
	return s;
}

void progress_set_free(progress_set *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		progress_round_free(s->rounds[i]);
	for (size_t i = 0; i < s->npaths; i++)
		free(s->paths[i]);
	free(s->paths);
	free(s->rounds);
	free(s->reports);
	free(s);
}

/*
 * progress.h — progress rounds (รอบ ๖ เดือน, รอบ ๑๒ เดือน): what an agency reports against
 * its plan, read from progress-<months>.csv or .json beside plan.md, and joined to the plan
 * into per-indicator assessments and roll-ups (README.md "Progress rounds").
 *
 * Three stages, each in its own file: the readers (read.c with read_csv.c and
 * read_json.c) turn a file into a progress_round of rows without looking at the plan;
 * join.c resolves the rows' ids against the plan, parses achieved values in each
 * indicator's own unit, and computes the roll-ups; the back ends (report.h) only read
 * the joined progress_report. Everything of a round lives in its arena.
 */
#ifndef PRONGSAI_PROGRESS_H
#define PRONGSAI_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "read/source.h"

/* ---- the file: rows as written ------------------------------------------------------ */

/* What a row may state. The CSV header and the JSON keys use the same names. */
typedef enum progress_field {
	PF_NONE,
	PF_ID,         /* รหัส / id: an item id or an indicator id of the plan */
	PF_TITLE,      /* รายการ / title: for the people filling the sheet in; not read */
	PF_STATUS,     /* สถานะ / status */
	PF_ACHIEVED,   /* ผลที่ได้ / achieved: an indicator's value in its own unit */
	PF_DISBURSED,  /* งบประมาณที่เบิกจ่าย / disbursed: baht */
	PF_NARRATIVE,  /* ผลการดำเนินการ / narrative: Markdown */
	PF_PROBLEMS,   /* ปัญหาอุปสรรค / problems: Markdown */
	PF_NOTE,       /* หมายเหตุ / note: Markdown */
	PF__COUNT
} progress_field;

/* The round's own facts: CSV rows `key,value` above the table, JSON top-level keys. */
typedef enum progress_key {
	PK_NONE,
	PK_FISCAL_YEAR, /* ปีงบประมาณ / fiscal_year */
	PK_ROUND,       /* รอบ / round: 6 or 12 (months) */
	PK_PERIOD,      /* ช่วงเวลา / period: the dates the round covers */
	PK_OUTCOME,     /* ผลลัพธ์ / outcome: Markdown about the whole round */
	PK__COUNT
} progress_key;

typedef enum progress_status {
	PS_NOT_STATED,  /* the row gives no status */
	PS_DONE,        /* เสร็จสิ้น */
	PS_IN_PROGRESS, /* อยู่ระหว่างดำเนินการ */
	PS_NOT_STARTED, /* ยังไม่ดำเนินการ */
	PS_CANCELLED,   /* ยกเลิก */
	PS_NOT_REPORTED, /* no row for the item or any item above it (join only) */
	PS__COUNT
} progress_status;

/* One row: an item's report or an indicator's result; which one is known only once the
 * id is looked up in the plan (ids of items and indicators share one namespace). */
typedef struct progress_row {
	const char *id;
	int line;
	const char *cell[PF__COUNT];  /* trimmed text, NULL when empty */
	int cell_line[PF__COUNT];     /* the line each cell starts on */
	progress_status status;       /* parsed (PS_NOT_STATED when empty) */
	bool has_disbursed;
	thai_budget disbursed;        /* parsed when has_disbursed */
	rich_text *rich[PF__COUNT];   /* narrative, problems, note as rich text */
} progress_row;

typedef struct progress_round {
	const char *path;
	arena mem;
	int file_months;              /* from the file name progress-<months> */
	int fiscal_year_be, fiscal_year_line;
	int months, months_line;      /* 6 or 12 */
	const char *period_source;    /* as written, or NULL: the default range */
	int period_line;
	thai_period period;           /* the dates the round covers */
	const char *outcome;
	rich_text *outcome_rich;
	int outcome_line;
	ptr_vec rows;                 /* progress_row *, in file order */
} progress_round;

/* The field and key names (Thai, or English case-insensitively). */
progress_field progress_field_lookup(const char *name);
progress_key progress_key_lookup(const char *name);
const char *progress_field_name(progress_field f); /* Thai */
const char *progress_field_english(progress_field f);
const char *progress_key_name(progress_key k);
const char *progress_key_english(progress_key k);
/* The status of a text: เสร็จสิ้น, done, …; false when it is none of them. */
bool progress_status_parse(const char *text, progress_status *out);
const char *progress_status_code(progress_status s);  /* "done", "not_reported", … */
const char *progress_status_thai(progress_status s);  /* "เสร็จสิ้น", … */

/* Reads progress-<months>.csv or .json (the extension decides). Returns NULL only when
 * the file cannot be read at all; problems are reported into d, every one of them.
 * Caller frees with progress_round_free. */
progress_round *progress_read(const char *path, diag_sink *d);
/* The same on text in memory; path names it in messages and gives the round. */
progress_round *progress_read_memory(const char *path, const char *data, size_t len,
    diag_sink *d);
void progress_round_free(progress_round *r);

/* ---- joined to the plan -------------------------------------------------------------- */

typedef enum progress_assessment {
	PA_NOT_REPORTED, /* no value given */
	PA_MET,          /* บรรลุ */
	PA_PARTLY,       /* บรรลุบางส่วน: a numeric target reached in part */
	PA_NOT_MET,      /* ไม่บรรลุ */
	PA_NOT_ASSESSED, /* a number for an indicator without a target */
	PA__COUNT
} progress_assessment;

const char *progress_assessment_code(progress_assessment a); /* "met", … */
const char *progress_assessment_thai(progress_assessment a); /* "บรรลุ", … */

typedef struct indicator_result {
	const indicator *ind;
	const progress_row *row;      /* its row, or NULL */
	bool has_value;
	bool numeric;                 /* value holds a number; else yes says met or not */
	double value;
	int yes;                      /* qualitative answer: 1 yes, 0 no, -1 partly */
	progress_assessment assessment;
	bool has_percent;
	double percent;               /* of the target, rounded to 2 decimals */
	bool over_achieved;           /* beyond a ≥ / = / > target */
} indicator_result;

/* A sum of baht that may be unknown (no figure anywhere). */
typedef struct progress_money {
	bool known;
	double baht;
} progress_money;

typedef struct progress_rollup {
	size_t activities;                  /* items of the deepest level */
	size_t by_status[PS__COUNT];        /* activities by their status */
	size_t indicators;
	size_t by_assessment[PA__COUNT];
	size_t over_achieved;
	progress_money planned, disbursed;
	bool has_budget_percent;
	double budget_percent;              /* disbursed of planned, 2 decimals */
	bool has_met_percent;
	double met_percent;                 /* indicators met of all, 2 decimals */
} progress_rollup;

typedef struct item_progress {
	const item *it;
	const progress_row *own;            /* the item's own row, or NULL */
	const struct item_progress *from;   /* the row its status comes from: own or above */
	bool reported;                      /* own row, a row above, or a result of its own */
	progress_status status;             /* own, else inherited; PS_NOT_REPORTED */
	indicator_result *results;          /* one per indicator, in plan order */
	size_t nresults;
	progress_money planned, disbursed;  /* own figure, else the sum of the items below */
	bool has_budget_percent;
	double budget_percent;
	progress_rollup rollup;             /* of the item and everything under it */
} item_progress;

typedef struct progress_report {
	const plan *p;
	const progress_round *r;
	item_progress *items;               /* parallel to p->all_items */
	progress_rollup total;
	ptr_vec not_reported;               /* item_progress * of unreported activities */
} progress_report;

/* Resolves every row against p and computes everything; reports unknown ids, misplaced
 * fields, values that do not fit their indicator and a fiscal year other than the
 * plan's. The report lives in r's arena. Returns NULL when any error was reported. */
progress_report *progress_join(const plan *p, progress_round *r, diag_sink *d);

/* The item_progress of an item of the report's plan. */
const item_progress *progress_of(const progress_report *rep, const item *it);

/* Rounds a percentage to two decimals, halves away from zero: every percent in the
 * outputs goes through it, so JSON, CSV and PDF give the same figure. */
double progress_round2(double v);

/* ---- every round of one plan --------------------------------------------------------- */

typedef struct progress_set {
	progress_round **rounds;            /* the rounds that could be read, by months */
	progress_report **reports;          /* parallel; NULL for a round with errors */
	size_t n;
	char **paths;                       /* every progress file found (owned) */
	size_t npaths;
} progress_set;

/* Finds progress-*.csv / .json beside the plan's plan.md, reads and joins each. Every
 * file's diagnostics get their own file order, counted on from *order. Caller frees. */
progress_set *progress_read_for_plan(const plan *p, diag_sink *d, size_t *order);
void progress_set_free(progress_set *s);

#endif

/*
 * model.h — the typed model of an action plan: the contract between the readers
 * (read/), the validator and the back ends (out/). Back ends include only this header;
 * they never see Markdown nodes or source text other than the strings kept here.
 *
 * A plan and everything it points to live in the plan's arena (util/arena.h). Every
 * parsed value keeps the source text it came from beside its parsed form, and its line.
 */
#ifndef PRONGSAI_MODEL_H
#define PRONGSAI_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "rich.h"
#include "thai/thai.h"
#include "util/arena.h"

enum { MODEL_MAX_LEVELS = 5 };

typedef enum plan_kind { PLAN_ACTION, PLAN_PROGRESS_REPORT } plan_kind;

/* Field kinds of the field lists. model_field_lookup accepts the Thai names and their
 * English aliases (case-insensitive). */
typedef enum model_field {
	FIELD_NONE,
	FIELD_INDICATOR,
	FIELD_TARGET,
	FIELD_UNIT,
	FIELD_BUDGET,
	FIELD_BUDGET_SOURCE,
	FIELD_PERIOD,
	FIELD_RESPONSIBLE,
	FIELD_OBJECTIVE,
	FIELD_GOAL,
	FIELD_METHOD,
	FIELD_OUTPUT,
	FIELD_OUTCOME,
	FIELD_NOTE,
	FIELD_ID,
	FIELD__COUNT
} model_field;

typedef struct target {
	const char *source;   /* as written: `ร้อยละ ๘๐` */
	int line;
	bool from_indicator;  /* no ค่าเป้าหมาย given: read out of the indicator text */
	thai_target parsed;
	const char *unit;     /* the unit word (หน่วยนับ overrides), or NULL */
} target;

typedef struct indicator {
	const char *id;       /* `<item id>#<n>`, or its รหัส */
	const char *text;
	int line;
	target *target;       /* NULL: no target stated and none in the text */
	const char *unit_override;
	int unit_line;
} indicator;

typedef struct budget_part {
	const char *source;
	int line;
	thai_budget parsed;
	const char *footnote, *qualifier; /* copies of the marked spans, or NULL */
} budget_part;

typedef struct period {
	const char *source;
	int line;
	thai_period parsed;
} period;

typedef struct item {
	const char *id;
	bool id_explicit;
	int id_line;
	int level;                /* 0 = outermost */
	const char *number;       /* as written in the heading (`๑.๒`), or NULL */
	const char *title;        /* heading without level word and number */
	const char *heading;      /* the heading text as written, without {#id} */
	int line;
	struct item *parent;
	ptr_vec children;         /* item * */
	const char *prose;        /* Markdown that is not a field list, or NULL */
	ptr_vec indicators;       /* indicator * */
	ptr_vec budget;           /* budget_part * */
	ptr_vec periods;          /* period * */
	ptr_vec responsible;      /* const char * */
	const char *objective, *goal, *method, *output, *outcome, *note, *budget_source;
	int field_line[FIELD__COUNT]; /* first line of each field kind, 0 = absent */
	/* the Markdown of prose and of the Markdown fields, parsed (NULL when absent) */
	rich_text *prose_rich;
	rich_text *field_rich[FIELD__COUNT];
} item;

typedef struct chapter {
	const char *title;
	int depth, line;
	const char *markdown;
	rich_text *rich;
	size_t items_before;      /* top-level items that come before it in the document */
} chapter;

typedef struct plan {
	const char *path;
	arena mem;
	const char *agency, *agency_en, *agency_id, *title, *source, *layout;
	const char *fiscal_year_source;
	int fiscal_year_be;
	int fiscal_year_line;
	const char *kind_source;
	plan_kind kind;
	const char *level_names[MODEL_MAX_LEVELS];
	int nlevels, level_depth;
	const char *period_source;
	thai_period period;       /* the fiscal year unless `period` says otherwise */
	ptr_vec items;            /* top-level item * */
	ptr_vec all_items;        /* every item, in document order */
	ptr_vec chapters;         /* chapter * */
} plan;

model_field model_field_lookup(const char *name, size_t len);
const char *model_field_name(model_field f);     /* Thai name */
const char *model_field_english(model_field f);  /* English alias */
/* "ตัวชี้วัด, ค่าเป้าหมาย, …" for messages */
const char *model_field_list(void);

plan *plan_new(const char *path);
void plan_free(plan *p);

/* Sum of the item's budget parts given in baht; *known false when none is a figure. */
double item_budget_baht(const item *it, bool *known);
/* The budget kind that describes the item as a whole. */
thai_budget_kind item_budget_kind(const item *it);

#endif

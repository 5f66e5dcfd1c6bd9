#include "model.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	model_field field;
	const char *name; /* first spelling is the canonical Thai name */
} field_names[] = {
	{FIELD_INDICATOR, "ตัวชี้วัด"},
	{FIELD_TARGET, "ค่าเป้าหมาย"},
	{FIELD_UNIT, "หน่วยนับ"},
	{FIELD_BUDGET, "งบประมาณ"},
	{FIELD_BUDGET_SOURCE, "แหล่งงบประมาณ"},
	{FIELD_PERIOD, "ระยะเวลา"},
	{FIELD_RESPONSIBLE, "ผู้รับผิดชอบ"},
	{FIELD_OBJECTIVE, "วัตถุประสงค์"},
	{FIELD_GOAL, "เป้าหมาย"},
	{FIELD_METHOD, "วิธีการ"},
	{FIELD_OUTPUT, "ผลผลิต"},
	{FIELD_OUTCOME, "ผลลัพธ์"},
	{FIELD_NOTE, "หมายเหตุ"},
	{FIELD_ID, "รหัส"},
	/* other spellings officials use */
	{FIELD_BUDGET, "งบประมาณ (บาท)"},
	{FIELD_PERIOD, "ระยะเวลาดำเนินการ"},
	{FIELD_RESPONSIBLE, "หน่วยงานรับผิดชอบ"},
	{FIELD_RESPONSIBLE, "หน่วยงานที่รับผิดชอบ"},
	{FIELD_METHOD, "วิธีดำเนินการ"},
	{FIELD_TARGET, "เป้าหมายตัวชี้วัด"},
};

static const char *const field_english[FIELD__COUNT] = {
	[FIELD_INDICATOR] = "indicator",
	[FIELD_TARGET] = "target",
	[FIELD_UNIT] = "unit",
	[FIELD_BUDGET] = "budget",
	[FIELD_BUDGET_SOURCE] = "budget_source",
	[FIELD_PERIOD] = "period",
	[FIELD_RESPONSIBLE] = "responsible",
	[FIELD_OBJECTIVE] = "objective",
	[FIELD_GOAL] = "goal",
	[FIELD_METHOD] = "method",
	[FIELD_OUTPUT] = "output",
	[FIELD_OUTCOME] = "outcome",
	[FIELD_NOTE] = "note",
	[FIELD_ID] = "id",
};

model_field model_field_lookup(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof field_names / sizeof *field_names; i++)
		if (strlen(field_names[i].name) == len && memcmp(field_names[i].name, name, len) == 0)
			return field_names[i].field;
	for (int f = 1; f < FIELD__COUNT; f++)
		if (strlen(field_english[f]) == len && strncasecmp(field_english[f], name, len) == 0)
			return (model_field)f;
	return FIELD_NONE;
}

const char *model_field_name(model_field f)
{
	for (size_t i = 0; i < sizeof field_names / sizeof *field_names; i++)
		if (field_names[i].field == f)
			return field_names[i].name;
	return "";
}

const char *model_field_english(model_field f)
{
	return f > FIELD_NONE && f < FIELD__COUNT ? field_english[f] : "";
}

const char *model_field_list(void)
{
	return "ตัวชี้วัด, ค่าเป้าหมาย, หน่วยนับ, งบประมาณ, แหล่งงบประมาณ, ระยะเวลา, "
	       "ผู้รับผิดชอบ, วัตถุประสงค์, เป้าหมาย, วิธีการ, ผลผลิต, ผลลัพธ์, หมายเหตุ, รหัส";
}

plan *plan_new(const char *path)
{
	arena mem = {0};
	plan *p = arena_alloc(&mem, sizeof *p);
	p->mem = mem;
	p->path = arena_strdup(&p->mem, path);
	p->level_depth = 2;
	return p;
}

void plan_free(plan *p)
{
	if (!p)
		return;
	/* the plan struct itself lives in its arena: copy the arena out before freeing */
	arena mem = p->mem;
	arena_free(&mem);
}

double item_budget_baht(const item *it, bool *known)
{
	double sum = 0;
	*known = false;
	for (size_t i = 0; i < it->budget.n; i++) {
		const budget_part *b = it->budget.v[i];
		if (b->parsed.kind == THAI_BUDGET_AMOUNT) {
			sum += b->parsed.baht;
			*known = true;
		} else if (b->parsed.kind == THAI_BUDGET_NONE) {
			*known = true;
		}
	}
	return sum;
}

thai_budget_kind item_budget_kind(const item *it)
{
	thai_budget_kind k = THAI_BUDGET_UNSPECIFIED;
	for (size_t i = 0; i < it->budget.n; i++) {
		const budget_part *b = it->budget.v[i];
		if (b->parsed.kind == THAI_BUDGET_AMOUNT)
			return THAI_BUDGET_AMOUNT;
		if (b->parsed.kind == THAI_BUDGET_NONE)
			k = THAI_BUDGET_NONE;
	}
	return k;
}

#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

typedef struct id_seen {
	const char *id;
	int line;
} id_seen;

static int id_cmp(const void *a, const void *b)
{
	const id_seen *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static bool id_chars_ok(const char *id)
{
	if (!*id)
		return false;
	for (const char *s = id; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
			(*s >= '0' && *s <= '9') || *s == '.' || *s == '_' || *s == '-' || *s == '#'))
			return false;
	return true;
}

/* Ids of items and of indicators share one namespace: progress rows name either. */
static void check_ids(const plan *p, diag_sink *d)
{
	size_t n = p->all_items.n;
	for (size_t i = 0; i < p->all_items.n; i++)
		n += ((item *)p->all_items.v[i])->indicators.n;
	id_seen *ids = malloc((n ? n : 1) * sizeof *ids);
	if (!ids)
		abort();
	size_t k = 0;
	for (size_t i = 0; i < p->all_items.n; i++) {
		const item *it = p->all_items.v[i];
		ids[k++] = (id_seen){it->id, it->id_line};
		if (it->id_explicit && (!id_chars_ok(it->id) || strchr(it->id, '#')))
			diag_report(d, p->path, it->id_line, 0, DIAG_ID_BAD, it->id);
		for (size_t j = 0; j < it->indicators.n; j++) {
			const indicator *ind = it->indicators.v[j];
			ids[k++] = (id_seen){ind->id, ind->line};
			if (!id_chars_ok(ind->id))
				diag_report(d, p->path, ind->line, 0, DIAG_ID_BAD, ind->id);
		}
	}
	qsort(ids, k, sizeof *ids, id_cmp);
	for (size_t i = 1; i < k; i++)
		if (strcmp(ids[i].id, ids[i - 1].id) == 0) {
			size_t first = i - 1;
			while (first > 0 && strcmp(ids[first - 1].id, ids[i].id) == 0)
				first--;
			diag_report(d, p->path, ids[i].line, 0, DIAG_ID_DUPLICATE, ids[i].id,
			    ids[first].line);
		}
	free(ids);
}

/* content/<agency_id>/<fiscal_year>/plan.md must say the same in its front matter.
 * A plan anywhere else (content/plan.md, content/a/2567/old/plan.md) could publish
 * over another plan's outputs: it is refused. */
static void check_place(const plan *p, const char *rel, diag_sink *d)
{
	if (!rel)
		return;
	const char *slash = strchr(rel, '/');
	if (!slash || !strchr(slash + 1, '/') || strchr(strchr(slash + 1, '/') + 1, '/')) {
		diag_report(d, p->path, 0, 0, DIAG_PLAN_PLACE, rel);
		return;
	}
	if (!p->agency_id)
		return;
	size_t alen = (size_t)(slash - rel);
	char dir[256];
	snprintf(dir, sizeof dir, "%.*s", (int)alen, rel);
	if (strcmp(dir, p->agency_id) != 0)
		diag_report(d, p->path, 1, 0, DIAG_PATH_MISMATCH, "agency_id", p->agency_id, dir);
	const char *fy = slash + 1, *slash2 = strchr(fy, '/');
	if (!slash2 || !p->fiscal_year_be)
		return;
	char year[32], want[32];
	snprintf(year, sizeof year, "%.*s", (int)(slash2 - fy), fy);
	snprintf(want, sizeof want, "%d", p->fiscal_year_be);
	if (strcmp(year, want) != 0)
		diag_report(d, p->path, p->fiscal_year_line, 0, DIAG_PATH_MISMATCH, "fiscal_year",
		    want, year);
}

/* A CSV cell that begins with = + - @ is run as a formula by the spreadsheets people
 * open open data in (`=HYPERLINK(…)` sends the reader elsewhere): text that reaches a
 * CSV may not begin so (text_formula_lead). */
static void check_formula(const plan *p, const char *what, const char *text, int line,
    diag_sink *d)
{
	char c = text ? text_formula_lead(text) : 0;
	if (c)
		diag_report(d, p->path, line, 0, DIAG_CELL_FORMULA, what, text, c);
}

static void check_formulas(const plan *p, diag_sink *d)
{
	check_formula(p, "agency", p->agency, 1, d);
	check_formula(p, "agency_en", p->agency_en, 1, d);
	check_formula(p, "title", p->title, 1, d);
	for (size_t i = 0; i < p->all_items.n; i++) {
		const item *it = p->all_items.v[i];
		check_formula(p, "title", it->title, it->line, d);
		for (size_t k = 0; k < it->indicators.n; k++) {
			const indicator *ind = it->indicators.v[k];
			check_formula(p, "indicator", ind->text, ind->line, d);
			if (ind->target && !ind->target->from_indicator)
				check_formula(p, "target", ind->target->source, ind->target->line, d);
			check_formula(p, "unit", ind->unit_override, ind->unit_line, d);
		}
		for (size_t k = 0; k < it->periods.n; k++) {
			const period *pd = it->periods.v[k];
			check_formula(p, "period", pd->source, pd->line, d);
		}
		for (size_t k = 0; k < it->responsible.n; k++)
			check_formula(p, "responsible", it->responsible.v[k],
			    it->field_line[FIELD_RESPONSIBLE], d);
	}
}

void plan_validate(const plan *p, const char *content_rel, diag_sink *d)
{
	check_formulas(p, d);
	if (p->nlevels && p->items.n == 0)
		diag_report(d, p->path, 1, 0, DIAG_NO_ITEMS, p->level_depth);
	check_ids(p, d);
	check_place(p, content_rel, d);
}

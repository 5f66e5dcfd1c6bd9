/*
 * join.c — a progress round joined to its plan: every row's id resolved (an item or an
 * indicator), achieved values read in the indicator's own unit and assessed against its
 * target, statuses carried down to the activities a row covers, budgets summed where the
 * plan states them, and the roll-ups per item and for the whole plan.
 */
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "progress/read_internal.h"
#include "util/buf.h"
#include "util/text.h"

double progress_round2(double v)
{
	double r = floor(fabs(v) * 100 + 0.5) / 100;
	return v < 0 ? -r : r;
}

const char *progress_assessment_code(progress_assessment a)
{
	static const char *const codes[PA__COUNT] = {"not_reported", "met", "partly", "not_met",
		"not_assessed"};
	return codes[a];
}

const char *progress_assessment_thai(progress_assessment a)
{
	static const char *const names[PA__COUNT] = {"ไม่ได้รายงาน", "บรรลุ", "บรรลุบางส่วน",
		"ไม่บรรลุ", "ไม่ได้ประเมิน"};
	return names[a];
}

/* ---- achieved values ------------------------------------------------------------------ */

static bool ends_with(const char *s, size_t len, const char *suffix, size_t *at)
{
	size_t n = strlen(suffix);
	if (len < n || memcmp(s + len - n, suffix, n) != 0)
		return false;
	*at = len - n;
	return true;
}

static void trim_in_place(const char **s, size_t *len)
{
	size_t st, n;
	text_trim_span(*s, *len, &st, &n);
	*s += st;
	*len = n;
}

/* The indicator's unit: หน่วยนับ, else the unit word of its target. */
static const char *indicator_unit(const indicator *ind)
{
	if (ind->unit_override)
		return ind->unit_override;
	return ind->target ? ind->target->unit : NULL;
}

/* `๘๕`, `ร้อยละ ๙๒.๕`, `92.5%`, `๑๒๐ คน`, `1,250`: a number, in the indicator's unit. */
static bool parse_quantity(const indicator *ind, const char *text, double *value, char *why,
    size_t whysz)
{
	const char *s = text;
	size_t len = strlen(s), at;
	bool percent = false;
	const target *t = ind->target;
	bool target_percent = t && t->parsed.numeric && t->parsed.percent;
	if (text_starts_with(s, "ร้อยละ")) {
		s += strlen("ร้อยละ");
		len -= strlen("ร้อยละ");
		percent = true;
	}
	trim_in_place(&s, &len);
	if (ends_with(s, len, "%", &at) || ends_with(s, len, "เปอร์เซ็นต์", &at)) {
		len = at;
		percent = true;
	}
	trim_in_place(&s, &len);
	/* what follows the last digit is a unit word (or footnote marks, kept for the
	 * number parser) */
	size_t tail = 0;
	for (size_t i = 0; i < len;) {
		size_t dl;
		if (thai_digit_at(s + i, &dl) >= 0) {
			i += dl;
			tail = i;
		} else {
			i++;
		}
	}
	const char *word = s + tail;
	size_t wlen = len - tail;
	trim_in_place(&word, &wlen);
	const char *unit = target_percent ? "ร้อยละ" : indicator_unit(ind);
	if (wlen && !percent) {
		bool same = unit && strlen(unit) == wlen && !memcmp(word, unit, wlen);
		if (same) {
			len = tail;
		} else if (thai_unit_english(word, wlen)) {
			if (unit && *unit) {
				snprintf(why, whysz, "\"%s\" is counted in %.*s, but the indicator in %s",
				    text, (int)wlen, word, unit);
				return false;
			}
			len = tail; /* the target names no unit: the one written is taken as it */
		}
	}
	trim_in_place(&s, &len);
	if (percent && t && t->parsed.numeric && !target_percent) {
		snprintf(why, whysz, "\"%s\" is a percent, but the target (%s) is not", text, t->source);
		return false;
	}
	char number[256];
	snprintf(number, sizeof number, "%.*s", (int)len, s);
	thai_number n;
	thai_error err = {0};
	if (!len || !thai_parse_number(number, &n, &err)) {
		/* the number parser's message quotes the token it refused */
		snprintf(why, whysz, "%s", len ? err.message : "no number given");
		return false;
	}
	*value = n.value;
	return true;
}

/* yes 1, no 0, partly -1; 2 when the text is none of them. */
static int parse_answer(const indicator *ind, const char *text)
{
	static const char *const yes[] = {"มี", "ใช่", "ผ่าน", "บรรลุ", "ดำเนินการแล้ว", "yes", "y",
		"true", "met", "✓", "✔"};
	static const char *const no[] = {"ไม่มี", "ไม่ใช่", "ไม่ผ่าน", "ไม่บรรลุ", "ยังไม่ดำเนินการ",
		"no", "n", "false", "not met", "✗", "✘"};
	static const char *const partly[] = {"บางส่วน", "บรรลุบางส่วน", "partly", "partial"};
	char key[512], cand[512];
	progress_name_key(text, key, sizeof key);
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		progress_name_key(yes[i], cand, sizeof cand);
		if (!strcmp(key, cand))
			return 1;
	}
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		progress_name_key(no[i], cand, sizeof cand);
		if (!strcmp(key, cand))
			return 0;
	}
	for (size_t i = 0; i < sizeof partly / sizeof *partly; i++) {
		progress_name_key(partly[i], cand, sizeof cand);
		if (!strcmp(key, cand))
			return -1;
	}
	/* the target's own words (มีประกาศ) say yes; ไม่ before them says no */
	if (ind->target) {
		progress_name_key(ind->target->source, cand, sizeof cand);
		if (!strcmp(key, cand))
			return 1;
		if (text_starts_with(key, "ไม่") && !strcmp(key + strlen("ไม่"), cand))
			return 0;
	}
	return 2;
}

static void assess_number(indicator_result *res)
{
	const target *t = res->ind->target;
	double a = res->value;
	if (!t || !t->parsed.numeric) {
		res->assessment = PA_NOT_ASSESSED;
		return;
	}
	double v = t->parsed.value;
	if (v != 0) {
		res->has_percent = true;
		res->percent = progress_round2(a / v * 100);
	}
	switch (t->parsed.cmp) {
	case THAI_CMP_EQ:
	case THAI_CMP_GE:
		res->assessment = a >= v ? PA_MET : a > 0 ? PA_PARTLY : PA_NOT_MET;
		res->over_achieved = a > v;
		break;
	case THAI_CMP_GT:
		res->assessment = a > v ? PA_MET : a > 0 ? PA_PARTLY : PA_NOT_MET;
		res->over_achieved = a > v;
		break;
	case THAI_CMP_LE: res->assessment = a <= v ? PA_MET : PA_NOT_MET; break;
	case THAI_CMP_LT: res->assessment = a < v ? PA_MET : PA_NOT_MET; break;
	}
}

/* Reads a row's achieved value for its indicator and assesses it. */
static bool read_achieved(indicator_result *res, const char *text, char *why, size_t whysz)
{
	const indicator *ind = res->ind;
	const target *t = ind->target;
	res->has_value = true;
	if (t && t->parsed.numeric) {
		res->numeric = true;
		if (!parse_quantity(ind, text, &res->value, why, whysz))
			return false;
		assess_number(res);
		return true;
	}
	int answer = parse_answer(ind, text);
	if (answer != 2) {
		res->yes = answer;
		res->assessment = answer == 1 ? PA_MET : answer == 0 ? PA_NOT_MET : PA_PARTLY;
		return true;
	}
	if (!t) {
		/* no target: a figure is recorded, not assessed */
		char ignored[8];
		res->numeric = true;
		if (parse_quantity(ind, text, &res->value, ignored, sizeof ignored)) {
			res->assessment = PA_NOT_ASSESSED;
			return true;
		}
		snprintf(why, whysz, "\"%s\" is neither a number nor an answer: expected a number, "
		    "or มี/ไม่มี, ใช่/ไม่ใช่, บางส่วน (yes, no, partly)", text);
		return false;
	}
	snprintf(why, whysz, "the target \"%s\" is not a number, so the result is an answer: "
	    "expected มี/ไม่มี, ใช่/ไม่ใช่, ผ่าน/ไม่ผ่าน, บางส่วน (yes, no, partly) or the target's own "
	    "words, found \"%s\"", t->source, text);
	return false;
}

/* ---- ids --------------------------------------------------------------------------------- */

typedef struct id_ref {
	item_progress *ip;
	size_t indicator;  /* index in the item's indicators, or SIZE_MAX for the item */
} id_ref;

/* ": item "1.2" has indicators 1.2#1, 1.2#2" when the id looks like one of an item's. */
static void unknown_hint(GHashTable *ids, const char *id, char *out, size_t outsz)
{
	out[0] = '\0';
	const char *hash = strrchr(id, '#');
	if (!hash)
		return;
	char *item_id = g_strndup(id, (size_t)(hash - id));
	const id_ref *ref = g_hash_table_lookup(ids, item_id);
	if (ref && ref->indicator == SIZE_MAX) {
		const item *it = ref->ip->it;
		if (!it->indicators.n) {
			snprintf(out, outsz, ": item \"%s\" has no indicators", item_id);
		} else {
			buf b = {0};
			buf_printf(&b, ": item \"%s\" has indicator%s ", item_id,
			    it->indicators.n == 1 ? "" : "s");
			for (size_t i = 0; i < it->indicators.n && i < 8; i++)
				buf_printf(&b, "%s%s", i ? ", " : "", ((indicator *)it->indicators.v[i])->id);
			snprintf(out, outsz, "%s", b.data);
			buf_free(&b);
		}
	}
	g_free(item_id);
}

static const char *field_label(arena *a, progress_field f)
{
	return arena_printf(a, "%s (%s)", progress_field_english(f), progress_field_name(f));
}

static void check_item_row(progress_report *rep, const progress_row *row, const item *it,
    diag_sink *d)
{
	progress_round *r = (progress_round *)rep->r;
	if (!row->cell[PF_ACHIEVED])
		return;
	const char *where = it->indicators.n
	    ? arena_printf(&r->mem, "an indicator's row, such as \"%s\"",
		  ((indicator *)it->indicators.v[0])->id)
	    : arena_printf(&r->mem, "an indicator's row, and item \"%s\" has no indicators", it->id);
	diag_report(d, r->path, row->cell_line[PF_ACHIEVED], 0, DIAG_PROGRESS_MISPLACED,
	    field_label(&r->mem, PF_ACHIEVED), where);
}

static void check_indicator_row(progress_report *rep, const progress_row *row, const item *it,
    diag_sink *d)
{
	progress_round *r = (progress_round *)rep->r;
	static const progress_field item_only[] = {PF_STATUS, PF_DISBURSED, PF_PROBLEMS};
	for (size_t i = 0; i < sizeof item_only / sizeof *item_only; i++) {
		progress_field f = item_only[i];
		if (row->cell[f])
			diag_report(d, r->path, row->cell_line[f], 0, DIAG_PROGRESS_MISPLACED,
			    field_label(&r->mem, f),
			    arena_printf(&r->mem, "the row of item \"%s\", not to indicator \"%s\"", it->id,
				row->id));
	}
}

/* ---- money and roll-ups ------------------------------------------------------------------ */

static void money_add(progress_money *to, progress_money m)
{
	if (!m.known)
		return;
	to->known = true;
	to->baht += m.baht;
}

static void rollup_add(progress_rollup *to, const progress_rollup *from)
{
	to->activities += from->activities;
	for (int s = 0; s < PS__COUNT; s++)
		to->by_status[s] += from->by_status[s];
	to->indicators += from->indicators;
	for (int a = 0; a < PA__COUNT; a++)
		to->by_assessment[a] += from->by_assessment[a];
	to->over_achieved += from->over_achieved;
}

static void rollup_finish(progress_rollup *ru, progress_money planned, progress_money disbursed)
{
	ru->planned = planned;
	ru->disbursed = disbursed;
	if (planned.known && planned.baht > 0 && disbursed.known) {
		ru->has_budget_percent = true;
		ru->budget_percent = progress_round2(disbursed.baht / planned.baht * 100);
	}
	if (ru->indicators) {
		ru->has_met_percent = true;
		ru->met_percent = progress_round2((double)ru->by_assessment[PA_MET] * 100 /
						  (double)ru->indicators);
	}
}

/* 1234567.5 as `1,234,567.5` (Arabic digits). */
static void format_baht(double v, char out[64])
{
	char raw[64];
	snprintf(raw, sizeof raw, "%.2f", v);
	char *dot = strchr(raw, '.');
	if (dot && !strcmp(dot, ".00"))
		*dot = '\0';
	size_t intlen = dot && *dot ? (size_t)(dot - raw) : strlen(raw);
	size_t o = 0;
	for (size_t i = 0; i < strlen(raw); i++) {
		if (i > 0 && i < intlen && raw[i - 1] != '-' && (intlen - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = raw[i];
	}
	out[o] = '\0';
}

static void item_budget(item_progress *ip, GHashTable *index, progress_report *rep, diag_sink *d)
{
	const item *it = ip->it;
	bool known = false;
	double baht = item_budget_baht(it, &known);
	thai_budget_kind kind = it->budget.n ? item_budget_kind(it) : THAI_BUDGET_UNSPECIFIED;
	if (it->budget.n && (known || kind == THAI_BUDGET_NONE)) {
		ip->planned = (progress_money){true, known ? baht : 0};
	} else {
		for (size_t k = 0; k < it->children.n; k++) {
			const item_progress *c = g_hash_table_lookup(index, it->children.v[k]);
			money_add(&ip->planned, c->planned);
		}
	}
	const progress_row *own = ip->own;
	if (own && own->has_disbursed && own->disbursed.kind != THAI_BUDGET_UNSPECIFIED) {
		ip->disbursed = (progress_money){true, own->disbursed.baht};
		if (ip->planned.known && own->disbursed.baht > ip->planned.baht) {
			char a[64], b[64];
			format_baht(own->disbursed.baht, a);
			format_baht(ip->planned.baht, b);
			diag_report(d, rep->r->path, own->cell_line[PF_DISBURSED], 0,
			    DIAG_PROGRESS_OVERSPENT, a, b, it->id);
		}
	} else {
		for (size_t k = 0; k < it->children.n; k++) {
			const item_progress *c = g_hash_table_lookup(index, it->children.v[k]);
			money_add(&ip->disbursed, c->disbursed);
		}
	}
	if (ip->planned.known && ip->planned.baht > 0 && ip->disbursed.known) {
		ip->has_budget_percent = true;
		ip->budget_percent = progress_round2(ip->disbursed.baht / ip->planned.baht * 100);
	}
}

static void item_rollup(item_progress *ip, GHashTable *index)
{
	const item *it = ip->it;
	progress_rollup *ru = &ip->rollup;
	if (!it->children.n) {
		ru->activities = 1;
		ru->by_status[ip->status]++;
	}
	for (size_t k = 0; k < it->children.n; k++) {
		const item_progress *c = g_hash_table_lookup(index, it->children.v[k]);
		rollup_add(ru, &c->rollup);
	}
	for (size_t i = 0; i < ip->nresults; i++) {
		ru->indicators++;
		ru->by_assessment[ip->results[i].assessment]++;
		ru->over_achieved += ip->results[i].over_achieved;
	}
	rollup_finish(ru, ip->planned, ip->disbursed);
}

/* ---- the join ----------------------------------------------------------------------------- */

static void resolve_rows(progress_report *rep, GHashTable *ids, diag_sink *d)
{
	progress_round *r = (progress_round *)rep->r;
	for (size_t i = 0; i < r->rows.n; i++) {
		const progress_row *row = r->rows.v[i];
		const id_ref *ref = g_hash_table_lookup(ids, row->id);
		if (!ref) {
			char hint[512];
			unknown_hint(ids, row->id, hint, sizeof hint);
			diag_report(d, r->path, row->line, 0, DIAG_PROGRESS_ID_UNKNOWN, row->id,
			    rep->p->path, hint);
			continue;
		}
		item_progress *ip = ref->ip;
		if (ref->indicator == SIZE_MAX) {
			check_item_row(rep, row, ip->it, d);
			ip->own = row;
			continue;
		}
		check_indicator_row(rep, row, ip->it, d);
		indicator_result *res = &ip->results[ref->indicator];
		res->row = row;
		if (!row->cell[PF_ACHIEVED])
			continue;
		char why[768];
		if (!read_achieved(res, row->cell[PF_ACHIEVED], why, sizeof why)) {
			diag_report(d, r->path, row->cell_line[PF_ACHIEVED], 0, DIAG_PROGRESS_ACHIEVED,
			    row->id, why);
			res->has_value = false;
			res->assessment = PA_NOT_REPORTED;
		}
	}
}

progress_report *progress_join(const plan *p, progress_round *r, diag_sink *d)
{
	size_t errors = diag_count(d, DIAG_ERROR);
	if (r->fiscal_year_be && r->fiscal_year_be != p->fiscal_year_be)
		diag_report(d, r->path, r->fiscal_year_line, 0, DIAG_PROGRESS_FISCAL_YEAR,
		    r->fiscal_year_be, p->path, p->fiscal_year_be);
	progress_report *rep = arena_alloc(&r->mem, sizeof *rep);
	rep->p = p;
	rep->r = r;
	size_t n = p->all_items.n;
	rep->items = arena_alloc(&r->mem, (n ? n : 1) * sizeof *rep->items);
	GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *index = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (size_t i = 0; i < n; i++) {
		item_progress *ip = &rep->items[i];
		ip->it = p->all_items.v[i];
		ip->nresults = ip->it->indicators.n;
		ip->results = arena_alloc(&r->mem, (ip->nresults ? ip->nresults : 1) *
							   sizeof *ip->results);
		id_ref *ref = arena_alloc(&r->mem, sizeof *ref);
		*ref = (id_ref){ip, SIZE_MAX};
		g_hash_table_insert(ids, (gpointer)ip->it->id, ref);
		for (size_t k = 0; k < ip->nresults; k++) {
			ip->results[k].ind = ip->it->indicators.v[k];
			ip->results[k].yes = 0;
			id_ref *ir = arena_alloc(&r->mem, sizeof *ir);
			*ir = (id_ref){ip, k};
			g_hash_table_insert(ids, (gpointer)ip->results[k].ind->id, ir);
		}
		g_hash_table_insert(index, (gpointer)ip->it, ip);
	}
	resolve_rows(rep, ids, d);

	/* statuses go down: an item without a row of its own takes its nearest row above */
	for (size_t i = 0; i < n; i++) {
		item_progress *ip = &rep->items[i];
		const item_progress *up = ip->it->parent ? g_hash_table_lookup(index, ip->it->parent)
							 : NULL;
		ip->from = ip->own ? ip : up ? up->from : NULL;
		bool results = false;
		for (size_t k = 0; k < ip->nresults; k++)
			results = results || ip->results[k].row;
		ip->reported = ip->from || results;
		ip->status = ip->from ? ip->from->own->status
			   : results ? PS_NOT_STATED : PS_NOT_REPORTED;
	}
	/* sums go up: children come after their parent in document order */
	for (size_t i = n; i-- > 0;) {
		item_progress *ip = &rep->items[i];
		item_budget(ip, index, rep, d);
		item_rollup(ip, index);
	}
	for (size_t i = 0; i < n; i++) {
		item_progress *ip = &rep->items[i];
		/* a parent with a reported activity below it is reported too */
		if (ip->it->children.n && !ip->reported) {
			size_t unreported = ip->rollup.by_status[PS_NOT_REPORTED];
			if (unreported < ip->rollup.activities) {
				ip->reported = true;
				ip->status = PS_NOT_STATED;
			}
		}
		if (!ip->it->children.n && !ip->reported)
			ptr_vec_push(&r->mem, &rep->not_reported, ip);
	}
	progress_money planned = {0}, disbursed = {0};
	for (size_t i = 0; i < p->items.n; i++) {
		const item_progress *top = g_hash_table_lookup(index, p->items.v[i]);
		rollup_add(&rep->total, &top->rollup);
		money_add(&planned, top->planned);
		money_add(&disbursed, top->disbursed);
	}
	rollup_finish(&rep->total, planned, disbursed);
	g_hash_table_destroy(ids);
	g_hash_table_destroy(index);
	return diag_count(d, DIAG_ERROR) == errors ? rep : NULL;
}

const item_progress *progress_of(const progress_report *rep, const item *it)
{
	for (size_t i = 0; i < rep->p->all_items.n; i++)
		if (rep->items[i].it == it)
			return &rep->items[i];
	return NULL;
}

/*
 * backend.h — the back ends: each turns a validated model into the bytes of one output
 * file. They never parse source text; they read the model only.
 */
#ifndef PRONGSAI_BACKEND_H
#define PRONGSAI_BACKEND_H

#include <jansson.h>

#include "model.h"
#include "util/buf.h"

/* plan.json: the whole tree, typed. Caller owns the reference. */
json_t *plan_json(const plan *p);
/* Serialise a JSON value the one way every output file uses (2-space indent, keys in
 * insertion order, UTF-8 unescaped, final LF). */
void json_render(const json_t *v, buf *out);

/* plan-indicators.csv: one row per indicator (or per item that has none and no
 * children), with every ancestor's id and title. RFC 4180, UTF-8 without BOM. */
void plan_indicators_csv(const plan *p, buf *out);

/* RFC 4180 field: quoted when it holds a comma, quote, CR or LF. */
void csv_field(buf *out, const char *s);

/* Cells every per-item table shares, each preceded by its comma: budget_kind,
 * budget_baht; period_source, period_start, period_end (the span from the earliest
 * start to the latest end, ISO dates); a list joined with "; ". */
void csv_item_budget_cells(buf *out, const item *it);
void csv_item_period_cells(buf *out, const item *it);
void csv_joined_cell(buf *out, const ptr_vec *v);

#endif

/*
 * opendata.h — the open-data stage of a publish run: after every back end has written
 * its files into the staged output tree, it adds
 *   <agency>/<year>/plan-items.csv           one row per plan item
 *   <every table>-excel.csv                  the spreadsheet copy of each CSV
 *   data-dictionary.csv (+ -excel)           every column of every table
 *   datapackage.json                         Frictionless Data Package of every CSV
 *   ckan/…                                   data.go.th (CKAN) payloads, see ckan.c
 * Every CSV in the tree must have a table in the registry (schema.h) and match it; a
 * CSV that does not is an internal error and nothing is published.
 */
#ifndef PRONGSAI_OPENDATA_H
#define PRONGSAI_OPENDATA_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "diag.h"
#include "model.h"
#include "opendata/meta.h"
#include "opendata/schema.h"
#include "out/output.h"
#include "util/buf.h"

/* plan-items.csv of one plan. */
void plan_items_csv(const plan *p, buf *out);
/* data-dictionary.csv: one row per column of every registered table. */
void data_dictionary_csv(buf *out);
/* The data dictionary as the Markdown tables of README.md's "Data dictionary" section. */
void data_dictionary_markdown(buf *out);

/* Checks csv (a machine CSV of table t) against t — header, cell count, types, value
 * lists, required cells — and writes its Excel copy into excel. False with a message. */
bool od_excel_copy(const od_table *t, const char *csv, size_t len, buf *excel, char err[256]);

/* The date a run publishes, YYYY-MM-DD: SOURCE_DATE_EPOCH's day (UTC), or "" when unset. */
void od_publication_date(const char *source_date_epoch, char out[11]);

/* The whole stage (see above). Metadata problems are reported into d (then false);
 * internal failures are written into t->error (then false). */
bool opendata_publish(output_tree *t, plan *const *plans, size_t nplans, od_meta *m,
    const char *source_date_epoch, diag_sink *d);

/* The Data Package resource name of a CSV: `dip/2560/plan-items.csv` → `dip-2560-plan-items`
 * (heap string). */
char *od_resource_name(const char *rel);
/* The plan whose output folder holds rel (`dip/2560/…`), or NULL. */
const plan *od_plan_of(plan *const *plans, size_t n, const char *rel);

/* What a person sees as a published file's name and description (the portal's resource,
 * the website's download link): `ตัวชี้วัดตามแผน (CSV)`. */
void od_describe_file(const char *rel, char *name, size_t nsz, char *desc, size_t dsz);

/* Reading order of a folder's files: documents (PDF) first, then the CSV tables, their
 * Excel copies, the JSON, the rest. */
int od_file_rank(const char *rel);

/* Bytes of a file already staged in t (relative path), into out. */
bool od_read_staged(const output_tree *t, const char *rel, buf *out);

#endif

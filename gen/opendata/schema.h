/*
 * schema.h — the registry of every table prongsai publishes as CSV: field names, types,
 * Thai and English titles and meanings, units, keys. One table per kind of CSV file.
 *
 * The CSV writers take their header rows from here (schema_csv_header), the Excel copies
 * know from the types which cells are numbers, the data dictionary and datapackage.json
 * are printed from it. A CSV whose path matches no table cannot be described, so the
 * open-data stage refuses it (see opendata.h).
 */
#ifndef PRONGSAI_OD_SCHEMA_H
#define PRONGSAI_OD_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* Frictionless Table Schema field types used by our tables. */
typedef enum od_type { OD_STRING, OD_INTEGER, OD_NUMBER, OD_DATE, OD_BOOLEAN, OD_YEAR } od_type;

typedef struct od_field {
	const char *name;
	od_type type;
	const char *title_th, *title_en;
	const char *desc_th, *desc_en;
	const char *unit_th, *unit_en;        /* NULL: no unit */
	bool required;                        /* never empty */
	const char *const *values;            /* allowed values (NULL-terminated), or NULL */
} od_field;

enum { OD_MAX_KEY = 5, OD_MAX_FKEYS = 3 }; /* keys hold at most 4 fields and their NULL */

typedef struct od_foreign_key {
	const char *fields[OD_MAX_KEY];       /* NULL-terminated */
	const char *table;                    /* the table referred to, in the same folder */
	const char *ref_fields[OD_MAX_KEY];
} od_foreign_key;

typedef struct od_table {
	const char *name;                     /* `plan-indicators` */
	const char *pattern;                  /* fnmatch pattern of its files under output/ */
	const char *title_th, *title_en;
	const char *desc_th, *desc_en;
	const od_field *fields;
	size_t nfields;
	const char *primary_key[OD_MAX_KEY];  /* NULL-terminated; empty: none */
	od_foreign_key foreign_keys[OD_MAX_FKEYS];
} od_table;

size_t od_table_count(void);
const od_table *od_table_at(size_t i);
const od_table *od_table_named(const char *name);
/* The table of a CSV file, by its path under output/ (`dip/2560/plan-indicators.csv`);
 * NULL when no table describes it. Excel copies (`*-excel.csv`) have none. */
const od_table *od_table_for_path(const char *rel);
const od_field *od_field_named(const od_table *t, const char *name);

/* Frictionless name of a type (`string`, `integer`, …). */
const char *od_type_name(od_type t);
/* True for types whose cells are written as bare numbers (never quoted or prefixed). */
bool od_type_is_numeric(od_type t);

/* The header row of t's CSV files, CRLF-terminated: the one way writers start a file. */
void schema_csv_header(buf *out, const od_table *t);

/* True when the path names an Excel copy (`…-excel.csv`). */
bool od_is_excel_copy(const char *rel);

#endif

/*
 * meta.h — dataset metadata for data.go.th (the Thai Government Data Catalog schema,
 * GD-Catalog, as the CKAN extension ckanext-thai_gdc implements it).
 *
 * Agencies write it in `opendata.txt` files, `key: value` per line, at three places, each
 * overriding the one before: content/opendata.txt (defaults for every dataset),
 * content/<agency>/opendata.txt (the agency's; its presence opts the agency in) and
 * content/<agency>/<year>/opendata.txt (one fiscal year). content/cpi/opendata.txt is the
 * CPI dataset's. A key may be prefixed by a dataset kind (`plan.title:`,
 * `progress.title:`, `cpi.title:`); in one file the prefixed key wins over the bare one.
 * Values may hold placeholders ({agency}, {fiscal_year}, …) filled per dataset.
 *
 * Reading checks each file on its own (keys, value lists, e-mail, URL, dates, slugs);
 * resolving one dataset checks what needs them all (required fields, the slug's length
 * after the placeholders are filled, `อื่นๆ` with its `_other` text).
 */
#ifndef PRONGSAI_OD_META_H
#define PRONGSAI_OD_META_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util/arena.h"

typedef enum od_kind { OD_KIND_PLAN, OD_KIND_PROGRESS, OD_KIND_CPI, OD_KIND__COUNT } od_kind;

/* The GD-Catalog fields, in the order of the CKAN form. */
typedef enum od_key {
	OD_DATA_TYPE,
	OD_DATA_TYPE_OTHER,
	OD_TITLE,
	OD_NAME,
	OD_OWNER_ORG,
	OD_ALLOW_HARVEST,
	OD_MAINTAINER,
	OD_MAINTAINER_EMAIL,
	OD_TAGS,
	OD_NOTES,
	OD_OBJECTIVE,
	OD_OBJECTIVE_OTHER,
	OD_UPDATE_FREQUENCY_UNIT,
	OD_UPDATE_FREQUENCY_UNIT_OTHER,
	OD_UPDATE_FREQUENCY_INTERVAL,
	OD_GEO_COVERAGE,
	OD_GEO_COVERAGE_OTHER,
	OD_DATA_SOURCE,
	OD_DATA_FORMAT,
	OD_DATA_FORMAT_OTHER,
	OD_DATA_CATEGORY,
	OD_LICENSE_ID,
	OD_LICENSE_ID_OTHER,
	OD_ACCESSIBLE_CONDITION,
	OD_DATA_SUPPORT,
	OD_DATA_SUPPORT_OTHER,
	OD_URL,
	OD_DATA_LANGUAGE,
	OD_CREATED_DATE,
	OD_LAST_UPDATED_DATE,
	OD_KEY__COUNT
} od_key;

typedef enum od_value_kind {
	OD_V_TEXT,      /* free text, placeholders allowed */
	OD_V_SLUG,      /* a-z 0-9 _ - after the placeholders are filled */
	OD_V_CHOICE,    /* one value of the list */
	OD_V_CHOICES,   /* one or more, comma-separated; a JSON list in the payload */
	OD_V_TAGS,      /* comma-separated words */
	OD_V_EMAIL,
	OD_V_URL,
	OD_V_DATE,      /* ISO 2024-01-31 or a Thai date; ISO in the payload */
	OD_V_BOOL,      /* "True" / "False" in the payload */
	OD_V_COUNT      /* a whole number > 0 */
} od_value_kind;

typedef struct od_key_info {
	const char *name;             /* the CKAN field */
	const char *thai;             /* its label on the Thai form (accepted as the key) */
	od_value_kind kind;
	bool required;
	const char *const *values;    /* CHOICE / CHOICES: the schema's list */
	od_key other;                 /* the `_other` key that `อื่นๆ` needs, or 0 */
} od_key_info;

const od_key_info *od_key_info_of(od_key k);
const char *od_kind_name(od_kind k);   /* "plan", "progress", "cpi" */

enum { OD_SLUG_MAX = 70 };             /* ckanext-thai_gdc's limit (CKAN's own is 100) */

/* One value as written, with where it was written. */
typedef struct od_entry {
	const char *text;
	const char *path;
	int line;
} od_entry;

typedef struct od_file {
	const char *path;
	int depth;                    /* 0: content/, 1: an agency (or cpi), 2: a fiscal year */
	const char *agency;           /* the folder at depth 1 */
	int fiscal_year;              /* depth 2 */
	od_entry v[OD_KIND__COUNT + 1][OD_KEY__COUNT]; /* [0]: every kind; [1 + kind] */
} od_file;

typedef struct od_meta {
	arena mem;
	const char *content_dir;      /* as given to od_meta_read, for messages */
	ptr_vec files;                /* od_file * */
} od_meta;

/* Reads every opendata.txt under content_dir, reporting each problem into d (file order
 * from first_order on). Returns false when the folder cannot be searched. */
bool od_meta_read(od_meta *m, const char *content_dir, diag_sink *d, size_t first_order);
/* The same checks on one file's text (unit tests). */
void od_meta_read_memory(od_meta *m, const char *path, int depth, const char *agency,
    int fiscal_year, const char *text, diag_sink *d);
void od_meta_free(od_meta *m);

/* A dataset to describe: which metadata applies, and the values its placeholders take. */
typedef struct od_dataset {
	od_kind kind;
	const char *agency_id;        /* NULL for CPI */
	int fiscal_year;              /* BE; 0 for CPI */
	const char *round;            /* progress: the round id of progress-<round>.csv */
	const char *agency, *agency_en, *plan_title;
	/* values taken when no file gives one (set by the caller: the formats of the
	 * dataset's files, the publication date), or NULL */
	const char *fallback[OD_KEY__COUNT];
	/* resolved: the value of each field (placeholders filled), and where it came from */
	const char *value[OD_KEY__COUNT];
	od_entry from[OD_KEY__COUNT];
} od_dataset;

/* The files that apply to ds, most general first; returns how many (at most 3), or 0
 * when the dataset's own folder (content/<agency>/ or content/cpi/) has no
 * opendata.txt: the agency has not opted in. */
size_t od_meta_files_for(const od_meta *m, const od_dataset *ds, const od_file *out[3]);

/* Fills ds->value from the files that apply, and reports what is missing or wrong for
 * this dataset. Returns false when an error was reported. Strings live in m's arena. */
bool od_dataset_resolve(od_meta *m, od_dataset *ds, diag_sink *d);

/* "{agency}, {agency_en}, …" for messages and README. */
const char *od_placeholder_list(void);

/* Splits a CHOICES/TAGS value at its commas into trimmed arena strings; returns the
 * count (at most max). */
size_t od_split_list(arena *a, const char *text, const char **out, size_t max);

/* YYYY-MM-DD (CE) of a DATE value, or false. */
bool od_date_iso(const char *text, char iso[11]);

#endif

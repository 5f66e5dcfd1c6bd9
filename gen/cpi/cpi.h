/*
 * cpi.h — the Corruption Perceptions Index data set: what each source document says
 * about a country in a year (the CPI score, rank, countries ranked, standard error,
 * number of sources, and each source survey's score), the national targets, and the
 * series merged from them, with every disagreement between documents kept.
 *
 * Readers (cpi/read.c for the CSV files of content/cpi, cpi/ti.c for Transparency International's
 * workbooks and their CSV exports) fill the observations; cpi_merge builds the series.
 * Everything lives in the data set's arena. Years are CE CPI editions (the CPI 2022 is
 * published in January 2023; Thai documents label it พ.ศ. ๒๕๖๕ = 2022 + 543).
 */
#ifndef PRONGSAI_CPI_H
#define PRONGSAI_CPI_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util/arena.h"

/* From 2012 on the CPI is on a 0–100 scale; earlier editions used 0–10 and are never
 * drawn on the same axis. */
enum { CPI_FIRST_100_YEAR = 2012, CPI_MAX_COMPARE = 32 };

/* ---- source surveys (cpi/surveys.c) ------------------------------------------------ */

typedef struct cpi_survey {
	const char *code;      /* IMD, WEF, PERC, …: what content/cpi/sources.csv writes */
	const char *label;     /* the short name Thai documents use: "V-Dem", "BF (TI)" */
	const char *name;      /* TI's column name in its latest workbooks */
	const char *const *aliases; /* other names seen in TI workbooks and Thai documents */
} cpi_survey;

int cpi_survey_count(void);
const cpi_survey *cpi_survey_at(int i);
/* Index of the survey named by a code, a label or a TI column name (case, spaces and
 * punctuation ignored), or -1. */
int cpi_survey_find(const char *name);

/* ---- what the documents say -------------------------------------------------------- */

typedef struct cpi_document {
	const char *id;        /* `seed-002`, or `FILE#SHEET` for an imported TI sheet */
	const char *title;
	const char *publisher;
	const char *url;       /* or NULL */
	int priority;          /* the lower wins where documents disagree */
	bool imported;         /* read from a TI workbook or export */
	const char *path;
	int line;
} cpi_document;

typedef enum cpi_field {
	CPI_SCORE,
	CPI_RANK,
	CPI_COUNTRIES,     /* countries ranked that year */
	CPI_SE,            /* standard error */
	CPI_SOURCES,       /* number of source surveys */
	CPI_LOWER_CI,
	CPI_UPPER_CI,
	CPI__FIELDS
} cpi_field;

const char *cpi_field_name(cpi_field f); /* "score", "rank", … (JSON and messages) */

typedef struct cpi_number {
	double v;
	int decimals;      /* as written, for comparing figures of different precision */
	bool has;
} cpi_number;

/* What one document says about one country in one CPI edition. */
typedef struct cpi_obs {
	const char *iso3, *country;
	int year;
	cpi_number f[CPI__FIELDS];
	const cpi_document *doc;
	const char *path;
	int line;
} cpi_obs;

/* One source survey's score for a country in a CPI edition, as a document gives it. */
typedef struct cpi_survey_obs {
	const char *iso3, *country;
	int year;
	int survey;        /* cpi_survey_at(survey) */
	cpi_number score;
	const cpi_document *doc;
	const char *path;
	int line;
} cpi_survey_obs;

/* A national target for a CPI edition: a score of at least score_min and/or a rank no
 * worse than rank_max, as a plan states it. */
typedef struct cpi_target {
	const char *iso3;
	int year;          /* the CPI edition (CE); the documents write year + 543 */
	cpi_number score_min, rank_max;
	const char *label; /* which plan sets it, as the document names it */
	const cpi_document *doc;
	const char *path;
	int line;
} cpi_target;

/* ---- merged series ----------------------------------------------------------------- */

typedef struct cpi_value {
	cpi_number n;
	const cpi_document *doc; /* the document the value was taken from */
	const char *path;
	int line;
} cpi_value;

typedef struct cpi_year {
	int year;
	cpi_value f[CPI__FIELDS];
	cpi_value *survey;       /* cpi_survey_count() entries */
} cpi_year;

typedef struct cpi_country {
	const char *iso3, *name;
	bool name_from_import;   /* TI's English name, until a content file gives one */
	cpi_year **years;        /* ascending */
	size_t nyears;
} cpi_country;

/* Two documents give different figures for the same thing: both are kept, the one of
 * the document with the lower priority number is used. */
typedef struct cpi_disagreement {
	const char *iso3;
	int year;
	const char *what;        /* "score", "rank", … or "source IMD" */
	cpi_value kept, other;
} cpi_disagreement;

typedef struct cpi_settings {
	const char *iso3;        /* the country in focus (default THA) */
	bool years_be;           /* charts label years in พ.ศ. (default) or CE */
	const char *layout;      /* layout of the CPI report (default plan-portrait) */
	int layout_line;
	const char *compare[CPI_MAX_COMPARE]; /* other countries to import and compare */
	int ncompare;
	const char *path;        /* settings.csv, or NULL when absent */
	int iso3_line;
} cpi_settings;

struct layout;

typedef struct cpi_data {
	arena mem;
	const char *dir;         /* content/cpi */
	const struct layout *report_layout; /* settings' layout, loaded by cpi_publish_read */
	/* the order of each file read, so that diagnostics print file by file */
	const char *file_path[64];
	size_t file_order[64];
	int nfiles;
	cpi_settings set;
	bool docs_unread;        /* documents.csv is there but could not be read (reported) */
	ptr_vec docs;            /* cpi_document * */
	ptr_vec obs;             /* cpi_obs * */
	ptr_vec survey_obs;      /* cpi_survey_obs * */
	ptr_vec targets;         /* cpi_target * */
	/* cpi_merge: */
	ptr_vec countries;       /* cpi_country *: the focus country first, then by ISO3 */
	ptr_vec disagreements;   /* cpi_disagreement * */
} cpi_data;

cpi_data *cpi_new(const char *dir);
void cpi_free(cpi_data *c);

/* Reads every file of dir (content/cpi): settings.csv, documents.csv, scores.csv,
 * sources.csv, targets.csv, and TI workbooks (*.xlsx) and sheet exports (any other
 * *.csv), then merges and validates. Every problem goes into d. Returns NULL only when
 * dir does not exist. */
cpi_data *cpi_load(const char *dir, diag_sink *d);

/* Builds countries and disagreements from the observations (warning for each
 * disagreement) and checks what needs the whole set (targets of countries without data,
 * the focus country). */
void cpi_merge(cpi_data *c, diag_sink *d);

/* Sets d->file_order to the order given to path when it was read (cpi_load). */
void cpi_order_for(const cpi_data *c, const char *path, diag_sink *d);

/* Lookups on the merged series. */
const cpi_country *cpi_country_of(const cpi_data *c, const char *iso3);
const cpi_country *cpi_focus(const cpi_data *c);
const cpi_year *cpi_year_of(const cpi_country *k, int year);
/* The latest edition with a score (0-100 scale) for k, or NULL. */
const cpi_year *cpi_latest(const cpi_country *k);
const cpi_document *cpi_document_of(const cpi_data *c, const char *id);

/* Comparing two figures written with different precision: equal when the more precise
 * one rounds to the other. */
bool cpi_number_equal(cpi_number a, cpi_number b);
/* A figure as written back: its decimals, in Arabic digits. buf holds 32 bytes. */
const char *cpi_number_text(cpi_number n, char buf[32]);

/* The ISO3 code rule: three letters A-Z. */
bool cpi_iso3_valid(const char *s);

#endif

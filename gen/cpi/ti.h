/*
 * ti.h — Transparency International's CPI files as input: the official workbook
 * (CPI<year>_GlobalResultsTrends.xlsx) or a CSV export of one of its sheets, read for
 * the country in focus and the countries to compare (cpi/ti.c).
 */
#ifndef PRONGSAI_CPI_TI_H
#define PRONGSAI_CPI_TI_H

#include "cpi/cpi.h"
#include "cpi/csvrows.h"

/* Every data sheet of the workbook at path ("CPI 2023", "CPI 2022 (final)",
 * "CPI Timeseries 2012 - 2023", "CPI Historical (internal)"); other sheets are skipped. */
void ti_import_xlsx(cpi_data *c, const char *path, diag_sink *d);

/* A CSV export of one such sheet (its rows already parsed). */
void ti_import_csv(cpi_data *c, const char *path, const csv_table *t, diag_sink *d);

/* Helpers shared with the content reader (cpi/read.c). */
/* A figure: Thai or Arabic digits; false with the reason in why (256 bytes). */
bool cpi_parse_number(const char *text, cpi_number *out, char why[256]);
/* A CPI edition: CE (2022) or พ.ศ. (2565, ๒๕๖๕). */
bool cpi_parse_year(const char *text, int *year, char why[256]);
/* Checks a figure of field f for edition year against its range. */
bool cpi_check_range(cpi_field f, int year, cpi_number n, char why[256]);
/* The observation of (iso3, year) that document doc already gave, or NULL. */
cpi_obs *cpi_find_obs(cpi_data *c, const char *iso3, int year, const cpi_document *doc);
cpi_survey_obs *cpi_find_survey_obs(cpi_data *c, const char *iso3, int year, int survey,
    const cpi_document *doc);

#endif

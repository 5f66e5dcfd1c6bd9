/*
 * out.h — the CPI data set as files: cpi.json (typed, every document and disagreement)
 * and cpi.csv (long format, one row per figure a document gives), and the CPI report
 * PDF (cpi/report.c).
 */
#ifndef PRONGSAI_CPI_OUT_H
#define PRONGSAI_CPI_OUT_H

#include <jansson.h>
#include <time.h>

#include "cpi/cpi.h"
#include "layout.h"
#include "pdf/pdf.h"
#include "util/buf.h"

/* cpi.json ("prongsai-cpi/1"); charts: the chart files written beside it. */
json_t *cpi_json(const cpi_data *c, const char *const *charts, size_t ncharts);

/* cpi.csv: country, iso3, year, year_be, source, score, source_document, used. */
void cpi_csv(const cpi_data *c, buf *out);

/* The gap between a target and the latest figure at or before its edition: positive
 * when short of the target. Returns false when there is no figure to compare. */
bool cpi_target_gap(const cpi_data *c, const cpi_target *t, bool rank, int *from_year,
    double *gap);

/* The CPI report: charts and data tables, two passes like the plan PDF. */
bool cpi_report_pdf(const cpi_data *c, const layout *l, pdf_fonts *fonts, time_t created,
    buf *out, char err[256]);

/* The report's date: SOURCE_DATE_EPOCH when set, else 1 January after the latest
 * edition (TI publishes each edition the following January). */
time_t cpi_document_date(const cpi_data *c, const char *source_date_epoch);

#endif

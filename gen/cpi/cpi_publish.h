/*
 * cpi_publish.h — the CPI stage of a run (gen/publish.c calls these): content/cpi read
 * beside the plans, the charts a plan's prose asks for with a line
 * `<!-- chart: cpi-score -->`, and the outputs under output/cpi/.
 */
#ifndef PRONGSAI_CPI_PUBLISH_H
#define PRONGSAI_CPI_PUBLISH_H

#include "cpi/cpi.h"
#include "model.h"
#include "out/output.h"
#include "pdf/writer.h"

/* The content folder of a plan file (<content>/<agency>/<year>/plan.md), heap, or NULL. */
char *cpi_content_dir_of(const char *plan_path);

/* Reads content_dir/cpi and the layout its settings name (layouts_dir/NAME.json).
 * NULL when the folder does not exist. Diagnostics come after the plans' (their own
 * order range). */
cpi_data *cpi_publish_read(const char *content_dir, const char *layouts_dir, diag_sink *d);

/* Checks the `<!-- chart: NAME -->` lines of a plan: a known chart, which c (the CPI data
 * of its content folder, or NULL) can draw. */
void cpi_check_figures(const plan *p, const cpi_data *c, diag_sink *d);

/* Writes cpi/cpi.json, cpi/cpi.csv, cpi/<chart>.svg and .png for every chart the data
 * makes, and cpi/cpi-report.pdf. */
bool cpi_publish(output_tree *t, const cpi_data *c, const char *source_date_epoch, char err[256]);

/* A pdf_figure_fn for plan PDFs: data is the cpi_data (NULL: no figure). */
bool cpi_pdf_figure(pdf_writer *w, const char *name, const void *data);

#endif

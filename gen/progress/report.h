/*
 * report.h — the back ends of a joined progress round: progress-<months>.json (typed),
 * progress-<months>.csv (one row per indicator) and progress-<months>.pdf (the report).
 * They read the progress_report only; nothing here parses source text.
 */
#ifndef PRONGSAI_PROGRESS_REPORT_H
#define PRONGSAI_PROGRESS_REPORT_H

#include <jansson.h>
#include <stdbool.h>

#include "layout.h"
#include "out/output.h"
#include "pdf/pdf.h"
#include "progress/progress.h"
#include "util/buf.h"

/* progress-<months>.json (format "prongsai-progress/1"). Caller owns the reference. */
json_t *progress_json(const progress_report *rep);

/* progress-<months>.csv: one row per indicator of every item, and one per item without
 * indicators that is an activity or has a row of its own. RFC 4180, CRLF, no BOM. */
void progress_csv(const progress_report *rep, buf *out);

/* The report as a PDF in the plan's layout. On failure false, with a message in err. */
bool progress_pdf(const progress_report *rep, const layout *l, pdf_fonts *fonts,
    const pdf_options *o, buf *out, char err[256]);

/* "รอบ ๖ เดือน (ต.ค. ๖๖ – มี.ค. ๖๗)" in Thai or Arabic numerals. */
void progress_round_label(const progress_round *r, bool thai_numerals, char *out, size_t outsz);

/* Writes <agency>/<fiscal year>/progress-<months>.json, .csv and .pdf into t. */
bool progress_publish(output_tree *t, const progress_report *rep, const layout *l,
    pdf_fonts *fonts, const pdf_options *o, char err[256]);

#endif

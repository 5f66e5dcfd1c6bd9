/*
 * ckan.h — payloads for data.go.th, a CKAN with the ckanext-thai_gdc extension.
 *
 * One dataset per plan (its PDF, JSON and CSV files), per progress round
 * (progress-<round>.*) and for the CPI (cpi/…), each described by the opendata.txt
 * metadata (meta.h). For each, under output/ckan/<dataset name>/:
 *   package.json        the body of package_create (or package_patch): GD-Catalog fields,
 *                       multiple-choice fields as JSON lists, allow_harvest "True"/"False"
 *   resource-NN.json    the fields of resource_create for the NN-th file
 * and output/ckan/index.json lists every dataset with its payloads and the file each
 * resource uploads, for tools/ckan-upload.sh (`make upload`).
 */
#ifndef PRONGSAI_OD_CKAN_H
#define PRONGSAI_OD_CKAN_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "opendata/meta.h"
#include "out/output.h"

/* date: the publication date (YYYY-MM-DD) or "". Metadata problems go to d (then
 * false); a failed write leaves its message in t->error (then false). */
bool ckan_publish(output_tree *t, plan *const *plans, size_t nplans, od_meta *m,
    const char *date, diag_sink *d);

#endif

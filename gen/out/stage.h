/*
 * stage.h — publishing one agency at a time, so that agencies publish in parallel and
 * a change republishes only what it touches (README.md "Publishing many agencies").
 *
 *   prongsai publish --only AGENCY --output STAGE/AGENCY   (one process per agency)
 *   prongsai publish --reuse STAGE --output OUTPUT          (one process at the end)
 *
 * A stage run renders the plans of content/AGENCY/ only (their plan.json, CSV, PDF and
 * progress files), skips the outputs that list every agency (CPI data, open-data
 * catalogue, website), and records in the staged tree's stage.json which files each of
 * its plans gave and a digest of everything they were made from: the agency's folder,
 * the content files outside every agency folder, the layouts folder,
 * SOURCE_DATE_EPOCH and the prongsai executable itself.
 *
 * The final run reads and validates every plan as usual, but for an agency whose staged
 * digest equals the digest of its sources now, it takes the staged files (hard links,
 * each checked against the staged manifest: the same inode, size and modification
 * time as when the stage wrote it, else hashed again and compared with its sha256)
 * instead of rendering them; it renders any other agency itself, so a stale or missing stage is never
 * published. It then writes the indexes (CPI, open data, website, manifest.json) over
 * all plans and swaps the tree in at once, like any publish.
 */
#ifndef PRONGSAI_STAGE_H
#define PRONGSAI_STAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "out/output.h"
#include "util/fs.h"

/* The agency folder of a plan path under content_dir (`dip` for content/dip/2560/plan.md),
 * copied into out; false when the path is not under content_dir/<agency>/. */
bool stage_agency_of(const char *plan_path, const char *content_dir, char *out, size_t size);

/* Keeps in files only the plans of content_dir/<agency>/. */
void stage_keep_agency(path_list *files, const char *content_dir, const char *agency);

typedef struct stage_inputs stage_inputs;

/* What every agency's digest shares: the executable, SOURCE_DATE_EPOCH, the layouts
 * folder and the content files outside the agency folders (those of plans), hashed
 * once. all_plans: every plan.md of the content (before --only keeps one agency). */
stage_inputs *stage_inputs_new(const char *content_dir, const char *layouts_dir,
    const char *source_date_epoch, const path_list *all_plans);
void stage_inputs_free(stage_inputs *in);
/* The digest of one agency's sources, in hex. */
void stage_digest(stage_inputs *in, const char *agency, char hex[65]);

/* Stage run: the files of t from first_file on were written for the agency's plans;
 * writes stage.json (with the agency's digest) into t. */
bool stage_record(output_tree *t, size_t first_file, const char *agency, const char hex[65]);

/* Final run: takes every file STAGE/<agency>/stage.json lists into t when the staged
 * digest equals hex and every file matches the staged manifest. Returns 1 when taken
 * (the agency's plans need no rendering), 0 when the stage cannot be used (render
 * instead; nothing was added to t), -1 on a write failure (t->error says why). */
int stage_adopt(output_tree *t, const char *stage_dir, const char *agency, const char hex[65]);

#endif

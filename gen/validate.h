/*
 * validate.h — checks across a whole plan, between reading and the back ends: unique
 * and well-formed ids, a non-empty item tree, agreement of the file's place under
 * content/ with its front matter. Back ends may then trust the model.
 */
#ifndef PRONGSAI_VALIDATE_H
#define PRONGSAI_VALIDATE_H

#include "diag.h"
#include "model.h"

/* content_rel: the plan's path relative to the content folder
 * (`dip/2560/plan.md`), or NULL when it was named directly. */
void plan_validate(const plan *p, const char *content_rel, diag_sink *d);

#endif

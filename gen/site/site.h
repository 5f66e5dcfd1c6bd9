/*
 * site.h — the website bundle, output/site/: index.html (every agency, fiscal year and
 * document, the CPI chart, the open-data downloads) and site/<agency>/<year>/index.html
 * (one plan: its documents, structure and prose). Pages are filled from the templates
 * layouts/site/index.html and plan.html with layouts/site/style.css inlined (template.h),
 * prose goes through cmark-gfm's HTML renderer, and every link is relative and points
 * at a file of output/: the bundle can be copied onto any web server as it is.
 */
#ifndef PRONGSAI_SITE_H
#define PRONGSAI_SITE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "out/output.h"
#include "site/template.h"
#include "util/arena.h"

/* The templates, read with the content (before anything is written) so that a broken
 * template stops the run like a broken plan. They outlive the diagnostics that name them:
 * free after printing. */
typedef struct site_templates {
	arena mem;
	template *index, *plan;
	const char *style;
} site_templates;

/* Reads <layouts_dir>/site/index.html, plan.html and style.css; false after reporting. */
bool site_templates_load(site_templates *st, const char *layouts_dir, diag_sink *d);
void site_templates_free(site_templates *st);

/* Run last, after every other file is staged. A template that names something a page
 * does not provide is reported into d (false). */
bool site_publish(output_tree *t, plan *const *plans, size_t n, const site_templates *st,
    const char *source_date_epoch, diag_sink *d);

/* Markdown (GFM) to HTML for the site: raw HTML dropped, links and images that leave
 * the bundle turned into their text with the address written after it. Heap string. */
char *site_markdown_html(const char *markdown);

#endif

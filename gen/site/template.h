/*
 * template.h — the website's HTML templates (layouts/site/index.html and plan.html): a small subset of
 * Mustache over a JSON context.
 *
 *   {{name}}            the value, HTML-escaped (strings, numbers)
 *   {{{name}}}          the value as it is (HTML the site module made: prose, SVG, CSS)
 *   {{#name}}…{{/name}} for each element of a list; once with an object as the context;
 *                       once for true or a non-empty string; not at all for false, null,
 *                       an empty list or a missing name
 *   {{^name}}…{{/name}} once when {{#name}} would not render
 *   {{! comment }}
 * A name is looked up in the innermost context first, then outwards; `.` is the
 * context itself. A variable that is found nowhere is an error (a typo would otherwise
 * print nothing), and so is a tag the subset does not know.
 */
#ifndef PRONGSAI_SITE_TEMPLATE_H
#define PRONGSAI_SITE_TEMPLATE_H

#include <jansson.h>
#include <stdbool.h>

#include "diag.h"
#include "util/buf.h"

typedef struct template template;

/* Parses text (the file at path, for messages; path must outlive the template and the
 * diagnostics); NULL after reporting into d. */
template *template_parse(const char *path, const char *text, diag_sink *d);
/* Renders into out; false after reporting a missing name into d. */
bool template_render(const template *t, json_t *context, buf *out, diag_sink *d);
void template_free(template *t);

/* HTML-escapes s into out (& < > " '). */
void html_escape(buf *out, const char *s);

#endif

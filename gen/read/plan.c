/* plan.c — one plan file, front matter and body, into the model. */
#include "read/reader.h"

static plan *plan_from_source(const char *path, source_text *src, diag_sink *d)
{
	plan *p = plan_new(path);
	size_t body = frontmatter_read(src, p, d);
	if (body == (size_t)-1) {
		plan_free(p);
		return NULL;
	}
	plan_body_read(src, body, p, d);
	return p;
}

plan *plan_read(const char *path, diag_sink *d)
{
	source_text src;
	if (!source_load(path, &src, d))
		return NULL;
	plan *p = plan_from_source(path, &src, d);
	source_free(&src);
	return p;
}

plan *plan_read_memory(const char *path, const char *data, size_t len, diag_sink *d)
{
	source_text src;
	if (!source_from_memory(path, data, len, &src, d))
		return NULL;
	plan *p = plan_from_source(path, &src, d);
	source_free(&src);
	return p;
}

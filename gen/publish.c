#include "publish.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "out/backend.h"
#include "out/output.h"
#include "pdf/pdf.h"
#include "read/reader.h"
#include "util/fs.h"
#include "validate.h"

typedef struct plan_set {
	plan **v;
	const layout **lay; /* each plan's layout, once resolved */
	size_t n;
	arena layout_mem;   /* the layouts, loaded once per name */
	const char *layout_names[64];
	layout *layouts[64];
	pdf_fonts *fonts[64];  /* per layout, loaded when the first PDF needs them */
	size_t nlayouts;
} plan_set;

static void plan_set_free(plan_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		plan_free(s->v[i]);
	free(s->v);
	free(s->lay);
	for (size_t i = 0; i < s->nlayouts; i++)
		pdf_fonts_free(s->fonts[i]);
	arena_free(&s->layout_mem);
	*s = (plan_set){0};
}

/* layouts/<name>.json, loaded at most once per run. A missing or broken layout is an
 * error of the plan that names it. */
static const layout *resolve_layout(plan_set *s, const plan *p, const run_options *o,
    diag_sink *d)
{
	const char *name = o->layout_name ? o->layout_name : p->layout ? p->layout : "plan-landscape";
	for (size_t i = 0; i < s->nlayouts; i++)
		if (!strcmp(s->layout_names[i], name))
			return s->layouts[i];
	if (s->nlayouts == sizeof s->layouts / sizeof *s->layouts)
		return NULL;
	for (const char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_')) {
			diag_report(d, p->path, 1, 0, DIAG_LAYOUT_NOT_FOUND, name,
			    "a name of a-z 0-9 - _ (a file in the layouts folder)");
			return NULL;
		}
	char *path = arena_printf(&s->layout_mem, "%s/%s.json", o->layouts_dir, name);
	layout *l = NULL;
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_report(d, p->path, 1, 0, DIAG_LAYOUT_NOT_FOUND, name, path);
	} else {
		fclose(f);
		l = layout_load(path, &s->layout_mem, d);
	}
	s->layout_names[s->nlayouts] = arena_strdup(&s->layout_mem, name);
	s->layouts[s->nlayouts++] = l;
	return l;
}

/* The part of path below root (`dip/2560/plan.md`), or NULL. */
static const char *relative_to(const char *path, const char *root)
{
	size_t n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	if (strncmp(path, root, n) == 0 && path[n] == '/')
		return path + n + 1;
	return NULL;
}

/* Reads and validates every file of files; plans that could be read go to out. */
static void read_all(const path_list *files, const char *root, const run_options *o,
    diag_sink *d, plan_set *out)
{
	out->v = calloc(files->n ? files->n : 1, sizeof *out->v);
	out->lay = calloc(files->n ? files->n : 1, sizeof *out->lay);
	if (!out->v || !out->lay)
		abort();
	for (size_t i = 0; i < files->n; i++) {
		d->file_order = i;
		plan *p = plan_read(files->v[i], d);
		if (!p)
			continue;
		plan_validate(p, root ? relative_to(files->v[i], root) : NULL, d);
		out->lay[out->n] = o ? resolve_layout(out, p, o, d) : NULL;
		out->v[out->n++] = p;
	}
}

static int finish(diag_sink *d, int status)
{
	diag_print(d, stderr);
	if (status == EXIT_OK && d->worst == DIAG_ERROR)
		status = EXIT_INVALID;
	diag_sink_free(d);
	return status;
}

static bool same_fonts(const layout *a, const layout *b)
{
	if (strcmp(a->font_family, b->font_family) != 0)
		return false;
	for (int k = 0; k < FONT__STYLES; k++)
		if ((a->font_files[k] == NULL) != (b->font_files[k] == NULL) ||
		    (a->font_files[k] && strcmp(a->font_files[k], b->font_files[k]) != 0))
			return false;
	return true;
}

/* Layouts that name the same font files share one font set: loading fonts is the costly
 * part of a small document, and each private fontconfig set lives until the run ends. */
static pdf_fonts *fonts_for(plan_set *s, const layout *l, char err[256])
{
	size_t mine = s->nlayouts;
	for (size_t i = 0; i < s->nlayouts; i++) {
		if (s->layouts[i] == l)
			mine = i;
		if (s->fonts[i] && s->layouts[i] && same_fonts(s->layouts[i], l))
			return s->fonts[i];
	}
	if (mine == s->nlayouts) {
		snprintf(err, 256, "no fonts for layout %s", l->name);
		return NULL;
	}
	return s->fonts[mine] = pdf_fonts_new(l, err);
}

static bool render_pdf(plan_set *s, size_t i, const run_options *o, buf *out)
{
	const plan *p = s->v[i];
	char err[256] = "";
	pdf_options po = {pdf_document_date(p, o->source_date_epoch)};
	pdf_fonts *fonts = fonts_for(s, s->lay[i], err);
	if (fonts && plan_pdf(p, s->lay[i], fonts, &po, out, err))
		return true;
	fprintf(stderr, "prongsai: %s: cannot render the PDF: %s\n", p->path, err);
	return false;
}

static bool render_plan(output_tree *t, plan_set *s, size_t i, const run_options *o)
{
	const plan *p = s->v[i];
	char dir[512];
	snprintf(dir, sizeof dir, "%s/%d", p->agency_id, p->fiscal_year_be);
	char rel[600];
	buf b = {0};
	json_t *j = plan_json(p);
	json_render(j, &b);
	json_decref(j);
	snprintf(rel, sizeof rel, "%s/plan.json", dir);
	bool ok = output_write(t, rel, "application/json", &b);
	b.len = 0;
	plan_indicators_csv(p, &b);
	snprintf(rel, sizeof rel, "%s/plan-indicators.csv", dir);
	ok = ok && output_write(t, rel, "text/csv", &b);
	b.len = 0;
	snprintf(rel, sizeof rel, "%s/plan.pdf", dir);
	ok = ok && render_pdf(s, i, o, &b) && output_write(t, rel, "application/pdf", &b);
	buf_free(&b);
	return ok;
}

int publish_run(const run_options *o)
{
	const char *content_dir = o->content_dir, *output_dir = o->output_dir;
	diag_sink d = {0};
	path_list files = {0};
	if (!fs_find(content_dir, "plan.md", &files)) {
		diag_report(&d, content_dir, 0, 0, DIAG_IO_READ, "not a readable folder");
		path_list_free(&files);
		return finish(&d, EXIT_INVALID);
	}
	if (files.n == 0)
		diag_report(&d, content_dir, 0, 0, DIAG_NO_PLANS);
	plan_set plans = {0};
	read_all(&files, content_dir, o, &d, &plans);
	int status = EXIT_OK;
	if (d.worst == DIAG_ERROR) {
		status = EXIT_INVALID; /* nothing is written: output/ stays as it was */
		goto out;
	}
	output_tree t;
	if (!output_begin(&t, output_dir)) {
		fprintf(stderr, "prongsai: cannot write output: %s\n", t.error);
		output_end(&t);
		status = EXIT_FAILURE_IO;
		goto out;
	}
	bool ok = true;
	for (size_t i = 0; i < plans.n && ok; i++)
		ok = render_plan(&t, &plans, i, o);
	if (ok)
		ok = output_commit(&t);
	if (!ok) {
		fprintf(stderr, "prongsai: cannot write output: %s\n", t.error);
		status = EXIT_FAILURE_IO;
	} else {
		fprintf(stderr, "prongsai: published %zu plan%s, %zu files, into %s\n", plans.n,
		    plans.n == 1 ? "" : "s", t.n + 1, output_dir);
	}
	output_end(&t);
out:
	status = finish(&d, status); /* before the frees: diagnostics point at the paths */
	plan_set_free(&plans);
	path_list_free(&files);
	return status;
}

int check_run(char **paths, int npaths, const run_options *o)
{
	diag_sink d = {0};
	path_list files = {0};
	for (int i = 0; i < npaths; i++) {
		if (!fs_is_dir(paths[i])) {
			path_list_push(&files, strdup(paths[i]));
			continue;
		}
		path_list found = {0};
		if (!fs_find(paths[i], "plan.md", &found) || found.n == 0)
			diag_report(&d, paths[i], 0, 0, DIAG_NO_PLANS);
		for (size_t k = 0; k < found.n; k++)
			path_list_push(&files, found.v[k]);
		free(found.v); /* the strings now belong to files */
	}
	plan_set plans = {0};
	read_all(&files, NULL, o, &d, &plans);
	size_t nfiles = files.n;
	size_t errors = diag_count(&d, DIAG_ERROR), warnings = diag_count(&d, DIAG_WARNING);
	int status = finish(&d, EXIT_OK);
	fprintf(stderr, "prongsai: %zu file%s checked, %zu error%s, %zu warning%s\n", nfiles,
	    nfiles == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings,
	    warnings == 1 ? "" : "s");
	plan_set_free(&plans);
	path_list_free(&files);
	return status;
}

int dump_run(const char *path)
{
	diag_sink d = {0};
	plan *p = plan_read(path, &d);
	if (p)
		plan_validate(p, NULL, &d);
	int status = EXIT_OK;
	if (p && d.worst < DIAG_ERROR) {
		buf b = {0};
		json_t *j = plan_json(p);
		json_render(j, &b);
		json_decref(j);
		fwrite(b.data, 1, b.len, stdout);
		buf_free(&b);
	}
	status = finish(&d, status);
	plan_free(p);
	return status;
}

int pdf_run(const char *plan_path, const char *pdf_path, const run_options *o)
{
	diag_sink d = {0};
	path_list files = {0};
	path_list_push(&files, strdup(plan_path));
	plan_set plans = {0};
	read_all(&files, NULL, o, &d, &plans);
	int status = d.worst == DIAG_ERROR || plans.n == 0 ? EXIT_INVALID : EXIT_OK;
	if (status == EXIT_OK) {
		buf b = {0};
		char *tmp;
		if (asprintf(&tmp, "%s.tmp-%d", pdf_path, (int)getpid()) < 0)
			abort();
		if (!render_pdf(&plans, 0, o, &b)) {
			status = EXIT_FAILURE_IO;
		} else if (!fs_write_file(tmp, b.data, b.len) || rename(tmp, pdf_path) != 0) {
			fprintf(stderr, "prongsai: cannot write %s: %s\n", pdf_path, strerror(errno));
			remove(tmp);
			status = EXIT_FAILURE_IO;
		}
		free(tmp);
		buf_free(&b);
	}
	status = finish(&d, status);
	plan_set_free(&plans);
	path_list_free(&files);
	return status;
}

#include "publish.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "out/backend.h"
#include "out/output.h"
#include "read/reader.h"
#include "util/fs.h"
#include "validate.h"

typedef struct plan_set {
	plan **v;
	size_t n;
} plan_set;

static void plan_set_free(plan_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		plan_free(s->v[i]);
	free(s->v);
	*s = (plan_set){0};
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
static void read_all(const path_list *files, const char *root, diag_sink *d, plan_set *out)
{
	out->v = calloc(files->n ? files->n : 1, sizeof *out->v);
	if (!out->v)
		abort();
	for (size_t i = 0; i < files->n; i++) {
		d->file_order = i;
		plan *p = plan_read(files->v[i], d);
		if (!p)
			continue;
		plan_validate(p, root ? relative_to(files->v[i], root) : NULL, d);
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

static bool render_plan(output_tree *t, const plan *p)
{
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
	buf_free(&b);
	return ok;
}

int publish_run(const char *content_dir, const char *output_dir)
{
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
	read_all(&files, content_dir, &d, &plans);
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
		ok = render_plan(&t, plans.v[i]);
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

int check_run(char **paths, int npaths)
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
	read_all(&files, NULL, &d, &plans);
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

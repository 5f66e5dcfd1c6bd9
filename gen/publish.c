#include "publish.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "cpi/cpi_publish.h"
#include "diag.h"
#include "opendata/opendata.h"
#include "out/backend.h"
#include "out/output.h"
#include "out/stage.h"
#include "pdf/pdf.h"
#include "progress/progress.h"
#include "progress/report.h"
#include "read/reader.h"
#include "site/site.h"
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
	progress_set **progress; /* each plan's progress rounds (read_progress) */
	cpi_data *cpi;           /* content/cpi of the plans' content folder, or NULL */
	bool cpi_tried;
} plan_set;

static void plan_set_free(plan_set *s)
{
	for (size_t i = 0; s->progress && i < s->n; i++)
		progress_set_free(s->progress[i]);
	free(s->progress);
	cpi_free(s->cpi);
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
		if (!out->cpi_tried) { /* the CPI data of the content folder, for charts in plans */
			char *dir = root ? strdup(root) : cpi_content_dir_of(files->v[i]);
			out->cpi = cpi_publish_read(dir, o ? o->layouts_dir : NULL, d);
			out->cpi_tried = true;
			free(dir);
		}
		d->file_order = i;
		plan *p = plan_read(files->v[i], d);
		if (!p)
			continue;
		plan_validate(p, root ? relative_to(files->v[i], root) : NULL, d);
		cpi_check_figures(p, out->cpi, d);
		out->lay[out->n] = o ? resolve_layout(out, p, o, d) : NULL;
		out->v[out->n++] = p;
	}
}

/* The progress files beside each plan, read and joined. Their diagnostics come after
 * those of every other file (an order no other reader uses). */
static void read_progress(plan_set *s, diag_sink *d)
{
	s->progress = calloc(s->n ? s->n : 1, sizeof *s->progress);
	if (!s->progress)
		abort();
	size_t order = SIZE_MAX / 2;
	for (size_t i = 0; i < s->n; i++)
		s->progress[i] = progress_read_for_plan(s->v[i], d, &order);
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
	pdf_options po = {.created = pdf_document_date(p, o->source_date_epoch)};
	po.figure = cpi_pdf_figure; /* `<!-- chart: cpi-score -->` in the prose */
	po.figure_data = s->cpi;
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
	/* progress-<months>.json, .csv and .pdf for each round beside the plan */
	const progress_set *ps = s->progress ? s->progress[i] : NULL;
	for (size_t k = 0; ok && ps && k < ps->n; k++) {
		char err[256] = "";
		pdf_options po = {.created = pdf_document_date(p, o->source_date_epoch)};
		pdf_fonts *fonts = fonts_for(s, s->lay[i], err);
		ok = fonts && progress_publish(t, ps->reports[k], s->lay[i], fonts, &po, err);
		if (!ok)
			fprintf(stderr, "prongsai: %s: cannot publish the progress report: %s\n",
			    ps->rounds[k]->path, err);
	}
	return ok;
}

/* A symbolic link in the content folder could bring in any file of the machine (a
 * plan.md that is /etc/passwd, a folder that is /): every one is an error, and none is
 * followed. The paths go into links, which must outlive d. */
static void report_links(const char *dir, path_list *links, diag_sink *d)
{
	fs_find_links(dir, links);
	for (size_t i = 0; i < links->n; i++) {
		char to[4096];
		ssize_t n = readlink(links->v[i], to, sizeof to - 1);
		to[n > 0 ? n : 0] = '\0';
		diag_report(d, links->v[i], 0, 0, DIAG_LINK_IN_CONTENT, to);
	}
}

/* Renders every plan into t; with --reuse, an agency whose stage is fresh is taken
 * from the stage instead (out/stage.h), counted in *reused. */
static bool render_all(output_tree *t, plan_set *s, const run_options *o, stage_inputs *in,
    size_t *reused)
{
	char agency[256] = "", hex[65];
	int taken = 0;
	for (size_t i = 0; i < s->n; i++) {
		char a[256];
		if (o->reuse && in && stage_agency_of(s->v[i]->path, o->content_dir, a, sizeof a)) {
			if (strcmp(a, agency) != 0) { /* plans are in path order: an agency's are together */
				snprintf(agency, sizeof agency, "%s", a);
				stage_digest(in, agency, hex);
				taken = stage_adopt(t, o->reuse, agency, hex);
			}
			if (taken < 0)
				return false;
			if (taken) {
				(*reused)++;
				continue;
			}
		}
		if (!render_plan(t, s, i, o))
			return false;
	}
	return true;
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
	/* --only and --reuse (out/stage.h): the digest of a stage's sources is taken before
	 * they are read, so that a file changed meanwhile makes the stage stale, never wrong */
	stage_inputs *stage_in = o->only || o->reuse ?
	    stage_inputs_new(content_dir, o->layouts_dir, o->source_date_epoch, &files) : NULL;
	char stage_hex[65] = "", *only_dir = NULL;
	if (o->only) {
		stage_digest(stage_in, o->only, stage_hex);
		stage_keep_agency(&files, content_dir, o->only);
		if (asprintf(&only_dir, "%s/%s", content_dir, o->only) < 0)
			abort();
	}
	if (files.n == 0)
		diag_report(&d, only_dir ? only_dir : content_dir, 0, 0, DIAG_NO_PLANS);
	path_list links = {0};
	report_links(content_dir, &links, &d);
	if (links.n) { /* nothing is read while a link could lead a reader out of content/ */
		int status = finish(&d, EXIT_INVALID);
		path_list_free(&links);
		path_list_free(&files);
		stage_inputs_free(stage_in);
		free(only_dir);
		return status;
	}
	plan_set plans = {0};
	read_all(&files, content_dir, o, &d, &plans);
	if (!plans.cpi_tried) /* a content folder with CPI data and no plan */
		plans.cpi = cpi_publish_read(content_dir, o->layouts_dir, &d);
	read_progress(&plans, &d);
	od_meta meta = {0}; /* open-data metadata: every opendata.txt of the content */
	od_meta_read(&meta, content_dir, &d, files.n);
	site_templates site = {0};
	site_templates_load(&site, o->layouts_dir, &d);
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
	size_t reused = 0;
	bool ok = render_all(&t, &plans, o, stage_in, &reused);
	if (o->only) { /* a stage: the agency's files and stage.json, none of the indexes */
		ok = ok && stage_record(&t, 0, o->only, stage_hex);
		goto commit;
	}
	if (ok && plans.cpi) { /* output/cpi/: data, charts, the CPI report */
		char err[256] = "";
		ok = cpi_publish(&t, plans.cpi, o->source_date_epoch, err);
		if (!ok)
			fprintf(stderr, "prongsai: %s: cannot publish the CPI data: %s\n", plans.cpi->dir, err);
	}
	/* last: the open-data stage and the website describe every file written above */
	if (ok)
		ok = opendata_publish(&t, plans.v, plans.n, &meta, o->source_date_epoch, &d) &&
		     site_publish(&t, plans.v, plans.n, &site, o->source_date_epoch, &d);
commit:
	if (ok)
		ok = output_commit(&t);
	if (!ok && d.worst == DIAG_ERROR) {
		status = EXIT_INVALID; /* metadata or a site template: reported; nothing written */
	} else if (!ok) {
		fprintf(stderr, "prongsai: cannot write output: %s\n", t.error);
		status = EXIT_FAILURE_IO;
	} else {
		fprintf(stderr, "prongsai: published %zu plan%s, %zu files, into %s\n", plans.n,
		    plans.n == 1 ? "" : "s", t.n + 1, output_dir);
		if (o->reuse)
			fprintf(stderr, "prongsai: %zu of the plans taken from the stages in %s\n",
			    reused, o->reuse);
	}
	output_end(&t);
out:
	status = finish(&d, status); /* before the frees: diagnostics point at the paths */
	od_meta_free(&meta);
	site_templates_free(&site);
	plan_set_free(&plans);
	path_list_free(&files);
	path_list_free(&links);
	stage_inputs_free(stage_in);
	free(only_dir);
	return status;
}

int check_run(char **paths, int npaths, const run_options *o)
{
	diag_sink d = {0};
	path_list files = {0}, links = {0};
	for (int i = 0; i < npaths; i++) {
		if (!fs_is_dir(paths[i])) {
			path_list_push(&files, strdup(paths[i]));
			continue;
		}
		path_list found = {0};
		if (!fs_find(paths[i], "plan.md", &found) || found.n == 0)
			diag_report(&d, paths[i], 0, 0, DIAG_NO_PLANS);
		report_links(paths[i], &links, &d);
		for (size_t k = 0; k < found.n; k++)
			path_list_push(&files, found.v[k]);
		free(found.v); /* the strings now belong to files */
	}
	if (links.n) { /* nothing is read while a link could lead a reader out of content/ */
		int status = finish(&d, EXIT_INVALID);
		fprintf(stderr, "prongsai: %zu symbolic link%s in the content folder: nothing checked\n",
		    links.n, links.n == 1 ? "" : "s");
		path_list_free(&links);
		path_list_free(&files);
		return status;
	}
	plan_set plans = {0};
	read_all(&files, NULL, o, &d, &plans);
	read_progress(&plans, &d);
	od_meta meta = {0}; /* the opendata.txt files of each folder checked */
	for (int i = 0; i < npaths; i++)
		if (fs_is_dir(paths[i]))
			od_meta_read(&meta, paths[i], &d, files.n + (size_t)i);
	size_t nfiles = files.n;
	size_t errors = diag_count(&d, DIAG_ERROR), warnings = diag_count(&d, DIAG_WARNING);
	int status = finish(&d, EXIT_OK);
	fprintf(stderr, "prongsai: %zu file%s checked, %zu error%s, %zu warning%s\n", nfiles,
	    nfiles == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings,
	    warnings == 1 ? "" : "s");
	od_meta_free(&meta);
	plan_set_free(&plans);
	path_list_free(&files);
	path_list_free(&links);
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

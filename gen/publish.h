/* publish.h — the runs behind the subcommands: read every plan, validate, and (for
 * publish) render all back ends into a staged output tree that replaces output/. */
#ifndef PRONGSAI_PUBLISH_H
#define PRONGSAI_PUBLISH_H

enum exit_status { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_FAILURE_IO = 3 };

typedef struct run_options {
	const char *content_dir, *output_dir;
	const char *layouts_dir;      /* layouts/ */
	const char *layout_name;      /* overrides the plans' own `layout:`, or NULL */
	const char *source_date_epoch;
	const char *only;             /* publish the plans of this agency only (a stage), or NULL */
	const char *reuse;            /* take fresh staged agencies from this folder, or NULL */
} run_options;

int publish_run(const run_options *o);
/* One plan to one PDF file (written atomically). */
int pdf_run(const char *plan_path, const char *pdf_path, const run_options *o);
/* paths: plan files or folders to search for plan.md */
int check_run(char **paths, int npaths, const run_options *o);
int dump_run(const char *path);

#endif

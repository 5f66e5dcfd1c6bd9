/* publish.h — the runs behind the subcommands: read every plan, validate, and (for
 * publish) render all back ends into a staged output tree that replaces output/. */
#ifndef PRONGSAI_PUBLISH_H
#define PRONGSAI_PUBLISH_H

enum exit_status { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_FAILURE_IO = 3 };

int publish_run(const char *content_dir, const char *output_dir);
/* paths: plan files or folders to search for plan.md */
int check_run(char **paths, int npaths);
int dump_run(const char *path);

#endif

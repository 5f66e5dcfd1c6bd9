/* fs.h — the file-system operations publishing needs: find sources, write files,
 * swap a finished output tree into place, remove a tree. */
#ifndef PRONGSAI_FS_H
#define PRONGSAI_FS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct path_list {
	char **v; /* heap strings */
	size_t n, cap;
} path_list;

/* Every regular file called `name` under root (symbolic links are not followed, hidden
 * folders skipped), in byte order of their paths. Returns false if root cannot be read. */
bool fs_find(const char *root, const char *name, path_list *out);
/* Every symbolic link under root (not followed; hidden folders skipped), sorted. */
void fs_find_links(const char *root, path_list *out);
void path_list_push(path_list *l, char *s); /* takes ownership of s */
void path_list_free(path_list *l);

bool fs_mkdirs(const char *path);
bool fs_write_file(const char *path, const void *data, size_t len);
bool fs_is_dir(const char *path);
/* Removes a tree without following symbolic links; true if it is gone. */
bool fs_remove_tree(const char *path);
/* Puts staged where target is, atomically: target either keeps its old content or has
 * the new one, never a mix. The old tree is removed afterwards. */
bool fs_replace_tree(const char *staged, const char *target);

#endif

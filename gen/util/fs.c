#include "util/fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void path_list_push(path_list *l, char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		char **v = realloc(l->v, l->cap * sizeof *v);
		if (!v)
			abort();
		l->v = v;
	}
	l->v[l->n++] = s;
}

void path_list_free(path_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	*l = (path_list){0};
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool find_in(const char *dir, const char *name, path_list *out, int depth)
{
	if (depth > 32)
		return true; /* deeper than any content tree: ignore */
	DIR *d = opendir(dir);
	if (!d)
		return false;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *path;
		if (asprintf(&path, "%s/%s", dir, e->d_name) < 0)
			abort();
		struct stat st;
		if (lstat(path, &st) != 0) { /* gone since readdir */
			free(path);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			find_in(path, name, out, depth + 1);
			free(path);
		} else if (S_ISREG(st.st_mode) && strcmp(e->d_name, name) == 0) {
			path_list_push(out, path);
		} else {
			free(path);
		}
	}
	closedir(d);
	return true;
}

bool fs_find(const char *root, const char *name, path_list *out)
{
	if (!find_in(root, name, out, 0))
		return false;
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, str_cmp);
	return true;
}

static void links_in(const char *dir, path_list *out, int depth)
{
	DIR *d = depth > 32 ? NULL : opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *path;
		if (asprintf(&path, "%s/%s", dir, e->d_name) < 0)
			abort();
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
			path_list_push(out, path);
			continue;
		}
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			links_in(path, out, depth + 1);
		free(path);
	}
	closedir(d);
}

void fs_find_links(const char *root, path_list *out)
{
	links_in(root, out, 0);
	if (out->n) /* qsort of a NULL array is undefined even when empty */
		qsort(out->v, out->n, sizeof *out->v, str_cmp);
}

bool fs_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool fs_mkdirs(const char *path)
{
	char *p = strdup(path);
	if (!p)
		abort();
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			free(p);
			return false;
		}
		*s = '/';
	}
	bool ok = mkdir(p, 0755) == 0 || errno == EEXIST;
	free(p);
	return ok;
}

bool fs_write_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return false;
	const char *p = data;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return false;
		}
		p += n;
		len -= (size_t)n;
	}
	return close(fd) == 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

bool fs_remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return errno == ENOENT;
	return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS) == 0;
}

bool fs_replace_tree(const char *staged, const char *target)
{
	struct stat st;
	if (lstat(target, &st) != 0)
		return rename(staged, target) == 0;
	/* swap the two names in one step, then delete the old tree under the staged name */
	if (renameat2(AT_FDCWD, staged, AT_FDCWD, target, RENAME_EXCHANGE) != 0)
		return false;
	return fs_remove_tree(staged);
}

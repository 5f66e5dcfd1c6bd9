#include "out/output.h"

#include <errno.h>
#include <glib.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out/backend.h"
#include "util/fs.h"

bool output_begin(output_tree *t, const char *target_dir)
{
	*t = (output_tree){0};
	size_t len = strlen(target_dir);
	while (len > 1 && target_dir[len - 1] == '/')
		len--;
	t->target = strndup(target_dir, len);
	if (asprintf(&t->staging, "%s.tmp-XXXXXX", t->target) < 0)
		abort();
	char *parent = strdup(t->target), *slash = strrchr(parent, '/');
	if (slash && slash != parent) {
		*slash = '\0';
		fs_mkdirs(parent);
	}
	free(parent);
	if (!mkdtemp(t->staging)) {
		snprintf(t->error, sizeof t->error, "%s: %s", t->staging, strerror(errno));
		free(t->staging);
		t->staging = NULL;
		return false;
	}
	return true;
}

static void sha256_hex(const buf *b, char out[65])
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(c, (const guchar *)(b->data ? b->data : ""), b->len);
	snprintf(out, 65, "%s", g_checksum_get_string(c));
	g_checksum_free(c);
}

static void add_entry(output_tree *t, const char *rel, const char *media_type, size_t bytes,
    const char sha256[65])
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		output_file *f = realloc(t->files, t->cap * sizeof *f);
		if (!f)
			abort();
		t->files = f;
	}
	output_file *f = &t->files[t->n++];
	f->path = strdup(rel);
	f->media_type = media_type;
	f->bytes = bytes;
	snprintf(f->sha256, sizeof f->sha256, "%s", sha256);
}

bool output_write(output_tree *t, const char *rel, const char *media_type, const buf *b)
{
	char *path;
	if (asprintf(&path, "%s/%s", t->staging, rel) < 0)
		abort();
	char *dir = strdup(path);
	*strrchr(dir, '/') = '\0';
	bool ok = fs_mkdirs(dir) && fs_write_file(path, b->data ? b->data : "", b->len);
	if (!ok && !t->error[0])
		snprintf(t->error, sizeof t->error, "%s: %s", path, strerror(errno));
	free(dir);
	free(path);
	if (!ok)
		return false;
	char sha256[65];
	sha256_hex(b, sha256);
	add_entry(t, rel, media_type, b->len, sha256);
	return true;
}

bool output_adopt(output_tree *t, const char *rel, const char *media_type, const char *src,
    size_t bytes, const char sha256[65])
{
	char *path;
	if (asprintf(&path, "%s/%s", t->staging, rel) < 0)
		abort();
	char *dir = strdup(path);
	*strrchr(dir, '/') = '\0';
	bool ok = fs_mkdirs(dir);
	if (ok && link(src, path) != 0) { /* another file system: copy the bytes */
		gchar *data = NULL;
		gsize len = 0;
		ok = g_file_get_contents(src, &data, &len, NULL) && len == bytes &&
		     fs_write_file(path, data, len);
		g_free(data);
	}
	if (!ok && !t->error[0])
		snprintf(t->error, sizeof t->error, "%s: %s", path, strerror(errno));
	free(dir);
	free(path);
	if (ok)
		add_entry(t, rel, media_type, bytes, sha256);
	return ok;
}

static int file_cmp(const void *a, const void *b)
{
	return strcmp(((const output_file *)a)->path, ((const output_file *)b)->path);
}

bool output_commit(output_tree *t)
{
	qsort(t->files, t->n, sizeof *t->files, file_cmp);
	json_t *files = json_array();
	for (size_t i = 0; i < t->n; i++)
		json_array_append_new(files, json_pack("{s:s,s:s,s:I,s:s}", "path", t->files[i].path,
						 "media_type", t->files[i].media_type, "bytes",
						 (json_int_t)t->files[i].bytes, "sha256",
						 t->files[i].sha256));
	json_t *manifest = json_pack("{s:s,s:o}", "format", "prongsai-manifest/1", "files", files);
	buf b = {0};
	json_render(manifest, &b);
	json_decref(manifest);
	char *path;
	if (asprintf(&path, "%s/manifest.json", t->staging) < 0)
		abort();
	bool ok = fs_write_file(path, b.data, b.len);
	free(path);
	buf_free(&b);
	if (ok)
		ok = fs_replace_tree(t->staging, t->target);
	if (!ok) {
		snprintf(t->error, sizeof t->error, "%s: %s", t->target, strerror(errno));
		return false;
	}
	free(t->staging);
	t->staging = NULL;
	return true;
}

void output_end(output_tree *t)
{
	if (t->staging)
		fs_remove_tree(t->staging);
	for (size_t i = 0; i < t->n; i++)
		free(t->files[i].path);
	free(t->files);
	free(t->staging);
	free(t->target);
	*t = (output_tree){0};
}

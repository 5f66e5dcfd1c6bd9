/* stage.c — per-agency staged publishing (see stage.h). */
#include "out/stage.h"

#include <dirent.h>
#include <errno.h>
#include <glib.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "out/backend.h"
#include "util/buf.h"

static const char stage_format[] = "prongsai-stage/1";

/* ---- agencies -------------------------------------------------------------------------- */

bool stage_agency_of(const char *plan_path, const char *content_dir, char *out, size_t size)
{
	size_t n = strlen(content_dir);
	while (n > 1 && content_dir[n - 1] == '/')
		n--;
	if (strncmp(plan_path, content_dir, n) != 0 || plan_path[n] != '/')
		return false;
	const char *a = plan_path + n + 1, *slash = strchr(a, '/');
	if (!slash || (size_t)(slash - a) >= size)
		return false;
	snprintf(out, size, "%.*s", (int)(slash - a), a);
	return true;
}

void stage_keep_agency(path_list *files, const char *content_dir, const char *agency)
{
	size_t kept = 0;
	for (size_t i = 0; i < files->n; i++) {
		char a[256];
		if (stage_agency_of(files->v[i], content_dir, a, sizeof a) && !strcmp(a, agency))
			files->v[kept++] = files->v[i];
		else
			free(files->v[i]);
	}
	files->n = kept;
}

/* ---- digests --------------------------------------------------------------------------- */

struct stage_inputs {
	GChecksum *shared;     /* everything but the agency folders */
	char *content_dir;
};

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Regular files under dir (not through links; hidden names skipped), paths relative to
 * dir, sorted. skip: top-level names to leave out, or NULL. */
static void walk(const char *dir, const char *rel, const path_list *skip, path_list *out,
    int depth)
{
	DIR *d = depth > 32 ? NULL : opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		bool skipped = false;
		for (size_t i = 0; skip && depth == 0 && i < skip->n && !skipped; i++)
			skipped = !strcmp(skip->v[i], e->d_name);
		if (skipped)
			continue;
		char *path, *sub;
		if (asprintf(&path, "%s/%s", dir, e->d_name) < 0 ||
		    asprintf(&sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name) < 0)
			abort();
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			walk(path, sub, skip, out, depth + 1);
			free(sub);
		} else if (lstat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			path_list_push(out, sub);
		} else {
			free(sub);
		}
		free(path);
	}
	closedir(d);
}

/* Adds `what NUL path NUL size NUL bytes` of one file. */
static void hash_file(GChecksum *c, const char *what, const char *path, const char *shown)
{
	FILE *f = fopen(path, "rb");
	g_checksum_update(c, (const guchar *)what, strlen(what) + 1);
	g_checksum_update(c, (const guchar *)shown, strlen(shown) + 1);
	if (!f) {
		g_checksum_update(c, (const guchar *)"unreadable", 11);
		return;
	}
	unsigned char chunk[65536];
	size_t n, total = 0;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		g_checksum_update(c, chunk, n);
		total += n;
	}
	fclose(f);
	char size[32];
	snprintf(size, sizeof size, "%zu", total);
	g_checksum_update(c, (const guchar *)size, strlen(size) + 1);
}

static void hash_tree(GChecksum *c, const char *what, const char *dir, const path_list *skip)
{
	path_list files = {0};
	walk(dir, "", skip, &files, 0);
	if (files.n)
		qsort(files.v, files.n, sizeof *files.v, str_cmp);
	for (size_t i = 0; i < files.n; i++) {
		char *path;
		if (asprintf(&path, "%s/%s", dir, files.v[i]) < 0)
			abort();
		hash_file(c, what, path, files.v[i]);
		free(path);
	}
	path_list_free(&files);
}

stage_inputs *stage_inputs_new(const char *content_dir, const char *layouts_dir,
    const char *source_date_epoch, const path_list *all_plans)
{
	stage_inputs *in = calloc(1, sizeof *in);
	if (!in || !(in->content_dir = strdup(content_dir)))
		abort();
	GChecksum *c = in->shared = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(c, (const guchar *)stage_format, sizeof stage_format);
	/* the program itself: a new build may draw the same plan differently */
	struct stat st;
	if (stat("/proc/self/exe", &st) == 0) {
		hash_file(c, "exe", "/proc/self/exe", "prongsai");
	} else { /* cannot tell which program this is: a digest no stage can match */
		char unique[64];
		snprintf(unique, sizeof unique, "%ld.%ld", (long)getpid(), (long)time(NULL));
		g_checksum_update(c, (const guchar *)unique, strlen(unique) + 1);
	}
	const char *sde = source_date_epoch ? source_date_epoch : "";
	g_checksum_update(c, (const guchar *)sde, strlen(sde) + 1);
	hash_tree(c, "layouts", layouts_dir, NULL);
	/* the content outside the agency folders: CPI data, open-data metadata, … */
	path_list agencies = {0};
	for (size_t i = 0; i < all_plans->n; i++) {
		char a[256];
		if (!stage_agency_of(all_plans->v[i], content_dir, a, sizeof a))
			continue;
		if (!agencies.n || strcmp(agencies.v[agencies.n - 1], a) != 0) /* plans are sorted */
			path_list_push(&agencies, strdup(a));
	}
	hash_tree(c, "content", content_dir, &agencies);
	path_list_free(&agencies);
	return in;
}

void stage_inputs_free(stage_inputs *in)
{
	if (!in)
		return;
	g_checksum_free(in->shared);
	free(in->content_dir);
	free(in);
}

void stage_digest(stage_inputs *in, const char *agency, char hex[65])
{
	GChecksum *c = g_checksum_copy(in->shared);
	g_checksum_update(c, (const guchar *)"agency", 7);
	g_checksum_update(c, (const guchar *)agency, strlen(agency) + 1);
	char *dir;
	if (asprintf(&dir, "%s/%s", in->content_dir, agency) < 0)
		abort();
	hash_tree(c, "agency", dir, NULL);
	free(dir);
	snprintf(hex, 65, "%s", g_checksum_get_string(c));
	g_checksum_free(c);
}

/* ---- the stage run --------------------------------------------------------------------- */

/* A staged file as stat sees it: its inode and modification time in ns. The final run
 * trusts the staged manifest's sha256 for a file still the same inode with the same
 * size and time (a changed file has another time, a replaced one another inode); any
 * other file is hashed again. This saves reading every PDF twice (a GB for 300
 * agencies). */
static bool file_identity(const char *path, json_int_t *ino, json_int_t *mtime_ns)
{
	struct stat st;
	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	*ino = (json_int_t)st.st_ino;
	*mtime_ns = (json_int_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	return true;
}

bool stage_record(output_tree *t, size_t first_file, const char *agency, const char hex[65])
{
	json_t *files = json_array();
	for (size_t i = first_file; i < t->n; i++) {
		char *path;
		json_int_t ino = 0, mtime = 0;
		if (asprintf(&path, "%s/%s", t->staging, t->files[i].path) < 0)
			abort();
		file_identity(path, &ino, &mtime);
		free(path);
		json_array_append_new(files, json_pack("{s:s,s:I,s:I}", "path", t->files[i].path,
						     "inode", ino, "mtime_ns", mtime));
	}
	json_t *j = json_pack("{s:s,s:s,s:s,s:o}", "format", stage_format, "agency", agency,
	    "inputs", hex, "files", files);
	buf b = {0};
	json_render(j, &b);
	json_decref(j);
	bool ok = output_write(t, "stage.json", "application/json", &b);
	buf_free(&b);
	return ok;
}

/* ---- the final run --------------------------------------------------------------------- */

/* output_file keeps its media type as a pointer that must outlive the tree: the types
 * a staged file may have, as literals. Any other type is not taken from a stage. */
static const char *known_media_type(const char *s)
{
	static const char *const types[] = {"application/json", "text/csv", "application/pdf",
		"text/html", "text/plain", "text/markdown", "image/svg+xml", "application/zip",
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
	for (size_t i = 0; s && i < sizeof types / sizeof *types; i++)
		if (!strcmp(types[i], s))
			return types[i];
	return NULL;
}

static bool file_sha256(const char *path, size_t *bytes, char hex[65])
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	unsigned char chunk[65536];
	size_t n;
	*bytes = 0;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		g_checksum_update(c, chunk, n);
		*bytes += n;
	}
	bool ok = !ferror(f);
	fclose(f);
	snprintf(hex, 65, "%s", g_checksum_get_string(c));
	g_checksum_free(c);
	return ok;
}

typedef struct staged_file {
	const char *rel, *media_type;
	char *src;
	size_t bytes;
	char sha256[65];
} staged_file;

/* The staged files of the agency, each checked; false when any check fails. */
static bool staged_files(const char *dir, const char *agency, const char hex[65],
    staged_file **out, size_t *count, json_t **keep)
{
	char *path;
	if (asprintf(&path, "%s/stage.json", dir) < 0)
		abort();
	json_t *stage = json_load_file(path, 0, NULL);
	free(path);
	if (asprintf(&path, "%s/manifest.json", dir) < 0)
		abort();
	json_t *manifest = json_load_file(path, 0, NULL);
	free(path);
	json_t *files = json_object_get(stage, "files"), *listed = json_object_get(manifest, "files");
	bool ok = json_is_array(files) && json_is_array(listed) &&
		  !g_strcmp0(json_string_value(json_object_get(stage, "format")), stage_format) &&
		  !g_strcmp0(json_string_value(json_object_get(stage, "agency")), agency) &&
		  !g_strcmp0(json_string_value(json_object_get(stage, "inputs")), hex);
	size_t n = ok ? json_array_size(files) : 0;
	staged_file *v = calloc(n ? n : 1, sizeof *v);
	if (!v)
		abort();
	for (size_t i = 0; ok && i < n; i++) {
		json_t *rec = json_array_get(files, i);
		const char *rel = json_string_value(json_object_get(rec, "path"));
		json_t *entry = NULL;
		for (size_t k = 0; rel && k < json_array_size(listed) && !entry; k++)
			if (!g_strcmp0(json_string_value(json_object_get(json_array_get(listed, k), "path")), rel))
				entry = json_array_get(listed, k);
		/* a file of the agency's own folder, listed with its size and hash */
		size_t alen = strlen(agency);
		ok = entry && strncmp(rel, agency, alen) == 0 && rel[alen] == '/' && !strstr(rel, "..");
		if (!ok)
			break;
		staged_file *f = &v[i];
		f->rel = rel;
		f->media_type = known_media_type(json_string_value(json_object_get(entry, "media_type")));
		if (asprintf(&f->src, "%s/%s", dir, rel) < 0)
			abort();
		const char *sha = json_string_value(json_object_get(entry, "sha256"));
		json_int_t bytes = json_integer_value(json_object_get(entry, "bytes"));
		json_int_t ino, mtime;
		struct stat st;
		if (f->media_type && sha && strlen(sha) == 64 && file_identity(f->src, &ino, &mtime) &&
		    ino == json_integer_value(json_object_get(rec, "inode")) &&
		    mtime == json_integer_value(json_object_get(rec, "mtime_ns")) &&
		    lstat(f->src, &st) == 0 && (json_int_t)st.st_size == bytes) {
			f->bytes = (size_t)bytes; /* the very file the stage wrote: its hash holds */
			snprintf(f->sha256, sizeof f->sha256, "%s", sha);
			continue;
		}
		ok = f->media_type && file_sha256(f->src, &f->bytes, f->sha256) &&
		     (json_int_t)f->bytes == bytes && !g_strcmp0(f->sha256, sha);
	}
	json_decref(manifest);
	*out = v;
	*count = n;
	*keep = stage; /* the paths point into it */
	return ok;
}

int stage_adopt(output_tree *t, const char *stage_dir, const char *agency, const char hex[65])
{
	char *dir;
	if (asprintf(&dir, "%s/%s", stage_dir, agency) < 0)
		abort();
	staged_file *v;
	size_t n;
	json_t *stage;
	int result = staged_files(dir, agency, hex, &v, &n, &stage) ? 1 : 0;
	for (size_t i = 0; result == 1 && i < n; i++)
		if (!output_adopt(t, v[i].rel, v[i].media_type, v[i].src, v[i].bytes, v[i].sha256))
			result = -1;
	for (size_t i = 0; i < n; i++)
		free(v[i].src);
	free(v);
	json_decref(stage);
	free(dir);
	return result;
}

/*
 * xlsx.c — workbook cells through libzip (the archive) and expat (the XML parts).
 *
 * Parts read: xl/workbook.xml (sheet names and relationship ids),
 * xl/_rels/workbook.xml.rels (relationship id → part), xl/sharedStrings.xml (the
 * strings cells of type "s" index), and each worksheet's <sheetData>. Element names are
 * compared without their namespace prefix, as some writers use `x:c` for `c`.
 * An entry larger than XLSX_MAX_PART once inflated is refused, so a small archive cannot
 * expand into gigabytes.
 */
#include "cpi/xlsx.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "util/buf.h"

enum { XLSX_MAX_PART = 64 * 1024 * 1024, XLSX_MAX_CELLS = 4 * 1024 * 1024 };

static const char *local_name(const char *name)
{
	const char *colon = strrchr(name, ':');
	return colon ? colon + 1 : name;
}

static const char *attr(const char **atts, const char *want)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (!strcmp(local_name(atts[i]), want))
			return atts[i + 1];
	return NULL;
}

/* The relationship id of a <sheet>: `r:id`, whatever the prefix is called (a plain
 * `id` attribute without prefix is something else). */
static const char *sheet_rid(const char **atts)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strchr(atts[i], ':') && !strcmp(local_name(atts[i]), "id"))
			return atts[i + 1];
	return NULL;
}

static bool read_entry(zip_t *z, const char *name, buf *out, char err[256])
{
	zip_int64_t idx = zip_name_locate(z, name, 0);
	if (idx < 0) {
		snprintf(err, 256, "the archive has no part %s", name);
		return false;
	}
	zip_stat_t st;
	if (zip_stat_index(z, (zip_uint64_t)idx, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    st.size > XLSX_MAX_PART) {
		snprintf(err, 256, "part %s is larger than %d MB once unpacked", name,
		    XLSX_MAX_PART / (1024 * 1024));
		return false;
	}
	zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)idx, 0);
	if (!f) {
		snprintf(err, 256, "cannot unpack part %s: %s", name, zip_strerror(z));
		return false;
	}
	char chunk[65536];
	zip_int64_t got;
	out->len = 0;
	while ((got = zip_fread(f, chunk, sizeof chunk)) > 0) {
		if (out->len + (size_t)got > XLSX_MAX_PART) {
			got = -1;
			break;
		}
		buf_put(out, chunk, (size_t)got);
	}
	zip_fclose(f);
	if (got < 0) {
		snprintf(err, 256, "cannot unpack part %s", name);
		return false;
	}
	return true;
}

static bool parse_xml(const buf *b, const char *part, void *ctx, XML_StartElementHandler start,
    XML_EndElementHandler end, XML_CharacterDataHandler text, char err[256])
{
	XML_Parser p = XML_ParserCreate(NULL);
	if (!p)
		abort();
	XML_SetUserData(p, ctx);
	XML_SetElementHandler(p, start, end);
	if (text)
		XML_SetCharacterDataHandler(p, text);
	bool ok = XML_Parse(p, b->data ? b->data : "", (int)b->len, XML_TRUE) == XML_STATUS_OK;
	if (!ok)
		snprintf(err, 256, "part %s is not well-formed XML (line %lu: %s)", part,
		    (unsigned long)XML_GetCurrentLineNumber(p), XML_ErrorString(XML_GetErrorCode(p)));
	XML_ParserFree(p);
	return ok;
}

/* ---- workbook and relationships --------------------------------------------------- */

typedef struct named {
	char *a, *b; /* sheet: name, rid; relationship: id, target */
} named;

typedef struct named_list {
	named *v;
	size_t n, cap;
} named_list;

static void named_add(named_list *l, const char *a, const char *b)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		if (!l->v)
			abort();
	}
	l->v[l->n].a = strdup(a);
	l->v[l->n].b = strdup(b);
	if (!l->v[l->n].a || !l->v[l->n].b)
		abort();
	l->n++;
}

static void named_free(named_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].a);
		free(l->v[i].b);
	}
	free(l->v);
	*l = (named_list){0};
}

static void XMLCALL on_workbook(void *p, const char *name, const char **atts)
{
	if (strcmp(local_name(name), "sheet") != 0)
		return;
	const char *sheet = attr(atts, "name"), *rid = sheet_rid(atts);
	if (sheet && rid)
		named_add(p, sheet, rid);
}

static void XMLCALL on_rel(void *p, const char *name, const char **atts)
{
	if (strcmp(local_name(name), "Relationship") != 0)
		return;
	const char *id = attr(atts, "Id"), *target = attr(atts, "Target");
	if (id && target)
		named_add(p, id, target);
}

static void XMLCALL on_end_nothing(void *p, const char *name)
{
	(void)p;
	(void)name;
}

/* ---- shared strings ------------------------------------------------------------------ */

typedef struct strings {
	arena *a;
	const char **v;
	size_t n, cap;
	buf cur;
	bool in_si, in_t;
	int in_phonetic;   /* <rPh> runs: reading aids, not part of the text */
} strings;

static void XMLCALL ss_start(void *p, const char *name, const char **atts)
{
	(void)atts;
	strings *s = p;
	const char *n = local_name(name);
	if (!strcmp(n, "si")) {
		s->in_si = true;
		s->cur.len = 0;
	} else if (!strcmp(n, "rPh")) {
		s->in_phonetic++;
	} else if (!strcmp(n, "t") && s->in_si && !s->in_phonetic) {
		s->in_t = true;
	}
}

static void XMLCALL ss_end(void *p, const char *name)
{
	strings *s = p;
	const char *n = local_name(name);
	if (!strcmp(n, "t")) {
		s->in_t = false;
	} else if (!strcmp(n, "rPh")) {
		s->in_phonetic--;
	} else if (!strcmp(n, "si")) {
		if (s->n == s->cap) {
			s->cap = s->cap ? 2 * s->cap : 256;
			s->v = realloc(s->v, s->cap * sizeof *s->v);
			if (!s->v)
				abort();
		}
		s->v[s->n++] = arena_strndup(s->a, s->cur.data ? s->cur.data : "", s->cur.len);
		s->in_si = false;
	}
}

static void XMLCALL ss_text(void *p, const char *text, int len)
{
	strings *s = p;
	if (s->in_t)
		buf_put(&s->cur, text, (size_t)len);
}

/* ---- worksheets ---------------------------------------------------------------------- */

typedef struct sheet_reader {
	arena *a;
	const strings *ss;
	xlsx_cell *cells;
	size_t n, cap;
	int row, col;          /* the current row, and the last cell's column */
	char type[16];         /* t attribute of the current cell */
	bool in_cell, in_value;
	buf value;
	bool too_many;
	char err[160];
} sheet_reader;

/* "D5" → column 3, row 5; false when the reference is not of that form. */
static bool cell_ref(const char *r, int *row, int *col)
{
	int c = 0, n = 0;
	while (*r >= 'A' && *r <= 'Z' && n < 4) {
		c = c * 26 + (*r++ - 'A' + 1);
		n++;
	}
	if (!n || *r < '1' || *r > '9')
		return false;
	long rr = strtol(r, (char **)&r, 10);
	if (*r || rr > 1048576)
		return false;
	*row = (int)rr;
	*col = c - 1;
	return true;
}

static void XMLCALL sheet_start(void *p, const char *name, const char **atts)
{
	sheet_reader *s = p;
	const char *n = local_name(name);
	if (!strcmp(n, "row")) {
		const char *r = attr(atts, "r");
		s->row = r ? atoi(r) : s->row + 1;
		s->col = -1;
	} else if (!strcmp(n, "c")) {
		const char *r = attr(atts, "r"), *t = attr(atts, "t");
		int row = s->row, col = s->col + 1;
		if (r && !cell_ref(r, &row, &col) && !s->err[0])
			snprintf(s->err, sizeof s->err, "cell reference \"%.40s\" is not of the form D5", r);
		s->row = row;
		s->col = col;
		snprintf(s->type, sizeof s->type, "%s", t ? t : "n");
		s->in_cell = true;
		s->value.len = 0;
	} else if (s->in_cell && (!strcmp(n, "v") || !strcmp(n, "t"))) {
		s->in_value = true;
	}
}

static void XMLCALL sheet_text(void *p, const char *text, int len)
{
	sheet_reader *s = p;
	if (s->in_value)
		buf_put(&s->value, text, (size_t)len);
}

static void XMLCALL sheet_end(void *p, const char *name)
{
	sheet_reader *s = p;
	const char *n = local_name(name);
	if (!strcmp(n, "v") || !strcmp(n, "t")) {
		s->in_value = false;
		return;
	}
	if (strcmp(n, "c") != 0 || !s->in_cell)
		return;
	s->in_cell = false;
	if (s->value.len == 0)
		return; /* a styled but empty cell */
	const char *v = arena_strndup(s->a, s->value.data, s->value.len);
	xlsx_cell c = {s->row, s->col, v, false, false};
	if (!strcmp(s->type, "s")) {
		char *end;
		unsigned long k = strtoul(v, &end, 10);
		if (*end || k >= s->ss->n) {
			if (!s->err[0])
				snprintf(s->err, sizeof s->err, "cell in row %d refers to shared string %.20s, "
				    "which does not exist", s->row, v);
			return;
		}
		c.text = s->ss->v[k];
	} else if (!strcmp(s->type, "n")) {
		c.number = true;
	} else if (!strcmp(s->type, "e")) {
		c.error = true;
	} /* str, inlineStr, b: the text as it is */
	if (s->n == s->cap) {
		if (s->n >= XLSX_MAX_CELLS) {
			s->too_many = true;
			return;
		}
		s->cap = s->cap ? 2 * s->cap : 1024;
		s->cells = realloc(s->cells, s->cap * sizeof *s->cells);
		if (!s->cells)
			abort();
	}
	s->cells[s->n++] = c;
}

/* "worksheets/sheet1.xml" is relative to xl/; "/xl/worksheets/sheet1.xml" to the root. */
static char *part_path(const char *target)
{
	char *p;
	if (target[0] == '/')
		p = strdup(target + 1);
	else if (asprintf(&p, "xl/%s", target) < 0)
		p = NULL;
	if (!p)
		abort();
	return p;
}

bool xlsx_read(const char *path, arena *a, xlsx_book *out, char err[256])
{
	*out = (xlsx_book){0};
	int zerr = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
	if (!z) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, zerr);
		snprintf(err, 256, "not a readable .xlsx (zip) file: %s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return false;
	}
	buf b = {0};
	named_list sheets = {0}, rels = {0};
	strings ss = {.a = a};
	bool ok = read_entry(z, "xl/workbook.xml", &b, err) &&
	    parse_xml(&b, "xl/workbook.xml", &sheets, on_workbook, on_end_nothing, NULL, err) &&
	    read_entry(z, "xl/_rels/workbook.xml.rels", &b, err) &&
	    parse_xml(&b, "xl/_rels/workbook.xml.rels", &rels, on_rel, on_end_nothing, NULL, err);
	/* a workbook of numbers only has no shared strings part */
	if (ok && zip_name_locate(z, "xl/sharedStrings.xml", 0) >= 0)
		ok = read_entry(z, "xl/sharedStrings.xml", &b, err) &&
		    parse_xml(&b, "xl/sharedStrings.xml", &ss, ss_start, ss_end, ss_text, err);
	if (ok && sheets.n == 0) {
		snprintf(err, 256, "xl/workbook.xml names no sheet");
		ok = false;
	}
	if (ok) {
		out->sheets = arena_alloc(a, sheets.n * sizeof *out->sheets);
	}
	for (size_t i = 0; ok && i < sheets.n; i++) {
		const char *target = NULL;
		for (size_t k = 0; k < rels.n; k++)
			if (!strcmp(rels.v[k].a, sheets.v[i].b))
				target = rels.v[k].b;
		if (!target) {
			snprintf(err, 256, "sheet \"%.80s\" has no part (relationship %.40s is missing)",
			    sheets.v[i].a, sheets.v[i].b);
			ok = false;
			break;
		}
		char *part = part_path(target);
		sheet_reader r = {.a = a, .ss = &ss};
		ok = read_entry(z, part, &b, err) && parse_xml(&b, part, &r, sheet_start, sheet_end,
		    sheet_text, err);
		if (ok && r.err[0]) {
			snprintf(err, 256, "sheet \"%.80s\": %s", sheets.v[i].a, r.err);
			ok = false;
		}
		if (ok && r.too_many) {
			snprintf(err, 256, "sheet \"%.80s\" has more than %d cells", sheets.v[i].a,
			    XLSX_MAX_CELLS);
			ok = false;
		}
		if (ok) {
			xlsx_sheet *sh = &out->sheets[out->n++];
			sh->name = arena_strdup(a, sheets.v[i].a);
			sh->n = r.n;
			sh->cells = arena_alloc(a, (r.n ? r.n : 1) * sizeof *sh->cells);
			if (r.n)
				memcpy(sh->cells, r.cells, r.n * sizeof *sh->cells);
		}
		free(r.cells);
		buf_free(&r.value);
		free(part);
	}
	buf_free(&b);
	buf_free(&ss.cur);
	free(ss.v);
	named_free(&sheets);
	named_free(&rels);
	zip_discard(z);
	return ok;
}

/*
 * read_json.c — a progress JSON file: one object whose keys are the round's keys and
 * `rows`, an array of objects with the same fields as the CSV columns. Every problem is
 * reported at the line of its key (see json_pos.h).
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "read/json_pos.h"
#include "progress/read_internal.h"

/* The text a JSON value stands for: strings as they are, numbers as written in Arabic
 * digits, true/false as yes/no (a qualitative indicator's answer). NULL for null. */
static const char *value_text(const json_t *v, char scratch[64], bool *ok)
{
	*ok = true;
	switch (json_typeof(v)) {
	case JSON_STRING: return json_string_value(v);
	case JSON_INTEGER:
		snprintf(scratch, 64, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return scratch;
	case JSON_REAL: snprintf(scratch, 64, "%.15g", json_real_value(v)); return scratch;
	case JSON_TRUE: return "yes";
	case JSON_FALSE: return "no";
	case JSON_NULL: return NULL;
	case JSON_OBJECT:
	case JSON_ARRAY: break;
	}
	*ok = false;
	return NULL;
}

typedef struct place {
	size_t at;  /* offset of the value, or SIZE_MAX when it could not be found */
	int line;
} place;

static place member_place(const source_text *src, place obj, const char *key)
{
	size_t key_at, value_at;
	if (obj.at != (size_t)-1 && json_pos_member(src, obj.at, key, &key_at, &value_at))
		return (place){value_at, json_pos_line(src, key_at)};
	return (place){(size_t)-1, obj.line};
}

static void read_row(progress_builder *b, const source_text *src, const json_t *o, place at)
{
	if (!json_is_object(o)) {
		diag_report(b->d, b->r->path, at.line, 0, DIAG_PROGRESS_BAD_VALUE, "rows",
		    "each row is an object such as {\"id\": \"1.1\", \"status\": \"เสร็จสิ้น\"}");
		return;
	}
	progress_row *row = pb_row_begin(b, at.line);
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)o, key, v) {
		place p = member_place(src, at, key);
		progress_field f = progress_field_lookup(key);
		if (f == PF_NONE) {
			diag_report(b->d, b->r->path, p.line, 0, DIAG_PROGRESS_FIELD_UNKNOWN, key,
			    progress_field_list());
			continue;
		}
		char scratch[64];
		bool ok;
		const char *text = value_text(v, scratch, &ok);
		if (!ok) {
			char why[256];
			snprintf(why, sizeof why, "expected text or a number, found %s",
			    json_is_array(v) ? "an array" : "an object");
			diag_report(b->d, b->r->path, p.line, 0, DIAG_PROGRESS_BAD_VALUE, key, why);
			continue;
		}
		if (f != PF_TITLE && text)
			pb_cell(b, row, f, text, strlen(text), p.line);
	}
	pb_row_end(b, row);
}

void progress_read_json(progress_builder *b, const source_text *src)
{
	json_error_t err;
	json_t *root = json_loadb(src->text, src->len, JSON_REJECT_DUPLICATES, &err);
	if (!root) {
		diag_report(b->d, b->r->path, err.line > 0 ? err.line : 1,
		    err.column > 0 ? err.column : 0, DIAG_PROGRESS_SYNTAX, "JSON", err.text);
		b->unparsed = true;
		return;
	}
	size_t at0 = json_pos_root(src);
	place top = {at0, json_pos_line(src, at0)};
	if (!json_is_object(root)) {
		diag_report(b->d, b->r->path, top.line, 0, DIAG_PROGRESS_BAD_VALUE, "file",
		    "expected an object {…} with fiscal_year, round and rows");
		json_decref(root);
		return;
	}
	const char *key;
	json_t *v;
	bool has_rows = false;
	json_object_foreach(root, key, v) {
		place p = member_place(src, top, key);
		if (!strcmp(key, "rows")) {
			has_rows = true;
			if (!json_is_array(v)) {
				diag_report(b->d, b->r->path, p.line, 0, DIAG_PROGRESS_BAD_VALUE, "rows",
				    "expected an array of rows [{…}, …]");
				continue;
			}
			for (size_t i = 0; i < json_array_size(v); i++) {
				size_t value_at;
				place e = {(size_t)-1, p.line};
				if (p.at != (size_t)-1 && json_pos_element(src, p.at, i, &value_at))
					e = (place){value_at, json_pos_line(src, value_at)};
				read_row(b, src, json_array_get(v, i), e);
			}
			continue;
		}
		progress_key k = progress_key_lookup(key);
		if (k == PK_NONE) {
			char list[512];
			snprintf(list, sizeof list, "%s, rows", progress_key_list());
			diag_report(b->d, b->r->path, p.line, 0, DIAG_PROGRESS_KEY_UNKNOWN, key, list);
			continue;
		}
		char scratch[64];
		bool ok;
		const char *text = value_text(v, scratch, &ok);
		if (!ok || json_is_boolean(v)) {
			diag_report(b->d, b->r->path, p.line, 0, DIAG_PROGRESS_BAD_VALUE, key,
			    "expected text or a number");
			continue;
		}
		pb_key(b, k, text, p.line);
	}
	if (!has_rows)
		diag_report(b->d, b->r->path, top.line, 0, DIAG_PROGRESS_KEY_MISSING, "rows",
		    "the array of rows");
	json_decref(root);
}

/* tables.c — the CSV tables the open-data stage writes itself: plan-items.csv (one row per
 * plan item, the table that indicator and progress rows refer to) and
 * data-dictionary.csv (the registry, one row per column). */
#include <string.h>

#include "opendata/opendata.h"
#include "opendata/schema.h"
#include "out/backend.h"

static void cell(buf *out, const char *s)
{
	buf_putc(out, ',');
	csv_field(out, s);
}

static void item_row(buf *out, const plan *p, const item *it)
{
	csv_field(out, p->agency_id);
	buf_printf(out, ",%d,%d,", p->fiscal_year_be, thai_be_to_ce(p->fiscal_year_be));
	csv_field(out, it->id);
	cell(out, it->parent ? it->parent->id : NULL);
	buf_printf(out, ",%d", it->level + 1);
	cell(out, p->level_names[it->level]);
	cell(out, it->number);
	cell(out, it->title);
	buf_printf(out, ",%zu,%zu", it->indicators.n, it->children.n);
	csv_item_budget_cells(out, it);
	csv_item_period_cells(out, it);
	csv_joined_cell(out, &it->responsible);
	buf_printf(out, ",%d\r\n", it->line);
}

void plan_items_csv(const plan *p, buf *out)
{
	schema_csv_header(out, od_table_named("plan-items"));
	for (size_t i = 0; i < p->all_items.n; i++)
		item_row(out, p, p->all_items.v[i]);
}

void data_dictionary_csv(buf *out)
{
	const od_table *dict = od_table_named("data-dictionary");
	schema_csv_header(out, dict);
	for (size_t t = 0; t < od_table_count(); t++) {
		const od_table *tab = od_table_at(t);
		for (size_t i = 0; i < tab->nfields; i++) {
			const od_field *f = &tab->fields[i];
			csv_field(out, tab->name);
			cell(out, tab->pattern);
			buf_printf(out, ",%zu", i + 1);
			cell(out, f->name);
			cell(out, od_type_name(f->type));
			cell(out, f->required ? "true" : "false");
			cell(out, f->unit_th);
			cell(out, f->unit_en);
			cell(out, f->title_th);
			cell(out, f->title_en);
			cell(out, f->desc_th);
			cell(out, f->desc_en);
			buf b = {0};
			for (const char *const *v = f->values; v && *v; v++) {
				if (v != f->values)
					buf_putc(&b, '|');
				buf_puts(&b, *v);
			}
			cell(out, b.data);
			buf_free(&b);
			buf_puts(out, "\r\n");
		}
	}
}

/* README.md's "Data dictionary" tables (kept equal to this output by the tests). */
void data_dictionary_markdown(buf *out)
{
	for (size_t t = 0; t < od_table_count(); t++) {
		const od_table *tab = od_table_at(t);
		buf_printf(out, "#### `%s` — %s / %s\n\n", tab->pattern, tab->title_th, tab->title_en);
		buf_printf(out, "%s.  \n%s.\n\n", tab->desc_th, tab->desc_en);
		buf_puts(out, "| column | type | unit | ความหมาย | meaning |\n|---|---|---|---|---|\n");
		for (size_t i = 0; i < tab->nfields; i++) {
			const od_field *f = &tab->fields[i];
			buf_printf(out, "| `%s`%s | %s | ", f->name, f->required ? " *" : "",
			    od_type_name(f->type));
			if (f->unit_th)
				buf_printf(out, "%s / %s", f->unit_th, f->unit_en);
			buf_printf(out, " | **%s** — %s | **%s** — %s", f->title_th, f->desc_th,
			    f->title_en, f->desc_en);
			for (const char *const *v = f->values; v && *v; v++)
				buf_printf(out, "%s`%s`", v == f->values ? " (values: " : ", ", *v);
			buf_puts(out, f->values ? ") |\n" : " |\n");
		}
		buf_putc(out, '\n');
	}
}

/* opendata_test.c — the open-data and website modules: the table registry, the Excel
 * copy (OWASP neutralising, numbers untouched, RFC 4180), the GD-Catalog metadata reader
 * (each diagnostic), the site templates and the prose renderer. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "opendata/meta.h"
#include "opendata/opendata.h"
#include "opendata/schema.h"
#include "site/site.h"
#include "site/template.h"

static const char *nul(buf *b)
{
	buf_putc(b, '\0');
	b->len--;
	return b->data;
}

/* ---- the registry ------------------------------------------------------------------ */

static void test_registry(check_suite *s)
{
	for (size_t t = 0; t < od_table_count(); t++) {
		const od_table *tab = od_table_at(t);
		for (size_t i = 0; i < tab->nfields; i++) {
			const od_field *f = &tab->fields[i];
			CHECK(s, f->title_th && f->title_en && f->desc_th && f->desc_en,
			    "%s.%s: Thai and English title and meaning", tab->name, f->name);
			CHECK(s, !f->values || f->type == OD_STRING, "%s.%s: value lists on text only",
			    tab->name, f->name);
			for (size_t j = 0; j < i; j++)
				CHECK(s, strcmp(f->name, tab->fields[j].name) != 0, "%s: column %s twice",
				    tab->name, f->name);
		}
		for (int k = 0; tab->primary_key[k]; k++)
			CHECK(s, od_field_named(tab, tab->primary_key[k]) != NULL, "%s: key %s is a column",
			    tab->name, tab->primary_key[k]);
		for (int k = 0; k < OD_MAX_FKEYS && tab->foreign_keys[k].table; k++) {
			const od_foreign_key *fk = &tab->foreign_keys[k];
			const od_table *ref = od_table_named(fk->table);
			CHECK(s, ref != NULL, "%s: foreign key to a known table %s", tab->name, fk->table);
			for (int c = 0; ref && fk->fields[c]; c++) {
				CHECK(s, od_field_named(tab, fk->fields[c]) != NULL, "%s: fk field %s", tab->name,
				    fk->fields[c]);
				CHECK(s, fk->ref_fields[c] && od_field_named(ref, fk->ref_fields[c]),
				    "%s: fk refers to %s.%s", tab->name, fk->table, fk->ref_fields[c]);
			}
		}
	}
	static const struct {
		const char *path, *table;
	} paths[] = {
		{"dip/2560/plan-indicators.csv", "plan-indicators"},
		{"dip/2560/plan-items.csv", "plan-items"},
		{"dip/2566/progress-12.csv", "progress"},
		{"data-dictionary.csv", "data-dictionary"},
		{"dip/2560/plan-indicators-excel.csv", NULL},
		{"dip/plan-indicators.csv", NULL},
		{"dip/2560/x/plan-items.csv", NULL},
	};
	for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
		const od_table *t = od_table_for_path(paths[i].path);
		CHECK(s, paths[i].table ? t && !strcmp(t->name, paths[i].table) : t == NULL,
		    "%s: table %s", paths[i].path, paths[i].table ? paths[i].table : "(none)");
	}
	buf b = {0};
	schema_csv_header(&b, od_table_named("plan-items"));
	static const char start[] = "agency_id,fiscal_year_be,fiscal_year_ce,item_id,parent_id,";
	CHECK(s, !strncmp(nul(&b), start, sizeof start - 1) &&
		     b.len > 2 && !strcmp(b.data + b.len - 14, ",source_line\r\n"),
	    "plan-items header: %s", b.data);
	buf_free(&b);
}

/* ---- the Excel copy ------------------------------------------------------------------ */

static void test_excel(check_suite *s)
{
	const od_table *t = od_table_named("data-dictionary");
	/* table,file_pattern,position,column,type,required,unit_th,unit_en,title_th,title_en,
	 * description_th,description_en,values */
	const char *header = "table,file_pattern,position,column,type,required,unit_th,unit_en,"
			     "title_th,title_en,description_th,description_en,values\r\n";
	static const struct {
		const char *cell, *excel; /* a text cell (title_th) and its Excel form */
	} cells[] = {
		{"=1+2", "'=1+2"},
		{"+66 2 123", "'+66 2 123"},
		{"-ทดสอบ", "'-ทดสอบ"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\"\tTAB\"", "'\tTAB"},
		{"\"\rCR\"", "\"'\rCR\""},
		{"\"\nLF\"", "\"'\nLF\""},
		{"\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
		{"\"=a,b\"", "\"'=a,b\""},
		{"ปกติ", "ปกติ"},
		{"a=b", "a=b"},
		{"\"มี \"\"คำพูด\"\"\"", "\"มี \"\"คำพูด\"\"\""},
	};
	for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
		buf in = {0}, out = {0}, want = {0};
		char err[256] = "";
		buf_puts(&in, header);
		buf_printf(&in, "t,f,-7,c,string,true,,,%s,T,D,D,\r\n", cells[i].cell);
		buf_puts(&want, "\xEF\xBB\xBF");
		buf_puts(&want, header);
		/* position is an integer column: -7 stays as it is, never quoted or prefixed */
		buf_printf(&want, "t,f,-7,c,string,true,,,%s,T,D,D,\r\n", cells[i].excel);
		bool ok = od_excel_copy(t, in.data, in.len, &out, err);
		CHECK(s, ok, "excel copy of %s: %s", cells[i].cell, err);
		CHECK(s, ok && out.len == want.len && !memcmp(out.data, want.data, want.len),
		    "excel copy of %s:\n got  %.*s\n want %.*s", cells[i].cell, (int)out.len, out.data,
		    (int)want.len, want.data);
		buf_free(&in);
		buf_free(&out);
		buf_free(&want);
	}
	static const struct {
		const char *csv, *why;
	} bad[] = {
		{"table,file_pattern\r\n", "header column 2"},
		{"t,f,x,c,string,true,,,T,T,D,D,\r\n", "is not an integer"},
		{"t,f,1,c,text,true,,,T,T,D,D,\r\n", "is not one of the field's values"},
		{"t,f,1,c,string,yes,,,T,T,D,D,\r\n", "is not true/false"},
		{",f,1,c,string,true,,,T,T,D,D,\r\n", "is empty but required"},
		{"t,f,1,c,string,true,,,T,T,D,D\r\n", "expected 13 cells"},
		{"t,f,1,c,string,true,,,T,T,D,D,,\r\n", "expected 13 cells"},
		{"t,f,1,c,string,true,,,T,T,D,D,\n", "expected 13 cells"},
		{"t,f,1,c,string,true,,,\"T,T,D,D,\r\n", "expected 13 cells"},
		{"t,f,\"1\",c,string,true,,,T,T,D,D,\r\n", NULL}, /* quoted digits are still a number */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		buf in = {0}, out = {0};
		char err[256] = "";
		if (i)
			buf_puts(&in, header);
		buf_puts(&in, bad[i].csv);
		bool ok = od_excel_copy(t, in.data, in.len, &out, err);
		if (bad[i].why)
			CHECK(s, !ok && strstr(err, bad[i].why), "bad csv %zu: got \"%s\", want \"%s\"", i,
			    err, bad[i].why);
		else
			CHECK(s, ok, "csv %zu accepted: %s", i, err);
		buf_free(&in);
		buf_free(&out);
	}
}

/* ---- metadata ---------------------------------------------------------------------- */

static const char defaults[] =
    "data_type: ข้อมูลระเบียน\n"
    "plan.name: {agency_id}-{fiscal_year}-plan\n"
    "plan.title: แผนของ{agency} ปี {fiscal_year_th}\n"
    "notes: หมายเหตุ {plan_title}\n"
    "tag_string: ทดสอบ, แผน\n"
    "objective: พันธกิจหน่วยงาน\n"
    "update_frequency_unit: ปี\n"
    "geo_coverage: ประเทศ\n"
    "data_source: {agency}\n"
    "data_category: ข้อมูลสาธารณะ\n"
    "license_id: Open Data Common\n";

/* Reads the defaults and one agency file; resolves the plan dataset of `t` FY 2567.
 * Returns the diagnostics, one per line, as `line: message`. */
static char *resolve(const char *agency_file, od_dataset *ds)
{
	od_meta m = {0};
	diag_sink d = {0};
	od_meta_read_memory(&m, "opendata.txt", 0, NULL, 0, defaults, &d);
	od_meta_read_memory(&m, "t/opendata.txt", 1, "t", 0, agency_file, &d);
	*ds = (od_dataset){.kind = OD_KIND_PLAN, .agency_id = "t", .fiscal_year = 2567,
		.agency = "กรมทดสอบ", .agency_en = "Test", .plan_title = "แผนทดสอบ"};
	ds->fallback[OD_DATA_FORMAT] = "CSV, PDF";
	if (d.worst < DIAG_ERROR)
		od_dataset_resolve(&m, ds, &d);
	buf b = {0};
	buf_puts(&b, "");
	for (size_t i = 0; i < d.n; i++)
		buf_printf(&b, "%s:%d: %s\n", d.items[i].path, d.items[i].line, d.items[i].message);
	/* the resolved values live in m: keep the ones the tests look at */
	static char name[128], title[256], formats[64], harvest[16], date[16];
	snprintf(name, sizeof name, "%s", ds->value[OD_NAME] ? ds->value[OD_NAME] : "");
	snprintf(title, sizeof title, "%s", ds->value[OD_TITLE] ? ds->value[OD_TITLE] : "");
	snprintf(formats, sizeof formats, "%s", ds->value[OD_DATA_FORMAT] ? ds->value[OD_DATA_FORMAT] : "");
	snprintf(harvest, sizeof harvest, "%s", ds->value[OD_ALLOW_HARVEST] ? ds->value[OD_ALLOW_HARVEST] : "");
	snprintf(date, sizeof date, "%s", ds->value[OD_CREATED_DATE] ? ds->value[OD_CREATED_DATE] : "");
	ds->value[OD_NAME] = name;
	ds->value[OD_TITLE] = title;
	ds->value[OD_DATA_FORMAT] = formats;
	ds->value[OD_ALLOW_HARVEST] = harvest;
	ds->value[OD_CREATED_DATE] = date;
	diag_sink_free(&d);
	od_meta_free(&m);
	return b.data;
}

static void test_meta(check_suite *s)
{
	od_dataset ds;
	char *got = resolve("maintainer: กลุ่มงาน\nmaintainer_email: a.b@example.go.th\n"
			    "allow_harvest: ใช่\ncreated_date: ๑ ต.ค. ๒๕๖๖\n"
			    "plan.data_format: CSV, JSON\n", &ds);
	CHECK_STR(s, got, "", "a complete dataset");
	CHECK_STR(s, ds.value[OD_NAME], "t-2567-plan", "slug with placeholders");
	CHECK_STR(s, ds.value[OD_TITLE], "แผนของกรมทดสอบ ปี ๒๕๖๗", "title with Thai digits");
	CHECK_STR(s, ds.value[OD_DATA_FORMAT], "CSV, JSON", "the agency's data_format wins");
	CHECK_STR(s, ds.value[OD_ALLOW_HARVEST], "True", "ใช่ is True");
	CHECK_STR(s, ds.value[OD_CREATED_DATE], "2023-10-01", "Thai date to ISO");
	free(got);

	got = resolve("maintainer: ก\nmaintainer_email: a@example.org\n", &ds);
	CHECK_STR(s, ds.value[OD_DATA_FORMAT], "CSV, PDF", "data_format from the files when not given");
	free(got);

	static const struct {
		const char *file, *want;
	} cases[] = {
		{"maintainer: ก\n",
		    "t/opendata.txt:1: dataset \"t/2567 plan\" lacks the required GD-Catalog field "
		    "maintainer_email (อีเมลผู้ติดต่อ)\n"},
		{"maintainer: ก\nmaintainer_email: x@y\n",
		    "t/opendata.txt:2: maintainer_email: \"x@y\" is not an e-mail address\n"},
		{"data_category: ข้อมูลลับ\n",
		    "t/opendata.txt:1: data_category: \"ข้อมูลลับ\" is not a GD-Catalog value (expected one "
		    "of: ข้อมูลสาธารณะ, ข้อมูลส่วนบุคคล, ข้อมูลความมั่นคง, ข้อมูลความลับทางราชการ)\n"},
		{"data_format: CSV, Excel\n",
		    "t/opendata.txt:1: data_format: \"Excel\" is not a GD-Catalog value (expected one of: "
		    "Database, CSV, XML, Image, Video, Audio, Text, JSON, HTML, DOC/DOCX, XLS, PDF, RDF, "
		    "NoSQL, Arc/Info Coverage, Shapefile, GeoTiff, GML, ไม่ทราบ, อื่นๆ)\n"},
		{"plan.name: แผน-{fiscal_year}\n",
		    "t/opendata.txt:1: name: \"แผน-{fiscal_year}\" may hold only a-z 0-9 _ - (and the "
		    "placeholders {agency_id}, {fiscal_year}, {fiscal_year_ce}, {round})\n"},
		{"maintainer: ก\nmaintainer_email: a@example.org\nplan.name: {agency_id}-"
		 "012345678901234567890123456789012345678901234567890123456789012345678\n",
		    "t/opendata.txt:3: name: \"t-012345678901234567890123456789012345678901234567890123456789012345678\" "
		    "is 71 characters long: data.go.th allows at most 70\n"},
		{"maintainer: ก\nmaintainer_email: a@example.org\nplan.name: {agency_id}-{fiscal_year}-"
		 "012345678901234567890123456789012345678901234567890123456789012\n", ""}, /* 70 characters: allowed */
		{"maintainer: ก\nmaintainer_email: a@example.org\nplan.name: {agency_id}-{fiscal_year}-"
		 "0123456789012345678901234567890123456789012345678901234567890123\n",
		    "t/opendata.txt:3: name: \"t-2567-0123456789012345678901234567890123456789012345678901234567890123\" "
		    "is 71 characters long: data.go.th allows at most 70\n"},
		{"maintainer: ก\nmaintainer_email: a@example.org\nplan.name: new\n",
		    "t/opendata.txt:3: name: \"new\" is a word CKAN keeps for itself\n"},
		{"maintainer: ก\nmaintainer_email: a@example.org\nlicense_id: อื่นๆ\n",
		    "t/opendata.txt:3: license_id is \"อื่นๆ\": license_id_other must give the text too\n"},
		{"maintainer: ก\nmaintainer_email: a@example.org\nplan.title: ปี {round}\n",
		    "t/opendata.txt:3: title: {round} has no value for a plan dataset\n"},
		{"title: {nope}\n",
		    "t/opendata.txt:1: title: \"{nope}\" is not a placeholder (expected one of: {agency}, "
		    "{agency_en}, {agency_id}, {fiscal_year}, {fiscal_year_th}, {fiscal_year_ce}, "
		    "{plan_title}, {round}, {round_th})\n"},
		{"last_updated_date: 2567-03-31\n",
		    "t/opendata.txt:1: last_updated_date: \"2567-03-31\" gives a พ.ศ. year in an ISO date: "
		    "ISO dates are ค.ศ. (2024-03-31)\n"},
		{"created_date: 2023-02-29\n",
		    "t/opendata.txt:1: created_date: \"2023-02-29\" is not a date: expected YYYY-MM-DD "
		    "(ค.ศ.) or a Thai date with its day (๑๕ ม.ค. ๒๕๖๗)\n"},
		{"allow_harvest: ok\n",
		    "t/opendata.txt:1: allow_harvest: \"ok\": expected True or False (ใช่ / ไม่ใช่)\n"},
		{"url: ftp://x.org\n",
		    "t/opendata.txt:1: url: \"ftp://x.org\" is not a URL: expected http:// or https:// and no "
		    "spaces\n"},
		{"cpi.objective: ดัชนี/ตัวชี้วัดระดับนานาชาติ\ncpi.objective: ไม่ทราบ\n",
		    "t/opendata.txt:2: open-data key \"cpi.objective\" given twice (first at line 1)\n"},
		{"progres.title: x\n", NULL}, /* unknown key: checked by prefix below */
		{"maintainer ก\n",
		    "t/opendata.txt:1: expected `key: value` in open-data metadata, found \"maintainer ก\"\n"},
		{"tag_string: ก\n",
		    "t/opendata.txt:1: tag_string: tag \"ก\": expected 2-100 characters without quotes or "
		    "angle brackets, separated by commas\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		got = resolve(cases[i].file, &ds);
		if (cases[i].want)
			CHECK_STR(s, got, cases[i].want, cases[i].file);
		else
			CHECK(s, strstr(got, "unknown open-data key \"progres.title\"") != NULL, "%s", got);
		free(got);
	}
}

/* ---- templates and prose ------------------------------------------------------------- */

static char *render(const char *tpl, const char *json, bool *ok, char **diags)
{
	diag_sink d = {0};
	buf out = {0};
	buf_puts(&out, "");
	template *t = template_parse("t.html", tpl, &d);
	json_t *ctx = json_loads(json, 0, NULL);
	*ok = t && template_render(t, ctx, &out, &d);
	json_decref(ctx);
	template_free(t);
	buf b = {0};
	buf_puts(&b, "");
	for (size_t i = 0; i < d.n; i++)
		buf_printf(&b, "%d: %s\n", d.items[i].line, d.items[i].message);
	*diags = b.data;
	diag_sink_free(&d);
	return out.data;
}

static void test_templates(check_suite *s)
{
	static const struct {
		const char *tpl, *json, *want, *diags;
	} cases[] = {
		{"<p>{{a}}</p>", "{\"a\": \"<b>&'\\\"\"}", "<p>&lt;b&gt;&amp;&#39;&quot;</p>", ""},
		{"{{{a}}}", "{\"a\": \"<b>\"}", "<b>", ""},
		{"{{#l}}[{{x}}{{y}}]{{/l}}", "{\"l\": [{\"x\": 1}, {\"x\": 2}], \"y\": \"o\"}",
		    "[1o][2o]", ""},
		{"{{#o}}{{x}}{{/o}}{{^o}}none{{/o}}", "{\"o\": {\"x\": \"in\"}}", "in", ""},
		{"{{#o}}{{x}}{{/o}}{{^o}}none{{/o}}", "{}", "none", ""},
		{"{{#l}}x{{/l}}{{^l}}empty{{/l}}", "{\"l\": []}", "empty", ""},
		{"{{#l}}{{.}},{{/l}}", "{\"l\": [\"a\", \"b\"]}", "a,b,", ""},
		{"a{{! note }}b", "{}", "ab", ""},
		{"\n{{missing}}", "{}", NULL, "2: site template: {{missing}} names nothing the page provides\n"},
		{"{{#a}}x", "{}", NULL, "1: site template: {{#...}} section is never closed\n"},
		{"x\n{{/a}}", "{}", NULL, "2: site template: {{/a}} closes no open section\n"},
		{"{{a b}}", "{}", NULL,
		    "1: site template: \"{{a b}}\" is not a tag: expected {{name}}, {{{name}}}, {{#name}}, "
		    "{{^name}}, {{/name}} or {{! …}}\n"},
		{"{{a", "{}", NULL, "1: site template: tag is never closed by }}\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		bool ok;
		char *diags;
		char *out = render(cases[i].tpl, cases[i].json, &ok, &diags);
		if (cases[i].want) {
			CHECK(s, ok, "template %s renders", cases[i].tpl);
			CHECK_STR(s, out, cases[i].want, cases[i].tpl);
		} else {
			CHECK(s, !ok, "template %s fails", cases[i].tpl);
		}
		CHECK_STR(s, diags, cases[i].diags, cases[i].tpl);
		free(out);
		free(diags);
	}

	static const struct {
		const char *md, *want;
	} prose[] = {
		{"ดู https://example.org ต่อ", "<p>ดู https://example.org ต่อ</p>\n"},
		{"[คู่มือ](https://example.org/a.pdf)", "<p>คู่มือ (https://example.org/a.pdf)</p>\n"},
		{"[ภายใน](../dip/2560/plan.pdf)", "<p><a href=\"../dip/2560/plan.pdf\">ภายใน</a></p>\n"},
		{"![รูป](https://example.org/x.png)", "<p>รูป (https://example.org/x.png)</p>\n"},
		{"<script>alert(1)</script>\n\nข้อความ", "<!-- raw HTML omitted -->\n<p>ข้อความ</p>\n"},
		{"| ก | ข |\n|---|---|\n| ๑ | ๒ |\n",
		    "<table>\n<thead>\n<tr>\n<th>ก</th>\n<th>ข</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
		    "<td>๑</td>\n<td>๒</td>\n</tr>\n</tbody>\n</table>\n"},
		{"[mail](mailto:a@b.org)", "<p>mail (mailto:a@b.org)</p>\n"},
	};
	for (size_t i = 0; i < sizeof prose / sizeof *prose; i++) {
		char *html = site_markdown_html(prose[i].md);
		CHECK_STR(s, html, prose[i].want, prose[i].md);
		free(html);
	}
}

int main(void)
{
	check_suite s = {0};
	test_registry(&s);
	test_excel(&s);
	test_meta(&s);
	test_templates(&s);
	return check_summary(&s, "opendata");
}

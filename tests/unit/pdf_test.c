/*
 * pdf_test.c — the PDF back end's pieces that need no fonts: the catalog language
 * update on files laid out as cairo writes them, and its refusals.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "pdf/pdf.h"

static const char minimal[] =
    "%PDF-1.5\n"
    "1 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    "2 0 obj\n<< /Type /Catalog\n   /Pages 1 0 R\n>>\nendobj\n"
    "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000060 00000 n \n"
    "trailer\n<< /Size 3\n   /Root 2 0 R\n>>\nstartxref\n110\n%%EOF\n";

static void test_language(check_suite *s)
{
	buf b = {0};
	buf_puts(&b, minimal);
	size_t before = b.len;
	CHECK(s, pdf_set_language(&b, "th"), "a cairo-shaped file takes /Lang");
	CHECK(s, strstr(b.data + before, "2 0 obj\n<< /Type /Catalog\n   /Pages 1 0 R\n   /Lang (th)\n>>") != NULL,
	    "the catalog is written again with /Lang: %s", b.data + before);
	CHECK(s, strstr(b.data + before, "/Prev 110") != NULL, "the update points at the old xref");
	const char *x = strstr(b.data + before, "xref\n2 1\n");
	CHECK(s, x != NULL, "the new xref covers the catalog only");
	if (x) {
		size_t off = (size_t)strtoul(x + strlen("xref\n2 1\n"), NULL, 10);
		CHECK(s, off < b.len && strncmp(b.data + off, "2 0 obj", 7) == 0,
		    "the xref offset points at the new catalog");
	}
	size_t once = b.len;
	CHECK(s, !pdf_set_language(&b, "th") && b.len == once, "a second /Lang is refused");
	buf_free(&b);

	static const char *const broken[] = {"", "not a pdf", "%PDF-1.5\ntrailer\n<< /Size 3 >>\n",
		"%PDF-1.5\ntrailer\n<< /Size 3 /Root 9 0 R >>\nstartxref\n5\n%%EOF\n"};
	for (size_t i = 0; i < sizeof broken / sizeof *broken; i++) {
		buf c = {0};
		buf_puts(&c, broken[i]);
		size_t len = c.len;
		CHECK(s, !pdf_set_language(&c, "th") && c.len == len, "refused and untouched: case %zu", i);
		buf_free(&c);
	}
}

static void test_document_date(check_suite *s)
{
	plan p = {.fiscal_year_be = 2567};
	CHECK(s, pdf_document_date(&p, NULL) == 1696118400, "1 Oct 2023 for FY 2567");
	p.fiscal_year_be = 2564;
	CHECK(s, pdf_document_date(&p, "") == 1601510400, "1 Oct 2020 (leap year 2020)");
	CHECK(s, pdf_document_date(&p, "1700000000") == 1700000000, "SOURCE_DATE_EPOCH wins");
	CHECK(s, pdf_document_date(&p, "12abc") == 1601510400, "a malformed epoch is ignored");
}

int main(void)
{
	check_suite s = {0};
	test_language(&s);
	test_document_date(&s);
	return check_summary(&s, "pdf");
}

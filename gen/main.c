/*
 * main.c — prongsai's command line: subcommands, their options and --help.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include "opendata/opendata.h"
#include "publish.h"
#include "read/source.h"
#include "thai/thai.h"

static const char usage_main[] =
    "usage: prongsai COMMAND [OPTIONS]\n"
    "\n"
    "Publishes Thai government anti-corruption action plans as open data.\n"
    "\n"
    "commands:\n"
    "  publish [--content DIR] [--output DIR]  read, validate and publish every plan\n"
    "  check [PATH...]                          validate only; report every problem\n"
    "  pdf PLAN -o FILE                         render one plan as PDF\n"
    "  dump PATH                                print one plan's model as JSON\n"
    "  thai KIND TEXT                           parse one Thai value (see thai --help)\n"
    "  dictionary [--markdown]                  print the data dictionary of the CSV tables\n"
    "\n"
    "Each command answers --help. Exit status: 0 success, 1 invalid input,\n"
    "2 usage error, 3 I/O or internal failure.\n";

static const char usage_publish[] =
    "usage: prongsai publish [--content DIR] [--output DIR] [--layouts DIR]\n"
    "                        [--only AGENCY | --reuse DIR]\n"
    "\n"
    "Reads every plan.md under DIR (default: content), validates all of them, and\n"
    "writes <agency-id>/<fiscal-year>/plan.json, plan-indicators.csv and plan.pdf for\n"
    "each, plus manifest.json, into the output folder (default: output). The new tree\n"
    "is built beside the old one and swapped in at once; on any error nothing is\n"
    "written. Layouts (PDF look) come from --layouts DIR (default: layouts).\n"
    "Each progress-6 / progress-12 file (.csv or .json) beside a plan.md gives\n"
    "progress-<months>.json, .csv and .pdf (the progress report) in the same folder.\n"
    "SOURCE_DATE_EPOCH, when set, is the PDFs' creation date.\n"
    "\n"
    "Publishing agencies in parallel (tools/scale/publish.mk runs these with make -j):\n"
    "  --only AGENCY  publish only content/AGENCY/ (a stage: its plans' files and\n"
    "                 stage.json, none of the indexes)\n"
    "  --reuse DIR    take each agency from DIR/AGENCY/ when that stage was made from\n"
    "                 the sources as they are now; render the others; write the indexes\n";

static const char usage_pdf[] =
    "usage: prongsai pdf PLAN -o FILE [--layouts DIR] [--layout NAME]\n"
    "\n"
    "Renders one plan file as a PDF (the same engine as publish). The layout is the\n"
    "plan's own `layout:` (default plan-landscape) unless --layout names another one\n"
    "in the layouts folder (default: layouts).\n";

static const char usage_check[] =
    "usage: prongsai check [--layouts DIR] [PATH...]\n"
    "\n"
    "Validates plan files, or every plan.md under each folder (default: content), and\n"
    "the progress files beside them, and reports every problem as\n"
    "path:line: error|warning: message. Writes nothing.\n";

static const char usage_dump[] =
    "usage: prongsai dump PATH\n"
    "\n"
    "Prints the model of one plan file as JSON (the content of its plan.json).\n";

static const char usage_dictionary[] =
    "usage: prongsai dictionary [--markdown]\n"
    "\n"
    "Prints the data dictionary: every column of every published CSV table with its type,\n"
    "unit and meaning in Thai and English, as output/data-dictionary.csv holds it, or with\n"
    "--markdown as the tables of README.md's \"Data dictionary\" section.\n";

static const char usage_thai[] =
    "usage: prongsai thai KIND TEXT\n"
    "\n"
    "Parses TEXT as one Thai value and prints what was understood, as JSON.\n"
    "KIND is one of: number, budget, target, year, date, period, digits.\n"
    "A period is read in the fiscal year given by --fy YEAR (default 2567).\n";

static bool wants_help(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	return false;
}

static int usage_error(const char *usage, const char *why)
{
	fprintf(stderr, "prongsai: %s\n%s", why, usage);
	return EXIT_USAGE;
}

static run_options default_options(void)
{
	return (run_options){.content_dir = "content", .output_dir = "output",
		.layouts_dir = "layouts", .source_date_epoch = getenv("SOURCE_DATE_EPOCH")};
}

static int cmd_publish(int argc, char **argv)
{
	run_options o = default_options();
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--content") && i + 1 < argc)
			o.content_dir = argv[++i];
		else if (!strcmp(argv[i], "--output") && i + 1 < argc)
			o.output_dir = argv[++i];
		else if (!strcmp(argv[i], "--layouts") && i + 1 < argc)
			o.layouts_dir = argv[++i];
		else if (!strcmp(argv[i], "--only") && i + 1 < argc)
			o.only = argv[++i];
		else if (!strcmp(argv[i], "--reuse") && i + 1 < argc)
			o.reuse = argv[++i];
		else
			return usage_error(usage_publish, "unexpected argument");
	}
	if (o.only && (!*o.only || strspn(o.only, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(o.only)))
		return usage_error(usage_publish, "--only takes an agency id (a-z 0-9 -)");
	if (o.only && o.reuse)
		return usage_error(usage_publish, "--only and --reuse do not go together");
	return publish_run(&o);
}

static int cmd_pdf(int argc, char **argv)
{
	run_options o = default_options();
	const char *in = NULL, *out = NULL;
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out = argv[++i];
		else if (!strcmp(argv[i], "--layouts") && i + 1 < argc)
			o.layouts_dir = argv[++i];
		else if (!strcmp(argv[i], "--layout") && i + 1 < argc)
			o.layout_name = argv[++i];
		else if (argv[i][0] != '-' && !in)
			in = argv[i];
		else
			return usage_error(usage_pdf, "unexpected argument");
	}
	if (!in || !out)
		return usage_error(usage_pdf, "expected PLAN and -o FILE");
	return pdf_run(in, out, &o);
}

static int cmd_check(int argc, char **argv)
{
	run_options o = default_options();
	char *paths[256];
	int n = 0;
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--layouts") && i + 1 < argc)
			o.layouts_dir = argv[++i];
		else if (n < 256)
			paths[n++] = argv[i];
	}
	if (n == 0)
		paths[n++] = "content";
	return check_run(paths, n, &o);
}

static void print_escaped(const char *s, size_t n)
{
	putchar('"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\')
			putchar('\\');
		putchar(s[i]);
	}
	putchar('"');
}

static void print_date(const char *key, thai_date d, bool start)
{
	char iso[11];
	thai_date_iso(d, start, iso);
	printf(", \"%s\": \"%s\"", key, iso);
}

static int cmd_thai(int argc, char **argv)
{
	int fy = 2567;
	if (argc >= 2 && !strcmp(argv[0], "--fy")) {
		fy = atoi(argv[1]);
		argc -= 2;
		argv += 2;
	}
	if (argc != 2)
		return usage_error(usage_thai, "expected KIND and TEXT");
	const char *kind = argv[0], *text = argv[1];
	/* the parsers take UTF-8 (files are checked by source.c; an argument is checked here) */
	for (size_t i = 0, n = strlen(text), k; i < n; i += k)
		if ((k = utf8_sequence_length((const unsigned char *)text + i, n - i)) == 0) {
			fprintf(stderr, "prongsai: %s: error: invalid UTF-8 (byte 0x%02X)\n", kind,
			    (unsigned char)text[i]);
			return EXIT_INVALID;
		}
	thai_error err = {0};
	bool ok = true;
	if (!strcmp(kind, "digits")) {
		char out[1024];
		thai_digits_to_arabic(text, out, sizeof out);
		printf("{\"arabic\": ");
		print_escaped(out, strlen(out));
		thai_digits_to_thai(text, out, sizeof out);
		printf(", \"thai\": ");
		print_escaped(out, strlen(out));
		printf("}\n");
	} else if (!strcmp(kind, "number")) {
		thai_number n;
		if ((ok = thai_parse_number(text, &n, &err)))
			printf("{\"value\": %.15g, \"decimals\": %d, \"thai_digits\": %s}\n", n.value,
			    n.decimals, n.thai_digits ? "true" : "false");
	} else if (!strcmp(kind, "budget")) {
		thai_budget b;
		static const char *const kinds[] = {"unspecified", "none", "amount"};
		if ((ok = thai_parse_budget(text, &b, &err))) {
			printf("{\"kind\": \"%s\", \"baht\": %.15g, \"footnote\": ", kinds[b.kind], b.baht);
			print_escaped(text + b.footnote_off, b.footnote_len);
			printf(", \"qualifier\": ");
			print_escaped(text + b.qualifier_off, b.qualifier_len);
			printf("}\n");
		}
	} else if (!strcmp(kind, "target")) {
		thai_target t;
		static const char *const cmps[] = {"=", ">=", "<=", ">", "<"};
		if ((ok = thai_parse_target(text, &t, &err))) {
			if (!t.numeric) {
				printf("{\"kind\": \"qualitative\"}\n");
			} else {
				printf("{\"kind\": \"quantitative\", \"value\": %.15g, \"comparator\": \"%s\", "
				       "\"percent\": %s, \"unit\": ",
				    t.value, cmps[t.cmp], t.percent ? "true" : "false");
				print_escaped(text + t.unit_off, t.unit_len);
				printf("}\n");
			}
		}
	} else if (!strcmp(kind, "year")) {
		int be;
		if ((ok = thai_parse_year(text, &be, &err)))
			printf("{\"be\": %d, \"ce\": %d}\n", be, thai_be_to_ce(be));
	} else if (!strcmp(kind, "date")) {
		thai_date d;
		if ((ok = thai_parse_date(text, &d, &err))) {
			printf("{\"year_be\": %d, \"month\": %d, \"day\": %d", d.year_be, d.month, d.day);
			print_date("iso", d, true);
			printf(", \"fiscal_year\": %d}\n", thai_fiscal_year_of(d));
		}
	} else if (!strcmp(kind, "period")) {
		thai_period p;
		static const char *const kinds[] = {"range", "continuous", "text"};
		if ((ok = thai_parse_period(text, fy, &p, &err))) {
			printf("{\"kind\": \"%s\"", kinds[p.kind]);
			if (p.kind == THAI_PERIOD_RANGE) {
				print_date("start", p.start, true);
				print_date("end", p.end, false);
			}
			bool months[12];
			thai_period_fiscal_months(&p, fy, months);
			printf(", \"fiscal_months\": [");
			for (int i = 0, first = 1; i < 12; i++)
				if (months[i]) {
					printf(first ? "%d" : ", %d", i + 1);
					first = 0;
				}
			printf("]}\n");
		}
	} else {
		return usage_error(usage_thai, "unknown KIND");
	}
	if (!ok) {
		fprintf(stderr, "prongsai: %s:%d: error: %s\n", kind, err.col, err.message);
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

static int cmd_dictionary(int argc, char **argv)
{
	bool markdown = argc == 1 && !strcmp(argv[0], "--markdown");
	if (argc > 1 || (argc == 1 && !markdown))
		return usage_error(usage_dictionary, "unexpected argument");
	buf b = {0};
	if (markdown)
		data_dictionary_markdown(&b);
	else
		data_dictionary_csv(&b);
	fwrite(b.data, 1, b.len, stdout);
	buf_free(&b);
	return EXIT_OK;
}

static int run(int argc, char **argv);

int main(int argc, char **argv)
{
	int status = run(argc, argv);
	/* give back what cairo and fontconfig keep for the whole process (their font caches),
	 * so that leak checkers see only real leaks */
	cairo_debug_reset_static_data();
	FcFini();
	return status;
}

static int run(int argc, char **argv)
{
	if (argc < 2)
		return usage_error(usage_main, "expected a command");
	const char *cmd = argv[1];
	int n = argc - 2;
	char **args = argv + 2;
	static const struct {
		const char *name, *usage;
	} commands[] = {
		{"publish", usage_publish},
		{"check", usage_check},
		{"dump", usage_dump},
		{"thai", usage_thai},
		{"pdf", usage_pdf},
		{"dictionary", usage_dictionary},
	};
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		fputs(usage_main, stdout);
		return EXIT_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(cmd, commands[i].name) && wants_help(n, args)) {
			fputs(commands[i].usage, stdout);
			return EXIT_OK;
		}
	if (!strcmp(cmd, "publish"))
		return cmd_publish(n, args);
	if (!strcmp(cmd, "check"))
		return cmd_check(n, args);
	if (!strcmp(cmd, "pdf"))
		return cmd_pdf(n, args);
	if (!strcmp(cmd, "dump")) {
		if (n != 1)
			return usage_error(usage_dump, "expected one PATH");
		return dump_run(args[0]);
	}
	if (!strcmp(cmd, "dictionary"))
		return cmd_dictionary(n, args);
	if (!strcmp(cmd, "thai"))
		return cmd_thai(n, args);
	return usage_error(usage_main, "unknown command");
}

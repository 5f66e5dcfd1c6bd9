/*
 * diag.h — the one catalogue of diagnostics and the sink that collects them.
 *
 * Every message the tool can give a user is a row of DIAG_CATALOGUE: a code, a
 * severity and a printf format. Readers and the validator report into a diag_sink
 * (passed down, never global); the command prints the collected list sorted into source
 * order as `path:line[:col]: error|warning: message`, and the worst severity decides the
 * exit status.
 */
#ifndef PRONGSAI_DIAG_H
#define PRONGSAI_DIAG_H

#include <stddef.h>

typedef enum diag_severity { DIAG_WARNING = 1, DIAG_ERROR = 2 } diag_severity;

/* code, severity, format. Keep README.md "Diagnostics" in step with this table. */
#define DIAG_CATALOGUE(X)                                                                  \
	X(IO_READ, ERROR, "cannot read file: %s")                                          \
	X(UTF8, ERROR, "invalid UTF-8 (byte 0x%02X)")                                      \
	X(NUL_BYTE, ERROR, "NUL byte in text")                                             \
	X(TOO_LARGE, ERROR, "file is larger than %s")                                      \
	X(FM_MISSING_BLOCK, ERROR, "expected a front-matter block: a first line `---`")     \
	X(FM_UNCLOSED, ERROR, "front matter opened here is never closed by a `---` line")  \
	X(FM_SYNTAX, ERROR, "expected `key: value` in front matter, found \"%s\"")         \
	X(FM_UNKNOWN_KEY, ERROR, "unknown front-matter key \"%s\" (expected one of: %s)")  \
	X(FM_DUPLICATE_KEY, ERROR, "front-matter key \"%s\" given twice")                  \
	X(FM_MISSING_KEY, ERROR, "front matter lacks the required key \"%s\"")             \
	X(FM_BAD_VALUE, ERROR, "front-matter %s: %s")                                     \
	X(LEVEL_SKIPPED, ERROR, "heading \"%s\" skips a level: expected a %s heading first") \
	X(LEVEL_TOO_DEEP, ERROR, "heading depth %d is deeper than the %d levels named in `levels`") \
	X(ITEM_BEFORE_PARENT, ERROR, "%s \"%s\" has no %s above it")                       \
	X(ID_BAD, ERROR, "id \"%s\" may hold only A-Z a-z 0-9 . _ -")                      \
	X(ID_DUPLICATE, ERROR, "duplicate id \"%s\" (first used at line %d)")              \
	X(FIELD_SYNTAX, ERROR, "expected `field: value` in a field list, found \"%s\"")    \
	X(FIELD_UNKNOWN, ERROR, "unknown field \"%s\" (expected one of: %s)")              \
	X(FIELD_EMPTY, ERROR, "field \"%s\" has no value")                                 \
	X(FIELD_DUPLICATE, ERROR, "field \"%s\" given twice for one item (first at line %d)") \
	X(FIELD_MISPLACED, ERROR, "field \"%s\" belongs under an indicator (ตัวชี้วัด)")   \
	X(FIELD_OUTSIDE_ITEM, ERROR, "field list \"%s\" is outside any plan item")        \
	X(TARGET_TWICE, ERROR, "indicator already has a target (line %d)")                 \
	X(BUDGET_BAD, ERROR, "budget: %s")                                                 \
	X(TARGET_BAD, ERROR, "target: %s")                                                 \
	X(PERIOD_BAD, ERROR, "period: %s")                                                 \
	X(PERIOD_TEXT, WARNING, "period \"%s\" names no date; kept as text")               \
	X(PATH_MISMATCH, ERROR, "%s is \"%s\" but the file is under \"%s\"")               \
	X(NO_ITEMS, ERROR, "the plan has no items: expected headings of depth %d or more") \
	X(NESTING, ERROR, "nesting deeper than %d levels")                                \
	X(NO_PLANS, WARNING, "no plan.md found under this folder")                          \
	X(OUT_WRITE, ERROR, "cannot write output: %s")                                    \
	X(LAYOUT_SYNTAX, ERROR, "layout is not valid JSON: %s")                            \
	X(LAYOUT_UNKNOWN_KEY, ERROR, "unknown layout key \"%s\" (expected one of: %s)")   \
	X(LAYOUT_BAD_VALUE, ERROR, "layout %s: %s")                                        \
	X(LAYOUT_NOT_FOUND, ERROR, "layout \"%s\" not found: expected %s")                \
	X(FONT_MISSING, ERROR, "font file \"%s\" cannot be read: %s")                 \
	X(FONT_NOT_FONT, ERROR, "font file \"%s\" is not a TrueType or OpenType font")  \
	X(LINK_IN_CONTENT, ERROR, "symbolic link in the content folder (to \"%s\"): links are not followed; put the file itself here") \
	X(PLAN_PLACE, ERROR, "a plan belongs at <agency-id>/<fiscal-year>/plan.md in the content folder, not at \"%s\"") \
	X(TEXT_TOO_LONG, ERROR, "%s of %d KB: at most %d KB in one paragraph, heading or cell") \
	X(CELL_FORMULA, WARNING, "%s \"%s\" begins with \"%c\": a spreadsheet opening the CSV would run it as a formula (the *-excel.csv copy neutralises it)") \
	X(PROGRESS_NAME, ERROR, "progress file \"%s\" must be named progress-6 or progress-12, with .csv or .json") \
	X(PROGRESS_ROUND_TWICE, ERROR, "a second progress file for the %d-month round (the first is %s)") \
	X(PROGRESS_SYNTAX, ERROR, "progress file is not valid %s: %s")                    \
	X(PROGRESS_NO_HEADER, ERROR, "progress table has no header row: expected a row of column names that names รหัส (id)") \
	X(PROGRESS_KEY_UNKNOWN, ERROR, "unknown progress key \"%s\" (expected one of: %s)") \
	X(PROGRESS_KEY_TWICE, ERROR, "progress key \"%s\" given twice (first at line %d)") \
	X(PROGRESS_KEY_MISSING, ERROR, "progress file lacks the required key \"%s\" (%s)") \
	X(PROGRESS_BAD_VALUE, ERROR, "progress %s: %s")                                   \
	X(PROGRESS_FIELD_UNKNOWN, ERROR, "unknown progress field \"%s\" (expected one of: %s)") \
	X(PROGRESS_FIELD_TWICE, ERROR, "progress field \"%s\" given twice")              \
	X(PROGRESS_EXTRA_CELL, ERROR, "cell %d holds text, but %s")                       \
	X(PROGRESS_NO_ID, ERROR, "progress row has no id (รหัส)")                          \
	X(PROGRESS_ID_TWICE, ERROR, "progress for \"%s\" given twice (first at line %d)") \
	X(PROGRESS_ID_UNKNOWN, ERROR, "id \"%s\" is not in the plan %s%s")               \
	X(PROGRESS_MISPLACED, ERROR, "%s belongs to %s")                                  \
	X(PROGRESS_STATUS, ERROR, "status \"%s\" is not one of: เสร็จสิ้น, อยู่ระหว่างดำเนินการ, ยังไม่ดำเนินการ, ยกเลิก (done, in progress, not started, cancelled)") \
	X(PROGRESS_ACHIEVED, ERROR, "achieved value of \"%s\": %s")                        \
	X(PROGRESS_DISBURSED, ERROR, "budget disbursed: %s")                              \
	X(PROGRESS_FISCAL_YEAR, ERROR, "progress is for fiscal year %d but the plan %s is for %d") \
	X(PROGRESS_OVERSPENT, WARNING, "budget disbursed %s baht is more than the %s baht planned for \"%s\"") \
	X(CPI_CSV, ERROR, "malformed CSV: %s")                                             \
	X(CPI_NO_HEADER, ERROR, "expected a header row naming the columns (%s)")          \
	X(CPI_COLUMN_UNKNOWN, ERROR, "unknown column \"%s\" (expected one of: %s)")      \
	X(CPI_COLUMN_MISSING, ERROR, "the header lacks the column \"%s\"")                \
	X(CPI_ROW_WIDE, ERROR, "the row has %d fields but the header names %d columns")   \
	X(CPI_VALUE, ERROR, "%s: %s")                                                     \
	X(CPI_DUPLICATE, ERROR, "%s given twice by document \"%s\" (first at line %d)")  \
	X(CPI_DOC_UNKNOWN, ERROR, "unknown document \"%s\" (expected an id of documents.csv: %s)") \
	X(CPI_SETTING_UNKNOWN, ERROR, "unknown setting \"%s\" (expected one of: %s)")     \
	X(CPI_FOCUS_MISSING, ERROR, "no CPI data for the country in focus \"%s\": expected its rows in scores.csv or a TI workbook") \
	X(CPI_TARGET_COUNTRY, ERROR, "target for \"%s\", a country without CPI data")     \
	X(CPI_DISAGREE, WARNING, "%s CPI %d %s: %s in \"%s\" disagrees with %s in \"%s\"; both kept, \"%s\" used") \
	X(CPI_WORKBOOK, ERROR, "cannot read the workbook: %s")                             \
	X(CPI_SHEET, ERROR, "sheet \"%s\", %s: %s")                                        \
	X(CPI_CHART_UNKNOWN, ERROR, "unknown chart \"%s\" (expected one of: %s)")          \
	X(CPI_CHART_NO_DATA, ERROR, "chart \"%s\" needs CPI data, but %s")                 \
	X(OD_SYNTAX, ERROR, "expected `key: value` in open-data metadata, found \"%s\"") \
	X(OD_UNKNOWN_KEY, ERROR, "unknown open-data key \"%s\" (expected one of: %s)")  \
	X(OD_DUPLICATE_KEY, ERROR, "open-data key \"%s\" given twice (first at line %d)") \
	X(OD_NOT_IN_LIST, ERROR, "%s: \"%s\" is not a GD-Catalog value (expected one of: %s)") \
	X(OD_BAD_VALUE, ERROR, "%s: %s")                                                  \
	X(OD_SLUG, ERROR, "%s: \"%s\" %s")                                               \
	X(OD_MISSING, ERROR, "dataset \"%s\" lacks the required GD-Catalog field %s (%s)") \
	X(OD_OTHER_MISSING, ERROR, "%s is \"%s\": %s must give the text too")            \
	X(OD_NOT_UNIQUE, ERROR, "%s \"%s\" of dataset \"%s\" is also dataset \"%s\"'s: data.go.th needs it unique") \
	X(OD_MISPLACED, ERROR, "opendata.txt belongs in the content folder, an agency folder or a fiscal-year folder") \
	X(OD_NO_METADATA, WARNING, "no open-data metadata for \"%s\": its datasets get no data.go.th payload (write %s)") \
	X(SITE_TEMPLATE, ERROR, "site template: %s")

typedef enum diag_code {
#define DIAG_ENUM(code, sev, fmt) DIAG_##code,
	DIAG_CATALOGUE(DIAG_ENUM)
#undef DIAG_ENUM
	DIAG__COUNT
} diag_code;

typedef struct diag {
	const char *path; /* not owned: outlives the sink (a plan's path) */
	size_t order;     /* the file's index in this run, to print files in turn */
	size_t seq;       /* report order, to keep equal positions stable */
	int line, col;    /* 0 when unknown */
	diag_code code;
	char *message;    /* owned */
} diag;

typedef struct diag_sink {
	diag *items;
	size_t n, cap;
	size_t file_order;  /* set by the caller before reading each file */
	diag_severity worst;
} diag_sink;

void diag_report(diag_sink *s, const char *path, int line, int col, diag_code code, ...);
diag_severity diag_severity_of(diag_code code);
const char *diag_name(diag_code code);
size_t diag_count(const diag_sink *s, diag_severity sev);
/* Sort into source order and print each diagnostic on stream as one line. */
void diag_print(diag_sink *s, void *stream);
void diag_sink_free(diag_sink *s);

#endif

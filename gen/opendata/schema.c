/* schema.c — the tables: every column of every CSV file, described once. */
#include "opendata/schema.h"

#include <fnmatch.h>
#include <string.h>

static const char *const target_kinds[] = {"quantitative", "qualitative", NULL};
static const char *const comparators[] = {"=", ">=", "<=", ">", "<", NULL};
static const char *const budget_kinds[] = {"unspecified", "none", "amount", NULL};
static const char *const type_names[] = {"string", "integer", "number", "date", "boolean",
	"year", NULL};

/* Columns every per-plan table starts with. */
#define PLAN_KEY_FIELDS                                                                     \
	{"agency_id", OD_STRING, "รหัสหน่วยงาน", "Agency id",                                 \
	    "รหัสย่อของหน่วยงาน (ชื่อโฟลเดอร์ของหน่วยงานใน content/)",                          \
	    "Short id of the agency (the name of its folder in content/)", NULL, NULL, true,   \
	    NULL},                                                                                \
	{"fiscal_year_be", OD_INTEGER, "ปีงบประมาณ (พ.ศ.)", "Fiscal year (BE)",                 \
	    "ปีงบประมาณของแผน เป็นพุทธศักราช (ปีงบประมาณ ๒๕๖๗ คือ ๑ ต.ค. ๒๕๖๖ – ๓๐ ก.ย. ๒๕๖๗)",  \
	    "Fiscal year of the plan in the Buddhist Era (FY 2567 runs 1 Oct 2023 – 30 Sep 2024)", \
	    "ปี พ.ศ.", "year BE", true, NULL},                                                   \
	{"fiscal_year_ce", OD_INTEGER, "ปีงบประมาณ (ค.ศ.)", "Fiscal year (CE)",                 \
	    "ปีงบประมาณเดียวกัน เป็นคริสต์ศักราช (พ.ศ. − ๕๔๓)",                                   \
	    "The same fiscal year in the Common Era (BE − 543)", "ปี ค.ศ.", "year CE", true, NULL}

#define LEVEL_FIELDS(n, th)                                                                 \
	{"level" #n "_id", OD_STRING, "รหัสรายการระดับที่ " th, "Level " #n " item id",        \
	    "รหัสของรายการระดับที่ " th " ที่แถวนี้อยู่ภายใต้ (ว่างเมื่อแผนมีระดับไม่ถึง)",          \
	    "Id of the level-" #n " item this row belongs to (empty when the plan has fewer "  \
	    "levels)", NULL, NULL, false, NULL},                                                 \
	{"level" #n "_title", OD_STRING, "ชื่อรายการระดับที่ " th, "Level " #n " item title",   \
	    "ชื่อของรายการระดับที่ " th " ที่แถวนี้อยู่ภายใต้", "Title of that level-" #n " item",   \
	    NULL, NULL, false, NULL}

#define PERIOD_FIELDS                                                                       \
	{"period_source", OD_STRING, "ระยะเวลาดำเนินการ (ตามต้นฉบับ)", "Period as written",     \
	    "ระยะเวลาดำเนินการตามที่เขียนในแผน หลายช่วงคั่นด้วย ;",                               \
	    "The period(s) as the plan writes them, separated by `;`", NULL, NULL, false, NULL},   \
	{"period_start", OD_DATE, "วันเริ่มต้น", "Start date",                                    \
	    "วันแรกของช่วงเวลาที่เร็วที่สุด (ค.ศ. รูปแบบ ISO 8601)",                                 \
	    "First day of the earliest period (ISO 8601, Common Era)", NULL, NULL, false, NULL}, \
	{"period_end", OD_DATE, "วันสิ้นสุด", "End date",                                         \
	    "วันสุดท้ายของช่วงเวลาที่ช้าที่สุด (ค.ศ. รูปแบบ ISO 8601)",                              \
	    "Last day of the latest period (ISO 8601, Common Era)", NULL, NULL, false, NULL}

#define BUDGET_FIELDS                                                                       \
	{"budget_kind", OD_STRING, "ประเภทงบประมาณ", "Budget kind",                              \
	    "amount = ระบุจำนวนเงิน, none = ไม่ใช้งบประมาณ, unspecified = ไม่ระบุ (-); ว่างเมื่อแผนไม่กล่าวถึง", \
	    "amount = a sum is given, none = no budget on purpose, unspecified = `-`; empty "   \
	    "when the plan says nothing", NULL, NULL, false, budget_kinds},                      \
	{"budget_baht", OD_NUMBER, "งบประมาณ (บาท)", "Budget (baht)",                            \
	    "งบประมาณของรายการรวมทุกแหล่ง", "Budget of the item, all parts added up", "บาท",      \
	    "baht", false, NULL}

static const od_field plan_indicator_fields[] = {
	PLAN_KEY_FIELDS,
	{"item_id", OD_STRING, "รหัสรายการในแผน", "Plan item id",
	    "รหัสของกิจกรรม/โครงการหรือหัวข้อในแผน: รหัสของรายการแม่ จุด และเลขของรายการ (เช่น 1.2.3)",
	    "Id of the plan item: the parent's id, a dot and the item's number (e.g. 1.2.3)", NULL,
	    NULL, true, NULL},
	{"item_level", OD_INTEGER, "ระดับของรายการ", "Item level",
	    "ระดับของรายการในแผน ๑ คือระดับนอกสุด (เช่น ยุทธศาสตร์)",
	    "Level of the item in the plan, 1 = outermost (e.g. strategy)", NULL, NULL, true, NULL},
	{"item_level_name", OD_STRING, "ชื่อระดับ", "Level name",
	    "ชื่อระดับตามที่แผนเรียก เช่น ยุทธศาสตร์ มาตรการ กิจกรรม/โครงการ",
	    "Name of the level as the plan calls it (in Thai)", NULL, NULL, true, NULL},
	{"item_title", OD_STRING, "ชื่อรายการ", "Item title",
	    "ชื่อกิจกรรม/โครงการหรือหัวข้อ (ไม่รวมคำนำหน้าระดับและเลข)",
	    "Title of the item, without its level word and number", NULL, NULL, true, NULL},
	LEVEL_FIELDS(1, "๑"), LEVEL_FIELDS(2, "๒"), LEVEL_FIELDS(3, "๓"), LEVEL_FIELDS(4, "๔"),
	LEVEL_FIELDS(5, "๕"),
	{"indicator_id", OD_STRING, "รหัสตัวชี้วัด", "Indicator id",
	    "รหัสรายการ # ลำดับของตัวชี้วัด (หรือรหัสที่แผนกำหนด); ว่างเมื่อกิจกรรมไม่มีตัวชี้วัด",
	    "`<item id>#<n>` (or the id the plan gives); empty for an activity without indicators",
	    NULL, NULL, false, NULL},
	{"indicator", OD_STRING, "ตัวชี้วัด", "Indicator", "ข้อความตัวชี้วัดตามแผน",
	    "Text of the indicator as the plan writes it", NULL, NULL, false, NULL},
	{"target_source", OD_STRING, "ค่าเป้าหมาย (ตามต้นฉบับ)", "Target as written",
	    "ค่าเป้าหมายตามที่เขียนในแผน", "The target as the plan writes it", NULL, NULL, false, NULL},
	{"target_kind", OD_STRING, "ประเภทค่าเป้าหมาย", "Target kind",
	    "quantitative = มีค่าตัวเลข, qualitative = เชิงคุณภาพ (เช่น มีประกาศ)",
	    "quantitative = a figure, qualitative = no figure (e.g. an announcement exists)", NULL,
	    NULL, false, target_kinds},
	{"target_comparator", OD_STRING, "เงื่อนไขค่าเป้าหมาย", "Target comparator",
	    "= เท่ากับ, >= ไม่น้อยกว่า, <= ไม่เกิน, > มากกว่า, < น้อยกว่า",
	    "= equal to, >= at least, <= at most, > more than, < less than", NULL, NULL, false,
	    comparators},
	{"target_value", OD_NUMBER, "ค่าเป้าหมาย (ตัวเลข)", "Target value",
	    "ตัวเลขของค่าเป้าหมายเชิงปริมาณ ในหน่วยของ target_unit",
	    "The figure of a quantitative target, in target_unit", "ตาม target_unit",
	    "see target_unit", false, NULL},
	{"target_unit", OD_STRING, "หน่วยนับ", "Unit", "หน่วยนับของค่าเป้าหมาย (ร้อยละ คน ครั้ง …)",
	    "Unit of the target in Thai (ร้อยละ = percent, คน = persons, …)", NULL, NULL, false,
	    NULL},
	{"target_unit_en", OD_STRING, "หน่วยนับ (ภาษาอังกฤษ)", "Unit (English)",
	    "หน่วยนับของค่าเป้าหมายเป็นภาษาอังกฤษ", "Unit of the target in English", NULL, NULL,
	    false, NULL},
	BUDGET_FIELDS,
	PERIOD_FIELDS,
	{"responsible", OD_STRING, "ผู้รับผิดชอบ", "Responsible",
	    "หน่วยงานที่รับผิดชอบ หลายหน่วยคั่นด้วย ;", "Responsible units, separated by `;`", NULL,
	    NULL, false, NULL},
	{"source_line", OD_INTEGER, "บรรทัดในต้นฉบับ", "Source line",
	    "เลขบรรทัดของตัวชี้วัด (หรือของกิจกรรม) ในไฟล์ plan.md",
	    "Line of the indicator (or the activity) in plan.md", NULL, NULL, true, NULL},
};

static const od_field plan_item_fields[] = {
	PLAN_KEY_FIELDS,
	{"item_id", OD_STRING, "รหัสรายการในแผน", "Plan item id",
	    "รหัสของรายการ: รหัสของรายการแม่ จุด และเลขของรายการ (เช่น 1.2.3)",
	    "Id of the item: the parent's id, a dot and the item's number (e.g. 1.2.3)", NULL, NULL,
	    true, NULL},
	{"parent_id", OD_STRING, "รหัสรายการแม่", "Parent item id",
	    "รหัสของรายการระดับเหนือขึ้นไป (ว่างสำหรับระดับนอกสุด)",
	    "Id of the item one level up (empty at the outermost level)", NULL, NULL, false, NULL},
	{"item_level", OD_INTEGER, "ระดับของรายการ", "Item level",
	    "ระดับของรายการในแผน ๑ คือระดับนอกสุด", "Level of the item, 1 = outermost", NULL, NULL,
	    true, NULL},
	{"item_level_name", OD_STRING, "ชื่อระดับ", "Level name",
	    "ชื่อระดับตามที่แผนเรียก เช่น ยุทธศาสตร์ มาตรการ กิจกรรม/โครงการ",
	    "Name of the level as the plan calls it (in Thai)", NULL, NULL, true, NULL},
	{"item_number", OD_STRING, "เลขรายการ (ตามต้นฉบับ)", "Item number as written",
	    "เลขที่เขียนในหัวข้อ เช่น ๑.๒ (ว่างเมื่อไม่มี)",
	    "The number written in the heading, e.g. ๑.๒ (empty when none)", NULL, NULL, false,
	    NULL},
	{"item_title", OD_STRING, "ชื่อรายการ", "Item title",
	    "ชื่อรายการ (ไม่รวมคำนำหน้าระดับและเลข)", "Title, without its level word and number",
	    NULL, NULL, true, NULL},
	{"indicator_count", OD_INTEGER, "จำนวนตัวชี้วัด", "Indicators",
	    "จำนวนตัวชี้วัดของรายการนี้เอง", "Number of the item's own indicators", "ตัวชี้วัด",
	    "indicators", true, NULL},
	{"child_count", OD_INTEGER, "จำนวนรายการย่อย", "Sub-items",
	    "จำนวนรายการในระดับถัดลงไปโดยตรง", "Number of items directly below", "รายการ", "items",
	    true, NULL},
	BUDGET_FIELDS,
	PERIOD_FIELDS,
	{"responsible", OD_STRING, "ผู้รับผิดชอบ", "Responsible",
	    "หน่วยงานที่รับผิดชอบ หลายหน่วยคั่นด้วย ;", "Responsible units, separated by `;`", NULL,
	    NULL, false, NULL},
	{"source_line", OD_INTEGER, "บรรทัดในต้นฉบับ", "Source line",
	    "เลขบรรทัดของหัวข้อรายการในไฟล์ plan.md", "Line of the item's heading in plan.md", NULL,
	    NULL, true, NULL},
};

static const char *const assessments[] = {"not_reported", "met", "partly", "not_met",
	"not_assessed", NULL};
static const char *const statuses[] = {"not_stated", "done", "in_progress", "not_started",
	"cancelled", "not_reported", NULL};
static const char *const statuses_th[] = {"ไม่ระบุสถานะ", "เสร็จสิ้น", "อยู่ระหว่างดำเนินการ",
	"ยังไม่ดำเนินการ", "ยกเลิก", "ไม่ได้รายงาน", NULL};

/* progress-<months>.csv: written by gen/progress/out_csv.c */
static const od_field progress_fields[] = {
	PLAN_KEY_FIELDS,
	{"round_months", OD_INTEGER, "รอบการรายงาน (เดือน)", "Round (months)",
	    "รอบการรายงานผลนับเป็นเดือนจากต้นปีงบประมาณ: ๖ หรือ ๑๒",
	    "The reporting round in months from the start of the fiscal year: 6 or 12", "เดือน",
	    "months", true, NULL},
	{"round_start", OD_DATE, "วันเริ่มรอบ", "Round start", "วันแรกของช่วงที่รายงาน (ISO 8601)",
	    "First day of the period reported on (ISO 8601)", NULL, NULL, true, NULL},
	{"round_end", OD_DATE, "วันสิ้นรอบ", "Round end", "วันสุดท้ายของช่วงที่รายงาน (ISO 8601)",
	    "Last day of the period reported on (ISO 8601)", NULL, NULL, true, NULL},
	{"item_id", OD_STRING, "รหัสรายการในแผน", "Plan item id",
	    "รหัสของกิจกรรม/โครงการในแผน (ตรงกับ plan-items.csv)",
	    "Id of the plan item (as in plan-items.csv)", NULL, NULL, true, NULL},
	{"item_level", OD_INTEGER, "ระดับของรายการ", "Item level",
	    "ระดับของรายการในแผน ๑ คือระดับนอกสุด", "Level of the item, 1 = outermost", NULL, NULL,
	    true, NULL},
	{"item_level_name", OD_STRING, "ชื่อระดับ", "Level name", "ชื่อระดับตามที่แผนเรียก",
	    "Name of the level as the plan calls it (in Thai)", NULL, NULL, true, NULL},
	{"item_title", OD_STRING, "ชื่อรายการ", "Item title", "ชื่อกิจกรรม/โครงการ",
	    "Title of the item", NULL, NULL, true, NULL},
	{"level1_id", OD_STRING, "รหัสรายการระดับที่ ๑", "Level 1 item id",
	    "รหัสของรายการระดับนอกสุด (เช่น ยุทธศาสตร์) ที่แถวนี้อยู่ภายใต้",
	    "Id of the outermost item (e.g. strategy) this row belongs to", NULL, NULL, true, NULL},
	{"level1_title", OD_STRING, "ชื่อรายการระดับที่ ๑", "Level 1 item title",
	    "ชื่อของรายการระดับนอกสุด", "Title of that outermost item", NULL, NULL, true, NULL},
	{"indicator_id", OD_STRING, "รหัสตัวชี้วัด", "Indicator id",
	    "รหัสตัวชี้วัดตามแผน (ว่างในแถวของรายการ)", "Id of the plan's indicator (empty on an "
	    "item's own row)", NULL, NULL, false, NULL},
	{"indicator", OD_STRING, "ตัวชี้วัด", "Indicator", "ข้อความตัวชี้วัดตามแผน",
	    "Text of the indicator as the plan writes it", NULL, NULL, false, NULL},
	{"target_source", OD_STRING, "ค่าเป้าหมาย (ตามต้นฉบับ)", "Target as written",
	    "ค่าเป้าหมายตามที่เขียนในแผน", "The target as the plan writes it", NULL, NULL, false, NULL},
	{"target_kind", OD_STRING, "ประเภทค่าเป้าหมาย", "Target kind",
	    "quantitative = มีค่าตัวเลข, qualitative = เชิงคุณภาพ",
	    "quantitative = a figure, qualitative = no figure", NULL, NULL, false, target_kinds},
	{"target_comparator", OD_STRING, "เงื่อนไขค่าเป้าหมาย", "Target comparator",
	    "= เท่ากับ, >= ไม่น้อยกว่า, <= ไม่เกิน, > มากกว่า, < น้อยกว่า",
	    "= equal to, >= at least, <= at most, > more than, < less than", NULL, NULL, false,
	    comparators},
	{"target_value", OD_NUMBER, "ค่าเป้าหมาย (ตัวเลข)", "Target value",
	    "ตัวเลขของค่าเป้าหมายเชิงปริมาณ ในหน่วยของ target_unit",
	    "The figure of a quantitative target, in target_unit", "ตาม target_unit",
	    "see target_unit", false, NULL},
	{"target_unit", OD_STRING, "หน่วยนับ", "Unit", "หน่วยนับของค่าเป้าหมาย",
	    "Unit of the target (Thai)", NULL, NULL, false, NULL},
	{"achieved_source", OD_STRING, "ผลที่ได้ (ตามต้นฉบับ)", "Achieved as written",
	    "ผลที่ได้ตามที่หน่วยงานรายงาน", "The achieved value as the agency reports it", NULL,
	    NULL, false, NULL},
	{"achieved_value", OD_STRING, "ผลที่ได้", "Achieved value",
	    "ตัวเลขของผลที่ได้ในหน่วยของตัวชี้วัด หรือ yes / no / partly สำหรับตัวชี้วัดเชิงคุณภาพ",
	    "The achieved figure in the indicator's unit, or yes / no / partly for a qualitative "
	    "indicator (so the column is text)", "ตาม target_unit", "see target_unit", false, NULL},
	{"assessment", OD_STRING, "ผลการประเมิน", "Assessment",
	    "met = บรรลุ, partly = บรรลุบางส่วน, not_met = ไม่บรรลุ, not_reported = ไม่ได้รายงาน, "
	    "not_assessed = ไม่ได้ประเมิน",
	    "met, partly, not_met, not_reported, not_assessed (no target to compare with)", NULL,
	    NULL, false, assessments},
	{"percent_of_target", OD_NUMBER, "ร้อยละของค่าเป้าหมาย", "Percent of target",
	    "ผลที่ได้เทียบกับค่าเป้าหมายเชิงปริมาณ", "Achieved value against a numeric target",
	    "ร้อยละ", "percent", false, NULL},
	{"over_achieved", OD_BOOLEAN, "เกินค่าเป้าหมาย", "Over-achieved",
	    "true เมื่อผลที่ได้เกินค่าเป้าหมาย", "true when the result exceeds the target", NULL,
	    NULL, false, NULL},
	{"status", OD_STRING, "สถานะ", "Status",
	    "สถานะของรายการ: done เสร็จสิ้น, in_progress อยู่ระหว่างดำเนินการ, not_started "
	    "ยังไม่ดำเนินการ, cancelled ยกเลิก, not_reported ไม่ได้รายงาน, not_stated ไม่ระบุสถานะ",
	    "Status of the item (codes)", NULL, NULL, true, statuses},
	{"status_th", OD_STRING, "สถานะ (ภาษาไทย)", "Status (Thai)", "สถานะของรายการเป็นภาษาไทย",
	    "Status of the item in Thai", NULL, NULL, true, statuses_th},
	{"status_from", OD_STRING, "สถานะจากรายการ", "Status taken from",
	    "รหัสของรายการที่สถานะนี้สืบมา เมื่อรายการเองไม่ได้ระบุ",
	    "Id of the item whose status this one inherits, when it states none", NULL, NULL, false,
	    NULL},
	{"budget_planned_baht", OD_NUMBER, "งบประมาณตามแผน (บาท)", "Budget planned (baht)",
	    "งบประมาณของรายการตามแผน", "The item's budget in the plan", "บาท", "baht", false, NULL},
	{"budget_disbursed_source", OD_STRING, "งบประมาณที่ใช้ (ตามต้นฉบับ)",
	    "Budget disbursed as written", "งบประมาณที่ใช้ตามที่หน่วยงานรายงาน",
	    "The disbursed budget as the agency reports it", NULL, NULL, false, NULL},
	{"budget_disbursed_baht", OD_NUMBER, "งบประมาณที่ใช้ (บาท)", "Budget disbursed (baht)",
	    "งบประมาณที่เบิกจ่ายแล้วในรอบนี้", "Budget disbursed in this round", "บาท", "baht",
	    false, NULL},
	{"budget_percent", OD_NUMBER, "ร้อยละของงบประมาณที่ใช้", "Budget used (percent)",
	    "งบประมาณที่ใช้เทียบกับงบประมาณตามแผน", "Disbursed against planned budget", "ร้อยละ",
	    "percent", false, NULL},
	{"narrative", OD_STRING, "ผลการดำเนินการ", "What was done",
	    "ผลการดำเนินการของรายการ (Markdown)", "What the item did (Markdown)", NULL, NULL, false,
	    NULL},
	{"problems", OD_STRING, "ปัญหาอุปสรรค", "Problems", "ปัญหาและอุปสรรค",
	    "Problems and obstacles", NULL, NULL, false, NULL},
	{"result_narrative", OD_STRING, "ผลของตัวชี้วัด", "Indicator narrative",
	    "คำอธิบายผลของตัวชี้วัดนี้ (Markdown)", "What the agency says about this indicator "
	    "(Markdown)", NULL, NULL, false, NULL},
	{"progress_line", OD_INTEGER, "บรรทัดในไฟล์รายงานผล", "Progress file line",
	    "เลขบรรทัด (หรือเลขแถว) ในไฟล์รายงานผลที่ให้ค่าของแถวนี้",
	    "Line (or row) of the progress file that gave this row", NULL, NULL, false, NULL},
};

static const char *const yes_no[] = {"yes", "no", NULL};

/* cpi/cpi.csv: written by gen/cpi/out.c, long format (one score per row) */
static const od_field cpi_fields[] = {
	{"country", OD_STRING, "ประเทศ", "Country", "ชื่อประเทศตามแหล่งข้อมูล",
	    "Name of the country as the source gives it", NULL, NULL, true, NULL},
	{"iso3", OD_STRING, "รหัสประเทศ ISO 3166", "ISO3 code",
	    "รหัสประเทศสามตัวอักษรตาม ISO 3166-1 alpha-3 (ไทย = THA)",
	    "Three-letter country code, ISO 3166-1 alpha-3 (Thailand = THA)", NULL, NULL, true, NULL},
	{"year", OD_YEAR, "ปี (ค.ศ.)", "Year (CE)", "ปีของดัชนี เป็นคริสต์ศักราช",
	    "Year of the index, Common Era", "ปี ค.ศ.", "year CE", true, NULL},
	{"year_be", OD_INTEGER, "ปี (พ.ศ.)", "Year (BE)", "ปีเดียวกัน เป็นพุทธศักราช (ค.ศ. + ๕๔๓)",
	    "The same year in the Buddhist Era (CE + 543)", "ปี พ.ศ.", "year BE", true, NULL},
	{"source", OD_STRING, "แหล่งคะแนน", "Source",
	    "CPI = คะแนนดัชนีการรับรู้การทุจริตเอง หรือรหัสแหล่งข้อมูลที่ใช้คำนวณ (IMD, WEF, PERC, WJP, "
	    "GI, PRS, EIU, V-DEM, BF (TI), …)",
	    "CPI = the Corruption Perceptions Index score itself, or the code of one source survey "
	    "behind it (IMD, WEF, PERC, WJP, GI, PRS, EIU, V-DEM, BF (TI), …)", NULL, NULL, true,
	    NULL},
	{"score", OD_NUMBER, "คะแนน", "Score", "คะแนนบนมาตร ๐–๑๐๐ (๑๐๐ = โปร่งใสมากที่สุด)",
	    "Score on the 0-100 scale (100 = very clean)", "คะแนน (๐–๑๐๐)", "points (0-100)", true,
	    NULL},
	{"source_document", OD_STRING, "เอกสารที่มา", "Source document",
	    "รหัสของเอกสารที่ให้ค่านี้ (ตาม content/cpi/documents.csv)",
	    "Id of the document that gives this value (see content/cpi/documents.csv)", NULL, NULL,
	    true, NULL},
	{"used", OD_STRING, "ใช้ค่านี้", "Used",
	    "yes = ค่าที่ใช้ในรายงานและกราฟ, no = ค่าจากอีกเอกสารที่ต่างออกไป (เก็บไว้ทั้งสองค่า)",
	    "yes = the value the report and charts use, no = a differing value from another document "
	    "(both are kept)", NULL, NULL, true, yes_no},
};

static const od_field dictionary_fields[] = {
	{"table", OD_STRING, "ตาราง", "Table", "ชื่อตาราง (ชนิดของไฟล์ CSV)",
	    "Name of the table (the kind of CSV file)", NULL, NULL, true, NULL},
	{"file_pattern", OD_STRING, "ไฟล์", "Files", "ไฟล์ของตารางนี้ใต้ output/ (* แทนชื่อใดก็ได้)",
	    "The table's files under output/ (* stands for any name)", NULL, NULL, true, NULL},
	{"position", OD_INTEGER, "ลำดับคอลัมน์", "Position", "ลำดับของคอลัมน์ในไฟล์ เริ่มที่ ๑",
	    "Position of the column in the file, from 1", NULL, NULL, true, NULL},
	{"column", OD_STRING, "คอลัมน์", "Column", "ชื่อคอลัมน์ในแถวหัวตาราง",
	    "Name of the column in the header row", NULL, NULL, true, NULL},
	{"type", OD_STRING, "ชนิดข้อมูล", "Type",
	    "ชนิดข้อมูลตาม Frictionless Table Schema (string ข้อความ, integer จำนวนเต็ม, number "
	    "ตัวเลข, date วันที่ ISO 8601)",
	    "Frictionless Table Schema type (string, integer, number, date ISO 8601)", NULL, NULL,
	    true, type_names},
	{"required", OD_BOOLEAN, "ต้องมีค่า", "Required", "true เมื่อคอลัมน์นี้ไม่มีวันว่าง",
	    "true when the column is never empty", NULL, NULL, true, NULL},
	{"unit_th", OD_STRING, "หน่วย", "Unit (Thai)", "หน่วยของค่าในคอลัมน์ (ภาษาไทย)",
	    "Unit of the values, in Thai", NULL, NULL, false, NULL},
	{"unit_en", OD_STRING, "หน่วย (ภาษาอังกฤษ)", "Unit (English)",
	    "หน่วยของค่าในคอลัมน์ (ภาษาอังกฤษ)", "Unit of the values, in English", NULL, NULL, false,
	    NULL},
	{"title_th", OD_STRING, "ชื่อคอลัมน์ภาษาไทย", "Title (Thai)", "ชื่อคอลัมน์เป็นภาษาไทย",
	    "Title of the column in Thai", NULL, NULL, true, NULL},
	{"title_en", OD_STRING, "ชื่อคอลัมน์ภาษาอังกฤษ", "Title (English)",
	    "ชื่อคอลัมน์เป็นภาษาอังกฤษ", "Title of the column in English", NULL, NULL, true, NULL},
	{"description_th", OD_STRING, "ความหมาย", "Meaning (Thai)", "ความหมายของคอลัมน์ (ภาษาไทย)",
	    "Meaning of the column, in Thai", NULL, NULL, true, NULL},
	{"description_en", OD_STRING, "ความหมาย (ภาษาอังกฤษ)", "Meaning (English)",
	    "ความหมายของคอลัมน์ (ภาษาอังกฤษ)", "Meaning of the column, in English", NULL, NULL,
	    true, NULL},
	{"values", OD_STRING, "ค่าที่ใช้ได้", "Allowed values",
	    "ค่าทั้งหมดที่คอลัมน์นี้ใช้ได้ คั่นด้วย | (ว่างเมื่อไม่จำกัด)",
	    "Every value the column may hold, separated by a vertical bar (empty when open)", NULL, NULL, false,
	    NULL},
};

#define N(a) (sizeof a / sizeof *a)

static const od_table tables[] = {
	{"plan-items", "*/*/plan-items.csv", "รายการในแผน", "Plan items",
	    "หนึ่งแถวต่อหนึ่งรายการในแผน (ยุทธศาสตร์ มาตรการ กิจกรรม/โครงการ …) พร้อมรายการแม่ งบประมาณ และระยะเวลา",
	    "One row per plan item (strategy, measure, activity …) with its parent, budget and "
	    "period",
	    plan_item_fields, N(plan_item_fields), {"item_id"},
	    {{{"parent_id"}, "plan-items", {"item_id"}}}},
	{"plan-indicators", "*/*/plan-indicators.csv", "ตัวชี้วัดตามแผน", "Plan indicators",
	    "หนึ่งแถวต่อหนึ่งตัวชี้วัด พร้อมค่าเป้าหมาย งบประมาณ ระยะเวลา ผู้รับผิดชอบ และรายการทุกระดับที่อยู่เหนือขึ้นไป "
	    "กิจกรรมที่ไม่มีตัวชี้วัดมีหนึ่งแถวที่คอลัมน์ตัวชี้วัดว่าง",
	    "One row per indicator with its target, budget, period, responsible units and every "
	    "item above it; an activity without indicators has one row with the indicator columns "
	    "empty",
	    plan_indicator_fields, N(plan_indicator_fields), {"item_id", "indicator_id"},
	    {{{"item_id"}, "plan-items", {"item_id"}}}},
	{"progress", "*/*/progress-*.csv", "ผลการดำเนินงาน", "Progress round",
	    "หนึ่งแถวต่อหนึ่งตัวชี้วัดของรอบการรายงาน: ค่าเป้าหมาย ผลที่ได้ ผลการประเมิน สถานะ และงบประมาณ "
	    "(กิจกรรมที่ไม่มีตัวชี้วัดมีหนึ่งแถว)",
	    "One row per indicator of a reporting round: target, achieved value, assessment, "
	    "status and budgets (an activity without indicators has one row)",
	    progress_fields, N(progress_fields), {"item_id", "indicator_id"},
	    {{{"item_id"}, "plan-items", {"item_id"}},
		{{"indicator_id"}, "plan-indicators", {"indicator_id"}}}},
	{"cpi", "cpi/cpi.csv", "ดัชนีการรับรู้การทุจริต (CPI)", "Corruption Perceptions Index",
	    "คะแนน CPI และคะแนนจากแหล่งข้อมูลแต่ละแหล่ง รายประเทศรายปี หนึ่งแถวต่อหนึ่งค่า พร้อมเอกสารที่มา",
	    "CPI scores and the scores of each source survey, per country and year, one value per "
	    "row with the document it comes from",
	    cpi_fields, N(cpi_fields), {"iso3", "year", "source", "source_document"},
	    {{{NULL}, NULL, {NULL}}}},
	{"data-dictionary", "data-dictionary.csv", "พจนานุกรมข้อมูล", "Data dictionary",
	    "ทุกคอลัมน์ของทุกตารางที่เผยแพร่ พร้อมชนิดข้อมูล หน่วย และความหมายภาษาไทยและอังกฤษ",
	    "Every column of every published table with its type, unit and meaning in Thai and "
	    "English",
	    dictionary_fields, N(dictionary_fields), {"table", "column"}, {{{NULL}, NULL, {NULL}}}},
};

size_t od_table_count(void)
{
	return N(tables);
}

const od_table *od_table_at(size_t i)
{
	return i < N(tables) ? &tables[i] : NULL;
}

const od_table *od_table_named(const char *name)
{
	for (size_t i = 0; i < N(tables); i++)
		if (!strcmp(tables[i].name, name))
			return &tables[i];
	return NULL;
}

bool od_is_excel_copy(const char *rel)
{
	size_t n = strlen(rel);
	return n >= 10 && !strcmp(rel + n - 10, "-excel.csv");
}

const od_table *od_table_for_path(const char *rel)
{
	if (od_is_excel_copy(rel))
		return NULL;
	for (size_t i = 0; i < N(tables); i++)
		if (fnmatch(tables[i].pattern, rel, FNM_PATHNAME) == 0)
			return &tables[i];
	return NULL;
}

const od_field *od_field_named(const od_table *t, const char *name)
{
	for (size_t i = 0; i < t->nfields; i++)
		if (!strcmp(t->fields[i].name, name))
			return &t->fields[i];
	return NULL;
}

const char *od_type_name(od_type t)
{
	return type_names[t];
}

bool od_type_is_numeric(od_type t)
{
	return t == OD_INTEGER || t == OD_NUMBER || t == OD_YEAR;
}

void schema_csv_header(buf *out, const od_table *t)
{
	for (size_t i = 0; i < t->nfields; i++) {
		if (i)
			buf_putc(out, ',');
		buf_puts(out, t->fields[i].name);
	}
	buf_puts(out, "\r\n");
}

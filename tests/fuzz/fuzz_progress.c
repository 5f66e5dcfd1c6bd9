/*
 * fuzz_progress.c — libFuzzer harness for a progress round (gen/progress/): the first
 * byte picks the file's name (progress-6 or progress-12, .csv or .json: the name gives
 * the round and the reader), the rest is the file, read by progress_read_memory and
 * joined to a small plan with an item tree, percent, counted and qualitative targets
 * and budgets; a round that joins is rendered as progress JSON and CSV.
 * Oracles (fuzz.h): one-line UTF-8 diagnostics, JSON that jansson reads back, a CSV of
 * valid UTF-8, and roll-ups whose counts add up.
 */
#include <jansson.h>

#include "fuzz.h"
#include "progress/progress.h"
#include "progress/report.h"
#include "read/reader.h"
#include "validate.h"

static const char plan_text[] =
    "---\nagency: กรมทดสอบ\nagency_en: Department of Tests\nagency_id: test\n"
    "title: แผนทดสอบ\nfiscal_year: ๒๕๖๗\nkind: action-plan\n"
    "levels: ยุทธศาสตร์ > กลยุทธ์ > กิจกรรม\n---\n\n"
    "## ยุทธศาสตร์ที่ ๑ ทดสอบ\n\n### กลยุทธ์ที่ ๑ ทดสอบ\n\n#### ๑. อบรม\n\n"
    "- ตัวชี้วัด: ร้อยละของผู้ผ่านการอบรม\n  - ค่าเป้าหมาย: ร้อยละ ๘๐\n"
    "- ตัวชี้วัด: จำนวนผู้เข้าอบรม\n  - ค่าเป้าหมาย: ไม่น้อยกว่า ๑๒๐ คน\n"
    "- งบประมาณ: ๑๕๐,๐๐๐\n- ระยะเวลา: ต.ค. ๖๖ – มี.ค. ๖๗\n\n"
    "#### ๒. ประกาศ\n\n- ตัวชี้วัด: มีประกาศเจตจำนงสุจริต\n  - ค่าเป้าหมาย: มีประกาศ\n"
    "- งบประมาณ: ไม่มีการใช้งบประมาณ\n\n"
    "### กลยุทธ์ที่ ๒ ทดสอบ\n\n#### ๓. เผยแพร่\n\n- ตัวชี้วัด: ๕ ช่องทาง\n- งบประมาณ: -\n";

static const char *const names[] = {
	"content/test/2567/progress-6.csv", "content/test/2567/progress-12.csv",
	"content/test/2567/progress-6.json", "content/test/2567/progress-12.json",
};

static void check_rollup(const progress_rollup *r)
{
	size_t sum = 0, sum2 = 0;
	for (int k = 0; k < PS__COUNT; k++)
		sum += r->by_status[k];
	for (int k = 0; k < PA__COUNT; k++)
		sum2 += r->by_assessment[k];
	if (sum != r->activities || sum2 != r->indicators)
		fuzz_fail("progress roll-up counts do not add up", "");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	diag_sink pd = {0};
	plan *p = plan_read_memory("content/test/2567/plan.md", plan_text, sizeof plan_text - 1, &pd);
	if (!p || pd.worst == DIAG_ERROR)
		fuzz_fail("the harness's own plan does not read", "");
	diag_sink_free(&pd);
	diag_sink d = {0};
	progress_round *r = progress_read_memory(names[data[0] % 4], (const char *)data + 1,
	    size - 1, &d);
	if (r) {
		progress_report *rep = progress_join(p, r, &d);
		if (rep) {
			check_rollup(&rep->total);
			buf b = {0};
			json_t *j = progress_json(rep);
			char *text = json_dumps(j, 0);
			json_error_t err;
			json_t *back = text ? json_loads(text, 0, &err) : NULL;
			if (!back)
				fuzz_fail("progress JSON does not parse", text ? err.text : "no text");
			json_decref(back);
			free(text);
			json_decref(j);
			progress_csv(rep, &b);
			fuzz_check_utf8("progress CSV", b.data ? b.data : "", b.len);
			buf_free(&b);
		}
		progress_round_free(r);
	}
	fuzz_check_diags(&d);
	diag_sink_free(&d);
	plan_free(p);
	return 0;
}

/*
 * surveys.c — the source surveys the CPI is computed from, with every name they go by:
 * TI renames its workbook columns between years ("Global Insight" / "Global Insights",
 * "Bertelsmann Foundation" / "Bertelsmann Stiftung", "CPI score 2023" / "CPI 2024
 * score"), and Thai documents use their own short names ("BF (TI)", "V-DEM").
 * The order is the order seed 002's table lists Thailand's nine sources, then the rest.
 */
#include "cpi/cpi.h"

#include <ctype.h>
#include <string.h>

static const char *const imd[] = {"IMD World Competitiveness Yearbook",
	"IMD World Competitiveness Center World Competitiveness Yearbook Executive Opinion Survey",
	"IMD World Competitiveness Yearbook Executive Opinion Survey", NULL};
static const char *const wef[] = {"World Economic Forum EOS",
	"World Economic Forum Executive Opinion Survey", "WEF EOS", NULL};
static const char *const perc[] = {"PERC Asia Risk Guide",
	"Political and Economic Risk Consultancy Asian Intelligence",
	"Political and Economic Risk Consultancy", NULL};
static const char *const wjp[] = {"World Justice Project Rule of Law Index",
	"World Justice Project Rule of Law Index Expert Survey", NULL};
static const char *const gi[] = {"Global Insights Country Risk Ratings",
	"Global Insight Country Risk Ratings", "Global Insight Business Conditions and Risk Indicators",
	"IHS Global Insight Country Risk Ratings", NULL};
static const char *const prs[] = {"PRS International Country Risk Guide",
	"The PRS Group International Country Risk Guide", NULL};
static const char *const eiu[] = {"Economist Intelligence Unit Country Ratings",
	"Economist Intelligence Unit Country Risk Service", "Economist Intelligence Unit Country Risk Ratings",
	NULL};
static const char *const vdem[] = {"Varieties of Democracy Project", "Varieties of Democracy",
	"Varieties of Democracy (V-Dem)", "V-Dem", NULL};
static const char *const bti[] = {"Bertelsmann Foundation Transformation Index",
	"Bertelsmann Stiftung Transformation Index", "BF (TI)", "BF(TI)", "BTI", NULL};
static const char *const sgi[] = {"Bertelsmann Foundation Sustainable Governance Index",
	"Bertelsmann Stiftung Sustainable Governance Indicators",
	"Bertelsmann Stiftung Sustainable Governance Index", "BF (SGI)", NULL};
static const char *const fh[] = {"Freedom House Nations in Transit",
	"Freedom House Nations in Transit Ratings", NULL};
static const char *const wb[] = {"World Bank CPIA", "World Bank Country Policy and Institutional Assessment",
	NULL};
static const char *const afdb[] = {"African Development Bank CPIA",
	"African Development Bank Country Policy and Institutional Assessment", NULL};
static const char *const bps[] = {"Transparency International Bribe Payers Survey", NULL};

static const cpi_survey surveys[] = {
	{"IMD", "IMD", "IMD World Competitiveness Yearbook", imd},
	{"WEF", "WEF", "World Economic Forum EOS", wef},
	{"PERC", "PERC", "PERC Asia Risk Guide", perc},
	{"WJP", "WJP", "World Justice Project Rule of Law Index", wjp},
	{"GI", "GI", "Global Insights Country Risk Ratings", gi},
	{"PRS", "PRS", "PRS International Country Risk Guide", prs},
	{"EIU", "EIU", "Economist Intelligence Unit Country Ratings", eiu},
	{"VDEM", "V-Dem", "Varieties of Democracy Project", vdem},
	{"BTI", "BF (TI)", "Bertelsmann Foundation Transformation Index", bti},
	{"SGI", "BF (SGI)", "Bertelsmann Foundation Sustainable Governance Index", sgi},
	{"FH", "FH", "Freedom House Nations in Transit", fh},
	{"WB", "WB CPIA", "World Bank CPIA", wb},
	{"AFDB", "AfDB CPIA", "African Development Bank CPIA", afdb},
	{"BPS", "TI BPS", "Transparency International Bribe Payers Survey", bps},
};

int cpi_survey_count(void)
{
	return (int)(sizeof surveys / sizeof *surveys);
}

const cpi_survey *cpi_survey_at(int i)
{
	return i >= 0 && i < cpi_survey_count() ? &surveys[i] : NULL;
}

/* Letters and digits only, lower-cased: "BF (TI)" and "bf(ti)" are one name, and so are
 * "V-Dem" and "VDEM". */
static void squeeze(const char *s, char *out, size_t outsz)
{
	size_t n = 0;
	for (; *s && n + 1 < outsz; s++)
		if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
			out[n++] = (char)tolower((unsigned char)*s);
	out[n] = '\0';
}

int cpi_survey_find(const char *name)
{
	char want[256], have[256];
	squeeze(name, want, sizeof want);
	if (!want[0])
		return -1;
	for (int i = 0; i < cpi_survey_count(); i++) {
		const cpi_survey *s = &surveys[i];
		const char *names[] = {s->code, s->label, s->name};
		for (size_t k = 0; k < 3; k++) {
			squeeze(names[k], have, sizeof have);
			if (!strcmp(want, have))
				return i;
		}
		for (const char *const *a = s->aliases; *a; a++) {
			squeeze(*a, have, sizeof have);
			if (!strcmp(want, have))
				return i;
		}
	}
	return -1;
}

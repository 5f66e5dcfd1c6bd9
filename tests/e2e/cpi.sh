# cpi.sh — the CPI stage of a publish: output/cpi/ holds cpi.json, cpi.csv, every chart as
# SVG and PNG and the CPI report PDF, all in the manifest; the figures are the content's;
# the plan of seed 002 carries its score chart; bad CPI input gives exactly its
# path:line diagnostics, exit status 1, and leaves output/ as it was.
cpi_out="$tmp/out-cpi"
rm -rf "$cpi_out"
check "publish content/ with its CPI data" "$PRONGSAI" publish --content content --output "$cpi_out"
c="$cpi_out/cpi"
for f in cpi.json cpi.csv cpi-report.pdf cpi-score.svg cpi-score.png cpi-rank.svg cpi-rank.png \
	cpi-sources.svg cpi-sources.png cpi-countries.svg cpi-countries.png; do
	[ -s "$c/$f" ] && pass || fail "cpi/$f written"
	jq -e --arg p "cpi/$f" '[.files[].path] | index($p) != null' "$cpi_out/manifest.json" >/dev/null \
		&& pass || fail "cpi/$f is in the manifest"
done

# cpi.json: the series of the country in focus, targets, both 2020 figures kept
j="$c/cpi.json"
[ "$(jq -r '.format' "$j")" = "prongsai-cpi/1" ] && pass || fail "cpi.json format"
[ "$(jq -r '.countries[0].iso3' "$j")" = "THA" ] && pass || fail "cpi.json: Thailand first"
[ "$(jq -r '[.countries[0].series[] | select(.year >= 2012) | "\(.year):\(.score)/\(.rank)"] | join(" ")' "$j")" = \
	"2012:37/88 2013:35/102 2014:38/85 2015:38/76 2016:35/101 2017:37/96 2018:36/99 2019:36/101 2020:36/104 2021:35/110 2022:36/101 2023:35/108" ] \
	&& pass || fail "cpi.json: TI's series 2012–2023"
[ "$(jq -r '[.disagreements[] | "\(.year) \(.field) \(.used.value)/\(.other.value) \(.other.document)"] | join(", ")' "$j")" = \
	"2020 score 36/35 seed-004, 2020 rank 104/110 seed-004" ] && pass || fail "cpi.json: the 2020 disagreement"
[ "$(jq -r '[.targets[] | "\(.year_be):\(.score_min)/\(.rank_max):\(.score_gap.gap)"] | join(" ")' "$j")" = \
	"2566:51/53:16 2570:57/43:22 2570:57/43:22" ] && pass || fail "cpi.json: targets and their gaps"
[ "$(jq '.charts | length' "$j")" = 8 ] && pass || fail "cpi.json lists the 8 chart files"

# cpi.csv: long format, RFC 4180 CRLF, one row per figure a document gives
head -1 "$c/cpi.csv" | grep -q $'^country,iso3,year,year_be,source,score,source_document,used\r$' \
	&& pass || fail "cpi.csv header"
rows=$(awk 'BEGIN{RS="\r\n"} END{print NR - 1}' "$c/cpi.csv")
want=$(( $(awk -F, 'NR > 1' content/cpi/scores.csv | wc -l) + $(awk -F, 'NR > 1' content/cpi/sources.csv | wc -l) ))
[ "$rows" = "$want" ] && pass || fail "cpi.csv has $rows rows, want $want (every score row of the content)"
grep -q $'^ประเทศไทย,THA,2017,2560,IMD,43,seed-002,yes\r$' "$c/cpi.csv" && pass || fail "cpi.csv: IMD 2560 from seed 002"

# charts: SVG sized in pt and well-formed; PNG 1280 pixels wide (640 pt at 2 px/pt)
for svg in "$c"/*.svg; do
	head -3 "$svg" | grep -q 'width="640pt"' && pass || fail "$(basename "$svg") is 640 pt wide"
	if command -v xmllint >/dev/null; then xmllint --noout "$svg" 2>/dev/null && pass || fail "$(basename "$svg") is well-formed XML"; fi
done
for png in "$c"/*.png; do
	[ "$(od -An -tx1 -j16 -N4 "$png" | tr -d ' \n')" = 00000500 ] && pass || fail "$(basename "$png") is 1280 px wide"
done

# the CPI report: text back from the PDF, fonts embedded, structure sound
pdf="$c/cpi-report.pdf"
qpdf --check "$pdf" >/dev/null 2>&1 && pass || fail "cpi-report.pdf: qpdf --check"
pdfinfo "$pdf" | grep -q '^Tagged: *yes' && pass || fail "cpi-report.pdf is tagged"
pdf_fonts_embedded "$pdf" \
	&& pass || fail "cpi-report.pdf: fonts are embedded subsets"
pdftotext -raw "$pdf" - | tr -d ' \n' >"$tmp/cpi-text"
for want in "ดัชนีการรับรู้การทุจริต(CPI)ของประเทศไทย" "ห่างเป้าหมาย" "ค่าเป้าหมายปีพ.ศ.๒๕๖๖คะแนนไม่น้อยกว่า๕๑" \
	"ข้อมูลที่เอกสารระบุต่างกัน" "THA๒๕๖๓คะแนน๓๖ti-cpi๓๕seed-004"; do
	grep -qF -- "$want" "$tmp/cpi-text" && pass || fail "cpi-report.pdf says \"$want\""
done

# seed 002's plan carries its score chart where its text has `<!-- chart: cpi-score -->`
plan_pdf="$cpi_out/cpi-committee/2566/plan.pdf"
pdftotext -raw "$plan_pdf" - | tr -d ' \n' | grep -qF "คะแนนดัชนีการรับรู้การทุจริต(CPI)ของประเทศไทยพ.ศ.๒๕๕๕–๒๕๖๖" \
	&& pass || fail "the plan of seed 002 has the CPI score chart"
"$PRONGSAI" pdf content/cpi-committee/2566/plan.md -o "$tmp/cpi-plan.pdf" 2>/dev/null
cmp -s "$tmp/cpi-plan.pdf" "$plan_pdf" && pass || fail "prongsai pdf draws the same chart as publish"

# bad CPI input: exactly the diagnostics, exit 1, output/ untouched
tree_sum() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum; }
before=$(tree_sum "$cpi_out")
for case_dir in "$here"/fixtures/cpi/bad/*/; do
	name=$(basename "$case_dir")
	bc="$tmp/cpi-bad-$name"
	rm -rf "$bc"
	mkdir -p "$bc"
	cp -r "$case_dir" "$bc/cpi"
	rm -f "$bc/cpi/expected.err"
	"$PRONGSAI" publish --content "$bc" --output "$cpi_out" >/dev/null 2>"$tmp/cpi-err"
	rc=$?
	[ $rc = 1 ] && pass || fail "cpi bad/$name: exit status $rc, want 1"
	grep -v '^prongsai: ' "$tmp/cpi-err" | sed "s|$bc|DIR|g" >"$tmp/cpi-got"
	if cmp -s "$tmp/cpi-got" "$case_dir/expected.err"; then pass; else
		fail "cpi bad/$name: diagnostics differ"; diff "$case_dir/expected.err" "$tmp/cpi-got" | head -10 >&2
	fi
done
[ "$(tree_sum "$cpi_out")" = "$before" ] && pass || fail "bad CPI input left output/ unchanged"

# a plan asking for a chart that does not exist, or that its data cannot make
bc="$tmp/cpi-bad-chart"
rm -rf "$bc"
mkdir -p "$bc/test/2567"
cp "$here/fixtures/cpi/plans/unknown-chart.md" "$bc/test/2567/plan.md"
cp -r "$here/fixtures/cpi/geometry" "$bc/cpi"
grep -v '^OTH' "$here/fixtures/cpi/geometry/scores.csv" >"$bc/cpi/scores.csv"
"$PRONGSAI" publish --content "$bc" --output "$tmp/cpi-bad-chart-out" >/dev/null 2>"$tmp/cpi-err"
rc=$?
grep -v '^prongsai: ' "$tmp/cpi-err" | sed "s|$bc|DIR|g" >"$tmp/cpi-got"
[ $rc = 1 ] && cmp -s "$tmp/cpi-got" "$here/fixtures/cpi/plans/unknown-chart.err" && pass || {
	fail "a bad chart name in a plan (exit $rc)"; diff "$here/fixtures/cpi/plans/unknown-chart.err" "$tmp/cpi-got" | head >&2; }

# progress.sh — progress rounds end to end: the fixture plan with a 6-month CSV round
# (BOM, CRLF, multi-line Markdown cells) and a 12-month JSON round gives progress-<months>
# .json/.csv/.pdf with the exact roll-ups worked out by hand, in the manifest; the report
# PDFs (fixtures and the shipped content) give back every activity, result and narrative
# sentence through pdftotext -raw, with working links; bad progress files give exactly
# their diagnostics and leave output/ as it was.
pg_fix="$here/fixtures/progress"
pg_out="$tmp/out-progress"
rm -rf "$pg_out"
check "publish the progress fixtures" "$PRONGSAI" publish --content "$pg_fix/content" --output "$pg_out"
pg_dir="$pg_out/test/2567"
for f in progress-6.json progress-6.csv progress-6.pdf progress-12.json progress-12.csv progress-12.pdf; do
	[ -s "$pg_dir/$f" ] && pass || fail "progress fixture: $f written"
	jq -e --arg p "test/2567/$f" '[.files[].path] | index($p) != null' "$pg_out/manifest.json" >/dev/null \
		&& pass || fail "progress fixture: $f listed in the manifest"
done

# roll-ups, exactly (see tests/unit/progress_test.c for how each figure comes about)
pg_is() { # pg_is ROUND JQ WANT
	local got
	got=$(jq -c "$2" "$pg_dir/progress-$1.json" 2>&1)
	[ "$got" = "$3" ] && pass || fail "progress-$1.json $2: got $got, want $3"
}
pg_is 6 '.totals.status' '{"done":2,"in_progress":3,"not_started":1,"cancelled":0,"not_reported":1,"not_stated":0}'
pg_is 6 '.totals.indicators' '{"total":7,"met":4,"partly":1,"not_met":1,"not_assessed":0,"not_reported":1,"over_achieved":2,"percent_met":57.14}'
pg_is 6 '.totals.budget' '{"planned_baht":1400000,"disbursed_baht":430000,"percent":30.71}'
pg_is 6 '[.top_items[].rollup.budget.percent]' '[65,25]'
pg_is 6 '[.not_reported[].id]' '["2.1.3"]'
pg_is 6 '.round | [.months, .start, .end, .label]' '[6,"2023-10-01","2024-03-31","รอบ ๖ เดือน (ต.ค. ๖๖ – มี.ค. ๖๗)"]'
pg_is 6 '[.items[] | .indicators[] | select(.over_achieved) | [.id, .percent_of_target]]' '[["1.1.1#1",106.25],["1.1.1#2",120]]'
pg_is 6 '[.items[] | select(.id == "1.2.2") | .budget]' '[{"planned_baht":null,"disbursed_baht":null,"disbursed_source":"-","percent":null}]'
pg_is 12 '.totals.status' '{"done":4,"in_progress":1,"not_started":0,"cancelled":2,"not_reported":0,"not_stated":0}'
pg_is 12 '.totals.budget' '{"planned_baht":1400000,"disbursed_baht":1193500,"percent":85.25}'
pg_is 12 '[.items[] | select(.id == "1.2.1" or .id == "1.2.2") | [.status, .status_from]]' '[["cancelled","1.2"],["cancelled","1.2"]]'
# the flat CSV: one row per indicator, plus activities without one and items with a row
# of their own (CRLF ends rows; a multi-line cell holds LF only)
for round in 6:8 12:9; do
	rows=$(awk 'BEGIN { RS = "\r\n" } END { print NR - 1 }' "$pg_dir/progress-${round%%:*}.csv")
	[ "$rows" = "${round#*:}" ] && pass || fail "progress-${round%%:*}.csv has $rows rows, want ${round#*:}"
done
head -c 3 "$pg_dir/progress-6.csv" | od -An -tx1 | grep -q 'ef bb bf' && fail "progress CSV has a BOM" || pass

# determinism: the same bytes again
"$PRONGSAI" publish --content "$pg_fix/content" --output "$tmp/out-progress-2" 2>/dev/null
diff -r "$pg_out" "$tmp/out-progress-2" >/dev/null && pass || fail "two progress publishes are byte-identical"

# ---- the report PDFs: the fixtures' and the shipped content's ------------------------------
pg_content="$tmp/out-progress-content"
rm -rf "$pg_content"
"$PRONGSAI" publish --content content --output "$pg_content" 2>/dev/null
[ -s "$pg_content/dip/2566/progress-12.pdf" ] && pass || fail "content: dip/2566/progress-12.pdf written"
jq -e '[.files[].path] | index("dip/2566/progress-12.csv") != null' "$pg_content/manifest.json" >/dev/null \
	&& pass || fail "content: dip/2566/progress-12.csv in the manifest"
# seed 001 reports on 4 measures and their 7 activities, without statuses or figures
jq -c '[(.top_items | length), .totals.activities, .totals.status.not_stated, .totals.indicators.total, .totals.budget.planned_baht]' \
	"$pg_content/dip/2566/progress-12.json" 2>/dev/null | grep -qx '\[4,7,7,0,null\]' \
	&& pass || fail "content: dip/2566 round has 4 measures, 7 activities, no statuses or figures"

pg_norm() { sed 's/\xC2\xA0//g; s/\xE0\xB9\x8D\xE0\xB8\xB2/\xE0\xB8\xB3/g' | tr -d ' \t\r\n'; }
# Markdown as the PDF prints it, one line per paragraph or list entry: markers and
# emphasis marks dropped
pg_md_lines() { sed -E 's/^[[:space:]]*([-*+]|[0-9]+[.)])[[:space:]]+//; s/\*\*//g; s/(^|[^*])\*([^*]+)\*/\1\2/g' | grep -v '^[[:space:]]*$'; }
for pj in "$pg_out"/*/*/progress-*.json "$pg_content"/*/*/progress-*.json; do
	[ -f "$pj" ] || continue
	rel=${pj#"$tmp"/}
	pdf=${pj%.json}.pdf
	pdftotext -raw "$pdf" - | pg_norm >"$tmp/pg-text"
	{
		# every activity, every indicator, every narrative, problem and outcome line
		jq -r '.items[] | select(.parent != null or (.indicators | length) > 0) | .heading' "$pj"
		jq -r '.items[].indicators[].text' "$pj"
		jq -r '(.outcome // empty), (.items[] | .narrative // empty, .problems // empty), (.items[].indicators[].narrative // empty)' "$pj" | pg_md_lines
		# results as written, where the file is a CSV (a JSON number prints in the layout's digits)
		case $(jq -r .source_file "$pj") in
		*.csv) jq -r '.items[].indicators[] | .achieved.source // empty' "$pj" ;;
		esac
	} | while IFS= read -r want; do printf '%s' "$want" | pg_norm; echo; done >"$tmp/pg-wanted"
	"$build/text_has" "$tmp/pg-text" "$tmp/pg-wanted" >"$tmp/pg-missing"
	missing=$(wc -l <"$tmp/pg-missing")
	[ "$missing" = 0 ] && pass || { fail "$rel: $missing activities, results or narrative lines not found by pdftotext -raw"; head -5 "$tmp/pg-missing" >&2; }
	# the round on the cover
	label=$(jq -r .round.label "$pj" | pg_norm)
	grep -qF -- "$label" "$tmp/pg-text" && pass || fail "$rel: the round $label is not on the report"
	# every link of the narratives is a link in the PDF (URIs percent-encoded to ASCII)
	pdfinfo -url "$pdf" 2>/dev/null | awk 'NR > 1 { print $3 }' | sed 's/%/\\x/g' | xargs -0 printf '%b' | sort -u >"$tmp/pg-links"
	jq -r '(.outcome // empty), (.items[] | .narrative // empty, .problems // empty)' "$pj" |
		grep -oE 'https?://[^[:space:]<>]*[^[:space:]<>.,:;)]|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\.[a-z]+' | sort -u >"$tmp/pg-urls"
	nolink=0
	while IFS= read -r u; do
		case $u in http*) ;; *) u="mailto:$u" ;; esac
		grep -qxF -- "$u" "$tmp/pg-links" || { nolink=$((nolink + 1)); echo "    no link: $u" >&2; }
	done <"$tmp/pg-urls"
	[ $nolink = 0 ] && pass || fail "$rel: $nolink narrative links are not links in the PDF"
	pdf_fonts_embedded "$pdf" \
		&& pass || fail "$rel: a font is not an embedded subset"
	qpdf --check "$pdf" >/dev/null 2>&1 && pass || fail "$rel: qpdf --check"
	pdfinfo "$pdf" | grep -q '^Tagged: *yes' && pass || fail "$rel: the report PDF is tagged"
	# every word inside the page and the text width (plan-landscape margins: 30 and 20 mm)
	pdf_words_inside "$pdf" 30 20 \
		&& pass || fail "$rel: words outside the text width or the page"
done
# the text search can fail: a narrative sentence that is not in the report is reported
printf 'ประโยคนี้ไม่อยู่ในรายงานผลใดเลย\n' >"$tmp/pg-absent"
"$build/text_has" "$tmp/pg-text" "$tmp/pg-absent" >/dev/null && fail "text_has finds a sentence absent from the report" || pass

# ---- bad progress files: exactly their diagnostics, output/ untouched ------------------------
pg_sum() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum; }
pg_before=$(pg_sum "$pg_out")
for bad in "$pg_fix"/bad/*.csv "$pg_fix"/bad/*.json; do
	name=$(basename "$bad"); ext=${name##*.}
	bc="$tmp/pg-bad-${name%.*}-$ext"
	rm -rf "$bc"
	cp -r "$pg_fix/content" "$bc"
	rm -f "$bc/test/2567/progress-6.csv"
	cp "$bad" "$bc/test/2567/progress-6.$ext"
	"$PRONGSAI" publish --content "$bc" --output "$pg_out" >/dev/null 2>"$tmp/pg-bad-err"
	rc=$?
	[ $rc = 1 ] && pass || fail "progress bad/$name: exit status $rc, want 1"
	grep -v '^prongsai: ' "$tmp/pg-bad-err" |
		sed "s|$bc/test/2567/progress-6.$ext|FILE|; s|$bc/test/2567/plan.md|PLAN|" >"$tmp/pg-bad-got"
	if cmp -s "$tmp/pg-bad-got" "${bad%.*}.$ext.err"; then pass; else
		fail "progress bad/$name: diagnostics differ"; diff "${bad%.*}.$ext.err" "$tmp/pg-bad-got" | head -10 >&2
	fi
	[ "$(pg_sum "$pg_out")" = "$pg_before" ] && pass || fail "progress bad/$name: output/ was changed"
	ls -d "$pg_out".tmp-* >/dev/null 2>&1 && fail "progress bad/$name: a staging folder was left behind" || pass
done
# a second file for one round, and a name that is no round
bc="$tmp/pg-bad-names"
rm -rf "$bc"
cp -r "$pg_fix/content" "$bc"
printf 'ปีงบประมาณ,๒๕๖๗\nรอบ,๖ เดือน\nรหัส\n' >"$bc/test/2567/progress-6.json.csv"
cp "$bc/test/2567/progress-6.csv" "$bc/test/2567/progress-6.json"
"$PRONGSAI" publish --content "$bc" --output "$pg_out" >/dev/null 2>"$tmp/pg-bad-err"; rc=$?
[ $rc = 1 ] && grep -q 'progress-6.json: error: a second progress file for the 6-month round (the first is progress-6.csv)' "$tmp/pg-bad-err" \
	&& grep -q 'progress-6.json.csv: error: progress file "progress-6.json.csv" must be named progress-6 or progress-12' "$tmp/pg-bad-err" \
	&& pass || { fail "progress: two files for one round and a wrong name are errors (exit $rc)"; head -5 "$tmp/pg-bad-err" >&2; }
[ "$(pg_sum "$pg_out")" = "$pg_before" ] && pass || fail "progress: output/ changed after a wrong progress file name"
# check reads progress files too, and writes nothing
"$PRONGSAI" check "$tmp/pg-bad-unknown-id-csv" >/dev/null 2>"$tmp/pg-check-err"; rc=$?
[ $rc = 1 ] && grep -q 'progress-6.csv:6: error: id "1.1.9" is not in the plan' "$tmp/pg-check-err" \
	&& pass || fail "check reports a progress file's unknown id (exit $rc)"

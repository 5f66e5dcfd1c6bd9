# content.sh — publish the shipped content: every plan gets its JSON and CSV, the
# manifest lists exactly the files written with their sizes and hashes, the counts match
# the sources, and a second run gives byte-identical files.
out="$tmp/out-content"
rm -rf "$out"
check "publish content/" "$PRONGSAI" publish --content content --output "$out"
[ -f "$out/manifest.json" ] && pass || fail "manifest.json written"

# every file on disk is in the manifest, with its size and sha256, and nothing else is
(cd "$out" && find . -type f ! -name manifest.json | sed 's|^\./||' | LC_ALL=C sort) >"$tmp/on-disk"
jq -r '.files[].path' "$out/manifest.json" | LC_ALL=C sort >"$tmp/listed"
cmp -s "$tmp/on-disk" "$tmp/listed" && pass || fail "manifest lists exactly the files written"
bad_hash=0
while IFS=$'\t' read -r path bytes sum; do
	[ "$(stat -c %s "$out/$path")" = "$bytes" ] || bad_hash=1
	[ "$(sha256sum "$out/$path" | cut -d' ' -f1)" = "$sum" ] || bad_hash=1
done < <(jq -r '.files[] | [.path, .bytes, .sha256] | @tsv' "$out/manifest.json")
[ $bad_hash = 0 ] && pass || fail "manifest sizes and sha256 match the files"

# counts per plan: items at the deepest level and indicators (tests/expected-counts.tsv)
while IFS=$'\t' read -r plan_dir per_level indicators; do
	case "$plan_dir" in ''|'#'*) continue ;; esac
	j="$out/$plan_dir/plan.json"
	csv="$out/$plan_dir/plan-indicators.csv"
	if [ ! -f "$j" ]; then fail "$plan_dir/plan.json written"; continue; fi
	depth=$(jq '.levels | length' "$j")
	got_levels=$(jq -r '[.totals.items_per_level[].items] | map(tostring) | join(",")' "$j")
	[ "$got_levels" = "$per_level" ] && pass || fail "$plan_dir: items per level $got_levels, want $per_level"
	activities=${per_level##*,}
	got_act=$(jq "[.. | objects | select(.level? == $depth and has(\"children\"))] | length" "$j")
	got_ind=$(jq '[.. | objects | select(has("indicators") and has("children")) | .indicators[]] | length' "$j")
	[ "$got_act" = "$activities" ] && pass || fail "$plan_dir: $got_act activities, want $activities"
	[ "$got_ind" = "$indicators" ] && pass || fail "$plan_dir: $got_ind indicators, want $indicators"
	# every activity title and every indicator text is in the CSV (as written, CSV-quoted or not)
	missing=0
	while IFS= read -r title; do
		grep -qF -- "$title" "$csv" || { missing=$((missing + 1)); echo "    not in CSV: $title" >&2; }
	done < <(jq -r "[.. | objects | select(.level? == $depth and has(\"children\")) | .title] + [.. | objects | select(has(\"indicators\") and has(\"children\")) | .indicators[].text | split(\"\\n\")[0] | gsub(\"\\\"\"; \"\\\"\\\"\")] | .[]" "$j")
	[ $missing = 0 ] && pass || fail "$plan_dir: $missing activity titles or indicators missing from the CSV"
	# one CSV row per indicator, plus one per activity without indicators
	rows=$(jq "[.. | objects | select(has(\"indicators\") and has(\"children\")) | if (.indicators | length) > 0 then .indicators[] else (select((.children | length) == 0)) end] | length" "$j")
	csv_rows=$(awk 'BEGIN{RS="\r\n"} END{print NR - 1}' "$csv")
	[ "$csv_rows" = "$rows" ] && pass || fail "$plan_dir: CSV has $csv_rows rows, want $rows"
done < "$here/expected-counts.tsv"

# seed 002 states its activities per plan area: 47, 12, 19 and 17
per_area=$(jq -r '[.items[] | [.. | objects | select(.level? == 4 and has("children"))] | length] | map(tostring) | join(",")' "$out/cpi-committee/2566/plan.json")
[ "$per_area" = "47,12,19,17" ] && pass || fail "cpi-committee/2566: activities per plan area $per_area, want 47,12,19,17"

# reproducibility: another run at another time, from a copy of the content and the
# layouts in another folder, from another working folder, in another time zone and
# locale, gives the same manifest (every path, size and sha256) and the same bytes in
# every file it lists; no output names the folders it was made from
again="$tmp/again/elsewhere"
mkdir -p "$again"
cp -r content layouts "$again/"
prongsai_abs=$(cd "$(dirname "$PRONGSAI")" && pwd)/$(basename "$PRONGSAI")
sleep 1 # a later second: nothing may depend on the clock
(cd "$again" && env -u SOURCE_DATE_EPOCH TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 \
	"$prongsai_abs" publish --content content --output ../out-again 2>/dev/null)
out2="$tmp/again/out-again"
if [ -f "$out2/manifest.json" ]; then
	cmp -s "$out/manifest.json" "$out2/manifest.json" && pass ||
		fail "reproducibility: the two manifests differ: $(diff <(jq -c '.files[]' "$out/manifest.json") <(jq -c '.files[]' "$out2/manifest.json") | head -3 | tr '\n' ' ')"
	differ=""
	while IFS= read -r path; do
		cmp -s "$out/$path" "$out2/$path" || differ="$differ $path"
	done < <(jq -r '.files[].path' "$out/manifest.json")
	[ -z "$differ" ] && pass || fail "reproducibility: files differ between two publishes:$differ"
	leaked=$(grep -rlF -e "$tmp" -e "$PWD" "$out2" "$out" 2>/dev/null | head -3)
	[ -z "$leaked" ] && pass || fail "reproducibility: outputs name the folders they were made in: $leaked"
else
	fail "reproducibility: the second publish (from a copy elsewhere) failed"
fi

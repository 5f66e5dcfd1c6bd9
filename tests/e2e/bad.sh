# bad.sh — malformed inputs (tests/bad/, README.md "Tests"): each gives exactly its
# expected diagnostics, exit status 1 when any of them is an error (0 when there are only
# warnings), and an error leaves a previously published output/ byte-for-byte as it was,
# with no staging folder left behind. Three kinds of case:
#   NAME.md   a plan, published as content/test/2567/plan.md; NAME.err holds the
#             diagnostics, FILE standing for the plan's path (and CONTENT, LAYOUTS for
#             the two folders)
#   NAME.gen  a bash script whose output is such a plan, for bytes a text file cannot
#             show (NUL, invalid UTF-8, CRLF, BOM, 1 MB lines, 100 000-deep nesting);
#             plan_head prints the front matter and the first two items (see below)
#   NAME/     a whole case: NAME/content/, NAME/layouts/ (over the shipped layouts/),
#             NAME/setup.sh run inside a copy of NAME/ (symbolic links, generated
#             files; plan_head is there too), and NAME/expected.err, CONTENT and
#             LAYOUTS standing for the two folders of the copy
bad_out="$tmp/out-bad"
rm -rf "$bad_out"
"$PRONGSAI" publish --content content --output "$bad_out" 2>/dev/null
shipped_layouts=$(cd "$here/.." && pwd)/layouts
tree_sum() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum; }
before=$(tree_sum "$bad_out")

# The front matter of a valid plan of agency `test`, fiscal year 2567 (with the lines
# given as arguments added to it), then `## ยุทธศาสตร์ที่ ๑ ทดสอบ` (line 11) and
# `### ๑. กิจกรรมหนึ่ง` (line 13): without arguments, a generated case's own lines start
# at line 15.
plan_head() {
	printf -- '---\nagency: กรมทดสอบ\nagency_en: Department of Tests\nagency_id: test\n'
	printf -- 'title: แผนทดสอบ\nfiscal_year: ๒๕๖๗\nkind: action-plan\n'
	printf -- 'levels: ยุทธศาสตร์ > กิจกรรม\n'
	[ $# = 0 ] || printf '%s\n' "$@"
	printf -- '---\n\n## ยุทธศาสตร์ที่ ๑ ทดสอบ\n\n### ๑. กิจกรรมหนึ่ง\n\n'
}

# bad_case NAME DIR EXPECTED SED-SCRIPT: publish DIR/content with DIR/layouts and
# compare stderr (without the `prongsai:` summary lines, paths rewritten by SED-SCRIPT)
# with the file EXPECTED.
bad_case() {
	local name=$1 dir=$2 expected=$3 script=$4 rc want=0 out=$bad_out
	grep -q ': error: ' "$expected" && want=1
	if [ $want = 0 ]; then # a warning only: publishing goes ahead, elsewhere
		out="$tmp/out-bad-warn"
		rm -rf "$out"
	fi
	timeout 120 "$PRONGSAI" publish --content "$dir/content" --output "$out" \
		--layouts "$dir/layouts" >/dev/null 2>"$tmp/bad-err"
	rc=$?
	[ $rc = $want ] && pass || fail "bad/$name: exit status $rc, want $want"
	grep -av '^prongsai: ' "$tmp/bad-err" | sed "$script" >"$tmp/bad-got"
	if cmp -s "$tmp/bad-got" "$expected"; then pass; else
		fail "bad/$name: diagnostics differ"; diff "$expected" "$tmp/bad-got" | cut -c1-300 | head -20 >&2
	fi
	if [ $want = 1 ]; then
		[ "$(tree_sum "$bad_out")" = "$before" ] && pass || fail "bad/$name: output/ was changed"
	else
		[ -f "$out/manifest.json" ] && pass || fail "bad/$name: a plan with warnings only was not published"
	fi
	ls -d "$out".tmp-* >/dev/null 2>&1 && fail "bad/$name: a staging folder was left behind" || pass
}

for case_file in "$here"/bad/*.md "$here"/bad/*.gen; do
	[ -f "$case_file" ] || continue
	name=$(basename "$case_file"); name=${name%.*}
	bc="$tmp/bad-case-$name"
	rm -rf "$bc"
	mkdir -p "$bc/content/test/2567"
	ln -s "$shipped_layouts" "$bc/layouts"
	if [ "${case_file##*.}" = gen ]; then
		(. "$case_file") >"$bc/content/test/2567/plan.md"
	else
		cp "$case_file" "$bc/content/test/2567/plan.md"
	fi
	bad_case "$name" "$bc" "${case_file%.*}.err" "s|$bc/content/test/2567/plan.md|FILE|g; s|$bc/content|CONTENT|g; s|$bc/layouts|LAYOUTS|g"
	rm -rf "$bc"
done

for case_dir in "$here"/bad/*/; do
	[ -f "$case_dir/expected.err" ] || continue
	name=$(basename "$case_dir")
	bc="$tmp/bad-case-$name"
	rm -rf "$bc"
	cp -a "$case_dir" "$bc"
	mkdir -p "$bc/content" "$bc/layouts"
	if [ -f "$bc/setup.sh" ] && ! (cd "$bc" && . ./setup.sh); then
		fail "bad/$name: setup.sh failed"
		continue
	fi
	# the shipped layouts (and site templates) that the case does not replace
	for shipped in "$shipped_layouts"/*; do
		[ -e "$bc/layouts/${shipped##*/}" ] || ln -s "$shipped" "$bc/layouts/"
	done
	bad_case "$name" "$bc" "$bc/expected.err" "s|$bc/content|CONTENT|g; s|$bc/layouts|LAYOUTS|g"
	rm -rf "$bc"
done

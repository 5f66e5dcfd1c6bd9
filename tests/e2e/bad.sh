# bad.sh — every tests/bad/NAME.md gives exactly the diagnostics in NAME.err (FILE stands
# for its path), exit status 1, and leaves a previously published output/ byte-for-byte
# as it was.
bad_out="$tmp/out-bad"
rm -rf "$bad_out"
"$PRONGSAI" publish --content content --output "$bad_out" 2>/dev/null
tree_sum() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum; }
before=$(tree_sum "$bad_out")
for case_md in "$here"/bad/*.md; do
	name=$(basename "$case_md" .md)
	bc="$tmp/bad-content-$name"
	rm -rf "$bc"
	mkdir -p "$bc/test/2567"
	cp "$case_md" "$bc/test/2567/plan.md"
	"$PRONGSAI" publish --content "$bc" --output "$bad_out" >/dev/null 2>"$tmp/bad-err"
	rc=$?
	[ $rc = 1 ] && pass || fail "bad/$name: exit status $rc, want 1"
	grep -v '^prongsai: ' "$tmp/bad-err" | sed "s|$bc/test/2567/plan.md|FILE|" >"$tmp/bad-got"
	if cmp -s "$tmp/bad-got" "${case_md%.md}.err"; then pass; else
		fail "bad/$name: diagnostics differ"; diff "${case_md%.md}.err" "$tmp/bad-got" | head -20 >&2
	fi
	[ "$(tree_sum "$bad_out")" = "$before" ] && pass || fail "bad/$name: output/ was changed"
	ls -d "$bad_out".tmp-* >/dev/null 2>&1 && fail "bad/$name: a staging folder was left behind" || pass
done

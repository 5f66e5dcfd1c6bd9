# cli.sh — the command line: --help for every subcommand, usage errors exit 2.
for cmd in "" publish check dump thai; do
	check "prongsai $cmd --help exits 0" "$PRONGSAI" $cmd --help
	grep -q '^usage: prongsai' "$tmp/out" && pass || fail "prongsai $cmd --help prints usage"
done
"$PRONGSAI" frobnicate >/dev/null 2>&1; [ $? = 2 ] && pass || fail "unknown command exits 2"
"$PRONGSAI" >/dev/null 2>&1; [ $? = 2 ] && pass || fail "no command exits 2"
"$PRONGSAI" publish --bogus >/dev/null 2>&1; [ $? = 2 ] && pass || fail "unknown option exits 2"
"$PRONGSAI" dump >/dev/null 2>&1; [ $? = 2 ] && pass || fail "dump without PATH exits 2"
"$PRONGSAI" check "$tmp/does-not-exist.md" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc = 1 ] && grep -q 'does-not-exist.md: error: cannot read file' "$tmp/err" && pass ||
	fail "check of a missing file: exit 1 and a cannot-read error (got $rc)"

# thai: one value, understood exactly
thai_is() { # thai_is KIND TEXT JSON
	local got
	got=$("$PRONGSAI" thai "$1" "$2" 2>&1)
	[ "$got" = "$3" ] && pass || fail "thai $1 '$2': got $got, want $3"
}
thai_is budget '๘๕๐,๐๐๐' '{"kind": "amount", "baht": 850000, "footnote": "", "qualifier": ""}'
thai_is budget '9,460,600 ¹' '{"kind": "amount", "baht": 9460600, "footnote": "¹", "qualifier": ""}'
thai_is budget 'ไม่มีการใช้ งบประมาณ' '{"kind": "none", "baht": 0, "footnote": "", "qualifier": ""}'
thai_is budget '-' '{"kind": "unspecified", "baht": 0, "footnote": "", "qualifier": ""}'
thai_is year '๒๕๖๗' '{"be": 2567, "ce": 2024}'
thai_is target 'ร้อยละ ๘๐' '{"kind": "quantitative", "value": 80, "comparator": "=", "percent": true, "unit": "ร้อยละ"}'
thai_is target '๘๐ คน' '{"kind": "quantitative", "value": 80, "comparator": "=", "percent": false, "unit": "คน"}'
thai_is target 'มีประกาศ' '{"kind": "qualitative"}'
"$PRONGSAI" thai budget '๘๕o,๐๐๐' >/dev/null 2>"$tmp/err"; rc=$?
[ $rc = 1 ] && grep -q 'is not a number' "$tmp/err" && pass || fail "thai budget with a Latin o: exit 1, not a number"

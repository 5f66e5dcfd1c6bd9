#!/usr/bin/env bash
# tests/fuzz/seeds.sh NAME DIR — writes the seed inputs of harness NAME into DIR, from
# the shipped content/ and layouts/, the bad inputs of tests/bad/ and the fixtures of
# tests/fixtures/. Harnesses whose first byte picks a parser or a file name get it
# here (see each tests/fuzz/fuzz_NAME.c). Run from the repository's root.
set -u
name=$1 dir=$2
mkdir -p "$dir"
n=0
put() { # put BYTE FILE: the file, after one selector byte
	n=$((n + 1))
	{ printf "\\x$(printf %02x "$1")"; cat "$2"; } >"$dir/seed-$n"
}
case $name in
plan)
	for f in content/*/*/plan.md tests/bad/*.md tests/fixtures/*/content/*/*/plan.md; do
		[ -f "$f" ] && cp "$f" "$dir/seed-$(echo "$f" | tr / _)"
	done ;;
layout)
	for f in layouts/*.json tests/bad/*/layouts/*.json; do
		[ -f "$f" ] && cp "$f" "$dir/seed-$(echo "$f" | tr / _)"
	done ;;
thai) # values as they appear after their field names in the plans
	for plan in content/*/*/plan.md tests/bad/*.md; do
		[ -f "$plan" ] || continue
		while IFS=$'\t' read -r pick value; do
			n=$((n + 1))
			printf "\\x$(printf %02x "$pick")%s" "$value" >"$dir/seed-$n"
		done < <(sed -n \
			-e 's/^ *- งบประมาณ: *\(.*\)$/1\t\1/p' \
			-e 's/^ *- ค่าเป้าหมาย: *\(.*\)$/2\t\1/p' \
			-e 's/^ *- ตัวชี้วัด: *\(.*\)$/2\t\1/p' \
			-e 's/^fiscal_year: *\(.*\)$/3\t\1/p' \
			-e 's/^ *- ระยะเวลา[^:]*: *\(.*\)$/5\t\1/p' "$plan" | LC_ALL=C sort -u | head -400)
	done
	printf '\x04%s' '1 ต.ค. 66' >"$dir/seed-date-1"
	printf '\x04%s' '๓๑ ธันวาคม ๒๕๖๖' >"$dir/seed-date-2"
	printf '\x00%s' '๑,๒๓๔.๕๐ ¹' >"$dir/seed-number-1"
	printf '\x07%s' 'ต.ค. ๒๕๖๖ 2567' >"$dir/seed-digits-1" ;;
progress) # fuzz_progress.c: 0 progress-6.csv, 1 progress-12.csv, 2 progress-6.json, 3 progress-12.json
	for f in content/*/*/progress-* tests/fixtures/progress/content/*/*/progress-* \
		tests/fixtures/progress/bad/*.csv tests/fixtures/progress/bad/*.json tests/bad/*/content/*/*/progress-*; do
		[ -f "$f" ] || continue
		case $f in
		*6.csv) put 0 "$f" ;; *.csv) put 1 "$f" ;; *6.json) put 2 "$f" ;; *.json) put 3 "$f" ;;
		esac
	done ;;
cpi) # fuzz_cpi.c: 0 settings, 1 documents, 2 scores, 3 sources, 4 targets, 5 ti.csv, 6 ti.xlsx
	for f in content/cpi/* tests/fixtures/cpi/*/* tests/fixtures/cpi/*/*/* tests/bad/*/content/cpi/*; do
		[ -f "$f" ] || continue
		case ${f##*/} in
		settings.csv) put 0 "$f" ;; documents.csv) put 1 "$f" ;; scores.csv) put 2 "$f" ;;
		sources.csv) put 3 "$f" ;; targets.csv) put 4 "$f" ;; *.csv) put 5 "$f" ;; *.xlsx) put 6 "$f" ;;
		esac
	done ;;
esac
for f in tests/fuzz/regressions/"$name"/*; do
	[ -f "$f" ] && cp "$f" "$dir/"
done
exit 0

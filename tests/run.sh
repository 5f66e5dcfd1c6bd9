#!/usr/bin/env bash
# tests/run.sh BUILD — the whole suite: unit tests and end-to-end tests of the prongsai
# binary, each run plain and under ASan+UBSan, then one publish under valgrind.
# Ends with the line "N passed, N failed"; exits non-zero on any failure.
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root" || exit 3
readonly build here root # the suites are sourced: they must not reuse these names
tmp=$(mktemp -d)
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*" >&2; }
# PDF checks shared by the suites. pdf_fonts_embedded PDF: every font an embedded subset.
pdf_fonts_embedded() {
	pdffonts "$1" | awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes") {bad = 1} END {exit bad}'
}
# pdf_words_inside PDF LEFT_MM RIGHT_MM: every word box from pdftotext -bbox-layout lies
# inside the page, and horizontally inside the text width the margins leave.
pdf_words_inside() {
	pdftotext -bbox-layout "$1" "$tmp/bbox.html" || return 1
	awk -v ml="$2" -v mr="$3" '
		/<page / { match($0, /width="[0-9.]+"/); W = substr($0, RSTART + 7, RLENGTH - 8) + 0
		           match($0, /height="[0-9.]+"/); H = substr($0, RSTART + 8, RLENGTH - 9) + 0
		           left = ml * 72 / 25.4 - 1; right = W - mr * 72 / 25.4 + 1 }
		/<word / { n++
		           match($0, /xMin="[0-9.]+"/); x0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		           match($0, /xMax="[0-9.]+"/); x1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		           match($0, /yMin="[0-9.]+"/); y0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		           match($0, /yMax="[0-9.]+"/); y1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		           if (x0 < left || x1 > right || y0 < 0 || y1 > H) { bad++; if (bad <= 3) print "    outside: " $0 > "/dev/stderr" } }
		END { exit !(n > 0 && bad == 0) }' "$tmp/bbox.html"
}
check() { # check DESCRIPTION COMMAND...
	local what=$1; shift
	if "$@" >"$tmp/out" 2>"$tmp/err"; then pass; else fail "$what"; sed 's/^/    /' "$tmp/err" | head -20 >&2; fi
}

# Unit tests print "NAME: N passed, M failed".
for variant in plain asan; do
	for t in "$build/$variant/"*_test; do
		[ -x "$t" ] || continue
		line=$("$t" 2>"$tmp/unit-err" | tail -n 1)
		rc=$?
		p=$(printf '%s' "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed/\1/p')
		f=$(printf '%s' "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed/\2/p')
		if [ -z "$p" ]; then
			fail "$t ($variant) crashed or printed no summary (exit $rc)"; sed 's/^/    /' "$tmp/unit-err" | head -20 >&2
			continue
		fi
		passed=$((passed + p)); failed=$((failed + f))
		[ "$f" = 0 ] || sed 's/^/    /' "$tmp/unit-err" >&2
		echo "unit $variant $line"
	done
done

for bin in "$build/prongsai" "$build/asan/prongsai"; do
	export PRONGSAI="$bin"
	count_before=$((passed + failed))
	for suite in "$here"/e2e/*.sh; do
		# shellcheck source=/dev/null
		. "$suite"
	done
	echo "e2e $bin: $((passed + failed - count_before)) checks"
done

if command -v valgrind >/dev/null; then
	if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
		--suppressions="$root/tests/valgrind.supp" \
		"$build/prongsai" publish --content content --output "$tmp/vg-out" 2>"$tmp/vg" >/dev/null; then
		pass
	else
		fail "valgrind: publish has memory errors or leaks"; head -40 "$tmp/vg" >&2
	fi
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

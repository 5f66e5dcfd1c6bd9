#!/usr/bin/env bash
# tools/scale/bench.sh BUILD N — `make bench-scale N=…`: publishes N synthetic agencies
# (tools/scale/gen.c, about 100 activities and a progress round each) one process per
# agency with make -j (tools/scale/publish.mk), and prints:
#   - wall time, files and MB written, files/s and MB/s;
#   - each process's wall time and peak memory (/usr/bin/time): the agency stages
#     (median and maximum) and the final run that takes the stages and writes the indexes;
#   - an incremental run after one plan changes: which processes ran, and which files
#     of the output changed (that agency's, and the indexes that list it);
#   - with BENCH_CHECK=1 (default when N <= 10), that the result is byte-identical to
#     one single-process `prongsai publish` of the same content.
# Settings: J (parallel processes, default: the number of cores), BENCH_DIR (default
# BUILD/scale). The generated plans are synthetic test data (BENCH_DIR/content-N/SYNTHETIC.txt).
set -eu
build=$1 n=$2
jobs=${J:-$(nproc)}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=${BENCH_DIR:-$build/scale}
content=$work/content-$n out=$work/output-$n
stage=$out.stage times=$work/times-$n.tsv
check=${BENCH_CHECK:-$([ "$n" -le 10 ] && echo 1 || echo 0)}
mkdir -p "$work"
if [ ! -x /usr/bin/time ]; then # Debian's `time`: peak memory per process
	sudo=$([ "$(id -u)" = 0 ] || echo sudo)
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time
fi

if [ ! -f "$content/SYNTHETIC.txt" ] || [ "$build/scale-gen" -nt "$content/SYNTHETIC.txt" ]; then
	rm -rf "$content"
	"$build/scale-gen" content "$n" "$content"
fi
rm -rf "$out" "$stage" "$times"

run_make() { # prints the wall time in seconds
	local t0 t1
	t0=$(date +%s.%N)
	make --no-print-directory -f tools/scale/publish.mk -j"$jobs" CONTENT="$content" \
		OUTPUT="$out" STAGE="$stage" PRONGSAI="$build/prongsai" LAYOUTS=layouts \
		TIME="/usr/bin/time -a -o $times -f '%e %M %C'" >"$work/make-$n.log" 2>&1 ||
		{ tail -20 "$work/make-$n.log" >&2; exit 1; }
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'
}

# per-process figures from the /usr/bin/time lines "SECONDS KB COMMAND…", from line $1 on
process_stats() {
	tail -n +"$1" "$times" | awk '
		/ --only / { n++; t[n] = $1; m[n] = $2; if ($1 > tmax) tmax = $1; if ($2 > mmax) mmax = $2 }
		/ --reuse / { ft = $1; fm = $2 }
		END {
			# medians by sorting copies
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) {
				if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
				if (m[j] < m[i]) { x = m[i]; m[i] = m[j]; m[j] = x } }
			if (n) printf "  agency processes: %d, time median %.2f s, max %.2f s; peak memory median %.1f MB, max %.1f MB\n",
				n, t[int((n + 1) / 2)], tmax, m[int((n + 1) / 2)] / 1024, mmax / 1024
			else printf "  agency processes: 0\n"
			if (ft != "") printf "  final process (indexes, manifest): %.2f s, peak memory %.1f MB\n", ft, fm / 1024
		}'
}

wall=$(run_make)
files=$(jq '.files | length + 1' "$out/manifest.json")
bytes=$(jq "[.files[].bytes] | add + $(stat -c %s "$out/manifest.json")" "$out/manifest.json")
echo "bench-scale: N=$n agencies, make -j$jobs on $(nproc) cores"
awk -v n="$n" -v w="$wall" -v f="$files" -v b="$bytes" 'BEGIN {
	printf "  full publish: %.2f s wall, %d files, %.1f MB: %.1f files/s, %.2f MB/s, %.3f s per agency\n",
		w, f, b / 1048576, f / w, b / 1048576 / w, w / n }'
process_stats 1

# incremental: one plan changes; only its agency's stage and the final run may run
lines=$(wc -l <"$times")
jq -r '.files[] | [.path, .sha256] | @tsv' "$out/manifest.json" | sort >"$work/before-$n.tsv"
sed -i '0,/^title: /s/^\(title: .*\)$/\1 (แก้ไข)/' "$content/synth-0001/2567/plan.md"
wall=$(run_make)
jq -r '.files[] | [.path, .sha256] | @tsv' "$out/manifest.json" | sort >"$work/after-$n.tsv"
echo "  incremental (synth-0001/2567/plan.md changed): $wall s wall"
process_stats $((lines + 1))
comm -3 "$work/before-$n.tsv" "$work/after-$n.tsv" | sed 's/^\t//' | cut -f1 | sort -u >"$work/changed-$n.txt"
own=$(grep -c '^synth-0001/' "$work/changed-$n.txt" || true)
other=$(grep -vc '^synth-0001/' "$work/changed-$n.txt" || true)
echo "  changed files: $own of synth-0001, $other others (the indexes): $(grep -v '^synth-0001/' "$work/changed-$n.txt" | tr '\n' ' ')"
stray=$(grep -v '^synth-0001/' "$work/changed-$n.txt" | grep -E '^synth-[0-9]+/' || true)
[ -z "$stray" ] || { echo "bench-scale: FAIL: files of other agencies changed: $stray" >&2; exit 1; }
sed -i '0,/^title: /s/ (แก้ไข)$//' "$content/synth-0001/2567/plan.md"

if [ "$check" = 1 ]; then
	rm -rf "$work/single-$n"
	"$build/prongsai" publish --content "$content" --output "$work/single-$n" 2>/dev/null
	run_make >/dev/null
	if diff -r "$work/single-$n" "$out" >/dev/null; then
		echo "  check: identical to one single-process publish"
	else
		echo "bench-scale: FAIL: the staged publish differs from a single-process publish" >&2
		exit 1
	fi
fi

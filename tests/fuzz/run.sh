#!/usr/bin/env bash
# tests/fuzz/run.sh BUILD SECONDS HARNESS... — `make fuzz`: runs each libFuzzer harness
# (BUILD/fuzz/fuzz-NAME) for SECONDS on a corpus kept in BUILD/fuzz/corpus/NAME, seeded
# by tests/fuzz/seeds.sh from content/, layouts/, tests/bad/, tests/fixtures/ and
# tests/fuzz/regressions/. A crash leaves its input in BUILD/fuzz/crashes/NAME/; copy it
# to tests/fuzz/regressions/NAME/ once fixed, so that make test replays it. Prints
# executions and crashes per harness; exits non-zero when any harness found a crash.
set -u
build=$1 seconds=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 3
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
# UBSan reports abort, so libFuzzer keeps the input
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"

status=0
summary=""
for name in "$@"; do
	bin="$build/fuzz/fuzz-$name"
	corpus="$build/fuzz/corpus/$name"
	crashes="$build/fuzz/crashes/$name"
	mkdir -p "$corpus" "$crashes"
	tests/fuzz/seeds.sh "$name" "$corpus"
	dict=()
	[ -f "tests/fuzz/$name.dict" ] && dict=(-dict="tests/fuzz/$name.dict")
	log="$build/fuzz/$name.log"
	echo "fuzz $name: ${seconds}s, corpus $(ls "$corpus" | wc -l) files"
	# -timeout: an input that takes longer than 10 s is a hang; -rss_limit_mb: memory
	"$bin" "$corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-max_len=65536 -print_final_stats=1 -artifact_prefix="$crashes/" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	found=$(find "$crashes" -type f | wc -l)
	summary+=$(printf '%-8s %12s executions  exit %d  %d crash/timeout/oom files in %s\n' \
		"$name" "${execs:-?}" "$rc" "$found" "$crashes")$'\n'
	if [ "$rc" != 0 ]; then
		status=1
		grep -E 'ERROR|SUMMARY|fuzz:|runtime error|Test unit written' "$log" | head -20
	fi
done
printf '%s' "$summary"
exit $status

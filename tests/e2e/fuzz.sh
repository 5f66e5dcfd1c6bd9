# fuzz.sh — the fuzz harnesses (tests/fuzz/fuzz_NAME.c), linked with a plain main()
# instead of libFuzzer (BUILD/{plain,asan}/fuzz-replay-NAME), replay every input that
# once broke them (tests/fuzz/regressions/NAME/) and the seeds they start from (the
# shipped plans, layouts and bad inputs), with their oracles: no crash, no sanitizer
# report, one-line UTF-8 messages, well-formed output. `make fuzz` runs them for real.
case $PRONGSAI in
*/asan/*) fuzz_variant=asan ;;
*) fuzz_variant=plain ;;
esac
for harness_src in "$here"/fuzz/fuzz_*.c; do
	harness=$(basename "$harness_src" .c)
	harness=${harness#fuzz_}
	replay="$build/$fuzz_variant/fuzz-replay-$harness"
	if [ ! -x "$replay" ]; then
		fail "fuzz: $replay was not built"
		continue
	fi
	rm -rf "$tmp/fuzz-seeds"
	"$here"/fuzz/seeds.sh "$harness" "$tmp/fuzz-seeds"
	existing=("$tmp"/fuzz-seeds/*)
	if timeout 300 "$replay" "${existing[@]}" >/dev/null 2>"$tmp/fuzz-err"; then pass; else
		fail "fuzz: $harness ($fuzz_variant) failed on one of ${#existing[@]} inputs"
		grep -E 'fuzz:|ERROR|runtime error|SUMMARY' "$tmp/fuzz-err" | head -5 >&2
	fi
done

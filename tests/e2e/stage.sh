# stage.sh — publishing one agency per process (tools/scale/publish.mk, out/stage.h):
# the result is byte-identical to one ordinary publish; after one plan changes only that
# agency's stage runs again and no other agency's file changes; a stage that is stale
# or has been tampered with is never published; and --only with a bad plan leaves its
# stage as it was. On a copy of the content without its largest plan, to stay quick.
sc="$tmp/stage-content"
rm -rf "$sc" "$tmp/stage-out" "$tmp/stage-out.stage" "$tmp/stage-single"
cp -r content "$sc"
rm -rf "$sc/cpi-committee"
printf '#!/bin/sh\nlog=$1; shift; echo "$*" >>"$log"; exec "$@"\n' >"$tmp/stage-logrun"
chmod +x "$tmp/stage-logrun"
stage_make() { # stage_make LOG: one make run, the prongsai commands it ran go to LOG
	make --no-print-directory -f tools/scale/publish.mk -j2 CONTENT="$sc" \
		OUTPUT="$tmp/stage-out" PRONGSAI="$PRONGSAI" LAYOUTS=layouts \
		TIME="$tmp/stage-logrun $1" >/dev/null 2>"$tmp/stage-err"
}
stage_single() { # an ordinary publish of the same content, to compare with
	rm -rf "$tmp/stage-single"
	"$PRONGSAI" publish --content "$sc" --output "$tmp/stage-single" 2>/dev/null
}
: >"$tmp/stage-log"
if stage_make "$tmp/stage-log"; then pass; else fail "stage: make -f tools/scale/publish.mk failed"; sed 's/^/    /' "$tmp/stage-err" | head >&2; fi
[ "$(grep -c -- ' --only ' "$tmp/stage-log")" = 2 ] && pass || fail "stage: want one stage per agency (dip, opdc)"
stage_single
diff -r "$tmp/stage-single" "$tmp/stage-out" >/dev/null && pass ||
	fail "stage: publishing by agency differs from one publish"

# one plan changes: its agency's stage and the final run, nothing else
jq -r '.files[] | [.path, .sha256] | @tsv' "$tmp/stage-out/manifest.json" | sort >"$tmp/stage-before"
sed -i '0,/^title: /s/^\(title: .*\)$/\1 (ฉบับแก้ไข)/' "$sc/opdc/2567/plan.md"
: >"$tmp/stage-log"
stage_make "$tmp/stage-log"
[ "$(grep -c -- ' --only ' "$tmp/stage-log")" = 1 ] && grep -q -- '--only opdc ' "$tmp/stage-log" && pass ||
	fail "stage: after opdc changed, want the opdc stage alone to run: $(tr '\n' ' ' <"$tmp/stage-log")"
grep -q -- ' --reuse ' "$tmp/stage-log" && pass || fail "stage: the final run did not run after a change"
jq -r '.files[] | [.path, .sha256] | @tsv' "$tmp/stage-out/manifest.json" | sort >"$tmp/stage-after"
changed=$(comm -3 "$tmp/stage-before" "$tmp/stage-after" | sed 's/^\t//' | cut -f1 | sort -u)
echo "$changed" | grep -q '^opdc/2567/plan.json$' && pass || fail "stage: opdc/2567/plan.json did not change"
echo "$changed" | grep -q '^dip/' && fail "stage: files of dip changed: $(echo "$changed" | grep '^dip/' | tr '\n' ' ')" || pass
: >"$tmp/stage-log"
stage_make "$tmp/stage-log"
[ ! -s "$tmp/stage-log" ] && pass || fail "stage: a second make with nothing changed ran: $(tr '\n' ' ' <"$tmp/stage-log")"

# a stale stage (the plan changed, the stage was not made again) is rendered afresh
sed -i '0,/^title: /s/ (ฉบับแก้ไข)$//' "$sc/opdc/2567/plan.md"
"$PRONGSAI" publish --content "$sc" --reuse "$tmp/stage-out.stage" --output "$tmp/stage-out" 2>"$tmp/stage-err"
grep -q 'prongsai: 2 of the plans taken from the stages' "$tmp/stage-err" && pass ||
	fail "stage: want dip's 2 plans taken and opdc's stale stage left: $(grep '^prongsai' "$tmp/stage-err" | tr '\n' ' ')"
stage_single
diff -r "$tmp/stage-single" "$tmp/stage-out" >/dev/null && pass || fail "stage: a stale stage was published"

# a staged file changed by hand (its sha256 no longer matches) is not taken either
stage_make /dev/null
pdf=$(find "$tmp/stage-out.stage/dip" -name plan.pdf | head -1)
cp "$pdf" "$tmp/stage-pdf" && printf 'x' >>"$tmp/stage-pdf" && mv "$tmp/stage-pdf" "$pdf"
"$PRONGSAI" publish --content "$sc" --reuse "$tmp/stage-out.stage" --output "$tmp/stage-out" 2>"$tmp/stage-err"
grep -q 'prongsai: 1 of the plans taken from the stages' "$tmp/stage-err" && pass ||
	fail "stage: a tampered stage of dip was taken: $(grep '^prongsai' "$tmp/stage-err" | tr '\n' ' ')"
diff -r "$tmp/stage-single" "$tmp/stage-out" >/dev/null && pass || fail "stage: a tampered staged file was published"

# --only with a bad plan: an error, and the stage stays as it was
before=$(cd "$tmp/stage-out.stage/opdc" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum)
sed -i 's/^fiscal_year: .*/fiscal_year: 2024/' "$sc/opdc/2567/plan.md"
"$PRONGSAI" publish --content "$sc" --only opdc --output "$tmp/stage-out.stage/opdc" 2>"$tmp/stage-err"
[ $? = 1 ] && grep -q 'looks like a CE year' "$tmp/stage-err" && pass || fail "stage: --only with a bad plan: want exit 1 and its error"
after=$(cd "$tmp/stage-out.stage/opdc" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum)
[ "$before" = "$after" ] && pass || fail "stage: a failed --only run changed the stage"
"$PRONGSAI" publish --content "$sc" --only ../etc --output "$tmp/stage-x" >/dev/null 2>&1
[ $? = 2 ] && pass || fail "stage: --only ../etc must be a usage error"
rm -rf "$sc" "$tmp/stage-out" "$tmp/stage-out.stage" "$tmp/stage-single"

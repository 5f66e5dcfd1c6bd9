# pdf.sh — the PDFs of the shipped content: every activity title and indicator comes
# back from pdftotext, fonts are embedded subsets, qpdf finds no damage, no word lies
# outside the text width or the page, and `prongsai pdf` gives the same bytes as publish.
pdf_out="$tmp/out-pdf"
rm -rf "$pdf_out"
"$PRONGSAI" publish --content content --output "$pdf_out" 2>/dev/null
# text as compared: no whitespace, SARA AM composed (the PDF draws ํา as ำ)
# (tr works on bytes: NBSP goes through sed, as its 0xA0 byte also occurs inside Thai letters)
norm() { sed 's/\xC2\xA0//g; s/\xE0\xB9\x8D\xE0\xB8\xB2/\xE0\xB8\xB3/g' | tr -d ' \t\r\n'; }
for j in "$pdf_out"/*/*/plan.json; do
	dir=$(dirname "$j"); rel=${dir#"$pdf_out"/}
	pdf="$dir/plan.pdf"
	if [ ! -s "$pdf" ]; then fail "$rel/plan.pdf written"; continue; fi
	pdftotext -raw "$pdf" - | norm >"$tmp/pdf-text"
	depth=$(jq '.levels | length' "$j")
	jq -r "[.. | objects | select(.level? == $depth and has(\"children\")) | .title] + [.. | objects | select(has(\"indicators\") and has(\"children\")) | .indicators[].text | split(\"\\n\")[]] | .[]" "$j" |
		while IFS= read -r want; do printf '%s' "$want" | norm; echo; done >"$tmp/pdf-wanted"
	"$build/text_has" "$tmp/pdf-text" "$tmp/pdf-wanted" >"$tmp/pdf-missing"
	missing=$(wc -l <"$tmp/pdf-missing")
	[ "$missing" = 0 ] && pass || { fail "$rel: $missing activity titles or indicator lines not found by pdftotext -raw"; head -5 "$tmp/pdf-missing" >&2; }
	pdf_fonts_embedded "$pdf" \
		&& pass || fail "$rel: a font is not an embedded subset"
	[ "$(pdffonts "$pdf" | awk 'NR > 2' | wc -l)" -gt 0 ] && pass || fail "$rel: pdffonts lists no font"
	qpdf --check "$pdf" >/dev/null 2>&1 && pass || fail "$rel: qpdf --check"
	pdfinfo "$pdf" | grep -q '^Tagged: *yes' && pass || fail "$rel: the PDF is tagged"
	# every word inside the page, and horizontally inside the text width of the layout
	lay=$(jq -r '.layout // "plan-landscape"' "$j")
	ml=$(jq '.page.margins_mm.left // 30' "layouts/$lay.json"); mr=$(jq '.page.margins_mm.right // 20' "layouts/$lay.json")
	pdf_words_inside "$pdf" "$ml" "$mr" \
		&& pass || fail "$rel: words outside the text width or the page"
done
# the single-document command renders the same bytes as publish
"$PRONGSAI" pdf content/dip/2560/plan.md -o "$tmp/one.pdf" 2>/dev/null
cmp -s "$tmp/one.pdf" "$pdf_out/dip/2560/plan.pdf" && pass || fail "prongsai pdf gives the same bytes as publish"
# SOURCE_DATE_EPOCH is the creation date; without it, the fiscal year's first day
SOURCE_DATE_EPOCH=1700000000 "$PRONGSAI" pdf content/dip/2560/plan.md -o "$tmp/dated.pdf" 2>/dev/null
pdfinfo -isodates "$tmp/dated.pdf" | grep -q '^CreationDate: *2023-11-14T22:13:20' && pass || fail "SOURCE_DATE_EPOCH sets the creation date"
pdfinfo -isodates "$tmp/one.pdf" | grep -q '^CreationDate: *2016-10-01T00:00:00' && pass || fail "default creation date is 1 Oct of the year before the fiscal year"
"$PRONGSAI" pdf content/dip/2560/plan.md -o "$tmp/x.pdf" --layout no-such-layout >/dev/null 2>"$tmp/err"; rc=$?
[ $rc = 1 ] && grep -q 'layout "no-such-layout" not found' "$tmp/err" && pass || fail "an unknown layout is an input error (got $rc)"
# the text search itself can fail: a sentence that is not in the PDF is reported
printf 'ข้อความนี้ไม่อยู่ในแผนใดเลยแน่นอน\n' >"$tmp/pdf-absent"
"$build/text_has" "$tmp/pdf-text" "$tmp/pdf-absent" >/dev/null && fail "text_has finds a sentence that is absent" || pass
# the catalog names the document language (added after cairo, which cannot)
qpdf --show-object=trailer "$tmp/one.pdf" >/dev/null 2>&1 &&
	catalog=$(qpdf --show-object=trailer "$tmp/one.pdf" | sed -n 's/.*\/Root \([0-9]*\) 0 R.*/\1/p') &&
	qpdf --show-object="$catalog" "$tmp/one.pdf" | grep -q '/Lang (th)' && pass || fail "the PDF catalog has /Lang (th)"

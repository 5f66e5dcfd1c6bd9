# site.sh — the website bundle output/site/: every page is Thai, has no external
# resource, and every href and src resolves to a file of output/ (followed page by page
# in headless Chromium, tests/node/check-site.js); the CPI chart is inline SVG; prose
# links that leave the bundle are written out as text. Chromium runs once, with the
# plain binary's output (the pages are the same bytes with either binary).
site_out="$tmp/site-out"
rm -rf "$site_out"
SOURCE_DATE_EPOCH=1700000000 "$PRONGSAI" publish --content content --output "$site_out" >/dev/null 2>&1 && pass || fail "publish content/ for the site"
site_index="$site_out/site/index.html"
[ -f "$site_index" ] && pass || fail "site/index.html written"
# one page per agency and fiscal year
site_missing=0
for site_plan in content/*/*/plan.md; do
	site_dir=${site_plan#content/}; site_dir=${site_dir%/plan.md}
	[ -f "$site_out/site/$site_dir/index.html" ] || { site_missing=1; echo "    no page for $site_dir" >&2; }
	grep -qF "href=\"../$site_dir/plan.pdf\"" "$site_index" || { site_missing=1; echo "    index does not link $site_dir/plan.pdf" >&2; }
done
[ $site_missing = 0 ] && pass || fail "a page and links for every plan"
# the CPI chart is inline when the CPI stage drew one
if ls "$site_out"/cpi/*.svg >/dev/null 2>&1; then
	grep -q '<div class="chart">' "$site_index" && grep -q '<svg' "$site_index" && ! grep -q '<img' "$site_index" &&
		pass || fail "the CPI chart is inline SVG"
fi
# prose: the external link of the fixture is text, its raw HTML dropped, its table kept
SOURCE_DATE_EPOCH=1700000000 "$PRONGSAI" publish --content "$here/opendata/content" --output "$tmp/site-fix" >/dev/null 2>&1
site_page="$tmp/site-fix/site/test-agency/2567/index.html"
grep -qF 'เอกสารอ้างอิง (https://example.org/doc.pdf)' "$site_page" && ! grep -q 'href="https' "$site_page" &&
	! grep -q '<script' "$site_page" && grep -q '<td>๑</td>' "$site_page" && pass ||
	fail "prose through cmark-gfm: tables kept, external links as text, raw HTML dropped"
if [ "$PRONGSAI" = "$build/prongsai" ]; then
	if command -v chromium >/dev/null && [ -d "$here/node/node_modules" ]; then
		mkdir -p "$build/screenshots"
		# the screenshots stay in build/screenshots/ for a person to look at
		check "site: every link in Chromium resolves inside output/" node "$here/node/check-site.js" "$site_out" "$build/screenshots"
		check "site of the fixture: every link resolves" node "$here/node/check-site.js" "$tmp/site-fix" "$tmp"
	else
		fail "chromium and tests/node/node_modules are needed (make test installs them)"
	fi
fi

# opendata.sh — the open-data stage on the fixture tree tests/opendata/content (invented
# data: a plan whose texts begin with - and +, a progress round whose narrative is
# =HYPERLINK(…)) and on the shipped content: Excel copies
# (BOM, OWASP neutralising, numbers untouched) beside BOM-less machine CSVs, data.go.th
# payloads checked against the GD-Catalog facts, datapackage.json and every CSV validated
# with the Frictionless library (npm datapackage), each bad metadata file in
# tests/opendata/bad/ giving exactly its .err diagnostics with output/ untouched, the
# upload script against a fake CKAN on 127.0.0.1, and README's data dictionary in step.
# The Node checks read only output files, so they run once, with the plain binary.
od_out="$tmp/od-out"
od_fix="$here/opendata/content"
od_node="$here/node"
od_plain=false
[ "$PRONGSAI" = "$build/prongsai" ] && od_plain=true
rm -rf "$od_out"
SOURCE_DATE_EPOCH=1700000000 check "publish the open-data fixture" "$PRONGSAI" publish --content "$od_fix" --output "$od_out"
od_missing=0
for f in datapackage.json data-dictionary.csv data-dictionary-excel.csv ckan/index.json \
	ckan/test-agency-2567-plan/package.json test-agency/2567/plan-items.csv \
	test-agency/2567/plan-items-excel.csv test-agency/2567/plan-indicators-excel.csv \
	site/index.html site/test-agency/2567/index.html; do
	[ -f "$od_out/$f" ] || { od_missing=1; echo "    missing: $f" >&2; }
done
[ $od_missing = 0 ] && pass || fail "open-data files written"

# formula-like text: as written in the machine CSV, neutralised in the Excel copy
od_csv="$od_out/test-agency/2567/plan-indicators.csv"
od_xl="$od_out/test-agency/2567/plan-indicators-excel.csv"
[ "$(head -c 3 "$od_csv" | od -An -tx1 | tr -d ' ')" != efbbbf ] && pass || fail "machine CSV has no BOM"
[ "$(head -c 3 "$od_xl" | od -An -tx1 | tr -d ' ')" = efbbbf ] && pass || fail "Excel CSV starts with the UTF-8 BOM"
grep -qF ',-20 นาทีของเวลารอคอย,' "$od_csv" && grep -qF ",'-20 นาทีของเวลารอคอย," "$od_xl" &&
	grep -qF ',"-1 ขั้นตอนของงานเอกสาร, ""ลดลง""",' "$od_csv" &&
	grep -qF ',"'\''-1 ขั้นตอนของงานเอกสาร, ""ลดลง""",' "$od_xl" &&
	grep -qF ',+66 2 000 0000 (สายด่วนทดสอบ),' "$od_csv" && grep -qF ",'+66 2 000 0000 (สายด่วนทดสอบ)," "$od_xl" &&
	! grep -qF ",'" "$od_csv" && pass || fail "formula-like cells: unchanged in the machine CSV, neutralised in the Excel copy"
# the progress round of the fixture: a narrative that is a formula, problems that begin with @
od_pcsv="$od_out/test-agency/2567/progress-6.csv"
od_pxl="$od_out/test-agency/2567/progress-6-excel.csv"
grep -qF ',"=HYPERLINK(""http://example.org"",""คลิก"")",@ทีมงานทดสอบ,' "$od_pcsv" &&
	grep -qF ',"'\''=HYPERLINK(""http://example.org"",""คลิก"")",'\''@ทีมงานทดสอบ,' "$od_pxl" &&
	grep -qF ',-ดำเนินการครบแล้ว,' "$od_pcsv" && grep -qF ",'-ดำเนินการครบแล้ว," "$od_pxl" &&
	pass || fail "=HYPERLINK(…) in a progress CSV: unchanged in the machine copy, neutralised in the Excel copy"
# the numbers of that row are bare: target 3, budget 120000, dates, source line 24
grep -q "^test-agency,2567,2024,1\.1,2,.*,quantitative,'=,3,ครั้ง,time,amount,120000,[^,]*,2023-10-01,2024-03-31,'+66 2 000 0000 (สายด่วนทดสอบ),24"$'\r'"\$" "$od_xl" &&
	pass || fail "numeric cells of the Excel copy are bare numbers"

if $od_plain; then
	if [ -d "$od_node/node_modules/datapackage" ]; then
		check "Excel copies of the fixture" node "$od_node/check-excel.js" "$od_out"
		check "datapackage.json and every CSV of the fixture (Frictionless)" node "$od_node/validate-datapackage.js" "$od_out"
		check "data.go.th payloads of the fixture (GD-Catalog)" node "$od_node/check-ckan.js" "$od_out"
		# the checkers can fail: a typed cell broken, a resource left out, a value off the list
		rm -rf "$tmp/od-broken" && cp -r "$od_out" "$tmp/od-broken"
		sed -i '2s/^test-agency,2567,2024,/test-agency,2567,twenty,/' "$tmp/od-broken/test-agency/2567/plan-items.csv"
		node "$od_node/validate-datapackage.js" "$tmp/od-broken" >"$tmp/od-v" 2>&1 && fail "Frictionless check accepts a text in an integer column" ||
			{ grep -q 'plan-items.csv' "$tmp/od-v" && pass || fail "Frictionless check names the broken table"; }
		rm -rf "$tmp/od-broken" && cp -r "$od_out" "$tmp/od-broken"
		jq '.resources |= map(select(.path != "test-agency/2567/plan-items.csv"))' "$od_out/datapackage.json" >"$tmp/od-broken/datapackage.json"
		node "$od_node/validate-datapackage.js" "$tmp/od-broken" >"$tmp/od-v" 2>&1 && fail "a CSV without a schema in the package goes unnoticed" ||
			{ grep -q 'plan-items.csv: CSV in the manifest without a resource' "$tmp/od-v" && pass || fail "the check names the CSV without a schema"; }
		jq '.data_category = "สาธารณะ" | .objective = "พันธกิจหน่วยงาน" | .name = "Test_Agency"' \
			"$od_out/ckan/test-agency-2567-plan/package.json" >"$tmp/od-broken/ckan/test-agency-2567-plan/package.json"
		node "$od_node/check-ckan.js" "$tmp/od-broken" >"$tmp/od-v" 2>&1 && fail "the GD-Catalog check accepts wrong values" ||
			{ [ "$(grep -c 'data_category "สาธารณะ"\|objective must be a JSON list\|breaks the slug rules' "$tmp/od-v")" = 3 ] && pass || fail "the GD-Catalog check names each wrong value"; }
		cp "$od_out/datapackage.json" "$tmp/od-broken/datapackage.json"
		sed -i "3s/^test-agency,2567,2024,1\.1,1,2,กิจกรรม\/โครงการ,๑\.,'+5/test-agency,2567,2024,1.1,1,2,กิจกรรม\/โครงการ,๑.,+5/" "$tmp/od-broken/test-agency/2567/plan-items-excel.csv"
		node "$od_node/check-excel.js" "$tmp/od-broken" >"$tmp/od-v" 2>&1 && fail "the Excel check accepts a formula left in" ||
			{ grep -q 'is not neutralised' "$tmp/od-v" && pass || fail "the Excel check names the formula cell"; }
	else
		fail "tests/node/node_modules is missing: make test installs the npm validators"
	fi
fi

# the shipped content: agencies without opendata.txt are warned about, not refused
od_content="$tmp/od-content"
rm -rf "$od_content"
"$PRONGSAI" publish --content content --output "$od_content" 2>"$tmp/od-err" >/dev/null && pass || fail "publish content/"
grep -q 'warning: no open-data metadata for "opdc"' "$tmp/od-err" && pass || fail "an agency without opendata.txt is warned about"
[ -f "$od_content/ckan/dip-2560-plan/package.json" ] && [ ! -e "$od_content/ckan/opdc-2567-plan" ] && pass ||
	fail "payloads for the agencies that opted in only"
if $od_plain && [ -d "$od_node/node_modules/datapackage" ]; then
	check "datapackage.json and every CSV of content/ (Frictionless)" node "$od_node/validate-datapackage.js" "$od_content"
	check "Excel copies of content/" node "$od_node/check-excel.js" "$od_content"
	check "data.go.th payloads of content/ (GD-Catalog)" node "$od_node/check-ckan.js" "$od_content"
	# every kind of dataset, once every folder has metadata (test contacts, invented)
	od_all="$tmp/od-all-content"
	rm -rf "$od_all" && cp -r content "$od_all"
	for od_dir in "$od_all"/*/; do
		[ -f "$od_dir/opendata.txt" ] ||
			printf 'maintainer: ผู้ทดสอบ\nmaintainer_email: test@example.org\n' >"$od_dir/opendata.txt"
	done
	rm -rf "$tmp/od-all-out"
	"$PRONGSAI" publish --content "$od_all" --output "$tmp/od-all-out" >/dev/null 2>"$tmp/od-err" &&
		! grep -q 'open-data metadata' "$tmp/od-err" && pass || fail "publish content/ with metadata everywhere"
	check "data.go.th payloads of every plan, progress round and the CPI" node "$od_node/check-ckan.js" "$tmp/od-all-out"
	od_kinds=$(jq -r '.datasets[].name' "$tmp/od-all-out/ckan/index.json" | sed 's/.*-\(plan\)$/\1/; s/.*-progress-[0-9]*$/progress/; s/^corruption-perceptions-index.*/cpi/' | sort -u | tr '\n' ' ')
	od_want="plan "
	ls content/*/*/progress-* >/dev/null 2>&1 && od_want="$od_want""progress "
	[ -d content/cpi ] && od_want="cpi $od_want"
	[ "$od_kinds" = "$od_want" ] && pass || fail "datasets of every kind: got '$od_kinds', want '$od_want'"
fi

# bad metadata: every problem of the file at its line, exit 1, output/ untouched
od_sum() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum; }
od_before=$(od_sum "$od_out")
for od_case in "$here"/opendata/bad/*.txt; do
	od_name=$(basename "$od_case" .txt)
	od_bc="$tmp/od-bad-$od_name"
	rm -rf "$od_bc" && cp -r "$od_fix" "$od_bc" && cp "$od_case" "$od_bc/test-agency/opendata.txt"
	"$PRONGSAI" publish --content "$od_bc" --output "$od_out" >/dev/null 2>"$tmp/od-err"
	od_rc=$?
	[ $od_rc = 1 ] && pass || fail "opendata/bad/$od_name: exit status $od_rc, want 1"
	grep -v '^prongsai: ' "$tmp/od-err" | sed "s|$od_bc/|CONTENT/|g" >"$tmp/od-got"
	if cmp -s "$tmp/od-got" "${od_case%.txt}.err"; then pass; else
		fail "opendata/bad/$od_name: diagnostics differ"; diff "${od_case%.txt}.err" "$tmp/od-got" | head -20 >&2
	fi
	[ "$(od_sum "$od_out")" = "$od_before" ] && pass || fail "opendata/bad/$od_name: output/ was changed"
done

# prongsai check reads the metadata too
"$PRONGSAI" check "$tmp/od-bad-values" >/dev/null 2>"$tmp/od-err"
[ $? = 1 ] && grep -q 'opendata.txt:4: error: data_category: "สาธารณะ"' "$tmp/od-err" && pass ||
	fail "prongsai check reports a bad opendata.txt"

# make upload's script against a fake CKAN on 127.0.0.1: create, then patch and update
if $od_plain && command -v curl >/dev/null; then
	: >"$tmp/od-ckan.log"
	FAKE_CKAN_KEY=od-test-key node "$od_node/fake-ckan.js" "$tmp/od-ckan.log" >"$tmp/od-ckan.port" &
	od_pid=$!
	for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s "$tmp/od-ckan.port" ] && break; sleep 0.2; done
	od_url="http://127.0.0.1:$(head -1 "$tmp/od-ckan.port")"
	check "upload creates the datasets" env CKAN_URL="$od_url" CKAN_API_KEY=od-test-key tools/ckan-upload.sh "$od_out"
	check "a second upload patches them" env CKAN_URL="$od_url" CKAN_API_KEY=od-test-key tools/ckan-upload.sh "$od_out"
	env CKAN_URL="$od_url" CKAN_API_KEY=wrong tools/ckan-upload.sh "$od_out" >/dev/null 2>"$tmp/od-up-err" && fail "upload with a wrong key succeeds" ||
		{ grep -q 'refused (HTTP 403)' "$tmp/od-up-err" && pass || fail "upload reports CKAN's refusal"; }
	kill "$od_pid" 2>/dev/null; wait "$od_pid" 2>/dev/null
	# per dataset: show + create, then show + patch; the refused run stops at its first create
	od_files=$(jq '[.datasets[].resources[]] | length' "$od_out/ckan/index.json")
	od_sets=$(jq '.datasets | length' "$od_out/ckan/index.json")
	od_actions=$(jq -r '.action' "$tmp/od-ckan.log" | sort | uniq -c | awk '{printf "%s=%s ", $2, $1}')
	[ "$od_actions" = "package_create=$((od_sets + 1)) package_patch=$od_sets package_show=$((2 * od_sets + 1)) resource_create=$od_files resource_update=$od_files " ] &&
		pass || fail "upload calls: $od_actions"
	# the payload went as JSON with lists; each file as multipart with its own bytes
	jq -e 'select(.action == "package_create") | .type == "application/json" and (.data.objective | type) == "array"' "$tmp/od-ckan.log" >/dev/null &&
		[ "$(jq -r 'select(.action == "resource_create" and .files.upload.filename == "plan.pdf") | .files.upload.size' "$tmp/od-ckan.log")" = "$(stat -c %s "$od_out/test-agency/2567/plan.pdf")" ] &&
		pass || fail "upload sends JSON payloads and multipart files"
fi

# README's data dictionary is the registry's
sed -n '/^<!-- data-dictionary:begin -->$/,/^<!-- data-dictionary:end -->$/p' README.md | sed '1d;$d' >"$tmp/od-readme"
"$PRONGSAI" dictionary --markdown >"$tmp/od-dict"
cmp -s "$tmp/od-readme" "$tmp/od-dict" && pass || fail "README.md's data dictionary differs from prongsai dictionary --markdown"
cmp -s "$od_out/data-dictionary.csv" <("$PRONGSAI" dictionary) && pass || fail "data-dictionary.csv is prongsai dictionary's"

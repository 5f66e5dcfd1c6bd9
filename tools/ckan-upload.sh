#!/usr/bin/env bash
# ckan-upload.sh [OUTPUT_DIR] — posts the data.go.th payloads that `make publish` wrote
# under OUTPUT_DIR/ckan/ (default: output) to a CKAN portal with the GD-Catalog
# extension, through its action API (POST {CKAN_URL}/api/3/action/...):
#   for each dataset in ckan/index.json: package_show; package_patch when the dataset
#   exists (only the keys we send change), package_create when it does not; then for
#   each file: resource_update of the resource with the same name, or resource_create,
#   uploading the file as multipart/form-data (`upload`).
# Environment: CKAN_URL (e.g. https://data.go.th), CKAN_API_KEY (sent as Authorization),
# CKAN_OWNER_ORG (the organisation's name on the portal, used when the payload has no
# owner_org). Stops at the first refusal and prints CKAN's error. Needs curl and jq.
set -euo pipefail
out=${1:-output}
: "${CKAN_URL:?set CKAN_URL, e.g. make upload CKAN_URL=https://data.go.th CKAN_API_KEY=...}"
: "${CKAN_API_KEY:?set CKAN_API_KEY (the API token of a user of the organisation)}"
api="${CKAN_URL%/}/api/3/action"
index="$out/ckan/index.json"
[ -f "$index" ] || { echo "ckan-upload: $index not found: run make publish (with open-data metadata) first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# call ACTION [curl args...]: POST, response in $work/resp; fails unless "success": true
call() {
	local action=$1; shift
	local code
	code=$(curl -sS -o "$work/resp" -w '%{http_code}' -H "Authorization: $CKAN_API_KEY" "$@" "$api/$action") || {
		echo "ckan-upload: $action: cannot reach $api" >&2; return 1; }
	if [ "$(jq -r '.success // false' "$work/resp" 2>/dev/null)" != true ]; then
		echo "ckan-upload: $action refused (HTTP $code): $(jq -c '.error // .' "$work/resp" 2>/dev/null || head -c 300 "$work/resp")" >&2
		return 1
	fi
}

ndatasets=$(jq '.datasets | length' "$index")
for ((i = 0; i < ndatasets; i++)); do
	name=$(jq -r ".datasets[$i].name" "$index")
	package="$out/$(jq -r ".datasets[$i].package" "$index")"
	jq --arg org "${CKAN_OWNER_ORG:-}" 'if (.owner_org == null and $org != "") then . + {owner_org: $org} else . end' \
		"$package" >"$work/package.json"
	existing="{}"
	if curl -sS -o "$work/show" -H "Authorization: $CKAN_API_KEY" --get --data-urlencode "id=$name" "$api/package_show" &&
		[ "$(jq -r '.success // false' "$work/show" 2>/dev/null)" = true ]; then
		jq --arg id "$name" '. + {id: $id}' "$work/package.json" >"$work/patch.json"
		call package_patch -H 'Content-Type: application/json' --data-binary "@$work/patch.json"
		existing=$(jq -c '[.result.resources[]? | {(.name): .id}] | add // {}' "$work/show")
		echo "ckan-upload: $name: updated"
	else
		call package_create -H 'Content-Type: application/json' --data-binary "@$work/package.json"
		echo "ckan-upload: $name: created"
	fi
	nres=$(jq ".datasets[$i].resources | length" "$index")
	for ((k = 0; k < nres; k++)); do
		payload="$out/$(jq -r ".datasets[$i].resources[$k].payload" "$index")"
		file="$out/$(jq -r ".datasets[$i].resources[$k].file" "$index")"
		rname=$(jq -r '.name' "$payload")
		rid=$(jq -nr --argjson e "$existing" --arg n "$rname" '$e[$n] // ""')
		# every payload field as a form field taken literally (--form-string), the file as upload
		args=()
		while IFS= read -r -d '' kv; do args+=(--form-string "$kv"); done < <(
			jq -j 'to_entries[] | select(.key != "url") | "\(.key)=\(.value)\u0000"' "$payload")
		if [ -n "$rid" ]; then
			call resource_update "${args[@]}" --form-string "id=$rid" -F "upload=@$file"
		else
			call resource_create "${args[@]}" -F "upload=@$file"
		fi
	done
	echo "ckan-upload: $name: $nres files"
done
echo "ckan-upload: $ndatasets datasets sent to $CKAN_URL"

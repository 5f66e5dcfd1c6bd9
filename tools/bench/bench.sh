#!/usr/bin/env bash
# `make bench`: prongsai's PDF back end against the baselines of shared/bench/README.md.
#
# Measures, each BENCH_RUNS times (default 3), median wall seconds and median peak RSS:
#   prongsai      build/prongsai pdf content/cpi-committee/2566/plan.md
#   prongsai 10x  the same plan with its body repeated 10 times (items get unique {#ids})
#   weasyprint    pandoc -> HTML -> WeasyPrint on shared/bench/plan2566.md
#   xelatex       pandoc -> XeLaTeX on shared/bench/plan2566.md
#   weasyprint 10x  plan2566.md concatenated 10 times
#   floor         tools/bench/floor.c: one pango layout per text, drawn to a discarded PDF
# then prints a table, the ratios and whether each goal holds.
# Exit status: 0 unless prongsai itself fails; a failing baseline is reported and skipped.
#
# Environment: BENCH_RUNS (default 3), BENCH_INPUT (default ../shared/bench, else
# /work/shared/bench), BENCH_TIMEOUT seconds per baseline run (default 1200),
# PRONGSAI (default build/prongsai), PRONGSAI_PDF_ARGS (extra arguments to `pdf`, default none).
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 3

RUNS=${BENCH_RUNS:-3}
TIMEOUT=${BENCH_TIMEOUT:-1200}
PRONGSAI=${PRONGSAI:-build/prongsai}
read -r -a PDF_ARGS <<<"${PRONGSAI_PDF_ARGS:-}"
PLAN=content/cpi-committee/2566/plan.md
if [ -n "${BENCH_INPUT:-}" ]; then INPUT=$BENCH_INPUT
elif [ -f "$ROOT/../shared/bench/plan2566.md" ]; then INPUT=$(cd "$ROOT/../shared/bench" && pwd)
else INPUT=/work/shared/bench
fi
for f in plan2566.md style.css thai-xelatex.tex; do
	[ -f "$INPUT/$f" ] || { echo "bench: $INPUT/$f is missing (set BENCH_INPUT)" >&2; exit 3; }
done

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo

# ---------------------------------------------------------------- dependencies
# Only what is missing is installed, so a ready machine installs nothing.
TEX_FILES="scrartcl.cls fontspec.sty unicode-math.sty lmodern.sty geometry.sty longtable.sty
           booktabs.sty upquote.sty microtype.sty parskip.sty xcolor.sty hyperref.sty
           bookmark.sty xurl.sty footnotehyper.sty iftex.sty
           thai.ldf pzdr.tfm"  # thai.ldf: texlive-lang-other; pzdr.tfm: texlive-fonts-recommended
need=()
command -v pandoc >/dev/null || need+=(pandoc)
command -v weasyprint >/dev/null || need+=(weasyprint)
command -v xelatex >/dev/null || need+=(texlive-xetex)
command -v pdfinfo >/dev/null || need+=(poppler-utils)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v cc >/dev/null || need+=(build-essential)
pkg-config --exists pangocairo 2>/dev/null || need+=(libpango1.0-dev libcairo2-dev)
[ -x /usr/bin/time ] || need+=(time)
[ -n "$(fc-list :family=Laksaman 2>/dev/null)" ] || need+=(fonts-thai-tlwg)
tex_missing=0
if command -v kpsewhich >/dev/null; then
	for f in $TEX_FILES; do kpsewhich "$f" >/dev/null || tex_missing=1; done
else
	tex_missing=1
fi
[ "$tex_missing" = 1 ] && need+=(texlive-xetex texlive-lang-other lmodern texlive-latex-recommended
                                 texlive-latex-extra texlive-fonts-recommended)
if [ ${#need[@]} -gt 0 ]; then
	echo "bench: installing ${need[*]}"
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" \
		>/dev/null || echo "bench: apt-get install failed; going on with what is there" >&2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# ---------------------------------------------------------------- inputs
mkdir -p build/bench
# shellcheck disable=SC2046 # pkg-config output is meant to split into words
if ! cc -std=c17 -D_GNU_SOURCE -O2 -Wall -Wextra tools/bench/floor.c \
	$(pkg-config --cflags --libs pangocairo) -o build/bench/floor; then
	echo "bench: floor.c does not build" >&2
fi

# prongsai 10x: front matter, then the body 10 times; in copy N every heading of depth 2-5
# (the plan items) gets the explicit id {#copyN-K}, K counting that copy's item headings.
awk -v N=10 '
	d < 2 { if ($0 == "---") d++; head = head $0 "\n"; next }
	{ body[++nb] = $0 }
	END {
		printf "%s", head
		for (c = 1; c <= N; c++) {
			k = 0
			for (i = 1; i <= nb; i++) {
				l = body[i]
				if (l ~ /^(##|###|####|#####)[ \t]/) {
					sub(/[ \t]*\{#[A-Za-z0-9._-]*\}[ \t]*$/, "", l)
					l = l " {#copy" c "-" (++k) "}"
				}
				print l
			}
		}
	}' "$PLAN" >"$TMP/plan10.md"

for f in style.css thai-xelatex.tex plan2566.md; do cp "$INPUT/$f" "$TMP/"; done
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$INPUT/plan2566.md"; echo; done >"$TMP/plan2566x10.md"

# ---------------------------------------------------------------- measuring
# measure KEY DIR PDF CMD...: runs CMD in DIR $RUNS times under /usr/bin/time; sets
# T[KEY] (median wall s), M[KEY] (median peak RSS MB), P[KEY] (pages of PDF), ERR[KEY].
declare -A T M P ERR
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

measure() {
	local key=$1 dir=$2 pdf=$3; shift 3
	local i times=() rss=()
	case $pdf in /*) ;; *) pdf=$dir/$pdf ;; esac
	printf 'bench: %-16s' "$key" >&2
	for ((i = 1; i <= RUNS; i++)); do
		rm -f "$pdf"
		(cd "$dir" && /usr/bin/time -f '%e %M' -o "$TMP/time.$key" \
			timeout "$TIMEOUT" "$@") >"$TMP/out.$key" 2>"$TMP/err.$key"
		local rc=$?
		if [ $rc -ne 0 ]; then
			ERR[$key]="exit $rc: $(grep -v '^Command exited' "$TMP/err.$key" |
				grep -iE 'error|^!|fatal|exception|killed|not found|no such' | head -n 6)"
			[ -n "${ERR[$key]#exit $rc: }" ] || ERR[$key]="exit $rc: $(tail -n 6 "$TMP/err.$key")"
			echo " failed (exit $rc)" >&2
			return 1
		fi
		local t m
		read -r t m < <(grep -E '^[0-9.]+ [0-9]+$' "$TMP/time.$key" | tail -n 1)
		times+=("$t"); rss+=("$m")
		printf ' %ss' "$t" >&2
	done
	echo >&2
	T[$key]=$(printf '%s\n' "${times[@]}" | median)
	M[$key]=$(printf '%s\n' "${rss[@]}" | median | awk '{ printf "%.1f", $1 / 1024 }')
	P[$key]=$([ -f "$pdf" ] && pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	return 0
}

status=0
if [ ! -x "$PRONGSAI" ]; then
	ERR[prongsai]="$PRONGSAI is not built (make build)"; ERR[prongsai10]=${ERR[prongsai]}; status=1
else
	measure prongsai "$ROOT" "$TMP/prongsai.pdf" \
		"$PRONGSAI" pdf "$PLAN" -o "$TMP/prongsai.pdf" "${PDF_ARGS[@]}" || status=1
	if ! "$PRONGSAI" check "$TMP/plan10.md" >"$TMP/check10.log" 2>&1; then
		ERR[prongsai10]="check rejects the 10x plan: $(grep -m 6 'error' "$TMP/check10.log")"
		status=1
	else
		measure prongsai10 "$ROOT" "$TMP/prongsai10.pdf" \
			"$PRONGSAI" pdf "$TMP/plan10.md" -o "$TMP/prongsai10.pdf" "${PDF_ARGS[@]}" || status=1
	fi
fi
measure weasyprint "$TMP" plan.pdf sh -c \
	'pandoc -f markdown -s --css style.css plan2566.md -o plan.html && weasyprint plan.html plan.pdf'
measure xelatex "$TMP" plan-xe.pdf pandoc -f markdown --pdf-engine=xelatex -V mainfont=Laksaman \
	-V sansfont=Laksaman -V documentclass=scrartcl -V classoption=fontsize=16pt \
	-V geometry:a4paper,landscape,margin=15mm -H thai-xelatex.tex plan2566.md -o plan-xe.pdf
measure weasyprint10 "$TMP" plan10.pdf sh -c \
	'pandoc -f markdown -s --css style.css plan2566x10.md -o plan10.html && weasyprint plan10.html plan10.pdf'
if [ -x build/bench/floor ]; then
	measure floor "$TMP" none "$ROOT/build/bench/floor" plan2566.md
	build/bench/floor "$TMP/plan2566.md" "$TMP/floor.pdf" >/dev/null 2>&1 &&
		P[floor]=$(pdfinfo "$TMP/floor.pdf" | awk '/^Pages:/ { print $2 }')
else
	ERR[floor]="floor.c did not build"
fi

# ---------------------------------------------------------------- report
label() {
	case $1 in
	prongsai) echo "prongsai pdf (cpi-committee 2566)" ;;
	prongsai10) echo "prongsai pdf, same plan x10" ;;
	weasyprint) echo "pandoc -> HTML -> WeasyPrint" ;;
	xelatex) echo "pandoc -> XeLaTeX" ;;
	weasyprint10) echo "pandoc -> WeasyPrint, input x10" ;;
	floor) echo "floor: bare pango + cairo pass" ;;
	esac
}
# ratio A B: A/B to two decimals, or "n/a"
ratio() { awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }
# goal TEXT VALUE OP LIMIT
goal() {
	local text=$1 v=$2 op=$3 lim=$4 r
	if [ "$v" = n/a ]; then r="n/a "
	else r=$(awk -v v="$v" -v l="$lim" -v op="$op" 'BEGIN {
		ok = (op == ">=") ? v >= l : (op == "<=") ? v <= l : v < l; print ok ? "PASS" : "FAIL" }')
	fi
	printf '  %s  %-52s %s %s %s\n' "$r" "$text" "$v" "$op" "$lim"
}

echo
echo "prongsai bench — $(nproc) cores, median of $RUNS runs; input ${INPUT}"
printf '%-36s %10s %12s %7s\n' route "wall s" "peak RSS MB" pages
printf '%-36s %10s %12s %7s\n' ------------------------------------ ---------- ------------ -------
for k in prongsai prongsai10 weasyprint xelatex weasyprint10 floor; do
	if [ -n "${T[$k]:-}" ]; then
		printf '%-36s %10s %12s %7s\n' "$(label $k)" "${T[$k]}" "${M[$k]}" "${P[$k]:--}"
	else
		printf '%-36s %10s %12s %7s\n' "$(label $k)" failed - -
	fi
done
for k in prongsai prongsai10 weasyprint xelatex weasyprint10 floor; do
	[ -n "${ERR[$k]:-}" ] && printf '\n%s failed: %s\n' "$(label $k)" "${ERR[$k]}"
done

r_weasy=$(ratio "${T[weasyprint]:-}" "${T[prongsai]:-}")
r_xe=$(ratio "${T[xelatex]:-}" "${T[prongsai]:-}")
r_floor=$(ratio "${T[prongsai]:-}" "${T[floor]:-}")
r10_t=$(ratio "${T[prongsai10]:-}" "${T[prongsai]:-}")
r10_m=$(ratio "${M[prongsai10]:-}" "${M[prongsai]:-}")
w10_t=$(ratio "${T[weasyprint10]:-}" "${T[weasyprint]:-}")
w10_m=$(ratio "${M[weasyprint10]:-}" "${M[weasyprint]:-}")
echo
echo "ratios"
echo "  WeasyPrint / prongsai (time)      $r_weasy"
echo "  XeLaTeX / prongsai (time)         $r_xe"
echo "  prongsai / floor (time)           $r_floor"
echo "  prongsai 10x / 1x  time $r10_t, memory $r10_m"
echo "  WeasyPrint 10x / 1x  time $w10_t, memory $w10_m"
echo
echo "goals"
goal "prongsai at least 15x faster than WeasyPrint" "$r_weasy" ">=" 15
goal "prongsai at least 6x faster than XeLaTeX" "$r_xe" ">=" 6
goal "prongsai at most 2x the floor" "$r_floor" "<=" 2
goal "prongsai peak RSS under 64 MB" "${M[prongsai]:-n/a}" "<" 64
goal "10x input: at most 10x the time" "$r10_t" "<=" 10
goal "10x input: no more memory (10% noise allowed)" "$r10_m" "<=" 1.10

if [ $status -ne 0 ]; then
	echo
	echo "bench: prongsai failed" >&2
fi
exit $status

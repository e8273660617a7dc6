#!/usr/bin/env bash
# Import benchmark: a package of 10,000 activities, 3,000 meals and 1,000 notices imported with
# `kiosk-content import` into a data dir that holds the demo. Prints wall time and peak memory
# (maximum resident set size) of the median run. Targets: < 1 s and < 50 MB.
#
# Usage: bench/import_bench.sh BUILD_DIR [RUNS]
# Needs GNU time for the peak memory: apt-get install time
set -euo pipefail

BUILD_DIR=$(cd "${1:-build}" && pwd)
RUNS=${2:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
TOOL="$BUILD_DIR/kiosk-content"
if [[ ! -x /usr/bin/time ]]; then
    echo "GNU time is missing: apt-get install time" >&2
    exit 2
fi
[[ -x $TOOL ]] || { echo "no $TOOL: build first (cmake --build BUILD_DIR --target kiosk-content)" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 "$HERE/gen_import_package.py" "$WORK/pkg" --activities 10000 --meals 3000 --notices 1000
bytes=$(du -cb "$WORK"/pkg/*.csv | tail -1 | cut -f1)

results=()
for ((run = 1; run <= RUNS; run++)); do
    rm -rf "$WORK/data" && mkdir "$WORK/data"
    # Seeding the demo is not part of the import.
    "$TOOL" info --data-dir "$WORK/data" >/dev/null
    /usr/bin/time -v "$TOOL" import "$WORK/pkg" --data-dir "$WORK/data" --allow-unsigned >"$WORK/out" 2>"$WORK/time"
    grep -q "已更新：活动 10000 条、菜单 3000 条、通知 1000 条" "$WORK/out" || { cat "$WORK/out"; exit 1; }
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.3f", s }' "$WORK/time")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$WORK/time")
    results+=("$wall $rss")
    echo "run $run: ${wall} s, ${rss} MB peak RSS"
done

median=$(printf '%s\n' "${results[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")
read -r wall rss <<<"$median"
echo
echo "package: 10000 activities, 3000 meals, 1000 notices ($((bytes / 1024)) KiB of CSV)"
echo "median of $RUNS: wall ${wall} s (target < 1 s), peak RSS ${rss} MB (target < 50 MB)"
awk -v w="$wall" -v r="$rss" 'BEGIN { exit !(w < 1.0 && r < 50.0) }' && echo "within targets" || {
    echo "OUTSIDE TARGETS"
    exit 1
}

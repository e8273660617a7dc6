#!/usr/bin/env bash
# Fleet overview benchmark: `kiosk-content fleet` over 500 kiosks' status folders (status.json +
# a 480x270 screen.png each, gen_fleet.py), writing the HTML page with every thumbnail embedded.
# Prints the median wall time of RUNS runs beside a baseline, the bare I/O of the same folders
# (find + cat of every file), so the figure says what the command adds. Target: < 1 s.
#
# Usage: bench/fleet_bench.sh BUILD_DIR [COUNT] [RUNS]
set -euo pipefail

BUILD_DIR=$(cd "${1:-build}" && pwd)
COUNT=${2:-500}
RUNS=${3:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
TOOL="$BUILD_DIR/kiosk-content"
[[ -x $TOOL ]] || { echo "no $TOOL: build first" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "GNU time is missing: apt-get install time" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 "$HERE/gen_fleet.py" "$WORK/district" --count "$COUNT"
png_bytes=$(find "$WORK/district" -name screen.png -printf '%s\n' | awk '{ s += $1 } END { print s }')

seconds() { date +%s.%N; }
median() { sort -n | sed -n "$(((RUNS + 1) / 2))p"; }

walls=() bases=() cpus=()
for ((run = 1; run <= RUNS; run++)); do
    sync
    t0=$(seconds)
    find "$WORK/district" -type f -print0 | xargs -0 cat >/dev/null
    t1=$(seconds)
    set +e
    /usr/bin/time -f "%U %S" -o "$WORK/time" "$TOOL" fleet "$WORK/district" -o "$WORK/fleet.html" >"$WORK/out" 2>&1
    code=$?
    set -e
    t2=$(seconds)
    cpus+=("$(tail -1 "$WORK/time" | awk '{ printf "%.3f", $1 + $2 }')")
    [[ $code == 1 ]] || { echo "unexpected exit $code (the fleet has problems: 1)"; cat "$WORK/out"; exit 1; }
    lines=$(grep -c '  内容版本 ' "$WORK/out" || true)
    [[ $lines == "$COUNT" ]] || { echo "expected $COUNT kiosk lines, got $lines"; exit 1; }
    walls+=("$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.3f", b - a }')")
    bases+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
    echo "run $run: fleet ${walls[-1]} s (CPU ${cpus[-1]} s), baseline ${bases[-1]} s"
done
wall=$(printf '%s\n' "${walls[@]}" | median)
base=$(printf '%s\n' "${bases[@]}" | median)
cpu=$(printf '%s\n' "${cpus[@]}" | median)
html=$(stat -c %s "$WORK/fleet.html")
embedded=$(grep -o 'data:image/png;base64,' "$WORK/fleet.html" | wc -l)

echo
echo "kiosks: $COUNT (thumbnails $((png_bytes / 1024)) KiB in all); HTML $((html / 1024)) KiB with $embedded thumbnails embedded"
echo "$(tail -2 "$WORK/out" | head -1)"
printf '%-44s %8s\n' "median of $RUNS" "seconds"
printf '%-44s %8s\n' "baseline: find + cat of every file" "$base"
printf '%-44s %8s\n' "kiosk-content fleet (lines + HTML), wall" "$wall"
printf '%-44s %8s\n' "kiosk-content fleet, CPU (user + sys)" "$cpu"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
awk -v w="$wall" 'BEGIN { exit !(w < 1.0) }' && echo "within target (< 1 s)" || { echo "OUTSIDE TARGET (< 1 s)"; exit 1; }

#!/usr/bin/env bash
# `kiosk --screenshot` of the home screen, process start to exit, and the time from the window
# closing to the PNG being written (KIOSK_STARTUP_TRACE), median of N runs, for a build and a
# baseline build side by side, runs interleaved on one Xvfb display (1920x1080). Used to check
# the PNG encoder (platform/png.*) against the one before it.
# Usage: bench/screenshot_bench.sh BUILD_DIR BASELINE_BUILD_DIR [RUNS]
# Needs: apt-get install xvfb  (plus python3)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BUILD_DIR=${1:-}
BASE_DIR=${2:-}
RUNS=${3:-7}
[[ -n $BUILD_DIR && -n $BASE_DIR ]] || bench_usage 8
bench_require "Xvfb:xvfb" "python3:python3"
KIOSK=$(bench_find_exe "$BUILD_DIR" kiosk) || bench_die "no kiosk in $BUILD_DIR"
BASE=$(bench_find_exe "$BASE_DIR" kiosk) || bench_die "no kiosk in $BASE_DIR"

bench_setup screenshot
bench_start_xvfb 1920x1080x24
NOW=$(date +%Y-%m-%d)T09:00

# One run: prints "WALL TAIL BYTES" (seconds, seconds, PNG size).
shot() {
    local exe=$1 tag=$2 i=$3 png log t0 t1
    png="$BENCH_TMP/$tag-$i.png"
    log="$BENCH_TMP/$tag-$i.log"
    mkdir -p "$BENCH_TMP/data-$tag"
    t0=$EPOCHREALTIME
    KIOSK_STARTUP_TRACE=1 "$exe" --data-dir "$BENCH_TMP/data-$tag" --windowed 1920x1080 --now "$NOW" \
        --screen home --screenshot "$png" >/dev/null 2>"$log" </dev/null || { echo "fail fail 0"; return; }
    t1=$EPOCHREALTIME
    python3 - "$log" "$t0" "$t1" "$png" <<'PY'
import os, re, sys
log, t0, t1, png = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
at = {}
for line in open(log, errors="replace"):
    m = re.search(r"(\d+(?:\.\d+)?)\s*ms.*?(window closed|png written)", line) or \
        re.search(r"(window closed|png written).*?(\d+(?:\.\d+)?)\s*ms", line)
    if m:
        groups = m.groups()
        name = groups[1] if groups[0][0].isdigit() else groups[0]
        value = groups[0] if groups[0][0].isdigit() else groups[1]
        at[name] = float(value)
tail = (at["png written"] - at["window closed"]) / 1000 if len(at) == 2 else float("nan")
print(f"{t1 - t0:.3f} {tail:.3f} {os.path.getsize(png)}")
PY
}

new_wall=() new_tail=() base_wall=() base_tail=() new_bytes=0 base_bytes=0
shot "$KIOSK" new warm >/dev/null
shot "$BASE" base warm >/dev/null
for i in $(seq 1 "$RUNS"); do
    read -r w t b < <(shot "$BASE" base "$i"); base_wall+=("$w"); base_tail+=("$t"); base_bytes=$b
    read -r w t b < <(shot "$KIOSK" new "$i"); new_wall+=("$w"); new_tail+=("$t"); new_bytes=$b
done
load=$(cut -d' ' -f1 /proc/loadavg)
printf '%-44s %12s %12s\n' "home --screenshot 1920x1080, median of $RUNS" "baseline" "this build"
printf '%-44s %12s %12s\n' "start to exit (s)" "$(bench_median "${base_wall[@]}")" "$(bench_median "${new_wall[@]}")"
printf '%-44s %12s %12s\n' "window closed to PNG written (s)" "$(bench_median "${base_tail[@]}")" "$(bench_median "${new_tail[@]}")"
printf '%-44s %12s %12s\n' "PNG bytes" "$base_bytes" "$new_bytes"
printf 'load average at the end: %s on %s CPUs\n' "$load" "$(nproc)"

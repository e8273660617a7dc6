#!/usr/bin/env bash
# Frame times while scrolling the week view with 1,000 activities (target: p95 < 16 ms).
#
#   bench/scroll_bench.sh BUILD_DIR
#
# Seeds a temp data dir, imports a generated package of 1,000 activities in the current week
# (kiosk-content import PKG --data-dir DIR --allow-unsigned), starts the kiosk on one Xvfb
# (1920x1080x24, Mesa llvmpipe) with KIOSK_FRAME_LOG=FILE, flicks the list up and down through
# XTEST as a finger would, then reports p50/p95/p99/max of the frames that reached the screen
# while scrolling (layout-only passes of a picture already shown are left out).
#
# Frame times come from the app: with KIOSK_FRAME_LOG=FILE set, the kiosk appends one line per
# rendered frame, "WALL_MS START_S": the frame's wall time in milliseconds from the start of
# App::frame() to just after SDL_GL_SwapWindow, and its start on CLOCK_MONOTONIC.
#
# Env: BENCH_SCROLL (20 s of scrolling), BENCH_SETTLE (5 s), BENCH_COUNT (1000),
#      BENCH_NOW (this week's Monday T09:00), BENCH_SCREEN (activities), BENCH_KIOSK_ARGS (extra kiosk args),
#      BENCH_WEEK_TAP="X Y" (a tap that opens the week view, if the screen needs one),
#      BENCH_DRAG="X Y TOP BOTTOM" (where to drag: X Y TOP BOTTOM; default 1500 700 420 940: the list between the day tabs and 下面还有), BENCH_KEEP_TMP=1.
# Needs: apt-get install xvfb  (plus python3, libx11-6, libxtst6)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BUILD_DIR=${1:-}
[[ -n $BUILD_DIR ]] || bench_usage 20
SCROLL=${BENCH_SCROLL:-20}
SETTLE=${BENCH_SETTLE:-5}
COUNT=${BENCH_COUNT:-1000}
NOW=${BENCH_NOW:-$(bench_monday)}
SCREEN=${BENCH_SCREEN:-activities}

bench_require "Xvfb:xvfb" "python3:python3" "setsid:util-linux"
bench_executables "$BUILD_DIR"
bench_setup scroll
DATA="$BENCH_TMP/data" FRAMES="$BENCH_TMP/frames.log"
mkdir -p "$DATA"

bench_seed_week "$DATA" "$COUNT" "$NOW"
ROWS=$("$KCONTENT" info --data-dir "$DATA" | python3 -c 'import json,sys; print(json.load(sys.stdin)["rows"]["activities"])')
bench_log "store holds $ROWS activities"

bench_start_xvfb 1920x1080x24
: >"$FRAMES"
# shellcheck disable=SC2086
KIOSK_FRAME_LOG="$FRAMES" bench_start_kiosk "$BENCH_TMP/kiosk.log" "$SETTLE" "$KIOSK" --data-dir "$DATA" \
    --windowed 1920x1080 --now "$NOW" --screen "$SCREEN" ${BENCH_KIOSK_ARGS:-}
if [[ -n ${BENCH_WEEK_TAP:-} ]]; then
    # shellcheck disable=SC2086
    python3 "$BENCH_DIR/xdrive.py" tap $BENCH_WEEK_TAP
    sleep 1
fi
START_LINE=$(wc -l <"$FRAMES")
bench_log "scrolling for $SCROLL s (frames logged before: $START_LINE)"
# CPU of the kiosk while scrolling: CPU ms per frame does not depend on what else the machine runs.
python3 "$BENCH_DIR/proctree.py" cpu "$KPID" "$SCROLL" >"$BENCH_TMP/scroll-cpu.json" &
CPU_JOB=$!
# shellcheck disable=SC2086
GESTURES=$(python3 "$BENCH_DIR/xdrive.py" scroll "$SCROLL" ${BENCH_DRAG:-})
wait "$CPU_JOB" || true
SCROLL_CPU=$(cat "$BENCH_TMP/scroll-cpu.json")
# Let kinetic scrolling come to rest inside the measured span.
sleep 1.5
CPU=$(python3 "$BENCH_DIR/proctree.py" cpu "$KPID" 5)
bench_stop "$KPID"
cp "$BENCH_TMP/kiosk.log" "$OUT_DIR/scroll-kiosk.log"

if [[ ! -s $FRAMES ]]; then
    bench_log "no frame times in KIOSK_FRAME_LOG (see the header of $0)"
    echo "scroll: n/a (no frames logged)"
    exit 3
fi
SOURCE="the app's KIOSK_FRAME_LOG"
tail -n +"$((START_LINE + 1))" "$FRAMES" >"$BENCH_TMP/scroll-frames.txt"
cp "$BENCH_TMP/scroll-frames.txt" "$OUT_DIR/scroll-frames.txt"
STATS=$(python3 "$BENCH_DIR/frame_log.py" stats "$BENCH_TMP/scroll-frames.txt")
python3 - "$OUT_DIR/scroll.md" "$STATS" "$ROWS" "$SCROLL" "$GESTURES" "$CPU" "$SOURCE" "$(cut -d' ' -f1-3 /proc/loadavg)" "$SCROLL_CPU" <<'EOF'
import json, sys
out, stats, rows, secs, gestures, cpu, source, load, scroll_cpu = sys.argv[1:]
s = json.loads(stats)
ok = s["count"] > 0 and s["p95"] < 16.0
idle_after = json.loads(cpu)["tree"]
lines = [
    f"Week view, {rows} activities, {secs} s of flicks ({gestures} gestures), llvmpipe 1920x1080",
    f"frames that reached the screen while scrolling: {s['count']}",
    f"frame time ms: p50 {s['p50']}  p95 {s['p95']}  p99 {s['p99']}  max {s['max']}",
    f"target p95 < 16 ms: {'yes' if ok else 'NO'}",
    f"kiosk CPU while scrolling: {json.loads(scroll_cpu)['tree']} % of a core"
    + (f", about {json.loads(scroll_cpu)['tree'] * float(secs) * 10 / s['count']:.1f} ms of CPU per frame"
       if s["count"] else ""),
    f"CPU in the 5 s after scrolling stopped: {idle_after} % of a core",
    f"frame times from: {source}; load average at the end: {load}",
]
print("\n".join(lines))
with open(out, "w", encoding="utf-8") as f:
    f.write("# Scroll benchmark\n\n" + "\n".join(f"- {l}" for l in lines) + "\n")
EOF

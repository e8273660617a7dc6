#!/usr/bin/env bash
# screen.png frame cost: the kiosk on its activities screen (1,000 activities this week) at 1920x1080 under Xvfb + llvmpipe,
# two of its day tabs tapped in turn through XTEST (xdrive.py) so frames keep coming, RUN seconds without a status dir (no thumbnails:
# the baseline) and RUN seconds with --status-dir and KIOSK_THUMBNAIL_SECONDS=1 (a thumbnail
# every second instead of hourly). From KIOSK_FRAME_LOG: frame wall times p50/p95/max of each
# run (frames that reached the screen), and the worst of the frames that started or finished a
# read-back (1 in the log's fourth column).
#
# Usage: bench/thumbnail_frames_bench.sh BUILD_DIR [RUN_SECONDS]
set -euo pipefail
BUILD_DIR=$(cd "${1:-build}" && pwd)
RUN=${2:-20}
source "$(dirname "$0")/lib.sh"
bench_require Xvfb:xvfb python3:python3
KIOSK=$(bench_find_exe "$BUILD_DIR" kiosk) || bench_die "no kiosk in $BUILD_DIR: build first"
KCONTENT=$(bench_find_exe "$BUILD_DIR" kiosk-content) || bench_die "no kiosk-content in $BUILD_DIR: build first"
# As scroll_bench.sh: 1,000 activities this week, the station clock on Monday.
NOW=$(date -d "$(( ($(date +%u) - 1) )) days ago" +%Y-%m-%d)T09:00
BENCH_TMP=$(mktemp -d)
trap bench_cleanup EXIT
bench_start_xvfb 1920x1080x24

run() { # run NAME [kiosk options...]
    local name=$1
    shift
    rm -f "$BENCH_TMP/$name.log"
    KIOSK_FRAME_LOG="$BENCH_TMP/$name.log" KIOSK_THUMBNAIL_SECONDS=1 bench_spawn "$BENCH_TMP/$name.out" \
        "$KIOSK" --data-dir "$BENCH_TMP/data" --windowed 1920x1080 --now "$NOW" --screen activities --media-root "$BENCH_TMP/media" \
        --idle-warning 3600 --attract-after 7200 "$@"
    local pid=$BG_PID
    sleep 3
    kill -0 "$pid" 2>/dev/null || bench_die "kiosk exited: $(tail -5 "$BENCH_TMP/$name.out")"
    # Taps on two day tabs in turn: every tap changes the picture, so frames reach the screen.
    local end=$((SECONDS + RUN)) day=0
    while ((SECONDS < end)); do
        python3 "$BENCH_DIR/xdrive.py" tap $((190 + day * 260)) 245 >/dev/null
        day=$((1 - day))
        sleep 0.3
    done
    bench_stop "$pid"
}
mkdir -p "$BENCH_TMP/media" "$BENCH_TMP/data"
"$KCONTENT" info --data-dir "$BENCH_TMP/data" >/dev/null
python3 "$BENCH_DIR/gen_activities.py" "$BENCH_TMP/pkg" --count 1000 --week-of "${NOW%%T*}" >&2
"$KCONTENT" import "$BENCH_TMP/pkg" --data-dir "$BENCH_TMP/data" --allow-unsigned >/dev/null || bench_die "import failed"
# A first start seeds the data dir and the font atlas cache, so both runs start alike.
RUN_WANTED=$RUN RUN=2
run warmup
RUN=$RUN_WANTED
run baseline
run thumbnails --status-dir "$BENCH_TMP/status"
[[ -s $BENCH_TMP/status/screen.png ]] || bench_die "no screen.png was written"

python3 - "$BENCH_TMP/baseline.log" "$BENCH_TMP/thumbnails.log" "$BENCH_TMP/status/screen.png" <<'PY'
import statistics, struct, sys

def frames(path):
    rows = [line.split() for line in open(path) if line.strip()]
    # The first frames build the fonts and the first snapshot: not what is measured.
    rows = rows[3:]
    # Column 3 is 1 for a frame that reached the screen (rasterised and presented); the others
    # were layout passes of a picture already shown and cost ~0.1 ms.
    shown = [float(r[0]) for r in rows if len(r) < 3 or r[2] == "1"]
    return shown, [float(r[0]) for r in rows if len(r) > 3 and r[3] == "1"]

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")

base, _ = frames(sys.argv[1])
with_thumbs, marked = frames(sys.argv[2])
png = open(sys.argv[3], "rb").read()
width, height = struct.unpack(">II", png[16:24])
print(f"screen.png: {width}x{height}, {len(png) // 1024} KiB")

def row(name, values):
    if not values:
        print(f"{name:<40} {0:>6} {'n/a':>7} {'n/a':>7} {'n/a':>7}")
        return
    print(f"{name:<40} {len(values):>6} {pct(values, 50):>7.1f} {pct(values, 95):>7.1f} {max(values):>7.1f}")

print(f"{'frames (wall ms, from KIOSK_FRAME_LOG)':<40} {'count':>6} {'p50':>7} {'p95':>7} {'max':>7}")
row("baseline: frames that reached the screen", base)
row("thumbnails on: frames that reached it", with_thumbs)
row("thumbnails on: frames that made one", marked)
worst = f"{max(marked):.1f} ms" if marked else "n/a"
print(f"worst frame while a thumbnail is made: {worst}")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

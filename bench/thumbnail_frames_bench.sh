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
bench_executables "$BUILD_DIR"
# As scroll_bench.sh: 1,000 activities this week, the station clock on Monday.
NOW=$(bench_monday)
bench_setup thumbnail-frames
bench_start_xvfb 1920x1080x24

run() { # run NAME [kiosk options...]
    local name=$1
    shift
    rm -f "$BENCH_TMP/$name.log"
    KIOSK_FRAME_LOG="$BENCH_TMP/$name.log" KIOSK_THUMBNAIL_SECONDS=1 bench_start_kiosk "$BENCH_TMP/$name.out" 3 \
        "$KIOSK" --data-dir "$BENCH_TMP/data" --windowed 1920x1080 --now "$NOW" --screen activities --media-root "$BENCH_TMP/media" \
        --idle-warning 3600 --attract-after 7200 "$@"
    # Taps on two day tabs in turn: every tap changes the picture, so frames reach the screen.
    local end=$((SECONDS + RUN)) day=0
    while ((SECONDS < end)); do
        python3 "$BENCH_DIR/xdrive.py" tap $((190 + day * 260)) 245 >/dev/null
        day=$((1 - day))
        sleep 0.3
    done
    bench_stop "$KPID"
}
mkdir -p "$BENCH_TMP/media" "$BENCH_TMP/data"
bench_seed_week "$BENCH_TMP/data" 1000 "$NOW"
# A first start seeds the data dir and the font atlas cache, so both runs start alike.
RUN_WANTED=$RUN RUN=2
run warmup
RUN=$RUN_WANTED
run baseline
run thumbnails --status-dir "$BENCH_TMP/status"
[[ -s $BENCH_TMP/status/screen.png ]] || bench_die "no screen.png was written"

PYTHONPATH=$BENCH_DIR python3 - "$BENCH_TMP/baseline.log" "$BENCH_TMP/thumbnails.log" "$BENCH_TMP/status/screen.png" <<'PY'
import struct, sys
from frame_log import percentile as pct, read

def frames(path):
    # The first frames build the fonts and the first snapshot: not what is measured. Frames not
    # shown were layout passes of a picture already on the screen and cost ~0.1 ms.
    log = read(path, skip=3)
    return [f.wall_ms for f in log if f.shown], [f.wall_ms for f in log if f.readback]

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

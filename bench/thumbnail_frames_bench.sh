#!/usr/bin/env bash
# screen.png frame cost: the kiosk on its activities screen at 1920x1080 under Xvfb + llvmpipe,
# its list flicked through XTEST (xdrive.py) so frames keep coming, RUN seconds without a status dir (no thumbnails:
# the baseline) and RUN seconds with --status-dir and KIOSK_THUMBNAIL_SECONDS=1 (a thumbnail
# every second instead of hourly). From KIOSK_FRAME_LOG: frame wall times p50/p95/max of each
# run, and the worst of the frames that started or finished a read-back (marked "thumbnail").
#
# Usage: bench/thumbnail_frames_bench.sh BUILD_DIR [RUN_SECONDS]
set -euo pipefail
BUILD_DIR=$(cd "${1:-build}" && pwd)
RUN=${2:-20}
source "$(dirname "$0")/lib.sh"
bench_require Xvfb:xvfb python3:python3
KIOSK=$(bench_find_exe "$BUILD_DIR" kiosk) || bench_die "no kiosk in $BUILD_DIR: build first"
BENCH_TMP=$(mktemp -d)
trap bench_cleanup EXIT
bench_start_xvfb 1920x1080x24

run() { # run NAME [kiosk options...]
    local name=$1
    shift
    rm -f "$BENCH_TMP/$name.log"
    KIOSK_FRAME_LOG="$BENCH_TMP/$name.log" KIOSK_THUMBNAIL_SECONDS=1 bench_spawn "$BENCH_TMP/$name.out" \
        "$KIOSK" --data-dir "$BENCH_TMP/data" --windowed 1920x1080 --screen activities --media-root "$BENCH_TMP/media" \
        --idle-warning 3600 --attract-after 7200 "$@"
    local pid=$BG_PID
    sleep 3
    kill -0 "$pid" 2>/dev/null || bench_die "kiosk exited: $(tail -5 "$BENCH_TMP/$name.out")"
    python3 "$BENCH_DIR/xdrive.py" scroll "$RUN" >/dev/null
    bench_stop "$pid"
}
mkdir -p "$BENCH_TMP/media"
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
    return [float(r[0]) for r in rows], [float(r[0]) for r in rows if "thumbnail" in r[2:]]

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")

base, _ = frames(sys.argv[1])
with_thumbs, marked = frames(sys.argv[2])
png = open(sys.argv[3], "rb").read()
width, height = struct.unpack(">II", png[16:24])
print(f"screen.png: {width}x{height}, {len(png) // 1024} KiB")
print(f"{'run':<34} {'frames':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
print(f"{'baseline (no thumbnails)':<34} {len(base):>6} {pct(base, 50):>7.1f} {pct(base, 95):>7.1f} {max(base):>7.1f}")
print(f"{'thumbnail every 1 s, all frames':<34} {len(with_thumbs):>6} {pct(with_thumbs, 50):>7.1f} "
      f"{pct(with_thumbs, 95):>7.1f} {max(with_thumbs):>7.1f}")
if marked:
    print(f"{'  frames that made a thumbnail':<34} {len(marked):>6} {pct(marked, 50):>7.1f} {pct(marked, 95):>7.1f} "
          f"{max(marked):>7.1f}")
print(f"worst frame while a thumbnail is made: {max(marked) if marked else float('nan'):.1f} ms "
      f"(baseline worst frame {max(base):.1f} ms)")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

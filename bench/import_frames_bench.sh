#!/usr/bin/env bash
# Frame times while a big signed package is imported through the drop folder of a running kiosk
# (target: no frame over 50 ms because of the import; imports run on the update worker thread).
#
#   bench/import_frames_bench.sh BUILD_DIR
#
# Seeds a temp data dir with 1,000 activities this week (so the list scrolls), trusts a fresh
# key, generates the import package (bench/gen_import_package.py: 10,000 activities, 3,000 meals,
# 1,000 notices) and signs it. Starts the kiosk on one Xvfb (1920x1080x24, llvmpipe) on the
# activities screen with --drop-dir, --status-dir and KIOSK_FRAME_LOG, flicks the list through
# XTEST the whole time so frames keep coming, and moves the package into the drop folder
# (copied beside it, then renamed in: one atomic step) a few seconds in. Reports:
#   - time to apply: rename into the drop folder → status.json shows the package's version
#     (includes the drop watcher's 1 s quiet period, polled every 20 ms);
#   - frames drawn from the drop until 2 s after the apply: their max and p95 wall time and the
#     longest gap between the end of one frame and the start of the next (a main-thread stall
#     outside a frame shows there), beside the same figures for the frames before the drop.
#
# Env: BENCH_SCROLL (30 s), BENCH_SETTLE (5 s), BENCH_DROP_AT (6 s into the scrolling),
#      BENCH_ACTIVITIES (10000), BENCH_NOW (this week's Monday T09:00), BENCH_KEEP_TMP=1.
# Needs: apt-get install xvfb  (plus python3, libx11-6, libxtst6)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BUILD_DIR=${1:-}
[[ -n $BUILD_DIR ]] || bench_usage 21
SCROLL=${BENCH_SCROLL:-30}
SETTLE=${BENCH_SETTLE:-5}
DROP_AT=${BENCH_DROP_AT:-6}
ACTIVITIES=${BENCH_ACTIVITIES:-10000}
NOW=${BENCH_NOW:-$(bench_monday)}
VERSION=209901010900

bench_require "Xvfb:xvfb" "python3:python3" "setsid:util-linux"
bench_executables "$BUILD_DIR"
bench_setup import-frames
DATA="$BENCH_TMP/data" DROP="$BENCH_TMP/drop" STATUS="$BENCH_TMP/status" MEDIA="$BENCH_TMP/media"
FRAMES="$BENCH_TMP/frames.log" PKG="$BENCH_TMP/staging/pkg-big"
mkdir -p "$DATA" "$DROP" "$STATUS" "$MEDIA" "$BENCH_TMP/staging"

# A list long enough to scroll for the whole run.
bench_seed_week "$DATA" 1000 "$NOW"

# The district office's key; the big package signed with it.
"$KCONTENT" keygen -p "$BENCH_TMP/office.pub" -s "$BENCH_TMP/office.key" >/dev/null
"$KCONTENT" trust "$BENCH_TMP/office.pub" --data-dir "$DATA" >/dev/null
python3 "$BENCH_DIR/gen_import_package.py" "$PKG" --activities "$ACTIVITIES" --meals 3000 --notices 1000
"$KCONTENT" sign "$PKG" --key "$BENCH_TMP/office.key" --version "$VERSION" >/dev/null
bytes=$(du -cb "$PKG"/*.csv | tail -1 | cut -f1)
# Beside the drop folder on the same file system, so the move into it is one rename.
mkdir -p "$DROP/../drop-staging" && cp -r "$PKG" "$DROP/../drop-staging/"

bench_start_xvfb 1920x1080x24
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$FRAMES"
KIOSK_FRAME_LOG="$FRAMES" bench_start_kiosk "$BENCH_TMP/kiosk.log" "$SETTLE" "$KIOSK" --data-dir "$DATA" \
    --drop-dir "$DROP" --media-root "$MEDIA" --status-dir "$STATUS" --windowed 1920x1080 --now "$NOW" --screen activities

bench_log "scrolling for $SCROLL s; the package goes into the drop folder after $DROP_AT s"
python3 "$BENCH_DIR/xdrive.py" scroll "$SCROLL" >"$BENCH_TMP/gestures" &
SCROLL_JOB=$!
# Drop, then wait for status.json to name the version; both times on CLOCK_MONOTONIC, the
# clock of the frame log's second column.
python3 - "$DROP/../drop-staging/pkg-big" "$DROP/pkg-big" "$STATUS/status.json" "$VERSION" "$DROP_AT" \
    >"$BENCH_TMP/apply.json" <<'EOF'
import json, os, sys, time
src, dst, status, version, delay = sys.argv[1:]
time.sleep(float(delay))
dropped = time.monotonic()
os.rename(src, dst)
applied = None
while time.monotonic() - dropped < 120:
    try:
        with open(status, encoding="utf-8") as f:
            if str(json.load(f).get("content_version")) == version:
                applied = time.monotonic()
                break
    except (OSError, ValueError):
        pass
    time.sleep(0.02)
print(json.dumps({"dropped": dropped, "applied": applied}))
EOF
wait "$SCROLL_JOB" || true
sleep 1
bench_stop "$KPID"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
cp "$BENCH_TMP/kiosk.log" "$OUT_DIR/import-frames-kiosk.log"
cp "$FRAMES" "$OUT_DIR/import-frames.txt"

PYTHONPATH=$BENCH_DIR python3 - "$OUT_DIR/import-frames.md" "$FRAMES" "$BENCH_TMP/apply.json" "$ACTIVITIES" "$bytes" \
    "$LOAD_START" "$LOAD_END" "$(cat "$BENCH_TMP/gestures" 2>/dev/null || echo '?')" <<'EOF'
import json, sys
import frame_log
out, frames_path, apply_path, activities, nbytes, load0, load1, gestures = sys.argv[1:]
times = json.load(open(apply_path))
frames = [f for f in frame_log.read(frames_path) if f.start_s is not None]
if not frames:
    sys.exit("no frames with start times in the log: the kiosk's KIOSK_FRAME_LOG needs its second column")

def window(lo, hi):
    # Gaps between any two passes of the loop (a main-thread stall shows there); frame times of
    # the frames that reached the screen (a layout-only pass costs ~0.1 ms and says nothing).
    sel = [f for f in frames if lo <= f.start_s <= hi]
    gaps = [b.start_s - (a.start_s + a.wall_ms / 1000) for a, b in zip(sel, sel[1:])]
    ms = [f.wall_ms for f in sel if f.shown]
    return {"frames": len(ms), "max": max(ms) if ms else float("nan"), "p95": frame_log.percentile(ms, 95),
            "gap": max(gaps) * 1000 if gaps else float("nan")}

dropped, applied = times["dropped"], times["applied"]
first = frames[0].start_s
before = window(first + 2, dropped)
during = window(dropped, (applied or dropped + 60) + 2)
ok = applied is not None and during["max"] <= 50 and during["gap"] <= 50
lines = [
    f"Package: {activities} activities, 3000 meals, 1000 notices ({int(nbytes) // 1024} KiB of CSV), signed, "
    f"moved into the drop folder while the week view scrolled ({gestures} flicks), llvmpipe 1920x1080",
    "time to apply (drop → status.json shows the version, includes the 1 s quiet period): "
    + (f"{applied - dropped:.2f} s" if applied else "NOT APPLIED within 120 s"),
    f"frames before the drop: {before['frames']}, max {before['max']:.1f} ms, p95 {before['p95']:.1f} ms, "
    f"longest gap between frames {before['gap']:.1f} ms",
    f"frames from the drop to 2 s after the apply: {during['frames']}, max {during['max']:.1f} ms, "
    f"p95 {during['p95']:.1f} ms, longest gap between frames {during['gap']:.1f} ms",
    f"target (no frame and no gap over 50 ms during the import): {'yes' if ok else 'NO'}",
    f"load average {load0} at start, {load1} at end",
]
print("\n".join(lines))
with open(out, "w", encoding="utf-8") as f:
    f.write("# Import while rendering\n\n" + "\n".join(f"- {l}" for l in lines) + "\n")
EOF

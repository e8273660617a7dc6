#!/usr/bin/env bash
# Input latency: from a finger's release to the screen showing the answer (target p99 ≤ 100 ms).
#
#   bench/input_latency.sh BUILD_DIR [BASELINE_BUILD_DIR]
#
# Starts the kiosk (1920x1080 window on one Xvfb, Mesa llvmpipe, --now fixed on a Wednesday) on
# 活动安排 and taps the week tabs 周四 and 周五 in turn through XTEST (xdrive.py latency: press,
# 80 ms, release), BENCH_TAPS times (40). After each release it reads the tapped tab's pixel
# back from the X server every 2 ms until it turns the selected navy: that is the moment the
# answer is on the screen, whichever frame drew it — measured from outside, so it counts a
# frame that drew the old picture as no answer. A tap whose answer did not show within
# BENCH_TIMEOUT_MS (2000) counts as lost (its time as the timeout, so p99 says so).
# From the app's KIOSK_FRAME_LOG the bench also reports the end of the first frame that reached
# the screen after each release (column 3 = 1; older builds log only shown frames), which is
# where a build's pacing *thinks* the answer is.
# With BASELINE_BUILD_DIR (e.g. a build of the landed main) both run one after the other on the
# same display and the figures are printed side by side.
#
# Env: BENCH_TAPS (40), BENCH_TIMEOUT_MS (2000), BENCH_SETTLE (4 s), BENCH_KEEP_TMP=1.
# Needs: apt-get install xvfb python3 libx11-6 libxtst6
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BUILD_DIR=${1:-}
BASE_DIR=${2:-}
[[ -n $BUILD_DIR ]] || bench_usage 22
TAPS=${BENCH_TAPS:-40}
TIMEOUT=${BENCH_TIMEOUT_MS:-2000}
SETTLE=${BENCH_SETTLE:-4}

bench_require "Xvfb:xvfb" "python3:python3" "setsid:util-linux"
bench_setup latency
bench_start_xvfb 1920x1080x24

# The 1920x1080 landscape layout: where to tap 周四 / 周五, and a point of each tab off its words.
NAVY=29,78,137
TARGETS=(959 264 859 215 $NAVY 1225 264 1125 215 $NAVY)

# run_one LABEL BUILD: taps a fresh kiosk of BUILD; leaves $BENCH_TMP/LABEL.taps and .frames.
run_one() {
    local label=$1 build=$2 kiosk data frames
    kiosk=$(bench_find_exe "$build" kiosk) || bench_die "no kiosk executable under $build (build it first)"
    data="$BENCH_TMP/$label-data" frames="$BENCH_TMP/$label.frames"
    mkdir -p "$data"
    : >"$frames"
    KIOSK_FRAME_LOG="$frames" bench_start_kiosk "$BENCH_TMP/$label.log" "$SETTLE" "$kiosk" --data-dir "$data" \
        --windowed 1920x1080 --now 2026-06-03T10:15 --screen activities
    bench_log "$label: $TAPS taps on the week tabs"
    python3 "$BENCH_DIR/xdrive.py" latency "$TAPS" "$TIMEOUT" "${TARGETS[@]}" >"$BENCH_TMP/$label.taps"
    bench_stop "$KPID"
}

run_one kiosk "$BUILD_DIR"
[[ -n $BASE_DIR ]] && run_one baseline "$BASE_DIR"

PYTHONPATH=$BENCH_DIR python3 - "$OUT_DIR/input-latency.md" "$BENCH_TMP" "$TIMEOUT" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$BUILD_DIR" "$BASE_DIR" <<'EOF'
import json, os, sys
from frame_log import percentile as pct, read
out, tmp, timeout, load, build, base = sys.argv[1:]
timeout = float(timeout)

def side(label):
    taps_path = os.path.join(tmp, label + ".taps")
    if not os.path.exists(taps_path):
        return None
    taps = [json.loads(l) for l in open(taps_path) if l.strip()]
    shown, first_frame = [], []
    # The end of each frame that reached the screen (s).
    frames = sorted(f.start_s + f.wall_ms / 1000 for f in read(os.path.join(tmp, label + ".frames"))
                    if f.start_s is not None and f.shown)
    lost = 0
    for t in taps:
        if t["ms"] is None:
            lost += 1
            shown.append(timeout)
        else:
            shown.append(t["ms"])
        after = [f for f in frames if f >= t["released"]]
        if after:
            first_frame.append((after[0] - t["released"]) * 1000)
    return {
        "taps": len(taps), "lost": lost,
        "p50": pct(shown, 50), "p99": pct(shown, 99), "max": max(shown) if shown else float("nan"),
        "frame_p50": pct(first_frame, 50), "frame_p99": pct(first_frame, 99),
    }

sides = [("kiosk (" + build + ")", side("kiosk"))]
if base:
    sides.append(("baseline (" + base + ")", side("baseline")))
rows = [
    ("taps", "taps", "{:.0f}"),
    ("no answer within %.0f ms" % timeout, "lost", "{:.0f}"),
    ("release → answer on screen, p50 ms", "p50", "{:.1f}"),
    ("release → answer on screen, p99 ms", "p99", "{:.1f}"),
    ("release → answer on screen, max ms", "max", "{:.1f}"),
    ("release → end of the next shown frame, p50 ms", "frame_p50", "{:.1f}"),
    ("release → end of the next shown frame, p99 ms", "frame_p99", "{:.1f}"),
]
head = "| figure | " + " | ".join(name for name, _ in sides) + " |"
lines = [head, "|---" * (len(sides) + 1) + "|"]
for title, key, fmt in rows:
    lines.append("| " + title + " | " + " | ".join(fmt.format(s[key]) if s else "n/a" for _, s in sides) + " |")
k = sides[0][1]
verdict = "target p99 ≤ 100 ms: " + ("yes" if k and k["lost"] == 0 and k["p99"] <= 100 else "NO")
text = "\n".join(lines + ["", verdict, "load average at the end: " + load])
print(text)
with open(out, "w", encoding="utf-8") as f:
    f.write("# Input latency\n\nWeek tabs on 活动安排, 1920x1080, llvmpipe.\n\n" + text + "\n")
EOF

#!/usr/bin/env bash
# First sound after a tap on 朗读: the real kiosk under Xvfb with SDL's disk audio driver, home's
# 朗读 tapped N times (default 5); the kiosk (KIOSK_SPEECH_TRACE) prints how many ms passed
# from the request to the first audible sample handed to SDL audio. Target ≤ 300 ms.
# Also the PSS of the kiosk with the speech engine loaded (after the first utterance).
# Usage: bench/speech_latency.sh BUILD_DIR [N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ -n ${1:-} ]] || bench_usage 6
runs=${2:-5}
bench_require "Xvfb:xvfb" "xdotool:xdotool" "setsid:util-linux"
bench_executables "$1"
bench_setup speech
tmp=$BENCH_TMP
bench_start_xvfb 1920x1080x24
mkdir -p "$tmp/data"
: >"$tmp/frames.log"
KIOSK_SPEECH_TRACE=1 SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$tmp/audio.raw KIOSK_FRAME_LOG=$tmp/frames.log \
    bench_start_kiosk "$tmp/kiosk.log" 0 "$KIOSK" --data-dir "$tmp/data" --windowed 1920x1080 \
    --now 2026-06-03T10:15 --screen home
child=$KPID
for _ in $(seq 150); do [ -s "$tmp/frames.log" ] && break; sleep 0.1; done
sleep 1
for _ in $(seq "$runs"); do
    # 朗读, two seconds of speech, 停止; the trace line comes when an utterance ends, so let the
    # last one play out.
    xdotool mousemove 1107 98 click 1
    sleep 2.5
    xdotool mousemove 1107 98 click 1
    sleep 0.5
done
xdotool mousemove 1107 98 click 1
for _ in $(seq 60); do grep -q "first sound" "$tmp/kiosk.log" && break; sleep 1; done
pss=$(awk '/^Pss:/ {s += $2} END {printf "%.1f", s / 1024}' /proc/"$child"/smaps 2>/dev/null || echo "?")
grep -o "first sound [0-9.]* ms" "$tmp/kiosk.log" | awk '{print $3}' | sort -n >"$tmp/ms"
n=$(wc -l <"$tmp/ms")
[ "$n" -gt 0 ] || { echo "no measurement (see the kiosk log)"; tail "$tmp/kiosk.log"; exit 1; }
median=$(sed -n "$(((n + 1) / 2))p" "$tmp/ms")
worst=$(tail -1 "$tmp/ms")
printf "%-46s %10s %10s\n" "figure (1920x1080, disk audio, Xvfb)" "kiosk" "target"
printf "%-46s %7s ms %10s\n" "speech first sound after 朗读, median of $n" "$median" "<= 300 ms"
printf "%-46s %7s ms\n" "speech first sound, worst" "$worst"
printf "%-46s %7s MB\n" "kiosk PSS with the speech engine loaded" "$pss"

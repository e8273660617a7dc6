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
mkdir -p "$tmp/data"
bench_start_speaking_kiosk home
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
pss=$(bench_pss "$KPID")
bench_first_sounds >"$tmp/ms"
n=$(wc -l <"$tmp/ms")
[ "$n" -gt 0 ] || { echo "no measurement (see the kiosk log)"; tail "$tmp/kiosk.log"; exit 1; }
median=$(bench_middle "$tmp/ms")
worst=$(bench_worst "$tmp/ms")
printf "%-46s %10s %10s\n" "figure (1920x1080, disk audio, Xvfb)" "kiosk" "target"
printf "%-46s %7s ms %10s\n" "speech first sound after 朗读, median of $n" "$median" "<= 300 ms"
printf "%-46s %7s ms\n" "speech first sound, worst" "$worst"
printf "%-46s %7s MB\n" "kiosk PSS with the speech engine loaded" "$pss"

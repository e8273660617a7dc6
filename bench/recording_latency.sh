#!/usr/bin/env bash
# First sound after a tap on 朗读 when the guide page has a recording (录音), beside synthesis on
# the same page: the real kiosk under Xvfb with SDL's disk audio driver, a package whose guide
# row names a 19 MB WAV (9.9 min, the largest a package may carry: the kiosk reads it from its
# store file and decodes it as it plays), 朗读 tapped N times (default 5) on that page and on a
# page without one. The kiosk (KIOSK_SPEECH_TRACE) prints the ms from the request to the first
# audible sample handed to SDL audio. Target ≤ 300 ms, as for speech. Also the kiosk's PSS while
# the recording plays.
# Usage: bench/recording_latency.sh BUILD_DIR [N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ -n ${1:-} ]] || bench_usage 9
runs=${2:-5}
bench_require "Xvfb:xvfb" "xdotool:xdotool" "setsid:util-linux"
bench_executables "$1"
bench_setup recording
tmp=$BENCH_TMP

pkg=$tmp/pkg
mkdir -p "$pkg" "$tmp/data"
python3 - "$pkg/反诈提醒.wav" <<'PY'
import sys, wave, struct
rate = 16000
period = rate // 440
one = struct.pack("<" + "h" * period, *([8000] * (period // 2) + [-8000] * (period - period // 2)))
with wave.open(sys.argv[1], "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(rate)
    for _ in range(int(9.9 * 60)):
        w.writeframes(one * (rate // period))
PY
printf '序号,标题,识破,应对,录音\n1,冒充公检法,公检法不会电话办案,挂断后拨打110,反诈提醒.wav\n2,冒充客服,客服不会要验证码,挂断后拨打官方电话,\n' >"$pkg/guide.csv"
"$KCONTENT" import "$pkg" --data-dir "$tmp/data" --allow-unsigned >/dev/null

bench_start_speaking_kiosk guide
speak() { xdotool mousemove 1750 232 click 1; }
next_page() { xdotool mousemove 1700 980 click 1; }
# runs LABEL: N taps on 朗读, each stopped after 1.5 s (the trace line comes when it is stopped);
# PSS is taken while the recording plays.
runs() {
    for _ in $(seq "$runs"); do
        speak
        sleep 1.5
        [ "$1" = recording ] && pss=$(bench_pss "$KPID")
        speak
        sleep 0.5
    done
}
pss=?
runs recording
next_page
sleep 1
runs speech
sleep 1
bench_first_sounds >"$tmp/all.ms"
head -n "$runs" "$tmp/all.ms" >"$tmp/recording.ms"
tail -n +"$((runs + 1))" "$tmp/all.ms" >"$tmp/speech.ms"
printf "%-52s %10s %10s %10s\n" "figure (1920x1080, disk audio, Xvfb)" "recording" "speech" "target"
printf "%-52s %7s ms %7s ms %10s\n" "first sound after 朗读, median of $runs" "$(bench_middle "$tmp/recording.ms")" \
    "$(bench_middle "$tmp/speech.ms")" "<= 300 ms"
printf "%-52s %7s ms %7s ms\n" "first sound, worst" "$(bench_worst "$tmp/recording.ms")" "$(bench_worst "$tmp/speech.ms")"
printf "%-52s %7s MB\n" "kiosk PSS while the 19 MB recording plays" "$pss"

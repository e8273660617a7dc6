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

bench_start_xvfb 1920x1080x24
: >"$tmp/frames.log"
KIOSK_SPEECH_TRACE=1 SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$tmp/audio.raw KIOSK_FRAME_LOG=$tmp/frames.log \
    bench_start_kiosk "$tmp/kiosk.log" 0 "$KIOSK" --data-dir "$tmp/data" --windowed 1920x1080 \
    --now 2026-06-03T10:15 --screen guide
child=$KPID
for _ in $(seq 150); do [ -s "$tmp/frames.log" ] && break; sleep 0.1; done
sleep 1
speak() { xdotool mousemove 1750 232 click 1; }
next_page() { xdotool mousemove 1700 980 click 1; }
# runs LABEL: N taps on 朗读, each stopped after 1.5 s (the trace line comes when it is stopped);
# PSS is taken while the recording plays.
runs() {
    for _ in $(seq "$runs"); do
        speak
        sleep 1.5
        [ "$1" = recording ] && pss=$(awk '/^Pss:/ {s += $2} END {printf "%.1f", s / 1024}' /proc/"$child"/smaps 2>/dev/null || echo "?")
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
grep -ao "first sound [0-9.]* ms" "$tmp/kiosk.log" | awk '{print $3}' >"$tmp/all.ms"
head -n "$runs" "$tmp/all.ms" >"$tmp/recording.ms"
tail -n +"$((runs + 1))" "$tmp/all.ms" >"$tmp/speech.ms"
median() { sort -n "$1" | awk '{a[NR]=$1} END {if (NR) print a[int((NR + 1) / 2)]; else print "n/a"}'; }
worst() { sort -n "$1" | tail -1; }
printf "%-52s %10s %10s %10s\n" "figure (1920x1080, disk audio, Xvfb)" "recording" "speech" "target"
printf "%-52s %7s ms %7s ms %10s\n" "first sound after 朗读, median of $runs" "$(median "$tmp/recording.ms")" \
    "$(median "$tmp/speech.ms")" "<= 300 ms"
printf "%-52s %7s ms %7s ms\n" "first sound, worst" "$(worst "$tmp/recording.ms")" "$(worst "$tmp/speech.ms")"
printf "%-52s %7s MB\n" "kiosk PSS while the 19 MB recording plays" "$pss"

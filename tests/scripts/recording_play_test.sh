#!/usr/bin/env bash
# Recordings (录音) end to end with the real programs: `kiosk-content check` names a missing
# recording at its row and column and exits 1; a package whose guide row names a WAV (a 880 Hz
# tone of 4.0 s, 44.1 kHz stereo, made here with Python's wave), dropped into the running
# kiosk's drop folder, applies; under Xvfb (SDL's disk audio driver) a tap on the guide page's
# 朗读 plays that recording, not synthesis: the audio captured is 4.0 s of sound at 880 Hz (zero
# crossings) at the staff volume; a tap on 停止 cuts a second play short; it plays with no voice
# installed too (an empty ESPEAK_DATA_PATH); `info` counts it and
# `export` writes it back beside the sheets. The 朗读 button's place is that of the 1920x1080
# landscape guide page.
# Usage: recording_play_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "$0")/kiosk.sh" "$@"
need Xvfb xdotool python3

# --- check: a missing recording is an error of its row and column, exit 1.
pkg=$tmp/pkg
mkdir -p "$pkg"
printf '序号,标题,骗术,识破,应对,录音\n1,冒充公检法,对方说您涉嫌洗钱,公检法不会电话办案,挂断后拨打110,反诈提醒.wav\n' >"$pkg/guide.csv"
set +e
out=$("$tool" check "$pkg" 2>&1)
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "check of a package missing its recording exited $rc, want 1"
grep -qF 'guide.csv:2:录音: 找不到录音文件“反诈提醒.wav”（应与表格放在同一个文件夹里）' <<<"$out" ||
    fail "check did not name the missing recording: $out"
echo "check names the missing recording: ok"

# --- the recording: 4.0 s of 880 Hz, stereo 44.1 kHz (the kiosk converts it to its device format).
python3 - "$pkg/反诈提醒.wav" <<'PY'
import math, struct, sys, wave
rate, seconds, hz = 44100, 4.0, 880.0
with wave.open(sys.argv[1], "wb") as w:
    w.setnchannels(2)
    w.setsampwidth(2)
    w.setframerate(rate)
    frames = bytearray()
    for i in range(int(rate * seconds)):
        s = int(16000 * math.sin(2 * math.pi * hz * i / rate))
        frames += struct.pack("<hh", s, s)
    w.writeframes(bytes(frames))
PY
"$tool" check "$pkg" >"$tmp/check.log" 2>&1 || fail "check of the whole package failed: $(cat "$tmp/check.log")"

# --- the running kiosk takes it from its drop folder (the store then holds the recording; the
# staged copy it came from is gone) and plays it.
start_xvfb 1920x1080x24
export LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe
data=$tmp/data drop=$tmp/drop status=$tmp/status
mkdir -p "$data" "$drop" "$status"
audio=$tmp/audio.raw
SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$audio start_kiosk --data-dir "$data" --drop-dir "$drop" --allow-unsigned \
    --status-dir "$status" --windowed 1920x1080 --now 2026-06-03T10:15 --screen guide
wait_first_frame
up() { [ -n "$(status_field "$status/status.json" content_version)" ]; }
wait_for 20 "status.json" up
first=$(status_field "$status/status.json" content_version)
cp -r "$pkg" "$tmp/landing"
mv "$tmp/landing" "$drop/录音包"
applied() { [ "$(status_field "$status/status.json" content_version)" != "$first" ]; }
wait_for 30 "the drop package to apply" applied
[ "$(status_field "$status/status.json" last_import.ok)" = True ] || fail "the drop import failed"
sleep 1
"$tool" info --data-dir "$data" | grep -q '"recordings": 1' || fail "info does not count the recording"

# --- export writes it back, byte for byte, and the sheet names it.
"$tool" export --data-dir "$data" -o "$tmp/export" >/dev/null || fail "export failed"
cmp -s "$pkg/反诈提醒.wav" "$tmp/export/反诈提醒.wav" || fail "export did not write the recording back unchanged"
grep -q '反诈提醒.wav' "$tmp/export/guide.csv" || fail "exported guide.csv does not name the recording"

tap_speak() { tap 1750 232; }
bytes() { stat -c %s "$audio" 2>/dev/null || echo 0; }
wait_silent() {
    local last=-1 now
    for _ in $(seq 40); do
        now=$(bytes)
        [ "$now" -eq "$last" ] && return 0
        last=$now
        sleep 0.5
    done
}
# Seconds of sound, its frequency by zero crossings and its peak, in the disk file (mono
# 16 bit at 22050 Hz, as the engine opens the device).
measure() {
    python3 - "$audio" <<'PY'
import array, sys
data = open(sys.argv[1], "rb").read()
s = array.array("h", data[: len(data) // 2 * 2])
loud = [i for i, v in enumerate(s) if abs(v) > 1000]
if not loud:
    print("0 0 0"); sys.exit()
a, b = loud[0], loud[-1]
part = s[a : b + 1]
crossings = sum(1 for x, y in zip(part, part[1:]) if (x < 0) != (y < 0))
seconds = len(part) / 22050
print("%.3f %.1f %d" % (seconds, crossings / 2 / seconds, max(abs(v) for v in part)))
PY
}

# play_recording WHEN: taps 朗读 and checks that what plays to its end is the recording, 4.0 s
# at 880 Hz; leaves its figures in $seconds, $hz and $peak.
play_recording() {
    tap_speak
    sleep 1.5
    [ "$(bytes)" -gt 0 ] || fail "$1: no audio 1.5 s after tapping 朗读 (wrong place, or no sound)"
    wait_silent
    read -r seconds hz peak <<<"$(measure)"
    echo "played $1: ${seconds}s at ${hz} Hz, peak $peak"
    python3 -c "import sys; s,h=map(float,sys.argv[1:3]); sys.exit(0 if abs(s-4.0)<0.1 and abs(h-880)<15 else 1)" \
        "$seconds" "$hz" || fail "$1: the audio is not the recording (want 4.0 s at 880 Hz; synthesis instead?)"
}

play_recording "with the voice"
# The staff volume (85 % by default) applies: 16000 × 0.85 = 13600.
python3 -c "import sys; p=int(sys.argv[1]); sys.exit(0 if 12600<p<14400 else 1)" "$peak" ||
    fail "peak $peak is not the recording at the staff volume (want about 13600)"

# 停止 during a second play (the disk driver starts its file afresh when the device opens): the
# file stops growing well short of another 4 s.
tap_speak
sleep 1.5
tap_speak
sleep 0.6
after=$(bytes)
sleep 1.5
[ "$(bytes)" -eq "$after" ] || fail "audio still growing after 停止 ($after -> $(bytes) bytes)"
read -r seconds hz peak <<<"$(measure)"
echo "stopped: ${seconds}s"
python3 -c "import sys; sys.exit(0 if 0.5 < float(sys.argv[1]) < 3.0 else 1)" "$seconds" ||
    fail "停止 did not cut the recording short: ${seconds}s"
kill -0 "$child" 2>/dev/null || fail "kiosk died"

# --- without a voice (espeak-ng finds no data in an empty ESPEAK_DATA_PATH) the sound device
# still works: the guide page's 朗读 is there and plays its recording.
mkdir -p "$tmp/no-voice"
rm -f "$audio"
SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$audio ESPEAK_DATA_PATH=$tmp/no-voice start_kiosk --data-dir "$data" \
    --status-dir "$status" --windowed 1920x1080 --now 2026-06-03T10:15 --screen guide
wait_first_frame
no_voice() { grep -q "朗读不可用" "$tmp/kiosk.log"; }
wait_for 10 "the kiosk to find it has no voice" no_voice
sleep 0.5
play_recording "without a voice"
kiosk_ends_cleanly
echo "recording play: all checks passed"

#!/usr/bin/env bash
# 朗读 in the real kiosk (own Xvfb, 1920x1080, a fixed clock), heard through SDL's disk audio
# driver: a tap on home's 朗读 button produces non-silent audio of a plausible length; a tap
# on 停止 ends it (the audio file stops growing and holds less than the whole summary); a
# --screenshot of home shows the station's QR code, which zbarimg decodes to station.csv's
# 二维码, and one of contacts shows contacts.csv's 二维码 beside its entry. The 朗读 button's
# place is that of the 1920x1080 landscape home.
# Usage: speech_tap_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "$0")/kiosk.sh" "$@"
need Xvfb xdotool zbarimg python3

start_xvfb 1920x1080x24
export LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe
data=$tmp/data
mkdir -p "$data"

# The QR code on home decodes to the station's 二维码.
"$kiosk" --data-dir "$data" --windowed 1920x1080 --now 2026-06-03T10:15 --screen home \
    --screenshot "$tmp/home.png" >"$tmp/shot.log" 2>&1 || fail "screenshot failed"
"$tool" export --data-dir "$data" -o "$tmp/export" >/dev/null
want=$(grep '^二维码,' "$tmp/export/station.csv" | cut -d, -f2- | tr -d '\r')
[ -n "$want" ] || fail "the demo station has no 二维码"
got=$(zbarimg -q --raw "$tmp/home.png" 2>/dev/null || true)
[ "$got" = "$want" ] || fail "QR on home reads '$got', want '$want'"
echo "QR on home: $got"

# The contacts entry with a 二维码 shows it beside the entry, and it decodes to that column.
"$kiosk" --data-dir "$data" --windowed 1920x1080 --now 2026-06-03T10:15 --screen contacts \
    --screenshot "$tmp/contacts.png" >"$tmp/shot.log" 2>&1 || fail "contacts screenshot failed"
want=$(python3 -c 'import csv,sys; print(next(r["二维码"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")) if r.get("二维码")))' \
    "$tmp/export/contacts.csv") || fail "the demo contacts have no 二维码"
got=$(zbarimg -q --raw "$tmp/contacts.png" 2>/dev/null || true)
[ "$got" = "$want" ] || fail "QR on contacts reads '$got', want '$want'"
echo "QR on contacts: $got"

audio=$tmp/audio.raw
start_speaking_kiosk() {
    SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$audio start_kiosk --data-dir "$data" --windowed 1920x1080 \
        --now 2026-06-03T10:15 --screen home
    wait_first_frame
}
tap_speak() { tap 1107 98; }
bytes() { stat -c %s "$audio" 2>/dev/null || echo 0; }
# Seconds of audible sound in the disk file (mono 16 bit at 22050 Hz, as the engine opens it).
audible_seconds() {
    python3 - "$audio" <<'PY'
import sys, array, os
data = open(sys.argv[1], 'rb').read() if os.path.exists(sys.argv[1]) else b''
samples = array.array('h', data[: len(data) // 2 * 2])
print("%.2f" % (sum(1 for s in samples if abs(s) > 1000) / 22050))
PY
}

start_speaking_kiosk
# The whole summary, played to its end: the file grows while it speaks, then stops.
tap_speak
sleep 2
[ "$(bytes)" -gt 0 ] || fail "no audio 2 s after tapping 朗读"
last=-1
for _ in $(seq 90); do
    now=$(bytes)
    [ "$now" -eq "$last" ] && break
    last=$now
    sleep 1
done
full=$(audible_seconds)
full_bytes=$(bytes)
echo "whole summary: ${full}s audible, $((full_bytes / 44100))s of audio"
python3 -c "import sys; sys.exit(0 if 3 <= float(sys.argv[1]) <= 80 else 1)" "$full" ||
    fail "implausible speech: ${full}s audible"

# 停止 after two seconds: the device closes and the file stops growing, far short of the whole.
tap_speak
sleep 2
tap_speak
sleep 0.6
after=$(bytes)
sleep 1.5
[ "$(bytes)" -eq "$after" ] || fail "audio still growing after 停止 ($after -> $(bytes) bytes)"
stopped=$(audible_seconds)
echo "stopped after 2 s: ${stopped}s audible"
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) * 0.6 else 1)" "$stopped" "$full" ||
    fail "停止 did not cut it short: ${stopped}s of ${full}s"
kill -0 "$child" 2>/dev/null || fail "kiosk died"
echo "speech tap: all checks passed"

#!/usr/bin/env bash
# Outside the station's hours the real kiosk goes black and draws nothing, switches the
# backlight off, and a click wakes it. The demo station opens 每天 8:00—17:30, so at 03:00 the
# screen is off by its 开放时间; `--screen-off HH:MM-HH:MM` covering --now does the same, and
# `--screen-off off` keeps it on. The backlight is a fake sysfs folder (KIOSK_BACKLIGHT_DIR).
# Usage: screen_off_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "$0")/kiosk.sh" "$@"
need Xvfb xdotool import convert identify
# Every check is made; the failures are counted and the log shown at the end.
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

start_xvfb 1024x768x24
mkdir -p "$tmp/data" "$tmp/backlight/panel"
frames() { if [ -f "$tmp/frames.log" ]; then wc -l <"$tmp/frames.log"; else echo 0; fi; }
bl_power() { cat "$tmp/backlight/panel/bl_power"; }
# colours: how many colours the window (the root of the X server) shows now.
colours() { import -window root "$tmp/shot.png" 2>/dev/null && identify -format '%k' "$tmp/shot.png"; }

# run_kiosk ARGS...: a windowed kiosk logging its frames (at 03:00 unless ARGS say --now);
# waits for its first frame.
run_kiosk() {
    echo 0 >"$tmp/backlight/panel/bl_power"
    KIOSK_BACKLIGHT_DIR=$tmp/backlight start_kiosk --data-dir "$tmp/data" --windowed 1024x768 \
        --now 2026-06-03T03:00 "$@"
    for _ in $(seq 100); do [ "$(frames)" -ge 1 ] && break; sleep 0.1; done
    [ "$(frames)" -ge 1 ] || { cat "$tmp/kiosk.log" >&2; fail "no first frame"; }
    sleep 1
}

# check_off WHAT: black, backlight off, and no frame over 4 s.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$child/stat"; }
check_off() {
    local before after n cpu0 cpu1
    before=$(frames)
    cpu0=$(cpu_ticks)
    sleep 4
    cpu1=$(cpu_ticks)
    after=$(frames)
    echo "$1: $((cpu1 - cpu0)) CPU ticks ($(getconf CLK_TCK)/s) in 4 s while off"
    [ $((cpu1 - cpu0)) -le 8 ] || fail "$1: $((cpu1 - cpu0)) CPU ticks in 4 s while off"
    [ "$after" -eq "$before" ] || fail "$1: $((after - before)) frames drawn in 4 s while off"
    n=$(colours)
    [ "$n" -eq 1 ] || fail "$1: the screen shows $n colours, not black"
    convert "$tmp/shot.png" -format '%[fx:maxima]' info: | grep -qx 0 || fail "$1: the screen is not black"
    [ "$(bl_power)" = 4 ] || fail "$1: backlight bl_power is $(bl_power), not 4 (off)"
}

# Off by the demo station's hours; a click wakes it: frames, a drawn screen, the backlight on.
run_kiosk
check_off "station hours"
before=$(frames)
xdotool mousemove 512 384 click 1
sleep 1.5
[ "$(frames)" -gt "$before" ] || fail "a click drew no frame"
n=$(colours)
[ "$n" -gt 20 ] || fail "after a click the screen shows $n colours"
[ "$(bl_power)" = 0 ] || fail "after a click the backlight bl_power is $(bl_power), not 0"
stop_kiosk
[ "$(bl_power)" = 0 ] || fail "the kiosk left the backlight off at exit"

# A window given on the command line, and screen-off turned off.
run_kiosk --screen-off 02:00-04:00
check_off "--screen-off 02:00-04:00"
stop_kiosk
run_kiosk --screen-off off
n=$(colours)
[ "$n" -gt 20 ] || fail "--screen-off off: the screen shows $n colours"
[ "$(bl_power)" = 0 ] || fail "--screen-off off: backlight switched off"
stop_kiosk

# 18:00, the hour after closing: not off, and home gives way to the night clock (dark), not
# the carousel (bright), although the --night hours (22:00-06:00) have not begun.
run_kiosk --now 2026-06-03T18:00 --attract-after 10
sleep 11
n=$(colours)
mean=$(convert "$tmp/shot.png" -format '%[fx:mean]' info:)
[[ $n -gt 20 ]] || fail "18:00: the screen shows $n colours (off in the hour after closing?)"
awk -v m="$mean" 'BEGIN { exit !(m < 0.08) }' || fail "18:00: mean brightness $mean: not the night clock"
[ "$(bl_power)" = 0 ] || fail "18:00: backlight switched off"
stop_kiosk

if [ $failures -ne 0 ]; then
    cat "$tmp/kiosk.log" >&2
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "screen_off_test: ok"

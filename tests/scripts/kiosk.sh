# Sourced by the script tests that run the real kiosk (not a test itself): the opening lines each
# of them would otherwise repeat. `source "$(dirname "$0")/kiosk.sh" "$@"` (BUILD_DIR SOURCE_DIR)
# sets build, source_dir, kiosk and tool (absolute paths) and tmp (a scratch dir), and traps EXIT
# so that on every exit the kiosk ($child), the extra processes and Xvfb are ended and tmp removed.
# xvfb.sh's start_xvfb is sourced with it.
# shellcheck source=tests/scripts/xvfb.sh
source "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"

build=$(cd "$1" && pwd)
source_dir=$(cd "${2:-$(dirname "${BASH_SOURCE[0]}")/../..}" && pwd)
kiosk=$build/kiosk
tool=$build/kiosk-content
tmp=$(mktemp -d)
child=
# Other processes a test starts (Syncthing, …): ended by TERM, then KILL, before the kiosk.
extra_pids=()
# Commands run first on exit (unmounts, …), in the order given.
exit_hooks=()

# on_exit CMD: CMD (a string, run with eval) is run first when the test exits, however it exits;
# $exit_status holds the test's exit status then.
on_exit() { exit_hooks+=("$1"); }

# end_process PID: TERM, up to 10 s to go, then KILL; reaps it.
end_process() {
    kill -TERM "$1" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# stop_kiosk: ends the kiosk started by start_kiosk, if any.
stop_kiosk() {
    if [ -n "$child" ]; then end_process "$child"; fi
    child=
}

kiosk_test_cleanup() {
    exit_status=$?
    local hook pid
    for hook in "${exit_hooks[@]}"; do eval "$hook" || true; done
    stop_kiosk
    for pid in "${extra_pids[@]}"; do end_process "$pid"; done
    stop_xvfb
    rm -rf "$tmp"
}
trap kiosk_test_cleanup EXIT

# fail MSG: says FAIL and why, shows the end of every log in tmp, exits 1. A test that counts
# its failures instead redefines it after sourcing this file.
fail() {
    local log
    echo "FAIL: $*" >&2
    for log in "$tmp"/*.log; do [ -s "$log" ] && { echo "--- $log"; tail -n 20 "$log"; } >&2; done
    exit 1
}

# need CMD...: SKIP (exit 0) unless every command is installed.
need() {
    local cmd
    for cmd in "$@"; do
        if ! command -v "$cmd" >/dev/null; then
            echo "SKIP: $cmd is not installed"
            exit 0
        fi
    done
}

# need_chi_sim: SKIP (exit 0) unless tesseract reads simplified Chinese.
need_chi_sim() {
    need tesseract
    if ! tesseract --list-langs 2>/dev/null | grep -qx chi_sim; then
        echo "SKIP: tesseract has no chi_sim"
        exit 0
    fi
}

# start_kiosk ARGS...: a fresh kiosk with ARGS in the background ($child), on $DISPLAY, output
# appended to $tmp/kiosk.log, frame times in $tmp/frames.log (KIOSK_FRAME_LOG). Variables put
# before the call (VAR=x start_kiosk …) reach the kiosk. Returns at once; see wait_first_frame.
# A kiosk on the real clock (no --now) would turn its screen off outside the demo station's
# opening hours and show the night clock at night: tests that read its screen pass "${awake[@]}"
# so they pass at whatever hour they run.
awake=(--screen-off off --night off)

start_kiosk() {
    stop_kiosk
    : >"$tmp/frames.log"
    KIOSK_FRAME_LOG=$tmp/frames.log "$kiosk" "$@" >>"$tmp/kiosk.log" 2>&1 &
    child=$!
}

# wait_first_frame: back once the kiosk has drawn its first frame (at most 15 s) and 1 s more, so
# that the start-up frames (fonts, layout) are done and the first input does not race them.
wait_first_frame() {
    for _ in $(seq 150); do
        [ -s "$tmp/frames.log" ] && break
        kill -0 "$child" 2>/dev/null || fail "the kiosk exited"
        sleep 0.1
    done
    [ -s "$tmp/frames.log" ] || fail "the kiosk drew no frame in 15 s"
    sleep 1
}

# kiosk_ends_cleanly: SIGTERM ends the kiosk with exit status 0.
kiosk_ends_cleanly() {
    local rc=0
    kill -TERM "$child"
    wait "$child" || rc=$?
    child=
    [ "$rc" -eq 0 ] || fail "the kiosk exited with $rc after SIGTERM"
}

# wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND until it succeeds; fails on time-out or
# when the kiosk ($child, if one runs) ends meanwhile.
wait_for() {
    local seconds=$1 what=$2
    shift 2
    local end=$((SECONDS + seconds))
    while [ $SECONDS -lt $end ]; do
        if "$@"; then return 0; fi
        if [ -n "$child" ] && ! kill -0 "$child" 2>/dev/null; then fail "the kiosk ended while waiting for $what"; fi
        sleep 0.2
    done
    fail "timed out after ${seconds} s waiting for $what"
}

# status_field FILE KEY.PATH: a value of a status.json, or empty while it is missing or half-written.
status_field() {
    python3 - "$1" "$2" <<'PY' 2>/dev/null || true
import json, sys
try:
    with open(sys.argv[1], encoding="utf-8") as f:
        value = json.load(f)
    for key in sys.argv[2].split("."):
        value = value[key]
    print(value)
except Exception:
    pass
PY
}

# tap X Y: one click of the first button at (X, Y) of the X screen.
tap() { xdotool mousemove "$1" "$2" click 1; }

# ocr PNG: the Chinese text tesseract reads in PNG, without white space.
ocr_png() { tesseract "$1" - -l chi_sim 2>/dev/null | tr -d ' \n\t'; }

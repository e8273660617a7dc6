# Sourced by the script tests (not a test itself): one private X server for the script.
# start_xvfb WxHxD starts Xvfb on a free display, sets XVFB_PID and exports DISPLAY; the caller's
# cleanup ends it with stop_xvfb. Needs $tmp (a scratch dir) and a fail function.

XVFB_PID=

start_xvfb() {
    Xvfb -displayfd 3 -screen 0 "$1" -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
    XVFB_PID=$!
    for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
    [ -s "$tmp/display" ] || { cat "$tmp/xvfb.log"; fail "Xvfb did not start"; }
    export DISPLAY=:$(cat "$tmp/display")
}

stop_xvfb() {
    if [ -n "$XVFB_PID" ]; then kill -TERM "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true; fi
}

# Shared helpers for the bench scripts (sourced, not run). Bash.
# Every process started through these helpers is remembered by id and ended by bench_cleanup.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BENCH_PIDS=()
BENCH_TMP=""
XVFB_PID=""

bench_log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
bench_die() { bench_log "error: $*"; exit 2; }

# Tells what to install when a tool is missing; exits when a required one is absent.
bench_require() {
    local missing=() tool pkg
    for pair in "$@"; do
        tool=${pair%%:*} pkg=${pair#*:}
        command -v "$tool" >/dev/null 2>&1 || missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        bench_die "missing: ${missing[*]} — install with: apt-get install ${missing[*]}"
    fi
}

# The kiosk and kiosk-content executables of a build dir (empty when not built yet).
bench_find_exe() {
    local build=$1 name=$2 c
    for c in "$build/$name" "$build/bin/$name" "$build/kiosk/$name" "$build/content/$name" \
             "$build/tool/$name"; do
        if [[ -f $c && -x $c ]]; then
            printf '%s\n' "$(cd "$(dirname "$c")" && pwd)/$(basename "$c")"
            return 0
        fi
    done
    return 1
}

# Starts one Xvfb at 1920x1080x24 on the first free display from :91; sets DISPLAY, XVFB_PID.
bench_start_xvfb() {
    local size=${1:-1920x1080x24} n
    for n in $(seq 91 140); do
        [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] && continue
        Xvfb ":$n" -screen 0 "$size" -nolisten tcp -noreset >"$BENCH_TMP/xvfb.log" 2>&1 &
        XVFB_PID=$!
        BENCH_PIDS+=("$XVFB_PID")
        for _ in $(seq 1 50); do
            [[ -e /tmp/.X11-unix/X$n ]] && { export DISPLAY=":$n"; bench_log "Xvfb $DISPLAY ($size)"; return 0; }
            kill -0 "$XVFB_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill "$XVFB_PID" 2>/dev/null || true
    done
    bench_die "could not start Xvfb (see $BENCH_TMP/xvfb.log)"
}

# Runs "$@" in the background in its own session so its whole tree can be ended; sets BG_PID.
bench_spawn() {
    local log=$1; shift
    setsid "$@" >"$log" 2>&1 </dev/null &
    BG_PID=$!
    BENCH_PIDS+=("$BG_PID")
}

# Ends the process group started by bench_spawn (TERM, then KILL after a grace period).
bench_stop() {
    local pid=$1 i
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

bench_cleanup() {
    local pid
    for pid in "${BENCH_PIDS[@]}"; do
        [[ $pid == "$XVFB_PID" ]] && continue
        kill -0 "$pid" 2>/dev/null && bench_stop "$pid"
    done
    if [[ -n $XVFB_PID ]] && kill -0 "$XVFB_PID" 2>/dev/null; then
        kill -TERM "$XVFB_PID" 2>/dev/null || true
        wait "$XVFB_PID" 2>/dev/null || true
    fi
    if [[ -n $BENCH_TMP && -d $BENCH_TMP && -z ${BENCH_KEEP_TMP:-} ]]; then
        rm -rf "$BENCH_TMP"
    fi
}

# Wall time of a command from start to exit, in seconds (bash 5 EPOCHREALTIME).
bench_time() {
    local t0 t1
    t0=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 </dev/null || { echo "fail"; return 0; }
    t1=$EPOCHREALTIME
    python3 -c "print(f'{$t1 - $t0:.3f}')"
}

bench_median() { python3 -c 'import statistics,sys; v=[float(x) for x in sys.argv[1:] if x!="fail"]; print(f"{statistics.median(v):.3f}" if v else "n/a")' "$@"; }

# bench_usage LAST: prints the calling script's header comment (lines 2 to LAST), exits 2.
bench_usage() { sed -n "2,${1}p" "$0" | sed 's/^# \{0,1\}//'; exit 2; }

# bench_setup NAME: the scratch dir BENCH_TMP (/tmp/kiosk-NAME.XXXXXX), removed with every
# process started here on exit or ^C; OUT_DIR (bench/out) made; Mesa's software GL renderer.
bench_setup() {
    BENCH_TMP=$(mktemp -d "/tmp/kiosk-$1.XXXXXX")
    trap bench_cleanup EXIT
    trap 'exit 130' INT TERM
    OUT_DIR="$BENCH_DIR/out"
    mkdir -p "$OUT_DIR"
    export LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe
}

# bench_executables BUILD_DIR: sets KIOSK and KCONTENT, or ends the bench when one is not built.
bench_executables() {
    KIOSK=$(bench_find_exe "$1" kiosk) || bench_die "no kiosk executable under $1 (build it first)"
    KCONTENT=$(bench_find_exe "$1" kiosk-content) || bench_die "no kiosk-content under $1 (build it first)"
}

# bench_monday: this week's Monday at 09:00, so "this week" and "the next seven days" agree.
bench_monday() { echo "$(date -d "$(($(date +%u) - 1)) days ago" +%Y-%m-%d)T09:00"; }

# bench_seed_week DATA_DIR COUNT NOW: a data dir seeded with the demo, then COUNT generated
# activities in NOW's week imported over it (unsigned, at the console).
bench_seed_week() {
    "$KCONTENT" info --data-dir "$1" >/dev/null || bench_die "kiosk-content info failed"
    python3 "$BENCH_DIR/gen_activities.py" "$BENCH_TMP/week-$2" --count "$2" --week-of "${3%%T*}" >&2
    "$KCONTENT" import "$BENCH_TMP/week-$2" --data-dir "$1" --allow-unsigned >/dev/null ||
        bench_die "the package of $2 activities was rejected"
}

# bench_start_kiosk LOG SETTLE COMMAND...: COMMAND (the kiosk) as bench_spawn starts it, given
# SETTLE seconds; sets KPID; ends the bench when the kiosk did not live that long.
bench_start_kiosk() {
    local log=$1 settle=$2
    shift 2
    bench_spawn "$log" "$@"
    KPID=$BG_PID
    sleep "$settle"
    kill -0 "$KPID" 2>/dev/null || bench_die "kiosk exited: $(tail -5 "$log")"
}

# bench_start_speaking_kiosk SCREEN: an Xvfb (1920x1080x24) and the kiosk on it showing SCREEN,
# on the data dir $BENCH_TMP/data at --now 2026-06-03T10:15, with SDL's disk audio driver and
# KIOSK_SPEECH_TRACE (a "first sound N ms" line in $BENCH_TMP/kiosk.log per utterance); sets
# KPID, and returns once the first frame is drawn and a second more has passed.
bench_start_speaking_kiosk() {
    bench_start_xvfb 1920x1080x24
    : >"$BENCH_TMP/frames.log"
    KIOSK_SPEECH_TRACE=1 SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$BENCH_TMP/audio.raw \
        KIOSK_FRAME_LOG=$BENCH_TMP/frames.log bench_start_kiosk "$BENCH_TMP/kiosk.log" 0 "$KIOSK" \
        --data-dir "$BENCH_TMP/data" --windowed 1920x1080 --now 2026-06-03T10:15 --screen "$1"
    for _ in $(seq 150); do [ -s "$BENCH_TMP/frames.log" ] && break; sleep 0.1; done
    sleep 1
}

# bench_first_sounds: the ms of each "first sound" line in $BENCH_TMP/kiosk.log, as logged.
bench_first_sounds() { grep -ao "first sound [0-9.]* ms" "$BENCH_TMP/kiosk.log" | awk '{print $3}'; }

# bench_pss PID: the process's PSS in MB, "?" when it cannot be read.
bench_pss() { awk '/^Pss:/ {s += $2} END {printf "%.1f", s / 1024}' /proc/"$1"/smaps 2>/dev/null || echo "?"; }

# bench_middle FILE / bench_worst FILE: the middle (of an even count the lower) and the largest
# of the figures in FILE, one a line; "n/a" / "" for none.
bench_middle() { sort -n "$1" | awk '{a[NR]=$1} END {if (NR) print a[int((NR + 1) / 2)]; else print "n/a"}'; }
bench_worst() { sort -n "$1" | tail -1; }

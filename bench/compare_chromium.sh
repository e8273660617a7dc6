#!/usr/bin/env bash
# Side-by-side benchmark: the kiosk against Chromium's kiosk mode showing the same station content,
# on one Xvfb display (1920x1080x24) with Mesa's software renderer (llvmpipe).
#
#   bench/compare_chromium.sh BUILD_DIR
#
# Measures, one program at a time so the X server's share can be told apart:
#   1. PSS of the process tree after settling on the home screen
#   2. idle CPU on home (ticking clock), % of one core; the X server's CPU is shown beside it
#   3. CPU in attract mode (kiosk --screen attract / a CSS fade carousel, slide every 8 s)
#   4. screenshot of home, process start to exit, median of N runs
#   5. the kiosk's font atlases: the largest and their glyph texture memory (from its stderr)
# and prints figure | kiosk | chromium | ratio | target met?, also written to bench/out/results.md.
#
# Env: BENCH_SETTLE (10 s), BENCH_IDLE (55 s: long enough to hold one minute tick of the clock),
#      BENCH_ATTRACT (30 s after 5 s: four slide changes), BENCH_SHOT_RUNS (5), BENCH_NOW (today T09:00),
#      BENCH_HOME_TAP ("700 130"; "" for none),
#      BENCH_SHEETS (use these sheets instead of exporting; kiosk half skipped if not built),
#      BENCH_KEEP_TMP=1 keeps the temp dir, CHROMIUM (chromium), CHROMIUM_EXTRA_FLAGS.
# Needs: apt-get install chromium xvfb time sysstat  (plus python3)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BUILD_DIR=${1:-}
[[ -n $BUILD_DIR ]] || bench_usage 22
SETTLE=${BENCH_SETTLE:-10}
IDLE=${BENCH_IDLE:-55}
ATTRACT=${BENCH_ATTRACT:-30}
SHOT_RUNS=${BENCH_SHOT_RUNS:-5}
NOW=${BENCH_NOW:-$(date +%Y-%m-%d)T09:00}
CHROMIUM=${CHROMIUM:-chromium}
# Inert text on both home screens (the welcome line) for the keep-home tap; empty: no tap.
HOME_TAP=${BENCH_HOME_TAP-700 130}

bench_require "Xvfb:xvfb" "$CHROMIUM:chromium" "python3:python3" "setsid:util-linux"
command -v pidstat >/dev/null || bench_log "note: pidstat not found (apt-get install sysstat); /proc is read directly instead"

KIOSK=$(bench_find_exe "$BUILD_DIR" kiosk || true)
KCONTENT=$(bench_find_exe "$BUILD_DIR" kiosk-content || true)
if [[ -z $KIOSK ]]; then
    bench_log "no kiosk executable under $BUILD_DIR yet: measuring Chromium only"
    bench_log "  (build: cmake -S $(dirname "$BENCH_DIR") -B $BUILD_DIR -G Ninja && cmake --build $BUILD_DIR)"
fi

# Mesa's software renderer (bench_setup) for every GL client and for Chromium's compositor alike.
bench_setup bench
DATA="$BENCH_TMP/data"
SHEETS="$BENCH_TMP/sheets"
HTML="$BENCH_TMP/html"
mkdir -p "$DATA" "$SHEETS" "$HTML"

# No session bus here: keep Chromium from waiting on one.
export DBUS_SESSION_BUS_ADDRESS=${DBUS_SESSION_BUS_ADDRESS:-disabled:}

# ---- content: one store, exported as sheets, turned into the equivalent pages ----
if [[ -n ${BENCH_SHEETS:-} ]]; then
    cp "$BENCH_SHEETS"/*.csv "$SHEETS"/
elif [[ -n $KCONTENT ]]; then
    # A new data dir is seeded with the demo content on first use.
    "$KCONTENT" info --data-dir "$DATA" >"$BENCH_TMP/info.json" || bench_die "kiosk-content info failed"
    "$KCONTENT" export --data-dir "$DATA" -o "$SHEETS" || bench_die "kiosk-content export failed"
    bench_log "store: $(tr -d '\n' <"$BENCH_TMP/info.json" | cut -c1-200)"
else
    bench_log "no kiosk-content yet: using the bundled demo sheets"
    cp "$(dirname "$BENCH_DIR")"/content/demo/*.csv "$SHEETS"/
fi
python3 "$BENCH_DIR/make_html.py" "$SHEETS" -o "$HTML" --now "$NOW" >"$BENCH_TMP/html.json"
bench_log "pages: $(cat "$BENCH_TMP/html.json")"

bench_start_xvfb 1920x1080x24
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

CHROME_FLAGS=(--no-sandbox --disable-gpu --disable-background-networking --disable-component-update
              --disable-sync --no-first-run)
# shellcheck disable=SC2206
[[ -n ${CHROMIUM_EXTRA_FLAGS:-} ]] && CHROME_FLAGS+=($CHROMIUM_EXTRA_FLAGS)

declare -A R   # results: R[figure,kiosk] R[figure,chromium]

kiosk_cmd() { # screen [extra args]
    local screen=$1; shift
    echo "$KIOSK" --data-dir "$DATA" --windowed 1920x1080 --now "$NOW" --screen "$screen" "$@"
}

# Runs one program on the display, lets it settle, measures PSS, then CPU over a window.
# usage: measure_window LABEL KEY SETTLE SECONDS CMD...
measure_window() {
    local label=$1 key=$2 settle=$3 secs=$4; shift 4
    local log="$BENCH_TMP/$label.log" pid cpu
    bench_log "$label: running for $settle+$secs s"
    bench_spawn "$log" "$@"
    pid=$BG_PID
    sleep "$settle"
    if ! kill -0 "$pid" 2>/dev/null; then
        bench_log "$label exited early; log: $(tail -3 "$log" | tr '\n' ' ')"
        cp "$log" "$OUT_DIR/" 2>/dev/null || true
        R[$key,pss]="n/a"; R[$key,cpu]="n/a"; R[$key,xcpu]="n/a"
        return 0
    fi
    local tapped=0
    if [[ -n ${MEASURE_TAP:-} ]]; then
        # The kiosk leaves home for attract after 60 s without a touch, the moment its clock
        # first ticks (--now starts at HH:00). One tap on inert text before the window restarts
        # that count, so the window holds a minute tick on home. Chromium gets the same tap.
        # shellcheck disable=SC2086
        python3 "$BENCH_DIR/xdrive.py" tap $MEASURE_TAP
        tapped=$EPOCHSECONDS
    fi
    R[$key,pss]=$(python3 "$BENCH_DIR/proctree.py" pss "$pid")
    R[$key,procs]=$(python3 "$BENCH_DIR/proctree.py" pids "$pid" | wc -l)
    # Let the tap's frames and the PSS walk finish before the window opens.
    ((tapped)) && sleep $((EPOCHSECONDS - tapped < 2 ? 2 - (EPOCHSECONDS - tapped) : 0))
    cpu=$(python3 "$BENCH_DIR/proctree.py" cpu "$pid" "$secs" "$XVFB_PID")
    # What the program logged up to the end of the window (a later switch does not count).
    cp "$log" "$BENCH_TMP/$label.window.log"
    # What was on screen at the end of the window, to look at (ImageMagick, if installed).
    command -v import >/dev/null && import -window root -resize 50% "$OUT_DIR/$label-end.png" 2>/dev/null || true
    bench_stop "$pid"
    R[$key,cpu]=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["tree"])' "$cpu")
    R[$key,xcpu]=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["x"])' "$cpu")
    cp "$log" "$OUT_DIR/$label.log" 2>/dev/null || true
    bench_log "$label: pss ${R[$key,pss]} kB in ${R[$key,procs]} process(es), cpu ${R[$key,cpu]}% (+ X server ${R[$key,xcpu]}%)"
}

chromium_window() { # page
    echo "$CHROMIUM" "${CHROME_FLAGS[@]}" --user-data-dir="$(mktemp -d "$BENCH_TMP/profile.XXXXXX")" \
        --kiosk --window-position=0,0 --window-size=1920,1080 "file://$HTML/$1"
}

# ---- 1+2: home screen, settled, then idle with the clock ticking ----
if [[ -n $KIOSK ]]; then
    # shellcheck disable=SC2046
    MEASURE_TAP=$HOME_TAP measure_window kiosk-home kh "$SETTLE" "$IDLE" $(kiosk_cmd home)
fi
# shellcheck disable=SC2046
MEASURE_TAP=$HOME_TAP measure_window chromium-home ch "$SETTLE" "$IDLE" $(chromium_window home.html)

# ---- 3: attract mode ----
if [[ -n $KIOSK ]]; then
    # shellcheck disable=SC2046
    measure_window kiosk-attract ka 5 "$ATTRACT" $(kiosk_cmd attract)
fi
# shellcheck disable=SC2046
measure_window chromium-attract ca 5 "$ATTRACT" $(chromium_window attract.html)

# ---- 4: screenshot of home, start to exit ----
shot_times_k=() shot_times_c=()
for i in $(seq 1 "$SHOT_RUNS"); do
    if [[ -n $KIOSK ]]; then
        # shellcheck disable=SC2046
        shot_times_k+=("$(bench_time $(kiosk_cmd home --screenshot "$BENCH_TMP/kiosk-home-$i.png"))")
    fi
    profile=$(mktemp -d "$BENCH_TMP/shot.XXXXXX")
    shot_times_c+=("$(bench_time "$CHROMIUM" --headless "${CHROME_FLAGS[@]}" --user-data-dir="$profile" \
        --screenshot="$BENCH_TMP/chromium-home-$i.png" --window-size=1920,1080 "file://$HTML/home.html")")
done
bench_log "screenshot s: kiosk ${shot_times_k[*]:-n/a} | chromium ${shot_times_c[*]}"
R[k,shot]=$( ((${#shot_times_k[@]})) && bench_median "${shot_times_k[@]}" || echo n/a)
R[c,shot]=$(bench_median "${shot_times_c[@]}")
[[ -f $BENCH_TMP/kiosk-home-1.png ]] && cp "$BENCH_TMP/kiosk-home-1.png" "$OUT_DIR/kiosk-home.png"
[[ -f $BENCH_TMP/chromium-home-1.png ]] && cp "$BENCH_TMP/chromium-home-1.png" "$OUT_DIR/chromium-home.png"
cp "$HTML"/*.html "$OUT_DIR/"

# ---- 5: font atlas, as the kiosk logs it ----
ATLAS="n/a"
if [[ -f $BENCH_TMP/kiosk-home.log ]]; then
    # The largest atlas the kiosk logged (it rebuilds a smaller one for attract mode).
    line=$(grep -i atlas "$BENCH_TMP/kiosk-home.log" "$BENCH_TMP/kiosk-attract.log" 2>/dev/null | cut -d: -f2- |
           awk '{ if (match($0, /[0-9]+x[0-9]+/)) { split(substr($0, RSTART, RLENGTH), a, "x"); if (a[1]*a[2] > best) { best = a[1]*a[2]; l = $0 } } } END { print l }' || true)
    [[ -n $line ]] || line=$(grep -i atlas "$BENCH_TMP/kiosk-home.log" | tail -1 || true)
    ATLAS=$(grep -oE '[0-9]+ ?(x|X|×|\*) ?[0-9]+' <<<"$line" | head -1 | sed -E 's/ ?(x|X|×|\*) ?/x/' || true)
    [[ -n $ATLAS ]] || ATLAS="n/a"
    [[ -n $line ]] && bench_log "kiosk atlas line: $line"
fi
# One atlas per text size: the kiosk logs "font atlases 2048x649 + 2048x1254 = 3.7 MB of glyph
# texture"; the largest total of any profile it used (home, attract) is the figure.
GLYPH_MB="n/a"
ATLASES=""
mline=$(grep -h "font atlases" "$BENCH_TMP/kiosk-home.log" "$BENCH_TMP/kiosk-attract.log" 2>/dev/null |
        awk '{ if (match($0, /= [0-9.]+ MB/)) { v = substr($0, RSTART + 2, RLENGTH - 5) + 0; if (v > best) { best = v; l = $0 } } } END { print l }' || true)
if [[ -n $mline ]]; then
    GLYPH_MB=$(grep -oE '= [0-9.]+ MB' <<<"$mline" | grep -oE '[0-9.]+')
    ATLASES=$(sed -E 's/.*font atlases (.*) = .*/\1/' <<<"$mline")
    bench_log "kiosk glyph textures: $mline"
fi

LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
NOTES=""
if grep -q "attract profile" "$BENCH_TMP/kiosk-home.window.log" 2>/dev/null; then
    NOTES+="The kiosk switched to attract mode inside the home window: the home idle figure is not clean. "
fi
if python3 -c 'import os,sys; sys.exit(0 if float(sys.argv[1]) > os.cpu_count() else 1)' "${LOAD_END%% *}"; then
    NOTES+="Load average ${LOAD_END} on $(nproc) CPUs: other work was running, so wall times (screenshots) are inflated; CPU figures count only the measured trees. "
fi
[[ -n $NOTES ]] && bench_log "note: $NOTES"

# ---- table ----
python3 - "$OUT_DIR/results.md" "$NOW" "$SETTLE" "$IDLE" "$ATTRACT" "$SHOT_RUNS" "$ATLAS" \
    "${R[kh,pss]:-n/a}" "${R[ch,pss]:-n/a}" "${R[kh,cpu]:-n/a}" "${R[ch,cpu]:-n/a}" \
    "${R[kh,xcpu]:-n/a}" "${R[ch,xcpu]:-n/a}" "${R[ka,cpu]:-n/a}" "${R[ca,cpu]:-n/a}" \
    "${R[ka,xcpu]:-n/a}" "${R[ca,xcpu]:-n/a}" "${R[k,shot]}" "${R[c,shot]}" \
    "${R[kh,procs]:-n/a}" "${R[ch,procs]:-n/a}" "$LOAD_START" "$LOAD_END" "$NOTES" "$GLYPH_MB" "$ATLASES" <<'EOF'
import sys
(out, now, settle, idle, attract, runs, atlas, kpss, cpss, kcpu, ccpu, kx, cx, kacpu, cacpu,
 kax, cax, kshot, cshot, kprocs, cprocs, load0, load1, notes, glyph_mb, atlases) = sys.argv[1:]

def num(s):
    try:
        return float(s)
    except ValueError:
        return None

def ratio(k, c):
    k, c = num(k), num(c)
    if k is None or c is None or c == 0:
        return "n/a"
    return f"{k / c:.2f}"

def verdict(ok):
    return "n/a" if ok is None else ("yes" if ok else "NO")

def cmp(k, c, f):
    k, c = num(k), num(c)
    return None if k is None or c is None else f(k, c)

def mb(kb):
    v = num(kb)
    return "n/a" if v is None else f"{v / 1024:.1f} MB"

def pct(p):
    v = num(p)
    return "n/a" if v is None else f"{v:.2f} %"

def sec(s):
    v = num(s)
    return "n/a" if v is None else f"{v:.3f} s"

def atlas_ok(a):
    if "x" not in a:
        return None
    w, h = (int(x) for x in a.split("x"))
    return w <= 2048 and h <= 2048

def plus(a, b):
    a, b = num(a), num(b)
    return "n/a" if a is None or b is None else f"{a + b:.3f}"

rows = [
    ("PSS of process tree, home (settled " + settle + " s)", mb(kpss), mb(cpss), ratio(kpss, cpss),
     "≤ 1/4 of Chromium", verdict(cmp(kpss, cpss, lambda k, c: k <= c / 4))),
    ("Idle CPU, home, clock ticking (" + idle + " s)", pct(kcpu), pct(ccpu), ratio(kcpu, ccpu),
     "≤ 0.2 % of a core", verdict(None if num(kcpu) is None else num(kcpu) <= 0.2)),
    ("  X server CPU in that window", pct(kx), pct(cx), ratio(kx, cx), "info", ""),
    ("  app + X server", pct(plus(kcpu, kx)), pct(plus(ccpu, cx)),
     ratio(plus(kcpu, kx), plus(ccpu, cx)), "info", ""),
    ("CPU, attract mode, slides changing (" + attract + " s)", pct(kacpu), pct(cacpu),
     ratio(kacpu, cacpu), "< Chromium", verdict(cmp(kacpu, cacpu, lambda k, c: k < c))),
    ("  X server CPU in that window", pct(kax), pct(cax), ratio(kax, cax), "info", ""),
    ("  app + X server", pct(plus(kacpu, kax)), pct(plus(cacpu, cax)),
     ratio(plus(kacpu, kax), plus(cacpu, cax)), "info", ""),
    ("Screenshot of home, start→exit (median of " + runs + ")", sec(kshot), sec(cshot),
     ratio(kshot, cshot), "< 0.5 s", verdict(None if num(kshot) is None else num(kshot) < 0.5)),
    ("Largest font atlas" + (" (" + atlases + ")" if atlases else ""), atlas, "—", "—", "≤ 2048x2048",
     verdict(atlas_ok(atlas))),
    ("Glyph texture memory, all atlases (Alpha8)", glyph_mb + " MB" if num(glyph_mb) is not None else "n/a", "—",
     "—", "≤ 32 MB", verdict(None if num(glyph_mb) is None else num(glyph_mb) <= 32)),
    ("Processes in tree", kprocs, cprocs, "—", "info", ""),
]
head = ("figure", "kiosk", "chromium", "ratio k/c", "target", "target met?")
widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths))
print()
print(line(head))
print("  ".join("-" * w for w in widths))
for r in rows:
    print(line(r))
print(f"\nload average: {load0} at start, {load1} at end")
if notes:
    print("note: " + notes)
md = [f"# Kiosk vs Chromium kiosk mode\n",
      f"One Xvfb 1920x1080x24, Mesa llvmpipe, station time {now}; CPU is % of one core. "
      f"Load average {load0} at start, {load1} at end.\n" + (f"\n**Note:** {notes}\n" if notes else ""),
      "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
md += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(md) + "\n")
print(f"\nwritten: {out}")
EOF

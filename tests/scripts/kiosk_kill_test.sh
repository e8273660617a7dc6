#!/usr/bin/env bash
# Power cut in the running app: the real `kiosk` (under its own Xvfb) imports a big signed package
# from its drop folder and is killed with SIGKILL at random points spread over the import. After
# every kill the store must be wholly the old content or wholly the new one (version, row counts
# and every exported sheet), it must open, and the next start of the kiosk must work. Packages A
# and B alternate with rising manifest versions, so old and new always differ.
# Prints how many kills landed before the new store file was being written, while it was (the
# switch), and after the switch.
# Usage: kiosk_kill_test.sh BUILD_DIR SOURCE_DIR
# Environment: KIOSK_KILLS (default 100) kills; KIOSK_KILL_SEED to repeat a run's delays.
# Cost: about 1.7 s a kill (the kiosk's start, its 1 s drop quiet period, the check of a copy),
# so about 3 minutes for 100 on a busy 2-core machine.
set -euo pipefail
source "$(dirname "$0")/kiosk.sh" "$@"
kills=${KIOSK_KILLS:-100}
seed=${KIOSK_KILL_SEED:-$$}
RANDOM=$seed

need Xvfb python3
sheets_job=
on_exit 'if [ -n "$sheets_job" ]; then wait "$sheets_job" 2>/dev/null; fi'

# One X server for the whole run: a kiosk start then costs only the app's own start-up.
start_xvfb 1024x768x24

# Two big packages with different row counts in the sheets they both hold.
python3 "$source_dir/bench/gen_import_package.py" "$tmp/A" --activities 6000 --meals 2000 --notices 600 --seed 1
python3 "$source_dir/bench/gen_import_package.py" "$tmp/B" --activities 6100 --meals 2040 --notices 640 --seed 2

# The office's keys; the data dir (seeded with the demo by the tool) trusts the public half.
"$tool" keygen -p "$tmp/office.pub" -s "$tmp/office.key" >/dev/null
data=$tmp/data
mkdir "$data"
"$tool" trust "$tmp/office.pub" --data-dir "$data" >/dev/null
# Opening the store for an import seeds it as the kiosk's first start does (info only reads);
# the package does not exist, so nothing else happens.
"$tool" import "$tmp/no-such-package" --data-dir "$data" >/dev/null 2>&1 || true

# What each of the three contents looks like: rows per sheet and the exported sheets.
rows_of() { # rows_of DATA_DIR: "VERSION {rows}" from info (no python here: it is run per kill)
    local json
    json=$("$tool" info --data-dir "$1" | tr -d ' \n') || return 1
    # Other fields (signed_version) may stand between version and rows.
    [[ $json =~ ^\{\"version\":([0-9]+),([^{]*,)?\"rows\":(\{[^}]*\}) ]] || return 1
    echo "${BASH_REMATCH[1]} ${BASH_REMATCH[3]}"
}
"$tool" export --data-dir "$data" -o "$tmp/ref-demo" >/dev/null
ref_rows_demo=$(rows_of "$data" | cut -d' ' -f2-)
for kind in A B; do
    cp -a "$data" "$tmp/ref-data"
    "$tool" import "$tmp/$kind" --data-dir "$tmp/ref-data" --allow-unsigned >/dev/null
    "$tool" export --data-dir "$tmp/ref-data" -o "$tmp/ref-$kind" >/dev/null
    printf -v "ref_rows_$kind" '%s' "$(rows_of "$tmp/ref-data" | cut -d' ' -f2-)"
    rm -rf "$tmp/ref-data"
done
[ "$ref_rows_A" != "$ref_rows_B" ] && [ "$ref_rows_A" != "$ref_rows_demo" ] ||
    fail "the test packages do not differ in their row counts"

drop=$tmp/drop
mkdir "$drop"
base=209901010000
# stage_package KIND VERSION: the only folder in the drop dir, signed with that version.
stage_package() {
    rm -rf "$drop" && mkdir "$drop"
    cp -a "$tmp/$1" "$drop/.pkg-$2"
    "$tool" sign "$drop/.pkg-$2" --key "$tmp/office.key" --version "$2" >/dev/null
    # Arrives complete, in one rename (a hidden name is never a candidate).
    mv "$drop/.pkg-$2" "$drop/pkg-$2"
}

launch() { # launch: the kiosk on $data and the drop dir ($child), a fresh $tmp/kiosk.log
    : >"$tmp/kiosk.log"
    start_kiosk --data-dir "$data" --drop-dir "$drop" --media-root "$tmp/media" --status-dir "$tmp/status" \
        --windowed 800x600 --screen home "${awake[@]}"
}
mkdir -p "$tmp/media"

# Calibration: one whole import in the app, timed from the kiosk's launch: when its staging copy
# appears (the import starts), when a new store file is being written, when CURRENT switches.
calibrate() { # calibrate KIND VERSION -> "t_stage t_write t_switch" in seconds
    stage_package "$1" "$2"
    rm -rf "$tmp/cal" && cp -a "$data" "$tmp/cal"
    python3 - "$kiosk" "$tmp/cal" "$drop" "$tmp/media" "$tmp/cal.log" <<'PY'
import os, signal, subprocess, sys, time
kiosk, data, drop, media, log = sys.argv[1:]
store, staging = os.path.join(data, "store"), os.path.join(data, "staging")
def current():
    with open(os.path.join(store, "CURRENT")) as f:
        return f.readline()
first = current()
t0 = time.monotonic()
p = subprocess.Popen([kiosk, "--data-dir", data, "--drop-dir", drop, "--media-root", media,
                      "--windowed", "800x600", "--screen", "home", "--screen-off", "off", "--night", "off"],
                     stdout=open(log, "w"), stderr=subprocess.STDOUT)
t_stage = t_write = t_switch = None
while time.monotonic() - t0 < 60 and p.poll() is None:
    now = time.monotonic() - t0
    if t_stage is None and os.path.isdir(staging) and os.listdir(staging):
        t_stage = now
    if t_write is None and any(n.endswith(".tmp") and n != "CURRENT.tmp" for n in os.listdir(store)):
        t_write = now
    if current() != first:
        t_switch = now
        break
    time.sleep(0.002)
p.send_signal(signal.SIGTERM)
p.wait()
if t_switch is None:
    sys.exit("the calibration import did not finish")
print(f"{t_stage or t_switch:.3f} {t_write or t_switch:.3f} {t_switch:.3f}")
PY
}
cal1=$(calibrate A $((base - 2))) || { cat "$tmp/cal.log"; fail "calibration"; }
cal2=$(calibrate B $((base - 1))) || { cat "$tmp/cal.log"; fail "calibration"; }
read -r s1 w1 x1 <<<"$cal1"
read -r s2 w2 x2 <<<"$cal2"
# Kills from a little before the import starts to a little after the switch.
read -r lo hi <<<"$(awk -v s1="$s1" -v s2="$s2" -v x1="$x1" -v x2="$x2" 'BEGIN {
    s = s1 < s2 ? s1 : s2; x = x1 > x2 ? x1 : x2
    printf "%.3f %.3f", s * 0.95, x * 1.05 + 0.05 }')"
echo "a whole import in the kiosk: staging at ${s1}s/${s2}s, store write at ${w1}s/${w2}s," \
    "switch at ${x1}s/${x2}s after launch; $kills kills between ${lo}s and ${hi}s (seed $seed)"

# The store as it stands: its version says old or new, and then its row counts must be those of
# that content. Prints "old" or "new", or what is wrong.
# verify_rows DIR OLD_KIND OLD_VERSION NEW_KIND NEW_VERSION
verify_rows() {
    local info version rows kind want_rows
    info=$(rows_of "$1" 2>"$tmp/verify.err") || { cat "$tmp/verify.err" >&2; echo "the store does not open"; return; }
    read -r version rows <<<"$info"
    if [ "$version" = "$3" ]; then kind=$2
    elif [ "$version" = "$5" ]; then kind=$4
    else echo "version $version is neither $3 nor $5"; return; fi
    want_rows=ref_rows_$kind
    [ "$rows" = "${!want_rows}" ] || { echo "version $version ($kind) but rows $rows, want ${!want_rows}"; return; }
    [ "$kind" = "$2" ] && echo old || echo new
}
# Every exported sheet equals that content's: run in the background during the next kill.
# verify_sheets DIR KIND RESULT_FILE
verify_sheets() {
    rm -rf "$1.got"
    if ! "$tool" export --data-dir "$1" -o "$1.got" >/dev/null 2>&1; then
        echo "export failed" >"$3"
    elif ! diff -rq "$1.got" "$tmp/ref-$2" >"$3.diff" 2>&1; then
        echo "the exported sheets are not those of $2: $(head -c 300 "$3.diff")" >"$3"
    else
        echo ok >"$3"
    fi
}
sheets_what=
check_sheets_job() { # waits for the last background sheet check and fails on its verdict
    [ -n "$sheets_job" ] || return 0
    wait "$sheets_job" || true
    sheets_job=
    [ "$(cat "$tmp/sheets.result")" = ok ] || fail "$sheets_what: $(cat "$tmp/sheets.result")"
}

cur_kind=demo
cur_version=1
before=0 during=0 after=0
loop_start=$SECONDS
for ((i = 0; i < kills; i++)); do
    if [ "$cur_kind" = A ]; then new_kind=B; else new_kind=A; fi
    new_version=$((base + i))
    stage_package "$new_kind" "$new_version"
    # Stratified: one random point in each of `kills` equal slices of the window.
    delay=$(awk -v lo="$lo" -v hi="$hi" -v i="$i" -v n="$kills" -v r="$RANDOM" \
        'BEGIN { printf "%.3f", lo + (hi - lo) * (i + r / 32768) / n }')
    launch
    sleep "$delay"
    if ! kill -0 "$child" 2>/dev/null; then
        wait "$child" || true
        child=
        cat "$tmp/kiosk.log" >&2
        fail "kill $i: the kiosk ended by itself before ${delay}s (a start after a kill failed?)"
    fi
    kill -KILL "$child"
    wait "$child" 2>/dev/null || true
    child=

    # Was a new store file being written or waiting for CURRENT? Look before anything opens it.
    current=$(head -n1 "$data/store/CURRENT")
    writing=0
    for f in "$data"/store/content-*.db* "$data"/store/CURRENT.tmp; do
        [ -e "$f" ] || continue
        name=${f##*/}
        case $name in
        *.tmp | *-journal) writing=1 ;; # also CURRENT.tmp: the pointer being written
        *.db) [ "$name" != "$current" ] && [ "$name" != "$(sed -n 2p "$data/store/CURRENT")" ] && writing=1 ;;
        esac
    done

    # Check a copy, so the next kiosk start is the first to open this very store.
    check=$tmp/check-$((i % 2))
    rm -rf "$check" && cp -a "$data" "$check"
    verdict=$(verify_rows "$check" "$cur_kind" "$cur_version" "$new_kind" "$new_version")
    case $verdict in
    new)
        after=$((after + 1))
        cur_kind=$new_kind cur_version=$new_version
        ;;
    old)
        if [ "$writing" -eq 1 ]; then during=$((during + 1)); else before=$((before + 1)); fi
        ;;
    *)
        cat "$tmp/kiosk.log" >&2
        fail "kill $i after ${delay}s: $verdict (expected $cur_kind v$cur_version or $new_kind v$new_version)"
        ;;
    esac
    check_sheets_job
    sheets_what="kill $i after ${delay}s ($verdict, $cur_kind)"
    verify_sheets "$check" "$cur_kind" "$tmp/sheets.result" &
    sheets_job=$!
done
check_sheets_job
loop_seconds=$((SECONDS - loop_start))
echo "$kills kills in ${loop_seconds}s: $before before the switch, $during while the new store file" \
    "was written, $after after it"

# After all that, a normal start applies the next package and ends cleanly on SIGTERM.
if [ "$cur_kind" = A ]; then new_kind=B; else new_kind=A; fi
final_version=$((base + kills))
stage_package "$new_kind" "$final_version"
rm -rf "$tmp/status"
launch
for _ in $(seq 300); do
    grep -q "\"content_version\": *$final_version" "$tmp/status/status.json" 2>/dev/null && break
    kill -0 "$child" 2>/dev/null || break
    sleep 0.1
done
grep -q "\"content_version\": *$final_version" "$tmp/status/status.json" 2>/dev/null ||
    { cat "$tmp/kiosk.log" >&2; fail "the kiosk did not apply version $final_version after the kills"; }
kiosk_ends_cleanly
[ "$(verify_rows "$data" "$cur_kind" "$cur_version" "$new_kind" "$final_version")" = new ] ||
    fail "the final import did not leave the new content"
verify_sheets "$data" "$new_kind" "$tmp/sheets.result"
[ "$(cat "$tmp/sheets.result")" = ok ] || fail "after the final import: $(cat "$tmp/sheets.result")"
leftovers=$(find "$data/staging" "$data/store" -mindepth 1 \( -name 'pkg-*' -o -name '*.tmp' \) | wc -l)
[ "$leftovers" -eq 0 ] || { find "$data/staging" "$data/store"; fail "temporary files left after a clean import"; }

# Kills that never reached the switch, or never got past it, did not test what they should.
if [ "$kills" -ge 20 ] && { [ $((before + during)) -eq 0 ] || [ "$after" -eq 0 ]; }; then
    fail "the kills did not span the switch (before $before, during $during, after $after)"
fi
echo "PASS"

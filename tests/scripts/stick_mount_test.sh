#!/usr/bin/env bash
# A USB stick, simulated by a tmpfs mounted under a temporary media root, holding KIOSK/ with a
# signed package: the running kiosk applies it (status.json) and writes KIOSK/import-report.txt.
# Then a stick with a big signed package is pulled (lazy umount) while the kiosk imports it: the
# store stays byte-identical, status.json says at once that nothing changed, and so does the
# screen (tesseract reads the notice off the live window, when tesseract is installed).
# Needs root and permission to mount; otherwise prints SKIP and exits 0.
# Usage: stick_mount_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
kiosk=$build/kiosk
tool=$build/kiosk-content

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: needs root to mount"
    exit 0
fi
for cmd in xvfb-run python3 mount umount; do
    if ! command -v "$cmd" >/dev/null; then
        echo "SKIP: $cmd is not installed"
        exit 0
    fi
done

tmp=$(mktemp -d)
pid_file=$tmp/kiosk.pid
runner=
cleanup() {
    if [ -s "$pid_file" ]; then kill -TERM "$(cat "$pid_file")" 2>/dev/null || true; fi
    if [ -n "$runner" ]; then wait "$runner" 2>/dev/null || true; fi
    umount -l "$media/U盘 STICK" 2>/dev/null || true
    umount -l "$prep" 2>/dev/null || true
    umount -l "$media/BIG" 2>/dev/null || true
    umount -l "$big" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT

data=$tmp/data
status=$tmp/status
media=$tmp/media
prep=$tmp/prep
big=$tmp/big
mkdir -p "$data" "$status" "$media" "$prep" "$big"

if ! mount -t tmpfs -o size=16m kiosk-stick "$prep" 2>/dev/null; then
    echo "SKIP: mount is not permitted here"
    exit 0
fi

# Keys: staff sign on the office PC; the kiosk trusts the public key.
"$tool" keygen -p "$tmp/staff.pub" -s "$tmp/staff.key" >/dev/null
"$tool" trust "$tmp/staff.pub" --data-dir "$data" >/dev/null

# The stick's contents, complete before it "arrives".
version=209901011000
mkdir -p "$prep/KIOSK"
printf '日期,餐次,菜品,价格,标签,备注\r\n每天,午餐,红烧肉、清炒时蔬、米饭,12元,软烂,\r\n' >"$prep/KIOSK/meals.csv"
printf '名称,电话,说明,类别\r\n社区服务站,010-12345678,工作日 8:30-17:00,社区\r\n' >"$prep/KIOSK/contacts.csv"
"$tool" sign "$prep/KIOSK" --key "$tmp/staff.key" --version "$version" >/dev/null

status_field() {
    python3 - "$status/status.json" "$1" <<'PY' 2>/dev/null || true
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

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
    local seconds=$1 what=$2
    shift 2
    local end=$((SECONDS + seconds))
    while [ $SECONDS -lt $end ]; do
        if "$@"; then return 0; fi
        if [ -n "$runner" ] && ! kill -0 "$runner" 2>/dev/null; then
            echo "FAIL: the kiosk ended while waiting for $what"
            return 1
        fi
        sleep 0.2
    done
    echo "FAIL: timed out waiting for $what"
    return 1
}

xvfb-run -a -s "-screen 0 1280x800x24" \
    sh -c 'echo $$ >"$0"; echo "$DISPLAY $XAUTHORITY" >"$0.x"; exec "$@"' "$pid_file" \
    "$kiosk" --data-dir "$data" --media-root "$media" --status-dir "$status" \
    --windowed 1280x800 >"$tmp/kiosk.log" 2>&1 &
runner=$!

has_status() { [ -n "$(status_field content_version)" ]; }
wait_for 30 "the first status.json" has_status || { cat "$tmp/kiosk.log"; exit 1; }
echo "kiosk up, content version $(status_field content_version)"

# The stick is "plugged in": its filesystem appears under the media root in one mount.
mkdir -p "$media/U盘 STICK"
mount --bind "$prep" "$media/U盘 STICK"

applied() { [ "$(status_field content_version)" = "$version" ]; }
wait_for 30 "content version $version in status.json" applied || { cat "$tmp/kiosk.log"; cat "$status/status.json"; exit 1; }
echo "applied: $(status_field last_import.summary)"

report="$media/U盘 STICK/KIOSK/import-report.txt"
has_report() { [ -s "$report" ]; }
wait_for 10 "KIOSK/import-report.txt on the stick" has_report || exit 1
if [ "$(head -c 3 "$report" | od -An -tx1 | tr -d ' \n')" != "efbbbf" ]; then
    echo "FAIL: import-report.txt does not start with a UTF-8 BOM"
    exit 1
fi
grep -q $'\r$' "$report" || { echo "FAIL: import-report.txt lines do not end in CRLF"; exit 1; }
echo "report written: $(wc -l <"$report") lines"

# Pulled and plugged in again: a new insertion is read again (and the kiosk keeps running).
umount "$media/U盘 STICK"
sleep 1
mount --bind "$prep" "$media/U盘 STICK"
sleep 3
umount "$media/U盘 STICK"

# A stick with a big package, pulled while it is being imported.
mount -t tmpfs -o size=64m kiosk-big "$big"
mkdir -p "$big/KIOSK"
python3 "$source_dir/bench/gen_import_package.py" "$big/KIOSK" --activities 45000 --meals 8000 --notices 5000
store_hash() { find "$data/store" -type f ! -name LOCK -printf '%f\n' | sort | while read -r f; do
    sha256sum "$data/store/$f"; done | sha256sum; }
idle() { [ -z "$(ls -A "$data/staging" 2>/dev/null)" ]; }
mkdir -p "$media/BIG"
# The pull races the import: a kiosk that finished before the mount watcher saw the pull has
# done nothing wrong, so a lost race is tried again (a newer version each time, as the applied
# one is then refused as old), at most four times.
outcome=
for attempt in 1 2 3 4; do
    big_version=$((209901011100 + attempt))
    "$tool" sign "$big/KIOSK" --key "$tmp/staff.key" --version "$big_version" >/dev/null
    wait_for 30 "the previous stick's import to end" idle || exit 1
    before_hash=$(store_hash)
    before_version=$(status_field content_version)
    # Plugged in, and pulled as soon as the kiosk's staging copy appears (polled far faster than
    # the import runs; a lazy umount is what a yanked stick looks like to a process with files open).
    python3 - "$big" "$media/BIG" "$data/staging" <<'PY' || { cat "$tmp/kiosk.log"; exit 1; }
import os, subprocess, sys, time
big, mount_point, staging = sys.argv[1:]
subprocess.run(["mount", "--bind", big, mount_point], check=True)
end = time.monotonic() + 30
while not (os.path.isdir(staging) and os.listdir(staging)):
    if time.monotonic() > end:
        sys.exit("FAIL: the import of the big stick did not start")
    time.sleep(0.002)
subprocess.run(["umount", "-l", mount_point], check=True)
PY
    echo "pulled while importing (try $attempt)"
    reported() {
        outcome=
        if [ "$(status_field last_import.ok)" = "True" ] && [ "$(status_field last_import.version)" = "$big_version" ]; then
            outcome=applied
        elif [ "$(status_field last_import.ok)" = "False" ]; then
            outcome=pulled
        fi
        [ -n "$outcome" ]
    }
    wait_for 30 "status.json to report the pulled stick" reported || { cat "$status/status.json"; exit 1; }
    [ "$outcome" = pulled ] && break
    echo "the import finished before the pull was seen: trying again"
done
[ "$outcome" = pulled ] || { echo "FAIL: four big imports finished before the stick was pulled: the test needs a bigger package"; exit 1; }
echo "status.json: $(status_field last_import.summary)"
[[ "$(status_field last_import.summary)" == *未做任何更改* ]] || { echo "FAIL: status.json does not say nothing changed"; exit 1; }
[ "$(status_field content_version)" = "$before_version" ] || { echo "FAIL: the content version changed"; exit 1; }
# The screen says so (the notice stays 8 s): read back from the live window where tesseract is.
if command -v tesseract >/dev/null && command -v import >/dev/null; then
    read -r x_display x_auth <"$pid_file.x"
    DISPLAY=$x_display XAUTHORITY=$x_auth import -window root "$tmp/pulled.png"
    said=$(tesseract "$tmp/pulled.png" - -l chi_sim 2>/dev/null | tr -d ' \n\t')
    [[ $said == *被拔出* && $said == *未做任何更改* ]] || { echo "FAIL: the screen does not say the stick was pulled: ${said:0:300}"; exit 1; }
    echo "the screen says: U盘被拔出，未做任何更改"
fi
[ "$(store_hash)" = "$before_hash" ] || { echo "FAIL: the store changed after the stick was pulled"; exit 1; }
[ -z "$(ls -A "$data/staging" 2>/dev/null)" ] || { echo "FAIL: the staging copy was left behind"; exit 1; }
umount "$big"

kill -TERM "$(cat "$pid_file")"
rc=0
wait "$runner" || rc=$?
runner=
: >"$pid_file"
if [ "$rc" -ne 0 ]; then
    echo "FAIL: the kiosk exited with $rc after SIGTERM"
    cat "$tmp/kiosk.log"
    exit 1
fi
echo "PASS"

#!/usr/bin/env bash
# A USB stick, simulated by a tmpfs mounted under a temporary media root, holding KIOSK/ with a
# signed package: the running kiosk applies it (status.json) and writes KIOSK/import-report.txt.
# Then a stick with a big signed package is pulled (lazy umount) while the kiosk imports it: the
# store stays byte-identical, status.json says at once that nothing changed, and so does the
# screen (tesseract reads the notice off the live window, when tesseract is installed).
# Needs root and permission to mount; otherwise prints SKIP and exits 0.
# Usage: stick_mount_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "$0")/kiosk.sh" "$@"

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: needs root to mount"
    exit 0
fi
need Xvfb python3 mount umount

data=$tmp/data
status=$tmp/status
media=$tmp/media
prep=$tmp/prep
big=$tmp/big
mkdir -p "$data" "$status" "$media" "$prep" "$big"
# Sticks still mounted are pulled first, so that tmp can be removed.
on_exit 'umount -l "$media/U盘 STICK" 2>/dev/null; umount -l "$prep" 2>/dev/null'
on_exit 'umount -l "$media/BIG" 2>/dev/null; umount -l "$big" 2>/dev/null'

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

start_xvfb 1280x800x24
start_kiosk --data-dir "$data" --media-root "$media" --status-dir "$status" --windowed 1280x800 "${awake[@]}"
st=$status/status.json

has_status() { [ -n "$(status_field "$st" content_version)" ]; }
wait_for 30 "the first status.json" has_status
echo "kiosk up, content version $(status_field "$st" content_version)"

# The stick is "plugged in": its filesystem appears under the media root in one mount.
mkdir -p "$media/U盘 STICK"
mount --bind "$prep" "$media/U盘 STICK"

applied() { [ "$(status_field "$st" content_version)" = "$version" ]; }
wait_for 30 "content version $version in status.json" applied
echo "applied: $(status_field "$st" last_import.summary)"

report="$media/U盘 STICK/KIOSK/import-report.txt"
has_report() { [ -s "$report" ]; }
wait_for 10 "KIOSK/import-report.txt on the stick" has_report
[ "$(head -c 3 "$report" | od -An -tx1 | tr -d ' \n')" = "efbbbf" ] || fail "import-report.txt does not start with a UTF-8 BOM"
grep -q $'\r$' "$report" || fail "import-report.txt lines do not end in CRLF"
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
    wait_for 30 "the previous stick's import to end" idle
    before_hash=$(store_hash)
    before_version=$(status_field "$st" content_version)
    # Plugged in, and pulled as soon as the kiosk's staging copy appears (polled far faster than
    # the import runs; a lazy umount is what a yanked stick looks like to a process with files open).
    python3 - "$big" "$media/BIG" "$data/staging" <<'PY' || fail "the pull during the import"
import ctypes, os, subprocess, sys, time
big, mount_point, staging = sys.argv[1:]
libc = ctypes.CDLL(None, use_errno=True)
MNT_DETACH = 2
subprocess.run(["mount", "--bind", big, mount_point], check=True)
end = time.monotonic() + 30
while not (os.path.isdir(staging) and os.listdir(staging)):
    if time.monotonic() > end:
        sys.exit("FAIL: the import of the big stick did not start")
    time.sleep(0.002)
# umount2 from here rather than umount(8): no process start between seeing the copy and the pull.
if libc.umount2(mount_point.encode(), MNT_DETACH) != 0:
    sys.exit("FAIL: umount2: " + os.strerror(ctypes.get_errno()))
PY
    echo "pulled while importing (try $attempt)"
    reported() {
        outcome=
        if [ "$(status_field "$st" last_import.ok)" = "True" ] && [ "$(status_field "$st" last_import.version)" = "$big_version" ]; then
            outcome=applied
        elif [ "$(status_field "$st" last_import.ok)" = "False" ]; then
            outcome=pulled
        fi
        [ -n "$outcome" ]
    }
    wait_for 30 "status.json to report the pulled stick" reported
    [ "$outcome" = pulled ] && break
    echo "the import finished before the pull was seen: trying again"
done
[ "$outcome" = pulled ] || fail "four big imports finished before the stick was pulled: the test needs a bigger package"
echo "status.json: $(status_field "$st" last_import.summary)"
[[ "$(status_field "$st" last_import.summary)" == *未做任何更改* ]] || fail "status.json does not say nothing changed"
[ "$(status_field "$st" content_version)" = "$before_version" ] || fail "the content version changed"
# The screen says so (the notice stays 8 s): read back from the live window where tesseract is.
if command -v tesseract >/dev/null && command -v import >/dev/null; then
    import -window root "$tmp/pulled.png"
    said=$(tesseract "$tmp/pulled.png" - -l chi_sim 2>/dev/null | tr -d ' \n\t')
    [[ $said == *被拔出* && $said == *未做任何更改* ]] || fail "the screen does not say the stick was pulled: ${said:0:300}"
    echo "the screen says: U盘被拔出，未做任何更改"
fi
[ "$(store_hash)" = "$before_hash" ] || fail "the store changed after the stick was pulled"
[ -z "$(ls -A "$data/staging" 2>/dev/null)" ] || fail "the staging copy was left behind"
umount "$big"

kiosk_ends_cleanly
echo "PASS"

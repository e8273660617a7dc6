#!/usr/bin/env bash
# A signed package copied with `rsync -a` into the drop folder of a running kiosk is applied:
# status.json shows its content version within 30 s. Then SIGTERM ends the kiosk cleanly.
# Usage: drop_rsync_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
kiosk=$build/kiosk
tool=$build/kiosk-content

for cmd in rsync xvfb-run python3; do
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
    rm -rf "$tmp"
}
trap cleanup EXIT

data=$tmp/data
drop=$tmp/drop
status=$tmp/status
media=$tmp/media
src=$tmp/src/pkg-20260603
mkdir -p "$data" "$drop" "$status" "$media" "$src"

# The district office's keys; the kiosk trusts the public half.
"$tool" keygen -p "$tmp/office.pub" -s "$tmp/office.key" >/dev/null
"$tool" trust "$tmp/office.pub" --data-dir "$data" >/dev/null

# The package: two sheets, signed with a version above anything the kiosk has.
version=209901010900
printf '日期,开始,结束,活动,地点,说明,类别\r\n每天,09:00,10:00,同步来的晨练,院子,,文体\r\n' >"$src/activities.csv"
printf '标题,正文,开始日期,结束日期,置顶,紧急\r\n同步测试通知,来自区里的内容,,,是,否\r\n' >"$src/notices.csv"
"$tool" sign "$src" --key "$tmp/office.key" --version "$version" >/dev/null
"$tool" check "$src" >/dev/null

# status.json field, or empty while it is missing or half-written.
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
    sh -c 'echo $$ >"$0"; exec "$@"' "$pid_file" \
    "$kiosk" --data-dir "$data" --drop-dir "$drop" --media-root "$media" --status-dir "$status" \
    --windowed 1280x800 >"$tmp/kiosk.log" 2>&1 &
runner=$!

has_status() { [ -n "$(status_field content_version)" ]; }
wait_for 30 "the first status.json" has_status || { cat "$tmp/kiosk.log"; exit 1; }
before=$(status_field content_version)
echo "kiosk up, content version $before"

# A real rsync: it writes hidden temporary files (.name.XXXXXX) and renames them.
rsync -a "$src" "$drop/"

applied() { [ "$(status_field content_version)" = "$version" ]; }
wait_for 30 "content version $version in status.json" applied || { cat "$tmp/kiosk.log"; cat "$status/status.json"; exit 1; }
echo "applied: $(status_field last_import.summary)"
[ "$(status_field last_import.ok)" = "True" ] || { echo "FAIL: last_import.ok is not true"; exit 1; }

# The kiosk never writes into the drop folder.
if [ -e "$drop/pkg-20260603/import-report.txt" ]; then
    echo "FAIL: the kiosk wrote into the drop folder"
    exit 1
fi

# The store really holds it.
"$tool" info --data-dir "$data" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["version"]=='"$version"', d; assert d["rows"]["notices"]==1, d'

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

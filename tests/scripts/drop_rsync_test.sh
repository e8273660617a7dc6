#!/usr/bin/env bash
# A signed package copied with `rsync -a` into the drop folder of a running kiosk is applied:
# status.json shows its content version within 30 s. Then SIGTERM ends the kiosk cleanly.
# Usage: drop_rsync_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "$0")/kiosk.sh" "$@"
need rsync Xvfb python3

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

start_xvfb 1280x800x24
start_kiosk --data-dir "$data" --drop-dir "$drop" --media-root "$media" --status-dir "$status" --windowed 1280x800 \
    "${awake[@]}"
st=$status/status.json

has_status() { [ -n "$(status_field "$st" content_version)" ]; }
wait_for 30 "the first status.json" has_status
before=$(status_field "$st" content_version)
echo "kiosk up, content version $before"

# A real rsync: it writes hidden temporary files (.name.XXXXXX) and renames them.
rsync -a "$src" "$drop/"

applied() { [ "$(status_field "$st" content_version)" = "$version" ]; }
wait_for 30 "content version $version in status.json" applied
echo "applied: $(status_field "$st" last_import.summary)"
[ "$(status_field "$st" last_import.ok)" = "True" ] || fail "last_import.ok is not true"

# The kiosk never writes into the drop folder.
[ ! -e "$drop/pkg-20260603/import-report.txt" ] || fail "the kiosk wrote into the drop folder"

# The store really holds it.
"$tool" info --data-dir "$data" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["version"]=='"$version"', d; assert d["rows"]["notices"]==1, d'

kiosk_ends_cleanly
echo "PASS"

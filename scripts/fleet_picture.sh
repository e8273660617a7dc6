#!/usr/bin/env bash
# Re-renders docs/fleet-overview.png, the picture of `kiosk-content fleet`'s HTML page in the
# README: three real kiosk thumbnails (the kiosk live under Xvfb with --status-dir), six status
# folders of a made-up district (healthy, stale, a failed import, old content, no picture yet),
# the page rendered by headless Chromium (apt-get install chromium).
# Usage: scripts/fleet_picture.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)
for cmd in Xvfb chromium python3; do
    command -v "$cmd" >/dev/null || { echo "missing $cmd (apt-get install xvfb chromium)" >&2; exit 2; }
done
tmp=$(mktemp -d)
fail() { echo "fleet_picture: $*" >&2; exit 1; }
# The script tests' private X server (a free display via -displayfd).
source "$top/tests/scripts/xvfb.sh"
trap 'stop_xvfb; rm -rf "$tmp"' EXIT
start_xvfb 1920x1080x24

# Real thumbnails: the kiosk writes screen.png two seconds after it starts.
for screen in home meals activities; do
    mkdir -p "$tmp/shot-$screen"
    "$build/kiosk" --data-dir "$tmp/data" --status-dir "$tmp/shot-$screen" --windowed 1920x1080 \
        --screen "$screen" --media-root "$tmp/media" >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 100); do [ -s "$tmp/shot-$screen/screen.png" ] && break; sleep 0.1; done
    kill -TERM "$pid"
    wait "$pid" || true
    [ -s "$tmp/shot-$screen/screen.png" ] || { echo "no thumbnail of $screen" >&2; exit 1; }
done

python3 - "$tmp" <<'PY'
import datetime as dt, json, os, shutil, sys
tmp = sys.argv[1]
zone = dt.timezone(dt.timedelta(hours=8))
now = dt.datetime.now(zone).replace(microsecond=0)
def status(folder, kiosk, station, version, updated, screen, ok=True, summary="已更新：活动 42 条、菜单 21 条", shot="home"):
    path = os.path.join(tmp, "district", folder)
    os.makedirs(path, exist_ok=True)
    doc = {"kiosk_id": kiosk, "station": station, "app_version": "0.1.0", "content_version": version,
           "updated": (now - updated).isoformat(), "started": (now - dt.timedelta(days=6)).isoformat(),
           "uptime_seconds": 6 * 86400, "screen": screen,
           "last_import": {"ok": ok, "time": (now - dt.timedelta(hours=6)).isoformat(),
                           "source": "/srv/kiosk-drop/2026-06-03", "version": version, "summary": summary},
           "screenshot": "screen.png", "screenshot_time": (now - updated).isoformat()}
    json.dump(doc, open(os.path.join(path, "status.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2)
    if shot:
        shutil.copy(os.path.join(tmp, f"shot-{shot}", "screen.png"), os.path.join(path, "screen.png"))
m = dt.timedelta(minutes=1)
status("东城街道/幸福里/大厅", "xfl-lobby", "幸福里社区养老服务站", 202606030900, 2 * m, "home")
status("东城街道/幸福里/食堂", "xfl-canteen", "幸福里社区养老服务站", 202606030900, 4 * m, "meals", shot="meals")
status("东城街道/向阳花园", "xyhy-1", "向阳花园社区养老服务站", 202606030900, 5 * 60 * m, "home")
status("西城街道/和平里", "hpl-1", "和平里社区养老服务站", 202606030900, 3 * m, "activities", ok=False,
       summary="未更新，发现 1 个问题：\nactivities.csv:4:日期: 无法识别的日期“2026-13-45”", shot="activities")
status("西城街道/长青", "cq-1", "长青社区养老服务站", 202606010900, 6 * m, "home")
status("西城街道/新村", "xc-1", "新村社区养老服务站", 202606030900, 1 * m, "attract", shot=None)
PY
set +e
"$build/kiosk-content" fleet "$tmp/district" -o "$tmp/概览.html"
set -e
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1500 \
    --screenshot="$tmp/fleet.png" "file://$tmp/概览.html" >/dev/null 2>&1
mkdir -p "$top/docs"
cp "$tmp/fleet.png" "$top/docs/fleet-overview.png"
echo "wrote docs/fleet-overview.png"

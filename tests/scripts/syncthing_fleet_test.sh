#!/usr/bin/env bash
# The district loop on real Syncthing, loopback only. Two instances ("district" and "kiosk",
# own --home dirs, GUI/REST on 127.0.0.1, no global or local discovery, no relays, no NAT, no
# usage reporting or upgrade checks, listening on tcp://127.0.0.1:PORT) share two folders:
#   packages  district send-only -> kiosk receive-only; at the kiosk it is the running kiosk's --drop-dir
#   status    kiosk send-only -> district receive-only; at the kiosk it is the kiosk's --status-dir
# A signed package placed at the district travels through Syncthing's temporary files (bandwidth
# limited, smallest file first, so the manifest lands well before the big sheet); the kiosk must
# wait while it is half-synced (no failed import meanwhile), then apply it (kiosk-content info).
# status.json and screen.png come back, and `kiosk-content fleet` at the district shows the new
# version and embeds the thumbnail. Bounded (~60-90 s); both instances stop on every exit.
# Usage: syncthing_fleet_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "$0")/kiosk.sh" "$@"
need syncthing Xvfb python3 curl
started=$SECONDS
step() { echo "[$((SECONDS - started)) s] $*"; }

# Free loopback ports: GUI and sync for each side.
read -r gui_d sync_d gui_k sync_k < <(python3 - <<'PY'
import socket
socks = [socket.socket() for _ in range(4)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])
for s in socks:
    s.close()
PY
)

district=$tmp/district
kiosk_side=$tmp/kiosk-side
mkdir -p "$district/packages" "$district/status" "$kiosk_side/drop" "$kiosk_side/status" "$kiosk_side/data"

# Keys and config: syncthing generate, then our settings (python edits config.xml).
for side in district kiosk; do
    syncthing generate --home "$tmp/st-$side" --no-default-folder --skip-port-probing >"$tmp/generate-$side.out" 2>&1 ||
        fail "syncthing generate"
done
id_d=$(syncthing serve --home "$tmp/st-district" --device-id)
id_k=$(syncthing serve --home "$tmp/st-kiosk" --device-id)
key_d=district-$RANDOM$RANDOM
key_k=kiosk-$RANDOM$RANDOM

configure() { # configure HOME SELF_ID OTHER_ID OTHER_NAME OTHER_PORT GUI_PORT SYNC_PORT API_KEY FOLDER:TYPE:PATH...
    python3 - "$@" <<'PY'
import sys
import xml.etree.ElementTree as ET

home, self_id, other_id, other_name, other_port, gui_port, sync_port, api_key, *folders = sys.argv[1:]
path = f"{home}/config.xml"
tree = ET.parse(path)
root = tree.getroot()

def set_text(parent, tag, text):
    node = parent.find(tag)
    if node is None:
        node = ET.SubElement(parent, tag)
    node.text = text

gui = root.find("gui")
set_text(gui, "address", f"127.0.0.1:{gui_port}")
set_text(gui, "apikey", api_key)
options = root.find("options")
for tag, text in {
    "listenAddress": f"tcp://127.0.0.1:{sync_port}",
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "urAccepted": "-1",
    "urSeen": "3",
    "autoUpgradeIntervalH": "0",
    "crashReportingEnabled": "false",
    "startBrowser": "false",
    "reconnectionIntervalS": "1",
    "progressUpdateIntervalS": "1",
    # 127.0.0.1 is "LAN": limit there too, so a package takes a few seconds to arrive.
    "limitBandwidthInLan": "true",
    "setLowPriority": "false",
}.items():
    set_text(options, tag, text)
for node in options.findall("unackedNotificationID"):
    options.remove(node)

device = ET.SubElement(root, "device", id=other_id, name=other_name, compression="never", introducer="false",
                       skipIntroductionRemovals="false", introducedBy="")
set_text(device, "address", f"tcp://127.0.0.1:{other_port}")
set_text(device, "paused", "false")
set_text(device, "autoAcceptFolders", "false")

for spec in folders:
    folder_id, kind, folder_path = spec.split(":", 2)
    folder = ET.Element("folder", id=folder_id, label=folder_id, path=folder_path, type=kind,
                        rescanIntervalS="3600", fsWatcherEnabled="true", fsWatcherDelayS="1",
                        ignorePerms="false", autoNormalize="true")
    set_text(folder, "filesystemType", "basic")
    ET.SubElement(folder, "device", id=self_id, introducedBy="")
    ET.SubElement(folder, "device", id=other_id, introducedBy="")
    ET.SubElement(folder, "minDiskFree", unit="%").text = "0"
    set_text(folder, "order", "smallestFirst")
    set_text(folder, "markerName", ".stfolder")
    root.insert(0, folder)
tree.write(path)
PY
}
configure "$tmp/st-district" "$id_d" "$id_k" kiosk "$sync_k" "$gui_d" "$sync_d" "$key_d" \
    "packages:sendonly:$district/packages" "status:receiveonly:$district/status"
configure "$tmp/st-kiosk" "$id_k" "$id_d" district "$sync_d" "$gui_k" "$sync_k" "$key_k" \
    "packages:receiveonly:$kiosk_side/drop" "status:sendonly:$kiosk_side/status"
# The kiosk's own atomic writes leave a hidden temporary file for a moment: never sync it.
printf '.*.tmp\n' >"$kiosk_side/status/.stignore"
# The district's package arrives at about 400 KiB/s.
python3 - "$tmp/st-kiosk/config.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1])
tree.getroot().find("options").find("maxRecvKbps").text = "400"
tree.write(sys.argv[1])
PY

start_syncthing() { # start_syncthing SIDE GUI_PORT
    STNODEFAULTFOLDER=1 STNOUPGRADE=1 syncthing serve --home "$tmp/st-$1" --no-browser --no-restart --no-upgrade \
        --logflags=3 >"$tmp/syncthing-$1.log" 2>&1 &
    extra_pids+=("$!")
}
rest() { # rest SIDE METHOD PATH
    local port=$gui_d key=$key_d
    [ "$1" = kiosk ] && { port=$gui_k key=$key_k; }
    curl -sf -m 5 -X "$2" -H "X-API-Key: $key" "http://127.0.0.1:$port$3"
}
start_syncthing district
start_syncthing kiosk
up() { rest "$1" GET /rest/system/ping >/dev/null 2>&1; }
wait_for 30 "the district's Syncthing REST API" up district
wait_for 30 "the kiosk's Syncthing REST API" up kiosk
connected() {
    rest district GET /rest/system/connections 2>/dev/null |
        python3 -c 'import json,sys; c=json.load(sys.stdin)["connections"]; sys.exit(0 if c.get(sys.argv[1], {}).get("connected") else 1)' "$id_k"
}
wait_for 30 "the two Syncthing instances to connect" connected
step "both Syncthing instances up and connected over 127.0.0.1"

# Neither listens anywhere but loopback.
for pid in "${extra_pids[@]}"; do
    if ss -Htlnp 2>/dev/null | grep "pid=$pid," | grep -v '127.0.0.1:' | grep -q .; then
        ss -Htlnp | grep "pid=$pid," >&2
        fail "a Syncthing instance listens beyond 127.0.0.1"
    fi
done

# The kiosk: trusts the district's key, drop dir = the received packages folder, status dir =
# the status folder sent back. Windowed under its own Xvfb.
"$tool" keygen -p "$tmp/office.pub" -s "$tmp/office.key" >/dev/null
"$tool" trust "$tmp/office.pub" --data-dir "$kiosk_side/data" >/dev/null
start_xvfb 1280x800x24
start_kiosk --data-dir "$kiosk_side/data" --drop-dir "$kiosk_side/drop" --status-dir "$kiosk_side/status" \
    --media-root "$tmp/media" --windowed 1280x800 --kiosk-id station-7-lobby "${awake[@]}"

kiosk_up() { [ -n "$(status_field "$kiosk_side/status/status.json" content_version)" ]; }
wait_for 30 "the kiosk's first status.json" kiosk_up
before=$(status_field "$kiosk_side/status/status.json" content_version)
step "kiosk up with content version $before"
# The first thumbnail (taken once the start screen settled): the one after the update must differ.
first_shot() { [ -n "$(status_field "$kiosk_side/status/status.json" screenshot_time)" ]; }
wait_for 20 "the kiosk's first screen.png" first_shot
shot_before=$(status_field "$kiosk_side/status/status.json" screenshot_time)

# The package: a big activities sheet (about 2 MB: ~5 s at 400 KiB/s) and a new station name.
version=209906030900
pkg=$district/packages/2099-06-03
mkdir -p "$tmp/pkg"
python3 - "$tmp/pkg" <<'PY'
import sys
rows = ["日期,开始,结束,活动,地点,说明,类别"]
note = "本周由区里统一安排，请提前十分钟到场，带好老年卡和水杯，行动不便的老人可以联系志愿者接送。" * 2
for i in range(5000):
    rows.append(f"每天,{8 + i % 10:02d}:00,{9 + i % 10:02d}:00,同步来的活动{i},活动室{i % 9},{note},文体")
open(f"{sys.argv[1]}/activities.csv", "w", encoding="utf-8").write("\r\n".join(rows) + "\r\n")
open(f"{sys.argv[1]}/station.csv", "w", encoding="utf-8").write(
    "项目,内容\r\n站点名称,向阳花园社区养老服务站\r\n欢迎语,欢迎来到向阳花园\r\n")
PY
"$tool" sign "$tmp/pkg" --key "$tmp/office.key" --version "$version" >/dev/null
"$tool" check "$tmp/pkg" >/dev/null || fail "the test package does not check"
# Into the district's folder in one rename, as an operator's copy finishes; then a scan.
mv "$tmp/pkg" "$pkg"
rest district POST "/rest/db/scan?folder=packages" >/dev/null || fail "REST scan at the district"
step "package $version placed at the district ($(du -sk "$pkg" | cut -f1) KiB)"

# While it travels: Syncthing's temporary file is in the kiosk's drop folder beside the
# manifest that already arrived, and the kiosk has not applied (nor rejected) anything.
saw_temp=0 saw_waiting=0
end=$((SECONDS + 60))
while [ $SECONDS -lt $end ]; do
    kill -0 "$child" 2>/dev/null || fail "the kiosk ended"
    temps=$(find "$kiosk_side/drop" -name '.syncthing.*.tmp' 2>/dev/null | wc -l)
    current=$(status_field "$kiosk_side/status/status.json" content_version)
    last_ok=$(status_field "$kiosk_side/status/status.json" last_import.ok)
    last_source=$(status_field "$kiosk_side/status/status.json" last_import.source)
    if [ "$last_ok" = "False" ] && [ "${last_source#*2099-06-03}" != "$last_source" ]; then
        fail "the kiosk rejected the half-synced package: $(status_field "$kiosk_side/status/status.json" last_import.summary)"
    fi
    if [ "$temps" -gt 0 ]; then
        saw_temp=1
        if [ -f "$kiosk_side/drop/2099-06-03/manifest.json" ]; then
            [ "$current" = "$version" ] && fail "applied while a listed file was still a Syncthing temporary file"
            saw_waiting=1
        fi
    fi
    [ "$current" = "$version" ] && break
    sleep 0.1
done
[ "$(status_field "$kiosk_side/status/status.json" content_version)" = "$version" ] ||
    fail "the package was not applied within 60 s"
[ "$saw_temp" = 1 ] || fail "never saw Syncthing's temporary file in the drop folder (too fast to observe?)"
[ "$saw_waiting" = 1 ] || fail "never saw the manifest there while a sheet was still in transit"
[ "$(status_field "$kiosk_side/status/status.json" last_import.ok)" = "True" ] || fail "last_import.ok is not true"
step "applied at the kiosk after waiting while half-synced"

# The store holds it (the same check an operator makes at the console).
"$tool" info --data-dir "$kiosk_side/data" |
    python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["version"]=='"$version"', d; assert d["rows"]["activities"]==5000, d' ||
    fail "kiosk-content info does not show version $version"

# The status folder comes back to the district, with the thumbnail.
rest kiosk POST "/rest/db/scan?folder=status" >/dev/null || true
# The new content's thumbnail: taken after the change (not the start-up one).
back() {
    local at=$district/status/status.json
    [ "$(status_field "$at" content_version)" = "$version" ] && [ -s "$district/status/screen.png" ] &&
        [ -n "$(status_field "$at" screenshot_time)" ] && [ "$(status_field "$at" screenshot_time)" != "$shot_before" ]
}
wait_for 40 "status.json (version $version) and the new screen.png back at the district" back
step "status.json and screen.png synced back to the district"
head -c 8 "$district/status/screen.png" | od -An -c | grep -q 'P   N   G' || fail "screen.png at the district is not a PNG"

# The district's overview.
set +e
"$tool" fleet "$district/status" -o "$tmp/fleet.html" >"$tmp/fleet.out" 2>&1
code=$?
set -e
cat "$tmp/fleet.out"
[ "$code" = 0 ] || fail "kiosk-content fleet exited $code (one healthy kiosk: 0)"
grep -q "向阳花园社区养老服务站  .*内容版本 $version" "$tmp/fleet.out" || fail "fleet does not show the new station and version"
grep -q "data:image/png;base64," "$tmp/fleet.html" || fail "the overview has no embedded thumbnail"
grep -q "$version" "$tmp/fleet.html" || fail "the overview does not show version $version"
grep -q "  station-7-lobby  " "$tmp/fleet.out" || fail "fleet does not name the kiosk by its --kiosk-id"
if [ -n "${SYNCTHING_TEST_KEEP_HTML:-}" ]; then cp "$tmp/fleet.html" "$SYNCTHING_TEST_KEEP_HTML"; fi

# The kiosk's temporary files never crossed over.
if find "$district/status" -name '.*.tmp' | grep -q .; then fail "a temporary file of the kiosk reached the district"; fi

kiosk_ends_cleanly
step "PASS"

#!/usr/bin/env bash
# An import while the app renders: the real kiosk (own Xvfb) shows its home screen while a
# finger (XTEST) keeps dragging over it, so it keeps drawing frames. A big signed package lands in
# its drop folder. The import must run beside the drawing: frames keep being logged
# (KIOSK_FRAME_LOG) between the start of the import and the switch, status.json shows the new
# version, and a screenshot of the live window read by tesseract (chi_sim) shows the new
# station name, which only the new package holds. Frame times are printed, never asserted.
# Usage: kiosk_live_import_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "$0")/kiosk.sh" "$@"
need Xvfb python3 import
need_chi_sim

start_xvfb 1280x800x24

data=$tmp/data
drop=$tmp/drop
status=$tmp/status
mkdir -p "$data" "$drop" "$status" "$tmp/media"
"$tool" keygen -p "$tmp/office.pub" -s "$tmp/office.key" >/dev/null
"$tool" trust "$tmp/office.pub" --data-dir "$data" >/dev/null

# The new package: thousands of rows (the import takes a while) and a new station name.
new_word=向阳花园
version=209901020900
pkg=$tmp/pkg
python3 "$source_dir/bench/gen_import_package.py" "$pkg" --activities 40000 --meals 10000 --notices 4000
printf '项目,内容\r\n站点名称,%s社区养老服务站\r\n欢迎语,欢迎来到新的服务站\r\n' "$new_word" >"$pkg/station.csv"
"$tool" sign "$pkg" --key "$tmp/office.key" --version "$version" >/dev/null

status_version() { status_field "$status/status.json" content_version; }

start_kiosk --data-dir "$data" --drop-dir "$drop" --media-root "$tmp/media" --status-dir "$status" \
    --windowed 1280x800 --screen home "${awake[@]}"
up() { [ -n "$(status_version)" ] && [ -s "$tmp/frames.log" ]; }
wait_for 30 "the kiosk to come up (status.json and a frame)" up
sleep 1

# Before: the demo station, and not the new name.
import -window root "$tmp/before.png"
before_text=$(ocr_png "$tmp/before.png")
[[ $before_text != *"$new_word"* ]] || fail "\"$new_word\" is on the screen before the import"
[[ $before_text == *服务站* ]] || fail "the home screen does not read back before the import: ${before_text:0:200}"

# Drop the package while a finger drags over the window, and watch the import from outside:
# when the staging copy appears, when CURRENT switches, when status.json shows the version.
python3 - "$source_dir/bench" "$pkg" "$drop/pkg-live" "$data" "$status/status.json" "$tmp/frames.log" \
    "$version" "$child" <<'PY' || fail "the live import check failed"
import json, os, shutil, sys, threading, time
bench, pkg, target, data, status, frames, version, pid = sys.argv[1:]
sys.path.insert(0, bench)
from xdrive import Pointer

def lines():
    with open(frames) as f:
        return [float(x) for x in f.read().split()]

def applied():
    try:
        with open(status, encoding="utf-8") as f:
            return json.load(f)["content_version"] == int(version)
    except Exception:
        return False

stop = threading.Event()
def wiggle():
    # One long drag over the header (a drag is never a tap): while dragging, every move is
    # redrawn, so the app would draw a frame each 1/60 s if its main loop is free.
    p = Pointer()
    p.move(400, 60)
    time.sleep(1 / 60)
    p.button(1, True)
    n = 0
    while not stop.is_set():
        p.move(400 + 8 * (n % 60 if (n // 60) % 2 == 0 else 60 - n % 60), 60 + (n % 5))
        n += 1
        time.sleep(1 / 60)
    p.button(1, False)
    p.close()
mover = threading.Thread(target=wiggle)
mover.start()
time.sleep(0.5)

store, staging = os.path.join(data, "store"), os.path.join(data, "staging")
first = open(os.path.join(store, "CURRENT")).readline()
hidden = os.path.join(os.path.dirname(target), ".incoming")
shutil.copytree(pkg, hidden)
marks = {}
t0 = time.monotonic()
os.rename(hidden, target)  # arrives whole, as a sync tool finishes
marks["drop"] = (0.0, len(lines()))
samples = []  # (t, frame lines) for the longest stretch without a new frame
while time.monotonic() - t0 < 90:
    now = time.monotonic() - t0
    n = len(lines())
    samples.append((now, n))
    if "start" not in marks and os.path.isdir(staging) and os.listdir(staging):
        marks["start"] = (now, n)
    if "switch" not in marks and open(os.path.join(store, "CURRENT")).readline() != first:
        marks["switch"] = (now, n)
    if "status" not in marks and applied():
        marks["status"] = (now, n)
    if "switch" in marks and "status" in marks and now - marks["status"][0] > 1.5:
        break
    if not os.path.exists(f"/proc/{pid}"):
        sys.exit("the kiosk ended during the import")
    time.sleep(0.005)
stop.set()
mover.join()
if "status" not in marks or "switch" not in marks:
    sys.exit(f"not applied within 90 s: {marks}")
start = marks.get("start", marks["drop"])
ms = lines()
during = marks["switch"][1] - start[1]
window = ms[start[1]:marks["switch"][1]] or [0.0]
after = ms[marks["switch"][1]:marks["status"][1] + 60] or [0.0]
gap, last_t, last_n = 0.0, start[0], start[1]
for t, n in samples:
    if t < start[0] or t > marks["switch"][0]:
        continue
    if n != last_n:
        last_t, last_n = t, n
    gap = max(gap, t - last_t)
print(f"import (staging to switch) {marks['switch'][0] - start[0]:.2f} s, drop to status.json "
      f"{marks['status'][0]:.2f} s; frames during the import: {during}, their longest "
      f"{max(window):.1f} ms, longest time without a new frame {gap * 1000:.0f} ms; "
      f"longest frame after the switch {max(after):.1f} ms")
# Frames in the second half of the import too: not just one that was in flight as it began.
mid = (start[0] + marks["switch"][0]) / 2
at_mid = next(n for t, n in samples if t >= mid)
late = marks["switch"][1] - at_mid
print(f"frames in the second half of the import: {late}")
if during < 2 or late < 1:
    sys.exit("the app stopped drawing while the import ran: the import blocks the app")
PY

# After: the live window shows the new station name.
[ "$(status_version)" = "$version" ] || fail "status.json does not show version $version"
sleep 0.5
import -window root "$tmp/after.png"
after_text=$(ocr_png "$tmp/after.png")
[[ $after_text == *"$new_word"* ]] || fail "\"$new_word\" is not on the live screen after the import: ${after_text:0:300}"
echo "the live screen reads \"$new_word\" after the import"

kiosk_ends_cleanly
echo "PASS"

#!/usr/bin/env bash
# Set-up command 1: install what is missing, build, and start the kiosk on the demo content.
# With a display it opens the kiosk (pass --windowed 1920x1080 etc. to get a window).
# Without one it renders every screen under Xvfb to PNGs and prints where they are.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/install-deps.sh"
"$top/scripts/build.sh"
build=${BUILD_DIR:-$top/build}
data=${KIOSK_DATA_DIR:-$HOME/.local/share/elder-kiosk}
mkdir -p "$data"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$build/kiosk" --data-dir "$data" "$@"
fi

out=${KIOSK_SCREENSHOT_DIR:-$top/build/screens}
mkdir -p "$out"
echo "没有显示器：在 Xvfb 下为每个界面截图。"
for size in 1920x1080 1080x1920; do
  for screen in home activities meals lectures notices guide contacts attract; do
    xvfb-run -a -s "-screen 0 ${size}x24" \
      "$build/kiosk" --data-dir "$data" --windowed "$size" --screen "$screen" \
      --screenshot "$out/${screen}-${size}.png"
  done
done
echo "截图已保存在 $out/"
ls -1 "$out"

#!/usr/bin/env bash
# Installs, with apt, the Debian 12 packages the kiosk needs to build, run and test.
# Only what is missing is installed; run as root or with sudo available.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libimgui-dev libstb-dev libsdl2-dev libgl1-mesa-dev libgl1-mesa-dri
  libsqlite3-dev libsodium-dev nlohmann-json3-dev libfreetype-dev libfontconfig-dev zlib1g-dev
  libsystemd-dev fonts-noto-cjk catch2
  libespeak-ng-dev espeak-ng-data libsdl2-mixer-dev libsndfile1-dev libqrencode-dev liblunar-date-dev
  libcli11-dev libpng-dev
  xvfb xauth xdotool tesseract-ocr tesseract-ocr-chi-sim minisign rsync imagemagick zbar-tools
  syncthing lintian clang libclang-rt-14-dev ccache
  dpkg-dev adduser cage libegl1
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "安装缺少的软件包: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Installs, with apt, the Debian 12 packages the kiosk needs to build, run and test.
# Only what is missing is installed; run as root or with sudo available. Extra package names
# given as arguments are installed too. When another apt or dpkg holds its lock (unattended
# upgrades on a fresh machine), it waits up to 10 minutes instead of failing at once.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libimgui-dev libstb-dev libsdl2-dev libgl1-mesa-dev libgl1-mesa-dri
  libsqlite3-dev libsodium-dev nlohmann-json3-dev libfreetype-dev libfontconfig-dev zlib1g-dev
  libsystemd-dev fonts-noto-cjk catch2
  libespeak-ng-dev espeak-ng-data libsdl2-mixer-dev libsndfile1-dev libqrencode-dev liblunar-date-dev libnova-dev
  libcli11-dev libpng-dev
  xvfb xauth xdotool tesseract-ocr tesseract-ocr-chi-sim minisign rsync imagemagick zbar-tools
  syncthing curl lintian clang libclang-rt-14-dev ccache
  dpkg-dev adduser cage libegl1
)
# Not installed here (large, only for bench/compare_chromium.sh and scripts/fleet_picture.sh):
# chromium.

packages+=("$@")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

apt_get=(env DEBIAN_FRONTEND=noninteractive apt-get)
[ "$(id -u)" -eq 0 ] || apt_get=(sudo "${apt_get[@]}")
lock_wait=600
wait_note() { echo "正在等待其他软件包管理程序结束（apt 锁被占用）… / waiting for another package manager to finish (apt lock held)…" >&2; }
held() { grep -q "Could not get lock\|Unable to lock" <<<"$1"; }

# apt-get update takes the package lists' lock and fails at once when it is held (apt's
# DPkg::Lock::Timeout covers only dpkg's lock): retry until the lock is free or time is up.
update_lists() {
  local waited=0 out
  until out=$("${apt_get[@]}" update -qq 2>&1); do
    if ! held "$out" || [ "$waited" -ge "$lock_wait" ]; then
      echo "$out" >&2
      return 1
    fi
    [ "$waited" -gt 0 ] || wait_note
    sleep 5
    waited=$((waited + 5))
  done
  [ -z "$out" ] || echo "$out" >&2
}

# dpkg's frontend lock: a first try that gives up at once tells whether to say we wait; then
# apt itself waits up to $lock_wait seconds. A try that fails on the lock has changed nothing.
install_missing() {
  local out
  if out=$("${apt_get[@]}" install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=0 "$@" 2>&1); then
    [ -z "$out" ] || echo "$out"
    return 0
  fi
  if ! held "$out"; then
    echo "$out" >&2
    return 1
  fi
  wait_note
  "${apt_get[@]}" install -y -qq --no-install-recommends -o DPkg::Lock::Timeout="$lock_wait" "$@"
}

echo "安装缺少的软件包: ${missing[*]}"
update_lists
install_missing "${missing[@]}"

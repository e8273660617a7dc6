#!/usr/bin/env bash
# The Debian package end to end, on this machine: scripts/package.sh builds it, lintian finds no
# errors or warnings (the ones that do not apply are overridden with a reason), apt installs it
# (user, directories, unit not enabled), the installed kiosk-content and kiosk run (a screenshot
# as user kiosk under Xvfb), purge keeps only the station's content, an opted-in install enables
# the unit and hands the kept content back, and a purge that is asked to leaves nothing behind.
# Needs root (CI runs as root); skips otherwise.
# Usage: deb_package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail

BUILD_DIR=$(cd "$1" && pwd)
SOURCE_DIR=$(cd "$2" && pwd)
if [ "$(id -u)" -ne 0 ]; then
    echo "deb_package_test: SKIP (installs a package: needs root)"
    exit 77
fi
# One run per machine at a time: it installs into the machine, not into a build dir.
exec 9>/run/lock/elder-kiosk-deb-test.lock
flock -w 300 9

tmp=$(mktemp -d)
chmod 0755 "$tmp"
installed_by_us=0
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# shellcheck source=tests/scripts/xvfb.sh
. "$SOURCE_DIR/tests/scripts/xvfb.sh"

OPT_IN=/etc/elder-kiosk/this-is-a-kiosk
apt_quiet() { DEBIAN_FRONTEND=noninteractive apt-get -y -q -o DPkg::Lock::Timeout=120 "$@" >>"$tmp/apt.log" 2>&1; }
cleanup() {
    stop_xvfb
    if [ $installed_by_us -eq 1 ] && dpkg-query -W elder-kiosk >/dev/null 2>&1; then
        ELDER_KIOSK_PURGE_CONTENT=yes apt_quiet purge elder-kiosk || true
    fi
    rm -f "$OPT_IN"
    rmdir /etc/elder-kiosk 2>/dev/null || true
    if [[ ${made_rules_dir:-0} -eq 1 ]]; then rmdir /etc/udev/rules.d /etc/udev 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

if dpkg-query -W -f='${Status}' elder-kiosk 2>/dev/null | grep -q "ok installed"; then
    echo "FAIL: elder-kiosk is already installed on this machine; the test does not touch it" >&2
    exit 1
fi
if getent passwd kiosk >/dev/null; then
    echo "FAIL: a user kiosk exists already; the test would not know what purge may remove" >&2
    exit 1
fi
start=$(date +%s)
version=$(sed -n 's/^project(elder_kiosk VERSION \([0-9.]*\).*/\1/p' "$SOURCE_DIR/CMakeLists.txt")

# --- build and lint -------------------------------------------------------------------------
deb=$(BUILD_DIR="$BUILD_DIR" "$SOURCE_DIR/scripts/package.sh" | tail -n 1)
[[ $(basename "$deb") == "elder-kiosk_${version}-1_$(dpkg --print-architecture).deb" ]] || fail "package name $deb"
dpkg-deb -f "$deb" Depends >"$tmp/depends"
for dep in cage fonts-noto-cjk espeak-ng-data libsdl2-2.0-0 libsqlite3-0 libsodium23; do
    grep -qE "(^|, )$dep( |,|$)" "$tmp/depends" || fail "Depends lacks $dep: $(cat "$tmp/depends")"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles >"$tmp/conffiles"
grep -qx /etc/default/elder-kiosk "$tmp/conffiles" || fail "/etc/default/elder-kiosk is not a conffile"
lint_rc=0
lintian --fail-on error "$deb" >"$tmp/lintian" 2>&1 || lint_rc=$?
{ grep -v "running with root privileges" "$tmp/lintian" || true; } | sed 's/^/    lintian: /'
[ $lint_rc -eq 0 ] && ! grep -q "^E:" "$tmp/lintian" || fail "lintian reports errors"
# Warnings too: the ones that do not apply are overridden with their reason (debian/lintian-overrides).
! grep -q "^W:" "$tmp/lintian" || fail "lintian warns: $(grep "^W:" "$tmp/lintian" | tr '\n' ' ')"

# What the machine holds before: names under the places the package touches.
snapshot() {
    { find /etc /lib/systemd/system /lib/udev/rules.d /usr/bin /usr/libexec /usr/share/doc /usr/share/elder-kiosk \
        /var/lib/systemd /var/cache -xdev 2>/dev/null; ls -d /var/lib/elder-kiosk* 2>/dev/null; } 2>/dev/null |
        grep -v -e '^/etc/ld.so.cache$' -e '^/var/cache/apt' -e '^/var/cache/debconf' -e '^/var/cache/man' \
            -e '^/etc/.*-$' | sort || true
}
snapshot >"$tmp/before"

# --- install on a machine that is not a station ----------------------------------------------
apt_quiet install --no-install-recommends "$deb" || { cat "$tmp/apt.log" >&2; fail "apt-get install"; exit 1; }
installed_by_us=1
dpkg-query -W -f='${Status}' elder-kiosk | grep -q "install ok installed" || fail "not configured after install"
dpkg -L elder-kiosk >"$tmp/files"
IFS=: read -r _ _ uid _ _ home shell < <(getent passwd kiosk) || fail "no user kiosk"
[[ ${uid:-0} -gt 0 && ${uid:-0} -lt 1000 && $home == /var/lib/elder-kiosk && $shell == /usr/sbin/nologin ]] ||
    fail "user kiosk: uid $uid home $home shell $shell"
for dir in /var/lib/elder-kiosk /var/lib/elder-kiosk-status /var/cache/elder-kiosk; do
    [[ $(stat -c %U "$dir" 2>/dev/null) == kiosk ]] || fail "$dir is missing or not owned by kiosk"
done
ls /etc/systemd/system/*.wants/kiosk.service >/dev/null 2>&1 && fail "unit enabled on a machine that did not opt in"
[[ -e /etc/udev/rules.d/99-kiosk-usb.rules ]] && fail "USB rule active on a machine that did not opt in"
systemd-analyze verify /lib/systemd/system/kiosk.service >"$tmp/verify" 2>&1 || { cat "$tmp/verify" >&2; fail "systemd-analyze verify"; }
for page in kiosk kiosk-content; do
    man -l "/usr/share/man/man1/$page.1.gz" 2>/dev/null | grep -q -- "--version" || fail "man page $page(1)"
done
[[ $(/usr/bin/kiosk-content --version) == "kiosk-content $version" ]] || fail "kiosk-content --version: $(/usr/bin/kiosk-content --version)"
[[ $(/usr/bin/kiosk --version) == "kiosk $version" ]] || fail "kiosk --version: $(/usr/bin/kiosk --version 2>&1)"

# The installed kiosk as the service runs it: user kiosk, the package's data and cache dirs.
start_xvfb 1280x720x24
install -d -o kiosk "$tmp/shot"
if ! runuser -u kiosk -- env XDG_CACHE_HOME=/var/cache/elder-kiosk DISPLAY="$DISPLAY" \
    /usr/bin/kiosk --data-dir /var/lib/elder-kiosk --windowed 1280x720 --screen home \
    --screenshot "$tmp/shot/home.png" >"$tmp/kiosk.log" 2>&1; then
    cat "$tmp/kiosk.log" >&2
    fail "installed kiosk --screenshot"
fi
stop_xvfb
read -r w h colours < <(identify -format '%w %h %k\n' "$tmp/shot/home.png" 2>/dev/null || echo "0 0 0")
[[ $w == 1280 && $h == 720 && $colours -gt 50 ]] || fail "screenshot ${w}x${h} with $colours colours"
echo 246810 | runuser -u kiosk -- /usr/bin/kiosk-content set-pin --data-dir /var/lib/elder-kiosk >/dev/null ||
    fail "kiosk cannot set the PIN in its data dir"
[[ -s /var/lib/elder-kiosk/pin && -e /var/lib/elder-kiosk/store/CURRENT ]] || fail "no store or PIN in the data dir"

# --- purge keeps the station's content, handed to root ---------------------------------------
apt_quiet purge elder-kiosk || fail "apt-get purge"
getent passwd kiosk >/dev/null && fail "user kiosk left after purge"
getent group kiosk >/dev/null && fail "group kiosk left after purge"
[[ $(stat -c '%U %a' /var/lib/elder-kiosk 2>/dev/null) == "root 700" && -s /var/lib/elder-kiosk/pin ]] ||
    fail "purge did not keep the content private to root"
for gone in /var/lib/elder-kiosk-status /var/cache/elder-kiosk /usr/bin/kiosk /usr/bin/kiosk-content; do
    [[ -e $gone ]] && fail "$gone left after purge"
done

# --- a machine opted in as a station ---------------------------------------------------------
mkdir -p /etc/elder-kiosk && touch "$OPT_IN"
# A machine without udev (a container) has no rules dir; the station has one.
made_rules_dir=0
[[ -d /etc/udev/rules.d ]] || { mkdir -p /etc/udev/rules.d && made_rules_dir=1; }
apt_quiet install --no-install-recommends "$deb" || { cat "$tmp/apt.log" >&2; fail "apt-get install (opted in)"; exit 1; }
[[ $(readlink /etc/systemd/system/graphical.target.wants/kiosk.service) == /lib/systemd/system/kiosk.service ]] ||
    fail "opted-in install did not enable the unit"
[[ $(readlink /etc/udev/rules.d/99-kiosk-usb.rules) == /usr/share/elder-kiosk/99-kiosk-usb.rules ]] ||
    fail "opted-in install did not turn the USB rule on"
[[ $(stat -c %U /var/lib/elder-kiosk/pin) == kiosk ]] || fail "the kept content was not handed back to kiosk"
runuser -u kiosk -- /usr/bin/kiosk-content info --data-dir /var/lib/elder-kiosk >/dev/null ||
    fail "kiosk cannot read the kept content"

# --- purge as asked: nothing left ------------------------------------------------------------
ELDER_KIOSK_PURGE_CONTENT=yes apt_quiet purge elder-kiosk || fail "apt-get purge (content too)"
installed_by_us=0
rm -f "$OPT_IN" && rmdir /etc/elder-kiosk
[[ -e /etc/udev/rules.d/99-kiosk-usb.rules ]] && fail "purge left the USB rule link"
if [[ $made_rules_dir -eq 1 ]]; then rmdir /etc/udev/rules.d /etc/udev && made_rules_dir=0; fi
snapshot >"$tmp/after"
if ! diff "$tmp/before" "$tmp/after" >"$tmp/left"; then
    sed 's/^/    /' "$tmp/left" >&2
    fail "purge left the machine different"
fi
while read -r path; do
    [[ -e $path && ! -d $path ]] && ! grep -qxF "$path" "$tmp/before" && fail "$path left after purge"
done <"$tmp/files"
getent passwd kiosk >/dev/null && fail "user kiosk left after purge"
ls /var/lib/systemd/deb-systemd-helper-enabled/ 2>/dev/null | grep -q kiosk && fail "deb-systemd-helper state left"

echo "deb_package_test: $(($(date +%s) - start)) s"
if [[ $failures -ne 0 ]]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "deb_package_test: ok"

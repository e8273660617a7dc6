#!/usr/bin/env bash
# scripts/install-deps.sh waits for a held apt lock instead of failing at once: the package
# lists' lock (apt-get update) and dpkg's frontend lock (apt-get install), each held for a few
# seconds by another process. apt runs in a private sandbox (APT_CONFIG: its own lists, cache
# and dpkg status, no sources), so the machine's apt is never locked or changed. Root only.
# Usage: install_deps_lock_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail

SOURCE_DIR=$(cd "$2" && pwd)
if [ "$(id -u)" -ne 0 ]; then
    echo "install_deps_lock_test: SKIP (install-deps.sh would ask sudo for a password)"
    exit 77
fi
tmp=$(mktemp -d)
holder=
cleanup() {
    if [ -n "$holder" ]; then kill "$holder" 2>/dev/null || true; wait "$holder" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

sb=$tmp/apt
mkdir -p "$sb"/{lists/partial,cache/archives/partial,state,dpkg,etc/sources.list.d,etc/preferences.d}
touch "$sb/dpkg/status" "$sb/etc/sources.list"
cat >"$sb/apt.conf" <<CONF
Dir::State "$sb/state";
Dir::State::Lists "$sb/lists";
Dir::State::status "$sb/dpkg/status";
Dir::Cache "$sb/cache";
Dir::Etc::SourceList "$sb/etc/sources.list";
Dir::Etc::SourceParts "$sb/etc/sources.list.d";
Dir::Etc::Preferences "$sb/etc/preferences";
Dir::Etc::PreferencesParts "$sb/etc/preferences.d";
CONF
export APT_CONFIG=$sb/apt.conf

# hold LOCKFILE SECONDS: another process holds apt's kind of lock (fcntl) on LOCKFILE.
hold() {
    python3 -c 'import fcntl, sys, time
f = open(sys.argv[1], "w"); fcntl.lockf(f, fcntl.LOCK_EX); open(sys.argv[3], "w").close(); time.sleep(float(sys.argv[2]))' \
        "$1" "$2" "$tmp/held" &
    holder=$!
    for _ in $(seq 50); do [ -e "$tmp/held" ] && break; sleep 0.1; done
    rm -f "$tmp/held"
}

# A package that is missing everywhere makes install-deps run apt; in the sandbox apt can only
# answer "Unable to locate", which shows it got past the lock.
check_waits() { # NAME LOCKFILE SECONDS
    hold "$2" "$3"
    local t0=$SECONDS rc=0
    "$SOURCE_DIR/scripts/install-deps.sh" elder-kiosk-no-such-package >"$tmp/out" 2>&1 || rc=$?
    local took=$((SECONDS - t0))
    wait "$holder" 2>/dev/null || true
    holder=
    grep -q "waiting for another package manager" "$tmp/out" || fail "$1: no line saying it waits"
    grep -q "正在等待" "$tmp/out" || fail "$1: no Chinese line saying it waits"
    grep -q "Unable to locate package elder-kiosk-no-such-package" "$tmp/out" || fail "$1: apt did not get past the lock"
    [[ $rc -ne 0 && $took -ge $(($3 - 1)) ]] || fail "$1: exit $rc after ${took}s (lock held ${3}s)"
    if [[ $failures -ne 0 ]]; then sed 's/^/    /' "$tmp/out" >&2; fi
}

check_waits "lists lock (apt-get update)" "$sb/lists/lock" 6
check_waits "dpkg frontend lock (apt-get install)" "$sb/dpkg/lock-frontend" 4

if [[ $failures -ne 0 ]]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "install_deps_lock_test: ok"

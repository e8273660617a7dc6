#!/usr/bin/env bash
# Builds the Debian package build/elder-kiosk_VERSION_ARCH.deb (CPack's DEB generator) from a
# release build, and prints its path. Needs dpkg-dev (dpkg-shlibdeps computes Depends).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
"$top/scripts/build.sh"
cd "$build"
cpack -G DEB --config CPackConfig.cmake >cpack.log 2>&1 || { cat cpack.log >&2; exit 1; }
deb=$(sed -n 's/^CPack: - package: \(.*\.deb\) generated\.$/\1/p' cpack.log)
[ -n "$deb" ] && [ -f "$deb" ] || { cat cpack.log >&2; echo "package.sh: no .deb was generated" >&2; exit 1; }
echo "$deb"

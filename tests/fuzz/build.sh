#!/usr/bin/env bash
# Configures (once) and builds the clang ASan + UBSan build that tests/fuzz/run.sh and
# scripts/sanitize.sh share: libFuzzer coverage on content/, the app (kiosk/) left out because
# Debian 12's clang 14 cannot compile it (see KIOSK_BUILD_APP in CMakeLists.txt).
# Usage: tests/fuzz/build.sh BUILD_DIR TARGET...   Logs: BUILD_DIR/configure.log, build.log.
# Exit 0 when built; otherwise the first errors are printed. With KIOSK_FUZZ_REQUIRED=1 (CI)
# a missing clang fails; without it the exit is 77 (skipped).
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$1
shift
for cmd in clang clang++; do
    if ! command -v "$cmd" >/dev/null; then
        echo "SKIP: $cmd is not installed (scripts/install-deps.sh installs clang libclang-rt-14-dev)"
        [ "${KIOSK_FUZZ_REQUIRED:-0}" = 1 ] && exit 1
        exit 77
    fi
done
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
mkdir -p "$build"
if [ ! -f "$build/CMakeCache.txt" ]; then
    if ! cmake -S "$src" -B "$build" "${generator[@]}" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
        "${launcher[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_SANITIZE=ON -DKIOSK_FUZZ=ON \
        -DKIOSK_BUILD_APP=OFF >"$build/configure.log" 2>&1; then
        echo "FAIL: cmake configure of $build (log: $build/configure.log)"
        tail -20 "$build/configure.log"
        exit 1
    fi
fi
if ! cmake --build "$build" --target "$@" --parallel "$(nproc)" >"$build/build.log" 2>&1; then
    echo "FAIL: building $* in $build (log: $build/build.log)"
    grep -m20 -E 'error|FAILED' "$build/build.log" || tail -20 "$build/build.log"
    exit 1
fi

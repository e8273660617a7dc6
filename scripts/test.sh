#!/usr/bin/env bash
# Set-up command 2: install what is missing, build, and run the whole test suite: ctest on the
# normal build, then the unit tests under ASan + UBSan and each libFuzzer target for a fixed
# time (one clang build in build-sanitize/, see scripts/sanitize.sh and tests/fuzz/run.sh).
# Every stage runs even when an earlier one failed; the exit is 1 when any failed.
# KIOSK_FUZZ_SECONDS (default 10) is each fuzz target's time; 0 leaves out both sanitizer stages.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/install-deps.sh"
build=${BUILD_DIR:-$top/build}
sanitize_build=${SANITIZE_BUILD_DIR:-$top/build-sanitize}
fuzz_seconds=${KIOSK_FUZZ_SECONDS:-10}
# CI installs clang with the rest: a missing one is a failure there, not a skip.
export KIOSK_FUZZ_REQUIRED=1

failed=()
times=()
stage() { # stage NAME CMD...: runs it, notes its time and whether it failed
    local name=$1 started rc=0
    shift
    started=$(date +%s)
    echo "=== $name"
    "$@" || rc=$?
    times+=("$name $(($(date +%s) - started)) s")
    [ "$rc" = 0 ] || failed+=("$name")
    return 0
}
stage build "$top/scripts/build.sh"
if [ ${#failed[@]} = 0 ]; then
    stage ctest bash -c "cd '$build' && ctest --output-on-failure --timeout 900"
fi
if [ "$fuzz_seconds" != 0 ]; then
    stage "unit tests under ASan + UBSan" "$top/scripts/sanitize.sh" "$sanitize_build"
    stage "fuzzing ${fuzz_seconds} s a target" "$top/tests/fuzz/run.sh" "$fuzz_seconds" "$sanitize_build"
fi
echo "=== times: $(IFS=';'; echo "${times[*]}" | sed 's/;/, /g')"
if [ ${#failed[@]} != 0 ]; then
    echo "FAILED: $(IFS=','; echo "${failed[*]}" | sed 's/,/, /g')"
    exit 1
fi
echo "all stages passed"

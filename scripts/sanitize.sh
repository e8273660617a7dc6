#!/usr/bin/env bash
# The unit tests under AddressSanitizer + UndefinedBehaviorSanitizer (clang, KIOSK_SANITIZE):
# every test of content/ and platform/ (the kiosk/ tests need a clang newer than Debian 12's,
# see KIOSK_BUILD_APP). Any memory error, leak or undefined behaviour fails the run.
# Usage: scripts/sanitize.sh [BUILD_DIR=build-sanitize] [CATCH2 ARGS...]   (tests/fuzz/run.sh
# shares the build dir). Exit 0 when every test passed and no sanitizer spoke.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build-sanitize}
shift || true
started=$(date +%s)
rc=0
"$top/tests/fuzz/build.sh" "$build" kiosk_tests || rc=$?
[ "$rc" = 77 ] && exit 0
[ "$rc" = 0 ] || exit "$rc"
echo "sanitizer build (kiosk_tests) in $(($(date +%s) - started)) s"

# Reports go to a file per process (tests also start kiosk-content), read back below.
reports=$build/sanitizer-reports
rm -rf "$reports"
mkdir -p "$reports"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:log_path=$reports/asan:print_summary=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan"
export LSAN_OPTIONS="suppressions=$top/tests/fuzz/lsan.supp:print_suppressions=0"
log=$build/unit.log
started=$(date +%s)
rc=0
(cd "$build" && tests/kiosk_tests --order lex "$@") >"$log" 2>&1 || rc=$?
elapsed=$(($(date +%s) - started))
summary=$(grep -E '^(All tests passed|test cases:)' "$log" | tail -1 || true)
if [ "$rc" = 0 ] && [ -z "$(ls "$reports")" ]; then
    echo "ok   unit tests under ASan + UBSan in ${elapsed} s: ${summary}"
    exit 0
fi
echo "FAIL unit tests under ASan + UBSan (exit $rc, ${elapsed} s, log: $log): ${summary}"
grep -B2 -A12 -E 'FAILED:|ERROR: ' "$log" | head -60 || true
for report in "$reports"/*; do
    [ -e "$report" ] || continue
    echo "--- $report"
    grep -m12 -E 'ERROR|SUMMARY|runtime error|#[0-9] ' "$report" || head -20 "$report"
done
exit 1

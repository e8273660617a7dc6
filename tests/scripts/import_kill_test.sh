#!/usr/bin/env bash
# Power cut during an import: `kiosk-content import` of a big package is killed with SIGKILL at
# many points across its run. After each kill the store must read back as entirely the old
# content or entirely the new one: never a mix, never unreadable.
# Usage: import_kill_test.sh BUILD_DIR SOURCE_DIR [TRIALS]
set -euo pipefail

BUILD_DIR=$(cd "$1" && pwd)
SOURCE_DIR=$(cd "$2" && pwd)
TRIALS=${3:-40}
TOOL="$BUILD_DIR/kiosk-content"
WORK=$(mktemp -d)
child=
cleanup() {
    [[ -n $child ]] && kill -KILL "$child" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

python3 "$SOURCE_DIR/bench/gen_import_package.py" "$WORK/pkg" --activities 10000 --meals 3000 --notices 1000

# The old content: a fresh data dir seeded with the demo.
mkdir "$WORK/pristine"
# Opening the store for an import seeds it as the kiosk's first start does (info only reads);
# the package does not exist, so nothing else happens.
"$TOOL" import "$WORK/no-such-package" --data-dir "$WORK/pristine" >/dev/null 2>&1 || true
"$TOOL" export --data-dir "$WORK/pristine" -o "$WORK/old" >/dev/null

# The new content, and how long a whole import takes.
cp -a "$WORK/pristine" "$WORK/full"
start=$(date +%s%N)
"$TOOL" import "$WORK/pkg" --data-dir "$WORK/full" --allow-unsigned >/dev/null
total_ns=$(($(date +%s%N) - start))
"$TOOL" export --data-dir "$WORK/full" -o "$WORK/new" >/dev/null
if diff -rq "$WORK/old" "$WORK/new" >/dev/null; then
    echo "FAIL: the import did not change the content" >&2
    exit 1
fi
echo "a whole import takes $((total_ns / 1000000)) ms; killing it at $TRIALS points"

old=0
new=0
failures=0
for ((i = 0; i < TRIALS; i++)); do
    # From right at the start to a little past the end of a typical run.
    delay=$(awk -v t="$total_ns" -v i="$i" -v n="$TRIALS" 'BEGIN { printf "%.4f", t * 1.15 * i / (n - 1) / 1e9 }')
    rm -rf "$WORK/trial" "$WORK/got"
    cp -a "$WORK/pristine" "$WORK/trial"
    "$TOOL" import "$WORK/pkg" --data-dir "$WORK/trial" --allow-unsigned >/dev/null 2>&1 &
    child=$!
    sleep "$delay"
    kill -KILL "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
    child=

    if ! "$TOOL" export --data-dir "$WORK/trial" -o "$WORK/got" >"$WORK/export.log" 2>&1; then
        echo "FAIL: trial $i (killed after ${delay}s): the store is unreadable" >&2
        sed 's/^/    /' "$WORK/export.log" >&2
        failures=$((failures + 1))
        continue
    fi
    if diff -rq "$WORK/got" "$WORK/old" >/dev/null; then
        old=$((old + 1))
    elif diff -rq "$WORK/got" "$WORK/new" >/dev/null; then
        new=$((new + 1))
    else
        echo "FAIL: trial $i (killed after ${delay}s): the content is neither the old nor the new" >&2
        failures=$((failures + 1))
    fi
    # What is left behind is only the live file, the previous one and the pointer, once the
    # store is opened for writing again (the kiosk's start; export only reads).
    "$TOOL" import "$WORK/no-such-package" --data-dir "$WORK/trial" >/dev/null 2>&1 || true
    stray=$(find "$WORK/trial/store" -name '*.tmp' | wc -l)
    if [[ $stray -ne 0 ]]; then
        echo "FAIL: trial $i: temporary files left after reopening" >&2
        failures=$((failures + 1))
    fi
done

echo "after $TRIALS kills: $old old, $new new, $failures bad"
if [[ $failures -ne 0 ]]; then
    exit 1
fi
# Both ends must have been hit, or the kills did not span the import.
if [[ $old -eq 0 || $new -eq 0 ]]; then
    echo "FAIL: the kills did not span the import (old $old, new $new)" >&2
    exit 1
fi
echo "import_kill_test: ok"

#!/usr/bin/env bash
# Hostile packages (bench/gen_hostile.py: content.db bombs, virtual tables, WAL, sheets at every
# cap, recordings too long, too big, too many, not audio or with a lying header) through the
# real `kiosk-content check` and `import`: each ends within 10 s, `check` stays under 200 MB and
# `import` (the kiosk's own pipeline) under 300 MB peak RSS, every hostile one is rejected, and
# the store of the data dir is byte for byte what it was.
# Usage: hostile_check_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
for cmd in python3 /usr/bin/time; do
    if ! command -v "$cmd" >/dev/null; then
        echo "SKIP: $cmd is not installed"
        exit 0
    fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bash "$src/bench/hostile_bench.sh" "$build" "$tmp/hostile.md" >/dev/null
cat "$tmp/hostile.md"
failed=0
# | name | what | check MB | check s | exit | problems | import MB | store unchanged | before |
while IFS='|' read -r _ name _ crss csecs crc _ irss same _; do
    name=$(echo "$name" | xargs)
    case $name in package | ---* | "") continue ;; esac
    crss=$(echo "$crss" | xargs) csecs=$(echo "$csecs" | xargs) crc=$(echo "$crc" | xargs)
    irss=$(echo "$irss" | xargs) same=$(echo "$same" | xargs)
    want_rc=1 want_same=yes
    # These import: the largest valid packages, and a wav whose header lies about its length
    # (what is there, 64 frames, is a playable recording; the bound is that nothing reads 4 GB).
    case $name in csv-biggest-good | rec-biggest-good | rec-header-lies) want_rc=0 want_same=NO ;; esac
    problem=
    [ "$crss" -lt 200 ] || problem+=" check used ${crss} MB"
    [ "$irss" -lt 300 ] || problem+=" import used ${irss} MB"
    awk -v s="$csecs" 'BEGIN { exit !(s < 10) }' || problem+=" check took ${csecs} s"
    [ "$crc" = "$want_rc" ] || problem+=" check exit $crc"
    [ "$same" = "$want_same" ] || problem+=" store unchanged: $same"
    if [ -n "$problem" ]; then
        echo "FAIL $name:$problem"
        failed=1
    fi
done <"$tmp/hostile.md"
[ "$failed" = 0 ] && echo "PASS: every hostile package bounded"
exit "$failed"

#!/usr/bin/env bash
# Hostile packages (bench/gen_hostile.py) through the real programs: `kiosk-content check` and
# `kiosk-content import` (the kiosk's own import pipeline) with peak RSS, wall time, exit code
# and the number of problems, beside the figures issue 9 measured before the bounds.
# Usage: hostile_bench.sh BUILD_DIR [OUT.md]   (about 30 s)
set -euo pipefail
build=$(cd "$1" && pwd)
out=${2:-$(dirname "$0")/out/hostile.md}
tool=$build/kiosk-content
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$here/gen_hostile.py" "$tmp/pkgs" >"$tmp/list.tsv"
# A good package, so every data dir holds real content that a hostile import must not touch.
mkdir -p "$tmp/good"
printf '名称,电话\r\n急救中心,120\r\n' >"$tmp/good/contacts.csv"

# Issue 9's figures for the same kinds of input, before content/limits.h.
declare -A before=(
    [db-generated-cells]="5.2 GB (17 M problems)"
    [db-zeroblob-bomb]="3.5 GB after 10 s, still growing"
    [db-fts5]="imported"
    [db-wal]="stale content imported"
    [csv-long-title]="accepted"
)

measure() { # measure NAME CMD... → "rss_mb seconds rc problems"
    local name=$1
    shift
    local rc=0
    /usr/bin/time -f '%M %e' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
    local problems
    problems=$(grep -o '发现 [0-9]* 个问题' "$tmp/out" | head -1 | grep -o '[0-9]*' || echo 0)
    read -r kb secs < <(tail -1 "$tmp/time")
    echo "$((kb / 1024)) $secs $rc ${problems:-0}"
}

mkdir -p "$(dirname "$out")"
{
    echo "| package | what | check peak RSS MB | check s | exit | problems | import peak RSS MB | store unchanged | before (issue 9) |"
    echo "|---|---|---|---|---|---|---|---|---|"
    while IFS=$'\t' read -r -u 3 name what; do
        pkg=$tmp/pkgs/$name
        read -r crss csecs crc cproblems < <(measure "$name" "$tool" check "$pkg")
        data=$tmp/data-$name
        "$tool" import "$tmp/good" --data-dir "$data" --allow-unsigned >/dev/null
        before_hash=$(cd "$data/store" && sha256sum CURRENT content-*.db)
        read -r irss _ _ _ < <(measure "$name" "$tool" import "$pkg" --data-dir "$data" --allow-unsigned)
        same=yes
        [ "$before_hash" = "$(cd "$data/store" && sha256sum CURRENT content-*.db)" ] || same=NO
        echo "| $name | $what | $crss | $csecs | $crc | $cproblems | $irss | $same | ${before[$name]:-} |"
    done 3<"$tmp/list.tsv"
} | tee "$out"

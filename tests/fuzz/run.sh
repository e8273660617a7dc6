#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan + UBSan; tests/fuzz/build.sh)
# and runs each for a fixed time from a seed corpus: the committed seeds of
# tests/fuzz/corpus/<name>/ plus, for some targets, tests/fixtures and the demo sheets.
# Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET=20] [BUILD_DIR=build-sanitize]; targets run one a core
# at a time (KIOSK_FUZZ_JOBS, default nproc), each for SECONDS of its own core.
# Longer runs: tests/fuzz/run.sh 3600   (the corpus grows in BUILD_DIR/corpus/<target>/).
# scripts/test.sh (CI) runs it with a short budget and KIOSK_FUZZ_REQUIRED=1, so a missing
# clang fails instead of skipping.
# Exit 0 when no target crashed, leaked, hung or broke its bound; a failing input is kept in
# BUILD_DIR/artifacts/ and its path printed with the command that replays it.
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-20}
build=${2:-$src/build-sanitize}
targets=$(cd "$src/tests/fuzz" && ls fuzz_*.cpp | sed 's/\.cpp$//')
started=$(date +%s)
rc=0
# shellcheck disable=SC2086
"$src/tests/fuzz/build.sh" "$build" $targets || rc=$?
[ "$rc" = 77 ] && exit 0
[ "$rc" = 0 ] || exit "$rc"
echo "fuzz targets built in $(($(date +%s) - started)) s"

# seeds TARGET: files besides tests/fuzz/corpus/<name>/ that start its corpus.
seeds() {
    case $1 in
    fuzz_sheet) find "$src/tests/fixtures" "$src/content/demo" -name '*.csv' ;;
    fuzz_manifest) find "$src/tests/fixtures" -name 'manifest.json' ;;
    fuzz_signature) find "$src/tests/fixtures/trust" -name '*.minisig' -o -name '*.pub' -o -name '*.key' ;;
    fuzz_content_db) find "$build/seed-db" -name '*.db' ;;
    # Whole sheets are text a 朗读 button may read: every cell, commas and line breaks too.
    fuzz_speech_text) find "$src/content/demo" -name '*.csv' ;;
    esac
}
# A content.db seed: the good fixture package as `kiosk-content build` would write it.
mkdir -p "$build/seed-db"
python3 - "$build/seed-db/content.db" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.executescript('''DROP TABLE IF EXISTS contacts; DROP TABLE IF EXISTS activities;
CREATE TABLE contacts ("row" INTEGER PRIMARY KEY, "名称" TEXT NOT NULL, "电话" TEXT NOT NULL, "说明" TEXT NOT NULL, "类别" TEXT NOT NULL);
INSERT INTO contacts VALUES (1, '急救中心', '120', '', '紧急');
CREATE TABLE activities ("日期" TEXT, "开始" TEXT, "活动" TEXT);
INSERT INTO activities VALUES ('每天', '9:00', '太极拳');''')
con.commit()
PY

# The libraries' own leaks that are not ours (each one explained in the file).
export LSAN_OPTIONS="suppressions=$src/tests/fuzz/lsan.supp:print_suppressions=0"
mkdir -p "$build/artifacts"
# fuzz_one TARGET: prepares its corpus, runs it and prints its one result (then its details).
fuzz_one() {
    local target=$1 corpus=$build/corpus/$1 committed=$src/tests/fuzz/corpus/${1#fuzz_} log=$build/$1.log rc=0
    mkdir -p "$corpus"
    [ -d "$committed" ] && cp "$committed"/* "$corpus/"
    # Kind byte first for the sheet target: each fixture once per sheet kind it could be.
    while read -r seed; do
        [ -n "$seed" ] || continue
        if [ "$target" = fuzz_sheet ]; then
            for kind in 0 1 2 3 4 5 6; do
                { printf "\\x0$kind"; cat "$seed"; } >"$corpus/seed-$kind-$(basename "$seed")"
            done
        else
            cp "$seed" "$corpus/seed-$(basename "$seed")"
        fi
    done < <(seeds "$target")
    # The recording target writes its own seeds (short tones made with libsndfile).
    [ "$target" = fuzz_recording ] && KIOSK_FUZZ_WRITE_SEEDS=$corpus "$build/tests/fuzz/$target" >/dev/null 2>&1
    if [ -z "$(ls "$corpus")" ]; then
        echo "FAIL $target: no seeds (add files to tests/fuzz/corpus/${target#fuzz_}/)"
        return
    fi
    rm -f "$build/artifacts/$target-"*
    # -rss_limit_mb: a bound of content/limits.h broken shows as an out-of-memory crash;
    # -timeout: one input taking 10 s is a hang. timeout(1) covers a target that ignores both.
    timeout --kill-after=10 $((seconds + 120)) nice "$build/tests/fuzz/$target" -max_total_time="$seconds" \
        -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1 \
        "$corpus" >"$log" 2>&1 || rc=$?
    if [ "$rc" = 0 ]; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
        rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
        echo "ok   $target: $runs inputs in ${seconds} s, peak RSS ${rss} MB, corpus $(ls "$corpus" | wc -l)"
    else
        echo "FAIL $target (exit $rc, log: $log)"
        grep -m8 -E 'Sanitizer|deadly signal|runtime error|SUMMARY|ERROR: libFuzzer' "$log" | cut -c1-240 || tail -20 "$log"
        for artifact in "$build/artifacts/$target-"*; do
            [ -e "$artifact" ] || continue
            echo "  reproducer: $artifact"
            echo "  replay:     LSAN_OPTIONS=$LSAN_OPTIONS $build/tests/fuzz/$target $artifact"
        done
    fi
}

# One target a core at a time (KIOSK_FUZZ_JOBS): each still gets its whole SECONDS of one core.
jobs_max=${KIOSK_FUZZ_JOBS:-$(nproc)}
for target in $targets; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || true; done
    fuzz_one "$target" >"$build/$target.result" 2>&1 &
done
wait
failed=0
for target in $targets; do
    cat "$build/$target.result"
    grep -q '^FAIL' "$build/$target.result" && failed=1
done
exit "$failed"

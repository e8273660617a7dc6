#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan + UBSan) in their own build dir
# and runs each for a fixed time from a seed corpus made of tests/fixtures and the demo sheets.
# Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET=20] [BUILD_DIR=build-fuzz]
# Longer runs: tests/fuzz/run.sh 3600   (the corpus grows in BUILD_DIR/corpus/<target>/).
# Exit 0 when no target crashed, leaked or hung; a crash leaves its input in BUILD_DIR/artifacts/.
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-20}
build=${2:-$src/build-fuzz}
for cmd in clang clang++; do
    if ! command -v "$cmd" >/dev/null; then
        echo "SKIP: $cmd is not installed (apt-get install clang libclang-rt-14-dev)"
        exit 0
    fi
done

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_FUZZ=ON -DKIOSK_SANITIZE=ON -DKIOSK_BUILD_TESTS=OFF >/dev/null
targets=$(cd "$src/tests/fuzz" && ls fuzz_*.cpp | sed 's/\.cpp$//')
# shellcheck disable=SC2086
nice cmake --build "$build" --target $targets -- -j2 >/dev/null

# seeds TARGET: the fixture files that start its corpus (one line per target).
seeds() {
    case $1 in
    fuzz_sheet) find "$src/tests/fixtures" "$src/content/demo" -name '*.csv' ;;
    fuzz_manifest) find "$src/tests/fixtures" -name 'manifest.json' ;;
    fuzz_signature) find "$src/tests/fixtures/trust" -name '*.minisig' -o -name '*.pub' -o -name '*.key' ;;
    fuzz_content_db) find "$build/seed-db" -name '*.db' ;;
    *) echo "tests/fuzz/run.sh: no seeds listed for $1" >&2 ;;
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

failed=0
mkdir -p "$build/artifacts"
for target in $targets; do
    corpus=$build/corpus/$target
    mkdir -p "$corpus"
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
    log=$build/$target.log
    # -rss_limit_mb: a bound of content/limits.h broken shows as an out-of-memory crash.
    if nice "$build/tests/fuzz/$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1 "$corpus" >"$log" 2>&1; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
        rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
        echo "ok   $target: $runs inputs in ${seconds} s, peak RSS ${rss} MB, corpus $(ls "$corpus" | wc -l)"
    else
        echo "FAIL $target (log: $log)"
        grep -m5 -E 'ERROR|SUMMARY|==[0-9]+==' "$log" || tail -20 "$log"
        failed=1
    fi
done
exit "$failed"

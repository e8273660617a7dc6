#!/usr/bin/env bash
# Memory over many content updates: the kiosk runs on one Xvfb with a drop folder; the script
# pushes N signed packages (each with new characters, so the font atlas is rebuilt every time,
# and every other one with a bad row, so a rejection panel shows too), waits for each to apply,
# and prints the kiosk's PSS, RSS, open files and threads after each. A kiosk that leaks shows a
# rising column; one that does not settles after the first few imports.
# Usage: bench/soak.sh BUILD_DIR [N]   (N imports, default 40; results in bench/out/soak.md, the
# kiosk's own output in bench/out/soak-kiosk.log). With a KIOSK_SANITIZE=ON build it is also a
# leak check: AddressSanitizer's leak report lands in that log when the kiosk exits.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build=$(cd "${1:?usage: soak.sh BUILD_DIR [N]}" && pwd)
count=${2:-40}
bench_require Xvfb:xvfb python3:python3
kiosk=$(bench_find_exe "$build" kiosk) || bench_die "no kiosk in $build"
tool=$(bench_find_exe "$build" kiosk-content) || bench_die "no kiosk-content in $build"

BENCH_TMP=$(mktemp -d /tmp/kiosk-soak.XXXXXX)
trap bench_cleanup EXIT
out_dir="$BENCH_DIR/out"
mkdir -p "$out_dir"
data=$BENCH_TMP/data drop=$BENCH_TMP/drop status=$BENCH_TMP/status media=$BENCH_TMP/media
mkdir -p "$data" "$drop" "$status" "$media"
"$tool" keygen -p "$BENCH_TMP/office.pub" -s "$BENCH_TMP/office.key" >/dev/null
"$tool" trust "$BENCH_TMP/office.pub" --data-dir "$data" >/dev/null

bench_start_xvfb 1920x1080x24
bench_spawn "$BENCH_TMP/kiosk.log" "$kiosk" --data-dir "$data" --drop-dir "$drop" --media-root "$media" \
    --status-dir "$status" --windowed 1920x1080
pid=$BG_PID

status_version() {
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["last_import"]["version"])' \
        "$status/status.json" 2>/dev/null || true
}
status_ok() {
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["last_import"]["ok"])' \
        "$status/status.json" 2>/dev/null || true
}
sample() { # pss rss fds threads of the kiosk
    local pss rss fds threads
    pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup")
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
    threads=$(awk '/^Threads:/ {print $2}' "/proc/$pid/status")
    fds=$(ls "/proc/$pid/fd" | wc -l)
    printf '%d %d %d %d\n' $((pss / 1024)) $((rss / 1024)) "$fds" "$threads"
}

for _ in $(seq 1 100); do [[ -s $status/status.json ]] && break; sleep 0.2; done
[[ -s $status/status.json ]] || bench_die "no status.json (see $BENCH_TMP/kiosk.log)"
sleep 2
read -r pss rss fds threads < <(sample)
table="| import | result | PSS MB | RSS MB | open fds | threads |
|---|---|---|---|---|---|
| start | demo content | $pss | $rss | $fds | $threads |"
bench_log "start: PSS ${pss} MB, RSS ${rss} MB, ${fds} fds, ${threads} threads"

for i in $(seq 1 "$count"); do
    version=$((209901010000 + i))
    pkg=$BENCH_TMP/src/pkg-$i
    mkdir -p "$pkg"
    # Forty characters this package alone has (a sliding window over CJK), twenty activities.
    python3 - "$pkg" "$i" <<'PY'
import sys
pkg, i = sys.argv[1], int(sys.argv[2])
base = 0x4E00 + (i * 40) % 20000
chars = ''.join(chr(base + k) for k in range(40))
rows = ['日期,开始,结束,活动,地点,说明,类别']
for k in range(20):
    rows.append(f'每天,{8 + k % 10:02d}:00,,{chars[k:k + 6]}活动{k},活动室,{chars[20:]},文体')
if i % 2 == 0:
    rows.append('2026-13-45,09:00,,坏日期的一行,活动室,,文体')
open(f'{pkg}/activities.csv', 'w', encoding='utf-8').write('\r\n'.join(rows) + '\r\n')
PY
    "$tool" sign "$pkg" --key "$BENCH_TMP/office.key" --version "$version" >/dev/null
    cp -r "$pkg" "$drop/.tmp-$i" && mv "$drop/.tmp-$i" "$drop/pkg-$i"
    for _ in $(seq 1 150); do [[ $(status_version) == "$version" ]] && break; sleep 0.2; done
    [[ $(status_version) == "$version" ]] || bench_die "import $i did not finish (see $BENCH_TMP/kiosk.log)"
    result=$([[ $(status_ok) == True ]] && echo applied || echo rejected)
    sleep 1 # let the panel and the atlas rebuild happen
    read -r pss rss fds threads < <(sample)
    table+="
| $i | $result | $pss | $rss | $fds | $threads |"
    bench_log "import $i ($result): PSS ${pss} MB, RSS ${rss} MB, ${fds} fds, ${threads} threads"
done
kill -0 "$pid" || bench_die "the kiosk died (see $BENCH_TMP/kiosk.log)"
# SIGTERM, as systemd stops it; a sanitizer build (KIOSK_SANITIZE=ON) reports leaks here.
bench_stop "$pid"
cp "$BENCH_TMP/kiosk.log" "$out_dir/soak-kiosk.log"
if grep -q "ERROR: \(Address\|Leak\)Sanitizer\|runtime error:" "$out_dir/soak-kiosk.log"; then
    bench_log "sanitizer findings: see $out_dir/soak-kiosk.log"
fi

report="# Soak: $count imports into a running kiosk ($(date -u +%F), load $(cut -d' ' -f1-3 /proc/loadavg))

$table"
printf '%s\n' "$report" >"$out_dir/soak.md"
printf '%s\n' "$report"

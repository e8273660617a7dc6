#!/usr/bin/env bash
# kiosk-content say: --explain prints the normalised line, -o writes speech as a WAV of a
# plausible length that is not silence, --data-dir adds the kiosk's readings.csv.
# Usage: say_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail

BUILD_DIR=$(cd "$1" && pwd)
TOOL="$BUILD_DIR/kiosk-content"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

got=$("$TOOL" say "重阳节请拨打96110，2026年6月3日9:30到银行还款12.5元" --explain)
want="chong2 yang2 节请拨打九六幺幺零,二零二六年六月三日九点三十分到 yin2 hang2 huan2 kuan3 十二点五元"
[[ "$got" == "$want" ]] || fail "explain: got '$got', want '$want'"
[[ $(printf '%s\n' "$got" | wc -l) -eq 1 ]] || fail "explain prints more than one line"

# A district's readings.csv in the data dir (GBK, as Excel saves it) overrides a built-in word.
mkdir -p "$WORK/data"
printf '词语,读音\r\n重阳,zhong4 yang2\r\n' | iconv -f UTF-8 -t GBK >"$WORK/data/readings.csv"
got=$("$TOOL" say "重阳" --explain --data-dir "$WORK/data")
[[ "$got" == "zhong4 yang2" ]] || fail "readings.csv: got '$got'"

# WAV: duration and loudness read back with Python's wave module.
wav_stats() {
    python3 - "$1" <<'PY'
import sys, wave, array
w = wave.open(sys.argv[1])
assert w.getnchannels() == 1 and w.getsampwidth() == 2, "not mono 16-bit"
frames = array.array('h', w.readframes(w.getnframes()))
loud = sum(1 for s in frames if abs(s) > 1000)
print("%.2f %.3f" % (w.getnframes() / w.getframerate(), loud / max(1, len(frames))))
PY
}
"$TOOL" say "社区养老服务站欢迎您。今天上午九点有太极拳。" -o "$WORK/short.wav" || fail "say -o failed"
"$TOOL" say "社区养老服务站欢迎您。今天上午九点有太极拳。下午两点在三楼活动室有健康讲座，请大家准时参加。" \
    -o "$WORK/long.wav" || fail "say -o (long) failed"
read -r short_s short_loud < <(wav_stats "$WORK/short.wav")
read -r long_s long_loud < <(wav_stats "$WORK/long.wav")
echo "short: ${short_s}s (loud share $short_loud); long: ${long_s}s (loud share $long_loud)"
# About 20 syllables at a slow rate: 3 to 12 seconds; twice the text takes clearly longer.
python3 -c "import sys; s,l,q=map(float,sys.argv[1:]); sys.exit(0 if 3<=s<=12 and l>s*1.5 and q>0.1 else 1)" \
    "$short_s" "$long_s" "$short_loud" || fail "implausible speech: ${short_s}s / ${long_s}s, loud share $short_loud"

# Everything staff can meet is plain Chinese: an unwritable WAV (libsndfile's own text is
# English) and no sound device for playing (alsa-lib prints English lines of its own).
code=0
"$TOOL" say "你好" -o "$WORK/no/such/dir/x.wav" 2>"$WORK/err" || code=$?
[[ $code -eq 1 ]] || fail "say -o into a missing folder exits $code, want 1"
grep -q "无法写入.*文件夹\|无法写入.*不存在\|无法写入.*找不到" "$WORK/err" || fail "unwritable WAV: $(cat "$WORK/err")"
grep -q "System error\|No such" "$WORK/err" && fail "unwritable WAV in English: $(cat "$WORK/err")"
code=0
ALSA_CARD=no-such-card PULSE_SERVER=unix:$WORK/no-pulse timeout 20 "$TOOL" say "你好" 2>"$WORK/err" || code=$?
if [[ $code -ne 0 ]]; then
    [[ $code -eq 1 ]] || fail "say without a sound device exits $code, want 1"
    grep -q "声音设备" "$WORK/err" || fail "no sound device: $(cat "$WORK/err")"
    grep -q "ALSA\|error:" "$WORK/err" && fail "no sound device, English lines: $(cat "$WORK/err")"
fi

# Bad usage: no text.
code=0
"$TOOL" say >/dev/null 2>&1 || code=$?
[[ $code -eq 2 ]] || fail "say without TEXT exits $code, want 2"

if [[ $failures -gt 0 ]]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "say: all checks passed"

#!/usr/bin/env bash
# Renders every kiosk screen under Xvfb (landscape, and portrait for a few), checks each PNG
# exists and is not blank, and reads key words back with tesseract (chi_sim) — a fair check
# that the Chinese text is really rendered and legible.
# Usage: screenshot_test.sh BUILD_DIR SOURCE_DIR [OUT_DIR]
set -euo pipefail
BUILD_DIR=$(cd "$1" && pwd)
SOURCE_DIR=$(cd "$2" && pwd)
OUT_DIR=${3:-}
KIOSK=$BUILD_DIR/kiosk
[[ -x $KIOSK ]] || { echo "no $KIOSK: build the kiosk target first" >&2; exit 1; }
for tool in xvfb-run tesseract python3 convert zbarimg; do
    command -v $tool >/dev/null || { echo "SKIP: $tool not installed" >&2; exit 0; }
done

TMP=$(mktemp -d /tmp/kiosk-shots.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
DATA=$TMP/data
mkdir -p "$DATA"
NOW=2026-06-03T10:15 # a Wednesday morning: activities on now, lunch, a clinic today
failures=0

# shot NAME SIZE FILE
shot() {
    xvfb-run -a -s "-screen 0 1920x1920x24" "$KIOSK" --data-dir "$DATA" --windowed "$2" --now "$NOW" \
        --screen "$1" --screenshot "$3" >"$3.log" 2>&1
}

# not_blank FILE: a real screen has many distinct colours and both dark and light pixels.
not_blank() {
    python3 - "$1" <<'PY'
import sys, zlib, struct
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, w, h = 8, b'', 0, 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR': w, h, depth, colour = struct.unpack('>IIBB', body[:10])
    if kind == b'IDAT': idat += body
    pos += 12 + n
assert depth == 8 and colour in (2, 6), 'not 8-bit RGB or RGBA'
raw = zlib.decompress(idat)
stride = w * (3 if colour == 2 else 4) + 1
assert len(raw) == stride * h, 'wrong amount of pixel data'
# Sample the filter-0 free bytes roughly: distinct byte values across rows are enough to tell
# a blank or single-colour image from a drawn screen.
values = set()
for y in range(0, h, max(1, h // 60)):
    row = raw[y * stride + 1:(y + 1) * stride]
    values.update(row[::97])
if len(values) < 20:
    print('blank-looking image: %d distinct values' % len(values)); sys.exit(1)
PY
}

# expect FILE WORD... : every word must appear in the OCR text (spaces removed). Words are
# picked from dark-on-light text: tesseract reads white-on-colour chips and tiles poorly.
expect() {
    local file=$1; shift
    local text ocr_in=$file
    # CROP=WxH+X+Y reads one strip of the screen only: a half-scrolled line next to it makes
    # tesseract garble a whole block (the guide's footer hotline under its scrolled steps).
    if [[ -n ${CROP:-} ]]; then
        ocr_in=$TMP/crop-$(basename "$file")
        convert "$file" -crop "$CROP" +repage "$ocr_in"
    fi
    # PSM=6 (one block of text) reads grids of cards that the default page layout splits badly.
    text=$(tesseract "$ocr_in" - -l chi_sim --psm "${PSM:-3}" 2>/dev/null | tr -d ' \n\t')
    local word missing=0
    for word in "$@"; do
        if [[ $text != *"$word"* ]]; then
            echo "FAIL: $(basename "$file"): \"$word\" not read back" >&2
            missing=1
        fi
    done
    if ((missing)); then
        echo "  OCR read: ${text:0:300}" >&2
        failures=$((failures + 1))
    fi
}

recheck() { # recheck SCREEN SIZE WORD...: more words from the PNG that check already rendered
    local screen=$1 size=$2; shift 2
    local file=$TMP/$screen-$size.png
    [[ -s $file ]] || { echo "FAIL: no $file to recheck" >&2; failures=$((failures + 1)); return; }
    expect "$file" "$@"
    echo "ok: $screen $size (again)"
}

check() { # check SCREEN SIZE WORD... (SHOT=NAME saves it under another name, NOW= another time)
    local screen=$1 size=$2; shift 2
    local file=$TMP/${SHOT:-$screen}-$size.png
    if ! shot "$screen" "$size" "$file"; then
        echo "FAIL: kiosk --screen $screen --windowed $size exited non-zero" >&2
        cat "$file.log" >&2
        failures=$((failures + 1))
        return
    fi
    [[ -s $file ]] || { echo "FAIL: no $file" >&2; failures=$((failures + 1)); return; }
    not_blank "$file" || { echo "FAIL: $file looks blank" >&2; failures=$((failures + 1)); return; }
    expect "$file" "$@"
    if [[ -n $OUT_DIR ]]; then
        local tag=landscape
        [[ $size == 1080x1920 ]] && tag=portrait
        cp "$file" "$OUT_DIR/${SHOT:-$screen}-$tag.png"
    fi
    echo "ok: $screen $size"
}

PSM=4 check home 1920x1080 服务站 星期三 义务理发
# The banner's title on its own: white on red, which tesseract misses in the whole page.
PSM=7 CROP=400x90+255+245 recheck home 1920x1080 停水通知
# The three cards are whole at normal size: the lecture card (read on its own) has its title
# to the last word over two lines and its time under it, the lunch card all its dishes.
PSM=6 CROP=500x430+1066+475 recheck home 1920x1080 中医义诊 号脉、看舌苔 09:00 11:30
PSM=6 CROP=480x390+556+515 recheck home 1920x1080 刀削面 凉拌黄瓜
PSM=6 CROP=300x140+1590+670 recheck home 1920x1080 扫码加入晋东一社区微信群
# The urgent banner pushes the two-line welcome out of the body; its first sentence stays, whole,
# on one line under the station name (tesseract reads its ！ as !).
PSM=7 CROP=1040x80+30+130 recheck home 1920x1080 叔叔阿姨好 欢迎来到咱们自己的服务站。
# At 1920x1080 all eight of today's activities and all four meals are on screen at once.
PSM=6 check activities 1920x1080 量血压测血糖 晨练健康操 义务理发 书法班 防骗小课堂 理疗 文艺排练 棋牌
# Each of the four meal cards read on its own (tesseract garbles 粥 and 葱 in the whole row).
PSM=6 CROP=440x200+40+440 check meals 1920x1080 煮鸡蛋 小咸菜
PSM=6 CROP=440x200+505+440 recheck meals 1920x1080 刀削面
PSM=6 CROP=440x200+970+440 recheck meals 1920x1080 凉拌豆芽
PSM=6 CROP=440x200+1435+440 recheck meals 1920x1080 热牛奶
check lectures 1920x1080 义诊 主讲
# The 置顶 chip is white on colour (read poorly next to each card's 朗读 button): the pinned
# notice is checked by its title.
check notices 1920x1080 开放时间 停水通知 值班电话
PSM=6 check guide 1920x1080 讲座卖保健 说您的病很重
# The footer hotline line on its own (left of the 下一条 button).
PSM=7 CROP=1200x160+300+895 recheck guide 1920x1080 反诈专线 96110 报警110
check contacts 1920x1080 急救 反诈专线 96110
check attract 1920x1080 服务站 扫码加入 农历
check home 1080x1920 服务站 星期三
# 重阳 (2026-10-18, 农历九月初九): home's column and the idle screen name the festival, and it is
# also 老年节.
NOW=2026-10-18T09:30 SHOT=home-chongyang PSM=4 check home 1920x1080 农历九月初九 重阳节 老年节
NOW=2026-10-18T09:30 SHOT=attract-chongyang check attract 1920x1080 九月初九 重阳节
PSM=6 check guide 1080x1920 讲座卖保健 96110
# In portrait the section's name does not fit beside 返回首页 and 朗读: it gets a row of its own.
PSM=7 CROP=600x120+0+150 check meals 1080x1920 每日菜单
for s in activities meals lectures notices contacts attract; do
    if [[ -n $OUT_DIR ]]; then check $s 1080x1920; fi
done

# The station's QR code in idle mode (both orientations) and on home decodes to station.csv's
# 二维码, and its caption (二维码说明) is next to it: at least 240 px a side at 1080p.
"$BUILD_DIR/kiosk-content" export --data-dir "$DATA" -o "$TMP/export" >/dev/null
want_qr=$(grep '^二维码,' "$TMP/export/station.csv" | cut -d, -f2- | tr -d '\r')
for shot_file in attract-1920x1080 home-1080x1920; do
    got=$(zbarimg -q --raw "$TMP/$shot_file.png" 2>/dev/null || true)
    if [[ -z $want_qr || $got != "$want_qr" ]]; then
        echo "FAIL: $shot_file.png: QR reads '$got', want '$want_qr'" >&2
        failures=$((failures + 1))
    fi
done
if [[ ! -s $TMP/attract-1080x1920.png ]]; then shot attract 1080x1920 "$TMP/attract-1080x1920.png" || true; fi
got=$(zbarimg -q --raw "$TMP/attract-1080x1920.png" 2>/dev/null || true)
[[ $got == "$want_qr" ]] || { echo "FAIL: attract portrait: QR reads '$got'" >&2; failures=$((failures + 1)); }
recheck attract 1080x1920 扫码加入
# The code's side: the quiet zone is white (#FFFFFF) on the navy background, so the largest
# white square in the landscape idle screen is the code with its quiet zone.
side=$(python3 - "$TMP/attract-1920x1080.png" <<'PY'
import sys, zlib, struct
data = open(sys.argv[1], 'rb').read()
pos, idat = 8, b''
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR': w, h, depth, colour = struct.unpack('>IIBB', body[:10])
    if kind == b'IDAT': idat += body
    pos += 12 + n
raw = zlib.decompress(idat); bpp = 3 if colour == 2 else 4; stride = w * bpp + 1
rows, prev = [], bytearray(w * bpp)
for y in range(h):
    f, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
    for i in range(len(line)):
        a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line); prev = line
# The longest run of pure white in a row, over all rows: the quiet zone's top edge.
best = 0
for line in rows:
    run = 0
    for x in range(w):
        white = line[x * bpp] == 255 and line[x * bpp + 1] == 255 and line[x * bpp + 2] == 255
        run = run + 1 if white else 0
        best = max(best, run)
print(best)
PY
)
if ((side < 240)); then
    echo "FAIL: the idle screen's QR code is ${side} px wide, want at least 240" >&2
    failures=$((failures + 1))
fi
echo "ok: QR codes decode (attract both orientations, home portrait), idle QR ${side} px"

# The atlas stays within 2048x2048 for the demo content.
while read -r w h; do
    if ((w > 2048 || h > 2048)); then
        echo "FAIL: font atlas ${w}x${h} is larger than 2048x2048" >&2
        failures=$((failures + 1))
    fi
done < <(grep -ohE "font atlas [0-9]+x[0-9]+" "$TMP"/*.log | sed -E 's/font atlas ([0-9]+)x([0-9]+)/\1 \2/')

if ((failures)); then
    echo "$failures screenshot check(s) failed" >&2
    exit 1
fi
echo "all screenshot checks passed"

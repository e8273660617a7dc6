#!/usr/bin/env bash
# kiosk-content's content commands as staff and deployment scripts use them:
# init, check, build, import, export, info; exit codes 0 ok / 1 failure / 2 usage.
# Usage: tool_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail

BUILD_DIR=$(cd "$1" && pwd)
SOURCE_DIR=$(cd "$2" && pwd)
TOOL="$BUILD_DIR/kiosk-content"
PACKAGES="$SOURCE_DIR/tests/fixtures/packages"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect CODE CMD... : runs CMD, keeps its output in $WORK/out, checks the exit code.
expect() {
    local want=$1; shift
    local got=0
    "$@" >"$WORK/out" 2>&1 || got=$?
    if [[ $got -ne $want ]]; then
        fail "exit $got (want $want): $*"
        sed 's/^/    /' "$WORK/out" >&2
    fi
}
contains() {
    grep -qF -- "$1" "$WORK/out" || { fail "output lacks '$1'"; sed 's/^/    /' "$WORK/out" >&2; }
}
hash_dir() { (cd "$1" && find . -type f ! -name LOCK -print0 | sort -z | xargs -0 sha256sum); }
# check_json 'PYTHON CONDITION on d': the last output is JSON and the condition holds.
check_json() {
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($1) else 1)" "$WORK/out" ||
        { fail "JSON check: $1"; sed 's/^/    /' "$WORK/out" >&2; }
}

# --version, --help generated from the options (Chinese, each default stated), usage errors
version=$(sed -n 's/^project(elder_kiosk VERSION \([0-9.]*\).*/\1/p' "$SOURCE_DIR/CMakeLists.txt")
expect 0 "$TOOL" --version
[[ $(cat "$WORK/out") == "kiosk-content $version" ]] || fail "--version printed '$(cat "$WORK/out")', want 'kiosk-content $version'"
expect 0 "$TOOL" --help
for command in init check build import export info keygen sign trust set-pin; do contains "  $command "; done
contains "用法: kiosk-content"
# the top-level list shows each command's whole command line, so it names every option
contains "  import PKG --data-dir DIR [--allow-unsigned]"
contains "  export --data-dir DIR -o,--output DIR"
contains "  check PKG [--data-dir DIR]"
expect 0 "$TOOL" keygen --help
contains "-p PUB"
contains "（默认：kiosk.pub）"
expect 0 "$TOOL" import --help
contains "--data-dir DIR"
contains "（必须给出）"
expect 2 "$TOOL" bogus
contains "参数错误：未知命令：bogus"
expect 2 "$TOOL" --frob
contains "参数错误：不认识的参数：--frob"
expect 2 "$TOOL" init "$WORK/a" "$WORK/b"
contains "参数错误：不认识的参数"
contains "用法: kiosk-content init"
expect 2 "$TOOL" sign "$WORK" --key "$WORK/k" --version abc
contains "版本号应为正整数"
expect 2 "$TOOL"
expect 2 "$TOOL" check
expect 2 "$TOOL" import "$PACKAGES/good"
expect 2 "$TOOL" build "$PACKAGES/good"
expect 2 "$TOOL" info --data-dir
expect 2 "$TOOL" export --data-dir "$WORK/data" --bogus

# init writes seven templates once and never overwrites
expect 0 "$TOOL" init "$WORK/tpl"
[[ $(ls "$WORK/tpl" | wc -l) -eq 7 ]] || fail "init wrote $(ls "$WORK/tpl" | wc -l) files"
expect 1 "$TOOL" init "$WORK/tpl"
expect 0 "$TOOL" check "$WORK/tpl"
contains "可以导入"

# check
expect 0 "$TOOL" check "$PACKAGES/good"
expect 0 "$TOOL" check "$PACKAGES/good-gbk"
expect 1 "$TOOL" check "$PACKAGES/bad-date"
contains "activities.csv:4:日期: "
expect 1 "$TOOL" check "$PACKAGES/bad-missing-column"
contains "meals.csv:1:餐次"
expect 1 "$TOOL" check "$PACKAGES/bad-xlsx"
contains "另存为"
expect 1 "$TOOL" check "$PACKAGES/no-sheets"
contains "没有找到任何表格"
expect 1 "$TOOL" check "$WORK/nowhere"

# info on a fresh data dir: the demo, version 1, no import yet; a missing dir is an error
expect 1 "$TOOL" info --data-dir "$WORK/missing"
mkdir "$WORK/data"
expect 0 "$TOOL" info --data-dir "$WORK/data"
check_json 'd["version"] == 1 and d["last_import"] is None and
    list(d["rows"]) == ["station", "activities", "meals", "lectures", "notices", "guide", "contacts"]' 
# info only reads: it shows the demo a new data dir would get, but writes nothing
[[ -z $(ls -A "$WORK/data") ]] || fail "info wrote into the data dir: $(ls -A "$WORK/data")"

# import: unsigned needs --allow-unsigned; a bad package leaves the store byte-identical
expect 1 "$TOOL" import "$PACKAGES/good" --data-dir "$WORK/data"
contains "未签名"
before=$(hash_dir "$WORK/data/store")
expect 1 "$TOOL" import "$PACKAGES/bad-date" --data-dir "$WORK/data" --allow-unsigned
contains "activities.csv:4:日期"
[[ $(hash_dir "$WORK/data/store") == "$before" ]] || fail "rejected import changed the store"
expect 0 "$TOOL" import "$PACKAGES/good" --data-dir "$WORK/data" --allow-unsigned
contains "已更新：站点信息 1 条、活动 3 条"
expect 0 "$TOOL" info --data-dir "$WORK/data"
check_json 'd["version"] == 2 and d["rows"]["activities"] == 3 and d["rows"]["station"] == 1 and
    d["last_import"]["ok"] is True and d["last_import"]["source"] == "'"$PACKAGES/good"'" and
    __import__("re").fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", d["last_import"]["time"])'

# check with the data dir says what a header-only sheet would empty
mkdir "$WORK/clear" && printf '\xef\xbb\xbf标题,正文\r\n' >"$WORK/clear/notices.csv"
expect 0 "$TOOL" check "$WORK/clear" --data-dir "$WORK/data"
contains "可以导入：通知 0 条（原有 1 条将被清空）"

# export writes BOM sheets that re-import unchanged
expect 0 "$TOOL" export --data-dir "$WORK/data" -o "$WORK/export"
[[ $(head -c 3 "$WORK/export/activities.csv" | od -An -tx1 | tr -d ' ') == efbbbf ]] || fail "export BOM"
mkdir "$WORK/data2"
expect 0 "$TOOL" import "$WORK/export" --data-dir "$WORK/data2" --allow-unsigned
expect 0 "$TOOL" export --data-dir "$WORK/data2" -o "$WORK/export2"
diff -r "$WORK/export" "$WORK/export2" >/dev/null || fail "export → import → export differs"

# export refuses a folder whose content.db or manifest would keep the sheets from re-importing
mkdir "$WORK/stale" && cp "$WORK/export/meals.csv" "$WORK/stale/" && echo '{}' >"$WORK/stale/manifest.json"
before=$(hash_dir "$WORK/stale")
expect 1 "$TOOL" export --data-dir "$WORK/data" -o "$WORK/stale"
contains "没有导出：文件夹 $WORK/stale 里已有 manifest.json"
[[ $(hash_dir "$WORK/stale") == "$before" ]] || fail "a refused export changed the folder"

# build a content.db and import it as a package
expect 0 "$TOOL" build "$PACKAGES/good-gbk" -o "$WORK/gbk.db"
mkdir "$WORK/dbpkg" && cp "$WORK/gbk.db" "$WORK/dbpkg/content.db"
expect 0 "$TOOL" check "$WORK/dbpkg"
expect 0 "$TOOL" import "$WORK/dbpkg" --data-dir "$WORK/data" --allow-unsigned
contains "已更新：活动 2 条、电话 1 条"
expect 0 "$TOOL" info --data-dir "$WORK/data"
check_json 'd["version"] == 3 and d["rows"]["activities"] == 2 and d["rows"]["meals"] == 1' 
# a folder in the way of FILE.db: named as such, nothing left behind
mkdir "$WORK/adir.db"
expect 1 "$TOOL" build "$PACKAGES/good" -o "$WORK/adir.db"
contains "无法生成 $WORK/adir.db：这是一个文件夹，不是文件"
[[ ! -e "$WORK/adir.db.tmp" ]] || fail "build left adir.db.tmp behind"
# content.db built into the package itself: said at once that such a package does not import
cp -r "$PACKAGES/good" "$WORK/inplace"
expect 0 "$TOOL" build "$WORK/inplace" -o "$WORK/inplace/content.db"
contains "注意：content.db 和表格在同一个文件夹里"
expect 0 "$TOOL" build "$PACKAGES/good" -o "$WORK/elsewhere.db"
if grep -qF "注意" "$WORK/out"; then fail "build warned about a content.db outside the package"; fi
expect 1 "$TOOL" build "$PACKAGES/bad-date" -o "$WORK/bad.db"
[[ ! -e "$WORK/bad.db" ]] || fail "build wrote a file for a bad package"

# a package with both kinds, and garbage as content.db
cp "$PACKAGES/good/meals.csv" "$WORK/dbpkg/"
expect 1 "$TOOL" import "$WORK/dbpkg" --data-dir "$WORK/data" --allow-unsigned
contains "二选一"
mkdir "$WORK/junk" && head -c 20000 /dev/urandom >"$WORK/junk/content.db"
expect 1 "$TOOL" check "$WORK/junk"
contains "content.db"

# a signed package: refused until its key is trusted, then applied with the manifest's version
cp -r "$PACKAGES/good" "$WORK/signed"
expect 0 "$TOOL" keygen -p "$WORK/k.pub" -s "$WORK/k.sec"
expect 0 "$TOOL" sign "$WORK/signed" --key "$WORK/k.sec"
expect 0 "$TOOL" check "$WORK/signed"
mkdir "$WORK/data3"
expect 1 "$TOOL" import "$WORK/signed" --data-dir "$WORK/data3"
contains "签名"
expect 0 "$TOOL" trust "$WORK/k.pub" --data-dir "$WORK/data3"
expect 0 "$TOOL" import "$WORK/signed" --data-dir "$WORK/data3"
manifest_version=$(grep -o '"version": *[0-9]*' "$WORK/signed/manifest.json" | grep -o '[0-9]*$')
contains "内容版本：$manifest_version"
# a listed file changed after signing: rejected, store untouched (on a kiosk that has not
# applied this version yet, which would refuse it for its version first)
mkdir "$WORK/data3t"
expect 0 "$TOOL" trust "$WORK/k.pub" --data-dir "$WORK/data3t"
# info only reads: an import (unsigned, at the console) makes the store the tampered package must leave alone.
expect 0 "$TOOL" import "$PACKAGES/good" --data-dir "$WORK/data3t" --allow-unsigned
before=$(hash_dir "$WORK/data3t/store")
printf '名称,电话\r\n改过,110\r\n' >"$WORK/signed/contacts.csv"
expect 1 "$TOOL" import "$WORK/signed" --data-dir "$WORK/data3t"
contains "contacts.csv"
[[ $(hash_dir "$WORK/data3t/store") == "$before" ]] || fail "tampered signed import changed the store"

# versions only go forward (SPEC Trust): an older signed package and the same one again are
# refused naming both versions; a local edit does not make the district's next package look
# old; an absurd version is refused with a reason
mkdir "$WORK/data4"
expect 0 "$TOOL" trust "$WORK/k.pub" --data-dir "$WORK/data4"
for v in 202606030900 202606010900 202606040900; do
    rm -rf "$WORK/v$v" && cp -r "$PACKAGES/good" "$WORK/v$v"
    expect 0 "$TOOL" sign "$WORK/v$v" --key "$WORK/k.sec" --version $v
done
expect 0 "$TOOL" import "$WORK/v202606030900" --data-dir "$WORK/data4"
before=$(hash_dir "$WORK/data4/store")
expect 1 "$TOOL" import "$WORK/v202606010900" --data-dir "$WORK/data4"
contains "202606010900"
contains "202606030900"
expect 1 "$TOOL" import "$WORK/v202606030900" --data-dir "$WORK/data4"
contains "不比已导入的签名内容（版本 202606030900）新"
[[ $(hash_dir "$WORK/data4/store") == "$before" ]] || fail "a refused old signed import changed the store"
expect 0 "$TOOL" info --data-dir "$WORK/data4"
check_json 'd["version"] == 202606030900'
expect 0 "$TOOL" import "$PACKAGES/good" --data-dir "$WORK/data4" --allow-unsigned
expect 0 "$TOOL" info --data-dir "$WORK/data4"
check_json 'd["version"] == 202606030901'
expect 0 "$TOOL" import "$WORK/v202606040900" --data-dir "$WORK/data4"
contains "内容版本：202606040900"
# sign never writes a manifest every kiosk would refuse (import_versions_test covers a kiosk
# given one signed elsewhere)
rm -rf "$WORK/huge" && cp -r "$PACKAGES/good" "$WORK/huge"
for v in 9223372036854775807 1000000000000000 99999999999999999999; do
    expect 2 "$TOOL" sign "$WORK/huge" --key "$WORK/k.sec" --version $v
    contains "14 位数字"
done
[[ ! -e "$WORK/huge/manifest.json" ]] || fail "sign wrote a manifest with a version kiosks refuse"
expect 0 "$TOOL" sign "$WORK/huge" --key "$WORK/k.sec" --version 99999999999999

# check never says 可以导入 for a bad signature: with a data dir's keys it verifies as import
# does; without, it says plainly that it made no trust decision
cp -r "$PACKAGES/good" "$WORK/signed2"
expect 0 "$TOOL" sign "$WORK/signed2" --key "$WORK/k.sec"
expect 0 "$TOOL" check "$WORK/signed2" --data-dir "$WORK/data3"
contains "签名：有效"
sed -i 's/"version": *\([0-9]*\)/"version": 1\1/' "$WORK/signed2/manifest.json"
expect 1 "$TOOL" check "$WORK/signed2" --data-dir "$WORK/data3"
contains "不能导入"
contains "manifest.json.minisig: 签名无效"
expect 0 "$TOOL" check "$WORK/signed2"
contains "未核对是否受信任"
if grep -qF "可以导入" "$WORK/out"; then fail "check without keys claimed 可以导入 for a signed package"; fi
mkdir "$WORK/nokeys"
expect 1 "$TOOL" check "$WORK/signed2" --data-dir "$WORK/nokeys"
contains "签名密钥不受信任"
expect 1 "$TOOL" check "$WORK/signed2" --data-dir "$WORK/missing"

# a data dir whose CURRENT pointer is lost: info and export use the newest store file, say so,
# and change nothing (it used to seed the demo over the real stores)
rm "$WORK/data3/store/CURRENT"
before=$(hash_dir "$WORK/data3")
expect 0 "$TOOL" info --data-dir "$WORK/data3"
contains "不见了"
expect 0 "$TOOL" export --data-dir "$WORK/data3" -o "$WORK/export3"
grep -qF "急救中心" "$WORK/export3/contacts.csv" || fail "export after a lost CURRENT lost the content"
[[ $(hash_dir "$WORK/data3") == "$before" ]] || fail "info/export changed a data dir with a lost CURRENT"

# keys mixed up: the secret key given to trust, the public key given to sign; a keygen that
# cannot write the public key leaves no secret key behind
expect 1 "$TOOL" trust "$WORK/k.sec" --data-dir "$WORK/data-mixup"
contains "是私钥文件，不是公钥"
[[ ! -e "$WORK/data-mixup/trusted" ]] || fail "trust stored a secret key"
expect 1 "$TOOL" sign "$WORK/signed" --key "$WORK/k.pub"
contains "是公钥文件；签名要用私钥"
expect 1 "$TOOL" keygen -p "$WORK" -s "$WORK/orphan.key"
[[ ! -e "$WORK/orphan.key" ]] || fail "keygen left a secret key without its public key"

# set-pin: the PIN from standard input, with or without a line end, CRLF, spaces, full-width
# digits (a Chinese input method) or a byte order mark; stored hashed; bad ones refused in Chinese
for pin in '2468' '2468\n' '2468\r\n' '  13579  \n' '\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x94\n' '\xef\xbb\xbf2468\r\n'; do
    printf "$pin" >"$WORK/pin-in"
    expect 0 "$TOOL" set-pin --data-dir "$WORK/pin" <"$WORK/pin-in"
    contains "工作人员密码已设置"
    grep -q '^\$argon2' "$WORK/pin/pin" || fail "set-pin did not store a hash for '$pin'"
done
for pin in '123\n' '123456789\n' '12a4\n' '\n' ''; do
    printf "$pin" >"$WORK/pin-in"
    expect 1 "$TOOL" set-pin --data-dir "$WORK/pin" <"$WORK/pin-in"
    contains "密码"
done
if grep -q 2468 "$WORK/pin/pin"; then fail "the PIN is stored in clear"; fi

# fleet: the page's 生成时间 names the office PC's zone beside the kiosks' own times
mkdir -p "$WORK/fleet/k1"
cat >"$WORK/fleet/k1/status.json" <<'JSON'
{"kiosk_id": "k1", "station": "晋东一社区", "app_version": "0.1.0", "content_version": 3,
 "updated": "2026-12-01T09:30:00+08:00", "started": "2026-12-01T08:00:00+08:00", "uptime_seconds": 5400,
 "screen": "home", "last_import": {"ok": true, "time": "2026-12-01T08:00:00+08:00", "source": "demo", "version": 3}}
JSON
for zone in "Asia/Shanghai UTC+8" "Asia/Kolkata UTC+5:30" "UTC UTC+0"; do
    TZ=${zone% *} "$TOOL" fleet "$WORK/fleet" -o "$WORK/fleet.html" >"$WORK/out" 2>&1 || true
    grep -o "生成时间 [0-9-]* [0-9:]*（[^）]*）" "$WORK/fleet.html" | grep -qF "（${zone#* }）" ||
        fail "fleet under TZ=${zone% *}: 生成时间 does not name ${zone#* }"
done

if [[ $failures -ne 0 ]]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "tool_test: ok"

#!/bin/bash
# Our keys and signatures against the stock minisign tool, both ways.
# Usage: bash minisign_interop_test.sh BUILD_DIR SOURCE_DIR
set -u

# Absolute paths: the checks run in a scratch directory.
BUILD_DIR=$(cd "${1:?build dir}" && pwd)
SOURCE_DIR=$(cd "${2:?source dir}" && pwd)
TOOL="$BUILD_DIR/kiosk-content"

if ! command -v minisign >/dev/null 2>&1; then
    echo "SKIP: minisign is not installed"
    exit 0
fi
if [ ! -x "$TOOL" ]; then
    echo "FAIL: $TOOL not built"
    exit 1
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1

failures=0
pass() { echo "ok   - $1"; }
fail() { echo "FAIL - $1"; failures=$((failures + 1)); }
expect() { # expect DESCRIPTION COMMAND...: the command must succeed
    local what=$1; shift
    if "$@" >"$WORK/out.txt" 2>&1; then pass "$what"; else fail "$what"; sed 's/^/     /' "$WORK/out.txt"; fi
}
refuse() { # refuse DESCRIPTION COMMAND...: the command must fail (exit 1)
    local what=$1; shift
    "$@" >"$WORK/out.txt" 2>&1
    local rc=$?
    if [ $rc -eq 1 ]; then pass "$what"; else fail "$what (exit $rc, wanted 1)"; sed 's/^/     /' "$WORK/out.txt"; fi
}
said() { # said TEXT: the last command's output holds TEXT (the reason staff are shown)
    if grep -qF "$1" "$WORK/out.txt"; then pass "  ... saying “$1”"; else fail "  ... saying “$1”"; sed 's/^/     /' "$WORK/out.txt"; fi
}

make_package() { # make_package DIR: a small valid package
    mkdir -p "$1"
    printf '\xef\xbb\xbf项目,内容\r\n站点名称,幸福里社区养老服务站\r\n值班电话,010-12345678\r\n' >"$1/station.csv"
    printf '日期,开始,结束,活动,地点,说明,类别\r\n每天,9:00,10:00,太极拳,活动室,,文体\r\n' >"$1/activities.csv"
}

# Writes DIR/manifest.json by hand, the way a district office script without our tool would.
write_manifest() { # write_manifest DIR VERSION
    local dir=$1 version=$2
    local a s
    a=$(sha256sum "$dir/activities.csv" | cut -d' ' -f1)
    s=$(sha256sum "$dir/station.csv" | cut -d' ' -f1)
    printf '{"format": 1, "version": %s, "station": "幸福里", "files": {"activities.csv": "%s", "station.csv": "%s"}}\n' \
        "$version" "$a" "$s" >"$dir/manifest.json"
}

# Whether `kiosk-content import` is usable in this build (it is written separately).
import_works=0
mkdir -p probe
make_package probe/pkg
if "$TOOL" import probe/pkg --data-dir probe/data --allow-unsigned >/dev/null 2>&1; then
    import_works=1
else
    echo "note: kiosk-content import does not apply a plain unsigned package here; import checks skipped"
fi

echo "# 1. kiosk-content keygen + sign; stock minisign verifies"
expect "keygen" "$TOOL" keygen
[ "$(stat -c %a kiosk.key)" = 600 ] && pass "secret key is mode 0600" || fail "secret key is mode 0600"
refuse "keygen refuses to overwrite" "$TOOL" keygen
expect "keygen -f overwrites" "$TOOL" keygen -f
make_package pkg
expect "sign" "$TOOL" sign pkg --key kiosk.key
expect "minisign -V accepts our signature" minisign -V -p kiosk.pub -m pkg/manifest.json
expect "minisign -V -H (prehashed) accepts our signature" minisign -V -H -p kiosk.pub -m pkg/manifest.json
grep -q '"activities.csv"' pkg/manifest.json && grep -q '"station.csv"' pkg/manifest.json &&
    pass "manifest lists the sheets" || fail "manifest lists the sheets"
grep -q '"station": "幸福里社区养老服务站"' pkg/manifest.json && pass "manifest names the station" ||
    fail "manifest names the station"
v1=$(sed -n 's/.*"version": *\([0-9]*\).*/\1/p' pkg/manifest.json)
expect "re-sign" "$TOOL" sign pkg --key kiosk.key -t "release test"
v2=$(sed -n 's/.*"version": *\([0-9]*\).*/\1/p' pkg/manifest.json)
[ -n "$v1" ] && [ "$v2" -gt "$v1" ] && pass "re-signing raises the version ($v1 → $v2)" ||
    fail "re-signing raises the version ($v1 → $v2)"
minisign -V -p kiosk.pub -m pkg/manifest.json 2>&1 | grep -q "release test" && pass "trusted comment given with -t" ||
    fail "trusted comment given with -t"
# Our secret key file works in stock minisign too.
echo "hello" >hello.txt
expect "minisign -S with our secret key" minisign -S -s kiosk.key -m hello.txt
expect "... and minisign -V verifies it" minisign -V -p kiosk.pub -m hello.txt

echo "# 2. stock minisign keys and signatures; kiosk-content trusts and imports them"
expect "minisign -G -W" minisign -G -W -p ms.pub -s ms.key
expect "trust the minisign key" "$TOOL" trust ms.pub --data-dir data
ls data/trusted/*.pub >/dev/null 2>&1 && pass "key stored in data/trusted" || fail "key stored in data/trusted"
refuse "trust refuses a non-key" "$TOOL" trust hello.txt --data-dir data
expect "kiosk-content sign with a minisign -W secret key" "$TOOL" sign pkg --key ms.key --version 100
expect "... and minisign verifies it" minisign -V -p ms.pub -m pkg/manifest.json

# A password-protected key as plain `minisign -G` writes it (fixture; password "secret pw").
make_package encpkg
cp "$SOURCE_DIR/tests/fixtures/trust/encrypted.key" "$SOURCE_DIR/tests/fixtures/trust/encrypted.pub" .
expect "kiosk-content sign with a password-protected minisign key" \
    bash -c "echo 'secret pw' | '$TOOL' sign encpkg --key encrypted.key"
expect "... and minisign verifies it" minisign -V -p encrypted.pub -m encpkg/manifest.json
refuse "a wrong password is refused" bash -c "echo 'wrong' | '$TOOL' sign encpkg --key encrypted.key"
said "私钥密码不正确"

make_package hashed
write_manifest hashed 202606030900
expect "minisign -S (prehashed)" minisign -S -s ms.key -m hashed/manifest.json
make_package legacy
write_manifest legacy 202606031000
if minisign -S -l -s ms.key -m legacy/manifest.json >/dev/null 2>&1; then
    have_legacy=1
    pass "minisign -S -l (legacy)"
else
    have_legacy=0
    echo "note: this minisign cannot sign in the legacy format"
fi

if [ $import_works = 1 ]; then
    refuse "import refuses a package signed by an untrusted key" "$TOOL" import pkg --data-dir untrusting
    said "签名密钥不受信任"
    expect "import accepts a minisign prehashed signature" "$TOOL" import hashed --data-dir data
    if [ $have_legacy = 1 ]; then
        expect "import accepts a minisign legacy signature" "$TOOL" import legacy --data-dir data
    fi
    # Tampering after signing: a changed sheet, a changed manifest, an edited trusted comment.
    make_package tampered
    write_manifest tampered 202606031100
    minisign -S -s ms.key -m tampered/manifest.json >/dev/null 2>&1
    sed -i 's/太极拳/广场舞/' tampered/activities.csv
    refuse "import refuses a changed sheet" "$TOOL" import tampered --data-dir data
    make_package tampered2
    write_manifest tampered2 202606031200
    minisign -S -s ms.key -m tampered2/manifest.json >/dev/null 2>&1
    sed -i 's/202606031200/202606031300/' tampered2/manifest.json
    refuse "import refuses a changed manifest" "$TOOL" import tampered2 --data-dir data
    said "签名与内容不符"
    make_package tampered3
    write_manifest tampered3 202606031400
    minisign -S -s ms.key -m tampered3/manifest.json -t "version 1" >/dev/null 2>&1
    sed -i 's/^trusted comment: version 1$/trusted comment: version 2/' tampered3/manifest.json.minisig
    refuse "import refuses an edited trusted comment" "$TOOL" import tampered3 --data-dir data
    said "可信注释被改动"
    # Our own signature once our key is trusted too.
    expect "trust our key" "$TOOL" trust kiosk.pub --data-dir data
    expect "kiosk-content sign with our key" "$TOOL" sign pkg --key kiosk.key --version 202606040000
    expect "import accepts our own signature" "$TOOL" import pkg --data-dir data
fi

echo "# 3. set-pin"
echo " 2468 " | "$TOOL" set-pin --data-dir data >/dev/null 2>&1 && pass "set-pin from standard input" ||
    fail "set-pin from standard input"
[ "$(stat -c %a data/pin 2>/dev/null)" = 600 ] && pass "pin file is mode 0600" || fail "pin file is mode 0600"
grep -q 2468 data/pin && fail "pin stored hashed" || pass "pin stored hashed"
echo "12" | "$TOOL" set-pin --data-dir data >/dev/null 2>&1
[ $? -eq 1 ] && pass "set-pin refuses a short PIN" || fail "set-pin refuses a short PIN"

if [ $failures -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all minisign interop checks passed"
exit 0

// Keys, signatures (ours and stock minisign's), the manifest and the staff PIN.
#include "content/trust.h"
#include "content/trust_detail.h"

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>
#include <sodium.h>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

#ifndef KIOSK_SOURCE_DIR
#define KIOSK_SOURCE_DIR "."
#endif

using namespace content;

namespace {

using TrustTempDir = test::TempDir;

// A fresh directory under the system temp dir, removed when the test ends.
std::string readFixture(const std::string& name)
{
    std::ifstream in(fs::path(KIOSK_SOURCE_DIR) / "tests/fixtures/trust" / name, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

std::string joinLines(const std::vector<std::string>& parts, const char* eol = "\n")
{
    std::string out;
    for (const std::string& part : parts) out += part + eol;
    return out;
}

std::string base64(const std::vector<uint8_t>& bytes)
{
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);
    return out;
}

// A legacy ("Ed", message signed directly) .minisig, made by hand the way minisign -l does.
std::string legacySignature(std::string_view message, const SecretKey& key, const std::string& comment)
{
    std::vector<uint8_t> sig = {'E', 'd'};
    sig.insert(sig.end(), key.keyId.begin(), key.keyId.end());
    sig.resize(sig.size() + crypto_sign_BYTES);
    crypto_sign_detached(sig.data() + 10, nullptr, reinterpret_cast<const uint8_t*>(message.data()), message.size(),
                         key.key.data());
    std::vector<uint8_t> global(sig.begin() + 10, sig.end());
    global.insert(global.end(), comment.begin(), comment.end());
    std::vector<uint8_t> globalSig(crypto_sign_BYTES);
    crypto_sign_detached(globalSig.data(), nullptr, global.data(), global.size(), key.key.data());
    return joinLines({"untrusted comment: legacy", base64(sig), "trusted comment: " + comment, base64(globalSig)});
}

} // namespace

TEST_CASE("trust: public and secret key files round trip", "[trust]")
{
    auto [pub, sec] = generateKeyPair();
    CHECK(pub.keyId == sec.keyId);

    std::string pubText = formatPublicKeyFile(pub);
    CHECK(pubText.rfind("untrusted comment: minisign public key ", 0) == 0);
    CHECK(lines(pubText)[1].rfind("RW", 0) == 0);
    auto pubBack = parsePublicKey(pubText);
    REQUIRE(pubBack);
    CHECK(pubBack->keyId == pub.keyId);
    CHECK(pubBack->key == pub.key);
    // A bare base64 line and CRLF line ends are accepted too.
    CHECK(parsePublicKey(lines(pubText)[1]));
    CHECK(parsePublicKey(joinLines(lines(pubText), "\r\n")));
    CHECK(parsePublicKey("\xEF\xBB\xBF" + pubText));

    std::string secText = formatSecretKeyFile(sec);
    auto secBack = parseSecretKey(secText);
    REQUIRE(secBack);
    CHECK(secBack->keyId == sec.keyId);
    CHECK(secBack->key == sec.key);
    CHECK_FALSE(detail::isEncryptedSecretKey(secText));

    // A flipped bit in the secret key is caught by the checksum / key consistency.
    std::vector<std::string> secLines = lines(secText);
    secLines[1][100] = secLines[1][100] == 'A' ? 'B' : 'A';
    CHECK_FALSE(parseSecretKey(joinLines(secLines)));
    // A secret key is not a public key and the other way round.
    CHECK_FALSE(parsePublicKey(secText));
    CHECK_FALSE(parseSecretKey(pubText));
}

TEST_CASE("trust: key files written by stock minisign parse", "[trust]")
{
    auto pub = parsePublicKey(readFixture("minisign.pub"));
    auto sec = parseSecretKey(readFixture("minisign.key"));
    REQUIRE(pub);
    REQUIRE(sec);
    CHECK(pub->keyId == sec->keyId);
    // The secret key signs what the public key verifies.
    std::string sig = signMessage("hello", *sec, "t");
    CHECK(verifySignature("hello", sig, {*pub}).ok);

    std::string encrypted = readFixture("encrypted.key");
    CHECK(detail::isEncryptedSecretKey(encrypted));
    CHECK_FALSE(parseSecretKey(encrypted));
}

TEST_CASE("trust: signatures by stock minisign verify (prehashed and legacy)", "[trust]")
{
    auto pub = parsePublicKey(readFixture("minisign.pub"));
    REQUIRE(pub);
    std::string manifest = readFixture("manifest.json");

    SignatureCheck hashed = verifySignature(manifest, readFixture("manifest.json.minisig"), {*pub});
    CHECK(hashed.ok);
    CHECK(hashed.trustedComment == "timestamp:1780000000\tfile:manifest.json\thashed");

    SignatureCheck legacy = verifySignature(manifest, readFixture("manifest.json.legacy.minisig"), {*pub});
    CHECK(legacy.ok);
    CHECK(legacy.trustedComment == "legacy fixture");

    CHECK_FALSE(verifySignature(manifest + " ", readFixture("manifest.json.minisig"), {*pub}).ok);
    CHECK_FALSE(verifySignature(manifest + " ", readFixture("manifest.json.legacy.minisig"), {*pub}).ok);
}

TEST_CASE("trust: sign and verify", "[trust]")
{
    auto [pub, sec] = generateKeyPair();
    auto [otherPub, otherSec] = generateKeyPair();
    const std::string message = R"({"format": 1, "version": 5, "files": {}})";

    std::string sig = signMessage(message, sec, "timestamp:1\tfile:manifest.json");
    std::vector<std::string> sigLines = lines(sig);
    REQUIRE(sigLines.size() == 4);
    CHECK(sigLines[0] == "untrusted comment: signature from kiosk-content secret key");
    CHECK(sigLines[1].rfind("RU", 0) == 0); // "ED": prehashed (legacy "Ed" would be RW)
    CHECK(sigLines[2] == "trusted comment: timestamp:1\tfile:manifest.json");

    SECTION("good")
    {
        SignatureCheck check = verifySignature(message, sig, {otherPub, pub});
        CHECK(check.ok);
        CHECK(check.problem.empty());
        CHECK(check.trustedComment == "timestamp:1\tfile:manifest.json");
        // CRLF line ends (a file that passed through Windows) still verify.
        CHECK(verifySignature(message, joinLines(sigLines, "\r\n"), {pub}).ok);
        // So does a file saved by Notepad with a byte order mark.
        CHECK(verifySignature(message, "\xEF\xBB\xBF" + sig, {pub}).ok);
        // The untrusted comment is not signed.
        sigLines[0] = "untrusted comment: anything at all";
        CHECK(verifySignature(message, joinLines(sigLines), {pub}).ok);
    }
    SECTION("default trusted comment")
    {
        std::string plain = signMessage(message, sec, "");
        SignatureCheck check = verifySignature(message, plain, {pub});
        CHECK(check.ok);
        CHECK(check.trustedComment.rfind("timestamp:", 0) == 0);
    }
    SECTION("legacy Ed form")
    {
        std::string legacy = legacySignature(message, sec, "old style");
        SignatureCheck check = verifySignature(message, legacy, {pub});
        CHECK(check.ok);
        CHECK(check.trustedComment == "old style");
        CHECK_FALSE(verifySignature(message + "x", legacy, {pub}).ok);
    }
    SECTION("tampered message")
    {
        std::string changed = message;
        changed[20] = '6';
        SignatureCheck check = verifySignature(changed, sig, {pub});
        CHECK_FALSE(check.ok);
        CHECK(check.problem == "签名与内容不符（文件可能被改动）");
    }
    SECTION("tampered trusted comment")
    {
        sigLines[2] = "trusted comment: timestamp:2\tfile:manifest.json";
        SignatureCheck check = verifySignature(message, joinLines(sigLines), {pub});
        CHECK_FALSE(check.ok);
        CHECK(check.problem.find("可信注释被改动") != std::string::npos);
    }
    SECTION("wrong or no key")
    {
        SignatureCheck check = verifySignature(message, sig, {otherPub});
        CHECK_FALSE(check.ok);
        CHECK(check.problem.find("签名密钥不受信任") != std::string::npos);
        CHECK_FALSE(verifySignature(message, sig, {}).ok);
        // Same key id, different key: the signature does not match.
        PublicKey impostor = otherPub;
        impostor.keyId = pub.keyId;
        CHECK_FALSE(verifySignature(message, sig, {impostor}).ok);
        // Signed by the other secret key under our key id.
        SecretKey forged = otherSec;
        forged.keyId = sec.keyId;
        CHECK_FALSE(verifySignature(message, signMessage(message, forged, "x"), {pub}).ok);
    }
    SECTION("missing signature")
    {
        SignatureCheck check = verifySignature(message, "", {pub});
        CHECK_FALSE(check.ok);
        CHECK(check.problem.find("未签名") != std::string::npos);
        CHECK_FALSE(verifySignature(message, " \r\n\n", {pub}).ok);
    }
    SECTION("truncated and garbage signature files")
    {
        std::vector<std::string> bad = {
            sig.substr(0, sig.size() / 2),
            joinLines({sigLines[0], sigLines[1], sigLines[2]}),
            joinLines({sigLines[1], sigLines[2], sigLines[3]}),
            joinLines({sigLines[0], sigLines[1].substr(0, 40), sigLines[2], sigLines[3]}),
            joinLines({sigLines[0], sigLines[1] + "AAAA", sigLines[2], sigLines[3]}),
            joinLines({sigLines[0], "!!!not base64!!!", sigLines[2], sigLines[3]}),
            joinLines({sigLines[0], sigLines[1], "no prefix", sigLines[3]}),
            joinLines({sigLines[0], sigLines[1], sigLines[2], sigLines[3].substr(0, 20)}),
            joinLines({sigLines[0], sigLines[1], sigLines[2], sigLines[3], "extra"}),
            std::string("\0\0\0\xff\xfe", 5),
            std::string(100000, 'A'),
            "untrusted comment:\n\ntrusted comment: \n\n",
        };
        for (const std::string& text : bad) {
            SignatureCheck check = verifySignature(message, text, {pub});
            CHECK_FALSE(check.ok);
            CHECK_FALSE(check.problem.empty());
        }
        // An unknown algorithm with the right length.
        std::vector<uint8_t> raw(74, 0);
        raw[0] = 'X';
        raw[1] = 'x';
        std::copy(pub.keyId.begin(), pub.keyId.end(), raw.begin() + 2);
        SignatureCheck check =
            verifySignature(message, joinLines({sigLines[0], base64(raw), sigLines[2], sigLines[3]}), {pub});
        CHECK_FALSE(check.ok);
        CHECK(check.problem.find("签名文件格式错误") != std::string::npos);
    }
}

TEST_CASE("trust: password-protected secret keys decrypt", "[trust]")
{
    // Build an encrypted key the way minisign does, with cheap scrypt limits to keep this fast:
    // "Ed" "Sc" "B2" salt opslimit memlimit, then (key id | secret key | checksum) XOR scrypt stream.
    auto [pub, sec] = generateKeyPair();
    std::string plainText = formatSecretKeyFile(sec);
    std::vector<uint8_t> raw(158);
    std::string line = lines(plainText)[1];
    size_t length = 0;
    REQUIRE(sodium_base642bin(raw.data(), raw.size(), line.data(), line.size(), nullptr, &length, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) == 0);
    REQUIRE(length == 158);
    raw[2] = 'S';
    raw[3] = 'c';
    randombytes_buf(raw.data() + 6, 32);
    const uint64_t opslimit = crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_MIN;
    const uint64_t memlimit = crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_MIN;
    for (int i = 0; i < 8; ++i) {
        raw[38 + i] = static_cast<uint8_t>(opslimit >> (8 * i));
        raw[46 + i] = static_cast<uint8_t>(memlimit >> (8 * i));
    }
    std::vector<uint8_t> stream(104);
    const std::string password = "correct horse";
    REQUIRE(crypto_pwhash_scryptsalsa208sha256(stream.data(), stream.size(), password.data(), password.size(),
                                               raw.data() + 6, opslimit, memlimit) == 0);
    for (size_t i = 0; i < stream.size(); ++i) raw[54 + i] ^= stream[i];
    std::string encrypted = "untrusted comment: minisign encrypted secret key\n" + base64(raw) + "\n";

    CHECK(detail::isEncryptedSecretKey(encrypted));
    CHECK_FALSE(parseSecretKey(encrypted));
    std::string error;
    auto key = detail::decryptSecretKey(encrypted, password, error);
    REQUIRE(key);
    CHECK(key->key == sec.key);
    CHECK(key->keyId == sec.keyId);
    CHECK_FALSE(detail::decryptSecretKey(encrypted, "wrong", error));
    CHECK(error == "私钥密码不正确");
    // Unencrypted files pass through; garbage is refused with a reason.
    CHECK(detail::decryptSecretKey(plainText, "", error));
    CHECK_FALSE(detail::decryptSecretKey("garbage", "", error));
    CHECK_FALSE(error.empty());
}

TEST_CASE("trust: garbage key files do not parse", "[trust]")
{
    for (std::string text :
         {std::string(), std::string("untrusted comment: x\n"), std::string("RWQ"),
          std::string("untrusted comment: x\n!!!!\n"), std::string(5000, '='), std::string("\xff\xfe\x00", 3)}) {
        CHECK_FALSE(parsePublicKey(text));
        CHECK_FALSE(parseSecretKey(text));
        CHECK_FALSE(detail::isEncryptedSecretKey(text));
    }
}

TEST_CASE("trust: trusted key folder", "[trust]")
{
    TrustTempDir temp;
    DataDir dir{temp.path / "data"};
    CHECK(loadTrustedKeys(dir).empty()); // no folder yet

    auto [pub, sec] = generateKeyPair();
    std::string error;
    REQUIRE(trustKey(dir, formatPublicKeyFile(pub), error));
    fs::path stored = dir.trustedDir() / (detail::keyIdHex(pub.keyId) + ".pub");
    CHECK(fs::is_regular_file(stored));
    struct stat st {};
    REQUIRE(::stat(dir.trustedDir().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);

    auto keys = loadTrustedKeys(dir);
    REQUIRE(keys.size() == 1);
    CHECK(keys[0].key == pub.key);
    CHECK(verifySignature("m", signMessage("m", sec, "c"), keys).ok);

    // Trusting it again is harmless; a bad key is refused with a reason.
    CHECK(trustKey(dir, formatPublicKeyFile(pub), error));
    CHECK_FALSE(trustKey(dir, "not a key", error));
    CHECK_FALSE(error.empty());

    // Other files, broken keys and symlinks are ignored.
    auto [otherPub, otherSec] = generateKeyPair();
    fs::path outside = temp.path / "outside.pub";
    std::ofstream(outside) << formatPublicKeyFile(otherPub);
    fs::create_symlink(outside, dir.trustedDir() / "link.pub");
    std::ofstream(dir.trustedDir() / "broken.pub") << "garbage";
    std::ofstream(dir.trustedDir() / "notes.txt") << formatPublicKeyFile(otherPub);
    fs::create_directory(dir.trustedDir() / "dir.pub");
    keys = loadTrustedKeys(dir);
    REQUIRE(keys.size() == 1);
    CHECK(keys[0].keyId == pub.keyId);

    // The stock minisign public key file trusts too, keeping its comment.
    REQUIRE(trustKey(dir, readFixture("minisign.pub"), error));
    CHECK(loadTrustedKeys(dir).size() == 2);
}

TEST_CASE("trust: manifest", "[trust]")
{
    const std::string hashA(64, 'a');
    SECTION("good")
    {
        Problems problems;
        auto manifest =
            parseManifest(R"({"format": 1, "version": 202606030900, "station": "幸福里",
            "files": {"activities.csv": ")" +
                              hashA + R"(", "meals.csv": ")" + std::string(64, 'B') + R"("}, "extra": [1, 2]})",
                          problems);
        REQUIRE(manifest);
        CHECK(problems.empty());
        CHECK(manifest->format == 1);
        CHECK(manifest->version == 202606030900);
        CHECK(manifest->station == "幸福里");
        REQUIRE(manifest->files.size() == 2);
        CHECK(manifest->files.at("activities.csv") == hashA);
        CHECK(manifest->files.at("meals.csv") == std::string(64, 'b'));
    }
    SECTION("the fixture")
    {
        Problems problems;
        auto manifest = parseManifest(readFixture("manifest.json"), problems);
        REQUIRE(manifest);
        CHECK(manifest->files.size() == 1);
    }
    SECTION("errors")
    {
        auto withFile = [&](const std::string& name) {
            return R"({"format": 1, "version": 1, "files": {")" + name + R"(": ")" + hashA + R"("}})";
        };
        std::vector<std::string> bad = {
            "",
            "not json",
            "[1, 2]",
            R"({"format": 1, "version": 1, "files": {})" /* unclosed */,
            R"({"version": 1, "files": {}})",
            R"({"format": 2, "version": 1, "files": {}})",
            R"({"format": "1", "version": 1, "files": {}})",
            R"({"format": 1, "files": {}})",
            R"({"format": 1, "version": 0, "files": {}})",
            R"({"format": 1, "version": -5, "files": {}})",
            R"({"format": 1, "version": 1.5, "files": {}})",
            R"({"format": 1, "version": "202606030900", "files": {}})",
            R"({"format": 1, "version": 99999999999999999999, "files": {}})",
            R"({"format": 1, "version": 1})",
            R"({"format": 1, "version": 1, "files": []})",
            R"({"format": 1, "version": 1, "files": {"a.csv": "abc"}})",
            R"({"format": 1, "version": 1, "files": {"a.csv": 5}})",
            R"({"format": 1, "version": 1, "files": {"a.csv": ")" + std::string(64, 'g') + R"("}})",
            R"({"format": 1, "version": 1, "station": 5, "files": {}})",
            withFile("../activities.csv"),
            withFile("sub/activities.csv"),
            withFile("sub\\\\activities.csv"),
            withFile(".hidden.csv"),
            withFile(".."),
            withFile(""),
            withFile("a..csv"),
            withFile("/etc/passwd"),
            withFile("c:activities.csv"),
            withFile("a\\u0000b.csv"),
            std::string(100000, '[') + std::string(100000, ']'),
            "{\"a\":" + std::string(50000, '[') + "1" + std::string(50000, ']') + "}",
            std::string(2 * 1024 * 1024, ' '),
            std::string("\xff\xfe{\x00}", 5),
        };
        for (const std::string& text : bad) {
            Problems problems;
            auto manifest = parseManifest(text, problems);
            CHECK_FALSE(manifest);
            REQUIRE_FALSE(problems.empty());
            for (const Problem& problem : problems) {
                CHECK(problem.file == "manifest.json");
                CHECK_FALSE(problem.message.empty());
            }
        }
    }
    SECTION("a number written in quotes is named as such")
    {
        Problems problems;
        CHECK_FALSE(parseManifest(R"({"format": "1", "version": "202606030900", "files": {}})", problems));
        REQUIRE(problems.size() == 2);
        CHECK(problems[0].message.find("format 应为数字 1，不加引号") != std::string::npos);
        CHECK(problems[1].message.find("不加引号：\"version\": 202606030900") != std::string::npos);
    }
    SECTION("all problems at once")
    {
        Problems problems;
        CHECK_FALSE(parseManifest(R"({"format": 3, "version": -1, "files": {"../x": "y"}})", problems));
        CHECK(problems.size() == 3);
    }
}

TEST_CASE("trust: sha256Hex", "[trust]")
{
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("trust: staff PIN", "[trust]")
{
    TrustTempDir temp;
    DataDir dir{temp.path / "data"};
    const int64_t t0 = 1'800'000'000;

    CHECK_FALSE(hasPin(dir));
    CHECK(checkPin(dir, "1234", t0).result == PinResult::NoPin);

    std::string error;
    for (const char* bad : {"", "123", "123456789", "12a4", "12 34", "１２３４", "-1234"}) {
        CHECK_FALSE(setPin(dir, bad, error));
        CHECK(error == "密码应为 4 到 8 位数字");
    }
    CHECK_FALSE(hasPin(dir));

    REQUIRE(setPin(dir, "2468", error));
    CHECK(hasPin(dir));
    struct stat st {};
    REQUIRE(::stat(dir.pinFile().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    std::ifstream pinFile(dir.pinFile());
    std::string stored;
    std::getline(pinFile, stored);
    CHECK(stored.find("2468") == std::string::npos);
    CHECK(stored.rfind("$argon2", 0) == 0);

    SECTION("right PIN")
    {
        PinCheck check = checkPin(dir, "2468", t0);
        CHECK(check.result == PinResult::Ok);
        CHECK(check.triesLeft == 5);
    }
    SECTION("wrong PINs count down, a right one resets the count")
    {
        CHECK(checkPin(dir, "1111", t0).triesLeft == 4);
        CHECK(checkPin(dir, "abc", t0).triesLeft == 3);
        PinCheck check = checkPin(dir, "2222", t0);
        CHECK(check.result == PinResult::Wrong);
        CHECK(check.triesLeft == 2);
        CHECK(checkPin(dir, "2468", t0).result == PinResult::Ok);
        check = checkPin(dir, "1111", t0);
        CHECK(check.result == PinResult::Wrong);
        CHECK(check.triesLeft == 4);
    }
    SECTION("five wrong tries lock it for 300 s, across restarts")
    {
        for (int i = 0; i < 4; ++i) CHECK(checkPin(dir, "0000", t0 + i).result == PinResult::Wrong);
        PinCheck check = checkPin(dir, "0000", t0 + 4);
        CHECK(check.result == PinResult::Locked);
        CHECK(check.lockedSeconds == 300);

        // Even the right PIN is refused while locked; the state lives in a file.
        check = checkPin(dir, "2468", t0 + 104);
        CHECK(check.result == PinResult::Locked);
        CHECK(check.lockedSeconds == 200);
        CHECK(fs::exists(dir.pinStateFile()));

        check = checkPin(dir, "2468", t0 + 304);
        CHECK(check.result == PinResult::Ok);
    }
    SECTION("after the lock ends there are five new tries")
    {
        for (int i = 0; i < 5; ++i) checkPin(dir, "0000", t0);
        CHECK(checkPin(dir, "0000", t0 + 300).triesLeft == 4);
    }
    SECTION("a clock set backwards does not stretch the lock")
    {
        for (int i = 0; i < 5; ++i) checkPin(dir, "0000", t0);
        PinCheck check = checkPin(dir, "2468", t0 - 86400);
        CHECK(check.result == PinResult::Locked);
        CHECK(check.lockedSeconds == 300);
        CHECK(checkPin(dir, "2468", t0 - 86400 + 300).result == PinResult::Ok);
    }
    SECTION("a new PIN replaces the old one and clears the count")
    {
        checkPin(dir, "0000", t0);
        REQUIRE(setPin(dir, "13579246", error));
        CHECK(checkPin(dir, "2468", t0).triesLeft == 4);
        CHECK(checkPin(dir, "13579246", t0).result == PinResult::Ok);
    }
    SECTION("a garbage state file counts as no failures")
    {
        std::ofstream(dir.pinStateFile()) << "garbage\n";
        CHECK(checkPin(dir, "0000", t0).triesLeft == 4);
    }
}

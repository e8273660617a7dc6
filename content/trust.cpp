// minisign keys and signatures (Ed25519 via libsodium) and the kiosk's trusted key folder.
//
// Byte layouts (all base64, standard alphabet with padding):
//   public key:  "Ed" | key id (8) | Ed25519 public key (32)                        = 42 bytes
//   secret key:  "Ed" | kdf alg (2: 00 00 none, "Sc" scrypt) | "B2" | salt (32) | opslimit (8)
//                | memlimit (8) | key id (8) | Ed25519 secret key (64) | checksum (32)  = 158 bytes
//   signature:   "ED" (BLAKE2b-512 prehash) or "Ed" (raw message) | key id (8) | signature (64)
//   global sig:  Ed25519 over (signature (64) || trusted comment text), 64 bytes
#include "content/trust.h"
#include "content/error_text.h"
#include "content/file_io.h"
#include "content/limits.h"
#include "content/trust_detail.h"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <system_error>

namespace content {

namespace {

constexpr std::string_view kUntrustedPrefix = "untrusted comment:";
constexpr std::string_view kTrustedPrefix = "trusted comment: ";
constexpr std::size_t kPublicKeyBytes = 2 + 8 + 32;
constexpr std::size_t kSecretKeyBytes = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32;
constexpr std::size_t kSignatureBytes = 2 + 8 + 64;
// minisign's own limit on trusted comments; also bounds what we hash from untrusted input.
constexpr std::size_t kMaxTrustedComment = limits::kMaxTrustedCommentBytes;
using limits::kMaxKeyFileBytes;

void ensureSodium()
{
    // sodium_init is idempotent and thread-safe; a failure (no entropy source) is unrecoverable.
    if (sodium_init() < 0) std::abort();
}

std::string toBase64(const uint8_t* data, std::size_t size)
{
    std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

// Decodes strict standard base64 of exactly `expected` bytes.
std::optional<std::vector<uint8_t>> fromBase64(std::string_view text, std::size_t expected)
{
    if (text.empty() || text.size() > 4 * (expected / 3 + 2)) return std::nullopt;
    std::vector<uint8_t> out(expected + 3);
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    if (end != text.data() + text.size() || length != expected) return std::nullopt;
    out.resize(length);
    return out;
}

std::string_view trimSpace(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

// Lines with LF or CRLF ends; trailing blank lines dropped.
std::vector<std::string_view> splitLines(std::string_view text)
{
    // Windows Notepad may put a UTF-8 byte order mark before the first line.
    if (startsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (newline == std::string_view::npos) break;
        text.remove_prefix(newline + 1);
    }
    while (!lines.empty() && trimSpace(lines.back()).empty()) lines.pop_back();
    return lines;
}

// The base64 line of a key file: the first non-blank line that is not a comment.
std::string_view keyDataLine(std::string_view text)
{
    for (std::string_view line : splitLines(text)) {
        line = trimSpace(line);
        if (line.empty() || startsWith(line, kUntrustedPrefix)) continue;
        return line;
    }
    return {};
}

void secretKeyChecksum(const SecretKey& key, uint8_t out[32])
{
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 32);
    crypto_generichash_update(&state, reinterpret_cast<const uint8_t*>("Ed"), 2);
    crypto_generichash_update(&state, key.keyId.data(), key.keyId.size());
    crypto_generichash_update(&state, key.key.data(), key.key.size());
    crypto_generichash_final(&state, out, 32);
}

constexpr std::size_t kKeyNumOffset = 2 + 2 + 2 + 32 + 8 + 8;

// The key id, secret key and checksum block of a secret key file, checked: the checksum must
// match (or be all zero when `allowZeroChecksum`) and the public half must be the seed's.
std::optional<SecretKey> secretKeyFromKeyNum(const uint8_t* keyNum, bool allowZeroChecksum)
{
    SecretKey key;
    std::copy_n(keyNum, 8, key.keyId.begin());
    std::copy_n(keyNum + 8, 64, key.key.begin());
    const uint8_t* storedChecksum = keyNum + 8 + 64;

    uint8_t checksum[32];
    secretKeyChecksum(key, checksum);
    bool checksumOk = (allowZeroChecksum && sodium_is_zero(storedChecksum, 32) != 0) ||
                      sodium_memcmp(checksum, storedChecksum, 32) == 0;

    uint8_t pk[crypto_sign_PUBLICKEYBYTES];
    uint8_t sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(pk, sk, key.key.data());
    bool consistent = sodium_memcmp(sk, key.key.data(), sizeof sk) == 0;
    sodium_memzero(sk, sizeof sk);
    if (!checksumOk || !consistent) {
        sodium_memzero(key.key.data(), key.key.size());
        return std::nullopt;
    }
    return key;
}

} // namespace

namespace detail {

std::string keyIdHex(const std::array<uint8_t, 8>& keyId)
{
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = keyId.size(); i-- > 0;) {
        out += digits[keyId[i] >> 4];
        out += digits[keyId[i] & 0xf];
    }
    return out;
}

bool isEncryptedSecretKey(std::string_view text)
{
    std::optional<std::vector<uint8_t>> raw = fromBase64(keyDataLine(text), kSecretKeyBytes);
    return raw && (*raw)[0] == 'E' && (*raw)[1] == 'd' && ((*raw)[2] != 0 || (*raw)[3] != 0);
}

std::optional<SecretKey> decryptSecretKey(std::string_view text, std::string_view password, std::string& error)
{
    ensureSodium();
    std::optional<std::vector<uint8_t>> raw = fromBase64(keyDataLine(text), kSecretKeyBytes);
    if (!raw || (*raw)[0] != 'E' || (*raw)[1] != 'd' || (*raw)[4] != 'B' || (*raw)[5] != '2') {
        error = "不是有效的 minisign 私钥文件";
        return std::nullopt;
    }
    uint8_t* b = raw->data();
    if (b[2] == 0 && b[3] == 0) {
        std::optional<SecretKey> key = parseSecretKey(text);
        if (!key) error = "私钥文件已损坏";
        sodium_memzero(b, raw->size());
        return key;
    }
    if (b[2] != 'S' || b[3] != 'c') {
        error = "不支持的私钥加密方式";
        return std::nullopt;
    }
    auto readLe64 = [](const uint8_t* p) {
        uint64_t value = 0;
        for (int i = 7; i >= 0; --i) value = (value << 8) | p[i];
        return value;
    };
    const uint8_t* salt = b + 6;
    uint64_t opslimit = readLe64(b + 38);
    uint64_t memlimit = readLe64(b + 46);
    // minisign uses 1 GiB; refuse absurd limits from a damaged or hostile file.
    if (memlimit > (uint64_t{4} << 30) || opslimit > (uint64_t{1} << 32)) {
        error = "私钥文件的加密参数异常";
        return std::nullopt;
    }
    constexpr std::size_t keyNumBytes = 8 + 64 + 32;
    uint8_t stream[keyNumBytes];
    if (crypto_pwhash_scryptsalsa208sha256(stream, sizeof stream, password.data(), password.size(), salt,
                                           static_cast<unsigned long long>(opslimit),
                                           static_cast<std::size_t>(memlimit)) != 0) {
        error = "无法解密私钥（内存不足）";
        return std::nullopt;
    }
    for (std::size_t i = 0; i < keyNumBytes; ++i) b[kKeyNumOffset + i] ^= stream[i];
    sodium_memzero(stream, sizeof stream);
    std::optional<SecretKey> key = secretKeyFromKeyNum(b + kKeyNumOffset, false);
    sodium_memzero(b, raw->size());
    if (!key) error = "私钥密码不正确";
    return key;
}

std::string defaultTrustedComment(std::string_view fileName)
{
    return "timestamp:" + std::to_string(static_cast<long long>(std::time(nullptr))) +
           "\tfile:" + std::string(fileName);
}

} // namespace detail

std::optional<PublicKey> parsePublicKey(std::string_view text)
{
    std::optional<std::vector<uint8_t>> raw = fromBase64(keyDataLine(text), kPublicKeyBytes);
    if (!raw || (*raw)[0] != 'E' || (*raw)[1] != 'd') return std::nullopt;
    PublicKey key;
    std::copy_n(raw->begin() + 2, 8, key.keyId.begin());
    std::copy_n(raw->begin() + 10, 32, key.key.begin());
    return key;
}

std::string formatPublicKeyFile(const PublicKey& key)
{
    uint8_t raw[kPublicKeyBytes];
    raw[0] = 'E';
    raw[1] = 'd';
    std::copy(key.keyId.begin(), key.keyId.end(), raw + 2);
    std::copy(key.key.begin(), key.key.end(), raw + 10);
    return "untrusted comment: minisign public key " + detail::keyIdHex(key.keyId) + "\n" + toBase64(raw, sizeof raw) +
           "\n";
}

std::optional<SecretKey> parseSecretKey(std::string_view text)
{
    ensureSodium();
    std::optional<std::vector<uint8_t>> raw = fromBase64(keyDataLine(text), kSecretKeyBytes);
    if (!raw) return std::nullopt;
    const uint8_t* b = raw->data();
    // Only unencrypted keys here: an encrypted one needs detail::decryptSecretKey.
    bool plain = b[0] == 'E' && b[1] == 'd' && b[2] == 0 && b[3] == 0 && b[4] == 'B' && b[5] == '2';
    // minisign 0.11 leaves the checksum zero in unencrypted keys.
    std::optional<SecretKey> key = plain ? secretKeyFromKeyNum(b + kKeyNumOffset, true) : std::nullopt;
    sodium_memzero(raw->data(), raw->size());
    return key;
}

std::string formatSecretKeyFile(const SecretKey& key)
{
    ensureSodium();
    uint8_t raw[kSecretKeyBytes] = {};
    raw[0] = 'E';
    raw[1] = 'd';
    // kdf alg 00 00: not encrypted; salt, opslimit and memlimit stay zero.
    raw[4] = 'B';
    raw[5] = '2';
    constexpr std::size_t keyNum = 2 + 2 + 2 + 32 + 8 + 8;
    std::copy(key.keyId.begin(), key.keyId.end(), raw + keyNum);
    std::copy(key.key.begin(), key.key.end(), raw + keyNum + 8);
    secretKeyChecksum(key, raw + keyNum + 8 + 64);
    std::string text =
        "untrusted comment: minisign secret key (unencrypted, kiosk-content)\n" + toBase64(raw, sizeof raw) + "\n";
    sodium_memzero(raw, sizeof raw);
    return text;
}

std::pair<PublicKey, SecretKey> generateKeyPair()
{
    ensureSodium();
    PublicKey pub;
    SecretKey sec;
    randombytes_buf(pub.keyId.data(), pub.keyId.size());
    sec.keyId = pub.keyId;
    crypto_sign_keypair(pub.key.data(), sec.key.data());
    return {pub, sec};
}

SignatureCheck verifySignature(std::string_view message, std::string_view minisigText,
                               const std::vector<PublicKey>& trusted)
{
    ensureSodium();
    SignatureCheck check;
    auto failed = [&](std::string reason) {
        check.ok = false;
        check.problem = std::move(reason);
        return check;
    };
    if (trimSpace(minisigText).empty()) return failed("未签名：缺少签名文件或签名文件为空");

    std::vector<std::string_view> lines = splitLines(minisigText);
    if (lines.size() != 4 || !startsWith(lines[0], kUntrustedPrefix) || !startsWith(lines[2], kTrustedPrefix))
        return failed("签名文件格式错误：应有四行（不受信注释、签名、可信注释、全局签名）");

    std::optional<std::vector<uint8_t>> sig = fromBase64(trimSpace(lines[1]), kSignatureBytes);
    std::optional<std::vector<uint8_t>> globalSig = fromBase64(trimSpace(lines[3]), crypto_sign_BYTES);
    if (!sig || !globalSig) return failed("签名文件格式错误：签名数据无法解码");

    bool prehashed = false;
    if ((*sig)[0] == 'E' && (*sig)[1] == 'D')
        prehashed = true;
    else if (!((*sig)[0] == 'E' && (*sig)[1] == 'd'))
        return failed("签名文件格式错误：不支持的签名算法");

    const PublicKey* key = nullptr;
    for (const PublicKey& candidate : trusted) {
        if (std::equal(candidate.keyId.begin(), candidate.keyId.end(), sig->begin() + 2)) {
            key = &candidate;
            break;
        }
    }
    if (!key) {
        std::array<uint8_t, 8> keyId{};
        std::copy_n(sig->begin() + 2, 8, keyId.begin());
        check.untrustedKey = true;
        return failed("签名密钥不受信任（密钥编号 " + detail::keyIdHex(keyId) +
                      "），请先用 kiosk-content trust 添加它的公钥");
    }

    const uint8_t* signature = sig->data() + 10;
    int verified;
    if (prehashed) {
        uint8_t digest[crypto_generichash_BYTES_MAX];
        crypto_generichash(digest, sizeof digest, reinterpret_cast<const uint8_t*>(message.data()), message.size(),
                           nullptr, 0);
        verified = crypto_sign_verify_detached(signature, digest, sizeof digest, key->key.data());
    } else {
        verified = crypto_sign_verify_detached(signature, reinterpret_cast<const uint8_t*>(message.data()),
                                               message.size(), key->key.data());
    }
    if (verified != 0) return failed("签名与内容不符（文件可能被改动）");

    std::string_view comment = lines[2].substr(kTrustedPrefix.size());
    if (comment.size() > kMaxTrustedComment) return failed("签名文件格式错误：可信注释过长");
    std::vector<uint8_t> signedComment(signature, signature + crypto_sign_BYTES);
    signedComment.insert(signedComment.end(), comment.begin(), comment.end());
    if (crypto_sign_verify_detached(globalSig->data(), signedComment.data(), signedComment.size(), key->key.data()) !=
        0)
        return failed("可信注释被改动（签名文件不完整或被修改）");

    check.ok = true;
    check.trustedComment = std::string(comment);
    return check;
}

std::string signMessage(std::string_view message, const SecretKey& key, std::string_view trustedComment)
{
    ensureSodium();
    std::string comment =
        trustedComment.empty() ? detail::defaultTrustedComment("manifest.json") : std::string(trustedComment);
    // The comment is one line of the file; a line break in it would make the file unreadable.
    std::replace(comment.begin(), comment.end(), '\n', ' ');
    std::replace(comment.begin(), comment.end(), '\r', ' ');
    if (comment.size() > kMaxTrustedComment) comment.resize(kMaxTrustedComment);

    uint8_t digest[crypto_generichash_BYTES_MAX];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const uint8_t*>(message.data()), message.size(), nullptr,
                       0);
    uint8_t sig[kSignatureBytes];
    sig[0] = 'E';
    sig[1] = 'D';
    std::copy(key.keyId.begin(), key.keyId.end(), sig + 2);
    crypto_sign_detached(sig + 10, nullptr, digest, sizeof digest, key.key.data());

    std::vector<uint8_t> signedComment(sig + 10, sig + 10 + crypto_sign_BYTES);
    signedComment.insert(signedComment.end(), comment.begin(), comment.end());
    uint8_t globalSig[crypto_sign_BYTES];
    crypto_sign_detached(globalSig, nullptr, signedComment.data(), signedComment.size(), key.key.data());

    return "untrusted comment: signature from kiosk-content secret key\n" + toBase64(sig, sizeof sig) + "\n" +
           std::string(kTrustedPrefix) + comment + "\n" + toBase64(globalSig, sizeof globalSig) + "\n";
}

std::vector<PublicKey> loadTrustedKeys(const DataDir& dir)
{
    std::vector<PublicKey> keys;
    std::error_code ec;
    fs::directory_iterator it(dir.trustedDir(), ec);
    if (ec) return keys;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::path& path = it->path();
        if (path.extension() != ".pub") continue;
        // symlink_status: a link is never followed out of the trusted folder.
        std::error_code statError;
        if (!fs::is_regular_file(fs::symlink_status(path, statError)) || statError) continue;
        std::optional<std::string> text = content::readRegularFile(path, kMaxKeyFileBytes);
        if (!text) continue;
        std::optional<PublicKey> key = parsePublicKey(*text);
        if (!key) continue;
        bool duplicate = std::any_of(keys.begin(), keys.end(),
                                     [&](const PublicKey& k) { return k.keyId == key->keyId && k.key == key->key; });
        if (!duplicate) keys.push_back(*key);
    }
    return keys;
}

bool trustKey(const DataDir& dir, std::string_view pubText, std::string& error)
{
    std::optional<PublicKey> key = parsePublicKey(pubText);
    if (!key) {
        error = "不是有效的 minisign 公钥（应为 .pub 文件：一行注释和一行以 RW 开头的公钥）";
        return false;
    }
    std::error_code ec;
    fs::path trusted = dir.trustedDir();
    fs::create_directories(trusted, ec);
    if (ec || !fs::is_directory(trusted)) {
        error = "无法创建目录“" + trusted.string() + "”：" + errorCodeText(ec);
        return false;
    }
    ::chmod(trusted.c_str(), 0700);

    // Keep the key's own comment when it has one: staff recognise keys by it.
    std::string text = formatPublicKeyFile(*key);
    std::vector<std::string_view> lines = splitLines(pubText);
    if (!lines.empty() && startsWith(trimSpace(lines[0]), kUntrustedPrefix))
        text = std::string(trimSpace(lines[0])) + "\n" + text.substr(text.find('\n') + 1);

    return content::writeFileAtomically(trusted / (detail::keyIdHex(key->keyId) + ".pub"), text, 0644, &error);
}

std::string sha256Hex(std::string_view bytes)
{
    ensureSodium();
    uint8_t digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex);
}

} // namespace content

#pragma once
// Signed packages: minisign keys and signatures (Ed25519 via libsodium), the manifest, and
// the staff PIN.
#include "content/data_dir.h"
#include "content/problem.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace content {

struct PublicKey {
    std::array<uint8_t, 8> keyId{};
    std::array<uint8_t, 32> key{};
};

struct SecretKey {
    std::array<uint8_t, 8> keyId{};
    std::array<uint8_t, 64> key{}; // libsodium's Ed25519 secret key (seed + public)
};

// The minisign .pub file text (untrusted comment line + base64 line) or a bare base64 line.
std::optional<PublicKey> parsePublicKey(std::string_view text);
std::string formatPublicKeyFile(const PublicKey& key);
// Unencrypted minisign secret key files (as `minisign -G -W` writes them).
std::optional<SecretKey> parseSecretKey(std::string_view text);
std::string formatSecretKeyFile(const SecretKey& key);
std::pair<PublicKey, SecretKey> generateKeyPair();

struct SignatureCheck {
    bool ok = false;
    std::string problem;        // plain Chinese when !ok
    std::string trustedComment; // when ok
    // When !ok: the file is a well-formed signature by a key not among the trusted ones (so with
    // no keys at hand, nothing is known about it yet).
    bool untrustedKey = false;
};

// Verifies a .minisig (both ED prehashed and legacy Ed forms, and the global signature over
// the trusted comment) against any of the trusted keys.
SignatureCheck verifySignature(std::string_view message, std::string_view minisigText,
                               const std::vector<PublicKey>& trusted);
// A .minisig file in the prehashed ED form.
std::string signMessage(std::string_view message, const SecretKey& key, std::string_view trustedComment);

// Every valid key file in DATA_DIR/trusted/.
std::vector<PublicKey> loadTrustedKeys(const DataDir& dir);
// Copies a .pub into DATA_DIR/trusted/ (named by key id). False with a reason on bad input.
bool trustKey(const DataDir& dir, std::string_view pubText, std::string& error);

// Package versions are positive and have at most 14 digits (a timestamp YYYYMMDDHHMM or
// YYYYMMDDHHMMSS up to the year 9999): parseManifest refuses bigger ones, so that no version
// arithmetic can run out of room.
inline constexpr int64_t kMaxPackageVersion = 99'999'999'999'999;
// Content versions are a package's version plus one per local edit after it; a store whose
// version is beyond this (written by an old program that took any manifest version) takes no
// more local edits, only a signed package, which brings its own version.
inline constexpr int64_t kMaxContentVersion = 999'999'999'999'999'999;

struct Manifest {
    int format = 1;
    int64_t version = 0;
    std::string station;
    std::map<std::string, std::string> files; // name → lowercase sha256 hex
};
// Parses manifest.json; problems are located at file manifest.json.
std::optional<Manifest> parseManifest(std::string_view json, Problems& problems);
std::string sha256Hex(std::string_view bytes);

// The staff PIN: stored with crypto_pwhash_str; five wrong tries lock it for five minutes.
bool hasPin(const DataDir& dir);
bool setPin(const DataDir& dir, std::string_view pin, std::string& error); // 4–8 digits
enum class PinResult { Ok, Wrong, Locked, NoPin };
struct PinCheck {
    PinResult result = PinResult::Wrong;
    int triesLeft = 0;
    int64_t lockedSeconds = 0; // when Locked: how long until it opens again
};
// `nowSeconds` is a monotonic-enough wall clock in seconds (injected for tests).
PinCheck checkPin(const DataDir& dir, std::string_view pin, int64_t nowSeconds);

} // namespace content

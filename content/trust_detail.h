#pragma once
// Helpers shared by the trust code (trust.cpp, staff_pin.cpp) and the staff tool's trust
// commands. Not part of the public content API: trust.h is.
#include "content/trust.h"

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace content::detail {

// The key id as minisign prints it (the 8 bytes read as a little-endian number, upper-case hex).
std::string keyIdHex(const std::array<uint8_t, 8>& keyId);

// True when `text` is a minisign secret key file whose key is encrypted with a password.
bool isEncryptedSecretKey(std::string_view text);

// A minisign secret key file encrypted with a password (scrypt, as `minisign -G` writes it);
// unencrypted files are accepted too. Nothing, with a reason, on a wrong password or bad file.
std::optional<SecretKey> decryptSecretKey(std::string_view text, std::string_view password, std::string& error);

// `timestamp:<unix seconds>\tfile:<fileName>`, the trusted comment written when none is given.
std::string defaultTrustedComment(std::string_view fileName);

} // namespace content::detail

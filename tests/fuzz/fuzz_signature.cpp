// libFuzzer: minisign public keys, secret keys and signatures (.minisig) as files bring them.
// The input is used whole as each kind of file, and also as a signature over a fixed message
// checked against a fixed key, so the parser's every branch up to the Ed25519 check is reached.
#include "content/trust.h"

#include <cstdint>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)content::parsePublicKey(text);
    (void)content::parseSecretKey(text);
    // The key of tests/fixtures/trust/minisign.pub: seeds signed by it get past the key-id match.
    static const auto trusted = content::parsePublicKey("RWSyXkrkGwBBNPFpa3ncBpdPs4afa1cZkwgwb8aCfWQDaccjBrTmr0zf");
    std::vector<content::PublicKey> keys;
    if (trusted) keys.push_back(*trusted);
    const content::SignatureCheck check = content::verifySignature("{\"format\": 1}", text, keys);
    if (!check.ok && check.problem.empty()) __builtin_trap();
    return 0;
}

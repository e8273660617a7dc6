// libFuzzer: manifest.json as a drop folder or stick brings it.
#include "content/trust.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    content::Problems problems;
    const auto manifest = content::parseManifest(std::string_view(reinterpret_cast<const char*>(data), size), problems);
    // A manifest is either accepted or rejected with a reason.
    if (!manifest && problems.empty()) __builtin_trap();
    return 0;
}

// libFuzzer: a package's content.db. The input is written to a private file and read exactly
// as an import reads a staged content.db (read-only, defensive, bounded).
#include "content/store.h"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

std::string scratchDir()
{
    static std::string dir = [] {
        std::string pattern = "/tmp/fuzz-content-db-XXXXXX";
        if (!::mkdtemp(pattern.data())) std::abort();
        return pattern;
    }();
    return dir;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string file = scratchDir() + "/content.db";
    FILE* out = std::fopen(file.c_str(), "wb");
    if (!out) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, out) != size) std::abort();
    std::fclose(out);
    content::ContentUpdate update;
    content::Problems problems;
    content::readUntrustedDatabase(file, update, problems);
    // Something was read, or it was refused with a reason.
    if (update.empty() && problems.empty()) __builtin_trap();
    return 0;
}

#pragma once
// What many tests need: a private temporary directory, whole-file reads and writes, a tree's
// hashes ("byte for byte unchanged"), and package folders, signed or not.
#include "content/trust.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace test {

namespace fs = std::filesystem;

// A fresh directory under the system's temporary dir, removed with everything in it.
struct TempDir {
    explicit TempDir(std::string_view prefix = "kiosk-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    fs::path path;
};

// Writes `bytes` to `file` (creating its folders), replacing what was there.
void writeFile(const fs::path& file, std::string_view bytes);
// The whole file; empty when it cannot be read.
std::string readFile(const fs::path& file);
// The bytes of tests/fixtures/sheets/NAME (the test fails when it is missing).
std::string sheetFixture(const std::string& name);
// Relative path → SHA-256 of every regular file below `dir` (names in `skip` left out).
std::map<std::string, std::string> hashTree(const fs::path& dir, const std::vector<std::string>& skip = {});

// A package folder holding `files` (name → bytes).
fs::path makePackage(const fs::path& root, const std::map<std::string, std::string>& files);
// Writes manifest.json (listing `listed` with their hashes and `version`) and its signature.
void signPackage(const fs::path& package, const std::vector<std::string>& listed, int64_t version,
                 const content::SecretKey& key);
// A new key pair whose public half `dir` trusts; the secret half signs test packages.
content::SecretKey trustNewKey(const content::DataDir& dir);

} // namespace test

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace test {

TempDir::TempDir(std::string_view prefix)
{
    std::string pattern = (fs::temp_directory_path() / (std::string(prefix) + "-XXXXXX")).string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
}

TempDir::~TempDir()
{
    std::error_code ec;
    fs::remove_all(path, ec);
}

void writeFile(const fs::path& file, std::string_view bytes)
{
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out.good());
}

std::string readFile(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string sheetFixture(const std::string& name)
{
    const fs::path file = fs::path(KIOSK_SOURCE_DIR) / "tests" / "fixtures" / "sheets" / name;
    REQUIRE(fs::is_regular_file(file));
    return readFile(file);
}

std::map<std::string, std::string> hashTree(const fs::path& dir, const std::vector<std::string>& skip)
{
    std::map<std::string, std::string> hashes;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const std::string name = fs::relative(entry.path(), dir).string();
        if (!entry.is_regular_file() || std::find(skip.begin(), skip.end(), name) != skip.end()) continue;
        hashes[name] = content::sha256Hex(readFile(entry.path()));
    }
    return hashes;
}

fs::path makePackage(const fs::path& root, const std::map<std::string, std::string>& files)
{
    fs::create_directories(root);
    for (const auto& [name, bytes] : files) writeFile(root / name, bytes);
    return root;
}

void signPackage(const fs::path& package, const std::vector<std::string>& listed, int64_t version,
                 const content::SecretKey& key)
{
    std::string json =
        "{\"format\": 1, \"version\": " + std::to_string(version) + ", \"station\": \"测试站\", \"files\": {";
    bool first = true;
    for (const std::string& name : listed) {
        json += std::string(first ? "" : ", ") + "\"" + name + "\": \"" + content::sha256Hex(readFile(package / name)) +
                "\"";
        first = false;
    }
    json += "}}";
    writeFile(package / "manifest.json", json);
    writeFile(package / "manifest.json.minisig", content::signMessage(json, key, "test package"));
}

content::SecretKey trustNewKey(const content::DataDir& dir)
{
    const auto [publicKey, secretKey] = content::generateKeyPair();
    std::string error;
    fs::create_directories(dir.root);
    REQUIRE(content::trustKey(dir, content::formatPublicKeyFile(publicKey), error));
    return secretKey;
}

} // namespace test

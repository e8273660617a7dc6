#pragma once
// The layout of a kiosk's data dir. All paths in one place.
#include <filesystem>

namespace content {

namespace fs = std::filesystem;

struct DataDir {
    fs::path root;

    fs::path storeDir() const { return root / "store"; }               // content-<n>.db files
    fs::path currentPointer() const { return storeDir() / "CURRENT"; } // names the live store file
    fs::path trustedDir() const { return root / "trusted"; }           // minisign .pub files
    fs::path pinFile() const { return root / "pin"; }                  // crypto_pwhash string
    fs::path pinStateFile() const { return root / "pin-attempts"; }
    fs::path stagingDir() const { return root / "staging"; } // private copies of packages
    fs::path lastImportFile() const { return root / "last-import.json"; }
    fs::path dropMemoryFile() const { return root / "drop-judged.json"; } // drop folders judged for good
    fs::path cacheDir() const { return root / "cache"; }                  // derived data (font atlases); safe to delete
};

} // namespace content

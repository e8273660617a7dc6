#pragma once
// The first steps of an import: a private copy of a package's files (never parse the stick
// itself), and reading the sheets or content.db out of that copy.
#include "content/data_dir.h"
#include "content/limits.h"
#include "content/model.h"
#include "content/problem.h"
#include "content/trust.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace content {

struct StageLimits {
    uint64_t maxSheetBytes = limits::kMaxSheetBytes;     // any one file except content.db
    uint64_t maxPackageBytes = limits::kMaxPackageBytes; // all files together (and content.db)
    int maxFiles = limits::kMaxFiles;
    uint64_t maxRecordingBytes = limits::kMaxRecordingBytes;   // any one .ogg/.mp3/.wav
    uint64_t maxRecordingsBytes = limits::kMaxRecordingsBytes; // all of them together
};

enum class StageStatus {
    Ok,
    Rejected,  // the package breaks a rule (symlink, special file, a cap); problems say which
    Cancelled, // the cancel flag was set
    Vanished,  // the package disappeared or stopped reading mid-copy (stick pulled)
};

// A private copy of a package's top-level regular files under DATA_DIR/staging/<unique>.
// Locked while it lives (so cleanStaging leaves it alone) and removed when destroyed.
class StagedPackage {
public:
    StagedPackage() = default;
    StagedPackage(StagedPackage&& other) noexcept;
    StagedPackage& operator=(StagedPackage&& other) noexcept;
    StagedPackage(const StagedPackage&) = delete;
    StagedPackage& operator=(const StagedPackage&) = delete;
    ~StagedPackage();

    const fs::path& dir() const { return m_dir; }
    // Staged file names, sorted.
    const std::vector<std::string>& files() const { return m_files; }
    bool has(const std::string& name) const;
    fs::path path(const std::string& name) const { return m_dir / name; }
    // The staged bytes of one file (nothing when it cannot be read).
    std::optional<std::string> read(const std::string& name) const;
    // Recording files left uncopied for being over StageLimits::maxRecordingBytes, with their
    // sizes: a row naming one gets a located problem, and otherwise they do not matter.
    const std::vector<std::pair<std::string, uint64_t>>& oversize() const { return m_oversize; }
    // Subfolders of the package, which are not read (named when no sheet was found).
    const std::vector<std::string>& subfolders() const { return m_subfolders; }

private:
    friend StageStatus stagePackage(const fs::path&, const fs::path&, const StageLimits&, const std::atomic<bool>*,
                                    StagedPackage&, Problems&);
    void release();
    fs::path m_dir;
    int m_lockFd = -1;
    std::vector<std::string> m_files;
    std::vector<std::pair<std::string, uint64_t>> m_oversize;
    std::vector<std::string> m_subfolders;
};

// Copies the regular files at the top of `package` into a fresh private dir under
// `stagingRoot`. Hidden names, import-report.txt and subdirectories are skipped; a symlink,
// device, fifo or socket, or a cap broken, is a rejection with a Chinese reason in `problems`.
StageStatus stagePackage(const fs::path& package, const fs::path& stagingRoot, const StageLimits& limits,
                         const std::atomic<bool>* cancel, StagedPackage& staged, Problems& problems);

// Removes staging dirs left by imports that are no longer running (a crash, a kill).
void cleanStaging(const fs::path& stagingRoot);

// Checks the manifest's file list against the staged copy. Problems for listed files that are
// missing or differ; `incomplete` tells whether any listed file is missing or differs (a drop
// folder still syncing). Returns true when every listed file is there with its hash.
bool checkManifestFiles(const StagedPackage& staged, const Manifest& manifest, Problems& problems, bool& incomplete);

// Reads the sheets or the content.db among `names` (staged file names) into `update`. A
// spreadsheet saved as .xlsx/.xls/.et, an unknown .csv, both sheets and content.db, or no
// sheet at all is a problem. Other files (manifest, pictures, notes) are ignored.
void readPackageFiles(const StagedPackage& staged, const std::vector<std::string>& names, ContentUpdate& update,
                      Problems& problems);

// Finds and checks the recordings `update`'s rows name (update.recordingRefs) among `names`
// (staged file names; a signed package's are those its manifest lists): a name that is not
// there exactly may match one file ignoring case (staff on Windows), and the rows then name
// that file. Each file is decoded whole once (content/recording.h) however many rows name it.
// Problems are located at the row and its 录音 column; without any, update.recordings holds them.
void resolveRecordings(const StagedPackage& staged, const std::vector<std::string>& names, ContentUpdate& update,
                       Problems& problems);

// Rows per sheet an update brings; -1 for an absent sheet.
std::array<int, kSheetKindCount> updateRowCounts(const ContentUpdate& update);

// True, with a problem, when `update` brings more than limits::kMaxPackageRows rows in all.
bool overPackageRows(const ContentUpdate& update, Problems& problems);

// What `check` could say about a package's signature.
enum class SignatureVerdict {
    Unsigned,   // no manifest.json.minisig
    NotChecked, // well-formed, but no trusted keys were given: no trust decision was made
    Trusted,    // valid, by one of the trusted keys
    Bad,        // malformed, not matching, or (with keys given) by a key not trusted: a problem
};

// `check` and `build`: stage, check the manifest's hashes when there is one, read and validate.
// With `trusted` (a data dir's keys) the signature is verified as an import would; without,
// only its form is, and the verdict says that no trust decision was made. A bad signature is a
// problem. Returns the update when there are no problems.
struct PackageCheck {
    std::optional<ContentUpdate> update;
    std::optional<Manifest> manifest;
    Problems problems;
    SignatureVerdict signature = SignatureVerdict::Unsigned;
    // The private copy the update's recordings are read from (build writes them from here).
    StagedPackage staged;
};
PackageCheck checkPackage(const fs::path& package, const fs::path& stagingRoot,
                          const std::vector<PublicKey>* trusted = nullptr);

inline constexpr const char* kManifestFileName = "manifest.json";
inline constexpr const char* kSignatureFileName = "manifest.json.minisig";
inline constexpr const char* kDatabaseFileName = "content.db";
inline constexpr const char* kReportFileName = "import-report.txt";

} // namespace content

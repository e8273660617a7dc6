#pragma once
// The live content store: SQLite files under DATA_DIR/store, switched atomically.
#include "content/data_dir.h"
#include "content/model.h"
#include "content/problem.h"

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace content {

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Schema version written to PRAGMA user_version; older stores are migrated on open.
// v2: `meta` also holds app_version and written_at.
// v4: `meta` also holds signed_version (the last signed package applied).
// v5: guide, notices and lectures gain 录音; the table `recordings` holds the audio files.
inline constexpr int kStoreSchemaVersion = 5;

// Writes `content` into a new SQLite file at `file` (must not exist) with our schema,
// fsyncs it. Its recordings' bytes are copied in from where each is now, one at a time.
// Throws StoreError.
void writeStoreFile(const fs::path& file, const Content& content);
// The same schema with only the sheets `update` holds (`kiosk-content build`: a package's
// content.db, where a missing table keeps the kiosk's sheet of that kind).
void writeStoreFile(const fs::path& file, const ContentUpdate& update, int64_t version);

// Reads one of our own store files (migrating a copy in memory if older). Its recordings
// (name, hash, length; not their bytes) point at `file`. Throws StoreError.
Content readStoreFile(const fs::path& file);

// Reads an untrusted content.db from a package: read-only, defensive settings, quick_check,
// each table's rows through the same validation as the sheets. Problems are located as
// content.db:<table>:<row>:<column>-style Problems with file "content.db".
void readUntrustedDatabase(const fs::path& file, ContentUpdate& update, Problems& problems);

enum class StoreAccess {
    ReadWrite, // the kiosk and `import`: may seed, upgrade, clean up and switch
    ReadOnly,  // `info`, `export`: never creates, writes, locks or deletes anything
};

class Store {
public:
    // Opens the store in dataDir. A data dir without any store file is seeded with the demo
    // content for `today` (ReadOnly: shown, not written). When CURRENT is missing or damaged,
    // or the file it names cannot be read, the newest store file that reads is used,
    // recoveryNote() says so in Chinese and nothing on disk changes (no file is ever deleted by
    // recovery). Throws StoreError when no store file can be read or the dir cannot be used.
    static Store open(const DataDir& dir, Date today, StoreAccess access = StoreAccess::ReadWrite);

    const Content& content() const { return m_content; }
    int64_t version() const { return m_content.version; }
    // The store file the content was read from.
    fs::path currentFile() const;
    // Empty, or what open() had to recover from and which file it used (plain Chinese).
    const std::string& recoveryNote() const { return m_recoveryNote; }

    // Builds a new store file from `next`, fsyncs it and its dir, switches CURRENT to it in one
    // rename, keeps the previous file for rollback and deletes older ones. On any failure the
    // store is unchanged. Throws StoreError.
    void replace(const Content& next);
    // The same, with the next content made by `build` from the live content as it is on disk
    // now, read under the store's lock: another process (the staff tool, the kiosk) may have
    // switched the store since this one was opened. `build` may throw (a StoreError, say) to
    // change nothing. Afterwards content() is what was written.
    void replaceFromLive(const std::function<Content(const Content& live)>& build);

    // Switches back to the previous store file, if there is one. Returns false when none.
    bool rollback();
    bool canRollback() const;

    // The CURRENT pointer's two lines: the live store file and the one before it.
    struct Pointer {
        std::string current;  // file name in the store dir
        std::string previous; // empty when there is none
    };

private:
    explicit Store(DataDir dir) : m_dir(std::move(dir)) {}
    // Under the store lock: writes `next` as a new file after m_loaded, points at it and holds
    // it, with the recovery note of an earlier start gone.
    void switchAndHold(const Content& next);
    DataDir m_dir;
    Content m_content;
    Pointer m_loaded; // the file m_content came from, and its previous when known
    bool m_recovered = false;
    std::string m_recoveryNote;
};

} // namespace content

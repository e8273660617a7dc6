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
// v3: `meta` also holds signed_version (the last signed package applied).
inline constexpr int kStoreSchemaVersion = 3;

// Writes `content` into a new SQLite file at `file` (must not exist) with our schema,
// fsyncs it. Throws StoreError.
void writeStoreFile(const fs::path& file, const Content& content);
// The same schema with only the sheets `update` holds (`kiosk-content build`: a package's
// content.db, where a missing table keeps the kiosk's sheet of that kind).
void writeStoreFile(const fs::path& file, const ContentUpdate& update, int64_t version);

// Reads one of our own store files (migrating a copy in memory if older). Throws StoreError.
Content readStoreFile(const fs::path& file);

// Reads an untrusted content.db from a package: read-only, defensive settings, quick_check,
// each table's rows through the same validation as the sheets. Problems are located as
// content.db:<table>:<row>:<column>-style Problems with file "content.db".
void readUntrustedDatabase(const fs::path& file, ContentUpdate& update, Problems& problems);

class Store {
public:
    // Opens the store in dataDir; a new, empty data dir is seeded with the demo content for
    // `today`. Throws StoreError when the dir cannot be used.
    static Store open(const DataDir& dir, Date today);

    const Content& content() const { return m_content; }
    int64_t version() const { return m_content.version; }
    fs::path currentFile() const;

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

private:
    explicit Store(DataDir dir) : m_dir(std::move(dir)) {}
    DataDir m_dir;
    Content m_content;
    std::string m_loadedFile; // the store file m_content was read from or written to
};

} // namespace content

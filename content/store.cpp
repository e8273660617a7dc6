// The live store: "the sheets in SQLite". One table per sheet kind (named by sheetKey) with a
// `row` column and one TEXT column per header text holding the canonical cells, plus `meta`.
// Files are written once, fsynced, and switched by renaming the CURRENT pointer.
#include "content/store.h"
#include "content/error_text.h"

#include "content/demo_content.h"
#include "content/recording.h"
#include "content/sheet_table.h"
#include "content/sheet_text.h"
#include "content/sqlite_db.h"
#include "content/trust.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <vector>

#ifndef KIOSK_APP_VERSION
#define KIOSK_APP_VERSION "dev"
#endif

namespace content {

namespace {

using sqlite::Database;
using sqlite::quoteIdentifier;
using sqlite::Statement;
using sqlite::Transaction;

using Pointer = Store::Pointer;

constexpr std::string_view kFilePrefix = "content-";
constexpr std::string_view kFileSuffix = ".db";

std::string systemError(const std::string& what)
{
    return what + "：" + errnoText(errno);
}

// fsync of a file or directory by path; throws StoreError.
void syncPath(const fs::path& path, bool directory)
{
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) throw StoreError(systemError("无法打开 " + path.string()));
    const int rc = ::fsync(fd);
    const int saved = errno;
    ::close(fd);
    errno = saved;
    if (rc != 0) throw StoreError(systemError("无法写入磁盘 " + path.string()));
}

// One writer at a time per data dir, across processes (the kiosk and the staff tool).
class StoreLock {
public:
    explicit StoreLock(const fs::path& storeDir)
    {
        const fs::path file = storeDir / "LOCK";
        m_fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (m_fd < 0) throw StoreError(systemError("无法打开 " + file.string()));
        while (::flock(m_fd, LOCK_EX) != 0) {
            if (errno != EINTR) {
                ::close(m_fd);
                throw StoreError(systemError("无法锁定 " + file.string()));
            }
        }
    }
    StoreLock(const StoreLock&) = delete;
    StoreLock& operator=(const StoreLock&) = delete;
    ~StoreLock() { ::close(m_fd); }

private:
    int m_fd = -1;
};

// ---- schema ----------------------------------------------------------------------------

void createSheetTable(Database& db, SheetKind kind)
{
    std::string sql = "CREATE TABLE " + quoteIdentifier(sheetKey(kind)) + " (\"row\" INTEGER PRIMARY KEY";
    for (const std::string& column : sheetHeader(kind)) sql += ", " + quoteIdentifier(column) + " TEXT NOT NULL";
    sql += ")";
    db.exec(sql);
}

void insertSheetRows(Database& db, SheetKind kind, const std::vector<std::vector<std::string>>& rows)
{
    const std::vector<std::string>& header = sheetHeader(kind);
    std::string sql = "INSERT INTO " + quoteIdentifier(sheetKey(kind)) + " VALUES (?1";
    for (size_t i = 0; i < header.size(); ++i) sql += ", ?" + std::to_string(i + 2);
    sql += ")";
    Statement insert = db.prepare(sql);
    int64_t number = 0;
    for (const std::vector<std::string>& cells : rows) {
        insert.bind(1, ++number);
        for (size_t i = 0; i < header.size(); ++i)
            insert.bind(static_cast<int>(i + 2), i < cells.size() ? std::string_view(cells[i]) : std::string_view());
        insert.run();
    }
}

void createRecordingsTable(Database& db)
{
    db.exec("CREATE TABLE recordings (name TEXT PRIMARY KEY, sha256 TEXT NOT NULL, duration_ms INTEGER NOT NULL, "
            "bytes BLOB NOT NULL)");
}

// Each recording's bytes, read from where it is now, one at a time.
void insertRecordings(Database& db, const std::vector<Recording>& recordings)
{
    Statement insert = db.prepare("INSERT INTO recordings (name, sha256, duration_ms, bytes) VALUES (?1, ?2, ?3, ?4)");
    for (const Recording& recording : recordings) {
        std::string error;
        const std::optional<std::string> bytes = loadRecordingBytes(recording, error);
        if (!bytes) throw StoreError(error);
        if (sha256Hex(*bytes) != recording.sha256) throw StoreError("录音“" + recording.name + "”的内容与校验值不符");
        insert.bind(1, recording.name).bind(2, recording.sha256).bind(3, recording.durationMs).bindBlob(4, *bytes);
        insert.run();
    }
}

// The recordings of a store file as known (no bytes), pointing at `file`.
std::vector<Recording> readRecordings(Database& db, const fs::path& file)
{
    std::vector<Recording> recordings;
    if (!db.hasTable("recordings")) return recordings;
    Statement select = db.prepare("SELECT name, sha256, length(bytes), duration_ms FROM recordings ORDER BY name");
    while (select.step()) {
        Recording r;
        r.name = select.columnText(0);
        r.sha256 = select.columnText(1);
        r.bytes = static_cast<uint64_t>(select.columnInt64(2));
        r.durationMs = select.columnInt64(3);
        r.sourceKind = Recording::Source::StoreFile;
        r.source = file.string();
        recordings.push_back(std::move(r));
    }
    return recordings;
}

void setMeta(Database& db, std::string_view key, std::string_view value)
{
    Statement stmt = db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
    stmt.bind(1, key).bind(2, value);
    stmt.run();
}

std::optional<std::string> getMeta(Database& db, std::string_view key)
{
    Statement stmt = db.prepare("SELECT value FROM meta WHERE key = ?1");
    stmt.bind(1, key);
    if (!stmt.step()) return std::nullopt;
    return stmt.columnText(0);
}

// The changes from each schema version to the next, in order: step i turns version i+1 into
// version i+2. Each runs inside one transaction on a private copy.
// v1 → v2: `meta` gains `app_version` and `written_at`, so a store says which program wrote it.
// v2 → v3: `contacts` gains the optional column 二维码 (empty in old rows).
// v4 → v5: guide, notices and lectures gain 录音 (empty in old rows), and `recordings` appears.
// v3 → v4: `meta` gains `signed_version`. Older programs gave unsigned imports a version too, so
// the content version is the only safe guess: no signed package at or below it applies.
const std::vector<std::function<void(Database&)>>& migrations()
{
    static const std::vector<std::function<void(Database&)>> kSteps = {
        [](Database& db) {
            db.exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('app_version', 'v1'), ('written_at', '')");
        },
        [](Database& db) { db.exec("ALTER TABLE contacts ADD COLUMN \"二维码\" TEXT NOT NULL DEFAULT ''"); },
        [](Database& db) {
            db.exec("INSERT OR IGNORE INTO meta (key, value) "
                    "SELECT 'signed_version', value FROM meta WHERE key = 'version'");
        },
        [](Database& db) {
            for (const char* table : {"lectures", "notices", "guide"})
                db.exec("ALTER TABLE " + quoteIdentifier(table) + " ADD COLUMN \"录音\" TEXT NOT NULL DEFAULT ''");
            createRecordingsTable(db);
        },
    };
    static_assert(kStoreSchemaVersion == 5, "add a migration step when the schema version changes");
    return kSteps;
}

void migrate(Database& db, int fromVersion)
{
    for (int version = fromVersion; version < kStoreSchemaVersion; ++version) {
        Transaction transaction(db);
        migrations().at(static_cast<size_t>(version - 1))(db);
        db.setUserVersion(version + 1);
        transaction.commit();
    }
}

// Writes the given kinds (with their cells) into a new file; removes the file on failure.
void writeSheetsFile(const fs::path& file, int64_t version, int64_t signedVersion,
                     const std::vector<std::pair<SheetKind, std::vector<std::vector<std::string>>>>& sheets,
                     const std::vector<Recording>& recordings)
{
    std::error_code ec;
    if (fs::exists(fs::symlink_status(file, ec))) throw StoreError("文件已存在：" + file.string());
    try {
        {
            Database db(file, Database::Mode::ReadWriteCreate);
            // A new file is invisible until it is complete and renamed into place, so no
            // journal is needed; it is fsynced as a whole below.
            db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
            Transaction transaction(db);
            db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            for (const auto& [kind, rows] : sheets) {
                createSheetTable(db, kind);
                insertSheetRows(db, kind, rows);
            }
            createRecordingsTable(db);
            insertRecordings(db, recordings);
            setMeta(db, "version", std::to_string(version));
            setMeta(db, "signed_version", std::to_string(signedVersion));
            setMeta(db, "app_version", KIOSK_APP_VERSION);
            setMeta(db, "written_at", formatLocalDateTime(systemLocalNow()));
            db.setUserVersion(kStoreSchemaVersion);
            transaction.commit();
        }
        syncPath(file, false);
    } catch (...) {
        fs::remove(file, ec);
        throw;
    }
}

// Reads our own schema from an open database into content; any problem is a StoreError.
Content readContent(Database& db, const std::string& label, const fs::path& file)
{
    const std::optional<std::string> versionText = getMeta(db, "version");
    if (!versionText) throw StoreError(label + " 缺少内容版本号");
    Content content;
    try {
        content.version = std::stoll(*versionText);
        const std::optional<std::string> signedText = getMeta(db, "signed_version");
        content.signedVersion = signedText ? std::stoll(*signedText) : content.version;
    } catch (...) {
        throw StoreError(label + " 的内容版本号无效");
    }

    ContentUpdate update;
    Problems problems;
    for (SheetKind kind : kAllSheetKinds) {
        if (!db.hasTable(sheetKey(kind))) throw StoreError(label + " 缺少表 " + sheetKey(kind));
        const std::vector<std::string>& header = sheetHeader(kind);
        std::string sql = "SELECT \"row\"";
        for (const std::string& column : header) sql += ", " + quoteIdentifier(column);
        sql += " FROM " + quoteIdentifier(sheetKey(kind)) + " ORDER BY \"row\"";
        Statement select = db.prepare(sql);
        SheetTable table;
        table.fileName = label + ":" + sheetKey(kind);
        table.header = header;
        while (select.step()) {
            SheetRow row;
            row.number = static_cast<int>(select.columnInt64(0)) + 1;
            for (size_t i = 0; i < header.size(); ++i) row.cells.push_back(select.columnText(static_cast<int>(i + 1)));
            table.rows.push_back(std::move(row));
        }
        readSheetTable(kind, table, update, problems);
    }
    if (!problems.empty()) throw StoreError(label + " 的内容无效：" + problems.front().format());
    update.recordings = readRecordings(db, file);
    Content read = update.appliedTo(Content{});
    read.version = content.version;
    read.signedVersion = content.signedVersion;
    return read;
}

// ---- the CURRENT pointer -----------------------------------------------------------------

bool isStoreFileName(std::string_view name)
{
    if (name.size() <= kFilePrefix.size() + kFileSuffix.size() || !name.starts_with(kFilePrefix) ||
        !name.ends_with(kFileSuffix))
        return false;
    const std::string_view digits =
        name.substr(kFilePrefix.size(), name.size() - kFilePrefix.size() - kFileSuffix.size());
    for (char c : digits) {
        if (c < '0' || c > '9') return false;
    }
    return digits.size() <= 18;
}

int64_t storeFileSequence(std::string_view name)
{
    if (name.ends_with(".tmp")) name.remove_suffix(4);
    if (!isStoreFileName(name)) return 0;
    return std::stoll(
        std::string(name.substr(kFilePrefix.size(), name.size() - kFilePrefix.size() - kFileSuffix.size())));
}

std::optional<Pointer> readPointer(const DataDir& dir)
{
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(dir.currentPointer(), ec))) return std::nullopt;
    std::ifstream in(dir.currentPointer(), std::ios::binary);
    if (!in) throw StoreError("内容库指针 " + dir.currentPointer().string() + " 无法读取");
    Pointer pointer;
    std::getline(in, pointer.current);
    std::getline(in, pointer.previous);
    if (!isStoreFileName(pointer.current)) throw StoreError("内容库指针 " + dir.currentPointer().string() + " 已损坏");
    if (!pointer.previous.empty() && !isStoreFileName(pointer.previous)) pointer.previous.clear();
    return pointer;
}

void writePointer(const DataDir& dir, const Pointer& pointer)
{
    const fs::path tmp = dir.storeDir() / "CURRENT.tmp";
    const std::string text = pointer.current + "\n" + pointer.previous + "\n";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw StoreError(systemError("无法写入 " + tmp.string()));
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    const bool synced = written && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!synced) {
        ::unlink(tmp.c_str());
        errno = saved;
        throw StoreError(systemError("无法写入 " + tmp.string()));
    }
    if (::rename(tmp.c_str(), dir.currentPointer().c_str()) != 0) {
        const int renameError = errno;
        ::unlink(tmp.c_str());
        errno = renameError;
        throw StoreError(systemError("无法切换内容库"));
    }
    syncPath(dir.storeDir(), true);
}

// Removes store files the pointer does not name and every stray temporary file.
// Only store files older than both named ones are superseded: a newer file the pointer does not
// name (a live file that could not be read, a switch cut short) may be the content staff want
// back, so it stays until two later imports have superseded it too.
void removeUnusedFiles(const DataDir& dir, const Pointer& pointer)
{
    int64_t oldestNamed = storeFileSequence(pointer.current);
    if (!pointer.previous.empty()) oldestNamed = std::min(oldestNamed, storeFileSequence(pointer.previous));
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir.storeDir(), ec)) {
        const std::string name = entry.path().filename().string();
        const bool tmp = name.ends_with(".tmp") || name.ends_with("-journal");
        const bool unused = isStoreFileName(name) && name != pointer.current && name != pointer.previous &&
                            storeFileSequence(name) < oldestNamed;
        if (tmp || unused) fs::remove(entry.path(), ec);
    }
}

// The store files in the store dir, newest (highest sequence) first.
std::vector<std::string> storeFilesNewestFirst(const DataDir& dir)
{
    std::vector<std::string> names;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir.storeDir(), ec)) {
        std::string name = entry.path().filename().string();
        if (isStoreFileName(name)) names.push_back(std::move(name));
    }
    std::sort(names.begin(), names.end(),
              [](const std::string& a, const std::string& b) { return storeFileSequence(a) > storeFileSequence(b); });
    return names;
}

int64_t nextSequence(const DataDir& dir, const std::optional<Pointer>& pointer)
{
    int64_t highest = 0;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir.storeDir(), ec))
        highest = std::max(highest, storeFileSequence(entry.path().filename().string()));
    if (pointer) {
        highest = std::max(highest, storeFileSequence(pointer->current));
        highest = std::max(highest, storeFileSequence(pointer->previous));
    }
    return highest + 1;
}

// Writes `content` as a new store file and makes it current; the old current becomes previous.
// Call with the store lock held.
// `loaded` is the file the content came from (the old current, or the file recovery fell back to).
void switchToNew(const DataDir& dir, const Content& content, const std::string& loaded)
{
    std::optional<Pointer> old;
    if (!loaded.empty()) old = Pointer{loaded, {}};
    const std::string name =
        std::string(kFilePrefix) + std::to_string(nextSequence(dir, old)) + std::string(kFileSuffix);
    const fs::path file = dir.storeDir() / name;
    const fs::path tmp = dir.storeDir() / (name + ".tmp");
    std::error_code ec;
    try {
        fs::remove(tmp, ec);
        writeStoreFile(tmp, content);
        if (::rename(tmp.c_str(), file.c_str()) != 0)
            throw StoreError(systemError("无法写入内容库文件 " + file.string()));
        syncPath(dir.storeDir(), true);
        writePointer(dir, Pointer{name, loaded});
    } catch (const StoreError&) {
        fs::remove(tmp, ec);
        fs::remove(file, ec);
        throw;
    } catch (const std::exception& e) {
        fs::remove(tmp, ec);
        fs::remove(file, ec);
        throw StoreError(std::string("无法写入内容库：") + e.what());
    }
    removeUnusedFiles(dir, Pointer{name, loaded});
}

// Content as just written to `file`: its recordings' bytes are there now (a staged copy they
// came from goes away after the import).
Content pointedAt(Content content, const fs::path& file)
{
    for (Recording& r : content.recordings) {
        r.sourceKind = Recording::Source::StoreFile;
        r.source = file.string();
    }
    return content;
}

int fileSchemaVersion(const fs::path& file)
{
    Database db(file, Database::Mode::ReadOnly);
    return db.userVersion();
}

} // namespace

// ---- files ---------------------------------------------------------------------------------

void writeStoreFile(const fs::path& file, const Content& content)
{
    std::vector<std::pair<SheetKind, std::vector<std::vector<std::string>>>> sheets;
    for (SheetKind kind : kAllSheetKinds) sheets.emplace_back(kind, sheetCells(kind, content));
    writeSheetsFile(file, content.version, content.signedVersion, sheets, content.recordings);
}

void writeStoreFile(const fs::path& file, const ContentUpdate& update, int64_t version)
{
    const Content all = update.appliedTo(Content{});
    std::vector<std::pair<SheetKind, std::vector<std::vector<std::string>>>> sheets;
    for (SheetKind kind : kAllSheetKinds) {
        if (update.has(kind)) sheets.emplace_back(kind, sheetCells(kind, all));
    }
    writeSheetsFile(file, version, 0, sheets, all.recordings);
}

Content readStoreFile(const fs::path& file)
{
    const std::string label = file.filename().string();
    try {
        Database db(file, Database::Mode::ReadOnly);
        const int version = db.userVersion();
        if (version > kStoreSchemaVersion) {
            throw StoreError(label + " 由更新版本的程序写入（数据结构第 " + std::to_string(version) +
                             " 版，本程序只认识到第 " + std::to_string(kStoreSchemaVersion) + " 版），请先升级本程序");
        }
        if (version < 1) throw StoreError(label + " 不是本程序的内容库文件");
        if (version == kStoreSchemaVersion) return readContent(db, label, file);
        // Older: migrate a private copy in memory, never the file itself.
        Database copy = Database::openMemory();
        db.copyTo(copy);
        migrate(copy, version);
        return readContent(copy, label, file);
    } catch (const StoreError&) {
        throw;
    } catch (const std::exception& e) {
        throw StoreError(label + " 无法读取：" + e.what());
    }
}

// ---- the store -------------------------------------------------------------------------------

Store Store::open(const DataDir& dir, Date today, StoreAccess access)
{
    const bool readOnly = access == StoreAccess::ReadOnly;
    std::error_code ec;
    if (!readOnly) {
        fs::create_directories(dir.storeDir(), ec);
        if (ec) throw StoreError("无法使用数据目录 " + dir.root.string() + "：" + errorCodeText(ec));
    }

    Store store(dir);
    std::optional<StoreLock> lock;
    if (!readOnly) lock.emplace(dir.storeDir());
    std::optional<Pointer> pointer;
    bool pointerBroken = false;
    try {
        pointer = readPointer(dir);
    } catch (const StoreError&) {
        pointerBroken = true;
    }
    const std::vector<std::string> files = storeFilesNewestFirst(dir);
    if (!pointer && files.empty()) {
        // No store file at all: a new data dir. Start from the demo station so the screen is
        // never empty; read-only commands show it without writing it.
        Content demo = demoContent(today);
        demo.version = 1;
        if (!readOnly) {
            switchToNew(dir, demo, {});
            store.m_loaded = *readPointer(dir);
        }
        store.m_content = std::move(demo);
        return store;
    }

    std::optional<StoreError> currentError;
    if (pointer) {
        const fs::path currentPath = dir.storeDir() / pointer->current;
        try {
            store.m_content = readStoreFile(currentPath);
            store.m_loaded = *pointer;
        } catch (const StoreError& e) {
            // A newer program's store is not broken: never fall back over that.
            int currentSchema = 0;
            try {
                currentSchema = fileSchemaVersion(currentPath);
            } catch (const StoreError&) {
            }
            if (currentSchema > kStoreSchemaVersion) throw;
            currentError = e;
        }
        if (!currentError) {
            if (!readOnly && fileSchemaVersion(currentPath) < kStoreSchemaVersion) {
                // An older schema: write a fresh file in the current one and switch; the old
                // file stays as the previous one until the next import.
                switchToNew(dir, store.m_content, pointer->current);
                store.m_loaded = *readPointer(dir);
            } else if (!readOnly) {
                removeUnusedFiles(dir, *pointer);
            }
            return store;
        }
    }

    // Recovery: the pointer is missing or damaged, or the file it names cannot be read. Use the
    // newest store file that reads, change nothing on disk (the next import writes a fresh
    // pointer) and say so. Nothing is deleted here.
    for (const std::string& name : files) {
        if (pointer && name == pointer->current) continue;
        try {
            store.m_content = readStoreFile(dir.storeDir() / name);
        } catch (const StoreError&) {
            continue;
        }
        store.m_loaded = Pointer{name, {}};
        store.m_recovered = true;
        const std::string using_ = "已改用最新一份能读取的内容库文件 " + name + "（内容版本 " +
                                   std::to_string(store.m_content.version) + "）；重新导入一次内容即可恢复正常";
        if (currentError) {
            store.m_recoveryNote =
                "当前内容库文件 " + pointer->current + " 无法读取（" + currentError->what() + "），" + using_;
        } else if (pointerBroken) {
            store.m_recoveryNote = "内容库指针 " + dir.currentPointer().string() + " 已损坏，" + using_;
        } else {
            store.m_recoveryNote = "内容库指针 " + dir.currentPointer().string() + " 不见了，" + using_;
        }
        return store;
    }
    if (currentError) throw *currentError;
    throw StoreError("内容库指针 " + dir.currentPointer().string() + (pointerBroken ? " 已损坏" : " 不见了") +
                     "，数据目录里也没有能读取的内容库文件");
}

fs::path Store::currentFile() const
{
    if (m_loaded.current.empty()) return {};
    return m_dir.storeDir() / m_loaded.current;
}

void Store::switchAndHold(const Content& next)
{
    switchToNew(m_dir, next, m_loaded.current);
    m_loaded = *readPointer(m_dir);
    m_content = pointedAt(next, currentFile());
    m_recovered = false;
    m_recoveryNote.clear();
}

void Store::replace(const Content& next)
{
    StoreLock lock(m_dir.storeDir());
    switchAndHold(next);
}

void Store::replaceFromLive(const std::function<Content(const Content& live)>& build)
{
    StoreLock lock(m_dir.storeDir());
    const std::optional<Pointer> pointer = readPointer(m_dir);
    // Every switch writes a file of a new name: the same name means nobody switched since.
    if (pointer && pointer->current != m_loaded.current) {
        m_content = readStoreFile(m_dir.storeDir() / pointer->current);
        m_loaded = *pointer;
    }
    switchAndHold(build(m_content));
}

bool Store::rollback()
{
    if (!canRollback()) return false;
    StoreLock lock(m_dir.storeDir());
    Content previous = readStoreFile(m_dir.storeDir() / m_loaded.previous);
    // Going back changes what is shown, not which signed packages were seen: the package just
    // left behind (still in the drop folder, say) must not come back on its own.
    if (previous.signedVersion < m_content.signedVersion) {
        previous.signedVersion = m_content.signedVersion;
        switchToNew(m_dir, previous, m_loaded.current);
        m_loaded = *readPointer(m_dir);
        previous = pointedAt(std::move(previous), currentFile());
    } else {
        const Pointer swapped{m_loaded.previous, m_loaded.current};
        writePointer(m_dir, swapped);
        m_loaded = swapped;
    }
    m_content = std::move(previous);
    return true;
}

bool Store::canRollback() const
{
    // After a recovery the previous file is not known; an import makes a fresh pair.
    std::error_code ec;
    return !m_recovered && !m_loaded.previous.empty() && fs::exists(m_dir.storeDir() / m_loaded.previous, ec);
}

} // namespace content

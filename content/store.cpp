// The live store: "the sheets in SQLite". One table per sheet kind (named by sheetKey) with a
// `row` column and one TEXT column per header text holding the canonical cells, plus `meta`.
// Files are written once, fsynced, and switched by renaming the CURRENT pointer.
#include "content/store.h"

#include "content/demo_content.h"
#include "content/sheet_table.h"
#include "content/sheet_text.h"
#include "content/sqlite_db.h"

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

constexpr std::string_view kFilePrefix = "content-";
constexpr std::string_view kFileSuffix = ".db";

std::string systemError(const std::string& what)
{
    return what + "：" + std::strerror(errno);
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
// v2 → v3: `meta` gains `signed_version`. Older programs gave unsigned imports a version too, so
// the content version is the only safe guess: no signed package at or below it applies.
const std::vector<std::function<void(Database&)>>& migrations()
{
    static const std::vector<std::function<void(Database&)>> kSteps = {
        [](Database& db) {
            db.exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('app_version', 'v1'), ('written_at', '')");
        },
        [](Database& db) {
            db.exec("INSERT OR IGNORE INTO meta (key, value) "
                    "SELECT 'signed_version', value FROM meta WHERE key = 'version'");
        },
    };
    static_assert(kStoreSchemaVersion == 3, "add a migration step when the schema version changes");
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
                     const std::vector<std::pair<SheetKind, std::vector<std::vector<std::string>>>>& sheets)
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
Content readContent(Database& db, const std::string& label)
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
    Content read = update.appliedTo(Content{});
    read.version = content.version;
    read.signedVersion = content.signedVersion;
    return read;
}

// ---- the CURRENT pointer -----------------------------------------------------------------

struct Pointer {
    std::string current;  // file name in the store dir
    std::string previous; // empty when there is none
};

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
    std::ifstream in(dir.currentPointer(), std::ios::binary);
    if (!in) return std::nullopt;
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
void removeUnusedFiles(const DataDir& dir, const Pointer& pointer)
{
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir.storeDir(), ec)) {
        const std::string name = entry.path().filename().string();
        const bool tmp = name.ends_with(".tmp") || name.ends_with("-journal");
        const bool unused = isStoreFileName(name) && name != pointer.current && name != pointer.previous;
        if (tmp || unused) fs::remove(entry.path(), ec);
    }
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
// Call with the store lock held. Returns the new file's name.
std::string switchToNew(const DataDir& dir, const Content& content)
{
    const std::optional<Pointer> old = readPointer(dir);
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
        writePointer(dir, Pointer{name, old ? old->current : std::string()});
    } catch (const StoreError&) {
        fs::remove(tmp, ec);
        fs::remove(file, ec);
        throw;
    } catch (const std::exception& e) {
        fs::remove(tmp, ec);
        fs::remove(file, ec);
        throw StoreError(std::string("无法写入内容库：") + e.what());
    }
    removeUnusedFiles(dir, Pointer{name, old ? old->current : std::string()});
    return name;
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
    writeSheetsFile(file, content.version, content.signedVersion, sheets);
}

void writeStoreFile(const fs::path& file, const ContentUpdate& update, int64_t version)
{
    const Content all = update.appliedTo(Content{});
    std::vector<std::pair<SheetKind, std::vector<std::vector<std::string>>>> sheets;
    for (SheetKind kind : kAllSheetKinds) {
        if (update.has(kind)) sheets.emplace_back(kind, sheetCells(kind, all));
    }
    writeSheetsFile(file, version, 0, sheets);
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
        if (version == kStoreSchemaVersion) return readContent(db, label);
        // Older: migrate a private copy in memory, never the file itself.
        Database copy = Database::openMemory();
        db.copyTo(copy);
        migrate(copy, version);
        return readContent(copy, label);
    } catch (const StoreError&) {
        throw;
    } catch (const std::exception& e) {
        throw StoreError(label + " 无法读取：" + e.what());
    }
}

// ---- the store -------------------------------------------------------------------------------

Store Store::open(const DataDir& dir, Date today)
{
    std::error_code ec;
    fs::create_directories(dir.storeDir(), ec);
    if (ec) throw StoreError("无法使用数据目录 " + dir.root.string() + "：" + ec.message());

    Store store(dir);
    StoreLock lock(dir.storeDir());
    std::optional<Pointer> pointer = readPointer(dir);
    if (!pointer) {
        // A new data dir: start from the demo station so the screen is never empty.
        Content demo = demoContent(today);
        demo.version = 1;
        switchToNew(dir, demo);
        store.m_content = std::move(demo);
        return store;
    }

    const fs::path currentPath = dir.storeDir() / pointer->current;
    try {
        store.m_content = readStoreFile(currentPath);
    } catch (const StoreError& currentError) {
        // A newer program's store is not broken: never fall back (and delete it) over that.
        int currentSchema = 0;
        try {
            currentSchema = fileSchemaVersion(currentPath);
        } catch (const StoreError&) {
        }
        // The current file is unusable: fall back to the previous one rather than show nothing.
        const fs::path previousPath = dir.storeDir() / pointer->previous;
        if (currentSchema > kStoreSchemaVersion || pointer->previous.empty() || !fs::exists(previousPath, ec)) throw;
        try {
            store.m_content = readStoreFile(previousPath);
        } catch (const StoreError&) {
            throw currentError;
        }
        pointer = Pointer{pointer->previous, std::string()};
        writePointer(dir, *pointer);
        removeUnusedFiles(dir, *pointer);
        return store;
    }

    if (fileSchemaVersion(currentPath) < kStoreSchemaVersion) {
        // An older schema: write a fresh file in the current one and switch; the old file stays
        // as the previous one until the next import.
        switchToNew(dir, store.m_content);
    } else {
        removeUnusedFiles(dir, *pointer);
    }
    return store;
}

fs::path Store::currentFile() const
{
    try {
        if (const std::optional<Pointer> pointer = readPointer(m_dir)) return m_dir.storeDir() / pointer->current;
    } catch (const StoreError&) {
    }
    return {};
}

void Store::replace(const Content& next)
{
    StoreLock lock(m_dir.storeDir());
    m_loadedFile = switchToNew(m_dir, next);
    m_content = next;
}

void Store::replaceFromLive(const std::function<Content(const Content& live)>& build)
{
    StoreLock lock(m_dir.storeDir());
    const std::optional<Pointer> pointer = readPointer(m_dir);
    // Every switch writes a file of a new name: the same name means nobody switched since.
    if (pointer && pointer->current != m_loadedFile) {
        m_content = readStoreFile(m_dir.storeDir() / pointer->current);
        m_loadedFile = pointer->current;
    }
    Content next = build(m_content);
    m_loadedFile = switchToNew(m_dir, next);
    m_content = std::move(next);
}

bool Store::rollback()
{
    StoreLock lock(m_dir.storeDir());
    const std::optional<Pointer> pointer = readPointer(m_dir);
    std::error_code ec;
    if (!pointer || pointer->previous.empty() || !fs::exists(m_dir.storeDir() / pointer->previous, ec)) return false;
    const Content current = readStoreFile(m_dir.storeDir() / pointer->current);
    Content previous = readStoreFile(m_dir.storeDir() / pointer->previous);
    // Going back changes what is shown, not which signed packages were seen: the package just
    // left behind (still in the drop folder, say) must not come back on its own.
    previous.signedVersion = std::max(previous.signedVersion, current.signedVersion);
    m_loadedFile = switchToNew(m_dir, previous);
    m_content = std::move(previous);
    return true;
}

bool Store::canRollback() const
{
    try {
        const std::optional<Pointer> pointer = readPointer(m_dir);
        std::error_code ec;
        return pointer && !pointer->previous.empty() && fs::exists(m_dir.storeDir() / pointer->previous, ec);
    } catch (const StoreError&) {
        return false;
    }
}

} // namespace content

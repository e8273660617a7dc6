#include "content/sqlite_db.h"

#include "content/limits.h"

#include <sqlite3.h>

#include <utility>

namespace content::sqlite {

namespace {

// A file: URI for `file` with every byte that could be read as URI syntax escaped.
std::string fileUri(const std::filesystem::path& file, std::string_view query)
{
    static const char* kHex = "0123456789ABCDEF";
    std::string uri = "file:";
    for (unsigned char c : std::filesystem::absolute(file).string()) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
                           c == '-' || c == '_' || c == '.' || c == '~';
        if (plain) {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += kHex[c >> 4];
            uri += kHex[c & 15];
        }
    }
    uri += '?';
    uri += query;
    return uri;
}

// The start of a statement for a message, cut at a character boundary.
std::string shortSql(std::string_view sql)
{
    constexpr size_t kMaxBytes = 60;
    if (sql.size() <= kMaxBytes) return std::string(sql);
    size_t end = kMaxBytes;
    while (end > 0 && (static_cast<unsigned char>(sql[end]) & 0xC0) == 0x80) --end;
    return std::string(sql.substr(0, end)) + "…";
}

// sqlite's result codes that a file or a disk can cause, in words for staff; sqlite's own
// English text only for the rest (programming errors, which staff never meet).
const char* chineseReason(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_INTERRUPT:
        return "读取超时";
    case SQLITE_TOOBIG:
        return "有一行或一格的内容太大";
    case SQLITE_NOMEM:
        return "内存不足";
    case SQLITE_CORRUPT:
        return "数据库文件已损坏";
    case SQLITE_NOTADB:
        return "不是 SQLite 数据库文件";
    case SQLITE_CANTOPEN:
        return "无法打开文件";
    case SQLITE_IOERR:
        return "读写磁盘出错";
    case SQLITE_FULL:
        return "磁盘已满";
    case SQLITE_READONLY:
        return "文件只读";
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return "没有权限";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "数据库正被另一个程序使用";
    default:
        return nullptr;
    }
}

std::string errorText(sqlite3* db, int rc)
{
    if (const char* reason = chineseReason(rc)) return reason;
    if (db && sqlite3_errcode(db) == rc) return sqlite3_errmsg(db);
    return sqlite3_errstr(rc);
}

} // namespace

Database::Database(const std::filesystem::path& file, Mode mode)
{
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    // Our own files are never changed after they are written, so no lock is needed to read.
    const std::string uri = fileUri(file, mode == Mode::ReadOnly ? "mode=ro" : "mode=rwc");
    const int rc = sqlite3_open_v2(uri.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = errorText(m_db, rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw StoreError("无法打开数据库 " + file.string() + "：" + message);
    }
    sqlite3_extended_result_codes(m_db, 1);
    check(sqlite3_busy_timeout(m_db, 2000), "busy_timeout");
}

Database Database::openUntrusted(const std::filesystem::path& file, std::chrono::milliseconds budget)
{
    Database db;
    // immutable=1: the file is our private staged copy, nobody changes it while we read.
    const std::string uri = fileUri(file, "mode=ro&immutable=1");
    const int rc =
        sqlite3_open_v2(uri.c_str(), &db.m_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = errorText(db.m_db, rc);
        throw StoreError("无法打开数据库：" + message);
    }
    sqlite3_extended_result_codes(db.m_db, 1);

    // The settings sqlite.org recommends for files from an attacker (security.html).
    int ignored = 0;
    db.check(sqlite3_db_config(db.m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, &ignored), "DBCONFIG_DEFENSIVE");
    db.check(sqlite3_db_config(db.m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &ignored), "DBCONFIG_TRUSTED_SCHEMA");
    db.check(sqlite3_db_config(db.m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &ignored), "DBCONFIG_ENABLE_TRIGGER");
    db.check(sqlite3_db_config(db.m_db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &ignored), "DBCONFIG_ENABLE_VIEW");
    db.check(sqlite3_db_config(db.m_db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &ignored),
             "DBCONFIG_ENABLE_LOAD_EXTENSION");
    sqlite3_limit(db.m_db, SQLITE_LIMIT_LENGTH, limits::kMaxDatabaseRowBytes);
    sqlite3_limit(db.m_db, SQLITE_LIMIT_SQL_LENGTH, 100000);
    sqlite3_limit(db.m_db, SQLITE_LIMIT_COLUMN, 100);
    sqlite3_limit(db.m_db, SQLITE_LIMIT_EXPR_DEPTH, 10);
    sqlite3_limit(db.m_db, SQLITE_LIMIT_COMPOUND_SELECT, 3);
    sqlite3_limit(db.m_db, SQLITE_LIMIT_VDBE_OP, 25000);
    sqlite3_limit(db.m_db, SQLITE_LIMIT_FUNCTION_ARG, 8);
    sqlite3_limit(db.m_db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db.m_db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 50);
    sqlite3_limit(db.m_db, SQLITE_LIMIT_VARIABLE_NUMBER, 10);
    sqlite3_limit(db.m_db, SQLITE_LIMIT_TRIGGER_DEPTH, 10);

    // A hostile file must not hang the import: every statement stops at the deadline.
    db.m_deadline = std::chrono::steady_clock::now() + budget;
    db.m_hasDeadline = true;
    sqlite3_progress_handler(db.m_db, 1000, &Database::progressHandler, &db);

    db.exec("PRAGMA cell_size_check=ON; PRAGMA mmap_size=0;");
    return db;
}

Database Database::openMemory()
{
    Database db;
    const int rc = sqlite3_open_v2(":memory:", &db.m_db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) throw StoreError(std::string("无法创建内存数据库：") + sqlite3_errstr(rc));
    sqlite3_extended_result_codes(db.m_db, 1);
    return db;
}

int Database::progressHandler(void* self)
{
    const auto* db = static_cast<const Database*>(self);
    return db->m_hasDeadline && std::chrono::steady_clock::now() > db->m_deadline ? 1 : 0;
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_deadline(other.m_deadline), m_hasDeadline(other.m_hasDeadline)
{
    // The progress handler holds a pointer to the object; point it at its new home.
    if (m_db && m_hasDeadline) sqlite3_progress_handler(m_db, 1000, &Database::progressHandler, this);
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        if (m_db) sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_deadline = other.m_deadline;
        m_hasDeadline = other.m_hasDeadline;
        if (m_db && m_hasDeadline) sqlite3_progress_handler(m_db, 1000, &Database::progressHandler, this);
    }
    return *this;
}

Database::~Database()
{
    if (m_db) sqlite3_close_v2(m_db);
}

void Database::check(int rc, std::string_view what) const
{
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return;
    const std::string message = errorText(m_db, rc);
    throw StoreError("数据库错误（" + std::string(what) + "）：" + message);
}

void Database::exec(std::string_view sql)
{
    char* error = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const char* reason = chineseReason(rc);
        std::string message = reason ? reason : error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw StoreError("数据库错误（" + shortSql(text) + "）：" + message);
    }
}

Statement Database::prepare(std::string_view sql)
{
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        check(rc, shortSql(sql));
    }
    if (!stmt) throw StoreError("数据库错误：空语句");
    return Statement(*this, stmt);
}

int Database::userVersion()
{
    Statement stmt = prepare("PRAGMA user_version");
    if (!stmt.step()) throw StoreError("数据库错误：读不到 user_version");
    return static_cast<int>(stmt.columnInt64(0));
}

void Database::setUserVersion(int version)
{
    exec("PRAGMA user_version = " + std::to_string(version));
}

bool Database::hasTable(std::string_view name)
{
    Statement stmt = prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    stmt.bind(1, name);
    return stmt.step();
}

void Database::copyTo(Database& target)
{
    sqlite3_backup* backup = sqlite3_backup_init(target.m_db, "main", m_db, "main");
    if (!backup) target.check(sqlite3_errcode(target.m_db), "backup_init");
    const int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) target.check(rc == SQLITE_OK ? SQLITE_ERROR : rc, "backup");
}

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::string_view text)
{
    m_db->check(sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), "bind");
    return *this;
}

Statement& Statement::bind(int index, int64_t value)
{
    m_db->check(sqlite3_bind_int64(m_stmt, index, value), "bind");
    return *this;
}

Statement& Statement::bindBlob(int index, std::string_view bytes)
{
    m_db->check(sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT), "bind");
    return *this;
}

std::string Statement::columnBlob(int index) const
{
    const void* data = sqlite3_column_blob(m_stmt, index);
    const int bytes = sqlite3_column_bytes(m_stmt, index);
    if (!data) {
        if (sqlite3_column_type(m_stmt, index) != SQLITE_NULL && bytes > 0) m_db->check(SQLITE_NOMEM, "column_blob");
        return {};
    }
    return std::string(static_cast<const char*>(data), static_cast<size_t>(bytes));
}

int64_t Statement::columnBytes(int index) const
{
    return sqlite3_column_bytes(m_stmt, index);
}

Statement& Statement::bindNull(int index)
{
    m_db->check(sqlite3_bind_null(m_stmt, index), "bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    m_db->check(rc, "step");
    return false;
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    m_db->check(sqlite3_reset(m_stmt), "reset");
    m_db->check(sqlite3_clear_bindings(m_stmt), "clear_bindings");
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

std::string Statement::columnName(int index) const
{
    const char* name = sqlite3_column_name(m_stmt, index);
    return name ? name : "";
}

bool Statement::columnIsNull(int index) const
{
    return sqlite3_column_type(m_stmt, index) == SQLITE_NULL;
}

std::string Statement::columnText(int index) const
{
    const unsigned char* text = sqlite3_column_text(m_stmt, index);
    if (!text) {
        // NULL is a blank cell; anything else without text is out of memory.
        if (sqlite3_column_type(m_stmt, index) != SQLITE_NULL) m_db->check(SQLITE_NOMEM, "column_text");
        return {};
    }
    const int bytes = sqlite3_column_bytes(m_stmt, index);
    return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(bytes));
}

int64_t Statement::columnInt64(int index) const
{
    return sqlite3_column_int64(m_stmt, index);
}

Transaction::Transaction(Database& db) : m_db(db)
{
    m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!m_done) {
        // Nothing to report from a destructor: the rollback undoes what we wrote.
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_done = true;
}

std::string quoteIdentifier(std::string_view name)
{
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

} // namespace content::sqlite

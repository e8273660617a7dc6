#pragma once
// A thin RAII wrapper over the SQLite C API: a connection, prepared statements and a
// transaction that rolls back unless committed. Every return code is checked; a failure
// throws StoreError carrying sqlite's own message.
#include "content/store.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace content::sqlite {

class Statement;

class Database {
public:
    enum class Mode {
        ReadOnly,       // our own files: read-only, the file must exist
        ReadWriteCreate // a new file being written
    };

    // Opens `file` in `mode`. Throws StoreError (with the path) when it cannot.
    Database(const std::filesystem::path& file, Mode mode);
    // Opens an untrusted file: read-only and immutable through a URI, with sqlite.org's
    // defensive settings, tight limits and a time budget for every statement.
    static Database openUntrusted(const std::filesystem::path& file, std::chrono::milliseconds budget);
    // A private in-memory database (migrations run on a copy here).
    static Database openMemory();

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    sqlite3* handle() const { return m_db; }

    // Runs one or more statements that return no rows.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    // PRAGMA user_version.
    int userVersion();
    void setUserVersion(int version);
    // True when a table of that name exists in the main schema.
    bool hasTable(std::string_view name);
    // Copies the whole database into `target` (sqlite's online backup).
    void copyTo(Database& target);

    // Throws StoreError with `what` and sqlite's current message when `rc` is an error.
    void check(int rc, std::string_view what) const;

private:
    Database() = default;
    sqlite3* m_db = nullptr;
    std::chrono::steady_clock::time_point m_deadline{};
    bool m_hasDeadline = false;
    static int progressHandler(void* self);
};

class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Parameters are 1-based as in sqlite.
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, int64_t value);
    Statement& bindNull(int index);
    Statement& bindBlob(int index, std::string_view bytes);

    // Advances; true when a row is available, false when done. Throws on errors.
    bool step();
    // Runs a statement that returns no rows, then resets it for the next binding.
    void run();
    void reset();

    int columnCount() const;
    std::string columnName(int index) const;
    bool columnIsNull(int index) const;
    // Any column value as text (numbers are converted by sqlite, NULL is "").
    std::string columnText(int index) const;
    int64_t columnInt64(int index) const;
    // A BLOB (or any value) as bytes; NULL is empty.
    std::string columnBlob(int index) const;
    // Bytes of a column's value without reading it.
    int64_t columnBytes(int index) const;

private:
    friend class Database;
    Statement(const Database& db, sqlite3_stmt* stmt) : m_db(&db), m_stmt(stmt) {}
    const Database* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() ran.
class Transaction {
public:
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

// "name" with embedded quotes doubled, for identifiers we build (our Chinese column names).
std::string quoteIdentifier(std::string_view name);

} // namespace content::sqlite

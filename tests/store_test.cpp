// The SQLite store: file schema and migration, the atomic switch and rollback, and reading
// untrusted content.db files.
#include "content/demo_content.h"
#include "content/sheet_table.h"
#include "content/sqlite_db.h"
#include "content/store.h"
#include "content/trust.h"

#include "tests/support/station.h"
#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

using namespace content;

namespace {

using StoreTempDir = test::TempDir;

constexpr auto storeDay = test::testDay;

constexpr auto writeBytes = test::writeFile;
constexpr auto readBytes = test::readFile;

// A small content of our own, read through the sheet readers like a real package.
Content sampleContent()
{
    ContentUpdate update;
    Problems problems;
    readSheetFile(SheetKind::Station, "项目,内容\n站点名称,测试站\n欢迎语,\"欢迎，您好\"\n", "station.csv", update,
                  problems);
    readSheetFile(SheetKind::Activities,
                  "日期,开始,结束,活动,地点,说明,类别\n2026-06-03,9:00,10:00,太极拳,一楼,\"带水杯,穿运动鞋\",文体\n"
                  "每周二,14:00,,书法,二楼,\"多行\n说明\",学习\n",
                  "activities.csv", update, problems);
    readSheetFile(SheetKind::Meals, "日期,餐次,菜品,价格,标签,备注\n工作日,午餐,米饭、青菜,12.5元,低盐,\n", "meals.csv",
                  update, problems);
    readSheetFile(SheetKind::Contacts, "名称,电话,说明,类别\n急救,120,,紧急\n", "contacts.csv", update, problems);
    REQUIRE(problems.empty());
    Content content = update.appliedTo(Content{});
    content.version = 7;
    return content;
}

// A store file as schema version 1 wrote it: no app_version or written_at in meta.
void writeVersion1File(const fs::path& file, const Content& content)
{
    sqlite::Database db(file, sqlite::Database::Mode::ReadWriteCreate);
    sqlite::Transaction transaction(db);
    db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    for (SheetKind kind : kAllSheetKinds) {
        std::string create =
            "CREATE TABLE " + sqlite::quoteIdentifier(sheetKey(kind)) + " (\"row\" INTEGER PRIMARY KEY";
        std::string insert = "INSERT INTO " + sqlite::quoteIdentifier(sheetKey(kind)) + " VALUES (?1";
        // Version 1 had no 二维码 column in contacts (v3 added it, last), nor 录音 (v5, last).
        const auto& header = sheetHeader(kind);
        const bool lastIsNewer = kind == SheetKind::Contacts || kind == SheetKind::Lectures ||
                                 kind == SheetKind::Notices || kind == SheetKind::Guide;
        const size_t columns = header.size() - (lastIsNewer ? 1 : 0);
        for (size_t i = 0; i < columns; ++i) {
            create += ", " + sqlite::quoteIdentifier(header[i]) + " TEXT NOT NULL";
            insert += ", ?" + std::to_string(i + 2);
        }
        db.exec(create + ")");
        sqlite::Statement stmt = db.prepare(insert + ")");
        int64_t row = 0;
        for (const auto& cells : sheetCells(kind, content)) {
            stmt.bind(1, ++row);
            for (size_t i = 0; i < columns; ++i) stmt.bind(static_cast<int>(i + 2), cells[i]);
            stmt.run();
        }
    }
    sqlite::Statement meta = db.prepare("INSERT INTO meta VALUES ('version', ?1)");
    meta.bind(1, std::to_string(content.version));
    meta.run();
    db.setUserVersion(1);
    transaction.commit();
}

std::optional<std::string> metaValue(const fs::path& file, const std::string& key)
{
    sqlite::Database db(file, sqlite::Database::Mode::ReadOnly);
    sqlite::Statement stmt = db.prepare("SELECT value FROM meta WHERE key = ?1");
    stmt.bind(1, key);
    if (!stmt.step()) return std::nullopt;
    return stmt.columnText(0);
}

int fileUserVersion(const fs::path& file)
{
    sqlite::Database db(file, sqlite::Database::Mode::ReadOnly);
    return db.userVersion();
}

std::vector<std::string> storeFiles(const DataDir& dir)
{
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir.storeDir())) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

bool mentions(const Problems& problems, std::string_view text)
{
    for (const Problem& problem : problems) {
        if (problem.format().find(text) != std::string::npos) return true;
    }
    return false;
}

std::string allProblems(const Problems& problems)
{
    std::string text;
    for (const Problem& problem : problems) text += problem.format() + "\n";
    return text;
}

} // namespace

TEST_CASE("sqlite wrapper reports errors and rolls back unfinished transactions", "[store]")
{
    StoreTempDir tmp;
    sqlite::Database db(tmp.path / "t.db", sqlite::Database::Mode::ReadWriteCreate);
    db.exec("CREATE TABLE t (x INTEGER)");
    {
        sqlite::Transaction transaction(db);
        db.exec("INSERT INTO t VALUES (1)");
    } // not committed
    {
        sqlite::Transaction transaction(db);
        db.exec("INSERT INTO t VALUES (2)");
        transaction.commit();
    }
    sqlite::Statement count = db.prepare("SELECT group_concat(x) FROM t");
    REQUIRE(count.step());
    CHECK(count.columnText(0) == "2");
    CHECK_THROWS_AS(db.exec("SELECT * FROM missing"), StoreError);
    CHECK_THROWS_WITH(db.prepare("SELEC 1"), Catch::Contains("syntax error"));
}

TEST_CASE("a store file reads back exactly what was written", "[store]")
{
    StoreTempDir tmp;
    const Content content = sampleContent();
    writeStoreFile(tmp.path / "a.db", content);
    CHECK(readStoreFile(tmp.path / "a.db") == content);
    CHECK(fileUserVersion(tmp.path / "a.db") == kStoreSchemaVersion);
    CHECK(metaValue(tmp.path / "a.db", "app_version").has_value());
    CHECK_THROWS_AS(writeStoreFile(tmp.path / "a.db", content), StoreError);

    const Content demo = [] {
        Content c = demoContent(storeDay());
        c.version = 3;
        return c;
    }();
    writeStoreFile(tmp.path / "demo.db", demo);
    CHECK(readStoreFile(tmp.path / "demo.db") == demo);
}

TEST_CASE("a version 1 store is read through a migrated copy and upgraded on open", "[store]")
{
    StoreTempDir tmp;
    const Content written = sampleContent();
    const fs::path v1 = tmp.path / "v1.db";
    writeVersion1File(v1, written);
    // Migrated, the last signed version is the content version: no signed package at or
    // below it can be older programs' content replayed.
    Content content = written;
    content.signedVersion = written.version;
    const std::string before = sha256Hex(readBytes(v1));
    CHECK(readStoreFile(v1) == content);
    // The file itself is never migrated in place.
    CHECK(sha256Hex(readBytes(v1)) == before);
    CHECK(fileUserVersion(v1) == 1);

    // A data dir whose live file is version 1: open writes a fresh current-schema file.
    const DataDir dir{tmp.path / "data"};
    fs::create_directories(dir.storeDir());
    fs::copy_file(v1, dir.storeDir() / "content-5.db");
    writeBytes(dir.currentPointer(), "content-5.db\n\n");
    Store store = Store::open(dir, storeDay());
    CHECK(store.content() == content);
    CHECK(store.currentFile().filename() == "content-6.db");
    CHECK(fileUserVersion(store.currentFile()) == kStoreSchemaVersion);
    CHECK(metaValue(store.currentFile(), "app_version").has_value());
    CHECK(store.canRollback());
    CHECK(Store::open(dir, storeDay()).content() == content);
}

TEST_CASE("a store from a newer schema or a broken file is a StoreError", "[store]")
{
    StoreTempDir tmp;
    const fs::path newer = tmp.path / "newer.db";
    writeStoreFile(newer, sampleContent());
    {
        sqlite::Database db(newer, sqlite::Database::Mode::ReadWriteCreate);
        db.setUserVersion(kStoreSchemaVersion + 1);
    }
    CHECK_THROWS_WITH(readStoreFile(newer), Catch::Contains("升级"));

    // A data dir written by a newer program: open refuses and touches nothing (no fallback).
    const DataDir dir{tmp.path / "data"};
    {
        Store store = Store::open(dir, storeDay());
        store.replace(sampleContent());
    }
    {
        sqlite::Database db(Store::open(dir, storeDay()).currentFile(), sqlite::Database::Mode::ReadWriteCreate);
        db.setUserVersion(kStoreSchemaVersion + 1);
    }
    const std::vector<std::string> before = storeFiles(dir);
    const std::string pointer = readBytes(dir.currentPointer());
    CHECK_THROWS_WITH(Store::open(dir, storeDay()), Catch::Contains("升级"));
    CHECK(storeFiles(dir) == before);
    CHECK(readBytes(dir.currentPointer()) == pointer);

    writeBytes(tmp.path / "garbage.db", std::string(5000, 'x'));
    CHECK_THROWS_AS(readStoreFile(tmp.path / "garbage.db"), StoreError);
    CHECK_THROWS_AS(readStoreFile(tmp.path / "missing.db"), StoreError);

    // Our schema with a value no sheet reader accepts.
    const fs::path bad = tmp.path / "bad.db";
    writeStoreFile(bad, sampleContent());
    {
        sqlite::Database db(bad, sqlite::Database::Mode::ReadWriteCreate);
        db.exec("UPDATE activities SET \"日期\" = '2026-13-45'");
    }
    CHECK_THROWS_WITH(readStoreFile(bad), Catch::Contains("日期"));
}

TEST_CASE("a new data dir is seeded with the demo content as version 1", "[store]")
{
    StoreTempDir tmp;
    const DataDir dir{tmp.path / "new"};
    Store store = Store::open(dir, storeDay());
    CHECK(store.version() == 1);
    Content demo = demoContent(storeDay());
    demo.version = 1;
    CHECK(store.content() == demo);
    CHECK_FALSE(store.canRollback());
    CHECK_FALSE(store.rollback());
    // Opening again reads the same file; the demo is not seeded twice.
    Store again = Store::open(dir, storeDay());
    CHECK(again.currentFile() == store.currentFile());
    CHECK(again.content() == demo);
}

TEST_CASE("replace switches atomically, keeps one previous file and rolls back", "[store]")
{
    StoreTempDir tmp;
    const DataDir dir{tmp.path / "data"};
    Store store = Store::open(dir, storeDay());
    const Content first = store.content();

    Content second = sampleContent();
    second.version = 2;
    store.replace(second);
    CHECK(store.content() == second);
    CHECK(Store::open(dir, storeDay()).content() == second);

    Content third = second;
    third.version = 3;
    third.contacts.push_back(Contact{"居委会", "12345", "", "社区"});
    store.replace(third);
    CHECK(Store::open(dir, storeDay()).content() == third);
    // Current and previous only; no temporary files left behind.
    const std::vector<std::string> files = storeFiles(dir);
    CHECK(std::count_if(files.begin(), files.end(), [](const std::string& n) { return n.ends_with(".db"); }) == 2);
    CHECK(std::none_of(files.begin(), files.end(), [](const std::string& n) { return n.ends_with(".tmp"); }));

    REQUIRE(store.canRollback());
    CHECK(store.rollback());
    CHECK(store.content() == second);
    CHECK(Store::open(dir, storeDay()).content() == second);
    // Rolling back again swaps back.
    CHECK(store.rollback());
    CHECK(store.content() == third);
    CHECK(first.version == 1);
}

TEST_CASE("open removes stray temporary and unused files and survives a broken current file", "[store]")
{
    StoreTempDir tmp;
    const DataDir dir{tmp.path / "data"};
    Store store = Store::open(dir, storeDay());
    Content next = sampleContent();
    next.version = 2;
    store.replace(next);
    writeBytes(dir.storeDir() / "content-9.db.tmp", "half written");
    writeBytes(dir.storeDir() / "CURRENT.tmp", "content-9.db\n");
    writeBytes(dir.storeDir() / "content-0.db", "old");
    CHECK(Store::open(dir, storeDay()).content() == next);
    const std::vector<std::string> files = storeFiles(dir);
    CHECK(std::find(files.begin(), files.end(), "content-9.db.tmp") == files.end());
    CHECK(std::find(files.begin(), files.end(), "CURRENT.tmp") == files.end());
    CHECK(std::find(files.begin(), files.end(), "content-0.db") == files.end());

    // The live file destroyed: the previous one is used rather than nothing.
    writeBytes(Store::open(dir, storeDay()).currentFile(), "destroyed");
    Store fallback = Store::open(dir, storeDay());
    CHECK(fallback.version() == 1);
}

TEST_CASE("an untrusted content.db is read through the sheet validation", "[store][untrusted]")
{
    StoreTempDir tmp;
    const Content content = sampleContent();

    SECTION("a good file with only some tables brings only those sheets")
    {
        ContentUpdate partial;
        partial.activities = content.activities;
        partial.contacts = content.contacts;
        writeStoreFile(tmp.path / "content.db", partial, 9);
        ContentUpdate update;
        Problems problems;
        readUntrustedDatabase(tmp.path / "content.db", update, problems);
        INFO(allProblems(problems));
        CHECK(problems.empty());
        CHECK(update.activities == content.activities);
        CHECK(update.contacts == content.contacts);
        CHECK_FALSE(update.has(SheetKind::Meals));
        CHECK_FALSE(update.has(SheetKind::Station));
    }
    SECTION("garbage bytes are a problem, not a crash")
    {
        writeBytes(tmp.path / "content.db", std::string(70000, '\x5a'));
        ContentUpdate update;
        Problems problems;
        readUntrustedDatabase(tmp.path / "content.db", update, problems);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].file == "content.db");
        CHECK(update.empty());
    }
    SECTION("a truncated file is a problem")
    {
        writeStoreFile(tmp.path / "full.db", content);
        const std::string bytes = readBytes(tmp.path / "full.db");
        writeBytes(tmp.path / "content.db", bytes.substr(0, bytes.size() / 2));
        ContentUpdate update;
        Problems problems;
        readUntrustedDatabase(tmp.path / "content.db", update, problems);
        CHECK_FALSE(problems.empty());
    }
    SECTION("no known table")
    {
        {
            sqlite::Database db(tmp.path / "content.db", sqlite::Database::Mode::ReadWriteCreate);
            db.exec("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('x')");
        }
        ContentUpdate update;
        Problems problems;
        readUntrustedDatabase(tmp.path / "content.db", update, problems);
        CHECK(mentions(problems, "没有任何可用的表"));
    }
    SECTION("hostile values and shapes are located problems")
    {
        {
            sqlite::Database db(tmp.path / "content.db", sqlite::Database::Mode::ReadWriteCreate);
            db.exec("CREATE TABLE activities (\"日期\" TEXT, \"开始\" INTEGER, \"活动\" BLOB);"
                    "INSERT INTO activities VALUES ('2026-06-03', '9:00', 'ok');"
                    "INSERT INTO activities VALUES ('2026-13-45', '9:00', 'bad date');"
                    "INSERT INTO activities VALUES ('2026-06-04', '9:00', x'fffe0041');"
                    "CREATE TABLE meals (\"菜品\" TEXT);" // required columns missing
                    "CREATE TABLE audit (x);"
                    "CREATE TRIGGER t AFTER INSERT ON audit BEGIN SELECT 1; END;"
                    "CREATE VIEW notices AS SELECT 1 AS \"标题\";");
        }
        ContentUpdate update;
        Problems problems;
        readUntrustedDatabase(tmp.path / "content.db", update, problems);
        INFO(allProblems(problems));
        CHECK(mentions(problems, "content.db:activities:4:活动"));
        CHECK(mentions(problems, "content.db:meals:1:日期"));
        CHECK_FALSE(update.has(SheetKind::Activities));
        // A view is not a table: the notices sheet is simply absent.
        CHECK_FALSE(update.has(SheetKind::Notices));

        // Once the text is valid, the bad date is found where a spreadsheet would show it.
        {
            sqlite::Database db(tmp.path / "content.db", sqlite::Database::Mode::ReadWriteCreate);
            db.exec("DELETE FROM activities WHERE \"活动\" <> 'bad date'; DROP TABLE meals;");
        }
        Problems second;
        ContentUpdate update2;
        readUntrustedDatabase(tmp.path / "content.db", update2, second);
        INFO(allProblems(second));
        CHECK(mentions(second, "content.db:activities:2:日期"));
    }
    SECTION("too many columns is refused by the limits")
    {
        {
            sqlite::Database db(tmp.path / "content.db", sqlite::Database::Mode::ReadWriteCreate);
            std::string sql = "CREATE TABLE contacts (\"名称\" TEXT, \"电话\" TEXT";
            for (int i = 0; i < 150; ++i) sql += ", c" + std::to_string(i);
            db.exec(sql + ")");
            db.exec("INSERT INTO contacts (\"名称\", \"电话\") VALUES ('a', '1')");
        }
        ContentUpdate update;
        Problems problems;
        readUntrustedDatabase(tmp.path / "content.db", update, problems);
        CHECK_FALSE(problems.empty());
        CHECK_FALSE(update.has(SheetKind::Contacts));
    }
}

namespace {

// Every file in the store dir with its bytes, to prove an open changed nothing.
std::map<std::string, std::string> storeSnapshot(const DataDir& dir)
{
    std::map<std::string, std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir.storeDir(), ec))
        files[entry.path().filename().string()] = readBytes(entry.path());
    return files;
}

// A data dir with two imports: content-2.db (version 2) as previous, content-3.db (version 3) live.
struct TwoVersions {
    StoreTempDir tmp;
    DataDir dir{tmp.path / "data"};
    Content second;
    Content third;
    TwoVersions()
    {
        Store store = Store::open(dir, storeDay());
        second = sampleContent();
        second.version = 2;
        store.replace(second);
        third = second;
        third.version = 3;
        third.contacts.push_back(Contact{"居委会", "12345", "", "社区"});
        store.replace(third);
        REQUIRE(readBytes(dir.currentPointer()) == "content-3.db\ncontent-2.db\n");
    }
};

} // namespace

TEST_CASE("an unreadable live store file: open uses the previous one and deletes nothing", "[store][recovery]")
{
    TwoVersions v;
    writeBytes(v.dir.storeDir() / "content-3.db", "destroyed by a failing card");
    const auto before = storeSnapshot(v.dir);

    // A read-only open (info, export) reads the previous file and changes nothing at all.
    const Store readOnly = Store::open(v.dir, storeDay(), StoreAccess::ReadOnly);
    CHECK(readOnly.content() == v.second);
    CHECK(readOnly.recoveryNote().find("content-3.db 无法读取") != std::string::npos);
    CHECK(readOnly.recoveryNote().find("content-2.db") != std::string::npos);
    CHECK(storeSnapshot(v.dir) == before);

    // The kiosk's own open: the same content, and still nothing rewritten or deleted.
    Store store = Store::open(v.dir, storeDay());
    CHECK(store.content() == v.second);
    CHECK_FALSE(store.recoveryNote().empty());
    CHECK(storeSnapshot(v.dir) == before);
    CHECK_FALSE(store.canRollback());

    // The next import writes a fresh pointer on the recovered file; the damaged one is kept.
    Content fourth = v.second;
    fourth.version = 4;
    store.replace(fourth);
    CHECK(store.recoveryNote().empty());
    CHECK(readBytes(v.dir.currentPointer()) == "content-4.db\ncontent-2.db\n");
    CHECK(fs::exists(v.dir.storeDir() / "content-3.db"));
    CHECK(Store::open(v.dir, storeDay()).content() == fourth);
    CHECK(store.canRollback());
}

TEST_CASE("a missing CURRENT falls back to the newest store file, never to the demo", "[store][recovery]")
{
    TwoVersions v;
    fs::remove(v.dir.currentPointer());
    const auto before = storeSnapshot(v.dir);
    const Store readOnly = Store::open(v.dir, storeDay(), StoreAccess::ReadOnly);
    CHECK(readOnly.content() == v.third);
    CHECK(readOnly.recoveryNote().find("不见了") != std::string::npos);
    Store store = Store::open(v.dir, storeDay());
    CHECK(store.content() == v.third);
    CHECK(storeSnapshot(v.dir) == before);
    CHECK(fs::exists(v.dir.storeDir() / "content-2.db"));

    // An import still works and makes a fresh pointer.
    Content fourth = v.third;
    fourth.version = 4;
    store.replace(fourth);
    CHECK(readBytes(v.dir.currentPointer()) == "content-4.db\ncontent-3.db\n");
    CHECK(Store::open(v.dir, storeDay()).recoveryNote().empty());
}

TEST_CASE("an empty or garbled CURRENT recovers, and imports work again", "[store][recovery]")
{
    for (const std::string& pointer : {std::string(), std::string("\x01\x02garbage\n"), std::string("content-9.db\n")}) {
        INFO(pointer);
        TwoVersions v;
        writeBytes(v.dir.currentPointer(), pointer);
        const auto before = storeSnapshot(v.dir);
        Store store = Store::open(v.dir, storeDay());
        CHECK(store.content() == v.third);
        CHECK_FALSE(store.recoveryNote().empty());
        CHECK(storeSnapshot(v.dir) == before);
        Content fourth = v.third;
        fourth.version = 4;
        store.replace(fourth);
        CHECK(Store::open(v.dir, storeDay()).content() == fourth);
    }
}

TEST_CASE("when no store file reads, open throws and still deletes nothing", "[store][recovery]")
{
    TwoVersions v;
    writeBytes(v.dir.storeDir() / "content-3.db", "destroyed");
    writeBytes(v.dir.storeDir() / "content-2.db", "destroyed too");
    const auto before = storeSnapshot(v.dir);
    CHECK_THROWS_AS(Store::open(v.dir, storeDay()), StoreError);
    CHECK(storeSnapshot(v.dir) == before);
}

TEST_CASE("the demo is seeded only where no store file exists; read-only opens write nothing", "[store][recovery]")
{
    StoreTempDir tmp;
    const DataDir fresh{tmp.path / "fresh"};
    fs::create_directories(fresh.root);
    const Store shown = Store::open(fresh, storeDay(), StoreAccess::ReadOnly);
    CHECK(shown.version() == 1);
    CHECK(shown.content().rowCount(SheetKind::Activities) > 0);
    CHECK(fs::is_empty(fresh.root));

    // A store dir with only a damaged pointer and no store file is new: seeded.
    fs::create_directories(fresh.storeDir());
    writeBytes(fresh.currentPointer(), "");
    Store seeded = Store::open(fresh, storeDay());
    CHECK(seeded.version() == 1);
    CHECK(seeded.recoveryNote().empty());
    CHECK(readBytes(fresh.currentPointer()) == "content-1.db\n\n");
}

// The bounds of content/limits.h, each tested with a hostile input made here: problems kept,
// text per cell, content.db shapes (generated columns, virtual tables, WAL) and sizes, and what
// an import writes back (import-report.txt, last-import.json). Memory figures of the same kinds
// of input run through the real `kiosk-content check` are in tests/scripts/hostile_check_test.sh.
#include "content/importer.h"
#include "content/limits.h"
#include "content/sheet_table.h"
#include "content/sqlite_db.h"
#include "content/store.h"

#include "tests/support/station.h"
#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

using namespace content;

namespace {

struct LimitsTempDir : test::TempDir {
    LimitsTempDir() : test::TempDir("kiosk-limits-test") {}
};
constexpr auto put = test::writeFile;
constexpr auto slurp = test::readFile;

std::string allLines(const Problems& problems)
{
    std::string text;
    for (const std::string& line : problems.lines()) text += line + "\n";
    return text;
}

bool mentions(const Problems& problems, std::string_view text)
{
    return allLines(problems).find(text) != std::string::npos;
}

// Runs `sql` on a new database file.
void makeDatabase(const fs::path& file, const std::string& sql)
{
    sqlite::Database db(file, sqlite::Database::Mode::ReadWriteCreate);
    db.exec(sql);
}

// What readUntrustedDatabase makes of `file`: the sheets it takes and the problems it finds.
struct DatabaseRead {
    ContentUpdate update;
    Problems problems;
};
DatabaseRead readDatabase(const fs::path& file)
{
    DatabaseRead read;
    readUntrustedDatabase(file, read.update, read.problems);
    return read;
}

// `file` is refused, saying `why`, and nothing of `kind` is taken from it.
void checkRefused(const fs::path& file, std::string_view why, SheetKind kind)
{
    const DatabaseRead read = readDatabase(file);
    INFO(allLines(read.problems));
    CHECK(mentions(read.problems, why));
    CHECK_FALSE(read.update.has(kind));
}

struct DataFixture : test::Station {
    DataFixture() : test::Station("kiosk-limits-test") {}
    // From the console (unsigned allowed), or from a stick (unsigned needs the PIN).
    ImportReport run(const fs::path& package, PackageSource source = PackageSource::Console)
    {
        return test::Station::run(package, source, source != PackageSource::Usb);
    }
};

} // namespace

TEST_CASE("Problems keeps the first ones, counts the rest and cuts long fields", "[limits]")
{
    Problems problems;
    for (size_t i = 0; i < limits::kMaxProblemsKept + 50; ++i)
        problems.push_back(Problem{"a.csv", static_cast<int>(i + 2), "日期", "坏"});
    CHECK(problems.size() == limits::kMaxProblemsKept + 50);
    CHECK(problems.kept().size() == limits::kMaxProblemsKept);
    CHECK(problems.dropped() == 50);
    CHECK(problems.lines().back() == "还有 50 个问题没有列出，请先改正上面的问题再检查一次");

    Problems one;
    one.push_back(Problem{std::string(5000, 'f'), 2, std::string(5000, 'c'), std::string(3000, '\xE5') + "好"});
    CHECK(one[0].file.size() <= limits::kMaxProblemFileBytes);
    CHECK(one[0].column.size() <= limits::kMaxProblemColumnBytes);
    CHECK(one[0].message.size() <= limits::kMaxProblemMessageBytes);
    CHECK(one[0].message.ends_with("…"));
    // A cut never splits a character.
    CHECK(cutUtf8("一二三四", 8) == "一…");

    Problems merged;
    merged.append(problems);
    CHECK(merged.size() == problems.size());
}

TEST_CASE("a cell longer than its column allows is a located error", "[limits]")
{
    ContentUpdate update;
    Problems problems;
    const std::string longTitle(limits::kMaxShortCellChars + 1, 'x');
    const std::string longBody(limits::kMaxLongCellChars, 'y');
    readSheetFile(SheetKind::Notices, "标题,正文\n" + longTitle + ",短\n好标题," + longBody + "\n", "notices.csv",
                  update, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].format() == "notices.csv:2:标题: 这一格太长（201 个字），“标题”最多 200 个字，请删短一些");
    CHECK_FALSE(update.has(SheetKind::Notices));

    // The body may hold kMaxLongCellChars characters (Chinese ones count as one each), not one more.
    std::string chinese;
    for (size_t i = 0; i < limits::kMaxLongCellChars; ++i) chinese += "字";
    problems.clear();
    readSheetFile(SheetKind::Notices, "标题,正文\n好标题," + chinese + "\n", "notices.csv", update, problems);
    CHECK(problems.empty());
    REQUIRE(update.notices.has_value());
    problems.clear();
    readSheetFile(SheetKind::Notices, "标题,正文\n好标题," + chinese + "字\n", "notices.csv", update, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].format().starts_with("notices.csv:2:正文: 这一格太长（4001 个字）"));
}

TEST_CASE("a 4.9 MB title in a package is refused with its place", "[limits]")
{
    DataFixture f;
    const fs::path package = f.tmp.path / "pkg";
    put(package / "notices.csv", "标题,正文\n" + std::string(4900 * 1024, 'x') + ",正文\n");
    const ImportReport report = f.run(package);
    CHECK(report.outcome == ImportOutcome::Rejected);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].format().starts_with("notices.csv:2:标题: 这一格太长"));
}

TEST_CASE("a content.db with a bad cell in every row keeps 200 problems and small reports", "[limits][database]")
{
    DataFixture f;
    const fs::path package = f.tmp.path / "pkg";
    fs::create_directories(package);
    // 40,000 rows, each with a bad date, a bad time and an end before its start: 120,000 problems.
    makeDatabase(package / "content.db",
                 "CREATE TABLE activities (\"日期\" TEXT, \"开始\" TEXT, \"结束\" TEXT, \"活动\" TEXT);"
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000) "
                 "INSERT INTO activities SELECT '2026-13-' || i, '25:' || i, '9:00', '活动' || i FROM n;");
    const ImportReport report = f.run(package);
    CHECK(report.outcome == ImportOutcome::Rejected);
    CHECK(report.problems.size() == 80000);
    CHECK(report.problems.kept().size() == limits::kMaxProblemsKept);
    const std::string text = report.reportFileText();
    CHECK(text.size() < 100 * 1024);
    CHECK(text.find("还有 79800 个问题没有列出") != std::string::npos);
    CHECK(report.summary().size() < 2000);
    const std::string json = slurp(f.dir.lastImportFile());
    CHECK(json.size() < 200 * 1024);
    const std::optional<ImportReport> last = loadLastImport(f.dir);
    REQUIRE(last.has_value());
    CHECK(last->problems.size() == report.problems.size());

    // Text that is not UTF-8 in every cell was one problem per cell without any cap.
    fs::remove(package / "content.db");
    makeDatabase(package / "content.db",
                 "CREATE TABLE contacts (\"名称\" BLOB, \"电话\" BLOB, \"说明\" BLOB);"
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000) "
                 "INSERT INTO contacts SELECT x'ff', x'fe', x'c0' FROM n;");
    const ImportReport binary = f.run(package);
    CHECK(binary.problems.size() == 120000);
    CHECK(binary.problems.kept().size() == limits::kMaxProblemsKept);
    CHECK(binary.reportFileText().size() < 100 * 1024);
}

TEST_CASE("a content.db with generated or hidden columns is refused before it is read", "[limits][database]")
{
    LimitsTempDir tmp;
    const fs::path file = tmp.path / "content.db";
    // The bomb of issue 9: 92 columns of hex(zeroblob(499000)) (≈1 MB each, computed on every
    // read) × 100,000 rows in a file of a few MB; read, it is 9 TB of text.
    std::string create = "CREATE TABLE activities (\"日期\" TEXT, \"开始\" TEXT, \"活动\" TEXT";
    for (int i = 0; i < 92; ++i) create += ", g" + std::to_string(i) + " AS (hex(zeroblob(499000)))";
    makeDatabase(file, create +
                           ");"
                           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
                           "INSERT INTO activities (\"日期\", \"开始\", \"活动\") SELECT '每天', '9:00', 'a' FROM n;");
    const auto start = std::chrono::steady_clock::now();
    const DatabaseRead read = readDatabase(file);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
    INFO(allLines(read.problems));
    REQUIRE(read.problems.size() == 1);
    CHECK(read.problems[0].format().starts_with("content.db:activities: 列“g0”是计算出来的列"));
    CHECK(read.update.empty());

    // A stored generated column too: its value was computed by the file's own expression.
    fs::remove(file);
    makeDatabase(file, "CREATE TABLE contacts (\"名称\" TEXT, \"电话\" TEXT, x AS (upper(\"名称\")) STORED);"
                       "INSERT INTO contacts (\"名称\", \"电话\") VALUES ('a', '1');");
    checkRefused(file, "计算出来的列", SheetKind::Contacts);
}

TEST_CASE("virtual tables named like a content table are refused", "[limits][database]")
{
    LimitsTempDir tmp;
    for (const std::string module : {"fts4(\"标题\", \"正文\")", "fts5(\"标题\", \"正文\")", "rtree(id, a, b)"}) {
        INFO(module);
        const fs::path file = tmp.path / module.substr(0, 4) / "content.db";
        fs::create_directories(file.parent_path());
        makeDatabase(file, "CREATE VIRTUAL TABLE notices USING " + module + ";");
        if (module.starts_with("fts")) {
            sqlite::Database db(file, sqlite::Database::Mode::ReadWriteCreate);
            db.exec("INSERT INTO notices VALUES ('停水', '明天停水')");
        }
        checkRefused(file, "content.db:notices: 是虚拟表", SheetKind::Notices);
    }
}

TEST_CASE("a WAL content.db, or one with a -wal or -journal beside it, is refused", "[limits][database]")
{
    DataFixture f;
    const fs::path source = f.tmp.path / "made" / "content.db";
    fs::create_directories(source.parent_path());
    const std::string schema = "CREATE TABLE contacts (\"名称\" TEXT, \"电话\" TEXT);"
                               "INSERT INTO contacts VALUES ('旧', '1');";
    {
        sqlite::Database db(source, sqlite::Database::Mode::ReadWriteCreate);
        db.exec("PRAGMA journal_mode=WAL;");
        db.exec(schema);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE);");
        // The new row lives only in content.db-wal while this connection stays open.
        db.exec("PRAGMA wal_autocheckpoint=0; UPDATE contacts SET \"名称\" = '新';");
        REQUIRE(fs::exists(source.string() + "-wal"));
        const fs::path package = f.tmp.path / "pkg";
        fs::create_directories(package);
        fs::copy_file(source, package / "content.db");
        fs::copy_file(source.string() + "-wal", package / "content.db-wal");
        const Content before = f.store.content();
        const ImportReport report = f.run(package);
        INFO(allLines(report.problems));
        CHECK(report.outcome == ImportOutcome::Rejected);
        CHECK(mentions(report.problems, "content.db-wal"));
        CHECK(f.store.content() == before);

        // Without its -wal file, a WAL-mode database still says it is one.
        fs::remove(package / "content.db-wal");
        const ImportReport alone = f.run(package);
        CHECK(alone.outcome == ImportOutcome::Rejected);
        CHECK(mentions(alone.problems, "WAL 模式"));
    }
    // A rollback journal beside a plain database: a write was cut off.
    const fs::path package = f.tmp.path / "pkg2";
    fs::create_directories(package);
    makeDatabase(package / "content.db", schema);
    put(package / "content.db-journal", std::string(512, '\0'));
    const ImportReport journal = f.run(package);
    CHECK(journal.outcome == ImportOutcome::Rejected);
    CHECK(mentions(journal.problems, "content.db-journal"));
}

TEST_CASE("the text read from a content.db is bounded in all", "[limits][database]")
{
    LimitsTempDir tmp;
    const fs::path file = tmp.path / "content.db";
    // 60 rows of 900 KB: under the row limit each, over kMaxDatabaseTextBytes together.
    makeDatabase(file, "PRAGMA journal_mode=OFF; CREATE TABLE contacts (\"名称\" TEXT, \"电话\" TEXT);"
                       "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60) "
                       "INSERT INTO contacts SELECT printf('%.*c', 900000, 'x'), '1' FROM n;");
    checkRefused(file, "数据库里的文字太多", SheetKind::Contacts);

    // One row over the row limit is sqlite's TOOBIG, said in Chinese.
    fs::remove(file);
    makeDatabase(file, "CREATE TABLE contacts (\"名称\" TEXT, \"电话\" TEXT);"
                       "INSERT INTO contacts SELECT printf('%.*c', 1200000, 'x'), '1';");
    const DatabaseRead tooBig = readDatabase(file);
    INFO(allLines(tooBig.problems));
    CHECK(mentions(tooBig.problems, "太大"));
    CHECK_FALSE(mentions(tooBig.problems, "too big"));
}

TEST_CASE("a content.db table with more rows than a sheet may have is refused", "[limits][database]")
{
    LimitsTempDir tmp;
    const fs::path file = tmp.path / "content.db";
    makeDatabase(file, "CREATE TABLE contacts (\"名称\" TEXT, \"电话\" TEXT);"
                       "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                           std::to_string(limits::kMaxRecords + 10000) +
                           ") "
                           "INSERT INTO contacts SELECT 'a', '1' FROM n;");
    checkRefused(file, "行数超过 " + std::to_string(limits::kMaxRecords) + " 行", SheetKind::Contacts);
}

TEST_CASE("a header-only sheet says it empties a kind that had rows", "[limits][import]")
{
    DataFixture f;
    const int had = f.store.content().rowCount(SheetKind::Activities);
    REQUIRE(had > 0);
    const fs::path package = f.tmp.path / "pkg";
    put(package / "activities.csv", "日期,开始,结束,活动\r\n");
    put(package / "meals.csv", "日期,餐次,菜品\n每天,午餐,面\n");

    const ImportReport pin = f.run(package, PackageSource::Usb);
    REQUIRE(pin.outcome == ImportOutcome::NeedsPin);
    CHECK(pin.previousRows[static_cast<size_t>(SheetKind::Activities)] == had);
    CHECK(pin.summary().find("活动 0 条（原有 " + std::to_string(had) + " 条将被清空）") != std::string::npos);

    const ImportReport applied = f.run(package);
    REQUIRE(applied.ok());
    CHECK(applied.summary() == "已更新：活动 0 条（原有 " + std::to_string(had) + " 条已清空）、菜单 1 条");
    CHECK(applied.reportFileText().find("原有 " + std::to_string(had) + " 条已清空") != std::string::npos);
    const std::optional<ImportReport> last = loadLastImport(f.dir);
    REQUIRE(last.has_value());
    CHECK(last->previousRows == applied.previousRows);
    CHECK(rowCountsText(applied.rows, {-1, -1, -1, -1, -1, -1, -1}, false) == "活动 0 条、菜单 1 条");
}

TEST_CASE("the rows of a whole package are bounded, whatever the sheets", "[limits][import]")
{
    DataFixture f;
    const fs::path package = f.tmp.path / "pkg";
    std::string activities = "日期,开始,活动\n";
    for (int i = 0; i < limits::kMaxPackageRows / 2 + 1; ++i) activities += "每天,9:00,a\n";
    std::string contacts = "名称,电话\n";
    for (int i = 0; i < limits::kMaxPackageRows / 2; ++i) contacts += "a,1\n";
    put(package / "activities.csv", activities);
    put(package / "contacts.csv", contacts);
    const Content before = f.store.content();
    const ImportReport report = f.run(package);
    CHECK(report.outcome == ImportOutcome::Rejected);
    CHECK(mentions(report.problems, "一共超过 " + std::to_string(limits::kMaxPackageRows) + " 行"));
    CHECK(f.store.content() == before);

    // One row fewer is a package that imports.
    contacts.resize(contacts.size() - 4);
    put(package / "contacts.csv", contacts);
    CHECK(f.run(package).ok());
}

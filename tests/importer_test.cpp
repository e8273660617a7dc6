// The import pipeline: staging rules and caps, trust, content.db packages, reports, and that a
// rejected package leaves the store byte for byte as it was.
#include "content/error_text.h"
#include "content/fleet_status.h"
#include "content/importer.h"
#include "content/package_stage.h"
#include "content/sheet_table.h"
#include "content/store.h"
#include "content/trust.h"

#include "tests/support/station.h"
#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>

using namespace content;

namespace {

using ImportTempDir = test::TempDir;
using test::makePackage;
using test::signPackage;
// The names this file has always used.
constexpr auto put = test::writeFile;
constexpr auto slurp = test::readFile;
using test::hashTree;

constexpr auto importDay = test::testDay;

const char* kActivities = "日期,开始,结束,活动,地点,说明,类别\r\n"
                          "2026-06-03,9:00,10:00,太极拳,一楼活动室,,文体\r\n"
                          "每周二,14:00,15:00,书法,二楼,,学习\r\n";
const char* kMeals = "日期,餐次,菜品,价格,标签,备注\n工作日,午餐,米饭、青菜,12,低盐,\n";

using Fixture = test::Station;

bool mentions(const ImportReport& report, std::string_view text)
{
    for (const Problem& problem : report.problems) {
        if (problem.format().find(text) != std::string::npos) return true;
    }
    return false;
}

std::string problemsText(const ImportReport& report)
{
    std::string text;
    for (const Problem& problem : report.problems) text += problem.format() + "\n";
    return text;
}

// Imports `package` and checks it is rejected for `reason` with the store dir untouched.
void expectRejected(Fixture& f, const fs::path& package, std::string_view reason,
                    PackageSource source = PackageSource::Console, bool allowUnsigned = true)
{
    const auto before = hashTree(f.dir.storeDir());
    const Content content = f.store.content();
    const ImportReport report = f.run(package, source, allowUnsigned);
    INFO(problemsText(report));
    CHECK(report.outcome == ImportOutcome::Rejected);
    CHECK(mentions(report, reason));
    CHECK(hashTree(f.dir.storeDir()) == before);
    CHECK(f.store.content() == content);
    CHECK(Store::open(f.dir, importDay()).content() == content);
}

// A package signed with `key` whose manifest lists activities.csv and meals.csv, and meals.csv
// not there: still syncing, or lost on the way.
fs::path withoutListedMeals(const fs::path& dir, int64_t version, const SecretKey& key)
{
    const fs::path package = makePackage(dir, {{"activities.csv", kActivities}, {"meals.csv", kMeals}});
    signPackage(package, {"activities.csv", "meals.csv"}, version, key);
    fs::remove(package / "meals.csv");
    return package;
}

} // namespace

TEST_CASE("an unsigned package needs --allow-unsigned from the console and a PIN from a stick", "[import]")
{
    Fixture f;
    const fs::path package = makePackage(f.tmp.path / "pkg", {{"activities.csv", kActivities}, {"meals.csv", kMeals}});

    expectRejected(f, package, "未签名", PackageSource::Console, false);
    expectRejected(f, package, "未签名", PackageSource::Drop, false);

    const auto before = hashTree(f.dir.storeDir());
    const ImportReport pin = f.run(package, PackageSource::Usb);
    CHECK(pin.outcome == ImportOutcome::NeedsPin);
    CHECK(pin.rows[static_cast<size_t>(SheetKind::Activities)] == 2);
    CHECK(hashTree(f.dir.storeDir()) == before);

    const Content old = f.store.content();
    const ImportReport applied = f.run(package, PackageSource::Usb, true);
    INFO(problemsText(applied));
    REQUIRE(applied.outcome == ImportOutcome::Applied);
    CHECK(applied.summary() == "已更新：活动 2 条、菜单 1 条");
    CHECK(applied.version == old.version + 1);
    CHECK(f.store.content().activities.size() == 2);
    // Absent sheets keep what the kiosk had.
    CHECK(f.store.content().guide == old.guide);
    CHECK(f.store.content().station == old.station);
    CHECK(Store::open(f.dir, importDay()).content() == f.store.content());

    const std::optional<ImportReport> last = loadLastImport(f.dir);
    REQUIRE(last.has_value());
    CHECK(last->ok());
    CHECK(last->source == package.string());
    // To the second, with the zone's offset (status.json and info pass it on as it is).
    CHECK(last->time == formatZonedTime(zoned(LocalDateTime{importDay(), 9 * 60}, 0)));
    CHECK(last->rows == applied.rows);

    ImportOptions options = f.options(PackageSource::Console, true);
    options.second = 47;
    REQUIRE(importPackage(f.store, f.dir, package, options).ok());
    CHECK(loadLastImport(f.dir)->time == formatZonedTime(zoned(LocalDateTime{importDay(), 9 * 60}, 47)));
    const std::string now = importTime({}, 0);
    REQUIRE(parseZonedTime(now));
    CHECK(std::abs(unixSeconds(*parseZonedTime(now)) - static_cast<int64_t>(std::time(nullptr))) <= 2);
}

TEST_CASE("a package with a bad value changes nothing and says where", "[import]")
{
    Fixture f;
    const fs::path package = makePackage(
        f.tmp.path / "pkg",
        {{"activities.csv", std::string(kActivities) + "2026-13-45,9:00,,错误的一行,,,\r\n"}, {"meals.csv", kMeals}});
    expectRejected(f, package, "activities.csv:4:日期");
    const ImportReport report = f.run(package, PackageSource::Console, true);
    CHECK(report.summary().starts_with("未更新，发现 1 个问题："));
    const std::string text = report.reportFileText();
    CHECK(text.starts_with("\xEF\xBB\xBF"));
    CHECK(text.find("activities.csv:4:日期") != std::string::npos);
    CHECK(text.find("\r\n") != std::string::npos);
    CHECK(std::count(text.begin(), text.end(), '\n') == std::count(text.begin(), text.end(), '\r'));
    const std::optional<ImportReport> last = loadLastImport(f.dir);
    REQUIRE(last.has_value());
    CHECK_FALSE(last->ok());
    CHECK(last->problems.size() == 1);
}

TEST_CASE("export then import gives the same content", "[import]")
{
    Fixture f;
    const fs::path package = makePackage(f.tmp.path / "pkg", {{"activities.csv", kActivities}, {"meals.csv", kMeals}});
    REQUIRE(f.run(package, PackageSource::Console, true).ok());

    const fs::path exported = f.tmp.path / "export";
    fs::create_directories(exported);
    for (SheetKind kind : kAllSheetKinds) put(exported / sheetFileName(kind), exportSheet(kind, f.store.content()));

    ImportTempDir other;
    const DataDir otherDir{other.path / "data"};
    Store otherStore = Store::open(otherDir, importDay() + std::chrono::months{1});
    ImportOptions options;
    options.allowUnsigned = true;
    const ImportReport report = importPackage(otherStore, otherDir, exported, options);
    INFO(problemsText(report));
    REQUIRE(report.ok());
    Content a = f.store.content();
    Content b = otherStore.content();
    a.version = b.version = 0;
    CHECK(a == b);
}

TEST_CASE("staging refuses links, special files, caps and spreadsheets saved as xlsx", "[import][stage]")
{
    Fixture f;
    SECTION("a symlink")
    {
        const fs::path package = makePackage(f.tmp.path / "pkg", {{"meals.csv", kMeals}});
        put(f.tmp.path / "elsewhere.csv", kActivities);
        fs::create_symlink(f.tmp.path / "elsewhere.csv", package / "activities.csv");
        expectRejected(f, package, "符号链接");
    }
    SECTION("a fifo does not hang the import")
    {
        const fs::path package = makePackage(f.tmp.path / "pkg", {{"meals.csv", kMeals}});
        REQUIRE(::mkfifo((package / "activities.csv").c_str(), 0600) == 0);
        expectRejected(f, package, "不是普通文件");
    }
    SECTION("a sheet over 5 MB")
    {
        std::string big = kActivities;
        while (big.size() <= 5u * 1024 * 1024)
            big += "2026-06-03,9:00,10:00,太极拳太极拳太极拳太极拳太极拳太极拳太极拳太极拳,一楼活动室,,文体\r\n";
        const fs::path package = makePackage(f.tmp.path / "pkg", {{"activities.csv", big}});
        expectRejected(f, package, "文件太大");
    }
    SECTION("more than 64 files")
    {
        std::map<std::string, std::string> files{{"activities.csv", kActivities}};
        for (int i = 0; i < 64; ++i) files["note-" + std::to_string(i) + ".txt"] = "x";
        const fs::path package = makePackage(f.tmp.path / "pkg", files);
        expectRejected(f, package, "文件太多");
    }
    SECTION("a package over 50 MB")
    {
        const fs::path package = makePackage(f.tmp.path / "pkg", {{"activities.csv", kActivities}});
        const std::string chunk(5u * 1024 * 1024 - 1000, 'x');
        for (int i = 0; i < 11; ++i) put(package / ("photo-" + std::to_string(i) + ".jpg"), chunk);
        expectRejected(f, package, "内容包太大");
    }
    SECTION("a workbook saved as .xlsx, or renamed to .csv")
    {
        const fs::path package = makePackage(
            f.tmp.path / "pkg", {{"meals.csv", kMeals}, {"activities.xlsx", std::string("PK\x03\x04", 4) + "zip"}});
        expectRejected(f, package, "另存为");
        const fs::path renamed = makePackage(
            f.tmp.path / "pkg2", {{"activities.csv", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "ole"}});
        expectRejected(f, renamed, "另存为");
    }
    SECTION("an unknown sheet name, two of a kind, no sheet at all")
    {
        expectRejected(f, makePackage(f.tmp.path / "a", {{"活动表.csv", kActivities}}), "不认识");
        expectRejected(
            f, makePackage(f.tmp.path / "b", {{"activities.csv", kActivities}, {"Activities.CSV", kActivities}}),
            "同一种表格");
        expectRejected(f, makePackage(f.tmp.path / "c", {{"readme.txt", "hello"}}), "没有找到任何表格");
        expectRejected(f, f.tmp.path / "does-not-exist", "找不到");
    }
    SECTION("Excel's Unicode text (UTF-16) is read, and its tabs are named")
    {
        const auto utf16 = [](std::u16string_view text) {
            std::string bytes = "\xFF\xFE";
            for (char16_t c : text) {
                bytes += static_cast<char>(c & 0xFF);
                bytes += static_cast<char>(c >> 8);
            }
            return bytes;
        };
        const ImportReport comma =
            f.run(makePackage(f.tmp.path / "u1", {{"contacts.csv", utf16(u"名称,电话\r\n急救中心,120\r\n")}}),
                  PackageSource::Console, true);
        INFO(problemsText(comma));
        CHECK(comma.ok());
        CHECK(f.store.content().contacts.at(0).name == "急救中心");
        expectRejected(f, makePackage(f.tmp.path / "u2", {{"contacts.csv", utf16(u"名称\t电话\r\n急救中心\t120\r\n")}}),
                       "contacts.csv:1: 各列是用制表符（Tab）分开的");
    }
    SECTION("a misnamed sheet is named with the name it should have")
    {
        expectRejected(f, makePackage(f.tmp.path / "a", {{"activities.csv", kActivities}, {"meals.csv.txt", kMeals}}),
                       "meals.csv.txt: 文件名多了“.txt”，这样不会当作表格读取；请把它改名为 meals.csv");
        expectRejected(f, makePackage(f.tmp.path / "b", {{"meals (1).csv", kMeals}}),
                       "如果它是菜单表，请把它改名为 meals.csv");
        expectRejected(f, makePackage(f.tmp.path / "c", {{"activities - 副本.csv", kActivities}}),
                       "如果它是活动表，请把它改名为 activities.csv");
        // A note beside the sheets is no sheet.
        const ImportReport notes =
            f.run(makePackage(f.tmp.path / "d", {{"activities.csv", kActivities}, {"meals.txt", "说明"}}),
                  PackageSource::Console, true);
        CHECK(notes.ok());
    }
    SECTION("sheets in a subfolder only: the subfolder is named")
    {
        expectRejected(f, makePackage(f.tmp.path / "stick", {{"KIOSK/activities.csv", kActivities}}),
                       "没有找到任何表格：内容包里应有 activities.csv、meals.csv 等表格文件，或一个 content.db；"
                       "子文件夹（KIOSK）里的文件不会被读取，表格要直接放在内容包文件夹里");
    }
    SECTION("hidden files, the old report and subfolders are ignored")
    {
        const fs::path package = makePackage(f.tmp.path / "pkg", {{"activities.csv", kActivities},
                                                                  {"._activities.csv", "\x00\x05\x16\x07"},
                                                                  {"import-report.txt", "old report"},
                                                                  {"old/activities.csv", "garbage,\"unclosed"}});
        const ImportReport report = f.run(package, PackageSource::Console, true);
        INFO(problemsText(report));
        CHECK(report.ok());
    }
    SECTION("a cancelled import changes nothing")
    {
        const fs::path package = makePackage(f.tmp.path / "pkg", {{"activities.csv", kActivities}});
        const auto before = hashTree(f.dir.storeDir());
        std::atomic<bool> cancel{true};
        ImportOptions options;
        options.allowUnsigned = true;
        options.cancel = &cancel;
        const ImportReport report = importPackage(f.store, f.dir, package, options);
        CHECK(report.outcome == ImportOutcome::Rejected);
        CHECK(mentions(report, "取消"));
        CHECK(hashTree(f.dir.storeDir()) == before);
    }
    // Nothing is left in staging after an import, accepted or not.
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(f.dir.stagingDir(), ec))
        FAIL("staging left behind: " << entry.path());
}

TEST_CASE("a stale staging dir is cleaned, a live one is not", "[import][stage]")
{
    ImportTempDir tmp;
    const fs::path root = tmp.path / "staging";
    fs::create_directories(root / "pkg-stale");
    put(root / "pkg-stale" / "activities.csv", kActivities);
    const fs::path package = makePackage(tmp.path / "pkg", {{"activities.csv", kActivities}});
    StagedPackage live;
    Problems problems;
    REQUIRE(stagePackage(package, root, StageLimits{}, nullptr, live, problems) == StageStatus::Ok);
    cleanStaging(root);
    CHECK_FALSE(fs::exists(root / "pkg-stale"));
    CHECK(fs::exists(live.dir() / "activities.csv"));
    CHECK(live.read("activities.csv") == std::string(kActivities));
}

TEST_CASE("content.db packages", "[import][database]")
{
    Fixture f;
    ContentUpdate update;
    Problems problems;
    readSheetFile(SheetKind::Activities, kActivities, "activities.csv", update, problems);
    REQUIRE(problems.empty());

    SECTION("a good content.db applies only its tables")
    {
        const fs::path package = f.tmp.path / "pkg";
        fs::create_directories(package);
        writeStoreFile(package / "content.db", update, 5);
        const Content old = f.store.content();
        const ImportReport report = f.run(package, PackageSource::Console, true);
        INFO(problemsText(report));
        REQUIRE(report.ok());
        CHECK(f.store.content().activities == *update.activities);
        CHECK(f.store.content().meals == old.meals);
        CHECK(report.summary() == "已更新：活动 2 条");
    }
    SECTION("garbage in content.db")
    {
        const fs::path package = makePackage(f.tmp.path / "pkg", {{"content.db", std::string(10000, '\x07')}});
        expectRejected(f, package, "content.db");
    }
    SECTION("content.db and sheets together")
    {
        const fs::path package = makePackage(f.tmp.path / "pkg", {{"meals.csv", kMeals}});
        writeStoreFile(package / "content.db", update, 5);
        expectRejected(f, package, "二选一");
    }
}

TEST_CASE("signed packages", "[import][signed]")
{
    Fixture f;
    const auto [publicKey, secretKey] = generateKeyPair();
    std::string error;
    REQUIRE(trustKey(f.dir, formatPublicKeyFile(publicKey), error));
    const int64_t version = 202606030900;

    SECTION("a signed drop package applies with its version, once")
    {
        const fs::path package =
            makePackage(f.tmp.path / "pkg", {{"activities.csv", kActivities}, {"notices.csv", "标题\n\"unclosed"}});
        // notices.csv is not listed, so it is not part of the package.
        signPackage(package, {"activities.csv"}, version, secretKey);
        const ImportReport report = f.run(package, PackageSource::Drop);
        INFO(problemsText(report));
        REQUIRE(report.ok());
        CHECK(report.isSigned);
        CHECK(f.store.version() == version);
        CHECK(f.run(package, PackageSource::Drop).outcome == ImportOutcome::Unchanged);

        // An older one is a replay.
        const fs::path old = makePackage(f.tmp.path / "old", {{"meals.csv", kMeals}});
        signPackage(old, {"meals.csv"}, version - 1, secretKey);
        expectRejected(f, old, "不比已导入的签名内容（版本 202606030900）新", PackageSource::Drop, false);
    }
    SECTION("a half-synced drop package waits, elsewhere it is rejected")
    {
        const fs::path package = withoutListedMeals(f.tmp.path / "pkg", version, secretKey);
        const auto before = hashTree(f.dir.storeDir());
        CHECK(f.run(package, PackageSource::Drop).outcome == ImportOutcome::Waiting);
        CHECK(hashTree(f.dir.storeDir()) == before);
        CHECK_FALSE(loadLastImport(f.dir).has_value());
        put(package / "meals.csv", "日期,餐次,菜品\n");
        CHECK(f.run(package, PackageSource::Drop).outcome == ImportOutcome::Waiting);
        expectRejected(f, package, "校验值", PackageSource::Console, false);
    }
    SECTION("a drop package arriving file by file waits while its folder still changes, then is judged")
    {
        // The sheet first, then the manifest, then its signature: as a sync tool may bring them.
        const fs::path package = makePackage(f.tmp.path / "pkg", {{"activities.csv", kActivities}});
        signPackage(package, {"activities.csv"}, version, secretKey);
        const std::string manifest = slurp(package / "manifest.json");
        const std::string signature = slurp(package / "manifest.json.minisig");
        ImportOptions arriving = f.options(PackageSource::Drop, false);
        arriving.dropSettled = false;
        const auto before = hashTree(f.dir.storeDir());
        fs::remove(package / "manifest.json");
        fs::remove(package / "manifest.json.minisig");
        CHECK(importPackage(f.store, f.dir, package, arriving).outcome == ImportOutcome::Waiting);
        put(package / "manifest.json.minisig", signature);
        CHECK(importPackage(f.store, f.dir, package, arriving).outcome == ImportOutcome::Waiting);
        fs::remove(package / "manifest.json.minisig");
        put(package / "manifest.json", manifest);
        CHECK(importPackage(f.store, f.dir, package, arriving).outcome == ImportOutcome::Waiting);
        CHECK(hashTree(f.dir.storeDir()) == before);
        CHECK_FALSE(loadLastImport(f.dir).has_value());
        // Quiet long enough and still without its signature: refused, and said why.
        expectRejected(f, package, "未签名", PackageSource::Drop, false);
        put(package / "manifest.json.minisig", signature);
        CHECK(importPackage(f.store, f.dir, package, arriving).ok());
    }
    SECTION("a drop package taken away while it is copied is withdrawn, not a failed import")
    {
        const fs::path gone = f.tmp.path / "withdrawn";
        StageResult vanished;
        vanished.status = StageStatus::Vanished;
        const ImportReport report =
            importStaged(f.store, f.dir, gone, std::move(vanished), f.options(PackageSource::Drop));
        CHECK(report.outcome == ImportOutcome::Waiting);
        CHECK_FALSE(loadLastImport(f.dir).has_value());
        // From the console it is a failure to report.
        StageResult again;
        again.status = StageStatus::Vanished;
        CHECK(importStaged(f.store, f.dir, gone, std::move(again), f.options(PackageSource::Console)).outcome ==
              ImportOutcome::Rejected);
    }
    SECTION("a listed file missing from a stick or at the console is rejected, not waited for")
    {
        const fs::path package = withoutListedMeals(f.tmp.path / "pkg", version, secretKey);
        expectRejected(f, package, "meals.csv", PackageSource::Usb, false);
        expectRejected(f, package, "meals.csv", PackageSource::Console, false);
    }
    SECTION("a signed stick package applies without a PIN")
    {
        const fs::path package = makePackage(f.tmp.path / "pkg", {{"meals.csv", kMeals}});
        signPackage(package, {"meals.csv"}, version, secretKey);
        CHECK(f.run(package, PackageSource::Usb).ok());
    }
    SECTION("a bad signature is always rejected")
    {
        const fs::path package = makePackage(f.tmp.path / "pkg", {{"meals.csv", kMeals}});
        signPackage(package, {"meals.csv"}, version, secretKey);
        std::string manifest = slurp(package / "manifest.json");
        manifest.replace(manifest.find("202606030900"), 12, "202606030901");
        put(package / "manifest.json", manifest);
        expectRejected(f, package, "签名", PackageSource::Usb, true);
        expectRejected(f, package, "签名", PackageSource::Drop, true);

        // Signed by a key the kiosk does not trust.
        const fs::path other = makePackage(f.tmp.path / "other", {{"meals.csv", kMeals}});
        signPackage(other, {"meals.csv"}, version, generateKeyPair().second);
        expectRejected(f, other, "签名", PackageSource::Console, true);
    }
}

TEST_CASE("checkPackage validates without a data dir", "[import]")
{
    ImportTempDir tmp;
    const fs::path good = makePackage(tmp.path / "good", {{"activities.csv", kActivities}});
    PackageCheck check = checkPackage(good, tmp.path / "staging");
    CHECK(check.problems.empty());
    REQUIRE(check.update.has_value());
    CHECK(updateRowCounts(*check.update)[static_cast<size_t>(SheetKind::Activities)] == 2);

    const fs::path bad = makePackage(tmp.path / "bad", {{"meals.csv", "日期,餐次,菜品\n每天,夜宵,粥\n"}});
    check = checkPackage(bad, tmp.path / "staging");
    CHECK_FALSE(check.update.has_value());
    REQUIRE_FALSE(check.problems.empty());
    CHECK(check.problems[0].format().starts_with("meals.csv:2:餐次"));
}

TEST_CASE("checkPackage makes no trust decision without keys and refuses a bad signature", "[import][signed]")
{
    ImportTempDir tmp;
    const auto [publicKey, secretKey] = generateKeyPair();
    const fs::path good = makePackage(tmp.path / "good", {{"meals.csv", kMeals}});
    signPackage(good, {"meals.csv"}, 202606030900, secretKey);

    PackageCheck check = checkPackage(good, tmp.path / "staging");
    CHECK(check.update.has_value());
    CHECK(check.signature == SignatureVerdict::NotChecked);
    const std::vector<PublicKey> trusted{publicKey};
    check = checkPackage(good, tmp.path / "staging", &trusted);
    CHECK(check.update.has_value());
    CHECK(check.signature == SignatureVerdict::Trusted);
    const std::vector<PublicKey> others{generateKeyPair().first};
    check = checkPackage(good, tmp.path / "staging", &others);
    CHECK_FALSE(check.update.has_value());
    CHECK(check.signature == SignatureVerdict::Bad);

    // A manifest changed after signing: bad with the key; without it nobody can tell, and the
    // verdict says that no trust decision was made (the CLI prints it).
    std::string manifest = slurp(good / "manifest.json");
    manifest.replace(manifest.find("202606030900"), 12, "202606030901");
    put(good / "manifest.json", manifest);
    check = checkPackage(good, tmp.path / "staging", &trusted);
    CHECK_FALSE(check.update.has_value());
    CHECK(check.signature == SignatureVerdict::Bad);
    REQUIRE_FALSE(check.problems.empty());
    CHECK(check.problems[0].format().starts_with("manifest.json.minisig: 签名无效"));
    CHECK(checkPackage(good, tmp.path / "staging").signature == SignatureVerdict::NotChecked);
    // A garbled signature file is bad even with no keys at hand.
    put(good / "manifest.json.minisig", "not a signature");
    CHECK(checkPackage(good, tmp.path / "staging").signature == SignatureVerdict::Bad);
}

TEST_CASE("system errors reach staff in Chinese", "[import]")
{
    CHECK(errnoText(EACCES) == "没有权限（请检查文件或文件夹的权限）");
    CHECK(errnoText(EIO).find("读写出错") == 0);
    CHECK(errnoText(12345) == "系统错误（错误号 12345）");
    CHECK(errorCodeText(std::make_error_code(std::errc::no_space_on_device)) == "磁盘已满");
    // No message built for staff in content/ takes strerror's or error_code's English.
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(KIOSK_SOURCE_DIR) / "content")) {
        if (entry.path().extension() != ".cpp") continue;
        const std::string source = slurp(entry.path());
        INFO(entry.path());
        CHECK(source.find("strerror(") == std::string::npos);
        CHECK(source.find("ec.message()") == std::string::npos);
    }
}

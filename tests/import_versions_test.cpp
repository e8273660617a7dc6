// SPEC Trust, "versions only go forward": a signed package not newer than the last signed one
// applied is refused from every source, naming both versions; local edits (an unsigned stick
// with the PIN, import --allow-unsigned) never make the district's next package look old;
// absurd versions are refused; the comparison is made against the store on disk.
#include "content/importer.h"
#include "content/store.h"
#include "content/trust.h"
#include "content/update_session.h"
#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

using namespace content;

namespace {

Date day()
{
    return std::chrono::year{2026} / std::chrono::June / std::chrono::day{3};
}

const char* kActivities = "日期,开始,结束,活动,地点,说明,类别\n2026-06-03,9:00,10:00,太极拳,一楼活动室,,文体\n";
const char* kMeals = "日期,餐次,菜品\n每天,午餐,米饭、青菜\n";

ImportOptions from(PackageSource source, bool allowUnsigned = false)
{
    ImportOptions options;
    options.source = source;
    options.allowUnsigned = allowUnsigned;
    options.now = LocalDateTime{day(), 9 * 60};
    return options;
}

std::string problemsText(const ImportReport& report)
{
    std::string text;
    for (const Problem& p : report.problems) text += p.format() + "\n";
    return text;
}

struct District {
    test::TempDir tmp{"kiosk-versions"};
    DataDir dir{tmp.path / "data"};
    SecretKey key = test::trustNewKey(dir);
    Store store = Store::open(dir, day());

    fs::path signedPackage(int64_t version, const char* sheet = kActivities, const char* name = "activities.csv")
    {
        const fs::path package = test::makePackage(tmp.path / ("v" + std::to_string(version)), {{name, sheet}});
        test::signPackage(package, {name}, version, key);
        return package;
    }
    ImportReport run(const fs::path& package, PackageSource source, bool allowUnsigned = false)
    {
        return importPackage(store, dir, package, from(source, allowUnsigned));
    }
};

} // namespace

TEST_CASE("versions: an older or the same signed package is refused from every source, naming both", "[versions]")
{
    District d;
    REQUIRE(d.run(d.signedPackage(202606030900), PackageSource::Console).ok());
    CHECK(d.store.version() == 202606030900);
    CHECK(d.store.content().signedVersion == 202606030900);
    const fs::path old = d.signedPackage(202606010900, kMeals, "meals.csv");
    const auto before = test::hashTree(d.dir.storeDir(), {"LOCK"});

    for (PackageSource source : {PackageSource::Console, PackageSource::Usb, PackageSource::Drop}) {
        const ImportReport report = d.run(old, source);
        INFO(problemsText(report));
        CHECK(report.outcome == ImportOutcome::Rejected);
        const std::string text = problemsText(report);
        CHECK(text.find("202606010900") != std::string::npos);
        CHECK(text.find("202606030900") != std::string::npos);
        CHECK(text.find("恢复上一版内容") != std::string::npos);
    }
    // Re-importing the applied package does not bump the version either.
    const fs::path same = d.tmp.path / "v202606030900";
    CHECK(d.run(same, PackageSource::Console).outcome == ImportOutcome::Rejected);
    CHECK(d.run(same, PackageSource::Usb).outcome == ImportOutcome::Rejected);
    // In the drop folder it is simply the package applied last.
    CHECK(d.run(same, PackageSource::Drop).outcome == ImportOutcome::Unchanged);

    CHECK(test::hashTree(d.dir.storeDir(), {"LOCK"}) == before);
    CHECK(Store::open(d.dir, day()).version() == 202606030900);
    // The rejection is on record for info and status.json.
    REQUIRE(loadLastImport(d.dir));
    CHECK_FALSE(loadLastImport(d.dir)->ok());
}

TEST_CASE("versions: local edits never make the district's next signed package look old", "[versions]")
{
    District d;
    REQUIRE(d.run(d.signedPackage(202606030900), PackageSource::Drop).ok());

    SECTION("import --allow-unsigned at the console")
    {
        const fs::path local = test::makePackage(d.tmp.path / "local", {{"meals.csv", kMeals}});
        for (int i = 1; i <= 3; ++i) {
            REQUIRE(d.run(local, PackageSource::Console, true).ok());
            CHECK(d.store.version() == 202606030900 + i);
            CHECK(d.store.content().signedVersion == 202606030900);
        }
    }
    SECTION("an unsigned stick approved with the PIN")
    {
        UpdateSession session(d.dir);
        std::string error;
        REQUIRE(session.open(day(), error));
        const fs::path stick = test::makePackage(d.tmp.path / "stick" / "KIOSK", {{"meals.csv", kMeals}});
        REQUIRE(session.importPackage(stick, from(PackageSource::Usb)).outcome == ImportOutcome::NeedsPin);
        REQUIRE(session.approvePending(LocalDateTime{day(), 600}).ok());
        CHECK(session.state().contentVersion == 202606030901);
        d.store = Store::open(d.dir, day());
        CHECK(d.store.content().signedVersion == 202606030900);
    }
    // The district's next package, one version up from its last: applies from every source,
    // although a local edit already holds that content version.
    const ImportReport next = d.run(d.signedPackage(202606030901, kMeals, "meals.csv"), PackageSource::Drop);
    INFO(problemsText(next));
    REQUIRE(next.ok());
    CHECK(d.store.content().signedVersion == 202606030901);
    CHECK(d.store.version() > 202606030901); // still forward, never back onto a number in use
    REQUIRE(d.run(d.signedPackage(202606040900), PackageSource::Usb).ok());
    CHECK(d.store.version() == 202606040900);
}

TEST_CASE("versions: absurd manifest versions are refused with a reason; nothing overflows", "[versions]")
{
    District d;
    for (int64_t absurd : {int64_t{9223372036854775807}, int64_t{100000000000000}}) {
        const ImportReport report = d.run(d.signedPackage(absurd), PackageSource::Console);
        INFO(problemsText(report));
        CHECK(report.outcome == ImportOutcome::Rejected);
        CHECK(problemsText(report).find("14 位数字") != std::string::npos);
    }
    CHECK(d.store.version() == 1);
    // The largest version allowed applies, and a local edit after it still counts up.
    REQUIRE(d.run(d.signedPackage(99999999999999), PackageSource::Console).ok());
    const fs::path local = test::makePackage(d.tmp.path / "local", {{"meals.csv", kMeals}});
    REQUIRE(d.run(local, PackageSource::Console, true).ok());
    CHECK(d.store.version() == 100000000000000);

    // A store an old program left at INT64_MAX takes no local edit (that would overflow), but
    // a signed package still brings it back to a sane version.
    Content live = d.store.content();
    live.version = INT64_MAX;
    live.signedVersion = 5;
    d.store.replace(live);
    const ImportReport refused = d.run(local, PackageSource::Console, true);
    INFO(problemsText(refused));
    CHECK(refused.outcome == ImportOutcome::Rejected);
    CHECK(problemsText(refused).find("上限") != std::string::npos);
    CHECK(d.store.version() == INT64_MAX);
    REQUIRE(d.run(d.signedPackage(202606050900), PackageSource::Drop).ok());
    CHECK(d.store.version() == 202606050900);
}

TEST_CASE("versions: the comparison is made against the store on disk, not a stale copy", "[versions]")
{
    District d;
    // Another process (the staff tool beside the kiosk) opened the same data dir earlier.
    Store other = Store::open(d.dir, day());
    REQUIRE(d.run(d.signedPackage(202606040900), PackageSource::Console).ok());

    // Its copy in memory still says "no signed package yet", the disk says 202606040900.
    CHECK(other.content().signedVersion < 202606040900);
    const ImportReport report =
        importPackage(other, d.dir, d.signedPackage(202606030900, kMeals, "meals.csv"), from(PackageSource::Drop));
    INFO(problemsText(report));
    CHECK(report.outcome == ImportOutcome::Rejected);
    CHECK(problemsText(report).find("202606040900") != std::string::npos);
    CHECK(Store::open(d.dir, day()).version() == 202606040900);

    // A local edit through the stale store builds on the live content: the activities the
    // other process applied stay.
    const fs::path local = test::makePackage(d.tmp.path / "local", {{"meals.csv", kMeals}});
    REQUIRE(importPackage(other, d.dir, local, from(PackageSource::Console, true)).ok());
    const Content now = Store::open(d.dir, day()).content();
    CHECK(now.version == 202606040901);
    CHECK(now.signedVersion == 202606040900);
    REQUIRE(now.activities.size() == 1);
    CHECK(now.activities[0].title == "太极拳");
}

TEST_CASE("versions: rollback keeps the last signed version, so the package left behind stays out", "[versions]")
{
    District d;
    REQUIRE(d.run(d.signedPackage(202606030900), PackageSource::Drop).ok());
    const fs::path second = d.signedPackage(202606040900, kMeals, "meals.csv");
    REQUIRE(d.run(second, PackageSource::Drop).ok());
    REQUIRE(d.store.rollback());
    CHECK(d.store.version() == 202606030900);
    CHECK(d.store.content().signedVersion == 202606040900);
    // Still in the drop folder after the kiosk restarts: not applied again.
    Store restarted = Store::open(d.dir, day());
    CHECK(importPackage(restarted, d.dir, second, from(PackageSource::Drop)).outcome == ImportOutcome::Unchanged);
    CHECK(Store::open(d.dir, day()).version() == 202606030900);
}

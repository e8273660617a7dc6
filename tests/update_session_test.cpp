// The update logic without threads (content/update_session.*): what staff approve is what
// applies, export and rollback outcomes as codes, the state the staff screen shows.
#include "content/update_session.h"

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

using namespace content;

namespace {

Date day()
{
    return std::chrono::year{2026} / std::chrono::June / std::chrono::day{3};
}

ImportOptions stick()
{
    ImportOptions options;
    options.source = PackageSource::Usb;
    options.now = LocalDateTime{day(), 9 * 60};
    return options;
}

} // namespace

TEST_CASE("update session: the PIN applies the staged copy staff were shown, not the stick as it is now", "[update]")
{
    test::TempDir tmp{"kiosk-session"};
    UpdateSession session(DataDir{tmp.path / "data"});
    std::string error;
    REQUIRE(session.open(day(), error));
    const fs::path kiosk = test::makePackage(tmp.path / "S" / "KIOSK",
                                             {{"meals.csv", "日期,餐次,菜品\n每天,午餐,给工作人员看过的午饭\n"}});
    const ImportReport shown = session.importPackage(kiosk, stick());
    REQUIRE(shown.outcome == ImportOutcome::NeedsPin);
    REQUIRE(session.hasPending());
    CHECK(session.pendingPackage() == kiosk);

    // The stick changes after staff read the summary.
    test::writeFile(kiosk / "meals.csv", "日期,餐次,菜品\n每天,午餐,偷换的午饭\n每天,晚餐,多出来的晚饭\n");
    fs::remove_all(tmp.path / "S");
    const ImportReport applied = session.approvePending(LocalDateTime{day(), 9 * 60 + 1});
    REQUIRE(applied.ok());
    CHECK(applied.rows == shown.rows);
    REQUIRE(session.content()->meals.size() == 1);
    CHECK(session.content()->meals[0].dishes.front() == "给工作人员看过的午饭");
    CHECK_FALSE(session.hasPending());
    // Approving again finds nothing to apply, and leaves the record of the real import alone.
    CHECK(session.approvePending(LocalDateTime{day(), 600}).outcome == ImportOutcome::Rejected);
    REQUIRE(session.state().lastImport);
    CHECK(session.state().lastImport->ok());
}

TEST_CASE("update session: a dropped pending package is gone; export and rollback report codes", "[update]")
{
    test::TempDir tmp{"kiosk-session"};
    UpdateSession session(DataDir{tmp.path / "data"});
    std::string error;
    REQUIRE(session.open(day(), error));
    const int64_t first = session.state().contentVersion;
    CHECK(session.rollback().outcome == RollbackOutcome::NoPrevious);
    CHECK(session.exportTo({}, LocalDateTime{day(), 600}).outcome == ExportOutcome::NoStick);
    CHECK(session.exportTo({{tmp.path / "ro", true}}, LocalDateTime{day(), 600}).outcome == ExportOutcome::ReadOnly);

    const fs::path kiosk =
        test::makePackage(tmp.path / "S" / "KIOSK", {{"meals.csv", "日期,餐次,菜品\n每天,午餐,午饭\n"}});
    REQUIRE(session.importPackage(kiosk, stick()).outcome == ImportOutcome::NeedsPin);
    session.dropPending();
    CHECK_FALSE(session.hasPending());
    CHECK(session.approvePending(LocalDateTime{day(), 600}).outcome == ImportOutcome::Rejected);
    CHECK(session.state().contentVersion == first);

    ImportOptions console = stick();
    console.source = PackageSource::Console;
    console.allowUnsigned = true;
    REQUIRE(session.importPackage(kiosk, console).ok());
    // A blank stick gets KIOSK/ itself; one with KIOSK/ gets a dated subfolder.
    fs::create_directories(tmp.path / "blank");
    const ExportResult intoNew = session.exportTo({{tmp.path / "blank", false}}, LocalDateTime{day(), 600});
    CHECK(intoNew.outcome == ExportOutcome::Exported);
    CHECK(intoNew.createdKioskDir);
    CHECK(intoNew.dir == tmp.path / "blank" / "KIOSK");
    const ExportResult intoSub = session.exportTo({{tmp.path / "S", false}}, LocalDateTime{day(), 600});
    CHECK(intoSub.outcome == ExportOutcome::Exported);
    CHECK(intoSub.intoSubfolder);
    CHECK(intoSub.dir == tmp.path / "S" / "KIOSK" / "导出-20260603-1000");
    CHECK(fs::exists(intoSub.dir / "meals.csv"));

    const RollbackResult back = session.rollback();
    CHECK(back.outcome == RollbackOutcome::RolledBack);
    CHECK(back.version == first);
    CHECK(session.state().contentVersion == first);
}

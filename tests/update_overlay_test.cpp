// What the update overlay (kiosk/update_overlay.*) says for each update event, in words from
// kiosk/ui_text.h through kiosk/update_text.*.
#include "kiosk/update_overlay.h"

#include "content/glyph_set.h"
#include "kiosk/fonts.h"
#include "kiosk/update_text.h"
#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace platform;
using test::TempDir;

namespace {

// An event of the stick at `stick`, with the import's report when it has one.
UpdateEvent stickEvent(UpdateEventKind kind, const fs::path& stick, content::ImportReport report = {})
{
    UpdateEvent event;
    event.kind = kind;
    event.package = stick;
    event.report = std::move(report);
    return event;
}

} // namespace

TEST_CASE("update overlay: what staff read for each event", "[update][ui]")
{
    TempDir tmp;
    content::DataDir dir{tmp.path / "data"};
    kiosk::UpdateOverlay overlay(dir);
    CHECK(overlay.mode() == kiosk::UpdateOverlay::Mode::Hidden);

    const fs::path stick = tmp.path / "media" / "S" / "KIOSK";
    const UpdateEvent reading = stickEvent(UpdateEventKind::Reading, stick);
    overlay.onEvent(reading, 1.0);
    CHECK(overlay.mode() == kiosk::UpdateOverlay::Mode::Reading);
    CHECK(overlay.lines().front() == "正在读取U盘…");

    content::ImportReport bad;
    bad.outcome = content::ImportOutcome::Rejected;
    for (int row = 2; row < 10; ++row)
        bad.problems.push_back({"activities.csv", row, "日期", "无法识别的日期“2026-13-45”"});
    UpdateEvent rejected = stickEvent(UpdateEventKind::Rejected, stick, bad);
    rejected.reportFile = stick / "import-report.txt";
    overlay.onEvent(rejected, 2.0);
    CHECK(overlay.mode() == kiosk::UpdateOverlay::Mode::Rejected);
    auto lines = overlay.lines();
    CHECK(std::find(lines.begin(), lines.end(), "发现 8 个问题：") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "activities.csv:2:日期: 无法识别的日期“2026-13-45”") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "还有 3 个问题，见报告。") != lines.end());
    CHECK(lines.back() == "完整的报告已写到U盘：KIOSK/import-report.txt");

    // Pulling the stick after reading the message clears it.
    const UpdateEvent removed = stickEvent(UpdateEventKind::StickRemoved, stick);
    overlay.onEvent(removed, 3.0);
    CHECK(overlay.mode() == kiosk::UpdateOverlay::Mode::Hidden);

    // Unsigned: the PIN pad, with how to set a PIN when there is none.
    content::ImportReport unsignedReport;
    unsignedReport.outcome = content::ImportOutcome::NeedsPin;
    unsignedReport.rows[static_cast<size_t>(content::SheetKind::Activities)] = 42;
    unsignedReport.rows[static_cast<size_t>(content::SheetKind::Meals)] = 21;
    overlay.onEvent(stickEvent(UpdateEventKind::NeedsPin, stick, unsignedReport), 4.0);
    CHECK(overlay.mode() == kiosk::UpdateOverlay::Mode::Pin);
    lines = overlay.lines();
    CHECK(std::find(lines.begin(), lines.end(), "包含：活动 42 条、菜单 21 条") != lines.end());

    UpdateEvent wrong;
    wrong.kind = UpdateEventKind::PinChecked;
    wrong.pinCheck = content::PinCheck{content::PinResult::Wrong, 3, 0};
    overlay.onEvent(wrong, 5.0);
    lines = overlay.lines();
    CHECK(lines.back() == "密码不对，还可以试 3 次。");
    UpdateEvent locked = wrong;
    locked.pinCheck = content::PinCheck{content::PinResult::Locked, 0, 290};
    overlay.onEvent(locked, 6.0);
    CHECK(overlay.lines().back() == "已锁定，请 5 分钟后再试。");
    UpdateEvent noPin = wrong;
    noPin.pinCheck = content::PinCheck{content::PinResult::NoPin, 0, 0};
    overlay.onEvent(noPin, 7.0);
    CHECK(overlay.lines().back() == "kiosk-content set-pin --data-dir " + dir.root.string());

    // The stick pulled while the pad waits: nothing changed, and it says so.
    overlay.onEvent(removed, 8.0);
    CHECK(overlay.mode() == kiosk::UpdateOverlay::Mode::Notice);
    CHECK(overlay.lines().front() == "U盘被拔出，未做任何更改");

    // Pulled while reading: the watcher's StickRemoved comes first, then the worker's Cancelled.
    overlay.onEvent(reading, 8.5);
    overlay.onEvent(removed, 8.6);
    CHECK(overlay.mode() == kiosk::UpdateOverlay::Mode::Reading);
    overlay.onEvent(stickEvent(UpdateEventKind::Cancelled, stick), 8.7);
    CHECK(overlay.mode() == kiosk::UpdateOverlay::Mode::Notice);
    CHECK(overlay.lines().front() == "U盘被拔出，未做任何更改");
    overlay.onEvent(removed, 8.8);
    CHECK(overlay.mode() == kiosk::UpdateOverlay::Mode::Notice);

    // A good import: the summary.
    content::ImportReport good;
    good.outcome = content::ImportOutcome::Applied;
    good.version = 12;
    good.rows[static_cast<size_t>(content::SheetKind::Activities)] = 42;
    overlay.onEvent(stickEvent(UpdateEventKind::Applied, stick, good), 9.0);
    CHECK(overlay.mode() == kiosk::UpdateOverlay::Mode::Applied);
    lines = overlay.lines();
    CHECK(lines[0] == "内容已更新");
    CHECK(lines[1] == "活动 42 条");
    CHECK(lines[2] == "版本号 12");

    // Every fixed string has its glyphs in the set the app bakes.
    std::set<char32_t> glyphs;
    kiosk::addUiGlyphs(glyphs);
    kiosk::update_text::addFixedGlyphs(glyphs);
    std::set<char32_t> needed;
    for (const auto& line : {std::string("正在读取U盘…"), std::string("工作人员菜单"), std::string("导出当前内容到U盘"),
                             std::string("恢复上一版内容"), std::string("已锁定，请分钟后再试")})
        content::addGlyphs(line, needed);
    for (char32_t c : needed) CHECK(glyphs.count(c) == 1);
}

TEST_CASE("update text: the staff actions' results in words", "[update][ui]")
{
    using kiosk::update_text::exportMessage;
    using kiosk::update_text::rollbackMessage;
    content::ExportResult result;
    result.outcome = content::ExportOutcome::NoStick;
    CHECK(exportMessage(result) == "没有找到U盘。请插入U盘后再试。");
    result.outcome = content::ExportOutcome::ReadOnly;
    CHECK(exportMessage(result) == "U盘有写保护，无法写入。");
    result.outcome = content::ExportOutcome::Exported;
    result.intoSubfolder = true;
    result.dir = "/media/pi/U盘/KIOSK/导出-20260603-0900";
    CHECK(exportMessage(result).find("KIOSK/导出-20260603-0900 文件夹（U盘里原有的文件没有改动）") !=
          std::string::npos);
    content::RollbackResult rolled;
    rolled.outcome = content::RollbackOutcome::RolledBack;
    rolled.version = 202606030900;
    CHECK(rollbackMessage(rolled) == "已恢复上一版内容（版本号 202606030900）");
    rolled.outcome = content::RollbackOutcome::Failed;
    rolled.detail = "磁盘已满";
    CHECK(rollbackMessage(rolled) == "恢复失败：磁盘已满");
}

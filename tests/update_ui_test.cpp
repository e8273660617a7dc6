// The update UI's glue (kiosk/update_ui.*): the characters it keeps in the app's atlas.
#include "kiosk/update_ui.h"

#include "content/demo_content.h"
#include "content/glyph_set.h"
#include "kiosk/app.h"
#include "kiosk/fonts.h"
#include "kiosk/snapshot.h"
#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace platform;
using test::TempDir;

TEST_CASE("update UI: the glyph text covers the fixed strings and the last events, and stays bounded", "[update][ui]")
{
    TempDir tmp;
    kiosk::AppConfig config;
    config.dataDir = tmp.path / "data";
    kiosk::App app(config); // no window: construction only
    UpdateService::Options options;
    options.dataDir.root = tmp.path / "data";
    options.mediaRoots = {tmp.path / "media"};
    UpdateService service(options, app.mainQueue(), {}); // never started
    kiosk::UpdateUi ui(app, service, content::DataDir{config.dataDir});
    // The characters, not the words: the fixed strings (ui_text.h, always in the atlas) and
    // what the update UI adds arrive as sets of code points.
    auto hasAll = [&](const std::string& words) {
        std::set<char32_t> want, have = ui.glyphs();
        content::addGlyphs(words, want);
        kiosk::addUiGlyphs(have);
        return std::includes(have.begin(), have.end(), want.begin(), want.end());
    };
    auto hasGlyphs = [&](const std::string& words) {
        std::set<char32_t> want;
        content::addGlyphs(words, want);
        return std::includes(ui.glyphs().begin(), ui.glyphs().end(), want.begin(), want.end());
    };
    CHECK(hasAll("正在读取U盘…请输入工作人员密码"));
    CHECK(hasGlyphs("讲座义诊"));

    // Twelve rejections, each quoting a cell with its own rare character.
    const std::vector<std::string> rare = {"龘", "靐", "齉", "齾", "爩", "鱻", "麤", "龗", "灪", "龖", "厵", "滟"};
    for (const auto& c : rare) {
        UpdateEvent rejected;
        rejected.kind = UpdateEventKind::Rejected;
        rejected.report = content::ImportReport{};
        rejected.report->problems.push_back({"activities.csv", 2, "日期", "无法识别的日期“" + c + "”"});
        ui.handle(rejected);
    }
    CHECK(hasAll("正在读取U盘…请输入工作人员密码")); // the fixed strings stay
    for (size_t i = 0; i < rare.size(); ++i) {
        INFO("event " << i);
        // The last few events are on screen (panel, staff screen); older ones leave the atlas.
        CHECK(hasGlyphs(rare[i]) == (i + kiosk::UpdateUi::kRecentEvents >= rare.size()));
    }
}

TEST_CASE("update UI: the panel's words are in the atlas of both profiles (it opens over the carousel too)",
          "[update][ui]")
{
    using namespace std::chrono;
    const content::LocalDateTime now{content::Date{year{2026}, month{6}, day{3}}, 10 * 60 + 15};
    auto content = std::make_shared<const content::Content>(content::demoContent(now.date));
    // A replay refusal: 比 and 旧 are in neither the demo content nor the carousel's words.
    std::set<char32_t> overlay;
    content::addGlyphs("内容包的版本 1 不比已导入的签名内容（版本 2）新。旧的签名内容包", overlay);
    const kiosk::GlyphPlan plain = kiosk::glyphPlan(*kiosk::makeSnapshot(content, now));
    REQUIRE_FALSE(plain.display.count(U'旧'));
    const kiosk::GlyphPlan plan = kiosk::glyphPlan(*kiosk::makeSnapshot(content, now), overlay);
    CHECK(std::includes(plan.text.begin(), plan.text.end(), overlay.begin(), overlay.end()));
    CHECK(std::includes(plan.display.begin(), plan.display.end(), overlay.begin(), overlay.end()));
}

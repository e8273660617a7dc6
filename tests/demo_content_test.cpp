#include "content/demo_content.h"
#include "content/glyph_set.h"
#include "content/schedule.h"
#include "content/sheet_table.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace content;

namespace {

Date ymd(int y, int m, int d)
{
    return std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} /
           std::chrono::day{static_cast<unsigned>(d)};
}

bool contains(std::string_view text, std::string_view part)
{
    return text.find(part) != std::string_view::npos;
}

// Today as the demo is seen on a few awkward days: mid-week, a Sunday, year end, the leap day.
const std::vector<Date> kTodays = {ymd(2026, 6, 3), ymd(2026, 6, 7), ymd(2026, 12, 31), ymd(2028, 2, 29),
                                   ymd(2027, 3, 1)};

} // namespace

TEST_CASE("demo sheets: all seven, with every date token filled in", "[demo]")
{
    std::vector<std::string> names;
    for (const EmbeddedSheet& sheet : embeddedDemoSheets()) names.push_back(sheet.name);
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"activities.csv", "contacts.csv", "guide.csv", "lectures.csv", "meals.csv",
                                            "notices.csv", "station.csv"});

    const std::vector<EmbeddedSheet> sheets = demoSheets(ymd(2026, 6, 3));
    REQUIRE(sheets.size() == 7);
    for (const EmbeddedSheet& sheet : sheets) {
        INFO(sheet.name);
        CHECK_FALSE(contains(sheet.bytes, "{{"));
        CHECK_FALSE(contains(sheet.bytes, "}}"));
        const std::optional<SheetKind> kind = sheetKindFromFileName(sheet.name);
        REQUIRE(kind);
        // Headers exactly as SPEC's table, in SPEC order.
        std::string header;
        for (const std::string& column : sheetHeader(*kind)) header += (header.empty() ? "" : ",") + column;
        CHECK(sheet.bytes.substr(0, sheet.bytes.find('\n')) == header);
    }
    const auto byName = [&](std::string_view name) {
        return std::find_if(sheets.begin(), sheets.end(), [&](const EmbeddedSheet& s) { return s.name == name; })
            ->bytes;
    };
    CHECK(contains(byName("lectures.csv"), "2026-06-01,")); // {{-2}}
    CHECK(contains(byName("lectures.csv"), "2026-06-23,")); // {{+20}}
    CHECK(contains(byName("notices.csv"), "6月4日"));       // {{+1月日}} in running text

    // Across a year end and a leap day.
    for (const EmbeddedSheet& sheet : demoSheets(ymd(2026, 12, 31))) {
        if (sheet.name == "lectures.csv") {
            CHECK(contains(sheet.bytes, "2026-12-29,"));
            CHECK(contains(sheet.bytes, "2027-01-20,"));
        }
    }
    for (const EmbeddedSheet& sheet : demoSheets(ymd(2028, 2, 28))) {
        if (sheet.name == "notices.csv") CHECK(contains(sheet.bytes, "2月29日"));
    }
}

TEST_CASE("demo sheets validate with zero problems on any day", "[demo]")
{
    for (Date today : kTodays) {
        INFO(formatDate(today));
        for (const EmbeddedSheet& sheet : demoSheets(today)) {
            INFO(sheet.name);
            ContentUpdate update;
            Problems problems;
            readSheetFile(*sheetKindFromFileName(sheet.name), sheet.bytes, sheet.name, update, problems);
            std::string report;
            for (const Problem& problem : problems) report += problem.format() + "\n";
            INFO(report);
            CHECK(problems.empty());
            CHECK(update.has(*sheetKindFromFileName(sheet.name)));
        }
        REQUIRE_NOTHROW(demoContent(today));
    }
}

TEST_CASE("demo content: a full, lively station", "[demo]")
{
    const Date today = ymd(2026, 6, 3);
    const Content c = demoContent(today);
    CHECK(c.version == 1);

    SECTION("station")
    {
        CHECK(c.station.name() == "晋东一社区养老服务站");
        CHECK_FALSE(c.station.welcome().empty());
        CHECK(contains(c.station.address(), "阳泉"));
        CHECK_FALSE(c.station.openHours().empty());
        CHECK_FALSE(c.station.dutyPhone().empty());
    }
    SECTION("activities: at least three every day of the week, mostly repeats")
    {
        for (const DayActivities& day : activitiesOfWeek(c, LocalDateTime{today, 7 * 60})) {
            INFO(formatDate(day.date));
            CHECK(day.items.size() >= 3);
        }
        const auto repeats =
            std::count_if(c.activities.begin(), c.activities.end(), [](const Activity& a) { return a.day.isRepeat(); });
        CHECK(repeats > static_cast<long>(c.activities.size()) / 2);
        CHECK(repeats < static_cast<long>(c.activities.size()));
    }
    SECTION("meals: breakfast, lunch and dinner every day, with prices")
    {
        for (const DayMeals& day : mealsOfWeek(c, today)) {
            INFO(formatDate(day.date));
            std::vector<MealKind> kinds;
            for (const Meal* meal : day.meals) {
                kinds.push_back(meal->kind);
                CHECK(meal->priceCents);
                CHECK_FALSE(meal->dishes.empty());
            }
            REQUIRE(kinds.size() >= 3);
            CHECK(kinds[0] == MealKind::Breakfast);
            CHECK(kinds[1] == MealKind::Lunch);
            CHECK(kinds[2] == MealKind::Dinner);
        }
    }
    SECTION("lectures: the past one has dropped off, the rest are ahead")
    {
        const auto upcoming = upcomingLectures(c, LocalDateTime{today, 0});
        CHECK(upcoming.size() == c.lectures.size() - 1);
        CHECK(upcoming.front().daysUntil == 0);
        CHECK(upcoming.back().daysUntil == 20);
        for (const UpcomingLecture& item : upcoming) CHECK(contains(item.lecture->unit, "晋东一社区卫生服务中心"));
    }
    SECTION("notices: pinned first, the urgent one shows, the expired one does not")
    {
        const auto active = activeNotices(c, today);
        REQUIRE(active.size() >= 3);
        CHECK(active[0]->pinned);
        CHECK(active[1]->urgent);
        CHECK(active.size() < c.notices.size());
        for (const Notice& notice : c.notices) {
            const bool shown = std::find(active.begin(), active.end(), &notice) != active.end();
            if (notice.to && *notice.to < today) CHECK_FALSE(shown);
        }
    }
    SECTION("guide: at least eight scams, in order, pointing at 96110, 110 and the app")
    {
        const auto guide = guideInOrder(c);
        CHECK(guide.size() >= 8);
        std::string all;
        for (const GuideEntry* entry : guide) {
            INFO(entry->title);
            CHECK_FALSE(entry->howItGoes.empty());
            CHECK_FALSE(entry->howToSpot.empty());
            CHECK_FALSE(entry->whatToDo.empty());
            all += entry->title + entry->howItGoes + entry->howToSpot + entry->whatToDo;
        }
        CHECK(contains(all, "96110"));
        CHECK(contains(all, "110"));
        CHECK(contains(all, "国家反诈中心"));
        for (std::string_view topic : {"保健品", "公检法", "借钱", "养老", "中奖", "刷单", "医保卡", "收藏品"}) {
            INFO(std::string(topic));
            CHECK(contains(all, topic));
        }
    }
    SECTION("contacts: emergency numbers first")
    {
        const auto groups = contactsByCategory(c);
        REQUIRE(groups.size() == 4);
        CHECK(groups[0].category == "紧急");
        std::string phones;
        for (const Contact* contact : groups[0].contacts) phones += contact->phone + " ";
        for (std::string_view number : {"110 ", "120 ", "119 ", "96110 "}) CHECK(contains(phones, number));
    }
    SECTION("the glyph set holds the station's name")
    {
        const auto glyphs = contentGlyphs(c);
        for (char32_t ch : std::u32string(U"晋东一社区养老服务站栲栳")) CHECK(glyphs.count(ch));
    }
}

TEST_CASE("an unreadable store: an urgent notice with the reason, the guide and the emergency numbers", "[demo]")
{
    const Date today = ymd(2026, 6, 3);
    const Content c = storeUnavailableContent(today, "无法使用数据目录 /var/lib/elder-kiosk：Permission denied");

    const auto notices = activeNotices(c, today);
    REQUIRE(notices.size() == 1);
    CHECK(notices.front()->urgent);
    CHECK(notices.front()->body.find("Permission denied") != std::string::npos);

    CHECK(c.guide == demoContent(today).guide); // the anti-fraud guide holds everywhere
    REQUIRE_FALSE(c.contacts.empty());
    bool has110 = false, has96110 = false;
    for (const Contact& contact : c.contacts) {
        CHECK(contact.category == "紧急"); // nothing station-specific
        has110 = has110 || contact.phone == "110";
        has96110 = has96110 || contact.phone == "96110";
    }
    CHECK(has110);
    CHECK(has96110);
    CHECK(c.activities.empty());
    CHECK(c.meals.empty());
    CHECK(c.lectures.empty());
}

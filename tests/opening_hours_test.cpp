#include "content/opening_hours.h"
#include "content/screen_off.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace content;

namespace {

constexpr MinuteOfDay hm(int h, int m)
{
    return h * 60 + m;
}

OpeningHours parsed(const char* text)
{
    INFO(text);
    const std::optional<OpeningHours> hours = parseOpeningHours(text);
    REQUIRE(hours.has_value());
    return *hours;
}

} // namespace

TEST_CASE("opening hours read the forms staff write", "[opening_hours]")
{
    const OpeningSpan everyDay{kEveryDay, hm(8, 0), hm(17, 30)};
    for (const char* text : {"8:00-17:30", "08:00-17:30", "每天 8:00—17:30", "每天 8:00—17:30，中午不关门",
                             "每天8:00——17:30", "8：00～17：30", "开放时间：每天 8:00 - 17:30", "8点-17点半",
                             "上午8点至下午5点半", "8:00-5:30", "８:００-１７:３０"}) {
        INFO(text);
        const OpeningHours hours = parsed(text);
        REQUIRE(hours.spans.size() == 1);
        CHECK(hours.spans[0] == everyDay);
    }
}

TEST_CASE("opening hours keep their days and several ranges", "[opening_hours]")
{
    struct Case {
        const char* text;
        std::vector<OpeningSpan> spans;
    };
    const Case cases[] = {
        {"周一至周五 8:00-17:00", {{kWorkdays, hm(8, 0), hm(17, 0)}}},
        {"周一至周五 8:00-17:00，周六 9:00-12:00，周日休息",
         {{kWorkdays, hm(8, 0), hm(17, 0)}, {WeeklyRepeat{1 << 5}, hm(9, 0), hm(12, 0)}}},
        // Days carry on to the next range until new days are written.
        {"工作日 8:30~11:30 14:00~17:30", {{kWorkdays, hm(8, 30), hm(11, 30)}, {kWorkdays, hm(14, 0), hm(17, 30)}}},
        {"上午8点-11点半 下午2点-5点", {{kEveryDay, hm(8, 0), hm(11, 30)}, {kEveryDay, hm(14, 0), hm(17, 0)}}},
        {"全天开放", {{kEveryDay, 0, 24 * 60}}},
    };
    for (const Case& c : cases) {
        const OpeningHours hours = parsed(c.text);
        INFO(c.text);
        REQUIRE(hours.spans.size() == c.spans.size());
        for (size_t k = 0; k < c.spans.size(); ++k) {
            CAPTURE(k);
            CHECK(hours.spans[k] == c.spans[k]);
        }
    }
}

TEST_CASE("opening hours that cannot be read give nothing", "[opening_hours]")
{
    for (const char* text : {"", "请电话咨询", "2026年6月3日起", "8:00", "25:00-26:00", "8:5-9:00"}) {
        INFO(text);
        CHECK_FALSE(parseOpeningHours(text).has_value());
    }
}

TEST_CASE("the screen is open in the hours, a clock an hour around them, off beyond", "[opening_hours]")
{
    const OpeningHours hours = parsed("每天 8:00-17:30");
    const int wednesday = 2;
    const std::pair<MinuteOfDay, HoursState> states[] = {
        {hm(8, 0), HoursState::Open},     {hm(17, 29), HoursState::Open}, {hm(17, 30), HoursState::Closed},
        {hm(18, 29), HoursState::Closed}, {hm(18, 30), HoursState::Off},  {hm(3, 0), HoursState::Off},
        {hm(6, 59), HoursState::Off},     {hm(7, 0), HoursState::Closed}, {hm(7, 59), HoursState::Closed}};
    for (const auto& [minute, state] : states) {
        CAPTURE(minute);
        CHECK(hoursStateAt(hours, wednesday, minute) == state);
    }
}

TEST_CASE("closed days are off, and the week wraps from Sunday to Monday", "[opening_hours]")
{
    const OpeningHours hours = parsed("周一至周五 8:00-17:00");
    const int friday = 4, saturday = 5, sunday = 6, monday = 0;
    CHECK(hoursStateAt(hours, friday, hm(17, 30)) == HoursState::Closed);
    CHECK(hoursStateAt(hours, saturday, hm(12, 0)) == HoursState::Off);
    CHECK(hoursStateAt(hours, sunday, hm(23, 0)) == HoursState::Off);
    CHECK(hoursStateAt(hours, monday, hm(7, 30)) == HoursState::Closed);

    // Open late on Sunday: just after midnight on Monday is still the hour after closing.
    const OpeningHours late = parsed("周日 18:00-23:30");
    CHECK(hoursStateAt(late, monday, hm(0, 15)) == HoursState::Closed);
    CHECK(hoursStateAt(late, monday, hm(0, 45)) == HoursState::Off);

    // A lunch break shorter than two margins never goes off.
    const OpeningHours lunch = parsed("8:00-11:30 13:00-17:30");
    CHECK(hoursStateAt(lunch, monday, hm(12, 15)) == HoursState::Closed);
}

TEST_CASE("daily windows as --night and --screen-off take them", "[opening_hours]")
{
    const std::optional<DailyWindow> night = parseDailyWindow("22:00-06:00");
    REQUIRE(night);
    CHECK(night->start == hm(22, 0));
    CHECK(night->end == hm(6, 0));
    CHECK(inDailyWindow(night->start, night->end, hm(23, 0)));
    CHECK(inDailyWindow(night->start, night->end, hm(5, 59)));
    CHECK_FALSE(inDailyWindow(night->start, night->end, hm(6, 0)));
    CHECK_FALSE(inDailyWindow(night->start, night->end, hm(12, 0)));
    CHECK(inDailyWindow(hm(1, 0), hm(5, 0), hm(1, 0)));
    CHECK_FALSE(inDailyWindow(hm(1, 0), hm(5, 0), hm(5, 0)));
    for (const char* bad : {"", "22:00", "22:00-22:00", "x-06:00", "22:00-6"}) {
        INFO(bad);
        CHECK_FALSE(parseDailyWindow(bad).has_value());
    }
}

TEST_CASE("outside the station's hours the screen goes off, and a touch wakes it for a while", "[opening_hours]")
{
    ScreenOffSettings settings;
    settings.wakeFor = 180;
    ScreenOffPolicy policy(settings, 0);
    const int tuesday = 1;
    // Hours not known yet (or unreadable): never off.
    CHECK_FALSE(policy.off(1000, tuesday, hm(3, 0)));
    policy.setHours(parseOpeningHours("每天 8:00-17:30"));
    CHECK(policy.off(1000, tuesday, hm(3, 0)));
    CHECK_FALSE(policy.off(1000, tuesday, hm(12, 0)));
    CHECK_FALSE(policy.off(1000, tuesday, hm(18, 0)));
    CHECK(policy.nightClock(tuesday, hm(18, 0)));
    CHECK(policy.nightClock(tuesday, hm(7, 30)));
    CHECK_FALSE(policy.nightClock(tuesday, hm(3, 0)));
    CHECK_FALSE(policy.nightClock(tuesday, hm(12, 0)));

    policy.touched(1000);
    CHECK_FALSE(policy.off(1000, tuesday, hm(3, 0)));
    CHECK_FALSE(policy.off(1179, tuesday, hm(3, 3)));
    CHECK(policy.untilOff(1100) == Approx(80));
    CHECK(policy.off(1180, tuesday, hm(3, 3)));
}

TEST_CASE("--screen-off sets the hours, or turns screen-off off", "[opening_hours]")
{
    ScreenOffSettings window;
    window.source = ScreenOffSettings::Source::Window;
    window.window = *parseDailyWindow("23:00-06:00");
    ScreenOffPolicy fixed(window, -1000);
    fixed.setHours(parseOpeningHours("每天 8:00-17:30"));
    CHECK(fixed.off(0, 0, hm(23, 30)));
    CHECK_FALSE(fixed.off(0, 0, hm(20, 0)));
    // The night clock around the hours belongs to the station's hours only.
    CHECK_FALSE(fixed.nightClock(0, hm(18, 0)));

    ScreenOffSettings never;
    never.source = ScreenOffSettings::Source::Never;
    ScreenOffPolicy none(never, -1000);
    none.setHours(parseOpeningHours("每天 8:00-17:30"));
    CHECK_FALSE(none.off(0, 0, hm(3, 0)));
    CHECK_FALSE(none.nightClock(0, hm(18, 0)));
}

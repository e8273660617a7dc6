#include "content/lunar_calendar.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <vector>

#include <malloc.h>

using namespace content;
using namespace std::chrono;

namespace {
Date ymd(int y, unsigned m, unsigned d)
{
    return Date{year{y}, month{m}, day{d}};
}

LunarInfo infoOf(Date day)
{
    const std::optional<LunarInfo> info = lunarInfo(day);
    REQUIRE(info.has_value());
    return *info;
}

// A solar day and the words the calendar gives it: its lunar date, its solar term or its date line.
struct DayWords {
    Date solar;
    const char* words;
};

bool hasFestival(const LunarInfo& info, const std::string& name)
{
    return std::find(info.festivals.begin(), info.festivals.end(), name) != info.festivals.end();
}
} // namespace

TEST_CASE("lunar dates of well-known days, with Chinese month and day names", "[lunar]")
{
    const DayWords cases[] = {
        {ymd(2026, 2, 17), "农历正月初一"},   {ymd(2026, 2, 16), "农历腊月廿九"},   {ymd(2024, 2, 9), "农历腊月三十"},
        {ymd(2024, 9, 17), "农历八月十五"},   {ymd(2025, 10, 29), "农历九月初九"},  {ymd(2025, 7, 24), "农历六月三十"},
        {ymd(2025, 7, 25), "农历闰六月初一"}, {ymd(2025, 8, 22), "农历闰六月廿九"}, {ymd(2025, 8, 23), "农历七月初一"},
        {ymd(2020, 5, 23), "农历闰四月初一"}, {ymd(2023, 3, 22), "农历闰二月初一"}, {ymd(2018, 11, 7), "农历九月三十"},
        {ymd(2018, 11, 8), "农历十月初一"},   {ymd(2025, 12, 21), "农历冬月初二"},  {ymd(2026, 6, 5), "农历四月二十"},
        {ymd(2026, 1, 26), "农历腊月初八"},   {ymd(2025, 2, 12), "农历正月十五"},   {ymd(2026, 4, 5), "农历二月十八"},
    };
    for (const DayWords& c : cases) {
        INFO(formatDate(c.solar));
        const std::optional<LunarInfo> info = lunarInfo(c.solar);
        REQUIRE(info.has_value());
        CHECK(info->date == c.words);
    }
    CHECK(lunarDay(ymd(2025, 7, 25)) == LunarDay{2025, 6, 1, true});
    CHECK(lunarDay(ymd(2025, 7, 24)) == LunarDay{2025, 6, 30, false});
    CHECK(lunarDay(ymd(2026, 2, 16)) == LunarDay{2025, 12, 29, false});
}

TEST_CASE("day names run 初一 to 三十 and months 正月 to 腊月", "[lunar]")
{
    const std::pair<int, std::string_view> days[] = {{1, "初一"},  {10, "初十"}, {11, "十一"}, {19, "十九"},
                                                     {20, "二十"}, {21, "廿一"}, {29, "廿九"}, {30, "三十"},
                                                     {0, ""},      {31, ""}};
    for (const auto& [day, name] : days) {
        CAPTURE(day);
        CHECK(lunarDayName(day) == name);
    }
    struct MonthName {
        int month;
        bool leap;
        std::string_view name;
    };
    const MonthName months[] = {{1, false, "正月"},  {6, true, "闰六月"}, {10, false, "十月"},
                                {11, false, "冬月"}, {12, false, "腊月"}, {13, false, ""}};
    for (const MonthName& m : months) {
        CAPTURE(m.month, m.leap);
        CHECK(lunarMonthName(m.month, m.leap) == m.name);
    }
}

TEST_CASE("traditional festivals fall on their day and not the days around it", "[lunar]")
{
    // Each festival and the days it falls on.
    const std::pair<const char*, std::vector<Date>> festivals[] = {
        {"春节", {ymd(2026, 2, 17), ymd(2025, 1, 29), ymd(2024, 2, 10)}},
        {"除夕", {ymd(2026, 2, 16), ymd(2025, 1, 28), ymd(2024, 2, 9)}},
        {"元宵节", {ymd(2025, 2, 12), ymd(2026, 3, 3)}},
        {"清明节", {ymd(2025, 4, 4), ymd(2026, 4, 5)}},
        {"端午节", {ymd(2025, 5, 31), ymd(2024, 6, 10)}},
        {"七夕节", {ymd(2025, 8, 29)}},
        {"中元节", {ymd(2025, 9, 6)}},
        {"中秋节", {ymd(2024, 9, 17), ymd(2025, 10, 6), ymd(2023, 9, 29)}},
        {"重阳节·老年节", {ymd(2025, 10, 29)}},
        {"腊八节", {ymd(2026, 1, 26)}},
        {"小年", {ymd(2026, 2, 10)}},
    };
    for (const auto& [festival, days] : festivals) {
        for (const Date day : days) {
            INFO(formatDate(day) << " " << festival);
            CHECK(hasFestival(*lunarInfo(day), festival));
            // Both ends of the festival's day: the day before and the day after are plain days.
            CHECK_FALSE(hasFestival(*lunarInfo(addDays(day, -1)), festival));
            CHECK_FALSE(hasFestival(*lunarInfo(addDays(day, 1)), festival));
        }
    }
    // 除夕 on 廿九 in a short 腊月: 2026-02-15 is 廿八, not the eve.
    CHECK(infoOf(ymd(2026, 2, 15)).festivals.empty());
    // A leap month's 初一 is no festival day of the month it repeats.
    CHECK(infoOf(ymd(2025, 7, 25)).festivals.empty());
    // No commercial or foreign days: 元旦, 情人节, 国庆, 圣诞.
    for (const Date day : {ymd(2026, 1, 1), ymd(2026, 2, 14), ymd(2026, 10, 1), ymd(2026, 12, 25), ymd(2026, 11, 11)}) {
        INFO(formatDate(day));
        CHECK(lunarInfo(day)->festivals.empty());
    }
}

TEST_CASE("the solar term shows on its day only", "[lunar]")
{
    // The library garbles 芒种 and 霜降 in its own text; the names still come out right.
    const DayWords terms[] = {{ymd(2026, 6, 21), "夏至"},  {ymd(2026, 6, 20), ""},     {ymd(2026, 6, 22), ""},
                              {ymd(2026, 6, 5), "芒种"},   {ymd(2026, 6, 6), ""},      {ymd(2030, 6, 5), "芒种"},
                              {ymd(2026, 10, 23), "霜降"}, {ymd(2018, 11, 7), "立冬"}, {ymd(2025, 12, 21), "冬至"},
                              {ymd(2025, 4, 4), "清明"}};
    for (const DayWords& t : terms) {
        INFO(formatDate(t.solar));
        CHECK(infoOf(t.solar).solarTerm == t.words);
    }
}

TEST_CASE("every solar term 2025–2030 falls on its day in Beijing time, as the almanac gives it", "[lunar]")
{
    // The Sun's apparent longitude reaching k·15°, from PyEphem, dated in UTC+8; the Purple
    // Mountain Observatory's almanac gives the same days. liblunar-date's own term days had
    // 芒种 2026 and 2030 a day late (6月6日; the Sun reaches 75° at 23:48 and 22:44 on 6月5日).
    const DayWords terms[] = {{ymd(2025, 1, 5), "小寒"},   {ymd(2025, 1, 20), "大寒"},  {ymd(2025, 2, 3), "立春"},
                              {ymd(2025, 2, 18), "雨水"},  {ymd(2025, 3, 5), "惊蛰"},   {ymd(2025, 3, 20), "春分"},
                              {ymd(2025, 4, 4), "清明"},   {ymd(2025, 4, 20), "谷雨"},  {ymd(2025, 5, 5), "立夏"},
                              {ymd(2025, 5, 21), "小满"},  {ymd(2025, 6, 5), "芒种"},   {ymd(2025, 6, 21), "夏至"},
                              {ymd(2025, 7, 7), "小暑"},   {ymd(2025, 7, 22), "大暑"},  {ymd(2025, 8, 7), "立秋"},
                              {ymd(2025, 8, 23), "处暑"},  {ymd(2025, 9, 7), "白露"},   {ymd(2025, 9, 23), "秋分"},
                              {ymd(2025, 10, 8), "寒露"},  {ymd(2025, 10, 23), "霜降"}, {ymd(2025, 11, 7), "立冬"},
                              {ymd(2025, 11, 22), "小雪"}, {ymd(2025, 12, 7), "大雪"},  {ymd(2025, 12, 21), "冬至"},
                              {ymd(2026, 1, 5), "小寒"},   {ymd(2026, 1, 20), "大寒"},  {ymd(2026, 2, 4), "立春"},
                              {ymd(2026, 2, 18), "雨水"},  {ymd(2026, 3, 5), "惊蛰"},   {ymd(2026, 3, 20), "春分"},
                              {ymd(2026, 4, 5), "清明"},   {ymd(2026, 4, 20), "谷雨"},  {ymd(2026, 5, 5), "立夏"},
                              {ymd(2026, 5, 21), "小满"},  {ymd(2026, 6, 5), "芒种"},   {ymd(2026, 6, 21), "夏至"},
                              {ymd(2026, 7, 7), "小暑"},   {ymd(2026, 7, 23), "大暑"},  {ymd(2026, 8, 7), "立秋"},
                              {ymd(2026, 8, 23), "处暑"},  {ymd(2026, 9, 7), "白露"},   {ymd(2026, 9, 23), "秋分"},
                              {ymd(2026, 10, 8), "寒露"},  {ymd(2026, 10, 23), "霜降"}, {ymd(2026, 11, 7), "立冬"},
                              {ymd(2026, 11, 22), "小雪"}, {ymd(2026, 12, 7), "大雪"},  {ymd(2026, 12, 22), "冬至"},
                              {ymd(2027, 1, 5), "小寒"},   {ymd(2027, 1, 20), "大寒"},  {ymd(2027, 2, 4), "立春"},
                              {ymd(2027, 2, 19), "雨水"},  {ymd(2027, 3, 6), "惊蛰"},   {ymd(2027, 3, 21), "春分"},
                              {ymd(2027, 4, 5), "清明"},   {ymd(2027, 4, 20), "谷雨"},  {ymd(2027, 5, 6), "立夏"},
                              {ymd(2027, 5, 21), "小满"},  {ymd(2027, 6, 6), "芒种"},   {ymd(2027, 6, 21), "夏至"},
                              {ymd(2027, 7, 7), "小暑"},   {ymd(2027, 7, 23), "大暑"},  {ymd(2027, 8, 8), "立秋"},
                              {ymd(2027, 8, 23), "处暑"},  {ymd(2027, 9, 8), "白露"},   {ymd(2027, 9, 23), "秋分"},
                              {ymd(2027, 10, 8), "寒露"},  {ymd(2027, 10, 23), "霜降"}, {ymd(2027, 11, 7), "立冬"},
                              {ymd(2027, 11, 22), "小雪"}, {ymd(2027, 12, 7), "大雪"},  {ymd(2027, 12, 22), "冬至"},
                              {ymd(2028, 1, 6), "小寒"},   {ymd(2028, 1, 20), "大寒"},  {ymd(2028, 2, 4), "立春"},
                              {ymd(2028, 2, 19), "雨水"},  {ymd(2028, 3, 5), "惊蛰"},   {ymd(2028, 3, 20), "春分"},
                              {ymd(2028, 4, 4), "清明"},   {ymd(2028, 4, 19), "谷雨"},  {ymd(2028, 5, 5), "立夏"},
                              {ymd(2028, 5, 20), "小满"},  {ymd(2028, 6, 5), "芒种"},   {ymd(2028, 6, 21), "夏至"},
                              {ymd(2028, 7, 6), "小暑"},   {ymd(2028, 7, 22), "大暑"},  {ymd(2028, 8, 7), "立秋"},
                              {ymd(2028, 8, 22), "处暑"},  {ymd(2028, 9, 7), "白露"},   {ymd(2028, 9, 22), "秋分"},
                              {ymd(2028, 10, 8), "寒露"},  {ymd(2028, 10, 23), "霜降"}, {ymd(2028, 11, 7), "立冬"},
                              {ymd(2028, 11, 22), "小雪"}, {ymd(2028, 12, 6), "大雪"},  {ymd(2028, 12, 21), "冬至"},
                              {ymd(2029, 1, 5), "小寒"},   {ymd(2029, 1, 20), "大寒"},  {ymd(2029, 2, 3), "立春"},
                              {ymd(2029, 2, 18), "雨水"},  {ymd(2029, 3, 5), "惊蛰"},   {ymd(2029, 3, 20), "春分"},
                              {ymd(2029, 4, 4), "清明"},   {ymd(2029, 4, 20), "谷雨"},  {ymd(2029, 5, 5), "立夏"},
                              {ymd(2029, 5, 21), "小满"},  {ymd(2029, 6, 5), "芒种"},   {ymd(2029, 6, 21), "夏至"},
                              {ymd(2029, 7, 7), "小暑"},   {ymd(2029, 7, 22), "大暑"},  {ymd(2029, 8, 7), "立秋"},
                              {ymd(2029, 8, 23), "处暑"},  {ymd(2029, 9, 7), "白露"},   {ymd(2029, 9, 23), "秋分"},
                              {ymd(2029, 10, 8), "寒露"},  {ymd(2029, 10, 23), "霜降"}, {ymd(2029, 11, 7), "立冬"},
                              {ymd(2029, 11, 22), "小雪"}, {ymd(2029, 12, 7), "大雪"},  {ymd(2029, 12, 21), "冬至"},
                              {ymd(2030, 1, 5), "小寒"},   {ymd(2030, 1, 20), "大寒"},  {ymd(2030, 2, 4), "立春"},
                              {ymd(2030, 2, 18), "雨水"},  {ymd(2030, 3, 5), "惊蛰"},   {ymd(2030, 3, 20), "春分"},
                              {ymd(2030, 4, 5), "清明"},   {ymd(2030, 4, 20), "谷雨"},  {ymd(2030, 5, 5), "立夏"},
                              {ymd(2030, 5, 21), "小满"},  {ymd(2030, 6, 5), "芒种"},   {ymd(2030, 6, 21), "夏至"},
                              {ymd(2030, 7, 7), "小暑"},   {ymd(2030, 7, 23), "大暑"},  {ymd(2030, 8, 7), "立秋"},
                              {ymd(2030, 8, 23), "处暑"},  {ymd(2030, 9, 7), "白露"},   {ymd(2030, 9, 23), "秋分"},
                              {ymd(2030, 10, 8), "寒露"},  {ymd(2030, 10, 23), "霜降"}, {ymd(2030, 11, 7), "立冬"},
                              {ymd(2030, 11, 22), "小雪"}, {ymd(2030, 12, 7), "大雪"},  {ymd(2030, 12, 22), "冬至"}};
    size_t found = 0;
    for (const DayWords& t : terms) {
        INFO(formatDate(t.solar));
        CHECK(infoOf(t.solar).solarTerm == t.words);
        CHECK(infoOf(addDays(t.solar, -1)).solarTerm.empty());
        CHECK(infoOf(addDays(t.solar, 1)).solarTerm.empty());
        ++found;
    }
    CHECK(found == 6 * 24);
}

TEST_CASE("the date line names festival and term once", "[lunar]")
{
    // 清明 is both a festival and a term; it is said once.
    const DayWords lines[] = {{ymd(2026, 6, 5), "农历四月二十 · 芒种"},
                              {ymd(2026, 6, 6), "农历四月廿一"},
                              {ymd(2025, 10, 29), "农历九月初九 · 重阳节·老年节"},
                              {ymd(2025, 4, 4), "农历三月初七 · 清明节"}};
    for (const DayWords& l : lines) {
        INFO(formatDate(l.solar));
        CHECK(infoOf(l.solar).line() == l.words);
    }
}

TEST_CASE("every day 1901–2099 has a lunar date, the calendar runs on, terms sit in their half-month", "[lunar]")
{
    std::optional<LunarDay> previous;
    std::map<int, int> termsPerYear, springFestivals, newYearsEves;
    for (Date date = ymd(1901, 3, 1); date < ymd(2099, 12, 1); date = addDays(date, 1)) {
        const std::optional<LunarInfo> info = lunarInfo(date);
        REQUIRE(info.has_value());
        const LunarDay& day = info->day;
        if (previous) {
            // The next day is the next day of the month, or the first of a month.
            const bool sameMonth = day.month == previous->month && day.leapMonth == previous->leapMonth;
            if (sameMonth) {
                REQUIRE(day.day == previous->day + 1);
            } else {
                INFO(formatDate(date));
                REQUIRE(day.day == 1);
                REQUIRE((previous->day == 29 || previous->day == 30));
                // A leap month follows the month it repeats.
                if (day.leapMonth) REQUIRE(day.month == previous->month);
            }
        }
        previous = day;
        const int solarYear = int(date.year());
        if (!info->solarTerm.empty()) {
            ++termsPerYear[solarYear];
            // Two terms a solar month: one in its first half, one in its second.
            const unsigned month = unsigned(date.month());
            const bool secondHalf = unsigned(date.day()) >= 15;
            static const char* const names[24] = {"小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨",
                                                  "立夏", "小满", "芒种", "夏至", "小暑", "大暑", "立秋", "处暑",
                                                  "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至"};
            INFO(formatDate(date));
            REQUIRE(info->solarTerm == names[(month - 1) * 2 + (secondHalf ? 1 : 0)]);
        }
        if (hasFestival(*info, "春节")) ++springFestivals[solarYear];
        if (hasFestival(*info, "除夕")) {
            ++newYearsEves[solarYear];
            REQUIRE(hasFestival(*lunarInfo(addDays(date, 1)), "春节"));
        }
    }
    for (int y = 1902; y <= 2098; ++y) {
        INFO(y);
        CHECK(termsPerYear[y] == 24);
        CHECK(springFestivals[y] == 1);
        CHECK(newYearsEves[y] == 1);
    }
}

TEST_CASE("dates outside the library's range give nothing", "[lunar]")
{
    CHECK_FALSE(lunarInfo(ymd(1800, 1, 1)).has_value());
    CHECK_FALSE(lunarInfo(Date{year{2026}, month{2}, day{30}}).has_value());
}

TEST_CASE("a lunar date keeps no memory once it is read (the kiosk reads one a minute)", "[lunar]")
{
    // liblunar-date's own free left 1.8 KB of every date behind: 3.6 MB here. (Under ASan
    // mallinfo2 reads nothing; LeakSanitizer and tests/fuzz/fuzz_lunar_calendar cover that build.)
    const Date start = ymd(2026, 1, 1);
    for (int i = 0; i < 50; ++i) (void)lunarInfo(addDays(start, i));
    const size_t before = mallinfo2().uordblks;
    for (int i = 0; i < 2000; ++i) REQUIRE(lunarInfo(addDays(start, i % 400)).has_value());
    const size_t after = mallinfo2().uordblks;
    CHECK(after < before + 256 * 1024);
}

#include "content/date_time.h"

#include <catch2/catch.hpp>

using namespace content;
using namespace std::chrono;

namespace {
Date ymd(int y, unsigned m, unsigned d)
{
    return Date{year{y}, month{m}, day{d}};
}
} // namespace

TEST_CASE("parseDate takes every form staff and Excel write", "[date_time]")
{
    const Date expected = ymd(2026, 6, 3);
    for (const char* text :
         {"2026-06-03", "2026-6-3", "2026/6/3", "2026/06/03", "2026年6月3日", "2026年06月03日", "2026年6月3号",
          "2026.6.3", "2026/6/3 0:00", "2026/06/03 00:00", "2026-06-03 00:00:00", "  2026-06-03  ",
          "\xE3\x80\x80"
          "2026-06-03",
          "２０２６－０６－０３", "46176"}) {
        INFO(text);
        REQUIRE(parseDate(text) == expected);
    }
}

TEST_CASE("parseDate rejects what is not a real date", "[date_time]")
{
    for (const char* text :
         {"", "2026-13-45", "2026-02-30", "2025-02-29", "2026-06", "6月3日", "2026-06-03x", "2026/6-3", "2026/6/3 9:00",
          "26-06-03", "tomorrow", "12345", "2026-06-03T00:00", "2026年6月", "每周一"}) {
        INFO(text);
        REQUIRE_FALSE(parseDate(text).has_value());
    }
    REQUIRE(parseDate("2024-02-29") == ymd(2024, 2, 29));
}

TEST_CASE("parseTime takes 24-hour times in the usual forms", "[date_time]")
{
    CHECK(parseTime("9:00") == 540);
    CHECK(parseTime("09:00") == 540);
    CHECK(parseTime("09:00:00") == 540);
    CHECK(parseTime("9：00") == 540);
    CHECK(parseTime(" 14:30 ") == 870);
    CHECK(parseTime("0:00") == 0);
    CHECK(parseTime("23:59") == 1439);
    CHECK(parseTime("9点") == 540);
    CHECK(parseTime("9点半") == 570);
    CHECK(parseTime("9点15分") == 555);
    CHECK(parseTime("下午2:30") == 870);
    CHECK(parseTime("上午9:00") == 540);
    CHECK(parseTime("中午12:00") == 720);
    CHECK(parseTime("2:30 PM") == 870);
    CHECK(parseTime("12:00 AM") == 0);
    for (const char* text :
         {"", "24:00", "9", "9:0", "9:60", "25:00", "9:00:61", "9:00 xm", "nine", "9.30", "14:00 PM", "12:00:00:00"}) {
        INFO(text);
        CHECK_FALSE(parseTime(text).has_value());
    }
}

TEST_CASE("parseWeeklyRepeat takes the Chinese ways of naming weekdays", "[date_time]")
{
    CHECK(parseWeeklyRepeat("每天") == kEveryDay);
    CHECK(parseWeeklyRepeat("每日") == kEveryDay);
    CHECK(parseWeeklyRepeat("工作日") == kWorkdays);
    CHECK(parseWeeklyRepeat("周末") == kWeekend);
    for (const char* monday : {"每周一", "周一", "星期一", "礼拜一", "每星期一", "周1"}) {
        INFO(monday);
        CHECK(parseWeeklyRepeat(monday) == WeeklyRepeat{0x01});
    }
    for (const char* sunday : {"每周日", "周日", "星期天", "星期日", "礼拜天", "每周天"}) {
        INFO(sunday);
        CHECK(parseWeeklyRepeat(sunday) == WeeklyRepeat{0x40});
    }
    CHECK(parseWeeklyRepeat("每周三") == WeeklyRepeat{0x04});
    CHECK(parseWeeklyRepeat("每周六") == WeeklyRepeat{0x20});
    CHECK(parseWeeklyRepeat("每周一、三") == WeeklyRepeat{0x05});
    CHECK(parseWeeklyRepeat("周一、周三、周五") == WeeklyRepeat{0x15});
    CHECK(parseWeeklyRepeat("周一，周三") == WeeklyRepeat{0x05});
    CHECK(parseWeeklyRepeat("每周一三五") == WeeklyRepeat{0x15});
    CHECK(parseWeeklyRepeat("周一至周五") == kWorkdays);
    CHECK(parseWeeklyRepeat("周二到四") == WeeklyRepeat{0x0e});
    CHECK(parseWeeklyRepeat("每周一至每周五") == kWorkdays);
    CHECK(parseWeeklyRepeat("星期一到星期三") == WeeklyRepeat{0x07});
    CHECK_FALSE(parseWeeklyRepeat("周一至每五").has_value());
    CHECK(parseWeeklyRepeat("每周一、每周三") == WeeklyRepeat{0x05});
    for (const char* text : {"", "三", "每", "每周", "周八", "周五至周一", "明天", "周一、", "、", "每三"}) {
        INFO(text);
        // "周一、" is a list with an empty item dropped, so it is simply Monday.
        if (std::string_view(text) == "周一、") {
            CHECK(parseWeeklyRepeat(text) == WeeklyRepeat{0x01});
        } else {
            CHECK_FALSE(parseWeeklyRepeat(text).has_value());
        }
    }
}

TEST_CASE("formatWeeklyRepeat reads back to the same repeat for every mask", "[date_time]")
{
    CHECK(formatWeeklyRepeat(kEveryDay) == "每天");
    CHECK(formatWeeklyRepeat(kWorkdays) == "工作日");
    CHECK(formatWeeklyRepeat(kWeekend) == "周末");
    CHECK(formatWeeklyRepeat(WeeklyRepeat{0x05}) == "每周一、每周三");
    for (int mask = 1; mask < 128; ++mask) {
        const WeeklyRepeat repeat{static_cast<uint8_t>(mask)};
        INFO(mask);
        REQUIRE(parseWeeklyRepeat(formatWeeklyRepeat(repeat)) == repeat);
    }
}

TEST_CASE("parseDaySpec takes a date or a repeat", "[date_time]")
{
    const auto date = parseDaySpec("2026/6/3");
    REQUIRE(date);
    CHECK_FALSE(date->isRepeat());
    CHECK(date->fallsOn(ymd(2026, 6, 3)));
    CHECK_FALSE(date->fallsOn(ymd(2026, 6, 4)));
    const auto repeat = parseDaySpec("每周三");
    REQUIRE(repeat);
    CHECK(repeat->isRepeat());
    CHECK(repeat->fallsOn(ymd(2026, 6, 3))); // a Wednesday
    CHECK_FALSE(repeat->fallsOn(ymd(2026, 6, 4)));
    CHECK_FALSE(parseDaySpec("2026-13-45").has_value());
    CHECK(formatDaySpec(*date) == "2026-06-03");
    CHECK(formatDaySpec(*repeat) == "每周三");
}

TEST_CASE("parseYesNo takes the yes/no forms and blank as no", "[date_time]")
{
    for (const char* yes : {"是", "Y", "y", "yes", "YES", "1", "TRUE", "true", "True", "√", "Ｙ"}) {
        INFO(yes);
        CHECK(parseYesNo(yes) == true);
    }
    for (const char* no : {"否", "N", "n", "no", "0", "FALSE", "false", "", "  ", "×"}) {
        INFO(no);
        CHECK(parseYesNo(no) == false);
    }
    for (const char* bad : {"maybe", "2", "是的吧", "yess"}) {
        INFO(bad);
        CHECK_FALSE(parseYesNo(bad).has_value());
    }
}

TEST_CASE("calendar helpers use the Chinese week", "[date_time]")
{
    CHECK(weekdayIndex(ymd(2026, 6, 1)) == 0); // Monday
    CHECK(weekdayIndex(ymd(2026, 6, 7)) == 6); // Sunday
    CHECK(addDays(ymd(2026, 2, 28), 1) == ymd(2026, 3, 1));
    CHECK(addDays(ymd(2026, 1, 1), -1) == ymd(2025, 12, 31));
    CHECK(daysBetween(ymd(2026, 6, 3), ymd(2026, 7, 3)) == 30);
    CHECK(daysBetween(ymd(2026, 6, 3), ymd(2026, 6, 1)) == -2);
    CHECK(weekStart(ymd(2026, 6, 7)) == ymd(2026, 6, 1));
    CHECK(weekStart(ymd(2026, 6, 1)) == ymd(2026, 6, 1));
    CHECK(weekdayName(2) == "星期三");
    CHECK(weekdayShortName(6) == "周日");
    CHECK(formatDateChinese(ymd(2026, 6, 3)) == "2026年6月3日");
    CHECK(formatMonthDayChinese(ymd(2026, 6, 3)) == "6月3日");
    CHECK(formatDate(ymd(2026, 6, 3)) == "2026-06-03");
    CHECK(formatTime(540) == "09:00");
    CHECK(formatTime(1439) == "23:59");
}

TEST_CASE("parseLocalDateTime takes --now values", "[date_time]")
{
    const auto t = parseLocalDateTime("2026-06-03T09:05");
    REQUIRE(t);
    CHECK(t->date == ymd(2026, 6, 3));
    CHECK(t->minute == 545);
    CHECK(formatLocalDateTime(*t) == "2026-06-03T09:05");
    CHECK_FALSE(parseLocalDateTime("2026-06-03").has_value());
    CHECK_FALSE(parseLocalDateTime("2026-06-03T25:00").has_value());
    CHECK_FALSE(parseLocalDateTime("2026-02-30T09:00").has_value());
    CHECK_FALSE(parseLocalDateTime("2026年6月3日T09:00").has_value());
    const LocalDateTime now = systemLocalNow();
    CHECK(now.date.ok());
    CHECK(now.minute >= 0);
    CHECK(now.minute < 1440);
}

TEST_CASE("a date may carry its own weekday, as Chinese Excel's long date writes it", "[date_time]")
{
    const Date june3{year{2026}, month{6}, day{3}}; // a Wednesday
    for (const char* text : {"2026年6月3日星期三", "2026年6月3日 星期三", "2026/6/3 周三", "2026-06-03(周三)",
                             "2026年6月3日（星期三）", "2026年6月3日礼拜三"}) {
        INFO(text);
        CHECK(parseDate(text) == june3);
        CHECK_FALSE(dateWeekdayMismatch(text).has_value());
    }
    CHECK_FALSE(parseDate("2026年6月3日星期四").has_value());
    const auto mismatch = dateWeekdayMismatch("2026年6月3日星期四");
    REQUIRE(mismatch.has_value());
    CHECK(mismatch->date == june3);
    CHECK(mismatch->written == 3);
    for (const char* text : {"2026年6月3日星期", "2026年6月3日星期八", "2026/6/3 周三 9:00", "2026/6/3周三周四"}) {
        INFO(text);
        CHECK_FALSE(parseDate(text).has_value());
        CHECK_FALSE(dateWeekdayMismatch(text).has_value());
    }
}

#include "content/lunar_calendar.h"

#include "content/solar_term.h"

#include <lunar-date/lunar-date.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string_view>

namespace content {

namespace {

constexpr std::array<const char*, 12> kMonthNames = {"正月", "二月", "三月", "四月", "五月", "六月",
                                                     "七月", "八月", "九月", "十月", "冬月", "腊月"};
constexpr std::array<const char*, 10> kDigits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

struct LunarDateDeleter {
    // liblunar-date 3.0.1 (Debian 12): lunar_date_free releases the object's fields but not the
    // GObject itself (1.8 KB lost per date, one each minute in the kiosk; fuzz_lunar_calendar
    // found it), and its finalize releases nothing, so both calls are needed, in this order.
    void operator()(LunarDate* date) const
    {
        lunar_date_free(date);
        g_object_unref(date);
    }
};
using LunarDatePtr = std::unique_ptr<LunarDate, LunarDateDeleter>;

struct GFreeDeleter {
    void operator()(gchar* text) const { g_free(text); }
};
using GString = std::unique_ptr<gchar, GFreeDeleter>;

// The library's object for one solar date, or nothing when it refuses the date.
LunarDatePtr libraryDate(Date date)
{
    if (!date.ok()) return nullptr;
    LunarDatePtr lunar(lunar_date_new());
    GError* error = nullptr;
    // Noon, so no date sits on the hour boundary the library uses for 子时.
    lunar_date_set_solar_date(lunar.get(), static_cast<GDateYear>(int(date.year())),
                              static_cast<GDateMonth>(unsigned(date.month())),
                              static_cast<GDateDay>(unsigned(date.day())), 12, &error);
    if (error != nullptr) {
        g_error_free(error);
        return nullptr;
    }
    return lunar;
}

std::optional<LunarDay> readLunarDay(LunarDate* lunar)
{
    // %(nian)|%(yue)|%(ri) are plain numbers; a leap month is written with a leading '*'.
    GString text(lunar_date_strftime(lunar, "%(nian)|%(yue)|%(ri)"));
    if (!text) return std::nullopt;
    LunarDay day;
    const char* cursor = text.get();
    int consumed = 0;
    if (std::sscanf(cursor, "%d|%n", &day.year, &consumed) != 1) return std::nullopt;
    cursor += consumed;
    if (*cursor == '*') {
        day.leapMonth = true;
        ++cursor;
    }
    if (std::sscanf(cursor, "%d|%d", &day.month, &day.day) != 2) return std::nullopt;
    if (day.month < 1 || day.month > 12 || day.day < 1 || day.day > 30) return std::nullopt;
    return day;
}

} // namespace

std::string lunarMonthName(int month, bool leap)
{
    if (month < 1 || month > 12) return {};
    return std::string(leap ? "闰" : "") + kMonthNames[size_t(month - 1)];
}

std::string lunarDayName(int day)
{
    if (day < 1 || day > 30) return {};
    if (day <= 10) return std::string("初") + (day == 10 ? "十" : kDigits[size_t(day)]);
    if (day < 20) return std::string("十") + kDigits[size_t(day - 10)];
    if (day == 20) return "二十";
    if (day < 30) return std::string("廿") + kDigits[size_t(day - 20)];
    return "三十";
}

std::optional<LunarDay> lunarDay(Date date)
{
    LunarDatePtr lunar = libraryDate(date);
    if (!lunar) return std::nullopt;
    return readLunarDay(lunar.get());
}

std::optional<LunarInfo> lunarInfo(Date date)
{
    LunarDatePtr lunar = libraryDate(date);
    if (!lunar) return std::nullopt;
    const std::optional<LunarDay> day = readLunarDay(lunar.get());
    if (!day) return std::nullopt;

    LunarInfo info;
    info.day = *day;
    info.date = "农历" + lunarMonthName(day->month, day->leapMonth) + lunarDayName(day->day);
    info.solarTerm = solarTermOn(date);

    // Festivals of a leap month's days do not count: 闰五月初五 is not 端午.
    auto on = [&](int month, int dayOfMonth) {
        return !day->leapMonth && day->month == month && day->day == dayOfMonth;
    };
    auto& festivals = info.festivals;
    if (on(1, 1)) festivals.push_back("春节");
    if (on(1, 15)) festivals.push_back("元宵节");
    if (info.solarTerm == "清明") festivals.push_back("清明节");
    if (on(5, 5)) festivals.push_back("端午节");
    if (on(7, 7)) festivals.push_back("七夕节");
    if (on(7, 15)) festivals.push_back("中元节");
    if (on(8, 15)) festivals.push_back("中秋节");
    // The Law on the Elderly makes 重阳 the 老年节 too, which matters most in this lobby.
    if (on(9, 9)) festivals.push_back("重阳节·老年节");
    if (on(12, 8)) festivals.push_back("腊八节");
    // The northern 小年 (this is a Shanxi station); the south keeps 腊月廿四.
    if (on(12, 23)) festivals.push_back("小年");
    // 除夕 is the last day of the year, 廿九 or 三十: the day before 正月初一.
    if (day->month == 12 && day->day >= 29) {
        const std::optional<LunarDay> next = lunarDay(addDays(date, 1));
        if (next && next->month == 1 && next->day == 1 && !next->leapMonth) festivals.push_back("除夕");
    }
    return info;
}

std::string LunarInfo::line() const
{
    std::string text = date;
    for (const std::string& festival : festivals) text += " · " + festival;
    // 清明 is its own festival already; say it once.
    if (!solarTerm.empty() && solarTerm != "清明") text += " · " + solarTerm;
    return text;
}

std::vector<std::string> lunarCalendarWords()
{
    std::vector<std::string> words = {"农历",   "闰",     "初",     "廿",     "春节",   "元宵节",
                                      "清明节", "端午节", "七夕节", "中元节", "中秋节", "重阳节·老年节",
                                      "腊八节", "小年",   "除夕",   " · "};
    for (const char* month : kMonthNames) words.emplace_back(month);
    for (int day = 1; day <= 30; ++day) words.push_back(lunarDayName(day));
    for (const char* term : solarTermNames()) words.emplace_back(term);
    return words;
}

} // namespace content

#include "content/lunar_calendar.h"

#include <lunar-date/lunar-date.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string_view>

namespace content {

namespace {

struct SolarTerm {
    const char* chinese;
    // As liblunar-date spells it in the C locale; its holiday text cuts some names short
    // ("Shuāngjià20261107"), so a prefix of this is what we match.
    const char* pinyin;
};

// In calendar order from 小寒 (early January).
constexpr std::array<SolarTerm, 24> kSolarTerms = {{
    {"小寒", "Xiǎohán"},   {"大寒", "Dàhán"},    {"立春", "Lìchūn"},  {"雨水", "Yǔshuǐ"},  {"惊蛰", "Jīngzhé"},
    {"春分", "Chūnfēn"},   {"清明", "Qīngmíng"}, {"谷雨", "Gǔyǔ"},    {"立夏", "Lìxià"},   {"小满", "Xiǎomǎn"},
    {"芒种", "Mángzhòng"}, {"夏至", "Xiàzhì"},   {"小暑", "Xiǎoshǔ"}, {"大暑", "Dàshǔ"},   {"立秋", "Lìqīu"},
    {"处暑", "Chùshǔ"},    {"白露", "Báilòu"},   {"秋分", "Qīufēn"},  {"寒露", "Hánlòu"},  {"霜降", "Shuāngjiàng"},
    {"立冬", "Lìdōng"},    {"小雪", "Xiǎoxuě"},  {"大雪", "Dàxuě"},   {"冬至", "Dōngzhì"},
}};

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

// The solar term the library names for this date, or "" on an ordinary day.
std::string solarTermOf(LunarDate* lunar)
{
    GString holiday(lunar_date_get_holiday(lunar, "/"));
    if (!holiday) return {};
    std::string_view text(holiday.get());
    text = text.substr(0, text.find('/'));
    // Cut the date digits the library glues onto long names.
    const size_t digit = text.find_first_of("0123456789");
    if (digit != std::string_view::npos) text = text.substr(0, digit);
    if (text.size() < 4) return {};
    for (const SolarTerm& term : kSolarTerms) {
        const std::string_view pinyin(term.pinyin);
        // A zh_CN locale would make the library write the Chinese name itself.
        if (text == term.chinese || pinyin.starts_with(text)) return term.chinese;
    }
    return {};
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
    info.solarTerm = solarTermOf(lunar.get());

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
    for (const SolarTerm& term : kSolarTerms) words.emplace_back(term.chinese);
    return words;
}

} // namespace content

#pragma once
// The Chinese lunar calendar for the station's date line: 农历四月十八, the solar term on its day
// and the traditional festivals. Lunar months and days come from liblunar-date (correct
// 1900–2100, unlike ICU 72's ChineseCalendar), solar terms from content/solar_term.h (the
// library's own term days are wrong on some days); the Chinese words are ours.
#include "content/date_time.h"

#include <optional>
#include <string>
#include <vector>

namespace content {

// A day of the lunar calendar.
struct LunarDay {
    int year = 0;           // the lunar year, numbered as the solar year it mostly overlaps
    int month = 1;          // 1 … 12
    int day = 1;            // 1 … 30
    bool leapMonth = false; // 闰月
    bool operator==(const LunarDay&) const = default;
};

// What the date line shows for one solar date.
struct LunarInfo {
    LunarDay day;
    std::string date;                   // 农历四月十八, 农历闰六月初一
    std::string solarTerm;              // 芒种 on its day, else ""
    std::vector<std::string> festivals; // 春节 … 除夕, traditional only; 重阳节·老年节
    // 农历四月十八 · 芒种 · 端午节: the date, then the festivals, then a term no festival repeats.
    std::string line() const;
};

// Nothing outside the library's range (solar 1901-02-19 … 2099-12-31 is certainly inside).
std::optional<LunarDay> lunarDay(Date date);
std::optional<LunarInfo> lunarInfo(Date date);

// 正月 二月 … 十月 冬月 腊月, with 闰 before a leap month.
std::string lunarMonthName(int month, bool leap);
// 初一 … 初十 十一 … 二十 廿一 … 廿九 三十.
std::string lunarDayName(int day);
// Every word lunarInfo can produce, for the font atlas.
std::vector<std::string> lunarCalendarWords();

} // namespace content

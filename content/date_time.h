#pragma once
// Calendar dates, times of day and weekly repeats as the station's sheets write them.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace content {

using Date = std::chrono::year_month_day;

// Minutes since local midnight, 0..1439.
using MinuteOfDay = int;

// Monday = 0 … Sunday = 6, the Chinese week order.
int weekdayIndex(Date date);
Date addDays(Date date, int days);
int daysBetween(Date from, Date to);
// Monday of the week that holds `date`.
Date weekStart(Date date);

// A local wall-clock moment at the station (no time zones: the kiosk lives in one place).
struct LocalDateTime {
    Date date{};
    MinuteOfDay minute = 0;
    auto operator<=>(const LocalDateTime&) const = default;
};

// A set of weekdays, bit i = weekdayIndex i.
struct WeeklyRepeat {
    uint8_t mask = 0;
    bool contains(int weekday) const { return (mask >> weekday) & 1; }
    auto operator<=>(const WeeklyRepeat&) const = default;
};
inline constexpr WeeklyRepeat kEveryDay{0x7f};
inline constexpr WeeklyRepeat kWorkdays{0x1f};
inline constexpr WeeklyRepeat kWeekend{0x60};

// Either one calendar date or a weekly repeat, as a 日期 cell allows.
struct DaySpec {
    std::optional<Date> date;
    WeeklyRepeat repeat;
    bool isRepeat() const { return !date.has_value(); }
    bool fallsOn(Date day) const;
    auto operator<=>(const DaySpec&) const = default;
};

// Parsers accept every form SPEC.md lists and return nothing on anything else.
// Dates: 2026-06-03, 2026/6/3, 2026年6月3日 (and Excel's 2026/06/03 0:00, 2026.6.3).
// Also a bare five-digit Excel date serial of 2000…2099 (46176 is 2026-06-03), which is what
// a date cell shows when Excel or WPS lost its date format.
// A weekday after the date, as Chinese Excel's long date writes it (2026年6月3日星期三, 2026/6/3
// 周三, 2026-06-03（周三）), is taken when it is the date's own weekday.
std::optional<Date> parseDate(std::string_view text);

// A date whose written weekday is not its own (2026年6月3日星期四): both, for the message.
struct WeekdayMismatch {
    Date date;
    int written = 0; // Monday = 0
};
std::optional<WeekdayMismatch> dateWeekdayMismatch(std::string_view text);
// Times: 9:00, 09:00, 09:00:00, 9：00 (full-width colon).
std::optional<MinuteOfDay> parseTime(std::string_view text);
// 每天, 工作日, 周末, 每周一…每周日, 周一, 星期一, 礼拜一; several joined by 、 or , also work.
std::optional<WeeklyRepeat> parseWeeklyRepeat(std::string_view text);
// A date or a weekly repeat.
std::optional<DaySpec> parseDaySpec(std::string_view text);
// 是/否, Y/N, 1/0, TRUE/FALSE (any case); blank is no.
std::optional<bool> parseYesNo(std::string_view text);
// "YYYY-MM-DDTHH:MM" as --now takes it.
std::optional<LocalDateTime> parseLocalDateTime(std::string_view text);

// Canonical text, which the parsers read back to the same value.
std::string formatDate(Date date);              // 2026-06-03
std::string formatTime(MinuteOfDay minute);     // 09:00
std::string formatWeeklyRepeat(WeeklyRepeat r); // 每天 / 工作日 / 周末 / 每周一、每周三
std::string formatDaySpec(const DaySpec& day);
std::string formatLocalDateTime(const LocalDateTime& t); // 2026-06-03T09:00

// Chinese for people: 星期三, 6月3日 星期三, 2026年6月3日.
std::string weekdayName(int weekday);         // 星期一
std::string weekdayShortName(int weekday);    // 周一
std::string formatDateChinese(Date date);     // 2026年6月3日
std::string formatMonthDayChinese(Date date); // 6月3日

// The local time now from the system clock.
LocalDateTime systemLocalNow();

} // namespace content

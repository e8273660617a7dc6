#include "content/date_time.h"

#include "content/sheet_text.h"

#include <array>
#include <ctime>

namespace content {

using namespace std::chrono;

namespace {

// A cell prepared for parsing: full-width forms made ASCII, surrounding spaces gone.
std::string normalized(std::string_view text)
{
    return std::string(trimCell(toHalfWidth(trimCell(text))));
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Reads 1..maxDigits ASCII digits at `pos`; nothing when there are none or too many.
std::optional<int> readNumber(std::string_view s, size_t& pos, size_t minDigits, size_t maxDigits)
{
    size_t end = pos;
    while (end < s.size() && isDigit(s[end])) ++end;
    const size_t count = end - pos;
    if (count < minDigits || count > maxDigits) return std::nullopt;
    int value = 0;
    for (size_t i = pos; i < end; ++i) value = value * 10 + (s[i] - '0');
    pos = end;
    return value;
}

bool consume(std::string_view s, size_t& pos, std::string_view word)
{
    if (s.substr(pos).starts_with(word)) {
        pos += word.size();
        return true;
    }
    return false;
}

// Day of the week from one character: 一…六, 日/天 (and 1…7), Monday = 0.
std::optional<int> weekdayFromChar(char32_t c)
{
    switch (c) {
    case U'一':
    case U'1':
        return 0;
    case U'二':
    case U'2':
        return 1;
    case U'三':
    case U'3':
        return 2;
    case U'四':
    case U'4':
        return 3;
    case U'五':
    case U'5':
        return 4;
    case U'六':
    case U'6':
        return 5;
    case U'日':
    case U'天':
    case U'7':
        return 6;
    default:
        return std::nullopt;
    }
}

bool consumeU(std::u32string_view s, size_t& pos, std::u32string_view word)
{
    if (s.substr(pos).starts_with(word)) {
        pos += word.size();
        return true;
    }
    return false;
}

bool consumeWeekPrefix(std::u32string_view s, size_t& pos)
{
    return consumeU(s, pos, U"周") || consumeU(s, pos, U"星期") || consumeU(s, pos, U"礼拜");
}

// Excel stores a date as days since 1899-12-30; a cell that lost its date format shows that
// number (46176 is 2026-06-03). Only five-digit serials of this century are taken as dates.
constexpr int kExcelSerialFirst = 36526; // 2000-01-01
constexpr int kExcelSerialLast = 73050;  // 2099-12-31

// The weekday Chinese Excel's long date writes after a date (2026年6月3日星期三, also 周三 and
// in brackets): Monday = 0; nothing when `rest` is not exactly one weekday.
std::optional<int> weekdaySuffix(std::string_view rest)
{
    const std::u32string text = toU32(trimCell(rest));
    std::u32string_view v = text;
    if (v.starts_with(U"(") && v.ends_with(U")")) v = v.substr(1, v.size() - 2);
    size_t pos = 0;
    if (!consumeWeekPrefix(v, pos) || pos + 1 != v.size()) return std::nullopt;
    return weekdayFromChar(v[pos]);
}

// A date and the weekday written after it, when there is one (see weekdaySuffix).
struct DateAndWeekday {
    Date date;
    std::optional<int> written;
};

std::optional<DateAndWeekday> parseDateAndWeekday(std::string_view s)
{
    size_t pos = 0;
    if (s.size() == 5 && readNumber(s, pos, 5, 5)) {
        pos = 0;
        const int serial = *readNumber(s, pos, 5, 5);
        if (serial < kExcelSerialFirst || serial > kExcelSerialLast) return std::nullopt;
        return DateAndWeekday{Date{sys_days{year{1899} / December / 30} + days{serial}}, std::nullopt};
    }
    pos = 0;
    const auto y = readNumber(s, pos, 4, 4);
    if (!y) return std::nullopt;
    std::string_view separator;
    std::string_view monthEnd;
    for (std::string_view candidate : {"-", "/", ".", "年"}) {
        if (consume(s, pos, candidate)) {
            separator = candidate;
            break;
        }
    }
    if (separator.empty()) return std::nullopt;
    monthEnd = separator == "年" ? std::string_view("月") : separator;
    const auto m = readNumber(s, pos, 1, 2);
    if (!m || !consume(s, pos, monthEnd)) return std::nullopt;
    const auto d = readNumber(s, pos, 1, 2);
    if (!d) return std::nullopt;
    if (separator == "年" && !consume(s, pos, "日")) consume(s, pos, "号");
    std::string_view rest = trimCell(s.substr(pos));
    const std::optional<int> written = rest.empty() ? std::nullopt : weekdaySuffix(rest);
    if (!rest.empty() && !written) {
        // Excel writes date cells as "2026/6/3 0:00" or "2026-06-03 00:00:00"; a real time of
        // day in a date cell would be lost, so only midnight is accepted.
        if (pos == s.size() || trimCell(s.substr(pos, 1)).size() != 0) return std::nullopt;
        const auto t = parseTime(rest);
        if (!t || *t != 0) return std::nullopt;
    }
    if (*y < 1900 || *y > 2200) return std::nullopt;
    const Date date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    if (!date.ok()) return std::nullopt;
    return DateAndWeekday{date, written};
}

std::optional<Date> parseDateNormalized(std::string_view s)
{
    const auto parsed = parseDateAndWeekday(s);
    // A weekday that is not the date's own leaves staff to say which of the two is right.
    if (!parsed || (parsed->written && *parsed->written != weekdayIndex(parsed->date))) return std::nullopt;
    return parsed->date;
}

// One list item: 每周一, 周一三五, 星期天, 周一至周五, or (after one of those) a bare 三 / 三至五.
std::optional<uint8_t> parseRepeatItem(std::u32string_view s, bool bareAllowed)
{
    if (s == U"每天" || s == U"每日" || s == U"天天") return kEveryDay.mask;
    if (s == U"工作日" || s == U"每个工作日") return kWorkdays.mask;
    if (s == U"周末" || s == U"每周末" || s == U"双休日") return kWeekend.mask;
    size_t pos = 0;
    const bool every = consumeU(s, pos, U"每");
    const bool prefixed = consumeWeekPrefix(s, pos);
    if (every && !prefixed) return std::nullopt;
    if (!prefixed && !bareAllowed) return std::nullopt;
    std::vector<int> days;
    while (pos < s.size()) {
        const auto d = weekdayFromChar(s[pos]);
        if (!d) break;
        days.push_back(*d);
        ++pos;
    }
    if (days.empty()) return std::nullopt;
    uint8_t mask = 0;
    if (pos < s.size()) {
        // A range: 周一至周五, 周一到五, 周一-周五, 周一~周五.
        if (days.size() != 1) return std::nullopt;
        if (!(consumeU(s, pos, U"至") || consumeU(s, pos, U"到") || consumeU(s, pos, U"-") || consumeU(s, pos, U"~") ||
              consumeU(s, pos, U"—") || consumeU(s, pos, U"～"))) {
            return std::nullopt;
        }
        // The range's end as written: 五, 周五, 星期五 or 每周五 (每周一至每周五).
        if (size_t endAt = pos; consumeU(s, endAt, U"每") && consumeWeekPrefix(s, endAt)) {
            pos = endAt;
        } else {
            consumeWeekPrefix(s, pos);
        }
        if (pos + 1 != s.size()) return std::nullopt;
        const auto last = weekdayFromChar(s[pos]);
        // A range that wraps past Sunday is more likely a typo than meant.
        if (!last || *last <= days[0]) return std::nullopt;
        for (int d = days[0]; d <= *last; ++d) mask |= static_cast<uint8_t>(1u << d);
        return mask;
    }
    for (int d : days) mask |= static_cast<uint8_t>(1u << d);
    return mask;
}

const std::array<const char*, 7> kWeekdayDigits = {"一", "二", "三", "四", "五", "六", "日"};

} // namespace

int weekdayIndex(Date date)
{
    return static_cast<int>(weekday{sys_days{date}}.iso_encoding()) - 1;
}

Date addDays(Date date, int count)
{
    return Date{sys_days{date} + days{count}};
}

int daysBetween(Date from, Date to)
{
    return static_cast<int>((sys_days{to} - sys_days{from}).count());
}

Date weekStart(Date date)
{
    return addDays(date, -weekdayIndex(date));
}

bool DaySpec::fallsOn(Date day) const
{
    if (date) return *date == day;
    return repeat.contains(weekdayIndex(day));
}

std::optional<Date> parseDate(std::string_view text)
{
    return parseDateNormalized(normalized(text));
}

std::optional<WeekdayMismatch> dateWeekdayMismatch(std::string_view text)
{
    const auto parsed = parseDateAndWeekday(normalized(text));
    if (!parsed || !parsed->written || *parsed->written == weekdayIndex(parsed->date)) return std::nullopt;
    return WeekdayMismatch{parsed->date, *parsed->written};
}

std::optional<MinuteOfDay> parseTime(std::string_view text)
{
    const std::string s = normalized(text);
    size_t pos = 0;
    // 上午/下午 as people say it; "9:00 PM" as an English Excel may write it.
    enum class Half { None, Am, Pm, Noon } half = Half::None;
    if (consume(s, pos, "下午") || consume(s, pos, "晚上") || consume(s, pos, "傍晚")) {
        half = Half::Pm;
    } else if (consume(s, pos, "中午")) {
        half = Half::Noon;
    } else if (consume(s, pos, "上午") || consume(s, pos, "早上") || consume(s, pos, "早晨") ||
               consume(s, pos, "凌晨")) {
        half = Half::Am;
    }
    while (pos < s.size() && s[pos] == ' ') ++pos;
    const auto h = readNumber(s, pos, 1, 2);
    if (!h) return std::nullopt;
    int hour = *h;
    int minute = 0;
    if (consume(s, pos, ":")) {
        const auto m = readNumber(s, pos, 2, 2);
        if (!m) return std::nullopt;
        minute = *m;
        // Seconds (Excel's 09:00:00) are allowed and dropped: the kiosk shows minutes.
        if (consume(s, pos, ":")) {
            const auto sec = readNumber(s, pos, 2, 2);
            if (!sec || *sec > 59) return std::nullopt;
        }
    } else if (consume(s, pos, "点") || consume(s, pos, "时")) {
        if (consume(s, pos, "半")) {
            minute = 30;
        } else if (const auto m = readNumber(s, pos, 1, 2)) {
            minute = *m;
            consume(s, pos, "分");
        }
    } else {
        return std::nullopt;
    }
    const std::string rest = asciiLower(trimCell(std::string_view(s).substr(pos)));
    if (!rest.empty()) {
        if (half != Half::None || hour == 0 || hour > 12) return std::nullopt;
        if (rest == "am") {
            half = Half::Am;
        } else if (rest == "pm") {
            half = Half::Pm;
        } else {
            return std::nullopt;
        }
    }
    if (half == Half::Am && hour == 12) hour = 0;
    if (half == Half::Pm && hour < 12) hour += 12;
    // 中午12点 is noon, 中午1点 is 13:00, 中午11点半 stays 11:30.
    if (half == Half::Noon && hour < 6) hour += 12;
    if (hour > 23 || minute > 59) return std::nullopt;
    return hour * 60 + minute;
}

std::optional<WeeklyRepeat> parseWeeklyRepeat(std::string_view text)
{
    const std::string s = normalized(text);
    const auto items = splitCellList(s, U"、,;/ ");
    if (items.empty()) return std::nullopt;
    uint8_t mask = 0;
    bool bareAllowed = false;
    for (const std::string& item : items) {
        const auto itemMask = parseRepeatItem(toU32(item), bareAllowed);
        if (!itemMask) return std::nullopt;
        mask |= *itemMask;
        // After 每周一 a bare 三 can only mean 周三; before it, 三 alone means nothing.
        bareAllowed = true;
    }
    if (mask == 0) return std::nullopt;
    return WeeklyRepeat{mask};
}

std::optional<DaySpec> parseDaySpec(std::string_view text)
{
    if (const auto date = parseDate(text)) return DaySpec{date, {}};
    if (const auto repeat = parseWeeklyRepeat(text)) return DaySpec{std::nullopt, *repeat};
    return std::nullopt;
}

std::optional<bool> parseYesNo(std::string_view text)
{
    const std::string s = asciiLower(normalized(text));
    if (s.empty()) return false;
    for (const char* yes : {"是", "y", "yes", "1", "true", "√", "✓", "✔"}) {
        if (s == yes) return true;
    }
    for (const char* no : {"否", "n", "no", "0", "false", "×", "✗", "✘"}) {
        if (s == no) return false;
    }
    return std::nullopt;
}

std::optional<LocalDateTime> parseLocalDateTime(std::string_view text)
{
    const std::string s = normalized(text);
    const size_t split = s.find_first_of("T ");
    if (split == std::string::npos) return std::nullopt;
    const std::string_view datePart = std::string_view(s).substr(0, split);
    const std::string_view timePart = std::string_view(s).substr(split + 1);
    // Strict digits only here: this is a command-line value, not a cell.
    for (char c : datePart) {
        if (!isDigit(c) && c != '-') return std::nullopt;
    }
    for (char c : timePart) {
        if (!isDigit(c) && c != ':') return std::nullopt;
    }
    const auto date = parseDate(datePart);
    const auto minute = parseTime(timePart);
    if (!date || !minute) return std::nullopt;
    return LocalDateTime{*date, *minute};
}

std::string formatDate(Date date)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

std::string formatTime(MinuteOfDay minute)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", (minute / 60) % 100, minute % 60);
    return buffer;
}

std::string formatWeeklyRepeat(WeeklyRepeat r)
{
    if (r == kEveryDay) return "每天";
    if (r == kWorkdays) return "工作日";
    if (r == kWeekend) return "周末";
    std::string out;
    for (int d = 0; d < 7; ++d) {
        if (!r.contains(d)) continue;
        if (!out.empty()) out += "、";
        out += "每周";
        out += kWeekdayDigits[d];
    }
    return out;
}

std::string formatDaySpec(const DaySpec& day)
{
    return day.date ? formatDate(*day.date) : formatWeeklyRepeat(day.repeat);
}

std::string formatLocalDateTime(const LocalDateTime& t)
{
    return formatDate(t.date) + "T" + formatTime(t.minute);
}

std::string weekdayName(int weekday)
{
    if (weekday < 0 || weekday > 6) return {};
    return std::string("星期") + kWeekdayDigits[weekday];
}

std::string weekdayShortName(int weekday)
{
    if (weekday < 0 || weekday > 6) return {};
    return std::string("周") + kWeekdayDigits[weekday];
}

std::string formatDateChinese(Date date)
{
    return std::to_string(static_cast<int>(date.year())) + "年" + formatMonthDayChinese(date);
}

std::string formatMonthDayChinese(Date date)
{
    return std::to_string(static_cast<unsigned>(date.month())) + "月" +
           std::to_string(static_cast<unsigned>(date.day())) + "日";
}

LocalDateTime systemLocalNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    const Date date{year{local.tm_year + 1900}, month{static_cast<unsigned>(local.tm_mon + 1)},
                    day{static_cast<unsigned>(local.tm_mday)}};
    return LocalDateTime{date, local.tm_hour * 60 + local.tm_min};
}

} // namespace content

#include "content/opening_hours.h"

#include "content/sheet_text.h"

#include <algorithm>
#include <string>

namespace content {

namespace {

constexpr int kDay = 24 * 60;
constexpr int kWeek = 7 * kDay;

std::string toUtf8(std::u32string_view text)
{
    std::string out;
    for (char32_t c : text) appendUtf8(out, c);
    return out;
}

bool isDigit(char32_t c)
{
    return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}

int digitValue(char32_t c)
{
    return c >= U'０' ? int(c - U'０') : int(c - U'0');
}

bool startsWith(std::u32string_view s, size_t pos, std::u32string_view word)
{
    return s.substr(pos).starts_with(word);
}

// A number of at most two digits at `pos`.
std::optional<int> number(std::u32string_view s, size_t& pos)
{
    size_t at = pos;
    int value = 0;
    while (at < s.size() && isDigit(s[at]) && at - pos < 2) value = value * 10 + digitValue(s[at++]);
    if (at == pos || (at < s.size() && isDigit(s[at]))) return std::nullopt;
    pos = at;
    return value;
}

// 上午 / 下午 / 晚上 … before a time: whether the hour counts from noon.
enum class Half { None, Morning, Afternoon };

Half halfOfDay(std::u32string_view s, size_t& pos)
{
    for (std::u32string_view word : {U"上午", U"早上", U"早晨", U"凌晨"}) {
        if (startsWith(s, pos, word)) {
            pos += word.size();
            return Half::Morning;
        }
    }
    for (std::u32string_view word : {U"下午", U"晚上", U"傍晚", U"中午"}) {
        if (startsWith(s, pos, word)) {
            pos += word.size();
            return Half::Afternoon;
        }
    }
    return Half::None;
}

// One time of day: 8:00, 08:30, 8：30, 8点, 8点半, 8点30, 8点30分, 8时, with 上午/下午 before it.
// `half` carries over from the start of a range to its end (下午2点-5点 ends at 17:00).
std::optional<MinuteOfDay> timeAt(std::u32string_view s, size_t& pos, Half& half)
{
    size_t at = pos;
    if (const Half h = halfOfDay(s, at); h != Half::None) half = h;
    const std::optional<int> hour = number(s, at);
    if (!hour) return std::nullopt;
    int minute = 0;
    if (at < s.size() && (s[at] == U':' || s[at] == U'：')) {
        ++at;
        const size_t before = at;
        const std::optional<int> m = number(s, at);
        if (!m || at - before != 2) return std::nullopt;
        minute = *m;
    } else if (at < s.size() && (s[at] == U'点' || s[at] == U'时')) {
        ++at;
        if (at < s.size() && s[at] == U'半') {
            ++at;
            minute = 30;
        } else if (const std::optional<int> m = number(s, at)) {
            minute = *m;
            if (at < s.size() && s[at] == U'分') ++at;
        }
    } else {
        return std::nullopt;
    }
    int h = *hour;
    if (half == Half::Afternoon && h < 12) h += 12;
    if (h > 24 || minute > 59 || (h == 24 && minute != 0)) return std::nullopt;
    pos = at;
    return h * 60 + minute;
}

bool rangeDash(std::u32string_view s, size_t& pos)
{
    while (pos < s.size() && s[pos] == U' ') ++pos;
    for (std::u32string_view dash : {U"-", U"—", U"–", U"－", U"~", U"～", U"至", U"到"}) {
        if (startsWith(s, pos, dash)) {
            pos += dash.size();
            // "—" is often typed twice (——).
            while (pos < s.size() && (s[pos] == U'—' || s[pos] == U' ')) ++pos;
            return true;
        }
    }
    return false;
}

// The days written in the text between two time ranges: 每天, 周一至周五, 工作日, 周六、周日 …
std::optional<WeeklyRepeat> daysIn(std::u32string_view text)
{
    std::u32string cleaned;
    for (char32_t c : text) {
        // Separators and the words around days: 开放, 营业, 时间, 全年, 照常 …
        if (c == U' ' || c == U'\t' || c == U'：' || c == U':' || c == U'（' || c == U'）' || c == U'(' || c == U')' ||
            c == U'；' || c == U';' || c == U'，' || c == U'。')
            continue;
        cleaned += c;
    }
    for (std::u32string_view noise : {U"开放时间", U"开放", U"营业", U"时间", U"全年", U"照常"}) {
        for (size_t at; (at = cleaned.find(noise)) != std::u32string::npos;) cleaned.erase(at, noise.size());
    }
    if (cleaned.empty()) return std::nullopt;
    // Longest run that reads as days: words after them (e.g. "周末休息") are not days.
    for (size_t length = cleaned.size(); length > 0; --length) {
        for (size_t start = 0; start + length <= cleaned.size(); ++start) {
            if (std::optional<WeeklyRepeat> days = parseWeeklyRepeat(toUtf8(cleaned.substr(start, length))))
                return days;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<OpeningHours> parseOpeningHours(std::string_view text)
{
    const std::u32string s = toU32(text);
    OpeningHours hours;
    if (s.find(U"全天") != std::u32string::npos || s.find(U"24小时") != std::u32string::npos) {
        hours.spans.push_back({});
        return hours;
    }
    WeeklyRepeat days = kEveryDay;
    size_t textStart = 0; // where the words before the next range begin
    for (size_t pos = 0; pos < s.size();) {
        size_t at = pos;
        Half half = Half::None;
        const std::optional<MinuteOfDay> open = timeAt(s, at, half);
        std::optional<MinuteOfDay> close;
        if (open && rangeDash(s, at)) {
            // "8:00-17:30": a close without 下午 is taken as written; "下午2点-5点" carries it on.
            close = timeAt(s, at, half);
        }
        if (!open || !close) {
            ++pos;
            continue;
        }
        if (std::optional<WeeklyRepeat> written = daysIn(s.substr(textStart, pos - textStart))) days = *written;
        // "8:00-5:30" means the afternoon: a station does not open for 21 hours.
        MinuteOfDay end = *close;
        if (end <= *open && end < 12 * 60 && end + 12 * 60 > *open) end += 12 * 60;
        if (end != *open) hours.spans.push_back({days, *open, end % (kDay + 1)});
        pos = at;
        textStart = at;
    }
    if (hours.spans.empty()) return std::nullopt;
    return hours;
}

HoursState hoursStateAt(const OpeningHours& hours, int weekday, MinuteOfDay minute, int margin)
{
    const int t = weekday * kDay + minute;
    int nearest = kWeek;
    for (const OpeningSpan& span : hours.spans) {
        const int length = span.close > span.open ? span.close - span.open : span.close + kDay - span.open;
        for (int day = 0; day < 7; ++day) {
            if (!span.days.contains(day)) continue;
            const int start = day * kDay + span.open;
            // Minutes from the span's start to t, going forward round the week.
            const int since = ((t - start) % kWeek + kWeek) % kWeek;
            if (since < length) return HoursState::Open;
            const int afterClose = since - length + 1; // t is this many minutes after closing
            const int beforeOpen = kWeek - since;      // and this many before the next opening
            nearest = std::min({nearest, afterClose, beforeOpen});
        }
    }
    return nearest <= margin ? HoursState::Closed : HoursState::Off;
}

bool inDailyWindow(MinuteOfDay start, MinuteOfDay end, MinuteOfDay minute)
{
    if (start == end) return false;
    if (start < end) return minute >= start && minute < end;
    return minute >= start || minute < end; // wraps midnight
}

std::optional<DailyWindow> parseDailyWindow(std::string_view text)
{
    const size_t dash = text.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const std::optional<MinuteOfDay> start = parseTime(text.substr(0, dash));
    const std::optional<MinuteOfDay> end = parseTime(text.substr(dash + 1));
    if (!start || !end || *start == *end) return std::nullopt;
    return DailyWindow{*start, *end};
}

} // namespace content

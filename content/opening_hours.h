#pragma once
// The station's opening hours as staff write them in station.csv (开放时间), and what the lobby
// screen does at a given moment: normal inside the hours, the night clock near them, off
// (black, backlight off) further out. Pure, so the idle policy and tests share it.
#include "content/date_time.h"

#include <optional>
#include <string_view>
#include <vector>

namespace content {

// Open from `open` to `close` on each of `days`; close <= open runs past midnight.
struct OpeningSpan {
    WeeklyRepeat days = kEveryDay;
    MinuteOfDay open = 0;
    MinuteOfDay close = 24 * 60;
    auto operator<=>(const OpeningSpan&) const = default;
};

struct OpeningHours {
    std::vector<OpeningSpan> spans;
};

// Reads the forms people write: "8:00-17:30", "每天 8:00—17:30，中午不关门", "周一至周五
// 8:00-17:00，周六 9:00-12:00", "工作日 8:30~11:30 14:00~17:30", "上午8点-11点半 下午2点-5点",
// "全天开放" / "24小时". Days before a time range apply to it and the ranges after it, until the
// next days; no days means every day. Words around them (中午不关门, 节假日休息) are ignored.
// Nothing when no time range can be read: the screen then never goes off by the hours.
std::optional<OpeningHours> parseOpeningHours(std::string_view text);

enum class HoursState {
    Open,   // inside the opening hours
    Closed, // outside, but within the margin before opening or after closing: the night clock
    Off,    // further from the hours: the screen goes black
};

// Minutes before opening and after closing that keep the night clock instead of going off.
inline constexpr int kNightClockMargin = 60;

// The state at `minute` of the day with weekday index `weekday` (Monday 0), measured over the
// whole week, so a span late on Sunday counts for early Monday.
HoursState hoursStateAt(const OpeningHours& hours, int weekday, MinuteOfDay minute, int margin = kNightClockMargin);

// Inside the window [start, end), which may wrap midnight; start == end is an empty window.
bool inDailyWindow(MinuteOfDay start, MinuteOfDay end, MinuteOfDay minute);

// "HH:MM-HH:MM" as --night and --screen-off take it.
struct DailyWindow {
    MinuteOfDay start = 0;
    MinuteOfDay end = 0;
};
std::optional<DailyWindow> parseDailyWindow(std::string_view text);

} // namespace content

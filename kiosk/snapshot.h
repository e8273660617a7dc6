#pragma once
// Derived views of one content snapshot at one station minute: computed when content changes
// or the minute ticks, never per frame. Screens read only this.
#include "content/model.h"
#include "content/schedule.h"
#include "kiosk/fonts.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct SlideItem {
    std::string lead; // 09:30 / 午餐 / 明天 — drawn in the accent colour
    std::string text;
};

// One slide of the carousel, read from across the lobby: at most ~20 characters a line
// (kSlideLineChars) and a few lines (kSlideLines), shown as long as it takes to read.
struct AttractSlide {
    std::string title;
    std::vector<SlideItem> items;
    bool urgent = false;
    double seconds = 10; // how long it stays: 8 s, and longer for more words (≤ 25 s)
};
inline constexpr int kSlideLineChars = 20;
// Three lines: what 1080 px holds at the attract size under the clock, with the slide's title
// and the 轻触屏幕 hint.
inline constexpr int kSlideLines = 3;
// Lines an item takes at kSlideLineChars a line, its lead beside it (drawn on a line of its
// own when long), and a slide's lines in all.
int slideItemLines(const SlideItem& item);
int slideLines(const AttractSlide& slide);
// Seconds to read `chars` characters from a distance (about 3 a second, after 4 s to look).
double slideSeconds(int chars);
// Code points in a UTF-8 text.
int charCount(std::string_view text);
// Pieces of at most `maxChars` characters and of about the same length (no short leftover),
// broken after a sentence (。！？；\n) where one fits, else between characters; never empty.
std::vector<std::string> splitForSlides(std::string_view text, int maxChars);

struct Snapshot {
    // Keeps the content alive: the schedule views point into it.
    std::shared_ptr<const content::Content> content;
    content::LocalDateTime at;
    // Different for every snapshot made in this process (an address may be reused): what
    // screens key their cached layouts on.
    uint64_t serial = 0;
    std::string dateText;    // 2026年6月3日
    std::string weekdayText; // 星期三
    std::string lunarText;   // 农历四月十八 · 芒种 (content/lunar_calendar.h); "" outside 1901–2099

    std::vector<content::ActivityOccurrence> today;
    int highlight = -1; // index into today: on now, else next; -1 when neither
    std::vector<content::DayActivities> week;
    // What home shows: the activity on now, else the next (tomorrow's too); the meal served
    // now, else the next one (tomorrow's breakfast in the evening).
    std::optional<content::ActivityNowOrNext> activityNow;
    std::optional<content::MealNowOrNext> mealNow;
    content::DayMeals todayMeals;
    std::vector<content::DayMeals> weekMeals;
    std::vector<content::UpcomingLecture> lectures;
    std::vector<const content::Notice*> notices; // active, pinned first
    std::vector<const content::Notice*> urgent;  // active and 紧急
    std::vector<const content::GuideEntry*> guide;
    std::vector<content::ContactGroup> contacts;
    // The carousel, most useful first: urgent notices, what is on now and next, the meals still
    // to come, the next lecture, one whole anti-fraud tip, the hotlines, then other notices.
    std::vector<AttractSlide> slides;

    const content::Meal* mealOfKind(const content::DayMeals& day, content::MealKind kind) const;
};

std::shared_ptr<const Snapshot> makeSnapshot(std::shared_ptr<const content::Content> content,
                                             const content::LocalDateTime& now);

// The glyphs the fonts must bake for this snapshot (content + UI; slides for the display size).
GlyphPlan glyphPlan(const Snapshot& snapshot);
// The same plus `overlay`, what the update panel may draw over any screen, at both sizes: the
// panel also opens over the carousel, whose profile draws everything in the display font.
GlyphPlan glyphPlan(const Snapshot& snapshot, const std::set<char32_t>& overlay);

// 09:30—11:00 or 09:30
std::string timeRange(content::MinuteOfDay start, std::optional<content::MinuteOfDay> end);
// 小米粥、煮鸡蛋、花卷
std::string joinDishes(const std::vector<std::string>& dishes);
// 12元, 12.5元; 免费 for 0
std::string mealPrice(int cents);

} // namespace kiosk

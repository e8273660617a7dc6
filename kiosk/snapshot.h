#pragma once
// Derived views of one content snapshot at one station minute: computed when content changes
// or the minute ticks, never per frame. Screens read only this.
#include "content/model.h"
#include "content/schedule.h"
#include "kiosk/fonts.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct SlideItem {
    std::string lead; // 09:30 / 午餐 / 明天 — drawn in the accent colour
    std::string text;
};

struct AttractSlide {
    std::string title;
    std::vector<SlideItem> items;
    bool urgent = false;
};

struct Snapshot {
    // Keeps the content alive: the schedule views point into it.
    std::shared_ptr<const content::Content> content;
    content::LocalDateTime at;
    // Different for every snapshot made in this process (an address may be reused): what
    // screens key their cached layouts on.
    uint64_t serial = 0;
    std::string dateText;    // 2026年6月3日
    std::string weekdayText; // 星期三

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
    std::vector<AttractSlide> slides; // urgent first

    const content::Meal* mealOfKind(const content::DayMeals& day, content::MealKind kind) const;
};

std::shared_ptr<const Snapshot> makeSnapshot(std::shared_ptr<const content::Content> content,
                                             const content::LocalDateTime& now);

// The glyphs the fonts must bake for this snapshot (content + UI; slides for the display size).
GlyphPlan glyphPlan(const Snapshot& snapshot);

// 09:30—11:00 or 09:30
std::string timeRange(content::MinuteOfDay start, std::optional<content::MinuteOfDay> end);
// 小米粥、煮鸡蛋、花卷
std::string joinDishes(const std::vector<std::string>& dishes);

} // namespace kiosk

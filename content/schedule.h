#pragma once
// "What is on": the day and week views the screens draw, computed from a content snapshot and
// the station's local time. Pointers refer into the Content passed in.
#include "content/model.h"

#include <optional>
#include <string>
#include <vector>

namespace content {

struct ActivityOccurrence {
    const Activity* activity = nullptr;
    Date date{};
    bool ongoing = false; // on now
    bool next = false;    // the first one still to start today
    bool over = false;    // ended earlier today
};

// Activities on one day (dated rows and weekly repeats), by start time then title.
// `now` marks ongoing/next/over when it falls on that day.
std::vector<ActivityOccurrence> activitiesOn(const Content& content, Date day, const LocalDateTime& now);

struct DayActivities {
    Date date{};
    std::vector<ActivityOccurrence> items;
};
// Monday to Sunday of the week holding now.date.
std::vector<DayActivities> activitiesOfWeek(const Content& content, const LocalDateTime& now);

struct DayMeals {
    Date date{};
    // Ordered 早餐, 午餐, 晚餐, 加餐. A dated row for a meal replaces repeat rows of that meal.
    std::vector<const Meal*> meals;
};
DayMeals mealsOn(const Content& content, Date day);
std::vector<DayMeals> mealsOfWeek(const Content& content, Date anyDayOfWeek);

// When each meal is served: the sheets give no hours, so these are the station's usual ones
// (早餐 06:30–09:00, 午餐 11:00–13:30, 加餐 15:00–16:00, 晚餐 17:00–19:00).
struct MealHours {
    MinuteOfDay start = 0;
    MinuteOfDay end = 0;
};
MealHours mealHours(MealKind kind);
// The meal of `day` is over at `now` (its serving hours ended; any meal of an earlier day).
bool mealOver(MealKind kind, Date day, const LocalDateTime& now);

struct MealNowOrNext {
    const Meal* meal = nullptr;
    Date date{};
    bool serving = false; // being served now
    int daysAhead = 0;    // 0 today, 1 tomorrow …
};
// The meal being served now, else the next one still to come: later today, else the first
// meal of the next day that has one (tomorrow's breakfast in the evening), up to a week ahead.
std::optional<MealNowOrNext> mealNowOrNext(const Content& content, const LocalDateTime& now);

struct ActivityNowOrNext {
    ActivityOccurrence occurrence;
    int daysAhead = 0; // 0 today, 1 tomorrow …
};
// The activity on now (the earliest started), else the next one to start: later today, else
// the first of the next day that has any, up to a week ahead.
std::optional<ActivityNowOrNext> activityNowOrNext(const Content& content, const LocalDateTime& now);

struct UpcomingLecture {
    const Lecture* lecture = nullptr;
    int daysUntil = 0; // 0 today
    bool ongoing = false;
};
// Lectures and clinics not yet over (end, or start + 2 h without end), soonest first.
std::vector<UpcomingLecture> upcomingLectures(const Content& content, const LocalDateTime& now);
// 今天 / 明天 / 后天 / 还有3天
std::string countdownText(int daysUntil);

// Notices whose date window holds `today`: pinned first, then urgent, then sheet order.
std::vector<const Notice*> activeNotices(const Content& content, Date today);

std::vector<const GuideEntry*> guideInOrder(const Content& content);

struct ContactGroup {
    std::string category; // 紧急 first, then 社区, 医疗, 服务, then others in sheet order
    std::vector<const Contact*> contacts;
};
std::vector<ContactGroup> contactsByCategory(const Content& content);

} // namespace content

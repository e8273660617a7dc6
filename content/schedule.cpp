#include "content/schedule.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <string_view>

namespace content {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
// An activity written without 结束 is shown as lasting one hour.
constexpr int kDefaultActivityMinutes = 60;
// A lecture or clinic without 结束 stays on the list for two hours after it starts.
constexpr int kDefaultLectureMinutes = 120;

// The minute an event ends; an end at or before the start (a typo, or past midnight) is ignored.
int effectiveEnd(MinuteOfDay start, const std::optional<MinuteOfDay>& end, int defaultLength)
{
    if (end && *end > start) return *end;
    return start + defaultLength;
}

// Minutes from `origin` midnight to `minute` on `date`, so moments on different days compare.
long long absoluteMinute(Date origin, Date date, int minute)
{
    return static_cast<long long>(daysBetween(origin, date)) * kMinutesPerDay + minute;
}

std::vector<Date> weekOf(Date anyDay)
{
    std::vector<Date> days;
    const Date monday = weekStart(anyDay);
    for (int i = 0; i < 7; ++i) days.push_back(addDays(monday, i));
    return days;
}

bool isBlank(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

} // namespace

std::vector<ActivityOccurrence> activitiesOn(const Content& content, Date day, const LocalDateTime& now)
{
    std::vector<ActivityOccurrence> items;
    for (const Activity& activity : content.activities) {
        if (activity.day.fallsOn(day)) items.push_back(ActivityOccurrence{&activity, day});
    }
    // Stable, so two rows with the same start and title keep sheet order.
    std::stable_sort(items.begin(), items.end(), [](const ActivityOccurrence& a, const ActivityOccurrence& b) {
        if (a.activity->start != b.activity->start) return a.activity->start < b.activity->start;
        return a.activity->title < b.activity->title;
    });

    if (now.date != day) return items;
    bool nextMarked = false;
    for (ActivityOccurrence& item : items) {
        const int start = item.activity->start;
        const int end = effectiveEnd(start, item.activity->end, kDefaultActivityMinutes);
        item.ongoing = start <= now.minute && now.minute < end;
        item.over = end <= now.minute;
        if (!nextMarked && start > now.minute) {
            item.next = true;
            nextMarked = true;
        }
    }
    return items;
}

MealHours mealHours(MealKind kind)
{
    switch (kind) {
    case MealKind::Breakfast:
        return {6 * 60 + 30, 9 * 60};
    case MealKind::Lunch:
        return {11 * 60, 13 * 60 + 30};
    case MealKind::Snack:
        return {15 * 60, 16 * 60};
    case MealKind::Dinner:
        break;
    }
    return {17 * 60, 19 * 60};
}

bool mealOver(MealKind kind, Date day, const LocalDateTime& now)
{
    if (day != now.date) return day < now.date;
    return mealHours(kind).end <= now.minute;
}

std::optional<MealNowOrNext> mealNowOrNext(const Content& content, const LocalDateTime& now)
{
    for (int ahead = 0; ahead <= 7; ++ahead) {
        const Date day = addDays(now.date, ahead);
        DayMeals meals = mealsOn(content, day);
        // Served in the order of their hours (加餐 between lunch and dinner).
        std::stable_sort(meals.meals.begin(), meals.meals.end(), [](const Meal* a, const Meal* b) {
            return mealHours(a->kind).start < mealHours(b->kind).start;
        });
        for (const Meal* meal : meals.meals) {
            const MealHours hours = mealHours(meal->kind);
            if (ahead == 0 && hours.end <= now.minute) continue;
            const bool serving = ahead == 0 && hours.start <= now.minute;
            return MealNowOrNext{meal, day, serving, ahead};
        }
    }
    return std::nullopt;
}

std::optional<ActivityNowOrNext> activityNowOrNext(const Content& content, const LocalDateTime& now)
{
    const auto today = activitiesOn(content, now.date, now);
    for (const auto& o : today)
        if (o.ongoing) return ActivityNowOrNext{o, 0};
    for (const auto& o : today)
        if (o.next) return ActivityNowOrNext{o, 0};
    for (int ahead = 1; ahead <= 7; ++ahead) {
        const auto items = activitiesOn(content, addDays(now.date, ahead), now);
        if (!items.empty()) return ActivityNowOrNext{items.front(), ahead};
    }
    return std::nullopt;
}

std::vector<DayActivities> activitiesOfWeek(const Content& content, const LocalDateTime& now)
{
    std::vector<DayActivities> week;
    for (Date day : weekOf(now.date)) week.push_back(DayActivities{day, activitiesOn(content, day, now)});
    return week;
}

DayMeals mealsOn(const Content& content, Date day)
{
    static constexpr std::array<MealKind, 4> kOrder = {MealKind::Breakfast, MealKind::Lunch, MealKind::Dinner,
                                                       MealKind::Snack};
    DayMeals result{day, {}};
    for (MealKind kind : kOrder) {
        std::vector<const Meal*> dated;
        std::vector<const Meal*> repeats;
        for (const Meal& meal : content.meals) {
            if (meal.kind != kind || !meal.day.fallsOn(day)) continue;
            (meal.day.isRepeat() ? repeats : dated).push_back(&meal);
        }
        const std::vector<const Meal*>& chosen = dated.empty() ? repeats : dated;
        result.meals.insert(result.meals.end(), chosen.begin(), chosen.end());
    }
    return result;
}

std::vector<DayMeals> mealsOfWeek(const Content& content, Date anyDayOfWeek)
{
    std::vector<DayMeals> week;
    for (Date day : weekOf(anyDayOfWeek)) week.push_back(mealsOn(content, day));
    return week;
}

std::vector<UpcomingLecture> upcomingLectures(const Content& content, const LocalDateTime& now)
{
    struct Candidate {
        UpcomingLecture item;
        long long startsAt = 0;
    };
    std::vector<Candidate> candidates;
    const long long nowAt = absoluteMinute(now.date, now.date, now.minute);
    for (const Lecture& lecture : content.lectures) {
        const long long startsAt = absoluteMinute(now.date, lecture.date, lecture.start);
        const long long endsAt =
            absoluteMinute(now.date, lecture.date, effectiveEnd(lecture.start, lecture.end, kDefaultLectureMinutes));
        if (endsAt <= nowAt) continue;
        UpcomingLecture item{&lecture, daysBetween(now.date, lecture.date), startsAt <= nowAt};
        candidates.push_back(Candidate{item, startsAt});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.startsAt < b.startsAt; });
    std::vector<UpcomingLecture> result;
    result.reserve(candidates.size());
    for (const Candidate& candidate : candidates) result.push_back(candidate.item);
    return result;
}

std::string countdownText(int daysUntil)
{
    switch (daysUntil) {
    case 0:
        return "今天";
    case 1:
        return "明天";
    case 2:
        return "后天";
    default:
        break;
    }
    if (daysUntil < 0) return std::to_string(-daysUntil) + "天前";
    return "还有" + std::to_string(daysUntil) + "天";
}

std::vector<const Notice*> activeNotices(const Content& content, Date today)
{
    std::vector<const Notice*> result;
    for (const Notice& notice : content.notices) {
        if (notice.from && today < *notice.from) continue;
        if (notice.to && *notice.to < today) continue;
        result.push_back(&notice);
    }
    auto rank = [](const Notice* notice) { return notice->pinned ? 0 : notice->urgent ? 1 : 2; };
    std::stable_sort(result.begin(), result.end(), [&](const Notice* a, const Notice* b) { return rank(a) < rank(b); });
    return result;
}

std::vector<const GuideEntry*> guideInOrder(const Content& content)
{
    std::vector<const GuideEntry*> result;
    for (const GuideEntry& entry : content.guide) result.push_back(&entry);
    std::stable_sort(result.begin(), result.end(),
                     [](const GuideEntry* a, const GuideEntry* b) { return a->order < b->order; });
    return result;
}

std::vector<ContactGroup> contactsByCategory(const Content& content)
{
    // The fixed groups come first even when the sheet lists them later; a group shows only if used.
    static constexpr std::array<std::string_view, 4> kFixedOrder = {"紧急", "社区", "医疗", "服务"};
    std::vector<ContactGroup> groups;
    for (std::string_view category : kFixedOrder) groups.push_back(ContactGroup{std::string(category), {}});

    for (const Contact& contact : content.contacts) {
        const std::string category = isBlank(contact.category) ? std::string("其他") : contact.category;
        auto group =
            std::find_if(groups.begin(), groups.end(), [&](const ContactGroup& g) { return g.category == category; });
        if (group == groups.end()) {
            groups.push_back(ContactGroup{category, {}});
            group = std::prev(groups.end());
        }
        group->contacts.push_back(&contact);
    }
    std::erase_if(groups, [](const ContactGroup& g) { return g.contacts.empty(); });
    return groups;
}

} // namespace content

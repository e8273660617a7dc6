#include "content/schedule.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace content;

namespace {

Date ymd(int y, int m, int d)
{
    return std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} /
           std::chrono::day{static_cast<unsigned>(d)};
}

MinuteOfDay hm(int h, int m)
{
    return h * 60 + m;
}

LocalDateTime at(Date date, int h, int m)
{
    return LocalDateTime{date, hm(h, m)};
}

DaySpec on(Date date)
{
    return DaySpec{date, {}};
}

DaySpec every(WeeklyRepeat repeat)
{
    return DaySpec{std::nullopt, repeat};
}

// Monday = 0 … Sunday = 6.
WeeklyRepeat weekly(int weekday)
{
    return WeeklyRepeat{static_cast<uint8_t>(1u << weekday)};
}

// What an activity's and a lecture's rows share: a start, maybe an end, a title.
template <typename Row>
Row timed(MinuteOfDay start, std::optional<MinuteOfDay> end, std::string title)
{
    Row row;
    row.start = start;
    row.end = end;
    row.title = std::move(title);
    return row;
}

Activity activity(DaySpec day, MinuteOfDay start, std::optional<MinuteOfDay> end, std::string title)
{
    Activity a = timed<Activity>(start, end, std::move(title));
    a.day = day;
    return a;
}

const std::string& titleOf(const ActivityOccurrence& item)
{
    return item.activity->title;
}
const std::string& titleOf(const UpcomingLecture& item)
{
    return item.lecture->title;
}
const std::string& titleOf(const Notice* notice)
{
    return notice->title;
}

// The titles of activities, lectures or notices as a screen lists them, in that order.
template <typename Item>
std::vector<std::string> titles(const std::vector<Item>& items)
{
    std::vector<std::string> out;
    for (const Item& item : items) out.push_back(titleOf(item));
    return out;
}

const ActivityOccurrence& find(const std::vector<ActivityOccurrence>& items, const std::string& title)
{
    for (const auto& item : items)
        if (item.activity->title == title) return item;
    FAIL("no activity " << title);
    throw 0;
}

// What activitiesOn marks an activity as at a moment: on now, the first still to start today,
// ended earlier today, or none of these (later today, or another day).
enum class Mark { Ongoing, Next, Over, None };

// Each named activity in `items` carries its mark: that one flag set, the other two not.
void checkMarks(const std::vector<ActivityOccurrence>& items, std::initializer_list<std::pair<std::string, Mark>> marks)
{
    for (const auto& [title, mark] : marks) {
        INFO(title);
        const ActivityOccurrence& item = find(items, title);
        CHECK(item.ongoing == (mark == Mark::Ongoing));
        CHECK(item.next == (mark == Mark::Next));
        CHECK(item.over == (mark == Mark::Over));
    }
}

Meal meal(DaySpec day, MealKind kind, std::string dish)
{
    Meal m;
    m.day = day;
    m.kind = kind;
    m.dishes = {std::move(dish)};
    return m;
}

std::vector<std::string> dishes(const DayMeals& day)
{
    std::vector<std::string> out;
    for (const Meal* m : day.meals) out.push_back(m->dishes.front());
    return out;
}

Lecture lecture(Date date, MinuteOfDay start, std::optional<MinuteOfDay> end, std::string title)
{
    Lecture l = timed<Lecture>(start, end, std::move(title));
    l.date = date;
    return l;
}

// At `lastMinute` the lecture `title` is listed first and on now; at `end` it is gone and `after`
// is first.
void checkLectureEnds(const Content& c, const LocalDateTime& lastMinute, const LocalDateTime& end,
                      const std::string& title, const std::string& after)
{
    auto list = upcomingLectures(c, lastMinute);
    REQUIRE(titles(list).front() == title);
    CHECK(list.front().ongoing);
    list = upcomingLectures(c, end);
    CHECK(titles(list).front() == after);
}

Notice notice(std::string title, std::optional<Date> from, std::optional<Date> to, bool pinned = false,
              bool urgent = false)
{
    return Notice{.title = std::move(title), .body = {}, .from = from, .to = to, .pinned = pinned, .urgent = urgent};
}

// What mealNowOrNext or activityNowOrNext finds at h:m on kWed: the meal's first dish or the
// activity's title, whether it is on now (served, ongoing), and how many days ahead it is.
struct NowOrNext {
    int h, m;
    const char* title;
    bool now;
    int ahead;
};

} // namespace

// 2026-06-03 is a Wednesday; 2026-06-07 a Sunday; 2026-06-08 a Monday.
const Date kWed = ymd(2026, 6, 3);
const Date kThu = ymd(2026, 6, 4);
const Date kSun = ymd(2026, 6, 7);
const Date kMon = ymd(2026, 6, 8);

TEST_CASE("activitiesOn: dated rows and weekly repeats, by start then title", "[schedule]")
{
    Content c;
    c.activities = {
        activity(every(kEveryDay), hm(14, 30), hm(16, 30), "棋牌"),
        activity(on(kWed), hm(10, 0), hm(11, 0), "防骗小课堂"),
        activity(on(kThu), hm(10, 0), hm(11, 0), "别的日子"),
        activity(every(kWorkdays), hm(8, 30), hm(9, 0), "健康操"),
        activity(every(kWeekend), hm(9, 30), hm(11, 0), "晋剧欣赏"),
        activity(every(weekly(2)), hm(9, 30), hm(11, 0), "书法班"),
        activity(every(weekly(2)), hm(9, 30), hm(11, 0), "义务理发"),
        activity(every(weekly(0)), hm(15, 0), hm(16, 0), "智能手机课"),
    };
    const auto wed = activitiesOn(c, kWed, at(kWed, 7, 0));
    // Same start: ordered by title (byte order of UTF-8), so the order is stable across runs.
    const bool shuFirst = std::string("书法班") < std::string("义务理发");
    CHECK(titles(wed) == std::vector<std::string>{"健康操", shuFirst ? "书法班" : "义务理发",
                                                  shuFirst ? "义务理发" : "书法班", "防骗小课堂", "棋牌"});
    for (const auto& item : wed) CHECK(item.date == kWed);

    CHECK(titles(activitiesOn(c, kSun, at(kWed, 7, 0))) == std::vector<std::string>{"晋剧欣赏", "棋牌"});
    CHECK(titles(activitiesOn(c, kMon, at(kWed, 7, 0))) == std::vector<std::string>{"健康操", "棋牌", "智能手机课"});
}

TEST_CASE("activitiesOn: every kind of weekly repeat", "[schedule]")
{
    Content c;
    c.activities = {
        activity(every(kEveryDay), hm(8, 0), {}, "每天"),
        activity(every(kWorkdays), hm(9, 0), {}, "工作日"),
        activity(every(kWeekend), hm(10, 0), {}, "周末"),
    };
    for (int i = 0; i < 7; ++i)
        c.activities.push_back(activity(every(weekly(i)), hm(11, i), {}, "每周" + std::to_string(i)));

    const Date monday = ymd(2026, 6, 1);
    for (int i = 0; i < 7; ++i) {
        const Date day = addDays(monday, i);
        INFO("weekday " << i);
        std::vector<std::string> expected{"每天"};
        expected.push_back(i < 5 ? "工作日" : "周末");
        expected.push_back("每周" + std::to_string(i));
        CHECK(titles(activitiesOn(c, day, at(monday, 0, 0))) == expected);
    }
}

TEST_CASE("activitiesOn: ongoing, next and over", "[schedule]")
{
    Content c;
    c.activities = {
        activity(every(kEveryDay), hm(8, 0), hm(9, 0), "早"),
        activity(every(kEveryDay), hm(9, 0), hm(10, 0), "中"),
        activity(every(kEveryDay), hm(10, 0), std::nullopt, "晚"),
        activity(every(kEveryDay), hm(11, 0), hm(12, 0), "更晚"),
    };

    SECTION("in the middle of one")
    {
        const auto items = activitiesOn(c, kWed, at(kWed, 9, 30));
        checkMarks(items, {{"早", Mark::Over}, {"中", Mark::Ongoing}, {"晚", Mark::Next}, {"更晚", Mark::None}});
    }
    SECTION("exactly at a boundary: the earlier one is over, the later one on")
    {
        const auto items = activitiesOn(c, kWed, at(kWed, 9, 0));
        checkMarks(items, {{"早", Mark::Over}, {"中", Mark::Ongoing}, {"晚", Mark::Next}});
    }
    SECTION("without an end an activity lasts one hour")
    {
        auto items = activitiesOn(c, kWed, at(kWed, 10, 59));
        checkMarks(items, {{"晚", Mark::Ongoing}, {"更晚", Mark::Next}});
        items = activitiesOn(c, kWed, at(kWed, 11, 0));
        checkMarks(items, {{"晚", Mark::Over}, {"更晚", Mark::Ongoing}});
        for (const auto& item : items) CHECK_FALSE(item.next);
    }
    SECTION("before everything: only the first is next")
    {
        const auto items = activitiesOn(c, kWed, at(kWed, 7, 0));
        CHECK(items[0].next);
        for (size_t i = 1; i < items.size(); ++i) CHECK_FALSE(items[i].next);
        for (const auto& item : items) {
            CHECK_FALSE(item.over);
            CHECK_FALSE(item.ongoing);
        }
    }
    SECTION("another day is not marked")
    {
        for (const auto& item : activitiesOn(c, kThu, at(kWed, 9, 30))) {
            CHECK_FALSE(item.over);
            CHECK_FALSE(item.ongoing);
            CHECK_FALSE(item.next);
        }
    }
}

TEST_CASE("activitiesOn: across midnight", "[schedule]")
{
    Content c;
    c.activities = {
        activity(every(kEveryDay), hm(8, 0), hm(9, 0), "早"),
        activity(every(kEveryDay), hm(23, 30), std::nullopt, "夜"),
        activity(on(kThu), hm(0, 0), hm(0, 30), "零点"),
    };
    SECTION("23:59: today's are over or on, tomorrow untouched")
    {
        const auto today = activitiesOn(c, kWed, at(kWed, 23, 59));
        checkMarks(today, {{"早", Mark::Over}, {"夜", Mark::Ongoing}});
        for (const auto& item : today) CHECK_FALSE(item.next);
        const auto tomorrow = activitiesOn(c, kThu, at(kWed, 23, 59));
        for (const auto& item : tomorrow) {
            CHECK_FALSE(item.over);
            CHECK_FALSE(item.ongoing);
            CHECK_FALSE(item.next);
        }
    }
    SECTION("00:00 next day: a new day starts fresh")
    {
        const auto today = activitiesOn(c, kThu, at(kThu, 0, 0));
        CHECK(titles(today) == std::vector<std::string>{"零点", "早", "夜"});
        checkMarks(today, {{"零点", Mark::Ongoing}, {"早", Mark::Next}, {"夜", Mark::None}});
        for (const auto& item : activitiesOn(c, kWed, at(kThu, 0, 0))) {
            CHECK_FALSE(item.over);
            CHECK_FALSE(item.ongoing);
        }
    }
}

TEST_CASE("activitiesOfWeek: Monday to Sunday holding now", "[schedule]")
{
    Content c;
    c.activities = {
        activity(every(kEveryDay), hm(14, 30), {}, "棋牌"),
        activity(on(ymd(2028, 2, 29)), hm(10, 0), {}, "闰日"),
        activity(on(ymd(2027, 1, 1)), hm(10, 0), {}, "元旦"),
    };
    auto firstAndLast = [&](LocalDateTime now) {
        const auto week = activitiesOfWeek(c, now);
        REQUIRE(week.size() == 7);
        for (int i = 0; i < 7; ++i) {
            CHECK(week[i].date == addDays(week[0].date, i));
            CHECK(weekdayIndex(week[i].date) == i);
        }
        return std::pair{week.front().date, week.back().date};
    };

    SECTION("Sunday 23:59 vs Monday 00:00")
    {
        CHECK(firstAndLast(at(kSun, 23, 59)) == std::pair{ymd(2026, 6, 1), kSun});
        CHECK(firstAndLast(at(kMon, 0, 0)) == std::pair{kMon, ymd(2026, 6, 14)});
    }
    SECTION("month end")
    {
        CHECK(firstAndLast(at(ymd(2026, 5, 31), 12, 0)) == std::pair{ymd(2026, 5, 25), ymd(2026, 5, 31)});
        CHECK(firstAndLast(at(ymd(2026, 6, 1), 0, 0)) == std::pair{ymd(2026, 6, 1), kSun});
        CHECK(firstAndLast(at(ymd(2026, 6, 30), 8, 0)) == std::pair{ymd(2026, 6, 29), ymd(2026, 7, 5)});
    }
    SECTION("year end")
    {
        const auto week = activitiesOfWeek(c, at(ymd(2026, 12, 31), 23, 59));
        REQUIRE(week.size() == 7);
        CHECK(week.front().date == ymd(2026, 12, 28));
        CHECK(week.back().date == ymd(2027, 1, 3));
        // 2027-01-01 is a Friday.
        CHECK(titles(week[4].items) == std::vector<std::string>{"元旦", "棋牌"});
        CHECK(firstAndLast(at(ymd(2027, 1, 3), 23, 59)) == std::pair{ymd(2026, 12, 28), ymd(2027, 1, 3)});
        CHECK(firstAndLast(at(ymd(2027, 1, 4), 0, 0)) == std::pair{ymd(2027, 1, 4), ymd(2027, 1, 10)});
    }
    SECTION("2028 leap day")
    {
        const auto week = activitiesOfWeek(c, at(ymd(2028, 3, 1), 9, 0));
        REQUIRE(week.size() == 7);
        CHECK(week.front().date == ymd(2028, 2, 28));
        CHECK(week[1].date == ymd(2028, 2, 29));
        CHECK(week[2].date == ymd(2028, 3, 1));
        CHECK(week.back().date == ymd(2028, 3, 5));
        CHECK(titles(week[1].items) == std::vector<std::string>{"闰日", "棋牌"});
        // Only today carries marks.
        CHECK(week[2].items[0].next);
        CHECK_FALSE(week[1].items[1].over);
    }
}

TEST_CASE("mealsOn: order, repeats and dated overrides", "[schedule]")
{
    Content c;
    c.meals = {
        meal(every(kWorkdays), MealKind::Snack, "牛奶"),   meal(every(weekly(2)), MealKind::Dinner, "疙瘩汤"),
        meal(every(weekly(2)), MealKind::Lunch, "刀削面"), meal(every(kEveryDay), MealKind::Breakfast, "小米粥"),
        meal(every(weekly(3)), MealKind::Lunch, "清蒸鱼"), meal(on(kWed), MealKind::Lunch, "饺子"),
        meal(on(kThu), MealKind::Breakfast, "豆腐脑"),     meal(every(weekly(3)), MealKind::Dinner, "窝头"),
        meal(every(kWeekend), MealKind::Lunch, "莜面"),
    };
    SECTION("a dated lunch replaces the repeat lunch only")
    {
        const DayMeals wed = mealsOn(c, kWed);
        CHECK(wed.date == kWed);
        CHECK(dishes(wed) == std::vector<std::string>{"小米粥", "饺子", "疙瘩汤", "牛奶"});
    }
    SECTION("a dated breakfast replaces 每天 for that day")
    {
        CHECK(dishes(mealsOn(c, kThu)) == std::vector<std::string>{"豆腐脑", "清蒸鱼", "窝头", "牛奶"});
        // A week later the repeats are back.
        CHECK(dishes(mealsOn(c, addDays(kThu, 7))) == std::vector<std::string>{"小米粥", "清蒸鱼", "窝头", "牛奶"});
        CHECK(dishes(mealsOn(c, addDays(kWed, 7))) == std::vector<std::string>{"小米粥", "刀削面", "疙瘩汤", "牛奶"});
    }
    SECTION("weekend")
    {
        CHECK(dishes(mealsOn(c, kSun)) == std::vector<std::string>{"小米粥", "莜面"});
    }
    SECTION("mealsOfWeek runs Monday to Sunday")
    {
        const auto week = mealsOfWeek(c, kWed);
        REQUIRE(week.size() == 7);
        CHECK(week.front().date == ymd(2026, 6, 1));
        CHECK(week.back().date == kSun);
        CHECK(dishes(week[2]) == dishes(mealsOn(c, kWed)));
        const auto leap = mealsOfWeek(c, ymd(2028, 2, 29));
        CHECK(leap.front().date == ymd(2028, 2, 28));
        CHECK(leap.back().date == ymd(2028, 3, 5));
    }
}

TEST_CASE("upcomingLectures: drop off exactly when they end", "[schedule]")
{
    Content c;
    c.lectures = {
        lecture(addDays(kWed, 3), hm(8, 0), hm(10, 30), "体检"),
        lecture(kWed, hm(9, 0), hm(11, 30), "义诊"),
        lecture(addDays(kWed, -2), hm(9, 30), hm(10, 30), "过去的讲座"),
        lecture(kWed, hm(15, 0), std::nullopt, "没写结束"),
        lecture(kThu, hm(9, 30), hm(10, 30), "明天"),
    };
    SECTION("morning")
    {
        const auto list = upcomingLectures(c, at(kWed, 8, 0));
        CHECK(titles(list) == std::vector<std::string>{"义诊", "没写结束", "明天", "体检"});
        CHECK(list[0].daysUntil == 0);
        CHECK_FALSE(list[0].ongoing);
        CHECK(list[2].daysUntil == 1);
        CHECK(list[3].daysUntil == 3);
    }
    SECTION("ongoing, then gone at its end minute")
    {
        checkLectureEnds(c, at(kWed, 11, 29), at(kWed, 11, 30), "义诊", "没写结束");
    }
    SECTION("without an end a lecture stays two hours")
    {
        checkLectureEnds(c, at(kWed, 16, 59), at(kWed, 17, 0), "没写结束", "明天");
    }
    SECTION("23:59 vs 00:00")
    {
        auto list = upcomingLectures(c, at(kWed, 23, 59));
        CHECK(titles(list) == std::vector<std::string>{"明天", "体检"});
        CHECK(list[0].daysUntil == 1);
        CHECK(list[1].daysUntil == 3);
        list = upcomingLectures(c, at(kThu, 0, 0));
        CHECK(list[0].daysUntil == 0);
        CHECK(list[1].daysUntil == 2);
    }
    SECTION("calendar days across a month, a year and a leap day")
    {
        Content other;
        other.lectures = {
            lecture(ymd(2027, 1, 2), hm(9, 0), {}, "新年"),
            lecture(ymd(2028, 3, 1), hm(9, 0), {}, "三月"),
        };
        auto list = upcomingLectures(other, at(ymd(2026, 12, 31), 23, 0));
        CHECK(list[0].daysUntil == 2);
        list = upcomingLectures(other, at(ymd(2028, 2, 28), 8, 0));
        REQUIRE(list.size() == 1);
        CHECK(list[0].daysUntil == 2);
    }
}

TEST_CASE("countdownText: 今天, 明天, 后天, 还有N天", "[schedule]")
{
    CHECK(countdownText(0) == "今天");
    CHECK(countdownText(1) == "明天");
    CHECK(countdownText(2) == "后天");
    CHECK(countdownText(3) == "还有3天");
    CHECK(countdownText(20) == "还有20天");
}

TEST_CASE("activeNotices: windows include both ends; pinned, urgent, then sheet order", "[schedule]")
{
    Content c;
    c.notices = {
        notice("普通一", std::nullopt, std::nullopt),
        notice("紧急", addDays(kWed, -1), addDays(kWed, 1), false, true),
        notice("今天开始", kWed, std::nullopt),
        notice("今天结束", std::nullopt, kWed),
        notice("只有今天", kWed, kWed),
        notice("过期", addDays(kWed, -20), addDays(kWed, -1)),
        notice("还没开始", addDays(kWed, 1), addDays(kWed, 10)),
        notice("置顶", std::nullopt, std::nullopt, true, false),
        notice("普通二", std::nullopt, std::nullopt),
    };
    CHECK(titles(activeNotices(c, kWed)) ==
          std::vector<std::string>{"置顶", "紧急", "普通一", "今天开始", "今天结束", "只有今天", "普通二"});
    CHECK(titles(activeNotices(c, kThu)) ==
          std::vector<std::string>{"置顶", "紧急", "普通一", "今天开始", "还没开始", "普通二"});
    CHECK(titles(activeNotices(c, addDays(kWed, -1))) ==
          std::vector<std::string>{"置顶", "紧急", "普通一", "今天结束", "过期", "普通二"});
    CHECK(titles(activeNotices(c, addDays(kWed, 2))) ==
          std::vector<std::string>{"置顶", "普通一", "今天开始", "还没开始", "普通二"});
}

TEST_CASE("guideInOrder: by 序号, ties in sheet order", "[schedule]")
{
    Content c;
    for (auto [order, title] : std::vector<std::pair<int, std::string>>{{3, "三"}, {1, "一"}, {2, "二甲"}, {2, "二乙"}})
        c.guide.push_back(GuideEntry{order, title, "", "", ""});
    std::vector<std::string> got;
    for (const GuideEntry* entry : guideInOrder(c)) got.push_back(entry->title);
    CHECK(got == std::vector<std::string>{"一", "二甲", "二乙", "三"});
}

TEST_CASE("contactsByCategory: 紧急, 社区, 医疗, 服务, then others", "[schedule]")
{
    Content c;
    c.contacts = {
        Contact{"助餐点", "1", "", "服务"},       Contact{"物业", "2", "", "物业"},  Contact{"没分类", "3", "", ""},
        Contact{"卫生服务中心", "4", "", "医疗"}, Contact{"110", "110", "", "紧急"}, Contact{"网格员", "5", "", "社区"},
        Contact{"120", "120", "", "紧急"},        Contact{"燃气", "6", "", "物业"},
    };
    const auto groups = contactsByCategory(c);
    std::vector<std::string> names;
    for (const auto& group : groups) names.push_back(group.category);
    CHECK(names == std::vector<std::string>{"紧急", "社区", "医疗", "服务", "物业", "其他"});
    REQUIRE(groups[0].contacts.size() == 2);
    CHECK(groups[0].contacts[0]->name == "110");
    CHECK(groups[0].contacts[1]->name == "120");
    CHECK(groups[4].contacts.size() == 2);
    CHECK(groups[5].contacts[0]->name == "没分类");

    Content onlyOne;
    onlyOne.contacts = {Contact{"网格员", "5", "", "社区"}};
    REQUIRE(contactsByCategory(onlyOne).size() == 1);
    CHECK(contactsByCategory(onlyOne)[0].category == "社区");
}

TEST_CASE("mealNowOrNext: the meal served now, else the next, tomorrow's breakfast in the evening", "[schedule]")
{
    Content c;
    c.meals.push_back(meal(every(WeeklyRepeat{0x7f}), MealKind::Breakfast, "小米粥"));
    c.meals.push_back(meal(every(WeeklyRepeat{0x7f}), MealKind::Lunch, "刀削面"));
    c.meals.push_back(meal(every(WeeklyRepeat{0x7f}), MealKind::Dinner, "疙瘩汤"));
    c.meals.push_back(meal(every(WeeklyRepeat{0x7f}), MealKind::Snack, "牛奶"));
    const auto at_ = [&](int h, int m) { return mealNowOrNext(c, at(kWed, h, m)); };
    const NowOrNext cases[] = {{5, 0, "小米粥", false, 0},  {7, 0, "小米粥", true, 0},   {9, 30, "刀削面", false, 0},
                               {12, 0, "刀削面", true, 0},  {15, 0, "牛奶", true, 0},    {16, 30, "疙瘩汤", false, 0},
                               {18, 59, "疙瘩汤", true, 0}, {22, 30, "小米粥", false, 1}};
    for (const NowOrNext& k : cases) {
        INFO(k.h << ":" << k.m);
        const auto got = at_(k.h, k.m);
        REQUIRE(got);
        CHECK(got->meal->dishes.front() == k.title);
        CHECK(got->serving == k.now);
        CHECK(got->daysAhead == k.ahead);
        CHECK(got->date == addDays(kWed, k.ahead));
    }
    CHECK(mealOver(MealKind::Breakfast, kWed, at(kWed, 9, 0)));
    CHECK_FALSE(mealOver(MealKind::Lunch, kWed, at(kWed, 9, 0)));
    CHECK(mealOver(MealKind::Dinner, addDays(kWed, -1), at(kWed, 6, 0)));
    CHECK_FALSE(mealOver(MealKind::Breakfast, addDays(kWed, 1), at(kWed, 23, 0)));
    CHECK_FALSE(mealNowOrNext(Content{}, at(kWed, 12, 0)));
}

TEST_CASE("mealNowOrNext skips days without meals", "[schedule]")
{
    Content c;
    c.meals.push_back(meal(on(addDays(kWed, 3)), MealKind::Lunch, "饺子"));
    const auto got = mealNowOrNext(c, at(kWed, 22, 30));
    REQUIRE(got);
    CHECK(got->meal->dishes.front() == "饺子");
    CHECK(got->daysAhead == 3);
}

TEST_CASE("activityNowOrNext: on now, else next today, else the first of tomorrow", "[schedule]")
{
    Content c;
    c.activities.push_back(activity(on(kWed), hm(9, 0), hm(11, 0), "理发"));
    c.activities.push_back(activity(on(kWed), hm(14, 30), std::nullopt, "棋牌"));
    c.activities.push_back(activity(on(addDays(kWed, 1)), hm(8, 30), hm(9, 30), "太极拳"));
    c.activities.push_back(activity(on(addDays(kWed, 1)), hm(10, 0), hm(11, 0), "合唱"));
    const NowOrNext cases[] = {{7, 0, "理发", false, 0}, {10, 0, "理发", true, 0},     {12, 0, "棋牌", false, 0},
                               {15, 0, "棋牌", true, 0}, {15, 30, "太极拳", false, 1}, {22, 30, "太极拳", false, 1}};
    for (const NowOrNext& k : cases) {
        INFO(k.h << ":" << k.m);
        const auto got = activityNowOrNext(c, at(kWed, k.h, k.m));
        REQUIRE(got);
        CHECK(got->occurrence.activity->title == k.title);
        CHECK(got->occurrence.ongoing == k.now);
        CHECK(got->daysAhead == k.ahead);
    }
    CHECK_FALSE(activityNowOrNext(c, at(addDays(kWed, 1), 12, 0)));
}

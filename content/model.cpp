#include "content/model.h"

#include <algorithm>
#include <set>

namespace content {

const char* sheetFileName(SheetKind kind)
{
    switch (kind) {
    case SheetKind::Station:
        return "station.csv";
    case SheetKind::Activities:
        return "activities.csv";
    case SheetKind::Meals:
        return "meals.csv";
    case SheetKind::Lectures:
        return "lectures.csv";
    case SheetKind::Notices:
        return "notices.csv";
    case SheetKind::Guide:
        return "guide.csv";
    case SheetKind::Contacts:
        return "contacts.csv";
    }
    return "";
}

const char* sheetKey(SheetKind kind)
{
    switch (kind) {
    case SheetKind::Station:
        return "station";
    case SheetKind::Activities:
        return "activities";
    case SheetKind::Meals:
        return "meals";
    case SheetKind::Lectures:
        return "lectures";
    case SheetKind::Notices:
        return "notices";
    case SheetKind::Guide:
        return "guide";
    case SheetKind::Contacts:
        return "contacts";
    }
    return "";
}

const char* sheetTitle(SheetKind kind)
{
    switch (kind) {
    case SheetKind::Station:
        return "站点信息";
    case SheetKind::Activities:
        return "活动";
    case SheetKind::Meals:
        return "菜单";
    case SheetKind::Lectures:
        return "讲座义诊";
    case SheetKind::Notices:
        return "通知";
    case SheetKind::Guide:
        return "防骗指南";
    case SheetKind::Contacts:
        return "电话";
    }
    return "";
}

std::string StationInfo::value(std::string_view key) const
{
    for (const auto& [entryKey, entryValue] : entries) {
        if (entryKey == key) return entryValue;
    }
    return {};
}

const char* mealKindName(MealKind kind)
{
    switch (kind) {
    case MealKind::Breakfast:
        return "早餐";
    case MealKind::Lunch:
        return "午餐";
    case MealKind::Dinner:
        return "晚餐";
    case MealKind::Snack:
        return "加餐";
    }
    return "";
}

std::string formatPrice(int cents)
{
    std::string sign;
    long long value = cents;
    if (value < 0) {
        sign = "-";
        value = -value;
    }
    std::string out = sign + std::to_string(value / 100);
    const int fraction = static_cast<int>(value % 100);
    if (fraction == 0) return out;
    out += '.';
    out += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) out += static_cast<char>('0' + fraction % 10);
    return out;
}

const char* lectureKindName(LectureKind kind)
{
    switch (kind) {
    case LectureKind::Lecture:
        return "讲座";
    case LectureKind::Clinic:
        return "义诊";
    case LectureKind::Checkup:
        return "体检";
    case LectureKind::Other:
        return "其他";
    }
    return "";
}

int Content::rowCount(SheetKind kind) const
{
    switch (kind) {
    case SheetKind::Station:
        return static_cast<int>(station.entries.size());
    case SheetKind::Activities:
        return static_cast<int>(activities.size());
    case SheetKind::Meals:
        return static_cast<int>(meals.size());
    case SheetKind::Lectures:
        return static_cast<int>(lectures.size());
    case SheetKind::Notices:
        return static_cast<int>(notices.size());
    case SheetKind::Guide:
        return static_cast<int>(guide.size());
    case SheetKind::Contacts:
        return static_cast<int>(contacts.size());
    }
    return 0;
}

bool ContentUpdate::has(SheetKind kind) const
{
    switch (kind) {
    case SheetKind::Station:
        return station.has_value();
    case SheetKind::Activities:
        return activities.has_value();
    case SheetKind::Meals:
        return meals.has_value();
    case SheetKind::Lectures:
        return lectures.has_value();
    case SheetKind::Notices:
        return notices.has_value();
    case SheetKind::Guide:
        return guide.has_value();
    case SheetKind::Contacts:
        return contacts.has_value();
    }
    return false;
}

bool ContentUpdate::empty() const
{
    for (SheetKind kind : kAllSheetKinds) {
        if (has(kind)) return false;
    }
    return true;
}

int ContentUpdate::rowCount(SheetKind kind) const
{
    auto count = [](const auto& rows) { return rows ? static_cast<int>(rows->size()) : -1; };
    switch (kind) {
    case SheetKind::Station:
        return station ? static_cast<int>(station->entries.size()) : -1;
    case SheetKind::Activities:
        return count(activities);
    case SheetKind::Meals:
        return count(meals);
    case SheetKind::Lectures:
        return count(lectures);
    case SheetKind::Notices:
        return count(notices);
    case SheetKind::Guide:
        return count(guide);
    case SheetKind::Contacts:
        return count(contacts);
    }
    return -1;
}

Content ContentUpdate::appliedTo(const Content& base) const
{
    Content result = base;
    if (station) result.station = *station;
    if (activities) result.activities = *activities;
    if (meals) result.meals = *meals;
    if (lectures) result.lectures = *lectures;
    if (notices) result.notices = *notices;
    if (guide) result.guide = *guide;
    if (contacts) result.contacts = *contacts;
    std::set<std::string> named;
    for (const Lecture& l : result.lectures) named.insert(l.recording);
    for (const Notice& n : result.notices) named.insert(n.recording);
    for (const GuideEntry& g : result.guide) named.insert(g.recording);
    named.erase(std::string());
    result.recordings.clear();
    for (const std::string& name : named) {
        const auto byName = [&name](const Recording& r) { return r.name == name; };
        if (auto it = std::find_if(recordings.begin(), recordings.end(), byName); it != recordings.end())
            result.recordings.push_back(*it);
        else if (auto old = std::find_if(base.recordings.begin(), base.recordings.end(), byName);
                 old != base.recordings.end())
            result.recordings.push_back(*old);
    }
    return result;
}

const Recording* Content::recording(std::string_view name) const
{
    for (const Recording& r : recordings) {
        if (r.name == name) return &r;
    }
    return nullptr;
}

} // namespace content

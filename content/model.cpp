#include "content/model.h"

#include "content/enum_table.h"

#include <algorithm>
#include <iterator>
#include <set>

namespace content {

namespace {

struct SheetNames {
    SheetKind value;
    const char* file;  // sheetFileName
    const char* key;   // sheetKey
    const char* title; // sheetTitle
};
constexpr SheetNames kSheetNames[] = {
    {SheetKind::Station, "station.csv", "station", "站点信息"},
    {SheetKind::Activities, "activities.csv", "activities", "活动"},
    {SheetKind::Meals, "meals.csv", "meals", "菜单"},
    {SheetKind::Lectures, "lectures.csv", "lectures", "讲座义诊"},
    {SheetKind::Notices, "notices.csv", "notices", "通知"},
    {SheetKind::Guide, "guide.csv", "guide", "防骗指南"},
    {SheetKind::Contacts, "contacts.csv", "contacts", "电话"},
};
static_assert(coversEnum(kSheetNames, SheetKind::Contacts) && std::size(kSheetNames) == kSheetKindCount,
              "every SheetKind has its names, in enum order");
constexpr SheetNames kNoSheet{SheetKind::Station, "", "", ""};

// In enum order, as in model.h.
constexpr const char* kMealKindNames[] = {"早餐", "午餐", "晚餐", "加餐"};
static_assert(std::size(kMealKindNames) == static_cast<size_t>(MealKind::Snack) + 1, "every MealKind has its name");
constexpr const char* kLectureKindNames[] = {"讲座", "义诊", "体检", "其他"};
static_assert(std::size(kLectureKindNames) == static_cast<size_t>(LectureKind::Other) + 1,
              "every LectureKind has its name");

// Calls `f` with the member that holds sheet `kind` of each of `c` (Content or ContentUpdate,
// whose members share the sheets' names): the one place that maps a kind to its member.
template <class F, class... C>
decltype(auto) withSheet(SheetKind kind, F&& f, C&... c)
{
    switch (kind) {
    case SheetKind::Activities:
        return f(c.activities...);
    case SheetKind::Meals:
        return f(c.meals...);
    case SheetKind::Lectures:
        return f(c.lectures...);
    case SheetKind::Notices:
        return f(c.notices...);
    case SheetKind::Guide:
        return f(c.guide...);
    case SheetKind::Contacts:
        return f(c.contacts...);
    case SheetKind::Station:
        break;
    }
    return f(c.station...);
}

// Rows as Content::rowCount counts them: station counts its key rows.
int rowsIn(const StationInfo& station)
{
    return static_cast<int>(station.entries.size());
}
template <class Row>
int rowsIn(const std::vector<Row>& rows)
{
    return static_cast<int>(rows.size());
}

} // namespace

const char* sheetFileName(SheetKind kind)
{
    return enumRow(kSheetNames, kind, kNoSheet).file;
}

const char* sheetKey(SheetKind kind)
{
    return enumRow(kSheetNames, kind, kNoSheet).key;
}

const char* sheetTitle(SheetKind kind)
{
    return enumRow(kSheetNames, kind, kNoSheet).title;
}

std::string StationInfo::value(std::string_view key) const
{
    for (const auto& [entryKey, entryValue] : entries) {
        if (entryKey == key && !entryValue.empty()) return entryValue;
    }
    return {};
}

const char* mealKindName(MealKind kind)
{
    return enumRow(kMealKindNames, kind, "");
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
    return enumRow(kLectureKindNames, kind, "");
}

int Content::rowCount(SheetKind kind) const
{
    return withSheet(
        kind, [](const auto& rows) { return rowsIn(rows); }, *this);
}

bool ContentUpdate::has(SheetKind kind) const
{
    return withSheet(
        kind, [](const auto& sheet) { return sheet.has_value(); }, *this);
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
    return withSheet(
        kind, [](const auto& sheet) { return sheet ? rowsIn(*sheet) : -1; }, *this);
}

Content ContentUpdate::appliedTo(const Content& base) const
{
    Content result = base;
    for (SheetKind kind : kAllSheetKinds) {
        withSheet(
            kind,
            [](auto& into, const auto& sheet) {
                if (sheet) into = *sheet;
            },
            result, *this);
    }
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

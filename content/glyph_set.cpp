#include "content/glyph_set.h"

#include "content/date_time.h"
#include "content/schedule.h"
#include "content/sheet_text.h"

namespace content {

void addGlyphs(std::string_view text, std::set<char32_t>& glyphs)
{
    size_t pos = 0;
    while (pos < text.size()) {
        if (const auto codepoint = decodeUtf8(text, pos)) glyphs.insert(*codepoint);
    }
}

std::set<char32_t> contentGlyphs(const Content& content)
{
    std::set<char32_t> glyphs;
    auto add = [&](std::string_view text) { addGlyphs(text, glyphs); };

    for (const auto& [key, value] : content.station.entries) {
        add(key);
        add(value);
    }
    // A weekly repeat is shown as written in canonical form (每周一、每周三), so its text counts too.
    auto addDay = [&](const DaySpec& day) {
        if (day.isRepeat()) add(formatWeeklyRepeat(day.repeat));
    };
    for (const Activity& activity : content.activities) {
        addDay(activity.day);
        add(activity.title);
        add(activity.place);
        add(activity.note);
        add(activity.category);
    }
    for (const Meal& meal : content.meals) {
        addDay(meal.day);
        add(mealKindName(meal.kind));
        for (const std::string& dish : meal.dishes) add(dish);
        for (const std::string& tag : meal.tags) add(tag);
        add(meal.note);
    }
    for (const Lecture& lecture : content.lectures) {
        add(lectureKindName(lecture.kind));
        add(lecture.title);
        add(lecture.speaker);
        add(lecture.unit);
        add(lecture.place);
        add(lecture.note);
    }
    for (const Notice& notice : content.notices) {
        add(notice.title);
        add(notice.body);
    }
    for (const GuideEntry& entry : content.guide) {
        add(entry.title);
        add(entry.howItGoes);
        add(entry.howToSpot);
        add(entry.whatToDo);
    }
    for (const ContactGroup& group : contactsByCategory(content)) add(group.category);
    for (const Contact& contact : content.contacts) {
        add(contact.name);
        add(contact.phone);
        add(contact.note);
    }
    return glyphs;
}

} // namespace content

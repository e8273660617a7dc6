#include "content/glyph_set.h"

#include "content/date_time.h"
#include "content/schedule.h"

namespace content {

namespace {

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

} // namespace

void addGlyphs(std::string_view text, std::set<char32_t>& glyphs)
{
    const size_t size = text.size();
    size_t i = 0;
    while (i < size) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            glyphs.insert(lead);
            ++i;
            continue;
        }
        int length = 0;
        char32_t codepoint = 0;
        char32_t minimum = 0;
        if ((lead & 0xE0) == 0xC0) {
            length = 2;
            codepoint = lead & 0x1F;
            minimum = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            codepoint = lead & 0x0F;
            minimum = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            codepoint = lead & 0x07;
            minimum = 0x10000;
        } else {
            // A stray continuation byte or 0xF8..0xFF: skip just this byte.
            ++i;
            continue;
        }
        bool valid = i + length <= size;
        for (int k = 1; valid && k < length; ++k) {
            const auto byte = static_cast<unsigned char>(text[i + k]);
            valid = isContinuation(byte);
            codepoint = (codepoint << 6) | (byte & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not valid UTF-8.
        if (valid && codepoint >= minimum && codepoint <= 0x10FFFF && !(codepoint >= 0xD800 && codepoint <= 0xDFFF)) {
            glyphs.insert(codepoint);
            i += length;
        } else {
            // Resynchronise on the next byte, so a valid sequence right after a broken one survives.
            ++i;
        }
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

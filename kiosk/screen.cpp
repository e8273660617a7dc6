#include "kiosk/screen.h"

#include <cstring>

namespace kiosk {

namespace {
struct Entry {
    ScreenId id;
    const char* name;
};
constexpr Entry kNames[] = {
    {ScreenId::Home, "home"},         {ScreenId::Activities, "activities"}, {ScreenId::Meals, "meals"},
    {ScreenId::Lectures, "lectures"}, {ScreenId::Notices, "notices"},       {ScreenId::Guide, "guide"},
    {ScreenId::Contacts, "contacts"}, {ScreenId::Attract, "attract"},       {ScreenId::Night, "night"},
    {ScreenId::Staff, "staff"},
};
} // namespace

const char* screenName(ScreenId id)
{
    for (const auto& e : kNames)
        if (e.id == id) return e.name;
    return "";
}

bool screenFromName(const char* name, ScreenId& id)
{
    if (!name) return false;
    for (const auto& e : kNames)
        if (std::strcmp(e.name, name) == 0) {
            id = e.id;
            return true;
        }
    return false;
}

} // namespace kiosk

#include "kiosk/screens/screens.h"

namespace kiosk {

std::vector<std::unique_ptr<Screen>> makeAllScreens()
{
    std::vector<std::unique_ptr<Screen>> all;
    all.push_back(makeHomeScreen());
    all.push_back(makeActivitiesScreen());
    all.push_back(makeMealsScreen());
    all.push_back(makeLecturesScreen());
    all.push_back(makeNoticesScreen());
    all.push_back(makeGuideScreen());
    all.push_back(makeContactsScreen());
    all.push_back(makeAttractScreen());
    all.push_back(makeNightScreen());
    return all;
}

} // namespace kiosk

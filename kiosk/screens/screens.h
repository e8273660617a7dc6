#pragma once
// The visitor screens, one class per file. Each draws from AppState's snapshot only.
#include "kiosk/screen.h"

#include <memory>
#include <vector>

namespace kiosk {

std::unique_ptr<Screen> makeHomeScreen();
std::unique_ptr<Screen> makeActivitiesScreen();
std::unique_ptr<Screen> makeMealsScreen();
std::unique_ptr<Screen> makeLecturesScreen();
std::unique_ptr<Screen> makeNoticesScreen();
std::unique_ptr<Screen> makeGuideScreen();
std::unique_ptr<Screen> makeContactsScreen();
std::unique_ptr<Screen> makeAttractScreen();
std::unique_ptr<Screen> makeNightScreen();

// Every screen above, in ScreenId order.
std::vector<std::unique_ptr<Screen>> makeAllScreens();

} // namespace kiosk

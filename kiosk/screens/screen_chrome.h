#pragma once
// The shared chrome of kiosk/widgets/chrome.h as a screen draws it: from the app state, with
// its taps turned into the app's requests (返回首页 → go home, 大字 → toggle large text, 朗读 →
// speak), which the app carries out after the frame.
#include "kiosk/app_state.h"
#include "kiosk/widgets/chrome.h"

#include <functional>
#include <string>
#include <string_view>

namespace kiosk {

// The 大字 / 标准字 switch at `min`. Returns its width.
float drawLargeTextToggle(AppState& state, ImVec2 min, float height);

// Top bar for a section screen; returns the y where the screen's content starts. With a
// `speakKey`, a 朗读 button (reading `speakText()` when tapped) sits left of the 大字 switch.
float drawTopBar(AppState& state, ScreenId id, const std::string& speakKey = {},
                 const std::function<Reading()>& speakText = {});

// A message for an empty list under the current screen's sign, centred in the area.
void drawEmptyState(AppState& state, ImVec2 min, ImVec2 max, std::string_view message);

// The area of the window below `top` with the theme margins.
Area contentArea(const AppState& state, float top, float bottomReserve = 0);

// The week's day tabs (see chrome.h).
float drawDayTabs(AppState& state, ImVec2 min, float width, content::Date today, int& selected);

} // namespace kiosk

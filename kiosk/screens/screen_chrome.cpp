#include "kiosk/screens/screen_chrome.h"

#include "kiosk/widgets/speak_button.h"
#include "kiosk/widgets/ui.h"

namespace kiosk {

float drawLargeTextToggle(AppState& state, ImVec2 min, float height)
{
    bool tapped = false;
    const float width = drawLargeTextToggle(*state.ui, state.largeText, min, height, tapped);
    if (tapped) state.toggleLargeText();
    return width;
}

float drawTopBar(AppState& state, ScreenId id, const std::string& speakKey, const std::function<Reading()>& speakText)
{
    TopBar bar;
    bar.id = id;
    bar.width = state.width;
    bar.largeText = state.largeText;
    if (!speakKey.empty()) {
        bar.speakWidth = [&state](float height) { return speakButtonWidth(state, height); };
        bar.drawSpeak = [&](ImVec2 min, ImVec2 max) { return speakButton(state, min, max, speakKey, speakText); };
    }
    const TopBarTaps taps = drawTopBar(*state.ui, bar);
    if (taps.home) state.go(ScreenId::Home);
    if (taps.largeText) state.toggleLargeText();
    return taps.bottom;
}

void drawEmptyState(AppState& state, ImVec2 min, ImVec2 max, std::string_view message)
{
    drawEmptyState(*state.ui, sectionFor(state.screen), min, max, message);
}

Area contentArea(const AppState& state, float top, float bottomReserve)
{
    return contentArea(*state.theme, state.width, state.height, top, bottomReserve);
}

float drawDayTabs(AppState& state, ImVec2 min, float width, content::Date today, int& selected)
{
    return drawDayTabs(*state.ui, min, width, today, selected);
}

} // namespace kiosk

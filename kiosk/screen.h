#pragma once
// A screen reads the app state and emits ImGui calls, nothing else. It never runs SQL and
// never blocks: slow work goes through the app's services.
#include "content/date_time.h"

namespace kiosk {

struct AppState; // app_state.h

enum class ScreenId { Home, Activities, Meals, Lectures, Notices, Guide, Contacts, Attract, Night, Staff };

// "home", "activities", … as --screen takes them; nothing for an unknown name.
const char* screenName(ScreenId id);
bool screenFromName(const char* name, ScreenId& id);

class Screen {
public:
    virtual ~Screen() = default;
    virtual ScreenId id() const = 0;
    // Called when the screen becomes visible / stops being visible (reset scroll, page, …).
    virtual void onEnter(AppState&) {}
    virtual void onLeave(AppState&) {}
    // Draws the whole screen into the current full-screen window.
    virtual void draw(AppState& state) = 0;
    // True while the screen animates and needs frames without input (kinetic scroll, slides).
    virtual bool wantsFrames(const AppState&) const { return false; }
};

} // namespace kiosk

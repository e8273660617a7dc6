#pragma once
// Something drawn above the screens that may take over input (the update UI's PIN pad,
// staff menu, import banner). Like a screen it draws from the state and asks for things
// through it (AppState::go, AppState::request), which the app carries out after the frame.
#include "kiosk/app_state.h"

namespace kiosk {

class Overlay {
public:
    virtual ~Overlay() = default;
    // Whether it is showing now. While visible and modal, screens below get no input.
    virtual bool visible(const AppState& state) const = 0;
    virtual bool modal(const AppState&) const { return true; }
    virtual void draw(AppState& state) = 0;
    virtual bool wantsFrames(const AppState&) const { return false; }
};

} // namespace kiosk

#pragma once
// What every visitor screen's draw() opens with, named once: DrawFrame's Ui, theme, colours,
// draw list and two text fonts, with the snapshot the screen draws from.
// `const auto [u, t, p, s, d, hf, bf] = screenFrame(state);`
#include "kiosk/app_state.h"
#include "kiosk/widgets/draw_frame.h"

#include <tuple>

namespace kiosk {

// Only while drawing, with a snapshot. (A tuple, not a struct, so that DrawFrame's members are
// not declared a second time.)
inline std::tuple<Ui&, const Theme&, const Palette&, const Snapshot&, ImDrawList*, ImFont*, ImFont*>
screenFrame(AppState& state)
{
    const DrawFrame f = DrawFrame::of(*state.ui);
    return {f.u, f.t, f.p, state.view(), f.d, f.heading, f.body};
}

} // namespace kiosk

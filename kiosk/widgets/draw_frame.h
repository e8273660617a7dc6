#pragma once
// What a panel's or widget's draw code starts with, named once: the frame's Ui, theme, colours,
// draw list and the two text fonts. `auto [u, t, p, d, hf, bf] = DrawFrame::of(*state.ui);`
// (Visitor screens, which also read the snapshot, open with screenFrame() in kiosk/screens/.)
#include "kiosk/fonts.h"
#include "kiosk/theme.h"
#include "kiosk/widgets/ui.h"

#include "imgui.h"

namespace kiosk {

struct DrawFrame {
    Ui& u;
    const Theme& t;
    const Palette& p;
    ImDrawList* d;
    ImFont* heading;
    ImFont* body;

    // Only while drawing.
    static DrawFrame of(Ui& u)
    {
        return DrawFrame{u, u.theme(), u.theme().palette, u.draw(), u.fonts().heading, u.fonts().body};
    }
};

} // namespace kiosk

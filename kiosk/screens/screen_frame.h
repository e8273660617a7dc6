#pragma once
// What every visitor screen's draw() starts with, named once: the frame's Ui, theme, colours,
// snapshot, draw list and fonts. `auto [u, t, p, s, d, f] = ScreenFrame::of(state);`
#include "kiosk/app_state.h"
#include "kiosk/fonts.h"
#include "kiosk/screen.h"
#include "kiosk/theme.h"
#include "kiosk/widgets/card_list.h"
#include "kiosk/screens/screen_chrome.h"
#include "kiosk/widgets/ui.h"

namespace kiosk {

struct ScreenFrame {
    Ui& u;
    const Theme& t;
    const Palette& p;
    const Snapshot& s;
    ImDrawList* d;
    const Fonts& f;

    // Only while drawing, with a snapshot.
    static ScreenFrame of(AppState& state)
    {
        Ui& u = *state.ui;
        return ScreenFrame{u, u.theme(), u.theme().palette, state.view(), u.draw(), u.fonts()};
    }
};

// A section screen that is one list of cards under its top bar.
class CardListScreen : public Screen {
public:
    void onEnter(AppState&) override { m_list.reset(); }
    bool wantsFrames(const AppState&) const override { return m_list.animating(); }

protected:
    // Wide cards (lectures, notices, numbers): two columns in landscape, one in portrait. The
    // layout is kept while `key` (the snapshot's serial) and the text size stay.
    void drawWideCards(Ui& u, const Area& area, int count, uint64_t key, const CardList::Measure& measure,
                       const CardList::Draw& draw)
    {
        CardList::Options options;
        options.minColumnWidth = u.theme().bodyPx * 13;
        options.maxColumns = 2;
        options.key = key ^ (static_cast<uint64_t>(u.theme().bodyPx) << 40);
        m_list.draw(u, area.min, area.max, count, options, measure, draw);
    }

    CardList m_list;
};

} // namespace kiosk

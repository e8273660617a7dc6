#pragma once
// The bases of the section screens that are a list of cards under their top bar, or their
// empty-state message when there is nothing to list: what such a screen's draw() opens with is
// written here once, so that each screen says only what it lists and how a card looks.
#include "kiosk/app_state.h"
#include "kiosk/reading.h"
#include "kiosk/screen.h"
#include "kiosk/screens/screen_chrome.h"
#include "kiosk/widgets/card_list.h"
#include "kiosk/widgets/ui.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// A section screen that is one list of cards under its top bar.
class CardListScreen : public Screen {
public:
    void onEnter(AppState&) override { m_list.reset(); }
    bool wantsFrames(const AppState&) const override { return m_list.animating(); }

protected:
    // Draws the top bar (with 朗读 reading `speakText()` under `speakKey` while there is
    // something to read) and returns the area under it; when `empty`, draws the empty-state
    // `message` there instead and returns nothing.
    std::optional<Area> drawSectionTop(AppState& state, bool empty, std::string_view message,
                                       const std::string& speakKey = {},
                                       const std::function<Reading()>& speakText = {});

    // Wide cards (lectures, notices, numbers): two columns in landscape, one in portrait. The
    // layout is kept while `key` (the snapshot's serial) and the text size stay.
    void drawWideCards(Ui& u, const Area& area, int count, uint64_t key, const CardList::Measure& measure,
                       const CardList::Draw& draw);

    CardList m_list;
};

// A section screen that shows one day of the week at a time, picked with the 周一…周日 tabs
// under its top bar (activities, meals). It opens on today.
class DayListScreen : public CardListScreen {
public:
    void onEnter(AppState& state) override;

protected:
    // Calls `pick()` (which reads the day m_day from the snapshot and says whether it has
    // anything to list), draws the top bar (朗读 reads `speakText()` under "speakPrefix + day"
    // while it has) and the day tabs, and returns the area under the tabs. A tap on another day
    // rewinds the list, stops reading the old day and calls `pick()` again for the new one.
    Area drawDayTop(AppState& state, const std::string& speakPrefix, const std::function<bool()>& pick,
                    const std::function<Reading()>& speakText);

    // The day's cards, 1..maxColumns columns of at least `minColumnWidth`; measured again when
    // the snapshot, the day or the text size changes.
    void drawDayCards(AppState& state, const Area& area, int count, float minColumnWidth, int maxColumns,
                      const CardList::Measure& measure, const CardList::Draw& draw);

    int m_day = 0; // 0 = Monday, as content::weekdayIndex
};

} // namespace kiosk

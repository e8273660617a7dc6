#include "kiosk/screens/section_screen.h"

#include "kiosk/widgets/speak_button.h"

namespace kiosk {

std::optional<Area> CardListScreen::drawSectionTop(AppState& state, bool empty, std::string_view message,
                                                   const std::string& speakKey,
                                                   const std::function<Reading()>& speakText)
{
    const Area area = contentArea(state, drawTopBar(state, id(), empty ? std::string() : speakKey, speakText));
    if (!empty) return area;
    drawEmptyState(state, area.min, area.max, message);
    return std::nullopt;
}

void CardListScreen::drawWideCards(Ui& u, const Area& area, int count, uint64_t key, const CardList::Measure& measure,
                                   const CardList::Draw& draw)
{
    CardList::Options options;
    options.minColumnWidth = u.theme().bodyPx * 13;
    options.maxColumns = 2;
    options.key = key ^ (static_cast<uint64_t>(u.theme().bodyPx) << 40);
    m_list.draw(u, area.min, area.max, count, options, measure, draw);
}

void DayListScreen::onEnter(AppState& state)
{
    CardListScreen::onEnter(state);
    m_day = content::weekdayIndex(state.now.date);
}

Area DayListScreen::drawDayTop(AppState& state, const std::string& speakPrefix, const std::function<bool()>& pick,
                               const std::function<Reading()>& speakText)
{
    const bool hasItems = pick();
    const float top =
        drawTopBar(state, id(), hasItems ? speakPrefix + std::to_string(m_day) : std::string(), speakText);
    Area area = contentArea(state, top);
    const int before = m_day;
    area.min.y += drawDayTabs(state, area.min, area.width(), state.now.date, m_day) + state.ui->theme().gap;
    if (m_day != before) {
        m_list.reset();
        stopSpeechOf(state, speakPrefix);
        pick();
    }
    return area;
}

void DayListScreen::drawDayCards(AppState& state, const Area& area, int count, float minColumnWidth, int maxColumns,
                                 const CardList::Measure& measure, const CardList::Draw& draw)
{
    Ui& u = *state.ui;
    CardList::Options options;
    options.minColumnWidth = minColumnWidth;
    options.maxColumns = maxColumns;
    options.key = state.view().serial ^ (static_cast<uint64_t>(m_day) << 56) ^
                  (static_cast<uint64_t>(u.fonts().heading->FontSize) << 40);
    m_list.draw(u, area.min, area.max, count, options, measure, draw);
}

} // namespace kiosk

#include "kiosk/widgets/card_list.h"

#include "kiosk/ui_text.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>

namespace kiosk {

CardListLayout layoutCards(const std::vector<float>& heights, int columns, float columnWidth, float gap)
{
    CardListLayout layout;
    layout.columns = std::max(1, columns);
    layout.columnWidth = columnWidth;
    float y = 0;
    const int n = static_cast<int>(heights.size());
    for (int first = 0; first < n; first += layout.columns) {
        CardListLayout::Row row;
        row.first = first;
        row.count = std::min(layout.columns, n - first);
        row.top = y;
        for (int i = first; i < first + row.count; ++i) row.height = std::max(row.height, heights[i]);
        layout.rows.push_back(row);
        y += row.height + gap;
    }
    layout.contentHeight = layout.rows.empty() ? 0 : y - gap;
    return layout;
}

int cardColumns(float width, float minColumnWidth, float gap, int maxColumns, int count)
{
    const int fit = static_cast<int>((width + gap) / (minColumnWidth + gap));
    return std::max(1, std::min({fit, maxColumns, count}));
}

void CardList::reset()
{
    m_scroller.reset();
    m_scrollTo = -1;
    m_count = -1;
}

void CardList::draw(Ui& u, ImVec2 min, ImVec2 max, int count, const Options& options, const Measure& measure,
                    const Draw& drawCard)
{
    const Theme& t = u.theme();
    const float width = max.x - min.x;
    if (options.key != m_key || width != m_width || count != m_count) {
        const auto layoutAt = [&](float w) {
            const int columns = cardColumns(w, options.minColumnWidth, t.gap, options.maxColumns, count);
            const float columnWidth = (w - (columns - 1) * t.gap) / columns;
            std::vector<float> heights;
            heights.reserve(static_cast<std::size_t>(count));
            for (int i = 0; i < count; ++i) heights.push_back(measure(i, columnWidth));
            return layoutCards(heights, columns, columnWidth, t.gap);
        };
        // The whole width when the cards fit (their right edge in line with the tabs and the top
        // bar above); room on the right for the position bar only when they scroll.
        m_layout = layoutAt(width);
        if (m_layout.contentHeight > max.y - min.y) m_layout = layoutAt(width - t.px(30));
        m_key = options.key;
        m_width = width;
        m_count = count;
    }

    // The hints' strips are the scroll area's (ui.h): outside the view, never over a card.
    const float origin = u.beginScroll(m_scroller, min, max, m_layout.contentHeight);
    const ImVec2 clipMin = u.draw()->GetClipRectMin(), clipMax = u.draw()->GetClipRectMax();
    for (const auto& row : m_layout.rows) {
        const float y = origin + row.top;
        if (y + row.height < clipMin.y || y > clipMax.y) continue; // out of view
        for (int k = 0; k < row.count; ++k) {
            const float x = min.x + k * (m_layout.columnWidth + t.gap);
            drawCard(row.first + k, ImVec2(x, y), ImVec2(x + m_layout.columnWidth, y + row.height));
        }
    }
    u.endScroll(m_scroller, m_layout.contentHeight);
    // After endScroll, which gave the scroller its bounds; the caller draws again to show it.
    // The row lands just below the strip of 上面还有, which is open then.
    if (m_scrollTo >= 0) {
        const float strip = Ui::hintStripHeight(u.fonts());
        for (const auto& row : m_layout.rows)
            if (m_scrollTo >= row.first && m_scrollTo < row.first + row.count)
                m_scroller.scrollTo(row.top > 0 ? std::max(0.0f, row.top - strip) : 0.0f);
        m_scrollTo = -1;
    }
    const bool scrolls = m_scroller.maxOffset() > 0;
    m_moreAbove = scrolls && m_scroller.offset() > 1;
    m_moreBelow = scrolls && m_scroller.offset() < m_scroller.maxOffset() - 1;
}

} // namespace kiosk

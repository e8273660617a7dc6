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

namespace {
// 上面还有 ▲ / 下面还有 ▼ centred in its strip, in words (never an arrow alone).
void drawHint(Ui& u, ImVec2 a, ImVec2 b, const char* text, bool up)
{
    const Theme& t = u.theme();
    ImFont* f = u.fonts().body;
    ImDrawList* d = u.draw();
    const float s = f->FontSize * 0.3f;
    const float w = textWidth(f, text) + s * 3;
    const float x = (a.x + b.x - w) * 0.5f, cy = (a.y + b.y) * 0.5f;
    d->AddRectFilled(ImVec2(x - t.px(24), a.y), ImVec2(x + w + t.px(24), b.y), u.colors().primary.packed(), t.radius);
    addText(d, f, ImVec2(x, cy - f->FontSize * 0.5f), u.colors().onDark.packed(), text);
    const float ax = x + w - s;
    if (up)
        d->AddTriangleFilled(ImVec2(ax - s, cy + s * 0.6f), ImVec2(ax + s, cy + s * 0.6f), ImVec2(ax, cy - s * 0.8f),
                             u.colors().onDark.packed());
    else
        d->AddTriangleFilled(ImVec2(ax - s, cy - s * 0.6f), ImVec2(ax + s, cy - s * 0.6f), ImVec2(ax, cy + s * 0.8f),
                             u.colors().onDark.packed());
}
} // namespace

void CardList::draw(Ui& u, ImVec2 min, ImVec2 max, int count, const Options& options, const Measure& measure,
                    const Draw& drawCard)
{
    const Theme& t = u.theme();
    // Room on the right for the position bar.
    const float bar = t.px(30);
    const float width = max.x - min.x - bar;
    if (options.key != m_key || width != m_width || count != m_count) {
        const int columns = cardColumns(width, options.minColumnWidth, t.gap, options.maxColumns, count);
        const float columnWidth = (width - (columns - 1) * t.gap) / columns;
        std::vector<float> heights;
        heights.reserve(static_cast<std::size_t>(count));
        for (int i = 0; i < count; ++i) heights.push_back(measure(i, columnWidth));
        m_layout = layoutCards(heights, columns, columnWidth, t.gap);
        m_key = options.key;
        m_width = width;
        m_count = count;
    }

    // Strips for the hints only when the cards do not fit; the view is what lies between.
    const bool scrolls = m_layout.contentHeight > max.y - min.y;
    const float strip = scrolls ? u.fonts().body->FontSize * 1.25f : 0;
    const ImVec2 viewMin(min.x, min.y + strip), viewMax(max.x, max.y - strip);

    const float origin = u.beginScroll(m_scroller, viewMin, viewMax);
    for (const auto& row : m_layout.rows) {
        const float y = origin + row.top;
        if (y + row.height < viewMin.y || y > viewMax.y) continue; // out of view
        for (int k = 0; k < row.count; ++k) {
            const float x = min.x + k * (m_layout.columnWidth + t.gap);
            drawCard(row.first + k, ImVec2(x, y), ImVec2(x + m_layout.columnWidth, y + row.height));
        }
    }
    u.endScroll(m_scroller, m_layout.contentHeight, false);
    // After endScroll, which gave the scroller its bounds; the caller draws again to show it.
    if (m_scrollTo >= 0) {
        for (const auto& row : m_layout.rows)
            if (m_scrollTo >= row.first && m_scrollTo < row.first + row.count) m_scroller.scrollTo(row.top);
        m_scrollTo = -1;
    }

    m_moreAbove = scrolls && m_scroller.offset() > 1;
    m_moreBelow = scrolls && m_scroller.offset() < m_scroller.maxOffset() - 1;
    const float hintGap = t.px(6);
    if (m_moreAbove)
        drawHint(u, ImVec2(min.x, min.y), ImVec2(max.x - bar, min.y + strip - hintGap), ui::kMoreAbove, true);
    if (m_moreBelow)
        drawHint(u, ImVec2(min.x, max.y - strip + hintGap), ImVec2(max.x - bar, max.y), ui::kMoreBelow, false);
}

} // namespace kiosk

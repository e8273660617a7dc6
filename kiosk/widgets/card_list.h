#pragma once
// A list of cards, laid out once and drawn where it is seen. The screens' lists (activities,
// meals, lectures, notices, contacts) share it: each card is measured once for a column width,
// the cards are placed in 1..N columns by the width there is (left to right, then down, a row
// as tall as its tallest card), and only the rows in view are drawn. When the cards do not all
// fit, strips above and below the view say 上面还有 / 下面还有 — outside the cards, so a hint
// never covers a card's text or corner.
#include "kiosk/widgets/touch.h"

#include "imgui.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace kiosk {

class Ui;

struct CardListLayout {
    int columns = 1;
    float columnWidth = 0;
    struct Row {
        int first = 0, count = 0; // cards [first, first + count)
        float top = 0;            // from the top of the content
        float height = 0;
    };
    std::vector<Row> rows;
    float contentHeight = 0;
};

// Places `heights.size()` cards (measured at `columnWidth`) in rows of `columns`, `gap` apart.
CardListLayout layoutCards(const std::vector<float>& heights, int columns, float columnWidth, float gap);
// How many columns of at least `minColumnWidth` fit into `width` (1..maxColumns, never more
// than there are cards).
int cardColumns(float width, float minColumnWidth, float gap, int maxColumns, int count);

class CardList {
public:
    // Card height at a column width.
    using Measure = std::function<float(int index, float width)>;
    // Draws card `index` in the rectangle (as tall as its row).
    using Draw = std::function<void(int index, ImVec2 min, ImVec2 max)>;

    struct Options {
        float minColumnWidth = 800;
        int maxColumns = 4;
        // What the layout depends on besides the width and count (content, day, text size): the
        // cards are measured again only when it changes.
        uint64_t key = 0;
    };

    // Lays out (when the key, width or count changed) and draws the cards in [min, max].
    void draw(Ui& u, ImVec2 min, ImVec2 max, int count, const Options& options, const Measure& measure,
              const Draw& draw);
    // On the next draw, bring card `index`'s row to the top of the view.
    void scrollToCard(int index) { m_scrollTo = index; }
    void reset();
    bool animating() const { return m_scroller.isMoving() || m_scroller.isDragging(); }
    const CardListLayout& layout() const { return m_layout; }
    // True when the last draw showed the hint (cards above / below the view).
    bool showedMoreAbove() const { return m_moreAbove; }
    bool showedMoreBelow() const { return m_moreBelow; }

private:
    TouchScroller m_scroller;
    CardListLayout m_layout;
    uint64_t m_key = 0;
    float m_width = -1;
    int m_count = -1;
    int m_scrollTo = -1;
    bool m_moreAbove = false, m_moreBelow = false;
};

} // namespace kiosk

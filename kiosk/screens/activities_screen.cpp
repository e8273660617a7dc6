// 活动安排: the day's activities by time, what is on now marked 正在进行; 周一…周日 tabs.
#include "kiosk/app_state.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>

namespace kiosk {

namespace {

class ActivitiesScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Activities; }
    void onEnter(AppState& state) override
    {
        m_day = content::weekdayIndex(state.now.date);
        m_scroller.reset();
        m_scrollToNow = true;
    }
    bool wantsFrames(const AppState&) const override { return m_scroller.isMoving() || m_scroller.isDragging(); }

    void draw(AppState& state) override
    {
        Ui& u = *state.ui;
        const Theme& t = u.theme();
        const Palette& p = t.palette;
        const Snapshot& s = state.view();
        ImDrawList* d = u.draw();
        ImFont* hf = u.fonts().heading;
        ImFont* bf = u.fonts().body;

        const float top = drawTopBar(state, id());
        Area area = contentArea(state, top);
        const int before = m_day;
        const float tabsH = drawDayTabs(state, area.min, area.width(), state.now.date, m_day);
        if (m_day != before) m_scroller.reset();
        area.min.y += tabsH + t.gap;

        const content::DayActivities* day = nullptr;
        for (const auto& w : s.week)
            if (content::weekdayIndex(w.date) == m_day) day = &w;
        const bool isToday = day && day->date == state.now.date;
        // Today's list carries the live on-now marks; the week view is computed the same way.
        const std::vector<content::ActivityOccurrence>* items = isToday ? &s.today : (day ? &day->items : nullptr);
        if (!items || items->empty()) {
            drawEmptyState(state, area.min, area.max, isToday ? ui::kNoActivitiesToday : ui::kNoActivitiesDay);
            return;
        }

        const float listRight = area.max.x - t.px(30); // room for the position bar
        const float pad = t.px(28);
        float y = u.beginScroll(m_scroller, area.min, area.max);
        const float origin = y;
        float scrollTarget = -1;
        for (const auto& o : *items) {
            const content::Activity& a = *o.activity;
            const float x = area.min.x + pad;
            const float w = listRight - area.min.x - 2 * pad;
            // Measure first so the card can be drawn behind the words.
            float h = pad + hf->FontSize * 1.3f + t.px(8) + paragraphHeight(hf, a.title, w, 1.3f);
            std::string where;
            if (!a.place.empty()) where = std::string(ui::kPlace) + "：" + a.place;
            if (!where.empty()) h += paragraphHeight(bf, where, w, t.lineSpacing);
            if (!a.note.empty()) h += paragraphHeight(bf, a.note, w, t.lineSpacing);
            h += pad;
            if (isToday && scrollTarget < 0 && (o.ongoing || o.next)) scrollTarget = y - origin;
            // A week can hold hundreds of items: only the ones in view are drawn.
            if (y + h + t.gap < area.min.y || y - t.gap > area.max.y) {
                y += h + t.gap;
                continue;
            }

            const ImVec2 c0(area.min.x, y), c1(listRight, y + h);
            const Rgb border = o.ongoing ? p.ongoing : p.cardBorder;
            u.card(c0, c1, p.card, border);
            if (o.ongoing) d->AddRect(c0, c1, p.ongoing.packed(), t.radius, 0, t.border * 2.5f);
            const Rgb ink = o.over ? p.textMuted : p.text;
            float yy = y + pad;
            const std::string when = timeRange(a.start, a.end);
            addText(d, hf, ImVec2(x, yy), (o.over ? p.textMuted : p.primary).packed(), when.c_str());
            float cx = x + textWidth(hf, when) + t.gap;
            const float chipY = yy + (hf->FontSize - u.chipHeight()) * 0.5f;
            if (isToday && o.ongoing)
                cx += u.chip(ImVec2(cx, chipY), ui::kOngoing, p.ongoing, p.onDark) + t.px(12);
            else if (isToday && o.next)
                cx += u.chip(ImVec2(cx, chipY), ui::kNext, p.primary, p.onDark) + t.px(12);
            else if (isToday && o.over)
                cx += u.chip(ImVec2(cx, chipY), ui::kOver, p.chip, p.textMuted) + t.px(12);
            if (!a.category.empty() && cx + u.chipWidth(a.category) < x + w)
                u.chip(ImVec2(cx, chipY), a.category, p.chip, p.text);
            yy += hf->FontSize * 1.3f + t.px(8);
            yy += drawParagraph(d, hf, ImVec2(x, yy), w, ink.packed(), a.title, 1.3f);
            if (!where.empty()) yy += drawParagraph(d, bf, ImVec2(x, yy), w, ink.packed(), where, t.lineSpacing);
            if (!a.note.empty())
                yy += drawParagraph(d, bf, ImVec2(x, yy), w, p.textMuted.packed(), a.note, t.lineSpacing);
            y += h + t.gap;
        }
        u.endScroll(m_scroller, y - origin - t.gap);
        // On arrival, bring what is on now (or next) to the top; earlier items stay above.
        if (m_scrollToNow) {
            m_scrollToNow = false;
            if (scrollTarget > 0) m_scroller.scrollTo(scrollTarget);
            state.wakeAtTime(state.time); // draw again at the new position
        }
    }

private:
    int m_day = 0;
    bool m_scrollToNow = true;
    TouchScroller m_scroller;
};

} // namespace

std::unique_ptr<Screen> makeActivitiesScreen()
{
    return std::make_unique<ActivitiesScreen>();
}

} // namespace kiosk

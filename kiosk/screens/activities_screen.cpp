// 活动安排: the day's activities by time, what is on now marked 正在进行; 周一…周日 tabs.
#include "kiosk/app_state.h"
#include "kiosk/read_aloud.h"
#include "kiosk/screens/screen_frame.h"
#include "kiosk/screens/screens.h"
#include "kiosk/screens/section_screen.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/card_list.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/speak_button.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>
#include <string>

namespace kiosk {

namespace {

class ActivitiesScreen final : public DayListScreen {
public:
    ScreenId id() const override { return ScreenId::Activities; }
    void onEnter(AppState& state) override
    {
        DayListScreen::onEnter(state);
        m_scrollToNow = true;
    }

    void draw(AppState& state) override
    {
        const auto [u, t, p, s, d, hf, bf] = screenFrame(state);
        const content::DayActivities* day = nullptr;
        bool isToday = false;
        const std::vector<content::ActivityOccurrence>* items = nullptr;
        const auto pick = [&] {
            day = nullptr;
            for (const auto& w : s.week)
                if (content::weekdayIndex(w.date) == m_day) day = &w;
            isToday = day && day->date == state.now.date;
            // Today's list carries the live on-now marks; the week view is computed the same way.
            items = isToday ? &s.today : (day ? &day->items : nullptr);
            return items && !items->empty();
        };
        // 朗读 in the top bar reads the day shown.
        const Area area =
            drawDayTop(state, "activities:", pick, [&] { return read_aloud::activities(day->date, *items); });
        if (!items || items->empty()) {
            drawEmptyState(state, area.min, area.max, isToday ? ui::kNoActivitiesToday : ui::kNoActivitiesDay);
            return;
        }

        // A past day is over as a whole; today's items carry their own marks.
        const bool pastDay = day->date < state.now.date;
        // 09:00 in a column of its own on the left, the title and the chips on the right.
        const float pad = t.px(18);
        const float timeW = textWidth(hf, "00:00") + t.px(20);
        const auto layoutOf = [&](float width) {
            struct {
                float x, w;
            } r{pad + timeW, width - 2 * pad - timeW};
            return r;
        };
        // Notes only where a card is wide (portrait, one column); the at-a-glance grid keeps to
        // time, title, state and place.
        const auto showsNote = [&](float width) { return width > t.bodyPx * 14; };
        const auto measure = [&](int i, float width) {
            const content::Activity& a = *(*items)[static_cast<std::size_t>(i)].activity;
            const auto l = layoutOf(width);
            float right = paragraphHeight(hf, a.title, l.w, 1.15f) + u.chipHeight() + t.px(8);
            if (showsNote(width) && !a.note.empty()) right += paragraphHeight(bf, a.note, l.w, 1.3f);
            const float left = hf->FontSize * 1.15f + bf->FontSize * 1.2f;
            return 2 * pad + std::max(left, right);
        };
        const auto drawCard = [&](int i, ImVec2 c0, ImVec2 c1) {
            const content::ActivityOccurrence& o = (*items)[static_cast<std::size_t>(i)];
            const content::Activity& a = *o.activity;
            const bool over = o.over || pastDay;
            const Rgb border = o.ongoing ? p.ongoing : p.cardBorder;
            u.card(c0, c1, over ? p.background : p.card, border);
            if (o.ongoing) d->AddRect(c0, c1, p.ongoing.packed(), t.radius, 0, t.border * 2.5f);
            const auto l = layoutOf(c1.x - c0.x);
            const float x = c0.x + l.x;
            const Rgb ink = over ? p.textMuted : p.text;
            float yy = c0.y + pad;
            addText(d, hf, ImVec2(c0.x + pad, yy), (over ? p.textMuted : p.primary).packed(),
                    content::formatTime(a.start));
            if (a.end)
                addText(d, bf, ImVec2(c0.x + pad, yy + hf->FontSize * 1.1f), ink.packed(),
                        "—" + content::formatTime(*a.end));
            yy += drawParagraph(d, hf, ImVec2(x, yy), l.w, ink.packed(), a.title, 1.15f);
            // State in words (正在进行 / 下一个 / 已结束), the kind, then the place on what is left.
            float cx = x;
            if (isToday && o.ongoing)
                cx += u.chip(ImVec2(cx, yy), ui::kOngoing, p.ongoing, p.onDark) + t.px(12);
            else if (isToday && o.next)
                cx += u.chip(ImVec2(cx, yy), ui::kNext, p.primary, p.onDark) + t.px(12);
            else if (over)
                cx += u.chip(ImVec2(cx, yy), ui::kOver, p.chip, p.textMuted) + t.px(12);
            // The place matters more than the kind: the kind only where both fit.
            const float placeW = a.place.empty() ? 0 : textWidth(bf, a.place);
            if (!a.category.empty() && cx + u.chipWidth(a.category) + t.px(12) + placeW <= x + l.w)
                cx += u.chip(ImVec2(cx, yy), a.category, p.chip, p.text) + t.px(12);
            if (!a.place.empty())
                drawLine(d, bf, ImVec2(cx, yy + (u.chipHeight() - bf->FontSize) * 0.5f), x + l.w - cx, ink.packed(),
                         a.place);
            yy += u.chipHeight() + t.px(8);
            if (showsNote(c1.x - c0.x) && !a.note.empty())
                drawParagraph(d, bf, ImVec2(x, yy), l.w, p.textMuted.packed(), a.note, 1.3f);
        };
        // On arrival, bring what is on now (or next) to the top; the hint says what is above.
        if (m_scrollToNow) {
            m_scrollToNow = false;
            if (isToday)
                for (std::size_t i = 0; i < items->size(); ++i)
                    if ((*items)[i].ongoing || (*items)[i].next) {
                        m_list.scrollToCard(static_cast<int>(i));
                        break;
                    }
            state.wakeAtTime(state.time); // draw again at the new position
        }
        drawDayCards(state, area, static_cast<int>(items->size()), t.bodyPx * 9.5f, 3, measure, drawCard);
    }

private:
    bool m_scrollToNow = true;
};

} // namespace

std::unique_ptr<Screen> makeActivitiesScreen()
{
    return std::make_unique<ActivitiesScreen>();
}

} // namespace kiosk

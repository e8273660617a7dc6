// 每日菜单: the day's meals with dishes, price (12元) and labelled tag chips, side by side in
// landscape; finished meals muted with 已结束; 周一…周日 tabs.
#include "kiosk/app_state.h"
#include "kiosk/read_aloud.h"
#include "kiosk/screens/screen_frame.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/card_list.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/speak_button.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <string>

namespace kiosk {

namespace {

class MealsScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Meals; }
    void onEnter(AppState& state) override
    {
        m_day = content::weekdayIndex(state.now.date);
        m_list.reset();
    }
    bool wantsFrames(const AppState&) const override { return m_list.animating(); }

    void draw(AppState& state) override
    {
        const auto [u, t, p, s, d, f] = ScreenFrame::of(state);
        ImFont* hf = f.heading;
        ImFont* bf = f.body;

        const content::DayMeals* day = nullptr;
        const auto pick = [&] {
            day = nullptr;
            for (const auto& w : s.weekMeals)
                if (content::weekdayIndex(w.date) == m_day) day = &w;
        };
        pick();
        // 朗读 in the top bar reads the day shown.
        const bool hasMeals = day && !day->meals.empty();
        const float top = drawTopBar(state, id(), hasMeals ? "meals:" + std::to_string(m_day) : std::string(),
                                     [&] { return read_aloud::meals(*day); });
        Area area = contentArea(state, top);
        const int before = m_day;
        area.min.y += drawDayTabs(state, area.min, area.width(), state.now.date, m_day) + t.gap;
        if (m_day != before) {
            m_list.reset();
            stopSpeechOf(state, "meals:");
            pick();
        }

        const bool isToday = day && day->date == state.now.date;
        if (!day || day->meals.empty()) {
            drawEmptyState(state, area.min, area.max, isToday ? ui::kNoMealsToday : ui::kNoMealsDay);
            return;
        }

        const float pad = t.px(24);
        const auto measure = [&](int i, float width) {
            const content::Meal* meal = day->meals[static_cast<std::size_t>(i)];
            const float w = width - 2 * pad;
            float h = pad + u.chipHeight(hf) + t.px(12) + paragraphHeight(bf, joinDishes(meal->dishes), w, 1.3f);
            if (!meal->tags.empty() || content::mealOver(meal->kind, day->date, state.now))
                h += u.chipHeight() + t.px(16);
            if (!meal->note.empty()) h += t.px(8) + paragraphHeight(bf, meal->note, w, 1.3f);
            return h + pad;
        };
        const auto drawCard = [&](int i, ImVec2 c0, ImVec2 c1) {
            const content::Meal* meal = day->meals[static_cast<std::size_t>(i)];
            // A meal whose serving hours are over looks finished, and says so.
            const bool over = content::mealOver(meal->kind, day->date, state.now);
            const Rgb ink = over ? p.textMuted : p.text;
            const float x = c0.x + pad, w = c1.x - c0.x - 2 * pad;
            u.card(c0, c1, over ? p.background : p.card, p.cardBorder);
            float yy = c0.y + pad;
            u.chip(ImVec2(x, yy), content::mealKindName(meal->kind), over ? p.chip : p.tile[1],
                   over ? p.textMuted : p.onDark, hf);
            if (meal->priceCents) {
                // The price in the heading font: a fact people come for, never smaller than body text.
                const std::string price = content::formatPrice(*meal->priceCents) + ui::kYuan;
                const float pw = textWidth(hf, price);
                addText(d, hf, ImVec2(x + w - pw, yy + (u.chipHeight(hf) - hf->FontSize) * 0.5f), ink.packed(), price);
            }
            yy += u.chipHeight(hf) + t.px(12);
            yy += drawParagraph(d, bf, ImVec2(x, yy), w, ink.packed(), joinDishes(meal->dishes), 1.3f);
            if (!meal->tags.empty() || over) {
                yy += t.px(8);
                float tx = x;
                if (over) tx += u.chip(ImVec2(tx, yy), ui::kOver, p.chip, p.textMuted) + t.px(12);
                for (const auto& tag : meal->tags) {
                    if (tx + u.chipWidth(tag) > x + w) break;
                    tx += u.chip(ImVec2(tx, yy), tag, p.chip, ink) + t.px(12);
                }
                yy += u.chipHeight() + t.px(8);
            }
            if (!meal->note.empty())
                drawParagraph(d, bf, ImVec2(x, yy + t.px(8)), w, p.textMuted.packed(), meal->note, 1.3f);
        };
        CardList::Options options;
        options.minColumnWidth = t.bodyPx * 7;
        // Portrait: one meal a row, across the width (two narrow columns left half the screen empty).
        options.maxColumns = t.portrait ? 1 : 4;
        options.key = s.serial ^ (static_cast<uint64_t>(m_day) << 56) ^ (static_cast<uint64_t>(hf->FontSize) << 40);
        m_list.draw(u, area.min, area.max, static_cast<int>(day->meals.size()), options, measure, drawCard);
    }

private:
    int m_day = 0;
    CardList m_list;
};

} // namespace

std::unique_ptr<Screen> makeMealsScreen()
{
    return std::make_unique<MealsScreen>();
}

} // namespace kiosk

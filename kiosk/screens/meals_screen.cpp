// 每日菜单: the day's meals with dishes, price (12元) and labelled tag chips, side by side in
// landscape; finished meals muted with 已结束; 周一…周日 tabs.
#include "kiosk/app_state.h"
#include "kiosk/read_aloud.h"
#include "kiosk/screens/screen_frame.h"
#include "kiosk/screens/screens.h"
#include "kiosk/screens/section_screen.h"
#include "kiosk/snapshot.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/card_list.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/speak_button.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <string>

namespace kiosk {

namespace {

class MealsScreen final : public DayListScreen {
public:
    ScreenId id() const override { return ScreenId::Meals; }

    void draw(AppState& state) override
    {
        const auto [u, t, p, s, d, hf, bf] = screenFrame(state);
        const content::DayMeals* day = nullptr;
        const auto pick = [&] {
            day = nullptr;
            for (const auto& w : s.weekMeals)
                if (content::weekdayIndex(w.date) == m_day) day = &w;
            return day && !day->meals.empty();
        };
        // 朗读 in the top bar reads the day shown.
        const Area area = drawDayTop(state, "meals:", pick, [&] { return read_aloud::meals(*day); });
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
                const std::string price = mealPrice(*meal->priceCents);
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
        // Portrait: one meal a row, across the width (two narrow columns left half the screen empty).
        drawDayCards(state, area, static_cast<int>(day->meals.size()), t.bodyPx * 7, t.portrait ? 1 : 4, measure,
                     drawCard);
    }
};

} // namespace

std::unique_ptr<Screen> makeMealsScreen()
{
    return std::make_unique<MealsScreen>();
}

} // namespace kiosk

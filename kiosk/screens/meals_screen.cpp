// 每日菜单: the day's meals with dishes, price (12元) and labelled tag chips; 周一…周日 tabs.
#include "kiosk/app_state.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

namespace kiosk {

namespace {

class MealsScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Meals; }
    void onEnter(AppState& state) override
    {
        m_day = content::weekdayIndex(state.now.date);
        m_scroller.reset();
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
        area.min.y += drawDayTabs(state, area.min, area.width(), state.now.date, m_day) + t.gap;
        if (m_day != before) m_scroller.reset();

        const content::DayMeals* day = nullptr;
        for (const auto& w : s.weekMeals)
            if (content::weekdayIndex(w.date) == m_day) day = &w;
        const bool isToday = day && day->date == state.now.date;
        if (!day || day->meals.empty()) {
            drawEmptyState(state, area.min, area.max, isToday ? ui::kNoMealsToday : ui::kNoMealsDay);
            return;
        }

        const float right = area.max.x - t.px(30);
        const float pad = t.px(28);
        float y = u.beginScroll(m_scroller, area.min, area.max);
        const float origin = y;
        for (const content::Meal* meal : day->meals) {
            const float x = area.min.x + pad;
            const float w = right - area.min.x - 2 * pad;
            const std::string dishes = joinDishes(meal->dishes);
            const std::string price = meal->priceCents ? content::formatPrice(*meal->priceCents) + ui::kYuan : "";
            float h = pad + u.chipHeight(hf) + t.px(12) + paragraphHeight(hf, dishes, w, 1.3f);
            if (!meal->tags.empty()) h += u.chipHeight() + t.px(16);
            if (!meal->note.empty()) h += t.px(8) + paragraphHeight(bf, meal->note, w, t.lineSpacing);
            h += pad;

            u.card(ImVec2(area.min.x, y), ImVec2(right, y + h), p.card, p.cardBorder);
            float yy = y + pad;
            const float kw = u.chip(ImVec2(x, yy), content::mealKindName(meal->kind), p.tile[1], p.onDark, hf);
            if (!price.empty()) {
                const std::string label = std::string(ui::kPrice) + " ";
                const float pw = textWidth(hf, price), lw = textWidth(bf, label);
                const float px = x + w - pw;
                addText(d, bf, ImVec2(px - lw, yy + (u.chipHeight(hf) - bf->FontSize) * 0.5f), p.textMuted.packed(),
                        label.c_str());
                addText(d, hf, ImVec2(px, yy + (u.chipHeight(hf) - hf->FontSize) * 0.5f), p.text.packed(),
                        price.c_str());
            }
            (void)kw;
            yy += u.chipHeight(hf) + t.px(12);
            yy += drawParagraph(d, hf, ImVec2(x, yy), w, p.text.packed(), dishes, 1.3f);
            if (!meal->tags.empty()) {
                yy += t.px(8);
                const std::string label = std::string(ui::kTags) + "：";
                addText(d, bf, ImVec2(x, yy + (u.chipHeight() - bf->FontSize) * 0.5f), p.textMuted.packed(),
                        label.c_str());
                float cx = x + textWidth(bf, label);
                for (const auto& tag : meal->tags) {
                    if (cx + u.chipWidth(tag) > x + w) break;
                    cx += u.chip(ImVec2(cx, yy), tag, p.chip, p.text) + t.px(12);
                }
                yy += u.chipHeight() + t.px(8);
            }
            if (!meal->note.empty()) {
                yy += t.px(8);
                drawParagraph(d, bf, ImVec2(x, yy), w, p.textMuted.packed(), meal->note, t.lineSpacing);
            }
            y += h + t.gap;
        }
        u.endScroll(m_scroller, y - origin - t.gap);
    }

private:
    int m_day = 0;
    TouchScroller m_scroller;
};

} // namespace

std::unique_ptr<Screen> makeMealsScreen()
{
    return std::make_unique<MealsScreen>();
}

} // namespace kiosk

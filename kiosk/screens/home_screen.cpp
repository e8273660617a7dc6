// 首页: who we are, what day and time it is, what is on today, and a big tile per section.
#include "kiosk/app_state.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>
#include <cstdio>

namespace kiosk {

namespace {

class HomeScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Home; }

    void draw(AppState& state) override
    {
        Ui& u = *state.ui;
        const Theme& t = u.theme();
        const Palette& p = t.palette;
        const Snapshot& s = state.view();
        ImDrawList* d = u.draw();
        ImFont* hf = u.fonts().heading;
        ImFont* bf = u.fonts().body;
        ImFont* cf = u.fonts().clock;
        const float W = state.width, H = state.height;
        const float m = t.margin;

        // --- Header: station and welcome on the left; time, date and the 大字 switch on the right.
        char clock[16];
        std::snprintf(clock, sizeof clock, "%02d:%02d", state.now.minute / 60, state.now.minute % 60);
        const std::string date = content::formatMonthDayChinese(state.now.date) + " " + s.weekdayText;
        const float clockW = std::max(textWidth(cf, clock), textWidth(hf, date));
        const float toggleH = t.minTarget;
        float y = m * 0.75f;
        float headerH;
        const std::string name = s.content->station.name();
        const std::string welcome =
            s.content->station.welcome().empty() ? ui::kWelcomeFallback : s.content->station.welcome();
        if (!t.portrait) {
            const float toggleW = std::max(t.minTarget * 1.6f, textWidth(hf, ui::kLargeTextOff) + t.px(60));
            const float rightW = clockW + t.gap + toggleW;
            const float leftW = W - 2 * m - rightW - t.gap * 2;
            drawLine(d, hf, ImVec2(m, y), leftW, p.text.packed(), name);
            const float wy = y + hf->FontSize * 1.3f;
            const float wh =
                drawParagraph(d, bf, ImVec2(m, wy), leftW, p.textMuted.packed(), welcome, t.lineSpacing, 2);
            const float cx = W - m - toggleW - t.gap - clockW;
            addText(d, cf, ImVec2(cx + clockW - textWidth(cf, clock), y - t.px(8)), p.text.packed(), clock);
            addText(d, hf, ImVec2(cx + clockW - textWidth(hf, date), y + cf->FontSize), p.text.packed(), date.c_str());
            drawLargeTextToggle(state, ImVec2(W - m - toggleW, y + t.px(8)), toggleH);
            headerH = std::max(wy - y + wh, cf->FontSize + hf->FontSize * 1.2f);
        } else {
            const float toggleW = std::max(t.minTarget * 1.6f, textWidth(hf, ui::kLargeTextOff) + t.px(60));
            addText(d, cf, ImVec2(m, y - t.px(8)), p.text.packed(), clock);
            addText(d, hf, ImVec2(m + textWidth(cf, clock) + t.gap, y + (cf->FontSize - hf->FontSize) * 0.5f),
                    p.text.packed(), date.c_str());
            drawLargeTextToggle(state, ImVec2(W - m - toggleW, y), toggleH);
            float yy = y + std::max(cf->FontSize, toggleH) + t.gap;
            yy += drawParagraph(d, hf, ImVec2(m, yy), W - 2 * m, p.text.packed(), name, 1.3f, 2);
            yy += drawParagraph(d, bf, ImVec2(m, yy), W - 2 * m, p.textMuted.packed(), welcome, t.lineSpacing, 3);
            headerH = yy - y;
        }
        y += headerH + t.gap;

        // --- Urgent notices: a red banner with the word 紧急 (never colour alone).
        if (!s.urgent.empty()) {
            const float bh = std::max(t.minTarget, hf->FontSize * 1.9f);
            const ImVec2 a(m, y), b(W - m, y + bh);
            const bool down = u.pressed(a, b);
            d->AddRectFilled(a, b, (down ? p.primaryPressed : p.urgent).packed(), t.radius);
            const float cw = u.chipWidth(ui::kUrgent, hf);
            const float ch = u.chipHeight(hf);
            d->AddRectFilled(ImVec2(a.x + t.gap, y + (bh - ch) * 0.5f), ImVec2(a.x + t.gap + cw, y + (bh + ch) * 0.5f),
                             p.onDark.packed(), ch * 0.25f);
            addText(d, hf, ImVec2(a.x + t.gap + hf->FontSize * 0.4f, y + (bh - hf->FontSize) * 0.5f), p.urgent.packed(),
                    ui::kUrgent);
            std::string text = s.urgent.front()->title;
            if (s.urgent.size() > 1) text += "（共" + std::to_string(s.urgent.size()) + "条）";
            drawLine(d, hf, ImVec2(a.x + t.gap * 2 + cw, y + (bh - hf->FontSize) * 0.5f), b.x - a.x - cw - t.gap * 3,
                     p.onDark.packed(), text);
            if (u.tapped(a, b)) state.go(ScreenId::Notices);
            y += bh + t.gap;
        }

        // --- Tiles at the bottom, highlights fill what is left.
        int count = 0;
        const Section* list = sections(count);
        const int cols = t.portrait ? 2 : count;
        const int rows = (count + cols - 1) / cols;
        const float tileH = t.portrait ? std::max(t.minTarget * 1.4f, hf->FontSize * 3.0f)
                                       : std::max(t.minTarget * 1.6f, hf->FontSize * 3.6f);
        const float tilesH = rows * tileH + (rows - 1) * t.gap;
        const float tilesTop = H - m * 0.75f - tilesH;
        const float tileW = (W - 2 * m - (cols - 1) * t.gap) / cols;
        for (int i = 0; i < count; ++i) {
            const ImVec2 a(m + (i % cols) * (tileW + t.gap), tilesTop + (i / cols) * (tileH + t.gap));
            const ImVec2 b(a.x + tileW, a.y + tileH);
            drawTile(state, list[i], a, b);
        }

        const float cardsBottom = tilesTop - t.gap;
        drawHighlights(state, ImVec2(m, y), ImVec2(W - m, cardsBottom));
    }

private:
    void drawTile(AppState& state, const Section& section, ImVec2 a, ImVec2 b)
    {
        Ui& u = *state.ui;
        const Theme& t = u.theme();
        const Palette& p = t.palette;
        ImDrawList* d = u.draw();
        ImFont* hf = u.fonts().heading;
        const bool down = u.pressed(a, b);
        const float sink = down ? t.px(4) : 0;
        if (!down)
            d->AddRectFilled(ImVec2(a.x, a.y + t.px(6)), ImVec2(b.x, b.y + t.px(6)), IM_COL32(0, 0, 0, 45), t.radius);
        a.y += sink;
        b.y += sink;
        d->AddRectFilled(a, b, p.tile[section.colorIndex].packed(), t.radius);
        if (down) d->AddRectFilled(a, b, IM_COL32(0, 0, 0, 70), t.radius);
        const float w = b.x - a.x, h = b.y - a.y;
        const float labelW = textWidth(hf, section.title);
        if (w > labelW + h * 1.1f) {
            // Wide tile: icon on the left, words to its right.
            const float r = std::min(h * 0.36f, hf->FontSize * 1.0f);
            const float total = 2 * r + t.gap + labelW;
            const float x0 = a.x + (w - total) * 0.5f;
            drawIcon(state, section, ImVec2(x0 + r, a.y + h * 0.5f), r);
            addText(d, hf, ImVec2(x0 + 2 * r + t.gap, a.y + (h - hf->FontSize) * 0.5f), p.onDark.packed(),
                    section.title);
        } else {
            const float r = std::min(h * 0.24f, hf->FontSize * 0.95f);
            const float total = 2 * r + t.px(14) + hf->FontSize;
            const float y0 = a.y + (h - total) * 0.5f;
            drawIcon(state, section, ImVec2(a.x + w * 0.5f, y0 + r), r);
            drawCentered(d, hf, ImVec2(a.x + t.px(8), y0 + 2 * r + t.px(14)), ImVec2(b.x - t.px(8), y0 + total),
                         p.onDark.packed(), section.title);
        }
        if (u.tapped(a, b)) state.go(section.id);
    }

    // The icon: the section's character on a white disc, in the tile's colour.
    void drawIcon(AppState& state, const Section& section, ImVec2 c, float r)
    {
        Ui& u = *state.ui;
        const Palette& p = u.colors();
        ImDrawList* d = u.draw();
        d->AddCircleFilled(c, r, p.onDark.packed(), 48);
        drawCentered(d, u.fonts().heading, ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r),
                     p.tile[section.colorIndex].packed(), section.icon);
    }

    struct CardText {
        std::string label;
        Rgb labelColor;
        bool labelIsChip = true;
        std::string title;
        std::string detail;
        ScreenId target;
        const char* iconUnused = nullptr;
        std::string more; // filled into the card's remaining lines
        const char* icon;
        int colorIndex;
    };

    void drawHighlights(AppState& state, ImVec2 min, ImVec2 max)
    {
        const Snapshot& s = state.view();
        const Theme& t = *state.theme;
        const Palette& p = t.palette;
        std::vector<CardText> cards;

        CardText act{"", p.primary, true, "", "", ScreenId::Activities, nullptr, "", ui::kIconActivities, 0};
        if (s.highlight >= 0) {
            const auto& o = s.today[s.highlight];
            act.label = o.ongoing ? ui::kOngoing : ui::kNext;
            act.labelColor = o.ongoing ? p.ongoing : p.primary;
            act.title = o.activity->title;
            act.detail = timeRange(o.activity->start, o.activity->end);
            if (!o.activity->place.empty()) act.detail += " · " + o.activity->place;
            act.more = o.activity->note;
        } else {
            act.label = ui::kTodayActivity;
            act.labelIsChip = false;
            act.title = s.today.empty() ? ui::kNoActivitiesToday : ui::kActivitiesDoneToday;
        }
        cards.push_back(act);

        CardText meal{ui::kTodayLunch, p.text, false, "", "", ScreenId::Meals, nullptr, "", ui::kIconMeals, 1};
        const content::Meal* lunch = s.mealOfKind(s.todayMeals, content::MealKind::Lunch);
        if (!lunch && !s.todayMeals.meals.empty()) {
            lunch = s.todayMeals.meals.front();
            meal.label = std::string("今天") + content::mealKindName(lunch->kind);
        }
        if (lunch) {
            meal.title = joinDishes(lunch->dishes);
            if (lunch->priceCents)
                meal.detail = std::string(ui::kPrice) + " " + content::formatPrice(*lunch->priceCents) + ui::kYuan;
            for (const auto& tag : lunch->tags) meal.more += (meal.more.empty() ? "" : "、") + tag;
            if (!lunch->note.empty()) meal.more += (meal.more.empty() ? "" : "。") + lunch->note;
        } else {
            meal.title = ui::kNoMealsToday;
        }
        cards.push_back(meal);

        CardText lec{ui::kNextLecture, p.text, false, "", "", ScreenId::Lectures, nullptr, "", ui::kIconLectures, 2};
        if (!s.lectures.empty()) {
            const auto& l = s.lectures.front();
            lec.label = content::countdownText(l.daysUntil) + " " + content::lectureKindName(l.lecture->kind);
            lec.labelColor = l.daysUntil == 0 ? p.ongoing : p.primary;
            lec.labelIsChip = true;
            lec.title = l.lecture->title;
            lec.detail = content::formatMonthDayChinese(l.lecture->date) + " " + content::formatTime(l.lecture->start);
            if (!l.lecture->place.empty()) lec.detail += " · " + l.lecture->place;
            if (!l.lecture->speaker.empty()) lec.more = std::string(ui::kSpeaker) + "：" + l.lecture->speaker;
        } else {
            lec.title = ui::kNoLectures;
        }
        cards.push_back(lec);

        const int n = static_cast<int>(cards.size());
        if (!t.portrait) {
            const float w = (max.x - min.x - (n - 1) * t.gap) / n;
            for (int i = 0; i < n; ++i)
                drawCard(state, cards[i], ImVec2(min.x + i * (w + t.gap), min.y),
                         ImVec2(min.x + i * (w + t.gap) + w, max.y));
        } else {
            const float h = (max.y - min.y - (n - 1) * t.gap) / n;
            for (int i = 0; i < n; ++i)
                drawCard(state, cards[i], ImVec2(min.x, min.y + i * (h + t.gap)),
                         ImVec2(max.x, min.y + i * (h + t.gap) + h));
        }
    }

    void drawCard(AppState& state, const CardText& c, ImVec2 a, ImVec2 b)
    {
        Ui& u = *state.ui;
        const Theme& t = u.theme();
        const Palette& p = t.palette;
        ImDrawList* d = u.draw();
        ImFont* hf = u.fonts().heading;
        ImFont* bf = u.fonts().body;
        const bool down = u.pressed(a, b);
        u.card(a, b, down ? p.secondary : p.card, p.cardBorder);
        // A coloured stripe on the left ties the card to its tile below.
        d->AddRectFilled(a, ImVec2(a.x + t.px(14), b.y), p.tile[c.colorIndex].packed(), t.radius,
                         ImDrawFlags_RoundCornersLeft);
        const float pad = t.px(32);
        const float x = a.x + pad + t.px(6);
        const float w = b.x - x - pad;
        float y = a.y + pad * 0.7f;
        d->PushClipRect(a, b, true);
        // Section name with its icon, then the highlight's label.
        const float r = bf->FontSize * 0.6f;
        u.badge(ImVec2(x + r, y + bf->FontSize * 0.65f), r, c.icon, p.tile[c.colorIndex], bf);
        const float lx = x + 2 * r + t.px(12);
        if (c.labelIsChip) {
            u.chip(ImVec2(lx, y), c.label, c.labelColor, p.onDark);
        } else {
            drawLine(d, bf, ImVec2(lx, y + (u.chipHeight() - bf->FontSize) * 0.5f), b.x - lx - pad,
                     p.textMuted.packed(), c.label);
        }
        y += u.chipHeight() + t.px(14);
        const float bottom = b.y - pad * 0.6f;
        const float detailH = c.detail.empty() ? 0 : lineAdvance(bf, t.lineSpacing);
        const int titleLines = std::max(1, static_cast<int>((bottom - y - detailH) / lineAdvance(hf, 1.3f)));
        y += drawParagraph(d, hf, ImVec2(x, y), w, p.text.packed(), c.title, 1.3f, std::min(titleLines, 3));
        if (!c.detail.empty()) {
            drawLine(d, bf, ImVec2(x, y + t.px(4)), w, p.text.packed(), c.detail);
            y += detailH;
        }
        const int moreLines = static_cast<int>((bottom - y) / lineAdvance(bf, t.lineSpacing));
        if (!c.more.empty() && moreLines > 0)
            drawParagraph(d, bf, ImVec2(x, y), w, p.textMuted.packed(), c.more, t.lineSpacing, moreLines);
        d->PopClipRect();
        if (u.tapped(a, b)) state.go(c.target);
    }
};

} // namespace

std::unique_ptr<Screen> makeHomeScreen()
{
    return std::make_unique<HomeScreen>();
}

} // namespace kiosk

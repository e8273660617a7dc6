// 首页: who we are, what day and time it is, what is on today, and a big tile per section.
#include "kiosk/app_state.h"
#include "kiosk/screens/screen_frame.h"
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
    void onEnter(AppState&) override { m_scroller.reset(); }
    bool wantsFrames(const AppState&) const override { return m_scroller.isMoving() || m_scroller.isDragging(); }

    void draw(AppState& state) override
    {
        const auto [u, t, p, s, d, f] = ScreenFrame::of(state);
        ImFont* hf = f.heading;
        ImFont* bf = f.body;
        ImFont* cf = f.clock;
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
                drawParagraph(d, bf, ImVec2(m, wy), leftW, p.textMuted.packed(), welcome, 1.25f, t.largeText ? 1 : 2);
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

        // --- Urgent notices: a red banner with the word 紧急 (never colour alone), the title and
        // the notice's first line, so the fact itself (when the water is cut) is on home.
        if (!s.urgent.empty()) {
            const content::Notice& n = *s.urgent.front();
            std::string title = n.title;
            if (s.urgent.size() > 1) title += "（共" + std::to_string(s.urgent.size()) + "条）";
            const std::string first = n.body.substr(0, n.body.find('\n'));
            const float cw = u.chipWidth(ui::kUrgent, hf);
            const float ch = u.chipHeight(hf);
            const float tx = m + t.gap * 2 + cw, tw = W - m - t.gap - tx;
            const float titleH = paragraphHeight(hf, title, tw, 1.2f);
            const float firstH = first.empty() ? 0 : paragraphHeight(bf, first, tw, 1.25f, 2);
            const float bh = std::max(t.minTarget, titleH + firstH + t.px(24));
            const ImVec2 a(m, y), b(W - m, y + bh);
            const bool down = u.pressed(a, b);
            d->AddRectFilled(a, b, (down ? p.primaryPressed : p.urgent).packed(), t.radius);
            const float cy = y + t.px(12) + std::min(titleH, hf->FontSize * 1.2f) * 0.5f;
            d->AddRectFilled(ImVec2(a.x + t.gap, cy - ch * 0.5f), ImVec2(a.x + t.gap + cw, cy + ch * 0.5f),
                             p.onDark.packed(), ch * 0.25f);
            addText(d, hf, ImVec2(a.x + t.gap + hf->FontSize * 0.4f, cy - hf->FontSize * 0.5f), p.urgent.packed(),
                    ui::kUrgent);
            float yy = y + t.px(12);
            yy += drawParagraph(d, hf, ImVec2(tx, yy), tw, p.onDark.packed(), title, 1.2f);
            if (!first.empty()) drawParagraph(d, bf, ImVec2(tx, yy), tw, p.onDark.packed(), first, 1.25f, 2);
            if (u.tapped(a, b)) state.go(ScreenId::Notices);
            y += bh + t.gap;
        }

        // --- Tiles at the bottom, highlights fill what is left.
        int count = 0;
        const Section* list = sections(count);
        // 大字 in landscape: six tiles in a row would cut their names, so two rows of three wide ones.
        const bool twoRows = !t.portrait && t.largeText;
        const int cols = t.portrait ? 2 : twoRows ? 3 : count;
        const int rows = (count + cols - 1) / cols;
        const float tileH = t.portrait ? std::max(t.minTarget * 1.4f, hf->FontSize * 2.2f)
                            : twoRows  ? std::max(t.minTarget, hf->FontSize * 1.4f)
                                       : std::max(t.minTarget * 1.4f, hf->FontSize * 2.3f);
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
        std::string detail; // times, dates, prices: in the heading font, never smaller than body text
        ScreenId target;
        std::string more; // filled into the card's remaining lines
        const char* icon;
        int colorIndex;
    };

    std::vector<CardText> highlightCards(const Snapshot& s, const Palette& p) const
    {
        std::vector<CardText> cards;
        CardText act{ui::kTodayActivity, p.text, false, "", "", ScreenId::Activities, "", ui::kIconActivities, 0};
        if (s.activityNow) {
            const auto& o = s.activityNow->occurrence;
            const int ahead = s.activityNow->daysAhead;
            act.labelIsChip = true;
            act.label = o.ongoing ? ui::kOngoing : ahead == 0 ? ui::kNext : content::countdownText(ahead);
            act.labelColor = o.ongoing ? p.ongoing : p.primary;
            act.title = o.activity->title;
            act.detail = timeRange(o.activity->start, o.activity->end);
            if (!o.activity->place.empty()) act.more = std::string(ui::kPlace) + "：" + o.activity->place;
            if (!o.activity->note.empty()) act.more += (act.more.empty() ? "" : "。") + o.activity->note;
        } else {
            act.title = s.today.empty() ? ui::kNoMoreActivities : ui::kActivitiesDoneToday;
        }
        cards.push_back(act);

        CardText meal{ui::kTodayMeals, p.text, false, "", "", ScreenId::Meals, "", ui::kIconMeals, 1};
        if (s.mealNow) {
            const content::Meal* m = s.mealNow->meal;
            const int ahead = s.mealNow->daysAhead;
            meal.labelIsChip = true;
            meal.labelColor = s.mealNow->serving ? p.ongoing : p.primary;
            const std::string kind = content::mealKindName(m->kind);
            meal.label = s.mealNow->serving ? std::string(ui::kServingNow) + " " + kind
                         : ahead == 0       ? std::string(ui::kNextMeal) + " " + kind
                                            : content::countdownText(ahead) + kind;
            meal.title = joinDishes(m->dishes);
            if (m->priceCents) meal.detail = content::formatPrice(*m->priceCents) + ui::kYuan;
            for (const auto& tag : m->tags) meal.more += (meal.more.empty() ? "" : "、") + tag;
            if (!m->note.empty()) meal.more += (meal.more.empty() ? "" : "。") + m->note;
        } else {
            meal.title = ui::kNoMoreMeals;
        }
        cards.push_back(meal);

        CardText lec{ui::kNextLecture, p.text, false, "", "", ScreenId::Lectures, "", ui::kIconLectures, 2};
        if (!s.lectures.empty()) {
            const auto& l = s.lectures.front();
            lec.label = l.ongoing
                            ? std::string(ui::kOngoing) + " " + content::lectureKindName(l.lecture->kind)
                            : content::countdownText(l.daysUntil) + " " + content::lectureKindName(l.lecture->kind);
            lec.labelColor = l.ongoing ? p.ongoing : p.primary;
            lec.labelIsChip = true;
            lec.title = l.lecture->title;
            lec.detail =
                content::formatMonthDayChinese(l.lecture->date) + " " + timeRange(l.lecture->start, l.lecture->end);
            if (!l.lecture->place.empty()) lec.more = std::string(ui::kPlace) + "：" + l.lecture->place;
            if (!l.lecture->speaker.empty())
                lec.more += (lec.more.empty() ? "" : "。") + std::string(ui::kSpeaker) + "：" + l.lecture->speaker;
        } else {
            lec.title = ui::kNoLectures;
        }
        cards.push_back(lec);
        return cards;
    }

    // Cards side by side in landscape, stacked in portrait. Titles wrap in full (大字 too); when
    // they do not fit, the row scrolls instead of cutting them off.
    void drawHighlights(AppState& state, ImVec2 min, ImVec2 max)
    {
        Ui& u = *state.ui;
        const Theme& t = *state.theme;
        const std::vector<CardText> cards = highlightCards(state.view(), t.palette);
        const int n = static_cast<int>(cards.size());
        const int cols = t.portrait ? 1 : n;
        const float w = (max.x - min.x - (cols - 1) * t.gap) / cols;
        std::vector<float> need;
        float rowNeed = 0, total = 0;
        for (const CardText& c : cards) {
            need.push_back(cardHeight(u, c, w));
            rowNeed = std::max(rowNeed, need.back());
            total += need.back() + t.gap;
        }
        const float avail = max.y - min.y;
        const float content = t.portrait ? total - t.gap : rowNeed;
        const bool scrolls = content > avail;
        float y = scrolls ? u.beginScroll(m_scroller, min, max) : min.y;
        if (t.portrait) {
            // Stacked: share the spare height out, or keep each card's own height when scrolling.
            const float spare = scrolls ? 0 : (avail - content) / n;
            for (int i = 0; i < n; ++i) {
                const float h = need[i] + spare;
                drawCard(state, cards[i], ImVec2(min.x, y), ImVec2(max.x, y + h));
                y += h + t.gap;
            }
        } else {
            const float h = std::max(rowNeed, avail);
            for (int i = 0; i < n; ++i)
                drawCard(state, cards[i], ImVec2(min.x + i * (w + t.gap), y),
                         ImVec2(min.x + i * (w + t.gap) + w, y + h));
        }
        if (scrolls) u.endScroll(m_scroller, content);
    }

    // What a card needs without its "more" lines.
    static float cardHeight(const Ui& u, const CardText& c, float width)
    {
        const Theme& t = u.theme();
        ImFont* hf = u.fonts().heading;
        const float pad = t.px(32);
        const float w = width - 2 * pad - t.px(6);
        float h = pad * 0.7f + u.chipHeight() + t.px(14);
        h += paragraphHeight(hf, c.title, w, 1.25f);
        if (!c.detail.empty()) h += paragraphHeight(hf, c.detail, w, 1.25f);
        return h + pad * 0.6f;
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
        // Section name with its icon, then the highlight's label.
        const float r = bf->FontSize * 0.6f;
        u.badge(ImVec2(x + r, y + u.chipHeight() * 0.5f), r, c.icon, p.tile[c.colorIndex], bf);
        const float lx = x + 2 * r + t.px(12);
        if (c.labelIsChip) {
            u.chip(ImVec2(lx, y), c.label, c.labelColor, p.onDark);
        } else {
            drawLine(d, bf, ImVec2(lx, y + (u.chipHeight() - bf->FontSize) * 0.5f), b.x - lx - pad,
                     p.textMuted.packed(), c.label);
        }
        y += u.chipHeight() + t.px(14);
        y += drawParagraph(d, hf, ImVec2(x, y), w, p.text.packed(), c.title, 1.25f);
        if (!c.detail.empty()) y += drawParagraph(d, hf, ImVec2(x, y), w, p.primary.packed(), c.detail, 1.25f);
        const float bottom = b.y - pad * 0.6f;
        const int moreLines = static_cast<int>((bottom - y) / lineAdvance(bf, t.lineSpacing));
        if (!c.more.empty() && moreLines > 0)
            drawParagraph(d, bf, ImVec2(x, y), w, p.textMuted.packed(), c.more, t.lineSpacing, moreLines);
        if (u.tapped(a, b)) state.go(c.target);
    }

    TouchScroller m_scroller;
};

} // namespace

std::unique_ptr<Screen> makeHomeScreen()
{
    return std::make_unique<HomeScreen>();
}

} // namespace kiosk

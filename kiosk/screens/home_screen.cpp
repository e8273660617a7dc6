// 首页: who we are, what day and time it is, what is on today, and a big tile per section.
#include "kiosk/app_state.h"
#include "kiosk/read_aloud.h"
#include "kiosk/screens/screen_chrome.h"
#include "kiosk/screens/screen_frame.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/draw_frame.h"
#include "kiosk/widgets/qr_code.h"
#include "kiosk/widgets/speak_button.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>
#include <string>
#include <vector>

namespace kiosk {

namespace {

class HomeScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Home; }
    void onEnter(AppState&) override { m_scroller.reset(); }
    bool wantsFrames(const AppState&) const override { return m_scroller.isMoving() || m_scroller.isDragging(); }

    void draw(AppState& state) override
    {
        const auto [u, t, p, s, d, hf, bf] = screenFrame(state);
        ImFont* cf = u.fonts().clock;
        const float W = state.width, H = state.height;
        const float m = t.margin;

        const std::string clock = content::formatTime(state.now.minute);
        const std::string date = content::formatMonthDayChinese(state.now.date) + " " + s.weekdayText;
        const std::string name = s.content->station.name();
        const std::string welcome =
            s.content->station.welcome().empty() ? ui::kWelcomeFallback : s.content->station.welcome();
        const float toggleH = t.minTarget;
        const float toggleW = std::max(t.minTarget * 1.6f, textWidth(hf, ui::kLargeTextOff) + t.px(60));
        // 朗读 reads the day's summary.
        const float speakH = t.minTarget;
        const float speakW = speakButtonWidth(state, speakH);
        auto speakSummary = [&] { return read_aloud::homeSummary(s); };
        const std::string qrText = s.content->station.qrCode();
        const QrMatrix& qr = m_qr.get(qrText);
        const float qrMin = t.px(252);
        const float qrW = qr.size > 0 ? qrSide(qr, qrMin) : 0;
        const std::string caption = qrW > 0 ? s.content->station.qrCaption() : std::string();
        const float welcomeSpacing = 1.25f;
        const float top = m * 0.75f;
        const float bottom = H - m * 0.75f;

        // The tiles: with the icon above the name when there is room, else the name alone.
        int count = 0;
        const Section* list = sections(count);
        const int cols = t.portrait ? 3 : count;
        const int rows = (count + cols - 1) / cols;
        const float tileW = (W - 2 * m - (cols - 1) * t.gap) / cols;
        const float tallTile = std::max(t.minTarget * 1.4f, hf->FontSize * 2.1f);
        const float lowTile = std::max(t.minTarget, hf->FontSize * 1.5f);
        const auto tilesHeight = [&](float tileH) { return rows * tileH + (rows - 1) * t.gap; };

        float bodyTop = 0, bodyRight = W - m;
        // Landscape: the station name's height and width, left of 朗读 and 大字.
        float nameH = 0, nameW = 0;
        bool welcomeInHeader = false;
        if (!t.portrait) {
            // Landscape: a column on the right holds the time, the date, 农历, the QR and its
            // caption; the name, 朗读 and 大字 head the left, whose body is the welcome, the
            // urgent banner and the three cards.
            // The column is as wide as the QR, the date and 农历 breaking into lines to fit it;
            // wider (the date on one line, the caption in fewer lines) when that is too tall.
            const float lowestTiles = bottom - tilesHeight(lowTile) - t.gap;
            const auto column = [&](float minW, bool draw) {
                std::vector<std::string> dateLines = {date};
                if (textWidth(hf, date) > minW)
                    dateLines = {content::formatMonthDayChinese(state.now.date), s.weekdayText};
                const std::vector<std::string> lunarLines = packPieces(bf, s.lunarText, " · ", minW);
                float colW = minW;
                for (const std::string& line : dateLines) colW = std::max(colW, textWidth(hf, line));
                for (const std::string& line : lunarLines) colW = std::max(colW, textWidth(bf, line));
                // Right-aligned: the time, the date, 农历; then the QR with its caption under it.
                float cy = top - t.px(8);
                if (draw) addText(d, cf, ImVec2(W - m - textWidth(cf, clock), cy), p.text.packed(), clock);
                cy += cf->FontSize * 0.86f;
                for (const std::string& line : dateLines) {
                    if (draw) addText(d, hf, ImVec2(W - m - textWidth(hf, line), cy), p.text.packed(), line);
                    cy += hf->FontSize * 1.05f;
                }
                for (const std::string& line : lunarLines) {
                    if (draw) addText(d, bf, ImVec2(W - m - textWidth(bf, line), cy), p.textMuted.packed(), line);
                    cy += bf->FontSize * 1.1f;
                }
                cy += t.gap * 0.5f;
                if (qrW > 0) {
                    if (draw) drawQrCode(d, ImVec2(W - m - qrW, cy), qrMin, qr, p.text, p.card);
                    cy += qrW + t.px(8);
                    if (!caption.empty())
                        cy += draw ? drawParagraph(d, bf, ImVec2(W - m - colW, cy), colW, p.text.packed(), caption,
                                                   welcomeSpacing)
                                   : paragraphHeight(bf, caption, colW, welcomeSpacing);
                }
                struct {
                    float width, bottom;
                } r{colW, cy};
                return r;
            };
            float colMin = std::max(qrW, textWidth(cf, clock));
            if (column(colMin, false).bottom > lowestTiles) colMin = std::max(colMin, textWidth(hf, date));
            const auto col = column(colMin, false);
            column(colMin, true);
            const float cy = col.bottom;
            const float colX = W - m - col.width;
            bodyRight = colX - t.gap * 1.5f;
            const float toggleX = bodyRight - toggleW;
            const float speakX = toggleX - t.gap - speakW;
            nameW = speakX - t.gap - m;
            nameH = drawParagraph(d, hf, ImVec2(m, top), nameW, p.text.packed(), name, 1.2f, 2);
            speakButton(state, ImVec2(speakX, top + t.px(8)), ImVec2(speakX + speakW, top + t.px(8) + speakH),
                        "home:today", speakSummary);
            drawLargeTextToggle(state, ImVec2(toggleX, top + t.px(8)), toggleH);
            bodyTop = top + std::max(nameH, toggleH + t.px(8)) + t.gap;
            m_columnBottom = cy;
        } else {
            // Portrait: the time with 朗读 and 大字; the name; the date with 农历 and the welcome on
            // the left, the QR and its caption on the right; then the banner and cards.
            addText(d, cf, ImVec2(m, top - t.px(8)), p.text.packed(), clock);
            const float toggleX = W - m - toggleW;
            const float speakX = toggleX - t.gap - speakW;
            speakButton(state, ImVec2(speakX, top), ImVec2(speakX + speakW, top + speakH), "home:today", speakSummary);
            drawLargeTextToggle(state, ImVec2(toggleX, top), toggleH);
            float y = top + std::max(cf->FontSize * 0.9f, toggleH) + t.gap * 0.5f;
            // The name across the whole width, then the row of the date and the QR.
            y += drawParagraph(d, hf, ImVec2(m, y), W - 2 * m, p.text.packed(), name, 1.25f, 2) + t.px(8);
            const float rowTop = y;
            const float leftW = qrW > 0 ? W - 2 * m - qrW - t.gap : W - 2 * m;
            float qrBottom = rowTop;
            if (qrW > 0) {
                drawQrCode(d, ImVec2(W - m - qrW, rowTop), qrMin, qr, p.text, p.card);
                qrBottom += qrW + t.px(8);
                if (!caption.empty())
                    qrBottom += drawParagraph(d, bf, ImVec2(W - m - qrW, qrBottom), qrW, p.text.packed(), caption,
                                              welcomeSpacing);
            }
            // The date and 农历 on one line when they fit, else 农历 below.
            addText(d, hf, ImVec2(m, y), p.text.packed(), date.c_str());
            if (!s.lunarText.empty()) {
                const float dx = textWidth(hf, date) + t.gap;
                if (dx + textWidth(bf, s.lunarText) <= leftW) {
                    addText(d, bf, ImVec2(m + dx, y + (hf->FontSize - bf->FontSize) * 0.75f), p.textMuted.packed(),
                            s.lunarText);
                    y += hf->FontSize * 1.1f;
                } else {
                    y += hf->FontSize * 1.05f;
                    addText(d, bf, ImVec2(m, y), p.textMuted.packed(), s.lunarText);
                    y += bf->FontSize * 1.15f;
                }
            } else {
                y += hf->FontSize * 1.1f;
            }
            // The welcome beside the QR when it fits there whole, else at the top of the body.
            const float wh = paragraphHeight(bf, welcome, leftW, welcomeSpacing);
            if (y + wh <= std::max(qrBottom, y + bf->FontSize * welcomeSpacing * 1.01f)) {
                y += drawParagraph(d, bf, ImVec2(m, y), leftW, p.textMuted.packed(), welcome, welcomeSpacing);
                welcomeInHeader = true;
            }
            bodyTop = std::max(y, qrBottom) + t.gap * 0.5f;
            m_columnBottom = 0;
        }

        // --- The body: the welcome (unless in the header), the urgent banner, the cards. At normal
        // size in landscape it fits whole: tall tiles, else low ones, else without the welcome.
        // When it still does not fit (大字, long texts) it scrolls, welcome and all.
        m_bodyRight = bodyRight;
        m_wideCards = t.portrait || t.largeText;
        const float bodyW = bodyRight - m;
        const float welcomeH = welcomeInHeader ? 0 : paragraphHeight(bf, welcome, bodyW, welcomeSpacing) + t.gap * 0.5f;
        const float bannerH = s.urgent.empty() ? 0 : bannerHeight(state) + t.gap;
        const float cardsH = highlightsHeight(state, bodyW);
        const auto room = [&](float tileH) { return bottom - tilesHeight(tileH) - t.gap - bodyTop; };
        const auto rightColumnFits = [&](float tileH) { return m_columnBottom <= bottom - tilesHeight(tileH); };
        float tileH = tallTile;
        bool withWelcome = true;
        const float full = welcomeH + bannerH + cardsH;
        if (full <= room(tallTile) && rightColumnFits(tallTile)) {
            tileH = tallTile;
        } else if (full <= room(lowTile) && rightColumnFits(lowTile)) {
            tileH = lowTile;
        } else if (!t.largeText && !t.portrait && bannerH > 0) {
            // A greeting gives way to an urgent notice rather than push the cards out of view:
            // its first sentences move up under the name, on one line, when the cards still fit.
            tileH = lowTile;
            withWelcome = false;
            const float shortTop = top + std::max(nameH + bf->FontSize * welcomeSpacing, toggleH + t.px(8)) + t.gap;
            const std::string_view shortWelcome = leadingSentences(bf, welcome, nameW);
            if (!shortWelcome.empty() && bannerH + cardsH <= bottom - tilesHeight(lowTile) - t.gap - shortTop) {
                drawParagraph(d, bf, ImVec2(m, top + nameH), nameW, p.textMuted.packed(), shortWelcome, welcomeSpacing);
                bodyTop = shortTop;
            }
        } else {
            tileH = lowTile;
        }
        const float tilesTop = bottom - tilesHeight(tileH);
        for (int i = 0; i < count; ++i) {
            const ImVec2 a(m + (i % cols) * (tileW + t.gap), tilesTop + (i / cols) * (tileH + t.gap));
            drawTile(state, list[i], a, ImVec2(a.x + tileW, a.y + tileH));
        }

        const float bodyBottom = tilesTop - t.gap;
        const float bodyH = (withWelcome ? welcomeH : 0) + bannerH + cardsH;
        const auto drawBody = [&](float y, float cardsBottom) {
            if (withWelcome && welcomeH > 0) {
                drawParagraph(d, bf, ImVec2(m, y), bodyW, p.textMuted.packed(), welcome, welcomeSpacing);
                y += welcomeH;
            }
            if (bannerH > 0) drawBanner(state, y);
            drawHighlights(state, ImVec2(m, y + bannerH),
                           ImVec2(bodyRight, std::max(cardsBottom, y + bannerH + cardsH)));
        };
        if (bodyH <= bodyBottom - bodyTop + 0.5f) {
            drawBody(bodyTop, bodyBottom);
        } else {
            // The position bar goes right of the body, in the margin (or the gap to the column).
            const float y0 =
                u.beginScroll(m_scroller, ImVec2(m, bodyTop), ImVec2(bodyRight + t.px(28), bodyBottom), bodyH);
            drawBody(y0, 0);
            u.endScroll(m_scroller, bodyH);
        }
    }

private:
    void drawTile(AppState& state, const Section& section, ImVec2 a, ImVec2 b)
    {
        const auto [u, t, p, d, hf, bf] = DrawFrame::of(*state.ui);
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
        } else if (h < hf->FontSize * 2) {
            // Too low for the icon above the name: the name alone, whole, clear of the tile's
            // edges (set a little smaller in 大字 where it would touch them).
            drawCenteredFit(d, hf, a, b, hf->FontSize * 0.12f, 0.9f, p.onDark.packed(), section.title);
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
        std::string detail; // times, dates: in body text (never smaller), in the primary colour
        ScreenId target;
        std::string more; // filled into the card's remaining lines when it fits whole
        const char* icon;
        int colorIndex;
        bool bodyTitle = false; // a long title (the dishes) in body text
        std::string corner;     // the price, at the top right in the heading font
        std::string moreFirst;  // the first part of `more`, when all of it does not fit
    };

    std::vector<CardText> highlightCards(const Snapshot& s, const Palette& p) const
    {
        std::vector<CardText> cards;
        CardText act{ui::kTodayActivity,  p.text, false, "", "", ScreenId::Activities, "",
                     ui::kIconActivities, 0,      false, "", ""};
        if (s.activityNow) {
            const auto& o = s.activityNow->occurrence;
            const int ahead = s.activityNow->daysAhead;
            act.labelIsChip = true;
            act.label = o.ongoing ? ui::kOngoing : ahead == 0 ? ui::kNext : content::countdownText(ahead);
            act.labelColor = o.ongoing ? p.ongoing : p.primary;
            act.title = o.activity->title;
            act.detail = timeRange(o.activity->start, o.activity->end);
            if (!o.activity->place.empty())
                act.more = act.moreFirst = std::string(ui::kPlace) + "：" + o.activity->place;
            if (!o.activity->note.empty()) act.more += (act.more.empty() ? "" : "。") + o.activity->note;
        } else {
            act.title = s.today.empty() ? ui::kNoMoreActivities : ui::kActivitiesDoneToday;
        }
        cards.push_back(act);

        CardText meal{ui::kTodayMeals, p.text, false, "", "", ScreenId::Meals, "", ui::kIconMeals, 1, false, "", ""};
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
            meal.bodyTitle = true;
            if (m->priceCents) meal.corner = mealPrice(*m->priceCents);
            for (const auto& tag : m->tags) meal.more += (meal.more.empty() ? "" : "、") + tag;
            meal.moreFirst = meal.more;
            if (!m->note.empty()) meal.more += (meal.more.empty() ? "" : "。") + m->note;
        } else {
            meal.title = ui::kNoMoreMeals;
        }
        cards.push_back(meal);

        CardText lec{ui::kNextLecture,  p.text, false, "", "", ScreenId::Lectures, "",
                     ui::kIconLectures, 2,      false, "", ""};
        if (!s.lectures.empty()) {
            const auto& l = s.lectures.front();
            lec.label = l.ongoing
                            ? std::string(ui::kOngoing) + " " + content::lectureKindName(l.lecture->kind)
                            : content::countdownText(l.daysUntil) + " " + content::lectureKindName(l.lecture->kind);
            lec.labelColor = l.ongoing ? p.ongoing : p.primary;
            lec.labelIsChip = true;
            lec.title = l.lecture->title;
            // Today's and tomorrow's say their time only (the label says 正在进行, 今天 or 明天).
            lec.detail = l.daysUntil <= 1 ? timeRange(l.lecture->start, l.lecture->end)
                                          : content::formatMonthDayChinese(l.lecture->date) + " " +
                                                timeRange(l.lecture->start, l.lecture->end);
            if (!l.lecture->place.empty()) lec.more = lec.moreFirst = std::string(ui::kPlace) + "：" + l.lecture->place;
            if (!l.lecture->speaker.empty())
                lec.more += (lec.more.empty() ? "" : "。") + std::string(ui::kSpeaker) + "：" + l.lecture->speaker;
        } else {
            lec.title = ui::kNoLectures;
        }
        cards.push_back(lec);
        return cards;
    }

    // The urgent banner: the word 紧急 (never colour alone), the title and the notice's first
    // line, so the fact itself (when the water is cut) is on home.
    float bannerHeight(AppState& state) const { return banner(state, 0, false); }
    void drawBanner(AppState& state, float y) { banner(state, y, true); }
    float banner(AppState& state, float y, bool draw) const
    {
        const auto [u, t, p, s, d, hf, bf] = screenFrame(state);
        const float m = t.margin, W = state.width;
        const content::Notice& n = *s.urgent.front();
        std::string title = n.title;
        if (s.urgent.size() > 1) title += "（共" + std::to_string(s.urgent.size()) + "条）";
        const std::string first = n.body.substr(0, n.body.find('\n'));
        const float cw = u.chipWidth(ui::kUrgent, hf);
        const float ch = u.chipHeight(hf);
        // Left of the right-hand column in landscape.
        const float right = m_bodyRight > 0 ? m_bodyRight : W - m;
        const float tx = m + t.gap * 2 + cw, tw = right - t.gap - tx;
        const float titleH = paragraphHeight(hf, title, tw, 1.2f);
        const int firstLines = 3;
        const float firstH = first.empty() ? 0 : paragraphHeight(bf, first, tw, 1.25f, firstLines);
        const float bh = std::max(t.minTarget, titleH + firstH + t.px(24));
        if (!draw) return bh;
        const ImVec2 a(m, y), b(right, y + bh);
        const bool down = u.pressed(a, b);
        d->AddRectFilled(a, b, (down ? p.primaryPressed : p.urgent).packed(), t.radius);
        const float cy = y + t.px(12) + std::min(titleH, hf->FontSize * 1.2f) * 0.5f;
        d->AddRectFilled(ImVec2(a.x + t.gap, cy - ch * 0.5f), ImVec2(a.x + t.gap + cw, cy + ch * 0.5f),
                         p.onDark.packed(), ch * 0.25f);
        addText(d, hf, ImVec2(a.x + t.gap + hf->FontSize * 0.4f, cy - hf->FontSize * 0.5f), p.urgent.packed(),
                ui::kUrgent);
        float yy = y + t.px(12);
        yy += drawParagraph(d, hf, ImVec2(tx, yy), tw, p.onDark.packed(), title, 1.2f);
        if (!first.empty()) drawParagraph(d, bf, ImVec2(tx, yy), tw, p.onDark.packed(), first, 1.25f, firstLines);
        if (u.tapped(a, b)) state.go(ScreenId::Notices);
        return bh;
    }

    // The highlight cards measured for a row (or a stack) `width` wide.
    struct Highlights {
        std::vector<CardText> cards;
        float w = 0;             // each card's width
        std::vector<float> need; // each card's natural height
        float rowNeed = 0;       // the tallest card
        float content = 0;       // the whole row's (stack's) natural height
    };
    Highlights measureHighlights(AppState& state, float width) const
    {
        Ui& u = *state.ui;
        const Theme& t = *state.theme;
        Highlights h;
        h.cards = highlightCards(state.view(), t.palette);
        const int cols = m_wideCards ? 1 : static_cast<int>(h.cards.size());
        h.w = (width - (cols - 1) * t.gap) / cols;
        float total = 0;
        for (const CardText& c : h.cards) {
            h.need.push_back(cardHeight(u, c, h.w, m_wideCards));
            h.rowNeed = std::max(h.rowNeed, h.need.back());
            total += h.need.back() + t.gap;
        }
        h.content = m_wideCards ? total - t.gap : h.rowNeed;
        return h;
    }

    // The highlights' height at their natural size.
    float highlightsHeight(AppState& state, float width) const { return measureHighlights(state, width).content; }

    // Cards side by side in landscape, stacked in portrait and 大字. Titles wrap in full.
    void drawHighlights(AppState& state, ImVec2 min, ImVec2 max)
    {
        const Theme& t = *state.theme;
        const auto [cards, w, need, rowNeed, content] = measureHighlights(state, max.x - min.x);
        const int n = static_cast<int>(cards.size());
        const float avail = max.y - min.y;
        // The caller gives at least `content` (scrolling the body if need be).
        float y = min.y;
        if (m_wideCards) {
            // Stacked: share the spare height out, or keep each card's own height when scrolling.
            const float spare = std::max(0.0f, avail - content) / n;
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
    }

    // Where a card's parts go: the label row (icon, label, the price at the right), then the
    // title beside the label on a wide card when it fits there, else on lines of its own.
    struct CardLayout {
        float x = 0, w = 0;  // the text column, from the card's left
        float labelRowH = 0; // the label row's height
        bool cornerOwnLine = false;
        bool titleBeside = false;
        bool titleInBody = false; // the title in the body size (the dishes; a long title)
        float titleX = 0;         // beside the label: from the card's left
        float titleH = 0;
        float height = 0; // without the "more" lines
    };
    static CardLayout cardLayout(const Ui& u, const CardText& c, float width, bool wide)
    {
        const Theme& t = u.theme();
        ImFont* hf = u.fonts().heading;
        ImFont* bf = u.fonts().body;
        CardLayout l;
        const float pad = t.px(32);
        l.x = pad + t.px(6);
        l.w = width - l.x - pad;
        const float r = bf->FontSize * 0.6f;
        const float label = c.labelIsChip ? u.chipWidth(c.label) : textWidth(bf, c.label);
        const float labelEnd = 2 * r + t.px(12) + label;
        const float cornerW = c.corner.empty() ? 0 : textWidth(hf, c.corner) + t.px(12);
        l.cornerOwnLine = !c.corner.empty() && labelEnd + cornerW > l.w;
        // A title longer than two lines of the heading size (a lecture's) is set in the body size.
        l.titleInBody =
            c.bodyTitle || (!wide && paragraphHeight(hf, c.title, l.w, 1.15f) > hf->FontSize * 1.15f * 2.5f);
        ImFont* titleFont = l.titleInBody ? bf : hf;
        const float titleSpacing = l.titleInBody ? 1.25f : 1.15f;
        l.labelRowH = u.chipHeight();
        if (wide && !l.cornerOwnLine) {
            const float besideW = l.w - labelEnd - t.gap - cornerW;
            if (!c.title.empty() && textWidth(titleFont, c.title) <= besideW) {
                l.titleBeside = true;
                l.titleX = l.x + labelEnd + t.gap;
                l.labelRowH = std::max(l.labelRowH, titleFont->FontSize * titleSpacing);
            }
        }
        float h = pad * 0.6f + l.labelRowH + t.px(10);
        if (l.cornerOwnLine) h += paragraphHeight(hf, c.corner, l.w, 1.15f);
        if (!l.titleBeside) {
            l.titleH = paragraphHeight(titleFont, c.title, l.w, titleSpacing);
            h += l.titleH;
        }
        if (!c.detail.empty()) h += paragraphHeight(bf, c.detail, l.w, 1.25f);
        l.height = h + pad * 0.5f;
        return l;
    }

    // What a card needs without its "more" lines.
    static float cardHeight(const Ui& u, const CardText& c, float width, bool wide)
    {
        return cardLayout(u, c, width, wide).height;
    }

    void drawCard(AppState& state, const CardText& c, ImVec2 a, ImVec2 b)
    {
        const auto [u, t, p, d, hf, bf] = DrawFrame::of(*state.ui);
        const CardLayout l = cardLayout(u, c, b.x - a.x, m_wideCards);
        const bool down = u.pressed(a, b);
        u.card(a, b, down ? p.secondary : p.card, p.cardBorder);
        // A coloured stripe on the left ties the card to its tile below.
        d->AddRectFilled(a, ImVec2(a.x + t.px(14), b.y), p.tile[c.colorIndex].packed(), t.radius,
                         ImDrawFlags_RoundCornersLeft);
        const float pad = t.px(32);
        const float x = a.x + l.x;
        const float w = l.w;
        float y = a.y + pad * 0.6f;
        // Section name with its icon, then the highlight's label; the price at the right.
        const float rowMid = y + l.labelRowH * 0.5f;
        const float r = bf->FontSize * 0.6f;
        u.badge(ImVec2(x + r, rowMid), r, c.icon, p.tile[c.colorIndex], bf);
        const float lx = x + 2 * r + t.px(12);
        const float chipY = rowMid - u.chipHeight() * 0.5f;
        if (!c.corner.empty() && !l.cornerOwnLine) {
            const float cw = textWidth(hf, c.corner);
            addText(d, hf, ImVec2(b.x - pad - cw, rowMid - hf->FontSize * 0.5f), p.text.packed(), c.corner);
        }
        if (c.labelIsChip)
            u.chip(ImVec2(lx, chipY), c.label, c.labelColor, p.onDark);
        else
            addText(d, bf, ImVec2(lx, rowMid - bf->FontSize * 0.5f), p.textMuted.packed(), c.label);
        ImFont* titleFont = l.titleInBody ? bf : hf;
        if (l.titleBeside)
            addText(d, titleFont, ImVec2(a.x + l.titleX, rowMid - titleFont->FontSize * 0.5f), p.text.packed(),
                    c.title);
        y += l.labelRowH + t.px(10);
        if (l.cornerOwnLine) y += drawParagraph(d, hf, ImVec2(x, y), w, p.text.packed(), c.corner, 1.15f);
        if (!l.titleBeside)
            y += drawParagraph(d, titleFont, ImVec2(x, y), w, p.text.packed(), c.title, l.titleInBody ? 1.25f : 1.15f);
        if (!c.detail.empty()) y += drawParagraph(d, bf, ImVec2(x, y), w, p.primary.packed(), c.detail, 1.25f);
        const float bottom = b.y - pad * 0.5f;
        // The extra lines only whole (all of them, else the first part), never cut.
        for (const std::string* more : {&c.more, &c.moreFirst}) {
            if (!more->empty() && paragraphHeight(bf, *more, w, t.lineSpacing) <= bottom - y + 0.5f) {
                drawParagraph(d, bf, ImVec2(x, y), w, p.textMuted.packed(), *more, t.lineSpacing);
                break;
            }
        }
        if (u.tapped(a, b)) state.go(c.target);
    }

    TouchScroller m_scroller;
    QrCache m_qr;
    float m_bodyRight = 0;    // where the banner and cards end this frame (the column is right of it)
    float m_columnBottom = 0; // the bottom of landscape's right-hand column (time, 农历, QR, caption)
    bool m_wideCards = false; // cards stacked, the title beside the label (portrait, 大字)
};

} // namespace

std::unique_ptr<Screen> makeHomeScreen()
{
    return std::make_unique<HomeScreen>();
}

} // namespace kiosk

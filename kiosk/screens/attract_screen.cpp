// Attract mode for passers-by, readable from 3 m: a carousel (snapshot.h makeSlides) of urgent
// notices, what is on now and next, the meals, the next lecture, an anti-fraud tip, the hotlines
// and notices, with a big clock; each slide as long as its words take to read. Everything drifts a few pixels over
// minutes against burn-in. A touch goes home (the app swallows it so nothing underneath fires).
#include "kiosk/app_state.h"
#include "kiosk/screens/burn_in.h"
#include "kiosk/screens/screen_frame.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk {

namespace {

class AttractScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Attract; }
    void onEnter(AppState& state) override { m_start = state.time; }

    void draw(AppState& state) override
    {
        const auto [u, t, p, s, d, f] = ScreenFrame::of(state);
        ImFont* df = f.display;
        ImFont* cf = f.bigClock;
        const float W = state.width, H = state.height;
        // The background (p.attractBackground) is the renderer's clear colour: screenBackground().
        const ImVec2 drift = burnInDrift(state.time, t.scale);
        const float m = t.margin * 1.5f;

        // Header: name and date on one side, the big clock on the other (stacked in portrait).
        char clock[16];
        std::snprintf(clock, sizeof clock, "%02d:%02d", state.now.minute / 60, state.now.minute % 60);
        const std::string date = content::formatMonthDayChinese(state.now.date) + " " + s.weekdayText;
        const std::string name = s.content->station.name();
        float y = m * 0.6f + drift.y;
        const float x0 = m + drift.x;
        const float clockW = textWidth(cf, clock);
        if (!t.portrait) {
            const float leftW = W - 2 * m - clockW - t.gap * 2;
            drawLine(d, df, ImVec2(x0, y + t.px(20)), leftW, p.attractText.packed(), name);
            drawLine(d, df, ImVec2(x0, y + t.px(20) + df->FontSize * 1.3f), leftW, p.attractAccent.packed(), date);
            addText(d, cf, ImVec2(W - m - clockW + drift.x, y - cf->FontSize * 0.1f), p.attractText.packed(), clock);
            y += std::max(cf->FontSize * 1.0f, df->FontSize * 2.5f);
        } else {
            addText(d, cf, ImVec2((W - clockW) * 0.5f + drift.x, y), p.attractText.packed(), clock);
            y += cf->FontSize * 1.05f;
            drawCentered(d, df, ImVec2(x0, y), ImVec2(W - m + drift.x, y + df->FontSize), p.attractAccent.packed(),
                         date);
            y += df->FontSize * 1.4f;
            drawParagraph(d, df, ImVec2(x0, y), W - 2 * m, p.attractText.packed(), name, 1.3f, 2);
            y += df->FontSize * 1.3f * (textWidth(df, name) > W - 2 * m ? 2 : 1);
        }
        y += t.gap;
        d->AddLine(ImVec2(x0, y), ImVec2(W - m + drift.x, y), p.attractAccent.packed(160), t.border);
        y += t.gap * 1.5f;

        // Footer hint.
        const float footerY = H - m * 0.6f - df->FontSize * 1.2f + drift.y;
        drawCentered(d, df, ImVec2(x0, footerY), ImVec2(W - m + drift.x, footerY + df->FontSize),
                     p.attractAccent.packed(), ui::kTouchToStart);

        if (s.slides.empty()) {
            drawCentered(d, df, ImVec2(x0, y), ImVec2(W - m + drift.x, footerY), p.attractText.packed(), ui::kWelcome);
            return;
        }
        // Each slide stays as long as its words take to read (snapshot.h).
        double loop = 0;
        for (const auto& slide : s.slides) loop += slide.seconds;
        const double elapsed = std::max(0.0, state.time - m_start);
        const double into = std::fmod(elapsed, loop);
        int index = 0;
        double begin = 0;
        while (index + 1 < static_cast<int>(s.slides.size()) && begin + s.slides[index].seconds <= into)
            begin += s.slides[index++].seconds;
        state.wakeAtTime(m_start + (elapsed - into) + begin + s.slides[index].seconds);
        const int n = static_cast<int>(s.slides.size());
        const AttractSlide& slide = s.slides[static_cast<std::size_t>(index)];

        // Slide title (urgent ones in a red band with the word 紧急通知).
        const float titleH = df->FontSize * 1.3f;
        if (slide.urgent)
            d->AddRectFilled(ImVec2(x0 - t.gap, y), ImVec2(W - m + drift.x, y + titleH), p.urgent.packed(), t.radius);
        addText(d, df, ImVec2(x0, y + (titleH - df->FontSize) * 0.5f),
                (slide.urgent ? p.onDark : p.attractAccent).packed(), slide.title);
        // Which slide of how many, as dots on the title line.
        const float dotR = t.px(12);
        for (int i = 0; i < n; ++i) {
            const ImVec2 c(W - m + drift.x - t.gap - (n - 1 - i) * dotR * 3 - dotR, y + titleH * 0.5f);
            if (i == index)
                d->AddCircleFilled(c, dotR, p.attractText.packed());
            else
                d->AddCircle(c, dotR, p.attractText.packed(170), 24, 2.0f);
        }
        y += titleH + t.gap;

        // The words in a column of at most ~20 characters, centred in what is left: lines a
        // passer-by reads at a glance.
        const float em = df->FontSize / kLineBoxPerEm;
        const float column = std::min(W - 2 * m, em * (kSlideLineChars + 0.5f));
        const float cx0 = (W - column) * 0.5f + drift.x;
        const float advance = df->FontSize * 1.2f;
        const auto leadInline = [&](const SlideItem& item) {
            // The same rule as slideItemLines(), which packed the slide.
            return !item.lead.empty() && charCount(item.lead) <= kSlideLineChars / 3;
        };
        float total = 0;
        for (const SlideItem& item : slide.items) {
            const float lw = leadInline(item) ? textWidth(df, item.lead) + em * 0.6f : 0;
            if (!item.lead.empty() && !leadInline(item)) total += advance;
            total += paragraphHeight(df, item.text, column - lw, 1.2f) + t.gap * 0.5f;
        }
        const float bottom = footerY - t.gap;
        y = std::max(y, y + (bottom - y - total) * 0.5f);
        d->PushClipRect(ImVec2(0, y), ImVec2(W, bottom), true);
        for (const SlideItem& item : slide.items) {
            float x = cx0;
            if (!item.lead.empty()) {
                addText(d, df, ImVec2(x, y), p.attractAccent.packed(), item.lead);
                if (leadInline(item))
                    x += textWidth(df, item.lead) + em * 0.6f;
                else
                    y += advance;
            }
            y += drawParagraph(d, df, ImVec2(x, y), cx0 + column - x, p.attractText.packed(), item.text, 1.2f);
            y += t.gap * 0.5f;
            if (y > bottom) break;
        }
        d->PopClipRect();
    }

private:
    double m_start = 0;
};

} // namespace

std::unique_ptr<Screen> makeAttractScreen()
{
    return std::make_unique<AttractScreen>();
}

} // namespace kiosk

// Attract mode for passers-by, readable from 3 m: a carousel of today's activities, today's
// menu, upcoming lectures, an anti-fraud tip and notices, with a big clock. Urgent notices come
// first. Everything drifts a few pixels over minutes against burn-in. A touch goes home (the
// app swallows it so nothing underneath fires).
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

constexpr double kSlideSeconds = 10; // each slide ≥ 8 s

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
        const int n = static_cast<int>(s.slides.size());
        const double elapsed = std::max(0.0, state.time - m_start);
        const int index = static_cast<int>(elapsed / kSlideSeconds) % n;
        state.wakeAtTime(m_start + (std::floor(elapsed / kSlideSeconds) + 1) * kSlideSeconds);
        const AttractSlide& slide = s.slides[index];

        // Slide title (urgent ones in a red band with the word 紧急通知).
        const float titleH = df->FontSize * 1.5f;
        if (slide.urgent)
            d->AddRectFilled(ImVec2(x0 - t.gap, y), ImVec2(W - m + drift.x, y + titleH), p.urgent.packed(), t.radius);
        addText(d, df, ImVec2(x0, y + (titleH - df->FontSize) * 0.5f),
                (slide.urgent ? p.onDark : p.attractAccent).packed(), slide.title.c_str());
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

        d->PushClipRect(ImVec2(0, y), ImVec2(W, footerY - t.gap), true);
        const float width = W - 2 * m;
        for (const SlideItem& item : slide.items) {
            float x = x0;
            if (!item.lead.empty()) {
                const float lw = textWidth(df, item.lead);
                const bool inline_ = lw < width * 0.4f && !t.portrait;
                addText(d, df, ImVec2(x, y + df->FontSize * 0.15f), p.attractAccent.packed(), item.lead.c_str());
                if (inline_)
                    x += lw + df->FontSize * 0.6f;
                else
                    y += df->FontSize * 1.3f;
            }
            const int maxLines = std::max(1, static_cast<int>((footerY - t.gap - y) / (df->FontSize * 1.3f)));
            y += drawParagraph(d, df, ImVec2(x, y), x0 + width - x, p.attractText.packed(), item.text, 1.3f,
                               std::min(maxLines, 4));
            y += t.gap * 0.5f;
            if (y > footerY) break;
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

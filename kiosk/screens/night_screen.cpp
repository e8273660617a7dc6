#include "kiosk/app_state.h"
#include "kiosk/screens/burn_in.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/draw_frame.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <string>

namespace kiosk {

namespace {

// Night: the screen dims to a clock; a touch wakes it.
class NightScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Night; }
    void draw(AppState& state) override
    {
        const auto [u, t, p, d, hf, bf] = DrawFrame::of(*state.ui);
        ImFont* cf = u.fonts().bigClock;
        ImFont* df = u.fonts().display;
        const float W = state.width, H = state.height;
        // The background (p.nightBackground) is the renderer's clear colour: screenBackground().
        const ImVec2 drift = burnInDrift(state.time, t.scale * 3);
        const std::string clock = content::formatTime(state.now.minute);
        const std::string date = content::formatMonthDayChinese(state.now.date) + " " +
                                 content::weekdayName(content::weekdayIndex(state.now.date));
        const content::Notice* urgent =
            state.snapshot && !state.snapshot->urgent.empty() ? state.snapshot->urgent.front() : nullptr;
        // With an urgent notice the clock and date share one line at the top, in the display
        // size, so that the whole notice (date and hours of a water cut) has the screen.
        float dateY;
        if (urgent) {
            const std::string line = clock + "  " + date;
            const float top = t.margin + drift.y;
            drawCentered(d, df, ImVec2(drift.x, top), ImVec2(W + drift.x, top + df->FontSize), p.nightText.packed(),
                         line);
            dateY = top;
        } else {
            const float cy = H * 0.38f + drift.y;
            const float cw = textWidth(cf, clock);
            addText(d, cf, ImVec2((W - cw) * 0.5f + drift.x, cy - cf->FontSize * 0.5f), p.nightText.packed(), clock);
            dateY = cy + cf->FontSize * 0.55f;
            drawCentered(d, df, ImVec2(drift.x, dateY), ImVec2(W + drift.x, dateY + df->FontSize), p.nightText.packed(),
                         date);
        }
        const float footerY = H - t.margin * 0.5f - df->FontSize * 1.1f + drift.y;
        // Urgent notices interrupt the night too: 紧急通知, the title and the whole text (the date
        // and hours of a water cut), in words, framed in red.
        if (urgent) {
            const float margin = t.margin * 1.5f;
            const float pad = t.gap * 0.67f;
            const float x = margin + pad + drift.x, w = W - 2 * (margin + pad);
            const std::string head = std::string(ui::kAttractUrgent) + "：" + urgent->title;
            const float bandTop = dateY + df->FontSize * 1.15f;
            const float bandBottom = footerY - t.gap * 0.5f;
            d->PushClipRect(ImVec2(0, bandTop), ImVec2(W, bandBottom), true);
            float y = bandTop + pad;
            y += drawParagraph(d, df, ImVec2(x, y), w, p.nightText.packed(), head, 1.15f);
            const int lines = std::max(1, static_cast<int>((bandBottom - pad - y) / (df->FontSize * 1.15f)));
            y += drawParagraph(d, df, ImVec2(x, y), w, p.nightText.packed(), urgent->body, 1.15f, lines);
            d->PopClipRect();
            d->AddRect(ImVec2(margin + drift.x, bandTop), ImVec2(W - margin + drift.x, std::min(bandBottom, y + pad)),
                       p.urgent.packed(), t.radius, 0, t.scale * 6);
        }
        drawCentered(d, df, ImVec2(drift.x, footerY), ImVec2(W + drift.x, footerY + df->FontSize), p.nightText.packed(),
                     ui::kTouchToWake);
    }
};

} // namespace

std::unique_ptr<Screen> makeNightScreen()
{
    return std::make_unique<NightScreen>();
}

} // namespace kiosk

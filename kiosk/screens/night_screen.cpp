#include "kiosk/app_state.h"
#include "kiosk/screens/burn_in.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <cstdio>
#include <string>

namespace kiosk {

namespace {

// Night: the screen dims to a clock; a touch wakes it.
class NightScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Night; }
    void draw(AppState& state) override
    {
        Ui& u = *state.ui;
        const Theme& t = u.theme();
        const Palette& p = t.palette;
        ImDrawList* d = u.draw();
        ImFont* cf = u.fonts().bigClock;
        ImFont* df = u.fonts().display;
        const float W = state.width, H = state.height;
        // The background (p.nightBackground) is the renderer's clear colour: screenBackground().
        const ImVec2 drift = burnInDrift(state.time, t.scale * 3);
        char clock[16];
        std::snprintf(clock, sizeof clock, "%02d:%02d", state.now.minute / 60, state.now.minute % 60);
        const float cy = H * 0.38f + drift.y;
        const float cw = textWidth(cf, clock);
        addText(d, cf, ImVec2((W - cw) * 0.5f + drift.x, cy - cf->FontSize * 0.5f), p.nightText.packed(), clock);
        const std::string date = content::formatMonthDayChinese(state.now.date) + " " +
                                 content::weekdayName(content::weekdayIndex(state.now.date));
        drawCentered(d, df, ImVec2(drift.x, cy + cf->FontSize * 0.6f),
                     ImVec2(W + drift.x, cy + cf->FontSize * 0.6f + df->FontSize), p.nightText.packed(), date);
        // Urgent notices interrupt the night too: 紧急通知 and the title, in words, framed in red.
        if (state.snapshot && !state.snapshot->urgent.empty()) {
            const std::string line = std::string(ui::kAttractUrgent) + "：" + state.snapshot->urgent.front()->title;
            const float bandTop = H * 0.62f + drift.y, bandH = df->FontSize * 1.6f;
            const float margin = t.margin * 2;
            d->AddRect(ImVec2(margin + drift.x, bandTop), ImVec2(W - margin + drift.x, bandTop + bandH),
                       p.urgent.packed(), t.radius, 0, t.scale * 6);
            drawCentered(d, df, ImVec2(margin + t.gap + drift.x, bandTop),
                         ImVec2(W - margin - t.gap + drift.x, bandTop + bandH), p.nightText.packed(), line);
        }
        drawCentered(d, df, ImVec2(drift.x, H * 0.8f + drift.y), ImVec2(W + drift.x, H * 0.8f + df->FontSize + drift.y),
                     p.nightText.packed(), ui::kTouchToWake);
    }
};

} // namespace

std::unique_ptr<Screen> makeNightScreen()
{
    return std::make_unique<NightScreen>();
}

} // namespace kiosk

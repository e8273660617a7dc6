#include "kiosk/widgets/speak_button.h"

#include "kiosk/theme.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/draw_frame.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

// A loudspeaker: a box, a cone and two sound waves, `size` high, centred on `c`.
void drawSpeakerIcon(ImDrawList* d, ImVec2 c, float size, ImU32 color, float stroke)
{
    const float h = size * 0.5f;
    const float boxW = size * 0.22f, boxH = size * 0.36f;
    const float left = c.x - size * 0.45f;
    d->AddRectFilled(ImVec2(left, c.y - boxH * 0.5f), ImVec2(left + boxW, c.y + boxH * 0.5f), color);
    const ImVec2 cone[4] = {ImVec2(left + boxW, c.y - boxH * 0.5f), ImVec2(left + boxW + size * 0.28f, c.y - h * 0.9f),
                            ImVec2(left + boxW + size * 0.28f, c.y + h * 0.9f), ImVec2(left + boxW, c.y + boxH * 0.5f)};
    d->AddConvexPolyFilled(cone, 4, color);
    const ImVec2 center(left + boxW + size * 0.28f, c.y);
    for (float r : {size * 0.22f, size * 0.42f}) {
        d->PathArcTo(center, r, -0.9f, 0.9f, 16);
        d->PathStroke(color, 0, stroke);
    }
}

} // namespace

float speakButtonWidth(const AppState& state, float height)
{
    const Ui& u = *state.ui;
    ImFont* font = u.fonts().heading;
    const float word = std::max(textWidth(font, ui::kSpeak), textWidth(font, ui::kStopSpeaking));
    return height * 0.7f + word + u.theme().px(24) * 2 + u.theme().px(12);
}

bool speakButton(AppState& state, ImVec2 min, ImVec2 max, const std::string& key, const std::function<Reading()>& text)
{
    const bool speaking = !state.speakingKey.empty() && state.speakingKey == key;
    // Without a voice, only a button that plays a recording is of use.
    if (!speaking && !state.speechAllowed && !(state.recordingsAllowed && text().hasRecording())) return false;
    const auto [u, t, p, d, font, bf] = DrawFrame::of(*state.ui);
    const bool down = u.pressed(min, max);
    // Speaking: the urgent red, so 停止 stands out from every other button.
    const Rgb fill = down ? p.primaryPressed : speaking ? p.urgent : p.primary;
    const float sink = down ? t.px(4) : 0.0f;
    if (!down)
        d->AddRectFilled(ImVec2(min.x, min.y + t.px(5)), ImVec2(max.x, max.y + t.px(5)), IM_COL32(0, 0, 0, 40),
                         t.radius);
    const ImVec2 a(min.x, min.y + sink), b(max.x, max.y + sink);
    d->AddRectFilled(a, b, fill.packed(), t.radius);
    const char* word = speaking ? ui::kStopSpeaking : ui::kSpeak;
    const float h = b.y - a.y;
    const float icon = std::min(h * 0.55f, font->FontSize * 0.75f);
    const float total = icon + t.px(12) + textWidth(font, word);
    const float x = a.x + std::max(t.px(12), (b.x - a.x - total) * 0.5f);
    if (speaking) {
        // 停止 gets a stop square instead of the speaker.
        const float s = icon * 0.5f;
        d->AddRectFilled(ImVec2(x + icon * 0.5f - s * 0.5f, a.y + h * 0.5f - s * 0.5f),
                         ImVec2(x + icon * 0.5f + s * 0.5f, a.y + h * 0.5f + s * 0.5f), p.onDark.packed());
    } else {
        drawSpeakerIcon(d, ImVec2(x + icon * 0.5f, a.y + h * 0.5f), icon, p.onDark.packed(), std::max(2.0f, t.px(4)));
    }
    addText(d, font, ImVec2(x + icon + t.px(12), a.y + (h - font->FontSize) * 0.5f), p.onDark.packed(), word);
    if (u.tapped(min, max)) {
        if (speaking)
            state.stopSpeech();
        else
            state.speak(key, text());
    }
    return true;
}

void stopSpeechOf(AppState& state, std::string_view prefix)
{
    if (std::string_view(state.speakingKey).substr(0, prefix.size()) == prefix && !state.speakingKey.empty())
        state.stopSpeech();
}

} // namespace kiosk

#include "kiosk/widgets/pin_pad.h"

#include "kiosk/widgets/text.h"

#include <algorithm>

namespace kiosk {

namespace {
// Row by row as on a phone: 1 2 3 / 4 5 6 / 7 8 9 / 删除 0 确定.
constexpr char kKeys[12] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', '<', '0', '='};
constexpr const char* kDelete = "删除";
constexpr const char* kConfirm = "确定";
} // namespace

PinPad::Action PinPad::press(char key)
{
    if (m_busy) return Action::None;
    if (key >= '0' && key <= '9') {
        if (static_cast<int>(m_digits.size()) < kMaxDigits) m_digits.push_back(key);
        return Action::None;
    }
    if (key == '<') {
        if (!m_digits.empty()) m_digits.pop_back();
        return Action::None;
    }
    if (key == '=' && static_cast<int>(m_digits.size()) >= kMinDigits) return Action::Submit;
    return Action::None;
}

float PinPad::keySize(const Theme& theme, ImVec2 available)
{
    const float byWidth = (available.x - 2 * theme.gap) / 3;
    const float byHeight = (available.y - 3 * theme.gap) / 4;
    const float fits = std::min(byWidth, byHeight);
    // Big, but not absurdly so on a large portrait screen.
    const float wanted = std::min(fits, theme.px(170));
    return std::max({wanted, theme.minTarget, 120.0f});
}

ImVec2 PinPad::gridSize(const Theme& theme, float key)
{
    return ImVec2(3 * key + 2 * theme.gap, 4 * key + 3 * theme.gap);
}

PinPad::Action PinPad::drawKeys(Ui& ui, ImVec2 min, float key)
{
    const Theme& t = ui.theme();
    Action action = Action::None;
    ImFont* digitFont = ui.fonts().display ? ui.fonts().display : ui.fonts().heading;
    for (int i = 0; i < 12; ++i) {
        const int row = i / 3, col = i % 3;
        const ImVec2 a(min.x + col * (key + t.gap), min.y + row * (key + t.gap));
        const ImVec2 b(a.x + key, a.y + key);
        const char k = kKeys[i];
        bool tapped = false;
        if (k == '<') {
            tapped = ui.button(a, b, kDelete, ButtonKind::Quiet, ui.fonts().heading);
        } else if (k == '=') {
            const bool ready = static_cast<int>(m_digits.size()) >= kMinDigits && !m_busy;
            // Greyed (quiet) until enough digits are in; it still says 确定 in words.
            tapped = ui.button(a, b, kConfirm, ready ? ButtonKind::Primary : ButtonKind::Quiet, ui.fonts().heading);
        } else {
            const char label[2] = {k, 0};
            tapped = ui.button(a, b, label, ButtonKind::Quiet, digitFont);
        }
        if (tapped && press(k) == Action::Submit) action = Action::Submit;
    }
    return action;
}

float PinPad::drawDots(Ui& ui, ImVec2 center) const
{
    const Theme& t = ui.theme();
    const Palette& p = t.palette;
    const int shown = std::max(static_cast<int>(m_digits.size()), kMinDigits);
    const float r = t.px(16);
    const float step = r * 3.2f;
    const float width = (shown - 1) * step;
    for (int i = 0; i < shown; ++i) {
        const ImVec2 c(center.x - width * 0.5f + i * step, center.y);
        if (i < static_cast<int>(m_digits.size()))
            ui.draw()->AddCircleFilled(c, r, p.text.packed(), 24);
        else
            ui.draw()->AddCircle(c, r, p.textMuted.packed(), 24, t.border);
    }
    return r * 2;
}

} // namespace kiosk

#pragma once
// The staff PIN pad: a big 3×4 number pad (1–9, 删除, 0, 确定) with the digits shown as dots.
// It only collects digits; checking them is the update service's job (off the main thread).
#include "kiosk/widgets/ui.h"

#include <string>
#include <string_view>

namespace kiosk {

class PinPad {
public:
    enum class Action { None, Submit };
    static constexpr int kMaxDigits = 8;
    static constexpr int kMinDigits = 4;

    // Key logic without drawing (for tests and the drawing below): '0'…'9', '<' (删除), '=' (确定).
    // Returns Submit when 确定 is pressed with at least kMinDigits digits.
    Action press(char key);
    void clear() { m_digits.clear(); }
    const std::string& digits() const { return m_digits; }
    // While the PIN is being checked keys do nothing.
    void setBusy(bool busy) { m_busy = busy; }
    bool busy() const { return m_busy; }

    // The side of one key for the theme: at least 120 px and the theme's target size.
    static float keySize(const Theme& theme, ImVec2 available);
    // Width and height of the 3×4 grid of keys of that size.
    static ImVec2 gridSize(const Theme& theme, float key);

    // Draws the 12 keys with their top-left at `min` and returns what a tap did.
    Action drawKeys(Ui& ui, ImVec2 min, float key);
    // The masked digits (●●●● and ○ for the rest up to 4), centred on `center`. Returns the height.
    float drawDots(Ui& ui, ImVec2 center) const;

private:
    std::string m_digits;
    bool m_busy = false;
};

} // namespace kiosk

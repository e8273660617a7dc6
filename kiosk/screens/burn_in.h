#pragma once
// Burn-in protection for screens that stay up for hours (attract, night).
#include "imgui.h"

#include <cmath>

namespace kiosk {

// A slow Lissajous path of ±10 px (times `scale`), one loop in tens of minutes.
inline ImVec2 burnInDrift(double time, float scale)
{
    return ImVec2(static_cast<float>(10 * scale * std::sin(time / 397.0)),
                  static_cast<float>(8 * scale * std::sin(time / 541.0)));
}

} // namespace kiosk

#include "kiosk/theme.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {
double channel(uint8_t value)
{
    const double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
} // namespace

double relativeLuminance(Rgb color)
{
    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b);
}

double contrastRatio(Rgb a, Rgb b)
{
    double la = relativeLuminance(a), lb = relativeLuminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

std::vector<ColorPair> textColorPairs(const Palette& p)
{
    std::vector<ColorPair> pairs = {
        {"text on background", p.text, p.background},
        {"muted text on background", p.textMuted, p.background},
        {"text on card", p.text, p.card},
        {"muted text on card", p.textMuted, p.card},
        {"button words", p.onDark, p.primary},
        {"pressed button words", p.onDark, p.primaryPressed},
        {"quiet button words", p.text, p.secondary},
        {"pressed quiet button words", p.text, p.secondaryPressed},
        {"urgent label", p.onDark, p.urgent},
        {"ongoing label", p.onDark, p.ongoing},
        {"pinned label", p.onDark, p.pinned},
        {"chip words", p.text, p.chip},
        {"muted chip words (已结束)", p.textMuted, p.chip},
        {"time in primary on card", p.primary, p.card},
        {"urgent number on card", p.urgent, p.card},
        {"hotline on footer", p.urgent, p.secondary},
        {"muted words on top bar", p.textMuted, p.secondary},
        {"pressed card words", p.text, p.secondary},
        {"attract text", p.attractText, p.attractBackground},
        {"attract accent", p.attractAccent, p.attractBackground},
        {"night clock", p.nightText, p.nightBackground},
    };
    for (int i = 0; i < 6; ++i) pairs.push_back({"tile " + std::to_string(i), p.onDark, p.tile[i]});
    return pairs;
}

Theme Theme::make(float width, float height, bool largeText)
{
    Theme t;
    t.width = width;
    t.height = height;
    t.portrait = height > width;
    t.largeText = largeText;
    // Design sizes are for a 1080 px short side; smaller windows scale down, larger up.
    t.scale = std::max(0.5f, std::min(width, height) / 1080.0f);
    const float text = largeText ? 1.25f : 1.0f;
    const auto em = [&](float design) { return std::round(t.px(design) * text); };
    t.bodyEm = em(40);
    t.headingEm = em(56);
    t.guideEm = t.headingEm;
    t.displayEm = em(72);
    t.clockEm = em(80);
    t.bigClockEm = em(160);
    t.bodyPx = lineBoxPx(t.bodyEm);
    t.headingPx = lineBoxPx(t.headingEm);
    t.guidePx = lineBoxPx(t.guideEm);
    t.displayPx = lineBoxPx(t.displayEm);
    t.clockPx = lineBoxPx(t.clockEm);
    t.bigClockPx = lineBoxPx(t.bigClockEm);
    t.lineSpacing = 1.4f;
    t.minTarget = t.px(120);
    t.gap = t.px(24);
    t.tapSlop = t.px(24);
    t.margin = t.px(40);
    t.radius = t.px(18);
    t.border = std::max(2.0f, t.px(3));
    t.topBarHeight = std::max(t.minTarget + t.px(30), t.headingPx * 1.75f);
    t.tileColumns = t.portrait ? 2 : 3;
    return t;
}

} // namespace kiosk

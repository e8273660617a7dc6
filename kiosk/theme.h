#pragma once
// One table of sizes and colours, sized from the screen (house style 7: no scattered pixel
// literals in screens). Elder-friendly (适老化): body ≥ 40 px em and headings 56 px em at 1080p,
// line spacing 1.4, touch targets ≥ 120 px with ≥ 16 px gaps, every text colour ≥ 7:1 on its
// background (WCAG AAA).
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

struct Rgb {
    uint8_t r = 0, g = 0, b = 0;
    // Packed for ImDrawList (IM_COL32 layout: A B G R from the high byte).
    uint32_t packed(uint8_t alpha = 255) const
    {
        return (uint32_t(alpha) << 24) | (uint32_t(b) << 16) | (uint32_t(g) << 8) | uint32_t(r);
    }
};

// WCAG 2 relative luminance and contrast ratio (1..21).
double relativeLuminance(Rgb color);
double contrastRatio(Rgb a, Rgb b);

struct Palette {
    // Warm off-white paper with near-black ink.
    Rgb background{0xFB, 0xF6, 0xEC};
    Rgb card{0xFF, 0xFF, 0xFF};
    Rgb cardBorder{0xC9, 0xBB, 0xA4};
    Rgb text{0x1F, 0x1A, 0x15};
    Rgb textMuted{0x4A, 0x40, 0x36};
    // Buttons and section colours: deep hues with white words.
    Rgb onDark{0xFF, 0xFF, 0xFF};
    Rgb primary{0x1D, 0x4E, 0x89}; // navy: buttons, selected tab
    Rgb primaryPressed{0x10, 0x30, 0x58};
    Rgb secondary{0xE8, 0xDF, 0xCF}; // unselected tab / quiet button, dark words on it
    Rgb secondaryPressed{0xCF, 0xC2, 0xAB};
    Rgb urgent{0x86, 0x16, 0x16};  // 紧急
    Rgb ongoing{0x1E, 0x5E, 0x34}; // 正在进行
    Rgb pinned{0x7A, 0x45, 0x00};  // 置顶
    Rgb chip{0xF1, 0xEA, 0xDC};    // tag chips, dark words on it
    Rgb tile[6] = {{0x1D, 0x4E, 0x89}, {0x8A, 0x3B, 0x12}, {0x1E, 0x5E, 0x34},
                   {0x5B, 0x2C, 0x6F}, {0x86, 0x16, 0x16}, {0x0E, 0x5A, 0x63}};
    // Attract mode: light words on deep navy, readable from across the lobby.
    Rgb attractBackground{0x10, 0x22, 0x3B};
    Rgb attractText{0xFF, 0xF8, 0xE7};
    Rgb attractAccent{0xFF, 0xD5, 0x80};
    // Night: a dim clock on black (still ≥ 7:1).
    Rgb nightBackground{0x00, 0x00, 0x00};
    Rgb nightText{0xA6, 0xA6, 0xA6};
    // The idle warning dims the screen behind it.
    Rgb scrim{0x00, 0x00, 0x00};
};

struct ColorPair {
    std::string name;
    Rgb foreground;
    Rgb background;
};
// Every text-on-background combination the screens draw.
std::vector<ColorPair> textColorPairs(const Palette& palette);

// Noto Sans CJK SC's (hhea ascender − descender) / units per em = (1160 + 288) / 1000: ImGui's
// font size is this line box. fonts_test checks it against the installed font file.
inline constexpr float kLineBoxPerEm = 1.448f;

struct Theme {
    float width = 1920, height = 1080;
    bool portrait = false;
    bool largeText = false;
    // Pixels per design pixel: 1 at 1080 on the short side.
    float scale = 1;

    // Text sizes as a designer means them: the em (the side of a Chinese character's square),
    // in pixels. 适老化 at 1080p: body ≥ 40, headings and the guide ≥ 56, attract ≥ 72; 大字 is
    // 1.25× of every one of them.
    float bodyEm = 40;
    float headingEm = 56;
    float guideEm = 56;     // the anti-fraud guide's running text (drawn in the heading font)
    float displayEm = 72;   // attract mode and the night notice, read from 3 m
    float clockEm = 80;     // the time on the home screen (digits only)
    float bigClockEm = 160; // attract / night clock (digits only)

    // The same sizes as ImGui counts a font's size (ImFontConfig::SizePixels, ImFont::FontSize):
    // the height of its line box, ascent + descent, at which the fonts are baked. Noto Sans CJK's
    // line box is 1.448 em (kLineBoxPerEm), so bodyPx is 58 for a 40 px em; layout code that
    // multiplies FontSize works in line boxes.
    float bodyPx = 58;
    float headingPx = 82;
    float guidePx = 82;
    float displayPx = 105;
    float clockPx = 116;
    float bigClockPx = 232;
    float lineSpacing = 1.4f; // line advance / text size for wrapped paragraphs

    // Touch.
    float minTarget = 120; // smallest tappable side
    float gap = 24;        // between targets (≥ 16)
    float tapSlop = 24;    // a finger moving further is a scroll, not a tap

    // Layout.
    float margin = 40;
    float radius = 18;
    float topBarHeight = 150;
    float border = 3;
    int tileColumns = 6;

    Palette palette;

    static Theme make(float width, float height, bool largeText);
    // The line box (SizePixels) that gives at least `em`: ImGui's FreeType builder truncates
    // SizePixels to whole pixels before asking FreeType for that real (ascent + descent) height.
    static float lineBoxPx(float em) { return std::ceil(em * kLineBoxPerEm - 0.01f); }
    // The em a font baked at `lineBox` pixels has.
    static float emOf(float lineBox) { return std::floor(lineBox) / kLineBoxPerEm; }
    // Design pixels at 1080p → screen pixels.
    float px(float designPixels) const { return designPixels * scale; }
};

} // namespace kiosk

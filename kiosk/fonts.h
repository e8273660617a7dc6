#pragma once
// Fonts: Noto Sans CJK SC found through fontconfig, baked once per size with only the glyphs
// the content and the UI use (ImGui 1.86 has no dynamic glyph loading; the full CJK range at
// these sizes would cost hundreds of MB). The atlas is rebuilt between frames when new text
// arrives or the text size or display profile changes.
#include "kiosk/theme.h"

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace kiosk {

struct FontFace {
    std::string path;
    int index = 0; // face in a .ttc collection (fontconfig FC_INDEX → ImFontConfig::FontNo)
};

struct FontFiles {
    FontFace regular;
    std::optional<FontFace> bold;
};

// Looks up "Noto Sans CJK SC" (regular, and bold if installed). Nothing when the family is not
// installed (fontconfig would otherwise substitute a font without Chinese glyphs).
std::optional<FontFiles> findCjkFonts();
// The message shown when findCjkFonts() finds nothing.
const char* missingFontMessage();

// Which sizes the atlas holds: the interactive screens, or attract/night (display + big clock).
// Keeping the two apart keeps each atlas within 2048×2048 for a station's content.
enum class FontProfile { Interactive, Attract };

struct GlyphPlan {
    std::set<char32_t> text;    // everything screens may draw: content + UI + ASCII
    std::set<char32_t> display; // what attract slides draw (+ UI)
};

class Fonts {
public:
    // Every font is non-null after a successful build (absent sizes alias present ones).
    ImFont* body = nullptr;
    ImFont* heading = nullptr; // bold when installed; also the guide text size
    ImFont* display = nullptr;
    ImFont* clock = nullptr;    // digits only
    ImFont* bigClock = nullptr; // digits only

    int atlasWidth = 0;
    int atlasHeight = 0;
    int glyphCount = 0;
    FontProfile profile = FontProfile::Interactive;
    bool largeText = false;

    // Clears and rebuilds `atlas` (rasterising it, Alpha8; the font files are read only during
    // the call and the atlas keeps no input data, so the next build starts from Clear()).
    // False when a font file cannot be read or FreeType fails.
    // With a cacheDir, an atlas built before from the same inputs is loaded from there instead
    // (font_cache.h), and a fresh build is stored there.
    bool build(ImFontAtlas& atlas, const FontFiles& files, const Theme& theme, FontProfile profile,
               const GlyphPlan& glyphs, const std::filesystem::path& cacheDir = {});
    bool cached = false; // the last build came from the cache

private:
    // ImFontConfig::GlyphRanges points into these; they must outlive the atlas build data.
    std::vector<std::vector<uint16_t>> m_ranges;
};

// Adds the UI strings, ASCII and the placeholder glyph to `glyphs`.
void addUiGlyphs(std::set<char32_t>& glyphs);
// [first, last] pairs terminated by 0, as ImFontConfig::GlyphRanges wants (BMP only).
std::vector<uint16_t> glyphRanges(const std::set<char32_t>& glyphs);

inline constexpr char32_t kPlaceholderGlyph = U'\u25A1'; // □ for a character not baked

} // namespace kiosk

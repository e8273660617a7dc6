#pragma once
// Fonts: Noto Sans CJK SC found through fontconfig, baked once per size with only the glyphs
// the content and the UI use (ImGui 1.86 has no dynamic glyph loading; the full CJK range at
// these sizes would cost hundreds of MB). The atlas is rebuilt between frames when new text
// arrives or the text size or display profile changes.
#include "kiosk/theme.h"

#include <cstddef>
#include <filesystem>
#include <memory>
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
    Fonts();
    ~Fonts();
    Fonts(const Fonts&) = delete;
    Fonts& operator=(const Fonts&) = delete;

    // Every font is non-null after a successful build (absent sizes alias present ones).
    ImFont* body = nullptr;
    ImFont* heading = nullptr; // bold when installed; also the guide text size
    ImFont* display = nullptr;
    ImFont* clock = nullptr;    // digits only
    ImFont* bigClock = nullptr; // digits only

    // The largest atlas; every atlas's size; their texels (one byte each as Alpha8) together.
    int atlasWidth = 0;
    int atlasHeight = 0;
    std::vector<std::pair<int, int>> atlasSizes;
    std::size_t textureBytes = 0;
    int glyphCount = 0;
    FontProfile profile = FontProfile::Interactive;
    bool largeText = false;

    // Clears and rebuilds `atlas` and the atlases this object owns besides it, one per text size
    // (each ≤ kAtlasSide wide; ImGui binds each font's own ContainerAtlas texture, so text must be
    // drawn with kiosk::addText or drawLine/drawParagraph, which push it). Rasterised as Alpha8; the font files are
    // read only during the call and the atlas keeps no input data, so the next build starts from Clear()). False when a
    // font file cannot be read or FreeType fails. With a cacheDir, an atlas built before from the same inputs is loaded
    // from there instead (font_cache.h), and a fresh build is stored there.
    bool build(ImFontAtlas& atlas, const FontFiles& files, const Theme& theme, FontProfile profile,
               const GlyphPlan& glyphs, const std::filesystem::path& cacheDir = {});
    bool cached = false; // the last build came from the cache (every atlas of it)

    // `first` (the atlas passed to build) and the ones this object owns, in build order.
    std::vector<ImFontAtlas*> atlases(ImFontAtlas& first) const;
    // 2048x1100 + 2048x1900
    std::string describeAtlases() const;

private:
    std::vector<std::unique_ptr<ImFontAtlas>> m_extra;
    // ImFontConfig::GlyphRanges points into these; they must outlive the atlas build data.
    std::vector<std::vector<uint16_t>> m_ranges;
};

// Adds the UI strings, ASCII and the placeholder glyph to `glyphs`.
void addUiGlyphs(std::set<char32_t>& glyphs);
// [first, last] pairs terminated by 0, as ImFontConfig::GlyphRanges wants (BMP only).
std::vector<uint16_t> glyphRanges(const std::set<char32_t>& glyphs);

inline constexpr int kAtlasSide = 2048;                  // the widest atlas texture, and the tallest one wanted
inline constexpr char32_t kPlaceholderGlyph = U'\u25A1'; // □ for a character not baked

} // namespace kiosk

#include "kiosk/fonts.h"

#include "content/glyph_set.h"
#include "kiosk/ui_text.h"

#include <fontconfig/fontconfig.h>

#include "imgui.h"
#include "imgui_freetype.h"

#include <cstdio>
#include <cstring>

namespace kiosk {

namespace {

constexpr const char* kFamily = "Noto Sans CJK SC";

std::optional<FontFace> matchFace(FcConfig* config, int weight) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(kFamily));
    FcPatternAddInteger(pattern, FC_WEIGHT, weight);
    FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>("zh-cn"));
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(config, pattern, &result);
    FcPatternDestroy(pattern);
    if (!match) return std::nullopt;

    // fontconfig always answers with something; accept only the family we asked for.
    bool familyOk = false;
    FcChar8* family = nullptr;
    for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &family) == FcResultMatch; ++i)
        if (std::strcmp(reinterpret_cast<const char*>(family), kFamily) == 0) familyOk = true;
    int matchedWeight = 0;
    FcPatternGetInteger(match, FC_WEIGHT, 0, &matchedWeight);
    FcChar8* file = nullptr;
    int index = 0;
    std::optional<FontFace> face;
    if (familyOk && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
        FcPatternGetInteger(match, FC_INDEX, 0, &index);
        // A bold request answered by the regular face is no bold face.
        if (weight < FC_WEIGHT_BOLD || matchedWeight >= FC_WEIGHT_DEMIBOLD)
            face = FontFace{reinterpret_cast<const char*>(file), index};
    }
    FcPatternDestroy(match);
    return face;
}

void addUtf8(std::set<char32_t>& glyphs, const char* text) { content::addGlyphs(text, glyphs); }

ImFont* addFont(ImFontAtlas& atlas, const FontFace& face, float pixels, const std::vector<uint16_t>& ranges,
                const char* name) {
    ImFontConfig config;
    config.FontNo = face.index;
    config.PixelSnapH = true;
    config.OversampleH = 1;
    config.OversampleV = 1;
    std::snprintf(config.Name, sizeof(config.Name), "%s %.0fpx", name, pixels);
    return atlas.AddFontFromFileTTF(face.path.c_str(), pixels, &config,
                                    reinterpret_cast<const ImWchar*>(ranges.data()));
}

// Makes □ the stand-in for characters that were not baked (ImGui would pick '?').
void usePlaceholder(ImFont* font) {
    const ImFontGlyph* glyph = font->FindGlyphNoFallback(static_cast<ImWchar>(kPlaceholderGlyph));
    if (!glyph) return;
    font->FallbackChar = static_cast<ImWchar>(kPlaceholderGlyph);
    font->FallbackGlyph = glyph;
    font->FallbackAdvanceX = glyph->AdvanceX;
    for (int c = 0; c < font->IndexLookup.Size && c < font->IndexAdvanceX.Size; ++c)
        if (font->IndexLookup[c] == static_cast<ImWchar>(-1)) font->IndexAdvanceX[c] = glyph->AdvanceX;
}

} // namespace

std::optional<FontFiles> findCjkFonts() {
    if (!FcInit()) return std::nullopt;
    FcConfig* config = FcConfigGetCurrent();
    auto regular = matchFace(config, FC_WEIGHT_REGULAR);
    if (!regular) return std::nullopt;
    FontFiles files;
    files.regular = *regular;
    files.bold = matchFace(config, FC_WEIGHT_BOLD);
    return files;
}

const char* missingFontMessage() {
    return "找不到中文字体 Noto Sans CJK SC。请安装 Debian 软件包 fonts-noto-cjk：\n"
           "  sudo apt-get install fonts-noto-cjk\n"
           "(font \"Noto Sans CJK SC\" not found via fontconfig; install the Debian package fonts-noto-cjk)";
}

void addUiGlyphs(std::set<char32_t>& glyphs) {
    for (const char* text : ui::kAll) addUtf8(glyphs, text);
    for (char32_t c = 0x20; c < 0x7f; ++c) glyphs.insert(c);
    glyphs.insert(kPlaceholderGlyph);
    // Full-width forms that sheets typed on Chinese keyboards often hold.
    addUtf8(glyphs, "０１２３４５６７８９：（）％＋－～·•");
}

std::vector<uint16_t> glyphRanges(const std::set<char32_t>& glyphs) {
    std::vector<uint16_t> ranges;
    for (char32_t c : glyphs) {
        // ImWchar is 16-bit in Debian's build; the range list cannot name other planes.
        if (c == 0 || c > 0xFFFF) continue;
        if (!ranges.empty() && static_cast<char32_t>(ranges.back()) + 1 == c) {
            ranges.back() = static_cast<uint16_t>(c);
        } else {
            ranges.push_back(static_cast<uint16_t>(c));
            ranges.push_back(static_cast<uint16_t>(c));
        }
    }
    ranges.push_back(0);
    return ranges;
}

bool Fonts::build(ImFontAtlas& atlas, const FontFiles& files, const Theme& theme, FontProfile wanted,
                  const GlyphPlan& glyphs) {
    atlas.Clear();
    // FreeType hints CJK strokes more crisply than stb_truetype at these sizes.
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;
    atlas.TexDesiredWidth = 2048;
    atlas.TexGlyphPadding = 1;

    std::set<char32_t> digits;
    addUtf8(digits, "0123456789:：- □");
    digits.insert(kPlaceholderGlyph);

    // Replaced only after Clear(): the old atlas no longer points into the old ranges.
    m_ranges.clear();
    m_ranges.reserve(3);
    m_ranges.push_back(glyphRanges(glyphs.text));
    m_ranges.push_back(glyphRanges(glyphs.display));
    m_ranges.push_back(glyphRanges(digits));
    const auto& textRanges = m_ranges[0];
    const auto& displayRanges = m_ranges[1];
    const auto& digitRanges = m_ranges[2];
    const FontFace& boldFace = files.bold ? *files.bold : files.regular;

    body = heading = display = clock = bigClock = nullptr;
    if (wanted == FontProfile::Interactive) {
        body = addFont(atlas, files.regular, theme.bodyPx, textRanges, "body");
        heading = addFont(atlas, boldFace, theme.headingPx, textRanges, "heading");
        clock = addFont(atlas, boldFace, theme.clockPx, digitRanges, "clock");
        display = heading;
        bigClock = clock;
    } else {
        display = addFont(atlas, boldFace, theme.displayPx, displayRanges, "display");
        bigClock = addFont(atlas, files.regular, theme.bigClockPx, digitRanges, "big clock");
        body = heading = display;
        clock = bigClock;
    }
    if (!body || !heading || !display || !clock || !bigClock || !atlas.Build()) return false;

    unsigned char* pixels = nullptr;
    atlas.GetTexDataAsRGBA32(&pixels, &atlasWidth, &atlasHeight);
    glyphCount = 0;
    for (ImFont* font : atlas.Fonts) {
        usePlaceholder(font);
        glyphCount += font->Glyphs.Size;
    }
    profile = wanted;
    largeText = theme.largeText;
    return pixels != nullptr;
}

} // namespace kiosk

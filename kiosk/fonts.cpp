#include "kiosk/fonts.h"

#include "content/file_io.h"
#include "content/glyph_set.h"
#include "kiosk/font_cache.h"
#include "kiosk/ui_text.h"
#include "platform/window.h"

#include <fontconfig/fontconfig.h>

#include "imgui.h"
#include "imgui_freetype.h"

#include <cstdio>
#include <cstring>

namespace kiosk {

namespace {

constexpr const char* kFamily = "Noto Sans CJK SC";

std::optional<FontFace> matchFace(FcConfig* config, int weight)
{
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

void addUtf8(std::set<char32_t>& glyphs, const char* text)
{
    content::addGlyphs(text, glyphs);
}

// Each face file is mapped once for one atlas build however many sizes use it (AddFontFromFileTTF
// would copy the whole ~20 MB .ttc onto the heap per size), and only the pages FreeType reads
// become resident; they are unmapped as soon as the atlas is built.
ImFont* addFont(ImFontAtlas& atlas, const content::MappedFile& file, const FontFace& face, float pixels,
                const std::vector<uint16_t>& ranges, const char* name)
{
    if (file.size() == 0) return nullptr;
    ImFontConfig config;
    config.FontNo = face.index;
    config.PixelSnapH = true;
    config.OversampleH = 1;
    config.OversampleV = 1;
    // The mapping belongs to MappedFile; the atlas must not free it (nor write to it).
    config.FontDataOwnedByAtlas = false;
    std::snprintf(config.Name, sizeof(config.Name), "%s %.0fpx", name, pixels);
    return atlas.AddFontFromMemoryTTF(const_cast<uint8_t*>(file.data()), static_cast<int>(file.size()), pixels, &config,
                                      reinterpret_cast<const ImWchar*>(ranges.data()));
}

// Makes □ the stand-in for characters that were not baked (ImGui would pick '?').
void usePlaceholder(ImFont* font)
{
    const ImFontGlyph* glyph = font->FindGlyphNoFallback(static_cast<ImWchar>(kPlaceholderGlyph));
    if (!glyph) return;
    font->FallbackChar = static_cast<ImWchar>(kPlaceholderGlyph);
    font->FallbackGlyph = glyph;
    font->FallbackAdvanceX = glyph->AdvanceX;
    for (int c = 0; c < font->IndexLookup.Size && c < font->IndexAdvanceX.Size; ++c)
        if (font->IndexLookup[c] == static_cast<ImWchar>(-1)) font->IndexAdvanceX[c] = glyph->AdvanceX;
}

} // namespace

std::optional<FontFiles> findCjkFonts()
{
    if (!FcInit()) return std::nullopt;
    FcConfig* config = FcConfigGetCurrent();
    auto regular = matchFace(config, FC_WEIGHT_REGULAR);
    if (!regular) return std::nullopt;
    FontFiles files;
    files.regular = *regular;
    files.bold = matchFace(config, FC_WEIGHT_BOLD);
    return files;
}

const char* missingFontMessage()
{
    return "找不到中文字体 Noto Sans CJK SC。请安装 Debian 软件包 fonts-noto-cjk：\n"
           "  sudo apt-get install fonts-noto-cjk\n"
           "(font \"Noto Sans CJK SC\" not found via fontconfig; install the Debian package fonts-noto-cjk)";
}

void addUiGlyphs(std::set<char32_t>& glyphs)
{
    for (const char* text : ui::kAll) addUtf8(glyphs, text);
    for (char32_t c = 0x20; c < 0x7f; ++c) glyphs.insert(c);
    glyphs.insert(kPlaceholderGlyph);
    // Full-width forms that sheets typed on Chinese keyboards often hold.
    addUtf8(glyphs, "０１２３４５６７８９：（）％＋－～·•");
}

std::vector<uint16_t> glyphRanges(const std::set<char32_t>& glyphs)
{
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

namespace {

// One size baked into the atlas.
struct FontSpec {
    const FontFace* face;
    float pixels;
    const std::vector<uint16_t>* ranges;
    const char* name;
};

// Everything an atlas build depends on, for the on-disk cache.
std::string atlasKey(const std::vector<FontSpec>& specs, const ImFontAtlas& atlas)
{
    std::string key = "imgui " IMGUI_VERSION " freetype light-hinting";
    char text[160];
    std::snprintf(text, sizeof text, " flags %d width %d padding %d|", static_cast<int>(atlas.Flags),
                  atlas.TexDesiredWidth, atlas.TexGlyphPadding);
    key += text;
    for (const FontSpec& spec : specs) {
        struct stat st {};
        if (stat(spec.face->path.c_str(), &st) != 0) return {};
        std::snprintf(text, sizeof text, "|%s %d size %lld mtime %lld.%09ld px %.4f ranges ", spec.name,
                      spec.face->index, static_cast<long long>(st.st_size), static_cast<long long>(st.st_mtim.tv_sec),
                      st.st_mtim.tv_nsec, spec.pixels);
        key += spec.face->path;
        key += text;
        key.append(reinterpret_cast<const char*>(spec.ranges->data()), spec.ranges->size() * sizeof(uint16_t));
    }
    return key;
}

} // namespace

namespace {

// Every atlas gets the same width and flags, so that ImGui's white pixel (packed first, in the
// upper-left corner) sits at the same UV in each: rectangles drawn while another atlas's texture
// is bound still sample white.
void prepareAtlas(ImFontAtlas& atlas)
{
    atlas.Clear();
    // FreeType hints CJK strokes more crisply than stb_truetype at these sizes.
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    // No rounding up to a power of two: a 2048x1100 atlas stays 2.2 MB, not 4.2.
    atlas.Flags |= ImFontAtlasFlags_NoMouseCursors | ImFontAtlasFlags_NoPowerOfTwoHeight;
    atlas.TexDesiredWidth = kAtlasSide;
    atlas.TexGlyphPadding = 1;
}

} // namespace

Fonts::Fonts() = default;
Fonts::~Fonts() = default;

std::vector<ImFontAtlas*> Fonts::atlases(ImFontAtlas& first) const
{
    std::vector<ImFontAtlas*> all{&first};
    for (const auto& a : m_extra) all.push_back(a.get());
    return all;
}

bool Fonts::build(ImFontAtlas& atlas, const FontFiles& files, const Theme& theme, FontProfile wanted,
                  const GlyphPlan& glyphs, const std::filesystem::path& cacheDir)
{
    prepareAtlas(atlas);
    for (auto& extra : m_extra) extra->Clear();

    std::set<char32_t> digits;
    addUtf8(digits, "0123456789:：- □");
    digits.insert(kPlaceholderGlyph);

    // Replaced only after Clear(): the old atlases no longer point into the old ranges.
    m_ranges.clear();
    m_ranges.reserve(3);
    m_ranges.push_back(glyphRanges(glyphs.text));
    m_ranges.push_back(glyphRanges(glyphs.display));
    m_ranges.push_back(glyphRanges(digits));
    const auto& textRanges = m_ranges[0];
    const auto& displayRanges = m_ranges[1];
    const auto& digitRanges = m_ranges[2];
    const FontFace& boldFace = files.bold ? *files.bold : files.regular;

    // One atlas per text size (the digits-only clocks ride along): at the promised em sizes
    // the body and heading glyphs of a station's content fill about one 2048² texture each.
    // The interactive profile draws display text in the heading font and the attract profile
    // draws everything in the display font.
    std::vector<std::vector<FontSpec>> groups;
    if (wanted == FontProfile::Interactive) {
        groups = {
            {{&files.regular, theme.bodyPx, &textRanges, "body"}, {&boldFace, theme.clockPx, &digitRanges, "clock"}},
            {{&boldFace, theme.headingPx, &textRanges, "heading"}}};
    } else {
        groups = {{{&boldFace, theme.displayPx, &displayRanges, "display"},
                   {&files.regular, theme.bigClockPx, &digitRanges, "big clock"}}};
    }
    while (m_extra.size() + 1 < groups.size()) m_extra.push_back(std::make_unique<ImFontAtlas>());
    m_extra.resize(groups.size() - 1);
    const std::vector<ImFontAtlas*> targets = atlases(atlas);

    // Each atlas is cached on its own; the font files are mapped only when one must be baked.
    std::optional<content::MappedFile> regularFile, boldFile;
    bool allCached = true;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        ImFontAtlas& target = *targets[g];
        prepareAtlas(target);
        const std::vector<FontSpec>& specs = groups[g];
        const std::string key = cacheDir.empty() ? std::string() : atlasKey(specs, target);
        const bool fromCache =
            !key.empty() && loadAtlas(target, cacheDir, key) && target.Fonts.Size == static_cast<int>(specs.size());
        if (fromCache) continue;
        allCached = false;
        prepareAtlas(target);
        if (!regularFile) regularFile = content::MappedFile::open(files.regular.path);
        if (!regularFile) return false;
        if (files.bold && files.bold->path != files.regular.path && !boldFile)
            boldFile = content::MappedFile::open(files.bold->path);
        bool added = true;
        for (const FontSpec& spec : specs) {
            const content::MappedFile& file =
                spec.face == &files.regular ? *regularFile : (boldFile ? *boldFile : *regularFile);
            added = added && addFont(target, file, *spec.face, spec.pixels, *spec.ranges, spec.name);
        }
        const bool built = added && target.Build();
        // The font files are unmapped when this call ends: drop every pointer into them. The
        // glyphs, metrics and pixels stay; rebuilding starts again from Clear().
        target.ClearInputData();
        if (!built) return false;
        if (!key.empty()) saveAtlas(target, cacheDir, key);
    }

    body = heading = display = clock = bigClock = nullptr;
    if (wanted == FontProfile::Interactive) {
        body = targets[0]->Fonts[0];
        clock = bigClock = targets[0]->Fonts[1];
        heading = display = targets[1]->Fonts[0];
    } else {
        display = body = heading = targets[0]->Fonts[0];
        bigClock = clock = targets[0]->Fonts[1];
    }

    atlasWidth = atlasHeight = 0;
    textureBytes = 0;
    glyphCount = 0;
    atlasSizes.clear();
    for (ImFontAtlas* target : targets) {
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        target->GetTexDataAsAlpha8(&pixels, &w, &h);
        if (!pixels) return false;
        atlasSizes.push_back({w, h});
        textureBytes += static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
        // The largest one, for the messages that print one size.
        if (static_cast<long>(w) * h > static_cast<long>(atlasWidth) * atlasHeight) {
            atlasWidth = w;
            atlasHeight = h;
        }
        for (ImFont* font : target->Fonts) {
            usePlaceholder(font);
            glyphCount += font->Glyphs.Size;
        }
    }
    profile = wanted;
    largeText = theme.largeText;
    cached = allCached;
    // The live atlases (ImGui's own first): the window uploads a texture for each.
    if (ImGui::GetCurrentContext() && &atlas == ImGui::GetIO().Fonts) {
        platform::setExtraFontAtlases(std::vector<ImFontAtlas*>(targets.begin() + 1, targets.end()));
        std::fprintf(stderr, "kiosk: font atlases %s = %.1f MB of glyph texture (Alpha8)\n", describeAtlases().c_str(),
                     textureBytes / 1048576.0);
    }
    return true;
}

std::string Fonts::describeAtlases() const
{
    std::string text;
    for (const auto& [w, h] : atlasSizes) {
        if (!text.empty()) text += " + ";
        text += std::to_string(w) + "x" + std::to_string(h);
    }
    return text;
}

} // namespace kiosk

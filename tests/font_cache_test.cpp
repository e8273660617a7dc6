// The on-disk atlas cache: a second build of the same fonts loads what the first one baked,
// glyph for glyph and pixel for pixel; a damaged entry is a miss, never a wrong atlas.
#include "content/demo_content.h"
#include "kiosk/fonts.h"
#include "kiosk/snapshot.h"
#include "kiosk/theme.h"

#include "tests/support/test_files.h"

#include "imgui.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

using namespace kiosk;

namespace {

struct Baked {
    bool cached = false;
    int width = 0, height = 0;
    std::vector<unsigned char> pixels;
    std::vector<std::vector<ImFontGlyph>> glyphs;
    std::vector<float> sizes;
};

Baked bake(const FontFiles& files, const std::filesystem::path& cacheDir)
{
    using namespace std::chrono;
    const content::LocalDateTime now{content::Date{year{2026}, month{6}, day{3}}, 10 * 60 + 15};
    auto content = std::make_shared<const content::Content>(content::demoContent(now.date));
    const GlyphPlan plan = glyphPlan(*makeSnapshot(content, now));
    ImFontAtlas atlas;
    Fonts fonts;
    REQUIRE(fonts.build(atlas, files, Theme::make(1920, 1080, false), FontProfile::Interactive, plan, cacheDir));
    Baked b;
    b.cached = fonts.cached;
    unsigned char* pixels = nullptr;
    atlas.GetTexDataAsAlpha8(&pixels, &b.width, &b.height);
    REQUIRE(pixels);
    b.pixels.assign(pixels, pixels + static_cast<size_t>(b.width) * b.height);
    for (const ImFont* font : atlas.Fonts) {
        b.glyphs.emplace_back(font->Glyphs.begin(), font->Glyphs.end());
        b.sizes.push_back(font->FontSize);
    }
    return b;
}

bool sameGlyphs(const Baked& a, const Baked& b)
{
    if (a.glyphs.size() != b.glyphs.size()) return false;
    for (size_t f = 0; f < a.glyphs.size(); ++f) {
        if (a.glyphs[f].size() != b.glyphs[f].size()) return false;
        if (std::memcmp(a.glyphs[f].data(), b.glyphs[f].data(), a.glyphs[f].size() * sizeof(ImFontGlyph)) != 0)
            return false;
    }
    return true;
}

} // namespace

TEST_CASE("a cached atlas loads exactly what was baked, and a damaged entry is rebuilt", "[fonts]")
{
    const std::optional<FontFiles> files = findCjkFonts();
    REQUIRE(files); // fonts-noto-cjk is a build dependency of the kiosk
    const test::TempDir tmp("kiosk-font-cache-test");
    const auto dir = tmp.path / "cache";

    const Baked built = bake(*files, dir);
    CHECK_FALSE(built.cached);
    const Baked loaded = bake(*files, dir);
    CHECK(loaded.cached);
    CHECK(loaded.width == built.width);
    CHECK(loaded.height == built.height);
    CHECK(loaded.sizes == built.sizes);
    CHECK(sameGlyphs(loaded, built));
    CHECK(loaded.pixels == built.pixels);

    // Cut every entry short: a miss, and the rebuild is the same atlas again.
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        std::filesystem::resize_file(entry.path(), std::filesystem::file_size(entry.path()) / 2);
    const Baked rebuilt = bake(*files, dir);
    CHECK_FALSE(rebuilt.cached);
    CHECK(rebuilt.pixels == built.pixels);
    CHECK(sameGlyphs(rebuilt, built));
    CHECK(bake(*files, dir).cached);
}

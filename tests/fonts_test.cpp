// Fonts at the promised sizes: the installed Noto Sans CJK's line box is the 1.448 em the theme
// converts with, and every atlas of every profile stays within 2048² and 32 MB together.
#include "content/demo_content.h"
#include "kiosk/fonts.h"
#include "kiosk/snapshot.h"
#include "kiosk/theme.h"

#include "imgui.h"

#include <catch2/catch.hpp>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <optional>

using namespace kiosk;

TEST_CASE("Noto Sans CJK's line box is the 1.448 em the theme converts with", "[fonts]")
{
    const std::optional<FontFiles> files = findCjkFonts();
    REQUIRE(files);
    FT_Library library = nullptr;
    REQUIRE(FT_Init_FreeType(&library) == 0);
    for (const FontFace* face : {&files->regular, files->bold ? &*files->bold : &files->regular}) {
        FT_Face ft = nullptr;
        REQUIRE(FT_New_Face(library, face->path.c_str(), face->index, &ft) == 0);
        // What ImGui's FreeType builder asks for: FT_SIZE_REQUEST_TYPE_REAL_DIM, ascender − descender.
        const double box = double(ft->ascender - ft->descender) / ft->units_per_EM;
        INFO(face->path << " #" << face->index << ": line box " << box << " em");
        CHECK(box == Approx(kLineBoxPerEm).margin(0.001));
        FT_Done_Face(ft);
    }
    FT_Done_FreeType(library);
}

TEST_CASE("each text size gets an atlas within 2048x2048, all within 32 MB", "[fonts]")
{
    const std::optional<FontFiles> files = findCjkFonts();
    REQUIRE(files);
    using namespace std::chrono;
    const content::LocalDateTime now{content::Date{year{2026}, month{6}, day{3}}, 10 * 60 + 15};
    auto content = std::make_shared<const content::Content>(content::demoContent(now.date));
    const GlyphPlan plan = glyphPlan(*makeSnapshot(content, now));
    for (auto [w, h] : {std::pair{1920.f, 1080.f}, std::pair{1080.f, 1920.f}})
        for (bool large : {false, true})
            for (FontProfile profile : {FontProfile::Interactive, FontProfile::Attract}) {
                const Theme theme = Theme::make(w, h, large);
                ImFontAtlas atlas;
                Fonts fonts;
                REQUIRE(fonts.build(atlas, *files, theme, profile, plan));
                INFO((large ? "大字 " : "") << (profile == FontProfile::Interactive ? "interactive" : "attract") << ": "
                                            << fonts.describeAtlases());
                for (auto [aw, ah] : fonts.atlasSizes) {
                    CHECK(aw <= 2048);
                    CHECK(ah <= 2048);
                }
                CHECK(fonts.textureBytes <= 32u * 1024 * 1024);
                // The fonts are baked at the theme's line boxes, so their em is the promise.
                if (profile == FontProfile::Interactive) {
                    CHECK(fonts.body->FontSize == theme.bodyPx);
                    CHECK(fonts.heading->FontSize == theme.headingPx);
                    CHECK(fonts.body->ContainerAtlas != fonts.heading->ContainerAtlas);
                } else {
                    CHECK(fonts.display->FontSize == theme.displayPx);
                }
                // Every glyph the plan asks for is in the font that draws it.
                for (char32_t c : plan.text)
                    if (profile == FontProfile::Interactive && c <= 0xFFFF && c >= 0x20)
                        CHECK(fonts.heading->FindGlyphNoFallback(static_cast<ImWchar>(c)));
            }
}

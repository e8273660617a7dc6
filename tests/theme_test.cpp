// The elder-friendly theme: contrast ≥ 7:1 for every text colour pair (WCAG AAA), sizes at
// 1080p, touch targets ≥ 120 px with ≥ 16 px gaps, line spacing ≥ 1.3.
#include "kiosk/theme.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("contrast formula matches WCAG reference values", "[theme]")
{
    CHECK(contrastRatio({0, 0, 0}, {255, 255, 255}) == Approx(21.0).margin(0.01));
    CHECK(contrastRatio({255, 255, 255}, {255, 255, 255}) == Approx(1.0));
    // #777 on white is the classic 4.48:1.
    CHECK(contrastRatio({0x77, 0x77, 0x77}, {255, 255, 255}) == Approx(4.48).margin(0.01));
    CHECK(contrastRatio({10, 20, 30}, {200, 210, 220}) == Approx(contrastRatio({200, 210, 220}, {10, 20, 30})));
}

TEST_CASE("every text/background pair of the palette is at least 7:1", "[theme]")
{
    const Palette palette;
    const auto pairs = textColorPairs(palette);
    REQUIRE(pairs.size() >= 15);
    for (const auto& pair : pairs) {
        INFO(pair.name << ": " << contrastRatio(pair.foreground, pair.background));
        CHECK(contrastRatio(pair.foreground, pair.background) >= 7.0);
    }
}

TEST_CASE("sizes at 1920x1080 follow the elder-friendly numbers", "[theme]")
{
    const Theme t = Theme::make(1920, 1080, false);
    CHECK_FALSE(t.portrait);
    CHECK(t.bodyPx >= 40);
    CHECK(t.headingPx == 56);
    CHECK(t.guidePx >= 56);
    CHECK(t.displayPx >= 64);
    CHECK(t.lineSpacing >= 1.3f);
    CHECK(t.minTarget >= 120);
    CHECK(t.gap >= 16);
    CHECK(t.topBarHeight >= t.minTarget);
}

TEST_CASE("portrait 1080x1920 keeps the sizes and gets its own layout", "[theme]")
{
    const Theme land = Theme::make(1920, 1080, false);
    const Theme port = Theme::make(1080, 1920, false);
    CHECK(port.portrait);
    CHECK(port.bodyPx == land.bodyPx);
    CHECK(port.minTarget >= 120);
    CHECK(port.tileColumns < land.tileColumns);
}

TEST_CASE("大字 makes text about a quarter larger", "[theme]")
{
    const Theme normal = Theme::make(1920, 1080, false);
    const Theme large = Theme::make(1920, 1080, true);
    CHECK(large.bodyPx == Approx(normal.bodyPx * 1.25f).margin(1));
    CHECK(large.headingPx == Approx(normal.headingPx * 1.25f).margin(1));
    CHECK(large.minTarget >= normal.minTarget);
}

#include "platform/thumbnail.h"

#include <catch2/catch.hpp>

using namespace platform;

TEST_CASE("thumbnail: due after the screen settled, hourly, never while the screen is off", "[thumbnail]")
{
    ThumbnailSchedule schedule({2.0, 3600, 5.0});
    schedule.contentChanged(100);
    CHECK_FALSE(schedule.due(101, true));
    CHECK(schedule.nextDue() == 102);
    CHECK(schedule.due(102, true));
    // Night: the screen is off, no picture however overdue.
    CHECK_FALSE(schedule.due(5000, false));
    schedule.captured(102);
    CHECK_FALSE(schedule.due(3000, true));
    CHECK(schedule.due(3702, true));
    // A content change brings it forward.
    schedule.contentChanged(200);
    CHECK(schedule.due(202, true));
    schedule.failed(202);
    CHECK_FALSE(schedule.due(206, true));
    CHECK(schedule.due(207, true));
}

TEST_CASE("thumbnail: 480 px wide, the frame's shape, never larger than the frame", "[thumbnail]")
{
    CHECK(thumbnailSize(1920, 1080, 480).width == 480);
    CHECK(thumbnailSize(1920, 1080, 480).height == 270);
    CHECK(thumbnailSize(1080, 1920, 480).height == 853);
    CHECK(thumbnailSize(1280, 800, 480).height == 300);
    CHECK(thumbnailSize(320, 200, 480).width == 320);
    CHECK(thumbnailSize(0, 200, 480).width == 0);
}

TEST_CASE("thumbnail: the box filter averages each block, so thin strokes stay visible", "[thumbnail]")
{
    // 8x4 source: a one-pixel white vertical line at x = 1 on black, a red right half.
    const ThumbnailSize from{8, 4}, to{2, 1};
    std::vector<uint8_t> rgba(8 * 4 * 4, 0);
    for (int y = 0; y < 4; ++y) {
        for (int x = 0; x < 8; ++x) {
            uint8_t* p = rgba.data() + (y * 8 + x) * 4;
            if (x == 1) p[0] = p[1] = p[2] = 255;
            if (x >= 4) p[0] = 200;
        }
    }
    const std::vector<uint8_t> out = boxDownscale(rgba, from, to);
    REQUIRE(out.size() == 2 * 4);
    // Left block: one column of sixteen pixels white -> a quarter grey, not lost.
    CHECK(out[0] == 64);
    CHECK(out[1] == 64);
    CHECK(out[2] == 64);
    CHECK(out[3] == 255);
    // Right block: all red.
    CHECK(out[4] == 200);
    CHECK(out[5] == 0);
    CHECK(out[6] == 0);
    // Not a whole multiple: every target pixel still covers at least one source pixel.
    const std::vector<uint8_t> odd = boxDownscale(rgba, from, ThumbnailSize{3, 3});
    CHECK(odd.size() == 3 * 3 * 4);
    CHECK(odd[(2 * 3 + 2) * 4] == 200);
}

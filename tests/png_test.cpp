// The screenshot PNG encoder: files decode (with zlib, as any PNG reader would) to exactly the
// pixels given, from top-down or bottom-up rows.
#include "platform/png.h"

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

using platform::ImageView;

namespace {

uint32_t bigEndian(const uint8_t* p)
{
    return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16 | static_cast<uint32_t>(p[2]) << 8 |
           p[3];
}

struct Decoded {
    int width = 0;
    int height = 0;
    int channels = 0;
    std::vector<uint8_t> pixels; // top-down, tightly packed
};

// A small PNG reader for what encodePng writes (8-bit RGB/RGBA, filters None and Up); every
// chunk CRC, the zlib stream and its Adler-32 are checked. REQUIREs on anything else.
Decoded decodePng(const std::vector<uint8_t>& png)
{
    const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    REQUIRE(png.size() > 8);
    REQUIRE(std::memcmp(png.data(), signature, 8) == 0);
    Decoded d;
    std::vector<uint8_t> zdata;
    bool ended = false;
    size_t pos = 8;
    while (pos < png.size()) {
        REQUIRE(png.size() - pos >= 12);
        const uint32_t length = bigEndian(&png[pos]);
        REQUIRE(png.size() - pos - 12 >= length);
        const std::string type(reinterpret_cast<const char*>(&png[pos + 4]), 4);
        const uint8_t* data = &png[pos + 8];
        const uLong crc = crc32(0L, &png[pos + 4], length + 4);
        REQUIRE(crc == bigEndian(&png[pos + 8 + length]));
        if (type == "IHDR") {
            REQUIRE(length == 13);
            d.width = static_cast<int>(bigEndian(data));
            d.height = static_cast<int>(bigEndian(data + 4));
            REQUIRE(data[8] == 8);
            REQUIRE((data[9] == 2 || data[9] == 6));
            d.channels = data[9] == 6 ? 4 : 3;
            REQUIRE(data[10] == 0);
            REQUIRE(data[11] == 0);
            REQUIRE(data[12] == 0);
        } else if (type == "IDAT") {
            zdata.insert(zdata.end(), data, data + length);
        } else if (type == "IEND") {
            ended = true;
        }
        pos += 12 + length;
    }
    REQUIRE(ended);
    REQUIRE(d.width > 0);

    const size_t rowBytes = static_cast<size_t>(d.width) * d.channels;
    std::vector<uint8_t> raw((rowBytes + 1) * d.height + 1);
    z_stream z{};
    REQUIRE(inflateInit(&z) == Z_OK);
    z.next_in = zdata.data();
    z.avail_in = static_cast<uInt>(zdata.size());
    z.next_out = raw.data();
    z.avail_out = static_cast<uInt>(raw.size());
    const int status = inflate(&z, Z_FINISH);
    const size_t produced = raw.size() - z.avail_out;
    const uInt left = z.avail_in;
    inflateEnd(&z);
    REQUIRE(status == Z_STREAM_END); // also means the Adler-32 matched
    REQUIRE(left == 0);
    REQUIRE(produced == (rowBytes + 1) * d.height);

    d.pixels.resize(rowBytes * d.height);
    for (int y = 0; y < d.height; ++y) {
        const uint8_t* in = raw.data() + (rowBytes + 1) * y;
        uint8_t* out = d.pixels.data() + rowBytes * y;
        const uint8_t* above = y > 0 ? out - rowBytes : nullptr;
        REQUIRE((in[0] == 0 || in[0] == 2));
        // Up on the first row adds the zeros of the row "above" it (PNG's rule).
        for (size_t i = 0; i < rowBytes; ++i)
            out[i] = static_cast<uint8_t>(in[1 + i] + (in[0] == 2 && above ? above[i] : 0));
    }
    return d;
}

// A UI-like picture: flat areas, stripes, and noise that deflate cannot shrink.
std::vector<uint8_t> testPixels(int width, int height, int channels)
{
    std::vector<uint8_t> pixels(static_cast<size_t>(width) * height * channels);
    uint32_t seed = 12345;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c) {
                seed = seed * 1664525u + 1013904223u;
                uint8_t v = static_cast<uint8_t>(c * 60 + 30);
                if (y % 7 == 3) v = static_cast<uint8_t>(x * 3 + c);
                if (x > width / 2 && y > height / 3) v = static_cast<uint8_t>(seed >> 24);
                pixels[(static_cast<size_t>(y) * width + x) * channels + c] = v;
            }
    return pixels;
}

ImageView topDown(const std::vector<uint8_t>& pixels, int width, int height, int channels)
{
    ImageView v;
    v.top = pixels.data();
    v.width = width;
    v.height = height;
    v.channels = channels;
    v.stride = static_cast<std::ptrdiff_t>(width) * channels;
    return v;
}

} // namespace

TEST_CASE("a PNG decodes to the pixels it was given", "[png]")
{
    const int channels = GENERATE(3, 4);
    // One row; fewer rows than the encoder's batch; a full screen (many batches and a deflate
    // output that outgrows its first buffer).
    const auto [width, height] = GENERATE(std::pair{5, 1}, std::pair{97, 61}, std::pair{1920, 1080});
    const auto pixels = testPixels(width, height, channels);
    const Decoded d = decodePng(platform::encodePng(topDown(pixels, width, height, channels)));
    CHECK(d.width == width);
    CHECK(d.height == height);
    CHECK(d.channels == channels);
    CHECK(d.pixels == pixels);
}

TEST_CASE("a PNG from bottom-up rows (GL's read-back order) comes out top-down", "[png]")
{
    const int width = 40, height = 30;
    const auto pixels = testPixels(width, height, 3);
    std::vector<uint8_t> bottomUp(pixels.size());
    const size_t rowBytes = static_cast<size_t>(width) * 3;
    for (int y = 0; y < height; ++y)
        std::memcpy(bottomUp.data() + rowBytes * (height - 1 - y), pixels.data() + rowBytes * y, rowBytes);
    ImageView v;
    v.width = width;
    v.height = height;
    v.channels = 3;
    v.stride = -static_cast<std::ptrdiff_t>(rowBytes);
    v.top = bottomUp.data() + rowBytes * (height - 1);
    CHECK(decodePng(platform::encodePng(v)).pixels == pixels);
}

TEST_CASE("an invalid image encodes to nothing and writes no file", "[png]")
{
    const std::vector<uint8_t> pixels(12, 0);
    CHECK(platform::encodePng(topDown(pixels, 0, 1, 3)).empty());
    CHECK(platform::encodePng(topDown(pixels, 2, 2, 2)).empty());
    ImageView tooNarrow = topDown(pixels, 2, 2, 3);
    tooNarrow.stride = 3;
    CHECK(platform::encodePng(tooNarrow).empty());
    const test::TempDir tmp("kiosk-png-test");
    const auto path = tmp.path / "invalid.png";
    CHECK_FALSE(platform::writePng(path.string(), topDown(pixels, 0, 0, 3)));
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("writePng writes the encoded file", "[png]")
{
    const auto pixels = testPixels(33, 17, 3);
    const ImageView v = topDown(pixels, 33, 17, 3);
    const test::TempDir tmp("kiosk-png-test");
    const auto path = tmp.path / "written.png";
    REQUIRE(platform::writePng(path.string(), v));
    std::ifstream file(path, std::ios::binary);
    const std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    CHECK(bytes == platform::encodePng(v));
    CHECK(decodePng(bytes).pixels == pixels);
}

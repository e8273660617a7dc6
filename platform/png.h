#pragma once
// PNG encoding for screenshots: 8-bit RGB or RGBA, the "Up" filter on every row but the first,
// deflated at zlib's fastest level, a few rows at a time straight from the caller's pixels.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace platform {

// Pixels in memory: `channels` bytes per pixel (3 = RGB, 4 = RGBA), the first byte of the top
// row at `top`, each row `stride` bytes after the one above it. A negative stride reads GL's
// bottom-up read-back without flipping it (`top` is then the last row of the buffer).
struct ImageView {
    const uint8_t* top = nullptr;
    int width = 0;
    int height = 0;
    int channels = 4;
    std::ptrdiff_t stride = 0;
};

// The whole PNG file. Empty when the view is invalid or zlib fails.
std::vector<uint8_t> encodePng(const ImageView& image);

// encodePng() written to `path`. False when it cannot be encoded or written.
bool writePng(const std::string& path, const ImageView& image);

} // namespace platform

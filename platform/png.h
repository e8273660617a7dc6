#pragma once
// PNG encoding for screenshots with libpng: 8-bit RGB or RGBA, the "Up" filter on every row,
// deflated at zlib's fastest level, straight from the caller's rows (no copy, no flip).
// libpng replaced a hand-written encoder at no cost: bench/screenshot_bench.sh measured home's
// --screenshot start to exit at 0.603 → 0.611 s and 0.655 → 0.652 s (median of 7 and 9, load
// average 15 on 2 CPUs, 2026-12-01), the same PNG size within 0.2 %.
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

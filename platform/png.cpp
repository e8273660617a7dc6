#include "platform/png.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace platform {

namespace {

void putBigEndian(std::vector<uint8_t>& out, uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
}

void putChunk(std::vector<uint8_t>& out, const char type[4], const uint8_t* data, size_t size)
{
    putBigEndian(out, static_cast<uint32_t>(size));
    const size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    if (size) out.insert(out.end(), data, data + size);
    const uLong crc = crc32_z(0L, out.data() + start, out.size() - start);
    putBigEndian(out, static_cast<uint32_t>(crc));
}

// The filtered rows as one zlib stream. Nothing when zlib fails.
std::vector<uint8_t> deflateRows(const ImageView& image)
{
    z_stream z{};
    if (deflateInit(&z, Z_BEST_SPEED) != Z_OK) return {};
    const size_t pixelBytes = static_cast<size_t>(image.width) * image.channels;
    const size_t rowBytes = pixelBytes + 1;
    // A few rows at a time through a small buffer that stays in cache: filtering the whole
    // image first would touch another 6–8 MB of fresh pages, and page faults, not deflate,
    // were most of a screenshot's encoding time.
    const int batch = static_cast<int>(std::max<size_t>(1, (64 * 1024) / rowBytes));
    std::vector<uint8_t> filtered(rowBytes * static_cast<size_t>(batch));
    std::vector<uint8_t> deflated(64 * 1024);
    size_t used = 0;
    bool ok = true;
    for (int y = 0; ok && y < image.height; y += batch) {
        const int rows = std::min(batch, image.height - y);
        for (int r = 0; r < rows; ++r) {
            const int row = y + r;
            uint8_t* out = filtered.data() + rowBytes * static_cast<size_t>(r);
            const uint8_t* cur = image.top + image.stride * row;
            if (row == 0) {
                out[0] = 0; // None: there is no row above
                std::copy_n(cur, pixelBytes, out + 1);
            } else {
                out[0] = 2; // Up: a flat UI repeats rows, leaving runs of zeros
                const uint8_t* above = cur - image.stride;
                for (size_t i = 0; i < pixelBytes; ++i) out[1 + i] = static_cast<uint8_t>(cur[i] - above[i]);
            }
        }
        z.next_in = filtered.data();
        z.avail_in = static_cast<uInt>(rowBytes * static_cast<size_t>(rows));
        const int flush = y + rows == image.height ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (deflated.size() - used < 16 * 1024) deflated.resize(deflated.size() * 2);
            z.next_out = deflated.data() + used;
            z.avail_out = static_cast<uInt>(deflated.size() - used);
            if (deflate(&z, flush) == Z_STREAM_ERROR) ok = false;
            used = deflated.size() - z.avail_out;
        } while (ok && z.avail_out == 0);
    }
    ok = ok && z.total_in == rowBytes * static_cast<size_t>(image.height);
    deflateEnd(&z);
    if (!ok) return {};
    deflated.resize(used);
    return deflated;
}

} // namespace

std::vector<uint8_t> encodePng(const ImageView& image)
{
    if (!image.top || image.width <= 0 || image.height <= 0 || (image.channels != 3 && image.channels != 4) ||
        std::abs(image.stride) < static_cast<std::ptrdiff_t>(image.width) * image.channels)
        return {};
    const std::vector<uint8_t> deflated = deflateRows(image);
    if (deflated.empty()) return {};

    std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    png.reserve(deflated.size() + 64);
    std::vector<uint8_t> header;
    putBigEndian(header, static_cast<uint32_t>(image.width));
    putBigEndian(header, static_cast<uint32_t>(image.height));
    // 8 bits per channel, RGB or RGBA, deflate, adaptive filtering, no interlace.
    header.insert(header.end(), {8, static_cast<uint8_t>(image.channels == 4 ? 6 : 2), 0, 0, 0});
    putChunk(png, "IHDR", header.data(), header.size());
    putChunk(png, "IDAT", deflated.data(), deflated.size());
    putChunk(png, "IEND", nullptr, 0);
    return png;
}

bool writePng(const std::string& path, const ImageView& image)
{
    const std::vector<uint8_t> png = encodePng(image);
    if (png.empty()) return false;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"), &std::fclose);
    if (!file) return false;
    if (std::fwrite(png.data(), 1, png.size(), file.get()) != png.size()) return false;
    return std::fclose(file.release()) == 0;
}

} // namespace platform

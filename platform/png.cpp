#include "platform/png.h"

#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace platform {

namespace {

// libpng reports errors by longjmp; the write callback appends to this.
void appendBytes(png_structp png, png_bytep data, png_size_t size)
{
    auto* out = static_cast<std::vector<uint8_t>*>(png_get_io_ptr(png));
    out->insert(out->end(), data, data + size);
}

void noFlush(png_structp)
{
}

bool validView(const ImageView& image)
{
    return image.top && image.width > 0 && image.height > 0 && (image.channels == 3 || image.channels == 4) &&
           std::abs(image.stride) >= static_cast<std::ptrdiff_t>(image.width) * image.channels;
}

// libpng's errors longjmp back into this frame, which holds nothing of its own to clobber.
bool writeRows(png_structp png, png_infop info, const ImageView& image, png_bytepp rows, std::vector<uint8_t>* out)
{
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_write_fn(png, out, appendBytes, noFlush);
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 8,
                 image.channels == 4 ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // The fast path of a flat UI: the Up filter leaves runs of zeros where rows repeat, and
    // zlib's fastest level deflates those about as small as its best level would.
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_compression_level(png, 1);
    png_set_rows(png, info, rows);
    png_write_png(png, info, PNG_TRANSFORM_IDENTITY, nullptr);
    return true;
}

} // namespace

std::vector<uint8_t> encodePng(const ImageView& image)
{
    if (!validView(image)) return {};
    std::vector<uint8_t> out;
    out.reserve(static_cast<size_t>(image.width) * static_cast<size_t>(image.height) / 8 + 1024);
    // Rows by pointer, so a negative stride (GL's bottom-up read-back) is written without a flip.
    std::vector<png_bytep> rows(static_cast<size_t>(image.height));
    for (int y = 0; y < image.height; ++y)
        rows[static_cast<size_t>(y)] = const_cast<png_bytep>(image.top + image.stride * y);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png) return {};
    png_infop info = png_create_info_struct(png);
    const bool written = info && writeRows(png, info, image, rows.data(), &out);
    png_destroy_write_struct(&png, info ? &info : nullptr);
    if (!written) return {};
    return out;
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

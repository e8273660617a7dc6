#include "kiosk/font_cache.h"

#include "content/data_dir.h"
#include "content/file_io.h"

#include "imgui.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

namespace kiosk {

namespace {

constexpr char kMagic[8] = {'K', 'A', 'T', 'L', 'A', 'S', '0', '1'};
// Two atlases per interactive profile and one per attract profile, normal and 大字: 6 for one
// glyph set, and the previous glyph set's 6 to go back to.
constexpr std::size_t kKeepEntries = 12;

std::string hexName(const std::string& key)
{
    // FNV-1a: only names the file; the full key inside decides.
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
    char name[40];
    std::snprintf(name, sizeof name, "atlas-%016llx.bin", static_cast<unsigned long long>(h));
    return name;
}

class Writer {
public:
    template <typename T>
    void put(const T& v)
    {
        raw(&v, sizeof v);
    }
    void raw(const void* p, std::size_t n)
    {
        const auto* b = static_cast<const char*>(p);
        m_bytes.insert(m_bytes.end(), b, b + n);
    }
    void string(const std::string& s)
    {
        put(static_cast<uint64_t>(s.size()));
        raw(s.data(), s.size());
    }
    const std::vector<char>& bytes() const { return m_bytes; }

private:
    std::vector<char> m_bytes;
};

class Reader {
public:
    Reader(const char* data, std::size_t size) : m_data(data), m_size(size) {}
    template <typename T>
    bool get(T& v)
    {
        return raw(&v, sizeof v);
    }
    bool raw(void* p, std::size_t n)
    {
        if (n > m_size - m_pos) return false;
        std::memcpy(p, m_data + m_pos, n);
        m_pos += n;
        return true;
    }
    bool string(std::string& s)
    {
        uint64_t n = 0;
        if (!get(n) || n > m_size - m_pos) return false;
        s.assign(m_data + m_pos, n);
        m_pos += n;
        return true;
    }
    bool atEnd() const { return m_pos == m_size; }

private:
    const char* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

bool readAtlas(ImFontAtlas& atlas, Reader& in, const std::string& key)
{
    char magic[sizeof kMagic];
    std::string storedKey;
    if (!in.raw(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0) return false;
    if (!in.string(storedKey) || storedKey != key) return false;

    int32_t width = 0, height = 0, fontCount = 0;
    if (!in.get(width) || !in.get(height) || width <= 0 || height <= 0 || width > 16384 || height > 16384) return false;
    ImVec2 white;
    ImVec4 lines[IM_DRAWLIST_TEX_LINES_WIDTH_MAX + 1];
    if (!in.get(white) || !in.raw(lines, sizeof lines) || !in.get(fontCount) || fontCount <= 0 || fontCount > 16)
        return false;
    for (int32_t f = 0; f < fontCount; ++f) {
        float size = 0, ascent = 0, descent = 0;
        ImWchar fallback = 0, ellipsis = 0, dot = 0;
        int32_t glyphCount = 0;
        if (!in.get(size) || !in.get(ascent) || !in.get(descent) || !in.get(fallback) || !in.get(ellipsis) ||
            !in.get(dot) || !in.get(glyphCount) || glyphCount <= 0 || glyphCount >= 0xFFFF)
            return false;
        ImFont* font = IM_NEW(ImFont);
        atlas.Fonts.push_back(font);
        font->Glyphs.resize(glyphCount);
        if (!in.raw(font->Glyphs.Data, sizeof(ImFontGlyph) * static_cast<std::size_t>(glyphCount))) return false;
        font->FontSize = size;
        font->Ascent = ascent;
        font->Descent = descent;
        font->FallbackChar = fallback;
        font->EllipsisChar = ellipsis;
        font->DotChar = dot;
        font->ContainerAtlas = &atlas;
        font->BuildLookupTable();
    }
    const std::size_t pixelCount = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    auto* pixels = static_cast<unsigned char*>(IM_ALLOC(pixelCount));
    if (!in.raw(pixels, pixelCount) || !in.atEnd()) {
        IM_FREE(pixels);
        return false;
    }
    atlas.TexPixelsAlpha8 = pixels;
    atlas.TexWidth = width;
    atlas.TexHeight = height;
    atlas.TexUvScale = ImVec2(1.0f / width, 1.0f / height);
    atlas.TexUvWhitePixel = white;
    std::copy(std::begin(lines), std::end(lines), atlas.TexUvLines);
    atlas.TexReady = true;
    return true;
}

} // namespace

std::filesystem::path atlasCacheDir(const std::filesystem::path& dataDir)
{
    auto env = [](const char* name) -> std::filesystem::path {
        const char* value = std::getenv(name);
        return value && *value == '/' ? std::filesystem::path(value) : std::filesystem::path();
    };
    if (auto dir = env("CACHE_DIRECTORY"); !dir.empty()) return dir / "elder-kiosk-atlas";
    if (auto dir = env("XDG_CACHE_HOME"); !dir.empty()) return dir / "elder-kiosk-atlas";
    if (auto dir = env("HOME"); !dir.empty()) return dir / ".cache" / "elder-kiosk-atlas";
    return content::DataDir{dataDir}.cacheDir();
}

bool loadAtlas(ImFontAtlas& atlas, const std::filesystem::path& dir, const std::string& key)
{
    atlas.Clear();
    if (dir.empty()) return false;
    // The cache file mapped read-only and populated up front: its ~2 MB are read straight from
    // the page cache instead of being copied into fresh heap pages (~10 ms of page faults on a
    // start). saveAtlas replaces entries by rename, never in place, so a mapped file cannot shrink.
    const auto file = content::MappedFile::open(dir / hexName(key), /*populate=*/true);
    if (!file || file->size() == 0) return false;
    Reader in(file->bytes().data(), file->size());
    if (readAtlas(atlas, in, key)) return true;
    atlas.Clear();
    return false;
}

void saveAtlas(ImFontAtlas& atlas, const std::filesystem::path& dir, const std::string& key)
{
    if (dir.empty() || !atlas.TexPixelsAlpha8 || atlas.Fonts.empty()) return;
    Writer out;
    out.raw(kMagic, sizeof kMagic);
    out.string(key);
    out.put(static_cast<int32_t>(atlas.TexWidth));
    out.put(static_cast<int32_t>(atlas.TexHeight));
    out.put(atlas.TexUvWhitePixel);
    out.raw(atlas.TexUvLines, sizeof atlas.TexUvLines);
    out.put(static_cast<int32_t>(atlas.Fonts.Size));
    for (const ImFont* font : atlas.Fonts) {
        out.put(font->FontSize);
        out.put(font->Ascent);
        out.put(font->Descent);
        out.put(font->FallbackChar);
        out.put(font->EllipsisChar);
        out.put(font->DotChar);
        out.put(static_cast<int32_t>(font->Glyphs.Size));
        out.raw(font->Glyphs.Data, sizeof(ImFontGlyph) * static_cast<std::size_t>(font->Glyphs.Size));
    }
    out.raw(atlas.TexPixelsAlpha8, static_cast<std::size_t>(atlas.TexWidth) * atlas.TexHeight);

    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const auto target = dir / hexName(key);
    // Other kiosk processes (and this one's preparation thread) may write the same entry: each
    // writer has its own temporary name, and the rename makes one of them win whole.
    static std::atomic<unsigned> s_writes{0};
    auto temp = target;
    temp += ".tmp." + std::to_string(getpid()) + "." + std::to_string(s_writes++);
    {
        std::ofstream file(temp, std::ios::binary | std::ios::trunc);
        if (!file) return;
        file.write(out.bytes().data(), static_cast<std::streamsize>(out.bytes().size()));
        if (!file.good()) {
            file.close();
            std::filesystem::remove(temp, ec);
            return;
        }
    }
    std::filesystem::rename(temp, target, ec);
    if (ec) std::filesystem::remove(temp, ec);

    // Content changes make new entries; keep the most recent few.
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> entries;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("atlas-", 0) == 0 && e.path().extension() == ".bin")
            entries.emplace_back(e.last_write_time(ec), e.path());
    }
    if (entries.size() <= kKeepEntries) return;
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = kKeepEntries; i < entries.size(); ++i) std::filesystem::remove(entries[i].second, ec);
}

} // namespace kiosk

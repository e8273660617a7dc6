#pragma once
// A built font atlas kept on disk, so a start (and each switch between the interactive and
// attract profiles) reloads ~2 MB instead of rasterising ~1,800 CJK glyphs with FreeType
// (300–450 ms on a kiosk CPU). The entry is found by everything the build depends on — font
// files (path, size, mtime), faces, pixel sizes, glyph ranges, builder settings and the ImGui
// version — and holds it in full, so a hash collision or a stale file is a miss, never a
// wrong atlas. Anything unreadable is a miss; the cache dir is derived data, safe to delete.
#include <filesystem>
#include <string>

struct ImFontAtlas;

namespace kiosk {

// Where the atlases live: the user's cache ($CACHE_DIRECTORY under systemd's CacheDirectory=,
// else $XDG_CACHE_HOME or ~/.cache, then /elder-kiosk-atlas), shared by every data dir of the
// same user since an entry depends only on fonts and glyphs; `dataDir`/cache when there is no
// such place.
std::filesystem::path atlasCacheDir(const std::filesystem::path& dataDir);

// Loads the entry for `key` into `atlas` (cleared first): fonts with their glyphs and
// metrics, the Alpha8 pixels and white-pixel/line UVs, as ImFontAtlas::Build() left them.
// False (and the atlas cleared) when there is no valid entry.
bool loadAtlas(ImFontAtlas& atlas, const std::filesystem::path& dir, const std::string& key);

// Stores a freshly built atlas (Alpha8 pixels still present) under `key`, atomically, and
// keeps only the few most recent entries. Errors are ignored: the cache is an optimisation.
void saveAtlas(ImFontAtlas& atlas, const std::filesystem::path& dir, const std::string& key);

} // namespace kiosk

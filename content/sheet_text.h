#pragma once
// Small text helpers for cells as staff type them in Excel or WPS (UTF-8 throughout).
#include "content/file_io.h" // appendUtf8
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace content {

// Without surrounding ASCII whitespace, no-break spaces, ideographic spaces (U+3000) and BOMs.
std::string_view trimCell(std::string_view text);

// Full-width ASCII forms (０-９, Ａ-Ｚ, ：, ／, －, ．, ＋ …) become their ASCII letters, so
// cells typed with a Chinese input method in full-width mode parse like half-width ones.
std::string toHalfWidth(std::string_view text);

// ASCII letters lower-cased; other bytes untouched.
std::string asciiLower(std::string_view text);

// Pieces of `text` split at any of `separators` (UTF-8 characters), each trimmed, empty ones
// dropped. Line breaks always separate.
std::vector<std::string> splitCellList(std::string_view text, std::u32string_view separators);

// `pieces` joined with `separator`.
std::string joinCellList(const std::vector<std::string>& pieces, std::string_view separator);

// The well-formed UTF-8 character at `pos` (no overlong form, surrogate or value past
// U+10FFFF), with `pos` moved past it; nothing, with `pos` moved one byte on, for a byte that
// does not start one (so a valid character right after a broken one is read next).
std::optional<char32_t> decodeUtf8(std::string_view text, size_t& pos);

// True when `text` is well-formed UTF-8 (every character as decodeUtf8 reads it).
bool isValidUtf8(std::string_view text);

// Decodes the UTF-8 character at `pos` (which must be valid) and advances `pos` past it.
char32_t nextCodePoint(std::string_view text, size_t& pos);

// `text` (valid UTF-8) as code points.
std::u32string toU32(std::string_view text);

} // namespace content

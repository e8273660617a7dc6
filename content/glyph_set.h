#pragma once
// Every character the kiosk may draw, so the font atlas bakes only those.
#include "content/model.h"

#include <set>
#include <string_view>
#include <vector>

namespace content {

// Codepoints of valid UTF-8 in `text` (invalid bytes are skipped).
void addGlyphs(std::string_view text, std::set<char32_t>& glyphs);
// Every distinct character in all of the content's text.
std::set<char32_t> contentGlyphs(const Content& content);

} // namespace content

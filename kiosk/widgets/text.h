#pragma once
// Wrapped paragraphs with real line spacing. ImGui has no line spacing and its word wrap only
// breaks at spaces, which Chinese does not have: lines are broken here between any two CJK
// characters, Latin words and numbers (phone numbers, times) are kept whole, closing
// punctuation never starts a line (避头尾), and a paragraph never ends on one character alone.
#include "imgui.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct LineSpan {
    std::size_t begin = 0; // byte offsets into the text
    std::size_t end = 0;
    float width = 0;
};

// Decodes one UTF-8 codepoint at `i` (advancing it); U+FFFD for invalid bytes.
char32_t nextCodepoint(std::string_view text, std::size_t& i);

// Lines no wider than `maxWidth` (a single unbreakable unit wider than that is split). A last line
// of one CJK character takes the last character of the line above, when that line has three or more.
std::vector<LineSpan> breakLines(std::string_view text, float maxWidth, const std::function<float(char32_t)>& advance);

// The longest run of whole sentences at the start of `text` (each ending in 。！？；!?;) that is no
// wider than `maxWidth` on one line; empty when not even the first sentence fits. Never ends in
// "…": a greeting shortened to its first sentence still reads as a whole greeting.
std::string_view leadingSentences(std::string_view text, float maxWidth, const std::function<float(char32_t)>& advance);

float textWidth(ImFont* font, std::string_view text);
// leadingSentences measured with `font`.
std::string_view leadingSentences(ImFont* font, std::string_view text, float maxWidth);
// ImDrawList::AddText at the font's size, with the font's own atlas texture bound around it
// (each text size has an atlas of its own, fonts.h). Every text the kiosk draws goes here.
void addText(ImDrawList* draw, ImFont* font, ImVec2 pos, ImU32 color, std::string_view text);
// The same at `size` px, the font's glyphs scaled (a name set a little smaller to fit).
void addText(ImDrawList* draw, ImFont* font, float size, ImVec2 pos, ImU32 color, std::string_view text);
// Distance between baselines of consecutive lines.
inline float lineAdvance(ImFont* font, float spacing)
{
    return font->FontSize * spacing;
}

// The lines a paragraph breaks into at `width`, as drawParagraph breaks them.
std::vector<std::string> wrapLines(ImFont* font, std::string_view text, float width);
// `text`'s pieces (split at `separator`) packed into lines no wider than `width`, a piece never
// broken (a piece wider than `width` is a line of its own): 农历九月初九 · 重阳节·老年节.
std::vector<std::string> packPieces(ImFont* font, const std::string& text, const std::string& separator, float width);
// Height a paragraph takes: lines × advance (half the leading above and below each line).
float paragraphHeight(ImFont* font, std::string_view text, float width, float spacing, int maxLines = 0);
// Draws it and returns its height. With maxLines, the last shown line ends in "…" if cut.
float drawParagraph(ImDrawList* draw, ImFont* font, ImVec2 pos, float width, ImU32 color, std::string_view text,
                    float spacing, int maxLines = 0);

// The same paragraph with every line centred in [x, x + width]; returns its height.
float drawParagraphCentered(ImDrawList* draw, ImFont* font, float x, float y, float width, ImU32 color,
                            std::string_view text, float spacing);
// Every line placed at `align` of the spare width (0 left, 0.5 centred, 1 right); its height.
float drawParagraphAligned(ImDrawList* draw, ImFont* font, float x, float y, float width, ImU32 color,
                           std::string_view text, float spacing, float align);

// One line, shortened with "…" when wider than maxWidth. Returns the drawn width.
float drawLine(ImDrawList* draw, ImFont* font, ImVec2 pos, float maxWidth, ImU32 color, std::string_view text);
// Centred in the rectangle (one line, shortened if needed).
void drawCentered(ImDrawList* draw, ImFont* font, ImVec2 min, ImVec2 max, ImU32 color, std::string_view text);
// Centred in the rectangle with `pad` clear on its left and right: set smaller, down to
// `minScale` of the font's size, rather than shortened, when it is wider (a tile's name in 大字).
void drawCenteredFit(ImDrawList* draw, ImFont* font, ImVec2 min, ImVec2 max, float pad, float minScale, ImU32 color,
                     std::string_view text);

} // namespace kiosk

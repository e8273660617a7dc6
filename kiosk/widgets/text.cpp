#include "kiosk/widgets/text.h"

#include <algorithm>
#include <cfloat>
#include <cstdint>

namespace kiosk {

namespace {

// Closing punctuation that must not begin a line.
bool noLineStart(char32_t c)
{
    static constexpr std::u32string_view kChars = U"，。、；：！？）》」』”’…—,.;:!?)]}%・·～";
    return kChars.find(c) != std::u32string_view::npos;
}
// Opening punctuation that must not end a line.
bool noLineEnd(char32_t c)
{
    static constexpr std::u32string_view kChars = U"（《「『“‘([{";
    return kChars.find(c) != std::u32string_view::npos;
}
// Characters that stay together as one Latin word or number: 0353-5550101, 8:30, 12.5, App.
bool wordChar(char32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == ':' ||
           c == '.' || c == '/' || c == '@' || c == '_' || c == '+' || c == '#';
}

// Units that read with the number before them and so never start a line after it: 6月4日, 8点,
// 12元, 65岁 (a line ending "6月4" with "日上午" below reads as another date).
bool unitAfterNumber(char32_t c)
{
    static constexpr std::u32string_view kUnits = U"年月日号点时分秒元岁天";
    return kUnits.find(c) != std::u32string_view::npos;
}

struct Unit {
    std::size_t begin = 0, end = 0;
    float width = 0;
    bool space = false;
    bool newline = false;
    bool endsClause = false; // ends in ，、：；。！？ or a closing mark: a good place for a line to end
};

// Punctuation after which a line reads best ending: a clause or a quotation is over.
bool isClauseEnd(char32_t c)
{
    static constexpr std::u32string_view kChars = U"，。、；：！？）》」』”’,;:!?)";
    return kChars.find(c) != std::u32string_view::npos;
}

// How a line was filled, beside it, for evening out the last line.
struct Fill {
    int units = 0;             // unbreakable units on the line (<= 0: a split long word, or spaces at its end)
    float lastWidth = 0;       // the width of its last unit
    std::size_t lastBegin = 0; // where its last unit begins
    bool spaceBeforeLast = false;
    bool endsParagraph = false;
};

struct Filled {
    std::vector<LineSpan> lines;
    std::vector<Fill> fills;
    bool endedAtClause = false; // some line ended early at a clause
};

// Greedy fill: each line takes units while they fit. With `atClauses`, a line whose last one to
// three characters follow a clause's end (中医义诊：号 / 脉, 排骨、白菜粉 / 条) ends with the clause
// instead, when it stays 55 % full.
Filled fillLines(std::string_view text, const std::vector<Unit>& units, float maxWidth,
                 const std::function<float(char32_t)>& advance, bool atClauses)
{
    Filled out;
    LineSpan line;
    Fill fill;
    bool open = false;  // a line has started
    float trailing = 0; // width of spaces at the end of the line (dropped if it breaks there)
    // The line as it was just after its last unit that ends a clause (units[clause]).
    std::size_t clause = SIZE_MAX;
    LineSpan clauseLine;
    Fill clauseFill;
    const auto finish = [&] {
        clause = SIZE_MAX;
        if (trailing > 0) fill.units = 0; // a line ending in spaces is not evened out
        line.width -= trailing;
        out.lines.push_back(line);
        out.fills.push_back(fill);
        fill = {};
        open = false;
        trailing = 0;
    };
    for (std::size_t k = 0; k < units.size(); ++k) {
        const Unit& u = units[k];
        if (u.newline) {
            if (!open) line = {u.begin, u.begin, 0};
            fill.endsParagraph = true;
            finish();
            continue;
        }
        if (u.space) {
            clause = SIZE_MAX;   // a Latin line breaks at its spaces
            if (!open) continue; // no spaces at the start of a line
            line.end = u.end;
            line.width += u.width;
            trailing += u.width;
            continue;
        }
        if (open && line.width + u.width > maxWidth && line.width - trailing > 0) {
            if (atClauses && clause != SIZE_MAX && k - clause >= 2 && k - clause <= 4 &&
                clauseLine.width >= maxWidth * 0.55f) {
                const std::size_t back = clause;
                line = clauseLine;
                fill = clauseFill;
                finish();
                out.endedAtClause = true;
                k = back; // the loop goes on with the unit after the clause
                continue;
            }
            finish();
        }
        if (!open) {
            line = {u.begin, u.begin, 0};
            open = true;
        }
        if (u.width > maxWidth && line.width == 0) {
            // Wider than a whole line (a very long number): split it by character.
            std::size_t at = u.begin;
            while (at < u.end) {
                std::size_t next = at;
                const float w = advance(nextCodepoint(text, next));
                if (line.width + w > maxWidth && line.end > line.begin) {
                    finish();
                    line = {at, at, 0};
                    open = true;
                }
                line.end = next;
                line.width += w;
                at = next;
            }
            fill.units = -1000; // never evened out
            trailing = 0;
            continue;
        }
        line.end = u.end;
        line.width += u.width;
        ++fill.units;
        fill.spaceBeforeLast = trailing > 0;
        fill.lastBegin = u.begin;
        fill.lastWidth = u.width;
        trailing = 0;
        if (u.endsClause) {
            clause = k;
            clauseLine = line;
            clauseFill = fill;
        }
    }
    if (open) {
        fill.endsParagraph = true;
        finish();
    }
    return out;
}

} // namespace

char32_t nextCodepoint(std::string_view s, std::size_t& i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    int extra = 0;
    char32_t c = 0;
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    if ((b0 & 0xE0) == 0xC0) {
        extra = 1;
        c = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        extra = 2;
        c = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        extra = 3;
        c = b0 & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    for (int k = 1; k <= extra; ++k) {
        if (i + k >= s.size() || (byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        c = (c << 6) | (byte(i + k) & 0x3F);
    }
    i += extra + 1;
    return c;
}

std::vector<LineSpan> breakLines(std::string_view text, float maxWidth, const std::function<float(char32_t)>& advance)
{
    // 1. Units that must not be split: a Latin word, one CJK char with its attached punctuation.
    std::vector<Unit> units;
    std::size_t i = 0;
    bool glueNext = false;   // the previous unit was opening punctuation: join the next one to it
    bool afterDigit = false; // the previous character was a digit
    while (i < text.size()) {
        const std::size_t start = i;
        const char32_t c = nextCodepoint(text, i);
        if (c == '\r') continue;
        if (c == '\n') {
            units.push_back({start, i, 0, false, true});
            glueNext = false;
            continue;
        }
        if (c == ' ' || c == '\t' || c == U'\u3000') {
            units.push_back({start, i, advance(c), true, false});
            glueNext = false;
            continue;
        }
        float w = advance(c);
        std::size_t end = i;
        if (wordChar(c)) {
            while (end < text.size()) {
                std::size_t j = end;
                const char32_t d = nextCodepoint(text, j);
                if (!wordChar(d)) break;
                w += advance(d);
                end = j;
            }
            i = end;
        }
        const bool attachToPrevious = (noLineStart(c) || glueNext || (afterDigit && unitAfterNumber(c))) &&
                                      !units.empty() && !units.back().newline && !units.back().space;
        if (attachToPrevious) {
            units.back().end = end;
            units.back().width += w;
            units.back().endsClause = isClauseEnd(c);
        } else {
            units.push_back({start, end, w, false, false, isClauseEnd(c)});
        }
        glueNext = noLineEnd(c);
        afterDigit = end > start && text[end - 1] >= '0' && text[end - 1] <= '9';
    }

    // 2. Lines end at a clause where one to three characters would follow it, unless that costs a
    // line: a card's height never grows for it.
    Filled filled = fillLines(text, units, maxWidth, advance, true);
    if (filled.endedAtClause) {
        Filled greedy = fillLines(text, units, maxWidth, advance, false);
        if (greedy.lines.size() < filled.lines.size()) filled = std::move(greedy);
    }
    std::vector<LineSpan>& lines = filled.lines;
    const std::vector<Fill>& fills = filled.fills;

    // 3. No character alone on a paragraph's last line (a widow reads as a stray mark from across
    // the lobby): the line above gives it its last character when it can spare one and both fit.
    for (std::size_t n = 1; n < lines.size(); ++n) {
        const Fill& above = fills[n - 1];
        const Fill& last = fills[n];
        if (!last.endsParagraph || above.endsParagraph || last.units != 1 || above.units < 3 || above.spaceBeforeLast)
            continue;
        std::size_t at = lines[n].begin;
        if (wordChar(nextCodepoint(text, at))) continue; // a Latin word or number alone is not a widow
        if (lines[n].width + above.lastWidth > maxWidth || lines[n - 1].end != lines[n].begin) continue;
        lines[n - 1].end = above.lastBegin;
        lines[n - 1].width -= above.lastWidth;
        lines[n].begin = above.lastBegin;
        lines[n].width += above.lastWidth;
    }
    return std::move(filled.lines);
}

std::string_view leadingSentences(std::string_view text, float maxWidth, const std::function<float(char32_t)>& advance)
{
    std::size_t fits = 0, i = 0;
    float width = 0;
    while (i < text.size()) {
        const char32_t c = nextCodepoint(text, i);
        // A line break ends the one line.
        if (c == '\n' || c == '\r') break;
        width += advance(c);
        if (width > maxWidth) break;
        if (c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == '!' || c == '?' || c == ';') fits = i;
    }
    // The whole text on one line counts as a sentence even without its full stop.
    if (i >= text.size() && width <= maxWidth) fits = text.size();
    return text.substr(0, fits);
}

float textWidth(ImFont* font, std::string_view text)
{
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

void addText(ImDrawList* draw, ImFont* font, ImVec2 pos, ImU32 color, std::string_view text)
{
    addText(draw, font, font->FontSize, pos, color, text);
}

void addText(ImDrawList* draw, ImFont* font, float size, ImVec2 pos, ImU32 color, std::string_view text)
{
    const ImTextureID texture = font->ContainerAtlas->TexID;
    const bool other = texture != draw->_CmdHeader.TextureId;
    if (other) draw->PushTextureID(texture);
    draw->AddText(font, size, pos, color, text.data(), text.data() + text.size());
    if (other) draw->PopTextureID();
}

namespace {
std::function<float(char32_t)> advanceOf(ImFont* font)
{
    return [font](char32_t c) {
        return c <= 0xFFFF ? font->GetCharAdvance(static_cast<ImWchar>(c)) : font->FallbackAdvanceX;
    };
}

std::vector<LineSpan> fontLines(ImFont* font, std::string_view text, float width)
{
    return breakLines(text, width, advanceOf(font));
}
} // namespace

std::string_view leadingSentences(ImFont* font, std::string_view text, float maxWidth)
{
    return leadingSentences(text, maxWidth, advanceOf(font));
}

std::vector<std::string> wrapLines(ImFont* font, std::string_view text, float width)
{
    std::vector<std::string> out;
    for (const LineSpan& line : fontLines(font, text, width))
        out.emplace_back(text.substr(line.begin, line.end - line.begin));
    return out;
}

std::vector<std::string> packPieces(ImFont* font, const std::string& text, const std::string& separator, float width)
{
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (!text.empty() && at <= text.size()) {
        const std::size_t end = std::min(text.find(separator, at), text.size());
        const std::string piece = text.substr(at, end - at);
        if (!lines.empty() && textWidth(font, lines.back() + separator + piece) <= width)
            lines.back() += separator + piece;
        else
            lines.push_back(piece);
        at = end + separator.size();
    }
    return lines;
}

float paragraphHeight(ImFont* font, std::string_view text, float width, float spacing, int maxLines)
{
    std::size_t n = fontLines(font, text, width).size();
    if (maxLines > 0) n = std::min<std::size_t>(n, maxLines);
    return static_cast<float>(n) * lineAdvance(font, spacing);
}

float drawParagraph(ImDrawList* draw, ImFont* font, ImVec2 pos, float width, ImU32 color, std::string_view text,
                    float spacing, int maxLines)
{
    const auto lines = fontLines(font, text, width);
    const float advance = lineAdvance(font, spacing);
    const float halfLeading = (advance - font->FontSize) * 0.5f;
    const ImVec4 clip = draw->_ClipRectStack.Size ? draw->_ClipRectStack.back() : ImVec4(-1e9f, -1e9f, 1e9f, 1e9f);
    std::size_t shown = lines.size();
    if (maxLines > 0) shown = std::min<std::size_t>(shown, maxLines);
    for (std::size_t n = 0; n < shown; ++n) {
        const float y = pos.y + n * advance + halfLeading;
        if (y > clip.w || y + font->FontSize < clip.y) continue; // outside the visible area
        std::string_view part = text.substr(lines[n].begin, lines[n].end - lines[n].begin);
        if (n + 1 == shown && shown < lines.size()) {
            drawLine(draw, font, ImVec2(pos.x, y), width, color, std::string(part) + "……");
        } else {
            addText(draw, font, ImVec2(pos.x, y), color, part);
        }
    }
    return static_cast<float>(shown) * advance;
}

float drawParagraphCentered(ImDrawList* draw, ImFont* font, float x, float y, float width, ImU32 color,
                            std::string_view text, float spacing)
{
    return drawParagraphAligned(draw, font, x, y, width, color, text, spacing, 0.5f);
}

float drawParagraphAligned(ImDrawList* draw, ImFont* font, float x, float y, float width, ImU32 color,
                           std::string_view text, float spacing, float align)
{
    const auto lines = fontLines(font, text, width);
    const float advance = lineAdvance(font, spacing);
    const float halfLeading = (advance - font->FontSize) * 0.5f;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::string_view part = text.substr(lines[n].begin, lines[n].end - lines[n].begin);
        addText(draw, font, ImVec2(x + (width - lines[n].width) * align, y + n * advance + halfLeading), color, part);
    }
    return static_cast<float>(lines.size()) * advance;
}

float drawLine(ImDrawList* draw, ImFont* font, ImVec2 pos, float maxWidth, ImU32 color, std::string_view text)
{
    float w = textWidth(font, text);
    if (w <= maxWidth) {
        addText(draw, font, pos, color, text);
        return w;
    }
    static constexpr std::string_view kEllipsis = "…";
    const float ellipsis = textWidth(font, kEllipsis);
    std::size_t i = 0, fit = 0;
    float used = 0;
    while (i < text.size()) {
        std::size_t j = i;
        const char32_t c = nextCodepoint(text, j);
        const float a = c <= 0xFFFF ? font->GetCharAdvance(static_cast<ImWchar>(c)) : font->FallbackAdvanceX;
        if (used + a + ellipsis > maxWidth) break;
        used += a;
        fit = j;
        i = j;
    }
    std::string shortened(text.substr(0, fit));
    shortened += kEllipsis;
    addText(draw, font, pos, color, shortened);
    return used + ellipsis;
}

void drawCentered(ImDrawList* draw, ImFont* font, ImVec2 min, ImVec2 max, ImU32 color, std::string_view text)
{
    const float avail = max.x - min.x;
    const float w = std::min(textWidth(font, text), avail);
    const ImVec2 pos(min.x + (avail - w) * 0.5f, min.y + (max.y - min.y - font->FontSize) * 0.5f);
    drawLine(draw, font, pos, avail, color, text);
}

void drawCenteredFit(ImDrawList* draw, ImFont* font, ImVec2 min, ImVec2 max, float pad, float minScale, ImU32 color,
                     std::string_view text)
{
    const float avail = max.x - min.x - 2 * pad;
    const float w = textWidth(font, text);
    const float scale = w > avail && w > 0 ? std::max(minScale, avail / w) : 1.0f;
    if (scale >= 1.0f || scale * w > avail) {
        drawCentered(draw, font, ImVec2(min.x + pad, min.y), ImVec2(max.x - pad, max.y), color, text);
        return;
    }
    // The font's own glyphs at a smaller size: ImGui scales the quads.
    const float size = font->FontSize * scale;
    const ImVec2 pos(min.x + (max.x - min.x - w * scale) * 0.5f, min.y + (max.y - min.y - size) * 0.5f);
    addText(draw, font, size, pos, color, text);
}

} // namespace kiosk

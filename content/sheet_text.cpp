#include "content/sheet_text.h"

namespace content {

namespace {

// Length of the whitespace-like character that starts `text`, 0 if it does not start with one.
size_t leadingSpaceLength(std::string_view text)
{
    if (text.empty()) return 0;
    const unsigned char c = static_cast<unsigned char>(text[0]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
    if (text.starts_with("\xC2\xA0")) return 2;     // U+00A0 no-break space
    if (text.starts_with("\xE3\x80\x80")) return 3; // U+3000 ideographic space
    if (text.starts_with("\xEF\xBB\xBF")) return 3; // U+FEFF BOM that survived decoding
    return 0;
}

size_t trailingSpaceLength(std::string_view text)
{
    if (text.empty()) return 0;
    const unsigned char c = static_cast<unsigned char>(text.back());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
    if (text.ends_with("\xC2\xA0")) return 2;
    if (text.ends_with("\xE3\x80\x80")) return 3;
    if (text.ends_with("\xEF\xBB\xBF")) return 3;
    return 0;
}

} // namespace

std::string_view trimCell(std::string_view text)
{
    while (size_t n = leadingSpaceLength(text)) text.remove_prefix(n);
    while (size_t n = trailingSpaceLength(text)) text.remove_suffix(n);
    return text;
}

std::optional<char32_t> decodeUtf8(std::string_view text, size_t& pos)
{
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
        ++pos;
        return c;
    }
    int length = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2, cp = c & 0x1F, minimum = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3, cp = c & 0x0F, minimum = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4, cp = c & 0x07, minimum = 0x10000;
    }
    bool valid = length > 0 && text.size() - pos >= static_cast<size_t>(length);
    for (int k = 1; valid && k < length; ++k) {
        const unsigned char cc = static_cast<unsigned char>(text[pos + k]);
        valid = (cc & 0xC0) == 0x80;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (!valid || cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return std::nullopt;
    }
    pos += length;
    return cp;
}

bool isValidUtf8(std::string_view text)
{
    size_t pos = 0;
    while (pos < text.size()) {
        if (!decodeUtf8(text, pos)) return false;
    }
    return true;
}

char32_t nextCodePoint(std::string_view text, size_t& pos)
{
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    int length = 1;
    char32_t cp = c;
    if (c >= 0xF0) {
        length = 4, cp = c & 0x07;
    } else if (c >= 0xE0) {
        length = 3, cp = c & 0x0F;
    } else if (c >= 0xC0) {
        length = 2, cp = c & 0x1F;
    }
    for (int k = 1; k < length && pos + k < text.size(); ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
    }
    pos += length;
    return cp;
}

std::u32string toU32(std::string_view text)
{
    std::u32string out;
    size_t pos = 0;
    while (pos < text.size()) out += nextCodePoint(text, pos);
    return out;
}

std::string toHalfWidth(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t start = pos;
        const char32_t cp = nextCodePoint(text, pos);
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            out += static_cast<char>(cp - 0xFEE0);
        } else if (cp == 0x3000) {
            out += ' ';
        } else {
            out.append(text.substr(start, pos - start));
        }
    }
    return out;
}

std::string asciiLower(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::vector<std::string> splitCellList(std::string_view text, std::u32string_view separators)
{
    std::vector<std::string> pieces;
    size_t pos = 0;
    size_t pieceStart = 0;
    auto flush = [&](size_t end) {
        const std::string_view piece = trimCell(text.substr(pieceStart, end - pieceStart));
        if (!piece.empty()) pieces.emplace_back(piece);
    };
    while (pos < text.size()) {
        const size_t start = pos;
        const char32_t cp = nextCodePoint(text, pos);
        if (cp == U'\n' || cp == U'\r' || separators.find(cp) != std::u32string_view::npos) {
            flush(start);
            pieceStart = pos;
        }
    }
    flush(text.size());
    return pieces;
}

std::string joinCellList(const std::vector<std::string>& pieces, std::string_view separator)
{
    std::string out;
    for (size_t i = 0; i < pieces.size(); ++i) {
        if (i > 0) out += separator;
        out += pieces[i];
    }
    return out;
}

} // namespace content

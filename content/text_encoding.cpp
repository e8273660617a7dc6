// decodeSheetText: what Excel and WPS save as "CSV" on Chinese Windows, made UTF-8.
#include "content/sheet_table.h"
#include "content/sheet_text.h"

#include <cerrno>
#include <iconv.h>

namespace content {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Converts with glibc iconv; nothing on any byte sequence the source encoding does not allow.
std::optional<std::string> convertToUtf8(std::string_view bytes, const char* fromEncoding)
{
    iconv_t cd = iconv_open("UTF-8", fromEncoding);
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out;
    // CJK text grows by at most half again from GB18030 to UTF-8; UTF-16 by half again too.
    out.resize(bytes.size() + bytes.size() / 2 + 16);
    char* in = const_cast<char*>(bytes.data());
    size_t inLeft = bytes.size();
    size_t used = 0;
    bool ok = true;
    while (inLeft > 0) {
        char* outPtr = out.data() + used;
        size_t outLeft = out.size() - used;
        const size_t result = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
        used = static_cast<size_t>(outPtr - out.data());
        if (result != static_cast<size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        // EILSEQ (invalid bytes) or EINVAL (a character cut off at the end).
        ok = false;
        break;
    }
    iconv_close(cd);
    if (!ok) return std::nullopt;
    out.resize(used);
    return out;
}

// UTF-8 with a few damaged bytes (a copy or sync cut short): the offset of the first one. Such a
// file has far more valid multi-byte sequences than invalid ones; GBK text read as UTF-8 has
// about three invalid to one valid, so it is never taken for damaged UTF-8.
std::optional<size_t> damagedUtf8Offset(std::string_view bytes)
{
    size_t valid = 0;
    size_t invalid = 0;
    size_t first = 0;
    size_t pos = 0;
    while (pos < bytes.size()) {
        if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const size_t start = pos;
        if (decodeUtf8(bytes, pos)) {
            ++valid;
        } else if (invalid++ == 0) {
            first = start;
        }
    }
    if (invalid == 0 || invalid * 10 > valid) return std::nullopt;
    return first;
}

} // namespace

std::optional<int> damagedUtf8Row(std::string_view bytes)
{
    if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
    const std::optional<size_t> offset = damagedUtf8Offset(bytes);
    if (!offset) return std::nullopt;
    // Rows as parseCsv counts them: line breaks outside quotes, CRLF as one.
    int row = 1;
    bool inQuotes = false;
    for (size_t i = 0; i < *offset; ++i) {
        const char c = bytes[i];
        if (c == '"') {
            inQuotes = !inQuotes;
        } else if (!inQuotes && (c == '\n' || c == '\r')) {
            if (c == '\r' && i + 1 < *offset && bytes[i + 1] == '\n') ++i;
            ++row;
        }
    }
    return row;
}

std::optional<std::string> decodeSheetText(std::string_view bytes)
{
    if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
    if (isValidUtf8(bytes)) return std::string(bytes);
    // Read as GB18030 it would turn into other characters and hide where the damage is.
    if (damagedUtf8Offset(bytes)) return std::nullopt;

    std::optional<std::string> text;
    // Excel's "Unicode text" is UTF-16 with a BOM; cheap to take as well.
    if (bytes.starts_with("\xFF\xFE")) {
        text = convertToUtf8(bytes.substr(2), "UTF-16LE");
    } else if (bytes.starts_with("\xFE\xFF")) {
        text = convertToUtf8(bytes.substr(2), "UTF-16BE");
    } else {
        // GB18030 is a superset of GBK and GB2312, so one decoder covers nearly all of them;
        // Windows' own code page 936 ("ANSI" on Chinese Windows) also has € as the single byte 80.
        text = convertToUtf8(bytes, "GB18030");
        if (!text) text = convertToUtf8(bytes, "CP936");
    }
    if (!text) return std::nullopt;
    // GB18030 has its own BOM (84 31 95 33), which decodes to U+FEFF.
    if (std::string_view(*text).starts_with(kUtf8Bom)) text->erase(0, kUtf8Bom.size());
    if (!isValidUtf8(*text)) return std::nullopt;
    return text;
}

} // namespace content

#include "content/speech_text.h"

#include "content/builtin_assets.h"
#include "content/sheet_table.h"
#include "content/sheet_text.h"

#include <algorithm>
#include <cassert>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

namespace content {

namespace {

bool isDigit(char32_t c)
{
    return c >= U'0' && c <= U'9';
}

// Full-width digits and signs as ASCII, dashes and wave marks as one range sign.
std::u32string prepare(std::string_view text)
{
    std::u32string out;
    const std::string half = toHalfWidth(text);
    size_t pos = 0;
    while (pos < half.size()) {
        // Invalid bytes are dropped rather than read out as noise.
        const std::optional<char32_t> decoded = decodeUtf8(half, pos);
        if (!decoded) continue;
        char32_t c = *decoded;
        // Control characters (a bell, a terminal's colour codes) have nothing to say.
        if ((c < 0x20 && c != U'\t' && c != U'\n' && c != U'\r') || (c >= 0x7F && c <= 0x9F)) continue;
        if (c == U'～' || c == U'〜') c = U'~';
        out.push_back(c);
    }
    return out;
}

const char* const kDigitWords[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

// Under 10,000; `leadingTen` writes 10–19 as 十… rather than 一十….
std::string wordsBelow10000(int n, bool leadingTen)
{
    static const char* const units[] = {"千", "百", "十", ""};
    const int parts[] = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
    std::string out;
    bool pendingZero = false;
    bool started = false;
    for (int i = 0; i < 4; ++i) {
        if (parts[i] == 0) {
            if (started) pendingZero = true;
            continue;
        }
        if (pendingZero) out += "零";
        pendingZero = false;
        // 2000 is said 两千, 1200 一千二百.
        if (i == 0 && parts[i] == 2)
            out += "两";
        else if (!(i == 2 && parts[i] == 1 && !started && leadingTen))
            out += kDigitWords[parts[i]];
        out += units[i];
        started = true;
    }
    return out;
}

std::string digitsOneByOne(std::u32string_view digits, bool yao)
{
    std::string out;
    for (char32_t c : digits) {
        if (!isDigit(c)) continue;
        const int d = int(c - U'0');
        out += (yao && d == 1) ? "幺" : kDigitWords[d];
    }
    return out;
}

bool isAnyOf(char32_t c, std::u32string_view set)
{
    return set.find(c) != std::u32string_view::npos;
}

// Characters after a number that make it a count or a measure, not a phone number.
constexpr std::u32string_view kUnits =
    U"元块角分万亿人位名个次岁年月日号天周斤两克米里份套间张件本台户家所期届场座栋层楼道条项盒瓶袋粒片元度℃%点时秒";
// Words just before a number that make it a phone number, whatever its length.
constexpr std::u32string_view kPhoneWords[] = {
    U"电话", U"热线", U"拨打", U"致电",   U"号码",   U"手机", U"报警", U"座机", U"分机", U"转",     U"值班", U"咨询",
    U"举报", U"急救", U"打",   U"分机号", U"电话号", U"传真", U"卡号", U"账号", U"密码", U"验证码", U"邮编"};
// Service numbers read digit by digit even without a word before them.
constexpr std::u32string_view kShortHotlines[] = {U"110", U"114", U"119", U"120", U"122", U"12110", U"999"};
// Digit groups of one phone number at most: +86 138 0000 0000 has four.
constexpr size_t kMaxPhoneGroups = 6;
// Range signs between two numbers or times, read 到.
constexpr std::u32string_view kRangeSigns = U"-~—–―‒至到";
// Minus signs: ASCII, full width, the mathematical one.
constexpr std::u32string_view kMinusSigns = U"-－−";
// After a letter, a digit or a unit a sign is a hyphen or a range (A-12, 3-5, 3月-5月), not a minus.
bool afterNumberOrUnit(char32_t c)
{
    return isDigit(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c == U'.' || isAnyOf(c, kUnits);
}
// Latin unit symbols after a number, as they are said (case matters: 5G is no 5 g).
struct LatinUnit {
    std::u32string_view symbol;
    const char* words;
};
constexpr LatinUnit kLatinUnits[] = {
    {U"kg", "公斤"},       {U"KG", "公斤"},  {U"Kg", "公斤"},     {U"g", "克"},      {U"mg", "毫克"},  {U"km", "公里"},
    {U"m", "米"},          {U"cm", "厘米"},  {U"mm", "毫米"},     {U"ml", "毫升"},   {U"mL", "毫升"},  {U"L", "升"},
    {U"mmHg", "毫米汞柱"}, {U"kPa", "千帕"}, {U"mmol", "毫摩尔"}, {U"kcal", "千卡"}, {U"min", "分钟"}, {U"h", "小时"},
};
const char* latinUnitWords(std::u32string_view symbol)
{
    for (const LatinUnit& unit : kLatinUnits)
        if (unit.symbol == symbol) return unit.words;
    return nullptr;
}

std::string asciiUpper(std::string text)
{
    for (char& c : text)
        if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    return text;
}

bool isLatinLetter(char32_t c)
{
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// Signs espeak-ng's Mandarin voice would say in English ("plus", "slash", "tilde") or not at
// all, as a person reads them; the ones with nothing to say are dropped.
struct SignWords {
    char32_t sign;
    const char* words;
};
constexpr SignWords kSignWords[] = {
    {U'&', "和"},      {U'=', "等于"}, {U'@', "艾特"}, {U'±', "正负"}, {U'≥', "大于等于"}, {U'≤', "小于等于"},
    {U'㎡', "平方米"}, {U'*', ""},     {U'\\', ""},    {U'^', ""},     {U'`', ""},         {U'~', ""},
    {U'#', ""},        {U'+', ""},     {U'/', "、"},   {U'|', ""},
};

// Pictures with nothing to say: emoji, dingbats, arrows, shapes, the joiners between them.
bool isPictograph(char32_t c)
{
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2190 && c <= 0x21FF) ||
           (c >= 0x25A0 && c <= 0x25FF) || (c >= 0x2B00 && c <= 0x2BFF) || c == 0xFE0F || c == 0x200D ||
           (c >= 0x1F3FB && c <= 0x1F3FF);
}

// Rooms said by their digits: 201室, 301会议室.
constexpr std::u32string_view kRoomWords[] = {U"室", U"房", U"教室", U"会议室", U"活动室", U"办公室", U"诊室", U"病房"};
// A number right after these is a room too: 3楼305, B座301, 2单元201.
constexpr std::u32string_view kRoomPlaces = U"楼座栋层元";

// Measure words after 2 that make it 两.
constexpr std::u32string_view kLiangMeasures = U"个位次人天件本名斤岁点周年张份套盒瓶";

class Normaliser {
public:
    Normaliser(std::u32string text, const SpeechReadings& readings) : m_in(std::move(text)), m_readings(readings) {}

    std::string run()
    {
        while (m_pos < m_in.size()) {
            const char32_t c = m_in[m_pos];
            if (isDigit(c)) {
                number();
            } else if ((c == U'¥' || c == U'￥') && m_pos + 1 < m_in.size() && isDigit(m_in[m_pos + 1])) {
                ++m_pos;
                const std::optional<std::u32string> grouped = thousands(true);
                const std::u32string digits = grouped ? *grouped : std::u32string(digitRun());
                const std::u32string_view fraction = fractionRun();
                m_out += decimalWords(digits, trimZeros(fraction)) + "元";
            } else if (c == U'%') {
                ++m_pos; // a stray sign: nothing to say
            } else if (c == U'℃') {
                m_out += "度";
                ++m_pos;
            } else if (isAnyOf(c, kRangeSigns) && c != U'至' && c != U'到' && m_pos > 0 &&
                       ((isAnyOf(m_in[m_pos - 1], U"日号点时分元岁度℃%") && isDigit(at(m_pos + 1))) ||
                        (isDigit(m_in[m_pos - 1]) && isAnyOf(at(m_pos + 1), kMinusSigns) && isDigit(at(m_pos + 2))))) {
                // 3月3日-3月5日, 9点-11点, -5℃~3℃, -5~-3℃: a range between two dates, counts or
                // temperatures with their words or signs.
                m_out += "到";
                ++m_pos;
            } else if (isAnyOf(c, kMinusSigns) && isDigit(at(m_pos + 1)) &&
                       (m_pos == 0 || !afterNumberOrUnit(m_in[m_pos - 1]))) {
                // -5℃, 气温-3到2度: a sign before a number, not between two, is said 零下 for a
                // temperature and 负 otherwise.
                m_out += temperatureAfter(m_pos + 1) ? "零下" : "负";
                ++m_pos;
            } else if (isLatinLetter(c)) {
                latinWord();
            } else if (c == U'.' && m_pos > 0 && (isLatinLetter(m_in[m_pos - 1]) || isLatinLetter(at(m_pos + 1)))) {
                // www.12345.gov.cn is read with 点, as people read web addresses.
                m_out += "点";
                ++m_pos;
            } else if (c == U'°') {
                // 25°C, 25°
                m_out += "度";
                ++m_pos;
                if (at(m_pos) == U'C' || at(m_pos) == U'c') ++m_pos;
            } else if (c == U'+' && isDigit(at(m_pos + 1))) {
                plus();
            } else if (c == U'/') {
                slash();
            } else if (c == U'#' && m_pos > 0 && isDigit(m_in[m_pos - 1])) {
                // 3#楼
                m_out += "号";
                ++m_pos;
            } else if ((c == U'×' || c == U'÷') && m_pos > 0 && isDigit(m_in[m_pos - 1]) && isDigit(at(m_pos + 1))) {
                m_out += c == U'×' ? "乘" : "除以";
                ++m_pos;
            } else if ((c == U'>' || c == U'<') && isDigit(at(m_pos + 1))) {
                // 血糖>7.0
                m_out += c == U'>' ? "大于" : "小于";
                ++m_pos;
            } else if (c >= 0x2460 && c <= 0x2473) {
                // ① … ⑳ number the steps of a notice.
                m_out += numberWords(int(c - 0x2460 + 1)) + "、";
                ++m_pos;
            } else if (c >= 0x2160 && c <= 0x216B) {
                // Ⅰ … Ⅻ
                m_out += numberWords(int(c - 0x2160 + 1));
                ++m_pos;
            } else if (isPictograph(c)) {
                ++m_pos;
            } else if (const char* words = signWords(c)) {
                m_out += words;
                ++m_pos;
            } else {
                appendUtf8(m_out, c);
                ++m_pos;
            }
        }
        return m_out;
    }

private:
    char32_t at(size_t i) const { return i < m_in.size() ? m_in[i] : U'\0'; }

    static const char* signWords(char32_t c)
    {
        for (const SignWords& sign : kSignWords)
            if (sign.sign == c) return sign.words;
        return nullptr;
    }

    // A run of Latin letters at m_pos, consumed: a unit after a number (5kg → 五公斤), a word of
    // the readings table (WiFi), or else its letters one by one as capitals (APP → A P P), since
    // espeak-ng's Mandarin voice says a whole Latin word in an English voice.
    void latinWord()
    {
        const size_t start = m_pos;
        while (isLatinLetter(at(m_pos))) ++m_pos;
        const std::u32string_view run = std::u32string_view(m_in).substr(start, m_pos - start);
        size_t back = start;
        while (back > 0 && m_in[back - 1] == U' ') --back;
        const char* unit = latinUnitWords(run);
        if (unit != nullptr && back > 0 && isDigit(m_in[back - 1])) {
            while (!m_out.empty() && m_out.back() == ' ') m_out.pop_back();
            m_out += unit;
            m_unitEnd = m_pos;
            return;
        }
        std::string word;
        for (char32_t c : run) appendUtf8(word, c);
        const std::string* pinyin = m_readings.find(word);
        // Latin words match whatever their case: a district's APP also reads app and App.
        if (pinyin == nullptr) pinyin = m_readings.find(asciiLower(word));
        if (pinyin == nullptr) pinyin = m_readings.find(asciiUpper(word));
        if (pinyin != nullptr) {
            if (!m_out.empty() && m_out.back() != ' ') m_out += ' ';
            m_out += *pinyin + " ";
            return;
        }
        for (size_t i = 0; i < word.size(); ++i) {
            if (i > 0) m_out += ' ';
            m_out += char(word[i] >= 'a' && word[i] <= 'z' ? word[i] - 'a' + 'A' : word[i]);
        }
    }

    // '+' before a digit at m_pos: 1+1 is 一加一; +86 a country code, digit by digit.
    void plus()
    {
        ++m_pos;
        m_out += "加";
        if (m_pos >= 2 && isDigit(m_in[m_pos - 2])) return;
        m_out += digitsOneByOne(digitRun(), true);
    }

    // '/' at m_pos: 12元/份 and 6.1mmol/L are 每; other slashes (早/午餐, 140/90) a short pause.
    void slash()
    {
        const char32_t before = m_pos > 0 ? m_in[m_pos - 1] : U'\0';
        ++m_pos;
        // A Latin letter only as the end of a unit just read (6.1mmol/L), not of a web address.
        const bool afterAmount = isDigit(before) || (m_pos - 1 == m_unitEnd) || isAnyOf(before, kUnits);
        // After a price anything is per: 200元/学期, 5元/斤.
        const bool afterPrice = isAnyOf(before, U"元块角");
        const bool measureAfter = isAnyOf(at(m_pos), U"份人次位个斤天月年周时碗盒瓶袋张件本套间户") ||
                                  rest().starts_with(U"小时") || rest().starts_with(U"分钟");
        if (afterPrice || (afterAmount && measureAfter)) {
            m_out += "每";
            return;
        }
        size_t end = m_pos;
        while (isLatinLetter(at(end))) ++end;
        if (afterAmount && end > m_pos) {
            if (const char* unit = latinUnitWords(std::u32string_view(m_in).substr(m_pos, end - m_pos))) {
                m_out += std::string("每") + unit;
                m_pos = end;
                return;
            }
        }
        m_out += "、";
    }

    // 1,200元 or ¥12,000 at m_pos: digits with thousands separators, consumed and returned
    // without them, when a unit after it (or `amount`, a ¥ before it) says it is one amount;
    // 110,120 stays two numbers.
    std::optional<std::u32string> thousands(bool amount)
    {
        const size_t save = m_pos;
        std::u32string digits(digitRun());
        size_t groups = 0;
        while (!digits.empty() && digits.size() <= 3 + 3 * groups && digits.front() != U'0' && at(m_pos) == U',' &&
               isDigit(at(m_pos + 1)) && isDigit(at(m_pos + 2)) && isDigit(at(m_pos + 3)) && !isDigit(at(m_pos + 4))) {
            digits.append(m_in, m_pos + 1, 3);
            m_pos += 4;
            ++groups;
        }
        size_t look = m_pos;
        if (at(look) == U'.' && isDigit(at(look + 1))) {
            ++look;
            while (isDigit(at(look))) ++look;
        }
        if (groups == 0 || !(amount || isAnyOf(at(look), kUnits))) {
            m_pos = save;
            return std::nullopt;
        }
        return digits;
    }

    bool roomWordAfter() const
    {
        for (std::u32string_view word : kRoomWords)
            if (rest().starts_with(word)) return true;
        return false;
    }

    bool roomPlaceBefore(size_t start) const
    {
        if (start == 0 || !isAnyOf(m_in[start - 1], kRoomPlaces)) return false;
        // 元 only as in 单元: 100元200 is no room.
        return m_in[start - 1] != U'元' || (start >= 2 && m_in[start - 2] == U'单');
    }

    // A number at `i` followed by 度 or ℃, directly or after a range to a second one (-3到2℃).
    bool temperatureAfter(size_t i) const
    {
        const auto skipNumber = [&] {
            while (isDigit(at(i)) || (at(i) == U'.' && isDigit(at(i + 1)))) ++i;
        };
        skipNumber();
        if (isAnyOf(at(i), kRangeSigns)) {
            ++i;
            if (isAnyOf(at(i), kMinusSigns)) ++i;
            if (isDigit(at(i))) skipNumber();
        }
        return at(i) == U'度' || at(i) == U'℃';
    }

    std::u32string_view digitRun()
    {
        const size_t start = m_pos;
        while (isDigit(at(m_pos))) ++m_pos;
        return std::u32string_view(m_in).substr(start, m_pos - start);
    }

    // ".5" after a number: the digits after the point, consumed; "" when there is none.
    std::u32string_view fractionRun()
    {
        if (at(m_pos) == U'.' && isDigit(at(m_pos + 1))) {
            ++m_pos;
            return digitRun();
        }
        return {};
    }

    static std::u32string_view trimZeros(std::u32string_view fraction)
    {
        while (!fraction.empty() && fraction.back() == U'0') fraction.remove_suffix(1);
        return fraction;
    }

    static long long valueOf(std::u32string_view digits)
    {
        long long v = 0;
        for (char32_t c : digits) {
            v = v * 10 + (c - U'0');
            if (v > 1'000'000'000'000LL) return v;
        }
        return v;
    }

    static std::string decimalWords(std::u32string_view whole, std::u32string_view fraction)
    {
        std::string out = numberWords(valueOf(whole));
        if (whole.size() > 8) out = digitsOneByOne(whole, false);
        if (!fraction.empty()) out += "点" + digitsOneByOne(fraction, false);
        return out;
    }

    bool phoneWordBefore(size_t start) const
    {
        // Look back over a few characters, past spaces and a colon: 电话：96110, 拨打 110.
        size_t end = start;
        while (end > 0 && isAnyOf(m_in[end - 1], U" :：\t")) --end;
        const std::u32string_view before = std::u32string_view(m_in).substr(0, end);
        for (std::u32string_view word : kPhoneWords)
            if (before.ends_with(word)) return true;
        return false;
    }

    // A time at m_pos (H:MM or H:MM:SS), consumed; nothing when it is not one.
    std::optional<std::string> time()
    {
        const size_t save = m_pos;
        const std::u32string_view hours = digitRun();
        if (hours.empty() || hours.size() > 2 || at(m_pos) != U':' || !isDigit(at(m_pos + 1)) ||
            !isDigit(at(m_pos + 2)) || isDigit(at(m_pos + 3))) {
            m_pos = save;
            return std::nullopt;
        }
        const int h = int(valueOf(hours));
        const int m = int((at(m_pos + 1) - U'0') * 10 + (at(m_pos + 2) - U'0'));
        if (h > 24 || m > 59) {
            m_pos = save;
            return std::nullopt;
        }
        m_pos += 3;
        // Seconds are never said on a notice board.
        if (at(m_pos) == U':' && isDigit(at(m_pos + 1)) && isDigit(at(m_pos + 2))) m_pos += 3;
        std::string out = (h == 2 ? std::string("两") : numberWords(h)) + "点";
        if (m > 0) out += (m < 10 ? "零" + numberWords(m) : numberWords(m)) + "分";
        return out;
    }

    // AM or PM (a space before it allowed) just after a time, consumed: 上午 or 下午 to say
    // before the time; "" when there is none.
    std::string dayHalf()
    {
        size_t i = m_pos;
        if (at(i) == U' ') ++i;
        const char32_t a = at(i), m = at(i + 1);
        if (!((a == U'A' || a == U'a' || a == U'P' || a == U'p') && (m == U'M' || m == U'm')) ||
            isLatinLetter(at(i + 2)))
            return {};
        m_pos = i + 2;
        return (a == U'A' || a == U'a') ? "上午" : "下午";
    }

    // 2026-06-03 or 2026/6/3 at m_pos, consumed.
    std::optional<std::string> isoDate()
    {
        const size_t save = m_pos;
        const std::u32string_view y = digitRun();
        const char32_t sep = at(m_pos);
        if (y.size() == 4 && (sep == U'-' || sep == U'/' || sep == U'.') && isDigit(at(m_pos + 1))) {
            ++m_pos;
            const std::u32string_view mo = digitRun();
            if (mo.size() <= 2 && at(m_pos) == sep && isDigit(at(m_pos + 1))) {
                ++m_pos;
                const std::u32string_view d = digitRun();
                const long long mv = valueOf(mo), dv = valueOf(d);
                if (d.size() <= 2 && mv >= 1 && mv <= 12 && dv >= 1 && dv <= 31 && !isDigit(at(m_pos)))
                    return digitsOneByOne(y, false) + "年" + numberWords(mv) + "月" + numberWords(dv) + "日";
            }
        }
        m_pos = save;
        return std::nullopt;
    }

    // 0353-5550199, 400-880-1234: digit groups joined by '-' or spaces, one of them ≥ 7 digits
    // or the first starting with 0; consumed.
    std::optional<std::string> groupedPhone()
    {
        const size_t save = m_pos;
        std::vector<std::u32string_view> groups{digitRun()};
        // No phone number has more groups; without the cap "1 1 1 …" was read again from each
        // of its digits, quadratic in the text (fuzz_speech_text's slow inputs showed it).
        while (groups.size() < kMaxPhoneGroups && (at(m_pos) == U'-' || at(m_pos) == U' ') && isDigit(at(m_pos + 1))) {
            ++m_pos;
            groups.push_back(digitRun());
        }
        size_t total = 0;
        for (auto g : groups) total += g.size();
        // A unit after the last group makes it a range of amounts (100-2000元), not a number to dial.
        const bool looksLikePhone = groups.size() >= 2 && total >= 7 && groups.front().size() >= 3 &&
                                    (groups.front().front() == U'0' || groups.front().size() == 3 ||
                                     groups.back().size() >= 7 || phoneWordBefore(save)) &&
                                    !isAnyOf(at(m_pos), kUnits);
        if (!looksLikePhone) {
            m_pos = save;
            return std::nullopt;
        }
        std::string out;
        for (size_t i = 0; i < groups.size(); ++i) {
            if (i > 0) out += "，";
            out += digitsOneByOne(groups[i], true);
        }
        return out;
    }

    void number()
    {
        const size_t start = m_pos;
        if (auto date = isoDate()) {
            m_out += *date;
            return;
        }
        if (auto t = time()) {
            m_out += dayHalf() + *t;
            // 14:00—16:00, 9:30-11:00, 8:00至10:00
            if (isAnyOf(at(m_pos), kRangeSigns) && isDigit(at(m_pos + 1))) {
                const size_t sign = m_pos;
                ++m_pos;
                if (auto end = time()) {
                    const std::string half = dayHalf();
                    m_out += "到" + half + *end;
                } else {
                    m_pos = sign;
                }
            }
            return;
        }
        if (auto phone = groupedPhone()) {
            m_out += *phone;
            return;
        }
        if (auto grouped = thousands(false)) {
            const std::u32string_view fraction = fractionRun();
            m_out += decimalWords(*grouped, at(m_pos) == U'元' ? trimZeros(fraction) : fraction);
            return;
        }
        // 第2名 is 第二, never 两.
        const bool ordinal = start > 0 && m_in[start - 1] == U'第';
        const std::u32string_view digits = digitRun();
        const std::u32string_view fraction = fractionRun();
        const char32_t next = at(m_pos);

        if (fraction.empty() && digits.size() == 4 && next == U'年') {
            m_out += digitsOneByOne(digits, false);
            return;
        }
        // 80后, 00后: a generation, said by its digits.
        if (fraction.empty() && digits.size() == 2 && digits.back() == U'0' && next == U'后') {
            m_out += digitsOneByOne(digits, false);
            return;
        }
        if (next == U'%') {
            ++m_pos;
            m_out += "百分之" + decimalWords(digits, fraction);
            return;
        }
        if (!fraction.empty()) {
            m_out += decimalWords(digits, next == U'元' ? trimZeros(fraction) : fraction);
            // 1.5-2小时, 0.5~1元
            if (isAnyOf(next, U"-~—–") && isDigit(at(m_pos + 1))) {
                m_out += "到";
                ++m_pos;
            }
            return;
        }
        // 120-150元: a range whose second number carries a unit is two amounts, even when the
        // first one alone would be a hotline.
        size_t afterSecond = m_pos + 1;
        while (isDigit(at(afterSecond))) ++afterSecond;
        const bool unitAfter =
            isAnyOf(next, kUnits) || (isAnyOf(next, kRangeSigns) && isDigit(at(m_pos + 1)) &&
                                      afterSecond - m_pos - 1 <= 4 && isAnyOf(at(afterSecond), kUnits));
        const bool hotline =
            std::find(std::begin(kShortHotlines), std::end(kShortHotlines), digits) != std::end(kShortHotlines);
        if (!unitAfter && digits.size() >= 3 &&
            (digits.size() >= 5 || hotline || phoneWordBefore(start) || digits.front() == U'0')) {
            m_out += digitsOneByOne(digits, true);
            return;
        }
        // 60-70岁, 3~5天: two counts with a range sign between them.
        if (isAnyOf(next, kRangeSigns) && isDigit(at(m_pos + 1)) && digits.size() <= 4) {
            const size_t sign = m_pos;
            ++m_pos;
            const std::u32string_view second = digitRun();
            // 2025-2026年: two years, each digit by digit.
            if (digits.size() == 4 && second.size() == 4 && at(m_pos) == U'年') {
                m_out += digitsOneByOne(digits, false) + "到" + digitsOneByOne(second, false);
                return;
            }
            if (second.size() <= 4 && at(m_pos) != U':' && at(m_pos) != U'.') {
                m_out += numberWords(valueOf(digits)) + "到" + plainNumber(second, rest(), ordinal);
                return;
            }
            m_pos = sign;
        }
        if (digits.size() > 1 && digits.front() == U'0') {
            m_out += digitsOneByOne(digits, false);
            return;
        }
        // 201室, 301会议室, 3楼305, B座301: a room is said by its digits.
        if (digits.size() >= 3 && digits.size() <= 4 && (roomWordAfter() || (!unitAfter && roomPlaceBefore(start)))) {
            m_out += digitsOneByOne(digits, false);
            return;
        }
        m_out += plainNumber(digits, rest(), ordinal);
    }

    // The text after the number just read.
    std::u32string_view rest() const { return std::u32string_view(m_in).substr(std::min(m_pos, m_in.size())); }

    static std::string plainNumber(std::u32string_view digits, std::u32string_view after, bool ordinal)
    {
        const char32_t next = after.empty() ? U'\0' : after.front();
        if (digits == U"2" && !ordinal && (isAnyOf(next, kLiangMeasures) || after.substr(0, 2) == U"小时")) return "两";
        if (digits.size() > 8) return digitsOneByOne(digits, false);
        return numberWords(valueOf(digits));
    }

    std::u32string m_in;
    const SpeechReadings& m_readings;
    size_t m_pos = 0;
    // Where the last Latin unit after a number ended (5kg|), for 6.1mmol/L.
    size_t m_unitEnd = std::u32string::npos;
    std::string m_out;
};

// Words of the table replaced by their pinyin. The words are found from the end of the text
// backwards, longest first (backward maximum matching): it segments Chinese better than
// matching from the front, which read 医院长期 as 医 院长(zhang3) 期 and 银行长期 as 银 行长 期.
std::string applyReadings(const std::string& text, const SpeechReadings& readings)
{
    if (readings.size() == 0) return text;
    const size_t longest = readings.longestWordBytes();
    const auto isContinuation = [&](size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
    struct Match {
        size_t start;
        size_t length;
        const std::string* pinyin;
    };
    std::vector<Match> matches; // from the end of the text
    size_t end = text.size();
    while (end > 0) {
        const Match* found = nullptr;
        Match match{};
        for (size_t len = std::min(longest, end); len > 0 && found == nullptr; --len) {
            const size_t start = end - len;
            // Latin words were looked up in the normaliser; here an entry such as "an" would
            // match inside the pinyin already written (yin2 hang2).
            if (isContinuation(start) || static_cast<unsigned char>(text[start]) < 0x80) continue;
            if (const std::string* pinyin = readings.find(std::string_view(text).substr(start, len))) {
                match = {start, len, pinyin};
                found = &match;
            }
        }
        if (found != nullptr) {
            matches.push_back(match);
            end = match.start;
            continue;
        }
        // Back over one whole character.
        do {
            --end;
        } while (end > 0 && isContinuation(end));
    }
    std::string out;
    size_t pos = 0;
    for (auto it = matches.rbegin(); it != matches.rend(); ++it) {
        out.append(text, pos, it->start - pos);
        if (!out.empty() && out.back() != ' ') out += ' ';
        out += *it->pinyin;
        out += ' ';
        pos = it->start + it->length;
    }
    out.append(text, pos, std::string::npos);
    // No space left at the end.
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

} // namespace

SpeechReadings::SpeechReadings()
{
    Problems problems;
    addCsv(builtinReadingsCsv(), kBuiltinReadingsName, problems);
    // assets/readings.csv is ours: speech_text_test holds it to no problems.
    assert(problems.empty());
}

void SpeechReadings::set(std::string word, std::string pinyin)
{
    if (word.empty()) return;
    m_longest = std::max(m_longest, word.size());
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), word,
                               [](const auto& entry, const std::string& w) { return entry.first < w; });
    if (it != m_entries.end() && it->first == word) {
        it->second = std::move(pinyin);
        return;
    }
    m_entries.insert(it, {std::move(word), std::move(pinyin)});
}

const std::string* SpeechReadings::find(std::string_view word) const
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), word,
                               [](const auto& entry, std::string_view w) { return entry.first < w; });
    if (it != m_entries.end() && it->first == word) return &it->second;
    return nullptr;
}

void SpeechReadings::addCsv(std::string_view bytes, const std::string& fileName, Problems& problems)
{
    const std::optional<std::string> text = decodeSheetText(bytes);
    if (!text) {
        problems.push_back({fileName, 0, "", "文件编码无法识别，请另存为 UTF-8 或 GBK 的 CSV"});
        return;
    }
    const SheetTable table = parseCsv(*text, fileName, problems);
    auto column = [&](const char* name) -> int {
        for (size_t i = 0; i < table.header.size(); ++i)
            if (table.header[i] == name) return int(i);
        return -1;
    };
    const int wordColumn = column("词语");
    const int readingColumn = column("读音");
    if (wordColumn < 0 || readingColumn < 0) {
        problems.push_back({fileName, 1, wordColumn < 0 ? "词语" : "读音", "缺少这一列（表头应为：词语,读音）"});
        return;
    }
    for (const SheetRow& row : table.rows) {
        auto cell = [&](int i) { return size_t(i) < row.cells.size() ? row.cells[size_t(i)] : std::string(); };
        std::string word = cell(wordColumn);
        const std::string reading = asciiLower(cell(readingColumn));
        if (word.empty()) {
            problems.push_back({fileName, row.number, "词语", "词语不能为空"});
            continue;
        }
        if (!isTonePinyin(reading)) {
            problems.push_back({fileName, row.number, "读音",
                                "读音“" + reading + "”应为带声调数字的拼音，字间用空格，如“chong2 yang2”"});
            continue;
        }
        set(std::move(word), reading);
    }
}

void SpeechReadings::addCsvFile(const std::filesystem::path& path, Problems& problems)
{
    std::ifstream file(path, std::ios::binary);
    if (!file) return;
    std::ostringstream bytes;
    bytes << file.rdbuf();
    addCsv(bytes.str(), path.filename().string(), problems);
}

bool isTonePinyin(std::string_view pinyin)
{
    if (pinyin.empty()) return false;
    size_t pos = 0;
    while (pos < pinyin.size()) {
        size_t letters = 0;
        while (pos < pinyin.size()) {
            if (pinyin[pos] >= 'a' && pinyin[pos] <= 'z') {
                ++pos;
                ++letters;
            } else if (pinyin.substr(pos, 2) == "ü") {
                pos += 2;
                ++letters;
            } else {
                break;
            }
        }
        if (letters == 0 || letters > 6 || pos >= pinyin.size() || pinyin[pos] < '1' || pinyin[pos] > '5') return false;
        ++pos;
        if (pos == pinyin.size()) return true;
        if (pinyin[pos] != ' ' || pos + 1 == pinyin.size()) return false;
        ++pos;
    }
    return false;
}

std::string numberWords(long long value)
{
    if (value < 0) return "负" + numberWords(-value);
    if (value > 99'999'999) {
        std::string out;
        for (char c : std::to_string(value)) out += kDigitWords[c - '0'];
        return out;
    }
    if (value == 0) return "零";
    const int high = int(value / 10000);
    const int low = int(value % 10000);
    std::string out;
    if (high > 0) {
        out = high == 2 ? "两" : wordsBelow10000(high, true);
        out += "万";
        if (low > 0 && low < 1000) out += "零";
        if (low > 0) out += wordsBelow10000(low, false);
        return out;
    }
    return wordsBelow10000(low, true);
}

std::string normaliseForSpeech(std::string_view text, const SpeechReadings& readings)
{
    Normaliser normaliser(prepare(text), readings);
    return applyReadings(normaliser.run(), readings);
}

std::vector<std::string> speechSentences(std::string_view normalised)
{
    std::vector<std::string> sentences;
    std::string current;
    size_t characters = 0;
    auto flush = [&] {
        size_t begin = current.find_first_not_of(" \t\r\n");
        if (begin != std::string::npos) sentences.push_back(current.substr(begin));
        current.clear();
        characters = 0;
    };
    size_t pos = 0;
    while (pos < normalised.size()) {
        const size_t start = pos;
        const char32_t c = nextCodePoint(normalised, pos);
        if (c == U'\n' || c == U'\r') {
            flush();
            continue;
        }
        current.append(normalised.substr(start, pos - start));
        ++characters;
        const bool end = isAnyOf(c, U"。！？；!?;");
        // The first piece stays short so synthesis hands out sound soon.
        const bool earlyComma = sentences.empty() && characters >= 12 && isAnyOf(c, U"，,、：:");
        if (end || earlyComma) flush();
    }
    flush();
    return sentences;
}

} // namespace content

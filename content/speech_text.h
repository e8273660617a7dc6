#pragma once
// Text as the speech engine should read it: numbers written out the way a person says them
// and words with several readings spelt in tone-numbered pinyin. espeak-ng's
// cmn-latn-pinyin voice reads 96110 as 九万六千一百一十, 银行 as yin2 xing2 and 重阳 as
// zhong4 yang2, but it reads pinyin such as "yin2 hang2" written inside Chinese text right.
// No audio here; platform/speech_engine.* speaks what this produces.
#include "content/problem.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace content {

// The readings file a district may put in a kiosk's data dir.
inline constexpr const char* kReadingsFileName = "readings.csv";

// Words with several readings and the reading meant here, as tone-numbered pinyin
// (重阳 → chong2 yang2). Built-in entries come first; a district adds or overrides words with
// a `readings.csv` in the data dir (columns 词语, 读音; see README "读音表").
class SpeechReadings {
public:
    // The built-in table.
    SpeechReadings();

    // Adds or replaces one word. Promises nothing about a malformed reading; see addCsv.
    void set(std::string word, std::string pinyin);
    // Reads a readings.csv (UTF-8 or GBK, header 词语, 读音). Rows with problems are skipped and
    // reported as `readings.csv:row:column: …`; good rows are kept.
    void addCsv(std::string_view bytes, const std::string& fileName, Problems& problems);
    // addCsv of `path` when the file exists; a missing file is no problem.
    void addCsvFile(const std::filesystem::path& path, Problems& problems);

    // The pinyin for the word, or nullptr.
    const std::string* find(std::string_view word) const;
    size_t size() const { return m_entries.size(); }
    size_t longestWordBytes() const { return m_longest; }

private:
    std::vector<std::pair<std::string, std::string>> m_entries; // sorted by word
    size_t m_longest = 0;
};

// True when `pinyin` is syllables like "chong2 yang2": ASCII letters (ü as v or ü) each ending
// in a tone digit 1–5, separated by single spaces.
bool isTonePinyin(std::string_view pinyin);

// The text handed to the speech engine:
// - phone numbers and hotlines digit by digit, 1 as 幺 (96110 → 九六幺幺零,
//   0353-5550199 → 零三五三，五五五零幺九九, 拨打110, 转8001);
// - years digit by digit (2026年 → 二零二六年), dates (2026-06-03, 6月3日 → 六月三日);
// - times (9:30 → 九点三十分, 14:00—16:00 → 十四点到十六点);
// - prices and decimals (12.5元 → 十二点五元, ¥8 → 八元), percentages (50% → 百分之五十),
//   ranges (60-70岁 → 六十到七十岁), other numbers as words (42 → 四十二, 2个 → 两个);
// - words of `readings` as their pinyin, set off by spaces;
// - full-width digits and signs read like ASCII ones.
std::string normaliseForSpeech(std::string_view text, const SpeechReadings& readings);
// With the built-in readings its result is never longer than maxSpeechBytes(text.size()): the
// longest expansion is a digit and a sign, 1% → 百分之一 (2 bytes → 12), so a cell at its length
// cap stays a few kilobytes of speech (tests/fuzz/fuzz_speech_text.cpp holds it to this).
constexpr size_t maxSpeechBytes(size_t inputBytes)
{
    return 8 * inputBytes + 16;
}

// The number as words: 0 → 零, 10 → 十, 42 → 四十二, 101 → 一百零一, 20000 → 两万.
// Numbers above 99,999,999 are read digit by digit.
std::string numberWords(long long value);

// Normalised text cut into sentences (at 。！？；!?; and line breaks; a long first sentence
// also at its first comma, so the first sound comes quickly). No piece is empty.
std::vector<std::string> speechSentences(std::string_view normalised);

} // namespace content

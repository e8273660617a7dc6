// libFuzzer: the speech normaliser over any text a sheet can hold (content/speech_text.h).
// Whatever the bytes, normalising ends, and its output stays within kMaxSpeechGrowth of the
// input; cutting it into sentences gives non-empty pieces made only of its own bytes.
#include "content/speech_text.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const content::SpeechReadings readings;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string spoken = content::normaliseForSpeech(text, readings);
    // The promise of speech_text.h: abort() is how libFuzzer sees a broken one.
    if (spoken.size() > content::maxSpeechBytes(size)) std::abort();
    size_t sentenceBytes = 0;
    for (const std::string& sentence : content::speechSentences(spoken)) {
        if (sentence.empty()) std::abort();
        sentenceBytes += sentence.size();
    }
    if (sentenceBytes > spoken.size()) std::abort();
    return 0;
}

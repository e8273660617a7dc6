#pragma once
// Mandarin speech synthesis with libespeak-ng (voice cmn-latn-pinyin), into memory: no audio
// device here, so the staff tool (`kiosk-content say -o`) and the kiosk's speech engine share
// it. espeak-ng keeps global state: it is loaded once per process and stays loaded; use one
// SpeechSynth at a time, from one thread.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace platform {

// Settings of the voice for older listeners.
struct VoiceParams {
    int wordsPerMinute =
        150; // espeak-ng's default 175 gives about 3.3 syllables a second; 2.7 is clearer for older listeners
    int wordGapMs = 10; // a little air between words (espeak-ng counts in 10 ms units)
};

// Where the sound goes: into the sink (the kiosk's audio, a WAV file), or straight to the
// default sound device through espeak-ng's own output (the staff tool without -o).
enum class SpeechOutput { Memory, Speaker };

class SpeechSynth {
public:
    SpeechSynth() = default;
    ~SpeechSynth();
    SpeechSynth(const SpeechSynth&) = delete;
    SpeechSynth& operator=(const SpeechSynth&) = delete;

    // Loads espeak-ng and the Mandarin voice. False (with a Chinese reason) when the library's
    // data or the voice is missing.
    bool open(const VoiceParams& params, SpeechOutput output, std::string& error);
    bool isOpen() const { return m_sampleRate > 0; }
    // Samples per second of what synthesise hands out (mono, signed 16 bit).
    int sampleRate() const { return m_sampleRate; }

    // Receives each block of samples as espeak-ng makes it; returns false to stop synthesis.
    using Sink = std::function<bool(const int16_t* samples, size_t count)>;
    // Speaks one piece of normalised text (see content::normaliseForSpeech) into `sink`.
    // False when the sink stopped it or synthesis failed.
    bool synthesise(std::string_view text, const Sink& sink);

private:
    int m_sampleRate = 0;
};

// Writes mono 16-bit samples as a WAV file (libsndfile). False with a Chinese reason.
bool writeWav(const std::filesystem::path& path, const std::vector<int16_t>& samples, int sampleRate,
              std::string& error);

} // namespace platform

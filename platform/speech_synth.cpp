#include "platform/speech_synth.h"

#include "content/error_text.h"

#include <espeak-ng/speak_lib.h>
#include <sndfile.h>

#include <cerrno>
#include <mutex>

namespace platform {

namespace {

// The voice that speaks Mandarin; plain `cmn` reads Chinese as English-spelt pinyin.
constexpr const char* kVoice = "cmn-latn-pinyin";
// espeak-ng hands out sound in blocks of this length: short, so the first sound comes soon.
constexpr int kBlockMs = 60;

struct SynthCall {
    const SpeechSynth::Sink* sink = nullptr;
    bool stopped = false;
};

int onSamples(short* samples, int count, espeak_EVENT* events)
{
    auto* call = static_cast<SynthCall*>(events != nullptr ? events->user_data : nullptr);
    if (call == nullptr) return 0;
    if (call->stopped) return 1;
    if (samples != nullptr && count > 0 && !(*call->sink)(samples, size_t(count))) {
        call->stopped = true;
        return 1;
    }
    return 0;
}

} // namespace

// espeak-ng cannot be loaded again after espeak_Terminate (the second terminate hangs on its
// internal thread), so it is loaded once and stays for the life of the process.
std::mutex& engineMutex()
{
    static std::mutex mutex;
    return mutex;
}
int g_loadedRate = 0;

SpeechSynth::~SpeechSynth() = default;

bool SpeechSynth::open(const VoiceParams& params, SpeechOutput output, std::string& error)
{
    if (m_sampleRate > 0) return true;
    std::lock_guard<std::mutex> lock(engineMutex());
    if (g_loadedRate > 0) {
        m_sampleRate = g_loadedRate;
        espeak_SetParameter(espeakRATE, params.wordsPerMinute, 0);
        return true;
    }
    // DONT_EXIT: a missing data dir must not end the kiosk.
    const int rate =
        espeak_Initialize(output == SpeechOutput::Speaker ? AUDIO_OUTPUT_SYNCH_PLAYBACK : AUDIO_OUTPUT_SYNCHRONOUS,
                          kBlockMs, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        error = "语音引擎 espeak-ng 无法启动（缺少 espeak-ng-data？）";
        return false;
    }
    if (espeak_SetVoiceByName(kVoice) != EE_OK) {
        error = std::string("语音引擎缺少普通话语音 ") + kVoice;
        return false;
    }
    espeak_SetSynthCallback(onSamples);
    espeak_SetParameter(espeakRATE, params.wordsPerMinute, 0);
    espeak_SetParameter(espeakWORDGAP, params.wordGapMs / 10, 0);
    m_sampleRate = rate;
    g_loadedRate = rate;
    return true;
}

bool SpeechSynth::synthesise(std::string_view text, const Sink& sink)
{
    if (m_sampleRate <= 0) return false;
    const std::string copy(text);
    SynthCall call{&sink, false};
    // Synchronous output: espeak_Synth returns when the whole piece went through the callback.
    const espeak_ERROR result = espeak_Synth(copy.c_str(), copy.size() + 1, 0, POS_CHARACTER, 0,
                                             espeakCHARS_UTF8 | espeakENDPAUSE, nullptr, &call);
    return result == EE_OK && !call.stopped;
}

bool writeWav(const std::filesystem::path& path, const std::vector<int16_t>& samples, int sampleRate,
              std::string& error)
{
    SF_INFO info{};
    info.samplerate = sampleRate;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    if (file == nullptr) {
        // sf_strerror is English ("System error : No such file or directory"); open() set errno.
        error = "无法写入 " + path.string() + "：" + content::errnoText(errno);
        return false;
    }
    const sf_count_t written = sf_write_short(file, samples.data(), sf_count_t(samples.size()));
    const int closed = sf_close(file);
    if (written != sf_count_t(samples.size()) || closed != 0) {
        error = "写入 " + path.string() + " 不完整";
        return false;
    }
    return true;
}

} // namespace platform

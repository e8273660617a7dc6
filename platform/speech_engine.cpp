#include "platform/speech_engine.h"

#include "content/recording.h"

#include <SDL.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace platform {

namespace {

// Ten seconds of sound: synthesis runs ahead of playback by at most this much.
constexpr size_t kRingSeconds = 10;
// Device buffer: 1024 samples at 22 kHz is 46 ms, short enough for a quick start and stop.
constexpr Uint16 kDeviceSamples = 1024;
// A sample this loud counts as the first sound, not the silence before it.
constexpr int kAudibleLevel = 300;
// The ring's rate when no voice could be loaded (recordings still play): espeak-ng's own.
constexpr int kFallbackRate = 22050;
// Frames of a recording decoded at a time.
constexpr int64_t kDecodeFrames = 4096;

} // namespace

int loadSpeechVolume(const std::filesystem::path& file)
{
    std::ifstream in(file);
    int percent = 0;
    if (!(in >> percent)) return kSpeechVolumeDefault;
    return std::clamp(percent, kSpeechVolumeMin, kSpeechVolumeMax);
}

bool saveSpeechVolume(const std::filesystem::path& file, int percent)
{
    std::error_code error;
    std::filesystem::path temporary = file;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << std::clamp(percent, kSpeechVolumeMin, kSpeechVolumeMax) << "\n";
        out.flush();
        if (!out) return false;
    }
    std::filesystem::rename(temporary, file, error);
    return !error;
}

SpeechEngine::SpeechEngine(MainQueue& queue, std::function<void(int)> onFinished, VoiceParams voice)
    : m_queue(queue), m_onFinished(std::move(onFinished)), m_voice(voice)
{
}

SpeechEngine::~SpeechEngine()
{
    *m_alive = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_quit = true;
        m_pending.reset();
        // Under the lock, so a waiting worker cannot miss it.
        ++m_generation;
    }
    m_wake.notify_all();
    if (m_worker.joinable()) m_worker.join();
}

void SpeechEngine::start()
{
    if (!m_worker.joinable()) m_worker = std::thread([this] { run(); });
}

int SpeechEngine::speak(std::vector<std::string> sentences)
{
    std::vector<SpeechPart> parts(1);
    parts[0].sentences = std::move(sentences);
    return speakParts(std::move(parts));
}

int SpeechEngine::speakParts(std::vector<SpeechPart> parts)
{
    start();
    const int id = m_nextId++;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const unsigned generation = ++m_generation;
        m_pending = Job{generation, id, std::move(parts)};
        m_requestTime = std::chrono::steady_clock::now();
        m_firstSoundSeen = false;
        m_firstSoundMs.reset();
    }
    m_wake.notify_all();
    m_activeId = id;
    return id;
}

void SpeechEngine::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending.reset();
        ++m_generation;
        // The callback plays nothing more from this moment.
        m_ringSize = 0;
    }
    m_wake.notify_all();
    m_activeId = 0;
}

void SpeechEngine::setVolume(int percent)
{
    m_volume = std::clamp(percent, kSpeechVolumeMin, kSpeechVolumeMax);
}

std::optional<double> SpeechEngine::lastFirstSoundMs() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_firstSoundMs;
}

std::string SpeechEngine::problem() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_problem;
}

bool SpeechEngine::playsRecordings() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return !m_audioFailed;
}

bool SpeechEngine::ready() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_ready;
}

void SpeechEngine::finished(int requestId)
{
    if (requestId != m_activeId) return;
    m_activeId = 0;
    if (m_onFinished) m_onFinished(requestId);
}

void SpeechEngine::run()
{
    SpeechSynth synth;
    std::string error;
    const bool audio = SDL_InitSubSystem(SDL_INIT_AUDIO) == 0;
    if (!audio) error = std::string("声音设备无法打开：") + SDL_GetError();
    const bool voice = synth.open(m_voice, SpeechOutput::Memory, error);
    const int rate = voice ? synth.sampleRate() : kFallbackRate;
    bool device = audio;
    if (audio) {
        // Opened once now (paused, so silent), so that a kiosk without a working device shows no
        // 朗读 at all: found only at a visitor's first tap, the button vanished under the finger.
        SDL_AudioSpec want{};
        want.freq = rate;
        want.format = AUDIO_S16SYS;
        want.channels = 1;
        want.samples = kDeviceSamples;
        const SDL_AudioDeviceID probe = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, SDL_AUDIO_ALLOW_ANY_CHANGE);
        if (probe == 0) {
            device = false;
            error = std::string("声音设备无法打开：") + SDL_GetError();
        } else {
            SDL_CloseAudioDevice(probe);
        }
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_problem = error;
        m_audioFailed = !device;
        m_rate = rate;
        m_ring.assign(size_t(m_rate) * kRingSeconds, 0);
        m_ready = true;
    }
    m_queue.post([] {});
    if (!error.empty()) std::fprintf(stderr, "kiosk: 朗读不可用：%s\n", error.c_str());

    for (;;) {
        Job job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [&] { return m_quit || m_pending.has_value(); });
            if (m_quit) break;
            job = std::move(*m_pending);
            m_pending.reset();
            m_ringHead = 0;
            m_ringSize = 0;
        }
        if (audio) {
            // The synth lives on this thread; play() reaches it through this pointer.
            m_synth = &synth;
            play(job, voice);
            m_synth = nullptr;
        }
        if (!cancelled(job.generation)) {
            // Without a device or voice the request still ends, so the button reads 朗读 again.
            std::weak_ptr<bool> alive = m_alive;
            m_queue.post([this, alive, id = job.id] {
                if (auto token = alive.lock(); token && *token) finished(id);
            });
        }
    }
    if (audio) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

bool SpeechEngine::push(const Job& job, const int16_t* samples, size_t count)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    while (count > 0) {
        m_wake.wait(lock, [&] { return cancelled(job.generation) || m_ringSize < m_ring.size(); });
        if (cancelled(job.generation)) return false;
        const size_t n = std::min(count, m_ring.size() - m_ringSize);
        for (size_t i = 0; i < n; ++i) m_ring[(m_ringHead + m_ringSize + i) % m_ring.size()] = samples[i];
        m_ringSize += n;
        samples += n;
        count -= n;
    }
    return true;
}

bool SpeechEngine::playRecording(const Job& job, const content::Recording& recording)
{
    std::string error;
    content::RecordingDecoder decoder;
    // From the store file piece by piece as it plays: the first sound does not wait for 20 MB.
    if (!decoder.open(recording, error)) {
        // Checked when it was imported; a store that lost it since is worth a line, not a crash.
        std::fprintf(stderr, "kiosk: 录音无法播放：%s\n", error.c_str());
        return true;
    }
    // Mono float at the recording's rate in, the ring's format out: SDL resamples.
    SDL_AudioStream* stream = SDL_NewAudioStream(AUDIO_F32SYS, 1, decoder.sampleRate(), AUDIO_S16SYS, 1, m_rate);
    if (!stream) {
        std::fprintf(stderr, "kiosk: 录音无法转换：%s\n", SDL_GetError());
        return true;
    }
    const int channels = decoder.channels();
    std::vector<float> frames(size_t(kDecodeFrames) * size_t(channels));
    std::vector<float> mono(static_cast<size_t>(kDecodeFrames));
    std::vector<int16_t> out(size_t(kDecodeFrames) * 8);
    bool going = true;
    bool ended = false;
    while (going && !ended) {
        const int64_t n = decoder.read(frames.data(), kDecodeFrames);
        if (n <= 0) {
            ended = true;
            SDL_AudioStreamFlush(stream);
        } else {
            for (int64_t i = 0; i < n; ++i) {
                float sum = 0;
                for (int c = 0; c < channels; ++c) sum += frames[size_t(i * channels + c)];
                mono[size_t(i)] = sum / float(channels);
            }
            SDL_AudioStreamPut(stream, mono.data(), int(n * int64_t(sizeof(float))));
        }
        for (int got; going && (got = SDL_AudioStreamGet(stream, out.data(), int(out.size() * sizeof(int16_t)))) > 0;)
            going = push(job, out.data(), size_t(got) / sizeof(int16_t));
    }
    SDL_FreeAudioStream(stream);
    return going && !cancelled(job.generation);
}

void SpeechEngine::play(const Job& job, bool voice)
{
    SDL_AudioSpec want{};
    want.freq = m_rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = kDeviceSamples;
    want.callback = &SpeechEngine::audioCallback;
    want.userdata = this;
    SDL_AudioSpec have{};
    // SDL converts to what the device takes; the callback always sees mono 16 bit at our rate.
    const SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (device == 0) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_problem = std::string("声音设备无法打开：") + SDL_GetError();
        m_audioFailed = true;
        std::fprintf(stderr, "kiosk: %s\n", m_problem.c_str());
        return;
    }
    SDL_PauseAudioDevice(device, 0);

    const SpeechSynth::Sink sink = [&](const int16_t* samples, size_t count) { return push(job, samples, count); };
    bool going = true;
    for (const SpeechPart& part : job.parts) {
        if (!going) break;
        if (part.recording) {
            going = playRecording(job, *part.recording);
            continue;
        }
        // Without a voice only the recordings are heard.
        if (!voice) continue;
        for (const std::string& sentence : part.sentences) {
            going = m_synth->synthesise(sentence, sink) && !cancelled(job.generation);
            if (!going) break;
        }
    }
    {
        // Until the ring has played out, or a stop or a new request.
        std::unique_lock<std::mutex> lock(m_mutex);
        m_wake.wait(lock, [&] { return cancelled(job.generation) || m_quit || m_ringSize == 0; });
    }
    if (!cancelled(job.generation)) {
        // The device still holds its last buffer.
        SDL_Delay(Uint32(1000 * have.samples / std::max(have.freq, 1)) + 20);
    }
    SDL_CloseAudioDevice(device);
}

void SpeechEngine::audioCallback(void* self, unsigned char* stream, int length)
{
    static_cast<SpeechEngine*>(self)->fill(reinterpret_cast<int16_t*>(stream), size_t(length) / sizeof(int16_t));
}

void SpeechEngine::fill(int16_t* out, size_t count)
{
    const int volume = m_volume.load();
    size_t n = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        n = std::min(count, m_ringSize);
        for (size_t i = 0; i < n; ++i) {
            const int sample = m_ring[(m_ringHead + i) % m_ring.size()];
            out[i] = int16_t(sample * volume / 100);
            if (!m_firstSoundSeen && std::abs(sample) > kAudibleLevel) {
                m_firstSoundSeen = true;
                m_firstSoundMs =
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_requestTime).count();
            }
        }
        if (!m_ring.empty()) m_ringHead = (m_ringHead + n) % m_ring.size();
        m_ringSize -= n;
    }
    std::fill(out + n, out + count, int16_t(0));
    if (n > 0) m_wake.notify_all();
}

} // namespace platform

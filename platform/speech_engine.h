#pragma once
// Read-aloud for the kiosk: a worker thread synthesises sentence by sentence (espeak-ng), or
// decodes a recording (content/recording.h) and converts it with SDL_AudioStream, into a ring
// buffer, SDL audio's callback pulls from it, so the first sound comes while the rest
// is still being made and the main loop keeps idling while speech plays (no frame per audio
// buffer). The audio device is open only while speaking. "Finished" comes back through the
// main queue.
#include "content/model.h"
#include "platform/main_queue.h"
#include "platform/speech_synth.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace platform {

// Volume in percent, 10 … 100, in steps the staff menu's 大/小 buttons take.
inline constexpr int kSpeechVolumeStep = 15;
inline constexpr int kSpeechVolumeMin = 10;
inline constexpr int kSpeechVolumeMax = 100;
inline constexpr int kSpeechVolumeDefault = 85;

// The volume kept in FILE (one number); the default when it is missing or unreadable.
int loadSpeechVolume(const std::filesystem::path& file);
// Writes it atomically (temporary file, rename). False when it could not be written.
bool saveSpeechVolume(const std::filesystem::path& file, int percent);

// One piece of what a 朗读 button reads: sentences to synthesise, or a recording to play.
struct SpeechPart {
    std::vector<std::string> sentences;
    std::optional<content::Recording> recording;
};

class SpeechEngine {
public:
    // ON_FINISHED runs on the main thread (through QUEUE) when an utterance has played to its
    // end; not after stop().
    SpeechEngine(MainQueue& queue, std::function<void(int requestId)> onFinished, VoiceParams voice = {});
    ~SpeechEngine();
    SpeechEngine(const SpeechEngine&) = delete;
    SpeechEngine& operator=(const SpeechEngine&) = delete;

    // Starts the worker, which loads espeak-ng and SDL audio without holding up the caller.
    void start();

    // Main thread. Speaks the sentences (content::speechSentences), replacing whatever was
    // being spoken. Returns the request's id (> 0).
    int speak(std::vector<std::string> sentences);
    // The same for parts played one after the other (recordings and synthesis in order).
    int speakParts(std::vector<SpeechPart> parts);
    // Main thread. Silence at once; the device closes on the worker.
    void stop();
    // Main thread: the id being spoken, 0 when silent.
    int speakingId() const { return m_activeId; }
    bool speaking() const { return m_activeId != 0; }

    void setVolume(int percent);
    int volume() const { return m_volume.load(); }

    // Milliseconds from the last speak() to its first audible sample handed to SDL audio.
    std::optional<double> lastFirstSoundMs() const;
    // Why speech is unavailable (no audio device, no voice), or "" while it works.
    std::string problem() const;
    // Recordings (录音) still play: the sound device works, whatever became of the voice.
    bool playsRecordings() const;
    // The worker has loaded the voice and tried the sound device: problem() and playsRecordings()
    // are known. The main queue gets a (no-op) task then, so the loop draws the buttons.
    bool ready() const;

private:
    struct Job {
        unsigned generation = 0;
        int id = 0;
        std::vector<SpeechPart> parts;
    };

    void run();
    void play(const Job& job, bool voice);
    // Pushes samples into the ring, waiting for room; false when the job was cancelled.
    bool push(const Job& job, const int16_t* samples, size_t count);
    // Decodes one recording into the ring at m_rate; false when cancelled.
    bool playRecording(const Job& job, const content::Recording& recording);
    // Main thread, through the queue.
    void finished(int requestId);
    static void audioCallback(void* self, unsigned char* stream, int length);
    void fill(int16_t* out, size_t count);
    bool cancelled(unsigned generation) const { return m_generation.load() != generation; }

    MainQueue& m_queue;
    std::function<void(int)> m_onFinished;
    VoiceParams m_voice;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);

    std::thread m_worker;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Job> m_pending;
    bool m_quit = false;
    std::string m_problem;
    bool m_audioFailed = false; // no sound device: recordings are silent too
    bool m_ready = false;

    // The ring of samples between the worker and the audio callback, under m_mutex.
    std::vector<int16_t> m_ring;
    size_t m_ringHead = 0; // next sample to play
    size_t m_ringSize = 0; // samples queued
    bool m_firstSoundSeen = false;
    std::chrono::steady_clock::time_point m_requestTime{};
    std::optional<double> m_firstSoundMs;

    SpeechSynth* m_synth = nullptr; // the worker's, while it plays
    int m_rate = 0;                 // samples per second in the ring (the voice's)
    std::atomic<unsigned> m_generation{0};
    std::atomic<int> m_volume{kSpeechVolumeDefault};
    int m_nextId = 1;
    int m_activeId = 0;
};

} // namespace platform

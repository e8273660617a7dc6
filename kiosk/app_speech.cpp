// App, read-aloud: the speech engine's life, the 朗读 requests screens make, silence when a
// screen is left, no speech at night, and the volume the staff screen sets (kept in the data
// dir so it survives a restart).
#include "kiosk/app.h"

#include "content/speech_text.h"
#include "platform/speech_engine.h"

#include <cstdio>
#include <cstdlib>

namespace kiosk {

namespace {

std::filesystem::path volumeFile(const AppConfig& config)
{
    return config.dataDir / "speech-volume";
}

// For bench/speech_latency.sh: how soon the first sound came after the request, once per
// utterance (when it ends or is stopped).
void traceFirstSound(const platform::SpeechEngine& engine)
{
    if (!std::getenv("KIOSK_SPEECH_TRACE")) return;
    if (const auto ms = engine.lastFirstSoundMs()) std::fprintf(stderr, "kiosk: speech first sound %.1f ms\n", *ms);
}

} // namespace

void App::startSpeech()
{
    content::Problems problems;
    m_readings.addCsvFile(m_config.dataDir / content::kReadingsFileName, problems);
    for (const content::Problem& problem : problems)
        std::fprintf(stderr, "kiosk: 读音表有误：%s\n", problem.format().c_str());
    m_speech = std::make_unique<platform::SpeechEngine>(m_queue, [this](int) {
        m_state.speakingKey.clear();
        m_pacer.requestSettle();
        traceFirstSound(*m_speech);
    });
    m_speech->setVolume(platform::loadSpeechVolume(volumeFile(m_config)));
    m_state.speechVolume = m_speech->volume();
    // espeak-ng and the sound device load on the engine's thread while the first frames draw.
    m_speech->start();
}

void App::updateSpeechState()
{
    const bool night = inNightWindow(m_config.idle, m_state.now.minute);
    // --screenshot has no engine but shows the buttons as a visitor would see them by day.
    // Until the engine has loaded, its buttons stay away: on a kiosk without sound they would
    // show for a moment and vanish.
    const bool ready = !m_speech || m_speech->ready();
    const bool engineUsable = !m_speech || m_speech->problem().empty();
    m_state.speechAllowed = !night && ready && engineUsable;
    m_state.recordingsAllowed = !night && ready && (!m_speech || m_speech->playsRecordings());
    if (night && m_speech && m_speech->speaking()) silence();
}

void App::silence()
{
    if (m_speech && m_speech->speaking()) {
        traceFirstSound(*m_speech);
        m_speech->stop();
    }
    m_state.speakingKey.clear();
}

void App::applySpeechRequests()
{
    if (m_state.pendingVolumeSteps != 0 && m_speech) {
        m_speech->setVolume(m_speech->volume() + m_state.pendingVolumeSteps * platform::kSpeechVolumeStep);
        m_state.speechVolume = m_speech->volume();
        if (!platform::saveSpeechVolume(volumeFile(m_config), m_state.speechVolume))
            std::fprintf(stderr, "kiosk: 无法保存朗读音量到 %s\n", volumeFile(m_config).c_str());
    }
    m_state.pendingVolumeSteps = 0;
    if (m_state.pendingSpeechStop) silence();
    m_state.pendingSpeechStop = false;
    if (m_state.pendingSpeech && m_speech && (m_state.speechAllowed || m_state.recordingsAllowed)) {
        std::vector<platform::SpeechPart> parts;
        const content::Content& content = *m_state.view().content;
        for (const Reading::Part& part : m_state.pendingSpeech->reading.parts) {
            platform::SpeechPart out;
            // A recording the store no longer has (it was checked on import) falls back to its text.
            const content::Recording* recording = part.recording.empty() ? nullptr : content.recording(part.recording);
            if (recording) {
                out.recording = *recording;
            } else if (!part.text.empty()) {
                out.sentences = content::speechSentences(content::normaliseForSpeech(part.text, m_readings));
            } else {
                continue;
            }
            parts.push_back(std::move(out));
        }
        m_speech->speakParts(std::move(parts));
        m_state.speakingKey = m_state.pendingSpeech->key;
    }
    m_state.pendingSpeech.reset();
}

} // namespace kiosk

// libFuzzer: a recording (录音) as a stick or a content.db brings it, through the check every
// package's recordings pass (content/recording.h) and, when it passes, the decoder the kiosk
// plays from. A check gives a duration within limits.h or a Chinese reason; what passed decodes
// to its end in chunks, to exactly the length the check measured.
// Seeds: run with KIOSK_FUZZ_WRITE_SEEDS=DIR to write a short wav, ogg and mp3 tone there
// (libsndfile makes them, so no binary file is committed); tests/fuzz/run.sh does.
#include "content/limits.h"
#include "content/recording.h"

#include <sndfile.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

void writeTone(const std::string& path, int format, int rate, int channels)
{
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = channels;
    info.format = format;
    SNDFILE* out = sf_open(path.c_str(), SFM_WRITE, &info);
    if (!out) std::abort();
    std::vector<float> samples(size_t(rate / 10) * size_t(channels));
    for (size_t i = 0; i < samples.size(); ++i) samples[i] = 0.5f * std::sin(float(i) * 0.3f);
    sf_writef_float(out, samples.data(), sf_count_t(rate / 10));
    sf_close(out);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    const char* dir = std::getenv("KIOSK_FUZZ_WRITE_SEEDS");
    if (!dir) return 0;
    const std::string d(dir);
    writeTone(d + "/seed-tone.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 8000, 1);
    writeTone(d + "/seed-tone.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 16000, 1);
    writeTone(d + "/seed-tone.mp3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, 22050, 2);
    std::exit(0);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const content::RecordingCheck check = content::checkRecordingBytes(bytes);
    if (!check.ok) {
        if (check.problem.empty()) std::abort();
        return 0;
    }
    if (!check.problem.empty() || check.durationMs < 0 || check.durationMs > content::limits::kMaxRecordingMs)
        std::abort();

    content::RecordingDecoder decoder;
    std::string error;
    if (!decoder.open(bytes, error)) std::abort();
    std::vector<float> chunk(content::limits::kRecordingChunkFrames * size_t(decoder.channels()));
    int64_t frames = 0;
    for (;;) {
        const int64_t n = decoder.read(chunk.data(), int64_t(content::limits::kRecordingChunkFrames));
        if (n < 0) std::abort(); // the check decoded it to the end; playing it must too
        if (n == 0) break;
        frames += n;
        if (frames > content::limits::kMaxRecordingMs * decoder.sampleRate() / 1000) std::abort();
    }
    if (frames * 1000 / decoder.sampleRate() != check.durationMs) std::abort();
    return 0;
}

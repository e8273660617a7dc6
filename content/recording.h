#pragma once
// Recordings (录音): the audio files a guide, notice or lecture row names, decoded with
// libsndfile (wav, ogg/vorbis, opus, mp3 through mpg123). No audio device here: the check a
// package goes through, the decoder the kiosk's speech engine plays from, and the bytes kept in
// a store file.
#include "content/model.h"

#include <sndfile.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace content {

// Why a 录音 cell's text cannot name a recording (a folder in it, no .ogg/.mp3/.wav ending, a
// hidden name), in Chinese; "" when it is a plain file name of a recording.
std::string recordingNameProblem(std::string_view name);

// True for a file name ending in .ogg, .oga, .opus, .mp3 or .wav (any case).
bool isRecordingFileName(std::string_view name);

// What a check of a recording's bytes found.
struct RecordingCheck {
    bool ok = false;
    int64_t durationMs = 0;
    std::string problem; // Chinese, when !ok, to follow the file's name: 是空的…, 不是能播放的声音文件…
};

// Decodes the whole recording from start to end, limits::kRecordingChunkFrames at a time
// (never all of it as PCM), and checks its sample rate, channels and length against
// content/limits.h.
RecordingCheck checkRecordingBytes(std::string_view bytes);

// A recording's samples, decoded from its bytes (held by the decoder) a block at a time.
class RecordingDecoder {
public:
    RecordingDecoder();
    ~RecordingDecoder();
    RecordingDecoder(const RecordingDecoder&) = delete;
    RecordingDecoder& operator=(const RecordingDecoder&) = delete;

    // False, with a Chinese reason, when libsndfile cannot read the bytes.
    bool open(std::string bytes, std::string& error);
    // Decodes a recording where it is now. From a store file it reads the bytes as it decodes
    // (sqlite's incremental blob I/O), so playing starts without loading all of them first.
    bool open(const Recording& recording, std::string& error);
    int sampleRate() const { return m_info.samplerate; }
    int channels() const { return m_info.channels; }
    // Reads up to `frames` frames of interleaved float samples (-1 … 1) into `out`
    // (frames * channels() floats). Returns the frames read; 0 at the end, -1 on a decode error.
    int64_t read(float* out, int64_t frames);

private:
    struct Memory {
        std::string bytes;
        sf_count_t position = 0;
    };
    struct StoredBlob;
    void close();
    // Opens the bytes `io` reads from `source` (held by this decoder); the Chinese reason when
    // libsndfile cannot.
    bool openVirtual(SF_VIRTUAL_IO& io, void* source, std::string& error);
    std::unique_ptr<Memory> m_memory;
    std::unique_ptr<StoredBlob> m_blob;
    SNDFILE* m_file = nullptr;
    SF_INFO m_info{};
};

// The bytes of a recording from where it is now (a package's staged file, or a store file's
// recordings table), at most limits::kMaxRecordingBytes. Nothing, with a Chinese reason, when
// they cannot be read.
std::optional<std::string> loadRecordingBytes(const Recording& recording, std::string& error);

// Export: each recording of `content` written as the file its rows name, into `dir` beside the
// sheets, so the folder imports again unchanged. False, with a Chinese reason, on the first
// that cannot be read or written.
bool writeRecordingFiles(const Content& content, const std::filesystem::path& dir, std::string& error);

} // namespace content

#include "content/recording.h"

#include "content/file_io.h"
#include "content/limits.h"
#include "content/sheet_text.h"
#include "content/sqlite_db.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

namespace content {

namespace {

// libsndfile's virtual I/O over bytes held in memory.
struct MemoryView {
    std::string_view bytes;
    sf_count_t position = 0;
};

template <typename M>
sf_count_t seekIn(M& m, sf_count_t offset, int whence)
{
    const auto size = static_cast<sf_count_t>(m.bytes.size());
    sf_count_t target = offset;
    if (whence == SEEK_CUR) target = m.position + offset;
    if (whence == SEEK_END) target = size + offset;
    if (target < 0 || target > size) return -1;
    m.position = target;
    return m.position;
}

template <typename M>
sf_count_t readIn(M& m, void* out, sf_count_t count)
{
    const auto size = static_cast<sf_count_t>(m.bytes.size());
    const sf_count_t n = std::max<sf_count_t>(0, std::min(count, size - m.position));
    std::memcpy(out, m.bytes.data() + m.position, static_cast<size_t>(n));
    m.position += n;
    return n;
}

template <typename M>
SF_VIRTUAL_IO virtualIo()
{
    SF_VIRTUAL_IO io{};
    io.get_filelen = [](void* user) -> sf_count_t {
        return static_cast<sf_count_t>(static_cast<M*>(user)->bytes.size());
    };
    io.seek = [](sf_count_t offset, int whence, void* user) { return seekIn(*static_cast<M*>(user), offset, whence); };
    io.read = [](void* out, sf_count_t count, void* user) { return readIn(*static_cast<M*>(user), out, count); };
    io.write = [](const void*, sf_count_t, void*) -> sf_count_t { return 0; };
    io.tell = [](void* user) { return static_cast<M*>(user)->position; };
    return io;
}

const char* kNotAudio = "不是能播放的声音文件（应是 .ogg、.mp3 或 .wav 录音；请用手机或电脑重新导出一次）";

std::string minutesText(int64_t ms)
{
    char text[32];
    std::snprintf(text, sizeof text, "%lld 分 %02lld 秒", static_cast<long long>(ms / 60000),
                  static_cast<long long>(ms / 1000 % 60));
    return text;
}

} // namespace

bool isRecordingFileName(std::string_view name)
{
    const std::string lower = asciiLower(name);
    for (std::string_view ending : {".ogg", ".oga", ".opus", ".mp3", ".wav"}) {
        if (lower.size() > ending.size() && std::string_view(lower).ends_with(ending)) return true;
    }
    return false;
}

std::string recordingNameProblem(std::string_view name)
{
    if (name.find('/') != std::string_view::npos || name.find('\\') != std::string_view::npos ||
        name.find(':') != std::string_view::npos)
        return "“录音”只写文件名（如 反诈提醒.mp3），不能带文件夹或盘符；录音文件应与表格放在同一个文件夹里";
    if (name == "." || name == ".." || name.starts_with('.'))
        return "录音文件名不能以点开头（那是隐藏文件），请改成 反诈提醒.mp3 这样的名字";
    if (!isRecordingFileName(name))
        return "录音文件须是 .ogg、.mp3 或 .wav 文件，文件名要带上扩展名（如 反诈提醒.mp3）";
    return {};
}

RecordingCheck checkRecordingBytes(std::string_view bytes)
{
    RecordingCheck check;
    if (bytes.empty()) {
        check.problem = "是空的（0 字节）";
        return check;
    }
    MemoryView memory{bytes, 0};
    SF_VIRTUAL_IO io = virtualIo<MemoryView>();
    SF_INFO info{};
    SNDFILE* file = sf_open_virtual(&io, SFM_READ, &info, &memory);
    if (!file) {
        check.problem = kNotAudio;
        return check;
    }
    struct Closer {
        SNDFILE* f;
        ~Closer() { sf_close(f); }
    } closer{file};
    if (info.channels < 1 || info.channels > limits::kMaxRecordingChannels ||
        info.samplerate < limits::kMinRecordingRate || info.samplerate > limits::kMaxRecordingRate) {
        check.problem = "的声音格式不常见（" + std::to_string(info.samplerate) + " Hz，" +
                        std::to_string(info.channels) +
                        " 声道），请另存为常见的 mp3 或 wav（8000–192000 Hz，1–8 声道）";
        return check;
    }
    const int64_t maxFrames = limits::kMaxRecordingMs * info.samplerate / 1000;
    std::vector<float> chunk(limits::kRecordingChunkFrames * static_cast<size_t>(info.channels));
    int64_t frames = 0;
    for (;;) {
        const sf_count_t n = sf_readf_float(file, chunk.data(), static_cast<sf_count_t>(limits::kRecordingChunkFrames));
        if (n < 0 || sf_error(file) != SF_ERR_NO_ERROR) {
            check.problem = "有损坏，无法从头播放到尾；请用手机或电脑重新导出一次";
            return check;
        }
        if (n == 0) break;
        frames += n;
        if (frames > maxFrames) {
            check.problem = "太长，一段录音最多 " + minutesText(limits::kMaxRecordingMs) + "，请剪短或分成几段";
            return check;
        }
    }
    if (frames == 0) {
        check.problem = "里没有声音（长度为 0）";
        return check;
    }
    check.durationMs = frames * 1000 / info.samplerate;
    check.ok = true;
    return check;
}

// A recording's bytes in a store file, read a piece at a time through an open blob handle.
struct RecordingDecoder::StoredBlob {
    sqlite::Database db;
    sqlite3_blob* blob = nullptr;
    sf_count_t size = 0;
    sf_count_t position = 0;
    explicit StoredBlob(sqlite::Database opened) : db(std::move(opened)) {}
    ~StoredBlob()
    {
        if (blob) sqlite3_blob_close(blob);
    }
};

RecordingDecoder::RecordingDecoder() = default;

RecordingDecoder::~RecordingDecoder()
{
    close();
}

void RecordingDecoder::close()
{
    if (m_file) sf_close(m_file);
    m_file = nullptr;
    m_blob.reset();
    m_memory.reset();
}

bool RecordingDecoder::open(const Recording& recording, std::string& error)
{
    if (recording.sourceKind == Recording::Source::File) {
        std::optional<std::string> bytes = loadRecordingBytes(recording, error);
        return bytes && open(std::move(*bytes), error);
    }
    close();
    try {
        auto stored =
            std::make_unique<StoredBlob>(sqlite::Database(recording.source, sqlite::Database::Mode::ReadOnly));
        sqlite::Statement find = stored->db.prepare("SELECT rowid FROM recordings WHERE name = ?1");
        find.bind(1, recording.name);
        if (!find.step()) {
            error = "内容库里没有录音“" + recording.name + "”";
            return false;
        }
        const int64_t rowid = find.columnInt64(0);
        if (sqlite3_blob_open(stored->db.handle(), "main", "recordings", "bytes", rowid, 0, &stored->blob) !=
            SQLITE_OK) {
            error = "无法读取录音“" + recording.name + "”";
            return false;
        }
        stored->size = sqlite3_blob_bytes(stored->blob);
        m_blob = std::move(stored);
    } catch (const std::exception& e) {
        error = "无法读取录音“" + recording.name + "”：" + e.what();
        return false;
    }
    static SF_VIRTUAL_IO io = [] {
        SF_VIRTUAL_IO blobIo{};
        blobIo.get_filelen = [](void* user) { return static_cast<StoredBlob*>(user)->size; };
        blobIo.seek = [](sf_count_t offset, int whence, void* user) -> sf_count_t {
            auto& b = *static_cast<StoredBlob*>(user);
            sf_count_t target = whence == SEEK_CUR   ? b.position + offset
                                : whence == SEEK_END ? b.size + offset
                                                     : offset;
            if (target < 0 || target > b.size) return -1;
            b.position = target;
            return b.position;
        };
        blobIo.read = [](void* out, sf_count_t count, void* user) -> sf_count_t {
            auto& b = *static_cast<StoredBlob*>(user);
            const sf_count_t n = std::max<sf_count_t>(0, std::min(count, b.size - b.position));
            if (n > 0 && sqlite3_blob_read(b.blob, out, static_cast<int>(n), static_cast<int>(b.position)) != SQLITE_OK)
                return 0;
            b.position += n;
            return n;
        };
        blobIo.write = [](const void*, sf_count_t, void*) -> sf_count_t { return 0; };
        blobIo.tell = [](void* user) { return static_cast<StoredBlob*>(user)->position; };
        return blobIo;
    }();
    return openVirtual(io, m_blob.get(), error);
}

bool RecordingDecoder::open(std::string bytes, std::string& error)
{
    close();
    m_memory = std::make_unique<Memory>(Memory{std::move(bytes), 0});
    static SF_VIRTUAL_IO io = virtualIo<Memory>();
    return openVirtual(io, m_memory.get(), error);
}

bool RecordingDecoder::openVirtual(SF_VIRTUAL_IO& io, void* source, std::string& error)
{
    m_info = SF_INFO{};
    m_file = sf_open_virtual(&io, SFM_READ, &m_info, source);
    if (!m_file || m_info.channels < 1 || m_info.samplerate <= 0) {
        error = std::string("录音") + kNotAudio;
        return false;
    }
    return true;
}

int64_t RecordingDecoder::read(float* out, int64_t frames)
{
    if (!m_file) return -1;
    const sf_count_t n = sf_readf_float(m_file, out, frames);
    if (n < 0 || sf_error(m_file) != SF_ERR_NO_ERROR) return -1;
    return n;
}

std::optional<std::string> loadRecordingBytes(const Recording& recording, std::string& error)
{
    if (recording.sourceKind == Recording::Source::File) {
        std::optional<std::string> bytes = readRegularFile(recording.source, limits::kMaxRecordingBytes);
        if (!bytes) error = "无法读取录音文件“" + recording.name + "”";
        return bytes;
    }
    try {
        sqlite::Database db(recording.source, sqlite::Database::Mode::ReadOnly);
        sqlite::Statement select =
            db.prepare("SELECT length(bytes), bytes FROM recordings WHERE name = ?1 AND length(bytes) <= ?2");
        select.bind(1, recording.name).bind(2, static_cast<int64_t>(limits::kMaxRecordingBytes));
        if (!select.step()) {
            error = "内容库里没有录音“" + recording.name + "”";
            return std::nullopt;
        }
        return select.columnBlob(1);
    } catch (const std::exception& e) {
        error = "无法读取录音“" + recording.name + "”：" + e.what();
        return std::nullopt;
    }
}

bool writeRecordingFiles(const Content& content, const std::filesystem::path& dir, std::string& error)
{
    for (const Recording& recording : content.recordings) {
        const std::optional<std::string> bytes = loadRecordingBytes(recording, error);
        if (!bytes) return false;
        if (!writeFileAtomically(dir / recording.name, *bytes, 0644, &error)) return false;
    }
    return true;
}

} // namespace content

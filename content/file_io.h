#pragma once
// Small file-I/O pieces every part of the program needs written once: an owned file
// descriptor, the atomic replace of a file, a bounded read of a regular file, the folders in a
// folder, a read-only mapping, and UTF-8 encoding of one code point.
#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace content {

namespace fs = std::filesystem;

// Owns one file descriptor and closes it once. -1 holds nothing.
class FileDescriptor {
public:
    FileDescriptor() = default;
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    FileDescriptor(FileDescriptor&& other) noexcept : m_fd(other.release()) {}
    FileDescriptor& operator=(FileDescriptor&& other) noexcept;
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() { reset(); }

    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    explicit operator bool() const { return valid(); }
    // Gives up ownership without closing.
    int release();
    // Closes what it holds (if anything) and holds `fd`.
    void reset(int fd = -1);
    // Closes now; false (errno set) when close reports an error, which for a written file
    // can mean the data did not reach the disk.
    bool close();

private:
    int m_fd = -1;
};

// Writes all of `bytes` to `fd`, retrying short writes and EINTR. False with errno set.
bool writeAll(int fd, std::string_view bytes);

// fsync of a file or directory by path. False (errno set) when it cannot be opened or synced.
bool syncPath(const fs::path& path, bool directory);

// Writes `bytes` to a temporary dot-file beside `target` (so sync engines and the drop
// watcher treat it as temporary), fsyncs it, renames it over `target` and fsyncs the
// directory, so readers see the old file or the new one, never a part. False on any failure,
// with the temporary file removed and, when `error` is given, a Chinese reason naming the
// file. Never throws. A directory that refuses fsync (vfat on a stick) does not fail it.
bool writeFileAtomically(const fs::path& target, std::string_view bytes, mode_t mode = 0644,
                         std::string* error = nullptr);

// A regular file's bytes (symlinks are not followed, a fifo is never waited on), or nothing
// when it is missing, not a regular file, unreadable or larger than `maxBytes`.
std::optional<std::string> readRegularFile(const fs::path& path, std::size_t maxBytes);

// The folders directly in `dir` (a link to a folder counts), in the order the directory lists
// them, without those whose name `skip` is true for; entries that cannot be read are passed
// over, and it is empty when `dir` cannot be listed. Never throws.
std::vector<fs::path> listFolders(const fs::path& dir, const std::function<bool(std::string_view name)>& skip);

// A whole file mapped read-only (or nothing when it cannot be opened or mapped); unmapped
// when destroyed. An empty file maps to an empty view.
class MappedFile {
public:
    // `populate`: fault every page in now (MAP_POPULATE), for files read whole at once.
    static std::optional<MappedFile> open(const fs::path& path, bool populate = false);
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    const uint8_t* data() const { return static_cast<const uint8_t*>(m_data); }
    std::size_t size() const { return m_size; }
    std::string_view bytes() const { return {static_cast<const char*>(m_data), m_size}; }

private:
    MappedFile(void* data, std::size_t size) : m_data(data), m_size(size) {}
    void* m_data = nullptr;
    std::size_t m_size = 0;
};

// Appends the UTF-8 encoding of one code point.
void appendUtf8(std::string& out, char32_t cp);

} // namespace content

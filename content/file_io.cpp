#include "content/file_io.h"
#include "content/error_text.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace content {

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept
{
    if (this != &other) reset(other.release());
    return *this;
}

int FileDescriptor::release()
{
    return std::exchange(m_fd, -1);
}

void FileDescriptor::reset(int fd)
{
    if (m_fd >= 0 && m_fd != fd) {
        const int saved = errno;
        ::close(m_fd);
        errno = saved;
    }
    m_fd = fd;
}

bool FileDescriptor::close()
{
    if (m_fd < 0) return true;
    return ::close(std::exchange(m_fd, -1)) == 0;
}

bool writeAll(int fd, std::string_view bytes)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool syncPath(const fs::path& path, bool directory)
{
    FileDescriptor fd(::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC));
    if (!fd) return false;
    return ::fsync(fd.get()) == 0;
}

bool writeFileAtomically(const fs::path& target, std::string_view bytes, mode_t mode, std::string* error)
{
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    // ".NAME.XXXXXX.tmp": hidden, and matched by the `.*.tmp` ignore pattern a sync engine's
    // status folder is told to use (platform/deploy/README.md).
    std::string temp = (dir / ("." + target.filename().string() + ".XXXXXX.tmp")).string();
    auto fail = [&](int err, bool unlinkTemp) {
        if (unlinkTemp) ::unlink(temp.c_str());
        if (error) *error = "无法写入“" + target.string() + "”：" + errnoText(err);
        return false;
    };
    FileDescriptor fd(::mkostemps(temp.data(), 4, O_CLOEXEC));
    if (!fd) return fail(errno, false);
    if (::fchmod(fd.get(), mode) != 0 || !writeAll(fd.get(), bytes) || ::fsync(fd.get()) != 0) return fail(errno, true);
    if (!fd.close()) return fail(errno, true);
    if (::rename(temp.c_str(), target.c_str()) != 0) return fail(errno, true);
    // The rename itself must reach the disk before we report success; some filesystems (vfat on
    // a stick) refuse fsync on a directory, and the rename stands all the same.
    (void)syncPath(dir, true);
    return true;
}

std::optional<std::string> readRegularFile(const fs::path& path, std::size_t maxBytes)
{
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (!fd) return std::nullopt;
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) || static_cast<uint64_t>(st.st_size) > maxBytes)
        return std::nullopt;
    std::string out;
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            return std::nullopt;
        }
        if (n == 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
        if (out.size() > maxBytes) return std::nullopt;
    }
    return out;
}

std::vector<fs::path> listFolders(const fs::path& dir, const std::function<bool(std::string_view name)>& skip)
{
    std::vector<fs::path> folders;
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) return folders;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        std::error_code typeEc;
        if (!skip(it->path().filename().string()) && it->is_directory(typeEc)) folders.push_back(it->path());
    }
    return folders;
}

std::optional<MappedFile> MappedFile::open(const fs::path& path, bool populate)
{
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) return std::nullopt;
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    if (st.st_size == 0) return MappedFile(nullptr, 0);
    const auto size = static_cast<std::size_t>(st.st_size);
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd.get(), 0);
    if (p == MAP_FAILED) return std::nullopt;
    return MappedFile(p, size);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept
{
    if (this != &other) {
        if (m_data) ::munmap(m_data, m_size);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

MappedFile::~MappedFile()
{
    if (m_data) ::munmap(m_data, m_size);
}

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

} // namespace content

#include "platform/status_file.h"

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

#ifndef KIOSK_APP_VERSION
#define KIOSK_APP_VERSION "unknown"
#endif

namespace platform {

namespace {

bool writeAll(int fd, std::string_view bytes)
{
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

} // namespace

bool writeFileAtomically(const fs::path& target, std::string_view bytes)
{
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    // A dot name, so that a sync engine or a drop watcher treats it as temporary.
    const fs::path temp = dir / ("." + target.filename().string() + "." + std::to_string(getpid()) + ".tmp");
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    bool ok = writeAll(fd, bytes) && ::fsync(fd) == 0;
    ok = (::close(fd) == 0) && ok;
    if (ok) ok = ::rename(temp.c_str(), target.c_str()) == 0;
    if (!ok) {
        ::unlink(temp.c_str());
        return false;
    }
    const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        // Some filesystems (vfat on a stick) refuse fsync on a directory; the rename stands.
        (void)::fsync(dirFd);
        ::close(dirFd);
    }
    return true;
}

std::string localTimestamp(std::chrono::system_clock::time_point when)
{
    const std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buffer;
}

StatusFile::StatusFile(fs::path dir)
    : m_dir(std::move(dir)), m_startedWall(std::chrono::system_clock::now()),
      m_startedSteady(std::chrono::steady_clock::now())
{
    std::error_code ec;
    fs::create_directories(m_dir, ec);
}

nlohmann::json StatusFile::toJson(const StatusSnapshot& status) const
{
    nlohmann::json j;
    j["app_version"] = KIOSK_APP_VERSION;
    j["content_version"] = status.contentVersion;
    if (status.lastImport) {
        const auto& r = *status.lastImport;
        j["last_import"] = {{"ok", r.ok()},          {"time", r.time},       {"source", r.source},
                            {"version", r.version},  {"signed", r.isSigned}, {"problems", r.problems.size()},
                            {"summary", r.summary()}};
    } else {
        j["last_import"] = nullptr;
    }
    j["started"] = localTimestamp(m_startedWall);
    j["uptime_seconds"] =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - m_startedSteady).count();
    j["updated"] = localTimestamp(std::chrono::system_clock::now());
    return j;
}

bool StatusFile::write(const StatusSnapshot& status) const
{
    try {
        std::error_code ec;
        fs::create_directories(m_dir, ec);
        // Replace invalid UTF-8 rather than throw: a package path could hold anything.
        const std::string text = toJson(status).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        return writeFileAtomically(file(), text);
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace platform

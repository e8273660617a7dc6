#include "platform/status_file.h"

#include "content/file_io.h"

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

#ifndef KIOSK_APP_VERSION
#define KIOSK_APP_VERSION "unknown"
#endif

namespace platform {

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
        return content::writeFileAtomically(file(), text);
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace platform

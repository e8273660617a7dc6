#pragma once
// DIR/status.json for a sync engine to carry back to a district office: app and content
// versions, the last import, start time and uptime. Always replaced whole (write + rename).
#include "content/importer.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace platform {

namespace fs = std::filesystem;

// The local wall-clock time as 2026-06-03T09:00:00.
std::string localTimestamp(std::chrono::system_clock::time_point when);

struct StatusSnapshot {
    int64_t contentVersion = 0;
    std::optional<content::ImportReport> lastImport;
};

class StatusFile {
public:
    // `dir` is --status-dir; it is created when missing. The start time is taken now.
    explicit StatusFile(fs::path dir);

    // The JSON as it would be written now.
    nlohmann::json toJson(const StatusSnapshot& status) const;
    // Rewrites DIR/status.json. False when it could not be written; never throws.
    bool write(const StatusSnapshot& status) const;

    fs::path file() const { return m_dir / "status.json"; }

private:
    fs::path m_dir;
    std::chrono::system_clock::time_point m_startedWall;
    std::chrono::steady_clock::time_point m_startedSteady;
};

} // namespace platform

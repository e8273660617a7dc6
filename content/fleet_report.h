#pragma once
// `kiosk-content fleet`: the status folders a district's sync engine collects from its kiosks
// (one status.json per kiosk, at any depth), read and judged. Headless; the command prints
// fleetLine() per kiosk and writes fleetHtml() (content/fleet_html.h).
#include "content/fleet_status.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace content {

namespace fs = std::filesystem;

struct FleetOptions {
    double staleHours = 2; // --stale-hours: not updated for longer than this is stale
    int64_t nowUnix = 0;   // the office PC's clock, seconds since 1970 (UTC)
};

// One kiosk: one folder that holds a status.json (or a half-synced one).
struct FleetKiosk {
    fs::path folder;                   // where its status.json is
    std::string where;                 // that folder below the DIR it was found in (for people)
    std::optional<KioskStatus> status; // what could be read of it
    std::string name;                  // kiosk_id, or the folder's name when that is unreadable
    std::optional<int64_t> updatedUnix;
    // Unhealthy (exit 1): stale, last import failed, content behind the newest version seen,
    // status.json unreadable or incomplete. Plain Chinese, one item each.
    std::vector<std::string> problems;
    // Shown, but not a reason for exit 1: no screen.png yet, a file still syncing, …
    std::vector<std::string> notes;
    fs::path screenshot; // the readable PNG beside status.json, or empty
    bool healthy() const { return problems.empty(); }
};

struct FleetReport {
    std::vector<FleetKiosk> kiosks;      // problems first, then notes, then by station and kiosk
    int64_t newestVersion = 0;           // the highest signed_version (else content_version) seen
    std::vector<std::string> unreadable; // folders that could not be listed (permissions …)
    size_t problemCount() const;
    bool healthy() const { return problemCount() == 0; }
};

// Reads every status.json below `dirs` (not following symlinks, skipping hidden folders such
// as Syncthing's .stversions and .stfolder). Never throws for anything found there.
FleetReport scanFleet(const std::vector<fs::path>& dirs, const FleetOptions& options);

// Judges kiosks already read (scanFleet's second half, without the disk): adds the problems
// that need the clock or the other kiosks (stale, import failed, behind the newest version)
// and sorts them.
FleetReport judgeFleet(std::vector<FleetKiosk> kiosks, const FleetOptions& options);

// Whether a file name is a sync engine's temporary file (Syncthing's .syncthing.NAME.tmp and
// ~syncthing~NAME.tmp, rsync's .NAME.XXXXXX, our own .NAME.tmp); `target` gets NAME.
bool isSyncTemporary(const std::string& fileName, std::string* target = nullptr);

// 12 分钟, 3 小时 5 分钟, 2 天 (the sign is ignored).
std::string durationText(int64_t seconds);
// 12 分钟前, 3 小时前, 2 天前 (刚刚 under a minute; 时钟超前 more than a minute ahead).
std::string ageText(int64_t seconds);
// "2026-06-03 09:30" from a zoned time text, as the kiosk's own clock showed it.
std::string shortTime(const std::string& zonedText);

// One line for the terminal: station, kiosk, content version, last seen, last import, and
// what is wrong (正常 when nothing).
std::string fleetLine(const FleetKiosk& kiosk, const FleetOptions& options);
// The screen a status.json names, in the words the kiosk shows (home -> 首页); unknown
// names unchanged.
std::string screenTitle(const std::string& screen);
// The closing line: how many kiosks, how many with problems, the newest version.
std::string fleetSummary(const FleetReport& report);

} // namespace content

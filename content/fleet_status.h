#pragma once
// status.json, the district's window on one kiosk (SPEC.md "status.json"): the record, the
// times with their UTC offset, and the JSON both the kiosk writes and `kiosk-content fleet`
// reads. One definition of the fields, so writer and reader cannot drift apart.
#include "content/date_time.h"
#include "content/importer.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace content {

// A wall-clock moment at the station with the offset of its zone from UTC.
struct ZonedTime {
    LocalDateTime local;
    int second = 0;        // 0..59
    int offsetMinutes = 0; // +480 for China Standard Time
    auto operator<=>(const ZonedTime&) const = default;
};

// 2026-06-03T09:30:00+08:00 (ISO 8601; -05:30 west of Greenwich, +00:00 for UTC).
std::string formatZonedTime(const ZonedTime& time);
// Reads what formatZonedTime writes, and also `Z` for UTC, +0800, fractions of a second
// (dropped) and a space instead of the T. Nothing on anything else or a time without an offset.
std::optional<ZonedTime> parseZonedTime(std::string_view text);
// Seconds since 1970-01-01T00:00:00Z.
int64_t unixSeconds(const ZonedTime& time);
// The offset the process's time zone (TZ, /etc/localtime) has at this local moment, daylight
// saving included. A moment that a spring-forward skips gets the offset before the change.
int localOffsetMinutes(const LocalDateTime& local, int second = 0);
// `local` at the station with the zone's offset then.
ZonedTime zoned(const LocalDateTime& local, int second = 0);
// A stored local time "2026-06-03T09:00" (as last-import.json keeps it) with its offset;
// the text unchanged when it is not such a time.
std::string zonedText(std::string_view localText);
// The system clock now, local, with its offset.
ZonedTime zonedNow();

struct StatusImport {
    bool ok = false;
    std::string time; // with offset
    std::string source;
    int64_t version = 0;
    std::string summary;
    bool operator==(const StatusImport&) const = default;
};

// The name of the thumbnail beside status.json.
inline constexpr std::string_view kStatusScreenshotName = "screen.png";

struct KioskStatus {
    std::string kioskId;
    std::string station; // 站点名称 of the content shown
    std::string appVersion;
    int64_t contentVersion = 0;
    // The last package from the district (signed) applied: what the district compares, since a
    // local edit moves contentVersion past it. None in files from kiosks that do not write it.
    std::optional<int64_t> signedVersion;
    std::string updated; // with offset, as the fields below
    std::string started;
    int64_t uptimeSeconds = 0;
    std::string screen;                     // home, activities, … ; night while the screen is off
    std::optional<StatusImport> lastImport; // none before the first import
    std::string screenshot;                 // file name beside status.json, "" when none
    std::string screenshotTime;             // when it was taken, with offset
    bool operator==(const KioskStatus&) const = default;
};

// The last import as status.json states it (its time given its offset here).
StatusImport statusImport(const ImportReport& report);

// The whole status.json document: SPEC's fields in SPEC's order (last_import is null before the
// first import; screenshot_time is added when a screenshot exists).
nlohmann::ordered_json statusToJson(const KioskStatus& status);

// Reading a status.json someone else wrote (a sync engine may hand over anything).
struct StatusReading {
    std::optional<KioskStatus> status; // set when the text is a JSON object
    std::vector<std::string> problems; // plain Chinese: 缺少字段 content_version, …
    // Fields SPEC lists that no judgement needs (station, app_version, started, uptime_seconds,
    // screen) missing: said, but the kiosk is not unhealthy for it.
    std::vector<std::string> notes;
};
StatusReading parseStatus(std::string_view text);

} // namespace content

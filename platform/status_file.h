#pragma once
// DIR/status.json for a sync engine to carry back to a district office (SPEC.md "status.json"):
// who this kiosk is, what it shows, which content and app versions, the last import, uptime.
// Any thread tells it what changed; its own thread rewrites the file whole (write + rename)
// after every change and at least every `interval`, so no caller waits for the disk.
#include "content/fleet_status.h"
#include "content/importer.h"
#include "platform/worker_thread.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace platform {

namespace fs = std::filesystem;

// This machine's host name ("kiosk" when it has none): the default --kiosk-id.
std::string hostName();

class StatusFile {
public:
    struct Options {
        fs::path dir;                                                  // --status-dir; created when missing
        std::string kioskId;                                           // --kiosk-id; "" = hostName()
        std::function<content::ZonedTime()> clock = content::zonedNow; // the station's clock
        std::chrono::milliseconds interval{60000};                     // rewrite for uptime (SPEC: <= 5 min)
    };
    // Takes the start time from the clock. Writes nothing until start().
    explicit StatusFile(Options options);
    // stop().
    ~StatusFile();
    StatusFile(const StatusFile&) = delete;
    StatusFile& operator=(const StatusFile&) = delete;

    // Starts the writer thread. The first file is written at the first setContent() (so it never
    // claims content version 0 while the store is still opening), or after `interval`.
    void start();
    // Writes the last state and joins the thread. Safe to call twice.
    void stop();

    // Any thread; each change is on disk a moment later. Unchanged values write nothing.
    // `signedVersion`: the last signed package applied (0: none).
    void setContent(int64_t version, int64_t signedVersion, std::string station,
                    std::optional<content::ImportReport> lastImport);
    void setScreen(std::string screen);
    // The thumbnail (kStatusScreenshotName beside status.json) was just replaced.
    void screenshotWritten();

    // The document as it would be written now.
    nlohmann::ordered_json toJson() const;
    // Rewrites DIR/status.json on the calling thread. False when it could not; never throws.
    bool writeNow();

    fs::path file() const { return m_options.dir / "status.json"; }
    fs::path screenshotFile() const { return m_options.dir / std::string(content::kStatusScreenshotName); }

private:
    void run();
    void changed();

    Options m_options;
    content::ZonedTime m_started;
    std::chrono::steady_clock::time_point m_startedSteady;

    mutable std::mutex m_mutex; // guards the two below
    content::KioskStatus m_status;
    bool m_contentKnown = false; // setContent() was called
    std::mutex m_writeMutex;     // one write at a time (the thread and writeNow)
    WorkerThread m_worker;       // last: stopped and joined before the members it uses go
};

} // namespace platform

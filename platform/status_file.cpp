#include "platform/status_file.h"

#include "content/file_io.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

#ifndef KIOSK_APP_VERSION
#define KIOSK_APP_VERSION "unknown"
#endif

namespace platform {

std::string hostName()
{
    char buffer[HOST_NAME_MAX + 1] = {};
    if (::gethostname(buffer, sizeof buffer - 1) != 0 || buffer[0] == '\0') return "kiosk";
    return buffer;
}

StatusFile::StatusFile(Options options)
    : m_options(std::move(options)), m_started(m_options.clock()), m_startedSteady(std::chrono::steady_clock::now())
{
    m_status.kioskId = m_options.kioskId.empty() ? hostName() : m_options.kioskId;
    m_status.appVersion = KIOSK_APP_VERSION;
    m_status.started = content::formatZonedTime(m_started);
    m_status.screen = "home";
}

StatusFile::~StatusFile()
{
    stop();
}

void StatusFile::start()
{
    std::error_code ec;
    fs::create_directories(m_options.dir, ec);
    m_worker.start([this] { run(); });
}

void StatusFile::stop()
{
    if (m_worker.stop() && m_contentKnown) writeNow();
}

void StatusFile::changed()
{
    m_worker.wake();
}

void StatusFile::setContent(int64_t version, int64_t signedVersion, std::string station,
                            std::optional<content::ImportReport> lastImport)
{
    std::optional<content::StatusImport> last;
    if (lastImport) last = content::statusImport(*lastImport);
    std::lock_guard lock(m_mutex);
    if (m_contentKnown && m_status.contentVersion == version && m_status.signedVersion == signedVersion &&
        m_status.station == station && m_status.lastImport == last)
        return;
    m_contentKnown = true;
    m_status.contentVersion = version;
    m_status.signedVersion = signedVersion;
    m_status.station = std::move(station);
    m_status.lastImport = std::move(last);
    changed();
}

void StatusFile::setScreen(std::string screen)
{
    std::lock_guard lock(m_mutex);
    if (m_status.screen == screen) return;
    m_status.screen = std::move(screen);
    changed();
}

void StatusFile::screenshotWritten()
{
    const std::string when = content::formatZonedTime(m_options.clock());
    std::lock_guard lock(m_mutex);
    m_status.screenshot = std::string(content::kStatusScreenshotName);
    m_status.screenshotTime = when;
    changed();
}

nlohmann::ordered_json StatusFile::toJson() const
{
    content::KioskStatus status;
    {
        std::lock_guard lock(m_mutex);
        status = m_status;
    }
    status.updated = content::formatZonedTime(m_options.clock());
    status.uptimeSeconds =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - m_startedSteady).count();
    return content::statusToJson(status);
}

bool StatusFile::writeNow()
{
    try {
        std::lock_guard writing(m_writeMutex);
        std::error_code ec;
        fs::create_directories(m_options.dir, ec);
        // Replace invalid UTF-8 rather than throw: a package path could hold anything.
        const std::string text = toJson().dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        return content::writeFileAtomically(file(), text);
    } catch (const std::exception&) {
        return false;
    }
}

void StatusFile::run()
{
    // A change or the interval: either way the file is rewritten.
    while (m_worker.sleepFor(m_options.interval)) writeNow();
}

} // namespace platform

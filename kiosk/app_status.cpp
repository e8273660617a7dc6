// App: what status.json says the screen shows, and screen.png beside it (platform/thumbnail.h).
#include "kiosk/app.h"

#include "platform/status_file.h"
#include "platform/thumbnail.h"
#include "platform/window.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace kiosk {

void App::setStatusFile(std::shared_ptr<platform::StatusFile> status)
{
    m_status = std::move(status);
    if (m_status) m_status->setScreen(screenName(m_current));
}

void App::startThumbnails()
{
    // run() opened the start screen without switchTo().
    screenShown(m_current);
    if (!m_status || !m_config.screen.screenshotPath.empty()) return;
    platform::ThumbnailCapture::Options options;
    options.file = m_status->screenshotFile();
    options.onWritten = [status = m_status] { status->screenshotWritten(); };
    // KIOSK_THUMBNAIL_SECONDS: refresh this often instead of hourly (benches, tests).
    if (const char* seconds = std::getenv("KIOSK_THUMBNAIL_SECONDS"); seconds && std::atof(seconds) > 0)
        options.schedule.refresh = std::atof(seconds);
    m_thumbnail = std::make_unique<platform::ThumbnailCapture>(std::move(options));
    // The first picture once the start-up screen has settled.
    m_thumbnail->contentChanged(monotonicSeconds());
}

void App::stopThumbnails()
{
    if (!m_thumbnail) return;
    m_thumbnail->releaseGl();
    m_thumbnail.reset();
}

void App::screenShown(ScreenId id)
{
    if (m_status) m_status->setScreen(screenName(id));
}

void App::contentShown()
{
    if (m_thumbnail) m_thumbnail->contentChanged(monotonicSeconds());
}

bool App::thumbnailWanted(double now) const
{
    return m_thumbnail && m_thumbnail->wantsFrame(now, screenOn());
}

double App::thumbnailAfterRender(double now, bool rendered)
{
    if (!m_thumbnail) return HUGE_VAL;
    return m_thumbnail->afterRender(now, m_window->width(), m_window->height(), screenOn(), rendered);
}

bool App::screenOn() const
{
    // The night screen is the screen switched off: no pictures of it.
    return m_current != ScreenId::Night;
}

} // namespace kiosk

// App: the screen off outside the station's opening hours (content/screen_off.h decides when).
// Off means one black frame, the backlight off, and no frames at all until a touch.
#include "kiosk/app.h"

#include "platform/backlight.h"
#include "platform/window.h"

#include "imgui.h"

#include <cstdlib>

namespace kiosk {

void App::startScreenOff(double now)
{
    const char* dir = std::getenv("KIOSK_BACKLIGHT_DIR");
    const char* command = std::getenv("KIOSK_SCREEN_POWER_COMMAND");
    m_screenPower =
        std::make_unique<platform::ScreenPower>(dir && *dir ? dir : "/sys/class/backlight", command ? command : "");
    // Nobody has touched a kiosk that just started: at 3 a.m. it goes dark at once.
    m_screenOff = content::ScreenOffPolicy(m_config.screenOff, now - m_config.screenOff.wakeFor);
    screenHoursChanged();
}

void App::screenHoursChanged()
{
    m_screenOff.setHours(m_content ? content::parseOpeningHours(m_content->station.openHours()) : std::nullopt);
}

bool App::updateScreenOff(double now, const content::LocalDateTime& local)
{
    // Input is taken frame by frame, and the black screen has none: a press waits here. Its
    // pointerDown wakes the screen (wakeScreen) and the gesture does nothing else.
    if (m_screenIsOff && !m_pointerEvents.empty()) takeInput();
    const bool off = m_screenOff.off(now, content::weekdayIndex(local.date), local.minute);
    if (off != m_screenIsOff) {
        m_screenIsOff = off;
        std::string error;
        m_screenPower->set(!off, error);
        if (!error.empty()) std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        std::fprintf(stderr, "kiosk: %s\n", off ? "关屏（开放时间以外）" : "亮屏（开放时间到了）");
        // A dark screen says nothing either.
        if (off) {
            silence();
            blackFrame();
        }
        m_pacer.requestNow();
    }
    // Whatever asked for a frame meanwhile (a minute tick, a new snapshot) is dropped.
    if (m_screenIsOff) m_pacer.frameDrawn(platform::FramePacer::Clock::now(), false);
    if (m_screenIsOff) return true;
    // Awake outside the hours: look again when the touch's time runs out.
    if (const double left = m_screenOff.untilOff(now); left > 0)
        m_pacer.requestAt(platform::FramePacer::Clock::now() +
                          std::chrono::milliseconds(static_cast<long long>(left * 1000) + 20));
    return false;
}

bool App::wakeScreen(double now)
{
    m_screenOff.touched(now);
    if (!m_screenIsOff) return false;
    m_screenIsOff = false;
    std::string error;
    m_screenPower->set(true, error);
    if (!error.empty()) std::fprintf(stderr, "kiosk: %s\n", error.c_str());
    std::fprintf(stderr, "kiosk: 亮屏（有人触摸）\n");
    return true;
}

void App::blackFrame()
{
    // An empty ImGui frame, so the renderer draws nothing over the clear; it needs the atlas.
    ensureFonts();
    if (m_quit) return;
    const double started = monotonicSeconds();
    m_window->beginFrame(1.0 / 60);
    ImGui::NewFrame();
    ImGui::Render();
    m_window->render(0, 0, 0);
    m_window->present();
    // The window no longer holds the last picture: the first frame after waking must present.
    m_mustPresent = true;
    logFrame(started, true);
}

} // namespace kiosk

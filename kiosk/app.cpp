// App, the loop: screens and content, the event loop (wait, events, the clock, idle phases,
// frames when due), and the signals that end it.
#include "kiosk/app.h"

#include "kiosk/font_cache.h"
#include "kiosk/screens/screens.h"
#include "platform/startup_trace.h"
#include "platform/thumbnail.h"
#include "platform/window.h"

#include <SDL.h>

#include "imgui.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <future>

namespace kiosk {

namespace {
std::atomic<bool> g_terminate{false};
void (*g_previousHandler)(int) = nullptr;

// SIGTERM: remember it and let SDL's own handler turn it into SDL_QUIT, which wakes the loop.
extern "C" void onTerminate(int sig)
{
    g_terminate.store(true);
    if (g_previousHandler && g_previousHandler != SIG_DFL && g_previousHandler != SIG_IGN) g_previousHandler(sig);
}

void installSignalHandlers()
{
    for (int sig : {SIGTERM, SIGINT}) {
        struct sigaction action {
        }, previous{};
        action.sa_handler = onTerminate;
        sigemptyset(&action.sa_mask);
        sigaction(sig, &action, &previous);
        if (sig == SIGTERM && previous.sa_handler != onTerminate) g_previousHandler = previous.sa_handler;
    }
}
} // namespace

App::App(AppConfig config)
    : m_config(std::move(config)), m_clock(m_config.clock.now), m_idle(m_config.idle, monotonicSeconds())
{
    m_screens = makeAllScreens();
}

App::~App()
{
    {
        std::lock_guard lock(m_prepareMutex);
        m_prepareStop = true;
    }
    m_prepareWake.notify_all();
    if (m_prepareThread.joinable()) m_prepareThread.join();
    if (m_frameLog) std::fclose(m_frameLog);
}

void App::addScreen(std::unique_ptr<Screen> screen)
{
    m_screens.push_back(std::move(screen));
}

Screen* App::screen(ScreenId id)
{
    for (auto& s : m_screens)
        if (s->id() == id) return s.get();
    return nullptr;
}

void App::showScreen(ScreenId id)
{
    switchTo(id);
    m_pacer.requestSettle();
}

void App::switchTo(ScreenId id)
{
    if (!screen(id)) return;
    if (Screen* old = screen(m_current); old && id != m_current) old->onLeave(m_state);
    const bool changed = id != m_current;
    m_current = id;
    m_state.screen = id;
    screenShown(id);
    if (changed || !m_fontsBuilt) screen(id)->onEnter(m_state);
    if (id == ScreenId::Home) m_idle.wentHome(monotonicSeconds());
}

void App::setContent(std::shared_ptr<const content::Content> content)
{
    m_content = std::move(content);
    contentShown();
    // A big package (10,000 activities) takes ~100 ms to turn into a snapshot and ~400 ms to
    // bake its new glyphs: never on the main thread while the screen is live (refreshSnapshot
    // hands it to the preparation thread then).
    refreshSnapshot(true);
    m_pacer.requestSettle();
}

void App::handleEvent(const void* raw)
{
    const SDL_Event& e = *static_cast<const SDL_Event*>(raw);
    switch (e.type) {
    case SDL_QUIT:
        // Only SIGTERM ends the fullscreen kiosk; a window close or Alt+F4 does nothing.
        if (g_terminate.load() || !m_window->fullscreen()) m_quit = true;
        break;
    case SDL_KEYDOWN:
        if (!m_window->fullscreen() && e.key.keysym.sym == SDLK_ESCAPE) m_quit = true;
        break;
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) m_tracker.cancel();
        m_pacer.requestNow(); // exposed, resized, shown: draw again
        m_mustPresent = true;
        break;
    case SDL_USEREVENT:
        // A task (new snapshot, an update event for the overlay) may change what is drawn.
        if (m_queue.drain() > 0) m_pacer.requestSettle();
        break;
    default:
        pointerEvent(raw);
        break;
    }
}

int App::run(std::shared_ptr<const content::Content> initial)
{
    // Fontconfig's start (parsing its configuration files and caches) runs on its own thread
    // while SDL and GL start on this one; fontconfig is called from that thread only. The
    // future's destructor waits for it on every return path.
    auto fontLookup = std::async(std::launch::async | std::launch::deferred, [] {
        auto files = findCjkFonts();
        platform::traceStartup("fontconfig");
        return files;
    });
    m_window = std::make_unique<platform::Window>();
    platform::WindowOptions options;
    options.fullscreen = !m_config.window.windowed;
    options.width = m_config.window.width;
    options.height = m_config.window.height;
    options.hidden = !m_config.screen.screenshotPath.empty();
    std::string error;
    if (!m_window->open(options, error)) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        return 1;
    }
    platform::traceStartup("window and GL");
    m_fontFiles = fontLookup.get();
    if (!m_fontFiles) {
        std::fprintf(stderr, "%s\n", missingFontMessage());
        return 1;
    }
    installSignalHandlers();
    if (const char* log = std::getenv("KIOSK_FRAME_LOG"); log && *log) {
        m_frameLog = std::fopen(log, "a");
        if (!m_frameLog) std::fprintf(stderr, "kiosk: cannot open KIOSK_FRAME_LOG %s\n", log);
    }
    ImGui::GetStyle().AntiAliasedFill = true;
    // The font texture is sampled nearest (window.cpp); baked AA lines need bilinear.
    ImGui::GetStyle().AntiAliasedLinesUseTex = false;

    m_content = std::move(initial);
    m_state.largeText = m_config.screen.largeText;
    refreshSnapshot(true);
    platform::traceStartup("snapshot");
    m_tracker.setSlop(
        Theme::make(static_cast<float>(m_window->width()), static_cast<float>(m_window->height()), false).tapSlop);
    m_current = m_config.screen.start;
    m_state.screen = m_current;
    screen(m_current)->onEnter(m_state);
    if (m_current == ScreenId::Attract || m_current == ScreenId::Night)
        m_idle.touched(monotonicSeconds() - 1e6), m_idle.evaluate(monotonicSeconds(), m_state.now.minute, true);

    if (!m_config.screen.screenshotPath.empty()) return captureScreenshot();

    startThumbnails();
    // Tasks posted before SDL was up (a stick already inserted) had no event to wake the loop.
    if (m_queue.drain() > 0) m_pacer.requestSettle();
    while (!m_quit && !g_terminate.load()) {
        const auto steadyNow = platform::FramePacer::Clock::now();
        // Wake for the next station minute too (just after it turns), frame or not.
        const int toNextMinute = (60 - m_clock.now().second) * 1000 + 20;
        SDL_Event event;
        if (SDL_WaitEventTimeout(&event, std::min(m_pacer.waitMilliseconds(steadyNow), toNextMinute))) {
            handleEvent(&event);
            while (SDL_PollEvent(&event)) handleEvent(&event);
        }
        if (m_quit || g_terminate.load()) break;

        // The clock: a new minute means a new snapshot (on-now marks, the time shown).
        const auto reading = m_clock.now();
        // Live, the new minute's snapshot is prepared off the main thread and its arrival asks
        // for the frame: one frame a minute, not two.
        if (reading.local != m_state.now) {
            if (m_live)
                refreshSnapshot(false);
            else
                m_pacer.requestNow();
        }
        const double now = monotonicSeconds();

        // Idle: warn, go home, attract, night.
        IdleStatus idle = m_idle.evaluate(now, reading.local.minute, m_current == ScreenId::Home);
        // The next visitor finds the screen as a new one: home, and the station's text size
        // (normal unless --large-text; 大字 was the last visitor's choice).
        if (idle.phase == IdlePhase::GoHome) {
            switchTo(ScreenId::Home);
            m_state.largeText = m_config.screen.largeText;
            idle = m_idle.evaluate(now, reading.local.minute, true);
        }
        if (idle.phase == IdlePhase::Attract && m_current != ScreenId::Attract) {
            switchTo(ScreenId::Attract);
            m_state.largeText = m_config.screen.largeText;
        }
        if (idle.phase == IdlePhase::Night && m_current != ScreenId::Night) {
            switchTo(ScreenId::Night);
            m_state.largeText = m_config.screen.largeText;
        }
        if (idle.phase != m_state.idle.phase) m_pacer.requestSettle();
        if (idle.warningSecondsLeft != m_state.idle.warningSecondsLeft) m_pacer.requestNow();
        m_state.idle = idle;
        if (idle.nextChange > 0)
            m_pacer.requestAt(
                platform::FramePacer::Clock::now() +
                std::chrono::milliseconds(static_cast<long long>(std::max(0.0, idle.nextChange - now) * 1000) + 5));

        if (m_pacer.frameDue(platform::FramePacer::Clock::now())) frame(FrameMode::Show);
    }
    stopThumbnails();
    m_window->close();
    return 0;
}

} // namespace kiosk

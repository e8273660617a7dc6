#pragma once
// The kiosk app: owns the window, fonts, screens, the station clock, the idle policy and the
// current content snapshot, and runs the event loop (drawing only when something changed).
//
// Plugging in the update service (USB / drop folder import, PIN pad, staff menu, banner):
//  - Run imports on a worker thread; when one applies, post to mainQueue():
//        app.mainQueue().post([&app, c = std::make_shared<const content::Content>(store.content())]
//                             { app.setContent(c); });
//    The app recomputes its snapshot, extends the font atlas between frames and redraws.
//  - Draw the PIN pad / staff menu / import banner as an Overlay (addOverlay). A visible
//    overlay is drawn above the current screen and takes all input.
//  - Register a staff screen with addScreen() (ScreenId::Staff) and open it with showScreen().
#include "content/model.h"
#include "kiosk/app_state.h"
#include "kiosk/fonts.h"
#include "kiosk/overlay.h"
#include "kiosk/screen.h"
#include "kiosk/theme.h"
#include "kiosk/widgets/idle_policy.h"
#include "kiosk/widgets/touch.h"
#include "kiosk/widgets/ui.h"
#include "platform/frame_pacer.h"
#include "platform/main_queue.h"

#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace platform {
class Window;
}

namespace kiosk {

struct AppConfig {
    std::filesystem::path dataDir;
    bool windowed = false;
    int width = 1920;
    int height = 1080;
    std::optional<content::LocalDateTime> now; // --now: the clock starts here and runs on
    ScreenId startScreen = ScreenId::Home;
    std::string screenshotPath;
    // Passed on to the update service.
    std::filesystem::path dropDir;
    std::vector<std::filesystem::path> mediaRoots; // default /media and /run/media
    std::filesystem::path statusDir;
    bool allowUnsigned = false;
    bool largeText = false; // --large-text: start in 大字 mode
    IdleSettings idle;      // --idle-warning, --attract-after, --night
};

// Parses the kiosk command line (SPEC.md). False with a message on bad arguments.
bool parseCommandLine(int argc, char** argv, AppConfig& config, std::string& error);
const char* usageText();

// The station's local time: the system clock, or --now and running on from there.
class StationClock {
public:
    explicit StationClock(std::optional<content::LocalDateTime> start = std::nullopt);
    struct Reading {
        content::LocalDateTime local;
        int second = 0;
    };
    Reading now() const;

private:
    std::optional<content::LocalDateTime> m_start;
    double m_startSeconds = 0;
};

// Seconds on a monotonic clock.
double monotonicSeconds();

// KIOSK_STARTUP_TRACE=1: one stderr line per start-up step, milliseconds since the process
// started (from /proc, 10 ms granularity) and since the previous step. Thread-safe; nothing
// when the variable is unset.
void traceStartup(const char* step);

// One frame's ImGui content for `screen`: a full-screen root window, the screen, the overlays
// and the idle warning. Between ImGui::NewFrame() and ImGui::Render(). Used by the app and by
// the headless screen tests.
// The colour under everything a screen draws (the renderer clears to it).
Rgb screenBackground(ScreenId id, const Palette& palette);

void drawFrame(AppState& state, Screen& screen, const Theme& theme, const Fonts& fonts, const FrameInput& input,
               const std::vector<Overlay*>& overlays, bool& wantsFrames, bool& gestureCaught);

class App {
public:
    explicit App(AppConfig config);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Opens the window and runs until SIGTERM (or, windowed, until closed). Exit status.
    int run(std::shared_ptr<const content::Content> initial);

    const AppConfig& config() const { return m_config; }
    platform::MainQueue& mainQueue() { return m_queue; }
    // Main thread: show this content from the next frame on.
    void setContent(std::shared_ptr<const content::Content> content);
    void addOverlay(Overlay* overlay) { m_overlays.push_back(overlay); }
    void addScreen(std::unique_ptr<Screen> screen);
    void showScreen(ScreenId id);
    void requestRedraw() { m_pacer.requestNow(); }
    // Main thread: the characters overlays may draw now (import problems, paths), replacing
    // what was set before; they join the font atlas before the next frame.
    void setOverlayGlyphs(std::set<char32_t> glyphs);
    // Main thread: who carries out the screens' and overlays' AppState::request()s, after
    // each frame (the update UI hands them to the update service).
    void setRequestHandler(std::function<void(const UpdateRequest&)> handler) { m_requestHandler = std::move(handler); }

private:
    void handleEvent(const void* sdlEvent);
    void pointerDown(Point p);
    void pointerMove(Point p);
    void pointerUp(Point p);
    void refreshSnapshot(bool force);
    // Recomputes the snapshot (and bakes a changed glyph set into the atlas cache) on the
    // preparation thread; the result replaces the snapshot on the main thread when it arrives.
    // Until then the screens keep drawing the previous one.
    void prepareInBackground();
    void prepareLoop();
    // Whether snapshots are made on the preparation thread: the window is up and live (not a
    // --screenshot run, and not before the first frame).
    bool preparesInBackground() const { return m_live; }
    void ensureFonts();
    // Show: draw and present. Layout: run the screens' logic only (nothing reaches GL).
    // Capture: draw and read the pixels back instead of presenting.
    enum class FrameMode { Show, Layout, Capture };
    void frame(FrameMode mode);
    void switchTo(ScreenId id);
    Screen* screen(ScreenId id);

    AppConfig m_config;
    platform::MainQueue m_queue;
    platform::FramePacer m_pacer;
    std::unique_ptr<platform::Window> m_window;
    std::optional<FontFiles> m_fontFiles;
    Fonts m_fonts;
    GlyphPlan m_glyphs;
    std::set<char32_t> m_overlayGlyphs;
    bool m_fontsBuilt = false;
    Theme m_theme;
    StationClock m_clock;
    IdlePolicy m_idle;
    TapTracker m_tracker;
    std::vector<std::unique_ptr<Screen>> m_screens;
    std::vector<Overlay*> m_overlays;
    std::function<void(const UpdateRequest&)> m_requestHandler;
    std::shared_ptr<const content::Content> m_content;
    AppState m_state;
    ScreenId m_current = ScreenId::Home;
    bool m_quit = false;
    bool m_live = false; // the main loop runs (set after the first frame; never for --screenshot)
    bool m_swallowGesture = false;
    long long m_lastFingerId = -1;
    bool m_mouseDown = false;
    // Input gathered since the last frame.
    bool m_justPressed = false;
    bool m_released = false;
    std::optional<Tap> m_tap;
    double m_lastFrameTime = 0;
    std::vector<uint8_t> m_capture; // --screenshot: the read-back, RGB rows bottom-up
    int m_captureWidth = 0;
    int m_captureHeight = 0;
    std::FILE* m_frameLog = nullptr; // KIOSK_FRAME_LOG: one line per frame, its wall time in ms

    // The preparation thread: one job slot, the newest request wins.
    struct PrepareJob {
        std::shared_ptr<const content::Content> content;
        content::LocalDateTime at;
        std::set<char32_t> extraGlyphs;
        GlyphPlan current;
        Theme theme;
        FontProfile profile = FontProfile::Interactive;
        uint64_t serial = 0;
    };
    std::thread m_prepareThread;
    std::mutex m_prepareMutex;
    std::condition_variable m_prepareWake;
    std::optional<PrepareJob> m_prepareJob;
    bool m_prepareStop = false;
    uint64_t m_prepareSerial = 0;          // main thread: the newest job asked for
    content::LocalDateTime m_preparingFor; // main thread: the station minute of that job
};

} // namespace kiosk

#pragma once
// The kiosk app: owns the window, fonts, screens, the station clock, the idle policy and the
// current content snapshot, and runs the event loop (drawing only when something changed).
//
// App's definition is split by feature (as Tracy splits its View): app.cpp the loop, screens
// and content; app_frame.cpp one frame (drawFrame, the background, the idle warning, the
// picture check); app_input.cpp pointer and finger input into FrameInput; app_prepare.cpp the
// snapshot and atlas preparation (on its thread when live); app_screenshot.cpp --screenshot.
// The command line is app_config.*, the clocks content/station_clock.*.
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
#include "content/screen_off.h"
#include "content/speech_text.h"
#include "content/station_clock.h"
#include "kiosk/app_config.h"
#include "kiosk/app_state.h"
#include "kiosk/fonts.h"
#include "kiosk/idle_policy.h"
#include "kiosk/overlay.h"
#include "kiosk/screen.h"
#include "kiosk/theme.h"
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
class ScreenPower;
class StatusFile;
class ThumbnailCapture;
class Window;
class SpeechEngine;
} // namespace platform

namespace kiosk {

// The kiosk's code reads both clocks unqualified.
using content::monotonicSeconds;
using content::StationClock;

// One frame's ImGui content for `screen`: a full-screen root window, the screen, the overlays
// and the idle warning. Between ImGui::NewFrame() and ImGui::Render(). Used by the app and by
// the headless screen tests.
// The colour under everything a screen draws (the renderer clears to it).
Rgb screenBackground(ScreenId id, const Palette& palette);

void drawFrame(AppState& state, Screen& screen, const Theme& theme, const Fonts& fonts, const FrameInput& input,
               const std::vector<Overlay*>& overlays, bool& wantsFrames, bool& gestureCaught,
               std::vector<HitRect>* targets = nullptr);

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
    // Before run(): status.json learns the screen shown, and screen.png beside it is kept
    // current (app_status.cpp). Not for --screenshot runs.
    void setStatusFile(std::shared_ptr<platform::StatusFile> status);

private:
    // app_status.cpp: the status file's screen and the thumbnail.
    void startThumbnails();
    void stopThumbnails();
    void screenShown(ScreenId id);
    void contentShown();
    // Whether a live frame now should be rendered for the thumbnail even if it shows nothing new.
    bool thumbnailWanted(double now) const;
    // After a live frame (`rendered`: its picture is in the back buffer, not yet presented): the
    // time by which the thumbnail wants the next frame (HUGE_VAL: none).
    double thumbnailAfterRender(double now, bool rendered);
    bool screenOn() const;

    // app.cpp: one SDL event (quit, keys, window, main-queue wake-ups; pointers go on).
    void handleEvent(const void* sdlEvent);
    // app_input.cpp: a mouse or finger event into the pointer queue; false for other events.
    bool pointerEvent(const void* sdlEvent);
    // app_input.cpp: this frame's FrameInput from the tap tracker (after takeInput).
    FrameInput frameInput(double now);
    // Pointer events wait in m_pointerEvents; each frame takes its share (takeInput) and feeds
    // them to the tap tracker in order.
    void queuePointer(PointerEvent::Kind kind, Point p);
    void takeInput();
    void pointerDown(Point p, double time);
    void pointerMove(Point p);
    void pointerUp(Point p, double time);
    void refreshSnapshot(bool force);
    // Recomputes the snapshot (and bakes a changed glyph set into the atlas cache) on the
    // preparation thread; the result replaces the snapshot on the main thread when it arrives.
    // Until then the screens keep drawing the previous one.
    void prepareInBackground();
    void prepareLoop();
    // Main thread: show this snapshot; a new glyph set rebuilds the atlas before the next frame.
    void adoptSnapshot(std::shared_ptr<const Snapshot> snapshot, GlyphPlan plan);
    // Whether snapshots are made on the preparation thread: the window is up and live (not a
    // --screenshot run, and not before the first frame).
    bool preparesInBackground() const { return m_live; }
    void ensureFonts();
    // Show: draw and present. Layout: run the screens' logic only (nothing reaches GL).
    // Capture: draw and read the pixels back instead of presenting.
    enum class FrameMode { Show, Layout, Capture };
    void frame(FrameMode mode);
    // app_screenshot.cpp: lays out, draws once, reads back and writes the PNG. Exit status.
    int captureScreenshot();
    // app_frame.cpp: KIOSK_FRAME_LOG's line for a frame that started at `startedAt`.
    void logFrame(double startedAt, bool shown);
    void switchTo(ScreenId id);
    Screen* screen(ScreenId id);
    // app_speech.cpp: read-aloud. The engine starts with the live loop (never for --screenshot);
    // requests from the frame are carried out after it; leaving a screen silences it.
    void startSpeech();
    void updateSpeechState();
    void applySpeechRequests();
    void silence();

    // app_screen_off.cpp: the screen off outside the station's hours. Starts the policy and the
    // backlight; re-reads the hours from the content; switches the screen off or on as the
    // policy says and returns true while it is off (then no frame may be drawn); a touch:
    // true when it woke the screen (the touch then does nothing else).
    void startScreenOff(double now);
    void screenHoursChanged();
    bool updateScreenOff(double now, const content::LocalDateTime& local);
    bool wakeScreen(double now);
    void blackFrame();

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
    content::ScreenOffPolicy m_screenOff;
    std::unique_ptr<platform::ScreenPower> m_screenPower;
    bool m_screenIsOff = false;
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
    bool m_mouseDown = false;
    PointerQueue m_pointerEvents;
    FingerGesture m_fingers;
    RepeatTapFilter m_repeats;
    std::vector<HitRect> m_targets; // what the last frame could press (resolveTap)
    // Input gathered for this frame.
    bool m_justPressed = false;
    bool m_released = false;
    std::optional<Tap> m_tap;
    double m_lastFrameTime = 0;
    // What the last frame drew (a hash of its draw lists): the same picture twice means the UI
    // has settled, and a picture already on screen is not rasterised again.
    uint64_t m_lastPicture = 0;
    uint64_t m_shownPicture = 0;    // the picture on screen
    bool m_mustPresent = true;      // the window needs a fresh picture (exposed, resized, new atlas)
    std::vector<uint8_t> m_capture; // --screenshot: the read-back, RGB rows bottom-up
    int m_captureWidth = 0;
    int m_captureHeight = 0;
    std::FILE* m_frameLog = nullptr;                         // KIOSK_FRAME_LOG: one line per live frame (logFrame)
    std::shared_ptr<platform::StatusFile> m_status;          // --status-dir, or none
    std::unique_ptr<platform::ThumbnailCapture> m_thumbnail; // screen.png, while the window is live
    std::unique_ptr<platform::SpeechEngine> m_speech;
    content::SpeechReadings m_readings; // built in, plus the data dir's readings.csv

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

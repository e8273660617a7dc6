#include "kiosk/app.h"

#include "content/data_dir.h"
#include "content/glyph_set.h"

#include "kiosk/font_cache.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/text.h"
#include "platform/png.h"
#include "platform/window.h"

#include <SDL.h>
#include <malloc.h>

#include "imgui.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <future>
#include <mutex>
#include <system_error>
#include <thread>

#include <unistd.h>

namespace kiosk {

// ---------------------------------------------------------------- command line

const char* usageText()
{
    return "usage: kiosk --data-dir DIR [--windowed WxH] [--now YYYY-MM-DDTHH:MM] [--screen NAME]\n"
           "             [--screenshot FILE.png] [--drop-dir DIR] [--media-root DIR]... [--status-dir DIR]\n"
           "             [--allow-unsigned] [--large-text] [--idle-warning SECONDS] [--attract-after SECONDS]\n"
           "             [--night HH:MM-HH:MM | --night off]\n"
           "  NAME: home, activities, meals, lectures, notices, guide, contacts, attract (night: the dimmed clock)\n";
}

bool parseCommandLine(int argc, char** argv, AppConfig& config, std::string& error)
{
    bool mediaGiven = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= argc) {
                error = arg + " needs a value";
                return false;
            }
            out = argv[++i];
            return true;
        };
        std::string v;
        if (arg == "--data-dir") {
            if (!value(v)) return false;
            config.dataDir = v;
        } else if (arg == "--windowed") {
            if (!value(v)) return false;
            int w = 0, h = 0;
            char x = 0;
            if (std::sscanf(v.c_str(), "%d%c%d", &w, &x, &h) != 3 || (x != 'x' && x != 'X') || w < 320 || h < 320) {
                error = "--windowed wants WxH, e.g. 1920x1080, not \"" + v + "\"";
                return false;
            }
            config.windowed = true;
            config.width = w;
            config.height = h;
        } else if (arg == "--now") {
            if (!value(v)) return false;
            config.now = content::parseLocalDateTime(v);
            if (!config.now) {
                error = "--now wants YYYY-MM-DDTHH:MM, not \"" + v + "\"";
                return false;
            }
        } else if (arg == "--screen") {
            if (!value(v)) return false;
            ScreenId id;
            if (!screenFromName(v.c_str(), id) || id == ScreenId::Staff) {
                error = "unknown screen \"" + v + "\"";
                return false;
            }
            config.startScreen = id;
        } else if (arg == "--screenshot") {
            if (!value(v)) return false;
            config.screenshotPath = v;
        } else if (arg == "--drop-dir") {
            if (!value(v)) return false;
            config.dropDir = v;
        } else if (arg == "--media-root") {
            if (!value(v)) return false;
            config.mediaRoots.push_back(v);
            mediaGiven = true;
        } else if (arg == "--status-dir") {
            if (!value(v)) return false;
            config.statusDir = v;
        } else if (arg == "--allow-unsigned") {
            config.allowUnsigned = true;
        } else if (arg == "--large-text") {
            config.largeText = true;
        } else if (arg == "--idle-warning" || arg == "--attract-after") {
            if (!value(v)) return false;
            char* end = nullptr;
            const double seconds = std::strtod(v.c_str(), &end);
            if (end == v.c_str() || *end != '\0' || !(seconds >= 10 && seconds <= 24 * 3600)) {
                error = arg + " wants seconds between 10 and 86400, not \"" + v + "\"";
                return false;
            }
            (arg == "--idle-warning" ? config.idle.warnAfter : config.idle.attractAfter) = seconds;
        } else if (arg == "--night") {
            if (!value(v)) return false;
            if (v == "off") {
                config.idle.nightEnabled = false;
                continue;
            }
            const auto dash = v.find('-');
            const auto start = dash == std::string::npos ? std::nullopt : content::parseTime(v.substr(0, dash));
            const auto end = dash == std::string::npos ? std::nullopt : content::parseTime(v.substr(dash + 1));
            if (!start || !end || *start == *end) {
                error = "--night wants HH:MM-HH:MM (e.g. 22:00-06:00) or off, not \"" + v + "\"";
                return false;
            }
            config.idle.nightEnabled = true;
            config.idle.nightStart = *start;
            config.idle.nightEnd = *end;
        } else if (arg == "--help" || arg == "-h") {
            error = "";
            return false;
        } else {
            error = "unknown option \"" + arg + "\"";
            return false;
        }
    }
    if (config.dataDir.empty()) {
        error = "--data-dir is required";
        return false;
    }
    if (!mediaGiven) config.mediaRoots = {"/media", "/run/media"};
    return true;
}

// ---------------------------------------------------------------- clocks

double monotonicSeconds()
{
    using namespace std::chrono;
    static const auto start = steady_clock::now();
    return duration<double>(steady_clock::now() - start).count();
}

void traceStartup(const char* step)
{
    static const bool enabled = [] {
        const char* v = std::getenv("KIOSK_STARTUP_TRACE");
        return v && *v && std::strcmp(v, "0") != 0;
    }();
    if (!enabled) return;
    // The process start on CLOCK_BOOTTIME: field 22 of /proc/self/stat, in clock ticks.
    static const double startedAt = [] {
        double ticks = 0;
        if (std::FILE* f = std::fopen("/proc/self/stat", "r")) {
            char text[1024] = {};
            const size_t n = std::fread(text, 1, sizeof text - 1, f);
            std::fclose(f);
            text[n] = 0;
            // The command name may hold spaces: count fields after its closing parenthesis.
            if (const char* p = std::strrchr(text, ')')) {
                for (int field = 2; field < 22 && p; ++field) p = std::strchr(p + 1, ' ');
                if (p) ticks = std::strtod(p + 1, nullptr);
            }
        }
        return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
    }();
    static std::mutex mutex;
    static double previous = 0;
    timespec ts{};
    clock_gettime(CLOCK_BOOTTIME, &ts);
    const double ms = (static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9 - startedAt) * 1000;
    std::lock_guard lock(mutex);
    std::fprintf(stderr, "kiosk: startup %7.1f ms (+%5.1f) %s\n", ms, previous > 0 ? ms - previous : ms, step);
    previous = ms;
}

StationClock::StationClock(std::optional<content::LocalDateTime> start)
    : m_start(start), m_startSeconds(monotonicSeconds())
{
}

StationClock::Reading StationClock::now() const
{
    if (!m_start) {
        std::time_t t = std::time(nullptr);
        std::tm tm{};
        localtime_r(&t, &tm);
        Reading r;
        r.local.date = content::Date{std::chrono::year{tm.tm_year + 1900},
                                     std::chrono::month{static_cast<unsigned>(tm.tm_mon + 1)},
                                     std::chrono::day{static_cast<unsigned>(tm.tm_mday)}};
        r.local.minute = tm.tm_hour * 60 + tm.tm_min;
        r.second = std::min(tm.tm_sec, 59);
        return r;
    }
    const long long elapsed = static_cast<long long>(monotonicSeconds() - m_startSeconds);
    const long long total = m_start->minute * 60LL + elapsed;
    Reading r;
    r.local.date = content::addDays(m_start->date, static_cast<int>(total / 86400));
    r.local.minute = static_cast<int>((total % 86400) / 60);
    r.second = static_cast<int>(total % 60);
    return r;
}

// ---------------------------------------------------------------- drawing one frame

namespace {

void drawIdleWarning(AppState& state, Ui& u)
{
    const Theme& t = u.theme();
    const Palette& p = t.palette;
    ImDrawList* d = u.draw();
    ImFont* hf = u.fonts().heading;
    d->AddRectFilled(ImVec2(0, 0), ImVec2(state.width, state.height), p.scrim.packed(150));
    const float w = std::min(state.width - 2 * t.margin, t.px(1000));
    const float btnH = std::max(t.minTarget * 1.2f, hf->FontSize * 2.4f);
    const float h = hf->FontSize * 1.3f * 2 + btnH + t.margin * 3;
    const ImVec2 a((state.width - w) * 0.5f, (state.height - h) * 0.5f), b(a.x + w, a.y + h);
    u.card(a, b, p.card, p.primary);
    float y = a.y + t.margin;
    drawCentered(d, hf, ImVec2(a.x, y), ImVec2(b.x, y + hf->FontSize), p.text.packed(), ui::kIdleQuestion);
    y += hf->FontSize * 1.3f;
    char text[64];
    std::snprintf(text, sizeof text, ui::kIdleCountdown, state.idle.warningSecondsLeft);
    drawCentered(d, hf, ImVec2(a.x, y), ImVec2(b.x, y + hf->FontSize), p.textMuted.packed(), text);
    y += hf->FontSize * 1.3f + t.margin;
    const float bw = std::min(w - 2 * t.margin, t.px(560));
    // Any touch keeps reading (the app swallows it); the button says so in words.
    u.button(ImVec2((state.width - bw) * 0.5f, y), ImVec2((state.width + bw) * 0.5f, y + btnH), ui::kKeepReading);
}

} // namespace

Rgb screenBackground(ScreenId id, const Palette& palette)
{
    if (id == ScreenId::Night) return palette.nightBackground;
    if (id == ScreenId::Attract) return palette.attractBackground;
    return palette.background;
}

void drawFrame(AppState& state, Screen& screen, const Theme& theme, const Fonts& fonts, const FrameInput& input,
               const std::vector<Overlay*>& overlays, bool& wantsFrames, bool& gestureCaught)
{
    const ImGuiIO& io = ImGui::GetIO();
    state.theme = &theme;
    state.width = io.DisplaySize.x;
    state.height = io.DisplaySize.y;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    // No window background: the renderer clears to screenBackground() instead. A full-screen
    // blended quad costs llvmpipe a read-modify-write of every pixel, every frame.
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoBackground);
    Ui u(ImGui::GetWindowDrawList(), theme, fonts, input);
    state.ui = &u;

    bool modal = state.idle.phase == IdlePhase::Warning;
    for (Overlay* o : overlays)
        if (o->visible(state) && o->modal(state)) modal = true;
    if (modal) u.blockInput();
    screen.draw(state);
    wantsFrames = screen.wantsFrames(state) || u.wantsFrames();
    gestureCaught = u.gestureCaught();

    // Overlays and the warning get the real input again.
    Ui top(ImGui::GetWindowDrawList(), theme, fonts, input);
    state.ui = &top;
    for (Overlay* o : overlays) {
        if (!o->visible(state)) continue;
        o->draw(state);
        wantsFrames = wantsFrames || o->wantsFrames(state) || top.wantsFrames();
    }
    if (state.idle.phase == IdlePhase::Warning) drawIdleWarning(state, top);
    state.ui = nullptr;

    ImGui::End();
    ImGui::PopStyleVar(3);
}

// ---------------------------------------------------------------- the app

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
    : m_config(std::move(config)), m_clock(m_config.now), m_idle(m_config.idle, monotonicSeconds())
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
    m_pacer.requestNow();
}

void App::switchTo(ScreenId id)
{
    if (!screen(id)) return;
    if (Screen* old = screen(m_current); old && id != m_current) old->onLeave(m_state);
    const bool changed = id != m_current;
    m_current = id;
    m_state.screen = id;
    if (changed || !m_fontsBuilt) screen(id)->onEnter(m_state);
    if (id == ScreenId::Home) m_idle.wentHome(monotonicSeconds());
}

void App::setContent(std::shared_ptr<const content::Content> content)
{
    m_content = std::move(content);
    // A big package (10,000 activities) takes ~100 ms to turn into a snapshot and ~400 ms to
    // bake its new glyphs: never on the main thread while the screen is live (refreshSnapshot
    // hands it to the preparation thread then).
    refreshSnapshot(true);
    m_pacer.requestNow();
}

void App::prepareInBackground()
{
    PrepareJob job;
    job.content = m_content;
    job.at = m_clock.now().local;
    m_preparingFor = job.at;
    job.extraGlyphs = m_overlayGlyphs;
    job.current = m_glyphs;
    job.theme = m_theme;
    job.profile = m_fonts.profile;
    job.serial = ++m_prepareSerial;
    {
        std::lock_guard lock(m_prepareMutex);
        m_prepareJob = std::move(job);
        if (!m_prepareThread.joinable()) m_prepareThread = std::thread([this] { prepareLoop(); });
    }
    m_prepareWake.notify_all();
}

void App::prepareLoop()
{
    const std::filesystem::path cacheDir = atlasCacheDir(m_config.dataDir);
    const FontFiles files = *m_fontFiles;
    for (;;) {
        PrepareJob job;
        {
            std::unique_lock lock(m_prepareMutex);
            m_prepareWake.wait(lock, [&] { return m_prepareStop || m_prepareJob; });
            if (m_prepareStop) return;
            job = std::move(*m_prepareJob);
            m_prepareJob.reset();
        }
        auto snapshot = makeSnapshot(job.content, job.at);
        GlyphPlan plan = glyphPlan(*snapshot);
        plan.text.insert(job.extraGlyphs.begin(), job.extraGlyphs.end());
        if (plan.text != job.current.text || plan.display != job.current.display) {
            // Bake the new glyph set into the atlas cache, so the main thread's rebuild is a
            // cache load: the profile on screen first, then the other one, so that waking from
            // the carousel (or falling into it) is a cache load too. Private atlases; the only
            // shared state ImGui touches here is an allocation counter on the context, which
            // nothing reads.
            for (FontProfile profile :
                 {job.profile,
                  job.profile == FontProfile::Interactive ? FontProfile::Attract : FontProfile::Interactive}) {
                ImFontAtlas atlas;
                Fonts fonts;
                fonts.build(atlas, files, job.theme, profile, plan, cacheDir);
            }
            // This thread's malloc arena held two rasterised atlases: give the pages back.
            malloc_trim(0);
        }
        m_queue.post([this, serial = job.serial, snapshot = std::move(snapshot), plan = std::move(plan)]() mutable {
            // A newer job is on its way; this one is already out of date.
            if (serial != m_prepareSerial) return;
            m_state.snapshot = std::move(snapshot);
            if (plan.text != m_glyphs.text || plan.display != m_glyphs.display) {
                m_glyphs = std::move(plan);
                m_fontsBuilt = false; // rebuilt (from the cache) before the next frame
            }
            m_pacer.requestNow();
        });
    }
}

void App::setOverlayGlyphs(std::set<char32_t> glyphs)
{
    if (glyphs == m_overlayGlyphs) return;
    m_overlayGlyphs = std::move(glyphs);
    if (m_state.snapshot) refreshSnapshot(true);
}

void App::refreshSnapshot(bool force)
{
    const auto reading = m_clock.now();
    m_state.now = reading.local;
    m_state.second = reading.second;
    if (!force && m_state.snapshot && m_state.snapshot->at == reading.local) return;
    // Live: the preparation thread makes the snapshot (a minute tick on a big store, or a glyph
    // set that needs a new atlas, must not stall a frame); the screens draw the previous one
    // for those few milliseconds.
    if (preparesInBackground()) {
        if (force || m_preparingFor != reading.local) prepareInBackground();
        return;
    }
    m_state.snapshot = makeSnapshot(m_content, reading.local);
    GlyphPlan plan = glyphPlan(*m_state.snapshot);
    plan.text.insert(m_overlayGlyphs.begin(), m_overlayGlyphs.end());
    if (plan.text != m_glyphs.text || plan.display != m_glyphs.display) {
        m_glyphs = std::move(plan);
        m_fontsBuilt = false; // rebuilt before the next frame
    }
}

void App::ensureFonts()
{
    const FontProfile profile = (m_current == ScreenId::Attract || m_current == ScreenId::Night)
                                    ? FontProfile::Attract
                                    : FontProfile::Interactive;
    const float w = static_cast<float>(m_window->width()), h = static_cast<float>(m_window->height());
    m_theme = Theme::make(w, h, m_state.largeText);
    if (m_fontsBuilt && m_fonts.profile == profile && m_fonts.largeText == m_state.largeText && m_fonts.body &&
        m_fonts.body->FontSize == (profile == FontProfile::Interactive ? m_theme.bodyPx : m_theme.displayPx))
        return;
    const double started = monotonicSeconds();
    if (!m_fonts.build(*ImGui::GetIO().Fonts, *m_fontFiles, m_theme, profile, m_glyphs,
                       atlasCacheDir(m_config.dataDir))) {
        std::fprintf(stderr, "kiosk: could not build the font atlas\n");
        m_quit = true;
        return;
    }
    traceStartup("font atlas");
    m_window->rebuildFontTexture();
    traceStartup("font texture");
    m_fontsBuilt = true;
    malloc_trim(0); // the old atlas and the new one's CPU pixels are gone: return the pages
    std::fprintf(stderr, "kiosk: font atlas %dx%d, %d glyphs, %s%s profile, %s in %.0f ms\n", m_fonts.atlasWidth,
                 m_fonts.atlasHeight, m_fonts.glyphCount,
                 profile == FontProfile::Interactive ? "interactive" : "attract",
                 m_state.largeText ? " large-text" : "", m_fonts.cached ? "loaded from cache" : "built",
                 (monotonicSeconds() - started) * 1000);
}

void App::pointerDown(Point p)
{
    const double now = monotonicSeconds();
    // A touch that wakes attract/night mode or dismisses the warning does nothing else.
    const IdlePhase before = m_idle.phase();
    if (m_config.screenshotPath.empty() && m_idle.touched(now)) {
        m_swallowGesture = true;
        if (before == IdlePhase::Attract || before == IdlePhase::Night) switchTo(ScreenId::Home);
        m_state.idle = IdleStatus{};
    }
    m_tracker.down(p, now);
    if (m_swallowGesture) m_tracker.cancel();
    m_justPressed = true;
    m_pacer.requestNow();
}

void App::pointerMove(Point p)
{
    if (!m_tracker.isDown()) return;
    const bool wasPressing = m_tracker.isPressing();
    m_tracker.move(p);
    // While dragging every move redraws (scrolling); a press that only jitters does not.
    if (m_tracker.isDragging() || wasPressing != m_tracker.isPressing()) m_pacer.requestNow();
}

void App::pointerUp(Point p)
{
    if (!m_tracker.isDown()) return;
    m_idle.touched(monotonicSeconds());
    auto tap = m_tracker.up(p);
    if (tap && !m_swallowGesture && !m_tap) m_tap = tap;
    m_swallowGesture = false;
    m_released = true;
    m_pacer.requestNow();
}

void App::handleEvent(const void* raw)
{
    const SDL_Event& e = *static_cast<const SDL_Event*>(raw);
    const float W = static_cast<float>(m_window->width()), H = static_cast<float>(m_window->height());
    switch (e.type) {
    case SDL_QUIT:
        // Only SIGTERM ends the fullscreen kiosk; a window close or Alt+F4 does nothing.
        if (g_terminate.load() || !m_window->fullscreen()) m_quit = true;
        break;
    case SDL_KEYDOWN:
        if (!m_window->fullscreen() && e.key.keysym.sym == SDLK_ESCAPE) m_quit = true;
        break;
    case SDL_FINGERDOWN:
        if (m_lastFingerId < 0 && !m_mouseDown) {
            m_lastFingerId = static_cast<long long>(e.tfinger.fingerId);
            pointerDown({e.tfinger.x * W, e.tfinger.y * H});
        }
        break;
    case SDL_FINGERMOTION:
        if (static_cast<long long>(e.tfinger.fingerId) == m_lastFingerId)
            pointerMove({e.tfinger.x * W, e.tfinger.y * H});
        break;
    case SDL_FINGERUP:
        if (static_cast<long long>(e.tfinger.fingerId) == m_lastFingerId) {
            pointerUp({e.tfinger.x * W, e.tfinger.y * H});
            m_lastFingerId = -1;
        }
        break;
    case SDL_MOUSEBUTTONDOWN:
        // Touch screens that also send synthetic mouse events would press twice.
        if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT || m_lastFingerId >= 0) break;
        m_mouseDown = true;
        pointerDown({static_cast<float>(e.button.x), static_cast<float>(e.button.y)});
        break;
    case SDL_MOUSEMOTION:
        if (m_mouseDown && e.motion.which != SDL_TOUCH_MOUSEID)
            pointerMove({static_cast<float>(e.motion.x), static_cast<float>(e.motion.y)});
        break;
    case SDL_MOUSEBUTTONUP:
        if (m_mouseDown && e.button.button == SDL_BUTTON_LEFT && e.button.which != SDL_TOUCH_MOUSEID) {
            m_mouseDown = false;
            pointerUp({static_cast<float>(e.button.x), static_cast<float>(e.button.y)});
        }
        break;
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) m_tracker.cancel();
        m_pacer.requestNow(); // exposed, resized, shown: draw again
        break;
    case SDL_USEREVENT:
        if (m_queue.drain() > 0) m_pacer.requestNow();
        break;
    default:
        break;
    }
}

void App::frame(FrameMode mode)
{
    const double now = monotonicSeconds();
    refreshSnapshot(false);
    ensureFonts();
    if (m_quit) return;

    m_window->beginFrame(m_lastFrameTime > 0 ? now - m_lastFrameTime : 1.0 / 60);
    m_lastFrameTime = now;
    ImGui::NewFrame();

    FrameInput input;
    input.time = now;
    input.pointerDown = m_tracker.isDown() && !m_swallowGesture;
    input.pressing = m_tracker.isPressing() && !m_swallowGesture;
    input.dragging = m_tracker.isDragging() && !m_swallowGesture;
    input.justPressed = m_justPressed && !m_swallowGesture;
    input.released = m_released;
    input.downPos = m_tracker.downPos();
    input.pos = m_tracker.position();
    input.tap = m_tap;
    m_justPressed = m_released = false;
    m_tap.reset();

    m_state.time = now;
    m_state.wakeAt = 0;
    bool wantsFrames = false, caught = false;
    const ScreenId drawn = m_current;
    drawFrame(m_state, *screen(m_current), m_theme, m_fonts, input, m_overlays, wantsFrames, caught);
    if (caught) m_tracker.cancel();
    ImGui::Render();

    if (mode != FrameMode::Layout) {
        const Rgb bg = screenBackground(drawn, m_theme.palette);
        m_window->render(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f);
    }
    if (mode == FrameMode::Capture && !m_window->readPixels(m_capture, m_captureWidth, m_captureHeight))
        m_capture.clear();
    if (mode == FrameMode::Show) m_window->present();
    m_pacer.frameDrawn(platform::FramePacer::Clock::now());
    // From the first live frame on, new snapshots are made on the preparation thread.
    m_live = m_config.screenshotPath.empty();
    if (m_frameLog) {
        // Wall ms, then the frame's start on CLOCK_MONOTONIC (s) so benches can line frames up
        // with outside events.
        const double startedAt =
            std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count() -
            (monotonicSeconds() - now);
        std::fprintf(m_frameLog, "%.3f %.3f\n", (monotonicSeconds() - now) * 1000, startedAt);
        std::fflush(m_frameLog);
    }

    if (wantsFrames) m_pacer.requestAnimationFrame();
    if (m_state.wakeAt > 0) {
        const auto delay = std::chrono::duration<double>(std::max(0.0, m_state.wakeAt - monotonicSeconds()));
        m_pacer.requestAt(platform::FramePacer::Clock::now() +
                          std::chrono::duration_cast<std::chrono::milliseconds>(delay));
    }

    if (m_state.pendingLargeTextToggle) {
        m_state.pendingLargeTextToggle = false;
        m_state.largeText = !m_state.largeText;
        m_pacer.requestNow();
    }
    if (m_state.pendingScreen) {
        const ScreenId next = *m_state.pendingScreen;
        m_state.pendingScreen.reset();
        switchTo(next);
        m_pacer.requestNow();
    }
    if (!m_state.requests.empty()) {
        std::vector<UpdateRequest> requests = std::move(m_state.requests);
        m_state.requests.clear();
        for (const UpdateRequest& r : requests)
            if (m_requestHandler) m_requestHandler(r);
        m_pacer.requestNow();
    }
}

int App::run(std::shared_ptr<const content::Content> initial)
{
    // Fontconfig's start (parsing its configuration files and caches) runs on its own thread
    // while SDL and GL start on this one; fontconfig is called from that thread only. The
    // future's destructor waits for it on every return path.
    auto fontLookup = std::async(std::launch::async | std::launch::deferred, [] {
        auto files = findCjkFonts();
        traceStartup("fontconfig");
        return files;
    });
    m_window = std::make_unique<platform::Window>();
    platform::WindowOptions options;
    options.fullscreen = !m_config.windowed;
    options.width = m_config.width;
    options.height = m_config.height;
    options.hidden = !m_config.screenshotPath.empty();
    std::string error;
    if (!m_window->open(options, error)) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        return 1;
    }
    traceStartup("window and GL");
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
    m_state.largeText = m_config.largeText;
    refreshSnapshot(true);
    traceStartup("snapshot");
    m_tracker.setSlop(
        Theme::make(static_cast<float>(m_window->width()), static_cast<float>(m_window->height()), false).tapSlop);
    m_current = m_config.startScreen;
    m_state.screen = m_current;
    screen(m_current)->onEnter(m_state);
    if (m_current == ScreenId::Attract || m_current == ScreenId::Night)
        m_idle.touched(monotonicSeconds() - 1e6), m_idle.evaluate(monotonicSeconds(), m_state.now.minute, true);

    const bool screenshot = !m_config.screenshotPath.empty();
    if (screenshot) {
        // A few frames let layout settle (scroll-to-now, measured sizes) before the capture;
        // only the last one is rasterised (llvmpipe spends ~100 ms on a 1080p frame).
        for (int i = 0; i < 3 && !m_quit; ++i) frame(i == 2 ? FrameMode::Capture : FrameMode::Layout);
        traceStartup("frames and read-back");
        // GL's rows run bottom-up: the PNG encoder walks them from the last one backwards.
        platform::ImageView image;
        image.width = m_captureWidth;
        image.height = m_captureHeight;
        image.channels = 3;
        image.stride = -static_cast<std::ptrdiff_t>(m_captureWidth) * 3;
        if (!m_capture.empty()) image.top = m_capture.data() + (m_capture.size() + image.stride);
        // Encoded and written while the window closes: closing mostly waits (on the X server,
        // on llvmpipe's threads), so the encode costs no wall time.
        bool written = false;
        auto encode = [&] { written = !m_capture.empty() && platform::writePng(m_config.screenshotPath, image); };
        std::thread encoder;
        try {
            encoder = std::thread(encode);
        } catch (const std::system_error&) {
            encode();
        }
        m_window->close();
        traceStartup("window closed");
        if (encoder.joinable()) encoder.join();
        if (!written) {
            std::fprintf(stderr, "kiosk: could not write %s\n", m_config.screenshotPath.c_str());
            return 1;
        }
        traceStartup("png written");
        return 0;
    }

    // Tasks posted before SDL was up (a stick already inserted) had no event to wake the loop.
    if (m_queue.drain() > 0) m_pacer.requestNow();
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
        if (idle.phase == IdlePhase::GoHome) {
            switchTo(ScreenId::Home);
            idle = m_idle.evaluate(now, reading.local.minute, true);
        }
        if (idle.phase == IdlePhase::Attract && m_current != ScreenId::Attract) switchTo(ScreenId::Attract);
        if (idle.phase == IdlePhase::Night && m_current != ScreenId::Night) switchTo(ScreenId::Night);
        if (idle.phase != m_state.idle.phase || idle.warningSecondsLeft != m_state.idle.warningSecondsLeft)
            m_pacer.requestNow();
        m_state.idle = idle;
        if (idle.nextChange > 0)
            m_pacer.requestAt(
                platform::FramePacer::Clock::now() +
                std::chrono::milliseconds(static_cast<long long>(std::max(0.0, idle.nextChange - now) * 1000) + 5));

        if (m_pacer.frameDue(platform::FramePacer::Clock::now())) frame(FrameMode::Show);
    }
    m_window->close();
    return 0;
}

} // namespace kiosk

// App, drawing one frame: drawFrame (the root window, the screen, the overlays, the idle
// warning), the background colour, and App::frame, which also decides whether the picture
// reaches the screen.
#include "kiosk/app.h"

#include "platform/thumbnail.h"

#include "kiosk/ui_text.h"
#include "kiosk/widgets/text.h"
#include "platform/window.h"

#include "imgui.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string_view>

namespace kiosk {

namespace {

// A hash of everything the frame sends to GL: equal hashes, equal pictures (the atlas texture
// aside, which the caller tracks).
uint64_t pictureHash(const ImDrawData& data, Rgb background)
{
    auto bytes = [](const void* p, size_t n) {
        return std::hash<std::string_view>{}({static_cast<const char*>(p), n});
    };
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](uint64_t v) { h = (h ^ v) * 1099511628211ull + (h >> 29); };
    mix(background.r | background.g << 8 | background.b << 16);
    mix(static_cast<uint64_t>(data.DisplaySize.x) << 32 | static_cast<uint64_t>(data.DisplaySize.y));
    for (int i = 0; i < data.CmdListsCount; ++i) {
        const ImDrawList& list = *data.CmdLists[i];
        mix(bytes(list.VtxBuffer.Data, list.VtxBuffer.size_in_bytes()));
        mix(bytes(list.IdxBuffer.Data, list.IdxBuffer.size_in_bytes()));
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            mix(bytes(&cmd.ClipRect, sizeof cmd.ClipRect));
            mix(reinterpret_cast<uintptr_t>(cmd.TextureId));
            mix(static_cast<uint64_t>(cmd.ElemCount) << 32 | cmd.IdxOffset);
            mix(cmd.VtxOffset);
        }
    }
    return h;
}

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
               const std::vector<Overlay*>& overlays, bool& wantsFrames, bool& gestureCaught,
               std::vector<HitRect>* targets)
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
    u.collectTargets(targets);
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
    top.collectTargets(targets);
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

void App::frame(FrameMode mode)
{
    const double now = monotonicSeconds();
    refreshSnapshot(false);
    // This frame's share of the pointer events (a wake-up touch may switch screens, so before
    // the fonts are chosen).
    takeInput();
    const bool fontsWereBuilt = m_fontsBuilt;
    ensureFonts();
    if (m_quit) return;
    if (!fontsWereBuilt) m_mustPresent = true; // same vertices, new atlas texture

    m_window->beginFrame(m_lastFrameTime > 0 ? now - m_lastFrameTime : 1.0 / 60);
    m_lastFrameTime = now;
    ImGui::NewFrame();

    const FrameInput input = frameInput(now);

    m_state.time = now;
    m_state.wakeAt = 0;
    updateSpeechState();
    bool wantsFrames = false, caught = false;
    const ScreenId drawn = m_current;
    std::vector<HitRect> targets;
    drawFrame(m_state, *screen(m_current), m_theme, m_fonts, input, m_overlays, wantsFrames, caught, &targets);
    m_targets = std::move(targets);
    if (caught) m_tracker.cancel();
    ImGui::Render();

    const Rgb bg = screenBackground(drawn, m_theme.palette);
    const uint64_t picture = pictureHash(*ImGui::GetDrawData(), bg);
    const bool changed = picture != m_lastPicture;
    m_lastPicture = picture;
    // Input still queued (a second tap behind this one) keeps the frames coming.
    const bool more = !m_pointerEvents.empty() || wantsFrames || m_state.pendingScreen ||
                      m_state.pendingLargeTextToggle || !m_state.requests.empty();
    // A live frame that draws what is already on screen is not rasterised again (llvmpipe
    // spends most of a frame there), nor one the next frame replaces at once (the picture is
    // still settling): a tap costs a few layout passes and one rasterised frame.
    bool draws = mode == FrameMode::Capture, deferred = false;
    if (mode == FrameMode::Show && (picture != m_shownPicture || m_mustPresent)) {
        deferred = m_pacer.mayDefer(changed || !m_pointerEvents.empty());
        draws = !deferred;
    }
    // screen.png wants the picture in the back buffer even when it is already on screen.
    const bool rendered = draws || (mode == FrameMode::Show && !deferred && thumbnailWanted(now));
    if (rendered) m_window->render(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f);
    const double thumbnailWake = mode == FrameMode::Show ? thumbnailAfterRender(now, rendered) : HUGE_VAL;
    if (mode == FrameMode::Capture && !m_window->readPixels(m_capture, m_captureWidth, m_captureHeight))
        m_capture.clear();
    if (mode == FrameMode::Show && draws) {
        m_window->present();
        m_shownPicture = picture;
        m_mustPresent = false;
    }
    m_pacer.frameDrawn(platform::FramePacer::Clock::now(), changed || more, deferred);
    if (thumbnailWake < HUGE_VAL)
        m_pacer.requestAt(platform::FramePacer::Clock::now() +
                          std::chrono::milliseconds(
                              static_cast<long long>(std::max(0.0, thumbnailWake - monotonicSeconds()) * 1000)));
    // From the first live frame on, new snapshots are made on the preparation thread.
    m_live = m_config.screen.screenshotPath.empty();
    if (mode == FrameMode::Show) logFrame(now, draws);

    if (wantsFrames) m_pacer.requestAnimationFrame();
    if (m_state.wakeAt > 0) {
        const auto delay = std::chrono::duration<double>(std::max(0.0, m_state.wakeAt - monotonicSeconds()));
        m_pacer.requestAt(platform::FramePacer::Clock::now() +
                          std::chrono::duration_cast<std::chrono::milliseconds>(delay));
    }

    if (!m_pointerEvents.empty()) m_pacer.requestSettle();
    if (m_state.pendingLargeTextToggle) {
        m_state.pendingLargeTextToggle = false;
        m_state.largeText = !m_state.largeText;
        m_pacer.requestSettle();
    }
    if (m_state.pendingScreen) {
        const ScreenId next = *m_state.pendingScreen;
        m_state.pendingScreen.reset();
        switchTo(next);
        m_pacer.requestSettle();
    }
    if (m_state.hasSpeechRequest()) {
        applySpeechRequests();
        m_pacer.requestSettle();
    }
    // What the screens and overlays asked of the update service while drawing.
    if (!m_state.requests.empty()) {
        std::vector<UpdateRequest> requests = std::move(m_state.requests);
        m_state.requests.clear();
        for (const UpdateRequest& r : requests)
            if (m_requestHandler) m_requestHandler(r);
        m_pacer.requestSettle();
    }
}

void App::logFrame(double startedAt, bool shown)
{
    if (!m_frameLog) return;
    // Wall ms from the frame's start to just after the swap (or the layout, for a frame that
    // was not rasterised), its start on CLOCK_MONOTONIC (s) so benches can line frames up with
    // outside events, 1 when it reached the screen, 0 when its picture was already there or
    // was replaced at once, and 1 when it started or finished a screen.png read-back (all
    // numbers: scripts read the log as a list of floats).
    const double end = monotonicSeconds();
    const double monotonicStart =
        std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count() - (end - startedAt);
    std::fprintf(m_frameLog, "%.3f %.3f %d %d\n", (end - startedAt) * 1000, monotonicStart, shown ? 1 : 0,
                 m_thumbnail && m_thumbnail->workedLastCall() ? 1 : 0);
    std::fflush(m_frameLog);
}

} // namespace kiosk

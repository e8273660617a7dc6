// Every screen drawn in a headless ImGui context (fonts built without a GL texture, no backend)
// with fixed demo content and a fixed clock, landscape and portrait, normal and 大字.
#include "content/demo_content.h"
#include "kiosk/app.h"
#include "kiosk/fonts.h"
#include "kiosk/screens/screens.h"
#include "kiosk/snapshot.h"
#include "kiosk/theme.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include "imgui.h"

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace kiosk;

namespace {

// ImGui asserts become test failures instead of aborting the run.
struct ImGuiContextGuard {
    ImGuiContextGuard()
    {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
    }
    ~ImGuiContextGuard() { ImGui::DestroyContext(); }
};

// An ImGui context with a display of this size and the CJK font files, for one test.
struct HeadlessDisplay {
    std::optional<FontFiles> files = findCjkFonts();
    ImGuiContextGuard guard;
    HeadlessDisplay(float width, float height)
    {
        REQUIRE(files); // fonts-noto-cjk is a build dependency of the kiosk
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60;
    }
    ImFontAtlas& atlas() { return *ImGui::GetIO().Fonts; }
};

// The app state a screen is drawn from: this content at this time, on this screen.
AppState screenState(std::shared_ptr<const Snapshot> snapshot, const content::LocalDateTime& now, ScreenId screen,
                     bool largeText = false, double time = 1000)
{
    AppState state;
    state.snapshot = std::move(snapshot);
    state.now = now;
    state.largeText = largeText;
    state.screen = screen;
    state.time = time;
    return state;
}

// One whole frame of `screen` with this input; the frame's draw data.
const ImDrawData& drawOnce(AppState& state, Screen& screen, const Theme& theme, const Fonts& fonts,
                           const FrameInput& input = {})
{
    ImGui::NewFrame();
    bool wants = false, caught = false;
    drawFrame(state, screen, theme, fonts, input, {}, wants, caught);
    ImGui::Render();
    return *ImGui::GetDrawData();
}

content::Date fixedDate()
{
    using namespace std::chrono;
    return content::Date{year{2026}, month{6}, day{3}}; // a Wednesday
}

void drawScreens(float width, float height, bool largeText, const content::LocalDateTime& now)
{
    HeadlessDisplay display(width, height);

    auto content = std::make_shared<const content::Content>(content::demoContent(now.date));
    auto snapshot = makeSnapshot(content, now);
    const GlyphPlan plan = glyphPlan(*snapshot);
    const Theme theme = Theme::make(width, height, largeText);

    for (FontProfile profile : {FontProfile::Interactive, FontProfile::Attract}) {
        Fonts fonts;
        REQUIRE(fonts.build(display.atlas(), *display.files, theme, profile, plan));
        CHECK(fonts.atlasWidth <= 2048);
        CHECK(fonts.atlasHeight <= 4096);
        CHECK(fonts.atlasHeight <= 2048);
        auto screens = makeAllScreens();
        for (auto& screen : screens) {
            const bool dark = screen->id() == ScreenId::Attract || screen->id() == ScreenId::Night;
            if (dark != (profile == FontProfile::Attract)) continue;
            INFO("screen " << screenName(screen->id()) << " " << width << "x" << height << (largeText ? " 大字" : ""));
            AppState state = screenState(snapshot, now, screen->id(), largeText);
            screen->onEnter(state);
            // Two frames: the first may scroll (to what is on now), the second draws there.
            for (int frame = 0; frame < 2; ++frame) {
                FrameInput input;
                input.time = state.time + frame * 0.016;
                const ImDrawData& data = drawOnce(state, *screen, theme, fonts, input);
                CHECK(data.TotalVtxCount > 40);   // something was drawn
                CHECK_FALSE(state.pendingScreen); // drawing alone navigates nowhere
            }
            screen->onLeave(state);
        }
    }
}

content::LocalDateTime fixedNow(int hour, int minute)
{
    return {fixedDate(), hour * 60 + minute};
}

// The demo station at `now` on a headless display, with the visitor screens' fonts built.
struct DemoScreens {
    HeadlessDisplay display;
    std::shared_ptr<const Snapshot> snapshot;
    Theme theme;
    Fonts fonts;
    DemoScreens(float width, float height, bool largeText = false, content::LocalDateTime now = fixedNow(10, 15))
        : display(width, height),
          snapshot(makeSnapshot(std::make_shared<const content::Content>(content::demoContent(now.date)), now)),
          theme(Theme::make(width, height, largeText))
    {
        REQUIRE(fonts.build(display.atlas(), *display.files, theme, FontProfile::Interactive, glyphPlan(*snapshot)));
    }
};

// What of the frame's drawing shows inside a 上面还有 / 下面还有 hint, other than the hint's own
// shapes: text (a glyph's corners have different texture coordinates, so do textured lines such
// as card borders) and anything drawn inside a scroll view (a clip smaller than the display).
// Returns a description of the first thing found, "" when the hints cover nothing.
std::string whatHintsCover(const ImDrawData& data, const std::vector<HintMark>& hints, ImVec2 display)
{
    for (const HintMark& hint : hints) {
        const ImVec2 a(hint.min.x + 1, hint.min.y + 1), b(hint.max.x - 1, hint.max.y - 1);
        if (a.x >= b.x || a.y >= b.y) continue; // shows nothing (the strip above not yet open)
        for (int l = 0; l < data.CmdListsCount; ++l) {
            const ImDrawList* list = data.CmdLists[l];
            for (const ImDrawCmd& cmd : list->CmdBuffer) {
                if (cmd.UserCallback) continue;
                const ImVec4& clip = cmd.ClipRect;
                const bool inScroll =
                    clip.x > 0.5f || clip.y > 0.5f || clip.z < display.x - 0.5f || clip.w < display.y - 0.5f;
                for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                    unsigned v[3];
                    bool own = false;
                    for (int k = 0; k < 3; ++k) {
                        v[k] = cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)];
                        own = own || (list == hint.list && static_cast<int>(v[k]) >= hint.vtxBegin &&
                                      static_cast<int>(v[k]) < hint.vtxEnd);
                    }
                    if (own) continue;
                    const ImDrawVert& p0 = list->VtxBuffer[static_cast<int>(v[0])];
                    const ImDrawVert& p1 = list->VtxBuffer[static_cast<int>(v[1])];
                    const ImDrawVert& p2 = list->VtxBuffer[static_cast<int>(v[2])];
                    const bool textured =
                        p0.uv.x != p1.uv.x || p0.uv.y != p1.uv.y || p0.uv.x != p2.uv.x || p0.uv.y != p2.uv.y;
                    if (!textured && !inScroll) continue;
                    // The triangle's box as far as it is visible, against the hint's.
                    const float x0 = std::max({std::min({p0.pos.x, p1.pos.x, p2.pos.x}), clip.x, a.x});
                    const float y0 = std::max({std::min({p0.pos.y, p1.pos.y, p2.pos.y}), clip.y, a.y});
                    const float x1 = std::min({std::max({p0.pos.x, p1.pos.x, p2.pos.x}), clip.z, b.x});
                    const float y1 = std::min({std::max({p0.pos.y, p1.pos.y, p2.pos.y}), clip.w, b.y});
                    if (x0 < x1 && y0 < y1)
                        return (textured ? "text or a border" : "a shape in a scroll view") + std::string(" at ") +
                               std::to_string(int(x0)) + "," + std::to_string(int(y0)) + " under the hint at " +
                               std::to_string(int(hint.min.x)) + "," + std::to_string(int(hint.min.y)) + "–" +
                               std::to_string(int(hint.max.x)) + "," + std::to_string(int(hint.max.y));
                }
            }
        }
    }
    return {};
}

} // namespace

TEST_CASE("上面还有 / 下面还有 never cover a card's text or corner, on any screen", "[screens][hints]")
{
    int hintsSeen = 0, aboveSeen = 0;
    for (const auto& [width, height] : {std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f}})
        for (bool largeText : {false, true}) {
            DemoScreens demo(width, height, largeText);
            const auto now = demo.snapshot->at;
            const auto& [display, snapshot, theme, fonts] = demo;
            for (auto& screen : makeAllScreens()) {
                if (screen->id() == ScreenId::Attract || screen->id() == ScreenId::Night) continue;
                INFO("screen " << screenName(screen->id()) << " " << width << "x" << height
                               << (largeText ? " 大字" : ""));
                AppState state = screenState(snapshot, now, screen->id(), largeText);
                screen->onEnter(state);
                // A few frames: the lists that open at now scroll there first.
                for (int frame = 0; frame < 3; ++frame) {
                    std::vector<HintMark> hints;
                    setScrollHintLog(&hints);
                    FrameInput input;
                    input.time = state.time + frame * 0.016;
                    const ImDrawData& data = drawOnce(state, *screen, theme, fonts, input);
                    setScrollHintLog(nullptr);
                    const std::string covered = whatHintsCover(data, hints, ImVec2(width, height));
                    CHECK(covered == "");
                    hintsSeen += static_cast<int>(hints.size());
                    for (const HintMark& h : hints) aboveSeen += h.max.y < height * 0.5f ? 1 : 0;
                }
                screen->onLeave(state);
            }
        }
    // The check looked at real hints: lists that scroll show them, activities opened at now 上面还有.
    CHECK(hintsSeen > 20);
    CHECK(aboveSeen > 0);
}

TEST_CASE("every screen draws in landscape 1920x1080", "[screens]")
{
    drawScreens(1920, 1080, false, fixedNow(10, 15));
}
TEST_CASE("every screen draws in portrait 1080x1920", "[screens]")
{
    drawScreens(1080, 1920, false, fixedNow(10, 15));
}
TEST_CASE("every screen draws with 大字 in landscape", "[screens]")
{
    drawScreens(1920, 1080, true, fixedNow(10, 15));
}
TEST_CASE("every screen draws with 大字 in portrait", "[screens]")
{
    drawScreens(1080, 1920, true, fixedNow(10, 15));
}
TEST_CASE("screens draw early and late in the day (empty states)", "[screens]")
{
    drawScreens(1920, 1080, false, fixedNow(6, 0));
    drawScreens(1920, 1080, false, fixedNow(23, 59));
}

TEST_CASE("screens draw with no content at all", "[screens]")
{
    HeadlessDisplay display(1920, 1080);
    auto snapshot = makeSnapshot(std::make_shared<const content::Content>(), fixedNow(10, 0));
    const Theme theme = Theme::make(1920, 1080, false);
    Fonts fonts;
    REQUIRE(fonts.build(display.atlas(), *display.files, theme, FontProfile::Interactive, glyphPlan(*snapshot)));
    for (auto& screen : makeAllScreens()) {
        AppState state = screenState(snapshot, snapshot->at, screen->id());
        screen->onEnter(state);
        CHECK(drawOnce(state, *screen, theme, fonts).TotalVtxCount > 40);
    }
}

TEST_CASE("a tap on a home tile opens its section; a slide does not", "[screens]")
{
    DemoScreens demo(1920, 1080);
    const auto& [display, snapshot, theme, fonts] = demo;
    auto home = makeHomeScreen();
    auto frameWith = [&](FrameInput input) {
        AppState state = screenState(snapshot, snapshot->at, ScreenId::Home);
        drawOnce(state, *home, theme, fonts, input);
        return state.pendingScreen;
    };
    // The first tile (活动安排) sits at the bottom left in landscape.
    const Point onTile{150, 1000};
    FrameInput tap;
    tap.tap = Tap{onTile, {onTile.x + 5, onTile.y}};
    auto next = frameWith(tap);
    REQUIRE(next);
    CHECK(*next == ScreenId::Activities);
    // Pressed and slid away: no tap reaches the screen, so nothing opens.
    FrameInput slide;
    slide.pointerDown = true;
    slide.dragging = true;
    slide.downPos = onTile;
    slide.pos = {onTile.x + 300, onTile.y};
    CHECK_FALSE(frameWith(slide));
}

TEST_CASE("an urgent notice shows on the night screen too", "[screens]")
{
    HeadlessDisplay display(1920, 1080);
    const auto night = fixedNow(23, 30);
    const Theme theme = Theme::make(1920, 1080, false);

    // Vertices the night screen draws for this content (text is a quad per glyph).
    auto nightVertices = [&](const content::Content& c) {
        auto snapshot = makeSnapshot(std::make_shared<const content::Content>(c), night);
        Fonts fonts;
        REQUIRE(fonts.build(display.atlas(), *display.files, theme, FontProfile::Attract, glyphPlan(*snapshot)));
        auto screen = makeNightScreen();
        AppState state = screenState(snapshot, night, ScreenId::Night);
        screen->onEnter(state);
        return drawOnce(state, *screen, theme, fonts).TotalVtxCount;
    };

    content::Content calm = content::demoContent(night.date);
    for (auto& n : calm.notices) n.urgent = false;
    content::Content alarm = calm;
    alarm.notices.push_back({"停水通知", "明天上午停水", std::nullopt, std::nullopt, false, true});
    // The frame, 紧急通知：停水通知 (10 glyphs) at least.
    CHECK(nightVertices(alarm) >= nightVertices(calm) + 4 * 10);
}

TEST_CASE("an urgent notice imported while the carousel runs is shown at once", "[screens]")
{
    HeadlessDisplay display(1920, 1080);
    const auto now = fixedNow(15, 0);
    const Theme theme = Theme::make(1920, 1080, false);
    content::Content calm = content::demoContent(now.date);
    for (auto& n : calm.notices) n.urgent = false;
    content::Content alarm = calm;
    alarm.notices.push_back({"燃气检修", "明天上午燃气检修，请关好阀门", std::nullopt, std::nullopt, false, true});
    auto before = makeSnapshot(std::make_shared<const content::Content>(calm), now);
    auto after = makeSnapshot(std::make_shared<const content::Content>(alarm), now);
    REQUIRE(before->slides.size() >= 3);
    REQUIRE(after->slides.front().urgent);
    Fonts fonts;
    REQUIRE(fonts.build(display.atlas(), *display.files, theme, FontProfile::Attract, glyphPlan(*after)));
    auto screen = makeAttractScreen();
    // One frame at `time`; returns when the screen wants to be drawn again (its slide's end).
    auto frameAt = [&](std::shared_ptr<const Snapshot> snapshot, double time, bool enter = false) {
        AppState state = screenState(snapshot, now, ScreenId::Attract, false, time);
        if (enter) screen->onEnter(state);
        FrameInput input;
        input.time = time;
        drawOnce(state, *screen, theme, fonts, input);
        return state.wakeAt;
    };
    const double start = 1000;
    const double first = before->slides[0].seconds;
    frameAt(before, start, true);
    // Into the second slide, the loop goes on by its clock.
    const double t = start + first + 1;
    CHECK(frameAt(before, t) == Approx(start + first + before->slides[1].seconds));
    // The import: the urgent slide now, for its whole time.
    CHECK(frameAt(after, t) == Approx(t + after->slides[0].seconds));
    // The same notice again later does not restart the loop.
    CHECK(frameAt(after, t + 1) == Approx(t + after->slides[0].seconds));
}

namespace {

// Taps the screen on a grid, row by row from the top, until a tap asks for speech; returns
// where (or nothing). Each tap is a fresh frame of a fresh AppState with speech allowed.
struct SpeakProbe {
    const Theme& theme;
    const Fonts& fonts;
    std::shared_ptr<const Snapshot> snapshot;
    float width, height;
    bool voice = true; // false: the sound device works but espeak-ng has no voice

    AppState frame(Screen& screen, std::optional<Point> at, const std::string& speaking = {})
    {
        AppState state = screenState(snapshot, snapshot->at, screen.id());
        state.speechAllowed = voice;
        state.recordingsAllowed = true;
        state.speakingKey = speaking;
        FrameInput input;
        input.time = state.time;
        if (at) input.tap = Tap{*at, *at};
        drawOnce(state, screen, theme, fonts, input);
        return state;
    }
    std::optional<Point> find(Screen& screen, float fromY = 0)
    {
        for (float y = fromY + 20; y < height; y += 40)
            for (float x = 20; x < width; x += 40) {
                const Point at{x, y};
                if (frame(screen, at).pendingSpeech) return at;
            }
        return std::nullopt;
    }
};

} // namespace

TEST_CASE("each reading screen has a 朗读 that starts its speech and 停止 that ends it", "[screens][speech]")
{
    for (auto [w, h] : {std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f}}) {
        DemoScreens demo(w, h);
        const auto now = demo.snapshot->at;
        const auto& [display, snapshot, theme, fonts] = demo;
        SpeakProbe probe{theme, fonts, snapshot, w, h};
        const std::pair<ScreenId, std::string> expected[] = {
            {ScreenId::Home, "home:today"},  {ScreenId::Activities, "activities:2"}, // 2026-06-03 is a Wednesday
            {ScreenId::Meals, "meals:2"},    {ScreenId::Lectures, "lectures"},
            {ScreenId::Notices, "notice:0"}, {ScreenId::Guide, "guide:0"},
        };
        for (auto& screen : makeAllScreens()) {
            for (const auto& [id, key] : expected) {
                if (screen->id() != id) continue;
                INFO("screen " << screenName(id) << " " << w << "x" << h);
                AppState entered;
                entered.snapshot = snapshot;
                entered.now = now;
                screen->onEnter(entered);
                const auto at = probe.find(*screen);
                REQUIRE(at);
                const AppState tapped = probe.frame(*screen, at);
                REQUIRE(tapped.pendingSpeech);
                CHECK(tapped.pendingSpeech->key == key);
                CHECK(tapped.pendingSpeech->reading.text().size() > 30);
                // While it speaks the same place reads 停止 and a tap stops it.
                const AppState stopping = probe.frame(*screen, at, key);
                CHECK(stopping.pendingSpeechStop);
                CHECK_FALSE(stopping.pendingSpeech);
                // Without a sound device (or at night) there is no button to tap.
                AppState silent = screenState(snapshot, now, id);
                FrameInput input;
                input.time = silent.time;
                input.tap = Tap{*at, *at};
                drawOnce(silent, *screen, theme, fonts, input);
                CHECK_FALSE(silent.pendingSpeech);
            }
        }
    }
}

TEST_CASE("turning a guide page while it speaks stops the old page", "[screens][speech]")
{
    DemoScreens demo(1920, 1080);
    const auto& [display, snapshot, theme, fonts] = demo;
    REQUIRE(snapshot->guide.size() > 1);
    SpeakProbe probe{theme, fonts, snapshot, 1920, 1080};
    auto guide = makeGuideScreen();
    AppState entered;
    entered.snapshot = snapshot;
    guide->onEnter(entered);
    // 下一条 ▶ is at the bottom right; while page 1 speaks, a tap there stops it.
    const Point next{1920 - theme.margin - 40, 1080 - theme.minTarget * 0.6f};
    const AppState turned = probe.frame(*guide, next, "guide:0");
    CHECK(turned.pendingSpeechStop);
    // Page 2 is shown now, and its own 朗读 reads it.
    const auto at = probe.find(*guide);
    REQUIRE(at);
    const AppState tapped = probe.frame(*guide, at);
    REQUIRE(tapped.pendingSpeech);
    CHECK(tapped.pendingSpeech->key == "guide:1");
}

TEST_CASE("without a voice, a 朗读 that plays a recording is still there, and only that one", "[screens][speech]")
{
    const content::LocalDateTime now = fixedNow(10, 15);
    content::Content withRecording = content::demoContent(now.date);
    REQUIRE(!withRecording.guide.empty());
    withRecording.guide[0].recording = "反诈提醒.wav";
    content::Recording recording;
    recording.name = "反诈提醒.wav";
    recording.durationMs = 4000;
    withRecording.recordings.push_back(recording);
    const auto snapshot = makeSnapshot(std::make_shared<const content::Content>(std::move(withRecording)), now);
    HeadlessDisplay display(1920, 1080);
    const Theme theme = Theme::make(1920, 1080, false);
    Fonts fonts;
    REQUIRE(fonts.build(display.atlas(), *display.files, theme, FontProfile::Interactive, glyphPlan(*snapshot)));
    SpeakProbe probe{theme, fonts, snapshot, 1920, 1080};
    probe.voice = false;
    for (auto& screen : makeAllScreens()) {
        AppState entered;
        entered.snapshot = snapshot;
        entered.now = now;
        screen->onEnter(entered);
        INFO("screen " << screenName(screen->id()));
        const auto at = probe.find(*screen);
        if (screen->id() != ScreenId::Guide) {
            // Its text would be silent: no button to tap.
            CHECK_FALSE(at);
            continue;
        }
        REQUIRE(at);
        const AppState tapped = probe.frame(*screen, at);
        REQUIRE(tapped.pendingSpeech);
        CHECK(tapped.pendingSpeech->key == "guide:0");
        CHECK(tapped.pendingSpeech->reading.hasRecording());
    }
}

TEST_CASE("a tile's name in 大字 is set smaller to keep clear of its edges, never shortened", "[screens]")
{
    DemoScreens demo(1920, 1080, true);
    ImFont* font = demo.fonts.heading;
    // A frame readies ImGui's shared drawing data for a draw list of our own.
    AppState state = screenState(demo.snapshot, demo.snapshot->at, ScreenId::Home, true);
    auto screens = makeAllScreens();
    drawOnce(state, *screens.front(), demo.theme, demo.fonts);
    const std::string name = "活动安排";
    const float wide = textWidth(font, name);
    const float pad = font->FontSize * 0.12f;
    // Where the glyphs of one call land: the left and right of the ink, and how many glyphs.
    struct Ink {
        float left = 1e9f, right = -1e9f;
        int glyphs = 0;
    };
    const auto draw = [&](float tileW) {
        ImDrawList list(ImGui::GetDrawListSharedData());
        list._ResetForNewFrame(); // its first command, as ImGui gives each window's list
        list.PushClipRectFullScreen();
        list.PushTextureID(font->ContainerAtlas->TexID);
        drawCenteredFit(&list, font, ImVec2(100, 100), ImVec2(100 + tileW, 180), pad, 0.9f, IM_COL32_WHITE, name);
        Ink ink;
        for (const ImDrawVert& v : list.VtxBuffer) {
            ink.left = std::min(ink.left, v.pos.x);
            ink.right = std::max(ink.right, v.pos.x);
        }
        ink.glyphs = list.VtxBuffer.Size / 4;
        return ink;
    };
    // Room to spare: the full size, centred.
    Ink ink = draw(wide + 4 * pad);
    CHECK(ink.glyphs == 4);
    CHECK(ink.right - ink.left > wide * 0.95f);
    // As wide as the name itself (大字 landscape): smaller, all four characters, clear of both edges.
    ink = draw(wide + pad);
    CHECK(ink.glyphs == 4);
    CHECK(ink.left >= 100 + pad - 1);
    CHECK(ink.right <= 100 + wide + 1);
    CHECK(ink.right - ink.left > wide * 0.85f);
    // Far too narrow even at 0.9: shortened with "…" as any line is (three glyphs and the dots).
    ink = draw(wide * 0.5f);
    CHECK(ink.right - ink.left < wide * 0.55f);
}

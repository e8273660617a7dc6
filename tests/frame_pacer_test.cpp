#include "platform/frame_pacer.h"

#include <catch2/catch.hpp>

using platform::FramePacer;
using namespace std::chrono_literals;

namespace {
// Draws frames for as long as the pacer asks (at most `limit`), each one `changed` or not as
// `picture` says for the frame's index; returns how many were drawn.
template <class Picture>
int drawWhileDue(FramePacer& pacer, FramePacer::Clock::time_point& t, Picture picture, int limit = 100)
{
    int frames = 0;
    while (frames < limit) {
        const int wait = pacer.waitMilliseconds(t);
        // Nothing due within the next seconds: the pacer has gone idle.
        if (wait >= 1000) break;
        t += std::chrono::milliseconds(wait);
        REQUIRE(pacer.frameDue(t));
        pacer.frameDrawn(t, picture(frames));
        ++frames;
    }
    return frames;
}
} // namespace

TEST_CASE("pacer: idle means no frames, a request one frame", "[pacer]")
{
    FramePacer pacer(16ms, 5000ms);
    auto t = FramePacer::Clock::time_point{} + 1h;
    pacer.frameDrawn(t); // the first frame
    CHECK_FALSE(pacer.frameDue(t + 10s));
    CHECK(pacer.waitMilliseconds(t) == 5000);
    pacer.requestNow();
    CHECK(drawWhileDue(pacer, t, [](int) { return true; }) == 1);
}

TEST_CASE("pacer: after input it draws until the picture stops changing", "[pacer]")
{
    FramePacer pacer(16ms, 5000ms);
    auto t = FramePacer::Clock::time_point{} + 1h;
    pacer.frameDrawn(t);

    SECTION("the result shows one frame later: input frame, result frame, one to see it is still")
    {
        pacer.requestSettle();
        // Frame 0 sees the tap (its picture changed: the pressed look is gone), frame 1 shows
        // the result, frame 2 draws the same picture: settled.
        CHECK(drawWhileDue(pacer, t, [](int i) { return i < 2; }) == 3);
        CHECK_FALSE(pacer.settling());
    }
    SECTION("a picture that did not change still gets the minimum frames")
    {
        // A panel opened at the very end of the input frame shows only in the next one.
        pacer.requestSettle();
        CHECK(drawWhileDue(pacer, t, [](int) { return false; }) == FramePacer::kMinSettleFrames);
    }
    SECTION("a layout that takes several frames to settle gets them")
    {
        pacer.requestSettle();
        CHECK(drawWhileDue(pacer, t, [](int i) { return i < 5; }) == 6);
    }
    SECTION("a picture that never settles stops at the cap")
    {
        pacer.requestSettle();
        CHECK(drawWhileDue(pacer, t, [](int) { return true; }) == FramePacer::kMaxSettleFrames);
        CHECK_FALSE(pacer.frameDue(t + 1s));
    }
    SECTION("settle frames are paced like animation frames")
    {
        pacer.requestSettle();
        CHECK(pacer.waitMilliseconds(t) == 0);
        pacer.frameDrawn(t, true);
        CHECK_FALSE(pacer.frameDue(t + 5ms));
        CHECK(pacer.waitMilliseconds(t + 5ms) == 11);
        CHECK(pacer.frameDue(t + 16ms));
    }
    SECTION("new input while settling starts the count again")
    {
        pacer.requestSettle();
        t += 16ms;
        pacer.frameDrawn(t, true);
        t += 16ms;
        pacer.frameDrawn(t, false); // would settle here
        pacer.requestSettle();
        CHECK(drawWhileDue(pacer, t, [](int) { return false; }) == FramePacer::kMinSettleFrames);
    }
}

TEST_CASE("pacer: a clock tick is one frame, deadlines still wake it", "[pacer]")
{
    FramePacer pacer(16ms, 5000ms);
    auto t = FramePacer::Clock::time_point{} + 1h;
    pacer.frameDrawn(t);
    pacer.requestAt(t + 60s);
    CHECK(pacer.waitMilliseconds(t) == 5000);
    CHECK_FALSE(pacer.frameDue(t + 59s));
    CHECK(pacer.frameDue(t + 60s));
    pacer.frameDrawn(t + 60s, true);
    CHECK_FALSE(pacer.frameDue(t + 70s));
}

TEST_CASE("pacer: unsettled frames may skip the screen, a few times per request, and the next comes at once", "[pacer]")
{
    FramePacer pacer(16ms, 5000ms);
    auto t = FramePacer::Clock::time_point{} + 1h;
    pacer.frameDrawn(t);
    CHECK_FALSE(pacer.mayDefer(true)); // no request: every changed frame reaches the screen

    pacer.requestSettle();
    CHECK_FALSE(pacer.mayDefer(false)); // a settled picture is shown
    CHECK_FALSE(pacer.mayDefer(true));  // ... and that ends the deferring until the next request

    pacer.requestSettle();
    int deferred = 0;
    while (pacer.mayDefer(true)) {
        ++deferred;
        pacer.frameDrawn(t, true, true);
        CHECK(pacer.waitMilliseconds(t) == 0); // due at once, not paced
    }
    CHECK(deferred == FramePacer::kMaxDeferredFrames);
    pacer.frameDrawn(t, true, false);
    CHECK_FALSE(pacer.frameDue(t + 1ms));
}

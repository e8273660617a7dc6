// Taps, drags and kinetic scrolling, and the idle timing — plain classes, no display.
#include "kiosk/idle_policy.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/touch.h"

#include <catch2/catch.hpp>

#include <string>

using namespace kiosk;

TEST_CASE("a tap fires on release near where the finger went down", "[touch]")
{
    TapTracker t(24);
    t.down({100, 100}, 0);
    CHECK(t.isPressing());
    t.move({110, 105});
    CHECK(t.isPressing());
    auto tap = t.up({110, 105});
    REQUIRE(tap);
    CHECK(tap->down.x == 100);
    CHECK(tap->up.x == 110);
    CHECK_FALSE(t.isDown());
}

TEST_CASE("a sliding finger never taps, even when it comes back", "[touch]")
{
    TapTracker t(24);
    t.down({100, 100}, 0);
    t.move({100, 160});
    CHECK(t.isDragging());
    CHECK_FALSE(t.isPressing());
    t.move({100, 101});
    CHECK(t.isDragging());
    CHECK_FALSE(t.up({100, 100}));
}

TEST_CASE("a cancelled gesture does not tap", "[touch]")
{
    TapTracker t(24);
    t.down({10, 10}, 0);
    t.cancel();
    CHECK_FALSE(t.isPressing());
    CHECK_FALSE(t.up({10, 10}));
    // The next gesture is fresh.
    t.down({10, 10}, 1);
    CHECK(t.up({12, 12}));
}

TEST_CASE("dragging moves content with the finger and clamps at the ends", "[scroll]")
{
    TouchScroller s;
    s.setBounds(3000, 1000);
    CHECK(s.maxOffset() == 2000);
    s.beginDrag(800, 0.0);
    s.dragTo(500, 0.1); // finger up 300 px: content scrolls down 300
    CHECK(s.offset() == Approx(300));
    s.dragTo(900, 0.2); // past the top
    CHECK(s.offset() == 0);
    s.dragTo(-5000, 0.3);
    CHECK(s.offset() == 2000);
}

TEST_CASE("a flick keeps moving, slows down and stops", "[scroll]")
{
    TouchScroller s;
    s.setBounds(100000, 1000);
    s.beginDrag(900, 0.00);
    for (int i = 1; i <= 6; ++i) s.dragTo(900 - i * 20.0f, i * 0.016);
    s.endDrag(6 * 0.016);
    CHECK(s.isMoving());
    CHECK(s.velocity() == Approx(1250).margin(20)); // 20 px per 16 ms
    const float released = s.offset();
    double t = 6 * 0.016;
    float lastVelocity = s.velocity();
    int frames = 0;
    while (s.update(t += 0.016)) {
        CHECK(s.velocity() < lastVelocity); // friction only slows it
        lastVelocity = s.velocity();
        REQUIRE(++frames < 1000);
    }
    CHECK_FALSE(s.isMoving());
    // Travel ≈ v·τ (exponential decay), give or take the stop threshold.
    CHECK(s.offset() - released == Approx(1250 * TouchScroller::kTimeConstant).margin(40));
}

TEST_CASE("momentum is frame-rate independent", "[scroll]")
{
    auto run = [](double step) {
        TouchScroller s;
        s.setBounds(100000, 1000);
        s.beginDrag(900, 0);
        s.dragTo(800, 0.05);
        s.endDrag(0.05);
        double t = 0.05;
        while (s.update(t += step)) {
        }
        return s.offset();
    };
    CHECK(run(1.0 / 60) == Approx(run(1.0 / 30)).margin(15));
}

TEST_CASE("a slow release or a pause before lifting has no momentum", "[scroll]")
{
    TouchScroller s;
    s.setBounds(5000, 1000);
    s.beginDrag(500, 0);
    s.dragTo(499, 0.5);
    s.endDrag(0.5);
    CHECK_FALSE(s.isMoving());
    s.beginDrag(500, 1.0);
    s.dragTo(300, 1.05);
    s.endDrag(1.5); // held still 450 ms before lifting
    CHECK_FALSE(s.isMoving());
}

TEST_CASE("momentum stops at the end of the list and a finger stops it", "[scroll]")
{
    TouchScroller s;
    s.setBounds(1200, 1000); // only 200 px to scroll
    s.beginDrag(900, 0);
    s.dragTo(850, 0.02);
    s.dragTo(800, 0.04);
    s.endDrag(0.04);
    double t = 0.04;
    while (s.update(t += 0.016)) {
    }
    CHECK(s.offset() == Approx(200));
    s.scrollTo(0);
    s.beginDrag(900, 10);
    s.dragTo(800, 10.03);
    s.endDrag(10.03);
    REQUIRE(s.isMoving());
    s.stop();
    CHECK_FALSE(s.isMoving());
    CHECK_FALSE(s.update(10.1));
}

TEST_CASE("idle: warning after 90 s, home after 20 more, attract 60 s later", "[idle]")
{
    IdleSettings settings;
    IdlePolicy idle(settings, 0);
    const int noon = 12 * 60;
    auto st = idle.evaluate(10, noon, false);
    CHECK(st.phase == IdlePhase::Active);
    CHECK(st.nextChange == Approx(90));
    st = idle.evaluate(90.5, noon, false);
    CHECK(st.phase == IdlePhase::Warning);
    CHECK(st.warningSecondsLeft == 20);
    st = idle.evaluate(105.2, noon, false);
    CHECK(st.warningSecondsLeft == 5);
    st = idle.evaluate(110, noon, false);
    CHECK(st.phase == IdlePhase::GoHome);
    idle.wentHome(110);
    st = idle.evaluate(150, noon, true);
    CHECK(st.phase == IdlePhase::Active);
    CHECK(st.nextChange == Approx(170));
    st = idle.evaluate(170, noon, true);
    CHECK(st.phase == IdlePhase::Attract);
    // The touch that wakes attract mode is swallowed.
    CHECK(idle.touched(200));
    CHECK(idle.phase() == IdlePhase::Active);
    CHECK_FALSE(idle.touched(201));
}

TEST_CASE("idle: a touch during the warning keeps reading", "[idle]")
{
    IdlePolicy idle({}, 0);
    CHECK(idle.evaluate(95, 600, false).phase == IdlePhase::Warning);
    CHECK(idle.touched(96)); // swallowed: dismisses the warning only
    CHECK(idle.evaluate(100, 600, false).phase == IdlePhase::Active);
    CHECK(idle.evaluate(186, 600, false).phase == IdlePhase::Warning);
}

TEST_CASE("idle: night hours dim instead of attract, and switch back in the morning", "[idle]")
{
    IdleSettings s;
    CHECK(inNightWindow(s, 23 * 60));
    CHECK(inNightWindow(s, 2 * 60));
    CHECK_FALSE(inNightWindow(s, 6 * 60));
    CHECK_FALSE(inNightWindow(s, 21 * 60 + 59));
    IdlePolicy idle(s, 0);
    CHECK(idle.evaluate(61, 23 * 60, true).phase == IdlePhase::Night);
    CHECK(idle.evaluate(5000, 23 * 60 + 30, true).phase == IdlePhase::Night);
    CHECK(idle.evaluate(9000, 6 * 60, true).phase == IdlePhase::Attract);
    CHECK(idle.touched(9001));
}

TEST_CASE("Chinese lines break between characters, never before closing punctuation", "[text]")
{
    auto advance = [](char32_t c) { return c < 0x80 ? 10.0f : 20.0f; };
    const std::string text = "先送小礼品，再讲课";
    auto lines = breakLines(text, 100, advance); // 5 CJK characters per line
    REQUIRE(lines.size() == 2);
    // "，" may not start a line: it goes down with 品 instead.
    CHECK(text.substr(lines[0].begin, lines[0].end - lines[0].begin) == "先送小礼");
    CHECK(text.substr(lines[1].begin, lines[1].end - lines[1].begin) == "品，再讲课");
    // Phone numbers and times stay whole.
    const std::string phone = "请打0353-5550101问问";
    lines = breakLines(phone, 150, advance);
    bool whole = false;
    for (const auto& l : lines)
        if (phone.substr(l.begin, l.end - l.begin).find("0353-5550101") != std::string::npos) whole = true;
    CHECK(whole);
    // Explicit line breaks are kept.
    CHECK(breakLines("一\n二", 1000, advance).size() == 2);
    // A date's 日 stays with its number: "检修中6月4" would end the line, with "日上午" below.
    const std::string date = "管道检修中6月4日上午";
    lines = breakLines(date, 140, advance); // "管道检修中6月4" is 140 wide
    REQUIRE(lines.size() == 2);
    CHECK(date.substr(lines[1].begin, lines[1].end - lines[1].begin) == "4日上午");
    // Other characters after a number still break there. (With a comma for 中, the line would end
    // at the comma instead: line_break_test.)
    const std::string other = "管道检修中6月4楼上午";
    lines = breakLines(other, 140, advance);
    REQUIRE(lines.size() == 2);
    CHECK(other.substr(lines[1].begin, lines[1].end - lines[1].begin) == "楼上午");
}

TEST_CASE("a greeting shortened to one line keeps whole sentences, never a cut one", "[text]")
{
    auto advance = [](char32_t c) { return c < 0x80 ? 10.0f : 20.0f; };
    const std::string welcome = "叔叔阿姨好！欢迎来到服务站。有事就找我们";
    // 6 characters (120) hold the first sentence, 14 (280) the second too.
    CHECK(leadingSentences(welcome, 120, advance) == "叔叔阿姨好！");
    CHECK(leadingSentences(welcome, 279, advance) == "叔叔阿姨好！");
    CHECK(leadingSentences(welcome, 280, advance) == "叔叔阿姨好！欢迎来到服务站。");
    // The last sentence needs no full stop when the whole text fits.
    CHECK(leadingSentences(welcome, 1000, advance) == welcome);
    CHECK(leadingSentences(welcome, 119, advance).empty());
    CHECK(leadingSentences("一二三\n四五六。", 1000, advance).empty());
    CHECK(leadingSentences("", 100, advance).empty());
}

TEST_CASE("pointer queue: a press and a release between two frames reach two frames, in order", "[touch]")
{
    using K = PointerEvent::Kind;
    PointerQueue q;
    q.push({K::Down, {10, 10}, 1.0});
    q.push({K::Up, {11, 10}, 1.01});
    auto first = q.takeFrame();
    REQUIRE(first.size() == 1);
    CHECK(first[0].kind == K::Down);
    auto second = q.takeFrame();
    REQUIRE(second.size() == 1);
    CHECK(second[0].kind == K::Up);
    CHECK(second[0].pos.x == 11);
    CHECK(q.takeFrame().empty());
}

TEST_CASE("pointer queue: taps queued behind one another each get their frames", "[touch]")
{
    using K = PointerEvent::Kind;
    PointerQueue q;
    TapTracker tracker;
    for (int i = 0; i < 3; ++i) {
        q.push({K::Down, {100.0f * i, 50}, i * 0.01});
        q.push({K::Up, {100.0f * i, 50}, i * 0.01 + 0.005});
    }
    std::vector<float> taps;
    int frames = 0;
    while (!q.empty()) {
        ++frames;
        int transitions = 0;
        for (const PointerEvent& e : q.takeFrame()) {
            if (e.kind == K::Down) tracker.down(e.pos, e.time), ++transitions;
            if (e.kind == K::Move) tracker.move(e.pos);
            if (e.kind == K::Up) {
                ++transitions;
                if (auto tap = tracker.up(e.pos)) taps.push_back(tap->down.x);
            }
        }
        CHECK(transitions == 1);
    }
    CHECK(frames == 6);
    CHECK(taps == std::vector<float>{0, 100, 200});
}

TEST_CASE("pointer queue: moves between presses collapse to the latest, and ride with the next press", "[touch]")
{
    using K = PointerEvent::Kind;
    PointerQueue q;
    q.push({K::Down, {0, 0}, 0});
    for (int i = 1; i <= 5; ++i) q.push({K::Move, {0, 10.0f * i}, i * 0.016});
    q.push({K::Up, {0, 60}, 0.1});
    CHECK(q.size() == 3);
    CHECK(q.takeFrame().size() == 1); // the press
    auto rest = q.takeFrame();        // the last move and the release
    REQUIRE(rest.size() == 2);
    CHECK(rest[0].kind == K::Move);
    CHECK(rest[0].pos.y == 50);
    CHECK(rest[1].kind == K::Up);
}

TEST_CASE("forgiving targets: a tap in a gap presses the nearest target, never both", "[touch]")
{
    // Two PIN keys of 120 px with a 24 px gap, a third one row below.
    const std::vector<HitRect> keys = {{{0, 0}, {120, 120}}, {{144, 0}, {264, 120}}, {{0, 144}, {120, 264}}};
    const float reach = 30;
    auto pressed = [&](Point p) {
        const Point at = resolveTap(p, keys, reach);
        int hit = -1, count = 0;
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i].contains(at)) hit = static_cast<int>(i), ++count;
        REQUIRE(count <= 1);
        return hit;
    };
    CHECK(pressed({60, 60}) == 0);    // inside: itself
    CHECK(pressed({125, 60}) == 0);   // in the gap, nearer the left key
    CHECK(pressed({140, 60}) == 1);   // in the gap, nearer the right key
    CHECK(pressed({60, 130}) == 0);   // in the gap between rows, nearer the top
    CHECK(pressed({60, 140}) == 2);   // nearer the bottom
    CHECK(pressed({-20, 60}) == 0);   // a few millimetres outside the left edge
    CHECK(pressed({-40, 60}) == -1);  // beyond reach: nothing
    CHECK(pressed({200, 200}) == -1); // far from every key (the corner gap is 80 px from key 1)
    // Every point of the gap between two keys goes to exactly one of them.
    for (float x = 120; x < 144; x += 0.5f) CHECK(pressed({x, 60}) >= 0);
}

TEST_CASE("forgiving targets: the tap moves onto the target, inside it", "[touch]")
{
    const std::vector<HitRect> one = {{{100, 100}, {200, 150}}};
    const Point at = resolveTap({210, 175}, one, 40);
    CHECK(one[0].contains(at));
    CHECK(at.x == Approx(199.5f));
    CHECK(at.y == Approx(149.5f));
    CHECK(resolveTap({210, 175}, {}, 40).x == 210); // no targets: unchanged
}

TEST_CASE("a double tap by habit presses once; taps on other targets always count", "[touch]")
{
    const HitRect big{{1700, 20}, {1860, 130}};    // 大字
    const HitRect bigger{{1650, 20}, {1860, 150}}; // 大字 after switching on (larger)
    RepeatTapFilter f(0.4);
    CHECK(f.accept({1780, 75}, big, 10.0));
    CHECK_FALSE(f.accept({1782, 77}, bigger, 10.25)); // the second tap of a double tap
    CHECK(f.accept({1780, 75}, bigger, 10.7));        // a deliberate tap later counts

    // PIN keys 250 ms apart, each a different key: all count, the same key twice within 400 ms not.
    RepeatTapFilter pin(0.4);
    const HitRect k1{{0, 0}, {120, 120}}, k2{{144, 0}, {264, 120}};
    CHECK(pin.accept({60, 60}, k1, 1.0));
    CHECK(pin.accept({200, 60}, k2, 1.25));
    CHECK(pin.accept({60, 60}, k1, 1.5));
    CHECK_FALSE(pin.accept({60, 60}, k1, 1.75));

    // Taps on no target (the station name's five staff taps) are never dropped.
    RepeatTapFilter none(0.4);
    for (int i = 0; i < 5; ++i) CHECK(none.accept({200, 75}, std::nullopt, 1.0 + i * 0.1));
}

TEST_CASE("two fingers or a palm press nothing", "[touch]")
{
    using K = PointerEvent::Kind;
    FingerGesture g;
    SECTION("one finger: down, move, up")
    {
        CHECK(g.down(7, {10, 10}, 0)->kind == K::Down);
        CHECK(g.move(7, {12, 10}, 0.01)->kind == K::Move);
        CHECK(g.up(7, {12, 10}, 0.02)->kind == K::Up);
        CHECK_FALSE(g.active());
    }
    SECTION("a second finger cancels the gesture until every finger is up")
    {
        CHECK(g.down(1, {10, 10}, 0)->kind == K::Down);
        CHECK(g.down(2, {300, 10}, 0.05)->kind == K::Cancel);
        CHECK_FALSE(g.down(3, {500, 10}, 0.06)); // a palm: more fingers, nothing more
        CHECK_FALSE(g.move(1, {11, 10}, 0.07));
        CHECK_FALSE(g.up(1, {11, 10}, 0.1)); // no release, so no tap
        CHECK_FALSE(g.up(2, {300, 10}, 0.1));
        CHECK(g.active());
        CHECK_FALSE(g.down(4, {20, 20}, 0.12)); // still one on the glass: no new gesture
        CHECK_FALSE(g.up(3, {500, 10}, 0.13));
        CHECK_FALSE(g.up(4, {20, 20}, 0.14));
        CHECK_FALSE(g.active());
        CHECK(g.down(5, {10, 10}, 0.5)->kind == K::Down); // the next touch works again
    }
    SECTION("a cancelled tap never reaches the tracker as a tap")
    {
        TapTracker t;
        auto e = g.down(1, {10, 10}, 0);
        t.down(e->pos, e->time);
        e = g.down(2, {300, 10}, 0.05);
        REQUIRE(e->kind == K::Cancel);
        t.cancel();
        CHECK_FALSE(t.up({10, 10}));
    }
}

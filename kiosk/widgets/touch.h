#pragma once
// Touch input as plain classes (no SDL, no ImGui), unit-tested in tests/touch_test.cpp.
//
// TapTracker turns one pointer's down/move/up into taps and drags: a tap fires on release, and
// only if the finger stayed within `slop` of where it went down — a finger sliding to scroll
// never presses what is under it. TouchScroller is drag-to-scroll with kinetic momentum.
#include <cstddef>
#include <deque>
#include <optional>
#include <vector>

namespace kiosk {

struct Point {
    float x = 0, y = 0;
};

struct Tap {
    Point down; // where the finger went down
    Point up;   // where it was lifted (within slop of down)
};

class TapTracker {
public:
    explicit TapTracker(float slop = 24) : m_slop(slop) {}
    void setSlop(float slop) { m_slop = slop; }

    void down(Point p, double time);
    void move(Point p);
    // Ends the gesture; a tap when the finger never left the slop circle.
    std::optional<Tap> up(Point p);
    // The gesture is abandoned (window lost focus, second finger, screen changed).
    void cancel();

    bool isDown() const { return m_down; }
    // True once the finger has moved beyond the slop: the gesture is a drag from now on.
    bool isDragging() const { return m_down && m_dragging; }
    // Down and not (yet) dragging: targets under downPos() show their pressed look.
    bool isPressing() const { return m_down && !m_dragging && !m_cancelled; }
    Point downPos() const { return m_downPos; }
    Point position() const { return m_pos; }
    double downTime() const { return m_downTime; }

private:
    float m_slop;
    bool m_down = false;
    bool m_dragging = false;
    bool m_cancelled = false;
    Point m_downPos;
    Point m_pos;
    double m_downTime = 0;
};

// One pointer event as it arrived from the window system (time: monotonic seconds).
struct PointerEvent {
    // Cancel: the gesture is abandoned (a second finger, a palm); it ends without a tap.
    enum class Kind { Down, Move, Up, Cancel };
    Kind kind = Kind::Move;
    Point pos;
    double time = 0;
};

// Pointer events waiting for frames. An immediate-mode UI sees input once per frame, so a press
// and a release that arrive between two frames must reach it in two frames, in order, and taps
// queued behind one another must each get a frame of their own: takeFrame() hands out at most
// one press or release per frame (with the moves before it).
class PointerQueue {
public:
    // Moves that follow a move replace it (only the latest position matters between presses).
    void push(PointerEvent event);
    // The events for the next frame: the moves up to and including the first press or
    // release, or all the moves when there is neither. Empty when nothing is queued.
    std::vector<PointerEvent> takeFrame();
    bool empty() const { return m_events.empty(); }
    std::size_t size() const { return m_events.size(); }
    void clear() { m_events.clear(); }

private:
    std::deque<PointerEvent> m_events;
};

// Several fingers into one pointer. The first finger down is the pointer; a second finger on
// the glass while it is down (two fingers, a palm, a sleeve) cancels the gesture, and nothing is
// pressed until every finger has left. Finger ids as SDL reports them.
class FingerGesture {
public:
    // The pointer events (none or one) each finger event makes.
    std::optional<PointerEvent> down(long long finger, Point p, double time);
    std::optional<PointerEvent> move(long long finger, Point p, double time);
    std::optional<PointerEvent> up(long long finger, Point p, double time);
    bool active() const { return !m_fingers.empty(); }

private:
    std::vector<long long> m_fingers; // on the glass now
    long long m_pointer = -1;         // the finger that is the pointer
    bool m_cancelled = false;
};

// A rectangle a tap can press, as drawn in the last frame (screen pixels, max exclusive).
struct HitRect {
    Point min, max;
    bool contains(Point p) const { return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y; }
};

// Forgiving hit areas: where a tap at `p` presses. Inside a target: `p` itself. Outside all of
// them: the nearest point inside the nearest target when that is at most `reach` away (a finger
// in the gap between two buttons, or just beside one), else `p` (nothing is pressed). Each point
// of a gap goes to the one target nearest to it, so the grown areas never overlap.
Point resolveTap(Point p, const std::vector<HitRect>& targets, float reach);

// Older visitors double-tap by habit: a second tap inside the target tapped last, within
// `window` seconds, is dropped (大字 must not switch on and off again; 下一条 must not skip two).
// A tap elsewhere (the next PIN key) always counts, and so does a tap on no target.
class RepeatTapFilter {
public:
    explicit RepeatTapFilter(double window = 0.4) : m_window(window) {}
    // `target`: the rectangle the tap presses (nullopt: none). True when the tap counts.
    bool accept(Point p, std::optional<HitRect> target, double time);

private:
    double m_window;
    std::optional<HitRect> m_last; // the last counted tap's target
    double m_lastTime = -1e9;
};

// Vertical drag-to-scroll with momentum. Offsets are in pixels, 0 at the top; time in seconds.
class TouchScroller {
public:
    // Content taller than the view can scroll by (content - view); the offset is clamped.
    void setBounds(float contentHeight, float viewHeight);
    float maxOffset() const { return m_max; }
    float offset() const { return m_offset; }
    void scrollTo(float offset);
    void reset();

    // The finger position (screen y) while it drags the content.
    void beginDrag(float pointerY, double time);
    void dragTo(float pointerY, double time);
    // Lifting the finger: momentum continues from the recent drag velocity.
    void endDrag(double time);
    // A finger landing on a moving list stops it (and that touch is not a tap).
    void stop();

    // Advances momentum to `time`. Returns true while still moving.
    bool update(double time);
    bool isDragging() const { return m_dragging; }
    bool isMoving() const { return !m_dragging && m_velocity != 0; }
    float velocity() const { return m_velocity; } // px/s, positive scrolls content up

    // Tuning (public for tests): velocity decays as exp(-t / timeConstant).
    static constexpr double kTimeConstant = 0.35;
    static constexpr float kStopSpeed = 30;        // px/s below which momentum ends
    static constexpr float kMaxSpeed = 6000;       // px/s cap for a wild flick
    static constexpr double kVelocityWindow = 0.1; // s of recent samples for release velocity

private:
    void clamp();
    struct Sample {
        float y = 0;
        double time = 0;
    };
    static constexpr std::size_t kSamples = 8;
    Sample m_samples[kSamples];
    std::size_t m_sampleCount = 0;
    std::size_t m_sampleNext = 0;

    float m_offset = 0;
    float m_max = 0;
    bool m_dragging = false;
    float m_dragStartOffset = 0;
    float m_dragStartY = 0;
    float m_velocity = 0;
    double m_lastTime = 0;
};

} // namespace kiosk

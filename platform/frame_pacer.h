#pragma once
// Decides when the next frame is due, so the loop can sleep in SDL_WaitEventTimeout instead of
// spinning: input and new content draw at once, animations at most every `minFrameInterval`,
// clock ticks at their deadline; nothing due means an (almost) unbounded wait.
//
// An immediate-mode UI shows the result of an input one or two frames after the frame that saw
// it (a tab drawn before its tap is handled, a panel opened at the end of a frame). So input,
// state changes and screens' requests ask to *settle*: draw now, then at least
// kMinSettleFrames - 1 more frames, and on while each frame's picture still differs from the one
// before (at most kMaxSettleFrames), paced like an animation; then idle again. This is
// hello_imgui's FpsIdling idea with "the picture stopped changing" as the end instead of a timer.
//
// The frames of one settle run need not all reach the screen: a frame whose picture is about to
// be replaced (it differs from the frame before, or more input waits) may skip rasterising
// (mayDefer) and the next frame follows at once, so a tap costs a few cheap layout passes and
// one rasterised frame, not three.
#include <algorithm>
#include <chrono>
#include <optional>

namespace platform {

class FramePacer {
public:
    using Clock = std::chrono::steady_clock;
    using Duration = std::chrono::milliseconds;

    // Frames drawn after a settle request, whatever they show: the one that sees the input
    // and the one that shows its result.
    static constexpr int kMinSettleFrames = 2;
    // A picture that never stops changing (a running countdown, say) ends the settling here.
    static constexpr int kMaxSettleFrames = 12;
    // Frames after a settle request that may skip the screen while the picture still changes.
    static constexpr int kMaxDeferredFrames = 3;

    // Animations are paced to ~60 Hz even without vsync (Xvfb, llvmpipe).
    explicit FramePacer(Duration minFrameInterval = Duration(16), Duration maxWait = Duration(5000))
        : m_minFrameInterval(minFrameInterval), m_maxWait(maxWait)
    {
    }

    // Something changed that one frame shows completely (a new minute's snapshot, an expose):
    // draw as soon as possible.
    void requestNow() { m_now = true; }
    // Input, a state change or a screen's request: draw now, then until the UI has settled.
    void requestSettle()
    {
        m_now = true;
        m_settleMust = kMinSettleFrames;
        m_settleBudget = kMaxSettleFrames;
        m_deferBudget = kMaxDeferredFrames;
    }
    // Whether the frame just laid out may skip rasterising because the next one will replace it
    // at once (`unsettled`: its picture differs from the previous frame's, or more input waits).
    // True at most kMaxDeferredFrames times after a settle request (pass it on to frameDrawn, so
    // the next frame is due immediately); a frame that reaches the screen ends the deferring
    // until the next request.
    bool mayDefer(bool unsettled)
    {
        if (!unsettled || m_deferBudget <= 0) {
            m_deferBudget = 0;
            return false;
        }
        --m_deferBudget;
        return true;
    }
    // An animation wants the next frame (paced by minFrameInterval after the last one).
    void requestAnimationFrame() { m_animating = true; }
    // A deadline (minute tick, idle timeout, slide change): draw at `when`.
    void requestAt(Clock::time_point when)
    {
        if (!m_deadline || when < *m_deadline) m_deadline = when;
    }

    // Still drawing the frames after an input or a change.
    bool settling() const { return m_settleBudget > 0; }

    bool frameDue(Clock::time_point now) const
    {
        if (m_now || m_deferred) return true;
        if ((m_animating || settling()) && now >= m_lastFrame + m_minFrameInterval) return true;
        return m_deadline && now >= *m_deadline;
    }

    // Milliseconds to wait for events before the next frame is due (0 = due now).
    // Capped at maxWait so a lost wake-up (e.g. a signal taken by another thread) is noticed.
    int waitMilliseconds(Clock::time_point now) const
    {
        if (frameDue(now)) return 0;
        Clock::time_point next = now + m_maxWait;
        if (m_animating || settling()) next = std::min(next, m_lastFrame + m_minFrameInterval);
        if (m_deadline) next = std::min(next, *m_deadline);
        auto ms = std::chrono::duration_cast<Duration>(next - now).count();
        return static_cast<int>(std::max<long long>(1, ms));
    }

    // Call after drawing: clears the requests that frame satisfied. `changed`: the frame's
    // picture differs from the previous frame's (or the frame asked for more); an unchanged
    // picture after the minimum frames means the UI has settled. `deferred`: the frame skipped
    // the screen (mayDefer), so the next one is due at once.
    void frameDrawn(Clock::time_point now, bool changed = true, bool deferred = false)
    {
        m_lastFrame = now;
        m_now = false;
        m_deferred = deferred;
        m_animating = false;
        m_deadline.reset();
        if (m_settleBudget > 0) {
            --m_settleBudget;
            if (m_settleMust > 0) --m_settleMust;
            if (m_settleMust == 0 && !changed) m_settleBudget = 0;
        }
    }

private:
    Duration m_minFrameInterval;
    Duration m_maxWait;
    Clock::time_point m_lastFrame{};
    bool m_now = true;
    bool m_animating = false;
    bool m_deferred = false; // the last frame skipped the screen: the next one is due now
    int m_deferBudget = 0;   // frames that may still skip the screen
    int m_settleMust = 0;    // frames still drawn whatever they show
    int m_settleBudget = 0;  // frames left before settling gives up (0: not settling)
    std::optional<Clock::time_point> m_deadline;
};

} // namespace platform

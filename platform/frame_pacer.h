#pragma once
// Decides when the next frame is due, so the loop can sleep in SDL_WaitEventTimeout instead of
// spinning: input and new content draw at once, animations at most every `minFrameInterval`,
// clock ticks at their deadline; nothing due means an (almost) unbounded wait.
#include <algorithm>
#include <chrono>
#include <optional>

namespace platform {

class FramePacer {
public:
    using Clock = std::chrono::steady_clock;
    using Duration = std::chrono::milliseconds;

    // Animations are paced to ~60 Hz even without vsync (Xvfb, llvmpipe).
    explicit FramePacer(Duration minFrameInterval = Duration(16), Duration maxWait = Duration(5000))
        : m_minFrameInterval(minFrameInterval), m_maxWait(maxWait)
    {
    }

    // Something changed (input, a new snapshot): draw as soon as possible.
    void requestNow() { m_now = true; }
    // An animation wants the next frame (paced by minFrameInterval after the last one).
    void requestAnimationFrame() { m_animating = true; }
    // A deadline (minute tick, idle timeout, slide change): draw at `when`.
    void requestAt(Clock::time_point when)
    {
        if (!m_deadline || when < *m_deadline) m_deadline = when;
    }

    bool frameDue(Clock::time_point now) const
    {
        if (m_now) return true;
        if (m_animating && now >= m_lastFrame + m_minFrameInterval) return true;
        return m_deadline && now >= *m_deadline;
    }

    // Milliseconds to wait for events before the next frame is due (0 = due now).
    // Capped at maxWait so a lost wake-up (e.g. a signal taken by another thread) is noticed.
    int waitMilliseconds(Clock::time_point now) const
    {
        if (frameDue(now)) return 0;
        Clock::time_point next = now + m_maxWait;
        if (m_animating) next = std::min(next, m_lastFrame + m_minFrameInterval);
        if (m_deadline) next = std::min(next, *m_deadline);
        auto ms = std::chrono::duration_cast<Duration>(next - now).count();
        return static_cast<int>(std::max<long long>(1, ms));
    }

    // Call after drawing: clears the requests that frame satisfied.
    void frameDrawn(Clock::time_point now)
    {
        m_lastFrame = now;
        m_now = false;
        m_animating = false;
        m_deadline.reset();
    }

private:
    Duration m_minFrameInterval;
    Duration m_maxWait;
    Clock::time_point m_lastFrame{};
    bool m_now = true;
    bool m_animating = false;
    std::optional<Clock::time_point> m_deadline;
};

} // namespace platform

#include "kiosk/widgets/touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

void TapTracker::down(Point p, double time)
{
    m_down = true;
    m_dragging = false;
    m_cancelled = false;
    m_downPos = p;
    m_pos = p;
    m_downTime = time;
}

void TapTracker::move(Point p)
{
    if (!m_down) return;
    m_pos = p;
    const float dx = p.x - m_downPos.x, dy = p.y - m_downPos.y;
    // Once a drag, always a drag: coming back near the start does not turn it into a tap.
    if (dx * dx + dy * dy > m_slop * m_slop) m_dragging = true;
}

std::optional<Tap> TapTracker::up(Point p)
{
    if (!m_down) return std::nullopt;
    move(p);
    const bool wasTap = !m_dragging && !m_cancelled;
    m_down = false;
    m_dragging = false;
    if (!wasTap) return std::nullopt;
    return Tap{m_downPos, p};
}

void TapTracker::cancel()
{
    m_cancelled = true;
}

void PointerQueue::push(PointerEvent event)
{
    if (event.kind == PointerEvent::Kind::Move && !m_events.empty() &&
        m_events.back().kind == PointerEvent::Kind::Move) {
        m_events.back() = event;
        return;
    }
    m_events.push_back(event);
}

std::vector<PointerEvent> PointerQueue::takeFrame()
{
    std::vector<PointerEvent> out;
    while (!m_events.empty()) {
        out.push_back(m_events.front());
        m_events.pop_front();
        if (out.back().kind != PointerEvent::Kind::Move) break;
    }
    return out;
}

std::optional<PointerEvent> FingerGesture::down(long long finger, Point p, double time)
{
    m_fingers.push_back(finger);
    if (m_fingers.size() == 1) {
        m_pointer = finger;
        m_cancelled = false;
        return PointerEvent{PointerEvent::Kind::Down, p, time};
    }
    if (m_cancelled) return std::nullopt;
    m_cancelled = true;
    return PointerEvent{PointerEvent::Kind::Cancel, p, time};
}

std::optional<PointerEvent> FingerGesture::move(long long finger, Point p, double time)
{
    if (finger != m_pointer || m_cancelled) return std::nullopt;
    return PointerEvent{PointerEvent::Kind::Move, p, time};
}

std::optional<PointerEvent> FingerGesture::up(long long finger, Point p, double time)
{
    const auto it = std::find(m_fingers.begin(), m_fingers.end(), finger);
    if (it == m_fingers.end()) return std::nullopt;
    m_fingers.erase(it);
    std::optional<PointerEvent> out;
    if (finger == m_pointer && !m_cancelled) out = PointerEvent{PointerEvent::Kind::Up, p, time};
    if (finger == m_pointer) m_pointer = -1;
    if (m_fingers.empty()) m_cancelled = false;
    return out;
}

Point resolveTap(Point p, const std::vector<HitRect>& targets, float reach)
{
    float best = reach * reach;
    std::optional<Point> nearest;
    for (const HitRect& t : targets) {
        if (t.max.x <= t.min.x || t.max.y <= t.min.y) continue;
        if (t.contains(p)) return p;
        // The nearest point of the target (max is exclusive: stay half a pixel inside).
        const Point q{std::clamp(p.x, t.min.x, t.max.x - 0.5f), std::clamp(p.y, t.min.y, t.max.y - 0.5f)};
        const float d = (q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y);
        if (d <= best) {
            best = d;
            nearest = q;
        }
    }
    return nearest.value_or(p);
}

bool RepeatTapFilter::accept(Point p, std::optional<HitRect> target, double time)
{
    // A tap on no target presses nothing anyway (and the station name's five staff taps are
    // not a target): it always counts.
    if (target && m_last && time - m_lastTime < m_window && m_last->contains(p)) return false;
    // The target as it is now: a second tap inside it is the same target even if the first tap
    // moved or resized it (大字).
    m_last = target;
    m_lastTime = time;
    return true;
}

void TouchScroller::setBounds(float contentHeight, float viewHeight)
{
    m_max = std::max(0.0f, contentHeight - viewHeight);
    clamp();
}

void TouchScroller::scrollTo(float offset)
{
    m_offset = offset;
    m_velocity = 0;
    clamp();
}

void TouchScroller::reset()
{
    m_offset = 0;
    m_velocity = 0;
    m_dragging = false;
    m_sampleCount = 0;
}

void TouchScroller::beginDrag(float pointerY, double time)
{
    m_dragging = true;
    m_velocity = 0;
    m_dragStartOffset = m_offset;
    m_dragStartY = pointerY;
    m_sampleCount = 0;
    m_sampleNext = 0;
    m_samples[m_sampleNext] = {pointerY, time};
    m_sampleNext = (m_sampleNext + 1) % kSamples;
    m_sampleCount = 1;
    m_lastTime = time;
}

void TouchScroller::dragTo(float pointerY, double time)
{
    if (!m_dragging) return;
    // Content follows the finger: moving the finger up (smaller y) scrolls further down.
    m_offset = m_dragStartOffset + (m_dragStartY - pointerY);
    clamp();
    m_samples[m_sampleNext] = {pointerY, time};
    m_sampleNext = (m_sampleNext + 1) % kSamples;
    m_sampleCount = std::min(m_sampleCount + 1, kSamples);
    m_lastTime = time;
}

void TouchScroller::endDrag(double time)
{
    if (!m_dragging) return;
    m_dragging = false;
    m_velocity = 0;
    // Velocity from the oldest sample still within the window to the newest one; a finger
    // that paused before lifting has no recent movement and so no momentum.
    const std::size_t newest = (m_sampleNext + kSamples - 1) % kSamples;
    const Sample last = m_samples[newest];
    if (time - last.time > kVelocityWindow) return;
    Sample first = last;
    for (std::size_t i = 1; i < m_sampleCount; ++i) {
        const Sample s = m_samples[(newest + kSamples - i) % kSamples];
        if (time - s.time > kVelocityWindow) break;
        first = s;
    }
    const double dt = last.time - first.time;
    if (dt <= 1e-3) return;
    float v = static_cast<float>((first.y - last.y) / dt);
    v = std::clamp(v, -kMaxSpeed, kMaxSpeed);
    if (std::fabs(v) < kStopSpeed) return;
    // No momentum into a wall.
    if ((v > 0 && m_offset >= m_max) || (v < 0 && m_offset <= 0)) return;
    m_velocity = v;
    m_lastTime = time;
}

void TouchScroller::stop()
{
    m_velocity = 0;
}

bool TouchScroller::update(double time)
{
    if (m_dragging || m_velocity == 0) {
        m_lastTime = time;
        return false;
    }
    const double dt = std::max(0.0, time - m_lastTime);
    m_lastTime = time;
    // Exact integral of v(t) = v0·e^(−t/τ) over dt, so the distance does not depend on frame rate.
    const double decay = std::exp(-dt / kTimeConstant);
    m_offset += static_cast<float>(m_velocity * kTimeConstant * (1.0 - decay));
    m_velocity = static_cast<float>(m_velocity * decay);
    if (m_offset <= 0 || m_offset >= m_max) m_velocity = 0; // reached an end: stop there
    clamp();
    if (std::fabs(m_velocity) < kStopSpeed) m_velocity = 0;
    return m_velocity != 0;
}

void TouchScroller::clamp()
{
    m_offset = std::clamp(m_offset, 0.0f, m_max);
}

} // namespace kiosk

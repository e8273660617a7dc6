// App, pointer and finger input: SDL mouse and finger events into the pointer queue, each
// frame's share of it into the tap tracker (one press or release per frame), and the tracker
// into the frame's FrameInput.
#include "kiosk/app.h"

#include "platform/window.h"

#include <SDL.h>

namespace kiosk {

bool App::pointerEvent(const void* raw)
{
    const SDL_Event& e = *static_cast<const SDL_Event*>(raw);
    const float W = static_cast<float>(m_window->width()), H = static_cast<float>(m_window->height());
    switch (e.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        // A finger while the mouse is down (or the mouse while a finger is) is ignored.
        if (m_mouseDown) break;
        const long long id = static_cast<long long>(e.tfinger.fingerId);
        const Point p{e.tfinger.x * W, e.tfinger.y * H};
        const double t = monotonicSeconds();
        const auto out = e.type == SDL_FINGERDOWN     ? m_fingers.down(id, p, t)
                         : e.type == SDL_FINGERMOTION ? m_fingers.move(id, p, t)
                                                      : m_fingers.up(id, p, t);
        if (out) queuePointer(out->kind, out->pos);
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
        // Touch screens that also send synthetic mouse events would press twice.
        if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT || m_fingers.active()) break;
        m_mouseDown = true;
        queuePointer(PointerEvent::Kind::Down, {static_cast<float>(e.button.x), static_cast<float>(e.button.y)});
        break;
    case SDL_MOUSEMOTION:
        if (m_mouseDown && e.motion.which != SDL_TOUCH_MOUSEID)
            queuePointer(PointerEvent::Kind::Move, {static_cast<float>(e.motion.x), static_cast<float>(e.motion.y)});
        break;
    case SDL_MOUSEBUTTONUP:
        if (m_mouseDown && e.button.button == SDL_BUTTON_LEFT && e.button.which != SDL_TOUCH_MOUSEID) {
            m_mouseDown = false;
            queuePointer(PointerEvent::Kind::Up, {static_cast<float>(e.button.x), static_cast<float>(e.button.y)});
        }
        break;
    default:
        return false;
    }
    return true;
}

void App::queuePointer(PointerEvent::Kind kind, Point p)
{
    m_pointerEvents.push({kind, p, monotonicSeconds()});
    // A press or a release changes what is drawn; a move only while the finger is down (the
    // frames of a still finger draw the same picture and are not rasterised).
    if (kind != PointerEvent::Kind::Move)
        m_pacer.requestSettle();
    else
        m_pacer.requestNow();
}

void App::takeInput()
{
    for (const PointerEvent& e : m_pointerEvents.takeFrame()) {
        switch (e.kind) {
        case PointerEvent::Kind::Down:
            pointerDown(e.pos, e.time);
            break;
        case PointerEvent::Kind::Move:
            pointerMove(e.pos);
            break;
        case PointerEvent::Kind::Up:
            pointerUp(e.pos, e.time);
            break;
        case PointerEvent::Kind::Cancel:
            // Two fingers or a palm: the gesture ends here and presses nothing.
            if (m_tracker.isDown()) {
                m_tracker.cancel();
                m_tracker.up(m_tracker.position());
                m_swallowGesture = false;
                m_released = true;
            }
            break;
        }
    }
}

void App::pointerDown(Point p, double time)
{
    // A touch that wakes attract/night mode or dismisses the warning does nothing else.
    const IdlePhase before = m_idle.phase();
    if (m_config.screen.screenshotPath.empty() && m_idle.touched(time)) {
        m_swallowGesture = true;
        if (before == IdlePhase::Attract || before == IdlePhase::Night) switchTo(ScreenId::Home);
        m_state.idle = IdleStatus{};
    }
    m_tracker.down(p, time);
    if (m_swallowGesture) m_tracker.cancel();
    m_justPressed = true;
    m_pacer.requestSettle();
}

void App::pointerMove(Point p)
{
    if (!m_tracker.isDown()) return;
    m_tracker.move(p);
}

void App::pointerUp(Point p, double time)
{
    if (!m_tracker.isDown()) return;
    m_idle.touched(time);
    auto tap = m_tracker.up(p);
    // One release per frame (PointerQueue), so there is never an earlier tap waiting here.
    if (tap && !m_swallowGesture) m_tap = tap;
    m_swallowGesture = false;
    m_released = true;
    m_pacer.requestSettle();
}

FrameInput App::frameInput(double now)
{
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

    // Forgiving targets: a finger in a gap, or just beside a target, presses the nearest one
    // of those the last frame drew.
    const float reach = tapReach(m_theme);
    if (input.pressing) {
        const Point at = resolveTap(input.downPos, m_targets, reach);
        if (at.x != input.downPos.x || at.y != input.downPos.y) input.downPos = input.pos = at;
    }
    if (input.tap) {
        const Point at = resolveTap(input.tap->down, m_targets, reach);
        if (at.x != input.tap->down.x || at.y != input.tap->down.y) input.tap->down = input.tap->up = at;
        std::optional<HitRect> target;
        for (const HitRect& r : m_targets)
            if (r.contains(at)) target = r;
        // A double tap by habit presses once.
        if (!m_repeats.accept(at, target, now)) input.tap.reset();
    }
    return input;
}

} // namespace kiosk

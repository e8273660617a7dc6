#include "kiosk/idle_policy.h"

#include <cmath>

namespace kiosk {

bool inNightWindow(const IdleSettings& s, content::MinuteOfDay minute)
{
    if (!s.nightEnabled || s.nightStart == s.nightEnd) return false;
    if (s.nightStart < s.nightEnd) return minute >= s.nightStart && minute < s.nightEnd;
    return minute >= s.nightStart || minute < s.nightEnd; // wraps midnight
}

bool IdlePolicy::touched(double now)
{
    const bool swallow = m_phase == IdlePhase::Attract || m_phase == IdlePhase::Night || m_phase == IdlePhase::Warning;
    m_quietSince = now;
    m_phase = IdlePhase::Active;
    return swallow;
}

IdleStatus IdlePolicy::evaluate(double now, content::MinuteOfDay minute, bool onHome)
{
    IdleStatus status;
    const bool night = inNightWindow(m_settings, minute);

    // Once attract or night, stay there until a touch; only switch between the two by the clock.
    if (m_phase == IdlePhase::Attract || m_phase == IdlePhase::Night) {
        m_phase = night ? IdlePhase::Night : IdlePhase::Attract;
        status.phase = m_phase;
        status.nextChange = now + 60; // re-check at the next minute for the night window
        return status;
    }

    if (onHome) {
        const double attractAt = m_quietSince + m_settings.attractAfter;
        if (now >= attractAt) {
            m_phase = night ? IdlePhase::Night : IdlePhase::Attract;
        } else {
            m_phase = IdlePhase::Active;
            status.nextChange = attractAt;
        }
        status.phase = m_phase;
        return status;
    }

    const double warnAt = m_quietSince + m_settings.warnAfter;
    const double homeAt = warnAt + m_settings.warnFor;
    if (now < warnAt) {
        m_phase = IdlePhase::Active;
        status.nextChange = warnAt;
    } else if (now < homeAt) {
        m_phase = IdlePhase::Warning;
        const double left = homeAt - now;
        status.warningSecondsLeft = static_cast<int>(std::ceil(left - 1e-9));
        // Redraw when the shown number changes.
        status.nextChange = homeAt - (status.warningSecondsLeft - 1);
    } else {
        m_phase = IdlePhase::GoHome;
    }
    status.phase = m_phase;
    return status;
}

} // namespace kiosk

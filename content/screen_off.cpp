#include "content/screen_off.h"

#include <algorithm>

namespace content {

bool ScreenOffPolicy::offHours(int weekday, MinuteOfDay minute) const
{
    switch (m_settings.source) {
    case ScreenOffSettings::Source::Never:
        return false;
    case ScreenOffSettings::Source::Window:
        return inDailyWindow(m_settings.window.start, m_settings.window.end, minute);
    case ScreenOffSettings::Source::Station:
        return m_hours && hoursStateAt(*m_hours, weekday, minute) == HoursState::Off;
    }
    return false;
}

bool ScreenOffPolicy::off(double now, int weekday, MinuteOfDay minute) const
{
    return offHours(weekday, minute) && untilOff(now) <= 0;
}

bool ScreenOffPolicy::nightClock(int weekday, MinuteOfDay minute) const
{
    return m_settings.source == ScreenOffSettings::Source::Station && m_hours &&
           hoursStateAt(*m_hours, weekday, minute) == HoursState::Closed;
}

double ScreenOffPolicy::untilOff(double now) const
{
    return std::max(0.0, m_touchedAt + m_settings.wakeFor - now);
}

} // namespace content

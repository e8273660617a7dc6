#pragma once
// When the lobby screen goes black outside the station's hours, and when the night clock shows
// around them. Pure timing with injected clocks (monotonic seconds for touches, the station's
// local time for the hours), so the kiosk's loop only asks and tests need no display.
#include "content/opening_hours.h"

#include <optional>

namespace content {

struct ScreenOffSettings {
    enum class Source {
        Station, // station.csv 开放时间 (the default; nothing when it cannot be read)
        Window,  // --screen-off HH:MM-HH:MM
        Never,   // --screen-off off
    };
    Source source = Source::Station; // --screen-off station
    DailyWindow window;              // for Source::Window
    double wakeFor = 180;            // s a touch keeps the screen on outside the hours
};

class ScreenOffPolicy {
public:
    explicit ScreenOffPolicy(ScreenOffSettings settings = {}, double now = 0) : m_settings(settings), m_touchedAt(now)
    {
    }

    // The station's hours from its content (nothing: unknown, so never off by the hours).
    void setHours(std::optional<OpeningHours> hours) { m_hours = std::move(hours); }
    // Any touch, also one that wakes the screen: it stays on for wakeFor seconds.
    void touched(double now) { m_touchedAt = now; }

    // The screen is black at `now` (a touch wakes it for wakeFor seconds).
    bool off(double now, int weekday, MinuteOfDay minute) const;
    // Outside the hours but near them: idle shows the night clock, not the carousel.
    bool nightClock(int weekday, MinuteOfDay minute) const;
    // Seconds from `now` until the screen may go off after a touch (0 when it may already).
    double untilOff(double now) const;

    const ScreenOffSettings& settings() const { return m_settings; }

private:
    bool offHours(int weekday, MinuteOfDay minute) const;

    ScreenOffSettings m_settings;
    std::optional<OpeningHours> m_hours;
    double m_touchedAt = 0;
};

} // namespace content

#pragma once
// When nobody touches the screen: warn, go home, attract passers-by, dim at night.
// Pure timing logic with an injected clock (seconds), unit-tested in tests/touch_test.cpp.
#include "content/date_time.h"

namespace kiosk {

struct IdleSettings {
    double warnAfter = 90;                     // s without a touch on a screen other than home → warning
    double warnFor = 20;                       // s the warning counts down before going home
    double attractAfter = 60;                  // s quiet on home → attract carousel
    content::MinuteOfDay nightStart = 22 * 60; // night window [start, end), may wrap midnight
    content::MinuteOfDay nightEnd = 6 * 60;
    bool nightEnabled = true;
};

enum class IdlePhase {
    Active,  // someone is using it
    Warning, // "您还在看吗？" counting down
    GoHome,  // the warning ran out: switch to home now (then call wentHome)
    Attract, // carousel for passers-by
    Night,   // dimmed clock
};

struct IdleStatus {
    IdlePhase phase = IdlePhase::Active;
    int warningSecondsLeft = 0; // whole seconds, while Warning
    double nextChange = 0;      // time of the next phase change (for the frame pacer)
};

bool inNightWindow(const IdleSettings& settings, content::MinuteOfDay minute);

class IdlePolicy {
public:
    explicit IdlePolicy(IdleSettings settings = {}, double now = 0) : m_settings(settings), m_quietSince(now) {}

    // Any touch. Returns true when the touch should be swallowed (it woke attract or night
    // mode, or dismissed the warning) instead of reaching what is under the finger.
    bool touched(double now);
    // The app switched to home because of GoHome (or the visitor went home): restart quiet time.
    void wentHome(double now)
    {
        m_quietSince = now;
        m_phase = IdlePhase::Active;
    }

    // The phase at `now` for the screen being shown; `minute` is the station's local time.
    IdleStatus evaluate(double now, content::MinuteOfDay minute, bool onHome);
    IdlePhase phase() const { return m_phase; }
    const IdleSettings& settings() const { return m_settings; }

private:
    IdleSettings m_settings;
    double m_quietSince = 0;
    IdlePhase m_phase = IdlePhase::Active;
};

} // namespace kiosk

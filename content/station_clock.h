#pragma once
// The station's local time and a monotonic clock. Plain C++ (no SDL, no ImGui): the kiosk draws
// with it and the update logic stamps imports with it, so it lives in content/, below both.
#include "content/date_time.h"

#include <optional>

namespace content {

// Seconds on a monotonic clock (since its first use in this process).
double monotonicSeconds();

// The system clock's local time now, and its offset from UTC (a leap second reads as :59).
struct SystemTime {
    LocalDateTime local;
    int second = 0;
    int offsetMinutes = 0;
};
SystemTime systemLocalTime();

// The station's local time: the system clock, or --now and running on from there.
class StationClock {
public:
    explicit StationClock(std::optional<LocalDateTime> start = std::nullopt);
    struct Reading {
        LocalDateTime local;
        int second = 0;
    };
    Reading now() const;

private:
    std::optional<LocalDateTime> m_start;
    double m_startSeconds = 0;
};

} // namespace content

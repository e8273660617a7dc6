#include "content/station_clock.h"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace content {

double monotonicSeconds()
{
    using namespace std::chrono;
    static const auto start = steady_clock::now();
    return duration<double>(steady_clock::now() - start).count();
}

SystemTime systemLocalTime()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    SystemTime now;
    now.local.date =
        Date{std::chrono::year{tm.tm_year + 1900}, std::chrono::month{static_cast<unsigned>(tm.tm_mon + 1)},
             std::chrono::day{static_cast<unsigned>(tm.tm_mday)}};
    now.local.minute = tm.tm_hour * 60 + tm.tm_min;
    now.second = std::min(tm.tm_sec, 59);
    now.offsetMinutes = static_cast<int>(tm.tm_gmtoff / 60);
    return now;
}

StationClock::StationClock(std::optional<LocalDateTime> start) : m_start(start), m_startSeconds(monotonicSeconds())
{
}

StationClock::Reading StationClock::now() const
{
    if (!m_start) {
        const SystemTime system = systemLocalTime();
        return Reading{system.local, system.second};
    }
    const long long elapsed = static_cast<long long>(monotonicSeconds() - m_startSeconds);
    const long long total = m_start->minute * 60LL + elapsed;
    Reading r;
    r.local.date = addDays(m_start->date, static_cast<int>(total / 86400));
    r.local.minute = static_cast<int>((total % 86400) / 60);
    r.second = static_cast<int>(total % 60);
    return r;
}

} // namespace content

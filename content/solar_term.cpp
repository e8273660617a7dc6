#include "content/solar_term.h"

#include <libnova/dynamical_time.h>
#include <libnova/julian_day.h>
#include <libnova/nutation.h>
#include <libnova/solar.h>

#include <array>
#include <cmath>

namespace content {

namespace {

// In order of longitude from 0° (春分) in steps of 15°.
constexpr std::array<const char*, 24> kTermsFromSpringEquinox = {
    "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至", "小暑", "大暑", "立秋", "处暑", "白露",
    "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至", "小寒", "大寒", "立春", "雨水", "惊蛰",
};

// The calendar's days are those of Beijing, wherever the kiosk's clock is set.
constexpr double kChinaOffsetDays = 8.0 / 24.0;

// The Julian day (UT) of 00:00 China Standard Time on `date`.
double chinaMidnight(Date date)
{
    ln_date day{int(date.year()), int(unsigned(date.month())), int(unsigned(date.day())), 0, 0, 0.0};
    return ln_get_julian_day(&day) - kChinaOffsetDays;
}

// The Sun's longitude to about 0.01° (Meeus, Astronomical Algorithms ch. 25, low accuracy):
// enough to see that a day is nowhere near a term, which is most days, without VSOP87's
// thousands of terms (the 1901–2099 test ran four times longer without it).
double roughSolarLongitude(double julianDay)
{
    constexpr double kDegree = 3.14159265358979323846 / 180.0;
    const double t = (julianDay - 2451545.0) / 36525.0;
    const double mean = 280.46646 + 36000.76983 * t;
    const double anomaly = (357.52911 + 35999.05029 * t) * kDegree;
    const double centre = (1.914602 - 0.004817 * t) * std::sin(anomaly) + 0.019993 * std::sin(2 * anomaly) +
                          0.000289 * std::sin(3 * anomaly);
    return mean + centre;
}

} // namespace

const std::array<const char*, 24>& solarTermNames()
{
    return kTermsFromSpringEquinox;
}

double apparentSolarLongitude(double julianDayUt)
{
    // VSOP87 runs on dynamical time, about 70 s ahead of UT now.
    const double jde = julianDayUt + ln_get_dynamical_time_diff(julianDayUt) / 86400.0;
    // libnova's geometric longitude is referred to the J2000 ecliptic; the terms use the
    // ecliptic of date, so the general precession in longitude (IAU 1976) is added.
    ln_helio_posn sun{};
    ln_get_solar_geom_coords(jde, &sun);
    ln_nutation nutation{};
    ln_get_nutation(jde, &nutation);
    const double centuries = (jde - 2451545.0) / 36525.0;
    const double precession = (5029.0966 * centuries + 1.11113 * centuries * centuries) / 3600.0;
    const double aberration = -20.4898 / 3600.0 / sun.R;
    const double longitude = std::fmod(sun.L + precession + nutation.longitude + aberration, 360.0);
    return longitude < 0 ? longitude + 360.0 : longitude;
}

std::string solarTermOn(Date date)
{
    if (!date.ok()) return {};
    const double start = chinaMidnight(date);
    // A margin of 0.1° is ten times the rough formula's error.
    if (std::floor((roughSolarLongitude(start) - 0.1) / 15.0) ==
        std::floor((roughSolarLongitude(start + 1.0) + 0.1) / 15.0))
        return {};
    const int before = int(std::floor(apparentSolarLongitude(start) / 15.0));
    const int after = int(std::floor(apparentSolarLongitude(start + 1.0) / 15.0));
    // The Sun moves about 1° a day, so a day holds one term at most.
    if (before == after) return {};
    return kTermsFromSpringEquinox[size_t(after % 24)];
}

} // namespace content

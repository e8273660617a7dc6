#pragma once
// The 24 solar terms (二十四节气) by the Sun's apparent longitude, as the Purple Mountain
// Observatory defines them: a term falls on the China Standard Time (UTC+8) day in which the
// longitude reaches its multiple of 15°. liblunar-date's own term days are wrong on about one
// term in 25 (芒种 2026 on 6月6日 instead of 6月5日 23:48); the Sun's position here comes from
// libnova's VSOP87, which lands on the right day for every term 1901–2099.
#include "content/date_time.h"

#include <array>
#include <string>

namespace content {

// 芒种 on the day it falls on at the station, "" on the other days and on invalid dates.
std::string solarTermOn(Date date);

// The 24 names, 春分 first (for the font atlas).
const std::array<const char*, 24>& solarTermNames();

// The Sun's apparent ecliptic longitude of date, in degrees [0, 360), at a moment given as a
// Julian day in UT (precession, nutation and aberration applied).
double apparentSolarLongitude(double julianDayUt);

} // namespace content

// libFuzzer: the lunar calendar (content/lunar_calendar.h) for any solar date, given as text
// "YEAR MONTH DAY" (so the seeds are readable files). Any date, valid or not, in range or not,
// gives nothing or a day whose fields are in range and whose next day follows it: the same
// month's next day, or 初一 of the next (or leap) month.
#include "content/lunar_calendar.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

bool follows(const content::LunarDay& day, const content::LunarDay& next)
{
    if (next.day != 1)
        return next.year == day.year && next.month == day.month && next.leapMonth == day.leapMonth &&
               next.day == day.day + 1;
    // A month has 29 or 30 days; then the leap month of the same number, or the next month.
    if (day.day < 29) return false;
    if (!day.leapMonth && next.leapMonth && next.month == day.month) return true;
    if (next.leapMonth) return false;
    if (day.month == 12) return next.month == 1 && next.year == day.year + 1;
    return next.month == day.month + 1 && next.year == day.year;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 64) return 0;
    const std::string text(reinterpret_cast<const char*>(data), size);
    int year = 0;
    unsigned month = 0, dayOfMonth = 0;
    if (std::sscanf(text.c_str(), "%d %u %u", &year, &month, &dayOfMonth) != 3) return 0;
    // std::chrono::year holds -32767 … 32767; anything else is not a date at all.
    if (year < -32767 || year > 32767) return 0;
    const content::Date date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{dayOfMonth}};

    const auto info = content::lunarInfo(date);
    const auto day = content::lunarDay(date);
    if (info.has_value() != day.has_value()) std::abort();
    if (!info) return 0;
    if (!date.ok()) std::abort();
    if (!(info->day == *day)) std::abort();
    if (day->month < 1 || day->month > 12 || day->day < 1 || day->day > 30) std::abort();
    if (info->date.empty() || info->line().empty()) std::abort();

    const auto next = content::lunarDay(content::addDays(date, 1));
    if (next && !follows(*day, *next)) std::abort();
    return 0;
}

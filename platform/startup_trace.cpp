#include "platform/startup_trace.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>

#include <unistd.h>

namespace platform {

void traceStartup(const char* step)
{
    static const bool enabled = [] {
        const char* v = std::getenv("KIOSK_STARTUP_TRACE");
        return v && *v && std::strcmp(v, "0") != 0;
    }();
    if (!enabled) return;
    // The process start on CLOCK_BOOTTIME: field 22 of /proc/self/stat, in clock ticks.
    static const double startedAt = [] {
        double ticks = 0;
        if (std::FILE* f = std::fopen("/proc/self/stat", "r")) {
            char text[1024] = {};
            const size_t n = std::fread(text, 1, sizeof text - 1, f);
            std::fclose(f);
            text[n] = 0;
            // The command name may hold spaces: count fields after its closing parenthesis.
            if (const char* p = std::strrchr(text, ')')) {
                for (int field = 2; field < 22 && p; ++field) p = std::strchr(p + 1, ' ');
                if (p) ticks = std::strtod(p + 1, nullptr);
            }
        }
        return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
    }();
    static std::mutex mutex;
    static double previous = 0;
    timespec ts{};
    clock_gettime(CLOCK_BOOTTIME, &ts);
    const double ms = (static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9 - startedAt) * 1000;
    std::lock_guard lock(mutex);
    std::fprintf(stderr, "kiosk: startup %7.1f ms (+%5.1f) %s\n", ms, previous > 0 ? ms - previous : ms, step);
    previous = ms;
}

} // namespace platform

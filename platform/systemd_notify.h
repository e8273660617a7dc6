#pragma once
// Telling systemd we are up (Type=notify) and alive (WatchdogSec). Does nothing when not
// started by systemd (no NOTIFY_SOCKET), so it is safe to call from tests and a terminal.
#include <chrono>
#include <string_view>

namespace platform {

class SystemdNotifier {
public:
    // Reads NOTIFY_SOCKET and WATCHDOG_USEC once.
    SystemdNotifier();

    bool enabled() const { return m_enabled; }
    // READY=1 with a STATUS= line. Call once the first frame is on screen.
    void ready(std::string_view status = "正在运行");
    // STOPPING=1 at the start of a clean shutdown.
    void stopping();
    // WATCHDOG=1, at most every half watchdog period (and at most every 5 s). Call from the
    // main loop on every wake-up: a hung main loop then gets the kiosk restarted.
    void tick();
    // The interval tick() keeps; the main loop must wake at least this often.
    std::chrono::milliseconds watchdogInterval() const { return m_interval; }

private:
    bool send(std::string_view message);

    bool m_enabled = false;
    bool m_watchdog = false;
    std::chrono::milliseconds m_interval{5000};
    std::chrono::steady_clock::time_point m_lastPing{};
};

} // namespace platform

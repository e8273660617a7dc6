#pragma once
// Telling systemd we are up (Type=notify) and alive (WatchdogSec). Does nothing when not
// started by systemd (no NOTIFY_SOCKET), so it is safe to call from tests and a terminal.
#include "platform/main_queue.h"
#include "platform/worker_thread.h"

#include <atomic>
#include <chrono>
#include <memory>
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
    // WATCHDOG=1, at most twice per watchdogInterval(). Call from the main loop on every
    // wake-up (or let MainLoopWatchdog do it): a hung main loop then gets the kiosk restarted.
    void tick();
    // Half the watchdog period, at most 5 s: the main loop must tick at least this often.
    std::chrono::milliseconds watchdogInterval() const { return m_interval; }

private:
    bool send(std::string_view message);

    bool m_enabled = false;
    bool m_watchdog = false;
    std::chrono::milliseconds m_interval{5000};
    std::chrono::steady_clock::time_point m_lastPing{};
};

// Proves to systemd that the main loop runs, without code in the loop: a small thread posts a
// ping to the MainQueue every watchdog interval, and the main thread, when it drains the queue,
// sends READY=1 (the first time) and WATCHDOG=1. A hung loop never runs the pings, so systemd
// restarts the kiosk. Does nothing (no thread) when not started by systemd.
class MainLoopWatchdog {
public:
    explicit MainLoopWatchdog(MainQueue& queue);
    ~MainLoopWatchdog();
    MainLoopWatchdog(const MainLoopWatchdog&) = delete;
    MainLoopWatchdog& operator=(const MainLoopWatchdog&) = delete;

    // Call just before the main loop starts; the first ping (READY=1) is posted at once.
    void start();
    // Joins the thread and sends STOPPING=1. Safe to call twice.
    void stop();

private:
    MainQueue& m_queue;
    std::shared_ptr<SystemdNotifier> m_notifier; // shared with the posted pings
    std::shared_ptr<std::atomic<bool>> m_readySent;
    WorkerThread m_worker; // last: stopped and joined before the members it uses go
};

} // namespace platform

#include "platform/systemd_notify.h"

#include <systemd/sd-daemon.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>

namespace platform {

SystemdNotifier::SystemdNotifier()
{
    const char* socketPath = std::getenv("NOTIFY_SOCKET");
    m_enabled = socketPath && *socketPath;
    if (const char* usec = std::getenv("WATCHDOG_USEC"); m_enabled && usec && *usec) {
        const long long us = std::atoll(usec);
        const char* pid = std::getenv("WATCHDOG_PID");
        // WATCHDOG_PID, when set, names the process the watchdog is meant for.
        const bool forUs = !pid || !*pid || std::atoll(pid) == static_cast<long long>(getpid());
        if (us > 0 && forUs) {
            m_watchdog = true;
            m_interval = std::min(std::chrono::milliseconds(us / 2000), std::chrono::milliseconds(5000));
            if (m_interval.count() < 100) m_interval = std::chrono::milliseconds(100);
        }
    }
}

bool SystemdNotifier::send(std::string_view message)
{
    if (!m_enabled) return false;
    // libsystemd speaks the protocol (NOTIFY_SOCKET, abstract sockets, credentials).
    return sd_notify(0, std::string(message).c_str()) > 0;
}

void SystemdNotifier::ready(std::string_view status)
{
    send("READY=1\nSTATUS=" + std::string(status));
    m_lastPing = std::chrono::steady_clock::now();
}

void SystemdNotifier::stopping()
{
    send("STOPPING=1");
}

void SystemdNotifier::tick()
{
    if (!m_watchdog) return;
    const auto now = std::chrono::steady_clock::now();
    // Half the interval: pings posted every interval may run a little early or late.
    if (now - m_lastPing < m_interval / 2) return;
    m_lastPing = now;
    send("WATCHDOG=1");
}

MainLoopWatchdog::MainLoopWatchdog(MainQueue& queue)
    : m_queue(queue), m_notifier(std::make_shared<SystemdNotifier>()),
      m_readySent(std::make_shared<std::atomic<bool>>(false))
{
}

MainLoopWatchdog::~MainLoopWatchdog()
{
    stop();
}

void MainLoopWatchdog::start()
{
    if (!m_notifier->enabled()) return;
    m_worker.start([this] {
        while (!m_worker.stopping()) {
            m_queue.post([notifier = m_notifier, ready = m_readySent] {
                if (!ready->exchange(true)) notifier->ready();
                notifier->tick();
            });
            m_worker.sleepFor(m_notifier->watchdogInterval());
        }
    });
}

void MainLoopWatchdog::stop()
{
    if (m_worker.stop()) m_notifier->stopping();
}

} // namespace platform

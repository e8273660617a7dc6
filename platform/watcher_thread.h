#pragma once
// The thread a watcher (mount table, drop folder) runs its poll() loop on, with the eventfd
// that stop() signals so the loop wakes at once instead of at its next timeout. Written once
// for both watchers.
#include <atomic>
#include <functional>
#include <thread>

namespace platform {

class WatcherThread {
public:
    WatcherThread() = default;
    ~WatcherThread() { stop(); }
    WatcherThread(const WatcherThread&) = delete;
    WatcherThread& operator=(const WatcherThread&) = delete;

    // Runs `loop` on a new thread (nothing when one runs already). The loop polls wakeFd()
    // (POLLIN) beside its own fds and returns once stopping() is true.
    void start(std::function<void()> loop);
    // Sets stopping(), wakes the loop, joins the thread and closes the eventfd. Safe to call
    // twice, and when never started.
    void stop();

    bool running() const { return m_thread.joinable(); }
    bool stopping() const { return m_stopping.load(); }
    // The eventfd stop() writes to; -1 when not started.
    int wakeFd() const { return m_wakeFd; }

private:
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    int m_wakeFd = -1;
};

} // namespace platform

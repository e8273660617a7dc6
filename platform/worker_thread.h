#pragma once
// One background thread with its wake-up and stop, written once for every platform worker: the
// mount and drop-folder watchers poll() wakeFd() beside their own fds, the status file and the
// systemd watchdog sleep in sleepFor() between rounds. stop() sets stopping(), signals the
// eventfd so either kind of loop wakes at once instead of at its next timeout, and joins.
#include "content/file_io.h"

#include <sys/eventfd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

namespace platform {

class WorkerThread {
public:
    WorkerThread() = default;
    ~WorkerThread() { stop(); }
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    // Runs `loop` on a new thread; nothing when one runs already, or when stop() came first.
    // The loop returns once stopping() is true.
    void start(std::function<void()> loop);
    // Sets stopping(), wakes the loop and joins the thread. True when this call joined a running
    // thread (so the owner does its last step once); safe to call twice, and when never started.
    bool stop();

    bool running() const { return m_thread.joinable(); }
    bool stopping() const { return m_stopping.load(); }
    // The eventfd stop() and wake() write to (POLLIN); -1 when the system refused one (then
    // the loop wakes only at its own timeouts).
    int wakeFd() const { return m_wakeFd.get(); }

    // On the thread: sleeps until `timeout` has passed or wake() or stop() was called. False
    // once stopping() (at once, without sleeping, when it is already).
    bool sleepFor(std::chrono::milliseconds timeout);
    // Any thread: ends the current or the next sleepFor() early (several calls count as one).
    void wake();

private:
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    // Lives as long as this object, so wake() is safe from any thread at any time.
    const content::FileDescriptor m_wakeFd{eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)};
};

} // namespace platform

#include "platform/worker_thread.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>

namespace platform {

void WorkerThread::start(std::function<void()> loop)
{
    if (m_thread.joinable() || m_stopping) return;
    m_thread = std::thread(std::move(loop));
}

bool WorkerThread::stop()
{
    m_stopping = true;
    wake();
    const bool joined = m_thread.joinable();
    if (joined) m_thread.join();
    return joined;
}

void WorkerThread::wake()
{
    if (!m_wakeFd) return;
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t n = write(m_wakeFd.get(), &one, sizeof one);
}

bool WorkerThread::sleepFor(std::chrono::milliseconds timeout)
{
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + timeout;
    while (!stopping()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return true;
        pollfd fd{m_wakeFd.get(), POLLIN, 0};
        const int n = poll(&fd, 1, static_cast<int>(std::min<int64_t>(left.count(), INT_MAX)));
        // A signal: sleep on for the rest of the time.
        if (n < 0 && errno == EINTR) continue;
        if (n > 0 && !stopping()) {
            // Reading resets the counter, so the next sleep waits again.
            uint64_t count = 0;
            [[maybe_unused]] ssize_t r = read(m_wakeFd.get(), &count, sizeof count);
        }
        // Woken, or poll failed: the round runs now rather than spin on a failing poll.
        if (n != 0) break;
    }
    return !stopping();
}

} // namespace platform

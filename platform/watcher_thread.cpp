#include "platform/watcher_thread.h"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdint>

namespace platform {

void WatcherThread::start(std::function<void()> loop)
{
    if (m_thread.joinable()) return;
    m_stopping = false;
    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    m_thread = std::thread(std::move(loop));
}

void WatcherThread::stop()
{
    m_stopping = true;
    if (m_wakeFd >= 0) {
        const uint64_t one = 1;
        [[maybe_unused]] ssize_t n = write(m_wakeFd, &one, sizeof one);
    }
    if (m_thread.joinable()) m_thread.join();
    if (m_wakeFd >= 0) {
        close(m_wakeFd);
        m_wakeFd = -1;
    }
}

} // namespace platform

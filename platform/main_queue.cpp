#include "platform/main_queue.h"

#include <SDL.h>

namespace platform {

namespace {
// SDL_USEREVENT with this code means "the main queue has work"; any SDL_USEREVENT wakes the loop.
constexpr Sint32 kMainQueueEventCode = 0x4b51;
} // namespace

void MainQueue::post(std::function<void()> task)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_tasks.push_back(std::move(task));
    }
    // SDL_PushEvent is thread-safe; it wakes a loop blocked in SDL_WaitEventTimeout.
    SDL_Event event{};
    event.type = SDL_USEREVENT;
    event.user.code = kMainQueueEventCode;
    SDL_PushEvent(&event);
}

int MainQueue::drain()
{
    std::vector<std::function<void()>> tasks;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        tasks.swap(m_tasks);
    }
    // Run outside the lock so a task may post again without deadlocking.
    for (auto& task : tasks) task();
    return static_cast<int>(tasks.size());
}

} // namespace platform

#pragma once
// The one way back to the main thread: workers post closures, the loop drains them.
// Posting pushes an SDL user event so a loop waiting in SDL_WaitEventTimeout wakes at once.
#include <functional>
#include <mutex>
#include <vector>

namespace platform {

class MainQueue {
public:
    // Thread-safe. Wakes the main loop.
    void post(std::function<void()> task);
    // Main thread only: runs every queued task in order; returns how many ran.
    int drain();

private:
    std::mutex m_mutex;
    std::vector<std::function<void()>> m_tasks;
};

} // namespace platform

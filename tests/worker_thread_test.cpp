// The platform workers' thread (platform/worker_thread.*): its wake-up, timeout and stop.
#include "platform/worker_thread.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

TEST_CASE("worker thread: wake() and stop() end a long sleep at once, the timeout ends it otherwise", "[worker]")
{
    platform::WorkerThread worker;
    REQUIRE(worker.wakeFd() >= 0);
    std::atomic<int> rounds{0};
    std::atomic<bool> timedOut{false};
    // While set, the thread stays awake after a round (as if busy with its work).
    std::atomic<bool> hold{false};
    worker.start([&] {
        // First round: the timeout alone ends a short sleep.
        const auto t0 = Clock::now();
        if (worker.sleepFor(50ms) && Clock::now() - t0 >= 45ms) timedOut = true;
        rounds = 1;
        // Then only wake() or stop() can end a 30 s sleep within the test.
        while (worker.sleepFor(30s)) {
            ++rounds;
            while (hold) std::this_thread::sleep_for(1ms);
        }
    });
    CHECK(worker.running());
    const auto waitRounds = [&](int n) {
        for (int i = 0; i < 200 && rounds < n; ++i) std::this_thread::sleep_for(10ms);
        return rounds.load();
    };
    CHECK(waitRounds(1) == 1);
    CHECK(timedOut);
    hold = true;
    worker.wake();
    CHECK(waitRounds(2) == 2);
    // Two wakes while the thread is busy count as one round once it sleeps again.
    worker.wake();
    worker.wake();
    hold = false;
    CHECK(waitRounds(3) == 3);
    std::this_thread::sleep_for(50ms);
    CHECK(rounds == 3);

    const auto t0 = Clock::now();
    CHECK(worker.stop());
    CHECK(Clock::now() - t0 < 2s);
    CHECK(worker.stopping());
    CHECK_FALSE(worker.running());
    // The owner's last step runs once: a second stop joins nothing.
    CHECK_FALSE(worker.stop());
    // Stopped for good: start() runs nothing, sleepFor() does not sleep.
    std::atomic<bool> ran{false};
    worker.start([&] { ran = true; });
    CHECK_FALSE(worker.running());
    CHECK_FALSE(ran);
    CHECK_FALSE(worker.sleepFor(30s));
}

TEST_CASE("worker thread: a wake before the loop sleeps is kept; never started, stop joins nothing", "[worker]")
{
    platform::WorkerThread early;
    early.wake();
    std::atomic<bool> woke{false};
    early.start([&] { woke = early.sleepFor(30s); });
    for (int i = 0; i < 200 && !woke; ++i) std::this_thread::sleep_for(10ms);
    CHECK(woke);
    CHECK(early.stop());

    platform::WorkerThread never;
    CHECK_FALSE(never.stop());
}

// systemd notify (platform/systemd_notify.*): READY and WATCHDOG over NOTIFY_SOCKET.
#include "platform/systemd_notify.h"

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace platform;
using namespace std::chrono_literals;
using test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("systemd notify: READY and WATCHDOG reach NOTIFY_SOCKET through the main queue", "[update]")
{
    TempDir tmp;
    const fs::path socketPath = tmp.path / "notify.sock";
    const int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", socketPath.c_str());
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    timeval timeout{0, 200000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);

    setenv("NOTIFY_SOCKET", socketPath.c_str(), 1);
    setenv("WATCHDOG_USEC", "400000", 1); // pings every 200 ms
    unsetenv("WATCHDOG_PID");
    std::string received;
    {
        MainQueue queue;
        MainLoopWatchdog watchdog(queue);
        watchdog.start();
        const auto end = std::chrono::steady_clock::now() + 5s;
        while (std::chrono::steady_clock::now() < end && received.find("WATCHDOG=1") == std::string::npos) {
            queue.drain();
            char buffer[256];
            const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
            if (n > 0) received.append(buffer, static_cast<size_t>(n)).push_back('|');
        }
        watchdog.stop();
    }
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    close(fd);
    CHECK(received.find("READY=1") != std::string::npos);
    CHECK(received.find("WATCHDOG=1") != std::string::npos);
    CHECK(received.find("READY=1") < received.find("WATCHDOG=1"));

    // Without NOTIFY_SOCKET nothing is sent and no thread runs.
    SystemdNotifier quiet;
    CHECK_FALSE(quiet.enabled());
}

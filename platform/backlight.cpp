#include "platform/backlight.h"

#include <fstream>
#include <sstream>

#include <cerrno>
#include <cstring>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace platform {

namespace {

namespace fs = std::filesystem;

bool readValue(const fs::path& file, std::string& value)
{
    std::ifstream in(file);
    if (!in) return false;
    std::getline(in, value);
    return true;
}

// sysfs takes one write of the whole value; a failed write shows at close.
bool writeValue(const fs::path& file, const std::string& value)
{
    std::ofstream out(file, std::ios::out | std::ios::trunc);
    if (!out) return false;
    out << value << '\n';
    out.close();
    return !out.fail();
}

} // namespace

Backlight::Backlight(std::filesystem::path root) : m_root(std::move(root))
{
}

Backlight::~Backlight()
{
    on();
}

int Backlight::off(std::string& error)
{
    if (isOff()) return static_cast<int>(m_saved.size());
    std::error_code ec;
    int switched = 0;
    for (fs::directory_iterator it(m_root, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path device = it->path();
        // sysfs lists each device as a symlink to its folder.
        std::error_code statError;
        if (!fs::is_directory(device, statError)) continue;
        bool done = false;
        for (const char* name : {"bl_power", "brightness"}) {
            const fs::path file = device / name;
            std::string old;
            if (!readValue(file, old)) continue;
            if (writeValue(file, name == std::string("bl_power") ? "4" : "0")) {
                m_saved.push_back({file, old});
                done = true;
                break;
            }
        }
        if (done) {
            ++switched;
        } else {
            error += (error.empty() ? "" : "；") + ("无法关闭背光 " + device.string() +
                                                    "（没有 bl_power 或 brightness 的写权限？见软件包的 udev 规则）");
        }
    }
    return switched;
}

void Backlight::on()
{
    // Back in the reverse order, so a device's bl_power returns before anything read after it.
    for (auto it = m_saved.rbegin(); it != m_saved.rend(); ++it) writeValue(it->file, it->value);
    m_saved.clear();
}

ScreenPower::ScreenPower(std::filesystem::path backlightRoot, std::string command)
    : m_backlight(std::move(backlightRoot)), m_command(std::move(command))
{
}

ScreenPower::~ScreenPower()
{
    std::string ignored;
    set(true, ignored);
    reap(true);
}

void ScreenPower::set(bool on, std::string& error)
{
    reap(false);
    if (on == m_on) return;
    m_on = on;
    if (on) {
        m_backlight.on();
        runCommand("on", error);
    } else {
        m_backlight.off(error);
        runCommand("off", error);
    }
}

void ScreenPower::runCommand(const char* state, std::string& error)
{
    if (m_command.empty()) return;
    // Commands run one at a time and in order: an "on" started while the "off" still runs
    // could finish first and leave the monitor dark. Waiting only happens when the screen is
    // switched twice within one command's run time (ddcutil takes about a second).
    reap(true);
    const char* argv[] = {"/bin/sh", "-c", m_command.c_str(), "kiosk-screen-power", state, nullptr};
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ);
    if (rc != 0) {
        error +=
            (error.empty() ? "" : "; ") + std::string("cannot run KIOSK_SCREEN_POWER_COMMAND: ") + std::strerror(rc);
        return;
    }
    m_running.push_back(pid);
}

void ScreenPower::reap(bool wait)
{
    std::erase_if(m_running, [wait](pid_t pid) {
        int status = 0;
        pid_t r;
        do r = ::waitpid(pid, &status, wait ? 0 : WNOHANG);
        while (r < 0 && errno == EINTR);
        return r != 0;
    });
}

} // namespace platform

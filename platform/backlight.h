#pragma once
// The panel's backlight under /sys/class/backlight, switched off while the screen is off outside
// the station's opening hours and restored when it wakes. A black frame on an LCD still burns
// the backlight; this is what actually saves the panel and the power. Writing needs permission:
// the package's udev rule (70-elder-kiosk-backlight.rules) gives group kiosk write access.
// External monitors have no backlight here; they take DDC/CI (ddcutil), see deploy/README.md.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace platform {

class Backlight {
public:
    // ROOT is the sysfs class folder; tests pass a folder of their own.
    explicit Backlight(std::filesystem::path root = "/sys/class/backlight");
    Backlight(const Backlight&) = delete;
    Backlight& operator=(const Backlight&) = delete;
    // Restores what off() changed.
    ~Backlight();

    // Switches every backlight off: bl_power 4 (FB_BLANK_POWERDOWN), or brightness 0 where
    // bl_power cannot be written; remembers the old values. Returns how many it switched off;
    // a device it could not change is named in `error` (e.g. no permission). Twice is once.
    int off(std::string& error);
    // Writes back the values off() replaced. Nothing when off() changed nothing.
    void on();
    bool isOff() const { return !m_saved.empty(); }

private:
    struct Saved {
        std::filesystem::path file; // bl_power or brightness
        std::string value;          // what it held before
    };
    std::filesystem::path m_root;
    std::vector<Saved> m_saved;
};

// The screen's power outside opening hours: the backlights above, and for monitors without one
// an operator's command (KIOSK_SCREEN_POWER_COMMAND, e.g. ddcutil over DDC/CI), run through
// /bin/sh with "off" or "on" as $1. The command runs in the background: ddcutil takes a second
// or more, and the main loop must not wait for it.
class ScreenPower {
public:
    ScreenPower(std::filesystem::path backlightRoot, std::string command);
    ScreenPower(const ScreenPower&) = delete;
    ScreenPower& operator=(const ScreenPower&) = delete;
    // Switches the screen back on if it is off, and waits for a command still running.
    ~ScreenPower();

    // Off or on; a second call with the same state does nothing. Problems go to `error`.
    void set(bool on, std::string& error);
    bool isOn() const { return m_on; }

private:
    void runCommand(const char* state, std::string& error);
    void reap(bool wait);

    Backlight m_backlight;
    std::string m_command;
    std::vector<pid_t> m_running;
    bool m_on = true;
};

} // namespace platform

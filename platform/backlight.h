#pragma once
// The panel's backlight under /sys/class/backlight, switched off while the screen is off outside
// the station's opening hours and restored when it wakes. A black frame on an LCD still burns
// the backlight; this is what actually saves the panel and the power. Writing needs permission:
// the package's udev rule (70-elder-kiosk-backlight.rules) gives group kiosk write access.
// External monitors have no backlight here; they take DDC/CI (ddcutil), see deploy/README.md.
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

} // namespace platform

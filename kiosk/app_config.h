#pragma once
// The kiosk's command line (SPEC.md "Programs"): its options grouped in plain structs, the way
// hello_imgui's RunnerParams groups AppWindowParams, FpsIdling …; each field's comment names
// its option and default. Parsing and the usage text live in app_config.cpp, apart from the app.
#include "content/date_time.h"
#include "kiosk/idle_policy.h"
#include "kiosk/screen.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// Where and how large the kiosk draws.
struct WindowOptions {
    bool windowed = false; // --windowed WxH; default: fullscreen on the whole display
    int width = 1920;      // --windowed W; default 1920
    int height = 1080;     // --windowed H; default 1080
};

// The station's clock.
struct ClockOptions {
    std::optional<content::LocalDateTime>
        now; // --now YYYY-MM-DDTHH:MM starts it there (and it runs on); default: the system clock
};

// What is shown first, and --screenshot runs.
struct ScreenOptions {
    ScreenId start = ScreenId::Home; // --screen NAME; default home
    std::string screenshotPath;      // --screenshot FILE.png: render once, write the PNG, exit; default: run live
    bool largeText = false;          // --large-text: start in 大字 mode; default off
};

// Passed on to the update service.
struct UpdateOptions {
    std::filesystem::path dropDir;                 // --drop-dir DIR; default: none watched
    std::vector<std::filesystem::path> mediaRoots; // --media-root DIR (repeatable); default /media and /run/media
    std::filesystem::path statusDir;               // --status-dir DIR for status.json; default: none written
    std::string kioskId;                           // --kiosk-id NAME in status.json; default: the host name
    bool allowUnsigned = false;                    // --allow-unsigned: unsigned sticks without a PIN; default off
};

struct AppConfig {
    std::filesystem::path dataDir; // --data-dir DIR (required)
    WindowOptions window;
    ClockOptions clock;
    ScreenOptions screen;
    IdleSettings idle; // --idle-warning (90 s), --attract-after (60 s), --night (22:00-06:00 | off)
    UpdateOptions updates;
};

// Parses the kiosk command line (SPEC.md). False with a message on bad arguments (an empty
// message for --help).
bool parseCommandLine(int argc, char** argv, AppConfig& config, std::string& error);
const char* usageText();

} // namespace kiosk

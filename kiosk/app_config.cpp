#include "kiosk/app_config.h"

#include <cstdio>
#include <cstdlib>

namespace kiosk {

const char* usageText()
{
    return "usage: kiosk --data-dir DIR [--windowed WxH] [--now YYYY-MM-DDTHH:MM] [--screen NAME]\n"
           "             [--screenshot FILE.png] [--drop-dir DIR] [--media-root DIR]... [--status-dir DIR]\n"
           "             [--kiosk-id NAME] [--allow-unsigned] [--large-text] [--idle-warning SECONDS] [--attract-after "
           "SECONDS]\n"
           "             [--night HH:MM-HH:MM | --night off]\n"
           "  NAME: home, activities, meals, lectures, notices, guide, contacts, attract (night: the dimmed clock)\n";
}

bool parseCommandLine(int argc, char** argv, AppConfig& config, std::string& error)
{
    bool mediaGiven = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= argc) {
                error = arg + " needs a value";
                return false;
            }
            out = argv[++i];
            return true;
        };
        std::string v;
        if (arg == "--data-dir") {
            if (!value(v)) return false;
            config.dataDir = v;
        } else if (arg == "--windowed") {
            if (!value(v)) return false;
            int w = 0, h = 0;
            char x = 0;
            if (std::sscanf(v.c_str(), "%d%c%d", &w, &x, &h) != 3 || (x != 'x' && x != 'X') || w < 320 || h < 320) {
                error = "--windowed wants WxH, e.g. 1920x1080, not \"" + v + "\"";
                return false;
            }
            config.window.windowed = true;
            config.window.width = w;
            config.window.height = h;
        } else if (arg == "--now") {
            if (!value(v)) return false;
            config.clock.now = content::parseLocalDateTime(v);
            if (!config.clock.now) {
                error = "--now wants YYYY-MM-DDTHH:MM, not \"" + v + "\"";
                return false;
            }
        } else if (arg == "--screen") {
            if (!value(v)) return false;
            ScreenId id;
            if (!screenFromName(v.c_str(), id) || id == ScreenId::Staff) {
                error = "unknown screen \"" + v + "\"";
                return false;
            }
            config.screen.start = id;
        } else if (arg == "--screenshot") {
            if (!value(v)) return false;
            config.screen.screenshotPath = v;
        } else if (arg == "--drop-dir") {
            if (!value(v)) return false;
            config.updates.dropDir = v;
        } else if (arg == "--media-root") {
            if (!value(v)) return false;
            config.updates.mediaRoots.push_back(v);
            mediaGiven = true;
        } else if (arg == "--status-dir") {
            if (!value(v)) return false;
            config.updates.statusDir = v;
        } else if (arg == "--kiosk-id") {
            if (!value(v)) return false;
            if (v.empty() || v.size() > 200 || v.find_first_of("\n\r\t") != std::string::npos) {
                error = "--kiosk-id wants a name of one line (at most 200 bytes), not \"" + v + "\"";
                return false;
            }
            config.updates.kioskId = v;
        } else if (arg == "--allow-unsigned") {
            config.updates.allowUnsigned = true;
        } else if (arg == "--large-text") {
            config.screen.largeText = true;
        } else if (arg == "--idle-warning" || arg == "--attract-after") {
            if (!value(v)) return false;
            char* end = nullptr;
            const double seconds = std::strtod(v.c_str(), &end);
            if (end == v.c_str() || *end != '\0' || !(seconds >= 10 && seconds <= 24 * 3600)) {
                error = arg + " wants seconds between 10 and 86400, not \"" + v + "\"";
                return false;
            }
            (arg == "--idle-warning" ? config.idle.warnAfter : config.idle.attractAfter) = seconds;
        } else if (arg == "--night") {
            if (!value(v)) return false;
            if (v == "off") {
                config.idle.nightEnabled = false;
                continue;
            }
            const auto dash = v.find('-');
            const auto start = dash == std::string::npos ? std::nullopt : content::parseTime(v.substr(0, dash));
            const auto end = dash == std::string::npos ? std::nullopt : content::parseTime(v.substr(dash + 1));
            if (!start || !end || *start == *end) {
                error = "--night wants HH:MM-HH:MM (e.g. 22:00-06:00) or off, not \"" + v + "\"";
                return false;
            }
            config.idle.nightEnabled = true;
            config.idle.nightStart = *start;
            config.idle.nightEnd = *end;
        } else if (arg == "--help" || arg == "-h") {
            error = "";
            return false;
        } else {
            error = "unknown option \"" + arg + "\"";
            return false;
        }
    }
    if (config.dataDir.empty()) {
        error = "--data-dir is required";
        return false;
    }
    if (!mediaGiven) config.updates.mediaRoots = {"/media", "/run/media"};
    return true;
}

} // namespace kiosk

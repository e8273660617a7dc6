// The kiosk's command line (SPEC.md "Programs"), parsed without opening a window.
#include "kiosk/app_config.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kiosk;

namespace {
struct Parsed {
    bool ok = false;
    AppConfig config;
    std::string error;
};

Parsed parse(std::vector<std::string> args)
{
    args.insert(args.begin(), "kiosk");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    Parsed p;
    p.ok = parseCommandLine(static_cast<int>(argv.size()), argv.data(), p.config, p.error);
    return p;
}
} // namespace

TEST_CASE("the SPEC options land in the config", "[command-line]")
{
    auto p =
        parse({"--data-dir",       "/d",         "--windowed",     "1080x1920",  "--now",        "2026-06-03T09:30",
               "--screen",         "guide",      "--screenshot",   "/tmp/x.png", "--drop-dir",   "/drop",
               "--media-root",     "/m1",        "--media-root",   "/m2",        "--status-dir", "/s",
               "--allow-unsigned", "--kiosk-id", "station-7-lobby"});
    REQUIRE(p.ok);
    CHECK(p.config.dataDir == "/d");
    CHECK(p.config.window.windowed);
    CHECK(p.config.window.width == 1080);
    CHECK(p.config.window.height == 1920);
    REQUIRE(p.config.clock.now);
    CHECK(p.config.clock.now->date == content::parseDate("2026-06-03"));
    CHECK(p.config.clock.now->minute == 9 * 60 + 30);
    CHECK(p.config.screen.start == ScreenId::Guide);
    CHECK(p.config.screen.screenshotPath == "/tmp/x.png");
    CHECK(p.config.updates.dropDir == "/drop");
    CHECK(p.config.updates.mediaRoots == std::vector<std::filesystem::path>{"/m1", "/m2"});
    CHECK(p.config.updates.statusDir == "/s");
    CHECK(p.config.updates.allowUnsigned);
    CHECK(p.config.updates.kioskId == "station-7-lobby");
}

TEST_CASE("defaults: fullscreen, home, /media and /run/media, night 22:00-06:00", "[command-line]")
{
    auto p = parse({"--data-dir", "/d"});
    REQUIRE(p.ok);
    CHECK_FALSE(p.config.window.windowed);
    CHECK(p.config.screen.start == ScreenId::Home);
    CHECK(p.config.updates.mediaRoots == std::vector<std::filesystem::path>{"/media", "/run/media"});
    CHECK_FALSE(p.config.screen.largeText);
    CHECK(p.config.idle.warnAfter == 90);
    CHECK(p.config.idle.nightEnabled);
    CHECK(p.config.idle.nightStart == 22 * 60);
    CHECK(p.config.idle.nightEnd == 6 * 60);
    // status.json then names the kiosk by its host name (platform::StatusFile).
    CHECK(p.config.updates.kioskId.empty());
}

TEST_CASE("idle timing, night hours and large text are configurable", "[command-line]")
{
    auto p = parse({"--data-dir", "/d", "--idle-warning", "120", "--attract-after", "300", "--night", "21:30-5:45",
                    "--large-text"});
    REQUIRE(p.ok);
    CHECK(p.config.idle.warnAfter == 120);
    CHECK(p.config.idle.attractAfter == 300);
    CHECK(p.config.idle.nightStart == 21 * 60 + 30);
    CHECK(p.config.idle.nightEnd == 5 * 60 + 45);
    CHECK(p.config.screen.largeText);

    auto off = parse({"--data-dir", "/d", "--night", "off"});
    REQUIRE(off.ok);
    CHECK_FALSE(off.config.idle.nightEnabled);
}

TEST_CASE("bad arguments are refused with a reason", "[command-line]")
{
    for (const auto& args : std::vector<std::vector<std::string>>{
             {},                                            // no data dir
             {"--data-dir"},                                // missing value
             {"--data-dir", "/d", "--windowed", "big"},     // not WxH
             {"--data-dir", "/d", "--windowed", "100x100"}, // too small
             {"--data-dir", "/d", "--now", "2026-13-01T09:00"},
             {"--data-dir", "/d", "--screen", "staff"}, // not a visitor screen
             {"--data-dir", "/d", "--screen", "nowhere"},
             {"--data-dir", "/d", "--idle-warning", "2"},
             {"--data-dir", "/d", "--idle-warning", "ten"},
             {"--data-dir", "/d", "--night", "22:00"},
             {"--data-dir", "/d", "--night", "22:00-22:00"},
             {"--data-dir", "/d", "--bogus"},
             {"--data-dir", "/d", "--kiosk-id", ""},
             {"--data-dir", "/d", "--kiosk-id", "two\nlines"},
         }) {
        auto p = parse(args);
        INFO(args.size());
        CHECK_FALSE(p.ok);
        CHECK_FALSE(p.error.empty());
    }
}

#include "platform/mount_watcher.h"

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <thread>
#include <unistd.h>

using namespace platform;

namespace {

using test::TempDir;

// A fresh directory under the temp dir, removed when the test ends.
const char* kSample =
    "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
    "23 22 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:5 - proc proc rw\n"
    "24 22 0:22 / /run rw,nosuid,nodev shared:6 - tmpfs tmpfs rw,size=8k\n"
    "41 24 8:17 / /run/media/pi/U\\040盘 rw,nosuid,nodev,relatime shared:40 - vfat /dev/sdb1 rw,uid=1000\n"
    "42 22 8:33 / /media/STAFF\\040STICK ro,nosuid,nodev,relatime shared:41 master:2 - exfat /dev/sdc1 ro\n"
    "43 22 8:49 / /media2/other rw,relatime - ext4 /dev/sdd1 rw\n"
    "44 22 8:50 /sub\\134dir /mnt/back\\011slash rw - ext4 /dev/sdd2 rw\n"
    "garbage line without enough fields\n"
    "45 22 8:51 / /media/no-dash rw shared:2 ext4 /dev/sde1 rw\n";

} // namespace

TEST_CASE("mountinfo octal escapes are undone", "[mount]")
{
    const std::pair<std::string_view, std::string_view> fields[] = {
        {"/media/U\\040盘", "/media/U 盘"},
        {"a\\011b\\012c\\134d", "a\tb\nc\\d"},
        // Not an escape: left as it is.
        {"a\\9zz", "a\\9zz"},
        {"end\\04", "end\\04"},
    };
    for (const auto& [field, unescaped] : fields) {
        CAPTURE(field);
        CHECK(unescapeMountField(field) == unescaped);
    }
}

TEST_CASE("mountinfo lines parse into mount points with options and types", "[mount]")
{
    const auto mounts = parseMountInfo(kSample);
    REQUIRE(mounts.size() == 7);
    CHECK(mounts[0].mountPoint == "/");
    CHECK(mounts[3].mountId == 41);
    CHECK(mounts[3].parentId == 24);
    CHECK(mounts[3].mountPoint == "/run/media/pi/U 盘");
    CHECK(mounts[3].fsType == "vfat");
    CHECK(mounts[3].source == "/dev/sdb1");
    CHECK_FALSE(mounts[3].readOnly());
    // Optional fields (shared:41 master:2) before the dash are skipped.
    CHECK(mounts[4].mountPoint == "/media/STAFF STICK");
    CHECK(mounts[4].fsType == "exfat");
    CHECK(mounts[4].readOnly());
    CHECK(mounts[6].root == "/sub\\dir");
    CHECK(mounts[6].mountPoint == "/mnt/back\tslash");
}

TEST_CASE("paths strictly under a media root", "[mount]")
{
    CHECK(isStrictlyUnder("/media/usb", "/media"));
    CHECK(isStrictlyUnder("/media/pi/usb", "/media/"));
    CHECK(isStrictlyUnder("/run/media/pi/U 盘", "/run/media"));
    CHECK_FALSE(isStrictlyUnder("/media", "/media"));
    CHECK_FALSE(isStrictlyUnder("/media/", "/media"));
    CHECK_FALSE(isStrictlyUnder("/media2/usb", "/media"));
    CHECK_FALSE(isStrictlyUnder("/run/mediax", "/run/media"));
}

TEST_CASE("media mounts are those under the roots only", "[mount]")
{
    const auto mounts = parseMountInfo(kSample);
    const auto media = findMediaMounts(mounts, {"/media", "/run/media"});
    REQUIRE(media.size() == 2);
    CHECK(media[0].root == "/media/STAFF STICK");
    CHECK(media[0].readOnly);
    CHECK(media[1].root == "/run/media/pi/U 盘");
    CHECK(media[1].mountId == 41);
}

TEST_CASE("sticks are media folders that hold KIOSK/, mounted or not", "[mount]")
{
    TempDir root;
    // A mounted stick (the mount table says so) with KIOSK/ and one with spaces in its name.
    fs::create_directories(root.path / "STICK A" / "KIOSK");
    // A per-user folder as udisks makes it: /media/USER/LABEL.
    fs::create_directories(root.path / "pi" / "U盘" / "KIOSK");
    // A stick without KIOSK/.
    fs::create_directories(root.path / "BLANK" / "photos");
    // KIOSK/ deep inside a mounted stick is not an update.
    fs::create_directories(root.path / "MOUNTED" / "backup" / "KIOSK");
    // A KIOSK file, not a folder.
    fs::create_directories(root.path / "FILE");
    std::ofstream(root.path / "FILE" / "KIOSK") << "x";

    std::string table = "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n";
    auto escaped = [](std::string s) {
        std::string out;
        for (char c : s) out += c == ' ' ? std::string("\\040") : std::string(1, c);
        return out;
    };
    table += "50 22 8:17 / " + escaped((root.path / "STICK A").string()) + " rw,relatime - vfat /dev/sdb1 rw\n";
    table += "51 22 8:33 / " + escaped((root.path / "MOUNTED").string()) + " ro,relatime - vfat /dev/sdc1 ro\n";
    const auto sticks = findSticks(parseMountInfo(table), {root.path});
    REQUIRE(sticks.size() == 2);
    CHECK(sticks[0].root == root.path / "STICK A");
    CHECK(sticks[0].mountId == 50);
    CHECK(sticks[0].kioskDir() == root.path / "STICK A" / "KIOSK");
    CHECK(sticks[1].root == root.path / "pi" / "U盘");
    CHECK(sticks[1].mountId == 0);

    // The same path on a new mount is a new insertion.
    StickInfo again = sticks[0];
    again.mountId = 77;
    CHECK(again.key() != sticks[0].key());
}

TEST_CASE("nested media roots report each stick once", "[mount]")
{
    TempDir root;
    fs::create_directories(root.path / "media" / "pi" / "S" / "KIOSK");
    const auto sticks = findSticks({}, {root.path / "media", root.path / "media" / "pi"});
    REQUIRE(sticks.size() == 1);
    CHECK(sticks[0].root == root.path / "media" / "pi" / "S");
}

TEST_CASE("the watcher reports sticks present at start, new ones and removals", "[mount]")
{
    TempDir root;
    fs::create_directories(root.path / "early" / "KIOSK");

    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::string> log;
    auto record = [&](const std::string& what) {
        std::lock_guard lock(mutex);
        log.push_back(what);
        changed.notify_all();
    };
    auto waitFor = [&](size_t count) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(5), [&] { return log.size() >= count; });
    };

    MountWatcher::Options options;
    options.mediaRoots = {root.path};
    options.rescanInterval = std::chrono::milliseconds(50);
    MountWatcher watcher(
        options, [&](const StickInfo& s) { record("+" + s.root.filename().string()); },
        [&](const StickInfo& s) { record("-" + s.root.filename().string()); });
    watcher.start();
    REQUIRE(waitFor(1));

    fs::create_directories(root.path / "late" / "KIOSK");
    REQUIRE(waitFor(2));
    // Seen once per insertion, however many rescans pass.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    fs::remove_all(root.path / "early");
    REQUIRE(waitFor(3));
    watcher.stop();

    std::lock_guard lock(mutex);
    CHECK(log == std::vector<std::string>{"+early", "+late", "-early"});
    CHECK(watcher.present().size() == 1);
}

TEST_CASE("scanNow steps the watcher by hand", "[mount]")
{
    TempDir root;
    int arrived = 0, removed = 0;
    MountWatcher::Options options;
    options.mediaRoots = {root.path};
    MountWatcher watcher(
        options, [&](const StickInfo&) { ++arrived; }, [&](const StickInfo&) { ++removed; });
    watcher.scanNow();
    CHECK(arrived == 0);
    fs::create_directories(root.path / "s" / "KIOSK");
    watcher.scanNow();
    watcher.scanNow();
    CHECK(arrived == 1);
    fs::remove_all(root.path / "s" / "KIOSK");
    watcher.scanNow();
    CHECK(removed == 1);
}

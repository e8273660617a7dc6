#include "platform/drop_watcher.h"

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace platform;
using namespace std::chrono_literals;

namespace {

using test::TempDir;
using test::writeFile;

// Stands in for the importer: a package waits while a file its manifest lists is missing,
// otherwise it is "applied".
struct FakeImporter {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::pair<std::string, std::string>> log; // folder name, outcome

    std::string attempt(const fs::path& folder)
    {
        std::ifstream in(folder / "manifest.json");
        if (in) {
            const auto manifest = nlohmann::json::parse(in, nullptr, false);
            if (!manifest.is_discarded() && manifest.contains("files"))
                for (const auto& [name, hash] : manifest["files"].items())
                    if (!fs::exists(folder / name)) return "waiting";
        }
        return "applied";
    }

    void onCandidate(DropWatcher& watcher, const DropCandidate& candidate)
    {
        const std::string outcome = attempt(candidate.folder);
        watcher.reportResult(candidate, outcome == "waiting" ? DropVerdict::Waiting : DropVerdict::Judged);
        std::lock_guard lock(mutex);
        log.emplace_back(candidate.folder.filename().string(), outcome);
        changed.notify_all();
    }

    bool waitFor(size_t count, std::chrono::milliseconds timeout = 5s)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, timeout, [&] { return log.size() >= count; });
    }

    std::vector<std::pair<std::string, std::string>> snapshot()
    {
        std::lock_guard lock(mutex);
        return log;
    }
};

// A drop watcher on `dropDir`, started, whose candidates go to the fake importer.
struct WatchedDrop {
    WatchedDrop(const fs::path& dropDir, std::chrono::milliseconds quietPeriod,
                std::chrono::milliseconds rescanInterval)
        : watcher(options(dropDir, quietPeriod, rescanInterval),
                  [this](const DropCandidate& c) { importer.onCandidate(watcher, c); })
    {
        watcher.start();
    }
    static DropWatcher::Options options(const fs::path& dropDir, std::chrono::milliseconds quietPeriod,
                                        std::chrono::milliseconds rescanInterval)
    {
        DropWatcher::Options options;
        options.dropDir = dropDir;
        options.quietPeriod = quietPeriod;
        options.rescanInterval = rescanInterval;
        return options;
    }
    FakeImporter importer;
    DropWatcher watcher;
};

} // namespace

TEST_CASE("sync tools' temporary names are ignored", "[drop]")
{
    const std::pair<std::string_view, bool> names[] = {{".syncthing.activities.csv.tmp", true},
                                                       {"~syncthing~activities.csv.tmp", true},
                                                       {".pkg-2026.Ab12Cd", true},
                                                       {".hidden", true},
                                                       {"", true},
                                                       {"pkg-2026-06", false},
                                                       {"六月内容", false}};
    for (const auto& [name, ignored] : names) {
        CAPTURE(name);
        CHECK(isIgnoredDropName(name) == ignored);
    }
}

TEST_CASE("a folder's fingerprint follows its listing", "[drop]")
{
    TempDir dir;
    const fs::path pkg = dir.path / "pkg";
    CHECK(folderFingerprint(pkg) == 0);
    writeFile(pkg / "a.csv", "1");
    const uint64_t first = folderFingerprint(pkg);
    CHECK(first != 0);
    CHECK(folderFingerprint(pkg) == first);
    writeFile(pkg / "a.csv", "12");
    const uint64_t second = folderFingerprint(pkg);
    CHECK(second != first);
    writeFile(pkg / "b.csv", "");
    CHECK(folderFingerprint(pkg) != second);
}

TEST_CASE("drop watcher: half-synced waits, completes, applies once; temp names ignored", "[drop]")
{
    TempDir drop;
    WatchedDrop watched(drop.path, 100ms, 400ms);
    auto& [importer, watcher] = watched;

    // Temporary names that sync tools use never become candidates.
    writeFile(drop.path / ".syncthing.pkg.tmp" / "activities.csv", "x");
    writeFile(drop.path / "~syncthing~pkg.tmp" / "activities.csv", "x");
    writeFile(drop.path / ".pkg.Xy12zz" / "activities.csv", "x");
    writeFile(drop.path / "loose-file.csv", "not a folder");

    // The manifest arrives before the sheet it lists.
    writeFile(drop.path / "pkg" / "manifest.json", R"({"format":1,"version":2,"files":{"activities.csv":"00"}})");
    REQUIRE(importer.waitFor(1));
    CHECK(importer.snapshot()[0] == std::pair<std::string, std::string>{"pkg", "waiting"});

    // rsync writes a hidden temporary file, then renames it into place.
    writeFile(drop.path / "pkg" / ".activities.csv.AbC123", "日期,开始,活动\n");
    fs::rename(drop.path / "pkg" / ".activities.csv.AbC123", drop.path / "pkg" / "activities.csv");
    REQUIRE(importer.waitFor(2));
    {
        const auto log = importer.snapshot();
        // Possibly one more "waiting" from the periodic rescan in between; the last is applied.
        CHECK(log.back() == std::pair<std::string, std::string>{"pkg", "applied"});
    }
    const size_t afterApply = importer.snapshot().size();

    // Applied: not tried again over several rescans.
    std::this_thread::sleep_for(1200ms);
    CHECK(importer.snapshot().size() == afterApply);

    // A change to the folder makes it a candidate again.
    writeFile(drop.path / "pkg" / "notices.csv", "标题\n停水通知\n");
    REQUIRE(importer.waitFor(afterApply + 1));
    watcher.stop();

    for (const auto& [name, outcome] : importer.snapshot()) CHECK(name == "pkg");
}

TEST_CASE("drop watcher: a waiting package is retried on the periodic rescan", "[drop]")
{
    TempDir drop;
    writeFile(drop.path / "stuck" / "manifest.json", R"({"format":1,"version":3,"files":{"meals.csv":"00"}})");
    WatchedDrop watched(drop.path, 50ms, 200ms);
    auto& [importer, watcher] = watched;
    // Present at start: offered once it is quiet, then retried on each rescan while waiting.
    REQUIRE(importer.waitFor(3));
    watcher.stop();
    for (const auto& [name, outcome] : importer.snapshot()) CHECK(outcome == "waiting");
}

TEST_CASE("drop watcher: a drop dir that appears later is picked up by the rescan", "[drop]")
{
    TempDir base;
    WatchedDrop watched(base.path / "drop", 50ms, 150ms);
    auto& [importer, watcher] = watched;
    std::this_thread::sleep_for(100ms);
    writeFile(base.path / "drop" / "p1" / "station.csv", "项目,内容\n");
    REQUIRE(importer.waitFor(1));
    watcher.stop();
    CHECK(importer.snapshot()[0] == std::pair<std::string, std::string>{"p1", "applied"});
}

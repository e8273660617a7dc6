// The update worker (platform/update_service.*): the thread, its queue and the watchers around
// content::UpdateSession, driven as the app drives it, through real folders standing in for
// sticks and a drop folder.
#include "platform/update_service.h"

#include "content/store.h"
#include "content/trust.h"
#include "platform/status_file.h"
#include "tests/support/test_files.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <thread>

using namespace platform;
using namespace std::chrono_literals;

namespace {

using test::readFile;
using test::TempDir;
using test::writeFile;

const std::string kActivities = "日期,开始,结束,活动,地点,说明,类别\n"
                                "每天,09:00,10:00,晨练太极拳,院子,,文体\n"
                                "2026-06-03,14:30,16:00,智能手机课,活动室,带上手机,学习\n";
const std::string kBadActivities = "日期,开始,活动\n"
                                   "2026-13-45,09:00,太极拳\n";

// The app's side: events arrive through the MainQueue on "the main thread" (this test).
struct App {
    MainQueue queue;
    // Events are copied out of it (last() returns a reference that the next push may move).
    std::vector<UpdateEvent> events;

    // The service's listener: records every event (it runs on "the main thread", in drain()).
    UpdateService::Listener listener()
    {
        return [this](const UpdateEvent& e) { events.push_back(e); };
    }

    // Drains the queue until `pred` holds for the events seen, or the time runs out.
    template <typename Pred>
    bool waitUntil(Pred pred, std::chrono::milliseconds timeout = 15s)
    {
        const auto end = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < end) {
            queue.drain();
            if (pred()) return true;
            std::this_thread::sleep_for(10ms);
        }
        queue.drain();
        return pred();
    }
    bool waitFor(UpdateEventKind kind, size_t count = 1, std::chrono::milliseconds timeout = 15s)
    {
        return waitUntil([&] { return this->count(kind) >= count; }, timeout);
    }
    size_t count(UpdateEventKind kind) const
    {
        size_t n = 0;
        for (const auto& e : events) n += e.kind == kind;
        return n;
    }
    const UpdateEvent& last(UpdateEventKind kind) const
    {
        for (auto it = events.rbegin(); it != events.rend(); ++it)
            if (it->kind == kind) return *it;
        throw std::runtime_error("no such event");
    }
};

// A stick "arrives" in one rename, as a mount makes its whole tree visible at once.
void insertStick(const fs::path& workDir, const fs::path& mediaRoot, const std::string& label,
                 const std::string& activities)
{
    const fs::path building = workDir / ("building-" + label);
    writeFile(building / "KIOSK" / "activities.csv", activities);
    fs::rename(building, mediaRoot / label);
}

nlohmann::json readStatus(const fs::path& dir)
{
    const std::string text = readFile(dir / "status.json");
    nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    // Not written yet: an empty object, so that a test may look up fields while it waits.
    return json.is_object() ? json : nlohmann::json::object();
}

// A status file already writing, as main.cpp starts it before the service.
std::shared_ptr<StatusFile> startedStatus(const fs::path& dir, std::chrono::milliseconds interval)
{
    StatusFile::Options options;
    options.dir = dir;
    options.kioskId = "test-kiosk";
    options.interval = interval;
    auto status = std::make_shared<StatusFile>(std::move(options));
    status->start();
    return status;
}

UpdateService::Options fastOptions(const TempDir& tmp)
{
    UpdateService::Options options;
    options.dataDir.root = tmp.path / "data";
    options.mediaRoots = {tmp.path / "media"};
    options.status = startedStatus(tmp.path / "status", 200ms);
    options.mountRescan = 100ms;
    options.dropQuiet = 100ms;
    options.dropRescan = 500ms;
    options.dropSettle = 300ms;
    options.statusInterval = 200ms;
    fs::create_directories(tmp.path / "media");
    return options;
}

// The store's files and their hashes: "byte-identical" means this map did not change.
std::map<std::string, std::string> storeHashes(const content::DataDir& dir)
{
    return test::hashTree(dir.storeDir(), {"LOCK"});
}

// A signed activities sheet big enough that reading it takes a while (tens of thousands of rows).
void writeBigSignedPackage(const fs::path& kioskDir, const content::SecretKey& key, int64_t version)
{
    std::string sheet = "日期,开始,结束,活动,地点,说明,类别\n";
    for (int i = 0; i < 40000; ++i)
        sheet += "2026-06-" + std::to_string(1 + i % 28) + ",09:00,10:00,U盘上的活动第" + std::to_string(i) +
                 "场,一楼活动室,\"请自带水杯，穿运动鞋\",文体\n";
    writeFile(kioskDir / "activities.csv", sheet);
    test::signPackage(kioskDir, {"activities.csv"}, version, key);
}

// fastOptions with a drop folder.
UpdateService::Options dropOptions(const TempDir& tmp)
{
    auto options = fastOptions(tmp);
    options.dropDir = tmp.path / "drop";
    fs::create_directories(*options.dropDir);
    fs::create_directories(options.dataDir.root);
    return options;
}

// A new key pair whose public half the data dir trusts; the secret half signs test packages.
content::SecretKey trustNewKey(const UpdateService::Options& options)
{
    return test::trustNewKey(options.dataDir);
}

// Starts the worker and waits until it has opened the store, as the app's start does.
void startService(UpdateService& service, App& app)
{
    service.start();
    REQUIRE(app.waitUntil([&] { return service.info().storeOpen; }));
}

// Approves the stick waiting for the PIN (staff typed it right) and returns the Applied event
// that follows, which must carry kActivities' two rows, 晨练太极拳 first.
UpdateEvent approveAndApply(UpdateService& service, App& app)
{
    service.approvePending();
    REQUIRE(app.waitFor(UpdateEventKind::Applied));
    const UpdateEvent applied = app.last(UpdateEventKind::Applied);
    REQUIRE(applied.snapshot);
    REQUIRE(applied.snapshot->activities.size() == 2);
    CHECK(applied.snapshot->activities[0].title == "晨练太极拳");
    return applied;
}

// A station with a drop folder, a key its data dir trusts (for signing the packages a case
// drops) and the service on it, started: how the drop cases begin (TEST_CASE_METHOD).
struct DropStation {
    DropStation()
        : options(dropOptions(tmp)), secretKey(trustNewKey(options)), service(options, app.queue, app.listener())
    {
        startService(service, app);
    }
    TempDir tmp;
    UpdateService::Options options;
    content::SecretKey secretKey;
    App app;
    UpdateService service;
};

} // namespace

TEST_CASE("update service: unsigned stick needs the PIN, then applies and writes its report", "[update]")
{
    TempDir tmp;
    App app;
    UpdateService service(fastOptions(tmp), app.queue, app.listener());
    service.start();

    REQUIRE(app.waitUntil([&] { return service.info().storeOpen; }));
    const int64_t firstVersion = service.info().contentVersion;
    // The status file's own thread writes the change a moment after the store opened.
    REQUIRE(app.waitUntil([&] { return readStatus(tmp.path / "status")["content_version"] == firstVersion; }, 2s));
    {
        const auto status = readStatus(tmp.path / "status");
        REQUIRE(status.is_object());
        CHECK(status["app_version"] == KIOSK_APP_VERSION);
        CHECK(status["content_version"] == firstVersion);
        CHECK(status.contains("started"));
        CHECK(status.contains("uptime_seconds"));
        CHECK(status.contains("updated"));
    }

    insertStick(tmp.path, tmp.path / "media", "STICK", kActivities);
    REQUIRE(app.waitFor(UpdateEventKind::NeedsPin));
    CHECK(app.count(UpdateEventKind::Reading) == 1);
    {
        const UpdateEvent e = app.last(UpdateEventKind::NeedsPin);
        REQUIRE(e.report);
        CHECK(e.report->outcome == content::ImportOutcome::NeedsPin);
        CHECK(e.report->rows[static_cast<size_t>(content::SheetKind::Activities)] == 2);
        CHECK(e.package == tmp.path / "media" / "STICK" / "KIOSK");
    }
    CHECK(service.info().pinPending);
    CHECK(service.info().contentVersion == firstVersion);

    // The PIN was right: the same stick again, this time vouched for.
    const UpdateEvent applied = approveAndApply(service, app);
    CHECK(applied.snapshot->version > firstVersion);
    CHECK(applied.source == content::PackageSource::Usb);
    CHECK(applied.reportFile == tmp.path / "media" / "STICK" / "KIOSK" / "import-report.txt");
    const std::string reportText = readFile(applied.reportFile);
    CHECK(reportText.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(reportText.find("\r\n") != std::string::npos);
    CHECK_FALSE(service.info().pinPending);
    const int64_t newVersion = applied.snapshot->version;

    // status.json follows.
    REQUIRE(app.waitUntil([&] {
        const auto status = readStatus(tmp.path / "status");
        return status.is_object() && status["content_version"] == newVersion;
    }));
    {
        const auto status = readStatus(tmp.path / "status");
        REQUIRE(status["last_import"].is_object());
        CHECK(status["last_import"]["ok"] == true);
        CHECK(status["last_import"]["summary"].get<std::string>().find("活动 2 条") != std::string::npos);
    }
    CHECK(service.info().lastImport);
    CHECK(service.info().canRollback);

    // Read once per insertion: rescans do not read it again, and the PIN applies the copy
    // already read and shown (the stick is not read a second time).
    std::this_thread::sleep_for(600ms);
    app.queue.drain();
    CHECK(app.count(UpdateEventKind::Reading) == 1);

    // Staff export: KIOSK/ already exists, so the sheets go into a new subfolder.
    service.exportToStick();
    REQUIRE(app.waitFor(UpdateEventKind::Exported));
    const UpdateEvent exported = app.last(UpdateEventKind::Exported);
    CHECK(exported.exported.dir.parent_path() == tmp.path / "media" / "STICK" / "KIOSK");
    CHECK(exported.exported.dir.filename().string().rfind("导出-", 0) == 0);
    CHECK(fs::exists(exported.exported.dir / "activities.csv"));
    CHECK(fs::exists(exported.exported.dir / "station.csv"));
    CHECK(readFile(tmp.path / "media" / "STICK" / "KIOSK" / "activities.csv") == kActivities);

    // Roll back to what was there before the stick.
    service.rollback();
    REQUIRE(app.waitFor(UpdateEventKind::RolledBack));
    REQUIRE(app.last(UpdateEventKind::RolledBack).snapshot);
    CHECK(app.last(UpdateEventKind::RolledBack).snapshot->version == firstVersion);
    CHECK(service.info().contentVersion == firstVersion);

    // Pulling the stick is noticed.
    fs::remove_all(tmp.path / "media" / "STICK");
    REQUIRE(app.waitFor(UpdateEventKind::StickRemoved));
    CHECK_FALSE(service.info().stick);
    service.stop();
}

TEST_CASE("update service: a stick pulled in the middle of a big import changes nothing and says so", "[update]")
{
    TempDir tmp;
    auto options = fastOptions(tmp);
    // Only the import itself may bring status.json up to date here, not the periodic rewrite.
    options.statusInterval = 60s;
    options.status = startedStatus(tmp.path / "status", 60s);
    // A folder standing in for a stick is seen to go by the rescan: well inside the import.
    options.mountRescan = 20ms;
    fs::create_directories(options.dataDir.root);
    const auto [publicKey, secretKey] = content::generateKeyPair();
    std::string error;
    REQUIRE(content::trustKey(options.dataDir, content::formatPublicKeyFile(publicKey), error));

    App app;
    UpdateService service(options, app.queue, app.listener());
    service.start();
    REQUIRE(app.waitUntil([&] { return service.info().storeOpen && fs::exists(tmp.path / "status" / "status.json"); }));
    const int64_t version = service.info().contentVersion;
    const auto before = storeHashes(options.dataDir);

    // The same package applies when left in: it really would change the content.
    const fs::path building = tmp.path / "building";
    writeBigSignedPackage(building / "KIOSK", secretKey, 209901011200);
    {
        TempDir other;
        auto probe = fastOptions(other);
        fs::create_directories(probe.dataDir.root);
        REQUIRE(content::trustKey(probe.dataDir, content::formatPublicKeyFile(publicKey), error));
        content::Store store = content::Store::open(probe.dataDir, probe.clock().local.date);
        content::ImportOptions importOptions;
        importOptions.source = content::PackageSource::Usb;
        REQUIRE(content::importPackage(store, probe.dataDir, building / "KIOSK", importOptions).ok());
    }

    // Plugged in, and pulled as soon as the screen says it is reading.
    const fs::path stick = tmp.path / "media" / "BIG";
    fs::rename(building, stick);
    REQUIRE(app.waitFor(UpdateEventKind::Reading));
    fs::rename(stick, tmp.path / "pulled");

    REQUIRE(app.waitUntil([&] {
        return app.count(UpdateEventKind::Cancelled) + app.count(UpdateEventKind::Applied) +
                   app.count(UpdateEventKind::Rejected) >
               0;
    }));
    CHECK(app.count(UpdateEventKind::Applied) == 0);
    CHECK(app.count(UpdateEventKind::Rejected) == 0);
    REQUIRE(app.count(UpdateEventKind::Cancelled) == 1);
    const UpdateEvent cancelled = app.last(UpdateEventKind::Cancelled);
    CHECK(cancelled.package == stick / "KIOSK");
    REQUIRE(cancelled.report);
    INFO(cancelled.report->summary());
    CHECK(cancelled.report->summary().find("未做任何更改") != std::string::npos);
    REQUIRE(app.waitFor(UpdateEventKind::StickRemoved));
    CHECK_FALSE(service.info().busy);

    // Nothing changed: the store files, the version, and no report was written onto the stick.
    CHECK(storeHashes(options.dataDir) == before);
    CHECK(service.info().contentVersion == version);
    CHECK_FALSE(fs::exists(tmp.path / "pulled" / "KIOSK" / "import-report.txt"));
    std::error_code ec;
    // A copy that missed the stop's grace period removes its staging dir on its own thread once
    // its read returns (update_service.cpp), so under load or ASan that may come just after. A
    // stick pulled before the copy began leaves no staging dir at all (seen under load).
    const bool stagingEmpty = app.waitUntil(
        [&] { return !fs::exists(options.dataDir.stagingDir(), ec) || fs::is_empty(options.dataDir.stagingDir(), ec); },
        20s);
    // What is left, should it fail.
    std::string left;
    for (const auto& entry : fs::recursive_directory_iterator(options.dataDir.stagingDir(), ec))
        left += entry.path().lexically_relative(options.dataDir.stagingDir()).string() + " ";
    INFO("left in staging: " << left << (ec ? ec.message() : ""));
    CHECK(stagingEmpty);
    // status.json (for the district office) says at once that this import did not happen: well
    // before the 60 s periodic rewrite.
    REQUIRE(app.waitUntil([&] { return readStatus(tmp.path / "status")["last_import"].is_object(); }, 2s));
    const auto status = readStatus(tmp.path / "status");
    REQUIRE(status.is_object());
    CHECK(status["content_version"] == version);
    REQUIRE(status["last_import"].is_object());
    CHECK(status["last_import"]["ok"] == false);
    CHECK(status["last_import"]["summary"].get<std::string>().find("未做任何更改") != std::string::npos);
    REQUIRE(service.info().lastImport);
    CHECK_FALSE(service.info().lastImport->ok());
    service.stop();

    // And the kiosk starts on it as before.
    CHECK(content::Store::open(options.dataDir, options.clock().local.date).version() == version);
}

TEST_CASE("update service: a bad stick is rejected with located problems", "[update]")
{
    TempDir tmp;
    App app;
    UpdateService service(fastOptions(tmp), app.queue, app.listener());
    startService(service, app);
    const int64_t version = service.info().contentVersion;

    insertStick(tmp.path, tmp.path / "media", "BAD", kBadActivities);
    REQUIRE(app.waitFor(UpdateEventKind::Rejected));
    const UpdateEvent rejected = app.last(UpdateEventKind::Rejected);
    REQUIRE(rejected.report);
    REQUIRE_FALSE(rejected.report->problems.empty());
    CHECK(rejected.report->problems[0].file == "activities.csv");
    CHECK(rejected.report->problems[0].row == 2);
    CHECK_FALSE(rejected.snapshot);
    CHECK(fs::exists(tmp.path / "media" / "BAD" / "KIOSK" / "import-report.txt"));
    CHECK(readFile(tmp.path / "media" / "BAD" / "KIOSK" / "import-report.txt").find("activities.csv:2:") !=
          std::string::npos);
    CHECK(service.info().contentVersion == version);
    // No PIN is asked for a package that would not import anyway.
    CHECK(app.count(UpdateEventKind::NeedsPin) == 0);
    // The rejection is on record: info (the staff screen, status.json) shows it as failed.
    REQUIRE(rejected.info.lastImport);
    CHECK_FALSE(rejected.info.lastImport->ok());
    REQUIRE(service.info().lastImport);
    CHECK_FALSE(service.info().lastImport->ok());
    CHECK(app.waitUntil([&] { return readStatus(tmp.path / "status")["last_import"]["ok"] == false; }, 2s));
    service.stop();
}

TEST_CASE("update service: the PIN applies exactly the copy staff were shown, whatever the stick holds now", "[update]")
{
    TempDir tmp;
    App app;
    UpdateService service(fastOptions(tmp), app.queue, app.listener());
    startService(service, app);

    insertStick(tmp.path, tmp.path / "media", "S", kActivities);
    REQUIRE(app.waitFor(UpdateEventKind::NeedsPin));
    const UpdateEvent asked = app.last(UpdateEventKind::NeedsPin);
    REQUIRE(asked.report);
    CHECK(asked.report->rows[static_cast<size_t>(content::SheetKind::Activities)] == 2);

    // Between the question and the PIN, the stick changes (another sheet, another row count).
    const fs::path kiosk = tmp.path / "media" / "S" / "KIOSK";
    writeFile(kiosk / "activities.csv", "日期,开始,活动\n每天,08:00,换过的活动\n");
    writeFile(kiosk / "notices.csv", "标题\n不该出现的通知\n");
    const UpdateEvent applied = approveAndApply(service, app);
    for (const auto& notice : applied.snapshot->notices) CHECK(notice.title != "不该出现的通知");
    REQUIRE(applied.report);
    CHECK(applied.report->rows == asked.report->rows);
    service.stop();
}

TEST_CASE("update service: a stick whose read() blocks does not block the worker; the import ends in time", "[update]")
{
    TempDir tmp;
    auto options = dropOptions(tmp);
    const content::SecretKey secretKey = trustNewKey(options);
    options.stickDeadline = 500ms;
    // The copy of the stick reads a FIFO nobody writes to: read() blocks as on a failing stick.
    const fs::path fifo = tmp.path / "stuck.fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::atomic<bool> copyReturned{false};
    options.stage = [fifo, &copyReturned](const content::DataDir& dir, const fs::path& package,
                                          const std::atomic<bool>* cancel) {
        const int fd = ::open(fifo.c_str(), O_RDONLY); // blocks until a writer opens it
        char byte = 0;
        while (fd >= 0 && ::read(fd, &byte, 1) > 0) {
        }
        if (fd >= 0) ::close(fd);
        content::StageResult result = content::stageForImport(dir, package, cancel);
        copyReturned = true;
        return result;
    };

    App app;
    UpdateService service(options, app.queue, app.listener());
    startService(service, app);
    const int64_t version = service.info().contentVersion;

    const auto inserted = std::chrono::steady_clock::now();
    insertStick(tmp.path, tmp.path / "media", "STUCK", kActivities);
    REQUIRE(app.waitFor(UpdateEventKind::TimedOut, 1, 10s));
    // The deadline, plus the grace a copy gets to stop by itself, plus slack for a loaded machine.
    CHECK(std::chrono::steady_clock::now() - inserted < 6s);
    CHECK_FALSE(copyReturned.load());
    CHECK(app.count(UpdateEventKind::Applied) == 0);
    REQUIRE(app.last(UpdateEventKind::TimedOut).report);
    CHECK(app.last(UpdateEventKind::TimedOut).report->summary().find("未做任何更改") != std::string::npos);
    CHECK(service.info().contentVersion == version);
    REQUIRE(service.info().lastImport);
    CHECK_FALSE(service.info().lastImport->ok());

    // The worker goes on while that read is still stuck: a signed drop package applies.
    writeFile(tmp.path / "b" / "activities.csv", kActivities);
    test::signPackage(tmp.path / "b", {"activities.csv"}, 202606030900, secretKey);
    fs::rename(tmp.path / "b", *options.dropDir / "pkg");
    REQUIRE(app.waitFor(UpdateEventKind::Applied));
    CHECK_FALSE(copyReturned.load());
    service.stop();

    // The stuck read returns at last (the stick answers): the copy cleans up after itself.
    const int writer = ::open(fifo.c_str(), O_WRONLY);
    REQUIRE(writer >= 0);
    ::close(writer);
    const auto end = std::chrono::steady_clock::now() + 10s;
    while (!copyReturned.load() && std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(10ms);
    CHECK(copyReturned.load());
}

TEST_CASE("update service: export without a stick says why", "[update]")
{
    TempDir tmp;
    App app;
    UpdateService service(fastOptions(tmp), app.queue, app.listener());
    startService(service, app);

    service.exportToStick();
    REQUIRE(app.waitFor(UpdateEventKind::ExportFailed));
    CHECK(app.last(UpdateEventKind::ExportFailed).exported.outcome == content::ExportOutcome::NoStick);
    service.stop();
}

TEST_CASE_METHOD(DropStation, "update service: signed drop packages apply once; unsigned ones are refused", "[update]")
{
    // Synced as a whole folder, the way a sync tool finishes with a rename.
    const int64_t packageVersion = 202606030900;
    const fs::path building = tmp.path / "building";
    writeFile(building / "activities.csv", kActivities);
    test::signPackage(building, {"activities.csv"}, packageVersion, secretKey);
    fs::rename(building, *options.dropDir / "pkg-0603");

    REQUIRE(app.waitFor(UpdateEventKind::Applied));
    const UpdateEvent applied = app.last(UpdateEventKind::Applied);
    CHECK(applied.source == content::PackageSource::Drop);
    REQUIRE(applied.snapshot);
    CHECK(applied.snapshot->version == packageVersion);
    CHECK(applied.reportFile.empty());
    // The kiosk never writes into the drop folder.
    CHECK_FALSE(fs::exists(*options.dropDir / "pkg-0603" / "import-report.txt"));
    REQUIRE(app.waitUntil([&] {
        const auto status = readStatus(tmp.path / "status");
        return status.is_object() && status["content_version"] == packageVersion;
    }));

    // An unsigned folder next to it is refused (no --allow-unsigned).
    writeFile(tmp.path / "b2" / "activities.csv", kActivities);
    fs::rename(tmp.path / "b2", *options.dropDir / "unsigned");
    REQUIRE(app.waitFor(UpdateEventKind::Rejected));
    CHECK(app.last(UpdateEventKind::Rejected).source == content::PackageSource::Drop);

    // Several rescans later nothing was retried or re-applied.
    std::this_thread::sleep_for(1200ms);
    app.queue.drain();
    CHECK(app.count(UpdateEventKind::Applied) == 1);
    CHECK(app.count(UpdateEventKind::Rejected) == 1);
    CHECK(service.info().contentVersion == packageVersion);
    service.stop();
}

TEST_CASE_METHOD(DropStation, "update service: a half-synced drop package waits, then applies when its last file lands",
                 "[update]")
{
    const int64_t version = service.info().contentVersion;
    const auto before = storeHashes(options.dataDir);

    // The sync tool has delivered the manifest, its signature and one of the two sheets it lists.
    const int64_t packageVersion = 202606040900;
    const std::string meals = "日期,餐次,菜品\n每天,午餐,同步来的午饭\n";
    const std::string manifest =
        nlohmann::json{
            {"format", 1},
            {"version", packageVersion},
            {"files", {{"activities.csv", content::sha256Hex(kActivities)}, {"meals.csv", content::sha256Hex(meals)}}}}
            .dump();
    const fs::path pkg = *options.dropDir / "pkg-0604";
    writeFile(pkg / "activities.csv", kActivities);
    writeFile(pkg / "manifest.json", manifest);
    writeFile(pkg / "manifest.json.minisig", content::signMessage(manifest, secretKey, "half synced"));

    // Several quiet periods and rescans: nothing applied, nothing rejected, the store untouched.
    std::this_thread::sleep_for(1500ms);
    app.queue.drain();
    CHECK(app.count(UpdateEventKind::Applied) == 0);
    CHECK(app.count(UpdateEventKind::Rejected) == 0);
    CHECK(storeHashes(options.dataDir) == before);
    CHECK(service.info().contentVersion == version);
    CHECK_FALSE(content::loadLastImport(options.dataDir).has_value());

    // The last file lands (rsync style: a hidden temporary name, then a rename).
    writeFile(pkg / ".meals.csv.Xy12", meals);
    fs::rename(pkg / ".meals.csv.Xy12", pkg / "meals.csv");
    REQUIRE(app.waitFor(UpdateEventKind::Applied));
    CHECK(app.count(UpdateEventKind::Rejected) == 0);
    const UpdateEvent applied = app.last(UpdateEventKind::Applied);
    REQUIRE(applied.snapshot);
    CHECK(applied.snapshot->version == packageVersion);
    CHECK(applied.snapshot->activities.size() == 2);
    REQUIRE(applied.snapshot->meals.size() == 1);
    CHECK(service.info().contentVersion == packageVersion);
    service.stop();
}

TEST_CASE("update service: a drop package whose files arrive one by one waits without a word, then applies", "[update]")
{
    TempDir tmp;
    App app;
    UpdateService::Options options = dropOptions(tmp);
    // Longer than the gaps between the files below, so that only an early verdict could refuse it.
    options.dropSettle = 1500ms;
    const content::SecretKey key = trustNewKey(options);
    UpdateService service(options, app.queue, app.listener());
    startService(service, app);

    const int64_t packageVersion = 202606050900;
    const fs::path source = tmp.path / "source";
    writeFile(source / "activities.csv", kActivities);
    test::signPackage(source, {"activities.csv"}, packageVersion, key);
    const fs::path pkg = *options.dropDir / "pkg-0605";
    // The sheet, then the signature, then the manifest, each after the quiet period.
    for (const char* name : {"activities.csv", "manifest.json.minisig", "manifest.json"}) {
        writeFile(tmp.path / "part", readFile(source / name));
        fs::create_directories(pkg);
        fs::rename(tmp.path / "part", pkg / name);
        std::this_thread::sleep_for(400ms);
        app.queue.drain();
        INFO(name);
        CHECK(app.count(UpdateEventKind::Rejected) == 0);
    }
    REQUIRE(app.waitFor(UpdateEventKind::Applied));
    CHECK(app.count(UpdateEventKind::Rejected) == 0);
    CHECK(app.last(UpdateEventKind::Applied).snapshot->version == packageVersion);
    const auto last = content::loadLastImport(options.dataDir);
    REQUIRE(last);
    CHECK(last->ok());

    // A folder that stays without its signature is refused once it is quiet, and says why.
    writeFile(tmp.path / "b2" / "activities.csv", kActivities);
    fs::rename(tmp.path / "b2", *options.dropDir / "unsigned");
    REQUIRE(app.waitFor(UpdateEventKind::Rejected, 1, 5s));
    CHECK(app.last(UpdateEventKind::Rejected).report->summary().find("未签名") != std::string::npos);
    service.stop();
}

TEST_CASE("update service: drop packages that land together apply oldest first, whatever their names", "[update]")
{
    TempDir tmp;
    App app;
    UpdateService::Options options = dropOptions(tmp);
    const content::SecretKey key = trustNewKey(options);
    // Named against their version order, landing one after the other.
    const std::vector<std::pair<std::string, int64_t>> packages = {
        {"a-newest", 202606070900}, {"b-oldest", 202606050900}, {"c-middle", 202606060900}};
    for (const auto& [name, version] : packages) {
        writeFile(tmp.path / name / "activities.csv", kActivities);
        test::signPackage(tmp.path / name, {"activities.csv"}, version, key);
    }
    UpdateService service(options, app.queue, app.listener());
    startService(service, app);
    for (const auto& [name, version] : packages) fs::rename(tmp.path / name, *options.dropDir / name);
    REQUIRE(app.waitFor(UpdateEventKind::Applied, 3));
    std::this_thread::sleep_for(300ms);
    app.queue.drain();
    CHECK(app.count(UpdateEventKind::Rejected) == 0);
    std::vector<int64_t> applied;
    for (const UpdateEvent& e : app.events)
        if (e.kind == UpdateEventKind::Applied) applied.push_back(e.report->version);
    CHECK(applied == std::vector<int64_t>{202606050900, 202606060900, 202606070900});
    CHECK(service.info().signedVersion == 202606070900);
    service.stop();
}

TEST_CASE("update service: after a restart, the old packages left in the drop folder are not refused again", "[update]")
{
    TempDir tmp;
    UpdateService::Options options = dropOptions(tmp);
    const content::SecretKey key = trustNewKey(options);
    {
        App app;
        UpdateService service(options, app.queue, app.listener());
        startService(service, app);
        writeFile(tmp.path / "new" / "activities.csv", kActivities);
        test::signPackage(tmp.path / "new", {"activities.csv"}, 202606060900, key);
        fs::rename(tmp.path / "new", *options.dropDir / "pkg-0606");
        REQUIRE(app.waitFor(UpdateEventKind::Applied));
        // An old one arriving later is refused, naming both versions.
        writeFile(tmp.path / "old" / "activities.csv", kActivities);
        test::signPackage(tmp.path / "old", {"activities.csv"}, 202606050900, key);
        fs::rename(tmp.path / "old", *options.dropDir / "pkg-0605");
        REQUIRE(app.waitFor(UpdateEventKind::Rejected));
        const std::string summary = app.last(UpdateEventKind::Rejected).report->summary();
        CHECK(summary.find("202606050900") != std::string::npos);
        CHECK(summary.find("202606060900") != std::string::npos);
        // A bad package is judged again after a restart (a key may have been trusted meanwhile).
        writeFile(tmp.path / "bad" / "activities.csv", kActivities);
        fs::rename(tmp.path / "bad", *options.dropDir / "unsigned");
        REQUIRE(app.waitFor(UpdateEventKind::Rejected, 2));
        service.stop();
    }
    App app;
    options.status = startedStatus(tmp.path / "status", 200ms);
    UpdateService service(options, app.queue, app.listener());
    startService(service, app);
    REQUIRE(app.waitFor(UpdateEventKind::Rejected, 1, 5s));
    std::this_thread::sleep_for(1000ms);
    app.queue.drain();
    CHECK(app.count(UpdateEventKind::Rejected) == 1);
    CHECK(app.count(UpdateEventKind::Applied) == 0);
    CHECK(app.last(UpdateEventKind::Rejected).package.filename() == "unsigned");
    service.stop();
}

TEST_CASE("update service: the PIN typed on screen is checked off the main thread", "[update]")
{
    TempDir tmp;
    auto options = fastOptions(tmp);
    fs::create_directories(options.dataDir.root);
    std::string error;
    REQUIRE(content::setPin(options.dataDir, "2468", error));

    App app;
    UpdateService service(options, app.queue, app.listener());
    startService(service, app);
    CHECK(service.info().pinSet);

    // For the staff menu: a wrong PIN says how many tries are left.
    service.submitPin("1111", PinPurpose::StaffMenu);
    REQUIRE(app.waitFor(UpdateEventKind::PinChecked));
    {
        const UpdateEvent e = app.last(UpdateEventKind::PinChecked);
        REQUIRE(e.pinCheck);
        CHECK(e.pinCheck->result == content::PinResult::Wrong);
        CHECK(e.pinCheck->triesLeft == 4);
        CHECK(e.pinPurpose == PinPurpose::StaffMenu);
    }

    insertStick(tmp.path, tmp.path / "media", "S", kActivities);
    REQUIRE(app.waitFor(UpdateEventKind::NeedsPin));
    service.submitPin("2468", PinPurpose::ApproveImport);
    REQUIRE(app.waitFor(UpdateEventKind::Applied));
    CHECK(app.last(UpdateEventKind::PinChecked).pinCheck->result == content::PinResult::Ok);
    CHECK(app.last(UpdateEventKind::Applied).snapshot->activities.size() == 2);
    service.stop();
}

TEST_CASE("update service: no PIN set is reported as such", "[update]")
{
    TempDir tmp;
    App app;
    UpdateService service(fastOptions(tmp), app.queue, app.listener());
    startService(service, app);
    CHECK_FALSE(service.info().pinSet);
    service.submitPin("1234", PinPurpose::StaffMenu);
    REQUIRE(app.waitFor(UpdateEventKind::PinChecked));
    CHECK(app.last(UpdateEventKind::PinChecked).pinCheck->result == content::PinResult::NoPin);
    service.stop();
}

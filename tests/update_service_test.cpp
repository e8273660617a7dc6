#include "platform/update_service.h"

#include "content/trust.h"
#include "platform/status_file.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace platform;
using namespace std::chrono_literals;

namespace {

struct TempDir {
    fs::path path;
    TempDir()
    {
        std::string pattern = (fs::temp_directory_path() / "kiosk-update-XXXXXX").string();
        path = mkdtemp(pattern.data());
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

void writeFile(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

std::string readFile(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const std::string kActivities = "日期,开始,结束,活动,地点,说明,类别\n"
                                "每天,09:00,10:00,晨练太极拳,院子,,文体\n"
                                "2026-06-03,14:30,16:00,智能手机课,活动室,带上手机,学习\n";
const std::string kBadActivities = "日期,开始,活动\n"
                                   "2026-13-45,09:00,太极拳\n";

// The app's side: events arrive through the MainQueue on "the main thread" (this test).
struct App {
    MainQueue queue;
    std::vector<UpdateEvent> events;

    // Drains the queue until `pred` holds for the events seen, or the time runs out.
    template <typename Pred>
    bool waitUntil(Pred pred, std::chrono::milliseconds timeout = 15s)
    {
        const auto end = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < end) {
            queue.drain();
            if (pred())
                return true;
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
        for (const auto& e : events)
            n += e.kind == kind;
        return n;
    }
    const UpdateEvent& last(UpdateEventKind kind) const
    {
        for (auto it = events.rbegin(); it != events.rend(); ++it)
            if (it->kind == kind)
                return *it;
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
    return nlohmann::json::parse(text, nullptr, false);
}

UpdateService::Options fastOptions(const TempDir& tmp)
{
    UpdateService::Options options;
    options.dataDir.root = tmp.path / "data";
    options.mediaRoots = {tmp.path / "media"};
    options.statusDir = tmp.path / "status";
    options.mountRescan = 100ms;
    options.dropQuiet = 100ms;
    options.dropRescan = 500ms;
    options.statusInterval = 200ms;
    fs::create_directories(tmp.path / "media");
    return options;
}

} // namespace

TEST_CASE("update service: unsigned stick needs the PIN, then applies and writes its report", "[update]")
{
    TempDir tmp;
    App app;
    UpdateService service(fastOptions(tmp), app.queue, [&](const UpdateEvent& e) { app.events.push_back(e); });
    service.start();

    REQUIRE(app.waitUntil([&] { return service.info().storeOpen && fs::exists(tmp.path / "status" / "status.json"); }));
    const int64_t firstVersion = service.info().contentVersion;
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
        const auto& e = app.last(UpdateEventKind::NeedsPin);
        REQUIRE(e.report);
        CHECK(e.report->outcome == content::ImportOutcome::NeedsPin);
        CHECK(e.report->rows[static_cast<size_t>(content::SheetKind::Activities)] == 2);
        CHECK(e.package == tmp.path / "media" / "STICK" / "KIOSK");
    }
    CHECK(service.info().pinPending);
    CHECK(service.info().contentVersion == firstVersion);

    // The PIN was right: the same stick again, this time vouched for.
    service.approvePending();
    REQUIRE(app.waitFor(UpdateEventKind::Applied));
    const auto& applied = app.last(UpdateEventKind::Applied);
    REQUIRE(applied.snapshot);
    CHECK(applied.snapshot->activities.size() == 2);
    CHECK(applied.snapshot->activities[0].title == "晨练太极拳");
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

    // Imported once per insertion: rescans do not read it again.
    std::this_thread::sleep_for(600ms);
    app.queue.drain();
    CHECK(app.count(UpdateEventKind::Reading) == 2);

    // Staff export: KIOSK/ already exists, so the sheets go into a new subfolder.
    service.exportToStick();
    REQUIRE(app.waitFor(UpdateEventKind::Exported));
    const auto& exported = app.last(UpdateEventKind::Exported);
    CHECK(exported.exportDir.parent_path() == tmp.path / "media" / "STICK" / "KIOSK");
    CHECK(exported.exportDir.filename().string().rfind("导出-", 0) == 0);
    CHECK(fs::exists(exported.exportDir / "activities.csv"));
    CHECK(fs::exists(exported.exportDir / "station.csv"));
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

TEST_CASE("update service: a bad stick is rejected with located problems", "[update]")
{
    TempDir tmp;
    App app;
    UpdateService service(fastOptions(tmp), app.queue, [&](const UpdateEvent& e) { app.events.push_back(e); });
    service.start();
    REQUIRE(app.waitUntil([&] { return service.info().storeOpen; }));
    const int64_t version = service.info().contentVersion;

    insertStick(tmp.path, tmp.path / "media", "BAD", kBadActivities);
    REQUIRE(app.waitFor(UpdateEventKind::Rejected));
    const auto& rejected = app.last(UpdateEventKind::Rejected);
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
    service.stop();
}

TEST_CASE("update service: export without a stick says why", "[update]")
{
    TempDir tmp;
    App app;
    UpdateService service(fastOptions(tmp), app.queue, [&](const UpdateEvent& e) { app.events.push_back(e); });
    service.start();
    REQUIRE(app.waitUntil([&] { return service.info().storeOpen; }));

    service.exportToStick();
    REQUIRE(app.waitFor(UpdateEventKind::ExportFailed));
    CHECK_FALSE(app.last(UpdateEventKind::ExportFailed).message.empty());
    service.stop();
}

TEST_CASE("update service: signed drop packages apply once; unsigned ones are refused", "[update]")
{
    TempDir tmp;
    auto options = fastOptions(tmp);
    options.dropDir = tmp.path / "drop";
    fs::create_directories(*options.dropDir);
    fs::create_directories(options.dataDir.root);

    const auto [publicKey, secretKey] = content::generateKeyPair();
    std::string error;
    REQUIRE(content::trustKey(options.dataDir, content::formatPublicKeyFile(publicKey), error));

    App app;
    UpdateService service(options, app.queue, [&](const UpdateEvent& e) { app.events.push_back(e); });
    service.start();
    REQUIRE(app.waitUntil([&] { return service.info().storeOpen; }));

    // Synced as a whole folder, the way a sync tool finishes with a rename.
    const int64_t packageVersion = 202606030900;
    const std::string manifest = nlohmann::json{{"format", 1},
                                                {"version", packageVersion},
                                                {"files", {{"activities.csv", content::sha256Hex(kActivities)}}}}
                                     .dump();
    const fs::path building = tmp.path / "building";
    writeFile(building / "activities.csv", kActivities);
    writeFile(building / "manifest.json", manifest);
    writeFile(building / "manifest.json.minisig", content::signMessage(manifest, secretKey, "test package"));
    fs::rename(building, *options.dropDir / "pkg-0603");

    REQUIRE(app.waitFor(UpdateEventKind::Applied));
    const auto& applied = app.last(UpdateEventKind::Applied);
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

TEST_CASE("status.json holds versions, last import and uptime", "[update]")
{
    TempDir tmp;
    StatusFile status(tmp.path / "st");
    StatusSnapshot snapshot;
    snapshot.contentVersion = 7;
    REQUIRE(status.write(snapshot));
    auto json = nlohmann::json::parse(readFile(tmp.path / "st" / "status.json"));
    CHECK(json["content_version"] == 7);
    CHECK(json["last_import"].is_null());
    CHECK(json["uptime_seconds"].get<int64_t>() >= 0);

    content::ImportReport report;
    report.outcome = content::ImportOutcome::Applied;
    report.time = "2026-06-03T09:00";
    report.source = "/media/pi/U盘/KIOSK";
    report.version = 8;
    snapshot.lastImport = report;
    REQUIRE(status.write(snapshot));
    json = nlohmann::json::parse(readFile(tmp.path / "st" / "status.json"));
    CHECK(json["last_import"]["ok"] == true);
    CHECK(json["last_import"]["time"] == "2026-06-03T09:00");
    CHECK(json["last_import"]["source"] == "/media/pi/U盘/KIOSK");
    CHECK(json["last_import"]["summary"].is_string());
    // No temporary files are left beside it.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(tmp.path / "st"))
        ++files;
    CHECK(files == 1);
}

TEST_CASE("update service: the PIN typed on screen is checked off the main thread", "[update]")
{
    TempDir tmp;
    auto options = fastOptions(tmp);
    fs::create_directories(options.dataDir.root);
    std::string error;
    REQUIRE(content::setPin(options.dataDir, "2468", error));

    App app;
    UpdateService service(options, app.queue, [&](const UpdateEvent& e) { app.events.push_back(e); });
    service.start();
    REQUIRE(app.waitUntil([&] { return service.info().storeOpen; }));
    CHECK(service.info().pinSet);

    // For the staff menu: a wrong PIN says how many tries are left.
    service.submitPin("1111", PinPurpose::StaffMenu);
    REQUIRE(app.waitFor(UpdateEventKind::PinChecked));
    {
        const auto& e = app.last(UpdateEventKind::PinChecked);
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
    UpdateService service(fastOptions(tmp), app.queue, [&](const UpdateEvent& e) { app.events.push_back(e); });
    service.start();
    REQUIRE(app.waitUntil([&] { return service.info().storeOpen; }));
    CHECK_FALSE(service.info().pinSet);
    service.submitPin("1234", PinPurpose::StaffMenu);
    REQUIRE(app.waitFor(UpdateEventKind::PinChecked));
    CHECK(app.last(UpdateEventKind::PinChecked).pinCheck->result == content::PinResult::NoPin);
    service.stop();
}

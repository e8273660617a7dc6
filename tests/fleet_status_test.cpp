#include "content/fleet_status.h"
#include "platform/status_file.h"

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <thread>

using namespace content;
using namespace std::chrono_literals;

namespace {

using test::readFile;
using test::TempDir;

// Sets TZ for one test and puts the old value back.
struct ZoneScope {
    std::string old;
    bool had = false;
    explicit ZoneScope(const char* zone)
    {
        if (const char* v = std::getenv("TZ")) {
            old = v;
            had = true;
        }
        setenv("TZ", zone, 1);
        tzset();
    }
    ~ZoneScope()
    {
        if (had)
            setenv("TZ", old.c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }
};

LocalDateTime at(int y, unsigned m, unsigned d, int hour, int minute)
{
    return LocalDateTime{Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}, hour * 60 + minute};
}

} // namespace

TEST_CASE("status times: ISO 8601 with the UTC offset, both ways", "[status]")
{
    CHECK(formatZonedTime({at(2026, 6, 3, 9, 30), 0, 480}) == "2026-06-03T09:30:00+08:00");
    CHECK(formatZonedTime({at(2026, 1, 2, 23, 5), 7, -330}) == "2026-01-02T23:05:07-05:30");
    CHECK(formatZonedTime({at(2026, 1, 2, 0, 0), 59, 0}) == "2026-01-02T00:00:59+00:00");

    const auto china = parseZonedTime("2026-06-03T09:30:00+08:00");
    REQUIRE(china);
    CHECK(china->offsetMinutes == 480);
    CHECK(china->local == at(2026, 6, 3, 9, 30));
    CHECK(parseZonedTime("2026-06-03T01:30:00Z") == ZonedTime{at(2026, 6, 3, 1, 30), 0, 0});
    CHECK(parseZonedTime("2026-06-03 09:30:15.250+0800") == ZonedTime{at(2026, 6, 3, 9, 30), 15, 480});
    CHECK(parseZonedTime("2026-06-03T09:30-03:00") == ZonedTime{at(2026, 6, 3, 9, 30), 0, -180});
    // The same instant in two zones.
    CHECK(unixSeconds(*china) == unixSeconds(*parseZonedTime("2026-06-03T01:30:00Z")));
    CHECK(unixSeconds(*parseZonedTime("1970-01-01T08:00:00+08:00")) == 0);

    // Without an offset a time says nothing about when it was.
    CHECK_FALSE(parseZonedTime("2026-06-03T09:30:00"));
    CHECK_FALSE(parseZonedTime("2026-06-03T09:30"));
    CHECK_FALSE(parseZonedTime("2026-13-03T09:30:00+08:00"));
    CHECK_FALSE(parseZonedTime("2026-06-03T09:30:00+08:00 trailing"));
    CHECK_FALSE(parseZonedTime(""));
    CHECK_FALSE(parseZonedTime("2026-06-03T09:30:00+8"));
}

TEST_CASE("status times: the offset is the station zone's at that moment", "[status]")
{
    {
        ZoneScope zone("Asia/Shanghai");
        CHECK(localOffsetMinutes(at(2026, 6, 3, 9, 30)) == 480);
        CHECK(formatZonedTime(zoned(at(2026, 6, 3, 9, 30))) == "2026-06-03T09:30:00+08:00");
        CHECK(zonedText("2026-06-03T09:00") == "2026-06-03T09:00:00+08:00");
        CHECK(zonedText("not a time") == "not a time");
        CHECK(zonedNow().offsetMinutes == 480);
    }
    {
        // Daylight saving: the offset follows the date, not the time the test runs.
        ZoneScope zone("America/New_York");
        CHECK(localOffsetMinutes(at(2026, 1, 15, 12, 0)) == -300);
        CHECK(localOffsetMinutes(at(2026, 7, 15, 12, 0)) == -240);
        CHECK(formatZonedTime(zoned(at(2026, 7, 15, 12, 0), 5)) == "2026-07-15T12:00:05-04:00");
    }
    {
        ZoneScope zone("UTC");
        CHECK(formatZonedTime(zoned(at(2026, 6, 3, 9, 30))) == "2026-06-03T09:30:00+00:00");
    }
}

TEST_CASE("status.json: SPEC's fields, in order, and read back the same", "[status]")
{
    KioskStatus status;
    status.kioskId = "kiosk-07";
    status.station = "幸福里社区养老服务站";
    status.appVersion = "1.2.3";
    status.contentVersion = 202606030900;
    status.signedVersion = 202606030900;
    status.updated = "2026-06-03T09:30:00+08:00";
    status.started = "2026-06-03T06:00:00+08:00";
    status.uptimeSeconds = 12600;
    status.screen = "meals";
    status.lastImport =
        StatusImport{true, "2026-06-03T09:00:00+08:00", "/srv/drop/pkg", 202606030900, "已更新：活动 2 条"};
    status.screenshot = "screen.png";
    status.screenshotTime = "2026-06-03T09:01:00+08:00";

    const nlohmann::ordered_json j = statusToJson(status);
    std::vector<std::string> keys;
    for (const auto& item : j.items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"kiosk_id", "station", "app_version", "content_version", "signed_version",
                                           "updated", "started", "uptime_seconds", "screen", "last_import",
                                           "screenshot", "screenshot_time"});
    CHECK(j["content_version"].is_number_integer());
    CHECK(j["uptime_seconds"] == 12600);
    std::vector<std::string> importKeys;
    for (const auto& item : j["last_import"].items()) importKeys.push_back(item.key());
    CHECK(importKeys == std::vector<std::string>{"ok", "time", "source", "version", "summary"});
    CHECK(j["last_import"]["ok"] == true);

    const StatusReading back = parseStatus(j.dump());
    CHECK(back.problems.empty());
    REQUIRE(back.status);
    CHECK(*back.status == status);

    // Before the first import, last_import is null: present, not made up.
    status.lastImport.reset();
    status.screenshot.clear();
    status.screenshotTime.clear();
    const nlohmann::ordered_json none = statusToJson(status);
    CHECK(none["last_import"].is_null());
    CHECK(none["screenshot"].is_null());
    CHECK_FALSE(none.contains("screenshot_time"));
    CHECK(parseStatus(none.dump()).problems.empty());
}

TEST_CASE("status.json: a broken or partial file is read as far as it goes, with what is wrong", "[status]")
{
    const StatusReading truncated = parseStatus(R"({"kiosk_id": "k1", "station": "幸福)");
    CHECK_FALSE(truncated.status);
    REQUIRE(truncated.problems.size() == 1);
    CHECK(truncated.problems[0].find("不是完整的 JSON") != std::string::npos);

    CHECK_FALSE(parseStatus("[1, 2]").status);
    CHECK_FALSE(parseStatus("").status);
    CHECK(parseStatus(" \n").problems.at(0).find("是空的") != std::string::npos);
    CHECK(parseStatus("{\"kiosk_id\": \"\xff\"}").problems.at(0).find("不是 UTF-8") != std::string::npos);

    const StatusReading partial =
        parseStatus(R"({"kiosk_id": "k1", "content_version": "12", "updated": "2026-06-03T09:30:00"})");
    REQUIRE(partial.status);
    CHECK(partial.status->kioskId == "k1");
    const auto has = [&](const std::string& text) {
        for (const auto& p : partial.problems)
            if (p.find(text) != std::string::npos) return true;
        return false;
    };
    // Nothing judges a kiosk by its station's name: noted only.
    CHECK_FALSE(has("缺少字段 station"));
    CHECK(std::find(partial.notes.begin(), partial.notes.end(), "缺少字段 station") != partial.notes.end());
    CHECK(has("字段 content_version 不是整数"));
    CHECK(has("字段 updated 不是带时区的时间"));
    CHECK(has("缺少字段 last_import"));
    CHECK(partial.status->updated.empty());
}

TEST_CASE("status file: written whole at start, after every change and on the interval", "[status]")
{
    TempDir tmp;
    ZoneScope zone("Asia/Shanghai");
    // The station clock as --now 2026-06-03T09:30 starts it.
    std::atomic<int> seconds{0};
    platform::StatusFile::Options options;
    options.dir = tmp.path / "status";
    options.kioskId = "kiosk-07";
    options.clock = [&] { return zoned(at(2026, 6, 3, 9, 30 + seconds / 60), seconds % 60); };
    options.interval = 300ms;
    platform::StatusFile status(options);
    status.start();
    auto read = [&] { return nlohmann::json::parse(readFile(status.file()), nullptr, false); };
    nlohmann::json j;
    auto waitFor = [&](auto predicate) {
        for (int i = 0; i < 200; ++i) {
            j = read();
            if (j.is_object() && predicate()) return true;
            std::this_thread::sleep_for(10ms);
        }
        return false;
    };

    // Nothing before the store has said what it holds: no "version 0" for the district.
    std::this_thread::sleep_for(100ms);
    CHECK_FALSE(fs::exists(status.file()));
    status.setContent(0, 0, "", std::nullopt);
    REQUIRE(waitFor([] { return true; }));
    CHECK(j["kiosk_id"] == "kiosk-07");
    CHECK(j["started"] == "2026-06-03T09:30:00+08:00");
    CHECK(j["updated"] == "2026-06-03T09:30:00+08:00");
    CHECK(j["screen"] == "home");
    CHECK(j["last_import"].is_null());
    CHECK(parseStatus(readFile(status.file())).problems.empty());

    content::ImportReport report;
    report.outcome = ImportOutcome::Applied;
    report.time = "2026-06-03T09:31";
    report.source = "/drop/pkg";
    report.version = 202606030931;
    report.rows[1] = 2;
    seconds = 75;
    status.setContent(202606030931, 202606030931, "幸福里社区养老服务站", report);
    REQUIRE(waitFor([&] { return j["content_version"] == 202606030931; }));
    CHECK(j["signed_version"] == 202606030931);
    CHECK(j["station"] == "幸福里社区养老服务站");
    CHECK(j["updated"] == "2026-06-03T09:31:15+08:00");
    CHECK(j["last_import"]["ok"] == true);
    CHECK(j["last_import"]["time"] == "2026-06-03T09:31:00+08:00");
    CHECK(j["last_import"]["version"] == 202606030931);
    CHECK(j["last_import"]["source"] == "/drop/pkg");
    CHECK(j["last_import"]["summary"] == report.summary());

    status.setScreen("meals");
    REQUIRE(waitFor([&] { return j["screen"] == "meals"; }));

    status.screenshotWritten();
    REQUIRE(waitFor([&] { return j["screenshot"] == "screen.png"; }));
    CHECK(j["screenshot_time"] == "2026-06-03T09:31:15+08:00");

    // Nothing changes: the interval rewrites it anyway (uptime, updated).
    seconds = 130;
    REQUIRE(waitFor([&] { return j["updated"] == "2026-06-03T09:32:10+08:00"; }));
    // No temporary file is left beside it.
    int files = 0;
    for (const auto& entry : fs::directory_iterator(tmp.path / "status")) {
        (void)entry;
        ++files;
    }
    CHECK(files == 1);
    status.stop();
}

TEST_CASE("status file: --kiosk-id defaults to the host name", "[status]")
{
    TempDir tmp;
    platform::StatusFile::Options options;
    options.dir = tmp.path;
    platform::StatusFile status(options);
    CHECK(status.toJson()["kiosk_id"] == platform::hostName());
    CHECK_FALSE(platform::hostName().empty());
}

// status.json (platform/status_file.*): what a sync engine carries back to the district.
#include "platform/status_file.h"

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace platform;
using test::readFile;
using test::TempDir;

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
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(tmp.path / "st")) ++files;
    CHECK(files == 1);
}

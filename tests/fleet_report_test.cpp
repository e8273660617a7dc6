#include "content/fleet_html.h"
#include "content/fleet_report.h"

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <sys/wait.h>

using namespace content;

namespace {

using test::readFile;
using test::TempDir;
using test::writeFile;

// 2026-06-03T09:30:00+08:00, the office's "now" in these tests.
const int64_t kNow = unixSeconds(*parseZonedTime("2026-06-03T09:30:00+08:00"));
const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + "rest-of-a-png";

KioskStatus healthyStatus(const std::string& id, int64_t version = 202606030900)
{
    KioskStatus s;
    s.kioskId = id;
    s.station = "幸福里社区养老服务站";
    s.appVersion = "0.1.0";
    s.contentVersion = version;
    s.updated = "2026-06-03T09:25:00+08:00";
    s.started = "2026-06-03T06:00:00+08:00";
    s.uptimeSeconds = 12300;
    s.screen = "home";
    s.lastImport = StatusImport{true, "2026-06-03T09:00:00+08:00", "/drop/pkg", version, "已更新：活动 2 条"};
    s.screenshot = "screen.png";
    return s;
}

void writeKiosk(const fs::path& folder, const KioskStatus& status, bool png = true)
{
    writeFile(folder / "status.json", statusToJson(status).dump(2));
    if (png) writeFile(folder / "screen.png", kPng);
}

const FleetKiosk& find(const FleetReport& report, const std::string& name)
{
    for (const auto& k : report.kiosks)
        if (k.name == name) return k;
    FAIL("no kiosk " << name);
    throw 0;
}

bool mentions(const std::vector<std::string>& items, const std::string& text)
{
    return std::any_of(items.begin(), items.end(), [&](const auto& i) { return i.find(text) != std::string::npos; });
}

FleetOptions at(int64_t now, double staleHours = 2)
{
    FleetOptions o;
    o.nowUnix = now;
    o.staleHours = staleHours;
    return o;
}

// Runs the real kiosk-content; its exit code and standard output.
std::pair<int, std::string> runTool(const std::string& arguments)
{
    const std::string command = std::string(KIOSK_BINARY_DIR) + "/kiosk-content " + arguments + " 2>&1";
    std::FILE* pipe = popen(command.c_str(), "r");
    std::string out;
    std::array<char, 4096> buffer;
    size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

} // namespace

TEST_CASE("fleet: healthy kiosks at any depth, one each", "[fleet]")
{
    TempDir tmp;
    writeKiosk(tmp.path / "district" / "k1", healthyStatus("k1"));
    writeKiosk(tmp.path / "district" / "east" / "street-3" / "k2", healthyStatus("k2"));
    // Syncthing's old copies and its marker folder are not kiosks.
    writeKiosk(tmp.path / "district" / "k1" / ".stversions" / "old", healthyStatus("k1", 1));
    fs::create_directories(tmp.path / "district" / ".stfolder");

    const FleetReport report = scanFleet({tmp.path / "district"}, at(kNow));
    REQUIRE(report.kiosks.size() == 2);
    CHECK(report.healthy());
    CHECK(report.newestVersion == 202606030900);
    for (const auto& kiosk : report.kiosks) {
        CHECK(kiosk.problems.empty());
        CHECK(kiosk.notes.empty());
        CHECK(kiosk.screenshot == kiosk.folder / "screen.png");
    }
    const std::string line = fleetLine(find(report, "k2"), at(kNow));
    CHECK(line ==
          "幸福里社区养老服务站  k2  内容版本 202606030900  最后上报 2026-06-03 09:25（5 分钟前）  最后导入 成功 "
          "2026-06-03 09:00  正常");
    CHECK(fleetSummary(report) == "共 2 台，全部正常；最新内容版本 202606030900");
}

TEST_CASE("fleet: a station's own edit does not make the other kiosks look old", "[fleet]")
{
    TempDir tmp;
    // k1 made a local edit on top of the district's package: content_version moved one past it.
    KioskStatus edited = healthyStatus("k1", 202606030901);
    edited.signedVersion = 202606030900;
    writeKiosk(tmp.path / "k1", edited);
    KioskStatus plain = healthyStatus("k2");
    plain.signedVersion = 202606030900;
    writeKiosk(tmp.path / "k2", plain);
    // A kiosk that does not write signed_version is judged by its content_version.
    writeKiosk(tmp.path / "k3", healthyStatus("k3"));
    KioskStatus behind = healthyStatus("k4", 202606030905);
    behind.signedVersion = 202606010900;
    writeKiosk(tmp.path / "k4", behind);

    const FleetReport report = scanFleet({tmp.path}, at(kNow));
    REQUIRE(report.kiosks.size() == 4);
    CHECK(report.newestVersion == 202606030900);
    CHECK(find(report, "k1").healthy());
    CHECK(find(report, "k2").healthy());
    CHECK(find(report, "k3").healthy());
    // Its own edits do not hide that the district's last package never arrived.
    CHECK(mentions(find(report, "k4").problems, "内容不是最新（202606010900，最新 202606030900）"));
    CHECK(report.problemCount() == 1);
}

TEST_CASE("fleet: kiosks without a signed package yet (signed_version 0) are judged by content_version", "[fleet]")
{
    TempDir tmp;
    KioskStatus older = healthyStatus("k1", 5);
    older.signedVersion = 0;
    writeKiosk(tmp.path / "k1", older);
    KioskStatus newer = healthyStatus("k2", 7);
    newer.signedVersion = 0;
    writeKiosk(tmp.path / "k2", newer);
    const FleetReport report = scanFleet({tmp.path}, at(kNow));
    CHECK(report.newestVersion == 7);
    CHECK(mentions(find(report, "k1").problems, "内容不是最新（5，最新 7）"));
    CHECK(find(report, "k2").healthy());
}

TEST_CASE("fleet: stale, failed import and old content are problems, sorted first", "[fleet]")
{
    TempDir tmp;
    writeKiosk(tmp.path / "a-ok", healthyStatus("a-ok"));
    KioskStatus stale = healthyStatus("b-stale");
    stale.updated = "2026-06-03T07:29:00+08:00"; // 2 h 1 min before now
    writeKiosk(tmp.path / "b-stale", stale);
    KioskStatus failed = healthyStatus("c-failed");
    failed.lastImport->ok = false;
    failed.lastImport->summary = "未更新，发现 1 个问题：\nactivities.csv:4:日期: 无法识别的日期“2026-13-45”";
    writeKiosk(tmp.path / "c-failed", failed);
    writeKiosk(tmp.path / "d-behind", healthyStatus("d-behind", 202606010900));
    // Another zone's clock, same instant as "now": not stale.
    KioskStatus utc = healthyStatus("e-utc");
    utc.updated = "2026-06-03T01:29:00Z";
    writeKiosk(tmp.path / "e-utc", utc);

    const FleetReport report = scanFleet({tmp.path}, at(kNow));
    REQUIRE(report.kiosks.size() == 5);
    CHECK_FALSE(report.healthy());
    CHECK(report.problemCount() == 3);
    CHECK(mentions(find(report, "b-stale").problems, "2 小时 1 分钟没有更新"));
    CHECK(mentions(find(report, "c-failed").problems, "上次导入失败：未更新，发现 1 个问题"));
    // The first problem comes along on the same line: what to fix, without opening the kiosk.
    CHECK(mentions(find(report, "c-failed").problems, "activities.csv:4:日期: 无法识别的日期"));
    // Folders are named below the DIR given, as the office knows them.
    CHECK(find(report, "c-failed").where == (tmp.path.filename() / "c-failed").string());
    CHECK(mentions(find(report, "d-behind").problems, "内容不是最新（202606010900，最新 202606030900）"));
    CHECK(find(report, "e-utc").healthy());
    CHECK(find(report, "a-ok").healthy());
    // Problems first.
    for (size_t i = 0; i < 3; ++i) CHECK_FALSE(report.kiosks[i].healthy());
    CHECK(report.kiosks[3].healthy());
    CHECK(fleetLine(find(report, "c-failed"), at(kNow)).find("最后导入 失败") != std::string::npos);

    // --stale-hours moves the line.
    const FleetReport lenient = scanFleet({tmp.path}, at(kNow, 3));
    CHECK(find(lenient, "b-stale").healthy());
    const FleetReport strict = scanFleet({tmp.path}, at(kNow, 0.05)); // 3 minutes
    CHECK_FALSE(find(strict, "a-ok").healthy());
}

TEST_CASE("fleet: broken and half-synced status files are reported, never fatal", "[fleet]")
{
    TempDir tmp;
    writeKiosk(tmp.path / "ok", healthyStatus("ok"));
    writeFile(tmp.path / "truncated" / "status.json", statusToJson(healthyStatus("t")).dump().substr(0, 60));
    writeFile(tmp.path / "fields" / "status.json", R"({"kiosk_id": "fields", "content_version": 5})");
    // Only what the judgement needs: healthy, the rest SPEC lists noted as missing.
    {
        nlohmann::json minimal = statusToJson(healthyStatus("minimal"));
        for (const char* key : {"station", "app_version", "started", "uptime_seconds", "screen"}) minimal.erase(key);
        writeFile(tmp.path / "minimal" / "status.json", minimal.dump());
    }
    writeFile(tmp.path / "empty" / "status.json", "");
    writeFile(tmp.path / "huge" / "status.json", std::string(3 << 20, ' '));
    // 幸福 in GBK, as a hand edit on a Chinese Windows PC saves it.
    writeFile(tmp.path / "gbk" / "status.json", "{\"kiosk_id\": \"\xd0\xd2\xb8\xa3\"}");
    // A kiosk seen for the first time, its status.json still on its way.
    writeFile(tmp.path / "arriving" / ".syncthing.status.json.tmp", "{\"kio");
    // Syncthing replacing a good status.json and screen.png (Windows-style temp names too).
    writeKiosk(tmp.path / "replacing", healthyStatus("replacing"), false);
    writeFile(tmp.path / "replacing" / "~syncthing~screen.png.tmp", "\x89PN");
    // A status.json without its screen.png.
    writeKiosk(tmp.path / "noshot", healthyStatus("noshot"), false);
    KioskStatus notPng = healthyStatus("notpng");
    writeKiosk(tmp.path / "notpng", notPng, false);
    writeFile(tmp.path / "notpng" / "screen.png", "<html>");
    KioskStatus escape = healthyStatus("escape");
    escape.screenshot = "../ok/screen.png";
    writeKiosk(tmp.path / "escape", escape, false);

    const FleetReport report = scanFleet({tmp.path}, at(kNow));
    REQUIRE(report.kiosks.size() == 12);
    const FleetKiosk& minimal = find(report, "minimal");
    CHECK(minimal.healthy());
    for (const char* key : {"station", "app_version", "started", "uptime_seconds", "screen"})
        CHECK(mentions(minimal.notes, std::string("缺少字段 ") + key));
    CHECK(mentions(find(report, "truncated").problems, "不是完整的 JSON"));
    CHECK_FALSE(find(report, "truncated").status);
    CHECK(mentions(find(report, "fields").problems, "缺少字段 updated"));
    CHECK(mentions(find(report, "fields").problems, "缺少字段 last_import"));
    CHECK(mentions(find(report, "empty").problems, "是空的"));
    CHECK(mentions(find(report, "huge").problems, "太大（3 MB）"));
    CHECK(mentions(find(report, "gbk").problems, "不是 UTF-8"));
    CHECK(mentions(find(report, "arriving").problems, "正在同步"));

    const FleetKiosk& replacing = find(report, "replacing");
    CHECK(replacing.healthy());
    CHECK(mentions(replacing.notes, "screen.png 正在同步"));
    CHECK(replacing.screenshot.empty());
    CHECK(find(report, "noshot").healthy());
    CHECK(mentions(find(report, "noshot").notes, "没有屏幕截图"));
    CHECK(mentions(find(report, "notpng").notes, "不是 PNG"));
    CHECK(find(report, "notpng").screenshot.empty());
    CHECK(mentions(find(report, "escape").notes, "不是文件名"));
    CHECK(find(report, "escape").screenshot.empty());
    CHECK(find(report, "ok").healthy());
    // Every one of them has a line.
    for (const auto& kiosk : report.kiosks) CHECK_FALSE(fleetLine(kiosk, at(kNow)).empty());
    // What makes a kiosk unhealthy and what is only shown stay apart on its line.
    FleetKiosk both = find(report, "noshot");
    both.problems.push_back("上次导入失败：x");
    const std::string line = fleetLine(both, at(kNow));
    CHECK(line.find("问题：上次导入失败：x  提示：没有屏幕截图") != std::string::npos);
}

TEST_CASE("fleet: a folder without any status.json is said so, not 全部正常", "[fleet]")
{
    TempDir tmp;
    const FleetReport report = scanFleet({tmp.path}, at(kNow));
    CHECK(report.kiosks.empty());
    CHECK(fleetSummary(report).find("没有找到任何 status.json") != std::string::npos);
}

TEST_CASE("fleet: the screen in the kiosk's own words", "[fleet]")
{
    // A screen this office does not know yet keeps its code.
    const std::pair<const char*, std::string_view> titles[] = {
        {"home", "首页"}, {"meals", "每日菜单"}, {"night", "夜间（屏幕关闭）"}, {"something-new", "something-new"}};
    for (const auto& [code, title] : titles) {
        CAPTURE(code);
        CHECK(screenTitle(code) == title);
    }
}

TEST_CASE("fleet: sync engines' temporary file names", "[fleet]")
{
    std::string target;
    CHECK(isSyncTemporary(".syncthing.status.json.tmp", &target));
    CHECK(target == "status.json");
    CHECK(isSyncTemporary("~syncthing~screen.png.tmp", &target));
    CHECK(target == "screen.png");
    CHECK(isSyncTemporary(".status.json.1234.5678.tmp", &target));
    CHECK(target == "status.json");
    CHECK(isSyncTemporary(".status.json.Ab12Cd", &target));
    CHECK(target == "status.json");
    CHECK_FALSE(isSyncTemporary("status.json"));
    CHECK_FALSE(isSyncTemporary("screen.png"));
}

TEST_CASE("fleet: the HTML page is self-contained, escaped and sorted like the lines", "[fleet]")
{
    TempDir tmp;
    writeKiosk(tmp.path / "ok", healthyStatus("ok"));
    KioskStatus bad = healthyStatus("<script>alert(1)</script>");
    bad.station = "阳光 & 和平站";
    bad.lastImport->ok = false;
    writeKiosk(tmp.path / "bad", bad, false);
    const FleetReport report = scanFleet({tmp.path}, at(kNow));
    const std::string html = fleetHtml(report, at(kNow), "2026-06-03 09:30");

    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html.find("lang=\"zh-CN\"") != std::string::npos);
    // The thumbnail is inside the page, nothing is fetched.
    CHECK(html.find("data:image/png;base64,iVBORw0KGgpyZXN0LW9mLWEtcG5n") != std::string::npos);
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("阳光 &amp; 和平站") != std::string::npos);
    CHECK(html.find("共 2 台，<span class=\"bad-count\">1 台有问题</span>") != std::string::npos);
    // The kiosk with the problem comes first.
    CHECK(html.find("阳光 &amp; 和平站") < html.find("幸福里社区养老服务站"));
    CHECK(html.find("没有屏幕截图") != std::string::npos);
}

TEST_CASE("fleet: kiosk-content fleet exit codes and files", "[fleet]")
{
    TempDir tmp;
    const fs::path dir = tmp.path / "status";
    KioskStatus now = healthyStatus("k1");
    // Fresh by the office PC's real clock.
    now.updated = formatZonedTime(zonedNow());
    writeKiosk(dir / "k1", now);
    const std::string out = (tmp.path / "fleet.html").string();

    auto [code, text] = runTool("fleet '" + dir.string() + "' -o '" + out + "'");
    CHECK(code == 0);
    CHECK(text.find("k1  内容版本 202606030900") != std::string::npos);
    CHECK(text.find("共 1 台，全部正常") != std::string::npos);
    CHECK(readFile(out).find("data:image/png;base64,") != std::string::npos);

    KioskStatus behind = now;
    behind.kioskId = "k2";
    behind.contentVersion = 202606010900;
    writeKiosk(dir / "k2", behind);
    writeFile(dir / "k3" / "status.json", "{");
    std::tie(code, text) = runTool("fleet '" + dir.string() + "' -o '" + out + "' --stale-hours 1.5");
    CHECK(code == 1);
    CHECK(text.find("内容不是最新") != std::string::npos);
    CHECK(text.find("不是完整的 JSON") != std::string::npos);

    CHECK(runTool("fleet").first == 2);
    CHECK(runTool("fleet '" + dir.string() + "' --stale-hours abc").first == 2);
    CHECK(runTool("fleet '" + dir.string() + "' --stale-hours 0").first == 2);
    CHECK(runTool("fleet '" + dir.string() + "' --bogus").first == 2);
    CHECK(runTool("fleet '" + (tmp.path / "missing").string() + "' -o '" + out + "'").first == 2);
    CHECK(runTool("fleet '" + dir.string() + "' -o").first == 2);
}

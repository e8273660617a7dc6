// kiosk-content fleet DIR... [-o FILE.html] [--stale-hours H]: the district office's overview
// of the status folders its sync engine collects (SPEC.md). Exit 0 all healthy, 1 any problem,
// 2 bad usage.
#include "tool/commands.h"

#include "content/error_text.h"
#include "content/fleet_html.h"
#include "content/fleet_report.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <unistd.h>

namespace tool {

namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultHtml = "fleet.html";

struct FleetCommandOptions {
    std::vector<std::string> dirs;
    std::string output = kDefaultHtml;
    double staleHours = 2;
};

// UTC+8, UTC-5:30, UTC+0.
std::string zoneText(int offsetMinutes)
{
    const int magnitude = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    std::string text = std::string("UTC") + (offsetMinutes < 0 ? "-" : "+") + std::to_string(magnitude / 60);
    if (magnitude % 60 != 0) text += ":" + std::string(magnitude % 60 < 10 ? "0" : "") + std::to_string(magnitude % 60);
    return text;
}

// The page beside a temporary name, then renamed: a browser or a sync engine never sees half of
// it. Not fsynced: it is a report made again by the next run, and 50 MB of thumbnails would
// wait for the disk longer than the whole scan takes.
bool writePage(const fs::path& target, const content::FleetReport& report, const content::FleetOptions& options,
               const std::string& generated, std::string& error)
{
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    const fs::path temp = dir / ("." + target.filename().string() + "." + std::to_string(::getpid()) + ".tmp");
    std::FILE* f = std::fopen(temp.c_str(), "wb");
    bool ok = f != nullptr;
    if (f) {
        content::writeFleetHtml(report, options, generated, [&](std::string_view piece) {
            ok = ok && std::fwrite(piece.data(), 1, piece.size(), f) == piece.size();
        });
        ok = std::fclose(f) == 0 && ok;
    }
    std::error_code ec;
    if (ok) fs::rename(temp, target, ec);
    if (!ok || ec) {
        error = ec ? content::errorCodeText(ec) : content::errnoText(errno);
        fs::remove(temp, ec);
        return false;
    }
    return true;
}

int runFleet(const FleetCommandOptions& command)
{
    content::FleetOptions options;
    options.staleHours = command.staleHours;
    std::vector<fs::path> dirs(command.dirs.begin(), command.dirs.end());
    const fs::path output = command.output;
    options.nowUnix = static_cast<int64_t>(std::time(nullptr));
    const content::FleetReport report = content::scanFleet(dirs, options);
    for (const content::FleetKiosk& kiosk : report.kiosks)
        std::printf("%s\n", content::fleetLine(kiosk, options).c_str());
    for (const std::string& dir : report.unreadable) std::printf("无法读取文件夹 %s\n", dir.c_str());

    // The office PC's clock, with its zone: the kiosks' times beside it are their own (+08:00 in
    // China), and a PC set to UTC would otherwise look eight hours behind them.
    const content::ZonedTime now = content::zonedNow();
    const std::string generated =
        content::shortTime(content::formatZonedTime(now)) + "（" + zoneText(now.offsetMinutes) + "）";
    std::string error;
    const bool written = writePage(output, report, options, generated, error);
    std::printf("%s\n", content::fleetSummary(report).c_str());
    if (written) {
        std::printf("概览已写入 %s\n", output.c_str());
    } else {
        std::fprintf(stderr, "无法写入概览 %s：%s\n", output.c_str(), error.c_str());
        return 2;
    }
    return report.healthy() ? 0 : 1;
}

} // namespace

void registerFleetCommand(CLI::App& tool)
{
    auto options = std::make_shared<FleetCommandOptions>();
    CLI::App& command =
        addCommand(tool, "fleet",
                   "读取各台信息屏同步回来的 status.json（每台一个，任意层级），每台打印一行，并写出带屏幕截图的 "
                   "HTML 概览。退出码：0 全部正常；1 有失联、上次导入失败或内容不是最新的",
                   [options] { return runFleet(*options); });
    command.add_option("DIR", options->dirs, "同步回来的状态文件夹（可以给多个）")
        ->required()
        ->type_name("DIR")
        ->check(CLI::Validator(
            [](std::string& dir) {
                std::error_code ec;
                if (fs::is_directory(dir, ec)) return std::string();
                return fs::exists(dir, ec) ? dir + " 不是文件夹（请给出放 status.json 的文件夹）"
                                           : "找不到文件夹 " + dir;
            },
            ""));
    command.add_option("-o,--output", options->output, "概览写到这个 HTML 文件")
        ->type_name("FILE.html")
        ->default_str(kDefaultHtml);
    command.add_option("--stale-hours", options->staleHours, "超过这么多小时没有更新算失联（可带小数）")
        ->type_name("H")
        ->default_str("2")
        ->check(CLI::Validator(
            [](std::string& value) {
                char* end = nullptr;
                const double hours = std::strtod(value.c_str(), &end);
                if (end == value.c_str() || *end != '\0' || !std::isfinite(hours) || hours <= 0 || hours > 24 * 365)
                    return "要一个大于 0 的小时数，例如 2 或 0.5，而不是“" + value + "”";
                return std::string();
            },
            ""));
}

} // namespace tool

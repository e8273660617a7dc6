// kiosk-content fleet DIR... [-o FILE.html] [--stale-hours H]: the district office's overview
// of the status folders its sync engine collects (SPEC.md). Exit 0 all healthy, 1 any problem,
// 2 bad usage.
#include "content/tool/commands.h"

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

constexpr const char* kUsageLine = "fleet DIR... [-o FILE.html] [--stale-hours H]";
constexpr const char* kDefaultHtml = "fleet.html";

int fleetUsage(const std::string& error)
{
    if (!error.empty()) std::fprintf(stderr, "%s\n", error.c_str());
    std::fprintf(stderr, "用法: kiosk-content %s\n", kUsageLine);
    return 2;
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
        error = ec ? ec.message() : std::strerror(errno);
        fs::remove(temp, ec);
        return false;
    }
    return true;
}

} // namespace

int runFleet(const Args& args)
{
    std::vector<fs::path> dirs;
    std::string output;
    bool outputGiven = false;
    content::FleetOptions options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "-o" || arg == "--output" || arg == "--stale-hours") {
            if (i + 1 >= args.size()) return fleetUsage(arg + " 后面缺少参数");
            const std::string& value = args[++i];
            if (arg == "--stale-hours") {
                char* end = nullptr;
                const double hours = std::strtod(value.c_str(), &end);
                if (end == value.c_str() || *end != '\0' || !std::isfinite(hours) || hours <= 0 || hours > 24 * 365)
                    return fleetUsage("--stale-hours 要一个大于 0 的小时数，例如 2 或 0.5，而不是“" + value + "”");
                options.staleHours = hours;
            } else {
                output = value;
                outputGiven = true;
            }
        } else if (arg == "--help" || arg == "-h") {
            std::printf("用法: kiosk-content %s\n"
                        "读取 DIR 下所有 status.json（每台信息屏一个，任意层级），每台打印一行，\n"
                        "并写出一个带屏幕截图的 HTML 概览（默认 %s）。\n"
                        "  -o FILE.html       概览写到这里\n"
                        "  --stale-hours H    超过 H 小时没有更新算失联（默认 2）\n"
                        "退出码：0 全部正常；1 有失联、上次导入失败或内容不是最新的；2 用法错误。\n",
                        kUsageLine, kDefaultHtml);
            return 0;
        } else if (arg.size() > 1 && arg[0] == '-') {
            return fleetUsage("不认识的选项 " + arg);
        } else {
            dirs.emplace_back(arg);
        }
    }
    if (dirs.empty()) return fleetUsage("缺少要读取的文件夹 DIR");
    for (const fs::path& dir : dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) return fleetUsage("找不到文件夹 " + dir.string());
    }
    if (!outputGiven) output = kDefaultHtml;

    options.nowUnix = static_cast<int64_t>(std::time(nullptr));
    const content::FleetReport report = content::scanFleet(dirs, options);
    for (const content::FleetKiosk& kiosk : report.kiosks)
        std::printf("%s\n", content::fleetLine(kiosk, options).c_str());
    for (const std::string& dir : report.unreadable) std::printf("无法读取文件夹 %s\n", dir.c_str());

    const std::string generated = content::shortTime(content::formatZonedTime(content::zonedNow()));
    std::string error;
    const bool written = writePage(output, report, options, generated, error);
    std::printf("%s\n", content::fleetSummary(report).c_str());
    if (written) {
        std::printf("概览已写入 %s\n", output.c_str());
    } else {
        std::fprintf(stderr, "无法写入概览 %s：%s\n", output.c_str(), error.c_str());
        if (outputGiven) return 2;
    }
    return report.healthy() ? 0 : 1;
}

} // namespace tool

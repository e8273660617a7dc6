#include "kiosk/app_config.h"

#include "content/cli.h"

#include <cstdio>
#include <string>

namespace kiosk {

namespace {

// A value CLI11 cannot check by type: the reason, in Chinese, for the option's name.
[[noreturn]] void refuse(const std::string& option, const std::string& reason)
{
    throw CLI::ValidationError(option, reason);
}

std::optional<content::DailyWindow> dailyWindowOrOff(const std::string& option, const std::string& value)
{
    if (value == "off") return std::nullopt;
    if (std::optional<content::DailyWindow> window = content::parseDailyWindow(value)) return window;
    refuse(option, "要写成 时:分-时:分（如 22:00-06:00）或 off，不是“" + value + "”");
}

double seconds(const std::string& option, const std::string& value)
{
    char* end = nullptr;
    const double s = std::strtod(value.c_str(), &end);
    if (end == value.c_str() || *end != '\0' || !(s >= 10 && s <= 24 * 3600))
        refuse(option, "要 10 到 86400 之间的秒数，不是“" + value + "”");
    return s;
}

void addOptions(CLI::App& app, AppConfig& config)
{
    const std::string data = "数据与更新", windowGroup = "窗口", clockGroup = "时钟", screenGroup = "界面",
                      idleGroup = "空闲、夜间与关屏";

    app.add_option("--data-dir", config.dataDir, "数据目录：内容库、受信任的公钥、工作人员密码；空文件夹先放入示例站点")
        ->required()
        ->type_name("DIR")
        ->group(data);
    app.add_option("--drop-dir", config.updates.dropDir, "监视这个投放文件夹里区里推送的签名内容包")
        ->type_name("DIR")
        ->default_str("不监视")
        ->group(data);
    app.add_option("--media-root", config.updates.mediaRoots, "U 盘挂载在这个文件夹下面")
        ->type_name("DIR")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->default_str("/media 和 /run/media")
        ->group(data);
    app.add_option("--status-dir", config.updates.statusDir,
                   "在这个文件夹里保持 status.json 为最新（供同步工具带回区里）")
        ->type_name("DIR")
        ->default_str("不写")
        ->group(data);
    app.add_option_function<std::string>(
           "--kiosk-id",
           [&config](const std::string& v) {
               if (v.empty() || v.size() > 200 || v.find_first_of("\n\r\t") != std::string::npos)
                   refuse("--kiosk-id", "要一行的名字（最多 200 字节），不是“" + v + "”");
               config.updates.kioskId = v;
           },
           "这台终端在 status.json 里的名字")
        ->type_name("NAME")
        ->default_str("主机名")
        ->group(data);
    app.add_flag("--allow-unsigned", config.updates.allowUnsigned, "投放文件夹里未签名的内容包也接受（仅用于开发）")
        ->default_str("否")
        ->group(data);

    app.add_option_function<std::string>(
           "--windowed",
           [&config](const std::string& v) {
               int w = 0, h = 0;
               char x = 0, extra = 0;
               if (std::sscanf(v.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X') || w < 320 ||
                   h < 320)
                   refuse("--windowed", "要写成 宽x高（如 1920x1080，至少 320x320），不是“" + v + "”");
               config.window.windowed = true;
               config.window.width = w;
               config.window.height = h;
           },
           "以窗口运行，不全屏（开发、测试；竖屏如 1080x1920）")
        ->type_name("WxH")
        ->default_str("全屏")
        ->group(windowGroup);

    app.add_option_function<std::string>(
           "--now",
           [&config](const std::string& v) {
               config.clock.now = content::parseLocalDateTime(v);
               if (!config.clock.now)
                   refuse("--now", "要写成 YYYY-MM-DDTHH:MM（如 2026-06-03T09:30），不是“" + v + "”");
           },
           "站点时钟从这个本地时间开始走（演示、测试）")
        ->type_name("YYYY-MM-DDTHH:MM")
        ->default_str("系统时钟")
        ->group(clockGroup);

    app.add_option_function<std::string>(
           "--screen",
           [&config](const std::string& v) {
               ScreenId id;
               if (!screenFromName(v.c_str(), id) || id == ScreenId::Staff)
                   refuse("--screen", "没有这个界面“" + v + "”");
               config.screen.start = id;
           },
           "先打开的界面：home 首页, activities 活动, meals 菜单, lectures 讲座, notices 通知, guide 防骗, contacts "
           "电话, attract 轮播, night 夜间时钟")
        ->type_name("NAME")
        ->default_str("home")
        ->group(screenGroup);
    app.add_option("--screenshot", config.screen.screenshotPath, "按窗口大小画一次这个界面，写成 PNG 后退出")
        ->type_name("FILE.png")
        ->default_str("不截图，正常运行")
        ->group(screenGroup);
    app.add_flag("--large-text", config.screen.largeText, "以大字模式启动")->default_str("否")->group(screenGroup);

    app.add_option_function<std::string>(
           "--idle-warning", [&config](const std::string& v) { config.idle.warnAfter = seconds("--idle-warning", v); },
           "内页多少秒没人碰就显示 20 秒的“继续阅读”倒计时")
        ->type_name("SECONDS")
        ->default_str("90")
        ->group(idleGroup);
    app.add_option_function<std::string>(
           "--attract-after",
           [&config](const std::string& v) { config.idle.attractAfter = seconds("--attract-after", v); },
           "首页多少秒没人碰就开始给路过的人看的轮播")
        ->type_name("SECONDS")
        ->default_str("60")
        ->group(idleGroup);
    app.add_option_function<std::string>(
           "--night",
           [&config](const std::string& v) {
               const std::optional<content::DailyWindow> night = dailyWindowOrOff("--night", v);
               config.idle.nightEnabled = night.has_value();
               if (night) {
                   config.idle.nightStart = night->start;
                   config.idle.nightEnd = night->end;
               }
           },
           "这段时间里空闲的屏幕只显示调暗的时钟；off 不用夜间时钟")
        ->type_name("HH:MM-HH:MM|off")
        ->default_str("22:00-06:00")
        ->group(idleGroup);
    app.add_option_function<std::string>(
           "--screen-off",
           [&config](const std::string& v) {
               using Source = content::ScreenOffSettings::Source;
               if (v == "station") {
                   config.screenOff.source = Source::Station;
               } else if (const std::optional<content::DailyWindow> window = dailyWindowOrOff("--screen-off", v)) {
                   config.screenOff.source = Source::Window;
                   config.screenOff.window = *window;
               } else {
                   config.screenOff.source = Source::Never;
               }
           },
           "这段时间里空闲的屏幕变黑、关背光，碰一下亮 3 分钟；station 按 station.csv 的开放时间（关门后、开门前各留 "
           "1 小时夜间时钟）；off 从不关屏")
        ->type_name("HH:MM-HH:MM|station|off")
        ->default_str("station")
        ->group(idleGroup);
}

} // namespace

std::optional<int> parseCommandLine(int argc, const char* const* argv, AppConfig& config)
{
    CLI::App app("社区养老服务站的触摸屏信息屏。只有 SIGTERM（systemctl stop kiosk）能结束全屏运行的它。", "kiosk");
    content::cli::configure(app, KIOSK_APP_VERSION);
    addOptions(app, config);
    if (std::optional<int> exit = content::cli::parse(app, argc, argv)) return exit;
    if (config.updates.mediaRoots.empty()) config.updates.mediaRoots = {"/media", "/run/media"};
    return std::nullopt;
}

} // namespace kiosk

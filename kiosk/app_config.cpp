#include "kiosk/app_config.h"

#include "content/cli.h"

#include <cstdio>
#include <functional>
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

// An option that takes one value into `field`, shown in --help as `valueName` with its default.
template <typename T>
CLI::Option* addValue(CLI::App& app, const std::string& name, T& field, const std::string& valueName,
                      const std::string& defaultText, const std::string& help)
{
    return app.add_option(name, field, help)->type_name(valueName)->default_str(defaultText);
}

// An option whose one value `store` reads into the config, refusing (refuse) what it cannot take.
void addChecked(CLI::App& app, const std::string& name, const std::string& valueName, const std::string& defaultText,
                const std::string& help, std::function<void(const std::string&)> store)
{
    app.add_option_function<std::string>(name, std::move(store), help)->type_name(valueName)->default_str(defaultText);
}

// A yes/no switch, off unless given.
void addSwitch(CLI::App& app, const std::string& name, bool& field, const std::string& help)
{
    app.add_flag(name, field, help)->default_str("否");
}

void addOptions(CLI::App& app, AppConfig& config)
{
    // Each option joins the --help group set last (CLI11's option defaults).
    const auto group = [&app](const std::string& name) { app.option_defaults()->group(name); };

    group("数据与更新");
    // Required: --help says 必须给出 instead of a default.
    addValue(app, "--data-dir", config.dataDir, "DIR", "",
             "数据目录：内容库、受信任的公钥、工作人员密码；空文件夹先放入示例站点")
        ->required();
    addValue(app, "--drop-dir", config.updates.dropDir, "DIR", "不监视", "监视这个投放文件夹里区里推送的签名内容包");
    addValue(app, "--media-root", config.updates.mediaRoots, "DIR", "/media 和 /run/media", "U 盘挂载在这个文件夹下面")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    addValue(app, "--status-dir", config.updates.statusDir, "DIR", "不写",
             "在这个文件夹里保持 status.json 为最新（供同步工具带回区里）");
    addChecked(app, "--kiosk-id", "NAME", "主机名", "这台终端在 status.json 里的名字", [&config](const std::string& v) {
        if (v.empty() || v.size() > 200 || v.find_first_of("\n\r\t") != std::string::npos)
            refuse("--kiosk-id", "要一行的名字（最多 200 字节），不是“" + v + "”");
        config.updates.kioskId = v;
    });
    addSwitch(app, "--allow-unsigned", config.updates.allowUnsigned, "投放文件夹里未签名的内容包也接受（仅用于开发）");

    group("窗口");
    addChecked(app, "--windowed", "WxH", "全屏", "以窗口运行，不全屏（开发、测试；竖屏如 1080x1920）",
               [&config](const std::string& v) {
                   int w = 0, h = 0;
                   char x = 0, extra = 0;
                   if (std::sscanf(v.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X') ||
                       w < 320 || h < 320)
                       refuse("--windowed", "要写成 宽x高（如 1920x1080，至少 320x320），不是“" + v + "”");
                   config.window.windowed = true;
                   config.window.width = w;
                   config.window.height = h;
               });

    group("时钟");
    addChecked(app, "--now", "YYYY-MM-DDTHH:MM", "系统时钟", "站点时钟从这个本地时间开始走（演示、测试）",
               [&config](const std::string& v) {
                   config.clock.now = content::parseLocalDateTime(v);
                   if (!config.clock.now)
                       refuse("--now", "要写成 YYYY-MM-DDTHH:MM（如 2026-06-03T09:30），不是“" + v + "”");
               });

    group("界面");
    addChecked(app, "--screen", "NAME", "home",
               "先打开的界面：home 首页, activities 活动, meals 菜单, lectures 讲座, notices 通知, guide 防骗, "
               "contacts 电话, attract 轮播, night 夜间时钟",
               [&config](const std::string& v) {
                   ScreenId id;
                   if (!screenFromName(v.c_str(), id) || id == ScreenId::Staff)
                       refuse("--screen", "没有这个界面“" + v + "”");
                   config.screen.start = id;
               });
    addValue(app, "--screenshot", config.screen.screenshotPath, "FILE.png", "不截图，正常运行",
             "按窗口大小画一次这个界面，写成 PNG 后退出");
    addSwitch(app, "--large-text", config.screen.largeText, "以大字模式启动");

    group("空闲、夜间与关屏");
    addChecked(app, "--idle-warning", "SECONDS", "90", "内页多少秒没人碰就显示 20 秒的“继续阅读”倒计时",
               [&config](const std::string& v) { config.idle.warnAfter = seconds("--idle-warning", v); });
    addChecked(app, "--attract-after", "SECONDS", "60", "首页多少秒没人碰就开始给路过的人看的轮播",
               [&config](const std::string& v) { config.idle.attractAfter = seconds("--attract-after", v); });
    addChecked(app, "--night", "HH:MM-HH:MM|off", "22:00-06:00",
               "这段时间里空闲的屏幕只显示调暗的时钟；off 不用夜间时钟", [&config](const std::string& v) {
                   const std::optional<content::DailyWindow> night = dailyWindowOrOff("--night", v);
                   config.idle.nightEnabled = night.has_value();
                   if (night) {
                       config.idle.nightStart = night->start;
                       config.idle.nightEnd = night->end;
                   }
               });
    addChecked(
        app, "--screen-off", "HH:MM-HH:MM|station|off", "station",
        "这段时间里空闲的屏幕变黑、关背光，碰一下亮 3 分钟；station 按 station.csv 的开放时间（关门后、开门前各留 "
        "1 小时夜间时钟）；off 从不关屏",
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
        });
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

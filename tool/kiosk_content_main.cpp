// kiosk-content: the staff and operator tool. A thin main over the content library: the
// command files register their subcommands, CLI11 parses, the chosen one runs.
#include "content/cli.h"
#include "tool/commands.h"

#include <cstdio>
#include <map>
#include <utility>

namespace {

std::map<const CLI::App*, std::function<int()>>& commandRuns()
{
    static std::map<const CLI::App*, std::function<int()>> runs;
    return runs;
}

} // namespace

namespace tool {

CLI::App& addCommand(CLI::App& tool, const std::string& name, const std::string& description, std::function<int()> run)
{
    CLI::App* command = tool.add_subcommand(name, description);
    command->group("命令");
    command->get_help_ptr()->group("选项");
    commandRuns()[command] = std::move(run);
    return *command;
}

} // namespace tool

int main(int argc, char** argv)
{
    CLI::App app("社区养老服务站信息屏的内容工具：生成模板、检查和导入内容包、签名、导出。", "kiosk-content");
    content::cli::configure(app, KIOSK_APP_VERSION);
    app.require_subcommand(1);
    tool::registerContentCommands(app);
    tool::registerTrustCommands(app);
    tool::registerFleetCommand(app);
    tool::registerSayCommand(app);
    // After the commands, so their help does not repeat it.
    app.footer("每个命令的详细说明：kiosk-content 命令 --help\n退出码：0 成功，1 失败（如内容有错），2 用法错误。");

    if (argc < 2) {
        std::fputs(app.help().c_str(), stderr);
        return content::cli::kUsageExitCode;
    }
    if (std::optional<int> exitCode = content::cli::parse(app, argc, argv)) return *exitCode;
    for (const CLI::App* chosen : app.get_subcommands()) return commandRuns().at(chosen)();
    return content::cli::kUsageExitCode;
}

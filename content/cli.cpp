#include "content/cli.h"

#include <cstdio>
#include <memory>
#include <regex>
#include <sstream>
#include <string_view>

namespace content::cli {

namespace {

// PKG, -o FILE.db, [--data-dir DIR], DIR...: one option as a command line writes it.
std::string optionUsage(const CLI::Option& opt)
{
    std::string piece;
    const bool repeated = opt.get_expected_max() == CLI::detail::expected_max_vector_size;
    if (opt.get_positional()) {
        piece = opt.get_name() + (repeated ? "..." : "");
    } else {
        // Both spellings, as the option's own help line has them (-o,--output).
        piece = opt.get_name(false, true);
        if (opt.get_type_size() != 0 && !opt.get_type_name().empty()) piece += " " + opt.get_type_name();
    }
    return opt.get_required() ? piece : "[" + piece + "]";
}

// A command with all its options: import PKG --data-dir DIR [--allow-unsigned].
std::string commandLine(const CLI::App& command)
{
    std::string line = command.get_name();
    for (const CLI::Option* opt : command.get_options()) {
        if (opt == command.get_help_ptr() || opt == command.get_help_all_ptr()) continue;
        line += " " + optionUsage(*opt);
    }
    return line;
}

// CLI11's formatter with the words in Chinese; the default and "required" move from the left
// column into the description, so every option says what happens when it is left out.
class ChineseFormatter : public CLI::Formatter {
public:
    ChineseFormatter()
    {
        label("Usage", "用法");
        label("OPTIONS", "选项");
        label("SUBCOMMAND", "命令");
        label("SUBCOMMANDS", "命令");
        label("Positionals", "参数");
        label("Needs", "需要");
        label("Excludes", "不能与之同用");
        label("Env", "环境变量");
        column_width(32);
    }

    std::string make_option_opts(const CLI::Option* opt) const override
    {
        std::string out;
        if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
        // A positional is named by its type already (PKG, DIR).
        if (opt->get_positional()) return out;
        if (opt->get_type_size() != 0 && !opt->get_type_name().empty()) out += " " + get_label(opt->get_type_name());
        if (opt->get_expected_max() == CLI::detail::expected_max_vector_size) out += " ...";
        return out;
    }

    // A command in the top-level list shows its whole command line, as SPEC.md writes it
    // (import PKG --data-dir DIR [--allow-unsigned]), so that --help there names every option.
    std::string make_subcommand(const CLI::App* sub) const override
    {
        std::stringstream out;
        CLI::detail::format_help(out, commandLine(*sub), sub->get_description(), column_width_);
        return out.str();
    }

    std::string make_option_desc(const CLI::Option* opt) const override
    {
        std::string desc = opt->get_description();
        if (opt->get_required())
            desc += "（必须给出）";
        else if (!opt->get_default_str().empty())
            desc += "（默认：" + opt->get_default_str() + "）";
        if (opt->get_expected_max() == CLI::detail::expected_max_vector_size && opt->nonpositional())
            desc += "（可重复）";
        return desc;
    }
};

const CLI::App& deepestParsed(const CLI::App& app)
{
    const CLI::App* at = &app;
    for (;;) {
        const std::vector<CLI::App*> parsed = at->get_subcommands();
        if (parsed.empty()) return *at;
        at = parsed.front();
    }
}

std::string commandPath(const CLI::App& app)
{
    std::string path = app.get_name();
    for (const CLI::App* parent = app.get_parent(); parent; parent = parent->get_parent())
        path = parent->get_name() + " " + path;
    return path;
}

} // namespace

void configure(CLI::App& app, const std::string& version)
{
    app.formatter(std::make_shared<ChineseFormatter>());
    // An option given twice: the last one counts, as with the usual Unix programs.
    app.option_defaults()->group("选项")->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.set_help_flag("-h,--help", "显示这份说明后退出");
    app.set_version_flag("--version", app.get_name() + " " + version, "显示版本号后退出");
}

std::string errorText(const CLI::Error& error)
{
    const std::string what = error.what();
    std::smatch m;
    if (what == "A subcommand is required") return "请给出一个命令";
    if (std::regex_match(what, m, std::regex("(.+) is required"))) return "缺少 " + m.str(1);
    if (std::regex_match(what, m, std::regex("The following arguments? (?:was|were) not expected: (.*)")))
        return "不认识的参数：" + m.str(1);
    if (std::regex_match(what, m, std::regex("(.+): [0-9]+ required .* missing"))) return m.str(1) + " 后面缺少参数";
    if (std::regex_match(what, m, std::regex("Could not convert: (.+) = (.*)")))
        return m.str(1) + " 的值“" + m.str(2) + "”无法识别";
    if (std::regex_match(what, m, std::regex("(.+): too many inputs for a flag"))) return m.str(1) + " 不带参数";
    // Validators written here already speak Chinese; CLI11 prefixes the option's name.
    return what;
}

std::string usageLine(const CLI::App& app)
{
    const CLI::App& at = deepestParsed(app);
    const auto formatter = std::dynamic_pointer_cast<CLI::Formatter>(at.get_formatter());
    std::string line = formatter ? formatter->make_usage(&at, commandPath(at)) : "用法: " + commandPath(at) + "\n";
    while (!line.empty() && line.back() == '\n') line.pop_back();
    return line;
}

std::optional<int> parse(CLI::App& app, int argc, const char* const* argv)
{
    try {
        app.parse(argc, argv);
        return std::nullopt;
    } catch (const CLI::CallForHelp&) {
        std::string help = app.help();
        // CLI11 puts two blank lines between option groups; one reads better.
        for (size_t at; (at = help.find("\n\n\n")) != std::string::npos;) help.erase(at, 1);
        std::fputs(help.c_str(), stdout);
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        std::fputs(app.help("", CLI::AppFormatMode::All).c_str(), stdout);
        return 0;
    } catch (const CLI::CallForVersion& e) {
        std::printf("%s\n", e.what());
        return 0;
    } catch (const CLI::ParseError& e) {
        std::string message = errorText(e);
        // CLI11 reports an unknown command as a missing one.
        const bool unknownCommand = dynamic_cast<const CLI::RequiredError*>(&e) && app.get_subcommands().empty() &&
                                    argc > 1 && argv[1][0] != '-' && !app.get_subcommands({}).empty();
        if (unknownCommand) message = std::string("未知命令：") + argv[1];
        // An unknown option before any command: CLI11 reports only the missing command.
        const bool unknownOption = dynamic_cast<const CLI::RequiredError*>(&e) && app.get_subcommands().empty() &&
                                   argc > 1 && argv[1][0] == '-' && std::string_view(argv[1]) != "--" &&
                                   !app.get_subcommands({}).empty();
        if (unknownOption) message = std::string("不认识的参数：") + argv[1];
        const CLI::App& at = deepestParsed(app);
        std::fprintf(stderr, "%s: 参数错误：%s\n%s\n详细说明：%s --help\n", app.get_name().c_str(), message.c_str(),
                     usageLine(app).c_str(), commandPath(at).c_str());
        return kUsageExitCode;
    }
}

} // namespace content::cli

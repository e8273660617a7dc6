#pragma once
// The command lines of both programs (kiosk, kiosk-content) on CLI11: Chinese help generated
// from the options, each option's default stated, --version, and CLI11's English errors turned
// into one Chinese line plus the usage of the command being parsed. No UI here.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace content::cli {

constexpr int kUsageExitCode = 2;

// Sets APP up the way both programs look: Chinese help headings, -h/--help, --version printing
// "NAME VERSION". Options added later to APP and its subcommands inherit the option group.
void configure(CLI::App& app, const std::string& version);

// Parses ARGV into APP. Returns nothing when the program should go on; otherwise the exit code:
// 0 after --help (help on stdout) or --version, 2 after bad usage (Chinese message, usage of the
// command that was being parsed and where to find more help, on stderr).
std::optional<int> parse(CLI::App& app, int argc, const char* const* argv);

// A CLI11 parse error as one Chinese line, e.g. "缺少 --data-dir" or "不认识的参数：--bogus".
std::string errorText(const CLI::Error& error);

// The usage line of the command that was being parsed (the deepest parsed subcommand of APP).
std::string usageLine(const CLI::App& app);

} // namespace content::cli

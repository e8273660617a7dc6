#pragma once
// `kiosk-content` subcommands. Each command file registers its own subcommands with their
// options and help; the tool's main only lists the register functions.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace tool {

// Adds subcommand NAME to TOOL. RUN is called when a parse chose it (and no --help was asked);
// its result is the process's exit code. Options are added to the returned subcommand.
CLI::App& addCommand(CLI::App& tool, const std::string& name, const std::string& description, std::function<int()> run);

// init, check, build, import, export, info (content_commands.cpp).
void registerContentCommands(CLI::App& tool);
// keygen, sign, trust, set-pin (trust_commands.cpp).
void registerTrustCommands(CLI::App& tool);
// fleet (fleet_command.cpp).
void registerFleetCommand(CLI::App& tool);
// say (say_command.cpp).
void registerSayCommand(CLI::App& tool);

} // namespace tool

#pragma once
// `kiosk-content` subcommands. Each returns the process exit code and prints to stdout/stderr.
#include <string>
#include <vector>

namespace tool {

using Args = std::vector<std::string>; // the arguments after the subcommand name

int runInit(const Args& args);
int runCheck(const Args& args);
int runBuild(const Args& args);
int runImport(const Args& args);
int runExport(const Args& args);
int runInfo(const Args& args);
int runKeygen(const Args& args);
int runSign(const Args& args);
int runTrust(const Args& args);
int runSetPin(const Args& args);
int runFleet(const Args& args); // fleet_command.cpp

} // namespace tool

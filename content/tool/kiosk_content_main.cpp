// kiosk-content: the staff and operator tool. A thin dispatcher over the content library.
#include "content/tool/commands.h"

#include <cstdio>
#include <cstring>
#include <string>

namespace {

struct Command {
    const char* name;
    int (*run)(const tool::Args&);
    const char* usage;
};

const Command kCommands[] = {
    {"init", tool::runInit, "init DIR                      写出带表头和示例行的模板表格"},
    {"check", tool::runCheck, "check PKG                     检查内容包，列出所有问题"},
    {"build", tool::runBuild, "build PKG -o FILE.db          把内容包生成数据库文件"},
    {"import", tool::runImport, "import PKG --data-dir DIR [--allow-unsigned]  导入内容包"},
    {"export", tool::runExport, "export --data-dir DIR -o DIR  导出当前内容为表格"},
    {"info", tool::runInfo, "info --data-dir DIR           以 JSON 输出内容版本和行数"},
    {"keygen", tool::runKeygen, "keygen [-p PUB] [-s SEC]      生成签名密钥对（minisign 格式）"},
    {"sign", tool::runSign, "sign PKG --key FILE           为内容包写清单并签名"},
    {"trust", tool::runTrust, "trust PUBKEY --data-dir DIR   信任一个公钥"},
    {"set-pin", tool::runSetPin, "set-pin --data-dir DIR        设置工作人员密码（从标准输入读取）"},
    {"fleet", tool::runFleet, "fleet DIR... [-o FILE.html] [--stale-hours H]  各台信息屏的运行概览"},
};

void printUsage(FILE* out)
{
    std::fprintf(out, "用法: kiosk-content <命令> [参数]\n\n");
    for (const Command& command : kCommands) std::fprintf(out, "  %s\n", command.usage);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        printUsage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    tool::Args args(argv + 2, argv + argc);
    for (const Command& command : kCommands) {
        if (std::strcmp(argv[1], command.name) == 0) return command.run(args);
    }
    std::fprintf(stderr, "未知命令：%s\n\n", argv[1]);
    printUsage(stderr);
    return 2;
}

// kiosk-content keygen / sign / trust / set-pin: keys, signed packages and the staff PIN.
#include "content/file_io.h"
#include "content/tool/commands.h"

#include "content/data_dir.h"
#include "content/sheet_table.h"
#include "content/trust.h"
#include "content/trust_detail.h"

#include <nlohmann/json.hpp>
#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <system_error>

namespace tool {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxKeyFileBytes = 64 * 1024;
// Sheets are small; a content.db may be larger but still fits in memory comfortably.
constexpr std::size_t kMaxPackageFileBytes = 512u * 1024 * 1024;

// Options that take a value, flags, and positional arguments, as these commands use them.
struct ParsedArgs {
    std::map<std::string, std::string> values;
    std::vector<std::string> flags;
    std::vector<std::string> positional;
    std::string error;

    bool has(const std::string& flag) const { return std::find(flags.begin(), flags.end(), flag) != flags.end(); }
    std::optional<std::string> value(const std::string& name) const
    {
        auto it = values.find(name);
        if (it == values.end()) return std::nullopt;
        return it->second;
    }
};

ParsedArgs parseArgs(const Args& args, const std::vector<std::string>& valueOptions,
                     const std::vector<std::string>& flagOptions)
{
    ParsedArgs parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (std::find(valueOptions.begin(), valueOptions.end(), arg) != valueOptions.end()) {
            if (i + 1 >= args.size()) {
                parsed.error = "选项 " + arg + " 缺少参数";
                return parsed;
            }
            parsed.values[arg] = args[++i];
        } else if (std::find(flagOptions.begin(), flagOptions.end(), arg) != flagOptions.end()) {
            parsed.flags.push_back(arg);
        } else if (arg.size() > 1 && arg[0] == '-') {
            parsed.error = "未知选项：" + arg;
            return parsed;
        } else {
            parsed.positional.push_back(arg);
        }
    }
    return parsed;
}

int usage(const std::string& problem, const char* usageLine)
{
    if (!problem.empty()) std::fprintf(stderr, "%s\n", problem.c_str());
    std::fprintf(stderr, "用法: kiosk-content %s\n", usageLine);
    return 2;
}

int fail(const std::string& message)
{
    std::fprintf(stderr, "%s\n", message.c_str());
    return 1;
}

std::string trim(std::string s)
{
    auto space = [](unsigned char c) { return std::isspace(c) != 0; };
    s.erase(s.begin(), std::find_if_not(s.begin(), s.end(), space));
    s.erase(std::find_if_not(s.rbegin(), s.rend(), space).base(), s.end());
    return s;
}

bool isSheetFile(const std::string& name)
{
    if (name == "content.db") return true;
    // Names parseManifest would refuse are left out rather than making an unusable manifest.
    if (name.size() <= 4 || name.front() == '.' || name.find("..") != std::string::npos) return false;
    auto odd = [](unsigned char c) { return c < 0x20 || c == 0x7f || c == ':' || c == '\\'; };
    if (std::any_of(name.begin(), name.end(), odd)) return false;
    std::string ext = name.substr(name.size() - 4);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".csv";
}

// The 站点名称 row of station.csv, or empty when it is missing or unreadable.
std::string stationName(const fs::path& package)
{
    std::optional<std::string> bytes = content::readRegularFile(package / "station.csv", 1024 * 1024);
    if (!bytes) return {};
    std::optional<std::string> text = content::decodeSheetText(*bytes);
    if (!text) return {};
    content::Problems ignored;
    content::SheetTable table = content::parseCsv(*text, "station.csv", ignored);
    auto column = [&](const char* header) -> int {
        for (std::size_t i = 0; i < table.header.size(); ++i) {
            if (trim(table.header[i]) == header) return static_cast<int>(i);
        }
        return -1;
    };
    int keyColumn = column("项目");
    int valueColumn = column("内容");
    if (keyColumn < 0 || valueColumn < 0) return {};
    for (const content::SheetRow& row : table.rows) {
        if (static_cast<std::size_t>(std::max(keyColumn, valueColumn)) >= row.cells.size()) continue;
        if (trim(row.cells[static_cast<std::size_t>(keyColumn)]) == "站点名称")
            return trim(row.cells[static_cast<std::size_t>(valueColumn)]);
    }
    return {};
}

// Local time as YYYYMMDDHHMM, the default content version.
int64_t versionFromClock()
{
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return (((static_cast<int64_t>(local.tm_year + 1900) * 100 + local.tm_mon + 1) * 100 + local.tm_mday) * 100 +
            local.tm_hour) *
               100 +
           local.tm_min;
}

// A password line from standard input; typed without echo when it is a terminal.
std::optional<std::string> readPassword(const std::string& prompt)
{
    bool terminal = ::isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (terminal) {
        std::fprintf(stderr, "%s", prompt.c_str());
        std::fflush(stderr);
        if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        } else {
            terminal = false;
        }
    }
    std::string line;
    bool got = static_cast<bool>(std::getline(std::cin, line));
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fprintf(stderr, "\n");
    }
    if (!got) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

} // namespace

int runKeygen(const Args& args)
{
    const char* usageLine = "keygen [-p 公钥文件] [-s 私钥文件] [-f]";
    ParsedArgs parsed = parseArgs(args, {"-p", "-s"}, {"-f"});
    if (!parsed.error.empty() || !parsed.positional.empty())
        return usage(parsed.error.empty() ? "多余的参数：" + parsed.positional.front() : parsed.error, usageLine);
    fs::path pubPath = parsed.value("-p").value_or("kiosk.pub");
    fs::path secPath = parsed.value("-s").value_or("kiosk.key");
    if (pubPath == secPath) return usage("公钥和私钥不能写到同一个文件", usageLine);
    if (!parsed.has("-f")) {
        std::error_code ec;
        for (const fs::path& path : {pubPath, secPath}) {
            if (fs::exists(fs::symlink_status(path, ec)))
                return fail("“" + path.string() + "”已存在，不会覆盖；确需重新生成请加 -f");
        }
    }

    auto [pub, sec] = content::generateKeyPair();
    std::string secText = content::formatSecretKeyFile(sec);
    sodium_memzero(sec.key.data(), sec.key.size());
    std::string error;
    bool written = content::writeFileAtomically(secPath, secText, 0600, &error);
    sodium_memzero(secText.data(), secText.size());
    if (!written) return fail(error);
    if (!content::writeFileAtomically(pubPath, content::formatPublicKeyFile(pub), 0644, &error)) return fail(error);

    std::printf("已生成签名密钥（编号 %s）。\n", content::detail::keyIdHex(pub.keyId).c_str());
    std::printf("私钥：%s —— 请妥善保管，不要放到 U 盘或共享文件夹里。\n", secPath.c_str());
    std::printf("公钥：%s —— 在每台终端上用 kiosk-content trust 添加它。\n", pubPath.c_str());
    return 0;
}

int runSign(const Args& args)
{
    const char* usageLine = "sign 内容包目录 --key 私钥文件 [-t \"可信注释\"] [--version 版本号]";
    ParsedArgs parsed = parseArgs(args, {"--key", "-k", "-t", "--version"}, {});
    if (!parsed.error.empty()) return usage(parsed.error, usageLine);
    if (parsed.positional.size() != 1)
        return usage(parsed.positional.empty() ? "缺少内容包目录" : "只能指定一个内容包目录", usageLine);
    std::optional<std::string> keyPath = parsed.value("--key");
    if (!keyPath) keyPath = parsed.value("-k");
    if (!keyPath) return usage("缺少 --key 私钥文件", usageLine);

    std::optional<int64_t> requestedVersion;
    if (std::optional<std::string> text = parsed.value("--version")) {
        char* end = nullptr;
        errno = 0;
        long long value = std::strtoll(text->c_str(), &end, 10);
        if (text->empty() || *end != '\0' || errno != 0 || value <= 0)
            return usage("版本号应为正整数，如 202606030900", usageLine);
        requestedVersion = value;
    }

    fs::path package = parsed.positional.front();
    std::error_code ec;
    if (!fs::is_directory(package, ec)) return fail("找不到内容包目录“" + package.string() + "”");

    std::optional<std::string> keyText = content::readRegularFile(*keyPath, kMaxKeyFileBytes);
    if (!keyText) return fail("无法读取私钥文件“" + *keyPath + "”");
    std::optional<content::SecretKey> key;
    if (content::detail::isEncryptedSecretKey(*keyText)) {
        std::optional<std::string> password = readPassword("请输入私钥“" + *keyPath + "”的密码：");
        if (!password) {
            sodium_memzero(keyText->data(), keyText->size());
            return fail("没有读到私钥密码。也可以用 kiosk-content keygen 或 minisign -G -W 生成不加密的私钥。");
        }
        std::fprintf(stderr, "正在解密私钥……\n");
        std::string error;
        key = content::detail::decryptSecretKey(*keyText, *password, error);
        sodium_memzero(password->data(), password->size());
        sodium_memzero(keyText->data(), keyText->size());
        if (!key) return fail("“" + *keyPath + "”：" + error);
    } else {
        key = content::parseSecretKey(*keyText);
        sodium_memzero(keyText->data(), keyText->size());
        if (!key) return fail("“" + *keyPath + "”不是有效的 minisign 私钥文件");
    }

    // Every sheet in the package, by name, with its hash.
    std::map<std::string, std::string> files;
    for (fs::directory_iterator it(package, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        std::error_code statError;
        if (!isSheetFile(name) || !fs::is_regular_file(fs::symlink_status(it->path(), statError))) continue;
        std::optional<std::string> bytes = content::readRegularFile(it->path(), kMaxPackageFileBytes);
        if (!bytes) return fail("无法读取“" + it->path().string() + "”");
        files[name] = content::sha256Hex(*bytes);
    }
    if (ec) return fail("无法列出内容包目录“" + package.string() + "”：" + ec.message());
    if (files.empty()) return fail("内容包“" + package.string() + "”里没有表格（*.csv）或 content.db，无需签名");

    fs::path manifestPath = package / "manifest.json";
    int64_t version = requestedVersion.value_or(versionFromClock());
    std::optional<int64_t> previousVersion;
    if (std::optional<std::string> old = content::readRegularFile(manifestPath, 1024 * 1024)) {
        content::Problems ignored;
        if (std::optional<content::Manifest> previous = content::parseManifest(*old, ignored))
            previousVersion = previous->version;
    }
    // Kiosks refuse a version they already have, so a re-signed package must move forward.
    if (previousVersion && *previousVersion >= version) {
        if (requestedVersion)
            std::fprintf(stderr, "注意：原清单的版本号 %lld 不低于指定的 %lld，终端可能不会接受这个内容包。\n",
                         static_cast<long long>(*previousVersion), static_cast<long long>(version));
        else
            version = *previousVersion + 1;
    }

    nlohmann::ordered_json manifest;
    manifest["format"] = 1;
    manifest["version"] = version;
    manifest["station"] = stationName(package);
    manifest["files"] = nlohmann::ordered_json::object();
    for (const auto& [name, hash] : files) manifest["files"][name] = hash;
    std::string manifestText = manifest.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";

    std::string comment = parsed.value("-t").value_or(content::detail::defaultTrustedComment("manifest.json") +
                                                      "\tversion:" + std::to_string(version));
    std::string signature = content::signMessage(manifestText, *key, comment);
    sodium_memzero(key->key.data(), key->key.size());

    std::string error;
    fs::path sigPath = package / "manifest.json.minisig";
    if (!content::writeFileAtomically(manifestPath, manifestText, 0644, &error) ||
        !content::writeFileAtomically(sigPath, signature, 0644, &error))
        return fail(error);

    std::printf("已签名内容包“%s”：版本 %lld，%zu 个文件。\n", package.c_str(), static_cast<long long>(version),
                files.size());
    for (const auto& [name, hash] : files) std::printf("  %s  %s\n", hash.c_str(), name.c_str());
    return 0;
}

int runTrust(const Args& args)
{
    const char* usageLine = "trust 公钥文件 --data-dir 数据目录";
    ParsedArgs parsed = parseArgs(args, {"--data-dir"}, {});
    if (!parsed.error.empty()) return usage(parsed.error, usageLine);
    std::optional<std::string> dataDir = parsed.value("--data-dir");
    if (parsed.positional.size() != 1 || !dataDir)
        return usage(dataDir ? "缺少公钥文件" : "缺少 --data-dir 数据目录", usageLine);

    const std::string& pubPath = parsed.positional.front();
    std::optional<std::string> text = content::readRegularFile(pubPath, kMaxKeyFileBytes);
    if (!text) return fail("无法读取公钥文件“" + pubPath + "”");
    content::DataDir dir{*dataDir};
    std::string error;
    if (!content::trustKey(dir, *text, error)) return fail("“" + pubPath + "”：" + error);
    std::optional<content::PublicKey> key = content::parsePublicKey(*text);
    std::printf("已信任公钥 %s（保存在 %s）。\n", content::detail::keyIdHex(key->keyId).c_str(),
                dir.trustedDir().c_str());
    return 0;
}

int runSetPin(const Args& args)
{
    const char* usageLine = "set-pin --data-dir 数据目录   （从标准输入读入 4 到 8 位数字密码）";
    ParsedArgs parsed = parseArgs(args, {"--data-dir"}, {});
    if (!parsed.error.empty() || !parsed.positional.empty())
        return usage(parsed.error.empty() ? "多余的参数：" + parsed.positional.front() : parsed.error, usageLine);
    std::optional<std::string> dataDir = parsed.value("--data-dir");
    if (!dataDir) return usage("缺少 --data-dir 数据目录", usageLine);

    std::string line;
    if (!std::getline(std::cin, line)) return fail("没有从标准输入读到密码");
    std::string pin = trim(line);
    sodium_memzero(line.data(), line.size());
    std::string error;
    bool ok = content::setPin(content::DataDir{*dataDir}, pin, error);
    sodium_memzero(pin.data(), pin.size());
    if (!ok) return fail(error);
    std::printf("工作人员密码已设置。\n");
    return 0;
}

} // namespace tool

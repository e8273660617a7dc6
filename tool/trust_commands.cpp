// kiosk-content keygen / sign / trust / set-pin: keys, signed packages and the staff PIN.
#include "content/error_text.h"
#include "content/file_io.h"
#include "tool/commands.h"

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
#include <memory>
#include <optional>
#include <string>
#include <system_error>

namespace tool {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxKeyFileBytes = 64 * 1024;
// Sheets are small; a content.db may be larger but still fits in memory comfortably.
constexpr std::size_t kMaxPackageFileBytes = 512u * 1024 * 1024;

// The options of each command, as CLI11 fills them.
struct KeygenOptions {
    std::string publicKey = "kiosk.pub";
    std::string secretKey = "kiosk.key";
    bool force = false;
};
struct SignOptions {
    std::string package;
    std::string key;
    std::optional<std::string> trustedComment;
    std::optional<std::string> version;
};
struct TrustOptions {
    std::string publicKey;
    std::string dataDir;
};
struct SetPinOptions {
    std::string dataDir;
};

// A usage problem CLI11 cannot see (a value of the right type but not a usable one).
int usage(const std::string& problem, const char* command)
{
    std::fprintf(stderr, "kiosk-content: 参数错误：%s\n详细说明：kiosk-content %s --help\n", problem.c_str(), command);
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

// A PIN typed with a Chinese input method in full-width mode (１２３４), or saved by Notepad with
// a byte order mark, is the PIN typed on the screen's keypad: plain digits.
std::string asciiDigits(const std::string& text)
{
    std::string_view rest = text;
    if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
    std::string out;
    while (!rest.empty()) {
        // U+FF10..U+FF19 are EF BC 90..99 in UTF-8.
        if (rest.size() >= 3 && rest[0] == '\xEF' && rest[1] == '\xBC' && rest[2] >= '\x90' && rest[2] <= '\x99') {
            out += static_cast<char>('0' + (rest[2] - '\x90'));
            rest.remove_prefix(3);
        } else {
            out += rest.front();
            rest.remove_prefix(1);
        }
    }
    return trim(out);
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

int runKeygen(const KeygenOptions& options)
{
    fs::path pubPath = options.publicKey;
    fs::path secPath = options.secretKey;
    if (pubPath == secPath) return usage("公钥和私钥不能写到同一个文件", "keygen");
    if (!options.force) {
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
    if (!content::writeFileAtomically(pubPath, content::formatPublicKeyFile(pub), 0644, &error)) {
        // A secret key whose public half was never written is of no use: do not leave it behind.
        std::error_code ec;
        fs::remove(secPath, ec);
        return fail(error);
    }

    std::printf("已生成签名密钥（编号 %s）。\n", content::detail::keyIdHex(pub.keyId).c_str());
    std::printf("私钥：%s —— 请妥善保管，不要放到 U 盘或共享文件夹里。\n", secPath.c_str());
    std::printf("公钥：%s —— 在每台终端上用 kiosk-content trust 添加它。\n", pubPath.c_str());
    return 0;
}

int runSign(const SignOptions& options)
{
    const std::optional<std::string> keyPath = options.key;

    std::optional<int64_t> requestedVersion;
    if (const std::optional<std::string>& text = options.version) {
        char* end = nullptr;
        errno = 0;
        long long value = std::strtoll(text->c_str(), &end, 10);
        const bool digits = !text->empty() && std::all_of(text->begin(), text->end(),
                                                          [](unsigned char c) { return std::isdigit(c) != 0; });
        // Kiosks refuse longer versions: a manifest they would refuse is not written at all.
        if (digits && (errno == ERANGE || value > content::kMaxPackageVersion))
            return usage("版本号 " + *text + " 太大：最多 14 位数字（年月日时分，如 202606030900）", "sign");
        if (text->empty() || *end != '\0' || errno != 0 || value <= 0)
            return usage("版本号应为正整数，如 202606030900", "sign");
        requestedVersion = value;
    }

    fs::path package = options.package;
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
        const bool isPublicKey = !key && content::parsePublicKey(*keyText);
        sodium_memzero(keyText->data(), keyText->size());
        if (isPublicKey)
            return fail("“" + *keyPath + "”是公钥文件；签名要用私钥（kiosk-content keygen -s 写出的文件）");
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
    if (ec) return fail("无法列出内容包目录“" + package.string() + "”：" + content::errorCodeText(ec));
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

    std::string comment = options.trustedComment.value_or(content::detail::defaultTrustedComment("manifest.json") +
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

int runTrust(const TrustOptions& options)
{
    const std::string& pubPath = options.publicKey;
    std::optional<std::string> text = content::readRegularFile(pubPath, kMaxKeyFileBytes);
    if (!text) return fail("无法读取公钥文件“" + pubPath + "”");
    content::DataDir dir{options.dataDir};
    std::string error;
    if (content::parseSecretKey(*text) || content::detail::isEncryptedSecretKey(*text)) {
        sodium_memzero(text->data(), text->size());
        return fail("“" + pubPath + "”是私钥文件，不是公钥：请信任与它成对的 .pub 文件，私钥不要拷到终端上");
    }
    if (!content::trustKey(dir, *text, error)) return fail("“" + pubPath + "”：" + error);
    std::optional<content::PublicKey> key = content::parsePublicKey(*text);
    std::printf("已信任公钥 %s（保存在 %s）。\n", content::detail::keyIdHex(key->keyId).c_str(),
                dir.trustedDir().c_str());
    return 0;
}

int runSetPin(const SetPinOptions& options)
{

    std::string line;
    if (!std::getline(std::cin, line)) return fail("没有从标准输入读到密码");
    std::string pin = asciiDigits(trim(line));
    sodium_memzero(line.data(), line.size());
    std::string error;
    bool ok = content::setPin(content::DataDir{options.dataDir}, pin, error);
    sodium_memzero(pin.data(), pin.size());
    if (!ok) return fail(error);
    std::printf("工作人员密码已设置。\n");
    return 0;
}

} // namespace

void registerTrustCommands(CLI::App& tool)
{
    auto keygen = std::make_shared<KeygenOptions>();
    CLI::App& keygenCommand =
        addCommand(tool, "keygen", "生成签名密钥对（minisign 格式，不加密）", [keygen] { return runKeygen(*keygen); });
    keygenCommand.add_option("-p", keygen->publicKey, "公钥文件")->capture_default_str()->type_name("PUB");
    keygenCommand.add_option("-s", keygen->secretKey, "私钥文件（权限 0600）")->capture_default_str()->type_name("SEC");
    keygenCommand.add_flag("-f", keygen->force, "覆盖已有的密钥文件（默认：已有时拒绝）");

    auto sign = std::make_shared<SignOptions>();
    CLI::App& signCommand = addCommand(tool, "sign", "为内容包写出 manifest.json 并签名（manifest.json.minisig）",
                                       [sign] { return runSign(*sign); });
    signCommand.add_option("PKG", sign->package, "内容包文件夹")->required()->type_name("DIR");
    signCommand.add_option("-k,--key", sign->key, "私钥文件（minisign 格式，可加密）")->required()->type_name("FILE");
    signCommand.add_option("-t", sign->trustedComment, "签名里的可信注释")
        ->type_name("TEXT")
        ->default_str("时间、文件名和版本号");
    signCommand.add_option("--version", sign->version, "清单版本号，须高于终端已应用的版本")
        ->type_name("N")
        ->default_str("当前时间 YYYYMMDDHHMM，且高于原清单的版本");

    auto trust = std::make_shared<TrustOptions>();
    CLI::App& trustCommand =
        addCommand(tool, "trust", "信任一个公钥：接受它签名的内容包", [trust] { return runTrust(*trust); });
    trustCommand.add_option("PUBKEY", trust->publicKey, "公钥文件（minisign .pub）")->required()->type_name("FILE");
    trustCommand.add_option("--data-dir", trust->dataDir, "终端的数据目录（写入其中的 trusted/）")
        ->required()
        ->type_name("DIR");

    auto setPin = std::make_shared<SetPinOptions>();
    CLI::App& setPinCommand = addCommand(tool, "set-pin", "设置工作人员密码：从标准输入读入 4 到 8 位数字，哈希后保存",
                                         [setPin] { return runSetPin(*setPin); });
    setPinCommand.add_option("--data-dir", setPin->dataDir, "终端的数据目录")->required()->type_name("DIR");
}

} // namespace tool

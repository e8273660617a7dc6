// kiosk-content's content commands: init, check, build, import, export, info.
#include "content/file_io.h"
#include "content/tool/commands.h"

#include "content/data_dir.h"
#include "content/importer.h"
#include "content/package_stage.h"
#include "content/sheet_table.h"
#include "content/store.h"
#include "content/trust_detail.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tool {

namespace {

namespace fs = std::filesystem;
using content::DataDir;

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

// Positional arguments and options, as the commands take them.
struct Parsed {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values; // --data-dir DIR, -o FILE
    std::set<std::string> flags;               // --allow-unsigned
    std::string error;
};

Parsed parseArgs(const Args& args, const std::set<std::string>& valueOptions, const std::set<std::string>& flagOptions)
{
    Parsed parsed;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (valueOptions.count(arg)) {
            if (i + 1 >= args.size()) {
                parsed.error = arg + " 后面缺少参数";
                return parsed;
            }
            parsed.values[arg] = args[++i];
        } else if (flagOptions.count(arg)) {
            parsed.flags.insert(arg);
        } else if (arg.size() > 1 && arg[0] == '-') {
            parsed.error = "不认识的选项 " + arg;
            return parsed;
        } else {
            parsed.positional.push_back(arg);
        }
    }
    return parsed;
}

int usage(const std::string& error, const char* line)
{
    if (!error.empty()) std::fprintf(stderr, "%s\n", error.c_str());
    std::fprintf(stderr, "用法: kiosk-content %s\n", line);
    return kUsage;
}

void printProblems(const content::Problems& problems, FILE* out)
{
    for (const content::Problem& problem : problems) std::fprintf(out, "%s\n", problem.format().c_str());
}

// A private staging root for commands that have no data dir; removed when done.
class TempDir {
public:
    TempDir()
    {
        std::error_code ec;
        fs::path base = fs::temp_directory_path(ec);
        if (ec) base = "/tmp";
        std::string pattern = (base / "kiosk-content-XXXXXX").string();
        if (::mkdtemp(pattern.data())) m_path = pattern;
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir()
    {
        std::error_code ec;
        if (!m_path.empty()) fs::remove_all(m_path, ec);
    }
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

// Opens the store of an existing data dir (export, info must not invent one at a typo).
std::optional<content::Store> openExisting(const std::string& dataDir)
{
    std::error_code ec;
    if (!fs::is_directory(dataDir, ec)) {
        std::fprintf(stderr, "数据目录不存在：%s\n", dataDir.c_str());
        return std::nullopt;
    }
    try {
        return content::Store::open(DataDir{dataDir}, content::systemLocalNow().date);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "无法打开内容库：%s\n", e.what());
        return std::nullopt;
    }
}

} // namespace

int runInit(const Args& args)
{
    const char* line = "init DIR";
    const Parsed parsed = parseArgs(args, {}, {});
    if (!parsed.error.empty() || parsed.positional.size() != 1) return usage(parsed.error, line);
    const fs::path dir = parsed.positional[0];
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        std::fprintf(stderr, "无法创建文件夹 %s：%s\n", dir.c_str(), ec.message().c_str());
        return kFailed;
    }
    // All or nothing: staff's own sheets are never overwritten by templates.
    std::vector<std::string> existing;
    for (content::SheetKind kind : content::kAllSheetKinds) {
        if (fs::exists(fs::symlink_status(dir / content::sheetFileName(kind), ec)))
            existing.push_back(content::sheetFileName(kind));
    }
    if (!existing.empty()) {
        std::fprintf(stderr, "文件夹里已有这些表格，不会覆盖：\n");
        for (const std::string& name : existing) std::fprintf(stderr, "  %s\n", (dir / name).c_str());
        return kFailed;
    }
    for (content::SheetKind kind : content::kAllSheetKinds) {
        std::string error;
        if (!content::writeFileAtomically(dir / content::sheetFileName(kind), content::templateSheet(kind), 0644,
                                          &error)) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return kFailed;
        }
    }
    std::printf("已在 %s 写出 7 个模板表格，每个带表头和一行示例。\n", dir.c_str());
    return kOk;
}

int runCheck(const Args& args)
{
    const char* line = "check PKG";
    const Parsed parsed = parseArgs(args, {}, {});
    if (!parsed.error.empty() || parsed.positional.size() != 1) return usage(parsed.error, line);
    TempDir staging;
    if (staging.path().empty()) {
        std::fprintf(stderr, "无法创建临时目录\n");
        return kFailed;
    }
    const content::PackageCheck check = content::checkPackage(parsed.positional[0], staging.path());
    if (!check.update) {
        std::printf("不能导入，发现 %zu 个问题：\n", check.problems.size());
        printProblems(check.problems, stdout);
        return kFailed;
    }
    std::printf("可以导入：%s\n", content::rowsSummary(content::updateRowCounts(*check.update)).c_str());
    if (check.manifest) std::printf("清单版本：%lld\n", static_cast<long long>(check.manifest->version));
    return kOk;
}

int runBuild(const Args& args)
{
    const char* line = "build PKG -o FILE.db";
    const Parsed parsed = parseArgs(args, {"-o", "--output"}, {});
    const bool hasOutput = parsed.values.count("-o") || parsed.values.count("--output");
    if (!parsed.error.empty() || parsed.positional.size() != 1 || !hasOutput) return usage(parsed.error, line);
    const fs::path output = parsed.values.count("-o") ? parsed.values.at("-o") : parsed.values.at("--output");
    TempDir staging;
    if (staging.path().empty()) {
        std::fprintf(stderr, "无法创建临时目录\n");
        return kFailed;
    }
    const content::PackageCheck check = content::checkPackage(parsed.positional[0], staging.path());
    if (!check.update) {
        std::printf("未生成，发现 %zu 个问题：\n", check.problems.size());
        printProblems(check.problems, stdout);
        return kFailed;
    }
    const int64_t version = check.manifest ? check.manifest->version : 1;
    // Written beside the target and renamed, so an existing FILE.db is replaced whole or not at all.
    fs::path tmp = output;
    tmp += ".tmp";
    std::error_code ec;
    fs::remove(tmp, ec);
    try {
        content::writeStoreFile(tmp, *check.update, version);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "无法生成 %s：%s\n", output.c_str(), e.what());
        return kFailed;
    }
    fs::rename(tmp, output, ec);
    if (ec) {
        fs::remove(tmp, ec);
        std::fprintf(stderr, "无法生成 %s：%s\n", output.c_str(), ec.message().c_str());
        return kFailed;
    }
    std::printf("已生成 %s：%s\n", output.c_str(),
                content::rowsSummary(content::updateRowCounts(*check.update)).c_str());
    return kOk;
}

int runImport(const Args& args)
{
    const char* line = "import PKG --data-dir DIR [--allow-unsigned]";
    const Parsed parsed = parseArgs(args, {"--data-dir"}, {"--allow-unsigned"});
    if (!parsed.error.empty() || parsed.positional.size() != 1 || !parsed.values.count("--data-dir"))
        return usage(parsed.error, line);
    const DataDir dir{parsed.values.at("--data-dir")};
    const content::LocalDateTime now = content::systemLocalNow();
    std::optional<content::Store> store;
    try {
        store.emplace(content::Store::open(dir, now.date));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "无法打开内容库：%s\n", e.what());
        return kFailed;
    }
    content::ImportOptions options;
    options.source = content::PackageSource::Console;
    options.allowUnsigned = parsed.flags.count("--allow-unsigned") > 0;
    options.now = now;
    const content::ImportReport report = content::importPackage(*store, dir, parsed.positional[0], options);
    if (report.ok()) {
        std::printf("%s\n内容版本：%lld\n", report.summary().c_str(), static_cast<long long>(report.version));
        return kOk;
    }
    if (report.outcome == content::ImportOutcome::Rejected) {
        std::printf("未更新，发现 %zu 个问题：\n", report.problems.size());
        printProblems(report.problems, stdout);
    } else {
        std::printf("%s\n", report.summary().c_str());
        printProblems(report.problems, stdout);
    }
    return kFailed;
}

int runExport(const Args& args)
{
    const char* line = "export --data-dir DIR -o DIR";
    const Parsed parsed = parseArgs(args, {"--data-dir", "-o", "--output"}, {});
    const bool hasOutput = parsed.values.count("-o") || parsed.values.count("--output");
    if (!parsed.error.empty() || !parsed.positional.empty() || !parsed.values.count("--data-dir") || !hasOutput)
        return usage(parsed.error, line);
    const fs::path output = parsed.values.count("-o") ? parsed.values.at("-o") : parsed.values.at("--output");
    std::optional<content::Store> store = openExisting(parsed.values.at("--data-dir"));
    if (!store) return kFailed;
    std::error_code ec;
    fs::create_directories(output, ec);
    if (ec) {
        std::fprintf(stderr, "无法创建文件夹 %s：%s\n", output.c_str(), ec.message().c_str());
        return kFailed;
    }
    for (content::SheetKind kind : content::kAllSheetKinds) {
        std::string error;
        if (!content::writeFileAtomically(output / content::sheetFileName(kind),
                                          content::exportSheet(kind, store->content()), 0644, &error)) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return kFailed;
        }
    }
    std::printf("已把内容（版本 %lld）导出到 %s\n", static_cast<long long>(store->version()), output.c_str());
    return kOk;
}

int runInfo(const Args& args)
{
    const char* line = "info --data-dir DIR";
    const Parsed parsed = parseArgs(args, {"--data-dir"}, {});
    if (!parsed.error.empty() || !parsed.positional.empty() || !parsed.values.count("--data-dir"))
        return usage(parsed.error, line);
    std::optional<content::Store> store = openExisting(parsed.values.at("--data-dir"));
    if (!store) return kFailed;
    nlohmann::ordered_json json;
    json["version"] = store->version();
    nlohmann::ordered_json rows = nlohmann::ordered_json::object();
    for (content::SheetKind kind : content::kAllSheetKinds)
        rows[content::sheetKey(kind)] = store->content().rowCount(kind);
    json["rows"] = rows;
    if (const std::optional<content::ImportReport> last =
            content::loadLastImport(DataDir{parsed.values.at("--data-dir")})) {
        json["last_import"] = {{"ok", last->ok()}, {"time", last->time}, {"source", last->source}};
    } else {
        json["last_import"] = nullptr;
    }
    std::printf("%s\n", json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kOk;
}

} // namespace tool

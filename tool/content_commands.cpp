// kiosk-content's content commands: init, check, build, import, export, info.
#include "content/error_text.h"
#include "content/file_io.h"
#include "tool/commands.h"

#include "content/data_dir.h"
#include "content/importer.h"
#include "content/package_stage.h"
#include "content/recording.h"
#include "content/sheet_table.h"
#include "content/sheet_text.h"
#include "content/station_clock.h"
#include "content/store.h"
#include "content/trust_detail.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tool {

namespace {

namespace fs = std::filesystem;
using content::DataDir;

constexpr int kOk = 0;
constexpr int kFailed = 1;

// The options of each command, as CLI11 fills them.
struct InitOptions {
    std::string dir;
};
struct CheckOptions {
    std::string package;
    std::string dataDir; // optional: verify the signature with this kiosk's trusted keys
};
struct BuildOptions {
    std::string package;
    std::string output;
};
struct ImportOptions {
    std::string package;
    std::string dataDir;
    bool allowUnsigned = false;
};
struct ExportOptions {
    std::string dataDir;
    std::string output;
};
struct InfoOptions {
    std::string dataDir;
};

// `check` and `build` have no data dir: nothing is known about the rows a kiosk has.
constexpr std::array<int, content::kSheetKindCount> kUnknownRows{-1, -1, -1, -1, -1, -1, -1};

void printProblems(const content::Problems& problems, FILE* out)
{
    for (const std::string& line : problems.lines()) std::fprintf(out, "%s\n", line.c_str());
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

// Opens the store of an existing data dir read-only: export and info must not invent one at a
// typo, and never change what they look at (not even to recover from a damaged pointer).
std::optional<content::Store> openExisting(const std::string& dataDir)
{
    std::error_code ec;
    if (!fs::is_directory(dataDir, ec)) {
        std::fprintf(stderr, "数据目录不存在：%s\n", dataDir.c_str());
        return std::nullopt;
    }
    try {
        content::Store store =
            content::Store::open(DataDir{dataDir}, content::systemLocalNow().date, content::StoreAccess::ReadOnly);
        if (!store.recoveryNote().empty()) std::fprintf(stderr, "注意：%s\n", store.recoveryNote().c_str());
        return store;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "无法打开内容库：%s\n", e.what());
        return std::nullopt;
    }
}

// Makes DIR and its parents; false, with the reason said, when it cannot.
bool makeFolder(const fs::path& dir)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) std::fprintf(stderr, "无法创建文件夹 %s：%s\n", dir.c_str(), content::errorCodeText(ec).c_str());
    return !ec;
}

int runInit(const InitOptions& options)
{
    const fs::path dir = options.dir;
    std::error_code ec;
    if (!makeFolder(dir)) return kFailed;
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
    const content::Date today = content::systemLocalNow().date;
    for (content::SheetKind kind : content::kAllSheetKinds) {
        std::string error;
        if (!content::writeFileAtomically(dir / content::sheetFileName(kind), content::templateSheet(kind, today), 0644,
                                          &error)) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return kFailed;
        }
    }
    std::printf("已在 %s 写出 7 个模板表格，每个带表头和一行示例。\n", dir.c_str());
    return kOk;
}

int runCheck(const CheckOptions& options)
{
    TempDir staging;
    if (staging.path().empty()) {
        std::fprintf(stderr, "无法创建临时目录\n");
        return kFailed;
    }
    std::optional<std::vector<content::PublicKey>> trusted;
    if (!options.dataDir.empty()) {
        std::error_code ec;
        if (!fs::is_directory(options.dataDir, ec)) {
            std::fprintf(stderr, "数据目录不存在：%s\n", options.dataDir.c_str());
            return kFailed;
        }
        trusted = content::loadTrustedKeys(DataDir{options.dataDir});
    }
    const content::PackageCheck check =
        content::checkPackage(options.package, staging.path(), trusted ? &*trusted : nullptr);
    if (!check.update) {
        std::printf("不能导入，发现 %zu 个问题：\n", check.problems.size());
        printProblems(check.problems, stdout);
        return kFailed;
    }
    // With a data dir, a sheet that would empty a kind the kiosk has rows of says so, as import does.
    std::array<int, content::kSheetKindCount> previousRows = kUnknownRows;
    if (!options.dataDir.empty()) {
        if (std::optional<content::Store> store = openExisting(options.dataDir)) {
            for (content::SheetKind kind : content::kAllSheetKinds) {
                if (check.update->has(kind)) previousRows[static_cast<size_t>(kind)] = store->content().rowCount(kind);
            }
        }
    }
    std::string rows = content::rowCountsText(content::updateRowCounts(*check.update), previousRows, false);
    if (!check.update->recordings.empty()) rows += "、录音 " + std::to_string(check.update->recordings.size()) + " 个";
    switch (check.signature) {
    case content::SignatureVerdict::Trusted:
        std::printf("可以导入：%s\n签名：有效，由这台终端信任的密钥签名\n", rows.c_str());
        break;
    case content::SignatureVerdict::Unsigned:
        std::printf("可以导入：%s\n签名：未签名（从 U 盘导入需要工作人员密码；投放文件夹只接受签名的内容包）\n",
                    rows.c_str());
        break;
    case content::SignatureVerdict::NotChecked:
    case content::SignatureVerdict::Bad:
        // Without a data dir's keys nobody can tell whether the kiosk will trust this signature.
        std::printf("内容检查通过：%s\n签名：未核对是否受信任（没有给出 --data-dir）；终端只导入由它信任的密钥签名的"
                    "内容包，要核对请加 --data-dir DIR\n",
                    rows.c_str());
        break;
    }
    if (check.manifest) std::printf("清单版本：%lld\n", static_cast<long long>(check.manifest->version));
    return kOk;
}

int runBuild(const BuildOptions& options)
{
    const fs::path output = options.output;
    TempDir staging;
    if (staging.path().empty()) {
        std::fprintf(stderr, "无法创建临时目录\n");
        return kFailed;
    }
    const content::PackageCheck check = content::checkPackage(options.package, staging.path());
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
        // Named before the clean-up, which resets `ec`.
        const std::string why = content::errorCodeText(ec);
        fs::remove(tmp, ec);
        std::fprintf(stderr, "无法生成 %s：%s\n", output.c_str(), why.c_str());
        return kFailed;
    }
    std::printf("已生成 %s：%s\n", output.c_str(),
                content::rowCountsText(content::updateRowCounts(*check.update), kUnknownRows, false).c_str());
    // build KIOSK -o KIOSK/content.db leaves a package with both, which no kiosk imports.
    std::error_code outputError;
    std::error_code packageError;
    const fs::path outputDir = fs::weakly_canonical(fs::absolute(output, outputError).parent_path(), outputError);
    const fs::path packageDir = fs::weakly_canonical(fs::path(options.package), packageError);
    if (!outputError && !packageError && outputDir == packageDir &&
        content::asciiLower(output.filename().string()) == content::kDatabaseFileName) {
        std::fprintf(stderr,
                     "注意：%s 和表格在同一个文件夹里；同时有表格和 content.db 的内容包不能导入，"
                     "请把 content.db 放到另一个文件夹，或删掉表格\n",
                     output.filename().c_str());
    }
    return kOk;
}

int runImport(const ImportOptions& options)
{
    const DataDir dir{options.dataDir};
    const content::SystemTime clock = content::systemLocalTime();
    const content::LocalDateTime now = clock.local;
    std::optional<content::Store> store;
    try {
        store.emplace(content::Store::open(dir, now.date));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "无法打开内容库：%s\n", e.what());
        return kFailed;
    }
    if (!store->recoveryNote().empty()) std::fprintf(stderr, "注意：%s\n", store->recoveryNote().c_str());
    content::ImportOptions importOptions;
    importOptions.source = content::PackageSource::Console;
    importOptions.allowUnsigned = options.allowUnsigned;
    importOptions.now = now;
    importOptions.second = clock.second;
    const content::ImportReport report = content::importPackage(*store, dir, options.package, importOptions);
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

int runExport(const ExportOptions& options)
{
    const fs::path output = options.output;
    std::optional<content::Store> store = openExisting(options.dataDir);
    if (!store) return kFailed;
    std::error_code ec;
    if (!makeFolder(output)) return kFailed;
    // Sheets beside a content.db, or beside a manifest that does not list them as they are now,
    // would not re-import: said before anything is written, and staff's files are left alone.
    std::vector<std::string> inTheWay;
    for (const fs::directory_entry& entry : fs::directory_iterator(output, ec)) {
        const std::string name = entry.path().filename().string();
        const std::string lower = content::asciiLower(name);
        if (lower == content::kDatabaseFileName || lower == content::kManifestFileName ||
            lower == content::kSignatureFileName)
            inTheWay.push_back(name);
    }
    if (!inTheWay.empty()) {
        std::sort(inTheWay.begin(), inTheWay.end());
        std::fprintf(
            stderr, "没有导出：文件夹 %s 里已有 %s，导出的表格和它放在一起就不能再导入；请换一个空文件夹，或先移走它\n",
            output.c_str(), content::joinCellList(inTheWay, "、").c_str());
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
    if (std::string error; !content::writeRecordingFiles(store->content(), output, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return kFailed;
    }
    std::printf("已把内容（版本 %lld）导出到 %s\n", static_cast<long long>(store->version()), output.c_str());
    return kOk;
}

int runInfo(const InfoOptions& options)
{
    std::optional<content::Store> store = openExisting(options.dataDir);
    if (!store) return kFailed;
    nlohmann::ordered_json json;
    json["version"] = store->version();
    json["signed_version"] = store->content().signedVersion;
    nlohmann::ordered_json rows = nlohmann::ordered_json::object();
    for (content::SheetKind kind : content::kAllSheetKinds)
        rows[content::sheetKey(kind)] = store->content().rowCount(kind);
    json["rows"] = rows;
    json["recordings"] = store->content().recordings.size();
    if (!store->recoveryNote().empty()) json["store_warning"] = store->recoveryNote();
    if (const std::optional<content::ImportReport> last = content::loadLastImport(DataDir{options.dataDir})) {
        json["last_import"] = {{"ok", last->ok()}, {"time", last->time}, {"source", last->source}};
    } else {
        json["last_import"] = nullptr;
    }
    std::printf("%s\n", json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kOk;
}

} // namespace

void registerContentCommands(CLI::App& tool)
{
    auto init = std::make_shared<InitOptions>();
    CLI::App& initCommand = addCommand(tool, "init", "写出七个模板表格，每个带表头和一行示例；已有表格时不覆盖",
                                       [init] { return runInit(*init); });
    initCommand.add_option("DIR", init->dir, "写入模板的文件夹（不存在时新建）")->required()->type_name("DIR");

    auto check = std::make_shared<CheckOptions>();
    CLI::App& checkCommand = addCommand(tool, "check", "检查内容包，按“文件:行:列: 说明”列出所有问题；可导入时退出码 0",
                                        [check] { return runCheck(*check); });
    checkCommand.add_option("PKG", check->package, "内容包文件夹（如 U 盘上的 KIOSK）")->required()->type_name("DIR");
    checkCommand
        .add_option("--data-dir", check->dataDir,
                    "用这个数据目录里信任的公钥核对签名（默认：不核对签名是否受信任，并如实说明）")
        ->type_name("DIR");

    auto build = std::make_shared<BuildOptions>();
    CLI::App& buildCommand =
        addCommand(tool, "build", "把内容包生成一个内容数据库文件（content.db）", [build] { return runBuild(*build); });
    buildCommand.add_option("PKG", build->package, "内容包文件夹")->required()->type_name("DIR");
    buildCommand.add_option("-o,--output", build->output, "要写出的数据库文件")->required()->type_name("FILE.db");

    auto import = std::make_shared<ImportOptions>();
    CLI::App& importCommand = addCommand(tool, "import", "像终端一样导入内容包：退出码 0 已更新，1 被拒绝（内容不变）",
                                         [import] { return runImport(*import); });
    importCommand.add_option("PKG", import->package, "内容包文件夹")->required()->type_name("DIR");
    importCommand.add_option("--data-dir", import->dataDir, "终端的数据目录")->required()->type_name("DIR");
    importCommand.add_flag("--allow-unsigned", import->allowUnsigned,
                           "也接受未签名的内容包（由在控制台操作的人担保）（默认：只接受受信任密钥签名的）");

    auto exportOptions = std::make_shared<ExportOptions>();
    CLI::App& exportCommand = addCommand(tool, "export", "把当前内容导出为表格（UTF-8 带 BOM，可原样再导入）",
                                         [exportOptions] { return runExport(*exportOptions); });
    exportCommand.add_option("--data-dir", exportOptions->dataDir, "终端的数据目录（须已存在）")
        ->required()
        ->type_name("DIR");
    exportCommand.add_option("-o,--output", exportOptions->output, "写出表格的文件夹")->required()->type_name("DIR");

    auto info = std::make_shared<InfoOptions>();
    CLI::App& infoCommand =
        addCommand(tool, "info", "以 JSON 输出内容版本、各表行数和上次导入的结果", [info] { return runInfo(*info); });
    infoCommand.add_option("--data-dir", info->dataDir, "终端的数据目录（须已存在）")->required()->type_name("DIR");
}

} // namespace tool

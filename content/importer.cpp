// The one import pipeline, shared by the kiosk and `kiosk-content import`:
// stage a private copy → trust → read sheets or content.db → validate → switch the store.
#include "content/importer.h"
#include "content/file_io.h"

#include "content/enum_table.h"
#include "content/fleet_status.h"
#include "content/import_words.h"
#include "content/limits.h"
#include "content/package_stage.h"
#include "content/sheet_text.h"
#include "content/trust.h"
#include "content/trust_detail.h"

#include <nlohmann/json.hpp>

#include <exception>
#include <vector>

namespace content {

namespace {

constexpr size_t kSummaryProblemLines = 3;
using limits::kMaxLastImportBytes;

void addProblem(Problems& problems, std::string file, std::string message)
{
    problems.push_back(Problem{std::move(file), 0, {}, std::move(message)});
}

struct OutcomeNames {
    ImportOutcome value;
    const char* key;   // last-import.json's "outcome"
    const char* title; // import-report.txt's 结果
};
constexpr OutcomeNames kOutcomeNames[] = {
    {ImportOutcome::Applied, "applied", "已更新"},           {ImportOutcome::Rejected, "rejected", "未更新"},
    {ImportOutcome::Waiting, "waiting", "等待同步完成"},     {ImportOutcome::NeedsPin, "needs_pin", "需要工作人员密码"},
    {ImportOutcome::Unchanged, "unchanged", "内容没有变化"},
};
static_assert(coversEnum(kOutcomeNames, ImportOutcome::Unchanged), "every ImportOutcome has its names, in enum order");
constexpr OutcomeNames kNoOutcome{ImportOutcome::Rejected, "rejected", ""};

const char* outcomeKey(ImportOutcome outcome)
{
    return enumRow(kOutcomeNames, outcome, kNoOutcome).key;
}

std::optional<ImportOutcome> outcomeFromKey(std::string_view key)
{
    for (const OutcomeNames& names : kOutcomeNames) {
        if (key == names.key) return names.value;
    }
    return std::nullopt;
}

const char* outcomeTitle(ImportOutcome outcome)
{
    return enumRow(kOutcomeNames, outcome, kNoOutcome).title;
}

bool cancelled(const ImportOptions& options)
{
    return options.cancel && options.cancel->load(std::memory_order_relaxed);
}

// A signed package's version not above the last signed one applied: no replay, no going back.
std::string notNewerMessage(int64_t offered, int64_t lastSigned)
{
    return "内容包的版本 " + std::to_string(offered) + " 不比已导入的签名内容（版本 " + std::to_string(lastSigned) +
           "）新，未做任何更改。旧的签名内容包不能把内容改回去；要回到上一版内容，请用工作人员菜单的“恢复上一版内容”";
}

// Thrown inside Store::replaceFromLive when the live store refuses the package.
struct Refused : StoreError {
    Refused(std::string message, bool same) : StoreError(std::move(message)), sameVersion(same) {}
    bool sameVersion; // the live store has this very signed version already
};

// Step (5): the new content on top of the live one as it is on disk now (another process may
// have switched it), with the version rules checked against it:
// - a signed package must be newer than the last signed one applied and brings its version
//   (or, after more local edits than the versions between, one above the live version);
// - a local edit moves the content version by one and leaves the last signed version alone.
void applyUpdate(Store& store, const ContentUpdate& update, ImportReport& report,
                 const std::optional<Manifest>& manifest, const ImportOptions& options)
{
    const bool isSigned = report.isSigned && manifest;
    try {
        store.replaceFromLive([&](const Content& live) {
            Content next = update.appliedTo(live);
            if (isSigned) {
                if (manifest->version <= live.signedVersion)
                    throw Refused(notNewerMessage(manifest->version, live.signedVersion),
                                  manifest->version == live.signedVersion);
                next.version = manifest->version > live.version || live.version >= kMaxContentVersion
                                   ? manifest->version
                                   : live.version + 1;
                next.signedVersion = manifest->version;
            } else {
                if (live.version >= kMaxContentVersion)
                    throw Refused("内容版本号 " + std::to_string(live.version) +
                                      " 已到上限，不能再导入未签名的内容；请导入区里签名的新内容包",
                                  false);
                next.version = live.version + 1;
                next.signedVersion = live.signedVersion;
            }
            return next;
        });
    } catch (const Refused& e) {
        // The drop folder still holds the package applied last: not news.
        if (e.sameVersion && options.source == PackageSource::Drop) {
            report.outcome = ImportOutcome::Unchanged;
            return;
        }
        addProblem(report.problems, isSigned ? kManifestFileName : "", e.what());
        report.outcome = ImportOutcome::Rejected;
        report.notNewer = isSigned;
        return;
    } catch (const StoreError& e) {
        addProblem(report.problems, {}, std::string("无法写入内容库，未做任何更改：") + e.what());
        report.outcome = ImportOutcome::Rejected;
        return;
    }
    report.version = store.version();
    report.outcome = ImportOutcome::Applied;
}

// The steps after the report's source and time are filled in. Sets outcome and problems.
void runImport(Store& store, const DataDir& dir, StageResult& stage, const ImportOptions& options, ImportReport& report,
               std::optional<PreparedImport>* keep)
{
    Problems& problems = report.problems;
    auto reject = [&report](std::string file, std::string message) {
        addProblem(report.problems, std::move(file), std::move(message));
        report.outcome = ImportOutcome::Rejected;
    };

    // (1) A private copy (made by stageForImport); everything after this reads only the copy.
    problems.append(stage.problems);
    stage.problems.clear();
    switch (stage.status) {
    case StageStatus::Ok:
        break;
    case StageStatus::Rejected:
        report.outcome = ImportOutcome::Rejected;
        return;
    case StageStatus::Cancelled:
        return reject({}, words::kImportCancelled);
    case StageStatus::Vanished:
        return reject({}, options.source == PackageSource::Usb ? words::kStickPulled
                                                               : "内容包在复制时消失或无法读取，未做任何更改");
    }
    const StagedPackage& staged = stage.staged;

    // (2) Trust. In a drop folder that is still changing, a missing or failing signature may be
    // a half-synced package: it waits; once the folder is quiet, the same finding refuses it.
    const bool stillArriving = options.source == PackageSource::Drop && !options.dropSettled;
    auto refuseOrWait = [&](std::string file, std::string message) {
        if (stillArriving) {
            report.outcome = ImportOutcome::Waiting;
            return;
        }
        reject(std::move(file), std::move(message));
    };
    const bool hasManifest = staged.has(kManifestFileName);
    const bool hasSignature = staged.has(kSignatureFileName);
    std::optional<Manifest> manifest;
    std::vector<std::string> names = staged.files();
    if (hasSignature) {
        if (!hasManifest) return refuseOrWait(kSignatureFileName, "有签名文件却没有清单 manifest.json，无法核对签名");
        const std::optional<std::string> manifestText = staged.read(kManifestFileName);
        const std::optional<std::string> signatureText = staged.read(kSignatureFileName);
        if (!manifestText || !signatureText) return reject(kManifestFileName, "无法读取清单或签名文件");
        const SignatureCheck check = verifySignature(*manifestText, *signatureText, loadTrustedKeys(dir));
        if (!check.ok) return refuseOrWait(kSignatureFileName, "签名无效，内容包不能导入：" + check.problem);
        report.isSigned = true;
        manifest = parseManifest(*manifestText, problems);
        if (!manifest) {
            report.outcome = ImportOutcome::Rejected;
            return;
        }
        report.version = manifest->version;
        // Early, before the sheets are read: no replay of an old signed package, from any source.
        // (Checked again against the live store when it switches.)
        const int64_t lastSigned = store.content().signedVersion;
        if (manifest->version <= lastSigned) {
            // The one applied now is simply still in the drop folder.
            if (manifest->version == lastSigned && options.source == PackageSource::Drop) {
                report.outcome = ImportOutcome::Unchanged;
                return;
            }
            report.notNewer = true;
            return reject(kManifestFileName, notNewerMessage(manifest->version, lastSigned));
        }
        bool incomplete = false;
        if (!checkManifestFiles(staged, *manifest, problems, incomplete)) {
            report.outcome =
                options.source == PackageSource::Drop && incomplete ? ImportOutcome::Waiting : ImportOutcome::Rejected;
            return;
        }
        // A signed package is exactly what its manifest lists; other files are ignored.
        names.clear();
        for (const auto& entry : manifest->files) names.push_back(entry.first);
    } else {
        if (!options.allowUnsigned && options.source != PackageSource::Usb) {
            return refuseOrWait({}, "未签名的内容包不能从这里导入：需要由受信任的密钥签名"
                                    "（确认内容可靠时，可用 kiosk-content import --allow-unsigned 导入）");
        }
        if (hasManifest) {
            // Unsigned, the manifest is only a checksum list, but a wrong checksum still means
            // a damaged or half-copied package.
            const std::optional<std::string> manifestText = staged.read(kManifestFileName);
            if (manifestText) manifest = parseManifest(*manifestText, problems);
            if (!manifest) {
                if (problems.empty()) addProblem(problems, kManifestFileName, "无法读取清单");
                report.outcome = ImportOutcome::Rejected;
                return;
            }
            bool incomplete = false;
            if (!checkManifestFiles(staged, *manifest, problems, incomplete)) {
                report.outcome = options.source == PackageSource::Drop && incomplete ? ImportOutcome::Waiting
                                                                                     : ImportOutcome::Rejected;
                return;
            }
        }
    }
    if (cancelled(options)) return reject({}, words::kImportCancelled);

    // (3) Read and validate the sheets or the content.db of the staged copy.
    ContentUpdate update;
    readPackageFiles(staged, names, update, problems);
    // (4) Any problem rejects the whole package.
    if (!problems.empty()) {
        report.outcome = ImportOutcome::Rejected;
        return;
    }
    report.rows = updateRowCounts(update);
    for (SheetKind kind : kAllSheetKinds) {
        if (update.has(kind)) report.previousRows[static_cast<size_t>(kind)] = store.content().rowCount(kind);
    }
    if (!report.isSigned && !options.allowUnsigned) {
        // Only a stick gets here: the content is fine, staff vouch for it with the PIN.
        report.outcome = ImportOutcome::NeedsPin;
        if (keep) keep->emplace(PreparedImport{std::move(stage.staged), std::move(update), report});
        return;
    }
    if (cancelled(options)) return reject({}, words::kImportCancelled);
    applyUpdate(store, update, report, manifest, options);
}

// Notes an Applied or Rejected result in last-import.json.
void recordResult(const DataDir& dir, const ImportReport& report)
{
    if (report.outcome != ImportOutcome::Applied && report.outcome != ImportOutcome::Rejected) return;
    try {
        saveLastImport(dir, report);
    } catch (...) {
        // The import itself is done; failing to note it must not turn it into a failure.
    }
}

// Runs `step`; whatever a package holds ends as a rejection, never as a crash.
template <typename Step>
void guarded(ImportReport& report, Step&& step)
{
    try {
        step();
    } catch (const std::exception& e) {
        report.outcome = ImportOutcome::Rejected;
        report.problems.push_back(Problem{{}, 0, {}, std::string("导入时出错，未做任何更改：") + e.what()});
    } catch (...) {
        report.outcome = ImportOutcome::Rejected;
        report.problems.push_back(Problem{{}, 0, {}, "导入时出错，未做任何更改"});
    }
    if (report.outcome == ImportOutcome::Rejected && report.problems.empty())
        report.problems.push_back(Problem{{}, 0, {}, "内容包不能导入"});
}

} // namespace

std::string rowCountsText(const std::array<int, kSheetKindCount>& rows,
                          const std::array<int, kSheetKindCount>& previousRows, bool applied)
{
    std::string text;
    for (SheetKind kind : kAllSheetKinds) {
        const int count = rows[static_cast<size_t>(kind)];
        if (count < 0) continue;
        if (!text.empty()) text += words::kListSeparator;
        text += std::string(sheetTitle(kind)) + " " + std::to_string(count) + words::kRowsUnit;
        const int before = previousRows[static_cast<size_t>(kind)];
        if (count == 0 && before > 0)
            text += "（原有 " + std::to_string(before) + " 条" + (applied ? "已清空）" : "将被清空）");
    }
    return text;
}

std::string ImportReport::summary() const
{
    switch (outcome) {
    case ImportOutcome::Applied:
        return "已更新：" + rowCountsText(rows, previousRows, true);
    case ImportOutcome::Rejected: {
        std::string text = "未更新，发现 " + std::to_string(problems.size()) + " 个问题：";
        for (size_t i = 0; i < problems.size() && i < kSummaryProblemLines; ++i) text += "\n" + problems[i].format();
        if (problems.size() > kSummaryProblemLines) text += "\n……";
        return text;
    }
    case ImportOutcome::Waiting:
        return "内容包还没有同步完整，稍后会自动再试";
    case ImportOutcome::NeedsPin:
        return "这是未签名的内容包，请工作人员输入密码后导入：" + rowCountsText(rows, previousRows, false);
    case ImportOutcome::Unchanged:
        return "内容没有变化：版本 " + std::to_string(version) + " 已是当前内容";
    }
    return {};
}

std::string ImportReport::reportFileText() const
{
    std::vector<std::string> lines;
    lines.push_back("养老服务站信息屏 内容导入报告");
    lines.push_back("时间：" + time);
    lines.push_back("来源：" + source);
    lines.push_back(std::string("结果：") + outcomeTitle(outcome));
    if (version > 0) lines.push_back("版本：" + std::to_string(version));
    lines.push_back(std::string("签名：") + (isSigned ? "已签名" : "未签名"));
    lines.push_back("");
    if (outcome == ImportOutcome::Rejected) {
        lines.push_back("未更新，发现 " + std::to_string(problems.size()) + " 个问题，请改正后再导入：");
    } else {
        lines.push_back(summary());
    }
    // Bounded: Problems keeps at most limits::kMaxProblemsKept, each of bounded length.
    for (std::string& line : problems.lines()) lines.push_back(std::move(line));
    std::string text = "\xEF\xBB\xBF";
    for (const std::string& line : lines) text += line + "\r\n";
    return text;
}

StageResult stageForImport(const DataDir& dir, const fs::path& package, const std::atomic<bool>* cancel)
{
    StageResult result;
    try {
        cleanStaging(dir.stagingDir());
        result.status = stagePackage(package, dir.stagingDir(), StageLimits{}, cancel, result.staged, result.problems);
    } catch (const std::exception& e) {
        result.status = StageStatus::Rejected;
        result.problems.push_back(Problem{{}, 0, {}, std::string("导入时出错，未做任何更改：") + e.what()});
    }
    return result;
}

ImportReport importPackage(Store& store, const DataDir& dir, const fs::path& package, const ImportOptions& options)
{
    return importStaged(store, dir, package, stageForImport(dir, package, options.cancel), options);
}

ImportReport importStaged(Store& store, const DataDir& dir, const fs::path& package, StageResult stage,
                          const ImportOptions& options, std::optional<PreparedImport>* keep)
{
    ImportReport report;
    report.source = package.string();
    report.time = importTime(options.now, options.second);
    // A drop package taken away while it was copied was withdrawn, not refused: nothing to
    // report (the watcher forgets the folder).
    std::error_code ec;
    if (stage.status == StageStatus::Vanished && options.source == PackageSource::Drop && !fs::exists(package, ec)) {
        report.outcome = ImportOutcome::Waiting;
        return report;
    }
    guarded(report, [&] { runImport(store, dir, stage, options, report, keep); });
    recordResult(dir, report);
    return report;
}

std::string importTime(LocalDateTime now, int second)
{
    return formatZonedTime(now.date.ok() ? zoned(now, second) : zonedNow());
}

ImportReport applyPrepared(Store& store, const DataDir& dir, PreparedImport& prepared, LocalDateTime now, int second)
{
    ImportReport report = prepared.report;
    report.problems.clear();
    report.time = importTime(now, second);
    ImportOptions local;
    local.source = PackageSource::Usb;
    local.allowUnsigned = true;
    guarded(report, [&] { applyUpdate(store, prepared.update, report, std::nullopt, local); });
    recordResult(dir, report);
    return report;
}

void saveLastImport(const DataDir& dir, const ImportReport& report)
{
    nlohmann::ordered_json json;
    json["ok"] = report.ok();
    json["outcome"] = outcomeKey(report.outcome);
    json["time"] = report.time;
    json["source"] = report.source;
    json["version"] = report.version;
    json["signed"] = report.isSigned;
    nlohmann::ordered_json rows = nlohmann::ordered_json::object();
    for (SheetKind kind : kAllSheetKinds) rows[sheetKey(kind)] = report.rows[static_cast<size_t>(kind)];
    json["rows"] = rows;
    nlohmann::ordered_json previousRows = nlohmann::ordered_json::object();
    for (SheetKind kind : kAllSheetKinds) previousRows[sheetKey(kind)] = report.previousRows[static_cast<size_t>(kind)];
    json["previous_rows"] = previousRows;
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    for (const Problem& problem : report.problems) {
        problems.push_back(
            {{"file", problem.file}, {"row", problem.row}, {"column", problem.column}, {"message", problem.message}});
    }
    json["problems"] = problems;
    json["problems_not_kept"] = report.problems.dropped();
    json["summary"] = report.summary();
    // File names from a stick may be in a legacy encoding: never let that stop the write.
    const std::string text = json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::error_code ec;
    fs::create_directories(dir.root, ec);
    std::string error;
    if (!content::writeFileAtomically(dir.lastImportFile(), text, 0644, &error)) throw StoreError(error);
}

std::optional<ImportReport> loadLastImport(const DataDir& dir)
{
    const std::optional<std::string> text = content::readRegularFile(dir.lastImportFile(), kMaxLastImportBytes);
    if (!text) return std::nullopt;
    try {
        const nlohmann::json json = nlohmann::json::parse(*text);
        ImportReport report;
        const std::optional<ImportOutcome> outcome = outcomeFromKey(json.at("outcome").get<std::string>());
        if (!outcome) return std::nullopt;
        report.outcome = *outcome;
        report.time = json.at("time").get<std::string>();
        report.source = json.at("source").get<std::string>();
        report.version = json.value("version", int64_t{0});
        report.isSigned = json.value("signed", false);
        if (const auto rows = json.find("rows"); rows != json.end() && rows->is_object()) {
            for (SheetKind kind : kAllSheetKinds)
                report.rows[static_cast<size_t>(kind)] = rows->value(sheetKey(kind), -1);
        }
        if (const auto rows = json.find("previous_rows"); rows != json.end() && rows->is_object()) {
            for (SheetKind kind : kAllSheetKinds)
                report.previousRows[static_cast<size_t>(kind)] = rows->value(sheetKey(kind), -1);
        }
        if (const auto problems = json.find("problems"); problems != json.end() && problems->is_array()) {
            for (const nlohmann::json& item : *problems) {
                report.problems.push_back(Problem{item.value("file", std::string()), item.value("row", 0),
                                                  item.value("column", std::string()),
                                                  item.value("message", std::string())});
            }
        }
        report.problems.addDropped(json.value("problems_not_kept", size_t{0}));
        return report;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace content

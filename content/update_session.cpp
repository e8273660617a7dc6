#include "content/update_session.h"

#include "content/file_io.h"
#include "content/recording.h"
#include "content/sheet_table.h"

#include <chrono>
#include <cstdio>

namespace content {

namespace {

// 20260603-0900, for folder names.
std::string compactStamp(const LocalDateTime& t)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d%02u%02u-%02d%02d", static_cast<int>(t.date.year()),
                  static_cast<unsigned>(t.date.month()), static_cast<unsigned>(t.date.day()), t.minute / 60,
                  t.minute % 60);
    return buffer;
}

ImportReport storeClosedReport(const fs::path& package, LocalDateTime now)
{
    ImportReport report;
    report.source = package.string();
    report.time = importTime(now, 0);
    report.problems.push_back(Problem{{}, 0, {}, "内容库无法打开，未做任何更改"});
    return report;
}

} // namespace

struct UpdateSession::Pending {
    fs::path package;
    PreparedImport prepared;
};

UpdateSession::UpdateSession(DataDir dir) : m_dir(std::move(dir))
{
}
UpdateSession::~UpdateSession() = default;
UpdateSession::UpdateSession(UpdateSession&&) noexcept = default;
UpdateSession& UpdateSession::operator=(UpdateSession&&) noexcept = default;

bool UpdateSession::open(Date today, std::string& error)
{
    try {
        m_store.emplace(Store::open(m_dir, today));
        return true;
    } catch (const std::exception& e) {
        error = e.what();
        m_store.reset();
        return false;
    }
}

ImportReport UpdateSession::importStaged(const fs::path& package, StageResult stage, const ImportOptions& options)
{
    if (!m_store) return storeClosedReport(package, options.now);
    // A new package replaces one still waiting for the PIN.
    m_pending.reset();
    std::optional<PreparedImport> keep;
    ImportReport report = content::importStaged(*m_store, m_dir, package, std::move(stage), options, &keep);
    if (keep) m_pending.reset(new Pending{package, std::move(*keep)});
    return report;
}

ImportReport UpdateSession::importPackage(const fs::path& package, const ImportOptions& options)
{
    return importStaged(package, stageForImport(m_dir, package, options.cancel), options);
}

fs::path UpdateSession::pendingPackage() const
{
    return m_pending ? m_pending->package : fs::path();
}

ImportReport UpdateSession::approvePending(LocalDateTime now, int second)
{
    if (!m_store) return storeClosedReport(pendingPackage(), now);
    if (!m_pending) {
        ImportReport report;
        report.time = importTime(now, second);
        report.problems.push_back(Problem{{}, 0, {}, "没有等待确认的内容包"});
        return report;
    }
    std::unique_ptr<Pending> pending = std::move(m_pending);
    return applyPrepared(*m_store, m_dir, pending->prepared, now, second);
}

void UpdateSession::dropPending()
{
    m_pending.reset();
}

PinCheck UpdateSession::checkPin(const std::string& pin, int64_t nowSeconds)
{
    return content::checkPin(m_dir, pin, nowSeconds);
}

ExportResult UpdateSession::exportTo(const std::vector<ExportTarget>& targets, LocalDateTime now)
{
    ExportResult result;
    if (!m_store) {
        result.outcome = ExportOutcome::StoreClosed;
        return result;
    }
    const ExportTarget* target = nullptr;
    for (const ExportTarget& t : targets) {
        if (!t.readOnly) {
            target = &t;
            break;
        }
    }
    if (!target) {
        result.outcome = targets.empty() ? ExportOutcome::NoStick : ExportOutcome::ReadOnly;
        return result;
    }
    result.stickRoot = target->root;

    std::error_code ec;
    const fs::path kioskDir = target->root / "KIOSK";
    result.intoSubfolder = fs::is_directory(kioskDir, ec);
    fs::path dir = kioskDir;
    if (result.intoSubfolder) {
        const std::string base = "导出-" + compactStamp(now);
        dir = kioskDir / base;
        for (int n = 2; fs::exists(dir, ec) && n < 100; ++n) dir = kioskDir / (base + "-" + std::to_string(n));
    } else {
        result.createdKioskDir = true;
    }
    fs::create_directories(dir, ec);
    bool ok = !ec;
    const Content& live = m_store->content();
    for (SheetKind kind : kAllSheetKinds) {
        if (!ok) break;
        ok = writeFileAtomically(dir / sheetFileName(kind), exportSheet(kind, live));
    }
    std::string recordingError;
    if (ok) ok = writeRecordingFiles(live, dir, recordingError);
    result.outcome = ok ? ExportOutcome::Exported : ExportOutcome::WriteFailed;
    if (ok) result.dir = dir;
    return result;
}

RollbackResult UpdateSession::rollback()
{
    RollbackResult result;
    if (!m_store) {
        result.outcome = RollbackOutcome::Failed;
        result.detail = "内容库无法打开";
        return result;
    }
    try {
        result.outcome = m_store->rollback() ? RollbackOutcome::RolledBack : RollbackOutcome::NoPrevious;
    } catch (const std::exception& e) {
        result.outcome = RollbackOutcome::Failed;
        result.detail = e.what();
    }
    result.version = m_store->version();
    return result;
}

UpdateState UpdateSession::state() const
{
    UpdateState state;
    state.storeOpen = m_store.has_value();
    state.contentVersion = m_store ? m_store->version() : 0;
    state.signedVersion = m_store ? m_store->content().signedVersion : 0;
    state.canRollback = m_store && m_store->canRollback();
    state.pinSet = hasPin(m_dir);
    try {
        state.lastImport = loadLastImport(m_dir);
    } catch (const std::exception&) {
        state.lastImport.reset();
    }
    return state;
}

fs::path writeStickReport(const fs::path& kioskDir, const ImportReport& report)
{
    const fs::path target = kioskDir / kReportFileName;
    return writeFileAtomically(target, report.reportFileText()) ? target : fs::path();
}

} // namespace content

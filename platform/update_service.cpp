#include "platform/update_service.h"

#include "content/sheet_table.h"
#include "content/store.h"
#include "platform/drop_watcher.h"
#include "platform/status_file.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace platform {

namespace {

using content::ImportOutcome;
using content::PackageSource;

std::string compactStamp(const content::LocalDateTime& t)
{
    // 20260603-0900, for folder names.
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d%02u%02u-%02d%02d", static_cast<int>(t.date.year()),
                  static_cast<unsigned>(t.date.month()), static_cast<unsigned>(t.date.day()), t.minute / 60,
                  t.minute % 60);
    return buffer;
}

} // namespace

UpdateService::UpdateService(Options options, MainQueue& queue, Listener listener)
    : m_options(std::move(options)), m_queue(queue), m_listener(std::make_shared<const Listener>(std::move(listener)))
{
}

UpdateService::~UpdateService()
{
    stop();
}

void UpdateService::start()
{
    if (m_worker.joinable()) return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    m_cancel = false;
    m_worker = std::thread([this] { run(); });

    MountWatcher::Options mountOptions;
    mountOptions.mediaRoots = m_options.mediaRoots;
    mountOptions.rescanInterval = m_options.mountRescan;
    m_mountWatcher = std::make_unique<MountWatcher>(
        mountOptions, [this](const StickInfo& s) { onStickArrived(s); },
        [this](const StickInfo& s) { onStickRemoved(s); });
    m_mountWatcher->start();

    if (m_options.dropDir) {
        DropWatcher::Options dropOptions;
        dropOptions.dropDir = *m_options.dropDir;
        dropOptions.quietPeriod = m_options.dropQuiet;
        dropOptions.rescanInterval = m_options.dropRescan;
        m_dropWatcher = std::make_unique<DropWatcher>(dropOptions, [this](const DropCandidate& c) {
            Job job;
            job.kind = Job::Kind::Drop;
            job.folder = c.folder;
            job.fingerprint = c.fingerprint;
            enqueue(std::move(job));
        });
        m_dropWatcher->start();
    }
}

void UpdateService::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_cancel = true;
    m_wake.notify_all();
    // Watchers first: their callbacks enqueue into the worker.
    if (m_mountWatcher) m_mountWatcher->stop();
    if (m_dropWatcher) m_dropWatcher->stop();
    if (m_worker.joinable()) m_worker.join();
    m_mountWatcher.reset();
    m_dropWatcher.reset();
}

void UpdateService::enqueue(Job job)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) return;
        // A newer listing of the same drop folder replaces one still waiting in the queue.
        if (job.kind == Job::Kind::Drop) {
            auto same = std::find_if(m_jobs.begin(), m_jobs.end(),
                                     [&](const Job& j) { return j.kind == Job::Kind::Drop && j.folder == job.folder; });
            if (same != m_jobs.end()) {
                *same = std::move(job);
                m_wake.notify_all();
                return;
            }
        }
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_all();
}

void UpdateService::approvePending()
{
    Job job;
    job.kind = Job::Kind::Approve;
    enqueue(std::move(job));
}

void UpdateService::submitPin(std::string pin, PinPurpose purpose)
{
    Job job;
    job.kind = Job::Kind::Pin;
    job.pin = std::move(pin);
    job.purpose = purpose;
    enqueue(std::move(job));
}

void UpdateService::cancelPending()
{
    std::lock_guard lock(m_mutex);
    m_pending.reset();
    m_info.pinPending = false;
}

void UpdateService::exportToStick()
{
    Job job;
    job.kind = Job::Kind::Export;
    enqueue(std::move(job));
}

void UpdateService::rollback()
{
    Job job;
    job.kind = Job::Kind::Rollback;
    enqueue(std::move(job));
}

UpdateInfo UpdateService::info() const
{
    std::lock_guard lock(m_mutex);
    return m_info;
}

void UpdateService::post(UpdateEvent event)
{
    m_queue.post([listener = m_listener, event = std::move(event)] {
        if (*listener) (*listener)(event);
    });
}

void UpdateService::onStickArrived(const StickInfo& stick)
{
    {
        std::lock_guard lock(m_mutex);
        // We made this KIOSK/ ourselves by exporting onto a blank stick: not an update.
        auto skip = std::find(m_skipArrival.begin(), m_skipArrival.end(), stick.key());
        if (skip != m_skipArrival.end()) {
            m_skipArrival.erase(skip);
            m_info.stick = stick;
            return;
        }
        m_info.stick = stick;
    }
    Job job;
    job.kind = Job::Kind::Stick;
    job.stick = stick;
    enqueue(std::move(job));
}

void UpdateService::onStickRemoved(const StickInfo& stick)
{
    bool wasPending = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_currentStickKey == stick.key()) m_cancel = true;
        if (m_pending && m_pending->key() == stick.key()) {
            m_pending.reset();
            m_info.pinPending = false;
            wasPending = true;
        }
        if (m_info.stick && m_info.stick->key() == stick.key()) m_info.stick.reset();
        // A queued import of this stick is moot now.
        m_jobs.erase(
            std::remove_if(m_jobs.begin(), m_jobs.end(),
                           [&](const Job& j) { return j.kind == Job::Kind::Stick && j.stick.key() == stick.key(); }),
            m_jobs.end());
    }
    UpdateEvent event;
    event.kind = UpdateEventKind::StickRemoved;
    event.package = stick.kioskDir();
    event.message = wasPending ? "U盘已拔出，未做任何更改" : "";
    post(std::move(event));
}

void UpdateService::openStore()
{
    try {
        m_store.emplace(content::Store::open(m_options.dataDir, m_options.clock().date));
    } catch (const std::exception& e) {
        std::cerr << "kiosk: cannot open the content store in " << m_options.dataDir.root << ": " << e.what() << "\n";
        m_store.reset();
    }
    refreshInfo();
    writeStatus();
}

void UpdateService::refreshInfo()
{
    UpdateInfo next;
    {
        std::lock_guard lock(m_mutex);
        next = m_info;
    }
    next.storeOpen = m_store.has_value();
    next.contentVersion = m_store ? m_store->version() : 0;
    next.canRollback = m_store && m_store->canRollback();
    next.pinSet = content::hasPin(m_options.dataDir);
    try {
        next.lastImport = content::loadLastImport(m_options.dataDir);
    } catch (const std::exception&) {
        next.lastImport.reset();
    }
    std::lock_guard lock(m_mutex);
    m_info.storeOpen = next.storeOpen;
    m_info.contentVersion = next.contentVersion;
    m_info.canRollback = next.canRollback;
    m_info.lastImport = next.lastImport;
    m_info.pinSet = next.pinSet;
}

void UpdateService::writeStatus()
{
    if (!m_options.status) return;
    int64_t version = 0;
    std::optional<content::ImportReport> lastImport;
    {
        std::lock_guard lock(m_mutex);
        version = m_info.contentVersion;
        lastImport = m_info.lastImport;
    }
    m_options.status->setContent(version, m_store ? m_store->content().station.name() : std::string(), lastImport);
}

void UpdateService::run()
{
    openStore();
    auto nextStatus = std::chrono::steady_clock::now() + m_options.statusInterval;
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_until(lock, nextStatus, [&] { return m_stopping || !m_jobs.empty(); });
            if (m_stopping) break;
            if (m_jobs.empty()) {
                lock.unlock();
                // Also notices a PIN set on the console meanwhile.
                refreshInfo();
                writeStatus();
                nextStatus = std::chrono::steady_clock::now() + m_options.statusInterval;
                continue;
            }
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_info.busy = true;
        }
        try {
            switch (job.kind) {
            case Job::Kind::Stick:
                runStickImport(job.stick, false);
                break;
            case Job::Kind::Approve:
                runApprove();
                break;
            case Job::Kind::Pin:
                runPinCheck(job);
                break;
            case Job::Kind::Drop:
                runDropImport(job);
                break;
            case Job::Kind::Export:
                runExport();
                break;
            case Job::Kind::Rollback:
                runRollback();
                break;
            }
        } catch (const std::exception& e) {
            // importPackage promises not to throw for package contents; this is the disk or a bug.
            std::cerr << "kiosk: update job failed: " << e.what() << "\n";
        }
        {
            std::lock_guard lock(m_mutex);
            m_info.busy = !m_jobs.empty();
        }
    }
    std::lock_guard lock(m_mutex);
    m_info.busy = false;
}

void UpdateService::runStickImport(const StickInfo& stick, bool allowUnsigned)
{
    if (!m_store) return;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) return;
        m_cancel = false;
        m_currentStickKey = stick.key();
    }
    // The stick may have gone between the scan and now.
    std::error_code ec;
    if (!fs::is_directory(stick.kioskDir(), ec)) {
        std::lock_guard lock(m_mutex);
        m_currentStickKey.clear();
        return;
    }

    UpdateEvent reading;
    reading.kind = UpdateEventKind::Reading;
    reading.source = PackageSource::Usb;
    reading.package = stick.kioskDir();
    post(std::move(reading));

    content::ImportOptions options;
    options.source = PackageSource::Usb;
    options.allowUnsigned = allowUnsigned;
    options.now = m_options.clock();
    options.cancel = &m_cancel;
    const content::ImportReport report = content::importPackage(*m_store, m_options.dataDir, stick.kioskDir(), options);

    bool pulled = false;
    {
        std::lock_guard lock(m_mutex);
        m_currentStickKey.clear();
        pulled = m_cancel.load() && !m_stopping;
        if (m_stopping && report.outcome != ImportOutcome::Applied) return;
    }
    m_cancel = false;
    // Copying can run into a pulled stick before the mount watcher has seen it go.
    if (report.outcome != ImportOutcome::Applied && !fs::is_directory(stick.kioskDir(), ec)) pulled = true;

    if (pulled && report.outcome != ImportOutcome::Applied) {
        // importPackage noted the abandoned import in last-import.json: status.json follows now,
        // not at the next periodic rewrite.
        refreshInfo();
        writeStatus();
        UpdateEvent event;
        event.kind = UpdateEventKind::Cancelled;
        event.source = PackageSource::Usb;
        event.package = stick.kioskDir();
        event.message = "U盘被拔出，未做任何更改";
        post(std::move(event));
        return;
    }

    if (report.outcome == ImportOutcome::NeedsPin) {
        const bool pinSet = content::hasPin(m_options.dataDir);
        {
            std::lock_guard lock(m_mutex);
            m_info.pinSet = pinSet;
            m_pending = stick;
            m_info.pinPending = true;
        }
        UpdateEvent event;
        event.kind = UpdateEventKind::NeedsPin;
        event.source = PackageSource::Usb;
        event.package = stick.kioskDir();
        event.report = report;
        post(std::move(event));
        return;
    }

    // Staff read the result on the stick at their desk. Not being able to write it (read-only
    // stick, full, pulled) is not something to show.
    fs::path reportFile;
    if (!stick.readOnly) {
        const fs::path target = stick.kioskDir() / "import-report.txt";
        if (writeFileAtomically(target, report.reportFileText())) reportFile = target;
    }
    finishImport(report, PackageSource::Usb, stick.kioskDir(), reportFile);
}

void UpdateService::runApprove()
{
    std::optional<StickInfo> pending;
    {
        std::lock_guard lock(m_mutex);
        pending = m_pending;
        m_pending.reset();
        m_info.pinPending = false;
    }
    if (pending) runStickImport(*pending, true);
}

void UpdateService::runPinCheck(const Job& job)
{
    const auto nowSeconds = static_cast<int64_t>(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    content::PinCheck check;
    try {
        check = content::checkPin(m_options.dataDir, job.pin, nowSeconds);
    } catch (const std::exception& e) {
        std::cerr << "kiosk: PIN check failed: " << e.what() << "\n";
        check.result = content::PinResult::Wrong;
    }
    {
        std::lock_guard lock(m_mutex);
        m_info.pinSet = check.result != content::PinResult::NoPin;
    }
    UpdateEvent event;
    event.kind = UpdateEventKind::PinChecked;
    event.pinCheck = check;
    event.pinPurpose = job.purpose;
    post(std::move(event));
    if (check.result == content::PinResult::Ok && job.purpose == PinPurpose::ApproveImport) runApprove();
}

void UpdateService::runDropImport(const Job& job)
{
    if (!m_store) return;
    m_cancel = false;
    content::ImportOptions options;
    options.source = PackageSource::Drop;
    options.allowUnsigned = m_options.allowUnsigned;
    options.now = m_options.clock();
    options.cancel = &m_cancel;
    const content::ImportReport report = content::importPackage(*m_store, m_options.dataDir, job.folder, options);
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) return;
    }
    if (m_dropWatcher)
        m_dropWatcher->reportResult(DropCandidate{job.folder, job.fingerprint},
                                    report.outcome == ImportOutcome::Waiting);
    // Waiting (half-synced) and Unchanged (seen before) are not news for anyone.
    if (report.outcome == ImportOutcome::Waiting || report.outcome == ImportOutcome::Unchanged) return;
    // An unsigned drop package cannot be approved at the screen: it is a rejection there.
    finishImport(report, PackageSource::Drop, job.folder, {});
}

void UpdateService::finishImport(const content::ImportReport& report, PackageSource source, const fs::path& package,
                                 fs::path reportFile)
{
    // importPackage has recorded Applied and Rejected results in last-import.json already.
    refreshInfo();
    writeStatus();

    UpdateEvent event;
    event.kind = report.ok() ? UpdateEventKind::Applied : UpdateEventKind::Rejected;
    event.source = source;
    event.package = package;
    event.report = report;
    event.reportFile = std::move(reportFile);
    if (report.ok() && m_store) event.snapshot = std::make_shared<const content::Content>(m_store->content());
    post(std::move(event));
}

void UpdateService::runRollback()
{
    if (!m_store) return;
    UpdateEvent event;
    bool rolled = false;
    try {
        rolled = m_store->rollback();
    } catch (const std::exception& e) {
        event.message = std::string("恢复失败：") + e.what();
    }
    if (rolled) {
        event.kind = UpdateEventKind::RolledBack;
        event.snapshot = std::make_shared<const content::Content>(m_store->content());
        event.message = "已恢复上一版内容（版本号 " + std::to_string(m_store->version()) + "）";
    } else {
        event.kind = UpdateEventKind::RollbackFailed;
        if (event.message.empty()) event.message = "没有可以恢复的上一版内容";
    }
    refreshInfo();
    writeStatus();
    post(std::move(event));
}

// Where the export goes, said on screen:
// - a stick without KIOSK/ gets a new KIOSK/ holding the sheets, ready to edit and plug back in
//   (it is not imported now: we wrote it);
// - a stick that has KIOSK/ already keeps every file there: the sheets go into a new
//   KIOSK/导出-YYYYMMDD-HHMM/ folder, which an import ignores, so nothing staff made is overwritten.
void UpdateService::runExport()
{
    UpdateEvent event;
    event.kind = UpdateEventKind::ExportFailed;
    if (!m_store) {
        event.message = "内容库无法打开，不能导出";
        post(std::move(event));
        return;
    }

    std::optional<StickInfo> target;
    std::vector<StickInfo> candidates = m_mountWatcher ? m_mountWatcher->present() : std::vector<StickInfo>{};
    for (const auto& s : findMediaMounts(readMountInfo(), m_options.mediaRoots)) candidates.push_back(s);
    for (const auto& s : candidates) {
        if (!s.readOnly) {
            target = s;
            break;
        }
    }
    if (!target) {
        event.message = candidates.empty() ? "没有找到U盘。请插入U盘后再试。" : "U盘有写保护，无法写入。";
        post(std::move(event));
        return;
    }

    std::error_code ec;
    const fs::path kioskDir = target->kioskDir();
    const bool hadKiosk = fs::is_directory(kioskDir, ec);
    fs::path dir = kioskDir;
    if (hadKiosk) {
        const std::string base = "导出-" + compactStamp(m_options.clock());
        dir = kioskDir / base;
        for (int n = 2; fs::exists(dir, ec) && n < 100; ++n) dir = kioskDir / (base + "-" + std::to_string(n));
    } else {
        std::lock_guard lock(m_mutex);
        m_skipArrival.push_back(target->key());
    }
    fs::create_directories(dir, ec);
    bool ok = !ec;
    const content::Content& live = m_store->content();
    for (auto kind : content::kAllSheetKinds) {
        if (!ok) break;
        ok = writeFileAtomically(dir / content::sheetFileName(kind), content::exportSheet(kind, live));
    }
    if (!ok) {
        event.message = "写入U盘失败（U盘已满、有写保护或已拔出）。";
        post(std::move(event));
        return;
    }
    event.kind = UpdateEventKind::Exported;
    event.exportDir = dir;
    if (hadKiosk)
        event.message = "已导出到U盘的 KIOSK/" + dir.filename().string() +
                        " 文件夹（U盘里原有的文件没有改动）。修改后，把表格复制到U盘的 KIOSK 文件夹，再插到这里。";
    else
        event.message = "已导出到U盘的 KIOSK 文件夹。在电脑上修改这些表格后，把U盘插到这里即可更新。";
    post(std::move(event));
}

} // namespace platform

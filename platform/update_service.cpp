#include "platform/update_service.h"

#include "content/file_io.h"
#include "content/import_words.h"
#include "content/limits.h"
#include "content/store.h"
#include "platform/drop_watcher.h"
#include "platform/status_file.h"

#include <algorithm>
#include <future>
#include <iostream>

namespace platform {

using content::ImportOutcome;
using content::PackageSource;

namespace {
// How long a cancelled stick copy gets to stop by itself before it is left behind.
constexpr std::chrono::milliseconds kStageGrace{2000};

// The event that carries an import's report: what happened, to which package from where.
UpdateEvent reportEvent(UpdateEventKind kind, PackageSource source, const fs::path& package,
                        const content::ImportReport& report)
{
    UpdateEvent event;
    event.kind = kind;
    event.source = source;
    event.package = package;
    event.report = report;
    return event;
}
// The version a drop folder's manifest claims (unverified: it only orders packages that arrive
// together, oldest first, so that each is newer than the one before); 0 without one.
int64_t manifestVersion(const fs::path& folder)
{
    const std::optional<std::string> text =
        content::readRegularFile(folder / content::kManifestFileName, content::limits::kMaxManifestBytes);
    if (!text) return 0;
    content::Problems ignored;
    const std::optional<content::Manifest> manifest = content::parseManifest(*text, ignored);
    return manifest ? manifest->version : 0;
}
} // namespace

content::StationClock::Reading systemClockReading()
{
    const content::SystemTime now = content::systemLocalTime();
    return {now.local, now.second};
}

UpdateService::UpdateService(Options options, MainQueue& queue, Listener listener)
    : m_options(std::move(options)), m_queue(queue), m_listener(std::make_shared<const Listener>(std::move(listener))),
      m_session(m_options.dataDir)
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
        dropOptions.settlePeriod = m_options.dropSettle;
        dropOptions.memoryFile = m_options.dataDir.dropMemoryFile();
        dropOptions.orderKey = manifestVersion;
        m_dropWatcher = std::make_unique<DropWatcher>(dropOptions, [this](const DropCandidate& c) {
            Job job;
            job.kind = Job::Kind::Drop;
            job.folder = c.folder;
            job.fingerprint = c.fingerprint;
            job.quiet = c.quiet;
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
    {
        std::lock_guard lock(m_mutex);
        m_pending.reset();
        m_info.pinPending = false;
    }
    // The staged copy belongs to the worker: it lets go of it there.
    Job job;
    job.kind = Job::Kind::Forget;
    enqueue(std::move(job));
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
    event.info = info();
    m_queue.post([listener = m_listener, event = std::move(event)] {
        if (*listener) (*listener)(event);
    });
}

void UpdateService::postState()
{
    UpdateEvent event;
    event.kind = UpdateEventKind::StateChanged;
    post(std::move(event));
}

void UpdateService::onStickArrived(const StickInfo& stick)
{
    {
        std::lock_guard lock(m_mutex);
        m_info.stick = stick;
        // We made this KIOSK/ ourselves by exporting onto a blank stick: not an update.
        auto skip = std::find(m_skipArrival.begin(), m_skipArrival.end(), stick.key());
        if (skip != m_skipArrival.end()) {
            m_skipArrival.erase(skip);
            return;
        }
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
    if (wasPending) {
        Job job;
        job.kind = Job::Kind::Forget;
        enqueue(std::move(job));
    }
    UpdateEvent event;
    event.kind = UpdateEventKind::StickRemoved;
    event.package = stick.kioskDir();
    event.pendingDropped = wasPending;
    post(std::move(event));
}

void UpdateService::openStore()
{
    std::string error;
    if (!m_session.open(m_options.clock().local.date, error))
        std::cerr << "kiosk: 无法打开内容库 " << m_options.dataDir.root.string() << "：" << error << "\n";
    refreshInfo();
    writeStatus();
    postState();
}

void UpdateService::refreshInfo()
{
    const content::UpdateState state = m_session.state();
    std::lock_guard lock(m_mutex);
    static_cast<content::UpdateState&>(m_info) = state;
}

void UpdateService::writeStatus()
{
    if (!m_options.status) return;
    int64_t version = 0;
    int64_t signedVersion = 0;
    std::optional<content::ImportReport> lastImport;
    {
        std::lock_guard lock(m_mutex);
        version = m_info.contentVersion;
        signedVersion = m_info.signedVersion;
        lastImport = m_info.lastImport;
    }
    m_options.status->setContent(version, signedVersion,
                                 m_session.content() ? m_session.content()->station.name() : std::string(), lastImport);
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
                const bool pinWasSet = m_info.pinSet;
                lock.unlock();
                // Also notices a PIN set on the console meanwhile.
                refreshInfo();
                writeStatus();
                if (info().pinSet != pinWasSet) postState();
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
                runStickImport(job.stick);
                break;
            case Job::Kind::Approve:
                runApprove();
                break;
            case Job::Kind::Forget: {
                std::lock_guard lock(m_mutex);
                if (!m_pending) m_session.dropPending();
                break;
            }
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
            std::cerr << "kiosk: 更新任务出错：" << e.what() << "\n";
        }
        bool idle = false;
        {
            std::lock_guard lock(m_mutex);
            m_info.busy = !m_jobs.empty();
            idle = !m_info.busy;
        }
        if (idle) postState();
    }
    std::lock_guard lock(m_mutex);
    m_info.busy = false;
}

std::optional<content::StageResult> UpdateService::stageStick(const StickInfo& stick, bool& timedOut)
{
    timedOut = false;
    // The copy owns everything it touches, so that a copy stuck in read() can be left behind.
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    std::packaged_task<content::StageResult()> task([stage = m_options.stage, dir = m_options.dataDir,
                                                     package = stick.kioskDir(),
                                                     cancel] { return stage(dir, package, cancel.get()); });
    std::future<content::StageResult> result = task.get_future();
    std::thread(std::move(task)).detach();

    const auto deadline = std::chrono::steady_clock::now() + m_options.stickDeadline;
    while (result.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready) {
        if (m_cancel.load() || std::chrono::steady_clock::now() >= deadline) {
            timedOut = !m_cancel.load();
            // A pulled stick or the app ending: the copy stops at its next read and removes its
            // staging dir. A read stuck on a failing stick keeps only that thread, which does
            // the same once the read returns.
            cancel->store(true);
            if (result.wait_for(kStageGrace) == std::future_status::ready) {
                content::StageResult stopped = result.get();
                if (stopped.status == content::StageStatus::Ok) stopped.status = content::StageStatus::Cancelled;
                return stopped;
            }
            return std::nullopt;
        }
    }
    content::StageResult staged = result.get();
    // A KIOSK/ that went away while it was copied is a pulled stick, whatever the copy ran into.
    std::error_code ec;
    if (staged.status != content::StageStatus::Ok && !fs::is_directory(stick.kioskDir(), ec)) {
        staged.status = content::StageStatus::Vanished;
        staged.problems.clear();
    }
    return staged;
}

void UpdateService::runStickImport(const StickInfo& stick)
{
    if (!m_session.storeOpen()) return;
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
    const content::StationClock::Reading now = m_options.clock();
    options.now = now.local;
    options.second = now.second;
    options.cancel = &m_cancel;
    bool timedOut = false;
    std::optional<content::StageResult> staged = stageStick(stick, timedOut);
    if (timedOut && staged) {
        // The copy stopped when told to, but too late: say why, not just "cancelled".
        staged->status = content::StageStatus::Rejected;
        staged->problems.clear();
        staged->problems.push_back(content::Problem{{}, 0, {}, content::words::kStickTooSlow});
    }
    content::ImportReport report;
    if (staged) {
        report = m_session.importStaged(stick.kioskDir(), std::move(*staged), options);
    } else {
        // Nothing was read: record the abandoned import as importStaged would.
        content::StageResult nothing;
        nothing.status = timedOut ? content::StageStatus::Rejected : content::StageStatus::Vanished;
        if (timedOut) nothing.problems.push_back(content::Problem{{}, 0, {}, content::words::kStickTooSlow});
        report = m_session.importStaged(stick.kioskDir(), std::move(nothing), options);
    }

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

    if ((pulled || timedOut) && report.outcome != ImportOutcome::Applied) {
        // importStaged noted the abandoned import in last-import.json: status.json follows now,
        // not at the next periodic rewrite.
        refreshInfo();
        writeStatus();
        post(reportEvent(pulled ? UpdateEventKind::Cancelled : UpdateEventKind::TimedOut, PackageSource::Usb,
                         stick.kioskDir(), report));
        return;
    }

    if (report.outcome == ImportOutcome::NeedsPin) {
        {
            std::lock_guard lock(m_mutex);
            m_pending = stick;
            m_info.pinPending = true;
        }
        refreshInfo();
        post(reportEvent(UpdateEventKind::NeedsPin, PackageSource::Usb, stick.kioskDir(), report));
        return;
    }

    // Staff read the result on the stick at their desk. Not being able to write it (read-only
    // stick, full, pulled) is not something to show.
    const fs::path reportFile = stick.readOnly ? fs::path() : content::writeStickReport(stick.kioskDir(), report);
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
    if (!pending || !m_session.hasPending()) {
        m_session.dropPending();
        return;
    }
    // Exactly the copy staff were shown: the stick is not read again.
    const content::StationClock::Reading now = m_options.clock();
    const content::ImportReport report = m_session.approvePending(now.local, now.second);
    std::error_code ec;
    const bool stickThere = fs::is_directory(pending->kioskDir(), ec);
    const fs::path reportFile =
        pending->readOnly || !stickThere ? fs::path() : content::writeStickReport(pending->kioskDir(), report);
    finishImport(report, PackageSource::Usb, pending->kioskDir(), reportFile);
}

void UpdateService::runPinCheck(const Job& job)
{
    const auto nowSeconds = static_cast<int64_t>(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    content::PinCheck check;
    try {
        check = m_session.checkPin(job.pin, nowSeconds);
    } catch (const std::exception& e) {
        std::cerr << "kiosk: 核对工作人员密码时出错：" << e.what() << "\n";
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
    if (!m_session.storeOpen()) return;
    m_cancel = false;
    content::ImportOptions options;
    options.source = PackageSource::Drop;
    options.allowUnsigned = m_options.allowUnsigned;
    const content::StationClock::Reading now = m_options.clock();
    options.now = now.local;
    options.second = now.second;
    options.cancel = &m_cancel;
    options.dropSettled = job.quiet >= m_options.dropSettle;
    const content::ImportReport report = m_session.importPackage(job.folder, options);
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) return;
    }
    // Applied, already applied, or older than a signed package applied: so it stays, whatever
    // happens here, and a restart need not say it again.
    const bool final = report.outcome == ImportOutcome::Applied || report.outcome == ImportOutcome::Unchanged ||
                       (report.outcome == ImportOutcome::Rejected && report.notNewer);
    if (m_dropWatcher)
        m_dropWatcher->reportResult(DropCandidate{job.folder, job.fingerprint, job.quiet},
                                    report.outcome == ImportOutcome::Waiting ? DropVerdict::Waiting
                                    : final                                  ? DropVerdict::Final
                                                                             : DropVerdict::Judged);
    // Waiting (half-synced) and Unchanged (seen before) are not news for anyone.
    if (report.outcome == ImportOutcome::Waiting || report.outcome == ImportOutcome::Unchanged) return;
    // An unsigned drop package cannot be approved at the screen: it is a rejection there.
    finishImport(report, PackageSource::Drop, job.folder, {});
}

void UpdateService::finishImport(const content::ImportReport& report, PackageSource source, const fs::path& package,
                                 fs::path reportFile)
{
    // The session has recorded Applied and Rejected results in last-import.json already.
    refreshInfo();
    writeStatus();

    UpdateEvent event =
        reportEvent(report.ok() ? UpdateEventKind::Applied : UpdateEventKind::Rejected, source, package, report);
    event.reportFile = std::move(reportFile);
    if (report.ok() && m_session.content())
        event.snapshot = std::make_shared<const content::Content>(*m_session.content());
    post(std::move(event));
}

void UpdateService::runRollback()
{
    UpdateEvent event;
    event.rollback = m_session.rollback();
    const bool rolled = event.rollback.outcome == content::RollbackOutcome::RolledBack;
    event.kind = rolled ? UpdateEventKind::RolledBack : UpdateEventKind::RollbackFailed;
    if (rolled && m_session.content()) event.snapshot = std::make_shared<const content::Content>(*m_session.content());
    refreshInfo();
    writeStatus();
    post(std::move(event));
}

void UpdateService::runExport()
{
    std::vector<StickInfo> sticks = m_mountWatcher ? m_mountWatcher->present() : std::vector<StickInfo>{};
    for (const auto& s : findMediaMounts(readMountInfo(), m_options.mediaRoots)) sticks.push_back(s);
    std::vector<content::ExportTarget> targets;
    for (const auto& s : sticks) targets.push_back(content::ExportTarget{s.root, s.readOnly});
    // exportTo writes onto the first writable stick. When it makes KIOSK/ there, the watcher
    // must not take its arrival for an update: mark the stick before KIOSK/ appears.
    const auto writable = std::find_if(sticks.begin(), sticks.end(), [](const StickInfo& s) { return !s.readOnly; });
    std::error_code ec;
    if (m_session.storeOpen() && writable != sticks.end() && !fs::is_directory(writable->kioskDir(), ec)) {
        std::lock_guard lock(m_mutex);
        m_skipArrival.push_back(writable->key());
    }
    UpdateEvent event;
    event.exported = m_session.exportTo(targets, m_options.clock().local);
    event.kind = event.exported.outcome == content::ExportOutcome::Exported ? UpdateEventKind::Exported
                                                                            : UpdateEventKind::ExportFailed;
    post(std::move(event));
}

} // namespace platform

#pragma once
// Content updates from USB sticks and the drop folder, off the main thread: a thin worker
// around content::UpdateSession (which holds the update logic and the store).
//
// One worker thread owns the session after start-up and runs it for every candidate the
// MountWatcher and DropWatcher report, plus the staff actions (PIN, export to a stick, roll
// back). Results go to the main thread through MainQueue::post as events made of codes and
// values (the kiosk says them in words) and arrive at the listener there; nothing here blocks
// the caller.
#include "content/data_dir.h"
#include "content/date_time.h"
#include "content/importer.h"
#include "content/model.h"
#include "content/station_clock.h"
#include "content/trust.h"
#include "content/update_session.h"
#include "platform/main_queue.h"
#include "platform/mount_watcher.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace platform {

class DropWatcher;
class StatusFile;
struct DropCandidate;

// The system clock as a station clock reading (the default clock of UpdateService).
content::StationClock::Reading systemClockReading();

enum class UpdateEventKind {
    Reading,        // a stick with KIOSK/ arrived; its import starts (正在读取U盘…)
    Applied,        // the store switched: `snapshot` and `report`
    Rejected,       // the package changed nothing: `report` says why
    NeedsPin,       // an unsigned stick package: ask for the PIN (submitPin or approvePending)
    Cancelled,      // the stick was pulled during the import: nothing changed
    TimedOut,       // reading the stick took longer than the stick deadline: nothing changed
    StickRemoved,   // a stick went away (`pendingDropped`: a PIN request for it was dropped)
    Exported,       // exportToStick wrote the sheets: `exported`
    ExportFailed,   // `exported.outcome` says why
    RolledBack,     // rollback switched to the previous content: `snapshot`, `rollback.version`
    RollbackFailed, // `rollback.outcome` (and `rollback.detail`) say why
    PinChecked,     // the answer to submitPin: `pinCheck`, `pinPurpose`
    StateChanged,   // only `info` changed (busy, a stick in or out, a PIN set on the console)
};

// What a PIN typed on the screen is for.
enum class PinPurpose {
    ApproveImport, // the pending unsigned stick package (NeedsPin)
    StaffMenu,     // opening the staff screen
};

// What the staff screen shows; every event carries the one current when it was posted.
struct UpdateInfo : content::UpdateState {
    bool busy = false;              // an import or staff action is running
    bool pinPending = false;        // a stick package waits for the PIN
    std::optional<StickInfo> stick; // the inserted stick with KIOSK/, if any
};

struct UpdateEvent {
    UpdateEventKind kind = UpdateEventKind::Reading;
    content::PackageSource source = content::PackageSource::Usb;
    fs::path package;                                  // the KIOSK/ dir or the drop subfolder
    std::optional<content::ImportReport> report;       // Applied, Rejected, NeedsPin
    std::shared_ptr<const content::Content> snapshot;  // Applied, RolledBack
    fs::path reportFile;                               // where import-report.txt was written, or empty
    content::ExportResult exported;                    // Exported, ExportFailed
    content::RollbackResult rollback;                  // RolledBack, RollbackFailed
    bool pendingDropped = false;                       // StickRemoved
    std::optional<content::PinCheck> pinCheck;         // PinChecked
    PinPurpose pinPurpose = PinPurpose::ApproveImport; // PinChecked
    UpdateInfo info;                                   // the state after this event
};

class UpdateService {
public:
    struct Options {
        content::DataDir dataDir;
        std::optional<fs::path> dropDir;                        // --drop-dir
        std::vector<fs::path> mediaRoots = defaultMediaRoots(); // --media-root (repeatable)
        std::shared_ptr<StatusFile> status;                     // --status-dir: told of every change
        bool allowUnsigned = false;                             // --allow-unsigned (drop only)
        // The station's clock (honours --now). Called on the worker thread: must be thread-safe.
        std::function<content::StationClock::Reading()> clock = systemClockReading;
        std::chrono::milliseconds mountRescan{2000};
        std::chrono::milliseconds dropQuiet{1000};
        std::chrono::milliseconds dropRescan{30000};
        // A drop package is only refused for a missing or failing signature once its folder has
        // been quiet this long: before that, its files may still be arriving one by one.
        std::chrono::milliseconds dropSettle{10000};
        std::chrono::milliseconds statusInterval{60000}; // re-reads PIN and last import for both
        // A stick import that has not finished reading the stick by then is abandoned (a
        // failing stick can block read() for minutes); nothing changes and the screen says so.
        std::chrono::milliseconds stickDeadline{60000};
        // How a stick's KIOSK/ is copied before it is checked (tests put a slow copy here).
        std::function<content::StageResult(const content::DataDir&, const fs::path&, const std::atomic<bool>*)> stage =
            content::stageForImport;
    };
    // Runs on the main thread (from MainQueue::drain), once per event.
    using Listener = std::function<void(const UpdateEvent&)>;

    UpdateService(Options options, MainQueue& queue, Listener listener);
    // stop().
    ~UpdateService();
    UpdateService(const UpdateService&) = delete;
    UpdateService& operator=(const UpdateService&) = delete;

    // Starts the worker (which opens its own Store on the data dir) and the watchers; sticks
    // already inserted are imported. Returns at once.
    void start();
    // Cancels a running import, stops the watchers and joins every thread. Safe to call twice.
    // Events already posted may still be in the MainQueue; they hold no reference to this.
    void stop();

    // Main thread, after content::checkPin said Ok: applies the pending stick package exactly as
    // it was staged and shown (the stick is not read again). Nothing happens when none is pending.
    void approvePending();
    // Checks a PIN typed on the screen off the main thread (crypto_pwhash is slow on purpose and
    // the attempt counter is a file) and answers with PinChecked. For ApproveImport, a correct
    // PIN goes straight on to import the pending package (as approvePending would).
    void submitPin(std::string pin, PinPurpose purpose);
    // The staff member gave up on the PIN: forget the pending package.
    void cancelPending();
    // Writes the live content as sheets onto the inserted stick (see exportToStick in the .cpp
    // for where); result as Exported / ExportFailed.
    void exportToStick();
    // Switches back to the previous content; result as RolledBack / RollbackFailed.
    void rollback();

    // Thread-safe copy of the state (tests; the screens get it with every event).
    UpdateInfo info() const;

private:
    struct Job {
        enum class Kind { Stick, Drop, Approve, Forget, Export, Rollback, Pin } kind = Kind::Stick;
        StickInfo stick;
        fs::path folder;
        uint64_t fingerprint = 0;
        std::chrono::milliseconds quiet{0}; // Drop: how long the folder had been unchanged
        std::string pin;
        PinPurpose purpose = PinPurpose::ApproveImport;
    };

    void enqueue(Job job);
    void run();
    void openStore();
    void runStickImport(const StickInfo& stick);
    void runDropImport(const Job& job);
    void runExport();
    void runRollback();
    void runPinCheck(const Job& job);
    void runApprove();
    // Copies the stick on a thread of its own, so that a read() blocked on a failing stick
    // blocks only that thread. `timedOut` when the stick deadline passed; nothing when the copy
    // did not stop within a grace period after the deadline or the stick was pulled.
    std::optional<content::StageResult> stageStick(const StickInfo& stick, bool& timedOut);
    void finishImport(const content::ImportReport& report, content::PackageSource source, const fs::path& package,
                      fs::path reportFile);
    void writeStatus();
    void refreshInfo();
    void post(UpdateEvent event);
    void postState();
    void onStickArrived(const StickInfo& stick);
    void onStickRemoved(const StickInfo& stick);

    Options m_options;
    MainQueue& m_queue;
    std::shared_ptr<const Listener> m_listener;

    // Worker state: only the worker thread touches these.
    content::UpdateSession m_session;

    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    UpdateInfo m_info;
    std::optional<StickInfo> m_pending;     // the stick whose package waits for the PIN
    std::string m_currentStickKey;          // the stick being imported now
    std::vector<std::string> m_skipArrival; // keys of sticks whose KIOSK/ we made ourselves

    std::atomic<bool> m_cancel{false};
    std::thread m_worker;
    std::unique_ptr<MountWatcher> m_mountWatcher;
    std::unique_ptr<DropWatcher> m_dropWatcher;
};

} // namespace platform

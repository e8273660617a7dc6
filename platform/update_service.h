#pragma once
// Content updates from USB sticks and the drop folder, off the main thread.
//
// One worker thread owns the content::Store after start-up and runs content::importPackage for
// every candidate the MountWatcher and DropWatcher report, plus the staff actions (export to a
// stick, roll back). Results go to the main thread through MainQueue::post and arrive at the
// listener there; nothing here blocks the caller.
#include "content/data_dir.h"
#include "content/date_time.h"
#include "content/importer.h"
#include "content/model.h"
#include "content/trust.h"
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

enum class UpdateEventKind {
    Reading,        // a stick with KIOSK/ arrived; its import starts (正在读取U盘…)
    Applied,        // the store switched: `snapshot` and `report`
    Rejected,       // the package changed nothing: `report` says why
    NeedsPin,       // an unsigned stick package: ask for the PIN, then approvePending()
    Cancelled,      // the stick was pulled during the import: nothing changed
    StickRemoved,   // a stick went away (any pending PIN request for it is dropped)
    Exported,       // exportToStick wrote the sheets: `exportDir`, `message`
    ExportFailed,   // `message` says why
    RolledBack,     // rollback switched to the previous content: `snapshot`
    RollbackFailed, // there was no previous content (`message`)
    PinChecked,     // the answer to submitPin: `pinCheck`, `pinPurpose`
};

// What a PIN typed on the screen is for.
enum class PinPurpose {
    ApproveImport, // the pending unsigned stick package (NeedsPin)
    StaffMenu,     // opening the staff screen
};

struct UpdateEvent {
    UpdateEventKind kind = UpdateEventKind::Reading;
    content::PackageSource source = content::PackageSource::Usb;
    fs::path package;                                  // the KIOSK/ dir or the drop subfolder
    std::optional<content::ImportReport> report;       // Applied, Rejected, NeedsPin
    std::shared_ptr<const content::Content> snapshot;  // Applied, RolledBack
    fs::path reportFile;                               // where import-report.txt was written, or empty
    fs::path exportDir;                                // Exported
    std::string message;                               // plain Chinese, for the staff screen
    std::optional<content::PinCheck> pinCheck;         // PinChecked
    PinPurpose pinPurpose = PinPurpose::ApproveImport; // PinChecked
};

// What the staff screen shows. A copy; cheap to take every frame.
struct UpdateInfo {
    bool storeOpen = false;
    int64_t contentVersion = 0;
    bool canRollback = false;
    std::optional<content::ImportReport> lastImport;
    bool busy = false;              // an import or staff action is running
    bool pinPending = false;        // a stick package waits for the PIN
    bool pinSet = true;             // a staff PIN exists (kiosk-content set-pin)
    std::optional<StickInfo> stick; // the inserted stick with KIOSK/, if any
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
        std::function<content::LocalDateTime()> clock = content::systemLocalNow;
        std::chrono::milliseconds mountRescan{2000};
        std::chrono::milliseconds dropQuiet{1000};
        std::chrono::milliseconds dropRescan{30000};
        std::chrono::milliseconds statusInterval{60000}; // re-reads PIN and last import for both
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

    // Main thread, after content::checkPin said Ok: imports the pending stick package again
    // with allowUnsigned. Nothing happens when no PIN request is pending.
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

    // Thread-safe snapshot for the staff screen.
    UpdateInfo info() const;

private:
    struct Job {
        enum class Kind { Stick, Drop, Approve, Export, Rollback, Pin } kind = Kind::Stick;
        StickInfo stick;
        fs::path folder;
        uint64_t fingerprint = 0;
        std::string pin;
        PinPurpose purpose = PinPurpose::ApproveImport;
    };

    void enqueue(Job job);
    void run();
    void openStore();
    void runStickImport(const StickInfo& stick, bool allowUnsigned);
    void runDropImport(const Job& job);
    void runExport();
    void runRollback();
    void runPinCheck(const Job& job);
    void runApprove();
    void finishImport(const content::ImportReport& report, content::PackageSource source, const fs::path& package,
                      fs::path reportFile);
    void writeStatus();
    void refreshInfo();
    void post(UpdateEvent event);
    void onStickArrived(const StickInfo& stick);
    void onStickRemoved(const StickInfo& stick);

    Options m_options;
    MainQueue& m_queue;
    std::shared_ptr<const Listener> m_listener;

    // Worker state: only the worker thread touches these.
    std::optional<content::Store> m_store;

    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    UpdateInfo m_info;
    std::optional<StickInfo> m_pending;     // the stick waiting for the PIN
    std::string m_currentStickKey;          // the stick being imported now
    std::vector<std::string> m_skipArrival; // keys of sticks whose KIOSK/ we made ourselves

    std::atomic<bool> m_cancel{false};
    std::thread m_worker;
    std::unique_ptr<MountWatcher> m_mountWatcher;
    std::unique_ptr<DropWatcher> m_dropWatcher;
};

} // namespace platform

#pragma once
// The network drop folder (Syncthing, rsync, SMB): every non-hidden subfolder is a candidate
// package. inotify wakes us; a periodic rescan covers filesystems where inotify sees nothing.
// The kiosk only reads the drop folder, never writes into it.
#include "platform/worker_thread.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace platform {

namespace fs = std::filesystem;

// Names a sync tool is still writing, or that are not meant to be packages: anything starting
// with '.' or '~' (rsync's .name.XXXXXX, Syncthing's .syncthing.*.tmp and ~syncthing~*.tmp).
bool isIgnoredDropName(std::string_view name);

// A hash of a folder's listing (relative names, types, sizes, modification times), a few
// levels deep. Two equal fingerprints mean nothing visible changed. 0 when the folder is gone.
uint64_t folderFingerprint(const fs::path& folder);

struct DropCandidate {
    fs::path folder;
    uint64_t fingerprint = 0;
    // How long the folder's listing had not changed when it was offered.
    std::chrono::milliseconds quiet{0};
};

// What trying a candidate came to.
enum class DropVerdict {
    Waiting, // half-synced: offered again when it changes, on each rescan, and once it has been
             // quiet for Options::settlePeriod
    Judged,  // applied, rejected or unchanged: not offered again until it changes
    Final,   // as Judged, and nothing local can change the verdict: remembered across restarts
};

class DropWatcher {
public:
    struct Options {
        fs::path dropDir;
        // A folder is offered once its listing has not changed for this long.
        std::chrono::milliseconds quietPeriod{1000};
        // Full rescan (and retry of waiting packages) this often.
        std::chrono::milliseconds rescanInterval{30000};
        // A waiting folder offered before it was quiet this long is offered again then, once.
        std::chrono::milliseconds settlePeriod{10000};
        // Where Final verdicts are kept (folder name → fingerprint), so that after a restart the
        // packages left in the drop folder are not judged again. Empty: kept in memory only.
        fs::path memoryFile;
        // Folders offered together are offered in this order (lowest first, then by name).
        std::function<int64_t(const fs::path&)> orderKey;
    };
    using Callback = std::function<void(const DropCandidate&)>;

    // `onCandidate` runs on the watcher's thread each time a folder should be (re)tried.
    DropWatcher(Options options, Callback onCandidate);
    ~DropWatcher();
    DropWatcher(const DropWatcher&) = delete;
    DropWatcher& operator=(const DropWatcher&) = delete;

    void start();
    // Stops and joins the thread. Safe to call twice.
    void stop();

    // Thread-safe. The outcome of trying `candidate` (see DropVerdict).
    void reportResult(const DropCandidate& candidate, DropVerdict verdict);

private:
    struct Folder {
        uint64_t fingerprint = 0;
        std::chrono::steady_clock::time_point changedAt{};
        bool settling = false; // changed; offer once quiet
        uint64_t offered = 0;  // fingerprint last offered (0: never)
        bool waiting = false;  // the last result for `offered` was Waiting
        // When a waiting folder is offered again although it did not change (settlePeriod).
        std::optional<std::chrono::steady_clock::time_point> retryAt;
    };

    void run();
    void rescanAll(std::chrono::steady_clock::time_point now, bool retryWaiting);
    void refresh(const std::string& name, std::chrono::steady_clock::time_point now);
    void watchDropDir();
    void watchFolder(const std::string& name);
    void handleEvents(std::chrono::steady_clock::time_point now, bool& overflow);
    void offerSettled(std::chrono::steady_clock::time_point now);
    void offer(std::vector<DropCandidate> offers);
    void loadMemory();
    void saveMemoryLocked();
    std::chrono::milliseconds nextTimeout(std::chrono::steady_clock::time_point now,
                                          std::chrono::steady_clock::time_point nextRescan) const;

    Options m_options;
    Callback m_onCandidate;
    mutable std::mutex m_mutex; // guards m_folders (reportResult comes from another thread)
    std::map<std::string, Folder> m_folders;
    std::map<std::string, uint64_t> m_remembered; // Final verdicts: folder name → fingerprint
    WorkerThread m_thread;
    int m_inotifyFd = -1;
    int m_dropWatch = -1;
    std::map<int, std::string> m_watchNames; // inotify wd → subfolder name
};

} // namespace platform

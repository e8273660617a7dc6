#pragma once
// Removable media: which sticks under the media roots hold a KIOSK/ folder, and when they go.
// No SDL here; the watcher runs its own thread and reports through callbacks.
#include "platform/worker_thread.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace platform {

namespace fs = std::filesystem;

// One line of /proc/self/mountinfo (see proc(5)), with the octal escapes (\040 …) undone.
struct MountEntry {
    int mountId = 0;
    int parentId = 0;
    std::string root;       // the part of the filesystem that is mounted here
    std::string mountPoint; // absolute path
    std::string options;    // per-mount options, e.g. "rw,nosuid,relatime"
    std::string fsType;
    std::string source;
    bool readOnly() const; // "ro" among the per-mount options
};

// Undoes the kernel's octal escapes: \040 space, \011 tab, \012 newline, \134 backslash.
std::string unescapeMountField(std::string_view field);

// Parses mountinfo text. Malformed lines are skipped; never throws.
std::vector<MountEntry> parseMountInfo(std::string_view text);

// True when `path` lies strictly below `root` (both absolute, compared lexically after
// normalisation: "/media/usb" is under "/media" but "/media2/x" is not).
bool isStrictlyUnder(const fs::path& path, const fs::path& root);

// A stick (or a folder standing in for one) that holds KIOSK/.
struct StickInfo {
    fs::path root;   // the mount point, e.g. /media/pi/U盘
    int mountId = 0; // 0 when KIOSK/ was found under a media root without its own mount
    bool readOnly = false;
    fs::path kioskDir() const { return root / "KIOSK"; }
    // Identity of one insertion: the same path mounted again is a new insertion.
    std::string key() const { return root.string() + "#" + std::to_string(mountId); }
    bool operator==(const StickInfo&) const = default;
};

// Mount points in `mounts` strictly under one of `roots`, plus folders at depth 1 and 2 under
// each root that are not mount points (an automounter that mounted before us, a bind mount,
// a test's plain folder), keeping those that hold a KIOSK/ directory. Sorted by path.
// Touches the filesystem only to look for KIOSK/ and to list the roots.
std::vector<StickInfo> findSticks(const std::vector<MountEntry>& mounts, const std::vector<fs::path>& roots);

// Every mount point strictly under one of `roots`, whether or not it holds KIOSK/ (a blank
// stick to export onto). Sorted by path.
std::vector<StickInfo> findMediaMounts(const std::vector<MountEntry>& mounts, const std::vector<fs::path>& roots);

// Reads and parses a mountinfo file (default: this process's); empty when unreadable.
std::vector<MountEntry> readMountInfo(const fs::path& file = "/proc/self/mountinfo");

// The default media roots: /media and /run/media.
std::vector<fs::path> defaultMediaRoots();

class MountWatcher {
public:
    struct Options {
        std::vector<fs::path> mediaRoots = defaultMediaRoots();
        // Fallback rescan for changes the mount table does not show (a KIOSK/ folder created).
        std::chrono::milliseconds rescanInterval{2000};
        fs::path mountInfoPath = "/proc/self/mountinfo";
    };
    using Callback = std::function<void(const StickInfo&)>;

    // `onArrived` fires once per insertion (also for sticks present at start), `onRemoved` when
    // that stick (same key) is gone. Both run on the watcher's thread.
    MountWatcher(Options options, Callback onArrived, Callback onRemoved);
    ~MountWatcher();
    MountWatcher(const MountWatcher&) = delete;
    MountWatcher& operator=(const MountWatcher&) = delete;

    void start();
    // Stops and joins the thread. Safe to call twice.
    void stop();

    // One scan on the caller's thread: compares with the last scan and fires the callbacks.
    // Used by the thread and by tests that want to step it by hand.
    void scanNow();

    // The sticks seen by the last scan (thread-safe copy).
    std::vector<StickInfo> present() const;

private:
    void run();

    Options m_options;
    Callback m_onArrived;
    Callback m_onRemoved;
    mutable std::mutex m_mutex;
    std::mutex m_scanMutex; // one scan at a time (thread and tests)
    std::vector<StickInfo> m_present;
    WorkerThread m_thread;
};

} // namespace platform

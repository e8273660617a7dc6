#include "platform/drop_watcher.h"

#include "content/file_io.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <poll.h>
#include <set>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace platform {

namespace {

using Clock = std::chrono::steady_clock;

constexpr uint32_t kDirMask = IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_CLOSE_WRITE | IN_DELETE | IN_ATTRIB |
                              IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

// Packages are flat, but a sync tool may bring a subfolder; a few levels is plenty and keeps a
// runaway tree from costing much.
constexpr int kFingerprintDepth = 4;
constexpr size_t kFingerprintMaxEntries = 5000;

void hashBytes(uint64_t& h, const void* data, size_t size)
{
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < size; ++i) {
        h ^= p[i];
        h *= 1099511628211ull; // FNV-1a 64
    }
}

struct ListingEntry {
    std::string relative;
    int64_t size = 0;
    int64_t mtimeNs = 0;
    bool dir = false;
    bool operator<(const ListingEntry& o) const { return relative < o.relative; }
};

void listInto(const fs::path& dir, const std::string& prefix, int depth, std::vector<ListingEntry>& out)
{
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) return;
    for (; it != fs::directory_iterator() && out.size() < kFingerprintMaxEntries; it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        struct stat st {};
        if (lstat(it->path().c_str(), &st) != 0) continue;
        ListingEntry entry;
        entry.relative = prefix + name;
        entry.dir = S_ISDIR(st.st_mode);
        entry.size = entry.dir ? 0 : static_cast<int64_t>(st.st_size);
        entry.mtimeNs = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        out.push_back(entry);
        if (entry.dir && depth + 1 < kFingerprintDepth) listInto(it->path(), entry.relative + "/", depth + 1, out);
    }
}

std::vector<std::string> candidateNames(const fs::path& dropDir)
{
    std::vector<std::string> names;
    for (const fs::path& folder : content::listFolders(dropDir, isIgnoredDropName))
        names.push_back(folder.filename().string());
    return names;
}

// How many quiet periods a quiet folder is held back while others still arrive.
constexpr int kBatchWait = 3;

template <typename Folder>
std::chrono::milliseconds quietFor(const Folder& folder, Clock::time_point now)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(now - folder.changedAt);
}

} // namespace

bool isIgnoredDropName(std::string_view name)
{
    return name.empty() || name.front() == '.' || name.front() == '~' || name == "lost+found";
}

uint64_t folderFingerprint(const fs::path& folder)
{
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return 0;
    std::vector<ListingEntry> entries;
    listInto(folder, "", 0, entries);
    std::sort(entries.begin(), entries.end());
    uint64_t h = 1469598103934665603ull;
    for (const auto& e : entries) {
        hashBytes(h, e.relative.data(), e.relative.size());
        hashBytes(h, "\0", 1);
        hashBytes(h, &e.size, sizeof e.size);
        hashBytes(h, &e.mtimeNs, sizeof e.mtimeNs);
        hashBytes(h, &e.dir, sizeof e.dir);
    }
    // 0 means "gone"; an existing folder never hashes to it.
    return h == 0 ? 1 : h;
}

DropWatcher::DropWatcher(Options options, Callback onCandidate)
    : m_options(std::move(options)), m_onCandidate(std::move(onCandidate))
{
}

DropWatcher::~DropWatcher()
{
    stop();
}

void DropWatcher::start()
{
    if (m_thread.running()) return;
    loadMemory();
    m_inotifyFd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    m_thread.start([this] { run(); });
}

void DropWatcher::stop()
{
    m_thread.stop();
    if (m_inotifyFd >= 0) {
        close(m_inotifyFd);
        m_inotifyFd = -1;
    }
    m_dropWatch = -1;
    m_watchNames.clear();
}

void DropWatcher::reportResult(const DropCandidate& candidate, DropVerdict verdict)
{
    std::lock_guard lock(m_mutex);
    const std::string name = candidate.folder.filename().string();
    auto it = m_folders.find(name);
    // A result for an older listing says nothing about the folder as it is now.
    if (it == m_folders.end() || it->second.offered != candidate.fingerprint) return;
    Folder& folder = it->second;
    folder.waiting = verdict == DropVerdict::Waiting;
    folder.retryAt.reset();
    // Judged early, a package may have been only half there: one more look once it is quiet.
    if (folder.waiting && candidate.quiet < m_options.settlePeriod)
        folder.retryAt = Clock::now() + (m_options.settlePeriod - candidate.quiet);
    if (verdict == DropVerdict::Final) {
        m_remembered[name] = candidate.fingerprint;
        saveMemoryLocked();
    }
}

void DropWatcher::loadMemory()
{
    if (m_options.memoryFile.empty()) return;
    const std::optional<std::string> text = content::readRegularFile(m_options.memoryFile, 1024 * 1024);
    if (!text) return;
    const nlohmann::json json = nlohmann::json::parse(*text, nullptr, false);
    if (!json.is_object()) return;
    std::lock_guard lock(m_mutex);
    for (const auto& [name, value] : json.items()) {
        if (!value.is_string()) continue;
        try {
            m_remembered[name] = std::stoull(value.get<std::string>(), nullptr, 16);
        } catch (const std::exception&) {
        }
    }
}

void DropWatcher::saveMemoryLocked()
{
    if (m_options.memoryFile.empty()) return;
    nlohmann::json json = nlohmann::json::object();
    for (auto it = m_remembered.begin(); it != m_remembered.end();) {
        // Folders that are gone are forgotten, so that the file stays as small as the drop dir.
        if (!m_folders.count(it->first)) {
            it = m_remembered.erase(it);
            continue;
        }
        char hex[17];
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(it->second));
        json[it->first] = hex;
        ++it;
    }
    // Not being able to note it only means judging the folder again after a restart.
    content::writeFileAtomically(m_options.memoryFile,
                                 json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

void DropWatcher::watchDropDir()
{
    if (m_inotifyFd < 0 || m_dropWatch >= 0) return;
    m_dropWatch = inotify_add_watch(m_inotifyFd, m_options.dropDir.c_str(), kDirMask);
}

void DropWatcher::watchFolder(const std::string& name)
{
    if (m_inotifyFd < 0) return;
    for (const auto& [wd, watched] : m_watchNames)
        if (watched == name) return;
    const int wd = inotify_add_watch(m_inotifyFd, (m_options.dropDir / name).c_str(), kDirMask);
    if (wd >= 0) m_watchNames[wd] = name;
}

void DropWatcher::refresh(const std::string& name, Clock::time_point now)
{
    const uint64_t fp = folderFingerprint(m_options.dropDir / name);
    std::lock_guard lock(m_mutex);
    if (fp == 0) {
        m_folders.erase(name);
        return;
    }
    auto [it, added] = m_folders.try_emplace(name);
    Folder& folder = it->second;
    // Judged for good before a restart, exactly as it is now: not offered again.
    if (added) {
        auto remembered = m_remembered.find(name);
        if (remembered != m_remembered.end() && remembered->second == fp) folder.offered = fp;
    }
    if (folder.fingerprint != fp) {
        folder.fingerprint = fp;
        folder.changedAt = now;
        folder.settling = true;
    }
}

void DropWatcher::rescanAll(Clock::time_point now, bool retryWaiting)
{
    watchDropDir();
    const auto names = candidateNames(m_options.dropDir);
    const std::set<std::string> present(names.begin(), names.end());
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_folders.begin(); it != m_folders.end();)
            it = present.count(it->first) ? std::next(it) : m_folders.erase(it);
    }
    for (const auto& name : names) {
        watchFolder(name);
        refresh(name, now);
    }
    if (retryWaiting) {
        std::vector<DropCandidate> offers;
        {
            std::lock_guard lock(m_mutex);
            for (auto& [name, folder] : m_folders) {
                if (folder.waiting && !folder.settling) {
                    folder.offered = folder.fingerprint;
                    folder.waiting = false;
                    folder.retryAt.reset();
                    offers.push_back({m_options.dropDir / name, folder.fingerprint, quietFor(folder, now)});
                }
            }
        }
        offer(std::move(offers));
    }
}

void DropWatcher::handleEvents(Clock::time_point now, bool& overflow)
{
    std::set<std::string> dirty;
    alignas(inotify_event) char buffer[16384];
    for (;;) {
        const ssize_t n = read(m_inotifyFd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        for (ssize_t off = 0; off < n;) {
            const auto* ev = reinterpret_cast<const inotify_event*>(buffer + off);
            off += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
            if (ev->mask & IN_Q_OVERFLOW) {
                overflow = true;
                continue;
            }
            const std::string name = ev->len ? std::string(ev->name) : std::string();
            if (ev->wd == m_dropWatch) {
                if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
                    // The drop dir itself went away; the periodic rescan watches it again.
                    if (ev->mask & IN_IGNORED) m_dropWatch = -1;
                    overflow = true;
                    continue;
                }
                if (isIgnoredDropName(name)) continue;
                if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) watchFolder(name);
                dirty.insert(name);
                continue;
            }
            auto watched = m_watchNames.find(ev->wd);
            if (watched == m_watchNames.end()) continue;
            dirty.insert(watched->second);
            if (ev->mask & IN_IGNORED) m_watchNames.erase(watched);
        }
    }
    for (const auto& name : dirty) refresh(name, now);
}

void DropWatcher::offerSettled(Clock::time_point now)
{
    std::vector<std::string> due;
    std::vector<DropCandidate> offers;
    {
        std::lock_guard lock(m_mutex);
        bool othersArriving = false;
        Clock::time_point firstChange = now;
        for (const auto& [name, folder] : m_folders) {
            if (!folder.settling) continue;
            if (now - folder.changedAt >= m_options.quietPeriod) {
                due.push_back(name);
                firstChange = std::min(firstChange, folder.changedAt);
            } else {
                othersArriving = true;
            }
        }
        // Packages that arrive together are offered together, in order: wait a little for the
        // ones still landing (a copy of several folders lands one after the other).
        if (othersArriving && now - firstChange < kBatchWait * m_options.quietPeriod) due.clear();
        // A waiting package whose last look came before it was quiet for the settle period.
        for (auto& [name, folder] : m_folders) {
            if (folder.waiting && !folder.settling && folder.retryAt && now >= *folder.retryAt) {
                folder.retryAt.reset();
                folder.waiting = false;
                folder.offered = folder.fingerprint;
                offers.push_back({m_options.dropDir / name, folder.fingerprint, quietFor(folder, now)});
            }
        }
    }
    for (const auto& name : due) {
        // Look again: without inotify (network filesystems) this is how we know it is quiet.
        const uint64_t fp = folderFingerprint(m_options.dropDir / name);
        std::lock_guard lock(m_mutex);
        auto it = m_folders.find(name);
        if (it == m_folders.end()) continue;
        Folder& folder = it->second;
        if (fp == 0) {
            m_folders.erase(it);
            continue;
        }
        if (fp != folder.fingerprint) {
            folder.fingerprint = fp;
            folder.changedAt = now;
            continue;
        }
        folder.settling = false;
        if (folder.offered != fp) {
            folder.offered = fp;
            folder.waiting = false;
            folder.retryAt.reset();
            offers.push_back({m_options.dropDir / name, fp, quietFor(folder, now)});
        }
    }
    offer(std::move(offers));
}

void DropWatcher::offer(std::vector<DropCandidate> offers)
{
    if (offers.empty() || !m_onCandidate) return;
    if (m_options.orderKey && offers.size() > 1) {
        std::vector<std::pair<int64_t, DropCandidate>> keyed;
        for (DropCandidate& candidate : offers) keyed.emplace_back(m_options.orderKey(candidate.folder), candidate);
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first < b.first : a.second.folder < b.second.folder;
        });
        for (size_t i = 0; i < keyed.size(); ++i) offers[i] = std::move(keyed[i].second);
    }
    for (const auto& candidate : offers) m_onCandidate(candidate);
}

std::chrono::milliseconds DropWatcher::nextTimeout(Clock::time_point now, Clock::time_point nextRescan) const
{
    Clock::time_point next = nextRescan;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [name, folder] : m_folders) {
            if (folder.settling) {
                Clock::time_point quietAt = folder.changedAt + m_options.quietPeriod;
                // Quiet already, held back for the others of its batch: until the wait ends.
                if (quietAt <= now) quietAt = folder.changedAt + kBatchWait * m_options.quietPeriod;
                next = std::min(next, quietAt);
            }
            if (folder.waiting && folder.retryAt) next = std::min(next, *folder.retryAt);
        }
    }
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - now);
    if (wait.count() < 0) wait = std::chrono::milliseconds(0);
    // Round up so we do not spin just before a deadline.
    return wait + std::chrono::milliseconds(5);
}

void DropWatcher::run()
{
    auto now = Clock::now();
    rescanAll(now, false);
    auto nextRescan = now + m_options.rescanInterval;
    while (!m_thread.stopping()) {
        now = Clock::now();
        const auto timeout = nextTimeout(now, nextRescan);
        pollfd fds[2] = {{m_thread.wakeFd(), POLLIN, 0}, {m_inotifyFd, POLLIN, 0}};
        const int n =
            poll(fds, m_inotifyFd >= 0 ? 2 : 1, static_cast<int>(std::min<int64_t>(timeout.count(), INT_MAX)));
        if (m_thread.stopping()) break;
        if (n < 0 && errno != EINTR) std::this_thread::sleep_for(std::chrono::milliseconds(200));
        now = Clock::now();
        bool overflow = false;
        if (n > 0 && m_inotifyFd >= 0 && (fds[1].revents & POLLIN)) handleEvents(now, overflow);
        if (overflow) {
            // Events were lost: the listing is the truth.
            rescanAll(now, false);
        }
        if (now >= nextRescan) {
            rescanAll(now, true);
            nextRescan = now + m_options.rescanInterval;
        }
        offerSettled(Clock::now());
    }
}

} // namespace platform

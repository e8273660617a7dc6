#include "platform/mount_watcher.h"

#include "content/file_io.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <set>
#include <unistd.h>

namespace platform {

namespace {

std::vector<std::string_view> splitFields(std::string_view line)
{
    std::vector<std::string_view> fields;
    size_t pos = 0;
    while (pos < line.size()) {
        while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
        size_t end = pos;
        while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
        if (end > pos) fields.push_back(line.substr(pos, end - pos));
        pos = end;
    }
    return fields;
}

bool parseInt(std::string_view text, int& out)
{
    if (text.empty()) return false;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

bool isDirectory(const fs::path& path)
{
    std::error_code ec;
    return fs::is_directory(path, ec);
}

// The subdirectories of `dir` but the hidden ones; empty on any error.
std::vector<fs::path> subdirectories(const fs::path& dir)
{
    return content::listFolders(dir, [](std::string_view name) { return name.empty() || name[0] == '.'; });
}

std::string readWholeFile(int fd)
{
    std::string text;
    if (lseek(fd, 0, SEEK_SET) < 0) return text;
    char buffer[16384];
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        text.append(buffer, static_cast<size_t>(n));
    }
    return text;
}

} // namespace

bool MountEntry::readOnly() const
{
    size_t pos = 0;
    while (pos <= options.size()) {
        size_t comma = options.find(',', pos);
        if (comma == std::string::npos) comma = options.size();
        if (std::string_view(options).substr(pos, comma - pos) == "ro") return true;
        pos = comma + 1;
    }
    return false;
}

std::string unescapeMountField(std::string_view field)
{
    std::string out;
    out.reserve(field.size());
    for (size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            const char a = field[i + 1], b = field[i + 2], c = field[i + 3];
            const bool octal = a >= '0' && a <= '3' && b >= '0' && b <= '7' && c >= '0' && c <= '7';
            if (octal) {
                out.push_back(static_cast<char>((a - '0') * 64 + (b - '0') * 8 + (c - '0')));
                i += 3;
                continue;
            }
        }
        out.push_back(field[i]);
    }
    return out;
}

std::vector<MountEntry> parseMountInfo(std::string_view text)
{
    std::vector<MountEntry> entries;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;

        // 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
        const auto fields = splitFields(line);
        if (fields.size() < 7) continue;
        const auto dash = std::find(fields.begin() + 6, fields.end(), std::string_view("-"));
        if (dash == fields.end() || fields.end() - dash < 3) continue;
        MountEntry entry;
        if (!parseInt(fields[0], entry.mountId) || !parseInt(fields[1], entry.parentId)) continue;
        entry.root = unescapeMountField(fields[3]);
        entry.mountPoint = unescapeMountField(fields[4]);
        entry.options = std::string(fields[5]);
        entry.fsType = unescapeMountField(*(dash + 1));
        entry.source = unescapeMountField(*(dash + 2));
        if (entry.mountPoint.empty() || entry.mountPoint[0] != '/') continue;
        entries.push_back(std::move(entry));
    }
    return entries;
}

bool isStrictlyUnder(const fs::path& path, const fs::path& root)
{
    const fs::path p = path.lexically_normal();
    const fs::path r = root.lexically_normal();
    auto pi = p.begin();
    for (auto ri = r.begin(); ri != r.end(); ++ri) {
        // A trailing separator normalises to an empty last element.
        if (ri->empty()) continue;
        if (pi == p.end() || *pi != *ri) return false;
        ++pi;
    }
    for (; pi != p.end(); ++pi)
        if (!pi->empty()) return true;
    return false;
}

std::vector<fs::path> defaultMediaRoots()
{
    return {"/media", "/run/media"};
}

std::vector<StickInfo> findSticks(const std::vector<MountEntry>& mounts, const std::vector<fs::path>& roots)
{
    // Later mounts on the same point hide earlier ones: the last one in the table wins.
    std::map<fs::path, const MountEntry*> mountByPoint;
    for (const auto& m : mounts) mountByPoint[fs::path(m.mountPoint).lexically_normal()] = &m;

    std::map<fs::path, StickInfo> found;
    auto consider = [&](const fs::path& dir, const MountEntry* mount) {
        const fs::path normal = dir.lexically_normal();
        if (found.count(normal) || !isDirectory(normal / "KIOSK")) return;
        StickInfo stick;
        stick.root = normal;
        if (mount) {
            stick.mountId = mount->mountId;
            stick.readOnly = mount->readOnly();
        }
        found.emplace(normal, std::move(stick));
    };

    for (const auto& rootIn : roots) {
        const fs::path root = rootIn.lexically_normal();
        for (const auto& [point, mount] : mountByPoint)
            if (isStrictlyUnder(point, root)) consider(point, mount);
        // Folders without their own mount: /media/LABEL and /media/USER/LABEL.
        for (const auto& child : subdirectories(root)) {
            const fs::path c = child.lexically_normal();
            const auto mounted = mountByPoint.find(c);
            consider(c, mounted == mountByPoint.end() ? nullptr : mounted->second);
            // Only look one level deeper inside plain folders (a per-user dir), never inside a
            // stick, where a KIOSK/ in some subfolder is not an update.
            if (found.count(c) || mounted != mountByPoint.end()) continue;
            for (const auto& grandchild : subdirectories(c)) {
                const fs::path g = grandchild.lexically_normal();
                const auto gm = mountByPoint.find(g);
                consider(g, gm == mountByPoint.end() ? nullptr : gm->second);
            }
        }
    }

    std::vector<StickInfo> out;
    out.reserve(found.size());
    for (auto& [path, stick] : found) out.push_back(std::move(stick));
    return out;
}

std::vector<StickInfo> findMediaMounts(const std::vector<MountEntry>& mounts, const std::vector<fs::path>& roots)
{
    std::map<fs::path, StickInfo> found;
    for (const auto& m : mounts) {
        const fs::path point = fs::path(m.mountPoint).lexically_normal();
        for (const auto& root : roots) {
            if (!isStrictlyUnder(point, root)) continue;
            StickInfo stick;
            stick.root = point;
            stick.mountId = m.mountId;
            stick.readOnly = m.readOnly();
            found[point] = stick;
        }
    }
    std::vector<StickInfo> out;
    for (auto& [path, stick] : found) out.push_back(std::move(stick));
    return out;
}

std::vector<MountEntry> readMountInfo(const fs::path& file)
{
    const content::FileDescriptor fd(open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) return {};
    return parseMountInfo(readWholeFile(fd.get()));
}

MountWatcher::MountWatcher(Options options, Callback onArrived, Callback onRemoved)
    : m_options(std::move(options)), m_onArrived(std::move(onArrived)), m_onRemoved(std::move(onRemoved))
{
}

MountWatcher::~MountWatcher()
{
    stop();
}

void MountWatcher::start()
{
    m_thread.start([this] { run(); });
}

void MountWatcher::stop()
{
    m_thread.stop();
}

std::vector<StickInfo> MountWatcher::present() const
{
    std::lock_guard lock(m_mutex);
    return m_present;
}

void MountWatcher::scanNow()
{
    std::lock_guard scanLock(m_scanMutex);
    const auto sticks = findSticks(readMountInfo(m_options.mountInfoPath), m_options.mediaRoots);

    std::vector<StickInfo> removed, arrived;
    {
        std::lock_guard lock(m_mutex);
        std::set<std::string> nowKeys, oldKeys;
        for (const auto& s : sticks) nowKeys.insert(s.key());
        for (const auto& s : m_present) {
            oldKeys.insert(s.key());
            if (!nowKeys.count(s.key())) removed.push_back(s);
        }
        for (const auto& s : sticks)
            if (!oldKeys.count(s.key())) arrived.push_back(s);
        m_present = sticks;
    }
    // Removals first, so a stick pulled and put back between two scans reads as a new insertion.
    for (const auto& s : removed)
        if (m_onRemoved) m_onRemoved(s);
    for (const auto& s : arrived)
        if (m_onArrived) m_onArrived(s);
}

void MountWatcher::run()
{
    // The kernel flags POLLPRI|POLLERR on an open mountinfo whenever the mount table changes;
    // the fd must be read to the end to re-arm it, which scanNow's own read does not do.
    const content::FileDescriptor mountInfo(open(m_options.mountInfoPath.c_str(), O_RDONLY | O_CLOEXEC));
    const int mountFd = mountInfo.get();
    auto lastScan = std::chrono::steady_clock::now();
    scanNow();
    if (mountFd >= 0) (void)readWholeFile(mountFd);
    while (!m_thread.stopping()) {
        pollfd fds[2] = {{m_thread.wakeFd(), POLLIN, 0}, {mountFd, POLLPRI, 0}};
        const auto elapsed = std::chrono::steady_clock::now() - lastScan;
        auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(m_options.rescanInterval - elapsed);
        if (wait.count() < 0) wait = std::chrono::milliseconds(0);
        const int n = poll(fds, mountFd >= 0 ? 2 : 1, static_cast<int>(wait.count()));
        if (m_thread.stopping()) break;
        if (n < 0 && errno != EINTR) std::this_thread::sleep_for(std::chrono::milliseconds(200));
        if (n > 0 && mountFd >= 0 && (fds[1].revents & (POLLPRI | POLLERR))) (void)readWholeFile(mountFd);
        const bool tableChanged = n > 0 && (fds[1].revents & (POLLPRI | POLLERR));
        if (tableChanged || std::chrono::steady_clock::now() - lastScan >= m_options.rescanInterval) {
            // At once, so that a pulled stick stops its import before the import gets further.
            scanNow();
            // An automounter creates the mount point and mounts in quick steps: a second look a
            // moment later finds a KIOSK/ folder that was not visible yet.
            if (tableChanged && !m_thread.stopping()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                scanNow();
            }
            lastScan = std::chrono::steady_clock::now();
        }
    }
}

} // namespace platform

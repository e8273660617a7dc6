#include "content/fleet_report.h"
#include "content/file_io.h"

#include "content/trust_detail.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace content {

namespace {

// A status.json is a few hundred bytes; anything this big is not one.
constexpr size_t kMaxStatusBytes = 1 << 20;
constexpr std::string_view kStatusName = "status.json";

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// A summary on one line: its heading and its first problem (未更新，发现 3 个问题：activities.csv:4:…).
std::string oneLine(const std::string& text)
{
    const size_t first = text.find('\n');
    if (first == std::string::npos) return text;
    const size_t second = text.find('\n', first + 1);
    std::string line = text.substr(0, first) +
                       text.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
    if (second != std::string::npos) line += " …";
    return line;
}

// What was found in one folder while walking.
struct Folder {
    bool hasStatus = false;
    std::set<std::string> syncing; // targets of temporary files: status.json, screen.png
};

// A plain file name the kiosk may name as its screenshot (never a path out of the folder).
bool plainFileName(const std::string& name)
{
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
           name.find('\\') == std::string::npos;
}

bool looksLikePng(const fs::path& file)
{
    std::FILE* f = std::fopen(file.c_str(), "rb");
    if (!f) return false;
    unsigned char magic[8] = {};
    const size_t n = std::fread(magic, 1, sizeof magic, f);
    std::fclose(f);
    static const unsigned char kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    return n == sizeof magic && std::equal(magic, magic + 8, kPng);
}

FleetKiosk readKiosk(const fs::path& folder, const Folder& found)
{
    FleetKiosk kiosk;
    kiosk.folder = folder;
    kiosk.name = folder.filename().string();
    if (!found.hasStatus) {
        kiosk.problems.push_back("还没有完整的 status.json（正在同步）");
        return kiosk;
    }
    for (const std::string& target : found.syncing) kiosk.notes.push_back(target + " 正在同步");
    const std::optional<std::string> text = content::readRegularFile(folder / kStatusName, kMaxStatusBytes);
    if (!text) {
        std::error_code ec;
        const uintmax_t size = fs::file_size(folder / kStatusName, ec);
        if (!ec && size > kMaxStatusBytes)
            kiosk.problems.push_back("status.json 太大（" + std::to_string(size / (1 << 20)) +
                                     " MB），不是信息屏写的状态文件（它只有几百字节）");
        else
            kiosk.problems.push_back("status.json 读不出来（没有权限？）");
        return kiosk;
    }
    StatusReading reading = parseStatus(*text);
    for (std::string& problem : reading.problems) kiosk.problems.push_back(std::move(problem));
    for (std::string& note : reading.notes) kiosk.notes.push_back(std::move(note));
    kiosk.status = std::move(reading.status);
    if (!kiosk.status) return kiosk;
    if (!kiosk.status->kioskId.empty()) kiosk.name = kiosk.status->kioskId;
    if (const auto updated = parseZonedTime(kiosk.status->updated)) kiosk.updatedUnix = unixSeconds(*updated);

    const std::string shot =
        kiosk.status->screenshot.empty() ? std::string(kStatusScreenshotName) : kiosk.status->screenshot;
    std::error_code ec;
    if (!plainFileName(shot)) {
        kiosk.notes.push_back("screenshot 字段不是文件名：" + shot);
    } else if (!fs::is_regular_file(folder / shot, ec)) {
        if (!found.syncing.count(shot)) kiosk.notes.push_back("没有屏幕截图 " + shot);
    } else if (!looksLikePng(folder / shot)) {
        kiosk.notes.push_back(shot + " 不是 PNG 图片");
    } else {
        kiosk.screenshot = folder / shot;
    }
    return kiosk;
}

// Problems first, then notes, then by station and kiosk.
bool before(const FleetKiosk& a, const FleetKiosk& b)
{
    const int rankA = !a.problems.empty() ? 0 : !a.notes.empty() ? 1 : 2;
    const int rankB = !b.problems.empty() ? 0 : !b.notes.empty() ? 1 : 2;
    if (rankA != rankB) return rankA < rankB;
    const std::string stationA = a.status ? a.status->station : std::string();
    const std::string stationB = b.status ? b.status->station : std::string();
    if (stationA != stationB) return stationA < stationB;
    if (a.name != b.name) return a.name < b.name;
    return a.folder < b.folder;
}

} // namespace

size_t FleetReport::problemCount() const
{
    return static_cast<size_t>(std::count_if(kiosks.begin(), kiosks.end(), [](const auto& k) { return !k.healthy(); }));
}

bool isSyncTemporary(const std::string& fileName, std::string* target)
{
    std::string name;
    if (startsWith(fileName, ".syncthing.") && endsWith(fileName, ".tmp"))
        name = fileName.substr(11, fileName.size() - 11 - 4);
    else if (startsWith(fileName, "~syncthing~") && endsWith(fileName, ".tmp"))
        name = fileName.substr(11, fileName.size() - 11 - 4);
    else if (startsWith(fileName, ".") && endsWith(fileName, ".tmp"))
        name = fileName.substr(1, fileName.size() - 1 - 4);
    else if (startsWith(fileName, ".") && fileName.size() > 8 && fileName[fileName.size() - 7] == '.')
        // rsync: .status.json.Ab12Cd
        name = fileName.substr(1, fileName.size() - 1 - 7);
    else
        return false;
    if (name.empty()) return false;
    // Our own writer's .status.json.PID.TID.tmp: the target is what comes before the numbers.
    for (std::string_view known : {kStatusName, kStatusScreenshotName})
        if (startsWith(name, known)) name = std::string(known);
    if (target) *target = name;
    return true;
}

FleetReport scanFleet(const std::vector<fs::path>& dirs, const FleetOptions& options)
{
    std::map<fs::path, Folder> folders;
    std::vector<std::string> unreadable;
    for (const fs::path& dir : dirs) {
        std::error_code ec;
        fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
        if (ec) {
            unreadable.push_back(dir.string());
            continue;
        }
        for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) {
                unreadable.push_back(it->path().string());
                ec.clear();
                continue;
            }
            const std::string name = it->path().filename().string();
            std::error_code typeEc;
            const fs::file_status type = it->symlink_status(typeEc);
            if (fs::is_directory(type)) {
                // .stversions holds old copies, .stfolder is Syncthing's marker, .git …
                if (startsWith(name, ".")) it.disable_recursion_pending();
                continue;
            }
            if (!fs::is_regular_file(type)) continue;
            std::string target;
            if (name == kStatusName) {
                folders[it->path().parent_path()].hasStatus = true;
            } else if (isSyncTemporary(name, &target) && (target == kStatusName || target == kStatusScreenshotName)) {
                folders[it->path().parent_path()].syncing.insert(target);
            }
        }
    }
    std::vector<FleetKiosk> kiosks;
    kiosks.reserve(folders.size());
    for (const auto& [folder, found] : folders) {
        kiosks.push_back(readKiosk(folder, found));
        // Named below the DIR it was found in (the office knows its own folder).
        for (const fs::path& dir : dirs) {
            const fs::path relative = folder.lexically_relative(dir);
            if (!relative.empty() && *relative.begin() != "..") {
                kiosks.back().where =
                    (dir.filename().empty() ? dir.parent_path().filename() : dir.filename()) / relative;
                break;
            }
        }
        if (kiosks.back().where.empty()) kiosks.back().where = folder.string();
    }
    FleetReport report = judgeFleet(std::move(kiosks), options);
    report.unreadable = std::move(unreadable);
    return report;
}

// The version the district compares: the last signed package applied when the kiosk says so (a
// station's own edit moves content_version past it, and must not make every other kiosk look
// old), else content_version. A kiosk writes signed_version 0 until its first signed package:
// then only its content_version says how old it is (status files copied from such kiosks, with
// content_version 5 and 7, must still show the 5 as behind).
namespace {
int64_t districtVersion(const KioskStatus& status)
{
    return status.signedVersion.value_or(0) > 0 ? *status.signedVersion : status.contentVersion;
}
} // namespace

FleetReport judgeFleet(std::vector<FleetKiosk> kiosks, const FleetOptions& options)
{
    FleetReport report;
    std::map<std::string, int> ids;
    for (const FleetKiosk& kiosk : kiosks) {
        if (!kiosk.status) continue;
        report.newestVersion = std::max(report.newestVersion, districtVersion(*kiosk.status));
        if (!kiosk.status->kioskId.empty()) ++ids[kiosk.status->kioskId];
    }
    const double staleSeconds = options.staleHours * 3600.0;
    for (FleetKiosk& kiosk : kiosks) {
        if (!kiosk.status) continue;
        const KioskStatus& status = *kiosk.status;
        if (kiosk.updatedUnix) {
            const int64_t age = options.nowUnix - *kiosk.updatedUnix;
            if (static_cast<double>(age) > staleSeconds)
                kiosk.problems.push_back(durationText(age) + "没有更新（超过 " +
                                         durationText(static_cast<int64_t>(staleSeconds)) + "算失联）");
            // A kiosk clock well ahead of the office's makes every time it reports doubtful.
            else if (age < -600)
                kiosk.notes.push_back("这台机器的时钟比本机快 " + durationText(age));
        }
        if (status.lastImport && !status.lastImport->ok)
            kiosk.problems.push_back("上次导入失败：" + oneLine(status.lastImport->summary));
        if (districtVersion(status) < report.newestVersion)
            kiosk.problems.push_back("内容不是最新（" + std::to_string(districtVersion(status)) + "，最新 " +
                                     std::to_string(report.newestVersion) + "）");
        if (!status.kioskId.empty() && ids[status.kioskId] > 1)
            kiosk.notes.push_back("kiosk_id “" + status.kioskId + "” 有 " + std::to_string(ids[status.kioskId]) +
                                  " 台机器在用（请用 --kiosk-id 区分）");
    }
    std::stable_sort(kiosks.begin(), kiosks.end(), before);
    report.kiosks = std::move(kiosks);
    return report;
}

std::string durationText(int64_t seconds)
{
    if (seconds < 0) seconds = -seconds;
    if (seconds < 3600) return std::to_string(seconds / 60) + " 分钟";
    if (seconds < 48 * 3600) {
        const int64_t hours = seconds / 3600;
        const int64_t minutes = (seconds % 3600) / 60;
        return std::to_string(hours) + " 小时" + (minutes && hours < 10 ? " " + std::to_string(minutes) + " 分钟" : "");
    }
    return std::to_string(seconds / 86400) + " 天";
}

std::string ageText(int64_t seconds)
{
    if (seconds < -60) return "时钟超前";
    if (seconds < 60) return "刚刚";
    return durationText(seconds) + "前";
}

std::string shortTime(const std::string& zonedText)
{
    const auto time = parseZonedTime(zonedText);
    if (!time) return zonedText.empty() ? "—" : zonedText;
    return formatDate(time->local.date) + " " + formatTime(time->local.minute);
}

std::string fleetLine(const FleetKiosk& kiosk, const FleetOptions& options)
{
    std::string line;
    if (kiosk.status) {
        const KioskStatus& s = *kiosk.status;
        line += (s.station.empty() ? "（无站点名）" : s.station) + "  " + kiosk.name;
        line += "  内容版本 " + std::to_string(s.contentVersion);
        line += "  最后上报 " + shortTime(s.updated);
        if (kiosk.updatedUnix) line += "（" + ageText(options.nowUnix - *kiosk.updatedUnix) + "）";
        if (s.lastImport)
            line += std::string("  最后导入 ") + (s.lastImport->ok ? "成功 " : "失败 ") + shortTime(s.lastImport->time);
        else
            line += "  最后导入 无";
    } else {
        line += "？  " + kiosk.name + "  " + (kiosk.where.empty() ? kiosk.folder.string() : kiosk.where);
    }
    if (kiosk.problems.empty() && kiosk.notes.empty()) return line + "  正常";
    // Problems (exit 1) and notes (shown only) apart, so nobody chases a missing thumbnail as
    // the reason a kiosk is flagged.
    const auto joined = [](const std::vector<std::string>& items) {
        std::string what;
        for (const std::string& item : items) what += (what.empty() ? "" : "；") + item;
        return what;
    };
    if (!kiosk.problems.empty()) line += "  问题：" + joined(kiosk.problems);
    if (!kiosk.notes.empty()) line += "  提示：" + joined(kiosk.notes);
    return line;
}

std::string screenTitle(const std::string& screen)
{
    static const std::pair<const char*, const char*> kTitles[] = {
        {"home", "首页"},          {"activities", "活动安排"}, {"meals", "每日菜单"},
        {"lectures", "健康讲座"},  {"notices", "通知公告"},    {"guide", "防骗指南"},
        {"contacts", "常用电话"},  {"attract", "待机轮播"},    {"night", "夜间（屏幕关闭）"},
        {"staff", "工作人员菜单"},
    };
    for (const auto& [name, title] : kTitles)
        if (screen == name) return title;
    return screen;
}

std::string fleetSummary(const FleetReport& report)
{
    const size_t problems = report.problemCount();
    // A wrong folder finds nothing; "全部正常" would hide that.
    if (report.kiosks.empty()) return "没有找到任何 status.json：请确认给的是同步回来的状态文件夹";
    std::string text = "共 " + std::to_string(report.kiosks.size()) + " 台";
    text += problems ? "，" + std::to_string(problems) + " 台有问题" : "，全部正常";
    if (report.newestVersion) text += "；最新内容版本 " + std::to_string(report.newestVersion);
    return text;
}

} // namespace content

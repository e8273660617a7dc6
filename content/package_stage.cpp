#include "content/package_stage.h"
#include "content/error_text.h"

#include "content/recording.h"
#include "content/sheet_table.h"
#include "content/sheet_text.h"
#include "content/store.h"
#include "content/trust.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <utility>

namespace content {

namespace {

constexpr size_t kChunkBytes = 64 * 1024;

void addProblem(Problems& problems, std::string file, std::string message)
{
    problems.push_back(Problem{std::move(file), 0, {}, std::move(message)});
}

std::string megabytes(uint64_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

// Errors that mean the medium went away under us rather than a rule broken by the package.
bool isGoneError(int error)
{
    return error == ENOENT || error == EIO || error == ENODEV || error == ENXIO || error == ESTALE ||
           error == ENOTDIR || error == ENOTCONN || error == EBADF;
}

bool ignoredName(const std::string& name)
{
    // Hidden files (macOS ._ files, .Trash), Office's ~$ lock files and our own report.
    return name.empty() || name[0] == '.' || name.starts_with("~$") || asciiLower(name) == kReportFileName;
}

std::string extensionOf(const std::string& lowerName)
{
    const size_t dot = lowerName.rfind('.');
    return dot == std::string::npos ? std::string() : lowerName.substr(dot + 1);
}

bool isOfficeExtension(const std::string& extension)
{
    static const std::set<std::string> kOffice = {"xlsx", "xlsm",    "xlsb", "xls", "et",  "ett",
                                                  "ods",  "numbers", "docx", "doc", "wps", "odt"};
    return kOffice.count(extension) > 0;
}

const char* kSaveAsCsv = "请在 Excel 或 WPS 里打开它，用“另存为”选择“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”保存成 "
                         "activities.csv 这样的文件；若它不是要导入的表格，请把它移出内容包文件夹";

// The sheet a misnamed file most likely is: its name starts with the sheet's own name and then
// something that is not a letter (meals (1).csv, meals - 副本.csv, meals.csv.csv, activities_6月.csv).
std::optional<SheetKind> sheetNamedLike(const std::string& lowerName)
{
    for (SheetKind kind : kAllSheetKinds) {
        std::string_view stem = sheetFileName(kind);
        stem.remove_suffix(std::string_view(".csv").size());
        if (!lowerName.starts_with(stem)) continue;
        const char next = lowerName.size() > stem.size() ? lowerName[stem.size()] : '\0';
        if (!(next >= 'a' && next <= 'z')) return kind;
    }
    return std::nullopt;
}

// True when the bytes look like a binary office file or another non-text format.
bool looksBinary(std::string_view bytes)
{
    if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("\xD0\xCF\x11\xE0")) return true;
    // Excel's "Unicode 文本" is UTF-16 with a BOM, full of NUL bytes: decodeSheetText reads it.
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return false;
    const std::string_view head = bytes.substr(0, 4096);
    return head.find('\0') != std::string_view::npos;
}

// Closes an fd on scope exit.
struct FdCloser {
    int fd = -1;
    ~FdCloser()
    {
        if (fd >= 0) ::close(fd);
    }
};

bool writeAll(int fd, const char* data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

bool cancelled(const std::atomic<bool>* cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

// ---- StagedPackage -----------------------------------------------------------------------------

StagedPackage::StagedPackage(StagedPackage&& other) noexcept
    : m_dir(std::move(other.m_dir)), m_lockFd(std::exchange(other.m_lockFd, -1)), m_files(std::move(other.m_files)),
      m_oversize(std::move(other.m_oversize)), m_subfolders(std::move(other.m_subfolders))
{
    other.m_dir.clear();
}

StagedPackage& StagedPackage::operator=(StagedPackage&& other) noexcept
{
    if (this != &other) {
        release();
        m_dir = std::move(other.m_dir);
        other.m_dir.clear();
        m_lockFd = std::exchange(other.m_lockFd, -1);
        m_files = std::move(other.m_files);
        m_oversize = std::move(other.m_oversize);
        m_subfolders = std::move(other.m_subfolders);
    }
    return *this;
}

StagedPackage::~StagedPackage()
{
    release();
}

void StagedPackage::release()
{
    if (!m_dir.empty()) {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
        m_dir.clear();
    }
    if (m_lockFd >= 0) {
        ::close(m_lockFd);
        m_lockFd = -1;
    }
    m_files.clear();
    m_oversize.clear();
    m_subfolders.clear();
}

bool StagedPackage::has(const std::string& name) const
{
    return std::binary_search(m_files.begin(), m_files.end(), name);
}

std::optional<std::string> StagedPackage::read(const std::string& name) const
{
    if (!has(name)) return std::nullopt;
    FdCloser file{::open(path(name).c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)};
    if (file.fd < 0) return std::nullopt;
    struct stat st {};
    if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    std::string bytes;
    bytes.resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(file.fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return std::nullopt;
        done += static_cast<size_t>(n);
    }
    return bytes;
}

// ---- staging -------------------------------------------------------------------------------------

void cleanStaging(const fs::path& stagingRoot)
{
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(stagingRoot, ec)) {
        const fs::path path = entry.path();
        std::error_code statError;
        if (!entry.is_directory(statError) || entry.is_symlink(statError)) {
            fs::remove(path, statError);
            continue;
        }
        // A live import holds a lock on its dir; only dirs nobody holds are leftovers.
        FdCloser dir{::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)};
        if (dir.fd < 0) continue;
        if (::flock(dir.fd, LOCK_EX | LOCK_NB) == 0) fs::remove_all(path, statError);
    }
}

StageStatus stagePackage(const fs::path& package, const fs::path& stagingRoot, const StageLimits& limits,
                         const std::atomic<bool>* cancel, StagedPackage& staged, Problems& problems)
{
    staged = StagedPackage();
    std::error_code ec;
    const fs::file_status packageStatus = fs::status(package, ec);
    if (!fs::exists(packageStatus)) {
        addProblem(problems, {}, "找不到内容包文件夹 " + package.string());
        return StageStatus::Rejected;
    }
    if (!fs::is_directory(packageStatus)) {
        addProblem(problems, {}, package.string() + " 不是文件夹；内容包应是放着表格文件的文件夹");
        return StageStatus::Rejected;
    }

    FdCloser source{::open(package.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (source.fd < 0) {
        if (isGoneError(errno)) return StageStatus::Vanished;
        addProblem(problems, {}, "无法打开内容包文件夹：" + errnoText(errno));
        return StageStatus::Rejected;
    }

    // The names first, so the dir is listed once and the caps can be checked before copying.
    std::vector<std::string> names;
    {
        const int listFd = ::dup(source.fd);
        DIR* listing = listFd >= 0 ? ::fdopendir(listFd) : nullptr;
        if (!listing) {
            if (listFd >= 0) ::close(listFd);
            return StageStatus::Vanished;
        }
        errno = 0;
        while (const dirent* entry = ::readdir(listing)) {
            const std::string name = entry->d_name;
            if (name != "." && name != "..") names.push_back(name);
            errno = 0;
        }
        const int listError = errno;
        ::closedir(listing);
        if (listError != 0) return StageStatus::Vanished;
    }
    std::sort(names.begin(), names.end());

    struct Candidate {
        std::string name;
        uint64_t size = 0;
    };
    std::vector<Candidate> candidates;
    std::vector<std::pair<std::string, uint64_t>> oversize;
    std::vector<std::string> subfolders;
    uint64_t total = 0;
    uint64_t recordingsTotal = 0;
    bool rejected = false;
    for (const std::string& name : names) {
        if (ignoredName(name)) continue;
        if (name.find('\\') != std::string::npos || name.find('/') != std::string::npos) {
            addProblem(problems, name, "文件名里有路径分隔符，内容包里只能放普通文件");
            rejected = true;
            continue;
        }
        struct stat st {};
        if (::fstatat(source.fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
            if (isGoneError(errno)) return StageStatus::Vanished;
            addProblem(problems, name, "无法读取：" + errnoText(errno));
            rejected = true;
            continue;
        }
        // Subfolders are not part of a package (only named when no sheet is found).
        if (S_ISDIR(st.st_mode)) {
            subfolders.push_back(name);
            continue;
        }
        if (S_ISLNK(st.st_mode)) {
            addProblem(problems, name, "是一个符号链接（快捷方式）；内容包里只能放普通文件");
            rejected = true;
            continue;
        }
        if (!S_ISREG(st.st_mode)) {
            addProblem(problems, name, "不是普通文件（设备、管道或套接字）；内容包里只能放普通文件");
            rejected = true;
            continue;
        }
        const auto size = static_cast<uint64_t>(st.st_size);
        if (isRecordingFileName(name)) {
            // Left out rather than refused: the row naming it says what is wrong, where.
            if (size > limits.maxRecordingBytes) {
                oversize.emplace_back(name, size);
                continue;
            }
            recordingsTotal += size;
        } else {
            total += size;
        }
        candidates.push_back({name, size});
    }
    if (static_cast<int>(candidates.size()) > limits.maxFiles) {
        addProblem(problems, {},
                   "内容包里的文件太多（" + std::to_string(candidates.size()) + " 个），最多 " +
                       std::to_string(limits.maxFiles) + " 个；请只放表格文件");
        return StageStatus::Rejected;
    }
    auto sizeCap = [&limits](const std::string& name) {
        if (isRecordingFileName(name)) return limits.maxRecordingBytes;
        return asciiLower(name) == kDatabaseFileName ? limits.maxPackageBytes : limits.maxSheetBytes;
    };
    for (const Candidate& candidate : candidates) {
        if (candidate.size > sizeCap(candidate.name)) {
            addProblem(problems, candidate.name,
                       "文件太大（" + megabytes(candidate.size) + "），一个文件最多 " +
                           megabytes(sizeCap(candidate.name)));
            rejected = true;
        }
    }
    if (total > limits.maxPackageBytes) {
        addProblem(problems, {}, "内容包太大（" + megabytes(total) + "），最多 " + megabytes(limits.maxPackageBytes));
        rejected = true;
    }
    if (recordingsTotal > limits.maxRecordingsBytes) {
        addProblem(problems, {},
                   "内容包里的录音文件一共太大（" + megabytes(recordingsTotal) + "），最多 " +
                       megabytes(limits.maxRecordingsBytes) + "；请压缩成 mp3，或只放表格里用到的录音");
        rejected = true;
    }
    if (rejected) return StageStatus::Rejected;

    // A fresh private dir, locked for as long as this import runs.
    fs::create_directories(stagingRoot, ec);
    std::string pattern = (stagingRoot / "pkg-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) {
        addProblem(problems, {}, "无法创建暂存目录：" + errnoText(errno));
        return StageStatus::Rejected;
    }
    StagedPackage result;
    result.m_dir = pattern;
    result.m_lockFd = ::open(pattern.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (result.m_lockFd < 0 || ::flock(result.m_lockFd, LOCK_EX) != 0) {
        addProblem(problems, {}, "无法锁定暂存目录：" + errnoText(errno));
        return StageStatus::Rejected;
    }

    result.m_oversize = std::move(oversize);
    result.m_subfolders = std::move(subfolders);
    std::vector<char> buffer(kChunkBytes);
    uint64_t copied = 0;
    uint64_t recordingsCopied = 0;
    for (const Candidate& candidate : candidates) {
        if (cancelled(cancel)) return StageStatus::Cancelled;
        // O_NONBLOCK: should the name have turned into a fifo since it was listed, opening it
        // must not wait for a writer; fstat below refuses it.
        FdCloser in{::openat(source.fd, candidate.name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)};
        if (in.fd < 0) {
            if (errno == ELOOP) {
                addProblem(problems, candidate.name, "是一个符号链接（快捷方式）；内容包里只能放普通文件");
                return StageStatus::Rejected;
            }
            if (isGoneError(errno)) return StageStatus::Vanished;
            addProblem(problems, candidate.name, "无法读取：" + errnoText(errno));
            return StageStatus::Rejected;
        }
        struct stat st {};
        if (::fstat(in.fd, &st) != 0) return StageStatus::Vanished;
        if (!S_ISREG(st.st_mode)) {
            addProblem(problems, candidate.name, "不是普通文件（设备、管道或套接字）；内容包里只能放普通文件");
            return StageStatus::Rejected;
        }
        FdCloser out{::openat(result.m_lockFd, candidate.name.c_str(),
                              O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)};
        if (out.fd < 0) {
            addProblem(problems, candidate.name, "无法写入暂存目录：" + errnoText(errno));
            return StageStatus::Rejected;
        }
        uint64_t fileBytes = 0;
        for (;;) {
            if (cancelled(cancel)) return StageStatus::Cancelled;
            const ssize_t n = ::read(in.fd, buffer.data(), buffer.size());
            if (n < 0) {
                if (errno == EINTR) continue;
                return StageStatus::Vanished;
            }
            if (n == 0) break;
            fileBytes += static_cast<uint64_t>(n);
            (isRecordingFileName(candidate.name) ? recordingsCopied : copied) += static_cast<uint64_t>(n);
            // The file may have grown since it was listed: the caps hold for what is read.
            if (fileBytes > sizeCap(candidate.name)) {
                addProblem(problems, candidate.name, "文件太大，一个文件最多 " + megabytes(sizeCap(candidate.name)));
                return StageStatus::Rejected;
            }
            if (copied > limits.maxPackageBytes) {
                addProblem(problems, {}, "内容包太大，最多 " + megabytes(limits.maxPackageBytes));
                return StageStatus::Rejected;
            }
            if (recordingsCopied > limits.maxRecordingsBytes) {
                addProblem(problems, {}, "内容包里的录音文件一共太大，最多 " + megabytes(limits.maxRecordingsBytes));
                return StageStatus::Rejected;
            }
            if (!writeAll(out.fd, buffer.data(), static_cast<size_t>(n))) {
                addProblem(problems, {}, "无法写入暂存目录（磁盘已满？）：" + errnoText(errno));
                return StageStatus::Rejected;
            }
        }
        result.m_files.push_back(candidate.name);
    }
    // A stick pulled right at the end may still have given short reads: the folder must still
    // be there after the copy.
    struct stat after {};
    if (::stat(package.c_str(), &after) != 0 || ::fstat(source.fd, &after) != 0) return StageStatus::Vanished;
    std::sort(result.m_files.begin(), result.m_files.end());
    staged = std::move(result);
    return StageStatus::Ok;
}

// ---- reading ---------------------------------------------------------------------------------------

bool checkManifestFiles(const StagedPackage& staged, const Manifest& manifest, Problems& problems, bool& incomplete)
{
    incomplete = false;
    bool ok = true;
    for (const auto& [name, hash] : manifest.files) {
        const auto big = std::find_if(staged.oversize().begin(), staged.oversize().end(),
                                      [&wanted = name](const auto& entry) { return entry.first == wanted; });
        if (big != staged.oversize().end()) {
            // Complete but refused: waiting for it would wait forever.
            addProblem(problems, name,
                       "录音文件太大（" + megabytes(big->second) + "），一个录音最多 " +
                           megabytes(limits::kMaxRecordingBytes));
            ok = false;
            continue;
        }
        const std::optional<std::string> bytes = staged.read(name);
        if (!bytes) {
            addProblem(problems, name, "清单 manifest.json 里列出了这个文件，但内容包里没有");
            incomplete = true;
            ok = false;
            continue;
        }
        if (sha256Hex(*bytes) != asciiLower(hash)) {
            addProblem(problems, name, "文件内容与清单 manifest.json 里的校验值不符（可能还没同步完，或被改动过）");
            incomplete = true;
            ok = false;
        }
    }
    return ok;
}

void readPackageFiles(const StagedPackage& staged, const std::vector<std::string>& names, ContentUpdate& update,
                      Problems& problems)
{
    const size_t before = problems.size();
    std::map<SheetKind, std::string> sheets;
    std::optional<std::string> database;
    for (const std::string& name : names) {
        const std::string lower = asciiLower(name);
        const std::string extension = extensionOf(lower);
        if (lower == kDatabaseFileName) {
            database = name;
        } else if (isOfficeExtension(extension)) {
            addProblem(problems, name, std::string("这是 Excel、WPS 或 Word 文件，不能直接导入。") + kSaveAsCsv);
        } else if (extension == "csv") {
            const std::optional<SheetKind> kind = sheetKindFromFileName(name);
            if (!kind) {
                std::string known;
                for (SheetKind each : kAllSheetKinds)
                    known += std::string(known.empty() ? "" : "、") + sheetFileName(each);
                std::string guess;
                if (const std::optional<SheetKind> like = sheetNamedLike(lower))
                    guess = "；如果它是" + std::string(sheetTitle(*like)) + "表，请把它改名为 " + sheetFileName(*like);
                addProblem(problems, name, "不认识这个表格文件名，表格应命名为 " + known + guess);
            } else if (sheets.count(*kind)) {
                addProblem(problems, name, "与 " + sheets[*kind] + " 是同一种表格，请只保留一个");
            } else {
                sheets[*kind] = name;
            }
        } else if (const std::optional<SheetKind> txt =
                       extension == "txt" ? sheetKindFromFileName(lower.substr(0, lower.size() - 4)) : std::nullopt) {
            // Notepad's "save as" adds .txt to meals.csv; ignored, staff would think it imported.
            addProblem(problems, name,
                       std::string("文件名多了“.txt”，这样不会当作表格读取；请把它改名为 ") + sheetFileName(*txt) +
                           "（Windows 可能隐藏了扩展名，也可在 Excel 或 WPS 里“另存为”CSV 格式）");
        }
        // Anything else (manifest, signature, pictures, notes) is not content.
    }
    if (database && !sheets.empty()) {
        addProblem(problems, {},
                   "内容包里同时有 content.db 和表格文件（如 " + sheets.begin()->second +
                       "），只能二选一；请删掉其中一种再导入");
        return;
    }
    if (!database && sheets.empty()) {
        std::string subfolders;
        for (const std::string& folder : staged.subfolders()) subfolders += (subfolders.empty() ? "" : "、") + folder;
        // A stick's root given instead of its KIOSK/, or sheets one folder too deep.
        if (!subfolders.empty())
            subfolders = "；子文件夹（" + subfolders + "）里的文件不会被读取，表格要直接放在内容包文件夹里";
        if (problems.size() == before)
            addProblem(problems, {},
                       "没有找到任何表格：内容包里应有 activities.csv、meals.csv 等表格文件，或一个 content.db" +
                           subfolders);
        return;
    }
    for (const auto& [kind, name] : sheets) {
        const std::optional<std::string> bytes = staged.read(name);
        if (!bytes) {
            addProblem(problems, name, "无法读取暂存的文件");
            continue;
        }
        if (looksBinary(*bytes)) {
            addProblem(problems, name,
                       std::string("不是文本格式的 CSV 文件（可能是改了扩展名的 Excel 文件）。") + kSaveAsCsv);
            continue;
        }
        readSheetFile(kind, *bytes, name, update, problems);
        // Memory follows the rows read: stop at the sheet that takes the package past the cap.
        if (overPackageRows(update, problems)) return;
    }
    if (!sheets.empty()) resolveRecordings(staged, names, update, problems);
    if (database) {
        readUntrustedDatabase(staged.path(*database), update, problems);
        overPackageRows(update, problems);
    }
}

void resolveRecordings(const StagedPackage& staged, const std::vector<std::string>& names, ContentUpdate& update,
                       Problems& problems)
{
    const std::set<std::string> allowed(names.begin(), names.end());
    // What became of each spelling a row used: the file it names, or the problem.
    struct Found {
        std::string file;
        std::string problem;
    };
    std::map<std::string, Found> found;
    std::map<std::string, Recording> recordings; // by file name
    uint64_t total = 0;
    const auto lookUp = [&](const std::string& spelled) -> Found {
        std::string file;
        if (staged.has(spelled)) {
            file = spelled;
        } else {
            // Windows does not mind case: 反诈提醒.MP3 in the sheet, 反诈提醒.mp3 on the stick.
            const std::string lower = asciiLower(spelled);
            for (const std::string& each : staged.files()) {
                if (asciiLower(each) == lower) file = each;
            }
            for (const auto& [each, size] : staged.oversize()) {
                if (asciiLower(each) == lower) file = each;
            }
        }
        const std::string named = "“" + (file.empty() ? spelled : file) + "”";
        if (file.empty()) return {{}, "找不到录音文件" + named + "（应与表格放在同一个文件夹里）"};
        for (const auto& [each, size] : staged.oversize()) {
            if (each == file)
                return {{},
                        "录音文件" + named + "太大（" + megabytes(size) + "），一个录音最多 " +
                            megabytes(limits::kMaxRecordingBytes) + "，请压缩成 mp3 或剪短"};
        }
        if (!allowed.count(file))
            return {{},
                    "签名清单 manifest.json 没有列出录音文件" + named +
                        "，签名的内容包只用清单里的文件；请把它加进清单后重新签名"};
        if (recordings.count(file)) return {file, {}};
        if (static_cast<int>(recordings.size()) >= limits::kMaxRecordings)
            return {{}, "表格里用到的录音太多，最多 " + std::to_string(limits::kMaxRecordings) + " 个不同的录音文件"};
        const std::optional<std::string> bytes = staged.read(file);
        if (!bytes) return {{}, "无法读取录音文件" + named};
        const RecordingCheck check = checkRecordingBytes(*bytes);
        if (!check.ok) return {{}, "录音文件" + named + check.problem};
        total += bytes->size();
        if (total > limits::kMaxRecordingsBytes)
            return {{}, "表格里用到的录音一共超过 " + megabytes(limits::kMaxRecordingsBytes)};
        recordings[file] = Recording{file,
                                     sha256Hex(*bytes),
                                     bytes->size(),
                                     check.durationMs,
                                     Recording::Source::File,
                                     staged.path(file).string()};
        return {file, {}};
    };
    bool ok = true;
    for (const RecordingRef& ref : update.recordingRefs) {
        auto it = found.find(ref.name);
        if (it == found.end()) it = found.emplace(ref.name, lookUp(ref.name)).first;
        if (!it->second.problem.empty()) {
            problems.push_back(Problem{ref.file, ref.row, "录音", it->second.problem});
            ok = false;
        }
    }
    if (!ok) return;
    // The rows name the file as it is spelled in the package, so an export names it the same.
    const auto rename = [&found](std::string& name) {
        if (name.empty()) return;
        if (auto it = found.find(name); it != found.end()) name = it->second.file;
    };
    if (update.lectures)
        for (Lecture& l : *update.lectures) rename(l.recording);
    if (update.notices)
        for (Notice& n : *update.notices) rename(n.recording);
    if (update.guide)
        for (GuideEntry& g : *update.guide) rename(g.recording);
    update.recordings.clear();
    for (auto& [name, recording] : recordings) update.recordings.push_back(std::move(recording));
}

std::array<int, kSheetKindCount> updateRowCounts(const ContentUpdate& update)
{
    std::array<int, kSheetKindCount> rows{-1, -1, -1, -1, -1, -1, -1};
    for (SheetKind kind : kAllSheetKinds) rows[static_cast<size_t>(kind)] = update.rowCount(kind);
    return rows;
}

bool overPackageRows(const ContentUpdate& update, Problems& problems)
{
    int total = 0;
    for (SheetKind kind : kAllSheetKinds) total += std::max(0, update.rowCount(kind));
    if (total <= limits::kMaxPackageRows) return false;
    addProblem(problems, {},
               "内容包里的表格一共超过 " + std::to_string(limits::kMaxPackageRows) +
                   " 行，不像是服务站的内容，请检查是否选错了文件");
    return true;
}

PackageCheck checkPackage(const fs::path& package, const fs::path& stagingRoot, const std::vector<PublicKey>* trusted)
{
    PackageCheck check;
    StagedPackage staged;
    const StageStatus status = stagePackage(package, stagingRoot, StageLimits{}, nullptr, staged, check.problems);
    if (status == StageStatus::Vanished) addProblem(check.problems, {}, "内容包在读取时消失或无法读取，请检查后再试");
    if (status != StageStatus::Ok) {
        if (check.problems.empty()) addProblem(check.problems, {}, "无法复制内容包");
        return check;
    }

    std::vector<std::string> names = staged.files();
    if (staged.has(kSignatureFileName)) {
        const std::optional<std::string> manifestText = staged.read(kManifestFileName);
        const std::optional<std::string> signatureText = staged.read(kSignatureFileName);
        const SignatureCheck verified =
            manifestText && signatureText
                ? verifySignature(*manifestText, *signatureText, trusted ? *trusted : std::vector<PublicKey>{})
                : SignatureCheck{false, "有签名文件却没有清单 manifest.json，无法核对签名", {}, false};
        if (verified.ok) {
            check.signature = SignatureVerdict::Trusted;
        } else if (verified.untrustedKey && !trusted) {
            check.signature = SignatureVerdict::NotChecked;
        } else {
            check.signature = SignatureVerdict::Bad;
            addProblem(check.problems, kSignatureFileName, "签名无效，内容包不能导入：" + verified.problem);
        }
    }
    if (staged.has(kManifestFileName)) {
        if (const std::optional<std::string> text = staged.read(kManifestFileName)) {
            check.manifest = parseManifest(*text, check.problems);
            if (check.manifest) {
                bool incomplete = false;
                checkManifestFiles(staged, *check.manifest, check.problems, incomplete);
                // A signed package is only what its manifest lists.
                if (staged.has(kSignatureFileName)) {
                    names.clear();
                    for (const auto& entry : check.manifest->files) {
                        if (staged.has(entry.first)) names.push_back(entry.first);
                    }
                }
            }
        }
    }
    ContentUpdate update;
    readPackageFiles(staged, names, update, check.problems);
    if (check.problems.empty()) check.update = std::move(update);
    check.staged = std::move(staged);
    return check;
}

} // namespace content

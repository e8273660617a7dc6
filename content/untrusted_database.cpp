// readUntrustedDatabase: a package's content.db, read as hostile input. Opened read-only with
// sqlite.org's defensive settings; only plain tables with stored columns are read (a virtual
// table or a generated column runs code of the file's choosing on every read), and every read
// is bounded by content/limits.h: rows, cells, bytes of text, time.
#include "content/file_io.h"
#include "content/limits.h"
#include "content/package_stage.h"
#include "content/recording.h"
#include "content/sheet_table.h"
#include "content/sheet_text.h"
#include "content/sqlite_db.h"
#include "content/store.h"
#include "content/trust.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>

namespace content {

namespace {

using sqlite::Database;
using sqlite::quoteIdentifier;
using sqlite::Statement;

void addProblem(Problems& problems, const std::string& file, std::string message)
{
    problems.push_back(Problem{file, 0, {}, std::move(message)});
}

// The SQLite file header's write and read format versions (bytes 18 and 19) are 2 in WAL mode.
bool isWalModeFile(const fs::path& file)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return false;
    std::array<unsigned char, 20> header{};
    const ssize_t n = ::read(fd, header.data(), header.size());
    ::close(fd);
    return n == static_cast<ssize_t>(header.size()) && (header[18] == 2 || header[19] == 2);
}

const char* kRebuild = "请用 kiosk-content build 生成 content.db，或直接放表格文件";

// True (with a problem) when the table cannot be read safely: a virtual table, or a column
// that is computed on read (generated) or hidden.
bool refuseTableShape(Database& db, const std::string& tableName, const std::string& sql, const std::string& fileName,
                      Problems& problems)
{
    std::string head = asciiLower(sql.substr(0, 64));
    std::string squeezed;
    for (char c : head) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') squeezed += c;
    }
    if (squeezed.starts_with("createvirtualtable")) {
        addProblem(problems, fileName,
                   "是虚拟表（全文索引、空间索引等），不是普通的数据表，不能导入；" + std::string(kRebuild));
        return true;
    }
    // table_xinfo's `hidden`: 0 a stored column, 1 hidden, 2 and 3 generated (virtual, stored).
    Statement columns = db.prepare("SELECT name, hidden FROM pragma_table_xinfo(?1)");
    columns.bind(1, tableName);
    while (columns.step()) {
        if (columns.columnInt64(1) == 0) continue;
        std::string name = columns.columnText(0);
        if (!isValidUtf8(name)) name = "?";
        addProblem(problems, fileName,
                   "列“" + name + "”是计算出来的列（生成列或隐藏列），不是写进去的内容，不能导入；" + kRebuild);
        return true;
    }
    return false;
}

// sqlite's own message for a StoreError made plain for staff.
std::string databaseMessage(const std::string& what)
{
    if (what.find("不是 SQLite 数据库文件") != std::string::npos)
        return "不是有效的 SQLite 数据库文件，请用 kiosk-content build 生成 content.db";
    return "无法读取数据库文件：" + what;
}

// The recordings a content.db's rows name, from its own `recordings` table (as `build` writes
// it: name, bytes). Each is read once, checked as a package's file would be, and written into
// the private staging dir beside the file, where the new store reads it from.
void readDatabaseRecordings(Database& db, const fs::path& file, ContentUpdate& update, Problems& problems)
{
    const std::string label = file.filename().string();
    bool hasTable = false;
    {
        Statement find = db.prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name = 'recordings' COLLATE NOCASE LIMIT 1");
        if (find.step()) {
            const std::string name = find.columnText(0);
            hasTable = !refuseTableShape(db, name, find.columnText(1), label + ":recordings", problems);
        }
    }
    // One value at a time is at most one recording; the cap goes back afterwards.
    sqlite3_limit(db.handle(), SQLITE_LIMIT_LENGTH, static_cast<int>(limits::kMaxRecordingBytes + 4096));
    std::map<std::string, std::string> problemOf;
    std::map<std::string, Recording> found;
    uint64_t total = 0;
    const auto lookUp = [&](const std::string& name) -> std::string {
        const std::string named = "“" + name + "”";
        if (!hasTable)
            return "content.db 里没有录音" + named + "（应在表 recordings 里；请用 kiosk-content build 生成）";
        if (found.count(name)) return {};
        if (static_cast<int>(found.size()) >= limits::kMaxRecordings)
            return "表格里用到的录音太多，最多 " + std::to_string(limits::kMaxRecordings) + " 个不同的录音文件";
        Statement size = db.prepare("SELECT length(bytes) FROM recordings WHERE name = ?1 LIMIT 1");
        size.bind(1, name);
        if (!size.step()) return "content.db 里没有录音" + named + "（应在表 recordings 里）";
        const int64_t bytesLength = size.columnInt64(0);
        if (bytesLength > static_cast<int64_t>(limits::kMaxRecordingBytes))
            return "录音" + named + "太大，一个录音最多 " + std::to_string(limits::kMaxRecordingBytes / (1024 * 1024)) +
                   " MB";
        Statement select = db.prepare("SELECT CAST(bytes AS BLOB) FROM recordings WHERE name = ?1 LIMIT 1");
        select.bind(1, name);
        if (!select.step()) return "content.db 里没有录音" + named;
        const std::string bytes = select.columnBlob(0);
        total += bytes.size();
        if (total > limits::kMaxRecordingsBytes)
            return "录音一共超过 " + std::to_string(limits::kMaxRecordingsBytes / (1024 * 1024)) + " MB";
        const RecordingCheck check = checkRecordingBytes(bytes);
        if (!check.ok) return "录音" + named + check.problem;
        const fs::path copy = file.parent_path() / (".recording-" + std::to_string(found.size()));
        std::string error;
        if (!writeFileAtomically(copy, bytes, 0600, &error)) return error;
        found[name] =
            Recording{name, sha256Hex(bytes), bytes.size(), check.durationMs, Recording::Source::File, copy.string()};
        return {};
    };
    bool ok = true;
    for (const RecordingRef& ref : update.recordingRefs) {
        auto it = problemOf.find(ref.name);
        if (it == problemOf.end()) it = problemOf.emplace(ref.name, lookUp(ref.name)).first;
        if (!it->second.empty()) {
            problems.push_back(Problem{ref.file, ref.row, "录音", it->second});
            ok = false;
        }
    }
    sqlite3_limit(db.handle(), SQLITE_LIMIT_LENGTH, limits::kMaxDatabaseRowBytes);
    if (!ok) return;
    update.recordings.clear();
    for (auto& [name, recording] : found) update.recordings.push_back(std::move(recording));
}

} // namespace

void readUntrustedDatabase(const fs::path& file, ContentUpdate& update, Problems& problems)
{
    const std::string label = file.filename().string();
    // A WAL database keeps recent changes in content.db-wal, which an immutable read ignores:
    // reading it anyway would import stale content without a word.
    std::error_code ec;
    for (const char* suffix : {"-wal", "-journal"}) {
        fs::path side = file;
        side += suffix;
        if (fs::exists(fs::symlink_status(side, ec))) {
            addProblem(problems, label,
                       "旁边有 " + side.filename().string() +
                           " 文件：数据库还有没写完的改动，直接导入会用到旧内容。请在生成它的程序里关闭数据库后再复制，"
                           "或用 kiosk-content build 重新生成 content.db");
            return;
        }
    }
    if (isWalModeFile(file)) {
        addProblem(problems, label,
                   "数据库是 WAL 模式（改动可能留在另外的 -wal 文件里），不能可靠导入；请先执行 PRAGMA "
                   "journal_mode=DELETE，或用 kiosk-content build 重新生成 content.db");
        return;
    }
    try {
        Database db = Database::openUntrusted(file, std::chrono::milliseconds(limits::kDatabaseBudgetMs));
        {
            Statement check = db.prepare("PRAGMA quick_check(20)");
            std::vector<std::string> findings;
            while (check.step()) findings.push_back(check.columnText(0));
            if (findings.empty() || findings.front() != "ok") {
                std::string detail;
                if (!findings.empty() && isValidUtf8(findings.front()))
                    detail = "（" + cutUtf8(findings.front(), 200) + "）";
                addProblem(problems, label, "数据库文件已损坏" + detail + "，请重新生成 content.db");
                return;
            }
        }
        bool anyTable = false;
        size_t textBytes = 0;
        for (SheetKind kind : kAllSheetKinds) {
            std::string tableName;
            std::string tableSql;
            {
                Statement find = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name = ?1 "
                                            "COLLATE NOCASE LIMIT 1");
                find.bind(1, sheetKey(kind));
                if (!find.step()) continue; // an absent table is an absent sheet
                tableName = find.columnText(0);
                tableSql = find.columnText(1);
            }
            anyTable = true;
            const std::string fileName = label + ":" + sheetKey(kind);
            if (refuseTableShape(db, tableName, tableSql, fileName, problems)) continue;

            Statement select = db.prepare("SELECT * FROM " + quoteIdentifier(tableName));
            SheetTable table;
            table.fileName = fileName;
            // Columns are found by header text, as in a sheet; `row` and unknown ones are not read.
            const std::vector<std::string>& known = sheetHeader(kind);
            std::vector<bool> wanted;
            bool badText = false;
            for (int i = 0; i < select.columnCount(); ++i) {
                std::string name = select.columnName(i);
                if (!isValidUtf8(name)) {
                    problems.push_back(Problem{fileName, 1, {}, "列名不是有效的文字（UTF-8）"});
                    badText = true;
                    name.clear();
                }
                wanted.push_back(std::find(known.begin(), known.end(), trimCell(name)) != known.end());
                table.header.push_back(std::move(name));
            }
            if (badText) continue;
            size_t cells = 0;
            bool stopped = false;
            while (!stopped && select.step()) {
                if (table.rows.size() >= static_cast<size_t>(limits::kMaxRecords)) {
                    problems.push_back(
                        Problem{fileName,
                                0,
                                {},
                                "行数超过 " + std::to_string(limits::kMaxRecords) + " 行，不像是服务站的表格"});
                    badText = true;
                    break;
                }
                SheetRow row;
                row.number = static_cast<int>(table.rows.size()) + 2;
                for (int i = 0; i < select.columnCount(); ++i) {
                    if (!wanted[static_cast<size_t>(i)]) {
                        row.cells.emplace_back();
                        continue;
                    }
                    std::string cell = select.columnText(i);
                    textBytes += cell.size();
                    if (textBytes > limits::kMaxDatabaseTextBytes || ++cells > limits::kMaxCells) {
                        problems.push_back(Problem{fileName,
                                                   row.number,
                                                   {},
                                                   "数据库里的文字太多（超过 " +
                                                       std::to_string(limits::kMaxDatabaseTextBytes / (1024 * 1024)) +
                                                       " MB 或 " + std::to_string(limits::kMaxCells) +
                                                       " 格），不像是服务站的内容"});
                        badText = stopped = true;
                        break;
                    }
                    if (!isValidUtf8(cell) || cell.find('\0') != std::string::npos) {
                        problems.push_back(Problem{fileName, row.number, table.header[static_cast<size_t>(i)],
                                                   "内容不是有效的文字（UTF-8）"});
                        badText = true;
                        cell.clear();
                    }
                    row.cells.push_back(std::move(cell));
                }
                table.rows.push_back(std::move(row));
            }
            if (stopped) return;
            if (!badText) readSheetTable(kind, table, update, problems);
            if (overPackageRows(update, problems)) return;
        }
        if (!update.recordingRefs.empty()) readDatabaseRecordings(db, file, update, problems);
        if (!anyTable) {
            addProblem(
                problems, label,
                "数据库里没有任何可用的表（应有 station、activities、meals、lectures、notices、guide、contacts 之一）");
        }
    } catch (const StoreError& e) {
        addProblem(problems, label, databaseMessage(e.what()));
    } catch (const std::exception& e) {
        addProblem(problems, label, std::string("无法读取数据库文件：") + e.what());
    }
}

} // namespace content

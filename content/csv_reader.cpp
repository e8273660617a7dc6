// parseCsv and writeCsv: RFC 4180 as Excel and WPS read and write it.
#include "content/limits.h"
#include "content/sheet_table.h"
#include "content/sheet_text.h"

namespace content {

namespace {

using limits::kMaxCells;
using limits::kMaxColumns;
using limits::kMaxRecords;

// Characters that make Excel or WPS read a cell as a formula (OWASP "CSV injection"), and the
// tab and carriage return that some of them skip before looking.
bool startsFormula(std::string_view cell)
{
    return !cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos;
}

// A plain number (-1, +86 138 0000 0000, 12.5) is no formula, and is shown as it is.
bool plainNumber(std::string_view cell)
{
    if (!cell.empty() && (cell.front() == '+' || cell.front() == '-')) cell.remove_prefix(1);
    if (cell.empty() || cell.front() < '0' || cell.front() > '9') return false;
    for (char c : cell) {
        if (!((c >= '0' && c <= '9') || c == ' ' || c == '.')) return false;
    }
    return true;
}

// One or more quotes and then a formula start: what formulaSafeCell wrote (or would have to).
bool quotedFormula(std::string_view cell)
{
    const size_t quotes = cell.find_first_not_of('\'');
    return quotes != 0 && quotes != std::string_view::npos && startsFormula(cell.substr(quotes));
}

class CsvParser {
public:
    CsvParser(std::string_view text, SheetTable& table, Problems& problems)
        : m_text(text), m_table(table), m_problems(problems)
    {
    }

    void run()
    {
        const size_t n = m_text.size();
        for (size_t i = 0; i < n && !m_stopped; ++i) {
            const char c = m_text[i];
            // NUL bytes (from a broken save or a binary file) are dropped: they cannot be shown
            // and staff could not find them in Excel to remove them.
            if (c == '\0') continue;
            m_recordHasText = true;
            if (m_inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && m_text[i + 1] == '"') {
                        m_field += '"';
                        ++i;
                    } else {
                        m_inQuotes = false;
                    }
                } else if (c == '\r') {
                    // Line breaks inside a cell become \n whatever the file used.
                    m_field += '\n';
                    if (i + 1 < n && m_text[i + 1] == '\n') ++i;
                } else {
                    m_field += c;
                }
                continue;
            }
            if (c == ',') {
                endField();
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && m_text[i + 1] == '\n') ++i;
                endField();
                endRecord();
            } else if (c == '"' && !m_fieldStarted) {
                m_inQuotes = true;
                m_fieldStarted = true;
                m_quoteRecord = m_recordNumber;
                m_quoteColumn = m_cells.size();
            } else {
                // Like Excel, a quote inside an unquoted cell (or after a closing quote) is
                // kept as a character rather than treated as an error.
                m_field += c;
                m_fieldStarted = true;
            }
        }
        if (m_stopped) return;
        if (m_inQuotes) {
            m_problems.push_back({m_table.fileName, m_quoteRecord, columnName(m_quoteRecord, m_quoteColumn),
                                  "引号没有配对：这一格以英文双引号 \" 开头，但直到文件末尾都没有结束的引号。"
                                  "请在这一格内容的末尾补上 \"，或删掉开头的 \""});
        }
        // A last line without a line break still counts; a trailing line break adds no record.
        if (m_recordHasText) {
            endField();
            endRecord();
        }
    }

private:
    std::string columnName(int record, size_t column) const
    {
        if (m_haveHeader && record > m_table.headerRow && column < m_table.header.size()) return m_table.header[column];
        return {};
    }

    void endField()
    {
        // Cells right of the header have no column name, so nothing reads them: not kept.
        if (m_haveHeader && m_cells.size() >= m_table.header.size()) {
            m_field.clear();
            m_fieldStarted = false;
            return;
        }
        if (m_cells.size() < kMaxColumns) {
            m_cells.push_back(formulaCellText(trimCell(m_field)));
        } else if (!m_reportedTooWide) {
            m_reportedTooWide = true;
            m_problems.push_back(
                {m_table.fileName,
                 m_recordNumber,
                 {},
                 "这一行超过 " + std::to_string(kMaxColumns) + " 列，不像是本站的表格，请检查是否选错了文件"});
        }
        m_field.clear();
        m_fieldStarted = false;
    }

    void endRecord()
    {
        bool blank = true;
        for (const std::string& cell : m_cells) {
            if (!cell.empty()) {
                blank = false;
                break;
            }
        }
        // Blank rows above the header (a sheet that starts lower down) are skipped like any other.
        if (!m_haveHeader && !blank) {
            m_table.header = std::move(m_cells);
            m_table.headerRow = m_recordNumber;
            m_haveHeader = true;
        } else if (m_haveHeader && !blank) {
            m_cellCount += m_cells.size();
            m_table.rows.push_back({m_recordNumber, std::move(m_cells)});
        }
        m_cells.clear();
        m_recordHasText = false;
        ++m_recordNumber;
        if (m_recordNumber > kMaxRecords + 1) {
            m_problems.push_back(
                {m_table.fileName,
                 0,
                 {},
                 "表格超过 " + std::to_string(kMaxRecords) + " 行，不像是本站的表格，请检查是否选错了文件"});
            m_stopped = true;
        } else if (m_cellCount > kMaxCells) {
            m_problems.push_back(
                {m_table.fileName,
                 m_recordNumber - 1,
                 {},
                 "表格太大（超过 " + std::to_string(kMaxCells) + " 格），不像是本站的表格，请检查是否选错了文件"});
            m_stopped = true;
        }
    }

    std::string_view m_text;
    SheetTable& m_table;
    Problems& m_problems;
    std::vector<std::string> m_cells;
    std::string m_field;
    int m_recordNumber = 1;
    bool m_inQuotes = false;
    bool m_fieldStarted = false;
    bool m_recordHasText = false;
    bool m_reportedTooWide = false;
    bool m_haveHeader = false;
    bool m_stopped = false;
    size_t m_cellCount = 0;
    int m_quoteRecord = 0;
    size_t m_quoteColumn = 0;
};

bool needsQuotes(std::string_view cell)
{
    return cell.find_first_of(",\"\r\n") != std::string_view::npos;
}

void appendCsvCell(std::string& out, std::string_view cell)
{
    if (!needsQuotes(cell)) {
        out += cell;
        return;
    }
    out += '"';
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void appendCsvRecord(std::string& out, const std::vector<std::string>& cells, bool header)
{
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += ',';
        appendCsvCell(out, header ? cells[i] : formulaSafeCell(cells[i]));
    }
    out += "\r\n";
}

} // namespace

std::string formulaSafeCell(std::string_view cell)
{
    if (quotedFormula(cell) || (startsFormula(cell) && !plainNumber(cell))) return "'" + std::string(cell);
    return std::string(cell);
}

std::string formulaCellText(std::string_view cell)
{
    if (quotedFormula(cell)) cell.remove_prefix(1);
    return std::string(cell);
}

SheetTable parseCsv(std::string_view utf8Text, std::string fileName, Problems& problems)
{
    SheetTable table;
    table.fileName = std::move(fileName);
    CsvParser(utf8Text, table, problems).run();
    return table;
}

std::string writeCsv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows)
{
    std::string out = "\xEF\xBB\xBF";
    appendCsvRecord(out, header, true);
    for (const auto& row : rows) appendCsvRecord(out, row, false);
    return out;
}

} // namespace content

#pragma once
// A sheet as rows of text cells, whatever it was stored in (a CSV file or a content.db table).
#include "content/model.h"
#include "content/problem.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace content {

struct SheetRow {
    int number = 0; // spreadsheet row number; the header is row 1
    std::vector<std::string> cells;
};

struct SheetTable {
    std::string fileName; // e.g. activities.csv, used in problems
    std::vector<std::string> header;
    int headerRow = 1;          // spreadsheet row of the header: the first row that is not blank
    std::vector<SheetRow> rows; // blank rows already skipped
};

// Decodes UTF-8 (with or without BOM) or GB18030/GBK to UTF-8. Invalid in both: nothing.
std::optional<std::string> decodeSheetText(std::string_view bytes);

// A UTF-8 file with a few damaged bytes (a copy or sync cut short), which decodeSheetText refuses:
// the spreadsheet row of the first one. Nothing for any other file.
std::optional<int> damagedUtf8Row(std::string_view bytes);

// RFC 4180 CSV (quoted commas and line breaks, CRLF or LF) into a table; the header is the first
// record that is not blank (blank rows above it are skipped and counted). Problems (e.g. an
// unclosed quote) are located.
// Cells are trimmed (incl. U+3000), line breaks inside cells become \n, NUL bytes are dropped,
// and cells right of the header are not kept.
SheetTable parseCsv(std::string_view utf8Text, std::string fileName, Problems& problems);

// The sheet kind a file name stands for (case-insensitive: "Activities.CSV" too).
std::optional<SheetKind> sheetKindFromFileName(std::string_view fileName);

// The header texts of a kind, in SPEC order.
const std::vector<std::string>& sheetHeader(SheetKind kind);

// Typed rows from a table: finds columns by header, checks required columns and values, and
// puts the rows into `update` only when this table has no problems. Appends every problem.
void readSheetTable(SheetKind kind, const SheetTable& table, ContentUpdate& update, Problems& problems);

// bytes of a .csv file → decode → parseCsv → readSheetTable.
void readSheetFile(SheetKind kind, std::string_view bytes, std::string fileName, ContentUpdate& update,
                   Problems& problems);

// The canonical cell texts of a kind (header order), which readSheetTable reads back unchanged.
std::vector<std::vector<std::string>> sheetCells(SheetKind kind, const Content& content);

// A cell as written to an exported sheet, safe to open in Excel or WPS: one that would start a
// formula (= + - @, tab, CR: =HYPERLINK(…), +cmd|' /C calc'!A0) gets a leading ' so it shows as
// text (OWASP CSV injection advice); plain numbers (-1, +86 138 0000 0000) stay as they are. A
// cell that already is quotes then a formula start gets one more quote, so that…
std::string formulaSafeCell(std::string_view cell);
// …reading takes exactly one quote off a cell of quotes then a formula start, and every exported
// cell reads back as it was. parseCsv applies this to every cell.
std::string formulaCellText(std::string_view cell);

// A CSV file for Excel: UTF-8 with BOM, CRLF, quoting where needed, cells made formulaSafeCell.
std::string writeCsv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

// The sheet of a kind as exported (writeCsv of sheetHeader and sheetCells).
std::string exportSheet(SheetKind kind, const Content& content);

// `init`: header and one example row; the lecture a week after `today`, the notice shown from
// `today` for two weeks, so that a trial import of the templates shows every example.
std::string templateSheet(SheetKind kind, Date today);

} // namespace content

#include "content/limits.h"
#include "content/problem.h"
#include "content/sheet_table.h"

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace content;

namespace {

// The sheet fixtures under tests/fixtures/sheets/.
constexpr auto fixture = test::sheetFixture;

SheetTable parsed(std::string_view text, Problems& problems)
{
    return parseCsv(text, "t.csv", problems);
}

SheetTable parsedClean(std::string_view text)
{
    Problems problems;
    SheetTable table = parsed(text, problems);
    INFO(text);
    REQUIRE(problems.empty());
    return table;
}

using Cells = std::vector<std::string>;

} // namespace

TEST_CASE("Problem::format leaves out the pieces it does not have", "[csv]")
{
    CHECK(Problem{"activities.csv", 4, "日期", "无法识别"}.format() == "activities.csv:4:日期: 无法识别");
    CHECK(Problem{"activities.csv", 1, "", "空"}.format() == "activities.csv:1: 空");
    CHECK(Problem{"manifest.json", 0, "", "签名不对"}.format() == "manifest.json: 签名不对");
    CHECK(Problem{"notices.csv", 0, "标题", "x"}.format() == "notices.csv:标题: x");
    CHECK(Problem{"", 0, "", "整个包是空的"}.format() == "整个包是空的");
}

TEST_CASE("decodeSheetText takes UTF-8 with or without BOM", "[csv][encoding]")
{
    CHECK(decodeSheetText("日期,开始") == "日期,开始");
    CHECK(decodeSheetText("\xEF\xBB\xBF日期,开始") == "日期,开始");
    CHECK(decodeSheetText("") == "");
    CHECK(decodeSheetText("\xEF\xBB\xBF") == "");
    CHECK(decodeSheetText("plain ascii") == "plain ascii");
}

TEST_CASE("decodeSheetText converts GBK and GB18030 files written by iconv", "[csv][encoding]")
{
    const std::string gbk = fixture("activities_gbk.csv");
    // Real GBK bytes: 活动 is BB EE B6 AF.
    REQUIRE(gbk.starts_with("\xBB\xEE\xB6\xAF"));
    const auto text = decodeSheetText(gbk);
    REQUIRE(text);
    CHECK(text->starts_with("活动,日期,开始"));
    CHECK(text->find("太极拳") != std::string::npos);

    // 𠮷 is outside GBK; GB18030 writes it in four bytes.
    const auto rare = decodeSheetText(fixture("contacts_gb18030.csv"));
    REQUIRE(rare);
    CHECK(rare->find("𠮷祥家政") != std::string::npos);

    // Excel on Chinese Windows saves "CSV" in code page 936, where € is the single byte 80.
    CHECK(decodeSheetText("\xBC\xDB\xB8\xF1,12\x80\r\n") == "价格,12€\r\n");
}

TEST_CASE("decodeSheetText gives nothing for bytes no encoding explains", "[csv][encoding]")
{
    CHECK_FALSE(decodeSheetText(fixture("garbage.bin")).has_value());
    CHECK_FALSE(decodeSheetText("\xFF\xFF\xFF").has_value());
    CHECK_FALSE(decodeSheetText("abc\xFF").has_value());
    // A GBK double-byte character cut off at the end of the file.
    CHECK_FALSE(decodeSheetText("\xBB\xEE\xB6").has_value());
    // UTF-16 as Excel's "Unicode text" saves it.
    CHECK(decodeSheetText(std::string("\xFF\xFE"
                                      "a\0,\0b\0",
                                      8)) == "a,b");
}

TEST_CASE("parseCsv reads plain records with LF, CRLF and lone CR", "[csv]")
{
    for (const char* text :
         {"a,b\n1,2\n3,4\n", "a,b\r\n1,2\r\n3,4\r\n", "a,b\r1,2\r3,4\r", "a,b\n1,2\n3,4", "a,b\r\n1,2\n3,4"}) {
        const SheetTable table = parsedClean(text);
        CHECK(table.fileName == "t.csv");
        CHECK(table.header == Cells{"a", "b"});
        REQUIRE(table.rows.size() == 2);
        CHECK(table.rows[0].number == 2);
        CHECK(table.rows[0].cells == Cells{"1", "2"});
        CHECK(table.rows[1].number == 3);
        CHECK(table.rows[1].cells == Cells{"3", "4"});
    }
}

TEST_CASE("parseCsv reads quoted commas, doubled quotes and line breaks", "[csv]")
{
    const SheetTable table =
        parsedClean("h1,h2,h3\r\n\"a,b\",\"say \"\"hi\"\"\",\"line1\r\nline2\nline3\"\r\nx,\"\",y\r\n");
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].cells == Cells{"a,b", "say \"hi\"", "line1\nline2\nline3"});
    CHECK(table.rows[0].number == 2);
    // The record above spans three lines but is one spreadsheet row.
    CHECK(table.rows[1].number == 3);
    CHECK(table.rows[1].cells == Cells{"x", "", "y"});
}

TEST_CASE("parseCsv skips blank records but counts them", "[csv]")
{
    const SheetTable table = parsedClean("a,b\n\n1,2\n,\n  ,\xE3\x80\x80\n\r\n3,4\n\n");
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].number == 3);
    CHECK(table.rows[1].number == 7);
}

TEST_CASE("parseCsv takes the first row that is not blank as the header", "[csv]")
{
    Problems problems;
    const SheetTable table =
        parsed("\r\n,,\r\n日期,活动\r\n2026-06-03,\"太极\r\n\r\n,\"\r\n,,\r\n2026-06-04,书法\r\n", problems);
    CHECK(problems.empty());
    CHECK(table.header == Cells{"日期", "活动"});
    CHECK(table.headerRow == 3);
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].number == 4);
    CHECK(table.rows[1].number == 6);
    CHECK(table.rows[1].cells == Cells{"2026-06-04", "书法"});
    CHECK(parsedClean("a,b\n1,2\n").headerRow == 1);
}

TEST_CASE("parseCsv trims cells and header names", "[csv]")
{
    const SheetTable table =
        parsedClean("\xEF\xBB\xBF 日期 ,\xE3\x80\x80活动\xE3\x80\x80\n  2026-06-03 , 太极 拳 \t\n");
    CHECK(table.header == Cells{"日期", "活动"});
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].cells == Cells{"2026-06-03", "太极 拳"});
}

TEST_CASE("parseCsv keeps stray quotes in unquoted cells like Excel", "[csv]")
{
    const SheetTable table = parsedClean("a,b,c\n5\" screen,ab\"c\"d,\"q\"tail\n");
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].cells == Cells{"5\" screen", "ab\"c\"d", "qtail"});
}

TEST_CASE("parseCsv reports an unclosed quote where it opened and ends", "[csv]")
{
    Problems problems;
    const SheetTable table = parsed("日期,活动\n2026-06-03,太极\n2026-06-04,\"书法\n2026-06-05,歌咏\n", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].row == 3);
    CHECK(problems[0].column == "活动");
    CHECK(problems[0].format().starts_with("t.csv:3:活动: 引号没有配对"));
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].cells == Cells{"2026-06-03", "太极"});

    Problems headerProblems;
    parsed("\"日期,活动\n", headerProblems);
    REQUIRE(headerProblems.size() == 1);
    CHECK(headerProblems[0].format().starts_with("t.csv:1: 引号没有配对"));
}

TEST_CASE("parseCsv drops NUL bytes and copes with very long cells", "[csv]")
{
    const std::string withNul("a,b\n1\0x,2\n", 10);
    const SheetTable table = parsedClean(withNul);
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].cells == Cells{"1x", "2"});

    const std::string longCell(1 << 20, 'x');
    const SheetTable big = parsedClean("a,b\n\"" + longCell + "\"," + longCell + "\n");
    REQUIRE(big.rows.size() == 1);
    CHECK(big.rows[0].cells[0].size() == longCell.size());
    CHECK(big.rows[0].cells[1].size() == longCell.size());
}

TEST_CASE("parseCsv bounds hostile input", "[csv]")
{
    Problems problems;
    const SheetTable wide = parsed("h" + std::string(5000, ',') + "\nx\n", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].row == 1);
    CHECK(wide.header.size() == 1000);

    // Cells right of the header are never read, so they are not kept.
    const SheetTable narrow = parsedClean("a,b\n1,2,3,4," + std::string(5000, ',') + "\n,,x\n");
    REQUIRE(narrow.rows.size() == 1);
    CHECK(narrow.rows[0].cells == Cells{"1", "2"});

    Problems many;
    std::string lines = "a\n";
    for (int i = 0; i < limits::kMaxRecords + 10000; ++i) lines += "x\n";
    const SheetTable tall = parsed(lines, many);
    REQUIRE(many.size() == 1);
    CHECK(many[0].row == 0);
    CHECK(tall.rows.size() <= static_cast<size_t>(limits::kMaxRecords));

    // Twenty columns: the cell cap is reached before the record cap.
    Problems big;
    std::string cells = "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t\n";
    for (size_t i = 0; i < limits::kMaxCells / 20 + 2000; ++i) cells += "x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x\n";
    const SheetTable huge = parsed(cells, big);
    REQUIRE(big.size() == 1);
    CHECK(big[0].message.starts_with("表格太大"));
    CHECK(huge.rows.size() <= limits::kMaxCells / 20 + 1);
}

TEST_CASE("parseCsv of empty text has no header and no rows", "[csv]")
{
    const SheetTable table = parsedClean("");
    CHECK(table.header.empty());
    CHECK(table.rows.empty());
}

TEST_CASE("writeCsv writes UTF-8 with BOM and CRLF, quoting only where needed", "[csv]")
{
    const std::string csv = writeCsv({"标题", "正文"}, {{"a,b", "say \"hi\""}, {"line1\nline2", "plain"}});
    CHECK(csv == "\xEF\xBB\xBF标题,正文\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"line1\nline2\",plain\r\n");
    const auto text = decodeSheetText(csv);
    REQUIRE(text);
    const SheetTable back = parsedClean(*text);
    CHECK(back.header == Cells{"标题", "正文"});
    REQUIRE(back.rows.size() == 2);
    CHECK(back.rows[0].cells == Cells{"a,b", "say \"hi\""});
    CHECK(back.rows[1].cells == Cells{"line1\nline2", "plain"});
}

TEST_CASE("sheetKindFromFileName ignores case", "[csv]")
{
    CHECK(sheetKindFromFileName("activities.csv") == SheetKind::Activities);
    CHECK(sheetKindFromFileName("Activities.CSV") == SheetKind::Activities);
    CHECK(sheetKindFromFileName("STATION.csv") == SheetKind::Station);
    CHECK_FALSE(sheetKindFromFileName("activity.csv").has_value());
    CHECK_FALSE(sheetKindFromFileName("activities.xlsx").has_value());
    for (SheetKind kind : kAllSheetKinds) CHECK(sheetKindFromFileName(sheetFileName(kind)) == kind);
}

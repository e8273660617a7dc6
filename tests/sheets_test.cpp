#include "content/limits.h"
#include "content/model.h"
#include "content/sheet_table.h"

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace content;
using namespace std::chrono;

namespace {

Date ymd(int y, unsigned m, unsigned d)
{
    return Date{year{y}, month{m}, day{d}};
}

// The sheet fixtures under tests/fixtures/sheets/.
constexpr auto fixture = test::sheetFixture;

struct ReadResult {
    ContentUpdate update;
    Problems problems;
    std::vector<std::string> lines() const
    {
        std::vector<std::string> out;
        for (const Problem& p : problems) out.push_back(p.format());
        return out;
    }
};

ReadResult readSheet(SheetKind kind, std::string_view bytes)
{
    ReadResult result;
    readSheetFile(kind, bytes, sheetFileName(kind), result.update, result.problems);
    return result;
}

// Reads a sheet that must have no problems and gives back the content it brings.
Content readClean(SheetKind kind, std::string_view bytes)
{
    ReadResult result = readSheet(kind, bytes);
    INFO(bytes);
    for (const std::string& line : result.lines()) UNSCOPED_INFO(line);
    REQUIRE(result.problems.empty());
    REQUIRE(result.update.has(kind));
    return result.update.appliedTo(Content{});
}

// The only problem of a sheet, formatted; the sheet must add nothing.
std::string onlyProblem(SheetKind kind, std::string_view bytes)
{
    ReadResult result = readSheet(kind, bytes);
    INFO(bytes);
    CHECK_FALSE(result.update.has(kind));
    REQUIRE(result.problems.size() == 1);
    return result.problems[0].format();
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("model names and helpers", "[sheets][model]")
{
    CHECK(std::string(sheetFileName(SheetKind::Activities)) == "activities.csv");
    CHECK(std::string(sheetKey(SheetKind::Contacts)) == "contacts");
    CHECK(std::string(sheetTitle(SheetKind::Activities)) == "活动");
    CHECK(std::string(mealKindName(MealKind::Snack)) == "加餐");
    CHECK(std::string(lectureKindName(LectureKind::Clinic)) == "义诊");
    CHECK(formatPrice(1250) == "12.5");
    CHECK(formatPrice(1200) == "12");
    CHECK(formatPrice(1205) == "12.05");
    CHECK(formatPrice(0) == "0");
    CHECK(formatPrice(99) == "0.99");

    StationInfo station{{{"站点名称", "幸福里"}, {"自定义", "x"}, {"站点名称", "第二个"}}};
    CHECK(station.name() == "幸福里");
    CHECK(station.value("自定义") == "x");
    CHECK(station.address().empty());

    Content base;
    base.contacts = {Contact{"急救", "120", "", "紧急"}};
    base.station = station;
    CHECK(base.rowCount(SheetKind::Station) == 3);
    CHECK(base.rowCount(SheetKind::Contacts) == 1);
    CHECK(base.rowCount(SheetKind::Meals) == 0);

    ContentUpdate update;
    CHECK(update.empty());
    update.meals = std::vector<Meal>{};
    update.contacts = std::vector<Contact>{};
    CHECK_FALSE(update.empty());
    CHECK(update.has(SheetKind::Meals));
    CHECK_FALSE(update.has(SheetKind::Station));
    const Content applied = update.appliedTo(base);
    CHECK(applied.contacts.empty());
    CHECK(applied.station == station);
}

TEST_CASE("the same sheet reads the same from UTF-8, UTF-8 with BOM and CRLF, and GBK", "[sheets][encoding]")
{
    const Content utf8 = readClean(SheetKind::Activities, fixture("activities_utf8.csv"));
    const Content bom = readClean(SheetKind::Activities, fixture("activities_utf8_bom_crlf.csv"));
    const Content gbk = readClean(SheetKind::Activities, fixture("activities_gbk.csv"));
    CHECK(utf8 == bom);
    CHECK(utf8 == gbk);

    // Header in its own order with an unknown column (负责人) that is ignored.
    REQUIRE(utf8.activities.size() == 2);
    const Activity& taiji = utf8.activities[0];
    CHECK(taiji.day == DaySpec{ymd(2026, 6, 3), {}});
    CHECK(taiji.start == 540);
    CHECK(taiji.end == 630);
    CHECK(taiji.title == "太极拳");
    CHECK(taiji.place == "一楼活动室");
    CHECK(taiji.note == "请穿运动鞋，自带水杯, 谢谢");
    CHECK(taiji.category == "文体");
    const Activity& calligraphy = utf8.activities[1];
    CHECK(calligraphy.day == DaySpec{std::nullopt, WeeklyRepeat{0x05}});
    CHECK(calligraphy.start == 840);
    CHECK_FALSE(calligraphy.end.has_value());
    CHECK(calligraphy.note == "老师说：\"字如其人\"\n每次带好毛笔");

    const Content rare = readClean(SheetKind::Contacts, fixture("contacts_gb18030.csv"));
    REQUIRE(rare.contacts.size() == 1);
    CHECK(rare.contacts[0].name == "𠮷祥家政");
}

TEST_CASE("an undecodable file is one problem without a row", "[sheets][encoding]")
{
    CHECK(onlyProblem(SheetKind::Activities, fixture("garbage.bin")).starts_with("activities.csv: 无法识别文件的编码"));
}

TEST_CASE("a UTF-8 sheet with a damaged byte is located, not read as GBK", "[sheets][encoding]")
{
    std::string sheet = "\xEF\xBB\xBF日期,开始,活动,说明\r\n";
    for (int i = 0; i < 6; ++i) sheet += "每天,9:00,晨练,\"院子里\r\n下雨改室内\"\r\n";
    // A copy cut short in the middle of 太 (E5 A4 AA): row 8 as the spreadsheet counts.
    const std::string cut = sheet + "每天,9:00,\xE5\xA4";
    CHECK(onlyProblem(SheetKind::Activities, cut) ==
          "activities.csv:8: 这一行有损坏的字符：文件是 UTF-8 编码，但这里有字节不完整（可能没有复制或同步完）；"
          "请在 Excel 或 WPS 里检查这一行，改好后重新保存");
    // GBK text stays GBK.
    CHECK_FALSE(damagedUtf8Row(fixture("activities_gbk.csv")).has_value());
    CHECK(readSheet(SheetKind::Activities, fixture("activities_gbk.csv")).problems.empty());
}

TEST_CASE("every missing required column is reported at row 1", "[sheets]")
{
    CHECK(onlyProblem(SheetKind::Activities, "开始,活动\n9:00,太极\n") ==
          "activities.csv:1:日期: 缺少必需的列“日期”，请在第一行加上这一列的标题");
    const ReadResult all = readSheet(SheetKind::Activities, "地点,说明\n一楼,x\n");
    CHECK(all.lines() == Lines{"activities.csv:1:日期: 缺少必需的列“日期”，请在第一行加上这一列的标题",
                               "activities.csv:1:开始: 缺少必需的列“开始”，请在第一行加上这一列的标题",
                               "activities.csv:1:活动: 缺少必需的列“活动”，请在第一行加上这一列的标题"});
    const std::vector<std::pair<SheetKind, Lines>> required = {
        {SheetKind::Station, {"项目", "内容"}},
        {SheetKind::Meals, {"日期", "餐次", "菜品"}},
        {SheetKind::Lectures, {"日期", "开始", "主题"}},
        {SheetKind::Notices, {"标题"}},
        {SheetKind::Guide, {"标题", "识破"}},
        {SheetKind::Contacts, {"名称", "电话"}},
    };
    for (const auto& [kind, columns] : required) {
        const ReadResult result = readSheet(kind, "无关\n1\n");
        INFO(sheetFileName(kind));
        CHECK_FALSE(result.update.has(kind));
        REQUIRE(result.problems.size() == columns.size());
        for (size_t i = 0; i < columns.size(); ++i) {
            CHECK(result.problems[i].format() == std::string(sheetFileName(kind)) + ":1:" + columns[i] +
                                                     ": 缺少必需的列“" + columns[i] + "”，请在第一行加上这一列的标题");
        }
    }
    // An empty file has no header at all.
    CHECK(readSheet(SheetKind::Notices, "").lines() ==
          Lines{"notices.csv:1:标题: 缺少必需的列“标题”，请在第一行加上这一列的标题"});
}

TEST_CASE("blank rows above the header are skipped and counted", "[sheets]")
{
    const Content ok = readClean(SheetKind::Activities, "\r\n,,,\r\n日期,开始,活动\r\n每天,9:00,晨练\r\n");
    REQUIRE(ok.activities.size() == 1);
    CHECK(ok.activities[0].title == "晨练");
    CHECK(readSheet(SheetKind::Activities, "\n,,\n日期,开始,活动\n每天,9:00,晨练\n2026-13-45,9:00,书法\n").lines() ==
          Lines{"activities.csv:5:日期: 无法识别的日期“2026-13-45”，请写成 2026-06-03、2026/6/3 或 2026年6月3日，"
                "或写每天、工作日、每周一等"});
    CHECK(onlyProblem(SheetKind::Activities, ",,\n开始,活动\n9:00,太极\n") ==
          "activities.csv:2:日期: 缺少必需的列“日期”，请在标题行（第 2 行）加上这一列的标题");
}

TEST_CASE("a header keeps its column with a note in brackets, a second line or a * after the name", "[sheets]")
{
    const Content ok =
        readClean(SheetKind::Meals, "日期*,餐次（必填）,\"菜品\n（用顿号隔开）\",价格(元),标签【可选】＊\n"
                                    "每天,午餐,米饭、青菜,12,软烂\n");
    REQUIRE(ok.meals.size() == 1);
    CHECK(ok.meals[0].priceCents == 1200);
    CHECK(ok.meals[0].tags == std::vector<std::string>{"软烂"});
    // Two columns that are one name with their notes are still two of a kind.
    CHECK(onlyProblem(SheetKind::Contacts, "名称,电话（手机）,电话（座机）\n甲,1,2\n") ==
          "contacts.csv:1:电话: 第 B 列和第 C 列的标题都是“电话”，请删掉其中一列，或把不用的那一列改成别的标题");
    // A header that is only a note is no column.
    CHECK(onlyProblem(SheetKind::Notices, "（标题）\nx\n") ==
          "notices.csv:1:标题: 缺少必需的列“标题”，请在第一行加上这一列的标题；第 A 列的标题是“（标题）”，"
          "如果就是这一列，请把标题改成“标题”");
}

TEST_CASE("a title row above the header is not read", "[sheets]")
{
    const std::string titled = "幸福里社区六月活动安排表,,,\r\n"
                               "（6月1日起执行）,,,\r\n"
                               "日期,开始,活动,地点\r\n"
                               "每天,9:00,晨练,院子\r\n";
    const Content ok = readClean(SheetKind::Activities, titled);
    REQUIRE(ok.activities.size() == 1);
    CHECK(ok.activities[0].title == "晨练");
    // Rows keep the numbers the spreadsheet shows.
    CHECK(readSheet(SheetKind::Activities, titled + "2026-13-45,9:00,书法,二楼\r\n").lines() ==
          Lines{"activities.csv:5:日期: 无法识别的日期“2026-13-45”，请写成 2026-06-03、2026/6/3 或 2026年6月3日，"
                "或写每天、工作日、每周一等"});
    // A header below a title that lacks a required column is still the header, reported there.
    CHECK(onlyProblem(SheetKind::Activities, "活动安排表,,\n日期,活动,地点\n每天,晨练,院子\n") ==
          "activities.csv:2:开始: 缺少必需的列“开始”，请在标题行（第 2 行）加上这一列的标题");
}

TEST_CASE("a missing column names the header that holds its name", "[sheets]")
{
    CHECK(readSheet(SheetKind::Activities, "日期,开始时间,结束时间,活动名称\n每天,9:00,10:00,晨练\n").lines() ==
          Lines{"activities.csv:1:开始: 缺少必需的列“开始”，请在第一行加上这一列的标题；第 B 列的标题是“开始时间”，"
                "如果就是这一列，请把标题改成“开始”",
                "activities.csv:1:活动: 缺少必需的列“活动”，请在第一行加上这一列的标题；第 D 列的标题是“活动名称”，"
                "如果就是这一列，请把标题改成“活动”"});
    // A column of the sheet's own (开始日期 in notices) is not offered for another.
    CHECK(onlyProblem(SheetKind::Notices, "通知,开始日期\nx,2026-06-03\n") ==
          "notices.csv:1:标题: 缺少必需的列“标题”，请在第一行加上这一列的标题");
}

TEST_CASE("another sheet's columns under this sheet's name are one problem naming that sheet", "[sheets]")
{
    CHECK(onlyProblem(SheetKind::Activities, "日期,餐次,菜品,价格\n每天,午餐,米饭,12\n") ==
          "activities.csv:1: 这张表的标题是菜单表（meals.csv）的，不是活动表的。如果它就是菜单，请把文件名改成 "
          "meals.csv；否则请用活动表的标题：日期,开始,结束,活动,地点,说明,类别");
    // Guide's columns hold notices' one required column too: the sheet with more of them wins.
    CHECK(onlyProblem(SheetKind::Contacts, "序号,标题,骗术,识破\n1,a,b,c\n")
              .starts_with("contacts.csv:1: 这张表的标题是防骗指南表（guide.csv）的"));
    // A guide without 识破 is still a guide, not notices for its 标题.
    CHECK(onlyProblem(SheetKind::Guide, "序号,标题,骗术,应对\n1,a,b,c\n") ==
          "guide.csv:1:识破: 缺少必需的列“识破”，请在第一行加上这一列的标题");
}

TEST_CASE("columns split by something other than a comma are one problem saying so", "[sheets]")
{
    const std::string advice = "不是英文逗号“,”，所以一列也认不出来。请在 Excel 或 WPS 里打开它，"
                               "用“另存为”选择“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”保存";
    CHECK(onlyProblem(SheetKind::Activities, "日期;开始;活动\n每天;9:00;晨练\n") ==
          "activities.csv:1: 各列是用分号“;”分开的，" + advice);
    CHECK(onlyProblem(SheetKind::Activities, "日期\t开始\t活动\n每天\t9:00\t晨练\n") ==
          "activities.csv:1: 各列是用制表符（Tab）分开的，" + advice);
    CHECK(onlyProblem(SheetKind::Contacts, "名称，电话\n急救，120\n") ==
          "contacts.csv:1: 各列是用中文逗号“，”分开的，" + advice);
    // A semicolon inside one header cell that names no columns is just a strange header.
    CHECK(onlyProblem(SheetKind::Notices, "说明;备注\nx\n") ==
          "notices.csv:1:标题: 缺少必需的列“标题”，请在第一行加上这一列的标题");
}

TEST_CASE("a header-only sheet is present and empty", "[sheets]")
{
    const ReadResult result = readSheet(SheetKind::Meals, "日期,餐次,菜品\r\n");
    CHECK(result.problems.empty());
    REQUIRE(result.update.meals.has_value());
    CHECK(result.update.meals->empty());
}

TEST_CASE("empty required cells are reported with their row, counting blank rows", "[sheets]")
{
    const ReadResult result = readSheet(SheetKind::Activities, "日期,开始,活动,备注\n"
                                                               "2026-06-03,9:00,太极,\n"
                                                               "\n"
                                                               ",,,\n"
                                                               "2026-06-03,,书法,\n"
                                                               ",,,只在未知列里有字\n"
                                                               ",10:00,,\n");
    CHECK_FALSE(result.update.has(SheetKind::Activities));
    CHECK(result.lines() == Lines{"activities.csv:5:开始: “开始”这一格是空的，这一列必须填写",
                                  "activities.csv:7:日期: “日期”这一格是空的，这一列必须填写",
                                  "activities.csv:7:活动: “活动”这一格是空的，这一列必须填写"});
}

TEST_CASE("activity values: dates, repeats, times and their problems", "[sheets]")
{
    const Content ok = readClean(SheetKind::Activities, "日期,开始,结束,活动\n"
                                                        "2026/6/3,9:00,09:30:00,a\n"
                                                        "2026年6月3日,9：00,,b\n"
                                                        "2026/6/3 0:00,09:00,,c\n"
                                                        "2026-06-03 00:00:00,9:00,,d\n"
                                                        "2026.6.3,9:00,,e\n"
                                                        "每天,9:00,,f\n"
                                                        "工作日,9:00,,g\n"
                                                        "周末,9:00,,h\n"
                                                        "星期天,9:00,,i\n"
                                                        "\"周一,周三\",9:00,,j\n"
                                                        "礼拜二,9:00,9:00,k\n");
    REQUIRE(ok.activities.size() == 11);
    for (int i = 0; i < 5; ++i) CHECK(ok.activities[i].day == DaySpec{ymd(2026, 6, 3), {}});
    CHECK(ok.activities[0].end == 570);
    CHECK(ok.activities[5].day.repeat == kEveryDay);
    CHECK(ok.activities[6].day.repeat == kWorkdays);
    CHECK(ok.activities[7].day.repeat == kWeekend);
    CHECK(ok.activities[8].day.repeat == WeeklyRepeat{0x40});
    CHECK(ok.activities[9].day.repeat == WeeklyRepeat{0x05});
    CHECK(ok.activities[10].day.repeat == WeeklyRepeat{0x02});

    const ReadResult bad = readSheet(SheetKind::Activities, "日期,开始,结束,活动\n"
                                                            "2026-06-03,9:00,10:00,好的\n"
                                                            "2026-13-45,9:00,,a\n"
                                                            "2026-02-30,25:00,,b\n"
                                                            "每周八,9:00,8:00,c\n");
    CHECK_FALSE(bad.update.has(SheetKind::Activities));
    CHECK(bad.lines() ==
          Lines{"activities.csv:3:日期: 无法识别的日期“2026-13-45”，请写成 2026-06-03、2026/6/3 或 2026年6月3日，"
                "或写每天、工作日、每周一等",
                "activities.csv:4:日期: 无法识别的日期“2026-02-30”，请写成 2026-06-03、2026/6/3 或 2026年6月3日，"
                "或写每天、工作日、每周一等",
                "activities.csv:4:开始: 无法识别的时间“25:00”，请写成 9:00 或 14:30 这样的24小时制时间",
                "activities.csv:5:日期: 无法识别的日期“每周八”，请写成 2026-06-03、2026/6/3 或 2026年6月3日，"
                "或写每天、工作日、每周一等",
                "activities.csv:5:结束: 结束时间 08:00 早于开始时间 09:00，请检查这两个时间"});
}

TEST_CASE("a date whose weekday is not its own says both", "[sheets]")
{
    const Content ok = readClean(SheetKind::Notices, "标题,开始日期\n停水,2026年6月3日星期三\n");
    CHECK(ok.notices[0].from == ymd(2026, 6, 3));
    CHECK(onlyProblem(SheetKind::Notices, "标题,开始日期\n停水,2026年6月3日星期四\n") ==
          "notices.csv:2:开始日期: 日期和星期对不上：2026年6月3日是星期三，这一格写的是星期四，请改正其中一个");
    CHECK(onlyProblem(SheetKind::Activities, "日期,开始,活动\n2026/6/3 周五,9:00,太极\n") ==
          "activities.csv:2:日期: 日期和星期对不上：2026年6月3日是星期三，这一格写的是星期五，请改正其中一个");
}

TEST_CASE("a time range in one cell gets its own advice", "[sheets]")
{
    CHECK(onlyProblem(SheetKind::Activities, "日期,开始,活动\n每天,9:00-10:30,a\n") ==
          "activities.csv:2:开始: "
          "这一格只写一个时间，“9:00-10:30”是一段时间；请把开始时间写在“开始”，结束时间写在“结束”");
    CHECK(onlyProblem(SheetKind::Lectures, "日期,开始,主题\n2026-06-03,9点至10点,a\n") ==
          "lectures.csv:2:开始: 这一格只写一个时间，“9点至10点”是一段时间；请把开始时间写在“开始”，结束时间写在“结束”");
}

TEST_CASE("a very long bad cell is cut short in the message", "[sheets]")
{
    // Under the cell length limit (limits::kMaxShortCellChars), far over what a message quotes.
    const std::string longDate(150, '9');
    const std::string line = onlyProblem(SheetKind::Activities, "日期,开始,活动\n" + longDate + ",9:00,a\n");
    CHECK(line.size() < 250);
    CHECK(line.find("…”") != std::string::npos);
}

TEST_CASE("meal values: kinds, dishes, prices, tags", "[sheets]")
{
    const Content ok = readClean(SheetKind::Meals,
                                 "备注,标签,价格,菜品,餐次,日期\n"
                                 "软一点,软烂、低盐 低糖,12,\"米饭、红烧肉，青菜,汤；粥;馒头\n花卷\",午餐,2026-06-03\n"
                                 ",,12.5,粥,早,每天\n"
                                 ",,12元,面条,晚饭,周一\n"
                                 ",,￥12,水果,加餐,周末\n"
                                 ",,12.50元,包子,早饭,工作日\n"
                                 ",,,饺子,晚餐,2026/6/3\n");
    REQUIRE(ok.meals.size() == 6);
    const Meal& lunch = ok.meals[0];
    CHECK(lunch.kind == MealKind::Lunch);
    CHECK(lunch.dishes == std::vector<std::string>{"米饭", "红烧肉", "青菜", "汤", "粥", "馒头", "花卷"});
    CHECK(lunch.tags == std::vector<std::string>{"软烂", "低盐", "低糖"});
    CHECK(lunch.priceCents == 1200);
    CHECK(lunch.note == "软一点");
    CHECK(ok.meals[1].kind == MealKind::Breakfast);
    CHECK(ok.meals[1].priceCents == 1250);
    CHECK(ok.meals[1].day.repeat == kEveryDay);
    CHECK(ok.meals[2].kind == MealKind::Dinner);
    CHECK(ok.meals[2].priceCents == 1200);
    CHECK(ok.meals[3].kind == MealKind::Snack);
    CHECK(ok.meals[3].priceCents == 1200);
    CHECK(ok.meals[4].priceCents == 1250);
    CHECK_FALSE(ok.meals[5].priceCents.has_value());
    CHECK(ok.meals[5].tags.empty());

    const ReadResult bad = readSheet(SheetKind::Meals, "日期,餐次,菜品,价格\n"
                                                       "2026-06-03,宵夜,粥,12.555\n"
                                                       "2026-06-03,午餐,、，,十二元\n");
    CHECK(bad.lines() == Lines{"meals.csv:2:餐次: 无法识别的餐次“宵夜”，请写早餐、午餐、晚餐或加餐",
                               "meals.csv:2:价格: 无法识别的价格“12.555”，请写成 12、12.5 或 12元",
                               "meals.csv:3:菜品: “菜品”里没有菜名，请写上菜名，用顿号“、”隔开",
                               "meals.csv:3:价格: 无法识别的价格“十二元”，请写成 12、12.5 或 12元"});
}

TEST_CASE("lecture values: real dates only, kinds", "[sheets]")
{
    const Content ok = readClean(SheetKind::Lectures, "主题,日期,开始,类型,主讲,单位,地点,说明,结束\n"
                                                      "血压,2026-06-10,9:30,,王医生,卫生中心,二楼,带医保卡,11:00\n"
                                                      "义诊,2026-06-11,9:30,义诊,,,,,\n"
                                                      "体检,2026-06-12,9:30,体检,,,,,\n"
                                                      "其他,2026-06-13,9:30,其它,,,,,\n");
    REQUIRE(ok.lectures.size() == 4);
    CHECK(ok.lectures[0].kind == LectureKind::Lecture);
    CHECK(ok.lectures[0].date == ymd(2026, 6, 10));
    CHECK(ok.lectures[0].end == 660);
    CHECK(ok.lectures[0].speaker == "王医生");
    CHECK(ok.lectures[0].unit == "卫生中心");
    CHECK(ok.lectures[0].place == "二楼");
    CHECK(ok.lectures[0].note == "带医保卡");
    CHECK(ok.lectures[1].kind == LectureKind::Clinic);
    CHECK(ok.lectures[2].kind == LectureKind::Checkup);
    CHECK(ok.lectures[3].kind == LectureKind::Other);

    const ReadResult bad = readSheet(SheetKind::Lectures, "日期,开始,主题,类型\n"
                                                          "每周一,9:00,a,讲座\n"
                                                          "2026-06-10,9:00,b,座谈\n");
    CHECK(bad.lines() ==
          Lines{"lectures.csv:2:日期: 这里要写具体日期，不能写“每周一”这样的每周重复；"
                "请写成 2026-06-03、2026/6/3 或 2026年6月3日",
                "lectures.csv:3:类型: 无法识别的类型“座谈”，请写讲座、义诊、体检或其他（空着就是讲座）"});
}

TEST_CASE("notice values: optional dates and yes/no flags", "[sheets]")
{
    const Content ok = readClean(SheetKind::Notices, "标题,正文,开始日期,结束日期,置顶,紧急\n"
                                                     "停水,明天停水,2026-06-03,2026-06-04,是,Y\n"
                                                     "长期,,,,,\n"
                                                     "同一天,,2026-06-03,2026/6/3,TRUE,0\n");
    REQUIRE(ok.notices.size() == 3);
    CHECK(ok.notices[0].from == ymd(2026, 6, 3));
    CHECK(ok.notices[0].to == ymd(2026, 6, 4));
    CHECK(ok.notices[0].pinned);
    CHECK(ok.notices[0].urgent);
    CHECK_FALSE(ok.notices[1].from.has_value());
    CHECK_FALSE(ok.notices[1].to.has_value());
    CHECK_FALSE(ok.notices[1].pinned);
    CHECK_FALSE(ok.notices[1].urgent);
    CHECK(ok.notices[2].pinned);
    CHECK_FALSE(ok.notices[2].urgent);

    const ReadResult bad = readSheet(SheetKind::Notices, "标题,开始日期,结束日期,置顶,紧急\n"
                                                         "a,2026-06-05,2026-06-04,也许,\n"
                                                         ",明天,,,\n");
    CHECK(bad.lines() ==
          Lines{"notices.csv:2:结束日期: 结束日期 2026-06-04 早于开始日期 2026-06-05，请检查这两个日期",
                "notices.csv:2:置顶: 无法识别“也许”，“置顶”请写“是”或“否”（也可以写 Y/N、1/0，空着就是否）",
                "notices.csv:3:标题: “标题”这一格是空的，这一列必须填写",
                "notices.csv:3:开始日期: 无法识别的日期“明天”，请写成 2026-06-03、2026/6/3 或 2026年6月3日；"
                "不限日期就空着"});
}

TEST_CASE("guide rows are ordered by 序号, stably", "[sheets]")
{
    const Content ok = readClean(SheetKind::Guide, "序号,标题,识破\n"
                                                   "3,c,x\n"
                                                   "1,a,x\n"
                                                   ",a2,x\n"
                                                   "2,b,x\n"
                                                   "1,a3,x\n");
    std::vector<std::string> titles;
    for (const GuideEntry& g : ok.guide) titles.push_back(g.title);
    CHECK(titles == std::vector<std::string>{"a", "a2", "a3", "b", "c"});
    CHECK(onlyProblem(SheetKind::Guide, "序号,标题,识破\n第一,a,x\n") ==
          "guide.csv:2:序号: 序号“第一”不是整数，请写 1、2、3 这样的数字");
}

TEST_CASE("station rows keep unknown keys and blank values; a blank 项目 is an error", "[sheets]")
{
    const Content ok = readClean(SheetKind::Station, "项目,内容\n站点名称,幸福里\n微信公众号,xfl\n");
    CHECK(ok.station.name() == "幸福里");
    CHECK(ok.station.value("微信公众号") == "xfl");
    CHECK(onlyProblem(SheetKind::Station, "项目,内容\n,幸福里\n") ==
          "station.csv:2:项目: “项目”这一格是空的，请写上项目名称，如站点名称、欢迎语、地址、开放时间、值班电话");
    // SPEC requires no 内容 in a row: an optional key left blank is simply not set.
    const Content blank =
        readClean(SheetKind::Station, "项目,内容\n二维码,\n站点名称,幸福里\n二维码说明,\n二维码,https://x.cn\n");
    CHECK(blank.station.entries.size() == 4);
    CHECK(blank.station.name() == "幸福里");
    CHECK(blank.station.qrCode() == "https://x.cn");
    CHECK(blank.station.qrCaption().empty());
}

TEST_CASE("contacts need a name and a phone", "[sheets]")
{
    const Content ok = readClean(SheetKind::Contacts, "类别,说明,电话,名称\n紧急,急救,120,急救中心\n");
    REQUIRE(ok.contacts.size() == 1);
    CHECK(ok.contacts[0] == Contact{"急救中心", "120", "急救", "紧急"});
    CHECK(onlyProblem(SheetKind::Contacts, "名称,电话\n居委会,\n") ==
          "contacts.csv:2:电话: “电话”这一格是空的，这一列必须填写");
}

TEST_CASE("a duplicate header is an error naming both columns", "[sheets]")
{
    CHECK(onlyProblem(SheetKind::Contacts, "名称,电话,名称\n甲,1,乙\n") ==
          "contacts.csv:1:名称: 第 A 列和第 C 列的标题都是“名称”，请删掉其中一列，或把不用的那一列改成别的标题");
    // Far to the right, named as Excel names it; a duplicate column nobody reads is no problem.
    std::string header = "名称,电话";
    for (int i = 0; i < 25; ++i) header += ",备注";
    CHECK(onlyProblem(SheetKind::Contacts, header + ",电话\n甲,1\n").find("第 B 列和第 AB 列") != std::string::npos);
}

TEST_CASE("a CSV problem keeps the whole sheet out", "[sheets]")
{
    const ReadResult result = readSheet(SheetKind::Contacts, "名称,电话\n甲,1\n乙,\"2\n");
    CHECK_FALSE(result.update.has(SheetKind::Contacts));
    CHECK(result.lines() == Lines{"contacts.csv:3:电话: 引号没有配对：这一格以英文双引号 \" 开头，但直到文件末尾都没有"
                                  "结束的引号。请在这一格内容的末尾补上 \"，或删掉开头的 \""});
}

TEST_CASE("problems per table are capped", "[sheets]")
{
    std::string csv = "日期,开始,活动\n";
    for (int i = 0; i < 3000; ++i) csv += "x,9:00,a\n";
    const ReadResult result = readSheet(SheetKind::Activities, csv);
    // Every problem is counted, the first limits::kMaxProblemsKept are kept, the rest summed up.
    REQUIRE(result.problems.size() == 3000);
    REQUIRE(result.problems.kept().size() == limits::kMaxProblemsKept);
    CHECK(result.problems[199].row == 201);
    CHECK(result.problems.lines().size() == limits::kMaxProblemsKept + 1);
    CHECK(result.problems.lines().back() == "还有 2800 个问题没有列出，请先改正上面的问题再检查一次");
}

TEST_CASE("every template sheet reads back with one example row", "[sheets]")
{
    for (SheetKind kind : kAllSheetKinds) {
        INFO(sheetFileName(kind));
        const Date today = ymd(2026, 12, 1);
        const std::string csv = templateSheet(kind, today);
        CHECK(csv.starts_with("\xEF\xBB\xBF"));
        const Content content = readClean(kind, csv);
        CHECK(content.rowCount(kind) == 1);
        // The dated examples are not past on the day they are written.
        if (kind == SheetKind::Lectures) CHECK(content.lectures[0].date == ymd(2026, 12, 8));
        if (kind == SheetKind::Notices) {
            CHECK(content.notices[0].from == today);
            CHECK(content.notices[0].to == ymd(2026, 12, 15));
        }
        Problems problems;
        const SheetTable table = parseCsv(*decodeSheetText(csv), sheetFileName(kind), problems);
        CHECK(table.header == sheetHeader(kind));
    }
}

TEST_CASE("export reads back to identical content for every sheet kind", "[sheets]")
{
    Content content;
    content.station.entries = {{"站点名称", "幸福里, \"第一\"站"}, {"欢迎语", "欢迎\n常来坐坐"}, {"自定义项", "值"}};
    content.activities = {
        Activity{DaySpec{ymd(2026, 6, 3), {}}, 540, 630, "太极, 拳", "一楼\"大\"厅", "第一行\n第二行", "文体"},
        Activity{DaySpec{std::nullopt, kEveryDay}, 0, std::nullopt, "早操", "", "", ""},
        Activity{DaySpec{std::nullopt, kWorkdays}, 1439, std::nullopt, "值班", "", "", ""},
        Activity{DaySpec{std::nullopt, WeeklyRepeat{0x45}}, 840, 900, "书法", "二楼", "", "学习"},
    };
    content.meals = {
        Meal{DaySpec{ymd(2026, 6, 3), {}}, MealKind::Lunch, {"红烧肉", "青菜"}, 1250, {"软烂", "低盐"}, "备注, 有逗号"},
        Meal{DaySpec{std::nullopt, kWeekend}, MealKind::Snack, {"水果"}, std::nullopt, {}, ""},
        Meal{DaySpec{std::nullopt, WeeklyRepeat{0x01}}, MealKind::Breakfast, {"粥"}, 5, {}, ""},
        Meal{DaySpec{std::nullopt, kEveryDay}, MealKind::Dinner, {"面"}, 0, {"低糖"}, ""},
    };
    content.lectures = {
        Lecture{ymd(2026, 6, 10), 570, 660, LectureKind::Clinic, "血压\"管理\"", "王医生", "卫生中心", "二楼",
                "带卡\n带药"},
        Lecture{ymd(2026, 12, 31), 600, std::nullopt, LectureKind::Other, "其他", "", "", "", ""},
        Lecture{ymd(2027, 1, 1), 600, std::nullopt, LectureKind::Lecture, "讲座", "", "", "", ""},
        Lecture{ymd(2027, 1, 2), 600, std::nullopt, LectureKind::Checkup, "体检", "", "", "", ""},
    };
    content.notices = {
        Notice{"停水", "明天, 停水\n请储水", ymd(2026, 6, 3), ymd(2026, 6, 4), true, false},
        Notice{"长期", "", std::nullopt, std::nullopt, false, true},
        Notice{"只有开始", "", ymd(2026, 6, 3), std::nullopt, false, false},
    };
    content.guide = {
        GuideEntry{1, "冒充\"医保局\"", "打电话,说退费", "不要验证码", "挂断"},
        GuideEntry{1, "同序号", "", "x", ""},
        GuideEntry{7, "七", "", "y", ""},
    };
    content.contacts = {Contact{"急救中心", "120", "说明, 有逗号", "紧急"}, Contact{"居委会", "010-12345678", "", ""}};

    Content back;
    for (SheetKind kind : kAllSheetKinds) {
        INFO(sheetFileName(kind));
        const std::string csv = exportSheet(kind, content);
        CHECK(csv.starts_with("\xEF\xBB\xBF"));
        CHECK(csv.ends_with("\r\n"));
        ReadResult result = readSheet(kind, csv);
        for (const std::string& line : result.lines()) UNSCOPED_INFO(line);
        REQUIRE(result.problems.empty());
        back = result.update.appliedTo(back);
        CHECK(result.update.appliedTo(Content{}).rowCount(kind) == content.rowCount(kind));
    }
    CHECK(back == content);
    CHECK(exportSheet(SheetKind::Meals, back) == exportSheet(SheetKind::Meals, content));
    CHECK(sheetCells(SheetKind::Activities, content)[3][0] == "每周一、每周三、每周日");
    CHECK(sheetCells(SheetKind::Meals, content)[0][3] == "12.5");
    CHECK(sheetCells(SheetKind::Notices, content)[0][4] == "是");
}

TEST_CASE("export neutralises formulas for Excel and reads them back exactly", "[sheets][export]")
{
    const std::vector<std::string> hostile = {
        "=HYPERLINK(\"http://evil.example/\",\"点这里领退休金\")",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "'=already quoted by staff",
        "''@two quotes",
        "'plain text after a quote",
        "=",
    };
    Content content;
    for (const std::string& text : hostile) content.notices.push_back(Notice{text, text, {}, {}, false, false});
    content.contacts = {Contact{"国际长途", "+86 138 0000 0000", "-1", "服务"}, Contact{"+1 (800) 号码", "1", "", ""}};
    content.guide = {GuideEntry{-1, "排在最前", "", "识破", ""}};

    const std::string notices = exportSheet(SheetKind::Notices, content);
    // No data cell starts a formula any more.
    const SheetTable raw = [&] {
        // Read the cells as Excel would see them: without taking the quote off again.
        SheetTable table;
        std::string text = *decodeSheetText(notices);
        size_t line = text.find("\r\n") + 2;
        for (size_t end; (end = text.find("\r\n", line)) != std::string::npos; line = end + 2)
            table.rows.push_back(SheetRow{0, {text.substr(line, end - line)}});
        return table;
    }();
    REQUIRE(raw.rows.size() >= hostile.size());
    for (const SheetRow& row : raw.rows) {
        INFO(row.cells[0]);
        const char first = row.cells[0].front() == '"' ? row.cells[0][1] : row.cells[0].front();
        CHECK(std::string_view("=+-@").find(first) == std::string_view::npos);
    }
    CHECK(notices.find("'=HYPERLINK(") != std::string::npos);
    CHECK(notices.find("'+cmd|") != std::string::npos);
    CHECK(notices.find("'''@two quotes") != std::string::npos);
    // Phone numbers and negative numbers are plain numbers: left as staff typed them.
    const std::string contacts = exportSheet(SheetKind::Contacts, content);
    CHECK(contacts.find(",+86 138 0000 0000,-1,") != std::string::npos);
    CHECK(contacts.find("'+1 (800) 号码") != std::string::npos);
    CHECK(exportSheet(SheetKind::Guide, content).find("\r\n-1,") != std::string::npos);

    // The round trip is exact.
    Content back;
    for (SheetKind kind : {SheetKind::Notices, SheetKind::Contacts, SheetKind::Guide}) {
        ReadResult result = readSheet(kind, exportSheet(kind, content));
        for (const std::string& line : result.lines()) UNSCOPED_INFO(line);
        REQUIRE(result.problems.empty());
        back = result.update.appliedTo(back);
    }
    CHECK(back.notices == content.notices);
    CHECK(back.contacts == content.contacts);
    CHECK(back.guide == content.guide);
    // A cell staff typed with a quote before a formula start keeps it when there is one too many.
    CHECK(formulaCellText("'=x") == "=x");
    CHECK(formulaCellText("'x") == "'x");
    CHECK(formulaSafeCell("'x") == "'x");
}

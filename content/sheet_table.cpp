// Typed rows from sheet tables, and the canonical sheets written back out.
#include "content/sheet_table.h"

#include "content/limits.h"
#include "content/recording.h"
#include "content/sheet_text.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <functional>

namespace content {

namespace {

const std::u32string_view kDishSeparators = U"、，,；;";
const std::u32string_view kTagSeparators = U"、，,；; \u3000";

constexpr std::string_view kDateForms = "请写成 2026-06-03、2026/6/3 或 2026年6月3日";
constexpr std::string_view kRepeatForms = "，或写每天、工作日、每周一等";

// A cell quoted in a message, cut short so a huge cell cannot flood the report.
std::string quoted(std::string_view cell)
{
    constexpr size_t kMaxChars = 40;
    std::string out = "“";
    size_t pos = 0;
    size_t chars = 0;
    while (pos < cell.size() && chars < kMaxChars) {
        const size_t start = pos;
        nextCodePoint(cell, pos);
        out.append(cell.substr(start, pos - start));
        ++chars;
    }
    if (pos < cell.size()) out += "…";
    out += "”";
    return out;
}

// Characters (code points) of UTF-8 text.
size_t charCount(std::string_view text)
{
    size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
}

// A column as Excel names it: 0 → A, 25 → Z, 26 → AA.
std::string columnLetters(size_t index)
{
    std::string letters;
    for (size_t n = index + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), char('A' + (n - 1) % 26));
    return letters;
}

// 9:00-10:30 written into one time cell.
bool looksLikeTimeRange(std::string_view cell)
{
    for (std::string_view dash : {"-", "~", "—", "～", "至", "到", "－"}) {
        const size_t at = cell.find(dash);
        if (at == std::string_view::npos || at == 0) continue;
        if (parseTime(cell.substr(0, at)) && parseTime(cell.substr(at + dash.size()))) return true;
    }
    return false;
}

// A header whose columns were split by something other than an ASCII comma (a semicolon from a
// European Excel, a tab from "Text (Tab delimited)", a Chinese comma typed in Notepad) is one
// cell holding several header names: the name of that separator, or nothing.
std::optional<std::string> wrongSeparator(const std::vector<std::string>& header, const std::vector<std::string>& names)
{
    static const std::array<std::pair<std::string_view, std::string_view>, 5> kSeparators = {{
        {";", "分号“;”"},
        {"\xEF\xBC\x9B", "中文分号“；”"},
        {"\t", "制表符（Tab）"},
        {"\xEF\xBC\x8C", "中文逗号“，”"},
        {"|", "竖线“|”"},
    }};
    for (const std::string& cell : header) {
        for (const auto& [separator, separatorName] : kSeparators) {
            if (cell.find(separator) == std::string::npos) continue;
            int known = 0;
            size_t start = 0;
            for (;;) {
                const size_t end = cell.find(separator, start);
                const std::string_view piece = trimCell(std::string_view(cell).substr(start, end - start));
                known += std::find(names.begin(), names.end(), piece) != names.end();
                if (end == std::string::npos) break;
                start = end + separator.size();
            }
            if (known >= 2) return std::string(separatorName);
        }
    }
    return std::nullopt;
}

// 2026年6月3日星期四: the date and its weekday disagree, and only staff know which is right.
std::optional<std::string> weekdayMismatchText(std::string_view cell)
{
    const auto mismatch = dateWeekdayMismatch(cell);
    if (!mismatch) return std::nullopt;
    return "日期和星期对不上：" + formatDateChinese(mismatch->date) + "是" + weekdayName(weekdayIndex(mismatch->date)) +
           "，这一格写的是" + weekdayName(mismatch->written) + "，请改正其中一个";
}

class ProblemSink {
public:
    ProblemSink(std::string file, Problems& problems) : m_file(std::move(file)), m_problems(problems) {}

    void add(int row, std::string column, std::string message)
    {
        ++m_count;
        // Problems keeps the first ones and counts the rest.
        m_problems.push_back({m_file, row, std::move(column), std::move(message)});
    }
    size_t count() const { return m_count; }

private:
    std::string m_file;
    Problems& m_problems;
    size_t m_count = 0;
};

// One data row with its cells found by header name. Columns are indexes into sheetHeader(kind).
class RowCells {
public:
    RowCells(const SheetRow& row, const std::vector<int>& columnIndex, const std::vector<std::string>& names,
             ProblemSink& sink)
        : m_row(row), m_columnIndex(columnIndex), m_names(names), m_sink(sink)
    {
    }

    bool hasColumn(int column) const { return m_columnIndex[column] >= 0; }

    std::string_view text(int column) const
    {
        const int index = m_columnIndex[column];
        if (index < 0 || static_cast<size_t>(index) >= m_row.cells.size()) return {};
        return trimCell(m_row.cells[index]);
    }

    bool blank() const
    {
        for (size_t column = 0; column < m_columnIndex.size(); ++column) {
            if (!text(static_cast<int>(column)).empty()) return false;
        }
        return true;
    }

    void problem(int column, std::string message) { m_sink.add(m_row.number, m_names[column], std::move(message)); }

    // A required cell that is present; reports it when the column exists but the cell is empty.
    bool require(int column)
    {
        if (!hasColumn(column) || !text(column).empty()) return true;
        problem(column, "“" + m_names[column] + "”这一格是空的，这一列必须填写");
        return false;
    }

    // The cell read by `parse` (which gives an optional): a blank cell is nothing and no problem
    // (requireAll reports a required one); one `parse` refuses is the problem `why(cell)`.
    template <class Parse, class Why>
    auto optionalCell(int column, bool& ok, Parse parse, Why why) -> decltype(parse(std::string_view()))
    {
        const std::string_view cell = text(column);
        if (cell.empty()) return std::nullopt;
        if (auto value = parse(cell)) return value;
        problem(column, why(cell));
        ok = false;
        return std::nullopt;
    }

    // A date or a weekly repeat; a repeat where a date is wanted is a problem too.
    std::optional<DaySpec> daySpec(int column, bool repeatAllowed, bool& ok)
    {
        const auto wanted = [&](std::string_view cell) {
            const auto spec = parseDaySpec(cell);
            return spec && (spec->date || repeatAllowed) ? spec : std::nullopt;
        };
        return optionalCell(column, ok, wanted, [&](std::string_view cell) {
            if (auto mismatch = weekdayMismatchText(cell)) return *mismatch;
            if (parseDaySpec(cell))
                return "这里要写具体日期，不能写" + quoted(cell) + "这样的每周重复；" + std::string(kDateForms);
            return "无法识别的日期" + quoted(cell) + "，" + std::string(kDateForms) +
                   (repeatAllowed ? std::string(kRepeatForms) : std::string());
        });
    }

    std::optional<Date> optionalDate(int column, bool& ok)
    {
        return optionalCell(column, ok, parseDate, [](std::string_view cell) {
            if (auto mismatch = weekdayMismatchText(cell)) return *mismatch;
            return "无法识别的日期" + quoted(cell) + "，" + std::string(kDateForms) + "；不限日期就空着";
        });
    }

    std::optional<MinuteOfDay> time(int column, bool& ok)
    {
        return optionalCell(column, ok, parseTime, [](std::string_view cell) {
            if (looksLikeTimeRange(cell))
                return "这一格只写一个时间，" + quoted(cell) + "是一段时间；请把开始时间写在“开始”，结束时间写在“结束”";
            return "无法识别的时间" + quoted(cell) + "，请写成 9:00 或 14:30 这样的24小时制时间";
        });
    }

    bool yesNo(int column, bool& ok)
    {
        const std::string_view cell = text(column);
        if (const auto value = parseYesNo(cell)) return *value;
        problem(column, "无法识别" + quoted(cell) + "，“" + m_names[column] +
                            "”请写“是”或“否”（也可以写 Y/N、1/0，空着就是否）");
        ok = false;
        return false;
    }

    // A 录音 cell: blank, or a plain file name of a recording (found in the package later).
    std::string recording(int column, bool& ok)
    {
        const std::string_view cell = text(column);
        if (cell.empty()) return {};
        std::string problemText = recordingNameProblem(cell);
        if (problemText.empty()) return std::string(cell);
        problem(column, problemText + "，现在写的是" + quoted(cell));
        ok = false;
        return {};
    }

    // When a row happens (activities, lectures): its day, start and end, each read as above,
    // and the end not before the start (reported at the end column).
    struct When {
        std::optional<DaySpec> day;
        std::optional<MinuteOfDay> start;
        std::optional<MinuteOfDay> end;
    };
    When when(int dayColumn, bool repeatAllowed, int startColumn, int endColumn, bool& ok)
    {
        // Braces read the cells in order, so the problems stand in column order.
        When w{daySpec(dayColumn, repeatAllowed, ok), time(startColumn, ok), time(endColumn, ok)};
        if (w.start && w.end && *w.end < *w.start) {
            problem(endColumn, "结束时间 " + formatTime(*w.end) + " 早于" + m_names[startColumn] + "时间 " +
                                   formatTime(*w.start) + "，请检查这两个时间");
            ok = false;
        }
        return w;
    }

private:
    const SheetRow& m_row;
    const std::vector<int>& m_columnIndex;
    const std::vector<std::string>& m_names;
    ProblemSink& m_sink;
};

std::optional<MealKind> parseMealKind(std::string_view cell)
{
    static const std::array<std::pair<std::string_view, MealKind>, 17> kNames = {{
        {"早餐", MealKind::Breakfast},
        {"早饭", MealKind::Breakfast},
        {"早", MealKind::Breakfast},
        {"早点", MealKind::Breakfast},
        {"午餐", MealKind::Lunch},
        {"午饭", MealKind::Lunch},
        {"午", MealKind::Lunch},
        {"中餐", MealKind::Lunch},
        {"中饭", MealKind::Lunch},
        {"中午", MealKind::Lunch},
        {"晚餐", MealKind::Dinner},
        {"晚饭", MealKind::Dinner},
        {"晚", MealKind::Dinner},
        {"晚上", MealKind::Dinner},
        {"加餐", MealKind::Snack},
        {"点心", MealKind::Snack},
        {"加", MealKind::Snack},
    }};
    for (const auto& [name, kind] : kNames) {
        if (cell == name) return kind;
    }
    return std::nullopt;
}

std::optional<LectureKind> parseLectureKind(std::string_view cell)
{
    if (cell.empty() || cell == "讲座") return LectureKind::Lecture;
    if (cell == "义诊") return LectureKind::Clinic;
    if (cell == "体检") return LectureKind::Checkup;
    if (cell == "其他" || cell == "其它") return LectureKind::Other;
    return std::nullopt;
}

// 12, 12.5, 12.50元, ￥12, 免费 → cents.
std::optional<int> parsePriceCents(std::string_view cell)
{
    std::string s(trimCell(toHalfWidth(cell)));
    if (s == "免费") return 0;
    std::string_view v = s;
    for (std::string_view prefix : {"\xEF\xBF\xA5" /* ￥ */, "\xC2\xA5" /* ¥ */, "RMB", "rmb"}) {
        if (v.starts_with(prefix)) {
            v.remove_prefix(prefix.size());
            break;
        }
    }
    for (std::string_view suffix : {"元/份", "/份", "元", "块"}) {
        if (v.ends_with(suffix)) {
            v.remove_suffix(suffix.size());
            break;
        }
    }
    v = trimCell(v);
    const size_t dot = v.find('.');
    const std::string_view whole = v.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : v.substr(dot + 1);
    if (whole.empty() || whole.size() > 5) return std::nullopt;
    if (dot != std::string_view::npos && (fraction.empty() || fraction.size() > 2)) return std::nullopt;
    int cents = 0;
    for (char c : whole) {
        if (c < '0' || c > '9') return std::nullopt;
        cents = cents * 10 + (c - '0');
    }
    cents *= 100;
    int scale = 10;
    for (char c : fraction) {
        if (c < '0' || c > '9') return std::nullopt;
        cents += (c - '0') * scale;
        scale /= 10;
    }
    return cents;
}

// 1, 2, 3 … (Excel may show 1.0 for a number cell; that is taken too).
std::optional<int> parseOrder(std::string_view cell)
{
    std::string s(trimCell(toHalfWidth(cell)));
    std::string_view v = s;
    if (v.ends_with(".0")) v.remove_suffix(2);
    bool negative = false;
    if (v.starts_with('-')) {
        negative = true;
        v.remove_prefix(1);
    }
    if (v.empty() || v.size() > 6) return std::nullopt;
    int value = 0;
    for (char c : v) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
}

std::string optionalTime(const std::optional<MinuteOfDay>& minute)
{
    return minute ? formatTime(*minute) : std::string();
}

std::string optionalDate(const std::optional<Date>& date)
{
    return date ? formatDate(*date) : std::string();
}

const char* yesNoText(bool value)
{
    return value ? "是" : "否";
}

using Cells = std::vector<std::vector<std::string>>;

// Everything about one sheet kind, in one place: its header texts (SPEC order; the kind's
// column enum indexes them), which columns are required, how a row is read into the kind's
// list in a Content, how that list goes into an update, how a Content is written back as
// cells (which the reader reads back unchanged), and the example row `init` writes.
// A new column is one enum value, one header text and its lines in the reader and writer.
struct SheetSpec {
    SheetKind kind;
    std::vector<std::string> header;
    std::vector<int> required;
    // Columns of free text allowed limits::kMaxLongCellChars; the others kMaxShortCellChars.
    std::vector<int> longText;
    // Reads one non-blank row into `into`; reports its problems through `row` and adds nothing then.
    void (*readRow)(RowCells& row, Content& into);
    // Moves the kind's rows from `read` into `update`.
    void (*take)(Content& read, ContentUpdate& update);
    Cells (*cells)(const Content& content);
    std::vector<std::string> example;
    // The 录音 column, or -1 for a kind without recordings.
    int recordingColumn = -1;
};

// Each kind's columns, in the order of its header texts.
namespace station {
enum Column { Key, Value, ColumnCount };
}
namespace activities {
enum Column { Day, Start, End, Title, Place, Note, Category, ColumnCount };
}
namespace meals {
enum Column { Day, Kind, Dishes, Price, Tags, Note, ColumnCount };
}
namespace lectures {
enum Column { Date, Start, End, Kind, Title, Speaker, Unit, Place, Note, Audio, ColumnCount };
}
namespace notices {
enum Column { Title, Body, From, To, Pinned, Urgent, Audio, ColumnCount };
}
namespace guide {
enum Column { Order, Title, How, Spot, Do, Audio, ColumnCount };
}
namespace contacts {
enum Column { Name, Phone, Note, Category, QrCode, ColumnCount };
}

// Reports every empty required cell; true when there was none.
bool requireAll(RowCells& row, const std::vector<int>& required)
{
    bool ok = true;
    for (int column : required) ok = row.require(column) && ok;
    return ok;
}

const SheetSpec& spec(SheetKind kind);

// Sized by its entries, so a kind without one fails the static_assert below.
const SheetSpec kSpecs[] = {
    {
        SheetKind::Station,
        {"项目", "内容"},
        {station::Key, station::Value},
        {station::Value},
        [](RowCells& row, Content& into) {
            bool ok = true;
            if (row.hasColumn(station::Key) && row.text(station::Key).empty()) {
                row.problem(station::Key,
                            "“项目”这一格是空的，请写上项目名称，如站点名称、欢迎语、地址、开放时间、值班电话");
                ok = false;
            }
            // SPEC requires no 内容: a key left blank (二维码 with no link yet) is simply not set.
            if (ok) into.station.entries.emplace_back(row.text(station::Key), row.text(station::Value));
        },
        [](Content& read, ContentUpdate& update) { update.station = std::move(read.station); },
        [](const Content& content) {
            Cells rows;
            for (const auto& [key, value] : content.station.entries) rows.push_back({key, value});
            return rows;
        },
        {"站点名称", "幸福里社区养老服务站"},
    },
    {
        SheetKind::Activities,
        {"日期", "开始", "结束", "活动", "地点", "说明", "类别"},
        {activities::Day, activities::Start, activities::Title},
        {activities::Note},
        [](RowCells& row, Content& into) {
            using namespace activities;
            bool ok = requireAll(row, spec(SheetKind::Activities).required);
            const auto [day, start, end] = row.when(Day, true, Start, End, ok);
            if (!ok || !day || !start) return;
            into.activities.push_back(Activity{*day, *start, end, std::string(row.text(Title)),
                                               std::string(row.text(Place)), std::string(row.text(Note)),
                                               std::string(row.text(Category))});
        },
        [](Content& read, ContentUpdate& update) { update.activities = std::move(read.activities); },
        [](const Content& content) {
            Cells rows;
            for (const Activity& a : content.activities) {
                rows.push_back({formatDaySpec(a.day), formatTime(a.start), optionalTime(a.end), a.title, a.place,
                                a.note, a.category});
            }
            return rows;
        },
        {"每周一、每周三", "09:00", "10:30", "太极拳", "一楼活动室", "请穿运动鞋，自带水杯", "文体"},
    },
    {
        SheetKind::Meals,
        {"日期", "餐次", "菜品", "价格", "标签", "备注"},
        {meals::Day, meals::Kind, meals::Dishes},
        {meals::Dishes, meals::Note},
        [](RowCells& row, Content& into) {
            using namespace meals;
            bool ok = requireAll(row, spec(SheetKind::Meals).required);
            Meal meal;
            const auto day = row.daySpec(Day, true, ok);
            const std::string_view kindText = row.text(Kind);
            std::optional<MealKind> kind;
            if (!kindText.empty()) {
                kind = parseMealKind(kindText);
                if (!kind) {
                    row.problem(Kind, "无法识别的餐次" + quoted(kindText) + "，请写早餐、午餐、晚餐或加餐");
                    ok = false;
                }
            }
            meal.dishes = splitCellList(row.text(Dishes), kDishSeparators);
            if (meal.dishes.empty() && !row.text(Dishes).empty()) {
                row.problem(Dishes, "“菜品”里没有菜名，请写上菜名，用顿号“、”隔开");
                ok = false;
            }
            const std::string_view priceText = row.text(Price);
            if (!priceText.empty()) {
                meal.priceCents = parsePriceCents(priceText);
                if (!meal.priceCents) {
                    row.problem(Price, "无法识别的价格" + quoted(priceText) + "，请写成 12、12.5 或 12元");
                    ok = false;
                }
            }
            meal.tags = splitCellList(row.text(Tags), kTagSeparators);
            meal.note = row.text(Note);
            if (!ok || !day || !kind || meal.dishes.empty()) return;
            meal.day = *day;
            meal.kind = *kind;
            into.meals.push_back(std::move(meal));
        },
        [](Content& read, ContentUpdate& update) { update.meals = std::move(read.meals); },
        [](const Content& content) {
            Cells rows;
            for (const Meal& m : content.meals) {
                rows.push_back({formatDaySpec(m.day), mealKindName(m.kind), joinCellList(m.dishes, "、"),
                                m.priceCents ? formatPrice(*m.priceCents) : std::string(), joinCellList(m.tags, "、"),
                                m.note});
            }
            return rows;
        },
        {"工作日", "午餐", "红烧鸡块、清炒时蔬、冬瓜汤、米饭", "12", "软烂、低盐", "80岁以上老人凭证半价"},
    },
    {
        SheetKind::Lectures,
        {"日期", "开始", "结束", "类型", "主题", "主讲", "单位", "地点", "说明", "录音"},
        {lectures::Date, lectures::Start, lectures::Title},
        {lectures::Note},
        [](RowCells& row, Content& into) {
            using namespace lectures;
            bool ok = requireAll(row, spec(SheetKind::Lectures).required);
            const auto [day, start, end] = row.when(Date, false, Start, End, ok);
            const std::string_view kindText = row.text(Kind);
            const auto kind = parseLectureKind(kindText);
            if (!kind) {
                row.problem(Kind, "无法识别的类型" + quoted(kindText) + "，请写讲座、义诊、体检或其他（空着就是讲座）");
                ok = false;
            }
            std::string recording = row.recording(Audio, ok);
            if (!ok || !day || !start || !kind) return;
            into.lectures.push_back(Lecture{*day->date, *start, end, *kind, std::string(row.text(Title)),
                                            std::string(row.text(Speaker)), std::string(row.text(Unit)),
                                            std::string(row.text(Place)), std::string(row.text(Note)),
                                            std::move(recording)});
        },
        [](Content& read, ContentUpdate& update) { update.lectures = std::move(read.lectures); },
        [](const Content& content) {
            Cells rows;
            for (const Lecture& l : content.lectures) {
                rows.push_back({formatDate(l.date), formatTime(l.start), optionalTime(l.end), lectureKindName(l.kind),
                                l.title, l.speaker, l.unit, l.place, l.note, l.recording});
            }
            return rows;
        },
        // The date is set by templateSheet, a week after the day the template is written.
        {"", "09:30", "11:00", "义诊", "夏季血压管理", "王医生", "社区卫生服务中心", "二楼会议室",
         "请带上医保卡和近期在吃的药", ""},
        lectures::Audio,
    },
    {
        SheetKind::Notices,
        {"标题", "正文", "开始日期", "结束日期", "置顶", "紧急", "录音"},
        {notices::Title},
        {notices::Body},
        [](RowCells& row, Content& into) {
            using namespace notices;
            bool ok = requireAll(row, spec(SheetKind::Notices).required);
            Notice notice;
            notice.title = row.text(Title);
            notice.body = row.text(Body);
            notice.from = row.optionalDate(From, ok);
            notice.to = row.optionalDate(To, ok);
            if (notice.from && notice.to && *notice.to < *notice.from) {
                row.problem(To, "结束日期 " + formatDate(*notice.to) + " 早于开始日期 " + formatDate(*notice.from) +
                                    "，请检查这两个日期");
                ok = false;
            }
            notice.pinned = row.yesNo(Pinned, ok);
            notice.urgent = row.yesNo(Urgent, ok);
            notice.recording = row.recording(Audio, ok);
            if (ok) into.notices.push_back(std::move(notice));
        },
        [](Content& read, ContentUpdate& update) { update.notices = std::move(read.notices); },
        [](const Content& content) {
            Cells rows;
            for (const Notice& n : content.notices) {
                rows.push_back({n.title, n.body, optionalDate(n.from), optionalDate(n.to), yesNoText(n.pinned),
                                yesNoText(n.urgent), n.recording});
            }
            return rows;
        },
        // The dates are set by templateSheet, around the day the template is written.
        {"活动室维修通知", "活动室地面维修，这几天的活动改在二楼会议室，午餐照常供应。", "", "", "是", "否", ""},
        notices::Audio,
    },
    {
        SheetKind::Guide,
        {"序号", "标题", "骗术", "识破", "应对", "录音"},
        {guide::Title, guide::Spot},
        {guide::How, guide::Spot, guide::Do},
        [](RowCells& row, Content& into) {
            using namespace guide;
            bool ok = requireAll(row, spec(SheetKind::Guide).required);
            GuideEntry entry;
            const std::string_view orderText = row.text(Order);
            // A blank 序号 keeps the row right after the one above it.
            entry.order = into.guide.empty() ? 0 : into.guide.back().order;
            if (!orderText.empty()) {
                if (const auto order = parseOrder(orderText)) {
                    entry.order = *order;
                } else {
                    row.problem(Order, "序号" + quoted(orderText) + "不是整数，请写 1、2、3 这样的数字");
                    ok = false;
                }
            }
            entry.title = row.text(Title);
            entry.howItGoes = row.text(How);
            entry.howToSpot = row.text(Spot);
            entry.whatToDo = row.text(Do);
            entry.recording = row.recording(Audio, ok);
            if (ok) into.guide.push_back(std::move(entry));
        },
        [](Content& read, ContentUpdate& update) {
            std::stable_sort(read.guide.begin(), read.guide.end(),
                             [](const GuideEntry& a, const GuideEntry& b) { return a.order < b.order; });
            update.guide = std::move(read.guide);
        },
        [](const Content& content) {
            Cells rows;
            for (const GuideEntry& g : content.guide) {
                rows.push_back({std::to_string(g.order), g.title, g.howItGoes, g.howToSpot, g.whatToDo, g.recording});
            }
            return rows;
        },
        {"1", "冒充医保局“退费”", "对方自称医保局工作人员，说您的医保卡有一笔退费，要您说出银行卡号和验证码。",
         "医保局不会打电话要验证码，退钱也不用您先付钱。", "马上挂断，拨打 12393 医保热线核实，或问社区工作人员。", ""},
        guide::Audio,
    },
    {
        SheetKind::Contacts,
        {"名称", "电话", "说明", "类别", "二维码"},
        {contacts::Name, contacts::Phone},
        {contacts::Note},
        [](RowCells& row, Content& into) {
            using namespace contacts;
            if (!requireAll(row, spec(SheetKind::Contacts).required)) return;
            into.contacts.push_back(Contact{std::string(row.text(Name)), std::string(row.text(Phone)),
                                            std::string(row.text(Note)), std::string(row.text(Category)),
                                            std::string(row.text(QrCode))});
        },
        [](Content& read, ContentUpdate& update) { update.contacts = std::move(read.contacts); },
        [](const Content& content) {
            Cells rows;
            for (const Contact& c : content.contacts) rows.push_back({c.name, c.phone, c.note, c.category, c.qrCode});
            return rows;
        },
        {"急救中心", "120", "突发疾病或受伤时拨打", "紧急", ""},
    },
};

// Every kind has its entry (at its own index, with as many header texts as its column enum:
// checked by specsInStep).
static_assert(std::size(kSpecs) == size_t(kSheetKindCount), "one SheetSpec per SheetKind");
constexpr std::array<int, kSheetKindCount> kColumnCounts = {
    station::ColumnCount, activities::ColumnCount, meals::ColumnCount,   lectures::ColumnCount,
    notices::ColumnCount, guide::ColumnCount,      contacts::ColumnCount};

const SheetSpec& spec(SheetKind kind)
{
    return kSpecs[static_cast<size_t>(kind)];
}

// Checked on first use: a table out of step with its enum is a programmer error.
bool specsInStep()
{
    for (size_t i = 0; i < std::size(kSpecs); ++i) {
        const SheetSpec& s = kSpecs[i];
        if (static_cast<size_t>(s.kind) != i || s.header.size() != static_cast<size_t>(kColumnCounts[i]) ||
            s.example.size() != s.header.size())
            return false;
    }
    return true;
}

// A header cell as a column name: trimmed, and without what staff add to a name in their own
// templates: a second line, a note in brackets (价格（元）, 日期(必填)), a * marking it required.
std::string headerName(std::string_view cell)
{
    std::string_view name = trimCell(cell);
    if (const size_t lineBreak = name.find('\n'); lineBreak != std::string_view::npos)
        name = trimCell(name.substr(0, lineBreak));
    const auto dropStars = [&name] {
        while (name.ends_with("*") || name.ends_with("\xEF\xBC\x8A" /* ＊ */)) {
            name.remove_suffix(name.ends_with("*") ? 1 : 3);
            name = trimCell(name);
        }
    };
    dropStars();
    static const std::array<std::pair<std::string_view, std::string_view>, 3> kBrackets = {{
        {"（", "）"},
        {"(", ")"},
        {"【", "】"},
    }};
    for (const auto& [open, close] : kBrackets) {
        const size_t at = name.ends_with(close) ? name.rfind(open) : std::string_view::npos;
        // A name that is all note, (备注), stays as it is.
        if (at == std::string_view::npos || at == 0) continue;
        name = trimCell(name.substr(0, at));
        break;
    }
    dropStars();
    return std::string(name);
}

// The other kind whose header `headerNames` is (every column that kind requires, and more of its
// names than of `own`'s and the other kinds'): meals.csv's columns saved as activities.csv.
// Nothing when there is none (guide.csv without 识破 is not notices.csv for its 标题).
std::optional<SheetKind> kindOfHeader(const std::vector<std::string>& headerNames, SheetKind own)
{
    const auto present = [&](const std::string& name) {
        return std::find(headerNames.begin(), headerNames.end(), name) != headerNames.end();
    };
    const auto namesPresent = [&](SheetKind kind) {
        const std::vector<std::string>& names = spec(kind).header;
        return static_cast<size_t>(std::count_if(names.begin(), names.end(), present));
    };
    std::optional<SheetKind> best;
    size_t bestCount = namesPresent(own);
    for (SheetKind other : kAllSheetKinds) {
        const std::vector<int>& required = spec(other).required;
        if (other == own || !std::all_of(required.begin(), required.end(), [&](int column) {
                return present(spec(other).header[static_cast<size_t>(column)]);
            }))
            continue;
        if (const size_t count = namesPresent(other); count > bestCount) {
            best = other;
            bestCount = count;
        }
    }
    return best;
}

// Office sheets often have a title above the header (幸福里社区六月活动安排表 in a merged cell):
// when the first row names none of the kind's columns and one of the next few rows holds all the
// required ones or two of its names, that row is the header and what is above it is not read.
constexpr size_t kTitleRowsAllowed = 3;

std::optional<SheetTable> belowTitleRows(SheetKind kind, const SheetTable& table)
{
    const std::vector<std::string>& names = spec(kind).header;
    const auto namesOf = [](const std::vector<std::string>& cells) {
        std::vector<std::string> out;
        for (const std::string& cell : cells) out.push_back(headerName(cell));
        return out;
    };
    const auto holds = [](const std::vector<std::string>& cells, const std::string& name) {
        return std::find(cells.begin(), cells.end(), name) != cells.end();
    };
    const std::vector<std::string> first = namesOf(table.header);
    if (std::any_of(names.begin(), names.end(), [&](const std::string& name) { return holds(first, name); }))
        return std::nullopt;
    for (size_t r = 0; r < table.rows.size() && r < kTitleRowsAllowed; ++r) {
        const std::vector<std::string> cells = namesOf(table.rows[r].cells);
        const std::vector<int>& required = spec(kind).required;
        const bool allRequired = std::all_of(required.begin(), required.end(), [&](int column) {
            return holds(cells, names[static_cast<size_t>(column)]);
        });
        const auto known =
            std::count_if(names.begin(), names.end(), [&](const std::string& name) { return holds(cells, name); });
        if (!allRequired && known < 2) continue;
        SheetTable below;
        below.fileName = table.fileName;
        below.header = table.rows[r].cells;
        below.headerRow = table.rows[r].number;
        below.rows.assign(table.rows.begin() + static_cast<std::ptrdiff_t>(r) + 1, table.rows.end());
        return below;
    }
    return std::nullopt;
}

// The rows of `table` read into a Content; false when any problem was reported.
// `refs` gets where the rows read name a recording.
bool readRows(SheetKind kind, const SheetTable& sheetTable, Content& read, std::vector<RecordingRef>& refs,
              Problems& problems)
{
    const std::optional<SheetTable> titled = belowTitleRows(kind, sheetTable);
    const SheetTable& table = titled ? *titled : sheetTable;
    static const bool inStep = specsInStep();
    assert(inStep && "a SheetSpec is out of step with its column enum");
    (void)inStep;
    const SheetSpec& sheet = spec(kind);
    const std::string file = table.fileName.empty() ? sheetFileName(kind) : table.fileName;
    ProblemSink sink(file, problems);
    const std::vector<std::string>& names = sheet.header;

    // Columns by header name, anywhere. Two columns with the same header would leave staff
    // guessing which one is read: that is an error naming both.
    std::vector<std::string> headerNames;
    for (const std::string& cell : table.header) headerNames.push_back(headerName(cell));
    std::vector<int> columnIndex(names.size(), -1);
    for (size_t i = 0; i < headerNames.size(); ++i) {
        for (size_t column = 0; column < names.size(); ++column) {
            if (headerNames[i] != names[column]) continue;
            if (columnIndex[column] < 0) {
                columnIndex[column] = static_cast<int>(i);
            } else {
                sink.add(table.headerRow, names[column],
                         "第 " + columnLetters(static_cast<size_t>(columnIndex[column])) + " 列和第 " +
                             columnLetters(i) + " 列的标题都是“" + names[column] +
                             "”，请删掉其中一列，或把不用的那一列改成别的标题");
            }
        }
    }
    std::vector<size_t> maxChars(names.size(), limits::kMaxShortCellChars);
    for (int column : sheet.longText) maxChars[static_cast<size_t>(column)] = limits::kMaxLongCellChars;
    const std::string addColumnAdvice =
        table.headerRow == 1 ? std::string("请在第一行加上这一列的标题")
                             : "请在标题行（第 " + std::to_string(table.headerRow) + " 行）加上这一列的标题";
    const bool anyMissing =
        std::any_of(sheet.required.begin(), sheet.required.end(), [&](int column) { return columnIndex[column] < 0; });
    if (const auto separator = anyMissing ? wrongSeparator(table.header, names) : std::nullopt) {
        sink.add(table.headerRow, {},
                 "各列是用" + *separator +
                     "分开的，不是英文逗号“,”，所以一列也认不出来。请在 Excel 或 WPS 里打开它，"
                     "用“另存为”选择“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”保存");
        return false;
    }
    if (const auto other = anyMissing ? kindOfHeader(headerNames, kind) : std::nullopt) {
        sink.add(table.headerRow, {},
                 std::string("这张表的标题是") + sheetTitle(*other) + "表（" + sheetFileName(*other) + "）的，不是" +
                     sheetTitle(kind) + "表的。如果它就是" + sheetTitle(*other) + "，请把文件名改成 " +
                     sheetFileName(*other) + "；否则请用" + sheetTitle(kind) + "表的标题：" + joinCellList(names, ","));
        return false;
    }
    for (int column : sheet.required) {
        if (columnIndex[column] >= 0) continue;
        // 开始时间 for 开始, 活动名称 for 活动: a header that says more than the name it holds.
        std::string likely;
        for (size_t i = 0; i < headerNames.size() && likely.empty(); ++i) {
            const std::string& name = headerNames[i];
            if (name.find(names[column]) == std::string::npos ||
                std::find(names.begin(), names.end(), name) != names.end())
                continue;
            likely = "；第 " + columnLetters(i) + " 列的标题是“" + name + "”，如果就是这一列，请把标题改成“" +
                     names[column] + "”";
        }
        sink.add(table.headerRow, names[column], "缺少必需的列“" + names[column] + "”，" + addColumnAdvice + likely);
    }
    for (const SheetRow& sheetRow : table.rows) {
        RowCells row(sheetRow, columnIndex, names, sink);
        // Text only in columns we do not read (a remark far to the right) is not a row for us.
        if (row.blank()) continue;
        // A cell longer than any real one is refused before it is parsed or kept.
        bool tooLong = false;
        for (size_t column = 0; column < names.size(); ++column) {
            const size_t chars = charCount(row.text(static_cast<int>(column)));
            if (chars <= maxChars[column]) continue;
            row.problem(static_cast<int>(column), "这一格太长（" + std::to_string(chars) + " 个字），“" +
                                                      names[column] + "”最多 " + std::to_string(maxChars[column]) +
                                                      " 个字，请删短一些");
            tooLong = true;
        }
        if (tooLong) continue;
        const int before = read.rowCount(kind);
        sheet.readRow(row, read);
        if (sheet.recordingColumn >= 0 && read.rowCount(kind) > before && !row.text(sheet.recordingColumn).empty())
            refs.push_back({file, sheetRow.number, std::string(row.text(sheet.recordingColumn))});
    }
    return sink.count() == 0;
}

} // namespace

std::optional<SheetKind> sheetKindFromFileName(std::string_view fileName)
{
    const std::string lower = asciiLower(fileName);
    for (SheetKind kind : kAllSheetKinds) {
        if (lower == sheetFileName(kind)) return kind;
    }
    return std::nullopt;
}

const std::vector<std::string>& sheetHeader(SheetKind kind)
{
    return spec(kind).header;
}

void readSheetTable(SheetKind kind, const SheetTable& table, ContentUpdate& update, Problems& problems)
{
    Content read;
    std::vector<RecordingRef> refs;
    const bool rowsOk = readRows(kind, table, read, refs, problems);
    // The recordings of good rows are still looked at, so staff hear of every problem at once.
    update.recordingRefs.insert(update.recordingRefs.end(), refs.begin(), refs.end());
    if (!rowsOk) return;
    spec(kind).take(read, update);
}

void readSheetFile(SheetKind kind, std::string_view bytes, std::string fileName, ContentUpdate& update,
                   Problems& problems)
{
    const auto text = decodeSheetText(bytes);
    if (const std::optional<int> row = text ? std::nullopt : damagedUtf8Row(bytes)) {
        problems.push_back({std::move(fileName),
                            *row,
                            {},
                            "这一行有损坏的字符：文件是 UTF-8 编码，但这里有字节不完整（可能没有复制或同步完）；"
                            "请在 Excel 或 WPS 里检查这一行，改好后重新保存"});
        return;
    }
    if (!text) {
        problems.push_back(
            {std::move(fileName),
             0,
             {},
             "无法识别文件的编码，请在 Excel 或 WPS 里“另存为”CSV UTF-8（逗号分隔）或 CSV（逗号分隔）格式"});
        return;
    }
    const size_t before = problems.size();
    const SheetTable table = parseCsv(*text, std::move(fileName), problems);
    const bool csvOk = problems.size() == before;
    // Value problems are still looked for after a CSV problem, but nothing is taken.
    Content read;
    std::vector<RecordingRef> refs;
    const bool rowsOk = readRows(kind, table, read, refs, problems);
    // The recordings of good rows are still looked at, so staff hear of every problem at once.
    update.recordingRefs.insert(update.recordingRefs.end(), refs.begin(), refs.end());
    if (!rowsOk || !csvOk) return;
    spec(kind).take(read, update);
}

std::vector<std::vector<std::string>> sheetCells(SheetKind kind, const Content& content)
{
    return spec(kind).cells(content);
}

std::string exportSheet(SheetKind kind, const Content& content)
{
    return writeCsv(sheetHeader(kind), sheetCells(kind, content));
}

std::string templateSheet(SheetKind kind, Date today)
{
    // Dated examples that are already past would not show on the kiosk after a trial import.
    std::vector<std::string> example = spec(kind).example;
    if (kind == SheetKind::Lectures) example[lectures::Date] = formatDate(addDays(today, 7));
    if (kind == SheetKind::Notices) {
        example[notices::From] = formatDate(today);
        example[notices::To] = formatDate(addDays(today, 14));
    }
    return writeCsv(sheetHeader(kind), {example});
}

} // namespace content

#include "content/demo_content.h"

#include "content/sheet_table.h"

#include <stdexcept>

namespace content {

namespace {

// Replaces every {{+N}}, {{-N}} and {{N}} with today ± N days as 2026-06-03, and {{+N月日}} with
// 6月3日 for running text that a visitor reads. Anything else that merely looks like a token is
// left as written, so a typo shows up in validation.
std::string fillDateTokens(std::string_view text, Date today)
{
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        const size_t open = text.find("{{", i);
        if (open == std::string_view::npos) {
            out.append(text.substr(i));
            break;
        }
        out.append(text.substr(i, open - i));
        size_t p = open + 2;
        int sign = 1;
        if (p < text.size() && (text[p] == '+' || text[p] == '-')) {
            sign = text[p] == '-' ? -1 : 1;
            ++p;
        }
        int days = 0;
        const size_t digitsStart = p;
        while (p < text.size() && text[p] >= '0' && text[p] <= '9' && p - digitsStart < 5) {
            days = days * 10 + (text[p] - '0');
            ++p;
        }
        const bool hasDigits = p > digitsStart;
        constexpr std::string_view kMonthDay = "月日";
        const bool monthDay = text.substr(p, kMonthDay.size()) == kMonthDay;
        if (monthDay) p += kMonthDay.size();
        if (hasDigits && text.substr(p, 2) == "}}") {
            const Date date = addDays(today, sign * days);
            out.append(monthDay ? formatMonthDayChinese(date) : formatDate(date));
            i = p + 2;
        } else {
            out.append("{{");
            i = open + 2;
        }
    }
    return out;
}

} // namespace

std::vector<EmbeddedSheet> demoSheets(Date today)
{
    std::vector<EmbeddedSheet> sheets;
    for (const EmbeddedSheet& sheet : embeddedDemoSheets())
        sheets.push_back(EmbeddedSheet{sheet.name, fillDateTokens(sheet.bytes, today)});
    return sheets;
}

Content demoContent(Date today)
{
    ContentUpdate update;
    Problems problems;
    for (const EmbeddedSheet& sheet : demoSheets(today)) {
        const std::optional<SheetKind> kind = sheetKindFromFileName(sheet.name);
        if (!kind) throw std::logic_error("demo sheet with an unknown name: " + sheet.name);
        readSheetFile(*kind, sheet.bytes, sheet.name, update, problems);
    }
    // The demo is compiled in and covered by tests; a problem here is a bug, never bad input.
    if (!problems.empty()) {
        std::string message = "bundled demo sheets have problems:";
        for (const Problem& problem : problems) message += "\n  " + problem.format();
        throw std::logic_error(message);
    }
    Content content = update.appliedTo(Content{});
    content.version = 1;
    return content;
}

Content storeUnavailableContent(Date today, const std::string& reason)
{
    const Content demo = demoContent(today);
    Content c;
    c.station.entries = {{"站点名称", "社区养老服务站"},
                         {"欢迎语", "欢迎您！信息屏的内容暂时无法显示，请咨询工作人员。"}};
    c.notices.push_back(Notice{"信息屏内容暂时无法读取",
                               "请工作人员处理：" + reason + "。请联系技术人员检查信息屏的数据目录。", std::nullopt,
                               std::nullopt, true, true});
    c.guide = demo.guide;
    for (const Contact& contact : demo.contacts)
        if (contact.category == "紧急") c.contacts.push_back(contact);
    return c;
}

Content withStoreNotice(Content content, const std::string& note)
{
    content.notices.insert(content.notices.begin(), Notice{"信息屏内容已从备份恢复", "请工作人员处理：" + note + "。",
                                                           std::nullopt, std::nullopt, true, false});
    return content;
}

} // namespace content

#include "content/fleet_html.h"
#include "content/file_io.h"

#include "content/trust_detail.h"

#include <sodium.h>

namespace content {

namespace {

// A thumbnail is ~50 KB; a bigger "screen.png" is not ours and would bloat the page.
constexpr size_t kMaxScreenshotBytes = 4 << 20;

std::string base64(const std::string& bytes)
{
    const size_t size = sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    std::string out(size, '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(size - 1); // the terminating NUL
    return out;
}

std::string uptimeText(int64_t seconds)
{
    if (seconds < 3600) return std::to_string(seconds / 60) + " 分钟";
    if (seconds < 86400) return std::to_string(seconds / 3600) + " 小时";
    return std::to_string(seconds / 86400) + " 天 " + std::to_string((seconds % 86400) / 3600) + " 小时";
}

const char* kStyle = R"(
*{box-sizing:border-box}
body{margin:0;padding:24px;background:#f3f1ec;color:#222;
 font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","微软雅黑","PingFang SC","Hiragino Sans GB","WenQuanYi Micro Hei",sans-serif;
 font-size:17px;line-height:1.55}
h1{font-size:28px;margin:0 0 6px}
.summary{font-size:19px;margin:0 0 4px}
.generated{color:#666;margin:0 0 20px}
.bad-count{color:#b3261e;font-weight:bold}
.ok-count{color:#1e7b34;font-weight:bold}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:18px}
.card{background:#fff;border-radius:10px;border-left:10px solid #1e7b34;padding:14px 16px;
 box-shadow:0 1px 3px rgba(0,0,0,.15)}
.card.problem{border-left-color:#b3261e}
.card.note{border-left-color:#c98a00}
.card h2{font-size:21px;margin:0}
.kiosk{color:#555;margin:0 0 8px;word-break:break-all}
.shot{display:block;width:100%;border:1px solid #ccc;border-radius:4px;background:#222;margin:0 0 10px}
.noshot{display:flex;align-items:center;justify-content:center;height:120px;background:#ddd;color:#555;
 border-radius:4px;margin:0 0 10px}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:0}
dt{color:#666}
dd{margin:0;word-break:break-all}
.state{font-weight:bold;margin:8px 0 0}
.state.ok{color:#1e7b34}
ul{margin:8px 0 0;padding-left:1.2em}
li.problem{color:#b3261e;font-weight:bold}
li.note{color:#8a5d00}
.failed{color:#b3261e}
)";

void card(std::string& html, const FleetKiosk& kiosk, const FleetOptions& options)
{
    const char* kind = !kiosk.problems.empty() ? "problem" : !kiosk.notes.empty() ? "note" : "ok";
    html += "<section class=\"card ";
    html += kind;
    html += "\">\n";
    const std::string station = kiosk.status && !kiosk.status->station.empty() ? kiosk.status->station : "（无站点名）";
    html += "<h2>" + htmlEscape(station) + "</h2>\n";
    html += "<p class=\"kiosk\">" + htmlEscape(kiosk.name) + "</p>\n";

    std::string png;
    if (!kiosk.screenshot.empty()) {
        if (auto bytes = content::readRegularFile(kiosk.screenshot, kMaxScreenshotBytes)) png = std::move(*bytes);
    }
    if (!png.empty())
        html += "<img class=\"shot\" alt=\"屏幕截图\" src=\"data:image/png;base64," + base64(png) + "\">\n";
    else
        html += "<div class=\"noshot\">没有屏幕截图</div>\n";

    if (kiosk.status) {
        const KioskStatus& s = *kiosk.status;
        html += "<dl>\n";
        html += "<dt>内容版本</dt><dd>" + std::to_string(s.contentVersion) + "</dd>\n";
        html += "<dt>最后上报</dt><dd>" + htmlEscape(shortTime(s.updated));
        if (kiosk.updatedUnix) html += "（" + htmlEscape(ageText(options.nowUnix - *kiosk.updatedUnix)) + "）";
        html += "</dd>\n";
        if (s.lastImport) {
            const StatusImport& last = *s.lastImport;
            html += std::string("<dt>最后导入</dt><dd") + (last.ok ? ">成功" : " class=\"failed\">失败") + " " +
                    htmlEscape(shortTime(last.time));
            if (last.version) html += "，版本 " + std::to_string(last.version);
            if (!last.summary.empty()) html += "<br>" + htmlEscape(last.summary);
            html += "</dd>\n";
        } else {
            html += "<dt>最后导入</dt><dd>无</dd>\n";
        }
        if (!s.screen.empty()) html += "<dt>当前画面</dt><dd>" + htmlEscape(screenTitle(s.screen)) + "</dd>\n";
        if (!s.screenshotTime.empty())
            html += "<dt>截图时间</dt><dd>" + htmlEscape(shortTime(s.screenshotTime)) + "</dd>\n";
        html += "<dt>已运行</dt><dd>" + uptimeText(s.uptimeSeconds) + "</dd>\n";
        html += "<dt>程序版本</dt><dd>" + htmlEscape(s.appVersion) + "</dd>\n";
        html += "</dl>\n";
    }
    html += "<dl><dt>文件夹</dt><dd>" + htmlEscape(kiosk.where.empty() ? kiosk.folder.string() : kiosk.where) +
            "</dd></dl>\n";

    if (kiosk.problems.empty() && kiosk.notes.empty()) {
        html += "<p class=\"state ok\">正常</p>\n";
    } else {
        html += "<ul>\n";
        for (const std::string& p : kiosk.problems) html += "<li class=\"problem\">" + htmlEscape(p) + "</li>\n";
        for (const std::string& n : kiosk.notes) html += "<li class=\"note\">" + htmlEscape(n) + "</li>\n";
        html += "</ul>\n";
    }
    html += "</section>\n";
}

} // namespace

std::string htmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string fleetHtml(const FleetReport& report, const FleetOptions& options, const std::string& generatedAt)
{
    std::string page;
    writeFleetHtml(report, options, generatedAt, [&](std::string_view piece) { page += piece; });
    return page;
}

void writeFleetHtml(const FleetReport& report, const FleetOptions& options, const std::string& generatedAt,
                    const HtmlSink& sink)
{
    std::string html;
    html += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<title>养老服务站信息屏 运行概览</title>\n<style>";
    html += kStyle;
    html += "</style>\n</head>\n<body>\n<h1>养老服务站信息屏 运行概览</h1>\n";
    const size_t problems = report.problemCount();
    html += "<p class=\"summary\">共 " + std::to_string(report.kiosks.size()) + " 台，";
    if (problems)
        html += "<span class=\"bad-count\">" + std::to_string(problems) + " 台有问题</span>（排在最前）";
    else
        html += "<span class=\"ok-count\">全部正常</span>";
    if (report.newestVersion) html += "；最新内容版本 " + std::to_string(report.newestVersion);
    html += "</p>\n<p class=\"generated\">生成时间 " + htmlEscape(generatedAt) + "；超过 " +
            htmlEscape(durationText(static_cast<int64_t>(options.staleHours * 3600))) + "没有更新算失联</p>\n";
    for (const std::string& dir : report.unreadable)
        html += "<p class=\"failed\">无法读取文件夹 " + htmlEscape(dir) + "</p>\n";
    html += "<main class=\"grid\">\n";
    for (const FleetKiosk& kiosk : report.kiosks) {
        sink(html);
        html.clear();
        card(html, kiosk, options);
    }
    html += "</main>\n</body>\n</html>\n";
    sink(html);
}

} // namespace content

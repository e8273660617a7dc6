#include "kiosk/update_overlay.h"

#include "content/glyph_set.h"
#include "kiosk/screens/staff_screen.h"
#include "kiosk/widgets/text.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace fs = std::filesystem;

namespace {

namespace text {
constexpr const char* kReading = "正在读取U盘…";
constexpr const char* kDoNotPull = "请不要拔出U盘";
constexpr const char* kApplied = "内容已更新";
constexpr const char* kAppliedDrop = "收到新内容，已更新";
constexpr const char* kCanPull = "现在可以拔出U盘了。";
constexpr const char* kRejected = "未能更新，内容没有改变";
constexpr const char* kRejectedDrop = "同步文件夹里的内容包未能更新，内容没有改变";
constexpr const char* kReportOnStick = "完整的报告已写到U盘：";
constexpr const char* kReportNotWritten = "U盘不能写入，报告没有保存。可在电脑上用 kiosk-content check 检查。";
constexpr const char* kFound = "发现 %d 个问题：";
constexpr const char* kMoreProblems = "还有 %d 个问题，见报告。";
constexpr const char* kVersion = "版本号 ";
constexpr const char* kOk = "知道了";
constexpr const char* kCancel = "取消";
constexpr const char* kClose = "关闭";
constexpr const char* kUnsignedTitle = "U盘里的内容没有签名";
constexpr const char* kUnsignedAsk = "请工作人员输入密码，确认后导入。";
constexpr const char* kContains = "包含：";
constexpr const char* kStaffTitle = "工作人员入口";
constexpr const char* kStaffAsk = "请输入工作人员密码。";
constexpr const char* kChecking = "正在核对…";
constexpr const char* kWrongPin = "密码不对，还可以试 %d 次。";
constexpr const char* kLocked = "已锁定，请 %d 分钟后再试。";
constexpr const char* kNoPin = "还没有设置工作人员密码。";
constexpr const char* kHowToSetPin = "请在电脑控制台运行下面的命令设置（4 到 8 位数字）：";
constexpr const char* kPulled = "U盘被拔出，未做任何更改";
constexpr const char* kCancelled = "已取消，未做任何更改";
constexpr const char* kRowsUnit = " 条";
} // namespace text

std::string formatInt(const char* pattern, int value)
{
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, pattern, value);
    return buffer;
}

// 活动 42 条、菜单 21 条 … from the rows a package brings.
std::string rowsText(const content::ImportReport& report)
{
    std::string out;
    for (content::SheetKind kind : content::kAllSheetKinds) {
        const int n = report.rows[static_cast<size_t>(kind)];
        if (n < 0) continue;
        if (!out.empty()) out += "、";
        out += std::string(content::sheetTitle(kind)) + " " + std::to_string(n) + text::kRowsUnit;
    }
    return out;
}

// KIOSK/import-report.txt rather than the whole mount path, which means nothing to staff.
std::string stickRelative(const fs::path& file)
{
    const fs::path parent = file.parent_path();
    return parent.filename().string() + "/" + file.filename().string();
}

void appendUtf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool contains(ImVec2 min, ImVec2 max, Point p)
{
    return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y;
}

} // namespace

UpdateOverlay::UpdateOverlay(platform::UpdateService& service, content::DataDir dataDir)
    : m_service(service), m_dataDir(std::move(dataDir))
{
}

void UpdateOverlay::show(Mode mode, double now, double seconds)
{
    m_mode = mode;
    m_shownAt = now;
    m_hideAt = seconds > 0 ? now + seconds : 0;
}

void UpdateOverlay::hide()
{
    m_mode = Mode::Hidden;
    m_title.clear();
    m_body.clear();
    m_problems.clear();
    m_footnote.clear();
    m_titleIsError = false;
    m_package.clear();
    m_pad.clear();
    m_pad.setBusy(false);
}

void UpdateOverlay::requestStaffAccess(double now)
{
    if (m_mode == Mode::Reading || (m_mode == Mode::Pin && m_pinPurpose == platform::PinPurpose::ApproveImport)) return;
    hide();
    m_pinPurpose = platform::PinPurpose::StaffMenu;
    m_title = text::kStaffTitle;
    m_body = {text::kStaffAsk};
    m_pinMessage.clear();
    m_noPin = !m_service.info().pinSet;
    m_lastKeyAt = now;
    show(Mode::Pin, now, 0);
}

void UpdateOverlay::onEvent(const platform::UpdateEvent& event, double now)
{
    using Kind = platform::UpdateEventKind;
    const bool usb = event.source == content::PackageSource::Usb;
    switch (event.kind) {
    case Kind::Reading:
        hide();
        m_title = text::kReading;
        m_body = {text::kDoNotPull};
        m_package = event.package;
        // Reading never takes minutes; if the answer got lost, do not cover the screen forever.
        show(Mode::Reading, now, 120);
        break;
    case Kind::Applied: {
        if (!event.report) break;
        // A district office push is news for nobody in the lobby (the staff screen shows it),
        // unless it replaces a failure still on screen.
        if (!usb && m_mode != Mode::Rejected) break;
        hide();
        m_title = usb ? text::kApplied : text::kAppliedDrop;
        const std::string rows = rowsText(*event.report);
        if (!rows.empty()) m_body.push_back(rows);
        m_body.push_back(text::kVersion + std::to_string(event.report->version));
        if (usb) m_body.push_back(text::kCanPull);
        m_package = event.package;
        show(Mode::Applied, now, kAppliedSeconds);
        break;
    }
    case Kind::Rejected: {
        if (!event.report) break;
        hide();
        m_titleIsError = true;
        m_title = usb ? text::kRejected : text::kRejectedDrop;
        const auto& problems = event.report->problems;
        if (!problems.empty()) m_body.push_back(formatInt(text::kFound, static_cast<int>(problems.size())));
        for (size_t i = 0; i < problems.size() && static_cast<int>(i) < kProblemLines; ++i)
            m_problems.push_back(problems[i].format());
        if (static_cast<int>(problems.size()) > kProblemLines)
            m_problems.push_back(formatInt(text::kMoreProblems, static_cast<int>(problems.size()) - kProblemLines));
        if (!event.reportFile.empty())
            m_footnote = text::kReportOnStick + stickRelative(event.reportFile);
        else if (usb)
            m_footnote = text::kReportNotWritten;
        m_package = event.package;
        show(Mode::Rejected, now, kRejectedSeconds);
        break;
    }
    case Kind::NeedsPin: {
        hide();
        m_pinPurpose = platform::PinPurpose::ApproveImport;
        m_title = text::kUnsignedTitle;
        if (event.report) {
            const std::string rows = rowsText(*event.report);
            if (!rows.empty()) m_body.push_back(text::kContains + rows);
        }
        m_body.push_back(text::kUnsignedAsk);
        m_pinMessage.clear();
        m_noPin = !m_service.info().pinSet;
        m_package = event.package;
        m_lastKeyAt = now;
        show(Mode::Pin, now, 0);
        break;
    }
    case Kind::Cancelled:
        hide();
        m_titleIsError = true;
        m_title = event.message.empty() ? text::kPulled : event.message;
        show(Mode::Notice, now, kNoticeSeconds);
        break;
    case Kind::StickRemoved:
        if (m_package.empty() || event.package != m_package) break;
        if (m_mode == Mode::Pin && m_pinPurpose == platform::PinPurpose::ApproveImport) {
            hide();
            m_titleIsError = true;
            m_title = text::kPulled;
            show(Mode::Notice, now, kNoticeSeconds);
        } else if (m_mode == Mode::Applied || m_mode == Mode::Rejected) {
            // Staff pulled the stick after reading the message: done.
            hide();
        }
        break;
    case Kind::PinChecked: {
        if (m_mode != Mode::Pin || !event.pinCheck || event.pinPurpose != m_pinPurpose) break;
        m_pad.setBusy(false);
        m_pad.clear();
        const content::PinCheck& check = *event.pinCheck;
        switch (check.result) {
        case content::PinResult::Ok:
            if (m_pinPurpose == platform::PinPurpose::StaffMenu) {
                hide();
                m_openStaffScreen = true;
            } else {
                // The service goes straight on with the import.
                const fs::path package = m_package;
                hide();
                m_title = text::kReading;
                m_body = {text::kDoNotPull};
                m_package = package;
                show(Mode::Reading, now, 120);
            }
            break;
        case content::PinResult::Wrong:
            m_pinMessage = formatInt(text::kWrongPin, check.triesLeft);
            m_pinMessageIsError = true;
            break;
        case content::PinResult::Locked:
            m_pinMessage =
                formatInt(text::kLocked, static_cast<int>(std::max<int64_t>(1, (check.lockedSeconds + 59) / 60)));
            m_pinMessageIsError = true;
            break;
        case content::PinResult::NoPin:
            m_noPin = true;
            break;
        }
        break;
    }
    case Kind::Exported:
    case Kind::ExportFailed:
    case Kind::RolledBack:
    case Kind::RollbackFailed:
        // The staff screen shows these.
        break;
    }
}

bool UpdateOverlay::visible(const AppState&) const
{
    // Always drawn: while hidden it only watches for the staff taps, and is not modal.
    return true;
}

bool UpdateOverlay::modal(const AppState&) const
{
    return m_mode != Mode::Hidden;
}

std::vector<std::string> UpdateOverlay::lines() const
{
    std::vector<std::string> out;
    if (m_mode == Mode::Hidden) return out;
    out.push_back(m_title);
    out.insert(out.end(), m_body.begin(), m_body.end());
    out.insert(out.end(), m_problems.begin(), m_problems.end());
    if (!m_footnote.empty()) out.push_back(m_footnote);
    if (m_mode == Mode::Pin) {
        if (m_noPin) {
            out.push_back(text::kNoPin);
            out.push_back(text::kHowToSetPin);
            out.push_back("kiosk-content set-pin --data-dir " + m_dataDir.root.string());
        } else if (!m_pinMessage.empty()) {
            out.push_back(m_pinMessage);
        }
    }
    return out;
}

void UpdateOverlay::watchSecretTaps(AppState& state)
{
    Ui& u = *state.ui;
    const Theme& t = u.theme();
    if (state.screen != ScreenId::Home || !u.input().tap) return;
    // The station name sits in the top-left of the home screen.
    const ImVec2 a(0, 0), b(state.width * 0.4f, std::max(t.topBarHeight, t.headingPx * 2.2f));
    if (!contains(a, b, u.input().tap->up)) return;
    const double now = state.time;
    m_secretTaps.erase(
        std::remove_if(m_secretTaps.begin(), m_secretTaps.end(), [&](double at) { return now - at > kSecretWindow; }),
        m_secretTaps.end());
    m_secretTaps.push_back(now);
    if (static_cast<int>(m_secretTaps.size()) >= kSecretTaps) {
        m_secretTaps.clear();
        requestStaffAccess(now);
    }
}

void UpdateOverlay::draw(AppState& state)
{
    if (m_openStaffScreen) {
        m_openStaffScreen = false;
        state.go(ScreenId::Staff);
    }
    const double now = state.time;
    if (m_mode == Mode::Pin && now - m_lastKeyAt > kPinIdleSeconds) {
        if (m_pinPurpose == platform::PinPurpose::ApproveImport) {
            m_service.cancelPending();
            hide();
            m_title = text::kCancelled;
            show(Mode::Notice, now, kNoticeSeconds);
        } else {
            hide();
        }
    }
    if (m_mode != Mode::Hidden && m_hideAt > 0 && now >= m_hideAt) hide();
    if (m_mode == Mode::Hidden) {
        watchSecretTaps(state);
        return;
    }
    if (m_hideAt > 0) state.wakeAtTime(m_hideAt);
    if (m_mode == Mode::Pin) state.wakeAtTime(m_lastKeyAt + kPinIdleSeconds + 0.1);

    // Dim whatever is below: the panel is the only thing to look at and touch now.
    Ui& u = *state.ui;
    u.draw()->AddRectFilled(ImVec2(0, 0), ImVec2(state.width, state.height), u.theme().palette.scrim.packed(150));
    if (m_mode == Mode::Pin)
        drawPin(state);
    else
        drawPanel(state);
}

void UpdateOverlay::drawPanel(AppState& state)
{
    Ui& u = *state.ui;
    const Theme& t = u.theme();
    const Palette& p = t.palette;
    ImDrawList* d = u.draw();
    ImFont* hf = u.fonts().heading;
    ImFont* bf = u.fonts().body;
    ImFont* big = (m_mode == Mode::Reading && u.fonts().display) ? u.fonts().display : hf;

    const float m = t.margin;
    const float x0 = m, x1 = state.width - m;
    const float inner = (x1 - x0) - 2 * m;
    const bool hasButton = m_mode != Mode::Reading;
    const float btnH = t.minTarget;

    // Measure first so the card fits its words and sits in the middle of the screen.
    float h = m + paragraphHeight(big, m_title, inner, 1.3f, 2) + t.gap;
    for (const auto& line : m_body) h += paragraphHeight(hf, line, inner, t.lineSpacing, 3) + t.gap * 0.5f;
    for (const auto& line : m_problems) h += paragraphHeight(bf, line, inner, t.lineSpacing, 3);
    if (!m_problems.empty()) h += t.gap;
    if (!m_footnote.empty()) h += paragraphHeight(bf, m_footnote, inner, t.lineSpacing, 2) + t.gap;
    if (hasButton) h += btnH + t.gap;
    h += m;
    h = std::min(h, state.height - 2 * m);
    const float y0 = std::max(m, (state.height - h) * 0.5f);
    const ImVec2 a(x0, y0), b(x1, y0 + h);
    u.card(a, b, p.card, m_titleIsError ? p.urgent : p.primary);

    float y = y0 + m;
    const float x = x0 + m;
    y += drawParagraph(d, big, ImVec2(x, y), inner, (m_titleIsError ? p.urgent : p.text).packed(), m_title, 1.3f, 2);
    y += t.gap;
    for (const auto& line : m_body)
        y += drawParagraph(d, hf, ImVec2(x, y), inner, p.text.packed(), line, t.lineSpacing, 3) + t.gap * 0.5f;
    for (const auto& line : m_problems) {
        if (y > b.y - btnH - 2 * m) break;
        y += drawParagraph(d, bf, ImVec2(x, y), inner, p.text.packed(), line, t.lineSpacing, 3);
    }
    if (!m_problems.empty()) y += t.gap;
    if (!m_footnote.empty() && y < b.y - btnH - 2 * m)
        y += drawParagraph(d, bf, ImVec2(x, y), inner, p.textMuted.packed(), m_footnote, t.lineSpacing, 2) + t.gap;

    if (hasButton) {
        const float bw = std::max(t.minTarget * 2, textWidth(hf, text::kOk) + hf->FontSize * 2);
        const ImVec2 ba(x1 - m - bw, b.y - m - btnH), bb(x1 - m, b.y - m);
        if (u.button(ba, bb, text::kOk)) hide();
    }
}

void UpdateOverlay::drawPin(AppState& state)
{
    Ui& u = *state.ui;
    const Theme& t = u.theme();
    const Palette& p = t.palette;
    ImDrawList* d = u.draw();
    ImFont* hf = u.fonts().heading;
    ImFont* bf = u.fonts().body;
    const float m = t.margin;
    const ImVec2 a(m, m), b(state.width - m, state.height - m);
    u.card(a, b, p.card, p.primary);

    // Landscape: words on the left, keys on the right. Portrait: words above the keys.
    const bool side = !t.portrait && state.width > state.height;
    const float innerW = b.x - a.x - 2 * m;
    const float innerH = b.y - a.y - 2 * m;
    const float textW = side ? innerW * 0.5f - t.gap : innerW;
    float y = a.y + m;
    const float x = a.x + m;
    y += drawParagraph(d, hf, ImVec2(x, y), textW, p.text.packed(), m_title, 1.3f, 2) + t.gap * 0.5f;
    for (const auto& line : m_body)
        y += drawParagraph(d, bf, ImVec2(x, y), textW, p.text.packed(), line, t.lineSpacing, 3) + t.gap * 0.5f;
    y += t.gap;

    const float btnH = t.minTarget;
    const float cancelW = std::max(t.minTarget * 2, textWidth(hf, text::kCancel) + hf->FontSize * 2);
    if (m_noPin) {
        y += drawParagraph(d, hf, ImVec2(x, y), innerW, p.urgent.packed(), text::kNoPin, 1.3f, 2) + t.gap * 0.5f;
        y += drawParagraph(d, bf, ImVec2(x, y), innerW, p.text.packed(), text::kHowToSetPin, t.lineSpacing, 3);
        const std::string command = "kiosk-content set-pin --data-dir " + m_dataDir.root.string();
        y += drawParagraph(d, hf, ImVec2(x, y), innerW, p.primary.packed(), command, 1.3f, 3) + t.gap;
        const ImVec2 ca(x, b.y - m - btnH), cb(x + cancelW, b.y - m);
        if (u.button(ca, cb, text::kClose, ButtonKind::Quiet)) {
            if (m_pinPurpose == platform::PinPurpose::ApproveImport) m_service.cancelPending();
            hide();
        }
        return;
    }

    // The pad.
    const ImVec2 padArea =
        side ? ImVec2(innerW * 0.5f, innerH) : ImVec2(innerW, std::max(0.0f, b.y - m - y - btnH * 2 - t.gap * 3));
    const float key = PinPad::keySize(t, padArea);
    const ImVec2 grid = PinPad::gridSize(t, key);
    ImVec2 gridMin;
    if (side)
        gridMin = ImVec2(x + textW + t.gap + std::max(0.0f, (innerW - textW - t.gap - grid.x) * 0.5f),
                         a.y + (b.y - a.y - grid.y) * 0.5f);
    else
        gridMin = ImVec2(a.x + (b.x - a.x - grid.x) * 0.5f, b.y - m - btnH - t.gap - grid.y);

    // Dots and the message under the words (landscape) or between words and keys (portrait).
    const float dotsCenterX = side ? x + textW * 0.5f : (a.x + b.x) * 0.5f;
    y += t.gap;
    y += m_pad.drawDots(u, ImVec2(dotsCenterX, y + t.px(16))) + t.gap;
    std::string message = m_pad.busy() ? std::string(text::kChecking) : m_pinMessage;
    if (!message.empty()) {
        const Rgb color = (m_pinMessageIsError && !m_pad.busy()) ? p.urgent : p.text;
        drawParagraph(d, hf, ImVec2(x, y), textW, color.packed(), message, 1.3f, 2);
    }

    const size_t before = m_pad.digits().size();
    const bool tapped = u.input().tap.has_value();
    if (m_pad.drawKeys(u, gridMin, key) == PinPad::Action::Submit) {
        m_pad.setBusy(true);
        m_pinMessage.clear();
        m_service.submitPin(m_pad.digits(), m_pinPurpose);
    }
    if (tapped || m_pad.digits().size() != before) {
        m_lastKeyAt = state.time;
        if (!m_pad.busy() && m_pad.digits().size() != before) m_pinMessage.clear();
    }

    const ImVec2 ca(side ? x : (a.x + b.x - cancelW) * 0.5f, b.y - m - btnH);
    const ImVec2 cb(ca.x + cancelW, b.y - m);
    if (!m_pad.busy() && u.button(ca, cb, text::kCancel, ButtonKind::Quiet)) {
        const bool approving = m_pinPurpose == platform::PinPurpose::ApproveImport;
        if (approving) m_service.cancelPending();
        hide();
        if (approving) {
            m_title = text::kCancelled;
            show(Mode::Notice, state.time, kNoticeSeconds);
        }
    }
}

void UpdateOverlay::addGlyphs(std::set<char32_t>& glyphs)
{
    for (const char* s : {text::kReading,
                          text::kDoNotPull,
                          text::kApplied,
                          text::kAppliedDrop,
                          text::kCanPull,
                          text::kRejected,
                          text::kRejectedDrop,
                          text::kReportOnStick,
                          text::kReportNotWritten,
                          text::kFound,
                          text::kMoreProblems,
                          text::kVersion,
                          text::kOk,
                          text::kCancel,
                          text::kClose,
                          text::kUnsignedTitle,
                          text::kUnsignedAsk,
                          text::kContains,
                          text::kStaffTitle,
                          text::kStaffAsk,
                          text::kChecking,
                          text::kWrongPin,
                          text::kLocked,
                          text::kNoPin,
                          text::kHowToSetPin,
                          text::kPulled,
                          text::kCancelled,
                          text::kRowsUnit,
                          "删除确定0123456789●○…、：",
                          "kiosk-content set-pin --data-dir /KIOSK/import-report.txt"})
        content::addGlyphs(s, glyphs);
    for (content::SheetKind kind : content::kAllSheetKinds) content::addGlyphs(content::sheetTitle(kind), glyphs);
    StaffScreen::addGlyphs(glyphs);
}

std::string UpdateOverlay::eventText(const platform::UpdateEvent& event)
{
    std::string out = event.message + "\n" + event.package.string() + "\n" + event.reportFile.string() + "\n" +
                      event.exportDir.string();
    if (event.report) {
        out += "\n" + event.report->summary();
        for (const auto& problem : event.report->problems) out += "\n" + problem.format();
    }
    return out;
}

// ------------------------------------------------------------------ UpdateUi

UpdateUi::UpdateUi(App& app, platform::UpdateService& service, content::DataDir dataDir, GlyphSink addGlyphText)
    : m_app(app), m_addGlyphText(std::move(addGlyphText)), m_overlay(service, dataDir)
{
    if (m_addGlyphText) {
        std::set<char32_t> glyphs;
        UpdateOverlay::addGlyphs(glyphs);
        for (char32_t c : glyphs) appendUtf8(m_fixedText, c);
        m_fixedText += "kiosk-content set-pin --data-dir " + dataDir.root.string();
        m_addGlyphText(m_fixedText);
    }
    auto staff = std::make_unique<StaffScreen>(service, dataDir);
    m_staff = staff.get();
    m_app.addScreen(std::move(staff));
    m_app.addOverlay(&m_overlay);
}

void UpdateUi::handle(const platform::UpdateEvent& event)
{
    if (m_addGlyphText) {
        // The fixed strings and the last few events' words: what the panel and the staff screen
        // can show. Older events' characters leave the atlas, so it never grows without bound.
        m_recentText.push_back(UpdateOverlay::eventText(event));
        if (m_recentText.size() > kRecentEvents) m_recentText.pop_front();
        std::string text = m_fixedText;
        for (const auto& t : m_recentText) text += t;
        m_addGlyphText(text);
    }
    if (event.snapshot) m_app.setContent(event.snapshot);
    const double now = monotonicSeconds();
    m_overlay.onEvent(event, now);
    if (m_staff) m_staff->onEvent(event, now);
    m_app.requestRedraw();
}

} // namespace kiosk

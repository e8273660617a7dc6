#include "kiosk/update_overlay.h"

#include "kiosk/theme.h"
#include "kiosk/ui_text.h"
#include "kiosk/update_text.h"
#include "kiosk/widgets/draw_frame.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace fs = std::filesystem;

namespace {

bool contains(ImVec2 min, ImVec2 max, Point p)
{
    return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y;
}

} // namespace

UpdateOverlay::UpdateOverlay(content::DataDir dataDir) : m_dataDir(std::move(dataDir))
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
    m_title = ui::kStaffEntry;
    m_body = {ui::kStaffAsk};
    m_pinMessage.clear();
    m_noPin = !m_pinSet;
    m_lastKeyAt = now;
    show(Mode::Pin, now, 0);
}

void UpdateOverlay::onEvent(const platform::UpdateEvent& event, double now)
{
    using Kind = platform::UpdateEventKind;
    const bool usb = event.source == content::PackageSource::Usb;
    m_pinSet = event.info.pinSet;
    switch (event.kind) {
    case Kind::Reading:
        hide();
        m_title = ui::kReading;
        m_body = {ui::kDoNotPull};
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
        m_title = usb ? ui::kApplied : ui::kAppliedDrop;
        const std::string rows = update_text::rows(*event.report);
        if (!rows.empty()) m_body.push_back(rows);
        m_body.push_back(update_text::format(ui::kVersionNumber, static_cast<long long>(event.report->version)));
        if (usb) m_body.push_back(ui::kCanPull);
        m_package = event.package;
        show(Mode::Applied, now, kAppliedSeconds);
        break;
    }
    case Kind::Rejected: {
        if (!event.report) break;
        hide();
        m_titleIsError = true;
        m_title = usb ? ui::kRejected : ui::kRejectedDrop;
        const auto& problems = event.report->problems;
        if (!problems.empty()) m_body.push_back(update_text::format(ui::kFoundProblems, problems.size()));
        for (size_t i = 0; i < problems.size() && static_cast<int>(i) < kProblemLines; ++i)
            m_problems.push_back(problems[i].format());
        if (static_cast<int>(problems.size()) > kProblemLines)
            m_problems.push_back(update_text::format(ui::kMoreProblems, problems.size() - kProblemLines));
        if (!event.reportFile.empty())
            m_footnote = ui::kReportOnStick + update_text::stickRelative(event.reportFile);
        else if (usb)
            m_footnote = ui::kReportNotWritten;
        m_package = event.package;
        show(Mode::Rejected, now, kRejectedSeconds);
        break;
    }
    case Kind::NeedsPin: {
        hide();
        m_pinPurpose = platform::PinPurpose::ApproveImport;
        m_title = ui::kUnsignedTitle;
        if (event.report) {
            const std::string rows = update_text::rows(*event.report);
            if (!rows.empty()) m_body.push_back(ui::kContains + rows);
        }
        m_body.push_back(ui::kUnsignedAsk);
        m_pinMessage.clear();
        m_noPin = !m_pinSet;
        m_package = event.package;
        m_lastKeyAt = now;
        show(Mode::Pin, now, 0);
        break;
    }
    case Kind::Cancelled:
    case Kind::TimedOut:
        hide();
        m_titleIsError = true;
        m_title = event.kind == Kind::Cancelled ? ui::kStickPulled : ui::kStickTooSlow;
        show(Mode::Notice, now, kNoticeSeconds);
        break;
    case Kind::StickRemoved:
        if (m_package.empty() || event.package != m_package) break;
        if (m_mode == Mode::Pin && m_pinPurpose == platform::PinPurpose::ApproveImport) {
            hide();
            m_titleIsError = true;
            m_title = ui::kStickPulled;
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
                m_title = ui::kReading;
                m_body = {ui::kDoNotPull};
                m_package = package;
                show(Mode::Reading, now, 120);
            }
            break;
        case content::PinResult::Wrong:
        case content::PinResult::Locked:
            m_pinMessage = update_text::pinMessage(check);
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
    case Kind::StateChanged:
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
            out.push_back(ui::kNoPin);
            out.push_back(ui::kHowToSetPin);
            out.push_back(update_text::setPinCommand(m_dataDir.root));
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
            state.request({UpdateRequest::Kind::CancelPending, {}, false});
            hide();
            m_title = ui::kPinCancelled;
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
    auto [u, t, p, d, hf, bf] = DrawFrame::of(*state.ui);
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
        const float bw = std::max(t.minTarget * 2, textWidth(hf, ui::kGotIt) + hf->FontSize * 2);
        const ImVec2 ba(x1 - m - bw, b.y - m - btnH), bb(x1 - m, b.y - m);
        if (u.button(ba, bb, ui::kGotIt)) hide();
    }
}

void UpdateOverlay::drawPin(AppState& state)
{
    auto [u, t, p, d, hf, bf] = DrawFrame::of(*state.ui);
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
    const float cancelW = std::max(t.minTarget * 2, textWidth(hf, ui::kCancel) + hf->FontSize * 2);
    if (m_noPin) {
        y += drawParagraph(d, hf, ImVec2(x, y), innerW, p.urgent.packed(), ui::kNoPin, 1.3f, 2) + t.gap * 0.5f;
        y += drawParagraph(d, bf, ImVec2(x, y), innerW, p.text.packed(), ui::kHowToSetPin, t.lineSpacing, 3);
        const std::string command = update_text::setPinCommand(m_dataDir.root);
        y += drawParagraph(d, hf, ImVec2(x, y), innerW, p.primary.packed(), command, 1.3f, 3) + t.gap;
        const ImVec2 ca(x, b.y - m - btnH), cb(x + cancelW, b.y - m);
        if (u.button(ca, cb, ui::kClose, ButtonKind::Quiet)) {
            if (m_pinPurpose == platform::PinPurpose::ApproveImport)
                state.request({UpdateRequest::Kind::CancelPending, {}, false});
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
    std::string message = m_pad.busy() ? std::string(ui::kChecking) : m_pinMessage;
    if (!message.empty()) {
        const Rgb color = (m_pinMessageIsError && !m_pad.busy()) ? p.urgent : p.text;
        drawParagraph(d, hf, ImVec2(x, y), textW, color.packed(), message, 1.3f, 2);
    }

    const size_t before = m_pad.digits().size();
    const bool tapped = u.input().tap.has_value();
    if (m_pad.drawKeys(u, gridMin, key) == PinPad::Action::Submit) {
        m_pad.setBusy(true);
        m_pinMessage.clear();
        state.request(
            {UpdateRequest::Kind::SubmitPin, m_pad.digits(), m_pinPurpose == platform::PinPurpose::StaffMenu});
    }
    if (tapped || m_pad.digits().size() != before) {
        m_lastKeyAt = state.time;
        if (!m_pad.busy() && m_pad.digits().size() != before) m_pinMessage.clear();
    }

    const ImVec2 ca(side ? x : (a.x + b.x - cancelW) * 0.5f, b.y - m - btnH);
    const ImVec2 cb(ca.x + cancelW, b.y - m);
    if (!m_pad.busy() && u.button(ca, cb, ui::kCancel, ButtonKind::Quiet)) {
        const bool approving = m_pinPurpose == platform::PinPurpose::ApproveImport;
        if (approving) state.request({UpdateRequest::Kind::CancelPending, {}, false});
        hide();
        if (approving) {
            m_title = ui::kPinCancelled;
            show(Mode::Notice, state.time, kNoticeSeconds);
        }
    }
}

} // namespace kiosk

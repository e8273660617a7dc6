#include "kiosk/screens/staff_screen.h"

#include "content/glyph_set.h"
#include "kiosk/app_state.h"
#include "kiosk/theme.h"
#include "kiosk/ui_text.h"
#include "kiosk/update_text.h"
#include "kiosk/widgets/draw_frame.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>

namespace kiosk {

StaffScreen::StaffScreen(content::DataDir dataDir) : m_dataDir(std::move(dataDir))
{
}

void StaffScreen::onEnter(AppState& state)
{
    m_message.clear();
    m_messageIsError = false;
    m_confirmRollback = false;
    m_waiting = false;
    m_lastTouch = state.time;
}

void StaffScreen::onEvent(const platform::UpdateEvent& event, double)
{
    using Kind = platform::UpdateEventKind;
    m_info = event.info;
    switch (event.kind) {
    case Kind::Exported:
    case Kind::ExportFailed:
        answered(update_text::exportMessage(event.exported), event.kind == Kind::ExportFailed);
        break;
    case Kind::RolledBack:
    case Kind::RollbackFailed:
        answered(update_text::rollbackMessage(event.rollback), event.kind == Kind::RollbackFailed);
        break;
    default:
        break;
    }
}

void StaffScreen::show(std::string message, bool isError)
{
    m_message = std::move(message);
    m_messageIsError = isError;
}

void StaffScreen::answered(std::string message, bool isError)
{
    show(std::move(message), isError);
    m_waiting = false;
}

void StaffScreen::send(AppState& state, UpdateRequest::Kind kind)
{
    m_confirmRollback = false;
    m_waiting = true;
    show(ui::kBusy, false);
    state.request({kind, {}, false});
}

void StaffScreen::draw(AppState& state)
{
    auto [u, t, p, d, hf, bf] = DrawFrame::of(*state.ui);
    const float m = t.margin;
    const float W = state.width, H = state.height;

    if (u.input().pointerDown || u.input().tap) m_lastTouch = state.time;
    if (state.time - m_lastTouch > kIdleSeconds) {
        state.go(ScreenId::Home);
        return;
    }
    state.wakeAtTime(m_lastTouch + kIdleSeconds + 0.1);

    const platform::UpdateInfo& info = m_info;

    float y = m * 0.75f;
    // 返回 first, top-left, where every screen has its way back.
    const float btnH = t.minTarget;
    const float backW = std::max(t.minTarget * 1.6f, textWidth(hf, ui::kBack) + hf->FontSize * 2);
    if (u.button(ImVec2(m, y), ImVec2(m + backW, y + btnH), ui::kBack)) {
        state.go(ScreenId::Home);
        return;
    }
    // Landscape has no height to spare (the answer to a tap must show above the fold): the volume
    // sits at the right of the title row there, in its own row below the actions in portrait.
    const bool stacked = t.portrait || W < H;
    const float titleX = m + backW + t.gap * 1.5f;
    float titleW = W - m - titleX;
    if (!stacked) titleW -= drawVolume(state, W - m, y) + t.gap * 2;
    drawLine(d, hf, ImVec2(titleX, y + (btnH - hf->FontSize) * 0.5f), titleW, p.text.packed(), ui::kStaffTitle);
    y += btnH + t.gap;

    // What is on the kiosk now.
    const float innerW = W - 4 * m;
    std::vector<std::pair<std::string, Rgb>> lines;
    lines.emplace_back(update_text::format(ui::kContentVersion, static_cast<long long>(info.contentVersion)), p.text);
    if (info.lastImport) {
        const auto& r = *info.lastImport;
        // 2026-12-01T17:48:05+08:00 is stored (older files: 2026-12-01T17:48); staff read 2026-12-01 17:48.
        std::string when = r.time.substr(0, 16);
        std::replace(when.begin(), when.end(), 'T', ' ');
        lines.emplace_back(std::string(ui::kLastImport) + (r.ok() ? ui::kImportOk : ui::kImportFailed) + "  " + when,
                           r.ok() ? p.text : p.urgent);
        lines.emplace_back(r.summary(), p.textMuted);
    } else {
        lines.emplace_back(std::string(ui::kLastImport) + ui::kNoImport, p.text);
    }
    lines.emplace_back(std::string(ui::kStick) +
                           (info.stick ? update_text::format(ui::kStickIn, info.stick->root.filename().string())
                                       : std::string(ui::kNoStick)),
                       p.text);
    float cardH = m;
    for (const auto& [line, color] : lines) cardH += paragraphHeight(bf, line, innerW, t.lineSpacing, 4);
    cardH += m * 0.5f;
    u.card(ImVec2(m, y), ImVec2(W - m, y + cardH), p.card, p.cardBorder);
    float cy = y + m * 0.75f;
    for (const auto& [line, color] : lines)
        cy += drawParagraph(d, bf, ImVec2(2 * m, cy), innerW, color.packed(), line, t.lineSpacing, 4);
    y += cardH + t.gap * 1.5f;

    // The actions: big buttons side by side (landscape) or stacked (portrait).
    const bool busy = info.busy || m_waiting;
    const float actionW = stacked ? W - 2 * m : (W - 2 * m - t.gap) * 0.5f;
    const float actionH = std::max(t.minTarget, hf->FontSize * 2.2f);
    const ImVec2 exportMin(m, y), exportMax(m + actionW, y + actionH);
    const ImVec2 rollMin = stacked ? ImVec2(m, y + actionH + t.gap) : ImVec2(m + actionW + t.gap, y);
    const ImVec2 rollMax(rollMin.x + actionW, rollMin.y + actionH);

    if (u.button(exportMin, exportMax, ui::kExport, busy ? ButtonKind::Quiet : ButtonKind::Primary) && !busy) {
        send(state, UpdateRequest::Kind::Export);
    }
    if (!m_confirmRollback) {
        const bool can = info.canRollback && !busy;
        if (u.button(rollMin, rollMax, ui::kRollback, can ? ButtonKind::Primary : ButtonKind::Quiet) && !busy) {
            if (info.canRollback) {
                m_confirmRollback = true;
                show(ui::kConfirmAsk, false);
            } else {
                show(ui::kNoRollback, true);
            }
        }
    } else {
        // A second, deliberate tap: 确认恢复 in the warning colour, 取消 beside it.
        const float half = (rollMax.x - rollMin.x - t.gap) * 0.5f;
        if (u.button(rollMin, ImVec2(rollMin.x + half, rollMax.y), ui::kConfirmRollback, ButtonKind::Colored, nullptr,
                     p.urgent)) {
            send(state, UpdateRequest::Kind::Rollback);
        }
        if (u.button(ImVec2(rollMin.x + half + t.gap, rollMin.y), rollMax, ui::kCancel, ButtonKind::Quiet)) {
            m_confirmRollback = false;
            m_message.clear();
        }
    }
    y = std::max(exportMax.y, rollMax.y) + t.gap * 1.5f;

    // The answer to the last tap, right under the buttons that asked.
    if (!m_message.empty()) {
        y += drawParagraph(d, hf, ImVec2(m, y), W - 2 * m, (m_messageIsError ? p.urgent : p.text).packed(), m_message,
                           t.lineSpacing, 4) +
             t.gap;
    }
    if (stacked) {
        drawVolume(state, m + volumeWidth(state), y);
        y += t.minTarget + t.gap * 1.5f;
    }
    // The hint last, in the lines that are left (it says how to use an export).
    const int hintLines = static_cast<int>((H - m * 0.5f - y) / lineAdvance(bf, t.lineSpacing));
    if (hintLines > 0)
        drawParagraph(d, bf, ImVec2(m, y), W - 2 * m, p.textMuted.packed(), ui::kExportHint, t.lineSpacing,
                      std::min(hintLines, 6));
}

namespace {
std::string volumeText(const AppState& state)
{
    return std::string(ui::kSpeechVolume) + " " + std::to_string(state.speechVolume) + ui::kPercent;
}
float volumeButtonWidth(const Theme& t, ImFont* hf)
{
    return std::max(t.minTarget * 1.4f, hf->FontSize * 2.0f);
}
} // namespace

float StaffScreen::volumeWidth(const AppState& state) const
{
    auto [u, t, p, d, hf, bf] = DrawFrame::of(*state.ui);
    return textWidth(hf, volumeText(state)) + t.gap * 3 + 2 * volumeButtonWidth(t, hf);
}

float StaffScreen::drawVolume(AppState& state, float right, float y)
{
    // 朗读音量: big 小 / 大 buttons; the app applies and keeps the volume (app_speech.cpp).
    auto [u, t, p, d, hf, bf] = DrawFrame::of(*state.ui);
    const float vb = volumeButtonWidth(t, hf);
    const float width = volumeWidth(state);
    const float x = right - width;
    const std::string volume = volumeText(state);
    addText(d, hf, ImVec2(x, y + (t.minTarget - hf->FontSize) * 0.5f), p.text.packed(), volume);
    const float bx = x + textWidth(hf, volume) + t.gap * 2;
    if (u.button(ImVec2(bx, y), ImVec2(bx + vb, y + t.minTarget), ui::kSofter)) state.pendingVolumeSteps -= 1;
    if (u.button(ImVec2(bx + vb + t.gap, y), ImVec2(bx + 2 * vb + t.gap, y + t.minTarget), ui::kLouder))
        state.pendingVolumeSteps += 1;
    return width;
}

} // namespace kiosk

#include "kiosk/screens/staff_screen.h"

#include "kiosk/ui_text.h"

#include "content/glyph_set.h"
#include "kiosk/app_state.h"
#include "kiosk/theme.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>

namespace kiosk {

namespace {
namespace text {
constexpr const char* kTitle = "工作人员菜单";
constexpr const char* kVersion = "内容版本号：";
constexpr const char* kLastImport = "上次导入：";
constexpr const char* kNoImport = "还没有导入过";
constexpr const char* kOk = "成功";
constexpr const char* kFailed = "未成功";
constexpr const char* kStick = "U盘：";
constexpr const char* kStickIn = "已插入";
constexpr const char* kNoStick = "没有插入带 KIOSK 文件夹的U盘（导出也可以用空白U盘）";
constexpr const char* kExport = "导出当前内容到U盘";
constexpr const char* kRollback = "恢复上一版内容";
constexpr const char* kConfirmRollback = "确认恢复";
constexpr const char* kConfirmAsk = "恢复到上一版内容吗？现在的内容会被替换。";
constexpr const char* kNoRollback = "没有上一版内容可以恢复";
constexpr const char* kCancel = "取消";
constexpr const char* kBack = "返回";
constexpr const char* kBusy = "正在处理，请稍候…";
constexpr const char* kExportHint =
    "导出的表格可以在电脑上用 Excel 或 WPS 修改。U盘里没有 KIOSK 文件夹时，表格直接写进新建的 KIOSK 文件夹，"
    "改好后把U盘插回这里即可更新；已经有 KIOSK 文件夹时，写进其中的“导出-日期-时间”文件夹，不会覆盖您的文件。";
} // namespace text
} // namespace

StaffScreen::StaffScreen(platform::UpdateService& service, content::DataDir dataDir)
    : m_service(service), m_dataDir(std::move(dataDir))
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
    switch (event.kind) {
    case Kind::Exported:
    case Kind::RolledBack:
        m_message = event.message;
        m_messageIsError = false;
        m_waiting = false;
        break;
    case Kind::ExportFailed:
    case Kind::RollbackFailed:
        m_message = event.message;
        m_messageIsError = true;
        m_waiting = false;
        break;
    default:
        break;
    }
}

void StaffScreen::draw(AppState& state)
{
    Ui& u = *state.ui;
    const Theme& t = u.theme();
    const Palette& p = t.palette;
    ImDrawList* d = u.draw();
    ImFont* hf = u.fonts().heading;
    ImFont* bf = u.fonts().body;
    const float m = t.margin;
    const float W = state.width, H = state.height;

    if (u.input().pointerDown || u.input().tap) m_lastTouch = state.time;
    if (state.time - m_lastTouch > kIdleSeconds) {
        state.go(ScreenId::Home);
        return;
    }
    state.wakeAtTime(m_lastTouch + kIdleSeconds + 0.1);

    const platform::UpdateInfo info = m_service.info();
    if (m_waiting && info.busy) state.wakeAtTime(state.time + 0.5); // the info changes without an event while busy

    float y = m * 0.75f;
    // 返回 first, top-left, where every screen has its way back.
    const float btnH = t.minTarget;
    const float backW = std::max(t.minTarget * 1.6f, textWidth(hf, text::kBack) + hf->FontSize * 2);
    if (u.button(ImVec2(m, y), ImVec2(m + backW, y + btnH), text::kBack)) {
        state.go(ScreenId::Home);
        return;
    }
    drawLine(d, hf, ImVec2(m + backW + t.gap * 1.5f, y + (btnH - hf->FontSize) * 0.5f), W - 2 * m - backW,
             p.text.packed(), text::kTitle);
    y += btnH + t.gap;

    // What is on the kiosk now.
    const float innerW = W - 4 * m;
    std::vector<std::pair<std::string, Rgb>> lines;
    lines.emplace_back(text::kVersion + std::to_string(info.contentVersion), p.text);
    if (info.lastImport) {
        const auto& r = *info.lastImport;
        lines.emplace_back(std::string(text::kLastImport) + (r.ok() ? text::kOk : text::kFailed) + "  " + r.time,
                           r.ok() ? p.text : p.urgent);
        lines.emplace_back(r.summary(), p.textMuted);
    } else {
        lines.emplace_back(std::string(text::kLastImport) + text::kNoImport, p.text);
    }
    lines.emplace_back(std::string(text::kStick) + (info.stick ? std::string(text::kStickIn) + "（" +
                                                                     info.stick->root.filename().string() + "）"
                                                               : std::string(text::kNoStick)),
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
    const bool stacked = t.portrait || W < H;
    const float actionW = stacked ? W - 2 * m : (W - 2 * m - t.gap) * 0.5f;
    const float actionH = std::max(t.minTarget, hf->FontSize * 2.2f);
    const ImVec2 exportMin(m, y), exportMax(m + actionW, y + actionH);
    const ImVec2 rollMin = stacked ? ImVec2(m, y + actionH + t.gap) : ImVec2(m + actionW + t.gap, y);
    const ImVec2 rollMax(rollMin.x + actionW, rollMin.y + actionH);

    if (u.button(exportMin, exportMax, text::kExport, busy ? ButtonKind::Quiet : ButtonKind::Primary) && !busy) {
        m_confirmRollback = false;
        m_waiting = true;
        m_message = text::kBusy;
        m_messageIsError = false;
        m_service.exportToStick();
    }
    if (!m_confirmRollback) {
        const bool can = info.canRollback && !busy;
        if (u.button(rollMin, rollMax, text::kRollback, can ? ButtonKind::Primary : ButtonKind::Quiet) && !busy) {
            if (info.canRollback) {
                m_confirmRollback = true;
                m_message = text::kConfirmAsk;
                m_messageIsError = false;
            } else {
                m_message = text::kNoRollback;
                m_messageIsError = true;
            }
        }
    } else {
        // A second, deliberate tap: 确认恢复 in the warning colour, 取消 beside it.
        const float half = (rollMax.x - rollMin.x - t.gap) * 0.5f;
        if (u.button(rollMin, ImVec2(rollMin.x + half, rollMax.y), text::kConfirmRollback, ButtonKind::Colored, nullptr,
                     p.urgent)) {
            m_confirmRollback = false;
            m_waiting = true;
            m_message = text::kBusy;
            m_service.rollback();
        }
        if (u.button(ImVec2(rollMin.x + half + t.gap, rollMin.y), rollMax, text::kCancel, ButtonKind::Quiet)) {
            m_confirmRollback = false;
            m_message.clear();
        }
    }
    y = std::max(exportMax.y, rollMax.y) + t.gap * 1.5f;

    // 朗读音量: big 小 / 大 buttons; the app applies and keeps the volume (app_speech.cpp).
    {
        const float vb = std::max(t.minTarget * 1.4f, hf->FontSize * 2.0f);
        const std::string volume =
            std::string(ui::kSpeechVolume) + " " + std::to_string(state.speechVolume) + ui::kPercent;
        addText(d, hf, ImVec2(m, y + (t.minTarget - hf->FontSize) * 0.5f), p.text.packed(), volume);
        const float bx = m + textWidth(hf, volume) + t.gap * 2;
        if (u.button(ImVec2(bx, y), ImVec2(bx + vb, y + t.minTarget), ui::kSofter)) state.pendingVolumeSteps -= 1;
        if (u.button(ImVec2(bx + vb + t.gap, y), ImVec2(bx + 2 * vb + t.gap, y + t.minTarget), ui::kLouder))
            state.pendingVolumeSteps += 1;
        y += t.minTarget + t.gap * 1.5f;
    }

    if (!m_message.empty()) {
        y += drawParagraph(d, hf, ImVec2(m, y), W - 2 * m, (m_messageIsError ? p.urgent : p.text).packed(), m_message,
                           t.lineSpacing, 4) +
             t.gap;
    }
    drawParagraph(d, bf, ImVec2(m, y), W - 2 * m, p.textMuted.packed(), text::kExportHint, t.lineSpacing, 6);
}

void StaffScreen::addGlyphs(std::set<char32_t>& glyphs)
{
    for (const char* s :
         {text::kTitle, text::kVersion, text::kLastImport, text::kNoImport, text::kOk, text::kFailed, text::kStick,
          text::kStickIn, text::kNoStick, text::kExport, text::kRollback, text::kConfirmRollback, text::kConfirmAsk,
          text::kNoRollback, text::kCancel, text::kBack, text::kBusy, text::kExportHint,
          // The service's messages for these actions (platform/update_service.cpp).
          "已导出到U盘的 KIOSK 文件夹（U盘里原有的文件没有改动）。修改后，把表格复制到U盘的 KIOSK 文件夹，再插到这里。"
          "在电脑上修改这些表格后，把U盘插到这里即可更新。没有找到U盘。请插入U盘后再试。U盘有写保护，无法写入。"
          "写入U盘失败（U盘已满、有写保护或已拔出）。内容库无法打开，不能导出已恢复上一版内容（版本号 ）"
          "没有可以恢复的上一版内容恢复失败：导出-",
          // ImportReport::summary() wording.
          "已更新：未更新，发现 "
          "个问题：……内容包还没有同步完整，稍后会自动再试这是未签名的内容包，请工作人员输入密码后导入"
          "内容没有变化：版本 已是当前内容"})
        content::addGlyphs(s, glyphs);
}

} // namespace kiosk

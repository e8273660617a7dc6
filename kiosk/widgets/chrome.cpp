#include "kiosk/widgets/chrome.h"

#include "kiosk/ui_text.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>
#include <iterator>

namespace kiosk {

namespace {
constexpr Section kSections[] = {
    {ScreenId::Activities, ui::kActivities, ui::kIconActivities, 0},
    {ScreenId::Meals, ui::kMeals, ui::kIconMeals, 1},
    {ScreenId::Lectures, ui::kLectures, ui::kIconLectures, 2},
    {ScreenId::Notices, ui::kNotices, ui::kIconNotices, 3},
    {ScreenId::Guide, ui::kGuide, ui::kIconGuide, 4},
    {ScreenId::Contacts, ui::kContacts, ui::kIconContacts, 5},
};
} // namespace

const Section* sections(int& count)
{
    count = static_cast<int>(std::size(kSections));
    return kSections;
}

const Section* sectionFor(ScreenId id)
{
    for (const auto& s : kSections)
        if (s.id == id) return &s;
    return nullptr;
}

float drawLargeTextToggle(Ui& u, bool largeText, ImVec2 min, float height, bool& tapped)
{
    const Theme& t = u.theme();
    // The label names what a tap switches to; the icon "字" grows with it.
    const char* label = largeText ? ui::kLargeTextOff : ui::kLargeTextOn;
    const float w = std::max(t.minTarget * 1.6f, textWidth(u.fonts().heading, label) + t.px(60));
    if (u.button(min, ImVec2(min.x + w, min.y + height), label, ButtonKind::Quiet, u.fonts().heading, {}, false))
        tapped = true;
    return w;
}

TopBarTaps drawTopBar(Ui& u, const TopBar& bar)
{
    TopBarTaps taps;
    const Theme& t = u.theme();
    const Palette& p = t.palette;
    ImDrawList* d = u.draw();
    const float barH = t.topBarHeight;
    d->AddRectFilled(ImVec2(0, 0), ImVec2(bar.width, barH), p.secondary.packed());
    d->AddLine(ImVec2(0, barH), ImVec2(bar.width, barH), p.cardBorder.packed(), t.border);

    const float btnH = std::max(t.minTarget, barH - t.px(30));
    const float y = (barH - btnH) * 0.5f;
    float x = t.margin * 0.6f;
    ImFont* hf = u.fonts().heading;
    const float toggleW = std::max(t.minTarget * 1.6f, textWidth(hf, ui::kLargeTextOff) + t.px(60));
    const float speakW = bar.drawSpeak ? bar.speakWidth(btnH) + t.gap : 0.0f;
    // 返回首页, or 首页 where the whole label would leave 朗读 no gap (portrait in 大字).
    const auto backWidth = [&](const char* label) {
        return std::max(t.minTarget * 2, textWidth(hf, label) + hf->FontSize * 1.6f);
    };
    const float room = bar.width - t.margin * 1.2f - toggleW - t.gap - speakW - t.gap * 1.5f;
    const char* backLabel = backWidth(ui::kBackHome) <= room ? ui::kBackHome : ui::kHome;
    const float backW = backWidth(backLabel);
    // A house shape beside the words.
    if (u.button(ImVec2(x, y), ImVec2(x + backW, y + btnH), "", ButtonKind::Primary, hf)) taps.home = true;
    {
        const float s = hf->FontSize * 0.5f;
        const float cx = x + hf->FontSize * 0.75f, cy = y + btnH * 0.5f;
        const ImU32 ink = p.onDark.packed();
        const bool down = u.pressed(ImVec2(x, y), ImVec2(x + backW, y + btnH));
        const float sink = down ? t.px(4) : 0;
        d->AddTriangleFilled(ImVec2(cx - s, cy - s * 0.1f + sink), ImVec2(cx + s, cy - s * 0.1f + sink),
                             ImVec2(cx, cy - s + sink), ink);
        d->AddRectFilled(ImVec2(cx - s * 0.7f, cy - s * 0.1f + sink), ImVec2(cx + s * 0.7f, cy + s * 0.8f + sink), ink);
        addText(d, hf, ImVec2(x + hf->FontSize * 1.35f, cy - hf->FontSize * 0.5f + sink), ink, backLabel);
    }
    x += backW + t.gap * 1.5f;

    const Section* section = sectionFor(bar.id);
    float titleRight = bar.width - t.margin * 0.6f - toggleW - t.gap;
    bool spoke = false;
    if (bar.drawSpeak) {
        spoke = bar.drawSpeak(ImVec2(titleRight - speakW + t.gap, y), ImVec2(titleRight, y + btnH));
        if (spoke) titleRight -= speakW;
    }
    // The badge and the title beside the buttons where they fit whole; else (portrait beside 朗读,
    // 大字) on a row of their own under the bar, so the section is always named in words.
    taps.bottom = barH;
    if (section) {
        const float r = std::min(barH * 0.36f, hf->FontSize * 0.85f);
        const float titleW = 2 * r + t.gap * 0.6f + textWidth(hf, section->title);
        float rowX = x, rowMid = barH * 0.5f;
        if (x + titleW > titleRight) {
            const float rowH = std::max(2 * r, hf->FontSize * 1.3f) + t.px(20);
            d->AddRectFilled(ImVec2(0, barH), ImVec2(bar.width, barH + rowH), p.secondary.packed());
            d->AddLine(ImVec2(0, barH + rowH), ImVec2(bar.width, barH + rowH), p.cardBorder.packed(), t.border);
            rowX = t.margin * 0.6f;
            rowMid = barH + rowH * 0.5f;
            titleRight = bar.width - t.margin * 0.6f;
            taps.bottom = barH + rowH;
        }
        u.badge(ImVec2(rowX + r, rowMid), r, section->icon, p.tile[section->colorIndex]);
        rowX += 2 * r + t.gap * 0.6f;
        drawLine(d, hf, ImVec2(rowX, rowMid - hf->FontSize * 0.5f), titleRight - rowX, p.text.packed(), section->title);
    }
    drawLargeTextToggle(u, bar.largeText, ImVec2(bar.width - t.margin * 0.6f - toggleW, y), btnH, taps.largeText);
    return taps;
}

void drawEmptyState(Ui& u, const Section* section, ImVec2 min, ImVec2 max, std::string_view message)
{
    const Theme& t = u.theme();
    const Palette& p = t.palette;
    ImFont* hf = u.fonts().heading;
    ImFont* bf = u.fonts().body;
    // Centred and friendly: the section's sign, the message, and where to ask.
    const float w = std::min(max.x - min.x - 2 * t.margin, hf->FontSize * 14);
    const float x = (min.x + max.x - w) * 0.5f;
    const float r = hf->FontSize * 0.9f;
    const float messageH = paragraphHeight(hf, message, w, 1.3f);
    const float hintH = paragraphHeight(bf, ui::kEmptyHint, w, t.lineSpacing);
    const float total = 2 * r + t.gap * 1.5f + messageH + t.gap * 0.5f + hintH;
    float y = std::max(min.y, (min.y + max.y - total) * 0.5f);
    const ImVec2 c((min.x + max.x) * 0.5f, y + r);
    u.badge(c, r, section ? section->icon : ui::kIconNotices, section ? p.tile[section->colorIndex] : p.primary, hf);
    y += 2 * r + t.gap * 1.5f;
    y += drawParagraphCentered(u.draw(), hf, x, y, w, p.text.packed(), message, 1.3f) + t.gap * 0.5f;
    drawParagraphCentered(u.draw(), bf, x, y, w, p.textMuted.packed(), ui::kEmptyHint, t.lineSpacing);
}

Area contentArea(const Theme& t, float width, float height, float top, float bottomReserve)
{
    return Area{ImVec2(t.margin, top + t.gap), ImVec2(width - t.margin, height - t.margin * 0.75f - bottomReserve)};
}

float drawDayTabs(Ui& u, ImVec2 min, float width, content::Date today, int& selected)
{
    const Theme& t = u.theme();
    const float gap = std::max(t.px(16), std::min(t.gap, (width - 7 * t.minTarget) / 6));
    // One row of seven; two rows (four and three) when 周一 or 已结束 would not fit whole in a
    // seventh of the width (portrait in 大字).
    const float inner = 0;
    const bool fitsOneRow = (width - 6 * gap) / 7 - inner >=
                            std::max(textWidth(u.fonts().heading, "周一"), textWidth(u.fonts().body, ui::kOver));
    const int perRow = fitsOneRow ? 7 : 4;
    const float w = (width - (perRow - 1) * gap) / perRow;
    const float h = std::max(t.minTarget, u.fonts().heading->FontSize + u.fonts().body->FontSize * 1.05f + t.px(20));
    const content::Date monday = content::weekStart(today);
    for (int i = 0; i < 7; ++i) {
        const content::Date day = content::addDays(monday, i);
        const ImVec2 a(min.x + (i % perRow) * (w + gap), min.y + (i / perRow) * (h + gap));
        // A past day looks finished: muted, and says so in words.
        const bool past = day < today;
        std::string second;
        if (day == today)
            second = ui::kToday;
        else if (past)
            second = ui::kOver;
        else if (w > u.fonts().body->FontSize * 4.6f)
            second = content::formatMonthDayChinese(day);
        else
            second = std::to_string(static_cast<unsigned>(day.day())) + "日";
        if (u.button2(a, ImVec2(a.x + w, a.y + h), content::weekdayShortName(i), second, i == selected, past))
            selected = i;
    }
    return fitsOneRow ? h : 2 * h + gap;
}

} // namespace kiosk

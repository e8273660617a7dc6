// 防骗指南: one scam per page in very large text — 骗术 / 识破 / 应对 — with big 上一条 / 下一条
// buttons, 第 n 条 / 共 N 条, and a fixed footer with 96110 and 110.
#include "kiosk/app_state.h"
#include "kiosk/read_aloud.h"
#include "kiosk/screens/screen_chrome.h"
#include "kiosk/screens/screen_frame.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/speak_button.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace kiosk {

namespace {

class GuideScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Guide; }
    void onEnter(AppState&) override
    {
        m_index = 0;
        m_scroller.reset();
    }
    bool wantsFrames(const AppState&) const override { return m_scroller.isMoving() || m_scroller.isDragging(); }

    void draw(AppState& state) override
    {
        const auto [u, t, p, s, d, hf, bf] = screenFrame(state);
        const float W = state.width, H = state.height;

        const float top = drawTopBar(state, id());
        const int count = static_cast<int>(s.guide.size());
        if (count > 0) m_index = std::clamp(m_index, 0, count - 1);

        // --- Footer: hotline numbers always visible; page buttons.
        // Big enough to hit (and for its words), no bigger: the page needs the height.
        const float btnH = std::max(t.minTarget, hf->FontSize * 1.6f);
        const float btnW = std::max(t.minTarget * 2.2f, textWidth(hf, ui::kPrevious) + hf->FontSize * 2.4f);
        // The hotline: one line when it fits, else the words and the numbers on lines of their own.
        const float hotlineW = t.portrait ? W - 2 * t.margin : W - 2 * (t.margin + btnW + t.gap);
        const std::string numbers = std::string(ui::kFraudHotline) + "   " + ui::kPolice;
        const std::string whole = std::string(ui::kFraudFooter) + "  " + numbers;
        std::vector<std::string> hotline;
        if (textWidth(hf, whole) <= hotlineW)
            hotline = {whole};
        else if (!t.portrait && textWidth(hf, numbers) <= hotlineW)
            // Landscape 大字: the numbers alone on one line; a second line would take the page's
            // height, and the numbers are what a visitor needs.
            hotline = {numbers};
        else if (textWidth(hf, numbers) <= hotlineW)
            hotline = {ui::kFraudFooter, numbers};
        else
            hotline = {ui::kFraudFooter, ui::kFraudHotline, ui::kPolice};
        const float hotlineLine = hf->FontSize * 1.15f;
        const float hotlineH = hotline.size() * hotlineLine + hf->FontSize * 0.45f;
        const float footerH = t.portrait ? btnH + hotlineH + t.gap * 2 : std::max(btnH, hotlineH) + t.gap * 1.4f;
        const float footerTop = H - footerH;
        d->AddRectFilled(ImVec2(0, footerTop), ImVec2(W, H), p.secondary.packed());
        d->AddLine(ImVec2(0, footerTop), ImVec2(W, footerTop), p.cardBorder.packed(), t.border);
        const float by = t.portrait ? footerTop + t.gap : footerTop + (footerH - btnH) * 0.5f;
        char pageText[64];
        std::snprintf(pageText, sizeof pageText, ui::kEntryOf, count ? m_index + 1 : 0, count);
        const ImVec2 prevA(t.margin, by), prevB(t.margin + btnW, by + btnH);
        const ImVec2 nextA(W - t.margin - btnW, by), nextB(W - t.margin, by + btnH);
        if (count > 1) {
            if (m_index > 0) {
                if (u.button(prevA, prevB, std::string("◀ ") + ui::kPrevious, ButtonKind::Primary))
                    turn(state, -1, count);
            }
            if (m_index + 1 < count) {
                if (u.button(nextA, nextB, std::string(ui::kNextEntry) + " ▶", ButtonKind::Primary))
                    turn(state, +1, count);
            }
        }
        // In landscape between the buttons, in portrait on its own rows below them.
        const float hx = t.portrait ? t.margin : prevB.x + t.gap;
        float hy = t.portrait
                       ? by + btnH + t.gap * 0.5f + (H - by - btnH - t.gap * 0.5f - hotline.size() * hotlineLine) * 0.5f
                       : footerTop + (footerH - hotline.size() * hotlineLine) * 0.5f;
        for (const std::string& line : hotline) {
            drawCentered(d, hf, ImVec2(hx, hy), ImVec2(hx + hotlineW, hy + hotlineLine), p.urgent.packed(), line);
            hy += hotlineLine;
        }
        if (t.portrait) {
            // Between the buttons when it fits whole (the count is also at the top of the page).
            if (textWidth(bf, pageText) <= nextA.x - prevB.x - t.gap)
                drawCentered(d, bf, ImVec2(prevB.x, by), ImVec2(nextA.x, by + btnH), p.text.packed(), pageText);
        }

        Area area = contentArea(state, top);
        area.max.y = footerTop - t.gap;
        if (count == 0) {
            drawEmptyState(state, area.min, area.max, ui::kNoGuide);
            return;
        }
        const content::GuideEntry& g = *s.guide[m_index];

        // --- Page heading: 第 n 条 / 共 N 条, the scam's name and 朗读 (the whole page and the
        // hotline). Landscape: one row; portrait: the count and 朗读 above the name.
        const float speakH = t.minTarget;
        const float speakW = speakButtonWidth(state, speakH);
        float y = area.min.y;
        float x = area.min.x;
        const bool spoke = speakButton(state, ImVec2(area.max.x - speakW, y), ImVec2(area.max.x, y + speakH),
                                       "guide:" + std::to_string(m_index), [&] { return read_aloud::guidePage(g); });
        float titleH;
        if (!t.portrait) {
            x += u.chip(ImVec2(x, y), pageText, p.primary, p.onDark) + t.gap;
            const float titleRight = spoke ? area.max.x - speakW - t.gap : area.max.x;
            titleH = drawParagraph(d, hf, ImVec2(x, y - (hf->FontSize * 1.3f - u.chipHeight()) * 0.5f), titleRight - x,
                                   p.text.packed(), g.title, 1.3f, 2);
            y += std::max({titleH, u.chipHeight(), spoke ? speakH : 0.0f}) + t.gap * 0.6f;
        } else {
            u.chip(ImVec2(x, y), pageText, p.primary, p.onDark);
            y += std::max(u.chipHeight(), spoke ? speakH : 0.0f) + t.px(10);
            titleH = drawParagraph(d, hf, ImVec2(x, y), area.width(), p.text.packed(), g.title, 1.3f, 3);
            y += titleH + t.gap * 0.6f;
        }

        // --- The three parts, scrolling if they do not fit (measured first, then drawn).
        struct Part {
            const char* label;
            const std::string* text;
            Rgb color;
        };
        const Part parts[] = {{ui::kHowItGoes, &g.howItGoes, p.urgent},
                              {ui::kHowToSpot, &g.howToSpot, p.pinned},
                              {ui::kWhatToDo, &g.whatToDo, p.ongoing}};
        const float right = area.max.x - t.px(30);
        const float labelW = t.portrait ? 0 : u.chipWidth(ui::kHowItGoes, hf) + t.gap;
        const float tx = area.min.x + labelW;
        const auto partsAt = [&](float yy, bool draw) {
            const float start = yy;
            for (const Part& part : parts) {
                if (part.text->empty()) continue;
                if (draw) u.chip(ImVec2(area.min.x, yy), part.label, part.color, p.onDark, hf);
                if (t.portrait) yy += u.chipHeight(hf) + t.px(10);
                const ImVec2 at(tx, yy - (t.portrait ? 0 : (hf->FontSize * t.lineSpacing - u.chipHeight(hf)) * 0.5f));
                const float h = draw ? drawParagraph(d, hf, at, right - tx, p.text.packed(), *part.text, t.lineSpacing)
                                     : paragraphHeight(hf, *part.text, right - tx, t.lineSpacing);
                yy += std::max(h, u.chipHeight(hf)) + t.gap;
            }
            return yy - start;
        };
        const float contentH = partsAt(0, false);
        const float origin = u.beginScroll(m_scroller, ImVec2(area.min.x, y), area.max, contentH);
        partsAt(origin, true);
        u.endScroll(m_scroller, contentH);
    }

private:
    void turn(AppState& state, int step, int count)
    {
        // The old page must not go on speaking over the new one.
        stopSpeechOf(state, "guide:");
        m_index = std::clamp(m_index + step, 0, count - 1);
        m_scroller.reset();
    }
    int m_index = 0;
    TouchScroller m_scroller;
};

} // namespace

std::unique_ptr<Screen> makeGuideScreen()
{
    return std::make_unique<GuideScreen>();
}

} // namespace kiosk

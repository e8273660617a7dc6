// 防骗指南: one scam per page in very large text — 骗术 / 识破 / 应对 — with big 上一条 / 下一条
// buttons, 第 n 条 / 共 N 条, and a fixed footer with 96110 and 110.
#include "kiosk/app_state.h"
#include "kiosk/screens/screen_frame.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>
#include <cstdio>

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
        const auto [u, t, p, s, d, f] = ScreenFrame::of(state);
        ImFont* hf = f.heading;
        ImFont* bf = f.body;
        const float W = state.width, H = state.height;

        const float top = drawTopBar(state, id());
        const int count = static_cast<int>(s.guide.size());
        if (count > 0) m_index = std::clamp(m_index, 0, count - 1);

        // --- Footer: hotline numbers always visible; page buttons.
        const float btnH = std::max(t.minTarget, hf->FontSize * 2.2f);
        const float btnW = std::max(t.minTarget * 2.2f, textWidth(hf, ui::kPrevious) + hf->FontSize * 2.4f);
        const float hotlineH = hf->FontSize * 1.6f;
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
                if (u.button(prevA, prevB, std::string("◀ ") + ui::kPrevious, ButtonKind::Primary)) turn(-1, count);
            }
            if (m_index + 1 < count) {
                if (u.button(nextA, nextB, std::string(ui::kNextEntry) + " ▶", ButtonKind::Primary)) turn(+1, count);
            }
        }
        // The hotline: in landscape between the buttons, in portrait on its own row.
        const std::string hotline = std::string(ui::kFraudFooter) + "  " + ui::kFraudHotline + "   " + ui::kPolice;
        if (t.portrait) {
            drawCentered(d, hf, ImVec2(0, by + btnH + t.gap * 0.5f), ImVec2(W, H - t.gap * 0.5f), p.urgent.packed(),
                         hotline);
            drawCentered(d, bf, ImVec2(prevB.x, by), ImVec2(nextA.x, by + btnH), p.text.packed(), pageText);
        } else {
            drawCentered(d, hf, ImVec2(prevB.x + t.gap, footerTop), ImVec2(nextA.x - t.gap, H), p.urgent.packed(),
                         hotline);
        }

        Area area = contentArea(state, top);
        area.max.y = footerTop - t.gap;
        if (count == 0) {
            drawEmptyState(state, area.min, area.max, ui::kNoGuide);
            return;
        }
        const content::GuideEntry& g = *s.guide[m_index];

        // --- Page heading: 第 n 条 / 共 N 条 and the scam's name.
        float y = area.min.y;
        float x = area.min.x;
        if (!t.portrait)
            x += u.chip(ImVec2(x, y), pageText, p.primary, p.onDark) + t.gap;
        else
            u.chip(ImVec2(x, y), pageText, p.primary, p.onDark), y += u.chipHeight() + t.px(10);
        const float titleH =
            drawParagraph(d, hf, ImVec2(x, y - (t.portrait ? 0 : (hf->FontSize * 1.3f - u.chipHeight()) * 0.5f)),
                          area.max.x - x, p.text.packed(), g.title, 1.3f, 2);
        y += std::max(titleH, u.chipHeight()) + t.gap * 0.6f;

        // --- The three parts, scrolling if they do not fit.
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
        float yy = u.beginScroll(m_scroller, ImVec2(area.min.x, y), area.max);
        const float origin = yy;
        for (const Part& part : parts) {
            if (part.text->empty()) continue;
            const float tx = area.min.x + labelW;
            u.chip(ImVec2(area.min.x, yy), part.label, part.color, p.onDark, hf);
            if (t.portrait) yy += u.chipHeight(hf) + t.px(10);
            const float h = drawParagraph(
                d, hf, ImVec2(tx, yy - (t.portrait ? 0 : (hf->FontSize * t.lineSpacing - u.chipHeight(hf)) * 0.5f)),
                right - tx, p.text.packed(), *part.text, t.lineSpacing);
            yy += std::max(h, u.chipHeight(hf)) + t.gap;
        }
        u.endScroll(m_scroller, yy - origin);
    }

private:
    void turn(int step, int count)
    {
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

// 通知公告: active notices, pinned first (置顶), urgent ones labelled 紧急.
#include "kiosk/app_state.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

namespace kiosk {

namespace {

class NoticesScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Notices; }
    void onEnter(AppState&) override { m_scroller.reset(); }
    bool wantsFrames(const AppState&) const override { return m_scroller.isMoving() || m_scroller.isDragging(); }

    void draw(AppState& state) override
    {
        Ui& u = *state.ui;
        const Theme& t = u.theme();
        const Palette& p = t.palette;
        const Snapshot& s = state.view();
        ImDrawList* d = u.draw();
        ImFont* hf = u.fonts().heading;
        ImFont* bf = u.fonts().body;

        const Area area = contentArea(state, drawTopBar(state, id()));
        if (s.notices.empty()) {
            drawEmptyState(state, area.min, area.max, ui::kNoNotices);
            return;
        }
        const float right = area.max.x - t.px(30);
        const float pad = t.px(28);
        float y = u.beginScroll(m_scroller, area.min, area.max);
        const float origin = y;
        for (const content::Notice* n : s.notices) {
            const float x = area.min.x + pad;
            const float w = right - x - pad;
            const bool labels = n->pinned || n->urgent;
            float h = pad + (labels ? u.chipHeight() + t.px(12) : 0) + paragraphHeight(hf, n->title, w, 1.3f);
            if (!n->body.empty()) h += t.px(8) + paragraphHeight(bf, n->body, w, t.lineSpacing);
            h += pad;

            const ImVec2 c0(area.min.x, y), c1(right, y + h);
            u.card(c0, c1, p.card, n->urgent ? p.urgent : p.cardBorder);
            if (n->urgent) d->AddRect(c0, c1, p.urgent.packed(), t.radius, 0, t.border * 2.5f);
            float yy = y + pad;
            if (labels) {
                float cx = x;
                if (n->urgent) cx += u.chip(ImVec2(cx, yy), ui::kUrgent, p.urgent, p.onDark) + t.px(12);
                if (n->pinned) u.chip(ImVec2(cx, yy), ui::kPinned, p.pinned, p.onDark);
                yy += u.chipHeight() + t.px(12);
            }
            yy += drawParagraph(d, hf, ImVec2(x, yy), w, p.text.packed(), n->title, 1.3f);
            if (!n->body.empty())
                drawParagraph(d, bf, ImVec2(x, yy + t.px(8)), w, p.text.packed(), n->body, t.lineSpacing);
            y += h + t.gap;
        }
        u.endScroll(m_scroller, y - origin - t.gap);
    }

private:
    TouchScroller m_scroller;
};

} // namespace

std::unique_ptr<Screen> makeNoticesScreen()
{
    return std::make_unique<NoticesScreen>();
}

} // namespace kiosk

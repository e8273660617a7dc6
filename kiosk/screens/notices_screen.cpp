// 通知公告: active notices, pinned first (置顶), urgent ones labelled 紧急.
#include "kiosk/app_state.h"
#include "kiosk/screens/screen_frame.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

namespace kiosk {

namespace {

class NoticesScreen final : public CardListScreen {
public:
    ScreenId id() const override { return ScreenId::Notices; }

    void draw(AppState& state) override
    {
        const auto [u, t, p, s, d, f] = ScreenFrame::of(state);
        ImFont* hf = f.heading;
        ImFont* bf = f.body;

        const Area area = contentArea(state, drawTopBar(state, id()));
        if (s.notices.empty()) {
            drawEmptyState(state, area.min, area.max, ui::kNoNotices);
            return;
        }
        const float pad = t.px(28);
        const auto measure = [&](int i, float width) {
            const content::Notice* n = s.notices[static_cast<std::size_t>(i)];
            const float w = width - 2 * pad;
            const bool labels = n->pinned || n->urgent;
            float h = pad + (labels ? u.chipHeight() + t.px(12) : 0) + paragraphHeight(hf, n->title, w, 1.25f);
            if (!n->body.empty()) h += t.px(8) + paragraphHeight(bf, n->body, w, t.lineSpacing);
            return h + pad;
        };
        const auto drawCard = [&](int i, ImVec2 c0, ImVec2 c1) {
            const content::Notice* n = s.notices[static_cast<std::size_t>(i)];
            const float x = c0.x + pad, w = c1.x - c0.x - 2 * pad;
            u.card(c0, c1, p.card, n->urgent ? p.urgent : p.cardBorder);
            if (n->urgent) d->AddRect(c0, c1, p.urgent.packed(), t.radius, 0, t.border * 2.5f);
            float yy = c0.y + pad;
            if (n->pinned || n->urgent) {
                float cx = x;
                if (n->urgent) cx += u.chip(ImVec2(cx, yy), ui::kUrgent, p.urgent, p.onDark) + t.px(12);
                if (n->pinned) u.chip(ImVec2(cx, yy), ui::kPinned, p.pinned, p.onDark);
                yy += u.chipHeight() + t.px(12);
            }
            yy += drawParagraph(d, hf, ImVec2(x, yy), w, p.text.packed(), n->title, 1.25f);
            if (!n->body.empty())
                drawParagraph(d, bf, ImVec2(x, yy + t.px(8)), w, p.text.packed(), n->body, t.lineSpacing);
        };
        drawWideCards(u, area, static_cast<int>(s.notices.size()), s.serial, measure, drawCard);
    }
};

} // namespace

std::unique_ptr<Screen> makeNoticesScreen()
{
    return std::make_unique<NoticesScreen>();
}

} // namespace kiosk

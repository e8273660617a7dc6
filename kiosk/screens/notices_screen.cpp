// 通知公告: active notices, pinned first (置顶), urgent ones labelled 紧急, each with its 朗读.
#include "kiosk/app_state.h"
#include "kiosk/read_aloud.h"
#include "kiosk/screens/screen_frame.h"
#include "kiosk/screens/screens.h"
#include "kiosk/screens/section_screen.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/speak_button.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>
#include <string>

namespace kiosk {

namespace {

class NoticesScreen final : public CardListScreen {
public:
    ScreenId id() const override { return ScreenId::Notices; }

    void draw(AppState& state) override
    {
        const auto [u, t, p, s, d, hf, bf] = screenFrame(state);
        const std::optional<Area> area = drawSectionTop(state, s.notices.empty(), ui::kNoNotices);
        if (!area) return;
        const float pad = t.px(28);
        const float speakH = t.minTarget;
        const float speakW = speakButtonWidth(state, speakH);
        const auto measure = [&](int i, float width) {
            const content::Notice* n = s.notices[static_cast<std::size_t>(i)];
            const float w = width - 2 * pad;
            const bool labels = n->pinned || n->urgent;
            // The title leaves room at its right for the card's 朗读 (the labels keep their own row).
            float h = pad + (labels ? u.chipHeight() + t.px(12) : 0) +
                      std::max(paragraphHeight(hf, n->title, w - speakW - t.gap, 1.25f), speakH);
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
            const float top = yy;
            speakButton(state, ImVec2(x + w - speakW, yy), ImVec2(x + w, yy + speakH), "notice:" + std::to_string(i),
                        [&] { return read_aloud::notice(*n); });
            yy += drawParagraph(d, hf, ImVec2(x, yy), w - speakW - t.gap, p.text.packed(), n->title, 1.25f);
            yy = std::max(yy, top + speakH);
            if (!n->body.empty())
                drawParagraph(d, bf, ImVec2(x, yy + t.px(8)), w, p.text.packed(), n->body, t.lineSpacing);
        };
        drawWideCards(u, *area, static_cast<int>(s.notices.size()), s.serial, measure, drawCard);
    }
};

} // namespace

std::unique_ptr<Screen> makeNoticesScreen()
{
    return std::make_unique<NoticesScreen>();
}

} // namespace kiosk

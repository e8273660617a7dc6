// 常用电话: numbers grouped by category (紧急 first), the numbers in the heading font.
#include "kiosk/app_state.h"
#include "kiosk/screens/screen_frame.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>

namespace kiosk {

namespace {

class ContactsScreen final : public CardListScreen {
public:
    ScreenId id() const override { return ScreenId::Contacts; }

    void draw(AppState& state) override
    {
        const auto [u, t, p, s, d, f] = ScreenFrame::of(state);
        ImFont* hf = f.heading;
        ImFont* bf = f.body;

        const Area area = contentArea(state, drawTopBar(state, id()));
        if (s.contacts.empty()) {
            drawEmptyState(state, area.min, area.max, ui::kNoContacts);
            return;
        }
        // One card per number, in group order (紧急 first), the group named on each card.
        struct Item {
            const content::Contact* contact;
            std::string group;
            bool emergency;
        };
        std::vector<Item> items;
        for (const auto& group : s.contacts)
            for (const content::Contact* c : group.contacts)
                items.push_back(
                    {c, group.category.empty() ? std::string("其他") : group.category, group.category == "紧急"});
        const float pad = t.px(24);
        // Numbers in the heading font, all of them: one with 转 and an extension keeps the size
        // of the others and wraps (between the number and 转) instead of shrinking.
        const auto numberWidth = [&](const Item& it, float w) { return std::min(w, textWidth(hf, it.contact->phone)); };
        const auto sideBySide = [&](const Item& it, float w) {
            return w - numberWidth(it, w) - t.gap >= hf->FontSize * 5;
        };
        const auto measure = [&](int i, float width) {
            const Item& it = items[static_cast<std::size_t>(i)];
            const float w = width - 2 * pad;
            const bool side = sideBySide(it, w);
            const float textW = side ? w - numberWidth(it, w) - t.gap : w;
            float textH = u.chipHeight() + t.px(10) + paragraphHeight(hf, it.contact->name, textW, 1.25f);
            if (!it.contact->note.empty()) textH += paragraphHeight(bf, it.contact->note, textW, t.lineSpacing);
            const float numberH = paragraphHeight(hf, it.contact->phone, side ? numberWidth(it, w) : w, 1.2f);
            return pad * 2 + (side ? std::max(textH, numberH) : textH + numberH);
        };
        const auto drawCard = [&](int i, ImVec2 c0, ImVec2 c1) {
            const Item& it = items[static_cast<std::size_t>(i)];
            const content::Contact* c = it.contact;
            const float x = c0.x + pad, w = c1.x - c0.x - 2 * pad;
            const bool side = sideBySide(it, w);
            const float numberW = numberWidth(it, w);
            const float textW = side ? w - numberW - t.gap : w;
            u.card(c0, c1, p.card, it.emergency ? p.urgent : p.cardBorder);
            float yy = c0.y + pad;
            u.chip(ImVec2(x, yy), it.group, it.emergency ? p.urgent : p.primary, p.onDark);
            yy += u.chipHeight() + t.px(10);
            yy += drawParagraph(d, hf, ImVec2(x, yy), textW, p.text.packed(), c->name, 1.25f);
            if (!c->note.empty())
                yy += drawParagraph(d, bf, ImVec2(x, yy), textW, p.textMuted.packed(), c->note, t.lineSpacing);
            const Rgb numberInk = it.emergency ? p.urgent : p.primary;
            if (side) {
                const float nh = paragraphHeight(hf, c->phone, numberW, 1.2f);
                drawParagraph(d, hf, ImVec2(x + w - numberW, (c0.y + c1.y - nh) * 0.5f), numberW, numberInk.packed(),
                              c->phone, 1.2f);
            } else {
                drawParagraph(d, hf, ImVec2(x, yy), w, numberInk.packed(), c->phone, 1.2f);
            }
        };
        drawWideCards(u, area, static_cast<int>(items.size()), s.serial, measure, drawCard);
    }
};

} // namespace

std::unique_ptr<Screen> makeContactsScreen()
{
    return std::make_unique<ContactsScreen>();
}

} // namespace kiosk

// 常用电话: numbers grouped by category (紧急 first), the numbers in the heading font, and an
// entry's 二维码 (an app to install, a group to join) beside it at a size a phone can scan.
#include "kiosk/app_state.h"
#include "kiosk/screens/screen_frame.h"
#include "kiosk/screens/screens.h"
#include "kiosk/screens/section_screen.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/qr_code.h"
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
        const auto [u, t, p, s, d, hf, bf] = screenFrame(state);
        const std::optional<Area> area = drawSectionTop(state, s.contacts.empty(), ui::kNoContacts);
        if (!area) return;
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
        // Scannable from 50 cm: at least 240 px at 1080p, like home's.
        const float qrMin = t.px(252);
        const auto qrOf = [&](const Item& it) -> const QrMatrix* {
            if (it.contact->qrCode.empty()) return nullptr;
            const QrMatrix& m = m_qr.get(it.contact->qrCode);
            return m.size > 0 ? &m : nullptr;
        };
        // The code takes the card's right side; name, note and number share the rest.
        const auto textArea = [&](const Item& it, float w) {
            const QrMatrix* qr = qrOf(it);
            return qr ? w - qrSide(*qr, qrMin) - t.gap : w;
        };
        // Numbers in the heading font, all of them: one with 转 and an extension keeps the size
        // of the others and wraps (between the number and 转) instead of shrinking.
        const auto numberWidth = [&](const Item& it, float w) { return std::min(w, textWidth(hf, it.contact->phone)); };
        const auto sideBySide = [&](const Item& it, float w) {
            return w - numberWidth(it, w) - t.gap >= hf->FontSize * 5;
        };
        const auto measure = [&](int i, float width) {
            const Item& it = items[static_cast<std::size_t>(i)];
            const QrMatrix* qr = qrOf(it);
            const float w = textArea(it, width - 2 * pad);
            const bool side = sideBySide(it, w);
            const float textW = side ? w - numberWidth(it, w) - t.gap : w;
            float textH = u.chipHeight() + t.px(10) + paragraphHeight(hf, it.contact->name, textW, 1.25f);
            if (!it.contact->note.empty()) textH += paragraphHeight(bf, it.contact->note, textW, t.lineSpacing);
            const float numberH = paragraphHeight(hf, it.contact->phone, side ? numberWidth(it, w) : w, 1.2f);
            return pad * 2 + std::max(side ? std::max(textH, u.chipHeight() + t.px(10) + numberH) : textH + numberH,
                                      qr ? qrSide(*qr, qrMin) : 0.0f);
        };
        const auto drawCard = [&](int i, ImVec2 c0, ImVec2 c1) {
            const Item& it = items[static_cast<std::size_t>(i)];
            const content::Contact* c = it.contact;
            const QrMatrix* qr = qrOf(it);
            const float x = c0.x + pad, w = textArea(it, c1.x - c0.x - 2 * pad);
            const bool side = sideBySide(it, w);
            const float numberW = numberWidth(it, w);
            const float textW = side ? w - numberW - t.gap : w;
            u.card(c0, c1, p.card, it.emergency ? p.urgent : p.cardBorder);
            if (qr) {
                const float qrW = qrSide(*qr, qrMin);
                drawQrCode(d, ImVec2(c1.x - pad - qrW, (c0.y + c1.y - qrW) * 0.5f), qrMin, *qr, p.text, p.card);
            }
            float yy = c0.y + pad;
            u.chip(ImVec2(x, yy), it.group, it.emergency ? p.urgent : p.primary, p.onDark);
            yy += u.chipHeight() + t.px(10);
            const float nameTop = yy;
            yy += drawParagraph(d, hf, ImVec2(x, yy), textW, p.text.packed(), c->name, 1.25f);
            const Rgb numberInk = it.emergency ? p.urgent : p.primary;
            // Beside a QR code the number comes right under the name, so it never scrolls away.
            if (!side && qr) yy += drawParagraph(d, hf, ImVec2(x, yy), w, numberInk.packed(), c->phone, 1.2f);
            if (!c->note.empty())
                yy += drawParagraph(d, bf, ImVec2(x, yy), textW, p.textMuted.packed(), c->note, t.lineSpacing);
            if (side) {
                // On the name's line, also in a card stretched to its row's tallest one.
                drawParagraph(d, hf, ImVec2(x + w - numberW, nameTop), numberW, numberInk.packed(), c->phone, 1.2f);
            } else if (!qr) {
                drawParagraph(d, hf, ImVec2(x, yy), w, numberInk.packed(), c->phone, 1.2f);
            }
        };
        drawWideCards(u, *area, static_cast<int>(items.size()), s.serial, measure, drawCard);
    }

private:
    QrCache m_qr;
};

} // namespace

std::unique_ptr<Screen> makeContactsScreen()
{
    return std::make_unique<ContactsScreen>();
}

} // namespace kiosk

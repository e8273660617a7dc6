// 常用电话: numbers grouped by category (紧急 first), the numbers large.
#include "kiosk/app_state.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>

namespace kiosk {

namespace {

// True when every character is in the digits-only clock font (so the big size can be used).
bool clockFontCan(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == ' ' || c == ':'; });
}

class ContactsScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Contacts; }
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
        ImFont* nf = u.fonts().clock;

        const Area area = contentArea(state, drawTopBar(state, id()));
        if (s.contacts.empty()) {
            drawEmptyState(state, area.min, area.max, ui::kNoContacts);
            return;
        }
        const float right = area.max.x - t.px(30);
        const float pad = t.px(24);
        float y = u.beginScroll(m_scroller, area.min, area.max);
        const float origin = y;
        for (const auto& group : s.contacts) {
            const bool emergency = group.category == "紧急";
            const std::string title = group.category.empty() ? std::string("其他") : group.category;
            u.chip(ImVec2(area.min.x, y), title, emergency ? p.urgent : p.primary, p.onDark, hf);
            y += u.chipHeight(hf) + t.px(14);
            for (const content::Contact* c : group.contacts) {
                const float x = area.min.x + pad;
                const float w = right - x - pad;
                ImFont* numberFont = clockFontCan(c->phone) ? nf : hf;
                const float numberW = textWidth(numberFont, c->phone);
                // Side by side when the name column keeps at least ~5 characters, else stacked.
                const bool stacked = w - numberW - t.gap < hf->FontSize * 5;
                const float textW = stacked ? w : w - numberW - t.gap;
                float textH = paragraphHeight(hf, c->name, textW, 1.3f);
                if (!c->note.empty()) textH += paragraphHeight(bf, c->note, textW, t.lineSpacing);
                const float numberH = numberFont->FontSize * 1.1f;
                const float h = pad * 2 + (stacked ? textH + numberH : std::max(textH, numberH));
                u.card(ImVec2(area.min.x, y), ImVec2(right, y + h), p.card, emergency ? p.urgent : p.cardBorder);
                float yy = y + pad;
                yy += drawParagraph(d, hf, ImVec2(x, yy), textW, p.text.packed(), c->name, 1.3f);
                if (!c->note.empty())
                    yy += drawParagraph(d, bf, ImVec2(x, yy), textW, p.textMuted.packed(), c->note, t.lineSpacing);
                const Rgb numberInk = emergency ? p.urgent : p.primary;
                if (stacked)
                    addText(d, numberFont, ImVec2(x, yy), numberInk.packed(), c->phone.c_str());
                else
                    addText(d, numberFont, ImVec2(x + w - numberW, y + (h - numberFont->FontSize) * 0.5f),
                            numberInk.packed(), c->phone.c_str());
                y += h + t.px(16);
            }
            y += t.gap;
        }
        u.endScroll(m_scroller, y - origin - t.gap);
    }

private:
    TouchScroller m_scroller;
};

} // namespace

std::unique_ptr<Screen> makeContactsScreen()
{
    return std::make_unique<ContactsScreen>();
}

} // namespace kiosk

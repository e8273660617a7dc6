// 健康讲座: upcoming lectures and clinics, soonest first, with 今天/明天/还有3天, speaker and place.
#include "kiosk/app_state.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/chrome.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

namespace kiosk {

namespace {

const char* kindIcon(content::LectureKind kind)
{
    switch (kind) {
    case content::LectureKind::Lecture:
        return "讲";
    case content::LectureKind::Clinic:
        return "诊";
    case content::LectureKind::Checkup:
        return "检";
    case content::LectureKind::Other:
        break;
    }
    return "其";
}

class LecturesScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Lectures; }
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
        if (s.lectures.empty()) {
            drawEmptyState(state, area.min, area.max, ui::kNoLectures);
            return;
        }
        const float right = area.max.x - t.px(30);
        const float pad = t.px(28);
        const float iconR = hf->FontSize * 0.9f;
        float y = u.beginScroll(m_scroller, area.min, area.max);
        const float origin = y;
        for (const auto& up : s.lectures) {
            const content::Lecture& l = *up.lecture;
            const float x = area.min.x + pad + 2 * iconR + t.gap;
            const float w = right - x - pad;
            std::vector<std::string> rows;
            rows.push_back(std::string(ui::kTime) + "：" + content::formatMonthDayChinese(l.date) + " " +
                           content::weekdayName(content::weekdayIndex(l.date)) + " " + timeRange(l.start, l.end));
            if (!l.speaker.empty()) rows.push_back(std::string(ui::kSpeaker) + "：" + l.speaker);
            if (!l.unit.empty()) rows.push_back(std::string(ui::kUnit) + "：" + l.unit);
            if (!l.place.empty()) rows.push_back(std::string(ui::kPlace) + "：" + l.place);
            float h = pad + u.chipHeight(hf) + t.px(12) + paragraphHeight(hf, l.title, w, 1.3f) + t.px(6);
            for (const auto& r : rows) h += paragraphHeight(bf, r, w, t.lineSpacing);
            if (!l.note.empty()) h += paragraphHeight(bf, l.note, w, t.lineSpacing);
            h += pad;

            const ImVec2 c0(area.min.x, y), c1(right, y + h);
            u.card(c0, c1, p.card, up.ongoing ? p.ongoing : p.cardBorder);
            if (up.ongoing) d->AddRect(c0, c1, p.ongoing.packed(), t.radius, 0, t.border * 2.5f);
            // Type as an icon and as a word.
            u.badge(ImVec2(area.min.x + pad + iconR, y + pad + iconR), iconR, kindIcon(l.kind), p.tile[2]);
            float yy = y + pad;
            const std::string when = content::countdownText(up.daysUntil);
            const Rgb whenColor = up.daysUntil == 0 ? p.ongoing : p.primary;
            float cx = x + u.chip(ImVec2(x, yy), when, whenColor, p.onDark, hf) + t.px(12);
            cx += u.chip(ImVec2(cx, yy), content::lectureKindName(l.kind), p.chip, p.text, hf) + t.px(12);
            if (up.ongoing) u.chip(ImVec2(cx, yy), ui::kOngoing, p.ongoing, p.onDark, hf);
            yy += u.chipHeight(hf) + t.px(12);
            yy += drawParagraph(d, hf, ImVec2(x, yy), w, p.text.packed(), l.title, 1.3f) + t.px(6);
            for (const auto& r : rows) yy += drawParagraph(d, bf, ImVec2(x, yy), w, p.text.packed(), r, t.lineSpacing);
            if (!l.note.empty()) drawParagraph(d, bf, ImVec2(x, yy), w, p.textMuted.packed(), l.note, t.lineSpacing);
            y += h + t.gap;
        }
        u.endScroll(m_scroller, y - origin - t.gap);
    }

private:
    TouchScroller m_scroller;
};

} // namespace

std::unique_ptr<Screen> makeLecturesScreen()
{
    return std::make_unique<LecturesScreen>();
}

} // namespace kiosk

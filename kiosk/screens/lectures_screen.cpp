// 健康讲座: upcoming lectures and clinics, soonest first, with 今天/明天/还有3天, speaker and place.
#include "kiosk/app_state.h"
#include "kiosk/read_aloud.h"
#include "kiosk/screens/screen_frame.h"
#include "kiosk/screens/screens.h"
#include "kiosk/screens/section_screen.h"
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

class LecturesScreen final : public CardListScreen {
public:
    ScreenId id() const override { return ScreenId::Lectures; }

    void draw(AppState& state) override
    {
        const auto [u, t, p, s, d, hf, bf] = screenFrame(state);
        // 朗读 in the top bar reads the lectures listed.
        const std::optional<Area> area = drawSectionTop(state, s.lectures.empty(), ui::kNoLectures, "lectures",
                                                        [&] { return read_aloud::lectures(s.lectures); });
        if (!area) return;
        const float pad = t.px(28);
        const float iconR = hf->FontSize * 0.9f;
        const auto rowsOf = [&](const content::Lecture& l) {
            std::vector<std::string> rows;
            rows.push_back(std::string(ui::kTime) + "：" + content::formatMonthDayChinese(l.date) + " " +
                           content::weekdayName(content::weekdayIndex(l.date)) + " " + timeRange(l.start, l.end));
            if (!l.speaker.empty()) rows.push_back(std::string(ui::kSpeaker) + "：" + l.speaker);
            if (!l.unit.empty()) rows.push_back(std::string(ui::kUnit) + "：" + l.unit);
            if (!l.place.empty()) rows.push_back(std::string(ui::kPlace) + "：" + l.place);
            return rows;
        };
        const float textX = pad + 2 * iconR + t.gap;
        const auto measure = [&](int i, float width) {
            const content::Lecture& l = *s.lectures[static_cast<std::size_t>(i)].lecture;
            const float w = width - textX - pad;
            float h = pad + u.chipHeight(hf) + t.px(12) + paragraphHeight(hf, l.title, w, 1.25f) + t.px(6);
            for (const auto& r : rowsOf(l)) h += paragraphHeight(bf, r, w, 1.3f);
            if (!l.note.empty()) h += paragraphHeight(bf, l.note, w, 1.3f);
            return h + pad;
        };
        const auto drawCard = [&](int i, ImVec2 c0, ImVec2 c1) {
            const auto& up = s.lectures[static_cast<std::size_t>(i)];
            const content::Lecture& l = *up.lecture;
            const float x = c0.x + textX;
            const float w = c1.x - x - pad;
            u.card(c0, c1, p.card, up.ongoing ? p.ongoing : p.cardBorder);
            if (up.ongoing) d->AddRect(c0, c1, p.ongoing.packed(), t.radius, 0, t.border * 2.5f);
            // Type as an icon and as a word.
            u.badge(ImVec2(c0.x + pad + iconR, c0.y + pad + iconR), iconR, kindIcon(l.kind), p.tile[2]);
            float yy = c0.y + pad;
            const std::string when = up.ongoing ? ui::kOngoing : content::countdownText(up.daysUntil);
            const Rgb whenColor = up.daysUntil == 0 ? p.ongoing : p.primary;
            float cx = x + u.chip(ImVec2(x, yy), when, whenColor, p.onDark, hf) + t.px(12);
            if (cx + u.chipWidth(content::lectureKindName(l.kind), hf) <= x + w)
                u.chip(ImVec2(cx, yy), content::lectureKindName(l.kind), p.chip, p.text, hf);
            yy += u.chipHeight(hf) + t.px(12);
            yy += drawParagraph(d, hf, ImVec2(x, yy), w, p.text.packed(), l.title, 1.25f) + t.px(6);
            for (const auto& r : rowsOf(l)) yy += drawParagraph(d, bf, ImVec2(x, yy), w, p.text.packed(), r, 1.3f);
            if (!l.note.empty()) drawParagraph(d, bf, ImVec2(x, yy), w, p.textMuted.packed(), l.note, 1.3f);
        };
        drawWideCards(u, *area, static_cast<int>(s.lectures.size()), s.serial, measure, drawCard);
    }
};

} // namespace

std::unique_ptr<Screen> makeLecturesScreen()
{
    return std::make_unique<LecturesScreen>();
}

} // namespace kiosk

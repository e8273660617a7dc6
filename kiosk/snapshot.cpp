#include "kiosk/snapshot.h"

#include "content/glyph_set.h"

#include <atomic>

namespace kiosk {

std::string timeRange(content::MinuteOfDay start, std::optional<content::MinuteOfDay> end)
{
    std::string s = content::formatTime(start);
    if (end) s += "—" + content::formatTime(*end);
    return s;
}

std::string joinDishes(const std::vector<std::string>& dishes)
{
    std::string s;
    for (const auto& d : dishes) {
        if (!s.empty()) s += "、";
        s += d;
    }
    return s;
}

const content::Meal* Snapshot::mealOfKind(const content::DayMeals& day, content::MealKind kind) const
{
    for (const content::Meal* m : day.meals)
        if (m->kind == kind) return m;
    return nullptr;
}

namespace {

// Slides hold few enough items to read from across the room at the display size.
template <typename T, typename F>
void addPaged(std::vector<AttractSlide>& slides, const std::string& title, const std::vector<T>& rows,
              std::size_t perSlide, F toItem)
{
    for (std::size_t i = 0; i < rows.size(); i += perSlide) {
        AttractSlide slide;
        slide.title = title;
        for (std::size_t k = i; k < rows.size() && k < i + perSlide; ++k) slide.items.push_back(toItem(rows[k]));
        slides.push_back(std::move(slide));
    }
}

std::vector<AttractSlide> makeSlides(const Snapshot& s)
{
    std::vector<AttractSlide> slides;
    for (const content::Notice* n : s.urgent) {
        AttractSlide slide;
        slide.title = "紧急通知";
        slide.urgent = true;
        slide.items.push_back({"", n->title});
        if (!n->body.empty()) slide.items.push_back({"", n->body});
        slides.push_back(std::move(slide));
    }
    // Activities still to come or on now; the whole day if all are over.
    std::vector<const content::ActivityOccurrence*> acts;
    for (const auto& o : s.today)
        if (!o.over) acts.push_back(&o);
    addPaged(slides, "今天的活动", acts, 5, [](const content::ActivityOccurrence* o) {
        std::string text = o->activity->title;
        if (!o->activity->place.empty()) text += " · " + o->activity->place;
        return SlideItem{content::formatTime(o->activity->start), text};
    });
    addPaged(slides, "今天的饭菜", s.todayMeals.meals, 3, [](const content::Meal* m) {
        std::string text = joinDishes(m->dishes);
        if (m->priceCents) text += "　" + content::formatPrice(*m->priceCents) + "元";
        return SlideItem{content::mealKindName(m->kind), text};
    });
    std::vector<content::UpcomingLecture> soon;
    for (const auto& l : s.lectures)
        if (soon.size() < 3) soon.push_back(l);
    addPaged(slides, "健康讲座 义诊", soon, 3, [](const content::UpcomingLecture& l) {
        std::string lead = content::countdownText(l.daysUntil);
        std::string text = std::string(content::lectureKindName(l.lecture->kind)) + "：" + l.lecture->title;
        return SlideItem{lead + " " + content::formatTime(l.lecture->start), text};
    });
    if (!s.guide.empty()) {
        // A different tip each day.
        const auto* g = s.guide[static_cast<std::size_t>(content::daysBetween(
                                    content::Date{std::chrono::year{2000}, std::chrono::month{1}, std::chrono::day{1}},
                                    s.at.date)) %
                                s.guide.size()];
        AttractSlide slide;
        slide.title = "防骗提醒";
        slide.items.push_back({"", g->title});
        slide.items.push_back({"识破", g->howToSpot});
        slides.push_back(std::move(slide));
    }
    std::vector<const content::Notice*> calm;
    for (const content::Notice* n : s.notices)
        if (!n->urgent) calm.push_back(n);
    addPaged(slides, "通知公告", calm, 1, [](const content::Notice* n) {
        return SlideItem{"", n->title + "\n" + n->body};
    });
    return slides;
}

} // namespace

std::shared_ptr<const Snapshot> makeSnapshot(std::shared_ptr<const content::Content> content,
                                             const content::LocalDateTime& now)
{
    static std::atomic<uint64_t> serials{0};
    auto s = std::make_shared<Snapshot>();
    s->serial = ++serials;
    s->content = std::move(content);
    s->at = now;
    const content::Content& c = *s->content;
    s->dateText = content::formatDateChinese(now.date);
    s->weekdayText = content::weekdayName(content::weekdayIndex(now.date));
    s->today = content::activitiesOn(c, now.date, now);
    for (std::size_t i = 0; i < s->today.size(); ++i)
        if (s->today[i].ongoing) {
            s->highlight = static_cast<int>(i);
            break;
        }
    if (s->highlight < 0)
        for (std::size_t i = 0; i < s->today.size(); ++i)
            if (s->today[i].next) {
                s->highlight = static_cast<int>(i);
                break;
            }
    s->week = content::activitiesOfWeek(c, now);
    s->activityNow = content::activityNowOrNext(c, now);
    s->mealNow = content::mealNowOrNext(c, now);
    s->todayMeals = content::mealsOn(c, now.date);
    s->weekMeals = content::mealsOfWeek(c, now.date);
    s->lectures = content::upcomingLectures(c, now);
    s->notices = content::activeNotices(c, now.date);
    for (const content::Notice* n : s->notices)
        if (n->urgent) s->urgent.push_back(n);
    s->guide = content::guideInOrder(c);
    s->contacts = content::contactsByCategory(c);
    s->slides = makeSlides(*s);
    return s;
}

GlyphPlan glyphPlan(const Snapshot& s)
{
    GlyphPlan plan;
    plan.text = content::contentGlyphs(*s.content);
    addUiGlyphs(plan.text);
    addUiGlyphs(plan.display);
    for (const auto& slide : s.slides) {
        content::addGlyphs(slide.title, plan.display);
        for (const auto& item : slide.items) {
            content::addGlyphs(item.lead, plan.display);
            content::addGlyphs(item.text, plan.display);
        }
    }
    content::addGlyphs(s.content->station.name(), plan.display);
    return plan;
}

} // namespace kiosk

#include "kiosk/snapshot.h"

#include "content/glyph_set.h"
#include "content/lunar_calendar.h"
#include "kiosk/ui_text.h"

#include <algorithm>

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

std::string mealPrice(int cents)
{
    return cents == 0 ? ui::kFree : content::formatPrice(cents) + ui::kYuan;
}

const content::Meal* Snapshot::mealOfKind(const content::DayMeals& day, content::MealKind kind) const
{
    for (const content::Meal* m : day.meals)
        if (m->kind == kind) return m;
    return nullptr;
}

int charCount(std::string_view text)
{
    int n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

double slideSeconds(int chars)
{
    return std::clamp(4.0 + chars / 3.0, 8.0, 25.0);
}

std::vector<std::string> splitForSlides(std::string_view text, int maxChars)
{
    std::vector<std::string> pieces;
    // Byte offsets of every code point, and where a sentence may end.
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
    starts.push_back(text.size());
    const auto endsSentence = [&](std::size_t k) {
        const std::string_view c = text.substr(starts[k], starts[k + 1] - starts[k]);
        return c == "。" || c == "！" || c == "？" || c == "；" || c == "\n";
    };
    const std::size_t n = starts.size() - 1;
    if (maxChars <= 0 || n == 0) return n ? std::vector<std::string>{std::string(text)} : pieces;
    // As many pieces as needed, each about as long as the others (`even`), up to `maxChars`
    // to end one after a sentence.
    const std::size_t most = static_cast<std::size_t>(maxChars);
    const std::size_t count = (n + most - 1) / most;
    const std::size_t even = (n + count - 1) / count;
    std::size_t first = 0;
    while (first < n) {
        std::size_t last = std::min(n, first + even); // exclusive
        if (n - first > even) {
            // Back from the longest piece to a sentence end past half the even length, else
            // to the last comma, else cut at the even length.
            std::size_t sentence = 0, comma = 0;
            for (std::size_t k = std::min(n, first + most); k > first + even / 2; --k) {
                if (endsSentence(k - 1)) {
                    sentence = k;
                    break;
                }
                const std::string_view c = text.substr(starts[k - 1], starts[k] - starts[k - 1]);
                if (!comma && k <= first + even && (c == "，" || c == "、" || c == "：")) comma = k;
            }
            if (sentence)
                last = sentence;
            else if (comma)
                last = comma;
        } else {
            last = n;
        }
        std::string piece(text.substr(starts[first], starts[last] - starts[first]));
        while (!piece.empty() && (piece.back() == '\n' || piece.back() == ' ')) piece.pop_back();
        if (!piece.empty()) pieces.push_back(std::move(piece));
        first = last;
    }
    return pieces;
}

namespace {
// Width in half characters: Latin letters and digits are about half as wide as a Chinese one.
int halfWidths(std::string_view text)
{
    int n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) n += c < 0x80 ? 1 : 2;
    return n;
}
} // namespace

int slideItemLines(const SlideItem& item)
{
    const int lead = charCount(item.lead);
    const bool leadInline = lead > 0 && lead <= kSlideLineChars / 3;
    int lines = 0;
    // A line break in the text starts a line of its own.
    for (std::size_t from = 0; from <= item.text.size();) {
        const std::size_t end = std::min(item.text.find('\n', from), item.text.size());
        const int width = halfWidths(std::string_view(item.text).substr(from, end - from)) +
                          (leadInline && from == 0 ? halfWidths(item.lead) + 2 : 0);
        lines += std::max(1, (width + 2 * kSlideLineChars - 1) / (2 * kSlideLineChars));
        from = end + 1;
    }
    return lines + (lead > 0 && !leadInline ? 1 : 0);
}

int slideLines(const AttractSlide& slide)
{
    int n = 0;
    for (const auto& item : slide.items) n += slideItemLines(item);
    return n;
}

namespace {

int slideChars(const AttractSlide& slide)
{
    int n = charCount(slide.title);
    for (const auto& item : slide.items) n += charCount(item.lead) + charCount(item.text);
    return n;
}

// Puts `items` on as few slides as hold them at kSlideLines lines each (the later ones titled
// （续）), an item too long for one slide split over several; each slide timed by its words.
void addSlides(std::vector<AttractSlide>& slides, const std::string& title, const std::vector<SlideItem>& items,
               bool urgent = false)
{
    AttractSlide slide{title, {}, urgent};
    const auto flush = [&] {
        if (slide.items.empty()) return;
        slide.seconds = slideSeconds(slideChars(slide));
        slides.push_back(slide);
        slide.items.clear();
        slide.title = title + ui::kContinued;
    };
    // A text of several lines (a guide entry, a notice) is packed line by line.
    std::vector<SlideItem> lines;
    for (const SlideItem& whole : items) {
        std::size_t from = 0;
        do {
            const std::size_t end = std::min(whole.text.find('\n', from), whole.text.size());
            std::string line = whole.text.substr(from, end - from);
            if (!line.empty() || from == 0) lines.push_back({from == 0 ? whole.lead : std::string(), std::move(line)});
            from = end + 1;
        } while (from < whole.text.size());
    }
    for (const SlideItem& item : lines) {
        std::vector<SlideItem> pieces{item};
        // A line too long for any slide is split; one that does not fit what is left of this
        // slide goes whole to the next (a sentence is not cut to fill a gap).
        const bool headingAlone = slide.items.size() == 1 && slideLines(slide) == 1;
        const bool fits = slideLines(slide) + slideItemLines(item) <= kSlideLines;
        if (!fits && (headingAlone || slideItemLines(item) > kSlideLines)) {
            pieces.clear();
            const int lead = charCount(item.lead) + 1;
            std::string_view text = item.text;
            // Under a heading alone on its slide (a notice's title), the first piece fills the
            // lines below it: a title alone is no slide.
            if (headingAlone) {
                auto first = splitForSlides(text, (kSlideLines - 1) * kSlideLineChars - lead);
                pieces.push_back({item.lead, first.front()});
                text.remove_prefix(first.front().size());
            }
            for (auto& piece : splitForSlides(text, kSlideLines * kSlideLineChars - lead))
                pieces.push_back({pieces.empty() ? item.lead : std::string(), std::move(piece)});
        }
        for (SlideItem& piece : pieces) {
            if (!slide.items.empty() && slideLines(slide) + slideItemLines(piece) > kSlideLines) flush();
            slide.items.push_back(std::move(piece));
        }
    }
    flush();
}

std::string activityText(const content::Activity& a)
{
    std::string text = a.title;
    if (!a.place.empty()) text += " · " + a.place;
    return text;
}

std::vector<AttractSlide> makeSlides(const Snapshot& s)
{
    std::vector<AttractSlide> slides;
    // 1. Urgent notices, whole.
    for (const content::Notice* n : s.urgent) {
        std::vector<SlideItem> items{{"", n->title}};
        if (!n->body.empty()) items.push_back({"", n->body});
        addSlides(slides, ui::kAttractUrgent, items, true);
    }

    // 2. What is on now and what comes next; with fewer than two left today, the next day's
    // first ones too, so that no slide holds one short line.
    {
        std::vector<SlideItem> items;
        // One slide's worth: what is on, then what starts next.
        int lines = 0;
        const auto add = [&](SlideItem item) {
            if (lines + slideItemLines(item) > kSlideLines) return;
            lines += slideItemLines(item);
            items.push_back(std::move(item));
        };
        for (const auto& o : s.today)
            if (o.ongoing) add({ui::kOngoing, activityText(*o.activity)});
        for (const auto& o : s.today)
            if (!o.ongoing && !o.over) add({content::formatTime(o.activity->start), activityText(*o.activity)});
        for (int ahead = 1; ahead <= 7 && items.size() < 2; ++ahead) {
            const auto day = content::activitiesOn(*s.content, content::addDays(s.at.date, ahead), s.at);
            for (const auto& o : day)
                add({content::countdownText(ahead) + content::formatTime(o.activity->start),
                     activityText(*o.activity)});
            if (!day.empty()) break;
        }
        addSlides(slides, ui::kAttractNowNext, items);
    }

    // 3. The meals still to come today (the one served now first), else the next day's.
    {
        std::string title = ui::kAttractMeals;
        content::DayMeals day = s.todayMeals;
        if (s.mealNow && s.mealNow->daysAhead > 0) {
            day = content::mealsOn(*s.content, s.mealNow->date);
            title = content::countdownText(s.mealNow->daysAhead) + ui::kAttractMealsOf;
        }
        std::vector<SlideItem> items;
        for (const content::Meal* m : day.meals) {
            if (content::mealOver(m->kind, day.date, s.at)) continue;
            std::string text = joinDishes(m->dishes);
            if (m->priceCents) text += "　" + mealPrice(*m->priceCents);
            items.push_back({content::mealKindName(m->kind), text});
        }
        addSlides(slides, title, items);
    }

    // 4. The next lecture or clinic.
    if (!s.lectures.empty()) {
        const auto& l = s.lectures.front();
        const std::string lead = (l.ongoing ? std::string(ui::kOngoing) : content::countdownText(l.daysUntil)) + " " +
                                 content::formatTime(l.lecture->start);
        std::vector<SlideItem> items{{lead, l.lecture->title}};
        if (!l.lecture->place.empty()) items.push_back({ui::kPlace, l.lecture->place});
        addSlides(slides, std::string(ui::kAttractNext) + content::lectureKindName(l.lecture->kind), items);
    }

    // 5. One whole anti-fraud tip, a different one each day: the scam, how to see through it
    // and what to do, on as many slides as it takes.
    if (!s.guide.empty()) {
        const auto* g = s.guide[static_cast<std::size_t>(content::daysBetween(
                                    content::Date{std::chrono::year{2000}, std::chrono::month{1}, std::chrono::day{1}},
                                    s.at.date)) %
                                s.guide.size()];
        std::vector<SlideItem> items{{"", g->title}};
        if (!g->howItGoes.empty()) items.push_back({ui::kHowItGoes, g->howItGoes});
        if (!g->howToSpot.empty()) items.push_back({ui::kHowToSpot, g->howToSpot});
        if (!g->whatToDo.empty()) items.push_back({ui::kWhatToDo, g->whatToDo});
        addSlides(slides, ui::kAttractGuide, items);
    }

    // 6. The numbers to call.
    {
        std::vector<SlideItem> items{{"96110", ui::kFraudHotlineName}, {"110", ui::kPoliceName}};
        const std::string duty = s.content->station.dutyPhone();
        if (!duty.empty()) items.push_back({duty, ui::kDutyPhone});
        addSlides(slides, ui::kAttractHotline, items);
    }

    // 7. The other notices.
    for (const content::Notice* n : s.notices)
        if (!n->urgent) {
            std::vector<SlideItem> items{{"", n->title}};
            if (!n->body.empty()) items.push_back({"", n->body});
            addSlides(slides, ui::kAttractNotices, items);
        }
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
    if (const auto lunar = content::lunarInfo(now.date)) s->lunarText = lunar->line();
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

GlyphPlan glyphPlan(const Snapshot& snapshot, const std::set<char32_t>& overlay)
{
    GlyphPlan plan = glyphPlan(snapshot);
    plan.text.insert(overlay.begin(), overlay.end());
    plan.display.insert(overlay.begin(), overlay.end());
    return plan;
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
    content::addGlyphs(s.content->station.qrCaption(), plan.display);
    // Every lunar word, not just today's: the date line changes at midnight without new content.
    for (const std::string& word : content::lunarCalendarWords()) {
        content::addGlyphs(word, plan.text);
        content::addGlyphs(word, plan.display);
    }
    return plan;
}

} // namespace kiosk

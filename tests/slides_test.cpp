// The attract carousel: most useful first, slides that can be read from across the lobby in
// their time, no near-empty slides, a whole anti-fraud tip.
#include "content/demo_content.h"
#include "kiosk/snapshot.h"
#include "kiosk/ui_text.h"

#include <catch2/catch.hpp>

#include <string>

using namespace kiosk;

namespace {

std::shared_ptr<const Snapshot> demoAt(int hour, int minute)
{
    using namespace std::chrono;
    const content::Date date{year{2026}, month{6}, day{3}};
    auto content = std::make_shared<const content::Content>(content::demoContent(date));
    return makeSnapshot(content, content::LocalDateTime{date, hour * 60 + minute});
}

std::string allText(const AttractSlide& slide)
{
    std::string text;
    for (const auto& item : slide.items) text += item.lead + item.text;
    return text;
}

// Index of the first slide whose title starts with `title`, or -1.
int firstTitled(const std::vector<AttractSlide>& slides, const std::string& title)
{
    for (std::size_t i = 0; i < slides.size(); ++i)
        if (slides[i].title.rfind(title, 0) == 0) return static_cast<int>(i);
    return -1;
}

} // namespace

TEST_CASE("a slide holds at most three lines of about 20 characters and stays as long as it takes to read", "[slides]")
{
    for (int hour : {7, 10, 15, 22}) {
        const auto s = demoAt(hour, 30);
        REQUIRE(!s->slides.empty());
        for (const auto& slide : s->slides) {
            INFO(hour << ":30 " << slide.title << ": " << allText(slide));
            CHECK(slideLines(slide) <= kSlideLines);
            CHECK(slide.seconds >= 8);
            CHECK(slide.seconds <= 25);
            // No near-empty slide ("14:30 棋牌" alone).
            CHECK(charCount(allText(slide)) >= 8);
        }
    }
    CHECK(slideSeconds(60) > slideSeconds(10));
}

TEST_CASE("the loop shows the most useful first", "[slides]")
{
    const auto s = demoAt(10, 15);
    const auto& slides = s->slides;
    const int urgent = firstTitled(slides, ui::kAttractUrgent);
    const int now = firstTitled(slides, ui::kAttractNowNext);
    const int meals = firstTitled(slides, ui::kAttractMeals);
    const int lecture = firstTitled(slides, ui::kAttractNext);
    const int guide = firstTitled(slides, ui::kAttractGuide);
    const int hotline = firstTitled(slides, ui::kAttractHotline);
    const int notices = firstTitled(slides, ui::kAttractNotices);
    CHECK(urgent == 0);
    CHECK(urgent < now);
    CHECK(now < meals);
    CHECK(meals < lecture);
    CHECK(lecture < guide);
    CHECK(guide < hotline);
    CHECK(hotline < notices);
    // The urgent notice whole: its title and all of its text.
    const content::Notice& n = *s->urgent.front();
    std::string shown;
    for (const auto& slide : slides)
        if (slide.urgent) shown += allText(slide);
    CHECK(shown.find(n.title) != std::string::npos);
    CHECK(shown.find(n.body.substr(0, n.body.find("。"))) != std::string::npos);
    // What is on now first; the hotline slide has the numbers.
    CHECK(slides[now].items.front().lead == ui::kOngoing);
    CHECK(allText(slides[hotline]).find("96110") != std::string::npos);
}

TEST_CASE("one whole anti-fraud tip: the scam, how to see through it and what to do", "[slides]")
{
    const auto s = demoAt(10, 15);
    std::string tip;
    std::vector<std::string> leads;
    for (const auto& slide : s->slides)
        if (slide.title.rfind(ui::kAttractGuide, 0) == 0)
            for (const auto& item : slide.items) {
                tip += item.text;
                if (!item.lead.empty()) leads.push_back(item.lead);
            }
    CHECK(leads == std::vector<std::string>{ui::kHowItGoes, ui::kHowToSpot, ui::kWhatToDo});
    // Every line of the entry's 应对 is there.
    bool found = false;
    for (const auto* g : s->guide)
        if (tip.find(g->title) != std::string::npos) {
            found = true;
            std::size_t from = 0;
            while (from < g->whatToDo.size()) {
                const std::size_t end = std::min(g->whatToDo.find('\n', from), g->whatToDo.size());
                CHECK(tip.find(g->whatToDo.substr(from, end - from)) != std::string::npos);
                from = end + 1;
            }
        }
    CHECK(found);
}

TEST_CASE("in the evening the loop shows tomorrow's activities and meals", "[slides]")
{
    const auto s = demoAt(22, 30);
    const int now = firstTitled(s->slides, ui::kAttractNowNext);
    REQUIRE(now >= 0);
    CHECK(s->slides[now].items.front().lead.rfind("明天", 0) == 0);
    CHECK(firstTitled(s->slides, std::string("明天") + ui::kAttractMealsOf) >= 0);
}

TEST_CASE("long text is split into even pieces, after a sentence where one fits", "[slides]")
{
    const std::string text = "第一句话很长很长很长。第二句话也很长很长。第三句。";
    const auto pieces = splitForSlides(text, 12);
    REQUIRE(pieces.size() == 3);
    std::string joined;
    for (const auto& p : pieces) {
        CHECK(charCount(p) <= 12);
        joined += p;
    }
    CHECK(joined == text);
    CHECK(pieces[0] == "第一句话很长很长很长。");
    // Without sentence ends: even pieces, no short leftover.
    const auto even = splitForSlides("一二三四五六七八九十一二三四五六七八九十一", 10);
    REQUIRE(even.size() == 3);
    for (const auto& p : even) CHECK(charCount(p) == 7);
    CHECK(splitForSlides("", 10).empty());
}

TEST_CASE("a meal priced 免费 shows and reads 免费, not 0元", "[slides]")
{
    CHECK(mealPrice(0) == "免费");
    CHECK(mealPrice(1250) == "12.5元");
    CHECK(mealPrice(1200) == "12元");
    using namespace std::chrono;
    const content::Date date{year{2026}, month{6}, day{3}};
    content::Content free = content::demoContent(date);
    for (content::Meal& meal : free.meals) meal.priceCents = 0;
    const auto s = makeSnapshot(std::make_shared<const content::Content>(std::move(free)),
                                content::LocalDateTime{date, 7 * 60});
    const int meals = firstTitled(s->slides, std::string("今天") + ui::kAttractMealsOf);
    REQUIRE(meals >= 0);
    CHECK(allText(s->slides[meals]).find("免费") != std::string::npos);
    CHECK(allText(s->slides[meals]).find("0元") == std::string::npos);
}

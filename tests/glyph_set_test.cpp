#include "content/glyph_set.h"

#include <catch2/catch.hpp>

#include <string>

using namespace content;

namespace {

std::set<char32_t> glyphsOf(std::string_view text)
{
    std::set<char32_t> glyphs;
    addGlyphs(text, glyphs);
    return glyphs;
}

bool hasAll(const std::set<char32_t>& glyphs, std::string_view text)
{
    for (char32_t c : glyphsOf(text))
        if (!glyphs.count(c)) return false;
    return true;
}

} // namespace

TEST_CASE("addGlyphs decodes UTF-8 of every length", "[glyphs]")
{
    CHECK(glyphsOf("ab a") == std::set<char32_t>{U'a', U'b', U' '});
    CHECK(glyphsOf("晋东一社区") == std::set<char32_t>{U'晋', U'东', U'一', U'社', U'区'});
    CHECK(glyphsOf("¥—") == std::set<char32_t>{U'¥', U'—'});
    CHECK(glyphsOf("\xF0\x9F\x98\x80") == std::set<char32_t>{U'\U0001F600'});
    CHECK(glyphsOf("").empty());

    std::set<char32_t> glyphs{U'x'};
    addGlyphs("早餐", glyphs);
    CHECK(glyphs == std::set<char32_t>{U'x', U'早', U'餐'});
}

TEST_CASE("addGlyphs skips invalid bytes and keeps what follows", "[glyphs]")
{
    // Stray continuation byte, 0xFF, a GBK pair (无 = CE DE) read as UTF-8.
    CHECK(glyphsOf("a\x80"
                   "b\xFF"
                   "c") == std::set<char32_t>{U'a', U'b', U'c'});
    CHECK(glyphsOf("\xCE\xDE") == std::set<char32_t>{});
    // Truncated sequences, also at the very end.
    CHECK(glyphsOf("\xE6\x97"
                   "a") == std::set<char32_t>{U'a'});
    CHECK(glyphsOf("a\xE6\x97") == std::set<char32_t>{U'a'});
    CHECK(glyphsOf("a\xF0\x9F\x98") == std::set<char32_t>{U'a'});
    // A broken lead followed by a valid sequence: the valid one survives.
    CHECK(glyphsOf("\xE6"
                   "早") == std::set<char32_t>{U'早'});
    // Overlong forms, surrogates and values past U+10FFFF.
    CHECK(glyphsOf("\xC0\x80") == std::set<char32_t>{});
    CHECK(glyphsOf("\xC1\xBF") == std::set<char32_t>{});
    CHECK(glyphsOf("\xE0\x80\xAF") == std::set<char32_t>{});
    CHECK(glyphsOf("\xED\xA0\x80") == std::set<char32_t>{});
    CHECK(glyphsOf("\xF4\x90\x80\x80") == std::set<char32_t>{});
    CHECK(glyphsOf("\xF8\x88\x80\x80\x80") == std::set<char32_t>{});
    // The highest valid code point.
    CHECK(glyphsOf("\xF4\x8F\xBF\xBF") == std::set<char32_t>{U'\U0010FFFF'});
}

TEST_CASE("contentGlyphs covers every text field", "[glyphs]")
{
    Content c;
    c.station.entries = {{"站点名称", "甲站"}, {"自定义", "乙值"}};

    Activity a;
    a.day = DaySpec{std::nullopt, WeeklyRepeat{0x01}};
    a.title = "书法";
    a.place = "丙室";
    a.note = "丁说明";
    a.category = "戊类";
    c.activities.push_back(a);

    Meal m;
    m.day = DaySpec{std::nullopt, kEveryDay};
    m.kind = MealKind::Snack;
    m.dishes = {"莜面", "栲栳栳"};
    m.tags = {"软烂"};
    m.note = "己备注";
    c.meals.push_back(m);

    Lecture l;
    l.kind = LectureKind::Clinic;
    l.title = "庚主题";
    l.speaker = "辛主讲";
    l.unit = "壬单位";
    l.place = "癸地点";
    l.note = "子说明";
    c.lectures.push_back(l);

    c.notices.push_back(Notice{"丑标题", "寅正文", {}, {}, false, false});
    c.guide.push_back(GuideEntry{1, "卯标题", "辰骗术", "巳识破", "午应对"});
    c.contacts.push_back(Contact{"未名称", "0353-5550101", "申说明", ""});

    const std::set<char32_t> glyphs = contentGlyphs(c);
    for (std::string_view text :
         {"站点名称甲站自定义乙值", "书法丙室丁说明戊类", "莜面栲栳栳软烂己备注", "庚主题辛主讲壬单位癸地点子说明",
          "丑标题寅正文", "卯标题辰骗术巳识破午应对", "未名称0353-5550101申说明"}) {
        INFO(std::string(text));
        CHECK(hasAll(glyphs, text));
    }
    // Names the screens show for the content: the repeat as written, meal and lecture kinds,
    // and the group a contact without 类别 falls into.
    CHECK(hasAll(glyphs, formatWeeklyRepeat(WeeklyRepeat{0x01})));
    CHECK(hasAll(glyphs, formatWeeklyRepeat(kEveryDay)));
    CHECK(hasAll(glyphs, mealKindName(MealKind::Snack)));
    CHECK(hasAll(glyphs, lectureKindName(LectureKind::Clinic)));
    CHECK(hasAll(glyphs, "其他"));
    // Nothing invented: a character in none of the fields is absent.
    CHECK_FALSE(glyphs.count(U'鑫'));
}

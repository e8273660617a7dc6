// Paragraph line breaking (kiosk/widgets/text.cpp) beyond 避头尾: a paragraph never ends on one
// character alone.
#include "kiosk/widgets/text.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

float advance(char32_t c)
{
    return c < 0x80 ? 10.0f : 20.0f;
}

std::vector<std::string> linesOf(const std::string& text, float width)
{
    std::vector<std::string> out;
    for (const kiosk::LineSpan& l : kiosk::breakLines(text, width, advance))
        out.push_back(text.substr(l.begin, l.end - l.begin));
    return out;
}

} // namespace

TEST_CASE("a paragraph's last line never holds one character alone", "[text]")
{
    // Five characters a line: "不要相信陌生" / "人" would leave 人 alone.
    CHECK(linesOf("不要相信陌生人", 120) == std::vector<std::string>{"不要相信陌", "生人"});
    // Its line widths follow the move.
    const auto spans = kiosk::breakLines("不要相信陌生人", 120, advance);
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].width == 100);
    CHECK(spans[1].width == 40);
    // A character with its punctuation counts as one: "人。" alone is still a widow.
    CHECK(linesOf("不要相信陌生人。", 120) == std::vector<std::string>{"不要相信陌", "生人。"});
    // Each paragraph on its own, and a line that ends at a hard break is left alone.
    CHECK(linesOf("不要相信陌生人\n一二三四五六", 120) ==
          std::vector<std::string>{"不要相信陌", "生人", "一二三四五六"});
    // Two characters on the last line are fine as they are.
    CHECK(linesOf("不要相信陌生人们", 120) == std::vector<std::string>{"不要相信陌生", "人们"});
    // A number alone on the last line is not a widow, and stays whole.
    CHECK(linesOf("请拨打电话 12345", 110) == std::vector<std::string>{"请拨打电话 ", "12345"});
    // A line of two cannot spare a character: nothing moves.
    CHECK(linesOf("一二三", 40) == std::vector<std::string>{"一二", "三"});
    // A Latin word is the unit that moves down with the character.
    CHECK(linesOf("一二ABCDEFGH三", 120) == std::vector<std::string>{"一二", "ABCDEFGH三"});
}

TEST_CASE("a line ends at a clause's end rather than one to three characters after it, if no line is added", "[text]")
{
    // Six characters a line: "中医义诊：号" / "脉、看舌苔" splits 号脉.
    CHECK(linesOf("中医义诊：号脉、看舌苔", 120) == std::vector<std::string>{"中医义诊：", "号脉、看舌苔"});
    // A date after the comma moves down whole.
    CHECK(linesOf("管道检修，6月4日上午", 140) == std::vector<std::string>{"管道检修，", "6月4日上午"});
    // Three characters after the comma move down too: a dish of a menu stays whole (粉条).
    CHECK(linesOf("管道检修，一二三四五六", 160) == std::vector<std::string>{"管道检修，", "一二三四五六"});
    CHECK(linesOf("土豆炖排骨、白菜粉条、花卷", 180) == std::vector<std::string>{"土豆炖排骨、", "白菜粉条、花卷"});
    // As on home's meal card: "条、" does not fit 10¼ characters, and 6 of them are 58 % of the line.
    CHECK(linesOf("土豆炖排骨、白菜粉条、花卷", 205) == std::vector<std::string>{"土豆炖排骨、", "白菜粉条、花卷"});
    // Four: the line stays as full as it was.
    CHECK(linesOf("管道检修，一二三四五六七", 180) == std::vector<std::string>{"管道检修，一二三四", "五六七"});
    // Not when the line would be left under 55 % full: "一二：" is 3 of 6.
    CHECK(linesOf("一二：三四五六七八九", 120) == std::vector<std::string>{"一二：三四五", "六七八九"});
    // Not when it would cost a line: ending the first line at "，" pushes 甲 onto a third.
    CHECK(linesOf("一二三四，五六七八九十", 130) == std::vector<std::string>{"一二三四，", "五六七八九十"});
    CHECK(linesOf("一二三四，五六七八九十甲", 130) == std::vector<std::string>{"一二三四，五", "六七八九十甲"});
    // The text is all there, in order, each line within the width.
    const std::string text = "叔叔阿姨好！欢迎来到服务站。有事就找值班的工作人员，进来坐坐、喝口热水。";
    std::string joined;
    for (const kiosk::LineSpan& l : kiosk::breakLines(text, 160, advance)) {
        CHECK(l.width <= 160);
        joined += text.substr(l.begin, l.end - l.begin);
    }
    CHECK(joined == text);
}

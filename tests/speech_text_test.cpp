#include "content/speech_text.h"

#include "content/builtin_assets.h"

#include <catch2/catch.hpp>

#include <chrono>

using namespace content;

namespace {
std::string say(std::string_view text)
{
    static const SpeechReadings readings;
    return normaliseForSpeech(text, readings);
}

// Numbers as a person reads them out; past eight digits, digit by digit.
struct NumberWords {
    long long number;
    std::string_view words;
};
const NumberWords kNumberWords[] = {
    {0, "零"},
    {3, "三"},
    {10, "十"},
    {15, "十五"},
    {20, "二十"},
    {42, "四十二"},
    {100, "一百"},
    {101, "一百零一"},
    {110, "一百一十"},
    {1000, "一千"},
    {1005, "一千零五"},
    {1050, "一千零五十"},
    {1500, "一千五百"},
    {10000, "一万"},
    {20000, "两万"},
    {100010, "十万零一十"},
    {150000, "十五万"},
    {12345678, "一千二百三十四万五千六百七十八"},
    {123456789, "一二三四五六七八九"},
};
} // namespace

TEST_CASE("numbers as words", "[speech_text]")
{
    for (const NumberWords& row : kNumberWords) {
        CAPTURE(row.number);
        CHECK(numberWords(row.number) == row.words);
    }
}

namespace {
// What the engine is given for what a sheet says, by the rule each group of rows checks.
struct Spoken {
    std::string_view text;
    std::string_view spoken;
};
const Spoken kSpoken[] = {
    // Phone numbers and hotlines digit by digit with 幺.
    {"96110", "九六幺幺零"},
    {"反诈专线96110", "反诈专线九六幺幺零"},
    {"0353-5550199", "零三五三，五五五零幺九九"},
    {"0353-5550199 转 8001", "零三五三，五五五零幺九九 转 八零零幺"},
    {"转8001", "转八零零幺"},
    {"拨打110", "拨打幺幺零"},
    {"急救120", "急救幺二零"},
    {"火警119", "火警幺幺九"},
    {"12345市民热线", "幺二三四五市民热线"},
    // Full-width signs come out half-width.
    {"电话：3521", "电话:三五二幺"},
    {"13912345678", "幺三九幺二三四五六七八"},
    {"400-880-1234", "四零零，八八零，幺二三四"},
    // With a unit after it, 120 is a count, not the ambulance.
    {"120人", "一百二十人"},
    {"转账5000元", "转账五千元"},
    {"10000元", "一万元"},
    // Years, dates and months.
    {"2026年", "二零二六年"},
    {"2026年6月3日", "二零二六年六月三日"},
    {"1949年10月1日", "一九四九年十月一日"},
    {"6月3日", "六月三日"},
    {"12月31号", "十二月三十一号"},
    {"2026-06-03", "二零二六年六月三日"},
    {"2026/6/3", "二零二六年六月三日"},
    {"3年", "三年"},
    // Times and time ranges.
    {"9:30", "九点三十分"},
    {"9:05", "九点零五分"},
    {"09:00", "九点"},
    {"2:00", "两点"},
    {"14:00—16:00", "十四点到十六点"},
    {"9:30-11:00", "九点三十分到十一点"},
    {"8:00~10:15", "八点到十点十五分"},
    {"8:00至10:00", "八点到十点"},
    {"9:00:00", "九点"},
    {"上午9：30开始", "上午九点三十分开始"},
    // Prices, decimals, percentages and ranges.
    {"12.5元", "十二点五元"},
    {"12元", "十二元"},
    {"12.50元", "十二点五元"},
    {"¥8", "八元"},
    {"￥3.5", "三点五元"},
    {"50%", "百分之五十"},
    {"3.5%", "百分之三点五"},
    {"６０－７０岁", "六十到七十岁"},
    {"3~5天", "三到五天"},
    // Ranges of dates or of counts that carry their words on both sides.
    {"3月3日-3月5日", "三月三日到三月五日"},
    {"6月3日—6月9日", "六月三日到六月九日"},
    {"9点-11点", "九点到十一点"},
    {"10元-15元", "十元到十五元"},
    // A dash not between numbers stays as it was.
    {"书法班-二楼", "书法班-二楼"},
    {"体温37.5℃", "体温三十七点五度"},
    // A minus sign before a number: 零下 for a temperature, 负 otherwise; a hyphen stays.
    {"明天最低气温-5度", "明天最低气温零下五度"},
    {"气温-3到2度", "气温零下三到二度"},
    {"温度：－2.5℃", "温度:零下二点五度"},
    {"-5℃~3℃", "零下五度到三度"},
    {"最低-5~-3℃", "最低零下五到零下三度"},
    {"-100元", "负一百元"},
    {"3-5人", "三到五人"},
    {"A-12号", "A-十二号"},
    {"3月-5月", "三月-五月"},
    // Plain numbers and 两.
    {"3", "三"},
    {"42", "四十二"},
    {"第3期", "第三期"},
    {"2个", "两个"},
    {"2人", "两人"},
    {"22个", "二十二个"},
    {"007", "零零七"},
    {"３楼", "三楼"},
    {"2000元以上", "两千元以上"},
    {"22000人", "两万两千人"},
    {"1200元", "一千二百元"},
    {"2小时", "两小时"},
    // A room is said by its digits.
    {"3号楼2单元201室", "三号楼二单元二零一室"},
    {"1203房", "一二零三房"},
    {"12室", "十二室"},
    // Words with several readings become pinyin.
    {"重阳节", "chong2 yang2 节"},
    {"去银行还款", "去 yin2 hang2 huan2 kuan3"},
    {"祝您长寿", "祝您 chang2 shou4"},
    {"重新登录", "chong2 xin1 登录"},
    {"重要", "重要"},
    // Words read wrong by espeak-ng in a station's texts, and the backward matching that keeps
    // 院长 and 长期 apart.
    {"医院长期护理", "医院 chang2 qi1 护理"},
    {"银行长期贷款", "yin2 hang2 chang2 qi1 贷款"},
    {"院长致辞", "yuan4 zhang3 致辞"},
    {"行长助理", "hang2 zhang3 助理"},
    {"接种疫苗", "jie1 zhong4 疫苗"},
    {"夏季谨防中暑", "夏季谨防 zhong4 shu3"},
    {"谨防上当受骗", "谨防 shang4 dang4 受骗"},
    {"农历正月初一", "农历 zheng1 yue4 初一"},
    {"理发服务", "li3 fa4 服务"},
    {"空调温度调整", "kong1 tiao2 温度 tiao2 zheng3"},
    {"朝阳社区", "chao2 yang2 社区"},
    {"凭处方取药", "凭 chu3 fang1 取药"},
    {"中医调理", "中医 tiao2 li3"},
    {"价格便宜", "价格 pian2 yi5"},
    // Numbers and readings together; the pinyin's tone digits are not read as numbers.
    {"10月29日重阳节", "十月二十九日 chong2 yang2 节"},
    // Acceptance sweep: forms that notices, menus and contact sheets use.
    {"+86 138 1234 5678", "加八六 幺三八，幺二三四，五六七八"},
    {"+8613812345678", "加八六幺三八幺二三四五六七八"},
    {"114查号", "幺幺四查号"},
    {"1,200元", "一千二百元"},
    {"¥12,000", "一万两千元"},
    {"拨打110,120", "拨打幺幺零,幺二零"},
    {"第2名", "第二名"},
    {"第2个", "第二个"},
    {"20%-30%", "百分之二十到百分之三十"},
    {"2025-2026年", "二零二五到二零二六年"},
    {"一楼101", "一楼一零一"},
    {"301会议室", "三零一会议室"},
    {"活动室在3楼305", "活动室在三楼三零五"},
    {"B座301", "B座三零一"},
    {"2单元201", "二单元二零一"},
    {"100元200", "一百元二百"},
    {"25°C", "二十五度"},
    {"5kg", "五公斤"},
    {"5G网络", "五G网络"},
    {"血压140/90mmHg", "血压一百四十、九十毫米汞柱"},
    {"血糖6.1mmol/L", "血糖六点一毫摩尔每升"},
    {"身高170cm", "身高一百七十厘米"},
    {"1+1=2", "一加一等于二"},
    {"12元/份", "十二元每份"},
    {"200元/学期", "二百元每学期"},
    {"100-2000元", "一百到两千元"},
    {"120-150元/月", "一百二十到一百五十元每月"},
    {"110-120", "幺幺零-幺二零"},
    {"1.5-2小时", "一点五到两小时"},
    {"会员卡号：6222 0012 3456 7890", "会员卡号:六二二二，零零幺二，三四五六，七八九零"},
    {"验证码 3856", "验证码 三八五六"},
    {"分机号：801", "分机号:八零幺"},
    {"8:30AM-5:00PM", "上午八点三十分到下午五点"},
    {"2:30 pm", "下午两点三十分"},
    {"80后", "八零后"},
    {"早/午餐", "早、午餐"},
    // Latin words: espeak-ng's Mandarin voice says them in an English voice ("app", "plus").
    {"连接WiFi", "连接 wai1 fai1"},
    {"下载APP", "下载A P P"},
    {"扫描QR码", "扫描Q R码"},
    {"www.12345.gov.cn", "W W W点幺二三四五点G O V点C N"},
    {"qq.com/g/a", "Q Q点C O M、G、A"},
    {"A&B", "A和B"},
    // Pictures and signs with nothing to say are dropped; numbered steps are said.
    {"😀欢迎光临🎉", "欢迎光临"},
    {"欢迎~", "欢迎"},
    {"①报名②缴费", "一、报名二、缴费"},
    {"第Ⅲ期", "第三期"},
    {"≥60岁", "大于等于六十岁"},
    {"3×4", "三乘四"},
    {"3#楼", "三号楼"},
    // Invalid bytes and odd signs do not break the text.
    {"abc\xff\xfe", "A B C"},
    {"响\x07铃\x1b\x7f", "响铃"},
    {"100%", "百分之一百"},
    {"%", ""},
    {"", ""},
};
} // namespace

TEST_CASE("sheet text is said as words: phones, dates, times, prices, numbers, readings, odd bytes", "[speech_text]")
{
    for (const Spoken& row : kSpoken) {
        CAPTURE(row.text);
        CHECK(say(row.text) == row.spoken);
    }
}

TEST_CASE("a district extends the readings with readings.csv", "[speech_text]")
{
    SpeechReadings readings;
    Problems problems;
    readings.addCsv("词语,读音\n六安,lu4 an1\n重阳,zhong4 yang2\n,a1\n坏读音,xyz\n", "readings.csv", problems);
    CHECK(normaliseForSpeech("六安重阳", readings) == "lu4 an1 zhong4 yang2");
    // A Latin word of the district's file, in any case; never inside the pinyin already written.
    Problems latinProblems;
    readings.addCsv("词语,读音\nAPP,ai1 pi1\nan,an1\n", "readings.csv", latinProblems);
    CHECK(latinProblems.empty());
    CHECK(normaliseForSpeech("下载app、APP、App", readings) == "下载 ai1 pi1 、 ai1 pi1 、 ai1 pi1");
    CHECK(normaliseForSpeech("银行", readings) == "yin2 hang2");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].format() == "readings.csv:4:词语: 词语不能为空");
    CHECK(problems[1].row == 5);
    CHECK(problems[1].column == "读音");

    Problems missing;
    SpeechReadings other;
    other.addCsv("词,音\n", "readings.csv", missing);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].row == 1);
}

TEST_CASE("the built-in readings are assets/readings.csv, every row good", "[speech_text]")
{
    Problems problems;
    SpeechReadings fromFile;
    fromFile.addCsv(builtinReadingsCsv(), kBuiltinReadingsName, problems);
    CHECK(problems.empty());
    // Every row of the file, and nothing else, is the built-in table.
    const SpeechReadings builtIn;
    CHECK(builtIn.size() == 133);
    REQUIRE(builtIn.find("银行"));
    CHECK(*builtIn.find("银行") == "yin2 hang2");
    REQUIRE(builtIn.find("骗子"));
    CHECK(*builtIn.find("骗子") == "pian4 zi5");
}

TEST_CASE("tone pinyin is checked", "[speech_text]")
{
    const std::pair<std::string_view, bool> cases[] = {
        {"chong2 yang2", true},   {"lü4", true},      {"lv4 se4", true}, {"", false}, {"chong yang", false},
        {"chong2  yang2", false}, {"chong2 ", false}, {"重阳", false},
    };
    for (const auto& [text, tonePinyin] : cases) {
        CAPTURE(text);
        CHECK(isTonePinyin(text) == tonePinyin);
    }
}

TEST_CASE("sentences for the engine", "[speech_text]")
{
    const auto pieces = speechSentences("今天有三项活动。上午九点，太极拳！\n下午两点");
    REQUIRE(pieces.size() == 3);
    CHECK(pieces[0] == "今天有三项活动。");
    CHECK(pieces[1] == "上午九点，太极拳！");
    CHECK(pieces[2] == "下午两点");
    // A long first sentence is cut at its first comma after a dozen characters.
    const auto longFirst = speechSentences("晋东一社区养老服务站欢迎您的到来，今天天气晴朗，适合散步。");
    REQUIRE(longFirst.size() == 2);
    CHECK(longFirst[0] == "晋东一社区养老服务站欢迎您的到来，");
    CHECK(speechSentences("  \n ").empty());
}

TEST_CASE("speech grows at most maxSpeechBytes, even for a cell of the worst signs", "[speech_text]")
{
    // The worst expansions per input byte, each repeated to a 4,000-character free-text cell.
    for (const std::string unit :
         {"1%", "1:01", "121", "2026-1-1 ", "1行", "¥1", "0.1%", "21", "1h", "①", "+1", "a", "ok", "@", "≥1"}) {
        std::string cell;
        while (cell.size() + unit.size() <= 4000) cell += unit;
        INFO(unit);
        CHECK(say(unit).size() <= maxSpeechBytes(unit.size()));
        CHECK(say(cell).size() <= maxSpeechBytes(cell.size()));
    }
    CHECK(say("1%") == "百分之一");
    CHECK(say("").empty());
}

TEST_CASE("speech: digit groups without end normalise in linear time", "[speech_text]")
{
    // 100,000 one-digit groups: each was once read again to the end of the text (quadratic,
    // minutes); now a few tens of milliseconds. The limit only guards against a hang.
    std::string text;
    for (int i = 0; i < 100000; ++i) text += "1 ";
    const auto start = std::chrono::steady_clock::now();
    const std::string spoken = say(text);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(spoken.size() <= maxSpeechBytes(text.size()));
    CHECK(elapsed < std::chrono::seconds(5));
    // A phone number of groups still reads as one, and the cap leaves the rest as numbers.
    CHECK(say("400-880-1234") == "四零零，八八零，幺二三四");
}

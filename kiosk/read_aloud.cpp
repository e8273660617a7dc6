#include "kiosk/read_aloud.h"

#include "content/date_time.h"
#include "kiosk/snapshot.h"

namespace kiosk::read_aloud {

namespace {

void sentence(std::string& out, const std::string& text)
{
    if (text.empty()) return;
    out += text;
    const bool ends = text.ends_with("。") || text.ends_with("！") || text.ends_with("？");
    if (!ends) out += "。";
}

std::string timeText(content::MinuteOfDay start, const std::optional<content::MinuteOfDay>& end)
{
    std::string text = content::formatTime(start);
    if (end) text += "到" + content::formatTime(*end);
    return text;
}

std::string joined(const std::vector<std::string>& items, const char* separator)
{
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

std::string mealText(const content::Meal& meal)
{
    std::string text = std::string(content::mealKindName(meal.kind)) + "：" + joined(meal.dishes, "，");
    if (meal.priceCents) text += "，" + mealPrice(*meal.priceCents);
    if (!meal.tags.empty()) text += "，" + joined(meal.tags, "、");
    return text;
}

// A part into `reading`: text is read out (joined to the text before it), a recording played.
void addPart(Reading& reading, Reading::Part part)
{
    if (part.recording.empty())
        reading.add(std::move(part.text));
    else
        reading.addRecording(std::move(part.recording), std::move(part.text));
}

// `text` read out, or the station's `recording` of it where there is one (the text then stands
// in should the recording not play).
Reading textOrRecording(std::string text, const std::string& recording)
{
    Reading reading;
    addPart(reading, {std::move(text), recording});
    return reading;
}

} // namespace

std::string activities(content::Date day, const std::vector<content::ActivityOccurrence>& items)
{
    std::string out;
    sentence(out, content::formatMonthDayChinese(day) + content::weekdayName(content::weekdayIndex(day)) + "的活动");
    if (items.empty()) sentence(out, "这一天没有活动");
    for (const content::ActivityOccurrence& o : items) {
        const content::Activity& a = *o.activity;
        std::string line = timeText(a.start, a.end) + "，" + a.title;
        if (!a.place.empty()) line += "，在" + a.place;
        sentence(out, line);
        sentence(out, a.note);
    }
    return out;
}

std::string meals(const content::DayMeals& day)
{
    std::string out;
    sentence(out, content::formatMonthDayChinese(day.date) + content::weekdayName(content::weekdayIndex(day.date)) +
                      "的菜单");
    if (day.meals.empty()) sentence(out, "这一天没有菜单");
    for (const content::Meal* meal : day.meals) {
        sentence(out, mealText(*meal));
        sentence(out, meal->note);
    }
    return out;
}

std::string lectureText(const content::Lecture& l)
{
    std::string out;
    sentence(out, content::formatMonthDayChinese(l.date) + timeText(l.start, l.end) + "，" +
                      content::lectureKindName(l.kind) + "：" + l.title);
    if (!l.speaker.empty()) sentence(out, "主讲：" + l.speaker + (l.unit.empty() ? "" : "，" + l.unit));
    if (!l.place.empty()) sentence(out, "地点：" + l.place);
    sentence(out, l.note);
    return out;
}

Reading lecture(const content::Lecture& l)
{
    return textOrRecording(lectureText(l), l.recording);
}

Reading lectures(const std::vector<content::UpcomingLecture>& list)
{
    Reading reading;
    if (list.empty()) {
        std::string out;
        sentence(out, "近期没有讲座和义诊");
        reading.add(out);
    }
    for (const content::UpcomingLecture& l : list) {
        Reading one = lecture(*l.lecture);
        for (Reading::Part& part : one.parts) addPart(reading, std::move(part));
    }
    return reading;
}

Reading notice(const content::Notice& n)
{
    std::string out;
    sentence(out, std::string(n.urgent ? "紧急通知：" : "通知：") + n.title);
    sentence(out, n.body);
    return textOrRecording(std::move(out), n.recording);
}

Reading guidePage(const content::GuideEntry& g)
{
    std::string out;
    sentence(out, "防骗提醒：" + g.title);
    if (!g.howItGoes.empty()) sentence(out, "骗术：" + g.howItGoes);
    sentence(out, "怎么识破：" + g.howToSpot);
    if (!g.whatToDo.empty()) sentence(out, "怎么应对：" + g.whatToDo);
    sentence(out, "拿不准就拨打反诈专线96110，或者报警110");
    return textOrRecording(std::move(out), g.recording);
}

std::string homeSummary(const Snapshot& s)
{
    std::string out;
    std::string date = "今天是" + content::formatMonthDayChinese(s.at.date) + s.weekdayText;
    if (!s.lunarText.empty()) {
        // "农历四月十八 · 芒种" is said as "农历四月十八，芒种".
        std::string lunar = s.lunarText;
        for (size_t at; (at = lunar.find(" · ")) != std::string::npos;) lunar.replace(at, 4, "，");
        date += "，" + lunar;
    }
    sentence(out, date);
    if (s.activityNow) {
        const content::Activity& a = *s.activityNow->occurrence.activity;
        const char* when = s.activityNow->occurrence.ongoing ? "正在进行" : "下一个活动";
        std::string line = std::string(when) + "：" + timeText(a.start, a.end) + "，" + a.title;
        if (!a.place.empty()) line += "，在" + a.place;
        if (s.activityNow->daysAhead > 0) line = content::countdownText(s.activityNow->daysAhead) + line;
        sentence(out, line);
    }
    if (s.mealNow) sentence(out, mealText(*s.mealNow->meal));
    if (!s.lectures.empty()) {
        const content::Lecture& l = *s.lectures.front().lecture;
        sentence(out, "下一场" + std::string(content::lectureKindName(l.kind)) + "：" +
                          content::formatMonthDayChinese(l.date) + timeText(l.start, l.end) + "，" + l.title);
    }
    for (const content::Notice* n : s.urgent) sentence(out, "紧急通知：" + n->title);
    return out;
}

} // namespace kiosk::read_aloud

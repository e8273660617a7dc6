#pragma once
// What each 朗读 button reads: the screen's reading matter as one text in the words on screen
// (content::normaliseForSpeech then turns 9:30 and 96110 into spoken form). A guide page, a
// notice or a lecture with a recording (录音) is read as that recording instead. The joining words
// here are only spoken, never drawn, so they live here rather than in ui_text.h.
#include "content/model.h"
#include "content/schedule.h"
#include "kiosk/reading.h"
#include "kiosk/snapshot.h"

#include <string>
#include <vector>

namespace kiosk::read_aloud {

// Home's today summary: the date (and 农历), what is on, the meal, the next lecture.
std::string homeSummary(const Snapshot& s);
// One day of activities as shown.
std::string activities(content::Date day, const std::vector<content::ActivityOccurrence>& items);
// One day's meals.
std::string meals(const content::DayMeals& day);
// A lecture's text (its recording, if any, is left to the callers below).
std::string lectureText(const content::Lecture& lecture);
Reading lecture(const content::Lecture& lecture);
// The lectures listed, each its recording or its text, in order.
Reading lectures(const std::vector<content::UpcomingLecture>& lectures);
Reading notice(const content::Notice& notice);
// A guide page: the scam, how to spot it, what to do, and the hotline.
Reading guidePage(const content::GuideEntry& entry);

} // namespace kiosk::read_aloud

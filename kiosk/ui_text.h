#pragma once
// Every fixed string the kiosk shows. The font atlas bakes exactly these glyphs plus the
// content's, so a string used on screen must live here (or come from the content).
#include <array>

namespace kiosk::ui {

inline constexpr const char* kBackHome = "返回首页";
inline constexpr const char* kLargeTextOn = "大字";
inline constexpr const char* kLargeTextOff = "标准字";

inline constexpr const char* kHome = "首页";
inline constexpr const char* kActivities = "活动安排";
inline constexpr const char* kMeals = "每日菜单";
inline constexpr const char* kLectures = "健康讲座";
inline constexpr const char* kNotices = "通知公告";
inline constexpr const char* kGuide = "防骗指南";
inline constexpr const char* kContacts = "常用电话";

// Icon-like single characters drawn in a circle beside section names.
inline constexpr const char* kIconActivities = "乐";
inline constexpr const char* kIconMeals = "餐";
inline constexpr const char* kIconLectures = "医";
inline constexpr const char* kIconNotices = "告";
inline constexpr const char* kIconGuide = "防";
inline constexpr const char* kIconContacts = "话";

inline constexpr const char* kWelcomeFallback = "欢迎您！";
inline constexpr const char* kOngoing = "正在进行";
inline constexpr const char* kNext = "下一个";
inline constexpr const char* kOver = "已结束";
inline constexpr const char* kLaterToday = "今天稍后";
inline constexpr const char* kToday = "今天";
inline constexpr const char* kTodayActivity = "今天的活动";
inline constexpr const char* kTodayLunch = "今天午餐";
inline constexpr const char* kTodayMeals = "今天的饭菜";
inline constexpr const char* kNextLecture = "近期讲座义诊";
inline constexpr const char* kNoActivitiesToday = "今天没有安排活动";
inline constexpr const char* kNoActivitiesDay = "这一天没有安排活动";
inline constexpr const char* kActivitiesDoneToday = "今天的活动都结束了";
inline constexpr const char* kNoMealsToday = "今天没有供餐安排";
inline constexpr const char* kNoMealsDay = "这一天没有供餐安排";
inline constexpr const char* kNoLectures = "近期没有讲座和义诊";
inline constexpr const char* kNoNotices = "现在没有通知";
inline constexpr const char* kNoGuide = "暂时没有防骗指南";
inline constexpr const char* kNoContacts = "暂时没有电话";
inline constexpr const char* kUrgent = "紧急";
inline constexpr const char* kPinned = "置顶";
inline constexpr const char* kYuan = "元";
inline constexpr const char* kPrice = "价格";
inline constexpr const char* kPlace = "地点";
inline constexpr const char* kSpeaker = "主讲";
inline constexpr const char* kUnit = "单位";
inline constexpr const char* kTime = "时间";
inline constexpr const char* kTags = "特点";
inline constexpr const char* kNote = "备注";
inline constexpr const char* kHowItGoes = "骗术";
inline constexpr const char* kHowToSpot = "识破";
inline constexpr const char* kWhatToDo = "应对";
inline constexpr const char* kPrevious = "上一条";
inline constexpr const char* kNextEntry = "下一条";
inline constexpr const char* kEntryOf = "第 %d 条 / 共 %d 条";
inline constexpr const char* kFraudHotline = "反诈专线 96110";
inline constexpr const char* kPolice = "报警 110";
inline constexpr const char* kFraudFooter = "拿不准就打";
inline constexpr const char* kDutyPhone = "值班电话";
inline constexpr const char* kOpenHours = "开放时间";
inline constexpr const char* kAddress = "地址";
inline constexpr const char* kScrollHint = "用手指上下滑动，可以看更多";
inline constexpr const char* kMoreBelow = "下面还有";
inline constexpr const char* kMoreAbove = "上面还有";
inline constexpr const char* kServingNow = "正在供应";
inline constexpr const char* kNextMeal = "下一餐";
inline constexpr const char* kTomorrow = "明天";
inline constexpr const char* kNoMoreActivities = "近期没有活动安排";
inline constexpr const char* kNoMoreMeals = "近期没有供餐安排";

inline constexpr const char* kIdleQuestion = "您还在看吗？";
inline constexpr const char* kIdleCountdown = "%d 秒后回到首页";
inline constexpr const char* kKeepReading = "继续阅读";
inline constexpr const char* kTouchToStart = "轻触屏幕，查看更多";
inline constexpr const char* kTouchToWake = "轻触屏幕 唤醒";
inline constexpr const char* kAttractActivities = "今天的活动";
inline constexpr const char* kAttractMeals = "今天的饭菜";
inline constexpr const char* kAttractLectures = "健康讲座 义诊";
inline constexpr const char* kAttractGuide = "防骗提醒";
inline constexpr const char* kAttractNotices = "通知公告";
inline constexpr const char* kAttractUrgent = "紧急通知";
inline constexpr const char* kAttractNowNext = "现在和接下来";
inline constexpr const char* kAttractNext = "下一场";         // 下一场义诊
inline constexpr const char* kAttractMealsOf = "的饭菜";      // 明天的饭菜
inline constexpr const char* kAttractHotline = "有事请打电话";
inline constexpr const char* kFraudHotlineName = "反诈专线";
inline constexpr const char* kPoliceName = "报警";
inline constexpr const char* kContinued = "（续）";
inline constexpr const char* kWelcome = "欢迎光临";

// Characters produced by formatting rather than literals: dates, weekdays, countdowns,
// meal and lecture kinds, contact categories, punctuation used to join items.
inline constexpr const char* kFormattingGlyphs =
    "年月日时分星期周一二三四五六日天今明后还有早午晚加餐讲座义诊体检其他紧急社区服务医疗"
    "：，、。；！？（）“”《》—…·／ ◀▶";

inline constexpr std::array kAll = {kBackHome,
                                    kLargeTextOn,
                                    kLargeTextOff,
                                    kHome,
                                    kActivities,
                                    kMeals,
                                    kLectures,
                                    kNotices,
                                    kGuide,
                                    kContacts,
                                    kIconActivities,
                                    kIconMeals,
                                    kIconLectures,
                                    kIconNotices,
                                    kIconGuide,
                                    kIconContacts,
                                    kWelcomeFallback,
                                    kOngoing,
                                    kNext,
                                    kOver,
                                    kLaterToday,
                                    kToday,
                                    kTodayActivity,
                                    kTodayLunch,
                                    kTodayMeals,
                                    kNextLecture,
                                    kNoActivitiesToday,
                                    kNoActivitiesDay,
                                    kActivitiesDoneToday,
                                    kNoMealsToday,
                                    kNoMealsDay,
                                    kNoLectures,
                                    kNoNotices,
                                    kNoGuide,
                                    kNoContacts,
                                    kUrgent,
                                    kPinned,
                                    kYuan,
                                    kPrice,
                                    kPlace,
                                    kSpeaker,
                                    kUnit,
                                    kTime,
                                    kTags,
                                    kNote,
                                    kHowItGoes,
                                    kHowToSpot,
                                    kWhatToDo,
                                    kPrevious,
                                    kNextEntry,
                                    kEntryOf,
                                    kFraudHotline,
                                    kPolice,
                                    kFraudFooter,
                                    kDutyPhone,
                                    kOpenHours,
                                    kAddress,
                                    kScrollHint,
                                    kMoreBelow,
                                    kMoreAbove,
                                    kServingNow,
                                    kNextMeal,
                                    kTomorrow,
                                    kNoMoreActivities,
                                    kNoMoreMeals,
                                    kIdleQuestion,
                                    kIdleCountdown,
                                    kKeepReading,
                                    kTouchToStart,
                                    kTouchToWake,
                                    kAttractActivities,
                                    kAttractMeals,
                                    kAttractLectures,
                                    kAttractGuide,
                                    kAttractNotices,
                                    kAttractUrgent,
                                    kAttractNowNext,
                                    kAttractNext,
                                    kAttractMealsOf,
                                    kAttractHotline,
                                    kFraudHotlineName,
                                    kPoliceName,
                                    kContinued,
                                    kWelcome,
                                    kFormattingGlyphs};

} // namespace kiosk::ui

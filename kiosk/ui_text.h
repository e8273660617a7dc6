#pragma once
// Every fixed string the kiosk shows. The font atlas bakes exactly these glyphs plus the
// content's, so a string used on screen must live here (or come from the content).
#include "content/import_words.h"

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
inline constexpr const char* kEmptyHint = "有事可以问问值班的工作人员";
inline constexpr const char* kUrgent = "紧急";
inline constexpr const char* kPinned = "置顶";
inline constexpr const char* kYuan = "元";
inline constexpr const char* kFree = "免费"; // a meal priced 0 (免费 in meals.csv)
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
inline constexpr const char* kAttractNext = "下一场";    // 下一场义诊
inline constexpr const char* kAttractMealsOf = "的饭菜"; // 明天的饭菜
inline constexpr const char* kAttractHotline = "有事请打电话";
inline constexpr const char* kFraudHotlineName = "反诈专线";
inline constexpr const char* kPoliceName = "报警";
inline constexpr const char* kContinued = "（续）";
inline constexpr const char* kWelcome = "欢迎光临";

// Read-aloud (朗读) and its volume on the staff screen.
inline constexpr const char* kSpeak = "朗读";
inline constexpr const char* kStopSpeaking = "停止";
inline constexpr const char* kSpeechVolume = "朗读音量";
inline constexpr const char* kLouder = "大";
inline constexpr const char* kSofter = "小";
inline constexpr const char* kPercent = "%";
// ---- content updates: the update overlay, the PIN pad and the staff screen (kiosk/update_text.h
// turns the update service's codes into these words).
inline constexpr const char* kReading = "正在读取U盘…";
inline constexpr const char* kDoNotPull = "请不要拔出U盘";
inline constexpr const char* kApplied = "内容已更新";
inline constexpr const char* kAppliedDrop = "收到新内容，已更新";
inline constexpr const char* kCanPull = "现在可以拔出U盘了。";
inline constexpr const char* kRejected = "未能更新，内容没有改变";
inline constexpr const char* kRejectedDrop = "同步文件夹里的内容包未能更新，内容没有改变";
inline constexpr const char* kReportOnStick = "完整的报告已写到U盘：";
inline constexpr const char* kReportNotWritten = "U盘不能写入，报告没有保存。可在电脑上用 kiosk-content check 检查。";
inline constexpr const char* kFoundProblems = "发现 %d 个问题：";
inline constexpr const char* kMoreProblems = "还有 %d 个问题，见报告。";
inline constexpr const char* kVersionNumber = "版本号 %lld";
inline constexpr const char* kGotIt = "知道了";
inline constexpr const char* kCancel = "取消";
inline constexpr const char* kClose = "关闭";
inline constexpr const char* kUnsignedTitle = "U盘里的内容没有签名";
inline constexpr const char* kUnsignedAsk = "请工作人员输入密码，确认后导入。";
inline constexpr const char* kContains = "包含：";
inline constexpr const char* kStaffEntry = "工作人员入口";
inline constexpr const char* kStaffAsk = "请输入工作人员密码。";
inline constexpr const char* kChecking = "正在核对…";
inline constexpr const char* kWrongPin = "密码不对，还可以试 %d 次。";
inline constexpr const char* kLocked = "已锁定，请 %d 分钟后再试。";
inline constexpr const char* kNoPin = "还没有设置工作人员密码。";
inline constexpr const char* kHowToSetPin = "请在电脑控制台运行下面的命令设置（4 到 8 位数字）：";
inline constexpr const char* kSetPinCommand = "kiosk-content set-pin --data-dir %s";
inline constexpr const char* kStickPulled = content::words::kStickPulled;
inline constexpr const char* kStickTooSlow = content::words::kStickTooSlow;
inline constexpr const char* kPinCancelled = "已取消，未做任何更改";
inline constexpr const char* kPinKeys = "删除确定0123456789●○";

inline constexpr const char* kStaffTitle = "工作人员菜单";
inline constexpr const char* kContentVersion = "内容版本号：%lld";
inline constexpr const char* kLastImport = "上次导入：";
inline constexpr const char* kNoImport = "还没有导入过";
inline constexpr const char* kImportOk = "成功";
inline constexpr const char* kImportFailed = "未成功";
inline constexpr const char* kStick = "U盘：";
inline constexpr const char* kStickIn = "已插入（%s）";
inline constexpr const char* kNoStick = "没有插入带 KIOSK 文件夹的U盘（导出也可以用空白U盘）";
inline constexpr const char* kExport = "导出当前内容到U盘";
inline constexpr const char* kRollback = "恢复上一版内容";
inline constexpr const char* kConfirmRollback = "确认恢复";
inline constexpr const char* kConfirmAsk = "恢复到上一版内容吗？现在的内容会被替换。";
inline constexpr const char* kNoRollback = "没有上一版内容可以恢复";
inline constexpr const char* kBack = "返回";
inline constexpr const char* kBusy = "正在处理，请稍候…";
inline constexpr const char* kExportHint =
    "导出的表格可以在电脑上用 Excel 或 WPS 修改。U盘里没有 KIOSK 文件夹时写进新建的 KIOSK 文件夹，"
    "改好插回即可更新；已有时写进其中的“导出-日期-时间”文件夹，不会覆盖您的文件。";
inline constexpr const char* kExportedNew =
    "已导出到U盘的 KIOSK 文件夹。在电脑上修改这些表格后，把U盘插到这里即可更新。";
inline constexpr const char* kExportedSub =
    "已导出到U盘的 KIOSK/%s 文件夹（U盘里原有的文件没有改动）。修改后，把表格复制到U盘的 KIOSK 文件夹，再插到这里。";
inline constexpr const char* kExportNoStore = "内容库无法打开，不能导出";
inline constexpr const char* kExportNoStick = "没有找到U盘。请插入U盘后再试。";
inline constexpr const char* kExportReadOnly = "U盘有写保护，无法写入。";
inline constexpr const char* kExportWriteFailed = "写入U盘失败（U盘已满、有写保护或已拔出）。";
inline constexpr const char* kRolledBack = "已恢复上一版内容（版本号 %lld）";
inline constexpr const char* kRollbackNone = "没有可以恢复的上一版内容";
inline constexpr const char* kRollbackFailed = "恢复失败：%s";

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
                                    kEmptyHint,
                                    kUrgent,
                                    kPinned,
                                    kYuan,
                                    kFree,
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
                                    kSpeak,
                                    kStopSpeaking,
                                    kSpeechVolume,
                                    kLouder,
                                    kSofter,
                                    kPercent,
                                    kReading,
                                    kDoNotPull,
                                    kApplied,
                                    kAppliedDrop,
                                    kCanPull,
                                    kRejected,
                                    kRejectedDrop,
                                    kReportOnStick,
                                    kReportNotWritten,
                                    kFoundProblems,
                                    kMoreProblems,
                                    kVersionNumber,
                                    kGotIt,
                                    kCancel,
                                    kClose,
                                    kUnsignedTitle,
                                    kUnsignedAsk,
                                    kContains,
                                    kStaffEntry,
                                    kStaffAsk,
                                    kChecking,
                                    kWrongPin,
                                    kLocked,
                                    kNoPin,
                                    kHowToSetPin,
                                    kSetPinCommand,
                                    kStickPulled,
                                    kStickTooSlow,
                                    kPinCancelled,
                                    kPinKeys,
                                    kStaffTitle,
                                    kContentVersion,
                                    kLastImport,
                                    kNoImport,
                                    kImportOk,
                                    kImportFailed,
                                    kStick,
                                    kStickIn,
                                    kNoStick,
                                    kExport,
                                    kRollback,
                                    kConfirmRollback,
                                    kConfirmAsk,
                                    kNoRollback,
                                    kBack,
                                    kBusy,
                                    kExportHint,
                                    kExportedNew,
                                    kExportedSub,
                                    kExportNoStore,
                                    kExportNoStick,
                                    kExportReadOnly,
                                    kExportWriteFailed,
                                    kRolledBack,
                                    kRollbackNone,
                                    kRollbackFailed,
                                    content::words::kRowsUnit,
                                    content::words::kListSeparator,
                                    kFormattingGlyphs};

} // namespace kiosk::ui

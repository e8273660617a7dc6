#pragma once
// The station's content as the sheets describe it. Plain values; no I/O.
#include "content/date_time.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace content {

// The seven kinds of sheet, in SPEC order.
enum class SheetKind { Station, Activities, Meals, Lectures, Notices, Guide, Contacts };
inline constexpr int kSheetKindCount = 7;
inline constexpr std::array<SheetKind, kSheetKindCount> kAllSheetKinds = {
    SheetKind::Station, SheetKind::Activities, SheetKind::Meals,   SheetKind::Lectures,
    SheetKind::Notices, SheetKind::Guide,      SheetKind::Contacts};
const char* sheetFileName(SheetKind kind); // "activities.csv"
const char* sheetKey(SheetKind kind);      // "activities", the key in `info` JSON
const char* sheetTitle(SheetKind kind);    // "活动", for summaries shown to staff

// station.csv: 项目, 内容. Known keys are 站点名称, 欢迎语, 地址, 开放时间, 值班电话, 二维码, 二维码说明;
// other keys are kept so an export re-imports unchanged.
struct StationInfo {
    std::vector<std::pair<std::string, std::string>> entries; // in sheet order
    std::string value(std::string_view key) const;            // the first one not blank; "" when none
    std::string name() const { return value("站点名称"); }
    std::string welcome() const { return value("欢迎语"); }
    std::string address() const { return value("地址"); }
    std::string openHours() const { return value("开放时间"); }
    std::string dutyPhone() const { return value("值班电话"); }
    // Optional: a link or text shown as a QR code on home and in idle mode, and its caption.
    std::string qrCode() const { return value("二维码"); }
    std::string qrCaption() const { return value("二维码说明"); }
    bool operator==(const StationInfo&) const = default;
};

struct Activity {
    DaySpec day;
    MinuteOfDay start = 0;
    std::optional<MinuteOfDay> end;
    std::string title;    // 活动
    std::string place;    // 地点
    std::string note;     // 说明
    std::string category; // 类别, free text (文体, 学习, 健康, 照料 …)
    bool operator==(const Activity&) const = default;
};

enum class MealKind { Breakfast, Lunch, Dinner, Snack };
const char* mealKindName(MealKind kind); // 早餐 午餐 晚餐 加餐

struct Meal {
    DaySpec day;
    MealKind kind = MealKind::Lunch;
    std::vector<std::string> dishes;
    std::optional<int> priceCents; // 12.5元 → 1250
    std::vector<std::string> tags; // 软烂 低盐 低糖 …
    std::string note;
    bool operator==(const Meal&) const = default;
};
std::string formatPrice(int cents); // 1250 → "12.5", 1200 → "12"

enum class LectureKind { Lecture, Clinic, Checkup, Other };
const char* lectureKindName(LectureKind kind); // 讲座 义诊 体检 其他

struct Lecture {
    Date date{};
    MinuteOfDay start = 0;
    std::optional<MinuteOfDay> end;
    LectureKind kind = LectureKind::Lecture;
    std::string title;       // 主题
    std::string speaker;     // 主讲
    std::string unit;        // 单位
    std::string place;       // 地点
    std::string note;        // 说明
    std::string recording{}; // 录音: a file name in Content::recordings, or "" (synthesised speech)
    bool operator==(const Lecture&) const = default;
};

struct Notice {
    std::string title;
    std::string body;
    std::optional<Date> from; // 开始日期, blank: always
    std::optional<Date> to;   // 结束日期, inclusive
    bool pinned = false;      // 置顶
    bool urgent = false;      // 紧急
    std::string recording{};  // 录音, as for Lecture
    bool operator==(const Notice&) const = default;
};

struct GuideEntry {
    int order = 0;           // 序号
    std::string title;       // 标题
    std::string howItGoes;   // 骗术
    std::string howToSpot;   // 识破
    std::string whatToDo;    // 应对
    std::string recording{}; // 录音, as for Lecture
    bool operator==(const GuideEntry&) const = default;
};

struct Contact {
    std::string name;
    std::string phone;
    std::string note;
    std::string category; // 紧急/社区/服务/医疗
    std::string qrCode{}; // 二维码: a link or text shown as a QR code beside the entry; optional
    bool operator==(const Contact&) const = default;
};

// An audio file a 录音 cell names (.ogg, .mp3, .wav), played instead of synthesised speech.
// Only what is known of it travels with the content; the bytes stay where `source` says (a
// staged package file, or the recordings table of a store file) until a store file is written
// or the kiosk plays it.
struct Recording {
    enum class Source { File, StoreFile };
    std::string name;   // the file name, as the rows name it (the package's spelling)
    std::string sha256; // of the file's bytes, hex
    uint64_t bytes = 0;
    int64_t durationMs = 0;
    Source sourceKind = Source::File;
    std::string source; // the path of that file
    // Equal when it is the same recording, wherever its bytes are now.
    bool operator==(const Recording& other) const
    {
        return name == other.name && sha256 == other.sha256 && bytes == other.bytes && durationMs == other.durationMs;
    }
};

// Where a sheet names a recording, for problems located at its row (package reading only).
struct RecordingRef {
    std::string file; // guide.csv
    int row = 0;
    std::string name;
};

// Everything the kiosk shows, rows in sheet order.
struct Content {
    int64_t version = 0;
    // The version of the last signed package applied (0: none). Kept apart from `version`,
    // which local edits (an unsigned stick with the PIN) also move, so that those never make
    // the district's next signed package look old.
    int64_t signedVersion = 0;
    StationInfo station;
    std::vector<Activity> activities;
    std::vector<Meal> meals;
    std::vector<Lecture> lectures;
    std::vector<Notice> notices;
    std::vector<GuideEntry> guide;
    std::vector<Contact> contacts;
    // The recordings the rows name, each once, by name.
    std::vector<Recording> recordings;

    // The recording of that name, or nullptr.
    const Recording* recording(std::string_view name) const;
    // Rows per sheet as written (a weekly repeat is one row; station counts its key rows).
    int rowCount(SheetKind kind) const;
    bool operator==(const Content&) const = default;
};

// What a package brings: a sheet that is present replaces its kind; absent keeps the old one.
struct ContentUpdate {
    std::optional<StationInfo> station;
    std::optional<std::vector<Activity>> activities;
    std::optional<std::vector<Meal>> meals;
    std::optional<std::vector<Lecture>> lectures;
    std::optional<std::vector<Notice>> notices;
    std::optional<std::vector<GuideEntry>> guide;
    std::optional<std::vector<Contact>> contacts;
    // The recordings the present sheets name (found and checked), and where the sheets name
    // them (filled while reading; resolved against the package's files afterwards).
    std::vector<Recording> recordings;
    std::vector<RecordingRef> recordingRefs;

    bool has(SheetKind kind) const;
    bool empty() const;
    // Rows it brings of a kind, counted as Content::rowCount does; -1 for an absent sheet.
    int rowCount(SheetKind kind) const;
    // `base` with every present sheet replaced. Its recordings are those its rows name: this
    // update's where it brings one of that name, else the base's; the rest are dropped.
    Content appliedTo(const Content& base) const;
};

} // namespace content

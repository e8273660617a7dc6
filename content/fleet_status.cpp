#include "content/fleet_status.h"

#include "content/sheet_text.h"
#include "content/station_clock.h"

#include <cctype>
#include <cstdio>
#include <ctime>

namespace content {

namespace {

// Reads `count` digits at `pos` into `out`; false when any is not a digit.
bool digits(std::string_view text, size_t pos, size_t count, int& out)
{
    if (pos + count > text.size()) return false;
    out = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

std::tm toTm(const LocalDateTime& local, int second)
{
    std::tm tm{};
    tm.tm_year = static_cast<int>(local.date.year()) - 1900;
    tm.tm_mon = static_cast<int>(static_cast<unsigned>(local.date.month())) - 1;
    tm.tm_mday = static_cast<int>(static_cast<unsigned>(local.date.day()));
    tm.tm_hour = local.minute / 60;
    tm.tm_min = local.minute % 60;
    tm.tm_sec = second;
    tm.tm_isdst = -1;
    return tm;
}

} // namespace

std::string formatZonedTime(const ZonedTime& time)
{
    const int offset = time.offsetMinutes;
    const int magnitude = offset < 0 ? -offset : offset;
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d%c%02d:%02d", formatDate(time.local.date).c_str(),
                  time.local.minute / 60, time.local.minute % 60, time.second, offset < 0 ? '-' : '+', magnitude / 60,
                  magnitude % 60);
    return buffer;
}

std::optional<ZonedTime> parseZonedTime(std::string_view text)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(text, 0, 4, year) || text.size() < 16 || text[4] != '-' || !digits(text, 5, 2, month) ||
        text[7] != '-' || !digits(text, 8, 2, day) || (text[10] != 'T' && text[10] != ' ') ||
        !digits(text, 11, 2, hour) || text[13] != ':' || !digits(text, 14, 2, minute))
        return std::nullopt;
    size_t pos = 16;
    if (pos < text.size() && text[pos] == ':') {
        if (!digits(text, pos + 1, 2, second)) return std::nullopt;
        pos += 3;
        if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
            ++pos;
            while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
        }
    }
    int offset = 0;
    if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
        ++pos;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        const int sign = text[pos] == '-' ? -1 : 1;
        int oh = 0, om = 0;
        if (!digits(text, pos + 1, 2, oh)) return std::nullopt;
        pos += 3;
        if (pos < text.size() && text[pos] == ':') ++pos;
        if (!digits(text, pos, 2, om)) return std::nullopt;
        pos += 2;
        if (oh > 18 || om > 59) return std::nullopt;
        offset = sign * (oh * 60 + om);
    } else {
        return std::nullopt;
    }
    if (pos != text.size()) return std::nullopt;
    const Date date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                    std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
    ZonedTime zonedTime;
    zonedTime.local = {date, hour * 60 + minute};
    zonedTime.second = second > 59 ? 59 : second;
    zonedTime.offsetMinutes = offset;
    return zonedTime;
}

int64_t unixSeconds(const ZonedTime& time)
{
    const auto days = std::chrono::sys_days{time.local.date}.time_since_epoch().count();
    return static_cast<int64_t>(days) * 86400 + time.local.minute * 60LL + time.second - time.offsetMinutes * 60LL;
}

int localOffsetMinutes(const LocalDateTime& local, int second)
{
    std::tm tm = toTm(local, second);
    if (std::mktime(&tm) == static_cast<std::time_t>(-1)) return 0;
    return static_cast<int>(tm.tm_gmtoff / 60);
}

ZonedTime zoned(const LocalDateTime& local, int second)
{
    return ZonedTime{local, second, localOffsetMinutes(local, second)};
}

std::string zonedText(std::string_view localText)
{
    if (const std::optional<LocalDateTime> local = parseLocalDateTime(localText)) return formatZonedTime(zoned(*local));
    return std::string(localText);
}

ZonedTime zonedNow()
{
    const SystemTime now = systemLocalTime();
    return ZonedTime{now.local, now.second, now.offsetMinutes};
}

StatusImport statusImport(const ImportReport& report)
{
    return StatusImport{report.ok(), zonedText(report.time), report.source, report.version, report.summary()};
}

nlohmann::ordered_json statusToJson(const KioskStatus& status)
{
    nlohmann::ordered_json j;
    j["kiosk_id"] = status.kioskId;
    j["station"] = status.station;
    j["app_version"] = status.appVersion;
    j["content_version"] = status.contentVersion;
    if (status.signedVersion) j["signed_version"] = *status.signedVersion;
    j["updated"] = status.updated;
    j["started"] = status.started;
    j["uptime_seconds"] = status.uptimeSeconds;
    j["screen"] = status.screen;
    if (status.lastImport) {
        const StatusImport& last = *status.lastImport;
        j["last_import"] = {{"ok", last.ok},
                            {"time", last.time},
                            {"source", last.source},
                            {"version", last.version},
                            {"summary", last.summary}};
    } else {
        j["last_import"] = nullptr;
    }
    if (status.screenshot.empty()) {
        j["screenshot"] = nullptr;
    } else {
        j["screenshot"] = status.screenshot;
        if (!status.screenshotTime.empty()) j["screenshot_time"] = status.screenshotTime;
    }
    return j;
}

StatusReading parseStatus(std::string_view text)
{
    StatusReading reading;
    // The kiosk writes UTF-8; other bytes are a damaged or hand-made file, not a half-synced one.
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        reading.problems.push_back("status.json 是空的（可能还没同步完）");
        return reading;
    }
    if (!isValidUtf8(text)) {
        reading.problems.push_back("status.json 不是 UTF-8 编码的文字（文件损坏或被别的程序改过）");
        return reading;
    }
    const nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        reading.problems.push_back(j.is_discarded() ? "status.json 不是完整的 JSON（可能还没同步完）"
                                                    : "status.json 的内容不是一个对象");
        return reading;
    }
    KioskStatus status;
    // What judges a kiosk (fleet_report.cpp: stale, last import failed, content old) is required;
    // the rest SPEC lists is only noted when missing.
    enum class Need { Required, Noted, Optional };
    auto text_ = [&](const nlohmann::json& from, const char* key, std::string& out, Need need, const char* where) {
        const auto it = from.find(key);
        if (it == from.end() || it->is_null()) {
            if (need == Need::Required) reading.problems.push_back(std::string("缺少字段 ") + where + key);
            if (need == Need::Noted) reading.notes.push_back(std::string("缺少字段 ") + where + key);
            return;
        }
        if (!it->is_string()) {
            reading.problems.push_back(std::string("字段 ") + where + key + " 不是文字");
            return;
        }
        out = it->get<std::string>();
    };
    auto number = [&](const nlohmann::json& from, const char* key, int64_t& out, const char* where,
                      Need need = Need::Required) {
        const auto it = from.find(key);
        if (it == from.end() || it->is_null()) {
            (need == Need::Required ? reading.problems : reading.notes)
                .push_back(std::string("缺少字段 ") + where + key);
            return;
        }
        if (!it->is_number_integer()) {
            reading.problems.push_back(std::string("字段 ") + where + key + " 不是整数");
            return;
        }
        out = it->get<int64_t>();
    };
    auto time = [&](const nlohmann::json& from, const char* key, std::string& out, const char* where,
                    Need need = Need::Required) {
        text_(from, key, out, need, where);
        if (!out.empty() && !parseZonedTime(out)) {
            reading.problems.push_back(std::string("字段 ") + where + key + " 不是带时区的时间：" + out);
            out.clear();
        }
    };
    text_(j, "kiosk_id", status.kioskId, Need::Required, "");
    text_(j, "station", status.station, Need::Noted, "");
    text_(j, "app_version", status.appVersion, Need::Noted, "");
    number(j, "content_version", status.contentVersion, "");
    if (j.contains("signed_version")) {
        int64_t signedVersion = 0;
        const size_t before = reading.problems.size();
        number(j, "signed_version", signedVersion, "");
        if (reading.problems.size() == before) status.signedVersion = signedVersion;
    }
    time(j, "updated", status.updated, "");
    time(j, "started", status.started, "", Need::Noted);
    number(j, "uptime_seconds", status.uptimeSeconds, "", Need::Noted);
    text_(j, "screen", status.screen, Need::Noted, "");
    text_(j, "screenshot", status.screenshot, Need::Optional, "");
    text_(j, "screenshot_time", status.screenshotTime, Need::Optional, "");
    if (const auto it = j.find("last_import"); it == j.end()) {
        reading.problems.push_back("缺少字段 last_import");
    } else if (it->is_object()) {
        StatusImport last;
        if (const auto ok = it->find("ok"); ok != it->end() && ok->is_boolean())
            last.ok = ok->get<bool>();
        else
            reading.problems.push_back("缺少字段 last_import.ok");
        time(*it, "time", last.time, "last_import.");
        text_(*it, "source", last.source, Need::Optional, "last_import.");
        if (it->contains("version")) number(*it, "version", last.version, "last_import.");
        text_(*it, "summary", last.summary, Need::Optional, "last_import.");
        status.lastImport = last;
    } else if (!it->is_null()) {
        reading.problems.push_back("字段 last_import 不是对象");
    }
    reading.status = std::move(status);
    return reading;
}

} // namespace content

#pragma once
// The one place the kiosk turns the update service's codes and values into words (the words
// themselves are in kiosk/ui_text.h), and the characters those words and an event's data
// need in the font atlas.
#include "content/update_session.h"
#include "platform/update_service.h"

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>

namespace kiosk::update_text {

// `pattern` (a ui_text.h string) with one number or one text filled in.
std::string format(const char* pattern, long long value);
std::string format(const char* pattern, const std::string& value);

// 活动 42 条、菜单 21 条 … of the rows a package brings (empty when it brings no sheet).
std::string rows(const content::ImportReport& report);
// What the staff screen says after an export or a rollback.
std::string exportMessage(const content::ExportResult& result);
std::string rollbackMessage(const content::RollbackResult& result);
// 密码不对，还可以试 3 次。 / 已锁定，请 5 分钟后再试。 (empty for Ok and NoPin).
std::string pinMessage(const content::PinCheck& check);
// The console command that sets the PIN for this data dir.
std::string setPinCommand(const std::filesystem::path& dataDir);
// KIOSK/import-report.txt rather than the whole mount path, which means nothing to staff.
std::string stickRelative(const std::filesystem::path& file);

// Characters the update UI draws beyond ui_text.h: the sheet titles of row summaries.
void addFixedGlyphs(std::set<char32_t>& glyphs);
// Characters an event's data may put on screen: problems, summaries, paths, folder names.
void addEventGlyphs(const platform::UpdateEvent& event, std::set<char32_t>& glyphs);

} // namespace kiosk::update_text

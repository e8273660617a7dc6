#include "kiosk/update_text.h"

#include "content/glyph_set.h"
#include "kiosk/ui_text.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::update_text {

namespace fs = std::filesystem;

std::string format(const char* pattern, long long value)
{
    // Every pattern with a number takes it as %d or %lld.
    const std::string p(pattern);
    char buffer[512];
    if (p.find("%lld") != std::string::npos)
        std::snprintf(buffer, sizeof buffer, pattern, value);
    else
        std::snprintf(buffer, sizeof buffer, pattern, static_cast<int>(value));
    return buffer;
}

std::string format(const char* pattern, const std::string& value)
{
    const std::string p(pattern);
    const size_t at = p.find("%s");
    if (at == std::string::npos) return p;
    return p.substr(0, at) + value + p.substr(at + 2);
}

std::string rows(const content::ImportReport& report)
{
    return content::rowCountsText(report.rows, report.previousRows, report.ok());
}

std::string exportMessage(const content::ExportResult& result)
{
    switch (result.outcome) {
    case content::ExportOutcome::Exported:
        return result.intoSubfolder ? format(ui::kExportedSub, result.dir.filename().string()) : ui::kExportedNew;
    case content::ExportOutcome::StoreClosed:
        return ui::kExportNoStore;
    case content::ExportOutcome::NoStick:
        return ui::kExportNoStick;
    case content::ExportOutcome::ReadOnly:
        return ui::kExportReadOnly;
    case content::ExportOutcome::WriteFailed:
        return ui::kExportWriteFailed;
    }
    return {};
}

std::string rollbackMessage(const content::RollbackResult& result)
{
    switch (result.outcome) {
    case content::RollbackOutcome::RolledBack:
        return format(ui::kRolledBack, static_cast<long long>(result.version));
    case content::RollbackOutcome::NoPrevious:
        return ui::kRollbackNone;
    case content::RollbackOutcome::Failed:
        return format(ui::kRollbackFailed, result.detail);
    }
    return {};
}

std::string pinMessage(const content::PinCheck& check)
{
    switch (check.result) {
    case content::PinResult::Wrong:
        return format(ui::kWrongPin, check.triesLeft);
    case content::PinResult::Locked:
        return format(ui::kLocked, std::max<int64_t>(1, (check.lockedSeconds + 59) / 60));
    case content::PinResult::Ok:
    case content::PinResult::NoPin:
        break;
    }
    return {};
}

std::string setPinCommand(const fs::path& dataDir)
{
    return format(ui::kSetPinCommand, dataDir.string());
}

std::string stickRelative(const fs::path& file)
{
    return file.parent_path().filename().string() + "/" + file.filename().string();
}

void addFixedGlyphs(std::set<char32_t>& glyphs)
{
    for (content::SheetKind kind : content::kAllSheetKinds) content::addGlyphs(content::sheetTitle(kind), glyphs);
}

void addEventGlyphs(const platform::UpdateEvent& event, std::set<char32_t>& glyphs)
{
    for (const fs::path& path : {event.package, event.reportFile, event.exported.dir})
        content::addGlyphs(path.string(), glyphs);
    content::addGlyphs(event.rollback.detail, glyphs);
    if (event.report) {
        for (const auto& problem : event.report->problems) content::addGlyphs(problem.format(), glyphs);
        content::addGlyphs(rows(*event.report), glyphs);
    }
    if (event.info.lastImport) content::addGlyphs(event.info.lastImport->summary(), glyphs);
    if (event.info.stick) content::addGlyphs(event.info.stick->root.filename().string(), glyphs);
}

} // namespace kiosk::update_text

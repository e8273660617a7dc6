#pragma once
// The few import sentences that both the content side (the import report, last-import.json,
// the staff tool) and the kiosk screen say, so that each stands once. kiosk/ui_text.h names
// them for the screen; everything else the screen says lives there.

namespace content::words {

inline constexpr const char* kStickPulled = "U盘被拔出，未做任何更改";
inline constexpr const char* kImportCancelled = "导入已取消，未做任何更改";
inline constexpr const char* kStickTooSlow = "U盘读取超时（U盘可能已损坏），未做任何更改。请换一个U盘再试";
// rowCountsText's entries: 活动 42 条、菜单 21 条.
inline constexpr const char* kRowsUnit = " 条";
inline constexpr const char* kListSeparator = "、";

} // namespace content::words

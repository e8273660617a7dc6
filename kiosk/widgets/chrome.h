#pragma once
// What every screen shares: the top bar (返回首页, the title with its icon, the 大字 switch)
// and the section list the home tiles and titles use.
#include "kiosk/app_state.h"
#include "kiosk/theme.h"

#include "imgui.h"

#include <functional>
#include <string>
#include <string_view>

namespace kiosk {

struct Section {
    ScreenId id;
    const char* title;
    const char* icon;
    int colorIndex; // into Palette::tile
};
// 活动安排 每日菜单 健康讲座 通知公告 防骗指南 常用电话, in home tile order.
const Section* sections(int& count);
const Section* sectionFor(ScreenId id);

// The 大字 / 标准字 switch as a button at `min` with the theme's target size. Returns its width.
float drawLargeTextToggle(AppState& state, ImVec2 min, float height);

// Top bar for a section screen; returns the y where the screen's content starts. With a
// `speakKey`, a 朗读 button (reading `speakText()` when tapped) sits left of the 大字 switch.
float drawTopBar(AppState& state, ScreenId id, const std::string& speakKey = {},
                 const std::function<Reading()>& speakText = {});

// A message for an empty list, in plain words, centred in the area (never a blank screen).
void drawEmptyState(AppState& state, ImVec2 min, ImVec2 max, std::string_view message);

// The area below the top bar with the theme margins.
struct Area {
    ImVec2 min, max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};
Area contentArea(const AppState& state, float top, float bottomReserve = 0);

} // namespace kiosk

namespace kiosk {
// Big 周一 … 周日 tabs for the week holding `today`; the selected tab is highlighted, today's
// says 今天. Returns the height used; `selected` (0 = Monday) changes when a tab is tapped.
float drawDayTabs(AppState& state, ImVec2 min, float width, content::Date today, int& selected);
} // namespace kiosk

#pragma once
// What every screen shares, drawn from what it shows: the top bar (返回首页, the title with its
// icon, the 大字 switch), the empty-list message, the day tabs, and the section list the home
// tiles and titles use. A widget here reads no app state and changes none: it returns what was
// tapped, and kiosk/screens/screen_chrome.h turns that into the app's requests.
#include "kiosk/screen.h"
#include "kiosk/theme.h"

#include "imgui.h"

#include <functional>
#include <string_view>

namespace kiosk {

class Ui;

struct Section {
    ScreenId id;
    const char* title;
    const char* icon;
    int colorIndex; // into Palette::tile
};
// 活动安排 每日菜单 健康讲座 通知公告 防骗指南 常用电话, in home tile order.
const Section* sections(int& count);
const Section* sectionFor(ScreenId id);

// The 大字 / 标准字 switch as a button at `min` with the theme's target size; its label names what
// a tap switches to (`largeText`: the text is large now). Returns its width; `tapped` is set
// when it was tapped this frame.
float drawLargeTextToggle(Ui& u, bool largeText, ImVec2 min, float height, bool& tapped);

// What the top bar of a section screen shows.
struct TopBar {
    ScreenId id = ScreenId::Home;
    float width = 0;        // the window's
    bool largeText = false; // the text is large now
    // A 朗读 button left of the 大字 switch, when a screen has one: its width at a height, and
    // drawing it in [min, max] (returns whether it drew).
    std::function<float(float height)> speakWidth;
    std::function<bool(ImVec2 min, ImVec2 max)> drawSpeak;
};
struct TopBarTaps {
    float bottom = 0;       // where the screen's content starts
    bool home = false;      // 返回首页
    bool largeText = false; // the 大字 switch
};
// Draws the top bar at the top of the window.
TopBarTaps drawTopBar(Ui& u, const TopBar& bar);

// A message for an empty list, in plain words under `section`'s sign (none: the notices' sign),
// centred in the area (never a blank screen).
void drawEmptyState(Ui& u, const Section* section, ImVec2 min, ImVec2 max, std::string_view message);

// The area below the top bar with the theme margins.
struct Area {
    ImVec2 min, max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};
// In a window of `width` x `height`, below `top`, keeping `bottomReserve` free at the bottom.
Area contentArea(const Theme& t, float width, float height, float top, float bottomReserve = 0);

// Big 周一 … 周日 tabs for the week holding `today`; the selected tab is highlighted, today's
// says 今天. Returns the height used; `selected` (0 = Monday) changes when a tab is tapped.
float drawDayTabs(Ui& u, ImVec2 min, float width, content::Date today, int& selected);

} // namespace kiosk

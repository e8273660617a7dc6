#pragma once
// The per-frame drawing context screens use: the theme, fonts, this frame's touch input, and
// a few big widgets (buttons, chips, icon badges, cards, scroll areas). Widgets are drawn with
// ImDrawList and hit-tested here, not with ImGui's item system, so that a tap fires only on
// release inside the same target and a sliding finger never presses anything (touch.h).
#include "kiosk/fonts.h"
#include "kiosk/theme.h"
#include "kiosk/widgets/touch.h"

#include "imgui.h"

#include <optional>
#include <string_view>
#include <vector>

namespace kiosk {

// What the pointer (a finger or the mouse) did since the last frame.
struct FrameInput {
    double time = 0; // monotonic seconds
    bool pointerDown = false;
    bool pressing = false;    // down and still within the tap slop
    bool dragging = false;    // down and moved beyond the slop
    bool justPressed = false; // went down since the last frame
    bool released = false;    // went up since the last frame
    Point downPos;
    Point pos;
    std::optional<Tap> tap; // a completed tap (release within slop of the press)
};

inline ImVec2 toVec(Point p)
{
    return ImVec2(p.x, p.y);
}

enum class ButtonKind { Primary, Quiet, Colored };

// How far outside every target a tap still presses the nearest one (resolveTap): a little
// more than the gap between targets, so each gap is covered from both sides (about 8 mm at
// 1080p on a 24" screen).
inline float tapReach(const Theme& theme)
{
    return theme.gap * 1.25f;
}

class Ui {
public:
    Ui(ImDrawList* draw, const Theme& theme, const Fonts& fonts, FrameInput input)
        : m_draw(draw), m_theme(theme), m_fonts(fonts), m_input(input)
    {
    }

    ImDrawList* draw() const { return m_draw; }
    const Theme& theme() const { return m_theme; }
    const Fonts& fonts() const { return m_fonts; }
    const Palette& colors() const { return m_theme.palette; }
    const FrameInput& input() const { return m_input; }
    double time() const { return m_input.time; }

    // Input is ignored from here on (an overlay covers the screen); targets are no longer
    // collected either.
    void blockInput()
    {
        FrameInput none;
        none.time = m_input.time;
        m_input = none;
        m_targets = nullptr;
    }
    // Every target asked about (tapped()) from here on is added to `targets`, as far as it is
    // visible, so the app can resolve the next frame's taps to the nearest one (resolveTap).
    void collectTargets(std::vector<HitRect>* targets) { m_targets = targets; }

    // A completed tap whose press and release were both inside the rectangle (and the
    // visible clip area).
    bool tapped(ImVec2 min, ImVec2 max) const;
    // The finger is down on the rectangle and has not slid away: show the pressed look.
    bool pressed(ImVec2 min, ImVec2 max) const;

    // A big button with a word label (never colour alone). Returns true when tapped.
    bool button(ImVec2 min, ImVec2 max, std::string_view label, ButtonKind kind = ButtonKind::Primary,
                ImFont* font = nullptr, Rgb color = {}, bool selected = false);
    // A two-line button (e.g. 周三 / 今天), first line in `font`, second in body; `muted` for
    // what is over (a past day), in the muted ink.
    bool button2(ImVec2 min, ImVec2 max, std::string_view line1, std::string_view line2, bool selected,
                 bool muted = false);

    // A rounded label with words (紧急, 置顶, 软烂 …). Returns its width.
    float chip(ImVec2 pos, std::string_view text, Rgb background, Rgb foreground, ImFont* font = nullptr);
    float chipWidth(std::string_view text, ImFont* font = nullptr) const;
    float chipHeight(ImFont* font = nullptr) const;
    // An icon-like badge: one character in a filled circle.
    void badge(ImVec2 center, float radius, std::string_view glyph, Rgb background, ImFont* font = nullptr);
    void card(ImVec2 min, ImVec2 max, Rgb fill, Rgb border) const;

    // A vertically scrolling region in [min, max]. Between begin and end, draw content starting
    // at the returned y (which includes the scroll offset); pass the content's total height to
    // both. When it is taller than the region, strips above and below the view hold 上面还有 /
    // 下面还有: the hints sit outside the view, so they never cover what scrolls. The strip above
    // opens as the content scrolls (none at the top), the one below is kept while it scrolls.
    float beginScroll(TouchScroller& scroller, ImVec2 min, ImVec2 max, float contentHeight);
    void endScroll(TouchScroller& scroller, float contentHeight);
    // Where beginScroll puts the view and the hints for a scroll offset (scrollLayout).
    static float hintStripHeight(const Fonts& fonts);

    // Set by widgets that animate (momentum scrolling): the loop keeps drawing.
    bool wantsFrames() const { return m_wantsFrames; }
    void requestFrames() { m_wantsFrames = true; }
    // A finger caught a moving list: that touch must not become a tap.
    bool gestureCaught() const { return m_gestureCaught; }

private:
    bool insideClip(Point p) const;

    ImDrawList* m_draw;
    const Theme& m_theme;
    const Fonts& m_fonts;
    FrameInput m_input;
    std::vector<HitRect>* m_targets = nullptr;
    bool m_wantsFrames = false;
    bool m_gestureCaught = false;
    struct ScrollFrame {
        ImVec2 min, max;           // the view (the clip)
        ImVec2 outerMin, outerMax; // the region with its hint strips
        float strip = 0;           // the full strip height, 0 when the content fits
    };
    std::vector<ScrollFrame> m_scrolls;
};

// The view and the hint strips of a scroll region [top, bottom] at a scroll offset, for content
// of `contentHeight`: the strip above is as tall as the offset, up to `strip`; the one below is
// `strip` while the content does not fit. A hint is drawn in its strip, never in the view.
struct ScrollLayout {
    bool scrolls = false;
    float viewTop = 0, viewBottom = 0;
    float aboveTop = 0, aboveBottom = 0; // the strip for 上面还有 (empty when at the top)
    float belowTop = 0, belowBottom = 0; // the strip for 下面还有
    float scrollView = 0;                // the height the scroller's bounds use
};
ScrollLayout scrollLayout(float top, float bottom, float contentHeight, float offset, float strip);

// Tests: every 上面还有 / 下面还有 hint drawn from here on is added to `log` (its rectangle and
// the draw list's vertices it used), or none with nullptr. The app never sets it.
struct HintMark {
    ImVec2 min, max;
    ImDrawList* list = nullptr;
    int vtxBegin = 0, vtxEnd = 0;
};
void setScrollHintLog(std::vector<HintMark>* log);

} // namespace kiosk

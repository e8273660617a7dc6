#include "kiosk/widgets/ui.h"

#include "kiosk/ui_text.h"
#include "kiosk/widgets/text.h"

#include <algorithm>

namespace kiosk {

namespace {
bool contains(ImVec2 min, ImVec2 max, Point p)
{
    return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y;
}
} // namespace

bool Ui::insideClip(Point p) const
{
    for (const auto& s : m_scrolls)
        if (!contains(s.min, s.max, p)) return false;
    return true;
}

bool Ui::tapped(ImVec2 min, ImVec2 max) const
{
    if (m_targets) {
        // The visible part: inside every scroll area it is drawn in.
        HitRect r{{min.x, min.y}, {max.x, max.y}};
        for (const auto& s : m_scrolls) {
            r.min = {std::max(r.min.x, s.min.x), std::max(r.min.y, s.min.y)};
            r.max = {std::min(r.max.x, s.max.x), std::min(r.max.y, s.max.y)};
        }
        if (r.min.x < r.max.x && r.min.y < r.max.y) m_targets->push_back(r);
    }
    if (!m_input.tap) return false;
    const Tap& t = *m_input.tap;
    return contains(min, max, t.down) && contains(min, max, t.up) && insideClip(t.down);
}

bool Ui::pressed(ImVec2 min, ImVec2 max) const
{
    return m_input.pressing && contains(min, max, m_input.downPos) && contains(min, max, m_input.pos) &&
           insideClip(m_input.downPos);
}

bool Ui::button(ImVec2 min, ImVec2 max, std::string_view label, ButtonKind kind, ImFont* font, Rgb color, bool selected)
{
    const Palette& p = colors();
    if (!font) font = m_fonts.heading;
    const bool down = pressed(min, max);
    Rgb fill, ink, border;
    switch (kind) {
    case ButtonKind::Primary:
        fill = down ? p.primaryPressed : p.primary;
        ink = p.onDark;
        border = p.primaryPressed;
        break;
    case ButtonKind::Quiet:
        fill = selected ? p.primary : (down ? p.secondaryPressed : p.secondary);
        ink = selected ? p.onDark : p.text;
        border = selected ? p.primaryPressed : p.cardBorder;
        break;
    case ButtonKind::Colored:
        fill = color;
        ink = p.onDark;
        border = color;
        break;
    }
    // Pressed feedback: the button sinks a little and darkens.
    const float sink = down ? m_theme.px(4) : 0.0f;
    if (!down)
        m_draw->AddRectFilled(ImVec2(min.x, min.y + m_theme.px(5)), ImVec2(max.x, max.y + m_theme.px(5)),
                              IM_COL32(0, 0, 0, 40), m_theme.radius);
    const ImVec2 a(min.x, min.y + sink), b(max.x, max.y + sink);
    m_draw->AddRectFilled(a, b, fill.packed(), m_theme.radius);
    m_draw->AddRect(a, b, border.packed(), m_theme.radius, 0, m_theme.border);
    if (kind == ButtonKind::Colored && down) m_draw->AddRectFilled(a, b, IM_COL32(0, 0, 0, 70), m_theme.radius);
    drawCentered(m_draw, font, ImVec2(a.x + m_theme.px(12), a.y), ImVec2(b.x - m_theme.px(12), b.y), ink.packed(),
                 label);
    return tapped(min, max);
}

bool Ui::button2(ImVec2 min, ImVec2 max, std::string_view line1, std::string_view line2, bool selected, bool muted)
{
    const Palette& p = colors();
    const bool down = pressed(min, max);
    const Rgb fill = selected ? (down ? p.primaryPressed : p.primary) : (down ? p.secondaryPressed : p.secondary);
    const Rgb ink = selected ? p.onDark : muted ? p.textMuted : p.text;
    m_draw->AddRectFilled(min, max, (muted && !selected && !down ? p.chip : fill).packed(), m_theme.radius);
    m_draw->AddRect(min, max, (selected ? p.primaryPressed : p.cardBorder).packed(), m_theme.radius, 0, m_theme.border);
    ImFont* f1 = m_fonts.heading;
    ImFont* f2 = m_fonts.body;
    const float total = f1->FontSize + f2->FontSize * 1.1f;
    const float top = min.y + (max.y - min.y - total) * 0.5f;
    drawCentered(m_draw, f1, ImVec2(min.x, top), ImVec2(max.x, top + f1->FontSize), ink.packed(), line1);
    drawCentered(m_draw, f2, ImVec2(min.x, top + f1->FontSize + f2->FontSize * 0.1f), ImVec2(max.x, top + total),
                 ink.packed(), line2);
    return tapped(min, max);
}

float Ui::chipWidth(std::string_view text, ImFont* font) const
{
    if (!font) font = m_fonts.body;
    return textWidth(font, text) + font->FontSize * 0.8f;
}

float Ui::chipHeight(ImFont* font) const
{
    if (!font) font = m_fonts.body;
    return font->FontSize * 1.3f;
}

float Ui::chip(ImVec2 pos, std::string_view text, Rgb background, Rgb foreground, ImFont* font)
{
    if (!font) font = m_fonts.body;
    const float w = chipWidth(text, font), h = chipHeight(font);
    m_draw->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), background.packed(), h * 0.25f);
    m_draw->AddRect(pos, ImVec2(pos.x + w, pos.y + h), colors().cardBorder.packed(), h * 0.25f, 0, 2.0f);
    addText(m_draw, font, ImVec2(pos.x + font->FontSize * 0.4f, pos.y + (h - font->FontSize) * 0.5f),
            foreground.packed(), text);
    return w;
}

void Ui::badge(ImVec2 center, float radius, std::string_view glyph, Rgb background, ImFont* font)
{
    if (!font) font = m_fonts.heading;
    m_draw->AddCircleFilled(center, radius, background.packed(), 48);
    m_draw->AddCircle(center, radius * 0.86f, colors().onDark.packed(155), 48, std::max(2.0f, radius * 0.05f));
    drawCentered(m_draw, font, ImVec2(center.x - radius, center.y - radius),
                 ImVec2(center.x + radius, center.y + radius), colors().onDark.packed(), glyph);
}

void Ui::card(ImVec2 min, ImVec2 max, Rgb fill, Rgb border) const
{
    m_draw->AddRectFilled(min, max, fill.packed(), m_theme.radius);
    m_draw->AddRect(min, max, border.packed(), m_theme.radius, 0, m_theme.border);
}

ScrollLayout scrollLayout(float top, float bottom, float contentHeight, float offset, float strip)
{
    ScrollLayout l;
    l.scrolls = contentHeight > bottom - top + 0.5f;
    const float below = l.scrolls ? strip : 0;
    const float above = l.scrolls ? std::clamp(offset, 0.0f, strip) : 0;
    l.aboveTop = top;
    l.aboveBottom = top + above;
    l.viewTop = top + above;
    l.viewBottom = bottom - below;
    l.belowTop = l.viewBottom;
    l.belowBottom = bottom;
    // The content moves with the offset from `top`, and its end meets the view's bottom.
    l.scrollView = l.viewBottom - top;
    return l;
}

namespace {
std::vector<HintMark>* g_hintLog = nullptr;
} // namespace

void setScrollHintLog(std::vector<HintMark>* log)
{
    g_hintLog = log;
}

float Ui::hintStripHeight(const Fonts& fonts)
{
    return fonts.body->FontSize * 1.25f;
}

float Ui::beginScroll(TouchScroller& scroller, ImVec2 min, ImVec2 max, float contentHeight)
{
    const bool mine = contains(min, max, m_input.downPos);
    if (mine && m_input.justPressed && scroller.isMoving()) {
        scroller.stop();
        m_gestureCaught = true;
    }
    if (mine && m_input.dragging) {
        if (!scroller.isDragging())
            scroller.beginDrag(m_input.pos.y, m_input.time);
        else
            scroller.dragTo(m_input.pos.y, m_input.time);
    } else if (scroller.isDragging() && (m_input.released || !m_input.pointerDown)) {
        scroller.dragTo(m_input.pos.y, m_input.time);
        scroller.endDrag(m_input.time);
    }
    const float strip = hintStripHeight(m_fonts);
    // Bounds before the offset moves on, so this frame's offset is already clamped to them.
    scroller.setBounds(contentHeight, scrollLayout(min.y, max.y, contentHeight, 0, strip).scrollView);
    if (scroller.update(m_input.time)) m_wantsFrames = true;
    const ScrollLayout l = scrollLayout(min.y, max.y, contentHeight, scroller.offset(), strip);
    ScrollFrame frame;
    frame.min = ImVec2(min.x, l.viewTop);
    frame.max = ImVec2(max.x, l.viewBottom);
    frame.outerMin = min;
    frame.outerMax = max;
    frame.strip = l.scrolls ? strip : 0;
    m_scrolls.push_back(frame);
    m_draw->PushClipRect(frame.min, frame.max, true);
    return min.y - scroller.offset();
}

namespace {
// 上面还有 ▲ / 下面还有 ▼ centred in [a, b], in words (never an arrow alone).
void drawHint(ImDrawList* d, const Theme& t, ImFont* f, ImVec2 a, ImVec2 b, const char* text, bool up)
{
    const int vtx = d->VtxBuffer.Size;
    const float s = f->FontSize * 0.3f;
    const float w = textWidth(f, text) + s * 3;
    const float x = (a.x + b.x - w) * 0.5f, cy = (a.y + b.y) * 0.5f;
    const ImVec2 boxMin(x - t.px(24), a.y), boxMax(x + w + t.px(24), b.y);
    const Palette& p = t.palette;
    d->AddRectFilled(boxMin, boxMax, p.primary.packed(), t.radius);
    addText(d, f, ImVec2(x, cy - f->FontSize * 0.5f), p.onDark.packed(), text);
    const float ax = x + w - s;
    if (up)
        d->AddTriangleFilled(ImVec2(ax - s, cy + s * 0.6f), ImVec2(ax + s, cy + s * 0.6f), ImVec2(ax, cy - s * 0.8f),
                             p.onDark.packed());
    else
        d->AddTriangleFilled(ImVec2(ax - s, cy - s * 0.6f), ImVec2(ax + s, cy - s * 0.6f), ImVec2(ax, cy + s * 0.8f),
                             p.onDark.packed());
    // What shows of it: the hint above is clipped to its opening strip.
    const ImVec2 cMin = d->GetClipRectMin(), cMax = d->GetClipRectMax();
    if (g_hintLog)
        g_hintLog->push_back({ImVec2(std::max(boxMin.x, cMin.x), std::max(boxMin.y, cMin.y)),
                              ImVec2(std::min(boxMax.x, cMax.x), std::min(boxMax.y, cMax.y)), d, vtx,
                              d->VtxBuffer.Size});
}
} // namespace

void Ui::endScroll(TouchScroller& scroller, float contentHeight)
{
    m_draw->PopClipRect();
    const ScrollFrame frame = m_scrolls.back();
    m_scrolls.pop_back();
    scroller.setBounds(contentHeight, scrollLayout(frame.outerMin.y, frame.outerMax.y, contentHeight, 0,
                                                   frame.strip > 0 ? frame.strip : hintStripHeight(m_fonts))
                                          .scrollView);
    if (scroller.maxOffset() <= 0) return;
    // A wide, always-visible position bar: old eyes need to see there is more.
    const float view = frame.max.y - frame.min.y;
    const float barW = m_theme.px(14);
    const float x = frame.max.x - barW;
    const float thumb = std::max(m_theme.px(80), view * view / contentHeight);
    const float t = scroller.offset() / scroller.maxOffset();
    const float y = frame.min.y + (view - thumb) * t;
    m_draw->AddRectFilled(ImVec2(x, frame.min.y), ImVec2(frame.max.x, frame.max.y), colors().secondary.packed(),
                          barW * 0.5f);
    m_draw->AddRectFilled(ImVec2(x, y), ImVec2(frame.max.x, y + thumb), colors().textMuted.packed(), barW * 0.5f);
    // The hints in their strips, left of the bar; the one above slides in as its strip opens.
    const float gap = m_theme.px(6);
    const float strip = frame.strip;
    const float right = frame.max.x - barW - m_theme.px(12);
    if (scroller.offset() > 1) {
        const float bottom = frame.min.y - gap;
        m_draw->PushClipRect(frame.outerMin, ImVec2(frame.outerMax.x, frame.min.y), true);
        drawHint(m_draw, m_theme, m_fonts.body, ImVec2(frame.outerMin.x, bottom - (strip - gap)), ImVec2(right, bottom),
                 ui::kMoreAbove, true);
        m_draw->PopClipRect();
    }
    if (scroller.offset() < scroller.maxOffset() - 1)
        drawHint(m_draw, m_theme, m_fonts.body, ImVec2(frame.outerMin.x, frame.max.y + gap),
                 ImVec2(right, frame.outerMax.y), ui::kMoreBelow, false);
}

} // namespace kiosk

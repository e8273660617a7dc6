// Attract mode for passers-by, readable from 3 m: a carousel (snapshot.h makeSlides) of urgent
// notices, what is on now and next, the meals, the next lecture, an anti-fraud tip, the hotlines
// and notices, with a big clock; each slide as long as its words take to read. Everything drifts a few pixels over
// minutes against burn-in. A touch goes home (the app swallows it so nothing underneath fires).
#include "kiosk/app_state.h"
#include "kiosk/screens/burn_in.h"
#include "kiosk/screens/screen_frame.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui_text.h"
#include "kiosk/widgets/qr_code.h"
#include "kiosk/widgets/text.h"
#include "kiosk/widgets/ui.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace kiosk {

namespace {

class AttractScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Attract; }
    void onEnter(AppState& state) override
    {
        m_start = state.time;
        m_urgentShown = urgentNotices(state.view());
    }

    void draw(AppState& state) override
    {
        const auto [u, t, p, s, d, hf, bf] = screenFrame(state);
        ImFont* df = u.fonts().display;
        ImFont* cf = u.fonts().bigClock;
        const float W = state.width, H = state.height;
        // The background (p.attractBackground) is the renderer's clear colour: screenBackground().
        const ImVec2 drift = burnInDrift(state.time, t.scale);
        const float m = t.margin * 1.5f;

        // Landscape: one header row — the big clock, the date and 农历 beside it, the QR at the
        // right with its caption left of it — and the name with 轻触屏幕 in the footer row.
        // Portrait: clock, date, 农历 and name stacked; the QR with its caption above the footer.
        const std::string clock = content::formatTime(state.now.minute);
        const std::string date = content::formatMonthDayChinese(state.now.date) + " " + s.weekdayText;
        const std::string name = s.content->station.name();
        float y = m * 0.6f + drift.y;
        const float x0 = m + drift.x;
        const float x1 = W - m + drift.x;
        const float clockW = textWidth(cf, clock);
        const QrMatrix& qr = m_qr.get(s.content->station.qrCode());
        const float qrMin = t.px(252);
        const float qrW = qr.size > 0 ? qrSide(qr, qrMin) : 0;
        const std::string caption = qrW > 0 ? s.content->station.qrCaption() : std::string();
        const Rgb qrDark{0x10, 0x22, 0x3B}, qrLight{0xFF, 0xFF, 0xFF};
        const float line = df->FontSize * 1.2f;
        const float em = df->FontSize / kLineBoxPerEm;
        float footerY = H - m * 0.6f - df->FontSize * 1.2f + drift.y;
        if (!t.portrait) {
            std::string footerLeft = name;
            addText(d, cf, ImVec2(x0, y - cf->FontSize * 0.1f), p.attractText.packed(), clock);
            const float dx = x0 + clockW + t.gap * 2;
            float right = x1;
            if (qrW > 0) {
                drawQrCode(d, ImVec2(x1 - qrW, y), qrMin, qr, qrDark, qrLight);
                right = x1 - qrW - t.gap;
                // The caption in a column of about seven characters, right-aligned to the code.
                const float capW = std::max(0.0f, std::min(right - dx - textWidth(df, date) - t.gap * 2, em * 7.2f));
                if (!caption.empty() && paragraphHeight(df, caption, capW, 1.2f) <= line * 2 + 0.5f) {
                    drawParagraphAligned(d, df, right - capW, y, capW, p.attractText.packed(), caption, 1.2f, 1.0f);
                    right -= capW + t.gap * 2;
                } else {
                    // Too narrow there (大字): the caption takes the name's place in the footer.
                    footerLeft = caption;
                }
            }
            drawLine(d, df, ImVec2(dx, y + t.px(10)), right - dx, p.attractAccent.packed(), date);
            // 农历 under the date; a festival day's names on more lines, never cut.
            const std::vector<std::string> lunarLines = packPieces(df, s.lunarText, " · ", right - dx);
            float ly = y + t.px(10) + line;
            for (const std::string& l : lunarLines) {
                addText(d, df, ImVec2(dx, ly), p.attractAccent.packed(), l);
                ly += line;
            }
            y += std::max({cf->FontSize * 0.95f, ly - y, qrW});
            // The footer: the name on the left, the touch hint on the right (centred alone).
            const float hintW = textWidth(df, ui::kTouchToStart);
            if (textWidth(df, footerLeft) + t.gap * 2 + hintW <= x1 - x0) {
                addText(d, df, ImVec2(x0, footerY), p.attractText.packed(), footerLeft);
                addText(d, df, ImVec2(x1 - hintW, footerY), p.attractAccent.packed(), ui::kTouchToStart);
            } else if (footerLeft == caption) {
                // Both do not fit one line: the caption and 轻触屏幕 take turns, 8 s each.
                const double turn = 8;
                const double since = std::max(0.0, state.time - m_start);
                const bool captionTurn = static_cast<long>(since / turn) % 2 == 0;
                state.wakeAtTime(m_start + (std::floor(since / turn) + 1) * turn);
                drawCentered(d, df, ImVec2(x0, footerY), ImVec2(x1, footerY + df->FontSize),
                             (captionTurn ? p.attractText : p.attractAccent).packed(),
                             captionTurn ? caption : std::string(ui::kTouchToStart));
            } else {
                drawCentered(d, df, ImVec2(x0, footerY), ImVec2(x1, footerY + df->FontSize), p.attractAccent.packed(),
                             ui::kTouchToStart);
            }
        } else {
            addText(d, cf, ImVec2((W - clockW) * 0.5f + drift.x, y), p.attractText.packed(), clock);
            y += cf->FontSize * 1.05f;
            // The date and 农历 on one line when they fit.
            const std::string dateLunar = s.lunarText.empty() ? date : date + "  " + s.lunarText;
            const bool oneLine = textWidth(df, dateLunar) <= x1 - x0;
            drawCentered(d, df, ImVec2(x0, y), ImVec2(x1, y + df->FontSize), p.attractAccent.packed(),
                         oneLine ? dateLunar : date);
            y += df->FontSize * 1.4f;
            if (!s.lunarText.empty() && !oneLine)
                for (const std::string& l : packPieces(df, s.lunarText, " · ", x1 - x0)) {
                    drawCentered(d, df, ImVec2(x0, y), ImVec2(x1, y + df->FontSize), p.attractAccent.packed(), l);
                    y += df->FontSize * 1.4f;
                }
            drawCentered(d, df, ImVec2(x0, footerY), ImVec2(x1, footerY + df->FontSize), p.attractAccent.packed(),
                         ui::kTouchToStart);
            if (qrW > 0) {
                // Above the footer: the caption on the left, the code on the right, in a row as tall
                // as the taller of them.
                const float capW = x1 - qrW - t.gap * 2 - x0;
                const float capH = caption.empty() ? 0 : paragraphHeight(df, caption, capW, 1.2f);
                const float rowH = std::max(qrW, capH);
                const float qy = footerY - t.gap - rowH;
                drawQrCode(d, ImVec2(x1 - qrW, qy + (rowH - qrW) * 0.5f), qrMin, qr, qrDark, qrLight);
                if (!caption.empty())
                    drawParagraph(d, df, ImVec2(x0, qy + (rowH - capH) * 0.5f), capW, p.attractText.packed(), caption,
                                  1.2f);
                footerY = qy;
            }
            // The name when the slide keeps room for its title and two lines (not in 大字 on a
            // festival day, whose date takes three lines).
            const float nameH = paragraphHeight(df, name, W - 2 * m, 1.3f, 2);
            if (footerY - (y + nameH + t.gap * 2) >= df->FontSize * 1.3f + t.gap + df->FontSize * 1.2f * 2)
                y += drawParagraph(d, df, ImVec2(x0, y), W - 2 * m, p.attractText.packed(), name, 1.3f, 2);
        }
        // A rule under the header in portrait; in landscape the slide's title band is enough.
        y += t.gap * 0.5f;
        if (t.portrait) {
            d->AddLine(ImVec2(x0, y), ImVec2(x1, y), p.attractAccent.packed(160), t.border);
            y += t.gap;
        }

        if (s.slides.empty()) {
            drawCentered(d, df, ImVec2(x0, y), ImVec2(W - m + drift.x, footerY), p.attractText.packed(), ui::kWelcome);
            return;
        }
        // An urgent notice that arrives while the carousel runs (an import) is shown at once: the
        // loop starts again from its first slides, the urgent ones, instead of waiting a round.
        std::vector<std::string> urgent = urgentNotices(s);
        for (const std::string& notice : urgent)
            if (std::find(m_urgentShown.begin(), m_urgentShown.end(), notice) == m_urgentShown.end())
                m_start = state.time;
        m_urgentShown = std::move(urgent);
        // Each slide stays as long as its words take to read (snapshot.h).
        double loop = 0;
        for (const auto& slide : s.slides) loop += slide.seconds;
        const double elapsed = std::max(0.0, state.time - m_start);
        const double into = std::fmod(elapsed, loop);
        int index = 0;
        double begin = 0;
        while (index + 1 < static_cast<int>(s.slides.size()) && begin + s.slides[index].seconds <= into)
            begin += s.slides[index++].seconds;
        state.wakeAtTime(m_start + (elapsed - into) + begin + s.slides[index].seconds);
        const int n = static_cast<int>(s.slides.size());
        const AttractSlide& slide = s.slides[static_cast<std::size_t>(index)];

        // Slide title (urgent ones in a red band with the word 紧急通知).
        const float titleH = df->FontSize * 1.3f;
        if (slide.urgent)
            d->AddRectFilled(ImVec2(x0 - t.gap, y), ImVec2(W - m + drift.x, y + titleH), p.urgent.packed(), t.radius);
        addText(d, df, ImVec2(x0, y + (titleH - df->FontSize) * 0.5f),
                (slide.urgent ? p.onDark : p.attractAccent).packed(), slide.title);
        // Which slide of how many, as dots on the title line.
        const float dotR = t.px(12);
        for (int i = 0; i < n; ++i) {
            const ImVec2 c(W - m + drift.x - t.gap - (n - 1 - i) * dotR * 3 - dotR, y + titleH * 0.5f);
            if (i == index)
                d->AddCircleFilled(c, dotR, p.attractText.packed());
            else
                d->AddCircle(c, dotR, p.attractText.packed(170), 24, 2.0f);
        }
        y += titleH + t.gap;

        // The words in a column of at most ~20 characters, centred in what is left: lines a
        // passer-by reads at a glance.
        const float column = std::min(W - 2 * m, em * (kSlideLineChars + 0.5f));
        const float cx0 = (W - column) * 0.5f + drift.x;
        const float advance = df->FontSize * 1.2f;
        const auto leadInline = [&](const SlideItem& item) {
            // The same rule as slideItemLines(), which packed the slide.
            return !item.lead.empty() && charCount(item.lead) <= kSlideLineChars / 3;
        };
        // The slide as rows of text; rows that do not all fit (大字 in landscape) are shown a
        // page at a time, the slide's time shared out, never a line cut in half.
        struct Row {
            float x = 0;
            std::string lead, text; // the lead (accent colour) and the text beside or under it
            float leadW = 0;
            float gapAfter = 0;
        };
        std::vector<Row> rows;
        for (const SlideItem& item : slide.items) {
            const bool inlineLead = leadInline(item);
            if (!item.lead.empty() && !inlineLead) rows.push_back({0, item.lead, "", 0, 0});
            const float lw = inlineLead ? textWidth(df, item.lead) + em * 0.6f : 0;
            const std::vector<std::string> lines = wrapLines(df, item.text, column - lw);
            for (std::size_t i = 0; i < lines.size(); ++i)
                rows.push_back({lw, i == 0 && inlineLead ? item.lead : "", lines[i], lw, 0});
            if (!rows.empty()) rows.back().gapAfter = t.gap * 0.5f;
        }
        // The footer line has its own leading above its words.
        const float bottom = footerY;
        const float room = std::max(advance, bottom - y);
        std::vector<std::size_t> pageStarts = {0};
        float used = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            // A row needs its ink (the font's box and the leading above it), not its full advance.
            if (used + (advance + df->FontSize) * 0.5f > room + 0.5f && i > pageStarts.back()) {
                pageStarts.push_back(i);
                used = 0;
            }
            used += advance + rows[i].gapAfter;
        }
        const int pages = static_cast<int>(pageStarts.size());
        const double pageSeconds = slide.seconds / pages;
        const int page = std::min(pages - 1, static_cast<int>((into - begin) / pageSeconds));
        if (page + 1 < pages) state.wakeAtTime(m_start + (elapsed - into) + begin + (page + 1) * pageSeconds);
        const std::size_t from = pageStarts[static_cast<std::size_t>(page)];
        const std::size_t to = page + 1 < pages ? pageStarts[static_cast<std::size_t>(page) + 1] : rows.size();
        float total = 0;
        for (std::size_t i = from; i < to; ++i) total += advance + rows[i].gapAfter;
        y = std::max(y, y + (bottom - y - total) * 0.5f);
        d->PushClipRect(ImVec2(0, y), ImVec2(W, bottom), true);
        const float halfLeading = (advance - df->FontSize) * 0.5f;
        for (std::size_t i = from; i < to; ++i) {
            const Row& row = rows[i];
            if (!row.lead.empty()) addText(d, df, ImVec2(cx0, y + halfLeading), p.attractAccent.packed(), row.lead);
            if (!row.text.empty())
                addText(d, df, ImVec2(cx0 + row.x, y + halfLeading), p.attractText.packed(), row.text);
            y += advance + row.gapAfter;
        }
        d->PopClipRect();
    }

private:
    // Each urgent notice of the snapshot, its title and text.
    static std::vector<std::string> urgentNotices(const Snapshot& s)
    {
        std::vector<std::string> out;
        for (const content::Notice* n : s.urgent) out.push_back(n->title + "\n" + n->body);
        return out;
    }

    double m_start = 0;
    std::vector<std::string> m_urgentShown;
    QrCache m_qr;
};

} // namespace

std::unique_ptr<Screen> makeAttractScreen()
{
    return std::make_unique<AttractScreen>();
}

} // namespace kiosk

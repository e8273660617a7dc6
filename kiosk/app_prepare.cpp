// App, the snapshot and the font atlas: the day's snapshot for the station minute, the glyph
// set it needs, and the atlas built (or loaded from the cache) for it — on the preparation
// thread once the window is live, so a minute tick on a big store or a new glyph set never
// stalls a frame.
#include "kiosk/app.h"

#include "content/glyph_set.h"
#include "kiosk/font_cache.h"
#include "platform/startup_trace.h"
#include "platform/window.h"

#include <malloc.h>

#include "imgui.h"

#include <cstdio>

namespace kiosk {

namespace {
bool sameGlyphs(const GlyphPlan& a, const GlyphPlan& b)
{
    return a.text == b.text && a.display == b.display;
}
} // namespace

void App::adoptSnapshot(std::shared_ptr<const Snapshot> snapshot, GlyphPlan plan)
{
    m_state.snapshot = std::move(snapshot);
    if (!sameGlyphs(plan, m_glyphs)) {
        m_glyphs = std::move(plan);
        m_fontsBuilt = false; // rebuilt (from the cache, when prepared in the background) before the next frame
    }
}

void App::prepareInBackground()
{
    PrepareJob job;
    job.content = m_content;
    job.at = m_clock.now().local;
    m_preparingFor = job.at;
    job.extraGlyphs = m_overlayGlyphs;
    job.current = m_glyphs;
    job.theme = m_theme;
    job.profile = m_fonts.profile;
    job.serial = ++m_prepareSerial;
    {
        std::lock_guard lock(m_prepareMutex);
        m_prepareJob = std::move(job);
        if (!m_prepareThread.joinable()) m_prepareThread = std::thread([this] { prepareLoop(); });
    }
    m_prepareWake.notify_all();
}

void App::prepareLoop()
{
    const std::filesystem::path cacheDir = atlasCacheDir(m_config.dataDir);
    const FontFiles files = *m_fontFiles;
    for (;;) {
        PrepareJob job;
        {
            std::unique_lock lock(m_prepareMutex);
            m_prepareWake.wait(lock, [&] { return m_prepareStop || m_prepareJob; });
            if (m_prepareStop) return;
            job = std::move(*m_prepareJob);
            m_prepareJob.reset();
        }
        auto snapshot = makeSnapshot(job.content, job.at);
        GlyphPlan plan = glyphPlan(*snapshot, job.extraGlyphs);
        if (!sameGlyphs(plan, job.current)) {
            // Bake the new glyph set into the atlas cache, so the main thread's rebuild is a
            // cache load: the profile on screen first, then the other one, so that waking from
            // the carousel (or falling into it) is a cache load too. Private atlases; the only
            // shared state ImGui touches here is an allocation counter on the context, which
            // nothing reads.
            for (FontProfile profile :
                 {job.profile,
                  job.profile == FontProfile::Interactive ? FontProfile::Attract : FontProfile::Interactive}) {
                ImFontAtlas atlas;
                Fonts fonts;
                fonts.build(atlas, files, job.theme, profile, plan, cacheDir);
            }
            // This thread's malloc arena held two rasterised atlases: give the pages back.
            malloc_trim(0);
        }
        m_queue.post([this, serial = job.serial, snapshot = std::move(snapshot), plan = std::move(plan)]() mutable {
            // A newer job is on its way; this one is already out of date.
            if (serial != m_prepareSerial) return;
            adoptSnapshot(std::move(snapshot), std::move(plan));
            m_pacer.requestNow();
        });
    }
}

void App::setOverlayGlyphs(std::set<char32_t> glyphs)
{
    if (glyphs == m_overlayGlyphs) return;
    m_overlayGlyphs = std::move(glyphs);
    if (m_state.snapshot) refreshSnapshot(true);
}

void App::refreshSnapshot(bool force)
{
    const auto reading = m_clock.now();
    m_state.now = reading.local;
    m_state.second = reading.second;
    if (!force && m_state.snapshot && m_state.snapshot->at == reading.local) return;
    // Live: the preparation thread makes the snapshot (a minute tick on a big store, or a glyph
    // set that needs a new atlas, must not stall a frame); the screens draw the previous one
    // for those few milliseconds.
    if (preparesInBackground()) {
        if (force || m_preparingFor != reading.local) prepareInBackground();
        return;
    }
    auto snapshot = makeSnapshot(m_content, reading.local);
    GlyphPlan plan = glyphPlan(*snapshot, m_overlayGlyphs);
    adoptSnapshot(std::move(snapshot), std::move(plan));
}

void App::ensureFonts()
{
    const FontProfile profile = (m_current == ScreenId::Attract || m_current == ScreenId::Night)
                                    ? FontProfile::Attract
                                    : FontProfile::Interactive;
    const float w = static_cast<float>(m_window->width()), h = static_cast<float>(m_window->height());
    m_theme = Theme::make(w, h, m_state.largeText);
    if (m_fontsBuilt && m_fonts.profile == profile && m_fonts.largeText == m_state.largeText && m_fonts.body &&
        m_fonts.body->FontSize == (profile == FontProfile::Interactive ? m_theme.bodyPx : m_theme.displayPx))
        return;
    const double started = monotonicSeconds();
    if (!m_fonts.build(*ImGui::GetIO().Fonts, *m_fontFiles, m_theme, profile, m_glyphs,
                       atlasCacheDir(m_config.dataDir))) {
        std::fprintf(stderr, "kiosk: 无法生成字体图集（中文字体 fonts-noto-cjk 是否已安装？）\n");
        m_quit = true;
        return;
    }
    platform::traceStartup("font atlas");
    m_window->rebuildFontTexture();
    platform::traceStartup("font texture");
    m_fontsBuilt = true;
    malloc_trim(0); // the old atlas and the new one's CPU pixels are gone: return the pages
    std::fprintf(stderr, "kiosk: font atlas %dx%d, %d glyphs, %s%s profile, %s in %.0f ms\n", m_fonts.atlasWidth,
                 m_fonts.atlasHeight, m_fonts.glyphCount,
                 profile == FontProfile::Interactive ? "interactive" : "attract",
                 m_state.largeText ? " large-text" : "", m_fonts.cached ? "loaded from cache" : "built",
                 (monotonicSeconds() - started) * 1000);
}

} // namespace kiosk

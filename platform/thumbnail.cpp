#include "platform/thumbnail.h"

#include "content/file_io.h"
#include "platform/png.h"
#include "platform/status_file.h"

#include <SDL.h>
#include <SDL_opengl.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace platform {

namespace {

// GL 1.5-3.2 entry points, looked up once through SDL (the context is 3.2 core, or a
// compatibility context that has them as extensions).
struct GlFunctions {
    PFNGLBINDFRAMEBUFFERPROC bindFramebuffer = nullptr;
    PFNGLGENBUFFERSPROC genBuffers = nullptr;
    PFNGLDELETEBUFFERSPROC deleteBuffers = nullptr;
    PFNGLBINDBUFFERPROC bindBuffer = nullptr;
    PFNGLBUFFERDATAPROC bufferData = nullptr;
    PFNGLMAPBUFFERRANGEPROC mapBufferRange = nullptr;
    PFNGLUNMAPBUFFERPROC unmapBuffer = nullptr;
    PFNGLFENCESYNCPROC fenceSync = nullptr;
    PFNGLCLIENTWAITSYNCPROC clientWaitSync = nullptr;
    PFNGLDELETESYNCPROC deleteSync = nullptr;

    bool load()
    {
        auto get = [](auto& fn, const char* name) {
            fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(SDL_GL_GetProcAddress(name));
            return fn != nullptr;
        };
        return get(bindFramebuffer, "glBindFramebuffer") && get(genBuffers, "glGenBuffers") &&
               get(deleteBuffers, "glDeleteBuffers") && get(bindBuffer, "glBindBuffer") &&
               get(bufferData, "glBufferData") && get(mapBufferRange, "glMapBufferRange") &&
               get(unmapBuffer, "glUnmapBuffer") && get(fenceSync, "glFenceSync") &&
               get(clientWaitSync, "glClientWaitSync") && get(deleteSync, "glDeleteSync");
    }
};

GlFunctions& gl()
{
    static GlFunctions functions;
    return functions;
}

// A read-back still not done after this long is abandoned (a lost context, a driver bug).
constexpr double kReadbackTimeout = 2.0;
// How soon to look at a read-back in flight again.
constexpr double kPollInterval = 0.02;

} // namespace

std::vector<uint8_t> boxDownscale(const std::vector<uint8_t>& rgba, ThumbnailSize from, ThumbnailSize to)
{
    // Each target pixel averages the block of source pixels it covers (integer block bounds:
    // for 1920 -> 480 exactly 4x4).
    std::vector<uint8_t> out(static_cast<size_t>(to.width) * to.height * 4);
    std::vector<int> x0(to.width + 1);
    for (int x = 0; x <= to.width; ++x) x0[x] = static_cast<int>(static_cast<int64_t>(x) * from.width / to.width);
    for (int y = 0; y < to.height; ++y) {
        const int ya = static_cast<int>(static_cast<int64_t>(y) * from.height / to.height);
        const int yb = std::max(ya + 1, static_cast<int>(static_cast<int64_t>(y + 1) * from.height / to.height));
        for (int x = 0; x < to.width; ++x) {
            const int xa = x0[x], xb = std::max(xa + 1, x0[x + 1]);
            uint32_t sum[4] = {0, 0, 0, 0};
            for (int sy = ya; sy < yb; ++sy) {
                const uint8_t* p = rgba.data() + (static_cast<size_t>(sy) * from.width + xa) * 4;
                for (int sx = xa; sx < xb; ++sx, p += 4) {
                    sum[0] += p[0];
                    sum[1] += p[1];
                    sum[2] += p[2];
                }
            }
            const uint32_t n = static_cast<uint32_t>((yb - ya) * (xb - xa));
            uint8_t* q = out.data() + (static_cast<size_t>(y) * to.width + x) * 4;
            q[0] = static_cast<uint8_t>((sum[0] + n / 2) / n);
            q[1] = static_cast<uint8_t>((sum[1] + n / 2) / n);
            q[2] = static_cast<uint8_t>((sum[2] + n / 2) / n);
            q[3] = 255;
        }
    }
    return out;
}

ThumbnailSize thumbnailSize(int width, int height, int targetWidth)
{
    if (width <= 0 || height <= 0 || targetWidth <= 0) return {};
    const int w = std::min(width, targetWidth);
    const int h = std::max(1, static_cast<int>(std::lround(static_cast<double>(height) * w / width)));
    return {w, h};
}

ThumbnailCapture::ThumbnailCapture(Options options) : m_options(std::move(options)), m_schedule(m_options.schedule)
{
    m_worker = std::thread([this] { workerLoop(); });
}

ThumbnailCapture::~ThumbnailCapture()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_worker.joinable()) m_worker.join();
}

bool ThumbnailCapture::ensureGl(int frameWidth, int frameHeight)
{
    if (m_glReady && frameWidth == m_frameWidth && frameHeight == m_frameHeight) return true;
    releaseGl();
    if (!gl().genBuffers && !gl().load()) {
        std::fprintf(stderr, "kiosk: no pixel-buffer objects or fences in this GL: no screen.png thumbnails\n");
        m_available = false;
        return false;
    }
    m_frameWidth = frameWidth;
    m_frameHeight = frameHeight;
    gl().genBuffers(1, &m_pbo);
    gl().bindBuffer(GL_PIXEL_PACK_BUFFER, m_pbo);
    gl().bufferData(GL_PIXEL_PACK_BUFFER, static_cast<GLsizeiptr>(frameWidth) * frameHeight * 4, nullptr,
                    GL_STREAM_READ);
    gl().bindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    m_glReady = true;
    if (glGetError() != GL_NO_ERROR) {
        std::fprintf(stderr, "kiosk: cannot make a pixel-buffer object: no screen.png thumbnails\n");
        releaseGl();
        m_available = false;
        return false;
    }
    return true;
}

void ThumbnailCapture::releaseGl()
{
    if (!m_glReady) return;
    if (m_fence) {
        gl().deleteSync(static_cast<GLsync>(m_fence));
        m_fence = nullptr;
    }
    if (m_pbo) gl().deleteBuffers(1, &m_pbo);
    m_pbo = 0;
    m_glReady = false;
}

void ThumbnailCapture::start(int frameWidth, int frameHeight)
{
    // The whole back buffer into the pixel-buffer object: glReadPixels returns without waiting
    // for the copy (on a GPU it is a DMA); the fence says when it is done. Reducing it on the
    // GPU first (blits) costs llvmpipe a shader compile of ~200 ms at the first capture and
    // gained nothing measurable after (bench/thumbnail_frames_bench.sh).
    gl().bindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    gl().bindBuffer(GL_PIXEL_PACK_BUFFER, m_pbo);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, frameWidth, frameHeight, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    gl().bindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    m_fence = gl().fenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
}

bool ThumbnailCapture::finish(bool abandon)
{
    if (!m_fence) return true;
    // Never waits: a copy not done yet is looked at again a frame later.
    const GLenum state = gl().clientWaitSync(static_cast<GLsync>(m_fence), GL_SYNC_FLUSH_COMMANDS_BIT, 0);
    if (state == GL_TIMEOUT_EXPIRED && !abandon) return false;
    gl().deleteSync(static_cast<GLsync>(m_fence));
    m_fence = nullptr;
    if (state != GL_ALREADY_SIGNALED && state != GL_CONDITION_SATISFIED) return true;

    const size_t bytes = static_cast<size_t>(m_frameWidth) * m_frameHeight * 4;
    std::vector<uint8_t> pixels(bytes);
    gl().bindBuffer(GL_PIXEL_PACK_BUFFER, m_pbo);
    const void* mapped = gl().mapBufferRange(GL_PIXEL_PACK_BUFFER, 0, static_cast<GLsizeiptr>(bytes), GL_MAP_READ_BIT);
    if (mapped) {
        std::memcpy(pixels.data(), mapped, bytes);
        gl().unmapBuffer(GL_PIXEL_PACK_BUFFER);
    }
    gl().bindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    if (!mapped) return true;
    {
        std::lock_guard lock(m_mutex);
        // The newest picture wins if the worker is still writing the previous one.
        m_job = Job{ThumbnailSize{m_frameWidth, m_frameHeight}, std::move(pixels)};
    }
    m_wake.notify_all();
    return true;
}

double ThumbnailCapture::afterRender(double now, int frameWidth, int frameHeight, bool screenOn, bool rendered)
{
    constexpr double kNever = HUGE_VAL;
    m_worked = m_fence != nullptr || (rendered && wantsFrame(now, screenOn));
    if (!m_available || frameWidth <= 0 || frameHeight <= 0) return kNever;
    if (m_fence) {
        if (finish(now - m_startedAt > kReadbackTimeout)) return screenOn ? m_schedule.nextDue() : kNever;
        return now + kPollInterval;
    }
    if (!m_schedule.due(now, screenOn)) return screenOn ? m_schedule.nextDue() : kNever;
    // Due, but the back buffer holds no picture this frame: ask for one that renders.
    if (!rendered) return now;
    if (!ensureGl(frameWidth, frameHeight)) return kNever;
    start(frameWidth, frameHeight);
    m_startedAt = now;
    if (!m_fence || glGetError() != GL_NO_ERROR) {
        m_schedule.failed(now);
        return m_schedule.nextDue();
    }
    m_schedule.captured(now);
    return now + kPollInterval;
}

void ThumbnailCapture::workerLoop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stopping || m_job; });
        if (!m_job) return;
        const Job job = std::move(*m_job);
        m_job.reset();
        lock.unlock();
        const ThumbnailSize size = thumbnailSize(job.size.width, job.size.height, m_options.width);
        const std::vector<uint8_t> rgba = boxDownscale(job.rgba, job.size, size);

        // RGBA rows bottom-up, as GL reads them: to RGB (the alpha is meaningless), flipped by
        // the negative stride while encoding.
        std::vector<uint8_t> rgb(static_cast<size_t>(size.width) * size.height * 3);
        for (size_t i = 0, j = 0; j < rgb.size(); i += 4, j += 3) {
            rgb[j] = rgba[i];
            rgb[j + 1] = rgba[i + 1];
            rgb[j + 2] = rgba[i + 2];
        }
        ImageView view;
        view.width = size.width;
        view.height = size.height;
        view.channels = 3;
        view.stride = -static_cast<std::ptrdiff_t>(size.width) * 3;
        view.top = rgb.data() + static_cast<size_t>(size.height - 1) * size.width * 3;
        const std::vector<uint8_t> png = encodePng(view);
        const bool written =
            !png.empty() &&
            content::writeFileAtomically(m_options.file,
                                         std::string_view(reinterpret_cast<const char*>(png.data()), png.size()));
        if (written && m_options.onWritten) m_options.onWritten();
        lock.lock();
    }
}

} // namespace platform

#pragma once
// screen.png beside status.json: a small picture (480 px wide) of what the screen shows, for the
// district office's overview. Made without stalling a frame: the frame just drawn is read into a
// pixel-buffer object behind a fence (glReadPixels returns at once), mapped a frame or so later
// when the copy is done, and reduced (box filter), encoded and written atomically on a worker
// thread.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace platform {

// When a thumbnail is due; no GL, so it is tested headless. Times in seconds on one monotonic
// clock.
class ThumbnailSchedule {
public:
    struct Options {
        double settle = 2.0;   // after a content change (or the start), let the screen settle
        double refresh = 3600; // at least this often while the screen is on
        double retry = 5.0;    // after a capture that failed
    };
    explicit ThumbnailSchedule(Options options) : m_options(options) {}
    ThumbnailSchedule() : ThumbnailSchedule(Options{}) {}

    // The kiosk started showing something new (start-up, a content change).
    void contentChanged(double now) { m_dueAt = now + m_options.settle; }
    // Whether to capture the frame drawn at `now`. Never while the screen is off (night).
    bool due(double now, bool screenOn) const { return screenOn && now >= m_dueAt; }
    void captured(double now) { m_dueAt = now + m_options.refresh; }
    void failed(double now) { m_dueAt = now + m_options.retry; }
    // When a frame should be drawn so that the next capture happens (the loop may sleep).
    double nextDue() const { return m_dueAt; }

private:
    Options m_options;
    double m_dueAt = 0;
};

// The target size for a frame of `width` x `height`: `targetWidth` wide (never wider than the
// frame), the height in proportion, at least 1.
struct ThumbnailSize {
    int width = 0;
    int height = 0;
};
ThumbnailSize thumbnailSize(int width, int height, int targetWidth);
// RGBA pixels of `from` averaged down to `to` (each target pixel is the mean of the source block
// it covers; alpha set opaque). Rows keep their order.
std::vector<uint8_t> boxDownscale(const std::vector<uint8_t>& rgba, ThumbnailSize from, ThumbnailSize to);

class ThumbnailCapture {
public:
    struct Options {
        std::filesystem::path file; // DIR/screen.png
        int width = 480;            // pixels
        ThumbnailSchedule::Options schedule;
        std::function<void()> onWritten; // worker thread, after each file is in place
    };
    explicit ThumbnailCapture(Options options);
    // Joins the worker (a write in progress completes). Call releaseGl() before, with the
    // context current.
    ~ThumbnailCapture();
    ThumbnailCapture(const ThumbnailCapture&) = delete;
    ThumbnailCapture& operator=(const ThumbnailCapture&) = delete;

    // Main thread: the content shown changed; a new thumbnail follows once it has settled.
    void contentChanged(double now) { m_schedule.contentChanged(now); }

    // Main thread, GL context current, after the frame was rendered into the back buffer and
    // before it is presented. Finishes a read-back started earlier (if the GPU is done) and
    // starts one when due. Returns the time (same clock as `now`) at which it wants another
    // frame drawn — soon while a read-back is in flight, else the next due time. A frame that
    // was not `rendered` (its picture was already on screen) only finishes a read-back.
    double afterRender(double now, int frameWidth, int frameHeight, bool screenOn, bool rendered = true);
    // Whether a capture is due now: the loop renders the next frame into the back buffer even
    // when its picture is already on screen, so that afterRender() has something to read.
    bool wantsFrame(double now, bool screenOn) const
    {
        return m_available && !m_fence && m_schedule.due(now, screenOn);
    }

    // Deletes the GL objects. Main thread, context current. Safe to call twice.
    void releaseGl();

    // Whether the last afterRender() started or finished a read-back (KIOSK_FRAME_LOG marks it).
    bool workedLastCall() const { return m_worked; }
    // False when the GL functions it needs are missing (then it never captures).
    bool available() const { return m_available; }

private:
    bool ensureGl(int frameWidth, int frameHeight);
    void start(int frameWidth, int frameHeight);
    // Hands a finished read-back to the worker; false while the copy is still running (true
    // and nothing written when `abandon`).
    bool finish(bool abandon);
    void workerLoop();

    Options m_options;
    ThumbnailSchedule m_schedule;
    bool m_available = true;
    bool m_glReady = false;
    bool m_worked = false;
    int m_frameWidth = 0;
    int m_frameHeight = 0;
    unsigned int m_pbo = 0;
    void* m_fence = nullptr; // GLsync of the read-back in flight
    double m_startedAt = 0;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    struct Job {
        ThumbnailSize size;        // the frame's
        std::vector<uint8_t> rgba; // rows bottom-up, as GL reads them
    };
    std::optional<Job> m_job;
    bool m_stopping = false;
    std::thread m_worker;
};

} // namespace platform

// App, --screenshot: a few layout frames, one drawn and read back, the PNG written while the
// window closes.
#include "kiosk/app.h"

#include "platform/png.h"
#include "platform/startup_trace.h"
#include "platform/window.h"

#include <cstdio>
#include <system_error>
#include <thread>

namespace kiosk {

int App::captureScreenshot()
{
    // A few frames let layout settle (scroll-to-now, measured sizes) before the capture;
    // only the last one is rasterised (llvmpipe spends ~100 ms on a 1080p frame).
    for (int i = 0; i < 3 && !m_quit; ++i) frame(i == 2 ? FrameMode::Capture : FrameMode::Layout);
    platform::traceStartup("frames and read-back");
    // GL's rows run bottom-up: the PNG encoder walks them from the last one backwards.
    platform::ImageView image;
    image.width = m_captureWidth;
    image.height = m_captureHeight;
    image.channels = 3;
    image.stride = -static_cast<std::ptrdiff_t>(m_captureWidth) * 3;
    if (!m_capture.empty()) image.top = m_capture.data() + (m_capture.size() + image.stride);
    // Encoded and written while the window closes: closing mostly waits (on the X server,
    // on llvmpipe's threads), so the encode costs no wall time.
    bool written = false;
    auto encode = [&] { written = !m_capture.empty() && platform::writePng(m_config.screen.screenshotPath, image); };
    std::thread encoder;
    try {
        encoder = std::thread(encode);
    } catch (const std::system_error&) {
        encode();
    }
    m_window->close();
    platform::traceStartup("window closed");
    if (encoder.joinable()) encoder.join();
    if (!written) {
        std::fprintf(stderr, "kiosk: 无法写入截图 %s（文件夹是否存在、是否可写？）\n",
                     m_config.screen.screenshotPath.c_str());
        return 1;
    }
    platform::traceStartup("png written");
    return 0;
}

} // namespace kiosk

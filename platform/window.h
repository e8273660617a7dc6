#pragma once
// The SDL window, its OpenGL 3 context and the ImGui OpenGL3 renderer.
//
// Input is deliberately NOT routed through ImGui's SDL platform backend: in imgui 1.86 it polls
// the global mouse state every frame and calls SDL_CaptureMouse while a button is down, which
// on Linux has been reported to stop touch events (libsdl #11469, imgui #8150). The app feeds
// taps and drags itself (kiosk/widgets/touch.h), from finger and mouse events alike.
#include <cstdint>
#include <string>
#include <vector>

struct SDL_Window;
struct ImFontAtlas;

namespace platform {

struct WindowOptions {
    bool fullscreen = true; // desktop fullscreen on the primary display
    int width = 1920;       // window size when not fullscreen
    int height = 1080;
    bool vsync = true;
    // Never mapped on screen (--screenshot): GL still draws into the window's back buffer,
    // which is what is read back, without the X server showing and exposing the window.
    bool hidden = false;
    const char* title = "社区养老服务站";
};

class Window {
public:
    Window() = default;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    ~Window();

    // Initialises SDL video, creates the window and a GL 3.0 context, creates the ImGui
    // context and the OpenGL3 renderer. False with a reason on failure.
    bool open(const WindowOptions& options, std::string& error);
    void close();

    // Drawable size in pixels.
    int width() const;
    int height() const;
    bool fullscreen() const { return m_fullscreen; }
    SDL_Window* sdlWindow() const { return m_window; }

    // Before ImGui::NewFrame(): renderer objects, display size and delta time.
    void beginFrame(double deltaSeconds);
    // After ImGui::Render(): clears, draws ImGui's draw data. Call present() to show it.
    void render(float clearR, float clearG, float clearB);
    void present();

    // The back buffer as RGB, 3 bytes a pixel, rows bottom-up as GL keeps them (call after
    // render(), before present()). The window is opaque: its alpha is not read.
    bool readPixels(std::vector<uint8_t>& rgb, int& width, int& height) const;

    // Uploads the font atlas after it was (re)built between frames, and every atlas given to
    // setExtraFontAtlases(), a texture each, then frees their CPU-side pixels
    // (ImFontAtlas::ClearTexData): an atlas must be rebuilt before it is uploaded again.
    void rebuildFontTexture();

private:
    SDL_Window* m_window = nullptr;
    void* m_glContext = nullptr;
    bool m_fullscreen = false;
    bool m_imguiReady = false;
    bool m_sdlReady = false;
    unsigned int m_fontTexture = 0;
    std::vector<unsigned int> m_extraTextures;
    bool m_alphaTexture = false; // the atlas is uploaded as one channel with a swizzle
};

// Font atlases besides ImGui's io.Fonts that rebuildFontTexture() uploads too (kiosk::Fonts
// bakes each text size into an atlas of its own; PushFont and AddText bind a font's own
// ContainerAtlas->TexID). Main thread; they must live until the next call.
void setExtraFontAtlases(std::vector<ImFontAtlas*> atlases);

} // namespace platform

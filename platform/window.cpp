#include "platform/window.h"

#include <SDL.h>
#include <SDL_opengl.h>
#include <algorithm>

#include <cstdio>
#include <memory>

#include "backends/imgui_impl_opengl3.h"
#include "imgui.h"

namespace platform {

namespace {
// setExtraFontAtlases(): one process, one window.
std::vector<ImFontAtlas*> g_extraAtlases;
} // namespace

Window::~Window()
{
    close();
}

bool Window::open(const WindowOptions& options, std::string& error)
{
    // Never capture the mouse while a button is down: capture can swallow touch events on
    // Linux, and a kiosk has nowhere else for the pointer to go.
    SDL_SetHint(SDL_HINT_MOUSE_AUTO_CAPTURE, "0");
    // Fingers are read as SDL_FINGER* events; synthetic mouse events would count every tap twice.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    // A kiosk screen must not blank or switch off because no key was pressed.
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    // Losing focus (a notification, a second screen) must not minimise the fullscreen window.
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");

    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
        error = std::string("无法打开显示（SDL_Init：") + SDL_GetError() + "）";
        return false;
    }
    m_sdlReady = true;

    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    Uint32 flags = SDL_WINDOW_OPENGL | (options.hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN);
    int w = options.width, h = options.height;
    if (options.fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_DisplayMode mode{};
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
            w = mode.w;
            h = mode.h;
        }
    }
    m_fullscreen = options.fullscreen;
    m_window = SDL_CreateWindow(options.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!m_window) {
        // Some drivers only offer a compatibility context; 3.0 is enough for the renderer.
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, 0);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
        m_window = SDL_CreateWindow(options.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    }
    if (!m_window) {
        error = std::string("无法创建窗口（SDL_CreateWindow：") + SDL_GetError() + "）";
        close();
        return false;
    }
    m_glContext = SDL_GL_CreateContext(m_window);
    if (!m_glContext) {
        error = std::string("无法创建 OpenGL 环境（SDL_GL_CreateContext：") + SDL_GetError() + "）";
        close();
        return false;
    }
    SDL_GL_MakeCurrent(m_window, m_glContext);
    SDL_GL_SetSwapInterval(options.vsync ? 1 : 0);
    if (options.fullscreen) SDL_ShowCursor(SDL_DISABLE);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    // Nothing to remember between runs, and no file writes from the UI.
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    if (!ImGui_ImplOpenGL3_Init("#version 130")) {
        error = "界面绘制（ImGui 的 OpenGL 3 渲染）无法启动";
        close();
        return false;
    }
    m_imguiReady = true;
    // The renderer's shaders now, so its first NewFrame does not make (and leak) a second RGBA
    // font texture: it builds ImGui's default font for that, which is dropped at once. The app
    // uploads its own atlas through rebuildFontTexture().
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts->Clear();
    // Texture swizzle (GL 3.3 or ARB_texture_swizzle) lets the atlas live on the GPU as one
    // byte per texel instead of RGBA: a quarter of the memory (llvmpipe keeps it in RAM) and
    // of the upload time.
    GLint major = 0, minor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    m_alphaTexture = major > 3 || (major == 3 && minor >= 3) || SDL_GL_ExtensionSupported("GL_ARB_texture_swizzle");
    return true;
}

void Window::close()
{
    if (m_fontTexture) {
        glDeleteTextures(1, &m_fontTexture);
        m_fontTexture = 0;
    }
    for (unsigned int texture : m_extraTextures) glDeleteTextures(1, &texture);
    m_extraTextures.clear();
    g_extraAtlases.clear();
    if (m_imguiReady) {
        ImGui_ImplOpenGL3_Shutdown();
        m_imguiReady = false;
    }
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
    if (m_glContext) {
        SDL_GL_DeleteContext(static_cast<SDL_GLContext>(m_glContext));
        m_glContext = nullptr;
    }
    if (m_window) {
        SDL_DestroyWindow(m_window);
        m_window = nullptr;
    }
    if (m_sdlReady) {
        SDL_Quit();
        m_sdlReady = false;
    }
}

int Window::width() const
{
    int w = 0, h = 0;
    if (m_window) SDL_GL_GetDrawableSize(m_window, &w, &h);
    return w;
}

int Window::height() const
{
    int w = 0, h = 0;
    if (m_window) SDL_GL_GetDrawableSize(m_window, &w, &h);
    return h;
}

void Window::beginFrame(double deltaSeconds)
{
    ImGui_ImplOpenGL3_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width()), static_cast<float>(height()));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    // ImGui asserts on a zero delta; frames may be minutes apart, which it does not mind.
    io.DeltaTime = static_cast<float>(deltaSeconds > 1e-4 ? deltaSeconds : 1e-4);
}

void Window::render(float clearR, float clearG, float clearB)
{
    glViewport(0, 0, width(), height());
    glClearColor(clearR, clearG, clearB, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::present()
{
    SDL_GL_SwapWindow(m_window);
}

bool Window::readPixels(std::vector<uint8_t>& rgb, int& outWidth, int& outHeight) const
{
    const int w = width(), h = height();
    if (w <= 0 || h <= 0) return false;
    // Straight into the caller's buffer, rows bottom-up as GL keeps them: a flipped copy would
    // touch another 6 MB, and fresh pages are what a read-back mostly costs.
    rgb.resize(static_cast<size_t>(w) * h * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, rgb.data());
    outWidth = w;
    outHeight = h;
    return glGetError() == GL_NO_ERROR;
}

namespace {
unsigned int uploadAtlas(ImFontAtlas& atlas, bool alphaTexture)
{
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    if (alphaTexture)
        atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
    else
        atlas.GetTexDataAsRGBA32(&pixels, &w, &h);
    if (!pixels) return 0;

    GLint last = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    // Glyphs are baked at their final size and drawn at whole pixels, and fills sample the
    // white texels, so nearest sampling looks the same as bilinear at a fraction of
    // llvmpipe's cost (~20 % of a scrolling frame). Lines are anti-aliased by geometry
    // instead of the baked line texture, which needs bilinear (AntiAliasedLinesUseTex off).
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    if (alphaTexture) {
        // Sampled as (1, 1, 1, coverage): what ImGui's RGBA32 conversion would have held.
        const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
        glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    } else {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    }
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture)));
    // The GL texture holds the pixels now; the CPU copies (up to 10 MB) can go.
    atlas.ClearTexData();
    return texture;
}
} // namespace

void setExtraFontAtlases(std::vector<ImFontAtlas*> atlases)
{
    g_extraAtlases = std::move(atlases);
}

void Window::rebuildFontTexture()
{
    if (m_fontTexture) glDeleteTextures(1, &m_fontTexture);
    for (unsigned int texture : m_extraTextures) glDeleteTextures(1, &texture);
    m_extraTextures.clear();
    m_fontTexture = uploadAtlas(*ImGui::GetIO().Fonts, m_alphaTexture);
    for (ImFontAtlas* atlas : g_extraAtlases)
        if (unsigned int texture = uploadAtlas(*atlas, m_alphaTexture)) m_extraTextures.push_back(texture);
}

} // namespace platform

/* Frame-time probe for an SDL2 app, loaded with LD_PRELOAD; for benchmarks only.
 *
 * A frame's time is measured from the moment the app's event wait (SDL_WaitEventTimeout or
 * SDL_WaitEvent) last returned to the end of its SDL_GL_SwapWindow: the work of one frame, not
 * the idle time before it. Each frame appends "<frame ms> <ms since previous swap>" to the file
 * named by FRAME_PROBE_LOG. Used when the app has no frame-time log of its own.
 *
 * Build: cc -O2 -shared -fPIC -o frame_probe.so frame_probe.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef union SDL_Event SDL_Event;
typedef struct SDL_Window SDL_Window;

static FILE* g_log;
static double g_workStart;
static double g_lastSwap;

static double nowMs(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1.0e6;
}

static void* next(const char* name)
{
    void* f = dlsym(RTLD_NEXT, name);
    if (!f) {
        fprintf(stderr, "frame_probe: %s not found\n", name);
        abort();
    }
    return f;
}

int SDL_WaitEventTimeout(SDL_Event* event, int timeout)
{
    static int (*real)(SDL_Event*, int);
    if (!real) real = (int (*)(SDL_Event*, int))next("SDL_WaitEventTimeout");
    const int r = real(event, timeout);
    g_workStart = nowMs();
    return r;
}

int SDL_WaitEvent(SDL_Event* event)
{
    static int (*real)(SDL_Event*);
    if (!real) real = (int (*)(SDL_Event*))next("SDL_WaitEvent");
    const int r = real(event);
    g_workStart = nowMs();
    return r;
}

void SDL_GL_SwapWindow(SDL_Window* window)
{
    static void (*real)(SDL_Window*);
    if (!real) {
        real = (void (*)(SDL_Window*))next("SDL_GL_SwapWindow");
        const char* path = getenv("FRAME_PROBE_LOG");
        if (path && *path) g_log = fopen(path, "a");
    }
    real(window);
    const double end = nowMs();
    if (g_log) {
        const double start = g_workStart > 0 ? g_workStart : end;
        fprintf(g_log, "%.3f %.3f\n", end - start, g_lastSwap > 0 ? end - g_lastSwap : 0.0);
        fflush(g_log);
    }
    g_lastSwap = end;
    /* Frames drawn back to back without a wait in between start where this one ended. */
    g_workStart = end;
}

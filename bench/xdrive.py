#!/usr/bin/env python3
"""Drive the pointer on an X display through the XTEST extension, as a finger would.

  xdrive.py drag X1 Y1 X2 Y2 [MS]       press at (X1,Y1), move to (X2,Y2) over MS ms, release
  xdrive.py scroll SECONDS [X Y TOP BOTTOM]
                                        flick a list up and down for SECONDS: drags between
                                        TOP and BOTTOM at column X, (Y unused)
  xdrive.py tap X Y
  xdrive.py latency N TIMEOUT_MS TAP_X TAP_Y PROBE_X PROBE_Y R,G,B [TAP_X TAP_Y PROBE_X PROBE_Y R,G,B ...]
                                        N taps, cycling through the targets given; after each
                                        release, polls the root window's pixel at PROBE until it
                                        is within 16 of R,G,B (the tap's visible answer) or
                                        TIMEOUT_MS pass. Prints one JSON line per tap: the
                                        release time (CLOCK_MONOTONIC s) and the ms until the
                                        screen showed the answer (null: it did not in time).

Uses libX11 and libXtst through ctypes (Python 3 standard library only); DISPLAY must be set.
Motion is sent at about 60 Hz, like a touchscreen's reports.
"""

import ctypes
import ctypes.util
import os
import sys
import time


def load(name, fallback):
    path = ctypes.util.find_library(name) or fallback
    try:
        return ctypes.CDLL(path)
    except OSError:
        sys.exit(f"xdrive.py: cannot load {path} (apt-get install libx11-6 libxtst6)")


X11 = load("X11", "libX11.so.6")
XTST = load("Xtst", "libXtst.so.6")
X11.XOpenDisplay.restype = ctypes.c_void_p
X11.XOpenDisplay.argtypes = [ctypes.c_char_p]
X11.XFlush.argtypes = [ctypes.c_void_p]
X11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
X11.XCloseDisplay.argtypes = [ctypes.c_void_p]
XTST.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                      ctypes.c_ulong]
XTST.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]

X11.XDefaultRootWindow.restype = ctypes.c_ulong
X11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
X11.XGetImage.restype = ctypes.c_void_p
X11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                          ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
X11.XGetPixel.restype = ctypes.c_ulong
X11.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
X11.XDestroyImage.argtypes = [ctypes.c_void_p]

STEP = 1.0 / 60.0
ZPIXMAP = 2
ALL_PLANES = 0xFFFFFFFF


class Pointer:
    def __init__(self):
        display = os.environ.get("DISPLAY", "").encode()
        self.dpy = X11.XOpenDisplay(display)
        if not self.dpy:
            sys.exit(f"xdrive.py: cannot open display {display.decode()!r}")

    def move(self, x, y):
        XTST.XTestFakeMotionEvent(self.dpy, -1, int(x), int(y), 0)
        X11.XFlush(self.dpy)

    def button(self, b, down):
        XTST.XTestFakeButtonEvent(self.dpy, b, 1 if down else 0, 0)
        X11.XFlush(self.dpy)

    def drag(self, x1, y1, x2, y2, ms):
        steps = max(2, int(ms / 1000.0 / STEP))
        self.move(x1, y1)
        time.sleep(STEP)
        self.button(1, True)
        for i in range(1, steps + 1):
            t = i / steps
            self.move(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t)
            time.sleep(STEP)
        self.button(1, False)

    def wheel(self, x, y, down, notches):
        self.move(x, y)
        for _ in range(notches):
            b = 5 if down else 4
            self.button(b, True)
            self.button(b, False)
            time.sleep(STEP)

    def pixel(self, x, y):
        """The root window's pixel at (x, y) as (r, g, b), read from the X server (24-bit TrueColor)."""
        img = X11.XGetImage(self.dpy, X11.XDefaultRootWindow(self.dpy), int(x), int(y), 1, 1, ALL_PLANES, ZPIXMAP)
        if not img:
            return (0, 0, 0)
        v = X11.XGetPixel(img, 0, 0)
        X11.XDestroyImage(img)
        return ((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF)

    def close(self):
        X11.XSync(self.dpy, 0)
        X11.XCloseDisplay(self.dpy)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    p = Pointer()
    cmd = argv[1]
    if cmd == "drag":
        x1, y1, x2, y2 = (int(v) for v in argv[2:6])
        p.drag(x1, y1, x2, y2, float(argv[6]) if len(argv) > 6 else 300)
    elif cmd == "tap":
        p.move(int(argv[2]), int(argv[3]))
        p.button(1, True)
        time.sleep(0.08)
        p.button(1, False)
    elif cmd == "scroll":
        seconds = float(argv[2])
        # Column x = 1500: the right-hand cards of a 1920-wide list, clear of the centred
        # 下面还有 button, and rows 420 to 940, inside the list above that button's strip.
        x, y, top, bottom = (int(v) for v in argv[3:7]) if len(argv) > 6 else (1500, 700, 420, 940)
        end = time.monotonic() + seconds
        n = 0
        while time.monotonic() < end:
            # Six flicks down the list, then six back; a pause lets kinetic scrolling run.
            # Touchscreens have no wheel, so only drags.
            up = (n // 6) % 2 == 0
            a, b = (bottom, top) if up else (top, bottom)
            p.drag(x, a, x, b, 250)
            time.sleep(0.35)
            n += 1
        print(n)
    elif cmd == "latency":
        import json
        n, timeout = int(argv[2]), float(argv[3]) / 1000
        rest = argv[4:]
        targets = []
        while len(rest) >= 5:
            tx, ty, px, py = (int(v) for v in rest[:4])
            want = tuple(int(c) for c in rest[4].split(","))
            targets.append((tx, ty, px, py, want))
            rest = rest[5:]
        if not targets:
            sys.exit(__doc__)
        for i in range(n):
            tx, ty, px, py, want = targets[i % len(targets)]
            p.move(tx, ty)
            time.sleep(0.05)
            # A finger's tap: down, ~80 ms, up. The answer (the tap fires on release) is timed
            # from the release leaving this process.
            p.button(1, True)
            time.sleep(0.08)
            p.button(1, False)
            released = time.monotonic()
            shown = None
            while time.monotonic() - released < timeout:
                got = p.pixel(px, py)
                if all(abs(a - b) <= 16 for a, b in zip(got, want)):
                    shown = (time.monotonic() - released) * 1000
                    break
                time.sleep(0.002)
            print(json.dumps({"tap": i, "released": released, "ms": shown}), flush=True)
            # Let the screen settle before the next tap.
            time.sleep(0.4)
    else:
        sys.exit(__doc__)
    p.close()


if __name__ == "__main__":
    main(sys.argv)

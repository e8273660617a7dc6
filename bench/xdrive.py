#!/usr/bin/env python3
"""Drive the pointer on an X display through the XTEST extension, as a finger would.

  xdrive.py drag X1 Y1 X2 Y2 [MS]       press at (X1,Y1), move to (X2,Y2) over MS ms, release
  xdrive.py scroll SECONDS [X Y TOP BOTTOM]
                                        flick a list up and down for SECONDS: drags between
                                        TOP and BOTTOM at column X, (Y unused)
  xdrive.py tap X Y

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

STEP = 1.0 / 60.0


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
        x, y, top, bottom = (int(v) for v in argv[3:7]) if len(argv) > 6 else (960, 700, 420, 1000)
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
    else:
        sys.exit(__doc__)
    p.close()


if __name__ == "__main__":
    main(sys.argv)

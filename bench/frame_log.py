"""The kiosk's KIOSK_FRAME_LOG as the benches read it (Python 3 standard library only).

  frame_log.py stats FILE     count/p50/p95/p99/max (JSON) of the wall times of the frames in
                              FILE that reached the screen

One line a frame: WALL_MS START_S [SHOWN [READBACK]]: the frame's wall time in ms, its start on
CLOCK_MONOTONIC in s, 1 if it reached the screen (0: a layout pass of a picture already shown),
1 if it started or finished a screen.png read-back. Older builds write fewer columns; a missing
SHOWN counts as shown.
"""

import json
import sys
from collections import namedtuple

Frame = namedtuple("Frame", "wall_ms start_s shown readback")


def read(path, skip=0):
    """The frames of the log at PATH, in order, without the first SKIP lines."""
    frames = []
    with open(path) as f:
        rows = [line.split() for line in f if line.strip()]
    for r in rows[skip:]:
        frames.append(Frame(float(r[0]), float(r[1]) if len(r) > 1 else None,
                            len(r) < 3 or r[2] == "1", len(r) > 3 and r[3] == "1"))
    return frames


def percentile(values, p):
    """The P-th percentile of VALUES, interpolated between the nearest ranks; NaN when empty."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def stats(frames):
    """count, p50, p95, p99 and max of the wall times of the frames that reached the screen."""
    ms = [f.wall_ms for f in frames if f.shown]
    return {"count": len(ms), "p50": round(percentile(ms, 50), 3), "p95": round(percentile(ms, 95), 3),
            "p99": round(percentile(ms, 99), 3), "max": round(max(ms), 3) if ms else None}


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "stats":
        sys.exit(__doc__)
    print(json.dumps(stats(read(sys.argv[2]))))

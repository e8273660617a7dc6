"""The kiosk's KIOSK_FRAME_LOG as the benches read it (Python 3 standard library only).

One line a frame: WALL_MS START_S [SHOWN [READBACK]]: the frame's wall time in ms, its start on
CLOCK_MONOTONIC in s, 1 if it reached the screen (0: a layout pass of a picture already shown),
1 if it started or finished a screen.png read-back. Older builds write fewer columns; a missing
SHOWN counts as shown.
"""

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

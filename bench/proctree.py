#!/usr/bin/env python3
"""Memory and CPU of a process tree, read from /proc (Linux; Python 3 standard library only).

  proctree.py pids PID                  the process and all its descendants, one a line
  proctree.py pss PID                   sum of Pss (kB) from smaps_rollup over the tree
  proctree.py cpu PID SECONDS [XPID]    CPU over SECONDS as % of one core, JSON:
                                        {"tree": %, "x": % of XPID (the X server) or null,
                                         "procs": n}
  proctree.py stats FILE                p50/p95/p99/max/count of numbers in FILE (one a line)

CPU counts utime+stime of every live process in the tree plus cutime+cstime (children that
died and were reaped inside the tree), sampled at the start and end of the window, so helpers
that come and go during the window are still counted.
"""

import json
import os
import sys
import time

from frame_log import percentile

CLK_TCK = os.sysconf("SC_CLK_TCK")


def stat_fields(pid):
    """Fields of /proc/PID/stat after the command name (index 0 is the state)."""
    with open(f"/proc/{pid}/stat", "rb") as f:
        data = f.read().decode("ascii", "replace")
    return data[data.rindex(")") + 2:].split()


def children_map():
    kids = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            ppid = int(stat_fields(name)[1])
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(name))
    return kids


def tree(pid):
    kids = children_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        if p in out:
            continue
        out.append(p)
        todo.extend(kids.get(p, []))
    return [p for p in out if os.path.exists(f"/proc/{p}")]


def pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_ticks(pid, with_children=True):
    try:
        f = stat_fields(pid)
    except OSError:
        return 0
    # utime, stime, cutime, cstime are fields 14..17 of stat; here shifted by 3.
    ticks = int(f[11]) + int(f[12])
    if with_children:
        ticks += int(f[13]) + int(f[14])
    return ticks


def tree_ticks(pid):
    return sum(cpu_ticks(p) for p in tree(pid))


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    cmd = argv[1]
    if cmd == "pids":
        print("\n".join(str(p) for p in tree(int(argv[2]))))
    elif cmd == "pss":
        print(sum(pss_kb(p) for p in tree(int(argv[2]))))
    elif cmd == "cpu":
        pid, seconds = int(argv[2]), float(argv[3])
        xpid = int(argv[4]) if len(argv) > 4 and argv[4] else None
        t0 = time.monotonic()
        a = tree_ticks(pid)
        xa = cpu_ticks(xpid, False) if xpid else 0
        time.sleep(seconds)
        b = tree_ticks(pid)
        xb = cpu_ticks(xpid, False) if xpid else 0
        wall = time.monotonic() - t0
        pct = lambda ticks: round(100.0 * ticks / CLK_TCK / wall, 3)
        print(json.dumps({"tree": pct(b - a), "x": pct(xb - xa) if xpid else None,
                          "procs": len(tree(pid)), "seconds": round(wall, 2)}))
    elif cmd == "stats":
        vals = []
        with open(argv[2]) as f:
            for line in f:
                line = line.strip()
                if line:
                    try:
                        vals.append(float(line.split()[0]))
                    except ValueError:
                        pass
        print(json.dumps({"count": len(vals), "p50": round(percentile(vals, 50), 3),
                          "p95": round(percentile(vals, 95), 3),
                          "p99": round(percentile(vals, 99), 3),
                          "max": round(max(vals), 3) if vals else None}))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)

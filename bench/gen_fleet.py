#!/usr/bin/env python3
"""A district's status folders: N kiosks, each a status.json and a 480x270 screen.png, spread
over street folders at two depths, as Syncthing collects them. A few are stale, failed their
last import, run old content, or are half-synced. Standard library only.

Usage: gen_fleet.py DIR --count 500 [--png-kib 60]
"""
import argparse
import datetime as dt
import json
import os
import random
import struct
import zlib


def png(width, height, rng, noise):
    # A screen-like picture: flat bands with text-like noise in some rows, compressing to
    # about the size of a real thumbnail.
    rows = []
    for y in range(height):
        base = (30 + (y // 30) * 20) % 256
        row = bytearray([0])
        if (y // 6) % 3 == 0:
            row += bytes(rng.randrange(256) if rng.random() < noise else base for _ in range(width * 3))
        else:
            row += bytes([base, 200 - base // 2, 120]) * width
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 6)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--count", type=int, default=500)
    args = parser.parse_args()
    rng = random.Random(7)
    zone = dt.timezone(dt.timedelta(hours=8))
    now = dt.datetime.now(zone).replace(microsecond=0)
    newest = 202606030900
    thumbnails = [png(480, 270, rng, 0.35) for _ in range(8)]
    for i in range(args.count):
        street = f"街道{i % 12:02d}"
        folder = os.path.join(args.dir, street, f"kiosk-{i:03d}") if i % 3 else os.path.join(args.dir, f"kiosk-{i:03d}")
        os.makedirs(folder, exist_ok=True)
        updated = now - dt.timedelta(seconds=rng.randrange(30, 600))
        version = newest
        ok = True
        if i % 50 == 1:
            updated = now - dt.timedelta(hours=5)
        if i % 70 == 2:
            ok = False
        if i % 90 == 3:
            version = 202606010900
        status = {
            "kiosk_id": f"kiosk-{i:03d}",
            "station": f"{street}第{i % 7 + 1}社区养老服务站",
            "app_version": "0.1.0",
            "content_version": version,
            "updated": updated.isoformat(),
            "started": (now - dt.timedelta(days=3)).isoformat(),
            "uptime_seconds": 3 * 86400,
            "screen": "home",
            "last_import": {"ok": ok, "time": (now - dt.timedelta(hours=1)).isoformat(), "source": "/srv/drop/pkg",
                            "version": version, "summary": "已更新：活动 42 条、菜单 21 条" if ok else
                            "未更新，发现 1 个问题：\nactivities.csv:4:日期: 无法识别的日期“2026-13-45”"},
            "screenshot": "screen.png",
        }
        with open(os.path.join(folder, "status.json"), "w", encoding="utf-8") as f:
            json.dump(status, f, ensure_ascii=False, indent=2)
        if i % 100 != 4:
            with open(os.path.join(folder, "screen.png"), "wb") as f:
                f.write(thumbnails[i % len(thumbnails)])
        else:
            with open(os.path.join(folder, "~syncthing~screen.png.tmp"), "wb") as f:
                f.write(thumbnails[0][:1000])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Hostile packages, one folder each, for bench/hostile_bench.sh and tests/scripts/hostile_check_test.sh.

Each is a kind of input that once cost the kiosk or `kiosk-content check` gigabytes or minutes
(issue 9), at the largest size the staging caps let through. Standard library only.

Usage: gen_hostile.py OUT_DIR   (prints one line per package: name<TAB>what it is)
"""
import os
import sqlite3
import struct
import sys
import wave

MB = 1024 * 1024


def db(path, sql, wal=False):
    con = sqlite3.connect(path)
    if wal:
        con.execute("PRAGMA journal_mode=WAL")
    con.executescript(sql)
    con.commit()
    return con


def table(name, columns, n, select, into=""):
    """SQL for CREATE TABLE name (columns), then n rows of `select` (i counts 1 … n) into `into` (all if "")."""
    return (f"CREATE TABLE {name} ({columns});"
            f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) "
            f"INSERT INTO {name} {into} SELECT {select} FROM n;")


def generated(count, expr):
    """`count` generated columns g0 … of `expr`, for a CREATE TABLE."""
    return ", ".join(f"g{i} AS ({expr})" for i in range(count))


def sheet(path, header, line, limit, max_rows=None):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(header + "\r\n")
        size = len(header.encode("utf-8")) + 2
        i = 0
        while True:
            text = line.format(i=i) + "\r\n"
            size += len(text.encode("utf-8"))
            if size > limit or (max_rows is not None and i >= max_rows):
                break
            f.write(text)
            i += 1


def tone_wav(path, seconds, rate=16000, width=2):
    """A mono WAV of a 500 Hz square-ish tone, written in big blocks (fast for tens of MB)."""
    period = rate // 500
    if width == 2:
        one = struct.pack("<" + "h" * period, *([8000] * (period // 2) + [-8000] * (period - period // 2)))
    else:
        one = bytes([200] * (period // 2) + [56] * (period - period // 2))
    block = one * (rate // period)  # about a second
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(width)
        w.setframerate(rate)
        for _ in range(int(seconds)):
            w.writeframes(block)


def notices_naming(path, names):
    with open(os.path.join(path, "notices.csv"), "w", encoding="utf-8") as f:
        f.write("标题,正文,录音\r\n")
        for i, name in enumerate(names):
            f.write(f"通知{i},正文,{name}\r\n")


def main(out):
    made = []

    def package(name, what):
        path = os.path.join(out, name)
        os.makedirs(path, exist_ok=True)
        made.append((name, what))
        return path

    def db_package(name, what, sql):
        """A package holding only a content.db that `sql` makes."""
        db(os.path.join(package(name, what), "content.db"), sql).close()

    # Issue 9 (1): one problem per bad cell, no cap: 200k rows, 85 generated columns.
    db_package("db-generated-cells", "content.db: 200k rows x 85 generated columns of bad text",
               table("activities", f'i INTEGER, "日期" TEXT, "开始" TEXT, "活动" TEXT, {generated(85, "char(255) || i")}',
                     200000, "i, 'x', 'y', 'z'", '(i, "日期", "开始", "活动")'))

    # The same without generated columns: stored bad cells in every row (as many rows as fit).
    db_package("db-bad-cells", "content.db: 200k rows x 7 stored bad cells (dates, times, blobs)",
               table("activities", '"日期" TEXT, "开始" TEXT, "结束" TEXT, "活动" BLOB, "地点" BLOB, "说明" BLOB, "类别" BLOB',
                     200000, "'2026-13-' || i, '25:' || i, '9:00', x'ff', x'fe', x'c0', x'80'"))

    # Issue 9 (2): memory bomb, 92 columns of hex(zeroblob(499000)) x 100k rows.
    db_package("db-zeroblob-bomb", "content.db: 92 generated columns hex(zeroblob(499000)) x 100k rows",
               table("activities", f'"日期" TEXT, "开始" TEXT, "活动" TEXT, {generated(92, "hex(zeroblob(499000))")}',
                     100000, "'每天', '9:00', 'a'", '("日期", "开始", "活动")'))

    # Stored text as large as the 50 MB staging cap lets through.
    db_package("db-big-text", "content.db: 52 rows of 900 KB stored text (47 MB file)",
               "PRAGMA journal_mode=OFF;" + table("contacts", '"名称" TEXT, "电话" TEXT', 52, "printf('%.*c', 900000, 'x'), '1'"))

    # Issue 9 (3): a virtual table named like a content table; a WAL database with its -wal.
    db_package("db-fts5", "content.db: notices as an fts5 virtual table",
               'CREATE VIRTUAL TABLE notices USING fts5("标题", "正文"); INSERT INTO notices VALUES (\'停水\', \'明天\');')
    p = package("db-wal", "content.db in WAL mode with un-checkpointed content.db-wal")
    con = db(os.path.join(p, "content.db"), 'CREATE TABLE contacts ("名称" TEXT, "电话" TEXT);'
             "INSERT INTO contacts VALUES ('old', '1');", wal=True)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE contacts SET \"名称\" = 'new'")
    con.commit()
    # Copy while the connection is open, so the -wal holds the newest rows.
    with open(os.path.join(p, "content.db"), "rb") as f:
        main_bytes = f.read()
    with open(os.path.join(p, "content.db-wal"), "rb") as f:
        wal_bytes = f.read()
    con.close()
    with open(os.path.join(p, "content.db"), "wb") as f:
        f.write(main_bytes)
    with open(os.path.join(p, "content.db-wal"), "wb") as f:
        f.write(wal_bytes)

    # Issue 9 (8): a 4.9 MB title.
    p = package("csv-long-title", "notices.csv with a 4.9 MB title")
    with open(os.path.join(p, "notices.csv"), "w", encoding="utf-8") as f:
        f.write("标题,正文\n" + "长" * (4900 * 1024 // 3) + ",正文\n")

    # Sheets at the 5 MB cap: every row bad, in every sheet a package can hold.
    p = package("csv-all-bad", "7 sheets of 5 MB, every row with bad values")
    sheet(os.path.join(p, "station.csv"), "项目,内容", ",{i}", 5 * MB - 1)
    sheet(os.path.join(p, "activities.csv"), "日期,开始,结束,活动", "2026-13-{i},25:{i},,", 5 * MB - 1)
    sheet(os.path.join(p, "meals.csv"), "日期,餐次,菜品,价格", "x{i},夜宵,,abc", 5 * MB - 1)
    sheet(os.path.join(p, "lectures.csv"), "日期,开始,类型,主题", "每天,x{i},y,", 5 * MB - 1)
    sheet(os.path.join(p, "notices.csv"), "标题,开始日期,置顶", ",x{i},也许", 5 * MB - 1)
    sheet(os.path.join(p, "guide.csv"), "序号,标题,识破", "x{i},,", 5 * MB - 1)
    sheet(os.path.join(p, "contacts.csv"), "名称,电话", "{i},", 5 * MB - 1)

    # Sheets at the cap that are valid: the most a package can bring (short cells, many rows).
    p = package("csv-wide", "contacts.csv of 5 MB: 1000 columns of short cells, rows to the cap")
    header = "名称,电话," + ",".join(f"c{i}" for i in range(998))
    sheet(os.path.join(p, "contacts.csv"), header, "n{i},1," + ",".join("x" for _ in range(998)), 5 * MB - 1)

    # The largest valid package: every sheet at the 5 MB cap, all rows good (imports).
    p = package("csv-all-good", "7 valid sheets of 5 MB each (49,999 rows each: under the record cap, over the package's row cap)")
    sheet(os.path.join(p, "station.csv"), "项目,内容", "键{i},值", 5 * MB - 100, 49999)
    sheet(os.path.join(p, "activities.csv"), "日期,开始,结束,活动", "每天,9:00,10:00,活动{i}", 5 * MB - 100, 49999)
    sheet(os.path.join(p, "meals.csv"), "日期,餐次,菜品,价格", "每天,午餐,菜{i}、汤,12", 5 * MB - 100, 49999)
    sheet(os.path.join(p, "lectures.csv"), "日期,开始,主题", "2026-06-10,9:30,讲座{i}", 5 * MB - 100, 49999)
    sheet(os.path.join(p, "notices.csv"), "标题,正文", "通知{i},正文", 5 * MB - 100, 49999)
    sheet(os.path.join(p, "guide.csv"), "序号,标题,识破", "{i},标题,识破", 5 * MB - 100, 49999)
    sheet(os.path.join(p, "contacts.csv"), "名称,电话", "名称{i},120", 5 * MB - 100, 49999)

    # The largest package that imports: one sheet of 49,999 rows, and rows in others up to the package cap.
    p = package("csv-biggest-good", "activities.csv of 49,999 rows + contacts.csv of 10,000 (the package's row cap)")
    sheet(os.path.join(p, "activities.csv"), "日期,开始,结束,活动", "每天,9:00,10:00,活动{i}", 5 * MB - 100, 49999)
    sheet(os.path.join(p, "contacts.csv"), "名称,电话", "名称{i},120", 5 * MB - 100, 10000)

    # Recordings (录音): the most a package can bring (five of 19 MB, 9.9 minutes each, 95 MB
    # together, under the 20 MB, 10 min and 100 MB bounds), decoded whole by check and kept in
    # the store by import.
    p = package("rec-biggest-good", "guide.csv naming 5 WAVs of 19 MB (9.9 min each, 95 MB in all)")
    names = []
    for i in range(5):
        names.append(f"录音{i}.wav")
        tone_wav(os.path.join(p, names[-1]), 9.9 * 60)
    with open(os.path.join(p, "guide.csv"), "w", encoding="utf-8") as f:
        f.write("序号,标题,识破,录音\n")
        for i, n in enumerate(names):
            f.write(f"{i + 1},骗术{i},不要转账,{n}\n")
    # A recording too long to keep: 8 kHz 8-bit, 30 minutes in 14 MB, decoded until the bound.
    p = package("rec-too-long", "notices.csv naming a 30 min WAV (8 kHz 8-bit, 14 MB)")
    tone_wav(os.path.join(p, "长录音.wav"), 30 * 60, rate=8000, width=1)
    with open(os.path.join(p, "notices.csv"), "w", encoding="utf-8") as f:
        f.write("标题,录音\n停水,长录音.wav\n")
    # Recordings (录音) a stick may bring against each other bound: too big, a lying header, not
    # audio at all, too many.
    p = package("rec-over-bytes", "a recording of 21 MB (over the 20 MB a recording may have)")
    notices_naming(p, ["大.mp3"])
    with open(os.path.join(p, "大.mp3"), "wb") as f:
        f.write(b"\xff\xfb\x90\x64" * (21 * MB // 4))
    p = package("rec-header-lies", "a wav whose header claims 4 GB at 192 kHz x 8 channels, 1 KB of data")
    notices_naming(p, ["谎.wav"])
    with open(os.path.join(p, "谎.wav"), "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", 0xFFFFFFF0) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 8, 192000, 192000 * 16, 16, 16)
                + b"data" + struct.pack("<I", 0xFFFFFFC0) + os.urandom(1024))
    p = package("rec-not-audio", "five recordings of 5 MB random bytes named .mp3/.ogg/.wav")
    names = [f"乱{i}.{ext}" for i, ext in enumerate(["mp3", "ogg", "wav", "opus", "oga"])]
    notices_naming(p, names)
    for name in names:
        with open(os.path.join(p, name), "wb") as f:
            f.write(os.urandom(5 * MB))
    p = package("rec-too-many", "notices naming 41 distinct one-second recordings (the cap is 40)")
    names = [f"r{i}.wav" for i in range(41)]
    notices_naming(p, names)
    for name in names:
        tone_wav(os.path.join(p, name), 1)

    for name, what in made:
        print(f"{name}\t{what}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])

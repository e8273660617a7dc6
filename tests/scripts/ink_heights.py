#!/usr/bin/env python3
"""Ink heights of known characters in a kiosk screenshot, from tesseract's boxes.

Usage: ink_heights.py TSV  -> prints "cjk N p10 median max | digits N p10 median max"

Method: tesseract (chi_sim, tsv output) boxes each word it reads around its ink. Kept are
words of one to four Chinese characters read with confidence >= 80, minus characters whose ink
is short by design (一 二 口 日 …, punctuation), and words of 3+ characters made of digits and
: - — . (times 09:30, prices, phone numbers) for the digits figure. A box is the ink's height
in pixels: Noto Sans CJK's ideographs fill about 0.92 em, its digits about 0.73 em. Dropped as
misreads: boxes taller than 1.6x the median (two lines read as one), shorter than half the
median or narrower than 0.6 of their height (a piece of a character), and a character read
alone whose box is under 0.75 of the median: the top half of a line cut by a scroll view's edge
(下面还有) is read as lone characters; a label in a smaller font is read as a word of several.
"""
import statistics
import sys

SHORT = set("一二三四口日曰工上下小白目田己已巳心王土干丁七八十丶乙厂人入大力")


def percentile(values, p):
    values = sorted(values)
    if not values:
        return 0
    k = max(0, min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1)))))
    return values[k]


def stats(values, lone=()):
    if not values:
        return "0 0 0 0"
    med = statistics.median(list(values) + list(lone))
    values = [v for v in values if med * 0.5 <= v <= med * 1.6]
    values += [v for v in lone if med * 0.75 <= v <= med * 1.6]
    return "%d %d %d %d" % (len(values), percentile(values, 10), statistics.median(values), max(values))


def main():
    cjk, lone, digits = [], [], []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 12 or cols[0] != "5":
                continue
            try:
                conf = float(cols[10])
                width = int(cols[8])
                height = int(cols[9])
            except ValueError:
                continue
            text = cols[11].strip()
            if conf < 80 or not text:
                continue
            # A word of 1-4 Chinese characters: its box is as tall as its tallest character.
            if (1 <= len(text) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in text)
                    and not all(c in SHORT for c in text)):
                if width >= 0.6 * height * len(text):
                    (lone if len(text) == 1 else cjk).append(height)
            elif (len(text) >= 3 and conf >= 85 and text[0].isdigit() and text[-1].isdigit()
                  and all(c.isdigit() or c in ":：.-—" for c in text)):
                digits.append(height)
    print(stats(cjk, lone), "|", stats(digits))


if __name__ == "__main__":
    main()

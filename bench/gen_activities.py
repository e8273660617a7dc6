#!/usr/bin/env python3
"""Write a package whose activities.csv holds N dated activities over one week.

  gen_activities.py PKG_DIR [--count 1000] [--week-of 2026-06-03] [--seed 1]

The week is Monday..Sunday around --week-of (default today). Rows follow SPEC.md
(日期,开始,结束,活动,地点,说明,类别), UTF-8 with BOM and CRLF as Excel saves them, with a few quoted
fields holding commas and line breaks. Only activities.csv is written, so importing the package
replaces the activities and keeps every other sheet. Python 3 standard library only.
"""

import argparse
import csv
import datetime as dt
import os
import random

NAMES = ["太极拳", "书法班", "合唱排练", "智能手机课", "量血压测血糖", "棋牌", "读书读报", "理疗",
         "手工编织", "八段锦", "红色影院", "剪纸", "健康讲堂", "广场舞", "义务理发", "茶话会",
         "绘画班", "门球", "乒乓球", "按摩保健", "京剧票友会", "园艺小组", "英语角", "老年模特队"]
PLACES = ["多功能厅", "书画室", "阅览室", "健康小屋", "棋牌室", "康复理疗室", "服务站小广场",
          "照料室", "活动室二楼", "社区食堂"]
KINDS = ["文体", "学习", "健康", "照料"]
NOTES = ["欢迎参加，量力而行。", "请提前十分钟到场，带上水杯。",
         "工作人员全程陪同，行动不便的老人可以预约接送。", "材料站里都有，不用自己带。",
         "下雨天改在室内，具体看通知，有问题问前台，或打值班电话。"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pkg", help="package directory to write (created)")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--week-of", default=None, help="a date in the week (YYYY-MM-DD)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    day = dt.date.fromisoformat(args.week_of) if args.week_of else dt.date.today()
    monday = day - dt.timedelta(days=day.weekday())
    os.makedirs(args.pkg, exist_ok=True)
    rows = []
    for i in range(args.count):
        date = monday + dt.timedelta(days=i % 7)
        start = 7 * 60 + rnd.randrange(0, 11 * 60, 5)
        end = min(start + rnd.choice([30, 45, 60, 90, 120]), 21 * 60)
        name = f"{rnd.choice(NAMES)}（第{i // 7 + 1}组）"
        note = rnd.choice(NOTES)
        if i % 50 == 0:
            note = "第一行说明，带逗号,和引号\"测试\"\n第二行说明"
        rows.append([date.isoformat(), f"{start // 60}:{start % 60:02d}",
                     f"{end // 60}:{end % 60:02d}", name, rnd.choice(PLACES), note,
                     rnd.choice(KINDS)])
    rows.sort(key=lambda r: (r[0], int(r[1].split(":")[0]) * 60 + int(r[1].split(":")[1])))
    path = os.path.join(args.pkg, "activities.csv")
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["日期", "开始", "结束", "活动", "地点", "说明", "类别"])
        w.writerows(rows)
    print(f"{path}: {len(rows)} activities, {monday} .. {monday + dt.timedelta(days=6)}")


if __name__ == "__main__":
    main()

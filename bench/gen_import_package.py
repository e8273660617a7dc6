#!/usr/bin/env python3
"""A large content package for the import benchmark and the kill test.

gen_import_package.py PKG [--activities N] [--meals N] [--notices N] [--seed S]
writes activities.csv, meals.csv and notices.csv (UTF-8 with BOM, CRLF, some quoted cells
with commas and line breaks, as Excel writes them) into PKG.
"""
import argparse
import csv
import datetime
import os
import random

PLACES = ["一楼活动室", "二楼多功能厅", "三楼阅览室", "院子凉亭", "康复训练室"]
TITLES = ["太极拳", "书法练习", "合唱团", "智能手机课堂", "健康讲座", "手工编织", "象棋比赛", "八段锦"]
CATEGORIES = ["文体", "学习", "健康", "照料"]
DISHES = ["红烧鸡块", "清炒时蔬", "冬瓜汤", "米饭", "清蒸鱼", "番茄炒蛋", "小米粥", "蒸南瓜", "豆腐羹"]
TAGS = ["软烂", "低盐", "低糖", "清淡"]
MEALS = ["早餐", "午餐", "晚餐", "加餐"]
REPEATS = ["每天", "工作日", "周末", "每周一", "每周三、每周五"]


def write(path, header, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("package")
    parser.add_argument("--activities", type=int, default=10000)
    parser.add_argument("--meals", type=int, default=3000)
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    os.makedirs(args.package, exist_ok=True)
    start = datetime.date(2026, 6, 1)

    rows = []
    for i in range(args.activities):
        day = start + datetime.timedelta(days=i % 120)
        date = rnd.choice(REPEATS) if i % 10 == 0 else day.isoformat()
        hour = 8 + i % 10
        note = "请自带水杯，穿运动鞋" if i % 3 == 0 else ("第一行\n第二行，有逗号" if i % 7 == 0 else "")
        rows.append([date, f"{hour}:00", f"{hour}:45", f"{rnd.choice(TITLES)}（第{i + 1}场）",
                     rnd.choice(PLACES), note, rnd.choice(CATEGORIES)])
    write(os.path.join(args.package, "activities.csv"), ["日期", "开始", "结束", "活动", "地点", "说明", "类别"], rows)

    rows = []
    for i in range(args.meals):
        day = start + datetime.timedelta(days=i // 4)
        dishes = "、".join(rnd.sample(DISHES, 4))
        rows.append([day.isoformat(), MEALS[i % 4], dishes, f"{8 + i % 7}.5元", "、".join(rnd.sample(TAGS, 2)),
                     "80岁以上半价" if i % 5 == 0 else ""])
    write(os.path.join(args.package, "meals.csv"), ["日期", "餐次", "菜品", "价格", "标签", "备注"], rows)

    rows = []
    for i in range(args.notices):
        first = start + datetime.timedelta(days=i % 60)
        rows.append([f"通知 {i + 1}：社区活动安排调整", "各位老人：\n本周活动时间有调整，详情请咨询前台，谢谢配合。",
                     first.isoformat(), (first + datetime.timedelta(days=14)).isoformat(),
                     "是" if i % 50 == 0 else "否", "是" if i % 200 == 0 else "否"])
    write(os.path.join(args.package, "notices.csv"), ["标题", "正文", "开始日期", "结束日期", "置顶", "紧急"], rows)


if __name__ == "__main__":
    main()

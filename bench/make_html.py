#!/usr/bin/env python3
"""Generate the web-page equivalents of the kiosk's home and attract screens.

Input: a directory of sheets as `kiosk-content export` writes them (UTF-8 with BOM CSV; GB18030
and the demo's {{+N}} date tokens are accepted too, so the raw demo sheets also work).
Output: OUT/home.html and OUT/attract.html, static pages a lobby kiosk would typically run in
Chromium's kiosk mode: same text, same big Noto Sans CJK SC type, a JS clock ticking every second,
and a CSS-fade carousel changing slide every 8 s.

Usage: make_html.py SHEETS_DIR -o OUT_DIR [--now 2026-06-03T09:00] [--slide-seconds 8]
Python 3 standard library only.
"""

import argparse
import csv
import datetime as dt
import html
import io
import json
import os
import re
import sys

WEEKDAYS = "一二三四五六日"


def read_sheet(path):
    """Rows of a sheet as dicts keyed by header text; blank rows skipped."""
    raw = open(path, "rb").read()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SystemExit(f"{path}: neither UTF-8 nor GB18030")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return []
    header = [h.strip() for h in rows[0]]
    out = []
    for row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        out.append({h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)})
    return out


def load_sheets(directory):
    sheets = {}
    for name in ("station", "activities", "meals", "lectures", "notices", "guide", "contacts"):
        path = os.path.join(directory, name + ".csv")
        sheets[name] = read_sheet(path) if os.path.exists(path) else []
    return sheets


TOKEN = re.compile(r"\{\{([+-]?)(\d{1,5})(月日)?\}\}")


def fill_tokens(text, today):
    """The demo sheets' {{+N}} / {{+N月日}} tokens, as the kiosk's demo seeding fills them."""
    def repl(m):
        days = int(m.group(2)) * (-1 if m.group(1) == "-" else 1)
        d = today + dt.timedelta(days=days)
        return f"{d.month}月{d.day}日" if m.group(3) else d.isoformat()
    return TOKEN.sub(repl, text)


def parse_date(text):
    text = text.strip()
    for pat in (r"(\d{4})-(\d{1,2})-(\d{1,2})", r"(\d{4})/(\d{1,2})/(\d{1,2})",
                r"(\d{4})年(\d{1,2})月(\d{1,2})日"):
        m = re.fullmatch(pat, text)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def weekday_set(text):
    """Weekdays (0=Monday) a repeat cell covers, or None when it is not a repeat."""
    days = set()
    for part in re.split(r"[、,，;；/\s]+", text.strip()):
        if not part:
            continue
        if part == "每天":
            days |= set(range(7))
        elif part == "工作日":
            days |= set(range(5))
        elif part == "周末":
            days |= {5, 6}
        else:
            m = re.fullmatch(r"(?:每周|周|星期|每星期)([一二三四五六日天])", part)
            if not m:
                return None
            days.add(6 if m.group(1) in "日天" else WEEKDAYS.index(m.group(1)))
    return days or None


def on_day(cell, day):
    d = parse_date(cell)
    if d is not None:
        return d == day
    days = weekday_set(cell)
    return days is not None and day.weekday() in days


def parse_time(text):
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", text.strip())
    return (int(m.group(1)), int(m.group(2))) if m else None


def hm(text):
    t = parse_time(text)
    return f"{t[0]}:{t[1]:02d}" if t else text


def esc(text):
    return html.escape(text).replace("\n", "<br>")


def split_dishes(text):
    return [d.strip() for d in re.split(r"[、，,；;\n]+", text) if d.strip()]


def station_info(sheets):
    info = {r.get("项目", ""): r.get("内容", "") for r in sheets["station"]}
    return info


def todays_activities(sheets, day):
    acts = [a for a in sheets["activities"] if on_day(a.get("日期", ""), day)]
    return sorted(acts, key=lambda a: parse_time(a.get("开始", "")) or (99, 0))


def meal_of_day(sheets, day, kind):
    """A dated row wins over a repeat, as a one-off menu replaces the weekly one."""
    dated = [m for m in sheets["meals"] if m.get("餐次") == kind
             and parse_date(m.get("日期", "")) == day]
    if dated:
        return dated[0]
    for m in sheets["meals"]:
        if m.get("餐次") == kind and on_day(m.get("日期", ""), day):
            return m
    return None


def upcoming_lectures(sheets, now):
    out = []
    for lec in sheets["lectures"]:
        d = parse_date(lec.get("日期", ""))
        if d is None:
            continue
        end = parse_time(lec.get("结束", "")) or parse_time(lec.get("开始", "")) or (23, 59)
        if dt.datetime.combine(d, dt.time(*end)) >= now:
            out.append((d, parse_time(lec.get("开始", "")) or (0, 0), lec))
    out.sort(key=lambda x: (x[0], x[1]))
    return [x[2] for x in out]


def yes(text):
    return text.strip().upper() in ("是", "Y", "YES", "1", "TRUE")


def current_notices(sheets, day):
    out = []
    for n in sheets["notices"]:
        start, end = parse_date(n.get("开始日期", "")), parse_date(n.get("结束日期", ""))
        if (start is None or start <= day) and (end is None or day <= end):
            out.append(n)
    out.sort(key=lambda n: (not yes(n.get("紧急", "")), not yes(n.get("置顶", ""))))
    return out


def date_label(day):
    return f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}"


def lecture_when(lec, today):
    d = parse_date(lec.get("日期", ""))
    rel = {0: "今天", 1: "明天", 2: "后天"}.get((d - today).days, "")
    label = f"{d.month}月{d.day}日 星期{WEEKDAYS[d.weekday()]}"
    return f"{rel + ' ' if rel else ''}{label} {hm(lec.get('开始', ''))}"


STYLE = """
* { box-sizing: border-box; margin: 0; padding: 0; }
html, body { width: 1920px; height: 1080px; overflow: hidden; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; background: #fbf7ef;
       color: #1d1d1d; font-size: 36px; line-height: 1.35; }
header { height: 150px; display: flex; align-items: center; justify-content: space-between;
         padding: 0 56px; background: #1f5f8b; color: #fff; }
header h1 { font-size: 60px; font-weight: 700; }
header .when { text-align: right; }
header .date { font-size: 36px; }
header .clock { font-size: 72px; font-weight: 700; font-variant-numeric: tabular-nums; }
.urgent { background: #b3261e; color: #fff; font-size: 40px; padding: 16px 56px; }
"""

HOME_STYLE = STYLE + """
main { display: grid; grid-template-columns: 1fr 1fr; gap: 32px; padding: 28px 56px 0; }
.card { background: #fff; border-radius: 24px; padding: 24px 32px; box-shadow: 0 4px 12px #0002;
        overflow: hidden; }
.card h2 { font-size: 44px; color: #1f5f8b; margin-bottom: 12px; }
.acts { grid-row: span 2; max-height: 560px; }
.act { display: flex; gap: 24px; padding: 8px 0; border-bottom: 2px solid #eee; }
.act .t { min-width: 220px; font-weight: 700; font-variant-numeric: tabular-nums; }
.act .p { color: #555; }
.lunch .dishes { font-size: 40px; }
.tags span { display: inline-block; background: #e7f2e8; color: #22662b; border-radius: 12px;
             padding: 0 16px; margin: 8px 12px 0 0; font-size: 32px; }
.lecture .topic { font-size: 40px; font-weight: 700; }
.welcome { font-size: 32px; color: #444; padding: 16px 56px 0; }
nav { position: absolute; left: 56px; right: 56px; bottom: 28px; display: grid;
      grid-template-columns: repeat(6, 1fr); gap: 24px; }
nav a { display: flex; align-items: center; justify-content: center; height: 150px;
        border-radius: 24px; background: #1f5f8b; color: #fff; font-size: 44px;
        font-weight: 700; text-decoration: none; }
nav a.fraud { background: #b3261e; }
"""

ATTRACT_STYLE = STYLE + """
.stage { position: relative; height: 930px; }
.slide { position: absolute; inset: 0; padding: 48px 96px; opacity: 0;
         transition: opacity 1s ease-in-out; }
.slide.on { opacity: 1; }
.slide h2 { font-size: 80px; color: #1f5f8b; margin-bottom: 32px; }
.slide p, .slide li { font-size: 52px; }
.slide li { list-style: none; padding: 6px 0; }
.slide .big { font-size: 64px; font-weight: 700; }
.slide .sub { color: #555; }
.slide.fraud h2 { color: #b3261e; }
"""

CLOCK_JS = """
<script>
// The station clock starts at the given local time and ticks with the real one, as a page
// driven by setInterval would; it shows minutes like the kiosk.
(function () {
  var base = new Date(%(y)d, %(mo)d - 1, %(d)d, %(h)d, %(mi)d, 0).getTime();
  var t0 = Date.now();
  var clock = document.getElementById('clock');
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function tick() {
    var now = new Date(base + (Date.now() - t0));
    clock.textContent = now.getHours() + ':' + pad(now.getMinutes());
  }
  tick();
  setInterval(tick, 1000);
})();
</script>
"""


def header_html(info, now):
    name = esc(info.get("站点名称", "社区养老服务站"))
    return (f'<header><h1>{name}</h1><div class="when"><div class="date">{date_label(now.date())}'
            f'</div><div class="clock" id="clock">{now.hour}:{now.minute:02d}</div></div></header>')


def clock_js(now):
    return CLOCK_JS % {"y": now.year, "mo": now.month, "d": now.day, "h": now.hour,
                       "mi": now.minute}


def page(title, style, body):
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=1920, height=1080\"><title>{esc(title)}</title>"
            f"<style>{style}</style></head><body>{body}</body></html>\n")


def urgent_html(notices):
    urgent = [n for n in notices if yes(n.get("紧急", ""))]
    return "".join(f'<div class="urgent">紧急通知：{esc(n.get("标题", ""))}</div>' for n in urgent[:1])


def activity_rows(acts):
    return "".join(
        f'<div class="act"><span class="t">{hm(a.get("开始", ""))}—{hm(a.get("结束", ""))}</span>'
        f'<span>{esc(a.get("活动", ""))}</span><span class="p">{esc(a.get("地点", ""))}</span></div>'
        for a in acts)


def lunch_html(lunch):
    if not lunch:
        return "<p>今天午餐暂无安排</p>"
    dishes = "、".join(esc(d) for d in split_dishes(lunch.get("菜品", "")))
    price = lunch.get("价格", "")
    if price and not price.endswith("元"):
        price += "元"
    tags = "".join(f"<span>{esc(t)}</span>" for t in split_dishes(lunch.get("标签", "")))
    return (f'<p class="dishes">{dishes}</p><p>{esc(price)}</p><div class="tags">{tags}</div>')


def make_home(sheets, now):
    info = station_info(sheets)
    today = now.date()
    acts = todays_activities(sheets, today)
    lectures = upcoming_lectures(sheets, now)
    notices = current_notices(sheets, today)
    lecture = lectures[0] if lectures else None
    lec_html = "<p>近期没有讲座</p>"
    if lecture:
        lec_html = (f'<p class="topic">{esc(lecture.get("主题", ""))}</p>'
                    f'<p>{esc(lecture_when(lecture, today))}</p>'
                    f'<p>{esc(lecture.get("主讲", ""))} · {esc(lecture.get("地点", ""))}</p>')
    tiles = [("活动安排", ""), ("今日餐食", ""), ("讲座义诊", ""), ("通知公告", ""),
             ("防骗指南", "fraud"), ("常用电话", "")]
    nav = "".join(f'<a class="{c}" href="#">{t}</a>' for t, c in tiles)
    body = (header_html(info, now) + urgent_html(notices)
            + f'<div class="welcome">{esc(info.get("欢迎语", ""))}</div>'
            + '<main>'
            + f'<section class="card acts"><h2>今天的活动</h2>{activity_rows(acts) or "<p>今天没有活动</p>"}</section>'
            + f'<section class="card lunch"><h2>今天午餐</h2>{lunch_html(meal_of_day(sheets, today, "午餐"))}</section>'
            + f'<section class="card lecture"><h2>下一场讲座</h2>{lec_html}</section>'
            + f'</main><nav>{nav}</nav>' + clock_js(now))
    return page(info.get("站点名称", "首页"), HOME_STYLE, body)


CAROUSEL_JS = """
<script>
// Attract mode: one slide at a time, a 1 s opacity fade, the next one every %(ms)d ms.
(function () {
  var slides = document.querySelectorAll('.slide');
  var i = 0;
  setInterval(function () {
    slides[i].classList.remove('on');
    i = (i + 1) %% slides.length;
    slides[i].classList.add('on');
  }, %(ms)d);
})();
</script>
"""


def make_attract(sheets, now, slide_seconds):
    info = station_info(sheets)
    today = now.date()
    slides = []
    slides.append(("", f'<h2>{esc(info.get("站点名称", ""))}</h2>'
                       f'<p class="big">{esc(info.get("欢迎语", ""))}</p>'
                       f'<p class="sub">开放时间：{esc(info.get("开放时间", ""))}</p>'
                       f'<p class="sub">值班电话：{esc(info.get("值班电话", ""))}</p>'))
    acts = todays_activities(sheets, today)
    if acts:
        items = "".join(f'<li><b>{hm(a.get("开始", ""))}</b> {esc(a.get("活动", ""))} '
                        f'<span class="sub">{esc(a.get("地点", ""))}</span></li>' for a in acts[:9])
        slides.append(("", f"<h2>今天的活动</h2><ul>{items}</ul>"))
    slides.append(("", f"<h2>今天午餐</h2>{lunch_html(meal_of_day(sheets, today, '午餐'))}"))
    for lec in upcoming_lectures(sheets, now)[:2]:
        slides.append(("", f'<h2>{esc(lec.get("类型", "讲座"))}</h2>'
                           f'<p class="big">{esc(lec.get("主题", ""))}</p>'
                           f'<p>{esc(lecture_when(lec, today))}</p>'
                           f'<p class="sub">{esc(lec.get("主讲", ""))} · {esc(lec.get("地点", ""))}</p>'
                           f'<p class="sub">{esc(lec.get("说明", ""))}</p>'))
    for n in current_notices(sheets, today)[:3]:
        slides.append(("", f'<h2>{esc(n.get("标题", ""))}</h2><p>{esc(n.get("正文", ""))}</p>'))
    guide = sorted(sheets["guide"], key=lambda g: int(g.get("序号") or 0)
                   if (g.get("序号") or "").isdigit() else 0)
    for g in guide[:3]:
        slides.append(("fraud", f'<h2>防骗：{esc(g.get("标题", ""))}</h2>'
                                f'<p class="big">识破：</p><p>{esc(g.get("识破", ""))}</p>'))
    urgent = [c for c in sheets["contacts"] if c.get("类别") == "紧急"]
    if urgent:
        items = "".join(f'<li><b>{esc(c.get("电话", ""))}</b> {esc(c.get("名称", ""))}</li>'
                        for c in urgent)
        slides.append(("", f"<h2>紧急电话</h2><ul>{items}</ul>"))
    stage = "".join(f'<section class="slide {cls}{" on" if i == 0 else ""}">{body}</section>'
                    for i, (cls, body) in enumerate(slides))
    body = (header_html(info, now) + f'<div class="stage">{stage}</div>' + clock_js(now)
            + CAROUSEL_JS % {"ms": int(slide_seconds * 1000)})
    return page(info.get("站点名称", "轮播"), ATTRACT_STYLE, body), len(slides)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sheets", help="directory of exported sheets (*.csv)")
    ap.add_argument("-o", "--out", required=True, help="output directory")
    ap.add_argument("--now", default=None, help="station time YYYY-MM-DDTHH:MM (default: now)")
    ap.add_argument("--slide-seconds", type=float, default=8.0)
    args = ap.parse_args()
    now = (dt.datetime.strptime(args.now, "%Y-%m-%dT%H:%M") if args.now
           else dt.datetime.now().replace(second=0, microsecond=0))
    if not os.path.isdir(args.sheets):
        sys.exit(f"make_html.py: no such directory: {args.sheets}")
    sheets = load_sheets(args.sheets)
    # Raw demo sheets carry date tokens; exported ones have real dates and pass unchanged.
    for rows in sheets.values():
        for row in rows:
            for k, v in row.items():
                if "{{" in v:
                    row[k] = fill_tokens(v, now.date())
    os.makedirs(args.out, exist_ok=True)
    home = make_home(sheets, now)
    attract, n_slides = make_attract(sheets, now, args.slide_seconds)
    with open(os.path.join(args.out, "home.html"), "w", encoding="utf-8") as f:
        f.write(home)
    with open(os.path.join(args.out, "attract.html"), "w", encoding="utf-8") as f:
        f.write(attract)
    summary = {"home": os.path.join(args.out, "home.html"),
               "attract": os.path.join(args.out, "attract.html"),
               "today_activities": len(todays_activities(sheets, now.date())),
               "slides": n_slides}
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""Side-by-side: our Arabic date tagger vs dateparser's search_dates, on the demo seeds.

    .venv/bin/python bench/dates_vs_dateparser.py [-v]

Gold: every temporal expression of each seed article's body, annotated by hand below
(GOLD). The body is the text before the page's end markers (related news, comments);
the site navigation above the headline is left in, as a naive cleaner would leave it,
so junk such as "90 دقيقة" or "كأس العرب 2025" counts against whoever tags it.

Scoring: a predicted date is correct when its span overlaps a gold span and its (first)
date is the gold date. Precision = correct predictions / predictions; recall = gold
spans with a correct prediction / gold spans. Speed is measured on the same bodies and,
for us, also on a 5 KB article made of the seed bodies (the target is ≥ 400 articles/s);
it counts CPU time of this process, so that other jobs on a shared machine do not skew
the comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsline.extraction.dates import find_dates  # noqa: E402

SEEDS = ROOT / "demo" / "seeds"
END_MARKERS = ("أخبار ذات صلة", "اخر الاخبار", "التعليقات")

# (file, expression as written, date, last day of a range or None), in text order.
GOLD: list[tuple[str, str, str, str | None]] = [
    ("000_50622e95ced29f86.txt", "اليوم الخميس", "2016-09-22", None),
    ("001_6d63030700cd6d69.txt", "اليوم الثلاثاء", "2016-09-20", None),
    # "later this week", published on a Tuesday: the rest of the (ISO) week
    ("001_6d63030700cd6d69.txt", "في وقت لاحق هذا الأسبوع", "2016-09-21", "2016-09-25"),
    ("001_6d63030700cd6d69.txt", "التاسع من أيلول/سبتمبر", "2016-09-09", None),
    # "the day after the convoy was bombed": the meeting is today, the bombing yesterday
    ("001_6d63030700cd6d69.txt", "غداة", "2016-09-19", None),
    ("002_c2bff6950b03e632.txt", "يوم الاثنين", "2013-06-03", None),
    ("002_c2bff6950b03e632.txt", "يوم الجمعة", "2013-05-31", None),
    ("002_c2bff6950b03e632.txt", "يوم 1 يونيو/حزيران", "2013-06-01", None),
    ("002_c2bff6950b03e632.txt", "يوم الاثنين 3 يونيو/حزيران", "2013-06-03", None),
    ("002_c2bff6950b03e632.txt", "الآن", "2013-06-03", None),  # "من الصعب الآن تحديد"
    ("002_c2bff6950b03e632.txt", "يوم غد", "2013-06-04", None),  # "لو كان ممكنا عقده يوم غد"
    ("002_c2bff6950b03e632.txt", "الآن", "2013-06-03", None),  # "على متن الطائرة الآن"
    ("002_c2bff6950b03e632.txt", "يوم غد (الثلاثاء)", "2013-06-04", None),
    ("002_c2bff6950b03e632.txt", "اليوم التالي (5 يونيو/حزيران)", "2013-06-05", None),
    ("003_e54ca89d3201dbba.txt", "الجمعة 19 فبراير/شباط", "2016-02-19", None),
    ("003_e54ca89d3201dbba.txt", "مساء الجمعة", "2016-02-19", None),
    ("003_e54ca89d3201dbba.txt", "هذا الاسبوع", "2016-02-15", "2016-02-21"),
    ("004_04d52933f8dd98a8.txt", "الخميس والجمعة", "2016-09-08", "2016-09-09"),
    ("004_04d52933f8dd98a8.txt", "الأربعاء", "2016-09-07", None),
    ("004_04d52933f8dd98a8.txt", "يومي الثامن والتاسع من سبتمبر", "2016-09-08", "2016-09-09"),
    ("004_04d52933f8dd98a8.txt", "في الوقت الحاضر", "2016-09-07", None),
    ("004_04d52933f8dd98a8.txt", "في الوقت الحالي", "2016-09-07", None),
    ("004_04d52933f8dd98a8.txt", "العام 2012", "2012-01-01", None),
]


def load_articles() -> list[dict]:
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    articles = []
    for entry in manifest["articles"]:
        text = (SEEDS / entry["file"]).read_text(encoding="utf-8")
        cut = min((i for i in (text.find(m) for m in END_MARKERS) if i >= 0), default=len(text))
        body = text[:cut]
        gold, cursor = [], 0
        for file, expr, d, end in GOLD:
            if file != entry["file"]:
                continue
            start = body.find(expr, cursor)
            if start < 0:
                raise SystemExit(f"gold expression {expr!r} not found in {file}")
            gold.append((start, start + len(expr), expr, date.fromisoformat(d), end))
            cursor = start + 1
        articles.append(
            {
                "file": entry["file"],
                "published": date.fromisoformat(entry["published"]),
                "body": body,
                "gold": gold,
            }
        )
    return articles


def ours(article: dict) -> list[tuple[int, int, str, date]]:
    return [
        (e.start, e.end, e.text, e.date) for e in find_dates(article["body"], article["published"])
    ]


def dateparser_tagger():
    from dateparser.search import search_dates

    def run(article: dict) -> list[tuple[int, int, str, date]]:
        pub = article["published"]
        settings = {
            "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day),
            "PREFER_DATES_FROM": "past",
        }
        body = article["body"]
        found = search_dates(body, languages=["ar"], settings=settings) or []
        out, cursor = [], 0
        for text, when in found:
            start = body.find(text, cursor)
            if start < 0:
                start = body.find(text)
            if start < 0:
                continue
            cursor = start + 1
            out.append((start, start + len(text), text, when.date()))
        return out

    return run


def score(articles, predictions, verbose: bool, name: str) -> dict:
    n_pred = correct = found_gold = 0
    for article, preds in zip(articles, predictions, strict=True):
        gold = article["gold"]
        hit = [False] * len(gold)
        for start, end, text, d in preds:
            n_pred += 1
            ok = False
            for i, (gs, ge, _expr, gd, _end) in enumerate(gold):
                if start < ge and gs < end and d == gd:
                    ok = hit[i] = True
            correct += ok
            if verbose and not ok:
                print(f"  {name} wrong   {article['file'][:3]} {text!r} → {d}")
        found_gold += sum(hit)
        if verbose:
            for (_gs, _ge, expr, gd, _end), h in zip(gold, hit, strict=True):
                if not h:
                    print(f"  {name} missed  {article['file'][:3]} {expr!r} ({gd})")
    n_gold = sum(len(a["gold"]) for a in articles)
    p = correct / n_pred if n_pred else 0.0
    r = found_gold / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"pred": n_pred, "correct": correct, "gold": n_gold, "P": p, "R": r, "F1": f1}


def speed(tagger, articles, min_seconds: float) -> float:
    runs, start = 0, time.process_time()
    while True:
        for article in articles:
            tagger(article)
        runs += len(articles)
        elapsed = time.process_time() - start
        if elapsed >= min_seconds:
            return runs / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and errors")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")  # dateparser's deprecation noise

    articles = load_articles()
    big = dict(articles[0])
    big["body"] = "\n\n".join(a["body"] for a in articles)[:5000]
    five_kb = speed(ours, [big], 2.0)
    results = {}
    # dateparser is imported last: its large object graph slows the garbage collector
    # down for whatever runs after it.
    for name, make, seconds in (
        ("ours", lambda: ours, 2.0),
        ("dateparser", dateparser_tagger, 3.0),
    ):
        tagger = make()
        preds = [tagger(a) for a in articles]
        results[name] = score(articles, preds, args.verbose, name)
        results[name]["speed"] = speed(tagger, articles, seconds)

    avg = sum(len(a["body"]) for a in articles) / len(articles)
    print(
        f"\n{len(articles)} seed articles (bodies {avg:.0f} chars on average), "
        f"{results['ours']['gold']} gold temporal expressions\n"
    )
    print("| tagger     | predicted | correct | precision | recall |   F1  | articles/s |")
    print("|------------|----------:|--------:|----------:|-------:|------:|-----------:|")
    for name, r in results.items():
        print(
            f"| {name:<10} | {r['pred']:>9} | {r['correct']:>7} | {r['P']:>9.2f} | "
            f"{r['R']:>6.2f} | {r['F1']:>5.2f} | {r['speed']:>10.0f} |"
        )
    print(f"\nours on a 5 KB article: {five_kb:.0f} articles/s")


if __name__ == "__main__":
    main()

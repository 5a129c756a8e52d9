"""Score extracted events against hand-annotated gold events (DESIGN.md, "Quality").

    python -m newsline.extraction.evaluate GOLD.json CORPUS_DIR

Matching, per article, one-to-one: a system event matches a gold event when

- its date is within the gold tolerance: the system interval ``[date, date_end]``
  overlaps the gold interval ``[date - tol, (date_end or date) + tol]``;
- its type is one of the gold ``types``;
- it shares a key actor: a system actor marked ``key`` (all system actors when the
  JSON has no ``key`` flags) is in the gold ``key_actors``. When the gold
  ``key_actors`` list is empty (an attack with no named perpetrator), sharing any gold
  actor, or having the gold place as place or actor, counts.

The matching maximises matched core events first, then all matched events
(augmenting paths, so an optional gold event never steals a system event a core event
needs). Among equivalent partners, exact dates are preferred.

Scores: core recall = matched core / core; precision = matched system events / system
events (a system event that matches no gold event, core *or optional*, is a false
positive); F1 of the two; date accuracy = matched pairs whose date (and end date) are
exactly the gold ones; actor F1 = micro F1 of actor names over matched pairs.

The module is plain Python (no Django); ``manage.py evaluate`` wraps :func:`evaluate`.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from . import text as text_mod
from .events import extract_page


@dataclass
class Pair:
    gold: dict
    system: dict
    exact_date: bool


@dataclass
class ArticleResult:
    file: str
    gold: list[dict]
    system: list[dict]
    pairs: list[Pair] = field(default_factory=list)
    refused: str | None = None  # the InputError message when cleaning refused the page

    @property
    def core(self) -> list[dict]:
        return [g for g in self.gold if g.get("core", True)]

    @property
    def matched_core(self) -> list[Pair]:
        return [p for p in self.pairs if p.gold.get("core", True)]

    @property
    def misses(self) -> list[dict]:
        found = {id(p.gold) for p in self.pairs}
        return [g for g in self.core if id(g) not in found]

    @property
    def false_positives(self) -> list[dict]:
        found = {id(p.system) for p in self.pairs}
        return [s for s in self.system if id(s) not in found]


@dataclass
class Scores:
    core: int = 0
    matched_core: int = 0
    system: int = 0
    matched_system: int = 0
    exact_dates: int = 0
    pairs: int = 0
    actor_tp: int = 0
    actor_sys: int = 0
    actor_gold: int = 0

    @property
    def recall(self) -> float:
        return self.matched_core / self.core if self.core else 1.0

    @property
    def precision(self) -> float:
        return self.matched_system / self.system if self.system else 1.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def date_accuracy(self) -> float:
        return self.exact_dates / self.pairs if self.pairs else 1.0

    @property
    def actor_f1(self) -> float:
        p = self.actor_tp / self.actor_sys if self.actor_sys else 1.0
        r = self.actor_tp / self.actor_gold if self.actor_gold else 1.0
        return _f1(p, r)


@dataclass
class Result:
    articles: list[ArticleResult]
    overall: Scores

    def scores(self, article: ArticleResult) -> Scores:
        return _scores([article])


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _key_names(event: dict) -> set[str]:
    actors = event.get("actors", [])
    if any("key" in a for a in actors):
        return {a["name"] for a in actors if a.get("key")}
    return {a["name"] for a in actors}


def matches(gold: dict, system: dict) -> bool:
    """Does one system event (event JSON) match one gold event?"""
    if system["type"] not in gold["types"]:
        return False
    tol = timedelta(days=int(gold.get("date_tolerance_days", 0)))
    g0 = _d(gold["date"])
    g1 = _d(gold.get("date_end")) or g0
    s0 = _d(system["date"])
    s1 = _d(system.get("date_end")) or s0
    if not (s0 <= g1 + tol and g0 - tol <= s1):
        return False
    keys = set(gold.get("key_actors") or [])
    if keys:
        return bool(_key_names(system) & keys)
    names = {a["name"] for a in system.get("actors", [])}
    place = (system.get("place") or {}).get("name")
    gold_place = gold.get("place")
    return bool(names & set(gold.get("actors", []))) or (
        gold_place is not None and (place == gold_place or gold_place in names)
    )


def _exact(gold: dict, system: dict) -> bool:
    g_end = gold.get("date_end") or gold["date"]
    s_end = system.get("date_end") or system["date"]
    return system["date"] == gold["date"] and s_end == g_end


def match_events(gold: list[dict], system: list[dict]) -> list[Pair]:
    """One-to-one matching: core gold events first, augmenting paths."""
    edges = {
        gi: sorted(
            (si for si, s in enumerate(system) if matches(g, s)),
            key=lambda si, g=g: (not _exact(g, system[si]), si),
        )
        for gi, g in enumerate(gold)
    }
    owner: dict[int, int] = {}  # system index → gold index

    def augment(gi: int, seen: set[int]) -> bool:
        for si in edges[gi]:
            if si in seen:
                continue
            seen.add(si)
            if si not in owner or augment(owner[si], seen):
                owner[si] = gi
                return True
        return False

    order = sorted(range(len(gold)), key=lambda gi: (not gold[gi].get("core", True), gi))
    for gi in order:
        augment(gi, set())
    pairs = [Pair(gold[gi], system[si], _exact(gold[gi], system[si])) for si, gi in owner.items()]
    pairs.sort(key=lambda p: gold.index(p.gold))
    return pairs


def _scores(articles: list[ArticleResult]) -> Scores:
    sc = Scores()
    for a in articles:
        sc.core += len(a.core)
        sc.matched_core += len(a.matched_core)
        sc.system += len(a.system)
        sc.matched_system += len(a.pairs)
        sc.pairs += len(a.pairs)
        sc.exact_dates += sum(p.exact_date for p in a.pairs)
        for p in a.pairs:
            sys_names = {x["name"] for x in p.system.get("actors", [])}
            gold_names = set(p.gold.get("actors", []))
            sc.actor_tp += len(sys_names & gold_names)
            sc.actor_sys += len(sys_names)
            sc.actor_gold += len(gold_names)
    return sc


def score_article(file: str, gold: list[dict], system: list[dict]) -> ArticleResult:
    result = ArticleResult(file=file, gold=gold, system=system)
    result.pairs = match_events(gold, system)
    return result


def evaluate(gold_path: str | Path, corpus_dir: str | Path) -> Result:
    """Extract every gold article from ``corpus_dir`` and score it against the gold."""
    gold_doc = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    corpus = Path(corpus_dir)
    manifest = {}
    if (corpus / "manifest.json").exists():
        data = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
        manifest = {a["file"]: a for a in data.get("articles", [])}
    articles = []
    for art in gold_doc["articles"]:
        path = corpus / art["file"]
        meta = manifest.get(art["file"], {})
        published = _d(art.get("published") or meta.get("published"))
        try:
            page = text_mod.clean_document(path.read_bytes(), path.name, meta.get("url"))
        except text_mod.InputError as exc:
            # A refused page gives no events: its gold events count as misses, so one bad
            # page lowers recall instead of stopping the whole evaluation.
            result = score_article(art["file"], art["events"], [])
            result.refused = str(exc)
            articles.append(result)
            continue
        system = extract_page(page, published, origin=art["file"])["events"]
        articles.append(score_article(art["file"], art["events"], system))
    return Result(articles=articles, overall=_scores(articles))


def _describe(event: dict) -> str:
    actors = ", ".join(sorted(_key_names(event) or {a["name"] for a in event["actors"]}))
    end = f"..{event['date_end']}" if event.get("date_end") else ""
    return f"{event['date']}{end} {event['type']} [{actors}] {event.get('title_en', '')}"


def _gold_line(g: dict) -> str:
    end = f"..{g['date_end']}" if g.get("date_end") else ""
    return f"{g['id']} {g['date']}{end} {'/'.join(g['types'])} [{', '.join(g['key_actors'])}]"


def _row(name: str, sc: Scores) -> str:
    return (
        f"{name:<28} {sc.matched_core:>3}/{sc.core:<3} {sc.recall:6.2f} {sc.precision:9.2f}"
        f" {sc.f1:6.2f} {sc.date_accuracy:9.2f} {sc.actor_f1:8.2f}  {sc.system:>3}"
    )


def report(result: Result) -> str:
    """The plain-text report: a table per article and overall, misses and FPs."""
    lines = [
        f"{'article':<28} {'core':>7} {'recall':>6} {'precision':>9} {'F1':>6}"
        f" {'date acc':>9} {'actor F1':>8}  sys",
    ]
    for a in result.articles:
        lines.append(_row(a.file[:28], _scores([a])))
    lines.append(_row("OVERALL", result.overall))
    for a in result.articles:
        if not a.misses and not a.false_positives and all(p.exact_date for p in a.pairs):
            continue
        lines.append("")
        lines.append(f"== {a.file}")
        if a.refused:
            lines.append(f"  REFUSED  {a.refused}")
        for g in a.misses:
            lines.append(f"  MISS  {_gold_line(g)}  «{g.get('evidence', '')}»")
        for s in a.false_positives:
            quote = s["sources"][0]["quote"] if s.get("sources") else ""
            lines.append(f"  FP    {_describe(s)}  «{quote[:160]}»")
        for p in a.pairs:
            if not p.exact_date:
                lines.append(f"  DATE  {_gold_line(p.gold)} ← {_describe(p.system)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsline.extraction.evaluate",
        description="Score the event extractor against hand-annotated gold events.",
    )
    parser.add_argument("gold", help="gold JSON (newsline-gold/1)")
    parser.add_argument("corpus", help="folder with the gold's article files")
    args = parser.parse_args(argv)
    try:
        result = evaluate(args.gold, args.corpus)
    except (OSError, ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

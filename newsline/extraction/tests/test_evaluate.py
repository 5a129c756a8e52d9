"""The scorer on small hand-made gold/system pairs, and the level reached on the seeds."""

import json
from pathlib import Path

from newsline.extraction.evaluate import evaluate, matches, report, score_article

ROOT = Path(__file__).resolve().parents[3]


def gold(**kw) -> dict:
    event = {
        "id": "g1",
        "core": True,
        "date": "2016-09-20",
        "date_end": None,
        "date_tolerance_days": 0,
        "types": ["meeting"],
        "key_actors": ["John Kerry", "Sergey Lavrov"],
        "actors": ["John Kerry", "Sergey Lavrov"],
        "place": "Geneva",
    }
    event.update(kw)
    return event


def system(*actors: str, key=None, **kw) -> dict:
    key = set(actors if key is None else key)
    event = {
        "date": "2016-09-20",
        "date_end": None,
        "type": "meeting",
        "actors": [{"name": a, "name_ar": "", "kind": "person", "key": a in key} for a in actors],
        "place": None,
        "sources": [{"quote": "…"}],
    }
    event.update(kw)
    return event


def test_match_needs_type_date_and_a_shared_key_actor():
    g = gold()
    assert matches(g, system("John Kerry"))
    assert not matches(g, system("John Kerry", type="call"))
    assert not matches(g, system("John Kerry", date="2016-09-21"))
    assert not matches(g, system("Barack Obama"))
    # a non-key system actor does not count
    assert not matches(g, system("John Kerry", "Barack Obama", key=["Barack Obama"]))


def test_date_tolerance_and_ranges():
    g = gold(date_tolerance_days=2)
    assert matches(g, system("John Kerry", date="2016-09-22"))
    assert not matches(g, system("John Kerry", date="2016-09-23"))
    ranged = gold(date="2016-09-08", date_end="2016-09-09")
    assert matches(ranged, system("John Kerry", date="2016-09-09"))
    assert matches(ranged, system("John Kerry", date="2016-09-07", date_end="2016-09-08"))


def test_empty_gold_key_actors_match_any_actor_or_the_place():
    g = gold(types=["violence"], key_actors=[], actors=["Syrian Arab Red Crescent"], place="Aleppo")
    attack = system(type="violence", place={"name": "Aleppo", "name_ar": "حلب"})
    assert matches(g, attack)
    assert matches(g, system("Syrian Arab Red Crescent", type="violence"))
    assert not matches(g, system("Russia", type="violence"))


def test_one_to_one_and_optional_events_are_not_false_positives():
    core = gold(id="core")
    optional = gold(id="opt", core=False, types=["statement"], key_actors=["John Kerry"])
    sys_events = [
        system("John Kerry"),
        system("Sergey Lavrov"),  # a duplicate of the core meeting: a false positive
        system("John Kerry", type="statement"),  # matches the optional one
        system("Bashar al-Assad", type="visit"),  # matches nothing
    ]
    result = score_article("a.txt", [core, optional], sys_events)
    assert len(result.pairs) == 2
    assert result.misses == []
    assert result.false_positives == [sys_events[1], sys_events[3]]


def test_core_events_win_the_matching():
    core = gold(id="core", key_actors=["John Kerry"])
    optional = gold(id="opt", core=False)
    result = score_article("a.txt", [optional, core], [system("John Kerry")])
    assert [p.gold["id"] for p in result.pairs] == ["core"]


def test_seed_level_is_kept():
    result = evaluate(ROOT / "demo" / "seeds.gold.json", ROOT / "demo" / "seeds")
    overall = result.overall
    assert overall.recall >= 1.0, report(result)
    assert overall.precision >= 0.95, report(result)
    assert overall.f1 >= 0.97
    # every core event is found with its exact date
    core_pairs = [p for a in result.articles for p in a.matched_core]
    assert all(p.exact_date for p in core_pairs), report(result)


def test_no_event_comes_from_related_news_lists():
    result = evaluate(ROOT / "demo" / "seeds.gold.json", ROOT / "demo" / "seeds")
    for article in result.articles:
        raw = (ROOT / "demo" / "seeds" / article.file).read_text(encoding="utf-8")
        for marker in ("أخبار ذات صلة", "التعليقات"):
            if marker in raw:
                raw = raw[: raw.index(marker)]
        for event in article.system:
            for source in event["sources"]:
                assert source["quote"] in raw, source["quote"]


def test_report_lists_scores_per_article():
    result = evaluate(ROOT / "demo" / "seeds.gold.json", ROOT / "demo" / "seeds")
    text = report(result)
    assert "OVERALL" in text
    assert all(a.file[:20] in text for a in result.articles)


def test_a_refused_page_counts_as_misses_not_a_crash(tmp_path):
    (tmp_path / "a.txt").write_text("أخبار\nرياضة\nاقتصاد\n", encoding="utf-8")
    doc = {"articles": [{"file": "a.txt", "published": "2016-09-20", "events": [gold()]}]}
    (tmp_path / "gold.json").write_text(json.dumps(doc), encoding="utf-8")
    result = evaluate(tmp_path / "gold.json", tmp_path)
    article = result.articles[0]
    assert article.refused and article.system == []
    assert result.overall.core == 1 and result.overall.matched_core == 0
    assert "REFUSED" in report(result)

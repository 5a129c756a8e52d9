"""The level reached on the second held-out set (tests/heldout2/).

Twelve articles in the layouts of other Arabic news sites than the seeds and the first
held-out set: an Al Jazeera analysis whose background paragraphs must give no event, an
Asharq Al-Awsat report naming officials by title only, SANA, Anadolu, IRNA and KUNA
agency items, France 24, BBC Arabic with English mixed in, an HTML page with heavy
boilerplate (navigation, share buttons, comments, JSON-LD) and an article with no
publication date. They were annotated before the extractor was run on them (baseline
F1 0.79). General rules then raised the level; these floors keep it (rounded down).
Never edit the gold to make a test pass.
"""

from pathlib import Path

import pytest

from newsline.extraction.evaluate import evaluate, report

HELDOUT2 = Path(__file__).parent / "heldout2"
CLUTTER = ("الأكثر قراءة", "اقرأ أيضا", "التعليقات", "أخبار ذات صلة", "شارك الخبر", "Share this")


@pytest.fixture(scope="module")
def result():
    return evaluate(HELDOUT2 / "gold.json", HELDOUT2)


def test_heldout2_level_is_kept(result):
    overall = result.overall
    assert overall.core == 25 and len(result.articles) == 12
    assert overall.recall >= 1.0, report(result)
    assert overall.precision >= 1.0, report(result)
    assert overall.f1 >= 1.0, report(result)
    assert overall.date_accuracy >= 0.95, report(result)
    assert overall.actor_f1 >= 0.75, report(result)


def test_every_heldout2_article_gives_events(result):
    for article in result.articles:
        assert article.system, article.file


def test_no_heldout2_event_comes_from_page_clutter(result):
    for article in result.articles:
        raw = (HELDOUT2 / article.file).read_text(encoding="utf-8")
        for event in article.system:
            for source in event["sources"]:
                assert source["quote"][:40] in raw, source["quote"]
                for clutter in CLUTTER:
                    assert clutter not in source["quote"]

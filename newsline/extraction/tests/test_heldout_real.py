"""The level reached on the real-article held-out set (tests/heldout_real/).

Fifteen real Arabic news items (2011–2017) from real outlets, as stored by a public
web-page archive that cuts each page after about 1,500 characters — sources in
PROVENANCE.md. Annotated blind and committed before the extractor was run on them:
blind figures core recall 9/24 (0.38), precision 0.77, F1 0.50 (three pages refused).
General rules then raised the level; these floors keep it (rounded down). Never edit
the gold to make a test pass.
"""

from pathlib import Path

import pytest

from newsline.extraction.evaluate import evaluate, report

HELDOUT_REAL = Path(__file__).parent / "heldout_real"


@pytest.fixture(scope="module")
def result():
    return evaluate(HELDOUT_REAL / "gold.json", HELDOUT_REAL)


def test_real_set_level_is_kept(result):
    overall = result.overall
    assert overall.core == 24 and len(result.articles) == 15
    assert overall.recall >= 0.83, report(result)
    assert overall.precision >= 0.96, report(result)
    assert overall.f1 >= 0.89, report(result)
    # more matched pairs, some a day off within the gold tolerance ("أمس" on a page
    # dated the day after the event): exact dates 19/23 → 24/30
    assert overall.date_accuracy >= 0.80, report(result)
    assert overall.actor_f1 >= 0.68, report(result)


def test_no_real_page_is_refused(result):
    assert [a.file for a in result.articles if a.refused] == []


def test_every_real_event_quotes_the_page(result):
    for article in result.articles:
        raw = (HELDOUT_REAL / article.file).read_text(encoding="utf-8")
        for event in article.system:
            for source in event["sources"]:
                assert source["quote"][:40] in raw, source["quote"]

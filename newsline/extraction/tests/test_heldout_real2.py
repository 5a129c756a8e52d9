"""The level reached on the second real-article held-out set (tests/heldout_real2/).

Seventeen real Arabic news items (2012–2017) from outlets not used in heldout_real, as
stored by a public web-page archive that cuts each page after about 1,500 characters —
sources in PROVENANCE.md. Annotated blind and committed before the extractor was run on
them: blind figures core recall 15/24 (0.62), precision 0.80, F1 0.70 (one page
refused). General rules then raised the level; these floors keep it (rounded down).
Never edit the gold to make a test pass.
"""

from pathlib import Path

import pytest

from newsline.extraction.evaluate import evaluate, report

HELDOUT_REAL2 = Path(__file__).parent / "heldout_real2"


@pytest.fixture(scope="module")
def result():
    return evaluate(HELDOUT_REAL2 / "gold.json", HELDOUT_REAL2)


def test_second_real_set_level_is_kept(result):
    overall = result.overall
    assert overall.core == 24 and len(result.articles) == 17
    assert overall.matched_core >= 20, report(result)
    assert overall.precision >= 0.85, report(result)
    assert overall.f1 >= 0.84, report(result)
    assert overall.date_accuracy >= 0.93, report(result)
    assert overall.actor_f1 >= 0.72, report(result)


def test_no_page_of_the_second_real_set_is_refused(result):
    assert [a.file for a in result.articles if a.refused] == []


def test_every_event_of_the_second_real_set_quotes_the_page(result):
    for article in result.articles:
        raw = (HELDOUT_REAL2 / article.file).read_text(encoding="utf-8")
        for event in article.system:
            for source in event["sources"]:
                assert source["quote"][:40] in raw, source["quote"]

"""The level reached on the third held-out set (tests/heldout3/).

Twelve Arabic articles on topics and in layouts not used by the seeds or the first two
held-out sets — the Arab League suspension of Syria (Egyptian spelling), Resolution
2043 (Levantine months), the Geneva communiqué (Gulf), Brahimi's resignation (Maghrebi
months), Geneva II in Montreux (a Petra agency item), the Homs evacuation, the first
Russian strikes (HTML with a most-read box above the article and a comments section),
the Russian partial withdrawal (date only in a "نشر في" line), Tillerson in Moscow (HTML,
date only in the URL), the Astana memorandum (QNA, date at the foot), a short wire on
Raqqa and an opinion column — plus one English-only page that must give no event, and a
French page that must be refused. Annotated and committed before the extractor was run
on them: blind baseline (extractor v5) recall 0.75, precision 0.73, F1 0.74. General
rules then raised the level; these floors keep it (rounded down). Never edit the gold
to make a test pass.
"""

from pathlib import Path

import pytest

from newsline.extraction import text as text_mod
from newsline.extraction.evaluate import evaluate, report

HELDOUT3 = Path(__file__).parent / "heldout3"
CLUTTER = ("الأكثر قراءة", "اقرأ أيضا", "التعليقات", "تعليقات الزوار", "شارك هذا المقال", "عاجل")


@pytest.fixture(scope="module")
def result():
    return evaluate(HELDOUT3 / "gold.json", HELDOUT3)


def test_heldout3_level_is_kept(result):
    overall = result.overall
    assert overall.core == 24 and len(result.articles) == 13
    assert overall.recall >= 0.87, report(result)
    assert overall.precision >= 0.90, report(result)
    assert overall.f1 >= 0.88, report(result)
    assert overall.date_accuracy >= 0.94, report(result)
    assert overall.actor_f1 >= 0.65, report(result)


def test_english_page_gives_no_event(result):
    article = next(a for a in result.articles if a.file.startswith("b13_en"))
    assert article.system == []


def test_french_page_is_refused():
    data = (HELDOUT3 / "x_fr_french_page.txt").read_bytes()
    with pytest.raises(text_mod.InputError, match="French"):
        text_mod.clean_document(data, "x_fr_french_page.txt")


def test_no_heldout3_event_comes_from_page_clutter(result):
    for article in result.articles:
        raw = (HELDOUT3 / article.file).read_text(encoding="utf-8")
        for event in article.system:
            for source in event["sources"]:
                assert source["quote"][:40] in raw, source["quote"]
                for clutter in CLUTTER:
                    assert clutter not in source["quote"]

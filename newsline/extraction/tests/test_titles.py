"""Event titles: Arabic nominal phrases and statement content, English templates.

The sentences are written for these tests (not from the seeds); the invariants run over
every event of the seeds and the three held-out sets.
"""

import json
import re
from datetime import date
from pathlib import Path

import pytest

from newsline.extraction import text as text_mod
from newsline.extraction.events import extract_events, extract_page
from newsline.extraction.gazetteer import default_gazetteer
from newsline.extraction.titles import clean_clause, short_name_ar

ROOT = Path(__file__).resolve().parents[3]
TESTS = Path(__file__).parent
SETS = [ROOT / "demo" / "seeds", TESTS / "heldout", TESTS / "heldout2", TESTS / "heldout3"]


def one(body: str, published: date, event_type: str | None = None):
    events = extract_events(body, published)
    if event_type:
        events = [e for e in events if e.type == event_type]
    assert len(events) == 1, [(e.type, e.title_ar) for e in events]
    return events[0]


# --------------------------------------------------------------------------- by type


def test_meeting_between_two_ministers():
    e = one(
        "التقى وزير الخارجية الأمريكي جون كيري نظيره الروسي سيرغي لافروف في جنيف اليوم الجمعة.",
        date(2016, 8, 26),
    )
    assert e.title_ar == "لقاء بين كيري ولافروف في جنيف"
    assert e.title_en == "John Kerry and Sergey Lavrov meet in Geneva"


def test_planned_meeting_is_expected():
    e = one(
        "ومن المقرر أن يلتقي كيري ولافروف في جنيف الخميس المقبل لبحث وقف إطلاق النار.",
        date(2016, 8, 22),
    )
    assert e.title_ar == "لقاء مرتقب بين كيري ولافروف في جنيف"
    assert e.title_en == "John Kerry and Sergey Lavrov to meet in Geneva"


def test_group_meeting_is_the_group_s():
    e = one("عقدت المجموعة الدولية لدعم سوريا اجتماعا في نيويورك يوم الثلاثاء.", date(2016, 9, 21))
    assert e.title_ar == "اجتماع المجموعة الدولية لدعم سوريا في نيويورك"


def test_phone_call():
    e = one(
        "أجرى وزير الخارجية الروسي سيرغي لافروف اتصالا هاتفيا "
        "مع نظيره الأمريكي جون كيري يوم الاثنين.",
        date(2016, 5, 3),
    )
    assert e.title_ar == "اتصال هاتفي بين لافروف وكيري"
    assert e.title_en == "Phone call between Sergey Lavrov and John Kerry"


def test_agreement_between_two_states_uses_adjectives():
    e = one(
        "توصلت الولايات المتحدة وروسيا يوم الجمعة إلى اتفاق جديد.",
        date(2016, 9, 10),
        "agreement",
    )
    assert e.title_ar == "اتفاق أمريكي روسي"
    assert e.title_en == "United States and Russia reach an agreement"


def test_ceasefire_taking_effect_names_its_noun():
    e = one("ودخلت الهدنة في حلب حيز التنفيذ اليوم الاثنين.", date(2016, 9, 12))
    assert e.title_ar == "بدء سريان الهدنة في حلب"
    assert e.title_en == "Ceasefire takes effect in Aleppo"


def test_veto_names_the_states_that_cast_it():
    e = one(
        "استخدمت روسيا والصين حق النقض (الفيتو) في مجلس الأمن الدولي "
        "يوم السبت ضد مشروع قرار فرنسي.",
        date(2016, 10, 9),
    )
    assert e.title_ar == "فيتو روسي صيني على مشروع قرار بشأن سوريا"
    assert e.title_en == "Russia and China veto a UN draft resolution on Syria"


def test_resolution_number_is_in_the_title():
    e = one(
        "تبنى مجلس الأمن الدولي بالإجماع مساء أمس الجمعة القرار 2254 بشأن سوريا.",
        date(2015, 12, 19),
    )
    assert e.title_ar == "اعتماد القرار 2254 في مجلس الأمن بشأن سوريا"
    assert e.title_en == "UN Security Council adopts Resolution 2254 on Syria"


def test_violence_with_a_state_actor_and_a_target():
    e = one("شنت طائرات حربية روسية غارات جوية على حلب اليوم الأحد.", date(2016, 10, 9), "violence")
    assert e.title_ar == "غارات روسية على حلب"
    assert e.title_en == "Russian airstrikes on Aleppo"
    e = one(
        "قتل 20 شخصا في قصف قافلة مساعدات إنسانية في حلب يوم الاثنين.",
        date(2016, 9, 20),
        "violence",
    )
    assert e.title_ar == "قصف قافلة مساعدات في حلب"


def test_visit_with_a_destination():
    e = one(
        "وصل وزير الخارجية الروسي سيرغي لافروف إلى طهران اليوم الاثنين في زيارة رسمية.",
        date(2016, 5, 2),
    )
    assert e.title_ar == "زيارة لافروف إلى طهران"
    assert e.title_en == "Sergey Lavrov visits Tehran"


def test_statement_carries_its_content():
    e = one(
        "وقال وزير الخارجية الأمريكي جون كيري يوم الاثنين إن المحادثات مع الروس جادة وبناءة.",
        date(2016, 9, 5),
    )
    assert e.title_ar == "كيري: المحادثات مع الروس جادة وبناءة"
    assert e.title_en == "Statement by John Kerry"


def test_statement_with_quoted_words_after_a_colon():
    e = one(
        "وقال المتحدث باسم الوزارة مارك تونر يوم الاثنين: "
        "«لن نتخلى عن المسار الدبلوماسي في سوريا».",
        date(2016, 9, 5),
    )
    assert e.title_ar == "تونر: «لن نتخلى عن المسار الدبلوماسي في سوريا»"


def test_statement_without_content_falls_back_to_a_noun():
    e = one("وأصدرت وزارة الخارجية الروسية بيانا يوم الاثنين حول الوضع في حلب.", date(2016, 9, 5))
    assert e.title_ar == "بيان لروسيا"


# --------------------------------------------------------------------------- helpers


def test_short_names_are_declared_surnames():
    gz = default_gazetteer()
    assert short_name_ar(gz.get("John Kerry")) == "كيري"
    assert short_name_ar(gz.get("Staffan de Mistura")) == "دي ميستورا"
    assert short_name_ar(gz.get("Ban Ki-moon")) == "بان كي مون"  # no surname alias
    assert short_name_ar(gz.get("Bashar al-Jaafari")) == "بشار الجعفري"  # shared surname
    assert short_name_ar(gz.get("Russia")) == "روسيا"


def test_reported_clause_is_cut_at_a_boundary():
    assert clean_clause("المحادثات جادة وبناءة، وستستمر غدا") == "المحادثات جادة وبناءة"
    long = (
        "الولايات المتحدة ستواصل العمل مع شركائها من أجل التوصل إلى حل سياسي "
        "للأزمة في سوريا خلال الأسابيع المقبلة"
    )
    out = clean_clause(long)
    assert len(out.split()) <= 12 and out.split()[-1] not in ("في", "من", "إلى", "خلال")
    assert clean_clause('المسؤولتين "ستتوجهان يوم غد (الثلاثاء) لعقد اللقاءات') == (
        "المسؤولتين ستتوجهان يوم غد لعقد اللقاءات"
    )


# --------------------------------------------------------------------------- invariants


def _all_events():
    out = []
    for d in SETS:
        manifest = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
        for art in manifest["articles"]:
            path = d / art["file"]
            try:
                page = text_mod.clean_document(path.read_bytes(), path.name)
            except text_mod.InputError:
                continue
            published = date.fromisoformat(art["published"]) if art.get("published") else None
            for e in extract_page(page, published, origin=path.name)["events"]:
                out.append((path.name, e))
    return out


EVENTS = _all_events()
_BAD_START = re.compile(r"^(?:و|ف|ب|ل)\s|^(?:في|من|على|إلى|عن|مع|أن|إن|بأن)\s")
_DANGLING = {"في", "من", "على", "إلى", "عن", "مع", "و", "أن", "إن", "بأن", "الذي", "التي", "لـ"}
_CONTINUATION = re.compile(r"^[وف](?:قال|أكد|أعلن|أضاف|أشار|تابع|اعتبر)")


def test_there_are_events_to_check():
    assert len(EVENTS) > 100


@pytest.mark.parametrize("field", ["title_ar", "title_en"])
def test_titles_are_one_clean_line(field):
    for name, e in EVENTS:
        t = e[field]
        assert t and t == t.strip() and "\n" not in t, (name, t)
        assert len(t) <= 120, (name, t)
        assert not _BAD_START.match(t) and not _CONTINUATION.match(t), (name, t)
        assert t.split()[-1] not in _DANGLING, (name, t)
        for a, b in (("«", "»"), ("(", ")"), ("[", "]"), ("“", "”")):
            assert t.count(a) == t.count(b), (name, t)
        assert t.count('"') % 2 == 0, (name, t)


def test_arabic_titles_have_latin_letters_only_from_names():
    for name, e in EVENTS:
        latin = re.findall(r"[A-Za-z]+", e["title_ar"])
        names = " ".join(a["name_ar"] for a in e["actors"])
        assert all(w in names for w in latin), (name, e["title_ar"])


def test_statements_with_content_start_with_the_speaker():
    statements = [e for _, e in EVENTS if e["type"] == "statement"]
    with_content = [e for e in statements if ": " in e["title_ar"]]
    assert len(with_content) >= len(statements) * 0.7
    for e in with_content:
        speaker, content = e["title_ar"].split(": ", 1)
        assert 3 <= len(content.split()) <= 12, e["title_ar"]
        assert speaker, e["title_ar"]

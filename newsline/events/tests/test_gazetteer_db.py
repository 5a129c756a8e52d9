"""The gazetteer the extractor gets from the database behaves like the shipped one."""

import datetime as dt

import pytest

from newsline.events.models import Place
from newsline.events.services import gazetteer_from_db, load_gazetteer
from newsline.extraction.gazetteer import default_gazetteer

pytestmark = pytest.mark.django_db

SENTENCES = [
    # A capital as the subject stands for its state; after في it is the city.
    ("أعلنت موسكو أن لافروف سيلتقي كيري في جنيف", dt.date(2016, 9, 7)),
    # A place name that is also a common word only counts after a locative word.
    ("سيطرت القوات على تدمر بعد معارك عنيفة، وقال إن الباب مفتوح", dt.date(2016, 3, 27)),
    ("استقبل وزير الخارجية الأمريكي نظيره الروسي في نيويورك", dt.date(2016, 9, 20)),
]


def _found(gazetteer, text, on):
    return [(m.start, m.end, m.entity.name) for m in gazetteer.find(text, on)]


@pytest.mark.parametrize(("text", "on"), SENTENCES)
def test_the_database_gazetteer_finds_what_the_shipped_one_finds(text, on):
    load_gazetteer()
    assert _found(gazetteer_from_db(), text, on) == _found(default_gazetteer(), text, on)


def test_loading_the_gazetteer_keeps_the_place_cues_and_metonyms():
    load_gazetteer()
    assert Place.objects.get(name="Moscow").metonym_of == "Russia"
    assert "تدمر" in Place.objects.get(name="Palmyra").cue_only_aliases


def test_loading_the_gazetteer_twice_keeps_curators_edits():
    load_gazetteer()
    Place.objects.filter(name="Palmyra").update(cue_only_aliases=[])
    assert load_gazetteer() == (0, 0)
    assert Place.objects.get(name="Palmyra").cue_only_aliases == []


def test_a_country_stored_as_an_event_place_does_not_break_the_next_ingestion():
    load_gazetteer()
    Place.objects.create(name="Syria", name_ar="سوريا", aliases=["سوريا", "سورية"])
    gazetteer = gazetteer_from_db()
    (match,) = gazetteer.find("أعلنت سوريا موافقتها", dt.date(2016, 2, 23))
    assert match.entity.name == "Syria" and match.entity.kind == "country"

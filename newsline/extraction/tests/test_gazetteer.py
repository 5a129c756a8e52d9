import json
import re
from datetime import date
from pathlib import Path

import pytest

from newsline.extraction.gazetteer import DATA_DIR, Gazetteer, default_gazetteer
from newsline.extraction.normalize import fold

REPO = Path(__file__).resolve().parents[3]
ARABIC = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture(scope="module")
def gz():
    return default_gazetteer()


def names(matches):
    return [m.entity.name for m in matches]


def found(gz, text, on_date=None):
    return [(m.entity.name, text[m.start : m.end], m.via) for m in gz.find(text, on_date)]


# ---------------------------------------------------------------- names and spellings


def test_egyptian_spellings_with_alef_maqsura_are_found(gz):
    text = "وقال كيرى فى مؤتمر صحفى إن الجانب الروسى وافق على الهدنة"
    assert names(gz.find(text)) == ["John Kerry", "Russia"]


def test_attached_prefixes_are_stripped_and_left_out_of_the_span(gz):
    text = "التقى كيري ولافروف بموسكو قبل التوجه للأمم المتحدة"
    result = found(gz, text)
    assert [n for n, _, _ in result] == ["John Kerry", "Sergey Lavrov", "Moscow", "United Nations"]
    assert result[1][1] == "لافروف"
    assert result[2][1] == "موسكو"


def test_sergey_is_found_with_jim_and_with_ghain(gz):
    for text in ("قال سيرجي لافروف", "قال سيرغي لافروف"):
        [m] = gz.find(text)
        assert m.entity.name == "Sergey Lavrov"
        assert text[m.start : m.end].endswith("لافروف")


def test_kirby_is_not_mistaken_for_kerry(gz):
    text = "وقال المتحدث جون كيربي إن جون كيري سيصل غدا"
    assert names(gz.find(text)) == ["John Kirby", "John Kerry"]


def test_american_spelled_with_ya_before_ra_is_the_same_country(gz):
    for text in ("قال مسؤولون أميركيون", "قال مسؤولون أمريكيون", "أكدت الإدارة الاميركية"):
        assert names(gz.find(text)) == ["United States"]


def test_glued_words_from_a_dropped_space_are_found(gz):
    text = "اتفقت الولاياتالمتحدة وروسيا على الهدنة"
    result = found(gz, text)
    assert result[0][:2] == ("United States", "الولاياتالمتحدة")
    assert result[1][0] == "Russia"


def test_longest_alias_wins(gz):
    text = "عقدت المجموعة الدولية لدعم سوريا اجتماعها في نيويورك"
    assert names(gz.find(text)) == ["International Syria Support Group", "New York"]


def test_spans_index_the_original_text_with_diacritics_and_tatweel(gz):
    text = "صرّح وزيـر الخارجيـة الرُّوسي سيرغي لافروف"
    [m] = gz.find(text, date(2016, 9, 1))
    assert m.entity.name == "Sergey Lavrov"
    assert text[m.start : m.end] == "وزيـر الخارجيـة الرُّوسي سيرغي لافروف"


def test_a_news_outlet_named_after_a_country_is_not_that_country(gz):
    assert gz.find("المصدر: نوفوستي + روسيا اليوم") == []


def test_fuzzy_matching_accepts_a_near_spelling_of_a_full_name(gz):
    text = "قال فرانك فالتر شتاينمايير إن المجموعة لم تتفق"
    [m] = gz.find(text)
    assert (m.entity.name, m.via) == ("Frank-Walter Steinmeier", "fuzzy")


def test_fuzzy_matching_does_not_guess_between_close_names(gz):
    # "جون كيرب" is as close to Kerry as to Kirby: no match rather than a guess.
    assert gz.find("قال جون كيرب للصحفيين") == []


def test_shared_surname_goes_to_the_person_named_before(gz):
    text = "قال المندوب السوري بشار الجعفري إن الوفد جاهز. وأضاف الجعفري أن دمشق لن تتراجع"
    result = names(gz.find(text))
    assert result.count("Bashar al-Jaafari") == 2
    assert "Ibrahim al-Jaafari" not in result


def test_ambiguous_place_names_need_a_locative_word(gz):
    assert names(gz.find("سيطر التنظيم على مدينة تدمر الأثرية")) == ["Palmyra"]
    assert names(gz.find("شن الطيران غارات قرب تدمر")) == ["Palmyra"]
    assert gz.find("حرب قد تدمر مؤسسات الدولة") == []
    assert names(gz.find("دخلت القوات إلى الباب")) == ["Al-Bab"]
    assert gz.find("يحاول فتح الباب من أجل السلام") == []
    assert names(gz.find("سيطر تنظيم داعش على تدمر")) == ["Islamic State", "Palmyra"]


# ---------------------------------------------------------------- capitals as states


def test_capital_as_subject_is_the_state_and_after_a_preposition_the_city(gz):
    text = "أعلنت موسكو أن الاجتماع سيعقد في واشنطن"
    first, second = gz.find(text)
    assert (first.entity.name, first.alt.name) == ("Russia", "Moscow")
    assert (second.entity.name, second.alt.name) == ("Washington", "United States")


def test_a_dateline_city_is_the_place(gz):
    text = "موسكو - المغرب اليوم\n\nأعلنت موسكو أن الوزيرين سيلتقيان"
    first, second = gz.find(text)
    assert first.entity.name == "Moscow"
    assert second.entity.name == "Russia"


# ---------------------------------------------------------------- titles by date


@pytest.mark.parametrize(
    ("on", "holder"),
    [
        (date(2012, 6, 30), "Hillary Clinton"),
        (date(2014, 5, 1), "John Kerry"),
        (date(2017, 3, 15), "Rex Tillerson"),
    ],
)
def test_us_foreign_minister_title_resolves_by_date(gz, on, holder):
    text = "وصل وزير الخارجية الأمريكي إلى جنيف"
    first, place = gz.find(text, on)
    assert (first.entity.name, first.via) == (holder, "title")
    assert text[first.start : first.end] == "وزير الخارجية الأمريكي"
    assert place.entity.name == "Geneva"


def test_title_without_a_date_resolves_only_with_a_single_holder(gz):
    assert gz.find("قال وزير الخارجية الأمريكي") == []
    [m] = gz.find("قال وزير الخارجية الروسي")
    assert m.entity.name == "Sergey Lavrov"


def test_title_followed_by_the_name_is_one_match_for_the_person(gz):
    text = "وقال وزير الخارجية الأمريكي جون كيري بعد الاجتماع"
    [m] = gz.find(text, date(2016, 9, 22))
    assert (m.entity.name, m.via) == ("John Kerry", "name")
    assert text[m.start : m.end] == "وزير الخارجية الأمريكي جون كيري"


def test_name_followed_by_its_title_is_one_match(gz):
    text = "أعلنت جين بساكي المتحدثة باسم وزارة الخارجية الامريكية للصحفيين"
    [m] = gz.find(text, date(2013, 6, 3))
    assert m.entity.name == "Jen Psaki"


def test_spokesperson_title_resolves_by_date(gz):
    text = "وقال المتحدث باسم الخارجية الأمريكية في بيان"
    assert names(gz.find(text, date(2016, 9, 20))) == ["John Kirby"]
    assert names(gz.find(text, date(2014, 1, 10))) == ["Jen Psaki"]
    assert names(gz.find("قالت المتحدثة باسم الخارجية الروسية", date(2016, 1, 1))) == [
        "Maria Zakharova"
    ]


def test_construct_title_with_a_country_name(gz):
    assert names(gz.find("قال وزير خارجية تركيا", date(2016, 1, 1))) == ["Mevlüt Çavuşoğlu"]
    assert names(gz.find("قال الأمين العام للأمم المتحدة", date(2014, 1, 1))) == ["Ban Ki-moon"]
    assert names(gz.find("وصل المبعوث الأممي إلى سوريا", date(2013, 1, 1))) == ["Lakhdar Brahimi"]


def test_deputy_and_former_titles_do_not_resolve_to_the_minister(gz):
    on = date(2016, 9, 1)
    assert "John Kerry" not in names(gz.find("قال نائب وزير الخارجية الأمريكي", on))
    assert gz.find("قال وزير الخارجية الأمريكي السابق", on) == []
    assert gz.find("قال مستشار وزير الخارجية الروسي", on) == []


def test_generic_minister_refers_back_to_the_minister_named_before(gz):
    text = "وصل وزير الدفاع الروسي سيرغي شويغو. وقال الوزير الروسي إن"
    assert names(gz.find(text, date(2016, 1, 1))) == ["Sergei Shoigu", "Sergei Shoigu"]


# ---------------------------------------------------------------- counterparts


def test_counterpart_is_the_same_office_for_the_named_country(gz):
    text = "يلهث كيري خلف نظيره الروسي لانتزاع اتفاق"
    result = found(gz, text, date(2016, 9, 7))
    assert result == [
        ("John Kerry", "كيري", "name"),
        ("Sergey Lavrov", "نظيره الروسي", "counterpart"),
    ]


def test_counterpart_of_a_president_is_the_other_president(gz):
    text = "بحث أوباما مع نظيره الروسي الأزمة السورية"
    # "الأزمة السورية" is the Syrian crisis: the adjective is not the country (no Syria)
    assert names(gz.find(text, date(2015, 9, 28))) == ["Barack Obama", "Vladimir Putin"]
    # before Putin's return in May 2012 Medvedev was president
    assert names(gz.find(text, date(2011, 11, 1)))[1] == "Dmitry Medvedev"


def test_counterpart_without_a_date_uses_the_anchor_tenure(gz):
    text = "اتصل لافروف بنظيره الأمريكي جون كيري ثم هاتف كيري نظيره الفرنسي"
    result = names(gz.find(text))
    assert result == ["Sergey Lavrov", "John Kerry", "John Kerry"]  # French FM changed in 2016
    text = "اتصل هيغ بنظيره الروسي"
    assert names(gz.find(text)) == ["William Hague", "Sergey Lavrov"]


def test_counterpart_followed_by_a_name_is_the_named_person(gz):
    text = "في مؤتمر صحفي عقده مع نظيره البولندي رادوسلاف سيكورسكي"
    [m] = gz.find(text, date(2013, 6, 3))
    assert m.entity.name == "Radosław Sikorski"


def test_feminine_counterpart_after_a_woman_minister(gz):
    text = "التقت موغيريني نظيرها الإيراني"
    assert names(gz.find(text, date(2016, 4, 16))) == ["Federica Mogherini"]
    text = "التقت كلينتون نظيرها التركي"
    assert names(gz.find(text, date(2012, 4, 1))) == ["Hillary Clinton", "Ahmet Davutoğlu"]


# ---------------------------------------------------------------- API


def test_matches_are_sorted_and_do_not_overlap(gz):
    text = (REPO / "demo/seeds/000_50622e95ced29f86.txt").read_text(encoding="utf-8")
    matches = gz.find(text, date(2016, 9, 22))
    assert matches
    for a, b in zip(matches, matches[1:], strict=False):
        assert a.end <= b.start


def test_get_and_from_records(gz):
    assert gz.get("John Kerry").roles[0].office == "foreign_minister"
    assert gz.get("Nobody") is None
    small = Gazetteer.from_records(
        [{"name": "John Kerry", "name_ar": "جون كيري", "kind": "person", "aliases": ["كيري"]}],
        [
            {
                "name": "Geneva",
                "name_ar": "جنيف",
                "aliases": ["جنيف"],
                "latitude": 46.2,
                "longitude": 6.1,
            }
        ],
    )
    assert names(small.find("وصل كيري إلى جنيف")) == ["John Kerry", "Geneva"]
    assert small.places[0].kind == "place"


def test_from_records_rejects_a_bad_tenure_date():
    with pytest.raises(ValueError, match="bad date"):
        Gazetteer.from_records(
            [
                {
                    "name": "X",
                    "kind": "person",
                    "aliases": ["س"],
                    "roles": [{"office": "o", "start": "2016-13-01"}],
                }
            ],
            [],
        )


def test_default_gazetteer_is_cached():
    assert default_gazetteer() is default_gazetteer()


def test_fast_folding_agrees_with_normalize():
    from newsline.extraction.gazetteer import _fold_fast
    from newsline.extraction.normalize import fold_with_offsets

    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "demo/seeds").glob("*.txt"))]
    texts.append("صرّح وزيـر الخارجيـة\u200f الرُّوسي «سيرغي» ٢٠١٦")
    for text in texts:
        folded, offsets = _fold_fast(text)
        expected_folded, expected_offsets = fold_with_offsets(text)
        assert folded == expected_folded
        assert list(offsets) == expected_offsets


# ---------------------------------------------------------------- data files


def _data(name):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def test_data_files_are_broad_enough():
    assert len(_data("actors.json")["actors"]) >= 150
    assert len(_data("places.json")["places"]) >= 60


def test_entity_names_are_unique_and_kinds_known(gz):
    all_names = [e.name for e in gz.actors + gz.places]
    assert len(all_names) == len(set(all_names))
    assert {e.kind for e in gz.actors} <= {"person", "country", "organization", "armed_group"}
    assert {e.kind for e in gz.places} == {"place"}


def test_every_alias_is_non_empty_arabic(gz):
    for ent in gz.actors + gz.places:
        assert ent.name_ar and ARABIC.search(ent.name_ar), ent.name
        assert ent.aliases, ent.name
        for alias in ent.aliases:
            assert alias.strip() and ARABIC.search(alias), (ent.name, alias)


def test_places_have_coordinates(gz):
    for place in gz.places:
        assert -90 <= place.latitude <= 90, place.name
        assert -180 <= place.longitude <= 180, place.name


def test_tenures_parse_and_run_forward(gz):
    offices = set(_data("titles.json")["offices"])
    roles = 0
    for ent in gz.actors:
        for role in ent.roles:
            roles += 1
            assert role.start is not None, ent.name
            assert role.end is None or role.start < role.end, ent.name
            assert role.country is None or gz.get(role.country), (ent.name, role.country)
            assert role.office.replace("_", "").isalpha()
    assert roles >= 150
    assert "foreign_minister" in offices


def test_no_alias_is_shared_unless_documented():
    documented = set(_data("actors.json")["shared_aliases"])
    owners: dict[str, set[str]] = {}
    records = _data("actors.json")["actors"] + _data("places.json")["places"]
    for rec in records:
        for alias in rec["aliases"] + rec.get("cue_only_aliases", []):
            owners.setdefault(fold(alias), set()).add(rec["name"])
    shared = {alias for alias, who in owners.items() if len(who) > 1}
    assert shared == {fold(a) for a in documented}


def test_references_between_records_point_at_known_entities(gz):
    for rec in _data("places.json")["places"]:
        if "metonym_of" in rec:
            assert gz.get(rec["metonym_of"]).kind == "country"
    for ent in gz.actors + gz.places:
        assert ent.country is None or gz.get(ent.country) or ent.kind == "place", ent.name


def test_every_gold_actor_and_place_is_in_the_gazetteer_under_that_name(gz):
    gold = json.loads((REPO / "demo/seeds.gold.json").read_text(encoding="utf-8"))
    wanted = set()
    for article in gold["articles"]:
        for event in article["events"]:
            wanted |= set(event["actors"]) | set(event["key_actors"])
            if event["place"]:
                wanted.add(event["place"])
    missing = sorted(n for n in wanted if gz.get(n) is None)
    assert missing == []


def test_a_nationality_adjective_is_not_the_country_name(gz):
    # سورية/تركية are spellings of the countries; السورية/التركية are adjectives
    text = "قصفت الطائرات مدينة حلب السورية قرب الحدود التركية، وقالت سورية وتركية إن…"
    assert names(gz.find(text, date(2016, 2, 3))) == ["Aleppo", "Syria", "Turkey"]


def test_the_us_armed_forces_and_the_geneva_group_are_named(gz):
    text = "أطلقت البحرية الأمريكية صواريخ بعد أن أسفر اجتماع مجموعة جنيف عن اتفاق"
    assert names(gz.find(text)) == ["United States", "Action Group for Syria"]


def test_a_surname_after_another_given_name_is_someone_else(gz):
    text = "حضره نبيل العربي والرئيس الأمريكي الأسبق جيمي كارتر"
    assert "Ashton Carter" not in names(gz.find(text, date(2016, 1, 1)))
    assert "Bashar al-Assad" not in names(gz.find("في عهد حافظ الأسد", date(2016, 1, 1)))


def test_a_surname_after_the_persons_own_first_or_middle_name_is_the_person(gz):
    assert names(gz.find("وقال وزير الدفاع كارتر إن", date(2016, 1, 1))) == ["Ashton Carter"]
    assert "Ashton Carter" in names(gz.find("وقال آشتون كارتر", date(2016, 1, 1)))
    assert names(gz.find("التقى باراك حسين أوباما")) == ["Barack Obama"]


def test_a_ministry_spokesman_of_the_period_is_known_by_name_and_title():
    text = "وقال المتحدث باسم وزارة الخارجية السورية جهاد مقدسي إن الزيارة ستتم غدا."
    found = {m.entity.name for m in default_gazetteer().find(text, date(2012, 7, 8))}
    assert "Jihad Makdissi" in found


def test_the_head_of_the_arab_observer_mission_is_known():
    text = "وقال رئيس بعثة المراقبين العرب الفريق محمد أحمد مصطفى الدابي إن الوضع مطمئن."
    assert "Mohammed Ahmed al-Dabi" in {m.entity.name for m in default_gazetteer().find(text)}

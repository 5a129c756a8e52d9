"""Event titles, Arabic first and English second, from templates in ``data/triggers.json``.

Arabic titles are nominal phrases (لقاء بين كيري ولافروف في جنيف، اتفاق أمريكي روسي،
غارات روسية على حلب), so no verb has to agree with a subject the extractor may have got
slightly wrong. A statement carries its content instead: the speaker's short name and
the reported clause, cleaned and cut at a clause boundary («كيري: المحادثات مع الروس
جادة وبناءة»). English titles stay template-made (no translation of the content).

The rules, all general:

* **Title actors**: the key actors without the Security Council itself; with a person
  among them, states drop out (the people act for them). A statement names its speaker
  (the first key actor) unless the trigger is joint (قالا، بيان مشترك); a visit names the
  visitors (persons when there are); violence names only states and armed groups (the
  victims of an attack are key actors too); a veto names the states before the trigger.
* **Short names**: a person is called by the alias that ends the Arabic name (the
  surname the curator declared unambiguous: كيري، دي ميستورا), unless another person
  shares it (الجعفري) or a second person in the title has the same one; else the full
  name. States and organisations keep ``name_ar``.
* **Template shape**, first that the type defines: content, agent, group (an
  organisation other than the UN), countries (1–3 states, named by their nationality
  adjectives agreeing with the noun), pair, single, none.
* **Finishing**: one line, no leading conjunction or preposition, no dangling last word,
  balanced quotes and brackets, at most ``max_chars`` characters.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .normalize import fold

if TYPE_CHECKING:  # pragma: no cover
    from .events import EventCandidate
    from .gazetteer import Entity

_DATA = Path(__file__).parent / "data"
_WORD = re.compile(r"\w+")
_PREFIXES = (
    "",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
    "ال",
    "وال",
    "فال",
    "بال",
    "لل",
    "ولل",
    "وبال",
    "وب",
    "ول",
)
_SUFFIXES = ("", "ه", "ها", "هما", "هم", "ت")
_SUFFIX_SET = frozenset(_SUFFIXES)
_QUOTES = "«»\"“”„'‘’"
_SECURITY_COUNCIL = "UN Security Council"
_NOT_GROUPS = ("United Nations", _SECURITY_COUNCIL)


@cache
def _raw() -> dict:
    return json.loads((_DATA / "triggers.json").read_text(encoding="utf-8"))


@cache
def settings() -> dict:
    """The shared title settings (``titles`` in triggers.json), word lists folded."""
    t = dict(_raw()["titles"])
    t["dangling"] = frozenset(fold(w) for w in t["dangling_ar"])
    t["clause_cut"] = frozenset(fold(w) for w in t["clause_cut_ar"])
    t["particles"] = frozenset(fold(w) for w in t["name_particles_ar"])
    return t


@cache
def _spec(event_type: str) -> dict:
    return _raw()["types"][event_type].get("title_ar", {})


@cache
def _adjectives() -> dict[str, tuple[str, str]]:
    """Country → (masculine, feminine) indefinite nationality adjective: روسي، روسية."""
    raw = json.loads((_DATA / "titles.json").read_text(encoding="utf-8"))
    out = {}
    for country, words in raw["nationalities"].items():
        masc = next((w for w in words if w.endswith("ي")), None)
        fem = next((w for w in words if w.endswith("ية")), None)
        if masc and fem:
            out[country] = (masc.removeprefix("ال"), fem.removeprefix("ال"))
    return out


@cache
def _shared_surnames() -> frozenset[str]:
    """Folded aliases that two persons share (الجعفري): never a short name."""
    from .gazetteer import default_gazetteer

    seen: dict[str, str] = {}
    shared = set()
    for e in default_gazetteer().actors:
        if e.kind != "person":
            continue
        for a in {fold(x) for x in e.aliases}:
            if a in seen and seen[a] != e.name:
                shared.add(a)
            seen[a] = e.name
    return frozenset(shared)


# --------------------------------------------------------------------------- names


def short_name_ar(e: Entity) -> str:
    """A person's surname as the curator listed it (the alias that ends the Arabic name:
    كيري، دي ميستورا، أبو الغيط), else the full Arabic name; states and organisations
    keep their full name."""
    full = e.name_ar
    if e.kind != "person":
        return full
    folded_full = fold(full)
    best = None
    for alias in e.aliases:
        fa = fold(alias)
        if fa == folded_full or not folded_full.endswith(" " + fa):
            continue
        if fa in _shared_surnames():
            continue
        if best is None or len(fa) < len(fold(best)):
            best = alias
    if best is None:
        return full
    # the spelling of name_ar, not the alias's (same words once folded)
    n = len(best.split())
    words = full.split()
    short = words[-n:]
    if len(words) > n and fold(words[-n - 1]) in settings()["particles"] and n == 1:
        short = words[-n - 1 :]
    return " ".join(short)


def _names_ar(entities: list[Entity]) -> list[str]:
    shorts = [short_name_ar(e) for e in entities]
    # two people of one title with the same short name: both in full
    return [
        e.name_ar if shorts.count(s) > 1 and e.kind == "person" else s
        for e, s in zip(entities, shorts, strict=True)
    ]


def join_ar(names: list[str]) -> str:
    """كيري ولافروف والجبير: the Arabic conjunction is attached to each later name."""
    return " و".join(names)


def _with_li(phrase: str) -> str:
    """ل before a name: لكيري، للأمم المتحدة (ل + ال → لل)."""
    if phrase.startswith("ال"):
        return "ل" + phrase[1:]
    return "ل" + phrase


def join_en(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# --------------------------------------------------------------------------- actors


def _title_actors(c: EventCandidate) -> list[Entity]:
    ents = [e for e in c.key_actors if e.name != _SECURITY_COUNCIL]
    if not ents:
        ents = [e for e in c.actors if e.name != _SECURITY_COUNCIL][:2]
    if c.type == "violence":
        return [e for e in ents if e.kind in ("country", "armed_group")][:2]
    if c.type == "un_security_council":
        agents = [e for e in ents if e.name in c.agents and e.kind == "country"]
        return agents[:3] or [e for e in ents if e.kind == "country"][:2]
    persons = [e for e in ents if e.kind == "person"]
    if persons:
        # a minister stands for his state; armed groups are not parties to diplomacy
        states = {e.country for e in persons}
        ents = [e for e in ents if e.kind != "armed_group" and e.name not in states]
        if c.type != "statement":  # the speaker stays first
            ents = sorted(ents, key=lambda e: e.kind == "organization")
        if c.type == "visit":
            ents = [e for e in ents if e.kind == "person"]
    if c.type == "statement" and ents and not _is_joint(c):
        return ents[:1]
    return ents[:3]


def _is_joint(c: EventCandidate) -> bool:
    joint = {tuple(_WORD.findall(fold(f))) for f in _spec("statement").get("joint", ())}
    return any(_matches(j, c.trigger) for j in joint)


def _shape(spec: dict, c: EventCandidate, ents: list[Entity]) -> tuple[str, list[Entity]]:
    templates = spec.get("templates", {})
    if "content" in templates and c.content_ar and ents:
        return "content", ents
    noun = _noun(spec, c)
    actors = [e for e in ents if e.kind != "person"]
    if "agent" in templates and noun.get("agent") and actors:
        return "agent", actors[:1]
    first = ents[0] if ents else None
    if (
        "group" in templates
        and first is not None
        and first.kind == "organization"
        and first.name not in _NOT_GROUPS
    ):
        return "group", [first]  # the organisation that meets (its members attend)
    adjs = _adjectives()
    if (
        "countries" in templates
        and spec.get("countries_min", 2) <= len(ents) <= 3
        and all(e.kind == "country" and e.name in adjs for e in ents)
        and not noun.get("no_actor")
        and not c.object_ar
    ):
        return "countries", ents
    if len(ents) >= 2 and "pair" in templates:
        return "pair", ents
    if ents and "single" in templates:
        return "single", ents
    return "none", []


# --------------------------------------------------------------------------- nouns


def _matches(form: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """A trigger's folded words are ``form`` with attached prefixes/suffixes."""
    if len(form) != len(words) or not form:
        return False
    for k, (f, w) in enumerate(zip(form, words, strict=True)):
        if w == f:
            continue
        prefixes = _PREFIXES if k == 0 else ("", "ال")
        if not any(
            w.startswith(p) and w.startswith(f, len(p)) and w[len(p) + len(f) :] in _SUFFIX_SET
            for p in prefixes
        ):
            return False
    return True


@cache
def _form_words(form: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(form)))


def _noun(spec: dict, c: EventCandidate) -> dict:
    """The title noun for the event's trigger words (or another trigger of its type in
    the sentence: the ceasefire noun of "دخل … حيز التنفيذ"), else the type's noun."""
    sentence = c.nouns if spec.get("noun_from_sentence") else ()
    for words in (c.trigger, *sentence):
        for entry in spec.get("nouns", ()):
            for form in entry["forms"]:
                f = _form_words(form)
                # the noun may be part of a longer trigger phrase: دخلت الهدنة
                if any(_matches(f, words[k : k + len(f)]) for k in range(len(words))):
                    return entry
    return spec.get("noun", {"ar": "", "gender": "m"})


# --------------------------------------------------------------------------- Arabic


def _planned(noun: dict, c: EventCandidate) -> str:
    if c.status != "planned":
        return ""
    return " " + settings()["planned_ar"][noun.get("gender", "m")]


def title_ar(c: EventCandidate) -> str:
    spec = _spec(c.type)
    everyone = _title_actors(c)
    shape, ents = _shape(spec, c, everyone)
    noun = _noun(spec, c)
    if c.type == "meeting" and len(ents) == 2 and noun is spec.get("noun"):
        noun = spec.get("pair_noun", noun)
    names = _names_ar(ents)
    planned = _planned(noun, c)
    place = c.place.name_ar if c.place else None
    multiword = len(noun.get("ar", "").split()) > 1
    actors = join_ar(names)
    of_actors = _with_li(actors) if (planned or multiword) and actors else actors
    gender = 1 if noun.get("gender") == "f" else 0
    adjs = _adjectives()
    states = ents if shape == "countries" else [e for e in everyone if e.kind == "country"]
    adj = "".join(" " + adjs[e.name][gender] for e in states if e.name in adjs)
    if c.type == "violence":
        prep = "في" if c.object_ar else noun.get("prep", "في")
        target = place or "سوريا"
        place_on = f" {prep} {target}" if prep else f" {target}"
    else:
        place_on = f" على {place}" if place else ""
    template = None
    if c.status != "planned" and c.kind and c.kind in spec.get("kinds", {}):
        template = spec["kinds"][c.kind]
        if c.kind in spec.get("kind_nouns", {}):  # فيتو is masculine, جلسة feminine
            noun = spec["kind_nouns"][c.kind]
            gender = 1 if noun.get("gender") == "f" else 0
            adj = "".join(" " + adjs[e.name][gender] for e in states if e.name in adjs)
    elif shape == "single" and c.status != "planned" and "single_occurred" in spec:
        template = spec["single_occurred"]
    if template is None:
        template = spec.get("templates", {}).get(shape) or spec["templates"]["none"]
    text = template.format(
        noun=noun.get("ar", ""),
        def_noun=noun.get("definite", noun.get("ar", "")),
        planned=planned,
        actors=actors,
        of_actors=of_actors,
        li_actors=_with_li(actors) if actors else "",
        adj=adj,
        place_in=f" في {place}" if place else "",
        place_to=f" إلى {place}" if place else "",
        place_on=place_on,
        place=place or "سوريا",
        object=f" {c.object_ar}" if c.object_ar else "",
        resolution=f"القرار {c.resolution}" if c.resolution else "قرار",
        speaker=actors,
        content=c.content_ar or "",
    )
    return finish_ar(text)


def clean_clause(raw: str) -> str | None:
    """The reported clause as a title's content: one line, asides in brackets dropped,
    cut at the first punctuation once it has three words, else at ``max_words_ar``
    before a preposition that would leave a phrase half-said; no dangling last word;
    quotes kept only when balanced. None when fewer than three words remain."""
    t = settings()
    text = re.sub(r"\s+", " ", raw).strip()
    text = re.sub(r"\s*\([^()]*\)", "", text)  # (الثلاثاء): an aside
    text = re.sub(r"\s*\[[^\[\]]*\]", "", text)
    text = text.lstrip(" ،,:؛;-–—.…")
    words = text.split(" ")
    if words and words[0][:1] in "وف" and len(words[0]) > 2:
        rest = fold(words[0][1:])
        if rest in t["dangling"] or rest in t["clause_cut"] or rest.startswith("ال"):
            words[0] = words[0][1:]  # ومع اقتراب الأزمة → مع اقتراب الأزمة
    out: list[str] = []
    cut_at_punct = False
    for w in words:
        if w.startswith(("(", "[")) and not w.endswith((")", "]")):
            break  # an unclosed bracket: the aside runs past the clause
        out.append(w)
        bare = w.rstrip(_QUOTES + ")]")
        if len(out) >= 3 and bare and bare[-1] in "،,;؛:.!?؟…":
            cut_at_punct = True
            break
        if len(out) >= t["max_words_ar"]:
            break
    truncated = not cut_at_punct and len(out) < len(words)
    if truncated:
        # stop before the last preposition of the cut so no phrase is left half-said
        for k in range(len(out) - 1, 5, -1):
            if fold(out[k]) in t["clause_cut"]:
                out = out[:k]
                break
    out = [w.strip(" ،,:؛;.!?؟…-–—") for w in out]
    out = [w for w in out if w]
    return _trim(out, min_words=3)


def _trim(words: list[str], min_words: int) -> str | None:
    t = settings()
    while words and fold(words[-1].strip(_QUOTES)) in t["dangling"]:
        words = words[:-1]
    while words and fold(words[0].strip(_QUOTES)) in ("و", "ف", "ثم", "او"):
        words = words[1:]
    if len(words) < min_words:
        return None
    text = " ".join(words)
    return _balance(text)


def _balance(text: str) -> str:
    """Quotes and brackets balanced, or removed."""
    pairs = (("«", "»"), ("“", "”"), ("(", ")"), ("[", "]"))
    for a, b in pairs:
        if text.count(a) != text.count(b):
            text = text.replace(a, "").replace(b, "")
    for q in ('"', "'"):
        if text.count(q) % 2:
            text = text.replace(q, "")
    return re.sub(r"\s+", " ", text).strip(" " + "،,:؛;")


def finish_ar(text: str) -> str:
    """One line, ≤ max_chars (cut at a word, no dangling word), balanced."""
    limit = settings()["max_chars"]
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > limit:
        words = text[: limit + 1].split(" ")[:-1]
        text = _trim(words, min_words=1) or text[:limit]
    return _balance(text)


# --------------------------------------------------------------------------- English


def title_en(c: EventCandidate) -> str:
    """English title from the type's templates (``title_en``, ``kinds_en``)."""
    raw = _raw()["types"][c.type]
    titles = raw["title_en"]
    kinds = raw.get("kinds_en", {})
    ents = _title_actors(c)
    shape, shaped = _shape(_spec(c.type), c, ents)
    if shape == "group":
        ents = shaped
    names = [e.name for e in ents]
    place = c.place.name if c.place else None
    planned = c.status == "planned"
    if c.type == "violence":
        return _violence_en(c, ents, place)
    template = None
    if c.kind and c.kind in kinds and not planned:
        template = kinds[c.kind]
    elif place is None and "no_place" in titles:
        template = titles["no_place_planned" if planned else "no_place"]
    else:
        single = len(names) <= 1
        if single:
            template = titles["single_planned" if planned else "single"]
        else:
            template = titles["planned" if planned else "occurred"]
    out = template.format(
        actors=join_en(names) or "unnamed parties",
        place_in=f" in {place}" if place else "",
        place_to=f" {place}" if place else "",
        place=place or "Syria",
        resolution_en=f"Resolution {c.resolution}" if c.resolution else "a resolution",
    )
    return _finish_en(out)


def _violence_en(c: EventCandidate, ents: list[Entity], place: str | None) -> str:
    noun = _noun(_spec("violence"), c)
    target = place or "Syria"
    if noun.get("agent"):
        actors = [e.name for e in ents]
        if not actors:
            return _finish_en(f"Capture of {target}")
        verb = noun["en"] if len(actors) == 1 else noun.get("en_plural", noun["en"])
        return _finish_en(f"{join_en(actors)} {verb} {target}")
    demonyms = _raw()["titles"]["demonyms_en"]
    adj = ""
    if not noun.get("no_actor") and ents and all(e.name in demonyms for e in ents):
        adj = "-".join(demonyms[e.name] for e in ents) + " "
    en = noun.get("en", "Attack")
    prep = "in" if c.object_ar else noun.get("prep_en", "in")
    if adj:
        en = en[:1].lower() + en[1:]
    return _finish_en(f"{adj}{en} {prep} {target}")


def _finish_en(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    limit = settings()["max_chars"]
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0]
    return text[:1].upper() + text[1:]

"""Actors and places by their Arabic names, spelling variants, titles and counterparts.

The data lives in ``data/actors.json``, ``data/places.json`` (the entities) and
``data/titles.json`` (office phrases, nationality adjectives, context words); the
formats are documented in ``data/README.md``. The Django side builds the same
gazetteer from database rows through :meth:`Gazetteer.from_records`.

Matching works on folded tokens (``normalize.fold``; offsets as ``fold_with_offsets``
gives them) and reports spans in the original text. Per position, in order:

1. an office title ("وزير الخارجية الأمريكي"), resolved to the office holder on the
   given date; when a person's name follows the title, one match for that person
   covers title and name;
2. a counterpart phrase ("نظيره الروسي"): the holder, for the named country, of the
   office held by the person matched last before it;
3. an alias, looked up in a token trie (longest match, attached prefixes stripped,
   multi-word aliases also indexed with their spaces removed);
4. fuzzy matching of person names (rapidfuzz), only where a known name token starts
   a window that matched nothing exactly, score >= 95 and a clear margin.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from .normalize import fold, fold_char, fold_with_offsets, original_span, strip_prefixes

DATA_DIR = Path(__file__).parent / "data"
KINDS = ("person", "country", "organization", "armed_group", "place")

FUZZY_MIN_SCORE = 95.0
FUZZY_MIN_MARGIN = 3.0

# Spelling families of transliterated names, folded on both sides of every lookup:
# غ/ج (سيرغي/سيرجي, غوتيريس/جوتيريس), Persian letters typed for foreign sounds, and
# the two spellings of "America" (أمريكي/أميركي). Each rule keeps the length, so the
# offsets of attached prefixes stay valid. ك/ق is not folded: it merges real words
# (قطر/كطر is harmless, but قال/كال, قرار/كرار are not).
_LOOSE = str.maketrans({"غ": "ج", "گ": "ج", "چ": "ج", "ڤ": "ف", "پ": "ب"})


@lru_cache(maxsize=65536)
def _loose(token: str) -> str:
    return token.translate(_LOOSE).replace("اميرك", "امريك")


# Honorifics and the commonest given-name parts: too frequent to open a fuzzy window.
_FUZZY_NOT_FIRST = {
    _loose(fold(w))
    for w in ("الملك", "الأمير", "الشيخ", "آية", "الجنرال", "عبد", "بن", "أبو", "محمد", "علي")
}

_TOKEN = re.compile(r"[^\W_]+")
# What may separate the words of one alias: spaces, hyphens, nothing else.
_ALIAS_GAP = re.compile(r"[ \t\-–]*")
# What may separate a title from the name that follows it ("الأميركي، جون كيري").
_NAME_GAP = re.compile(r"[ \t,:\-–(\"'«»“”]*")
_DATELINE_AFTER = re.compile(r"[ \t]*[-–—:(]")


@dataclass(frozen=True)
class Role:
    office: str
    country: str | None
    start: date | None
    end: date | None  # exclusive: the successor's first day

    def active(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)

    def overlaps(self, other: Role) -> bool:
        lo = max(self.start or date.min, other.start or date.min)
        hi = min(self.end or date.max, other.end or date.max)
        return lo < hi


@dataclass(frozen=True)
class Entity:
    name: str
    name_ar: str
    kind: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...] = ()
    wikidata: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None


@dataclass
class EntityMatch:
    start: int
    end: int
    entity: Entity
    via: str  # "name" | "title" | "counterpart" | "fuzzy"
    # The other reading of a capital-city metonym: "أعلنت موسكو" → entity Russia,
    # alt Moscow; "في موسكو" → entity Moscow, alt Russia. None otherwise.
    alt: Entity | None = None


@dataclass
class _Alias:
    entities: list[Entity] = field(default_factory=list)
    cue_only: bool = False  # matches only after a locative word ("في تدمر")
    ignore: bool = False  # a non-entity phrase that shadows an alias ("روسيا اليوم")


@dataclass(slots=True)
class _Token:
    text: str  # loose-folded
    start: int  # offsets in the folded string
    end: int


class _Trie:
    """Token-sequence trie; values sit under the key ``None``."""

    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, tokens: tuple[str, ...], value: Any) -> Any:
        node = self.root
        for tok in tokens:
            node = node.setdefault(tok, {})
        if None not in node:
            node[None] = value
        return node[None]

    def longest(self, first: dict, tokens: list[_Token], i: int, text: str) -> tuple[int, Any]:
        """Walk from the node reached by token ``i``; return (end token index, value)."""
        best: tuple[int, Any] = (-1, None)
        node = first
        j = i
        while True:
            if None in node:
                best = (j + 1, node[None])
            j += 1
            if j >= len(tokens) or not _ALIAS_GAP.fullmatch(
                text, tokens[j - 1].end, tokens[j].start
            ):
                return best
            node = node.get(tokens[j].text)
            if node is None:
                return best


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(_loose(t) for t in _TOKEN.findall(fold(phrase)))


def _parse_date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ValueError(f"{where}: bad date {value!r} (want YYYY-MM-DD)") from exc


def _entity(rec: dict, default_kind: str | None = None) -> Entity:
    name = (rec.get("name") or "").strip()
    if not name:
        raise ValueError(f"record without a name: {rec!r}")
    kind = rec.get("kind") or default_kind
    if kind not in KINDS:
        raise ValueError(f"{name}: kind {kind!r} is not one of {', '.join(KINDS)}")
    roles = tuple(
        Role(
            office=r["office"],
            country=r.get("country"),
            start=_parse_date(r.get("start"), name),
            end=_parse_date(r.get("end"), name),
        )
        for r in rec.get("roles") or ()
    )
    aliases = tuple(dict.fromkeys(a.strip() for a in rec.get("aliases") or () if a.strip()))
    lat, lon = rec.get("latitude"), rec.get("longitude")
    return Entity(
        name=name,
        name_ar=rec.get("name_ar") or "",
        kind=kind,
        aliases=aliases,
        roles=roles,
        wikidata=rec.get("wikidata") or None,
        latitude=None if lat is None else float(lat),
        longitude=None if lon is None else float(lon),
        country=rec.get("country") or None,
    )


@lru_cache(maxsize=1)
def _default_lexicon() -> dict:
    return json.loads((DATA_DIR / "titles.json").read_text(encoding="utf-8"))


def _load(name: str, key: str) -> list[dict]:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))[key]


class Gazetteer:
    actors: list[Entity]
    places: list[Entity]

    @classmethod
    def from_records(
        cls, actors: list[dict], places: list[dict], lexicon: dict | None = None
    ) -> Gazetteer:
        """Build from plain dicts shaped like the JSON records (extra keys are ignored).

        ``lexicon`` is the titles file's content; the packaged one by default.
        """
        return cls(actors, places, lexicon or _default_lexicon())

    def __init__(self, actors: list[dict], places: list[dict], lexicon: dict) -> None:
        self.actors = [_entity(r) for r in actors]
        self.places = [_entity(r, "place") for r in places]
        self._by_name: dict[str, Entity] = {}
        for ent in self.actors + self.places:
            if ent.name in self._by_name:
                raise ValueError(f"duplicate entity name {ent.name!r}")
            self._by_name[ent.name] = ent

        self._aliases = _Trie()
        for ent, rec in zip(self.actors + self.places, actors + places, strict=True):
            cue_only = {a.strip() for a in rec.get("cue_only_aliases") or ()}
            for alias in dict.fromkeys(list(ent.aliases) + sorted(cue_only)):
                self._add_alias(alias, ent, alias in cue_only)
        for phrase in lexicon.get("non_entities", ()):
            self._aliases.add(_key(phrase), _Alias()).ignore = True

        # Capital cities that stand for their state ("أعلنت موسكو").
        self._metonym: dict[str, Entity] = {}
        for rec in places:
            target = rec.get("metonym_of")
            if target:
                if target not in self._by_name:
                    raise ValueError(f"{rec['name']}: metonym_of unknown entity {target!r}")
                self._metonym[rec["name"]] = self._by_name[target]

        self._titles = _Trie()
        self._office_needs_country: dict[str, bool] = {}
        self._office_after: dict[str, _Trie] = {}
        for office, spec in lexicon.get("offices", {}).items():
            self._office_needs_country[office] = spec.get("country") != "none"
            for phrase in spec["phrases"]:
                self._titles.add(_key(phrase), office)
            if spec.get("after"):
                trie = _Trie()
                for phrase in spec["after"]:
                    trie.add(_key(phrase), True)
                self._office_after[office] = trie
        self._nationality: dict[str, str] = {}
        for country, words in lexicon.get("nationalities", {}).items():
            for word in words:
                self._nationality[_key(word)[0]] = country
        self._counterpart = {_key(w)[0] for w in lexicon.get("counterpart_words", ())}
        self._generic_minister = _Trie()
        for phrase in lexicon.get("generic_minister_words", ()):
            self._generic_minister.add(_key(phrase), True)
        self._block_before = {_key(w)[0] for w in lexicon.get("blocking_before", ())}
        self._block_after = {_key(w)[0] for w in lexicon.get("blocking_after", ())}
        self._locative = {_key(w)[0] for w in lexicon.get("locative_before", ())}

        self._holders: dict[tuple[str, str | None], list[tuple[Role, Entity]]] = {}
        for ent in self.actors:
            for role in ent.roles:
                self._holders.setdefault((role.office, role.country), []).append((role, ent))

        # Fuzzy: multi-word person aliases grouped by their first word, which must be
        # spelled exactly; the rest of the window may differ ("شتاينمايير").
        self._fuzzy: dict[str, tuple[list[str], list[Entity]]] = {}
        for ent in self.actors:
            if ent.kind != "person":
                continue
            for alias in ent.aliases:
                key = _key(alias)
                # A first word of one or two letters (آن، جو، شي، هو) is an everyday word.
                if len(key) >= 2 and len(key[0]) > 2 and key[0] not in _FUZZY_NOT_FIRST:
                    choices, owners = self._fuzzy.setdefault(key[0], ([], []))
                    choices.append(" ".join(key))
                    owners.append(ent)
        self._name_tokens = set(self._fuzzy)

        # Given names: the first words of multi-word person aliases and the common ones
        # of titles.json. One before a person's bare surname that is none of that
        # person's own first words names someone else ("جيمي كارتر" is not Ashton Carter).
        self._given_names = {_key(w)[0] for w in lexicon.get("given_names", ()) if _key(w)}
        self._own_first: dict[str, set[str]] = {}
        for ent in self.actors:
            if ent.kind != "person":
                continue
            for alias in (ent.name_ar, *ent.aliases):
                key = _key(alias)
                if len(key) >= 2:
                    self._own_first.setdefault(ent.name, set()).add(key[0])
                    if len(key[0]) > 2 and key[0] not in _FUZZY_NOT_FIRST:
                        self._given_names.add(key[0])

        # Every word that can start a match: the scan skips all other words at once.
        self._starters: set[str] = set(self._name_tokens) | self._counterpart
        for trie in (self._aliases, self._titles, self._generic_minister):
            self._starters |= {tok for tok in trie.root if tok is not None}
        self._start_cache: dict[str, bool] = {}

    def _can_start(self, word: str) -> bool:
        """Can a match begin at this (loose-folded) word? Memoised per gazetteer."""
        known = self._start_cache.get(word)
        if known is None:
            if len(self._start_cache) > 200_000:
                self._start_cache.clear()
            known = any(form in self._starters for form, _ in _word_forms(word))
            self._start_cache[word] = known
        return known

    def _add_alias(self, alias: str, ent: Entity, cue_only: bool) -> None:
        key = _key(alias)
        if not key:
            return
        forms = [key]
        if len(key) > 1:
            forms.append(("".join(key),))  # "الولاياتالمتحدة": a dropped space
        for form in forms:
            slot = self._aliases.add(form, _Alias())
            if ent not in slot.entities:
                slot.entities.append(ent)
            slot.cue_only = slot.cue_only or cue_only

    # ------------------------------------------------------------------ lookups

    def get(self, name: str) -> Entity | None:
        return self._by_name.get(name)

    def holders(self, office: str, country: str | None, on_date: date | None) -> list[Entity]:
        """Who held ``office`` for ``country`` on ``on_date`` (every holder if no date)."""
        found = [
            ent
            for role, ent in self._holders.get((office, country), ())
            if on_date is None or role.active(on_date)
        ]
        return list(dict.fromkeys(found))

    def _role_on(self, ent: Entity, on_date: date | None) -> Role | None:
        if on_date is not None:
            return next((r for r in ent.roles if r.active(on_date)), None)
        return ent.roles[0] if len(ent.roles) == 1 else None

    # ------------------------------------------------------------------ matching

    def find(self, text: str, on_date: date | None = None) -> list[EntityMatch]:
        """Entities mentioned in ``text``: non-overlapping, sorted by start.

        ``on_date`` (the article's date) resolves titles and counterparts to the
        office holder of that day; without it a title resolves only when a single
        holder is possible.
        """
        folded, offsets = _fold_fast(text)
        tokens = [_Token(_loose(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(folded)]
        run = _Run(self, text, folded, offsets, tokens, on_date)
        run.scan()
        return run.matches


@lru_cache(maxsize=1)
def _fold_tables() -> tuple[dict[int, str] | None, frozenset[str], re.Pattern | None]:
    """``normalize.fold_char`` as a ``str.translate`` table, and the dropped characters.

    None if some character folds to several (then the offsets need the slow path).
    """
    table: dict[int, str] = {}
    dropped = set()
    for cp in range(0x10000):
        ch = chr(cp)
        out = fold_char(ch)
        if out != ch:
            table[cp] = out
            if not out:
                dropped.add(ch)
            elif len(out) > 1:
                return None, frozenset(), None
    # A regex over the changed characters beats str.translate with a dict 5-fold.
    changed = re.compile("[" + "".join(re.escape(chr(cp)) for cp in table) + "]")
    return table, frozenset(dropped), changed


def _fold_fast(text: str) -> tuple[str, Sequence[int]]:
    """Same result as ``normalize.fold_with_offsets``, several times faster.

    Folding maps one character to one or drops it, so the offsets are the indexes
    of the kept characters: the identity when nothing was dropped.
    """
    table, dropped, changed = _fold_tables()
    if table is None or changed is None:
        return fold_with_offsets(text)
    folded = changed.sub(lambda m: table[ord(m.group())], text)
    if len(folded) == len(text):
        return folded, range(len(text) + 1)
    offsets = [i for i, ch in enumerate(text) if ch not in dropped]
    offsets.append(len(text))
    return folded, offsets


@lru_cache(maxsize=65536)
def _word_forms(word: str) -> tuple[tuple[str, int], ...]:
    """Bare forms of a folded word with the length of the prefix each one drops.

    "للأمم" → ("الامم", 1): a stripped article is put back for lookup, and the span
    keeps it; "والروسي" → ("الروسي", 1), ("روسي", 3). Cached: news vocabulary repeats.
    """
    out: list[tuple[str, int]] = []
    for bare in strip_prefixes(word):
        cut = len(word) - len(bare)
        out.append((bare, cut))
        head = word[:cut]
        if cut and (head.endswith("ال") or head == "لل"):
            out.append(("ال" + bare, cut - 1 if head == "لل" else cut - 2))
    return tuple(out)


@dataclass
class _Hit:
    end: int  # token index after the match
    entity: Entity | None
    via: str
    prefix: int = 0  # folded characters of an attached prefix to leave out of the span
    alt: Entity | None = None
    office: str | None = None
    role: Role | None = None


class _Run:
    """One ``find`` call: the state of a left-to-right scan."""

    def __init__(self, gz: Gazetteer, text, folded, offsets, tokens, on_date):
        self.gz, self.text, self.folded, self.offsets = gz, text, folded, offsets
        self.tokens: list[_Token] = tokens
        self.on_date: date | None = on_date
        self.matches: list[EntityMatch] = []
        self.seen: dict[str, int] = {}  # entity name → index of its last match
        # The last person matched with a known office, for "نظيره الروسي".
        self.anchor: tuple[Entity, str, Role | None] | None = None

    def scan(self) -> None:
        i, n = 0, len(self.tokens)
        can_start = self.gz._can_start
        while i < n:
            if not can_start(self.tokens[i].text):
                i += 1
                continue
            hit = self._title(i) or self._counterpart(i) or self._alias(i) or self._fuzzy(i)
            if hit is None or hit.entity is None:
                i = hit.end if hit is not None else i + 1
                continue
            self._emit(i, hit)
            i = hit.end

    def _emit(self, i: int, hit: _Hit) -> None:
        tokens = self.tokens
        a = tokens[i].start + hit.prefix
        b = tokens[hit.end - 1].end
        start, end = original_span(self.offsets, a, b)
        ent = hit.entity
        assert ent is not None
        last = self.matches[-1] if self.matches else None
        if (
            hit.via in ("title", "counterpart")
            and last is not None
            and last.entity is ent
            and _NAME_GAP.fullmatch(self.text, last.end, start)
        ):
            # "جين بساكي المتحدثة باسم الخارجية": the title restates the name.
            last.end = end
            return
        self.matches.append(EntityMatch(start, end, ent, hit.via, hit.alt))
        self.seen[ent.name] = len(self.matches)
        if ent.kind == "person":
            office, role = hit.office, hit.role
            if office is None:
                role = self.gz._role_on(ent, self.on_date)
                office = role.office if role else None
            if office is not None:
                self.anchor = (ent, office, role)

    # -- helpers

    def _forms(self, i: int) -> tuple[tuple[str, int], ...]:
        return _word_forms(self.tokens[i].text)

    def _gap_ok(self, j: int, pattern: re.Pattern) -> bool:
        return (
            pattern.fullmatch(self.folded, self.tokens[j - 1].end, self.tokens[j].start) is not None
        )

    def _longest(self, trie: _Trie, i: int) -> tuple[int, Any, int]:
        """Longest trie match starting at token ``i``: (end, value, prefix length)."""
        best = (-1, None, 0)
        for form, cut in self._forms(i):
            node = trie.root.get(form)
            if node is None:
                continue
            end, value = trie.longest(node, self.tokens, i, self.folded)
            if end > best[0]:
                best = (end, value, cut)
        return best

    def _prev_bare(self, i: int) -> set[str]:
        if i == 0:
            return set()
        return {form for form, _ in self._forms(i - 1)}

    def _locative(self, i: int, cut: int) -> bool:
        word = self.tokens[i].text
        if cut and word[0] == "ب":
            return True
        return bool(self._prev_bare(i) & self.gz._locative)

    def _dateline(self, i: int, end: int) -> bool:
        tok = self.tokens[i]
        line_start = self.folded.rfind("\n", 0, tok.start) + 1
        if self.folded[line_start : tok.start].strip():
            return False
        return _DATELINE_AFTER.match(self.folded, self.tokens[end - 1].end) is not None

    def _person_at(self, k: int) -> _Hit | None:
        """A person's name starting at token ``k`` (after a title)."""
        if k >= len(self.tokens) or not self._gap_ok(k, _NAME_GAP):
            return None
        hit = self._alias(k) or self._fuzzy(k)
        if hit and hit.entity is not None and hit.entity.kind == "person":
            return hit
        return None

    def _country_at(self, k: int) -> tuple[str | None, int]:
        """A nationality adjective or a country name at token ``k``: (country, end)."""
        if k >= len(self.tokens) or not self._gap_ok(k, _ALIAS_GAP):
            return None, k
        country = self.gz._nationality.get(self.tokens[k].text)
        if country:
            return country, k + 1
        end, slot, _ = self._longest(self.gz._aliases, k)
        if slot is not None and not slot.ignore and len(slot.entities) == 1:
            ent = slot.entities[0]
            if ent.kind == "country":
                return ent.name, end
            target = self.gz._metonym.get(ent.name)
            if target is not None:
                return target.name, end
        return None, k

    def _resolve(self, office: str, country: str | None, within: Role | None = None):
        holders = self.gz.holders(office, country, self.on_date)
        if self.on_date is None and within is not None:
            holders = [
                ent
                for ent in holders
                if any(
                    r.office == office and r.country == country and r.overlaps(within)
                    for r in ent.roles
                )
            ]
        return holders[0] if len(holders) == 1 else None

    def _merge_name(self, k: int, cut: int) -> _Hit | None:
        """The title (or counterpart) before token ``k`` followed by a person's name:
        one match for that person, spanning both."""
        person = self._person_at(k)
        if person is None:
            return None
        return _Hit(person.end, person.entity, person.via, cut)

    # -- the four matchers

    def _title(self, i: int) -> _Hit | None:
        end, office, cut = self._longest(self.gz._titles, i)
        generic = False
        if office is None:
            end, flag, cut = self._longest(self.gz._generic_minister, i)
            if flag is None:
                return None
            generic = True
        if self._prev_bare(i) & self.gz._block_before:
            return None
        country, k = self._country_at(end)
        needs_country = generic or self.gz._office_needs_country.get(office, True)
        if needs_country and country is None:
            return self._merge_name(end, cut)
        after = self.gz._office_after.get(office) if not generic else None
        if after is not None:
            # "المندوب الروسي" is any envoy; "المندوب الروسي لدى الأمم المتحدة" is one.
            a_end, ok, _ = self._longest(after, k) if k < len(self.tokens) else (-1, None, 0)
            if not ok or not self._gap_ok(k, _ALIAS_GAP):
                return self._merge_name(k, cut)
            k = a_end
        merged = self._merge_name(k, cut)
        if merged is not None:
            return merged
        if k < len(self.tokens) and self.tokens[k].text in self.gz._block_after:
            return None
        person = self._recent_minister(country) if generic else self._resolve(office, country)
        if person is None:
            return None
        return _Hit(k, person, "title", cut, office=None if generic else office)

    def _recent_minister(self, country: str) -> Entity | None:
        """ "الوزير الروسي": the minister of that country matched last, else its FM."""
        for m in reversed(self.matches):
            ent = m.entity
            if ent.kind != "person":
                continue
            role = self.gz._role_on(ent, self.on_date)
            if role and role.country == country and role.office.endswith("minister"):
                return ent
        return self._resolve("foreign_minister", country)

    def _counterpart(self, i: int) -> _Hit | None:
        forms = self._forms(i)
        hit = next(((f, c) for f, c in forms if f in self.gz._counterpart), None)
        if hit is None:
            return None
        cut = hit[1]
        country, k = self._country_at(i + 1)
        merged = self._merge_name(k, cut)
        if merged is not None:
            return merged
        if country is None or self.anchor is None:
            return None
        _, office, role = self.anchor
        person = self._resolve(office, country, within=role)
        if person is None:
            return None
        return _Hit(k, person, "counterpart", cut, office=office)

    def _alias(self, i: int) -> _Hit | None:
        end, slot, cut = self._longest(self.gz._aliases, i)
        if slot is None:
            return None
        if slot.ignore:
            return _Hit(end, None, "name")
        if self._nisba(i, end, cut):
            return _Hit(end, None, "name")
        if slot.cue_only and not self._locative(i, cut):
            return None
        ent = self._choose(slot.entities)
        if ent is None:
            return None
        if end == i + 1 and self._other_given_name(i, ent):
            return _Hit(end, None, "name")
        alt = None
        target = self.gz._metonym.get(ent.name)
        if target is not None and not (self._locative(i, cut) or self._dateline(i, end)):
            ent, alt = target, ent
        elif target is not None:
            alt = target
        return _Hit(end, ent, "name", cut, alt=alt)

    def _other_given_name(self, i: int, ent: Entity) -> bool:
        """A bare surname right after a given name that is not the person's own: another
        person of that surname ("الرئيس الأسبق جيمي كارتر", "حافظ الأسد"). A middle name
        after the person's own first name ("باراك حسين أوباما") is still the person."""
        if ent.kind != "person" or i == 0 or not self._gap_ok(i, _ALIAS_GAP):
            return False
        own = self.gz._own_first.get(ent.name, set())
        before = {f for f, _ in self._forms(i - 1)}
        if not before & self.gz._given_names or before & own:
            return False
        return not (i >= 2 and {f for f, _ in self._forms(i - 2)} & own)

    def _nisba(self, i: int, end: int, cut: int) -> bool:
        """A nationality adjective read as a country name with its article stripped:
        "السورية" in "مدينة حلب السورية" is "Syrian", not the alias "سورية" (Syria)."""
        if end != i + 1 or not cut:
            return False
        word = self.tokens[i].text
        head = word[:cut]
        if not (head.endswith("ال") or head.endswith("لل")):
            return False
        return ("ال" + word[cut:]) in self.gz._nationality

    def _choose(self, entities: list[Entity]) -> Entity | None:
        """One entity for an alias; a shared surname goes to the one named before."""
        if len(entities) == 1:
            return entities[0]
        named = [e for e in entities if e.name in self.seen]
        if named:
            return max(named, key=lambda e: self.seen[e.name])
        if self.on_date is not None:
            active = [e for e in entities if any(r.active(self.on_date) for r in e.roles)]
            if len(active) == 1:
                return active[0]
        return None

    def _fuzzy(self, i: int) -> _Hit | None:
        gz = self.gz
        forms = self._forms(i)
        start = next(((f, c) for f, c in forms if f in gz._name_tokens), None)
        if start is None:
            return None
        first, cut = start
        choices, owners = gz._fuzzy[first]
        best: _Hit | None = None
        best_score = 0.0
        for size in (2, 3):
            j = i + size
            if j > len(self.tokens) or not all(
                self._gap_ok(t, _ALIAS_GAP) for t in range(i + 1, j)
            ):
                break
            window = " ".join([first] + [t.text for t in self.tokens[i + 1 : j]])
            found = process.extract(
                window,
                choices,
                scorer=fuzz.ratio,
                limit=8,
                score_cutoff=FUZZY_MIN_SCORE - FUZZY_MIN_MARGIN,
            )
            if not found:
                continue
            top_score, top_ent = found[0][1], owners[found[0][2]]
            rivals = [s for _, s, idx in found if owners[idx] is not top_ent]
            if top_score < FUZZY_MIN_SCORE or (rivals and top_score - rivals[0] < FUZZY_MIN_MARGIN):
                continue
            if top_score > best_score:
                best_score = top_score
                best = _Hit(j, top_ent, "fuzzy", cut)
        return best


@lru_cache(maxsize=1)
def default_records() -> tuple[list[dict], list[dict]]:
    """The packaged actor and place records as plain dicts (the JSON files' shape)."""
    return _load("actors.json", "actors"), _load("places.json", "places")


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded from ``data/*.json`` once per process."""
    actors, places = default_records()
    return Gazetteer.from_records(actors, places, _default_lexicon())

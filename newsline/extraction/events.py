"""Event candidates: sentences with a trigger, actors and a date → dated events.

The rules, in the order the code applies them (the lexicon and the closed word classes
are data, in ``data/triggers.json``):

1. **Sentences and segments.** The clean body is split into sentences (``text``). Each
   sentence is cut into segments at clause openers: the *head* (up to the first opener),
   *complement* clauses of reported speech (أن، إن، بأن…), *relative* clauses (الذي،
   التي…, and ردا على: "ضربة … ردا على الهجوم … الثلاثاء" tells an earlier event of its
   own; a reported or relative clause with no trigger and no present verb right after
   one with a trigger is part of it: "الهجوم المتهم النظام بأنه شنه … الثلاثاء"),
   *parallel* clauses (في حين، بينما، فيما; حيث before an event verb when no place
   precedes it: "كثف اتصالاته حيث استقبل الأسد الاثنين" — after a place it is "where",
   the same trip: "زار موسكو حيث التقى بوتين"), *anchor* clauses whose event is a
   day before/after the main one (غداة X: X was the day before; عشية X: the day after),
   *reference* phrases that only name another event as a time frame (بعد الاجتماع،
   عقب لقاء…, up to the next comma), *frame* phrases naming an event that happens with
   the main one (في ختام اجتماع عقدوه ليل الخميس، على هامش…: its date dates the head,
   its event is dated like the head and merges into any same-day event of its type),
   *attribution* (بحسب، نقلا عن: the source, never an actor) and *hypothetical*
   clauses (لو، إذا، في حال: nothing in them happened). A comma and a future verb
   close a relative clause: the head's own verb resumes ("والاجتماع الذي سبقه لقاء…،
   سيليه غدا لقاء موسع"). A reference word before a
   demonstrative (بعد ذلك) is an adverb, not a clause; "بعد ساعات من X" is a frame
   (X happened the same day).
2. **Triggers** are matched on the folded sentence with prefixes (و ف ب ل ك ال، سـ on
   verbs) and pronoun suffixes. A trigger's weight is its lexicon weight, times 0.6 in a
   complement or relative clause that has no date of its own (what a speaker reports
   is usually the content of a statement, not a new event: "قال كيري إن المحادثات
   جادة") — except an agreement the speaker announces as his own ("أعلن عنان أنه توصل
   مع الأسد إلى اتفاق": an announcement verb, a pronoun, the agreement verb), times
   0.5 for a noun of purpose (لعقد المؤتمر، للقاء), times 0.3 when negated
   (لم يلتق، فشلت في الاتفاق) — but not a noun that is the subject or object of a
   negated verb of outcome (لم يتوصل لقاء فيينا إلى إجماع، فشل الاجتماع: it was held).
   Hypothetical and reference segments give no event. An agreement verb whose object
   is على أهمية/ضرورة (اتفقوا على أهمية الحل السياسي) tells shared views, not a deal,
   and أمر before an imperfect verb is the noun "matter" (التصويت أمر ينتهك…): neither
   is a trigger. A verb may need a word after it in its clause, its subject between
   (وصل المبعوث الإبراهيمي إلى دمشق: a visit; وصل عدد القتلى إلى: a figure, none;
   أسفر الاجتماع … عن اتفاق/إجماع: an agreement; أسفر القصف عن مقتل: none). After an
   arrival verb of the same day a purpose is weighed as one even when dated (وصل … لحضور
   جلسة مجلس الأمن الخميس: a visit), an appeal told as a purpose (لحث … على التوصل إلى)
   asks for a deal, and a relative clause on an event only asked for (حث القرار على
   استئناف محادثات … التي تجرى) tells none.
3. **Dates** (``dates.find_dates``) are attached, each, to the nearest trigger of the
   sentence; dates after منذ (since) or حتى/لغاية/بحلول (a deadline) and in
   reference/attribution/hypothetical segments are ignored, and so are dates of a
   reported clause with no trigger of its own (يقضي الإطار بأن يبدأ المفتشون في نوفمبر:
   the content's date; such a clause does not make the sentence future either); a
   relative clause's own
   date dates only its own event, which takes no actor from the head. A date after
   اعتبارا من/ابتداء من dates what starts then — a ceasefire, talks, a trip
   (فستبدأ المفاوضات اعتبارا من الجمعة), not a generic plural — and, in a sentence with
   a statement verb (a decision taking effect: قرر تعليق المشاركة…), only a ceasefire; an
   explicit date in a lead dateline ("عمان 23 كانون الثاني (بترا) -") is the
   publication date, not an event date. A clause opener that begins a name (بان كي
   مون) is not an opener.
   Several unrelated dates of one trigger (a week apart, or months more than a month
   apart) keep the first; a month date spans the whole month.
   Triggers with the same date form one *cluster*; undated triggers of the
   head and of reported clauses join the first cluster, undated triggers of a parallel
   clause form their own cluster dated like the main one (or join the dated trigger of
   their clause), undated triggers of a past
   relative clause (الذي سبقه لقاء) form their own cluster dated by the fallback when
   the main date is in the future, and an anchor clause's
   cluster is dated one day before (غداة) or after (عشية) the main date. A sentence can
   therefore give several events ("ستتوجهان يوم غد لعقد اللقاءات … في اليوم التالي").
4. **Type** = the type of the strongest trigger of the cluster (an evacuation — عملية
   إجلاء، buses leaving a district: خرجت الحافلات — is an agreement of kind
   ``evacuation``, a local deal carried out; like a ceasefire it needs only a place,
   and with no party of its own it takes those the sentence names); ties follow the
   ``precedence`` list of the lexicon (a call that mentions اتفاق is a call — the call
   weighs 1.0, the agreement noun 0.6).
5. **Actors**: gazetteer matches in the cluster's segments, plus the head when the
   cluster holds a reported clause; capital cities in a non-locative position stand for
   their country (واشنطن وموسكو → United States, Russia); dual anaphors (الوزيرين،
   الطرفين) resolve to the two persons of a recent sentence, group anaphors (المشاركون،
   المجتمعون، الوفود) to the parties of the last meeting; a nationality adjective names an actor
   after an event or agent noun (غارات جوية روسية، الطائرات الحربية السورية), never
   after another noun (الحدود التركية), and a count adjective may stand between (لقاء
   رباعي سعودي أمريكي); a person after a topic word (حول مصير الأسد) is an actor but
   not a key actor; a country after a topic word (اجتماع حول سوريا،
   لبحث مستقبل سوريا) is what is talked about, not a party, while عن after a
   representative noun names one (ممثلين عن النظام). A visit told by an arrival verb is
   keyed to its subject, before إلى (whom he came to see is an actor); the addressee of
   an appeal (دعا X Y إلى: the actors after the subject — up to a person's name, else
   those right after the verb joined by و) is no speaker; a truce whose sides go
   unnamed takes the deal its sentence names by nationality (الاتفاق الروسي-الأميركي).
   *Key actors* are the actors
   of the winning trigger's segment (for a statement: the speaker in the head), persons
   and organisations first — but an attack's are the states and forces of its segment
   when it names any ("شن الجيش الأمريكي، بأمر من الرئيس ترامب، ضربة": the United
   States, not Trump). A dated meeting that names no party ("عقد أمس اجتماع في
   جنيف", "لقاء موسع مع دبلوماسيين") takes the parties named in the next sentence of
   the paragraph when that sentence tells no event, else the key actors of a meeting
   told in the two sentences before, within three days of it. No actor → no event (a
   violence event may have a place instead): this is what keeps headlines of related-news lists out.
6. **Place**: a place of the cluster's segments after a locative preposition (في جنيف،
   بنيويورك). The dateline city is not the event place (``text`` removes datelines),
   nor is a place named right after a source noun (مصدر أمني في دمشق).
7. **Date fallback** for a cluster with no date: the date of the previous sentence of
   the same paragraph (unless that date is after publication: a past-tense sentence
   after a future one is not in the future); else the publication date when the article
   is news of the day (one of its own date expressions is the publication day or the day
   before: that day, so a morning paper's "أمس" lead dates its undated statements; a
   day told in reported speech — "قالوا إن واشنطن أبلغت، الإثنين، …" — is not one) and
   the verb is not future (a past verb of a reported clause is not made future by
   another clause: "أنه توصل إلى اتفاق … ستجري مناقشته"); else the publication date with
   low confidence. Undated future events, undated generic plurals (الاجتماعات), undated
   sentences that open with a background marker (والجدير بالذكر) and undated weak nouns
   (مؤتمر، اتفاق: a topic) are dropped — unless an aspect verb stands before the noun
   (بدأ مؤتمر جنيف أعماله). A meeting noun (not a conference or summit) with a single
   party, no venue and no date of its own in a sentence with a speech verb ("قال بوتين
   خلال اجتماع حكومي") is the statement; a past-tense statement verb whose only date is
   after publication is dropped (the date is its content's); a ceasefire with no party
   right after an agreement takes the agreement's parties.
8. **Status** is ``planned`` when the date is after publication, or on the day itself
   with a future verb (سيلتقي اليوم); otherwise ``occurred``. An attack is only news
   when it happened: a planned one (أبلغ … بأنه سيتم البدء في توجيه ضربات) gives no event,
   nor does one whose place is outside Syria when no actor is Syrian — the state, or an
   actor whose country is Syria (شنت فرنسا هجمات … في العراق، هجمات باريس: another war),
   nor a campaign of a month told in a relative clause to present an actor (التحالف الذي
   بدأ في شن هجومه … في أيلول الماضي: background).
9. **Within the article** a definite noun with no verb (المكالمة الهاتفية) refers back
   to the last event of its type and only adds evidence — so does a noun after a
   demonstrative even beside other nouns of its type ("ويعد هذا الاجتماع …، ويشارك في
   اجتماع فيينا"), and so do the event nouns of a sentence whose subject opens it as a
   demonstrative phrase ("وجاء هذا الإعلان في مؤتمر صحفي": the setting of the last
   statement; with no such event before, it is the news); a statement opened by a
   continuation verb (وأضاف، وتابع) joins the previous statement; candidates of the
   same type and status, overlapping dates and overlapping key actors merge — as does an
   attack or truce told again with no party of its own on the same day, at the same
   place or none (not two
   meetings or calls that each name a person the other does not: Putin with Rouhani,
   then Putin with Khamenei), and an
   undated restatement merges into the dated event it restates; Security Council items
   of the same day are one session; finally a statement
   that names an event as its frame (بعد الاجتماع) or shares a key actor with a
   same-day meeting or call attaches to it as evidence, as does one whose speaker is a
   party to a same-day truce its sentence names (not an agreement: what a party says of
   its deal is news of its own, as the gold sets keep it).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path

from . import dates as dates_mod
from . import text as text_mod
from .gazetteer import Entity, EntityMatch, Gazetteer, default_gazetteer
from .normalize import fold, fold_with_offsets, original_span
from .titles import clean_clause, title_ar, title_en

_DATA = Path(__file__).parent / "data" / "triggers.json"
log = logging.getLogger(__name__)

# How much a date source is worth in the confidence score.
_DATE_SOURCE_WEIGHT = {
    "explicit": 1.0,
    "relative": 0.9,
    "anchor": 0.8,
    "carried": 0.75,
    "fallback": 0.65,
    "weak": 0.4,
}
_STRONG_SOURCES = ("explicit", "relative", "anchor")

_COMPLEMENT_FACTOR = 0.6
_PURPOSE_FACTOR = 0.5
_NEGATION_FACTOR = 0.3
_DEFINITE_FACTOR = 0.7  # الاتفاق، المحادثات: usually names an event already told
_MIN_WEIGHT = 0.35
# Events a statement can be made "about" (بعد الاجتماع), and events whose place is an
# object rather than a locative (قصف حلب، زار أنقرة).
_FRAME_TYPES = ("meeting", "call", "un_security_council")
_TARGET_TYPES = ("violence", "ceasefire", "visit")
# Events that start on a date given by اعتبارا من / ابتداء من (talks, a truce, a trip);
# for a decision (قرر تعليق المشاركة في الاجتماعات اعتبارا من الأربعاء) it is when the
# decision takes effect: with a statement verb in the sentence only a ceasefire takes it.
_STARTING_TYPES = ("ceasefire", "meeting", "visit")
_MIDNIGHT = fold("منتصف الليل")
_WEAK_NOUN = 0.7  # an undated noun below this is a topic (اتفاق، هدنة), not an event

_NOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "نا", "ه")
_DEMONSTRATIVES = frozenset(fold(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين"))
# a Latin word glued to an Arabic one ("Read this story in Englishوصل") is two words
_WORD = re.compile(r"[a-zA-Z]+|[^\Wa-zA-Z]+")
_ENDS_SENTENCE = re.compile(r"[.!?؟…][\"'»”)\]]*\s*$")
_HOURS = frozenset(fold(w) for w in ("ساعات", "ساعة", "ساعتين", "دقائق", "لحظات"))
_NOT_EVENT_DATE = frozenset(("منذ", "حتي", "لغايه", "غايه", "بحلول"))
_NOT_PURPOSE = frozenset(("لكن", "لدي", "لدى", "لذلك", "لقد", "لهذا", "لكنه", "لكنها", "لاسيما"))


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class TriggerGroup:
    type: str
    pos: str  # "verb" | "noun" | "phrase"
    weight: float
    plural: bool
    kind: str | None
    requires: tuple[str, ...]  # folded phrases, one of which must be in the sentence
    within: frozenset[tuple[str, ...]] = frozenset()  # one follows within 8 words
    not_next: frozenset[str] = frozenset()  # the next word must be none of these


@dataclass(frozen=True)
class _Entry:
    words: tuple[str, ...]
    group: TriggerGroup


@dataclass(frozen=True)
class Lexicon:
    index: dict[str, tuple[_Entry, ...]]  # first folded word → entries
    cameo: dict[str, str]
    titles: dict[str, dict[str, str]]
    kinds_en: dict[str, dict[str, str]]
    precedence: tuple[str, ...]
    markers: dict[str, tuple[tuple[str, ...], ...]]
    metonyms: frozenset[str]


_fold = lru_cache(maxsize=1 << 16)(fold)  # short strings only: names, a few words


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(phrase)))


@cache
def lexicon() -> Lexicon:
    """The trigger lexicon, folded and indexed by first word (loaded once)."""
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    index: dict[str, list[_Entry]] = {}
    for type_name, spec in raw["types"].items():
        for g in spec["groups"]:
            group = TriggerGroup(
                type=type_name,
                pos=g["pos"],
                weight=float(g.get("weight", 0.5)),
                plural=bool(g.get("plural", False)),
                kind=g.get("kind"),
                requires=tuple(" ".join(_words(r)) for r in g.get("requires", ())),
                within=frozenset(_words(r) for r in g.get("within", ())),
                not_next=frozenset(w for r in g.get("not_next", ()) for w in _words(r)),
            )
            for form in g["forms"]:
                words = _words(form)
                if words:
                    index.setdefault(words[0], []).append(_Entry(words, group))
    markers = {
        name: tuple(w for w in (_words(p) for p in items) if w)
        for name, items in raw["markers"].items()
        if name != "metonyms"
    }
    return Lexicon(
        index={k: tuple(v) for k, v in index.items()},
        cameo={t: s["cameo"] for t, s in raw["types"].items()},
        titles={t: s["title_en"] for t, s in raw["types"].items()},
        kinds_en={t: s.get("kinds_en", {}) for t, s in raw["types"].items()},
        precedence=tuple(raw["precedence"]),
        markers=markers,
        metonyms=frozenset(raw["markers"]["metonyms"]),
    )


def cameo_code(event_type: str) -> str:
    """CAMEO root code of an event type (for exports)."""
    return lexicon().cameo[event_type]


# --------------------------------------------------------------------------- tokens


@dataclass
class _Tok:
    text: str  # folded
    start: int  # offsets in the folded sentence
    end: int


_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")


@cache
def _noun_prefixes() -> tuple[tuple[str, bool, bool], ...]:
    """(prefix, has article, has preposition ل) combinations, longest first."""
    out = set()
    for c in _CONJ:
        for p in _PREP:
            for art in ("", "ال"):
                pre = c + ("لل" if (p == "ل" and art) else p + art)
                out.add((pre, bool(art), p == "ل"))
    return tuple(sorted(out, key=lambda x: -len(x[0])))


def _noun_stems(tok: str) -> list[tuple[str, bool, bool]]:
    stems = []
    for pre, art, lam in _noun_prefixes():
        if tok.startswith(pre) and len(tok) - len(pre) >= 2:
            stems.append((tok[len(pre) :], art, lam))
    return stems


def _verb_stems(tok: str) -> list[tuple[str, bool]]:
    stems = []
    for c in _CONJ:
        if not tok.startswith(c):
            continue
        rest = tok[len(c) :]
        if len(rest) >= 2:
            stems.append((rest, False))
        if rest.startswith("س") and len(rest) >= 4 and rest[1] in "يتنا":
            stems.append((rest[1:], True))
    return stems


@lru_cache(maxsize=1 << 14)
def _alias_forms(name_ar: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    return (_fold(name_ar), *(_fold(a) for a in aliases))


def _loose_adj(tok: str) -> str:
    """A folded token as the gazetteer's nationality table spells it, with its article:
    والروسي → الروسي, روسية → الروسيه (the table lists definite adjectives)."""
    if len(tok) > 4 and tok[0] in "وف" and tok[1:3] == "ال":
        tok = tok[1:]
    elif not tok.startswith("ال"):
        if len(tok) > 4 and tok[0] in "وف":
            tok = tok[1:]
        tok = "ال" + tok
    return tok.replace("اميرك", "امريك")


def _bare(tok: str) -> str:
    """The token without an attached و/ف (for marker words)."""
    if len(tok) > 2 and tok[0] in "وف":
        return tok[1:]
    return tok


# --------------------------------------------------------------------------- analysis


@dataclass
class Trigger:
    group: TriggerGroup
    start: int  # offsets in the sentence (original text)
    end: int
    tok: int  # first token index
    ntok: int
    definite: bool
    purpose: bool
    future: bool
    negated: bool
    segment: int = 0
    demonstrative: bool = False  # هذا الإعلان، هذه المحادثات: names an event told before
    weight: float = 0.0
    dates: list = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.group.type


@dataclass
class Segment:
    kind: str  # head | complement | relative | parallel | anchor_before | anchor_after |
    #            reference | attribution | hypothetical | speaker
    start: int  # token index
    end: int  # token index (exclusive)
    cstart: int = 0  # char offsets in the sentence
    cend: int = 0


_EVENTFUL = (
    "head",
    "complement",
    "relative",
    "parallel",
    "anchor_before",
    "anchor_after",
    "speaker",
    "frame",
)


@dataclass
class _Sent:
    index: int
    start: int  # in body
    end: int
    text: str
    para: int
    folded: str
    offsets: list[int]
    toks: list[_Tok]
    segments: list[Segment]
    triggers: list[Trigger]
    dates: list  # TimeExpr kept, with .segment attribute via dict below
    date_seg: list[int]
    entities: list[EntityMatch]
    ent_seg: list[int]
    future: bool
    background: bool
    continuation: bool
    effective: set = field(default_factory=set)  # ids of dates after اعتبارا من


@cache
def _phrase_index(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:
        index.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in index.items()}


def _marker_hits(toks: list[_Tok], phrases) -> dict[int, int]:
    """Token positions where one of the marker phrases starts → phrase length.

    The first word may carry an attached و/ف (وبحسب، فيما).
    """
    index = _phrase_index(phrases)
    hits: dict[int, int] = {}
    texts = [t.text for t in toks]
    for i, tok in enumerate(texts):
        cands = index.get(tok, ())
        bare = _bare(tok)
        if bare != tok:
            cands = cands + index.get(bare, ())
        for words in cands:
            n = len(words)
            if n > hits.get(i, 0) and (n == 1 or texts[i + 1 : i + n] == list(words[1:])):
                hits[i] = n
    return hits


def _segments(toks: list[_Tok], folded: str) -> list[Segment]:
    lex = lexicon().markers
    openers: dict[int, tuple[str, int]] = {}
    order = (
        ("complementizers", "complement"),
        ("relatives", "relative"),
        ("response", "relative"),  # ردا على الهجوم …: an earlier event, told as a relative
        ("parallel", "parallel"),
        ("whereby", "whereby"),  # حيث: kept as a clause by _whereby only before an event verb
        ("anchor_before", "anchor_before"),
        ("anchor_after", "anchor_after"),
        ("reference", "reference"),
        ("frame", "frame"),
        ("hypothetical", "hypothetical"),
        ("attribution", "attribution"),
        ("speaker", "speaker"),
    )
    for name, kind in order:
        for i, n in _marker_hits(toks, lex[name]).items():
            if i not in openers or n > openers[i][1]:
                openers[i] = (kind, n)
    for i in _marker_hits(toks, lex.get("opener_exceptions", ())):
        openers.pop(i, None)  # بان كي مون: a name, not the complementizer بأن
    segs: list[Segment] = []
    kind, start = "head", 0
    resume: str | None = None  # kind to return to after a reference phrase
    i = 0
    while i < len(toks):
        if i in openers and (i > 0 or openers[i][0] == "hypothetical"):
            # a sentence-initial فيما/كما/بعد is a connector, not a clause opener
            new_kind, n = openers[i]
            nxt = [_bare(t.text) for t in toks[i + n : i + n + 2]]
            if new_kind == "reference" and nxt[:1] and nxt[0] in _DEMONSTRATIVES:
                i += n + 1  # بعد ذلك، قبل ذلك: "afterwards", not another event
                continue
            if new_kind == "reference" and nxt[1:] == ["من"] and nxt[0] in _HOURS:
                new_kind = "frame"  # بعد ساعات من اجتماع عقدته المجموعة: the same day
            if i > start:
                segs.append(Segment(kind, start, i))
            if new_kind in ("reference", "attribution", "frame"):
                resume = kind if kind not in ("reference", "attribution", "frame") else resume
            elif kind in ("hypothetical",):
                new_kind = "hypothetical"  # nothing inside a condition happened
            kind, start = new_kind, i
            i += n
            continue
        gap = folded[toks[i - 1].end : toks[i].start] if i > 0 else ""
        # A colon after the head opens the quoted words: "وقال في بيان: «…»".
        if kind == "head" and ":" in gap and i > start:
            segs.append(Segment(kind, start, i))
            kind, start = "complement", i
        # A comma closes a reference phrase or an attribution; the clause around resumes.
        closes = "," in gap or ":" in gap
        if kind == "relative" and i > start and "," in gap and _future_verb(toks[i].text):
            # "والاجتماع الذي سبقه لقاء…، سيليه غدا لقاء موسع": the main verb resumes
            segs.append(Segment(kind, start, i))
            kind, start = "head", i
        if kind in ("reference", "attribution", "frame") and i > start and closes:
            segs.append(Segment(kind, start, i))
            kind, start = resume or "head", i
        i += 1
    if start < len(toks):
        segs.append(Segment(kind, start, len(toks)))
    return segs or [Segment("head", 0, 0)]


def _future_verb(tok: str) -> bool:
    """سيليه، ستبدأ، وسيعقد: a verb with the future prefix سـ (folded token)."""
    tok = _bare(tok)
    return tok == "سوف" or (len(tok) >= 4 and tok[0] == "س" and tok[1] in "يتن")


def _past_clause(toks: list[_Tok], seg: Segment) -> bool:
    """Does a relative clause open with a past verb (الذي سبقه، التي عقدت)? The word
    after the pronoun is not an imperfect or future verb and carries no article."""
    if seg.end - seg.start < 2:
        return False
    w = _bare(toks[seg.start + 1].text)
    imperfect = w[0] in "يتن" and len(w) >= 4
    return len(w) >= 3 and not imperfect and not _future_verb(w) and not w.startswith("ال")


@lru_cache(maxsize=1 << 16)
def _token_entries(tok: str) -> tuple[tuple[_Entry, bool, bool, bool], ...]:
    """Lexicon entries whose first word this token can be: (entry, ال, ل, سـ)."""
    index = lexicon().index
    out: list[tuple[_Entry, bool, bool, bool]] = []
    seen: set[tuple[int, bool, bool, bool]] = set()

    def add(stem: str, kind: str, art: bool, lam: bool, fut: bool) -> None:
        for entry in index.get(stem, ()):
            g = entry.group
            if kind == "verb" and g.pos == "noun":
                continue
            if kind == "noun" and g.pos == "verb" and stem != tok:
                continue  # a verb takes no ب/ل/ك/ال prefix and no pronoun suffix
            key = (id(entry), art, lam, fut)
            if key not in seen:
                seen.add(key)
                out.append((entry, art, lam, fut))

    for stem, art, lam in _noun_stems(tok):
        add(stem, "noun", art, lam, False)
        for suf in _NOUN_SUFFIXES:
            if stem.endswith(suf) and len(stem) - len(suf) >= 3:
                base = stem[: -len(suf)]
                add(base, "noun", art, lam, False)
                if base.endswith("ت"):
                    add(base[:-1] + "ه", "noun", art, lam, False)
    for stem, fut in _verb_stems(tok):
        add(stem, "verb", False, False, fut)
    return tuple(out)


def _find_triggers(toks: list[_Tok], folded: str) -> list[Trigger]:
    texts = [t.text for t in toks]
    found: list[Trigger] = []
    i = 0
    while i < len(toks):
        best = None
        for entry, art, lam, fut in _token_entries(texts[i]):
            g = entry.group
            n = len(entry.words)
            if n > 1 and texts[i + 1 : i + n] != list(entry.words[1:]):
                continue
            if g.requires and not any(r in folded for r in g.requires):
                continue
            if (g.within or g.not_next) and not _followed(toks, folded, i + n - 1, g):
                continue
            key = (n, len("".join(entry.words)), g.weight)
            if best is None or key > best[0]:
                best = (key, entry, art, lam, fut)
        if best is None:
            i += 1
            continue
        (n, _, _), entry, art, lam, fut = best
        if entry.group.type == "visit" and entry.group.pos == "noun" and _round_of_talks(texts, i):
            i += n
            continue
        # a noun right after a ل-masdar is the aim of another action: "لانتزاع اتفاق"
        after_purpose = (
            entry.group.pos != "verb"
            and i > 0
            and texts[i - 1].startswith("ل")
            and texts[i - 1] not in _NOT_PURPOSE
            and len(texts[i - 1]) > 3
        )
        demonstrative = (
            entry.group.pos != "verb" and i > 0 and _bare(texts[i - 1]) in _DEMONSTRATIVES
        )
        found.append(
            Trigger(
                group=entry.group,
                start=toks[i].start,
                end=toks[i + n - 1].end,
                tok=i,
                ntok=n,
                definite=art or demonstrative,
                demonstrative=demonstrative,
                purpose=(lam and entry.group.pos != "verb") or after_purpose,
                future=fut,
                negated=False,
            )
        )
        i += n
    return found


def _followed(toks: list[_Tok], folded: str, last: int, g: TriggerGroup) -> bool:
    """Does what follows the trigger ending at token ``last`` fit its group: a ``within``
    word in the next eight words of the clause ("وصل المبعوث … إلى دمشق"), and a next
    word that is no ``not_next`` word ("وصل عدد القتلى إلى": a figure)?"""
    if last + 1 >= len(toks):
        return False
    nxt = toks[last + 1].text
    if g.not_next and (nxt in g.not_next or nxt.removeprefix("ال") in g.not_next):
        return False
    if not g.within:
        return True
    # twelve words: a title may stand between ("وصل كوفي عنان مبعوث الامم المتحدة
    # وجامعة الدول العربية الى دمشق")
    for j in range(last + 1, min(len(toks), last + 13)):
        if _CLAUSE_STOP.search(folded[toks[j - 1].end : toks[j].start]):
            return False
        if any(tuple(t.text for t in toks[j : j + len(w)]) == w for w in g.within):
            return True
    return False


def _round_of_talks(texts: list[str], i: int) -> bool:
    """ "جولة جديدة من المحادثات", "الجولة السادسة من محادثات أستانا": talks, not a trip."""
    if not _bare(texts[i]).lstrip("ب").removeprefix("ال").startswith("جول"):
        return False
    talks = {w[0] for w in lexicon().markers["talks_words"]}
    for t in texts[i + 1 : i + 5]:
        for stem, _art, _lam in _noun_stems(t):
            if stem in talks:
                return True
        if t in talks:
            return True
    return False


def _negated(toks: list[_Tok], i: int, noun: bool = False) -> bool:
    """Is the trigger at token ``i`` negated (لم يلتق، دون اتفاق، فشلت في الاتفاق)?

    A noun is not negated when it is the subject or object of another, negated verb
    that says how it went, not whether it happened: "لم يتوصل لقاء فيينا إلى إجماع"
    (the meeting took place), "فشل الاجتماع في…"; "لم يعقد الاجتماع" still negates it.
    """
    lex = lexicon().markers
    near = {w[0] for w in lex["negation_near"]}
    far = {w[0] for w in lex["negation_far"]}
    outcome = {w[0] for w in lex["outcome_verbs"]}
    for j in range(max(0, i - 2), i):
        if _bare(toks[j].text) in near or toks[j].text in near:
            if noun and j == i - 2 and _bare(toks[i - 1].text) in outcome:
                continue
            return True
    for j in range(max(0, i - 6), i):
        if _bare(toks[j].text) in far or toks[j].text in far:
            if noun and j == i - 1:
                continue  # فشل الاجتماع: the meeting failed, so it was held
            return True
    return False


def _appealed(toks: list[_Tok], t, folded: str) -> bool:
    """Is the meeting, agreement or visit at trigger ``t`` only asked for (وناشد عنان
    القوى الكبرى التوصل إلى اتفاق، يدعو القرار إلى اجتماع … لخوض مفاوضات)? An appeal
    verb up to ten words before it in the same clause (no comma or full stop between):
    then it is no trigger at all, dated or not. Only nouns and verbal nouns (التوصل):
    a finite verb tells what was done ("يدعو للقلق … اجتمع"). A call for a truce is
    left to the statement rules. Likewise an attack that an order verb (فوض، أمر) names
    is ordered, not told ("فوض قواته الجوية بشن الهجمات", "أمرت باستهداف الموقع"): the
    attack itself is told elsewhere, with its own day."""
    if t.type == "violence":
        appeal = {w[0] for w in lexicon().markers["order_verbs"]}
    elif t.type in ("meeting", "agreement", "visit"):
        appeal = {w[0] for w in lexicon().markers["appeal_verbs"]}
    else:
        return False
    if t.group.pos == "verb" and not folded[t.start : t.end].startswith("ال"):
        return False
    for j in range(t.tok - 1, max(-1, t.tok - 11), -1):
        if _CLAUSE_STOP.search(folded[toks[j].end : toks[j + 1].start]):
            return False
        word = _bare(toks[j].text)
        # "وصل عنان لحث الأسد على التوصل إلى حل": the appeal may be a purpose (لحث)
        if word in appeal or toks[j].text in appeal or word.removeprefix("ل") in appeal:
            return True
    return False


_CLAUSE_STOP = re.compile(r"[.،,:؛;!?؟]")


def _describes_appealed(toks: list[_Tok], t, appealed: list) -> bool:
    """Is ``t`` the verb of a relative clause on an event only asked for ("وحث القرار
    … على استئناف محادثات السلام التي تجرى بوساطة الأمم المتحدة": the talks are urged,
    their relative clause tells no meeting)?"""
    if t.group.pos != "verb" or t.tok < 2:
        return False
    if toks[t.tok - 1].text not in {w[0] for w in lexicon().markers["relatives"]}:
        return False
    return any(0 <= t.tok - 1 - (a.tok + a.ntok) <= 2 for a in appealed)


def _views_agreed(toks: list[_Tok], t, folded: str) -> bool:
    """Is the agreement verb at trigger ``t`` one of shared views, not a deal ("اتفق
    الأسد ودي ميستورا على أهمية تطبيق القرار", "اتفقوا على ضرورة الحل السياسي")? Its
    object, within eight words in the same clause, is على + a view noun (أهمية،
    ضرورة): what the parties said together, told by the meeting or statement it
    came from. "اتفقوا على وقف إطلاق النار" is still a deal."""
    if t.type != "agreement" or t.group.pos != "verb" or t.ntok > 1:
        return False
    views = {w[0] for w in lexicon().markers["view_nouns"]}
    for j in range(t.tok + 1, min(len(toks) - 1, t.tok + 9)):
        if _CLAUSE_STOP.search(folded[toks[j - 1].end : toks[j].start]):
            return False
        if toks[j].text == "علي":
            nxt = toks[j + 1].text
            return nxt in views or nxt.removeprefix("ال") in views
    return False


def _matter_noun(toks: list[_Tok], t) -> bool:
    """Is the statement verb at trigger ``t`` the noun it is spelt like (أمر "a
    matter")? It is when an imperfect verb follows: "طرح المشروع للتصويت أمر ينتهك
    الإجراءات" — a verb أمر (ordered) is followed by its subject or ب."""
    if t.type != "statement" or t.group.pos != "verb" or t.tok + 1 >= len(toks):
        return False
    if toks[t.tok].text not in {w[0] for w in lexicon().markers["matter_nouns"]}:
        return False
    nxt = toks[t.tok + 1].text
    return nxt.startswith("ي") and len(nxt) > 3


def _has_phrase(toks: list[_Tok], phrases) -> bool:
    return bool(_marker_hits(toks, phrases))


def _analyse(body: str, published: date | None, gaz: Gazetteer) -> list[_Sent]:
    lex = lexicon()
    sentences = text_mod.split_sentences(body)
    out: list[_Sent] = []
    for k, s in enumerate(sentences):
        folded, offsets = fold_with_offsets(s.text)
        toks = [_Tok(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)]
        found = _find_triggers(toks, folded)
        appealed = [t for t in found if _appealed(toks, t, folded)]
        kept = [
            t
            for t in found
            if t not in appealed
            and not _describes_appealed(toks, t, appealed)
            and not _views_agreed(toks, t, folded)
            and not _matter_noun(toks, t)
        ]
        segs = _segments(toks, folded)
        segs = _whereby(segs, kept, toks, s.text, offsets, gaz)
        segs = _fold_reported_detail(segs, kept, toks)
        for seg in segs:
            a = toks[seg.start].start if seg.start < len(toks) else len(folded)
            b = toks[seg.end - 1].end if seg.end > seg.start else a
            seg.cstart, seg.cend = original_span(offsets, a, b) if b > a else (0, 0)
        for t in kept:
            t.negated = _negated(toks, t.tok, noun=t.group.pos != "verb")
            t.start, t.end = original_span(offsets, t.start, t.end)
            t.segment = _seg_of_tok(segs, t.tok)
        # The tense is the events': a reported clause with no trigger of its own (يقضي
        # الاتفاق بأن يبدأ المفتشون في نوفمبر المقبل) does not make the sentence future.
        content = {
            k
            for k, seg in enumerate(segs)
            if seg.kind == "complement" and not any(t.segment == k for t in kept)
        }
        tense_toks = [t for j, t in enumerate(toks) if _seg_of_tok(segs, j) not in content]
        tense_text = " ".join(
            s.text[seg.cstart : seg.cend] for k, seg in enumerate(segs) if k not in content
        )
        future_marker = _has_phrase(tense_toks, lex.markers["future"])
        background = bool(toks) and 0 in _marker_hits(toks[:4], lex.markers["background"])
        first = _first_content_tok(toks)
        continuation = first is not None and (
            _bare(toks[first].text) in {w[0] for w in lex.markers["continuation"]}
        )
        tense_future = future_marker or any(t.future for t in kept)
        with contextlib.suppress(Exception):  # a helper bug must not lose the article
            tense_future = tense_future or dates_mod.sentence_tense(tense_text) == "future"
        out.append(
            _Sent(
                index=k,
                start=s.start,
                end=s.end,
                text=s.text,
                para=body.count("\n\n", 0, s.start),
                folded=folded,
                offsets=offsets,
                toks=toks,
                segments=segs,
                triggers=kept,
                dates=[],
                date_seg=[],
                entities=[],
                ent_seg=[],
                future=tense_future,
                background=background,
                continuation=continuation,
            )
        )
    return out


def _whereby(
    segs: list[Segment], triggers: list[Trigger], toks: list[_Tok], text: str, offsets, gaz
) -> list[Segment]:
    """حيث + an event verb after a clause that names no place ("كثف بوتين اتصالاته حيث
    استقبل الأسد في سوتشي الاثنين") tells an event of its own: a parallel clause.
    After a place it means "where" ("زار موسكو حيث التقى بوتين": the same trip), and
    before anything else it adds a detail: the clause goes on."""
    out: list[Segment] = []
    for seg in segs:
        if seg.kind != "whereby":
            out.append(seg)
            continue
        verb = any(t.tok == seg.start + 1 and t.group.pos == "verb" for t in triggers)
        placed = False
        if verb and seg.start > 0:
            a = toks[max(0, seg.start - 6)].start
            a, b = original_span(offsets, a, toks[seg.start - 1].end)
            placed = any(m.entity.kind in ("place", "country") for m in gaz.find(text[a:b]))
        if verb and not placed:
            out.append(Segment("parallel", seg.start, seg.end))
        elif out:
            out[-1] = Segment(out[-1].kind, out[-1].start, seg.end)
        else:
            out.append(Segment("head", seg.start, seg.end))
    return out


def _fold_reported_detail(
    segs: list[Segment], triggers: list[Trigger], toks: list[_Tok]
) -> list[Segment]:
    """A reported or relative clause with no trigger right after a relative clause that
    has one tells that clause's event: "ردا على الهجوم المتهم النظام بأنه شنه على خان
    شيخون الثلاثاء", "ردا على الهجوم الذي شنته النصرة على مطار حماة الخميس" — the
    Tuesday, the town and the attacker are the attack's. It joins the relative clause
    instead of being dropped as a content clause or cut off from its event. A reported
    clause in the present or future (يقضي الإطار الذي توصلت إليه روسيا بأن يبدأ
    المفتشون في نوفمبر) is what is stipulated, not a detail of the event: it stays."""
    out: list[Segment] = []
    for seg in segs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and seg.kind in ("complement", "relative")
            and prev.kind == "relative"
            and prev.end == seg.start
            and any(prev.start <= t.tok < prev.end for t in triggers)
            and not any(seg.start <= t.tok < seg.end for t in triggers)
            and not (seg.kind == "complement" and _present_clause(toks, seg))
        ):
            out[-1] = Segment("relative", prev.start, seg.end)
            continue
        out.append(seg)
    return out


def _present_clause(toks: list[_Tok], seg: Segment) -> bool:
    """The clause's first word after its opener is a present or future verb."""
    nxt = seg.start + 1
    return nxt < seg.end and (_imperfect(toks[nxt].text) or _future_verb(toks[nxt].text))


def _first_content_tok(toks: list[_Tok]) -> int | None:
    """Index of the first token after leading connectors (من جهته، بدوره، إلى ذلك…)."""
    lex = lexicon().markers["leading_connectors"]
    texts = [t.text for t in toks]
    i = 0
    changed = True
    while changed and i < len(toks):
        changed = False
        for words in lex:
            n = len(words)
            if words == ("و",):
                continue
            head = (_bare(texts[i]),) + tuple(texts[i + 1 : i + n])
            if tuple(texts[i : i + n]) == words or head == words:
                i += n
                changed = True
                break
    return i if i < len(toks) else None


def _seg_of_tok(segs: list[Segment], i: int) -> int:
    for k, seg in enumerate(segs):
        if seg.start <= i < seg.end:
            return k
    return 0


def _seg_of_char(segs: list[Segment], pos: int) -> int:
    for k, seg in enumerate(segs):
        if seg.cstart <= pos < max(seg.cend, seg.cstart + 1):
            return k
    # between segments (punctuation): the segment that starts after it
    best = 0
    for k, seg in enumerate(segs):
        if seg.cstart <= pos:
            best = k
    return best


# --------------------------------------------------------------------------- candidates


@dataclass
class EventCandidate:
    type: str
    status: str  # "occurred" | "planned"
    date: date
    date_end: date | None
    precision: str
    date_inferred: bool
    actors: list[Entity]
    key_actors: list[Entity]
    place: Entity | None
    title_ar: str
    title_en: str
    confidence: float
    evidence: list[tuple[int, int]]  # spans in body (sentence spans)
    # Not part of the contract: how the date was found and the sentence it came from.
    date_source: str = "explicit"
    sentence: int = 0
    kind: str | None = None
    weight: float = 0.0
    anaphoric: bool = False  # a definite noun (المكالمة) naming an earlier event
    restating: bool = False  # its sentence opens with هذا الإعلان: the event before, if any
    framed: bool = False  # from a frame phrase (في ختام اجتماع): joins any same-day event
    own_date: bool = False  # the trigger itself carries a date expression
    # For the titles (titles.py): the trigger's folded words, the folded nouns of the
    # other triggers of its type, a statement's reported clause, an attack's target,
    # a resolution number and the actors named before the trigger (a veto's casters).
    trigger: tuple[str, ...] = ()
    nouns: tuple[tuple[str, ...], ...] = ()
    content_ar: str | None = None
    object_ar: str | None = None
    resolution: str | None = None
    agents: frozenset[str] = frozenset()


def _interval(c: EventCandidate) -> tuple[date, date]:
    end = c.date_end or c.date
    if c.precision == "week":
        end = max(end, c.date + timedelta(days=6))
    elif c.precision == "month":
        nxt = (c.date.replace(day=28) + timedelta(days=4)).replace(day=1)
        end = max(end, nxt - timedelta(days=1))
    elif c.precision == "year":
        end = max(end, c.date.replace(month=12, day=31))
    return c.date, end


def _overlap(a: EventCandidate, b: EventCandidate) -> bool:
    a0, a1 = _interval(a)
    b0, b1 = _interval(b)
    return a0 <= b1 and b0 <= a1


def _names(entities) -> set[str]:
    return {e.name for e in entities}


def _dedupe(entities) -> list[Entity]:
    seen: set[str] = set()
    out = []
    for e in entities:
        if e.name not in seen:
            seen.add(e.name)
            out.append(e)
    return out


def _ordered_key(entities: list[Entity]) -> list[Entity]:
    """Key actors: persons and organisations when a person is there, else everyone."""
    entities = _dedupe(entities)
    if any(e.kind == "person" for e in entities):
        return [e for e in entities if e.kind in ("person", "organization", "armed_group")]
    return entities


_CLAUSE_BREAK = re.compile(r"[،,.:؛;!?؟()\"«»“”]")
# A lead dateline: a city (and its country or date) and a dash, maybe a date and an
# agency and a second dash: "الرقة (سوريا) - 6 يونيو (رويترز) -", "عمان 23 كانون الثاني (بترا) -".
_LEAD_DATELINE = re.compile(
    r"\s*[^\s\-–—.،,:]+(?:\s+[^\s\-–—.،,:]+){0,3}\s*(?:\([^()]{1,25}\)\s*)?[-–—]\s"
    r"(?:[^\-–—.،,:]{0,30}\([^()]{1,25}\)\s*[-–—]\s?)?"
)
_DATELINE_TAIL = re.compile(r"\s*(?:\([^()]{1,25}\)\s*)?[-–—ـ]")


def _imperfect(word: str) -> bool:
    """A present-tense verb (يقول، تعلن) rather than a past one (قال، تابعت)."""
    w = _bare(_fold(word).split()[0]) if word.split() else ""
    while w[:1] in ("و", "ف", "س") and len(w) > 3:
        w = w[1:]
    return w[:1] in ("ي", "ت") and not w.startswith(("تابع", "تحدث", "توصل", "تعهد", "تمن"))


def _lead_dateline(text: str, start: int, end: int) -> bool:
    """A date in the opening dateline of a sentence ("عمان 23 كانون الثاني (بترا) -",
    "الرقة (سوريا) - 6 يونيو (رويترز) -"): a few words before it, a dash after it."""
    head = text[:start]
    if len(_WORD.findall(head)) > 4 or not _DATELINE_TAIL.match(text, end):
        return False
    return "،" not in head and "," not in head


class _Extractor:
    def __init__(
        self, body: str, published: date | None, gaz: Gazetteer, dateline: date | None = None
    ):
        self.body = body
        self.published = published
        self.dateline = dateline
        self.gaz = gaz
        self.lex = lexicon()
        self.sents = _analyse(body, published, gaz)
        self.news_day: date | None = None
        self.last_meeting: EventCandidate | None = None
        self.sent_dates: dict[int, tuple] = {}  # sentence → (date, end, precision, inferred)
        self._effective_words = set(self.lex.markers.get("effective_from", ()))
        self._topic_nouns = {w[0] for w in self.lex.markers["topic_nouns"] if len(w) == 1}
        self._deputies = {w[0] for w in self.lex.markers["representative_nouns"] if len(w) == 1}
        self._source_nouns = {w[0] for w in self.lex.markers["source_nouns"] if len(w) == 1}
        self._anchor_words = {
            " ".join(w)
            for w in self.lex.markers["anchor_before"] + self.lex.markers["anchor_after"]
        }

    # ---- per-sentence dates and entities

    def _dates_and_entities(self, s: _Sent, context: date | None) -> None:
        try:
            exprs = dates_mod.find_dates(
                s.text, self.published, future=True if s.future else None, context_date=context
            )
        except Exception:  # one odd expression must not lose the article
            log.exception("dates.find_dates failed on sentence %d", s.index)
            exprs = []
        for e in exprs:
            seg = _seg_of_char(s.segments, e.start)
            kind = s.segments[seg].kind
            if kind in ("reference", "attribution", "hypothetical"):
                continue
            if kind.startswith("anchor") and _bare(_fold(e.text).strip()) in self._anchor_words:
                continue  # غداة X: the date is derived from the main event, not read
            before = _fold(s.text[max(0, e.start - 12) : e.start]).split()
            if before and _bare(before[-1]) in _NOT_EVENT_DATE:
                continue  # منذ X: since; حتى/بحلول X: until, by (a deadline, not the event's day)
            if tuple(_fold(s.text[max(0, e.start - 20) : e.start]).split()[-2:]) in (
                self._effective_words
            ):
                if not any(t.type in _STARTING_TYPES for t in s.triggers):
                    continue  # تعليق العضوية اعتبارا من الأربعاء: when it takes effect
                s.effective.add(id(e))
            if not e.relative and _lead_dateline(s.text, e.start, e.end):
                continue  # "مونترو 23 كانون الثاني (بترا) -": the publication date
            if kind == "complement" and not any(t.segment == seg for t in s.triggers):
                continue  # يقضي الاتفاق بأن يبدأ المفتشون في نوفمبر: the content's date
            s.dates.append(e)
            s.date_seg.append(seg)
        on = s.dates[0].date if s.dates else (context or self.published)
        try:
            ents = self.gaz.find(s.text, on_date=on)
        except Exception:  # one odd name must not lose the article
            log.exception("gazetteer.find failed on sentence %d", s.index)
            ents = []
        lead = _LEAD_DATELINE.match(s.text)
        if lead:
            # "الرقة (سوريا) - 6 يونيو (رويترز) -": where the wire was filed, not who acted
            ents = [
                m
                for m in ents
                if m.start >= lead.end() or m.entity.kind not in ("place", "country")
            ]
        ents = sorted(ents + self._nationality_actors(s, ents, s.triggers), key=lambda m: m.start)
        for m in ents:
            seg = _seg_of_char(s.segments, m.start)
            s.entities.append(m)
            s.ent_seg.append(seg)

    def _nationality_actors(self, s: _Sent, ents: list[EntityMatch], triggers) -> list:
        """Countries named by an adjective after an event or agent noun: "غارات جوية
        روسية", "بدعم جوي روسي", "الاتفاق الأمريكي الروسي", "الطائرات الحربية السورية".
        After any other noun the adjective is not an actor ("الحدود التركية")."""
        table = self.gaz._nationality
        if not table:
            return []
        markers = self.lex.markers
        agents = {w[0] for w in markers["agent_nouns"] if len(w) == 1}
        gap_words = {w[0] for w in markers["nationality_gap"]}
        trig_toks = {t.tok for t in triggers if t.group.pos != "verb"}
        taken = [(m.start, m.end) for m in ents]
        out = []
        toks = s.toks
        for k, tok in enumerate(toks):
            country = table.get(_loose_adj(tok.text))
            if country is None:
                continue
            j = k - 1
            while j >= 0 and j >= k - 4:
                gap = s.folded[toks[j].end : toks[j + 1].start]
                prev = toks[j].text
                if gap.strip() in ("-", "–", "/") and table.get(_loose_adj(prev)):
                    j -= 1  # "الاتفاق الروسي -الأميركي": two adjectives, one hyphen
                    continue
                if gap.strip():
                    j = -1  # punctuation between noun and adjective
                    break
                if table.get(_loose_adj(prev)) or _bare(prev) in gap_words or prev in gap_words:
                    j -= 1
                    continue
                break
            if j < 0:
                continue
            prev = toks[j].text
            if not (j in trig_toks or prev in agents or _bare(prev) in agents):
                continue
            a, b = original_span(s.offsets, tok.start, tok.end)
            if any(x < b and a < y for x, y in taken):
                continue
            ent = self.gaz.get(country)
            if ent is not None:
                out.append(EntityMatch(a, b, ent, "adjective"))
        return out

    def _news_day(self) -> date | None:
        if self.published is None:
            return None
        if self.dateline and self.published - timedelta(days=1) <= self.dateline <= self.published:
            return self.dateline  # "جاكارتا، 7 أكتوبر 2013، وكالات-" on a page of the 8th
        for s in self.sents:
            for e, k in zip(s.dates, s.date_seg, strict=False):
                if s.segments[k].kind == "complement":
                    continue  # "قالوا إن واشنطن أبلغت، الإثنين، …": what was reported
                if (
                    e.precision == "day"
                    and not e.inferred
                    and e.date_end is None
                    and self.published - timedelta(days=1) <= e.date <= self.published
                ):
                    # the day the news happened: a morning paper's "أمس" lead makes
                    # the undated statements of the article yesterday's too
                    return e.date
        return None

    # ---- actors

    def _locative(self, s: _Sent, m: EntityMatch) -> bool:
        """Is the match in a locative position (في جنيف، بنيويورك، إلى موسكو)?"""
        before = _fold(s.text[max(0, m.start - 16) : m.start])
        matched = _fold(s.text[m.start : m.end])
        names = _alias_forms(m.entity.name_ar, m.entity.aliases)
        if before and not before[-1].isspace():
            attached = before.split()[-1] if before.split() else ""
            if attached in ("ب", "وب", "فب", "ل", "ول"):
                return True
        for pre in ("وب", "فب", "ب", "ل", "ول"):
            if matched.startswith(pre) and not any(n.startswith(pre) for n in names):
                return True
        words = before.split()
        loc = {w[0] for w in self.lex.markers["locative"]}
        if len(words) >= 2 and _bare(words[-1]) == "عن" and _bare(words[-2]) in self._deputies:
            return False  # "ممثلين عن النظام": the party they represent
        return bool(words) and (words[-1] in loc or _bare(words[-1]) in loc)

    def _words_before(self, s: _Sent, m: EntityMatch, limit: int) -> list[str]:
        """The folded words right before a match, in its own clause (no punctuation)."""
        head = _CLAUSE_BREAK.split(s.text[max(0, m.start - 80) : m.start])[-1]
        return _fold(head).split()[-limit:]

    def _topic(self, s: _Sent, m: EntityMatch) -> bool:
        """Is the match what is talked about (اجتماع حول سوريا، بشأن مستقبل سوريا)?"""
        words = self._words_before(s, m, 4)
        if words and words[-1] in self._topic_nouns:
            words = words[:-1]  # حول مستقبل سوريا، بشأن الأزمة في…
        for phrase in self.lex.markers["topic"]:
            n = len(phrase)
            tail = words[-n:]
            if len(tail) == n and (
                tuple(tail) == phrase or (_bare(tail[0]),) + tuple(tail[1:]) == phrase
            ):
                return True
        return False

    def _source_place(self, s: _Sent, m: EntityMatch) -> bool:
        """A place named right after a source noun is where the source is, not where
        the event is: "وفق ما أعلن مصدر أمني رفيع المستوى في دمشق"."""
        if not self._locative(s, m):
            return False
        words = self._words_before(s, m, 6)
        return any(
            _bare(w) in self._source_nouns or w in self._source_nouns for w in words[:-1] or words
        )

    def _actor(self, s: _Sent, m: EntityMatch) -> Entity | None:
        e = m.entity
        if e.kind == "country":
            # "في سوريا" is where, not who; "حول سوريا" what is talked about
            return None if self._locative(s, m) or self._topic(s, m) else e
        if e.kind != "place":
            return e
        if (
            e.name in self.lex.metonyms
            and e.country
            and not self._locative(s, m)
            and not self._topic(s, m)
        ):
            return self.gaz.get(e.country)
        return None

    def _appeal_verb(self, s: _Sent, t) -> bool:
        words = _fold(s.text[t.start : t.end]).split()
        appeal = {w[0] for w in self.lex.markers["appeal_verbs"]}
        return bool(words) and (words[0] in appeal or _bare(words[0]) in appeal)

    def _pronoun_subject(self, s: _Sent, seg: Segment) -> bool:
        """Does a reported clause open with a pronoun (أنه سيلتقي: the speaker himself)?"""
        opener = _bare(s.toks[seg.start].text)
        return opener.endswith(("ه", "ها", "هما", "هم")) and opener not in ("ان", "بان")

    def _dual(self, s: _Sent, segs: set[int]) -> list[Entity]:
        duals = self.lex.markers["dual_anaphors"]
        hit = False
        for k, seg in enumerate(s.segments):
            if k in segs and _has_phrase(s.toks[seg.start : seg.end], duals):
                hit = True
        if not hit:
            return []
        for prev in reversed(self.sents[max(0, s.index - 3) : s.index]):
            persons = _dedupe(m.entity for m in prev.entities if m.entity.kind == "person")
            if len(persons) >= 2:
                return persons[-2:]
        return []

    def _announced(self, s: _Sent, t: Trigger) -> bool:
        """An agreement the speaker announces as his own: "أعلن عنان أنه توصل مع الأسد إلى
        اتفاق" — an announcement verb, then a reported clause that opens with a pronoun
        and the agreement verb right after it."""
        if t.type != "agreement" or t.group.pos != "verb" or t.segment == 0:
            return False
        seg = s.segments[t.segment]
        if seg.kind != "complement" or t.tok > seg.start + 1 or not self._pronoun_subject(s, seg):
            return False
        head = s.segments[t.segment - 1]
        announce = {w[0] for w in self.lex.markers["announce_verbs"]}
        return head.kind == "head" and any(
            x.segment == t.segment - 1 and _bare(s.toks[x.tok].text) in announce for x in s.triggers
        )

    def _unnamed_parties(self, s: _Sent, when: tuple) -> list[Entity]:
        """A dated meeting that names no party ("سيليه غدا الجمعة لقاء موسع مع دبلوماسيين
        إقليميين", "عقد اجتماع في جنيف أمس"): the parties named in the next sentence of
        the paragraph when it tells no event of its own, else those of the last meeting
        told in the two sentences before, when it was within a few days (a conference
        of another month is another gathering)."""
        nxt = self.sents[s.index + 1] if s.index + 1 < len(self.sents) else None
        if nxt is not None and nxt.para == s.para and not nxt.triggers:
            found = [self._actor(nxt, m) for m in nxt.entities]
            found = _ordered_key([a for a in found if a is not None])
            if found:
                return found
        last = self.last_meeting
        if last is not None and s.index - last.sentence <= 2:
            lo, hi = _interval(last)
            start, end = when[0], when[1] or when[0]
            if start <= hi + timedelta(days=3) and lo - timedelta(days=3) <= end:
                return list(last.key_actors)
        return []

    def _group_anaphor(self, s: _Sent, seg_index: int) -> list[Entity]:
        """المشاركون، المجتمعون: the key actors of the last meeting told."""
        if self.last_meeting is None:
            return []
        seg = s.segments[seg_index]
        if not _has_phrase(s.toks[seg.start : seg.end], self.lex.markers["group_anaphors"]):
            return []
        return list(self.last_meeting.key_actors)

    # ---- clusters

    def _clusters(self, s: _Sent) -> list[dict]:
        segs = s.segments
        trig = [t for t in s.triggers if segs[t.segment].kind in _EVENTFUL]
        if not trig:
            return []
        # each date to the nearest trigger
        # Arabic news puts the date after its verb ("تحدث مع لافروف يوم الجمعة وأكد…"):
        # a date goes to the nearest trigger before it in its clause, else the nearest.
        heads = [t for t in trig if segs[t.segment].kind == "head"]
        for e, seg in zip(s.dates, s.date_seg, strict=True):
            # في ختام اجتماع عقدوه ليل الخميس، اتفقوا…: the frame's date is the main one's
            framed = segs[seg].kind == "frame" and any(t.segment == seg for t in trig)
            pool = heads if framed and heads else trig
            if id(e) in s.effective:
                # "فستبدأ المفاوضات في جنيف اعتبارا من الجمعة": the day talks, a truce or
                # a trip start; never the day of the decision that sets it
                decided = any(t.type == "statement" for t in trig)
                pool = [
                    t
                    for t in trig
                    if t.type == "ceasefire"
                    or (t.type in _STARTING_TYPES and not decided and not t.group.plural)
                ]
                if not pool:
                    continue
            best = min(
                pool,
                key=lambda t: (
                    0 if t.segment == seg else 1,
                    0 if t.end <= e.start else 1,
                    min(abs(t.start - e.end), abs(e.start - t.end)),
                ),
            )
            best.dates.append(e)
        for t in trig:
            kind = segs[t.segment].kind
            w = t.group.weight
            if kind in ("complement", "relative") and not t.dates and not self._announced(s, t):
                w *= _COMPLEMENT_FACTOR
            if t.purpose and (not t.dates or self._after_arrival(trig, t)):
                # "وصل عنان إلى دمشق للقاء الأسد الأحد": the trip is the news, dated or not
                w *= _PURPOSE_FACTOR
            if t.negated:
                w *= _NEGATION_FACTOR
            if t.definite and t.group.pos == "noun" and not t.dates:
                w *= _DEFINITE_FACTOR
            t.weight = w
        clusters: list[dict] = []
        by_date: dict[tuple, dict] = {}
        for t in trig:
            if not t.dates:
                continue
            key = _date_key(t.dates)
            if key not in by_date:
                by_date[key] = {"triggers": [], "date": key, "mode": "own"}
                clusters.append(by_date[key])
            by_date[key]["triggers"].append(t)
        # a relative clause's own date is its own event's ("الاتفاق الذي تم في ماي"):
        # it does not date the head
        core_kinds = ("head", "speaker", "complement")
        main = next(
            (c for c in clusters if any(segs[t.segment].kind == "head" for t in c["triggers"])),
            next(
                (
                    c
                    for c in clusters
                    if any(segs[t.segment].kind in core_kinds for t in c["triggers"])
                ),
                None,
            ),
        )
        extra: dict[int, dict] = {}
        main_future = (
            main is not None
            and main["date"] is not None
            and self.published is not None
            and main["date"][0] > self.published
        )
        for t in trig:
            if t.dates:
                continue
            kind = segs[t.segment].kind
            if kind == "relative" and main_future and _past_clause(s.toks, segs[t.segment]):
                # "الاجتماع الذي سبقه لقاء بين كيري وظريف، سيليه غدا…": the past meeting
                # of the relative clause does not take the future date of the main one
                c = extra.setdefault(t.segment, {"triggers": [], "date": None, "mode": "past"})
                c["triggers"].append(t)
                continue
            dated = next((x for x in trig if x.segment == t.segment and x.dates), None)
            if kind == "parallel" and dated is not None:
                # "حيث استقبل الأسد الاثنين في أول رحلة له": one event of the clause
                by_date[_date_key(dated.dates)]["triggers"].append(t)
                continue
            if kind in ("parallel", "anchor_before", "anchor_after", "frame"):
                mode = "parallel" if kind == "frame" else kind
                c = extra.setdefault(t.segment, {"triggers": [], "date": None, "mode": mode})
                c["triggers"].append(t)
            else:
                if main is None:
                    main = {"triggers": [], "date": None, "mode": "undated"}
                    clusters.insert(0, main)
                main["triggers"].append(t)
        for seg_index in sorted(extra):
            c = extra[seg_index]
            c["main"] = main
            clusters.append(c)
        return clusters

    @staticmethod
    def _after_arrival(trig: list[Trigger], t: Trigger) -> bool:
        """Does a visit verb (وصل، توجه إلى) stand before ``t`` in its clause, on the
        same day? "ستتوجهان غدا لعقد اللقاءات … في اليوم التالي": a day of its own
        makes the purpose an event of its own."""
        return t.type != "visit" and any(
            x.type == "visit"
            and x.group.pos != "noun"
            and x.segment == t.segment
            and x.tok < t.tok
            and (not x.dates or _date_key(x.dates) == _date_key(t.dates))
            for x in trig
        )

    def _candidate(self, s: _Sent, c: dict) -> EventCandidate | None:
        segs = s.segments
        order = {t: i for i, t in enumerate(self.lex.precedence)}
        best = max(
            c["triggers"],
            key=lambda t: (round(t.weight, 6), t.group.pos != "noun", -order.get(t.type, 99)),
        )
        if best.weight < _MIN_WEIGHT:
            return None
        etype = best.type
        # the date first: a parallel or anchor clause needs the main date even when
        # the main clause itself gives no event
        date_info = self._date(s, c, best)
        c["resolved"] = date_info
        seg_ids = {t.segment for t in c["triggers"]}
        reported = any(segs[k].kind in ("complement", "relative") for k in seg_ids)
        own_relative = c["mode"] == "own" and all(segs[k].kind == "relative" for k in seg_ids)
        framed = any(segs[k].kind == "frame" for k in seg_ids)
        head_ids = {k for k, sg in enumerate(segs) if sg.kind in ("head", "speaker")}
        if own_relative and etype != "statement":
            pass  # "قال X إن الاتفاق الذي وقع في ماي": X is not a party to it
        elif reported or framed or c["mode"] == "undated" or etype == "statement":
            seg_ids |= head_ids
        evacuation = best.group.kind == "evacuation"
        nxt = best.segment + 1
        if evacuation and nxt < len(segs) and segs[nxt].kind == "relative":
            seg_ids.add(nxt)  # "خرجت الحافلات التي تقل المسلحين من أحياء حلب"
        # actors
        actors: list[Entity] = []
        places: list[tuple[int, Entity]] = []
        countries: list[tuple[int, Entity]] = []
        by_seg: dict[int, list[Entity]] = {}
        starts: list[tuple[int, Entity]] = []
        ends: dict[int, int] = {}
        for m, k in zip(s.entities, s.ent_seg, strict=True):
            if k not in seg_ids or segs[k].kind in ("attribution", "hypothetical", "reference"):
                continue
            a = self._actor(s, m)
            if a is not None:
                actors.append(a)
                starts.append((m.start, a))
                ends[id(a)] = m.end
                if not self._topic(s, m):  # "حول مصير الرئيس الأسد": named, not a party
                    by_seg.setdefault(k, []).append(a)
            elif (
                m.entity.kind == "place"
                and (etype in _TARGET_TYPES or evacuation or self._locative(s, m))
                and not self._source_place(s, m)
            ):
                # an attack's target and a visit's destination need no preposition
                places.append((m.start, m.entity))
            elif m.entity.kind == "country" and etype in _TARGET_TYPES:
                countries.append((m.start, m.entity))  # the theatre, when no city is named
        duals = self._dual(s, seg_ids)
        if duals:
            actors.extend(duals)
            by_seg.setdefault(best.segment, []).extend(duals)
        party = self._group_anaphor(s, best.segment)
        if party:
            actors.extend(party)
            by_seg[best.segment] = party + by_seg.get(best.segment, [])
        actors = _dedupe(actors)
        if etype == "statement":
            key_src = [a for k in sorted(head_ids) for a in by_seg.get(k, [])]
            key = _ordered_key(key_src or by_seg.get(best.segment, []))
            if best.group.pos == "verb" and self._appeal_verb(s, best):
                # the addressee of an appeal is no speaker: with none left, no statement
                addressed = _addressees(s, best, starts, ends)
                key = [a for a in key if a not in addressed]
        else:
            key_src = by_seg.get(best.segment, [])
            if not key_src:
                key_src = [a for k in sorted(seg_ids) for a in by_seg.get(k, [])]
            seg = segs[best.segment]
            if seg.kind == "complement" and self._pronoun_subject(s, seg):
                head = [a for k in sorted(head_ids) for a in by_seg.get(k, [])]
                people = [a for a in head if a.kind == "person"]
                key_src = (people or head)[:1] + key_src
            # "شن الجيش الأمريكي، بأمر من الرئيس ترامب، ضربة": an attack is keyed to the
            # states and forces that fight, not to every person named with them
            states = [a for a in key_src if a.kind != "person"]
            key = _dedupe(states) if etype == "violence" and states else _ordered_key(key_src)
            travellers = _travellers(s, best, starts) if etype == "visit" else []
            if travellers:
                key = _ordered_key(travellers)
        speech = next(
            (
                t
                for t in c["triggers"]
                if t.type == "statement" and t.group.pos == "verb" and t.segment in head_ids
            ),
            None,
        )
        if etype in _TARGET_TYPES or evacuation:
            place = _nearest_place(places + countries, best)
        else:
            place = places[0][1] if places else None
        if (
            etype == "meeting"
            and best.group.pos == "noun"
            and len(key) == 1
            and speech
            and not place
            and not best.dates  # "أعرب عن أمله في عقد اجتماع جديد الجمعة المقبل": a meeting
            and not _fold(s.text[best.start : best.end])
            .split()[0]
            .lstrip("وفبل")
            .startswith(("مؤتمر", "المؤتمر", "قمه", "القمه"))
        ):
            # "قال بوتين خلال اجتماع حكومي": a meeting (not a conference or summit)
            # with no other party and no venue is the setting of what he said
            etype, best = "statement", speech
            key = _ordered_key([a for k in sorted(head_ids) for a in by_seg.get(k, [])] or key)
        if not key and etype == "meeting" and c["date"] is not None:
            key = self._unnamed_parties(s, c["date"])
            actors = _dedupe(actors + key)
        if not key and etype == "ceasefire":
            # "دخل وقف إطلاق النار بين الأطراف المتصارعة حيز التنفيذ، فيما طالب المجلس
            # … بالالتزام ببنود الاتفاق الروسي-الأميركي": a truce whose sides go unnamed
            # is the deal's its sentence names by nationality
            key = _dedupe(
                [
                    a
                    for m, k in zip(s.entities, s.ent_seg, strict=True)
                    if m.via == "adjective"
                    and segs[k].kind not in ("attribution", "hypothetical", "reference")
                    and (a := self._actor(s, m)) is not None
                ]
            )
            actors = _dedupe(actors + key)
        if not key and evacuation:
            # "خرجت الحافلات … تنفيذا للاتفاق الذي أبرمه المجلس المحلي مع النظام": the
            # parties of the deal the sentence names
            found = [self._actor(s, m) for m, k in zip(s.entities, s.ent_seg, strict=True)]
            key = _ordered_key(
                [
                    a
                    for a, k in zip(found, s.ent_seg, strict=True)
                    if a is not None and segs[k].kind not in ("attribution", "hypothetical")
                ]
            )
            actors = _dedupe(actors + key)
        placed = etype in ("violence", "ceasefire") or evacuation
        if not key and not (placed and place is not None):
            return None
        if date_info is None:
            return None
        d, d_end, precision, inferred, source = date_info
        midnight = False
        if (
            etype == "ceasefire"
            and source not in _STRONG_SOURCES
            and d_end is None
            and self.published is not None
            and d <= self.published
            and _MIDNIGHT in s.folded
            and not (best.future or s.future)
        ):
            # "دخل وقف إطلاق النار حيز التنفيذ مع حلول منتصف الليل": a truce starts with
            # the day that midnight opens — told on that evening's page (dated the day
            # before) or the next morning's (dated that day)
            d = min(d + timedelta(days=1), self.published + timedelta(days=1))
            midnight = True
        generic = best.group.plural
        if generic and source not in _STRONG_SOURCES:
            return None
        if s.background and source not in _STRONG_SOURCES:
            return None
        if source in ("fallback", "weak") and not _ENDS_SENTENCE.search(s.text):
            return None  # a headline-like line: no date of its own and no full stop
        if (
            source not in _STRONG_SOURCES
            and best.group.pos == "noun"
            and best.group.weight < _WEAK_NOUN
            and not any(t.group.pos != "noun" for t in c["triggers"] if t.type == etype)
            and not self._aspect_before(s, best)
        ):
            return None
        if (
            etype == "statement"
            and best.group.pos == "verb"
            and not best.future
            and self.published is not None
            and d > self.published
            and (not _imperfect(s.text[best.start : best.end]) or self._appeal_verb(s, best))
        ):
            # "اعتبر أن انتخابات الثالث من يونيو المقبل…", "يدعو القرار إلى اجتماع … في
            # يناير المقبل": the date is of what is judged or asked for, not when he spoke
            return None
        future = best.future or s.future
        status = "occurred"
        if self.published is None:
            status = "planned" if future else "occurred"
        elif (d > self.published and not midnight) or (d == self.published and best.future):
            status = "planned"
        if etype == "violence" and (status == "planned" or _war_abroad(place, actors)):
            # an attack announced (أبلغ … بأنه سيتم البدء في توجيه ضربات) is the news of a
            # statement; one abroad with no Syrian party (شنت فرنسا هجمات … في العراق،
            # هجمات باريس) belongs to another war
            return None
        if etype == "violence" and own_relative and precision in ("month", "year"):
            # "التحالف الذي بدأ في شن هجومه … في أيلول الماضي": a campaign of a month,
            # told in a relative clause to present an actor, is background, not a strike
            return None
        cand = EventCandidate(
            type=etype,
            status=status,
            date=d,
            date_end=d_end,
            precision=precision,
            date_inferred=inferred,
            actors=_dedupe(key + actors),
            key_actors=key,
            place=place,
            title_ar="",
            title_en="",
            confidence=0.0,
            evidence=[(s.start, s.end)],
            date_source=source,
            sentence=s.index,
            kind=best.group.kind,
            weight=min(1.0, best.weight),
        )
        cand.confidence = _confidence(cand)
        self._title_facts(s, c, best, cand)
        cand.title_ar, cand.title_en = title_ar(cand), title_en(cand)
        same = [t for t in c["triggers"] if t.type == etype]
        cand.anaphoric = all(t.group.pos != "verb" for t in same) and (
            # "وجاء هذا الإعلان في مؤتمر صحفي": a demonstrative names the event told
            # before; the other nouns of its type tell its setting
            (best.definite and all(t.definite for t in same)) or any(t.demonstrative for t in same)
        )
        # with nothing told before it is the news ("وجاء هذا الإعلان خلال لقاء…")
        cand.restating = not cand.anaphoric and all(t.group.pos != "verb" for t in same)
        cand.restating = cand.restating and _restates(s.toks)
        cand.own_date = bool(best.dates)
        cand.framed = segs[best.segment].kind == "frame"
        return cand

    def _date(self, s: _Sent, c: dict, best: Trigger):
        if c["date"] is not None:
            d, d_end, precision, inferred, relative = c["date"]
            return d, d_end, precision, inferred, "relative" if relative else "explicit"
        if c["mode"] == "past":
            return self._fallback(s, best, past=True)
        if c["mode"] in ("parallel", "anchor_before", "anchor_after"):
            main = c.get("main")
            base = None
            if main is not None and main.get("resolved"):
                base = main["resolved"]
            if base is None:
                base = self._fallback(s, best)
            if base is None:
                return None
            d, _end, precision, inferred, source = base
            # An anchor is only as good as the date it counts from: "وصل عشية بدء المؤتمر"
            # with an undated arrival must not outweigh the conference's own fallback day.
            anchor = "anchor" if source in _STRONG_SOURCES else "weak"
            if c["mode"] == "anchor_before":
                return d - timedelta(days=1), None, "day", inferred, anchor
            if c["mode"] == "anchor_after":
                return d + timedelta(days=1), None, "day", inferred, anchor
            return base
        return self._fallback(s, best)

    def _aspect_before(self, s: _Sent, t: Trigger) -> bool:
        """ "بدأ مؤتمر جنيف أعماله", "انطلقت محادثات": the noun's event took place."""
        aspect = {w[0] for w in self.lex.markers["aspect_verbs"]}
        return any(_bare(tok.text) in aspect for tok in s.toks[max(0, t.tok - 2) : t.tok])

    def _fallback(self, s: _Sent, best: Trigger, past: bool = False):
        # "أعلن عنان أنه توصل إلى اتفاق … ستجري مناقشته": a past verb is not dated by
        # the future of another clause
        past = past or (
            best.group.pos == "verb"
            and s.segments[best.segment].kind != "head"
            and not _imperfect(s.text[best.start : best.end])
        )
        if (best.future or s.future) and not past:
            return None
        prev = self.sent_dates.get(s.index - 1)
        if prev is not None and self.published is not None and prev[0] > self.published:
            prev = None  # a past-tense sentence after a future one is not in the future
        if prev is not None and self.sents[s.index - 1].para == s.para:
            d, d_end, precision, inferred = prev
            return d, d_end, precision, inferred, "carried"
        if self.published is None:
            return None
        if self.news_day:
            return self.news_day, None, "day", False, "fallback"
        return self.published, None, "day", False, "weak"

    # ---- the article

    def run(self) -> list[EventCandidate]:
        context = self.published
        for s in self.sents:
            self._dates_and_entities(s, context)
            if s.dates:
                context = s.dates[-1].date
        self.news_day = self._news_day()
        events: list[EventCandidate] = []
        last_statement: tuple[int, EventCandidate] | None = None
        for s in self.sents:
            sentence_events = []
            for c in self._clusters(s):
                cand = self._candidate(s, c)
                if cand is not None:
                    sentence_events.append(cand)
            if s.dates:
                e0 = s.dates[0]
                self.sent_dates[s.index] = (e0.date, e0.date_end, e0.precision, e0.inferred)
            for cand in sentence_events:
                if cand.type == "ceasefire" and not cand.key_actors:
                    deal = next((e for e in reversed(events) if e.type == "agreement"), None)
                    if deal is not None and s.index - deal.sentence <= 2:
                        # "وقعت روسيا وتركيا وإيران مذكرة…" then "على أن يدخل وقف
                        # الأعمال القتالية حيز التنفيذ…": the parties of the deal
                        cand.key_actors = list(deal.key_actors)
                        cand.actors = _dedupe(cand.key_actors + cand.actors)
                target = None
                if (cand.anaphoric or cand.restating) and not cand.own_date:
                    target = next((e for e in reversed(events) if e.type == cand.type), None)
                    if target is None and cand.anaphoric:
                        continue
                elif (
                    cand.type == "statement"
                    and s.continuation
                    and last_statement is not None
                    and s.index - last_statement[0] <= 2
                    and cand.date_source not in _STRONG_SOURCES
                ):
                    target = last_statement[1]
                if target is not None:
                    _absorb(target, cand)
                    if cand.type == "statement":
                        last_statement = (s.index, target)
                    continue
                events.append(cand)
                if cand.type == "statement":
                    last_statement = (s.index, cand)
                if cand.type == "meeting" and cand.status == "occurred":
                    self.last_meeting = cand
            # a statement attached to a reference frame keeps the continuation chain
        events = _merge(events)
        events = _attach_statements(events, self.sents)
        for e in events:
            e.confidence = _confidence(e)
            e.title_ar, e.title_en = title_ar(e), title_en(e)
        return events

    # ---- what the titles need from the sentence

    def _title_facts(self, s: _Sent, c: dict, best: Trigger, cand: EventCandidate) -> None:
        cand.trigger = tuple(t.text for t in s.toks[best.tok : best.tok + best.ntok])
        cand.nouns = tuple(
            tuple(t.text for t in s.toks[x.tok : x.tok + x.ntok])
            for x in s.triggers
            if x.type == best.type and x is not best
        )
        cand.agents = frozenset(
            m.entity.name for m in s.entities if m.end <= best.start and m.entity.kind == "country"
        )
        if best.type == "statement":
            raw = _reported_clause(s, best)
            cand.content_ar = clean_clause(raw) if raw else None
        elif best.type == "violence":
            cand.object_ar = _target(s, best)
        elif best.type == "un_security_council":
            m = _RESOLUTION.search(s.text)
            cand.resolution = m.group(1) if m else None


_TO = re.compile(r"\b(?:إلى|الى|إلي)\b")


def _travellers(s: _Sent, best: Trigger, starts: list[tuple[int, Entity]]) -> list[Entity]:
    """The subject of an arrival verb, between the verb and إلى ("وصل كوفي عنان … الى
    دمشق لحث الرئيس الأسد"): the visit is his; whom he came to see is an actor, not a
    key actor."""
    if best.group.pos == "noun":
        return []
    to = _TO.search(s.text, best.end)
    if to is None:
        return []
    return [a for pos, a in starts if best.end <= pos < to.start()]


_COMPLEMENT_PREP = re.compile(r"\s(?:إلى|الى|إلي|على|علي)\s")
_SPACE = re.compile(r"\s*")
_CONJOINED = re.compile(r"[\s،,]*و\s*")


def _addressees(
    s: _Sent, best: Trigger, starts: list[tuple[int, Entity]], ends: dict[int, int]
) -> list[Entity]:
    """Whom an appeal verb addresses: "ودعا الوزراء في قرارهم الجيش السوري إلى", "دعا
    كيري روسيا إلى": the actors between the verb and its إلى/على, except its subject.
    The subject comes first: up to a person's name ("دعا الموفد الخاص للأمم المتحدة
    كوفي عنان إلى": a title and the name), else the actors right after the verb and
    those joined to them by و ("دعت روسيا وإيران إلى"). A subject the gazetteer does
    not know (الوزراء، القرار) leaves every actor there addressed."""
    prep = _COMPLEMENT_PREP.search(s.text, best.end)
    if prep is None:
        return []
    between = sorted(
        ((pos, a) for pos, a in starts if best.end <= pos < prep.start()), key=lambda x: x[0]
    )
    last_person = max((k for k, (_, a) in enumerate(between) if a.kind == "person"), default=-1)
    if last_person >= 0:
        return [a for _, a in between[last_person + 1 :]]
    addressed = []
    edge, subject = best.end, True
    for pos, a in between:
        gap = _CONJOINED if edge > best.end else _SPACE
        subject = subject and gap.fullmatch(s.text, edge, pos) is not None
        if not subject:
            addressed.append(a)
        edge = ends.get(id(a), pos)
    return addressed


def _restates(toks: list[_Tok]) -> bool:
    """A sentence whose subject, in its first words, is a demonstrative and a definite
    noun or a pronoun ("وجاء هذا الإعلان في مؤتمر صحفي", "وهذه هي المرة الأولى التي
    تشارك فيها إيران في اجتماع…") tells again what the sentence before told: its event
    nouns give the setting, not a new event."""
    words = [_bare(t.text) for t in toks[:4]]
    return any(
        w in _DEMONSTRATIVES and (nxt.startswith("ال") or nxt in _COPULA_PRONOUNS)
        for w, nxt in zip(words[:3], words[1:], strict=False)
    )


_COPULA_PRONOUNS = frozenset(("هي", "هو", "هما", "هم"))
_SYRIA = "Syria"


def _war_abroad(place: Entity | None, actors: list[Entity]) -> bool:
    """A place outside Syria (a city of another country, or another country as the
    theatre) and no actor of Syria: the state, its forces, its parties and groups."""
    if place is None:
        return False
    country = place.name if place.kind == "country" else place.country
    if country in (None, _SYRIA):
        return False
    return not any(a.name == _SYRIA or a.country == _SYRIA for a in actors)


def _nearest_place(found: list[tuple[int, Entity]], trigger: Trigger) -> Entity | None:
    """The place named closest after the trigger (قصف … في حلب), else closest before."""
    if not found:
        return None
    after = [(pos, e) for pos, e in found if pos >= trigger.end]
    if after:
        return min(after, key=lambda x: x[0])[1]
    return max(found, key=lambda x: x[0])[1]


def _date_key(exprs) -> tuple:
    """(date, date_end, precision, inferred, relative) of the dates attached to a trigger."""
    absolute = [e for e in exprs if not e.relative]
    use = absolute or list(exprs)
    use.sort(key=lambda e: e.date)
    first, last = use[0], use[-1]
    d_end = max((e.date_end or e.date) for e in use)
    # Unrelated dates ("الأول في يناير 2013 والثاني في يناير 2014"): keep the first.
    # Two day dates a week apart or two months more than a month apart are not one span.
    slack = {"day": 7, "month": 31}.get(first.precision)
    if len(use) > 1 and slack is not None and (d_end - (first.date_end or first.date)).days > slack:
        d_end = first.date_end or first.date
    if first.precision == "month" and d_end == first.date:
        # "في يناير 2013" is the whole month, as the gold and the timeline read it
        d_end = (first.date.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    end = d_end if d_end != first.date else None
    del last
    return (
        first.date,
        end,
        first.precision,
        any(e.inferred for e in use),
        all(e.relative for e in use),
    )


def _absorb(target: EventCandidate, other: EventCandidate) -> None:
    for span in other.evidence:
        if span not in target.evidence:
            target.evidence.append(span)
    target.evidence.sort()
    target.actors = _dedupe(target.actors + other.actors)
    if other.type == target.type:
        target.key_actors = _dedupe(target.key_actors + other.key_actors)
        target.content_ar = target.content_ar or other.content_ar
        target.resolution = target.resolution or other.resolution
        target.agents = target.agents | other.agents
        if target.place is None:
            target.place = other.place
        rank = list(_DATE_SOURCE_WEIGHT)
        if rank.index(other.date_source) < rank.index(target.date_source):
            target.date, target.date_end = other.date, other.date_end
            target.precision, target.date_inferred = other.precision, other.date_inferred
            target.date_source = other.date_source
        target.weight = max(target.weight, other.weight)


def _other_counterparts(a: EventCandidate, b: EventCandidate) -> bool:
    """Two meetings or calls of one person with different people on the same day
    (Putin with Rouhani, then Putin with Khamenei): each names a person the other
    does not mention at all."""
    if a.type not in ("meeting", "call"):
        return False
    pa = {x.name for x in a.key_actors if x.kind == "person"}
    pb = {x.name for x in b.key_actors if x.kind == "person"}
    return bool(pa - _names(b.actors)) and bool(pb - _names(a.actors))


def _same_council_day(a: EventCandidate, b: EventCandidate) -> bool:
    """Two Security Council items of one article on the same day are one session
    ("استخدمت روسيا الفيتو…", then "وأيد القرار عشرة أعضاء وامتنعت الصين…")."""
    return (
        a.type == b.type == "un_security_council"
        and a.precision == b.precision == "day"
        and a.date == b.date
    )


def _placed_retelling(a: EventCandidate, b: EventCandidate) -> bool:
    """An attack or truce told again with no party of its own, on the same day, at the
    same place or at none ("ودخلت الهدنة الإنسانية … في حلب حيز التنفيذ صباح الجمعة"
    after the lead told the truce of the two armies): the same event."""
    if a.type not in ("violence", "ceasefire") or (a.key_actors and b.key_actors):
        return False
    if a.date != b.date or a.precision != "day" or b.precision != "day":
        return False
    return a.place is None or b.place is None or a.place.name == b.place.name


def _merge(events: list[EventCandidate]) -> list[EventCandidate]:
    out: list[EventCandidate] = []
    for e in events:
        for m in out:
            if (
                m.type == e.type
                and m.status == e.status
                and _overlap(m, e)
                and (
                    _names(m.key_actors) & _names(e.key_actors)
                    or m.framed
                    or e.framed
                    or _same_council_day(m, e)
                    or _placed_retelling(m, e)
                )
                and not _other_counterparts(m, e)
            ):
                _absorb(m, e)
                m.framed = m.framed and e.framed
                break
        else:
            out.append(e)
    # an undated restatement (lead paragraph, summary) joins the dated event it restates
    final: list[EventCandidate] = []
    for e in out:
        if e.date_source in _STRONG_SOURCES:
            final.append(e)
            continue
        target = next(
            (
                m
                for m in out
                if m is not e
                and m.type == e.type
                and m.status == e.status
                and m.date_source in _STRONG_SOURCES
                and _names(m.key_actors) & _names(e.key_actors)
                and not _other_counterparts(m, e)
            ),
            None,
        )
        if target is None:
            final.append(e)
        else:
            _absorb(target, e)
    return final


def _truce_spoken_of(
    e: EventCandidate, events: list[EventCandidate], sents: list[_Sent]
) -> EventCandidate | None:
    """The truce a statement speaks of: its speaker is a party, it is of the same day,
    and the statement's own sentence names a truce ("أعلن شويغو قرار تمديد الهدنة",
    then "وقال شويغو اليوم: تم اتخاذ قرار تمديد الهدنة"). Not an agreement: what a
    party says of a deal it reached ("قال كيري: اتفقنا على…") is news of its own."""
    told = set()
    for span in e.evidence:
        s = next((x for x in sents if x.start == span[0]), None)
        if s is not None:
            told |= {t.type for t in s.triggers}
    return next(
        (
            f
            for f in events
            if f.type == "ceasefire"
            and f.type in told
            and f.status == e.status == "occurred"
            and f.precision == e.precision == "day"
            and f.date == e.date
            and _names(f.key_actors) & _names(e.key_actors)
        ),
        None,
    )


def _attach_statements(events: list[EventCandidate], sents: list[_Sent]) -> list[EventCandidate]:
    frames = [e for e in events if e.type in _FRAME_TYPES and e.status == "occurred"]
    out = []
    for e in events:
        if e.type != "statement":
            out.append(e)
            continue
        target = None
        for span in e.evidence:
            s = next((x for x in sents if x.start == span[0]), None)
            if s is None:
                continue
            refs = {
                t.type for t in s.triggers if s.segments[t.segment].kind in ("reference", "frame")
            }
            target = next(
                (f for f in frames if f.type in refs and _overlap(f, e)),
                None,
            )
            if target:
                break
        if target is None:
            target = next(
                (
                    f
                    for f in frames
                    if f.type in ("meeting", "call")
                    and _overlap(f, e)
                    and _names(f.key_actors) & _names(e.key_actors)
                ),
                None,
            )
        if target is None:
            target = _truce_spoken_of(e, events, sents)
        if target is None:
            out.append(e)
        else:
            _absorb(target, e)
    return out


# --------------------------------------------------------------------------- output


def _confidence(c: EventCandidate) -> float:
    w = max(0.0, min(1.0, c.weight or 0.5))
    date_w = _DATE_SOURCE_WEIGHT.get(c.date_source, 0.5) * (0.9 if c.date_inferred else 1.0)
    actor_w = min(1.0, 0.7 + 0.15 * len(c.key_actors))
    support = min(1.0, 0.85 + 0.05 * len(c.evidence))
    return round(max(0.05, min(0.99, (0.4 + 0.6 * w) * date_w * actor_w * support)), 2)


_RESOLUTION = re.compile(r"(?:القرار|قرار|للقرار|بالقرار)\s+(?:رقم\s+)?(\d{3,4})")
_REPORT_KINDS = ("complement", "relative", "reference", "frame")


def _reported_clause(s: _Sent, best: Trigger) -> str | None:
    """The words a statement reports: the complement after the speech trigger (أن، إن،
    بأن… or a colon), with the relative and nested clauses that continue it; for a
    speaker phrase after the words (…، حسبما أفاد دي ميستورا) the head before it."""
    segs = s.segments
    if segs[best.segment].kind == "speaker":
        head = segs[0]
        if head.kind == "head" and best.segment > 0:
            return s.text[head.cstart : segs[best.segment - 1].cend]
        return None
    k = best.segment + 1
    while k < len(segs) and segs[k].kind in ("reference", "frame", "attribution"):
        k += 1
    if k >= len(segs) or segs[k].kind != "complement":
        return None
    first = segs[k]
    last = first
    j = k + 1
    while j < len(segs) and segs[j].kind in _REPORT_KINDS:
        last = segs[j]
        j += 1
    start_tok = first.start
    openers = {w[0] for w in lexicon().markers["complementizers"] if len(w) == 1}
    if start_tok < len(s.toks) and (
        s.toks[start_tok].text in openers or _bare(s.toks[start_tok].text) in openers
    ):
        start_tok += 1
    if start_tok >= first.end:
        return None
    a, _ = original_span(s.offsets, s.toks[start_tok].start, s.toks[start_tok].end)
    while a > 0 and s.text[a - 1] in '«"“':  # the opening quote of quoted words
        a -= 1
    b = last.cend
    while b < len(s.text) and s.text[b] in '»"”':  # and its closing one
        b += 1
    return s.text[a:b] or None


def _target(s: _Sent, best: Trigger) -> str | None:
    """What an attack hit when the sentence names it right after the trigger noun:
    "قصف قافلة مساعدات" (a target noun of the lexicon and one indefinite word)."""
    spec = lexicon_raw_violence_targets()
    i = best.tok + best.ntok
    toks = s.toks
    if i >= len(toks) or toks[i].text not in spec:
        return None
    j = i + 1
    if j < len(toks) and not toks[j].text.startswith("ال") and toks[j].text not in _STOP_AFTER:
        j += 1
    a, _ = original_span(s.offsets, toks[i].start, toks[i].end)
    _, b = original_span(s.offsets, toks[j - 1].start, toks[j - 1].end)
    return s.text[a:b]


_STOP_AFTER = frozenset(fold(w) for w in ("في", "فى", "على", "من", "الى", "إلى", "عن", "مع", "قرب"))


@cache
def lexicon_raw_violence_targets() -> frozenset[str]:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    return frozenset(fold(w) for w in raw["types"]["violence"]["title_ar"].get("targets", ()))


def extract_events(
    body: str,
    published: date | None,
    title: str = "",
    gazetteer: Gazetteer | None = None,
    *,
    dateline: date | None = None,
) -> list[EventCandidate]:
    """Event candidates of one article body, in order of first evidence.

    ``title`` is not a source of events: a headline restates a body sentence and has
    no date of its own; it is accepted for the contract and future use. ``dateline``
    is ``CleanPage.dateline``: on the publication day or the day before, it is the day
    of the news (what undated sentences of the lead happened on).
    """
    del title
    if not body.strip():
        return []
    gaz = gazetteer or default_gazetteer()
    events = _Extractor(body, published, gaz, dateline).run()
    events.sort(key=lambda e: (e.evidence[0][0], e.date))
    return events


def _entity_json(e: Entity, key: set[str]) -> dict:
    return {"name": e.name, "name_ar": e.name_ar, "kind": e.kind, "key": e.name in key}


def event_id(origin: str, c: EventCandidate) -> str:
    """Stable id: the same article and rules give the same id on every run."""
    key_names = ",".join(sorted(_names(c.key_actors)))
    raw = f"{origin}|{c.type}|{c.status}|{c.date.isoformat()}|{key_names}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def candidate_json(c: EventCandidate, body: str, origin: str, url: str | None) -> dict:
    key = _names(c.key_actors)
    return {
        "id": event_id(origin, c),
        "date": c.date.isoformat(),
        "date_end": c.date_end.isoformat() if c.date_end else None,
        "precision": c.precision,
        "type": c.type,
        "status": c.status,
        "title_ar": c.title_ar,
        "title_en": c.title_en,
        "actors": [_entity_json(e, key) for e in c.actors],
        "place": {"name": c.place.name, "name_ar": c.place.name_ar} if c.place else None,
        "confidence": c.confidence,
        "sources": [
            {"origin": origin, "url": url, "quote": body[a:b], "start": a, "end": b}
            for a, b in c.evidence
        ],
    }


def extract_page(page: text_mod.CleanPage, published: date | None = None, origin: str = "") -> dict:
    """The event JSON of DESIGN.md for one clean page.

    ``published`` overrides the page's own publication date. Each actor carries
    ``"key": true`` when it is a key actor (subject/participant) of the event — an
    addition to the DESIGN.md schema that the scorer uses.
    """
    when = published or page.published
    events = extract_events(page.body, when, page.title, dateline=page.dateline)
    origin = origin or page.url or ""
    return {"events": [candidate_json(c, page.body, origin, page.url) for c in events]}

"""Arabic temporal expressions → normalised dates.

``find_dates`` tags the dates of an Arabic news text: explicit dates in every month
family (يناير / كانون الثاني / جانفي / شتنبر …, paired "19 فبراير/شباط"), ordinal days
("التاسع من أيلول"), ranges ("يومي الثامن والتاسع من سبتمبر", "الخميس والجمعة"),
expressions anchored at the publication date ("اليوم الخميس", "أمس", "الاثنين الماضي",
"الأسبوع المقبل"), ordinal weeks of a month ("الأسبوع الثاني من الشهر المقبل": days
8–14, precision week), Hijri dates, and "غداة" / "اليوم التالي" anchored at another date.

How it works: every rule is a regex over the folded text (``normalize.fold_with_offsets``),
built once at import from the JSON tables in ``data/`` (months.json, dates_words.json).
Word lists are compiled into character tries, so one alternation of a few hundred words
costs about as much as a single word. Rules run from the most to the least specific; a
rule never takes characters already claimed by an earlier one. Spans are mapped back to
the original text.

Conventions:
- ``date`` is the first day of what the expression names (a month → its 1st, a year →
  1 January); ``precision`` says how much of it is meant.
- ``date_end`` is the last day of a range ("من 8 إلى 10 سبتمبر", "الخميس والجمعة",
  "عامي 2015 و2016") and of week expressions, whose extent is a convention: ISO weeks
  (Monday–Sunday), "نهاية الأسبوع" = Friday–Sunday. A part of a month keeps precision
  "month" with a range: مطلع/أوائل = days 1–10, منتصف/أواسط = 11–20, نهاية/أواخر = 21–end.
  "منتصف ليل الخميس الجمعة" is the second day (midnight), "ليل الخميس الجمعة" both.
  A single day, month or year has None.
- ``relative`` — resolved from the publication date (اليوم، أمس، الخميس الماضي …) or from
  another date (غداة، اليوم التالي).
- ``inferred`` — the year was not written: taken from the publication date, from a year
  mentioned earlier in the text, or from ``infer_years`` (weekday + day + month).
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from hijridate import Gregorian, Hijri

from .normalize import fold, fold_char, fold_with_offsets, original_span

__all__ = ["TimeExpr", "find_dates", "infer_years", "sentence_tense"]


@dataclass
class TimeExpr:
    start: int
    end: int
    text: str  # span in the input text
    date: date
    date_end: date | None  # ranges: "يومي الثامن والتاسع من سبتمبر"
    precision: str  # "day" | "week" | "month" | "year"
    relative: bool  # anchored at the publication date (اليوم الخميس, أمس)
    inferred: bool  # year guessed (no publication date / no year given)


# The corpus period: where a weekday + day + month without a year is looked for first.
CORPUS_FIRST = date(2011, 1, 1)
CORPUS_LAST = date(2017, 12, 31)
_WIDE_FIRST = date(1990, 1, 1)
_WIDE_LAST = date(2030, 12, 31)


# --- tables -------------------------------------------------------------------------

_DATA = Path(__file__).resolve().parent / "data"


def _load(name: str) -> dict:
    with (_DATA / name).open(encoding="utf-8") as f:
        return json.load(f)


def _norm(s: str) -> str:
    return " ".join(fold(s).split())


_AL_PREFIXES = ("", "و", "ف", "ب", "ك", "وب", "فب", "وك")
_LAM_PREFIXES = ("ل", "ول", "فل")  # ل + ال is written لل: لليوم
_BARE_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل")


def _variants(word: str) -> list[str]:
    """The word with the one-letter prefixes Arabic attaches to it (والجمعة، بالتاسع، لعام)."""
    if word.startswith("ال"):
        return [p + word for p in _AL_PREFIXES] + [p + word[1:] for p in _LAM_PREFIXES]
    return [p + word for p in _BARE_PREFIXES]


def _table(entries: dict[str, object], prefixed: bool = True) -> dict[str, object]:
    """Folded spelling (and its prefixed forms) → value."""
    out: dict[str, object] = {}
    for word, value in entries.items():
        base = _norm(word)
        for form in _variants(base) if prefixed else [base]:
            out.setdefault(form, value)
    return out


def _by_value(groups: dict[str, list[str]], cast=int) -> dict[str, object]:
    return {word: cast(key) for key, words in groups.items() for word in words}


def _trie(words) -> str:
    """A regex matching any of ``words`` (longest first), factored into a character trie.

    A flat alternation of a few hundred words is tried word by word at every position;
    the trie fails on the first character that no word continues.
    """
    root: dict = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


_M = _load("months.json")
_W = _load("dates_words.json")

# month spelling → (calendar, month): "g" Gregorian (all families), "h" Hijri
_MONTHS: dict[str, object] = {}
for _family in ("gregorian", "levantine", "maghrebi"):
    _MONTHS.update(_table(_by_value(_M[_family], lambda k: ("g", int(k)))))
_MONTHS.update(_table(_by_value(_M["hijri"], lambda k: ("h", int(k)))))
_MONTH_NEEDS_CONTEXT = {_norm(w) for w in _M["needs_context"]}
_HIJRI_NEEDS_YEAR = {_norm(w) for w in _M["hijri"]["1"] + _M["hijri"]["2"]}  # محرم، صفر
_MONTH_BASE = {
    form: _norm(word)
    for fam in ("gregorian", "levantine", "maghrebi", "hijri")
    for words in _M[fam].values()
    for word in words
    for form in _variants(_norm(word))
}

_WEEKDAYS = _table(_by_value(_W["weekdays"]))
_ORDINALS = _table(_by_value(_W["ordinal_days"]))
_TOD = _table(dict.fromkeys(_W["times_of_day"], True))
_REL_DAYS = _table(_W["relative_days"])
_REL_BASE = _table({_norm(w): _norm(w) for w in _W["relative_days"]})
_UNITS = _table(_W["period_units"])
_QUALS = _table(_W["period_qualifiers"], prefixed=False)
_PARTS = _table(_W["period_parts"])
_FUTURE_MARKERS = [_norm(w) for w in _W["future_markers"]]
_FUTURE_EXCEPTIONS = {_norm(w) for w in _W["future_prefix_exceptions"]}
_FUTURE_EXCEPTION_STEMS = tuple(_norm(w) for w in _W["future_prefix_exception_stems"])
_TODAY_NOT_BEFORE = {_norm(w) for w in _W["today_not_date_before"]}
_TODAY_NOT_AFTER = {_norm(w) for w in _W["today_not_date_after"]}

_GENERAL_NOUNS = set(_table(dict.fromkeys(_W["nouns_with_general"], True)))
_NAMED_DATE_NOUNS = set(_table(dict.fromkeys(_W["named_date_nouns"], True)))
_TODAY = _norm("اليوم")
_NEEDS_TOD = {_norm("الغد"), _norm("غد")}  # "تيار الغد" is a party, "صباح الغد" a date
# Words that may stand before a weekday: "يوم الجمعة", "يومي الخميس والجمعة", "أمس السبت".
_DAY_WORDS = _table({"يوم": "day", "يومي": "day", "أيام": "day", "نهار": "day"})
_WK_LEAD = {**_DAY_WORDS, **_REL_DAYS}
_YEAR_WORDS = _table(dict.fromkeys(["عام", "العام", "سنة", "السنة", "عامي", "العامين"], True))
_SHAHR = _table(dict.fromkeys(["شهر", "شهري"], True))

# --- folding ---------------------------------------------------------------------------


def _build_fold_table() -> dict[int, str | None] | None:
    """``normalize.fold_char`` as a ``str.translate`` table (None if it ever maps one
    character to several, which a table could not follow)."""
    table: dict[int, str | None] = {}
    for cp in range(0x10000):
        ch = chr(cp)
        folded = fold_char(ch)
        if folded != ch:
            if len(folded) > 1:
                return None
            table[cp] = folded or None
    return table


_FOLD_TABLE = _build_fold_table()
# The same as {character: replacement}; usable with str.replace when no replacement is
# itself folded again (then one replace per character present gives the same result).
_FOLD_MAP = {chr(cp): v or "" for cp, v in (_FOLD_TABLE or {}).items()}
_FOLD_BY_REPLACE = not any(v in _FOLD_MAP for v in _FOLD_MAP.values() if v)


def _positions(text: str, ch: str):
    i = text.find(ch)
    while i >= 0:
        yield i
        i = text.find(ch, i + 1)


class _FoldedText:
    """The folded text, and folded → original offsets.

    Same result as ``normalize.fold_with_offsets`` + ``original_span`` (the table comes
    from ``normalize.fold_char``; a test checks the offsets), several times faster:
    instead of a Python step and an offset per character, one ``str.replace`` per folded
    character present, and only the positions of dropped characters (harakat, tatweel,
    bidi marks), which is all the mapping needs. The per-character loop was a third of
    the tagger's time on a 5 KB article.
    """

    def __init__(self, text: str):
        if _FOLD_TABLE is None or not _FOLD_BY_REPLACE:
            self.text, self._offsets = fold_with_offsets(text)
            return
        self._offsets = None
        present = _FOLD_MAP.keys() & set(text)
        # One str.replace per folded character present (a dozen, typically) is several
        # times faster than str.translate, which looks every character up in the table.
        folded = text
        for ch in present:
            folded = folded.replace(ch, _FOLD_MAP[ch])
        self.text = folded
        # Folded position from which each further dropped character shifts the mapping.
        dropped = sorted(i for ch in present if not _FOLD_MAP[ch] for i in _positions(text, ch))
        self._shifts = [p - k for k, p in enumerate(dropped)]

    def original(self, i: int) -> int:
        return i + bisect.bisect_right(self._shifts, i)

    def original_span(self, a: int, b: int) -> tuple[int, int]:
        if self._offsets is not None:
            return original_span(self._offsets, a, b)
        if b <= a:
            return self.original(a), self.original(a)
        return self.original(a), self.original(b - 1) + 1


# --- regex pieces (all over folded text) ---------------------------------------------

_B = r"(?<!\w)"  # left word boundary (prefix letters are part of the word)
_E = r"(?!\w)"
_MON = f"(?:{_trie(_MONTHS)}){_E}"
_MONP = rf"(?:{_MON}(?:\s*[/\\|-]\s*{_MON}|\s*\(\s*{_MON}\s*\))?|\(\s*{_MON}\s*\)\s*{_MON})"
# "22", "و22", and the Levantine/Gulf "الـ22" (ال + tatweel, folded to "ال22").
_DAYNUM = r"[وفب]?(?:ال\s?)?(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])(?!\d|[.,]\d)"
_ORD = f"(?:{_trie(_ORDINALS)}){_E}"
_DAY = f"(?:{_DAYNUM}|{_ORD})"
_SEP = r"\s*(?:-|–|الي|حتي|و|وحتي|لغايه|ولغايه)\s*"
_WD = f"(?:{_trie(_WEEKDAYS)}){_E}"
_WLEAD = f"(?:{_trie({**_TOD, **_WK_LEAD})}){_E}"
_TODP = f"(?:{_trie(_TOD)}){_E}"
_WKLEADP = f"(?:{_trie(_WK_LEAD)}){_E}"
_YEARW = f"(?:{_trie(_YEAR_WORDS)}){_E}"
_SHAHRP = f"(?:{_trie(_SHAHR)}){_E}"
_QUAL = f"(?:{_trie(_QUALS)}){_E}"
_PART = f"(?:{_trie(_PARTS)}){_E}"
_ERA = r"(?:م|ه|هجري|هجريه|ميلادي|ميلاديه|للهجره|للميلاد)(?!\w)"
_YEAR4 = r"(?<![\d.,])(?P<year>1[34]\d\d|19\d\d|20\d\d)(?!\d|[.,]\d)"
_GYEAR = r"(?:19[5-9]|20[0-4])\d"

_NUM_RE = re.compile(
    r"(?<![\w.,/-])(?:(?P<d>[0-3]?\d)(?P<s>[/.-])(?P<m>[01]?\d)(?P=s)(?P<y>(?:19|20)\d\d)"
    r"|(?P<y2>(?:19|20)\d\d)(?P<s2>[/.-])(?P<m2>[01]?\d)(?P=s2)(?P<d2>[0-3]?\d))"
    r"(?!\w|[/.-]\d)"
)
_DM_RE = re.compile(
    rf"{_B}(?:{_WLEAD}\s+){{0,2}}"
    rf"(?:(?P<wd>{_WD})\s*[,(]?\s*(?:الموافق\s+(?:ل\s*)?)?)?"
    rf"(?:{_WLEAD}\s+)?"
    rf"(?P<d1>{_DAY})(?:{_SEP}(?P<d2>{_DAY}))?"
    rf"\s*,?\s*(?:من\s+)?(?:{_SHAHRP}\s+)?"
    rf"(?P<mon>{_MONP})"
    rf"(?:\s*,?\s*(?:من\s+)?(?:{_YEARW}\s*)?{_YEAR4}(?:\s*(?P<era>{_ERA}))?)?"
    rf"(?:\s+(?P<rel>{_QUAL}))?{_E}"
)
_DOM_RE = re.compile(
    rf"{_B}(?:{_WLEAD}\s+){{0,2}}(?P<d1>{_DAY})(?:{_SEP}(?P<d2>{_DAY}))?"
    rf"\s+(?:من\s+(?:هذا\s+)?الشهر{_E}(?P<same>\s+(?:نفسه|ذاته))?(?:\s+(?P<rel>{_QUAL}))?"
    rf"|(?:الجاري|الحالي){_E})"  # Egyptian "يوم 15 الجاري"
)
_MY_RE = re.compile(
    rf"{_B}(?:(?P<part>{_PART})\s+)?(?:{_SHAHRP}\s+)?(?P<mon>{_MONP})"
    rf"\s*,?\s*(?:من\s+)?(?:{_YEARW}\s*)?{_YEAR4}(?:\s*(?P<era>{_ERA}))?{_E}"
)
_BM_LEAD = _table(dict.fromkeys(["في", "خلال", "منذ", "حتى", "بحلول", "قبل", "بعد"], True))
_BM_RE = re.compile(
    rf"{_B}(?:(?P<lead>{_trie(_BM_LEAD)}|{_PART}){_E}\s+)?(?:(?P<shahr>{_SHAHRP})\s+)?"
    rf"(?P<mon>{_MONP})(?:\s+(?P<rel>{_QUAL}))?"
    rf"(?:\s+من\s+(?:العام|السنه|عام)\s+(?P<yrel>{_QUAL}))?"
)
_YR_PREP = _table(dict.fromkeys(["في", "منذ", "حتى", "خلال", "بحلول", "قبل", "بعد"], True))
_YR_RE = re.compile(
    rf"{_B}(?:(?P<part>{_PART})\s+)?(?:(?P<yw>{_YEARW})\s*|(?P<prep>{_trie(_YR_PREP)}){_E}\s+)?"
    rf"(?<![\d.,])(?P<y1>{_GYEAR})(?!\d|[.,]\d)"
    rf"(?:\s*(?:-|–|/|الي|حتي|و)\s*(?P<y2>{_GYEAR})(?!\d|[.,]\d))?"
    rf"(?:\s*(?P<era>{_ERA}))?{_E}"
)
# After a bare "في 2012" a count would be followed by its noun ("في 2000 غارة").
_AFTER_BARE_YEAR = re.compile(
    r"\s*(?:$|[^\w\s]|(?:[وف]\w*|عندما|حين|حيث|ثم|الي|حتي|من|علي|في|بعد|قبل|مع|لكن)(?!\w))"
)
_WK_RE = re.compile(
    rf"{_B}(?:(?P<tod>{_TODP})\s+)?(?:(?P<lead>{_WKLEADP})\s*,?\s*)?"
    rf"(?P<open>\(\s*)?(?P<w1>{_WD})(?(open)\s*\))"
    rf"(?:\s*(?:-|/|الي|حتي|او)?\s*(?P<w2>{_WD}))?"
    rf"(?:\s+(?P<dir>{_QUAL}))?"
)
_RL_RE = re.compile(rf"{_B}(?:(?P<tod>{_TODP})\s+)?(?P<rel>{_trie(_REL_DAYS)}){_E}")
_PER_RE = re.compile(
    rf"{_B}(?:(?P<part>{_PART})\s+)?(?:(?P<this>هذا|هذه){_E}\s+)?"
    rf"(?P<unit>{_trie(_UNITS)}){_E}(?:\s+(?P<q>{_QUAL}))?"
)
_ANCHOR_WORDS = {
    "غداه": "after_event",
    "عشيه": "eve_of_event",
    "اليوم التالي": "next",
    "اليوم الذي يليه": "next",
    "اليوم السابق": "previous",
    "اليوم الذي سبقه": "previous",
}
_ANCHOR_TABLE = _table(_ANCHOR_WORDS)
_AN_RE = re.compile(rf"{_B}(?:(?P<tod>{_TODP})\s+)?(?P<kw>{_trie(_ANCHOR_TABLE)}){_E}")
_START_RE = re.compile(
    _trie(
        set(_MONTH_BASE.values())
        | {_norm(w) for g in _W["weekdays"].values() for w in g}
        | {_norm(w) for g in _W["ordinal_days"].values() for w in g}
        | {_norm(w) for w in _W["times_of_day"]}
        | {_norm(w) for w in _W["relative_days"]}
        | {_norm(w) for w in _W["period_units"]}
        | {_norm(w) for w in _W["period_parts"]}
        | {"يوم", "يومي", "ايام", "نهار", "عام", "العام", "سنه", "السنه", "عامي", "شهر", "هذا"}
        | {"هذه", "غداه", "عشيه", "الغد", "غد"}
    )
    + r"|\d|\("
)
_TRIGGER_KINDS: dict[str, set[str]] = {}
for _kind, _table_ in (
    ("month", _MONTHS),
    ("weekday", _WEEKDAYS),
    ("ordinal", _ORDINALS),
    ("rel", _REL_DAYS),
    ("unit", _UNITS),
    ("anchor", _ANCHOR_TABLE),
    ("month", _SHAHR),
):
    for _k in _table_:
        _TRIGGER_KINDS.setdefault(_k.split()[0], set()).add(_kind)
_TRIGGER_RE = re.compile(r"\b(?:" + _trie(_TRIGGER_KINDS) + r")(?!\w)|\d")
_NON_WORD = re.compile(r"\W")
_WINDOW_BEFORE = 70  # room for leads: "في ساعة متأخرة من مساء يوم"
_WINDOW_AFTER = 90  # room for "… من سبتمبر/أيلول من العام 2016 الماضي"


def _windows(folded: str) -> list[tuple[int, int, set[str]]]:
    """Stretches of text around the words a date expression needs (month, weekday, ordinal,
    digit, اليوم, الأسبوع, غداة …), widened to word boundaries and merged, each with the
    kinds of those words, so that a rule only scans where it could match."""
    spans: list[list] = []
    n = len(folded)
    last_end = -1
    for m in _TRIGGER_RE.finditer(folded):
        start, end = m.span()
        kinds = _TRIGGER_KINDS.get(m.group(), _DIGIT)
        if spans and start - _WINDOW_BEFORE <= last_end:
            span = spans[-1]
            span[2] = span[2] | kinds
        else:
            span = [max(0, start - _WINDOW_BEFORE), 0, kinds]
            spans.append(span)
        span[1] = last_end = end + _WINDOW_AFTER
    windows = []
    for a, b, kinds in spans:
        a = folded.rfind(" ", 0, a) + 1 if a else 0
        e = _NON_WORD.search(folded, b) if b < n else None
        windows.append((a, e.start() if e else n, kinds))
    return windows


_DIGIT = frozenset(["digit"])
# What each rule needs among the trigger kinds (any of them).
_RULE_NEEDS = {
    "numeric": {"digit"},
    "day_month": {"month"},
    "day_of_month": {"unit", "digit"},
    "month_year": {"month"},
    "year": {"digit"},
    "weekdays": {"weekday"},
    "bare_months": {"month"},
    "periods": {"unit"},
    "relative_days": {"rel"},
    "anchored": {"anchor"},
}


_SENT_END = re.compile(r"[!?;\n]|(?<!\d)\.|\.(?!\d)")
_CLAUSE_START = re.compile(r"(?<!\w)[وف]?[بل]?ان(?:ه|ها|هم|هما|هن)?(?!\w)|[:\"«»“”]")
_FUTURE_RE = re.compile(
    rf"{_B}(?P<marker>{_trie(_FUTURE_MARKERS)}){_E}|{_B}[وف]?(?P<verb>س[يتن]\w{{2,}})"
)
_WORD_BEFORE = re.compile(r"(\w+)([^\w]*)$")
_WORD_AFTER = re.compile(r"([^\w]*)(\w+)")
_RANGE_OPEN = re.compile(r"(?<!\w)(?:من|بين|اعتبارا من)\s*$")
_RANGE_LINK = re.compile(r"^\s*(?:-|–|الي|حتي|و|وحتي|لغايه|ولغايه)\s*$")


# --- public helpers ------------------------------------------------------------------


def _month_part(first: date, part: str | None) -> tuple[date, date | None]:
    """مطلع/أوائل (days 1–10), منتصف/أواسط (11–20), نهاية/أواخر (21–end) of a month."""
    if part == "start":
        return first, first.replace(day=10)
    if part == "middle":
        return first.replace(day=11), first.replace(day=20)
    if part == "end":
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return first.replace(day=21), last
    return first, None


def infer_years(day: int, month: int, weekday: int | None, lo: date, hi: date) -> list[int]:
    """Years in [lo, hi] in which day/month exists (and falls on ``weekday``, 0 = Monday)."""
    years = []
    for year in range(lo.year, hi.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if lo <= d <= hi and (weekday is None or d.weekday() == weekday):
            years.append(year)
    return years


def _has_future(folded: str) -> bool:
    for m in _FUTURE_RE.finditer(folded):
        if m.group("marker"):
            return True
        verb = m.group("verb")
        if verb not in _FUTURE_EXCEPTIONS and not verb.startswith(_FUTURE_EXCEPTION_STEMS):
            return True
    return False


def sentence_tense(text: str) -> str:
    """ "future" when the text speaks of what is to come (سـ، سوف، من المقرر، المقبل …)."""
    return "future" if _has_future(fold(text)) else "past"


# --- date arithmetic -----------------------------------------------------------------


def _nearest_weekday(anchor: date, weekday: int) -> date:
    delta = (weekday - anchor.weekday()) % 7
    return anchor + timedelta(delta) if delta <= 3 else anchor - timedelta(7 - delta)


def _on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta((anchor.weekday() - weekday) % 7)


def _on_or_after(anchor: date, weekday: int) -> date:
    return anchor + timedelta((weekday - anchor.weekday()) % 7)


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, 1)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _hijri_to_date(y: int, m: int, d: int) -> date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def _choose(cands: list[date], published: date, rel: int | None, future: bool) -> date | None:
    """Pick the year of a date written without one, from candidates around publication."""
    if not cands:
        return None
    if rel == -1:
        past = [c for c in cands if c < published]
        return max(past) if past else None
    if rel == 1:
        ahead = [c for c in cands if c > published]
        return min(ahead) if ahead else None
    if rel == 0:
        same = [c for c in cands if c.year == published.year]
        return same[0] if same else None
    if future:
        ahead = [c for c in cands if c >= published - timedelta(7)]
        if ahead and (min(ahead) - published).days < 300:
            return min(ahead)
        return min(cands, key=lambda c: (abs((c - published).days), c))
    # News mostly reports what happened: without a future marker, a date more than two
    # months ahead is last year's ("عقدت الجولة في 1 فبراير", published in September).
    recent = [c for c in cands if c <= published + timedelta(60)]
    if recent and (published - max(recent)).days < 300:
        return max(recent)
    return min(cands, key=lambda c: (abs((c - published).days), c))


# --- the tagger ----------------------------------------------------------------------


@dataclass
class _Hit:
    start: int  # folded offsets
    end: int
    date: date
    date_end: date | None
    precision: str
    relative: bool
    inferred: bool
    year_given: bool = True


class _Tagger:
    def __init__(self, text, published, future, context_date):
        self.text = text
        self.fold = _FoldedText(text)
        self.folded = self.fold.text
        self.published = published
        self.future = future
        self.context_date = context_date
        self.hits: list[_Hit] = []
        self.claimed: list[tuple[int, int]] = []
        self.windows = _windows(self.folded)
        self._years: list[tuple[int, int]] | None = None

    # spans ------------------------------------------------------------------------
    def free(self, a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in self.claimed)

    def claim(self, a: int, b: int) -> None:
        self.claimed.append((a, b))

    def add(self, a, b, d, end=None, precision="day", relative=False, inferred=False, given=True):
        # Drop attached prefixes (و، ب، ل …) from the span: "والجمعة" → "الجمعة".
        f = self.folded
        while a < b - 1 and f[a] in "وفبلك" and _START_RE.match(f, a + 1):
            a += 1
        if end is not None and end <= d:
            end = None
        b = _close_bracket(f, a, b)
        self.hits.append(_Hit(a, b, d, end, precision, relative, inferred, given))
        self.claim(a, b)

    def scan(self, regex: re.Pattern, needs: set[str]):
        """``regex.finditer`` over the windows holding a trigger word the rule needs:
        scanning the whole text with a dozen regexes would cost most of the time budget."""
        for a, b, kinds in self.windows:
            if needs & kinds:
                yield from regex.finditer(self.folded, a, b)

    # context ------------------------------------------------------------------------
    def sentence(self, pos: int) -> tuple[int, int]:
        """Bounds of the sentence around ``pos`` (looked for nearby, not over the whole text)."""
        start = 0
        for m in _SENT_END.finditer(self.folded, max(0, pos - 600), pos):
            start = m.end()
        m = _SENT_END.search(self.folded, pos)
        return start, m.end() if m else len(self.folded)

    def paragraph_start(self, pos: int) -> int:
        return self.folded.rfind("\n", 0, pos) + 1

    def is_future(self, a: int, b: int) -> bool:
        """Tense of the clause around [a, b): from its opening (أن/إن/:) to the expression,
        plus a few words after it up to the next clause."""
        if self.future is not None:
            return self.future
        s0, s1 = self.sentence(a)
        before = self.folded[s0:a]
        clause = list(_CLAUSE_START.finditer(before))
        if clause:
            opener = clause[-1]
            # "من المقرر أن يجتمع …": the marker governs the clause it introduces.
            if _has_future(before[max(0, opener.start() - 20) : opener.start()]):
                return True
            before = before[opener.end() :]
        after = self.folded[b : min(s1, b + 60)]
        cut = _CLAUSE_START.search(after)
        if cut:
            after = after[: cut.start()]
        return _has_future(before) or _has_future(after)

    def year_before(self, pos: int) -> int | None:
        """The last four-digit year written before ``pos`` (for dates without one)."""
        if self._years is None:
            self._years = [
                (m.start(), int(m.group()))
                for m in re.finditer(rf"(?<![\d.,]){_GYEAR}(?!\d|[.,]\d)", self.folded)
            ]
        best = None
        for p, y in self._years:
            if p >= pos:
                break
            best = y
        return best

    def word_before(self, pos: int) -> tuple[str, str]:
        m = _WORD_BEFORE.search(self.folded, max(0, pos - 40), pos)
        return (m.group(1), m.group(2)) if m else ("", "")

    def word_after(self, pos: int) -> tuple[str, str]:
        m = _WORD_AFTER.match(self.folded, pos)
        return (m.group(1), m.group(2)) if m else ("", "")

    # resolution of day + month without a year ----------------------------------------
    def resolve_day_month(self, cal, month, day, weekday, rel, a, b):
        """(date, inferred) for a day and month written without a year, or None."""
        pub = self.published
        if cal == "h":
            if pub is None:
                return None
            hy = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
            cands = [_hijri_to_date(y, month, day) for y in (hy - 1, hy, hy + 1)]
        elif pub is not None:
            cands = [_safe_date(y, month, day) for y in (pub.year - 1, pub.year, pub.year + 1)]
        else:
            text_year = self.year_before(a)
            if weekday is None:
                d = _safe_date(text_year, month, day) if text_year else None
                return (d, True) if d else None
            years = infer_years(day, month, weekday, CORPUS_FIRST, CORPUS_LAST) or infer_years(
                day, month, weekday, _WIDE_FIRST, _WIDE_LAST
            )
            if not years:
                return None
            year = text_year if text_year in years else years[-1]
            return date(year, month, day), True
        cands = [c for c in cands if c is not None]
        if weekday is not None and any(c.weekday() == weekday for c in cands):
            cands = [c for c in cands if c.weekday() == weekday]
        future = rel is None and self.is_future(a, b)
        d = _choose(cands, pub, rel, future)
        return (d, True) if d else None

    # rules ----------------------------------------------------------------------------
    def numeric(self):
        for m in self.scan(_NUM_RE, _RULE_NEEDS["numeric"]):
            a, b = m.span()
            if not self.free(a, b):
                continue
            if m.group("d"):
                d = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            else:
                d = _safe_date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
            if d:
                self.add(a, b, d)

    def day_month(self):
        for m in self.scan(_DM_RE, _RULE_NEEDS["day_month"]):
            a, b = m.span()
            if not self.free(a, b):
                continue
            self.claim(a, b)  # resolvable or not, these words belong to no other rule
            d1 = _day_value(m.group("d1"))
            d2 = _day_value(m.group("d2")) if m.group("d2") else None
            mon = m.group("mon")
            cal, month = _month_values(mon)[0]
            wd = _WEEKDAYS.get(_key(m.group("wd"))) if m.group("wd") else None
            rel = _QUALS.get(m.group("rel")) if m.group("rel") else None
            year = int(m.group("year")) if m.group("year") else None
            hijri_era = (m.group("era") or "").startswith("ه")
            inferred = False
            if year is not None:
                if cal == "h":
                    start = _hijri_to_date(year, month, d1) if year < 1600 else None
                elif year >= 1900 and not hijri_era:
                    start = _safe_date(year, month, d1)
                else:
                    start = None
            elif cal == "h" and _MONTH_BASE.get(_first_month_word(mon)) in _HIJRI_NEEDS_YEAR:
                start = None  # "1 صفر" is as likely a score as a date
            elif self._names_an_event(a):
                start = None  # "ثورة 25 يناير", "هجمات 11 سبتمبر": a name, year unknown
            else:
                got = self.resolve_day_month(cal, month, d1, wd, rel, a, b)
                start, inferred = got if got else (None, False)
            if start is None:
                continue
            if self._add_week_of_month(m, start, b, relative=year is None):
                continue
            end = None
            if d2 and d2 > d1:
                end = start + timedelta(d2 - d1)
                if cal == "g" and end.month != start.month:
                    end = None
            b = _close_bracket(self.folded, a, b)
            self.hits.append(_Hit(a, b, start, end, "day", False, inferred, year is not None))
            self._trim_last()

    def _names_an_event(self, pos: int) -> bool:
        word, sep = self.word_before(pos)
        return bool(word) and not sep.strip() and word in _NAMED_DATE_NOUNS

    def _trim_last(self):
        h = self.hits[-1]
        f = self.folded
        while h.start < h.end - 1 and f[h.start] in "وفبلك" and _START_RE.match(f, h.start + 1):
            h.start += 1

    def day_of_month(self):
        pub = self.published
        for m in self.scan(_DOM_RE, _RULE_NEEDS["day_of_month"]):
            a, b = m.span()
            if not self.free(a, b):
                continue
            self.claim(a, b)
            if pub is None or m.group("same"):
                continue  # "من الشهر نفسه" is the month of another date
            rel = _QUALS.get(m.group("rel"), 0) if m.group("rel") else 0
            first = _add_months(pub, rel)
            d1 = _day_value(m.group("d1"))
            start = _safe_date(first.year, first.month, d1)
            if start is None:
                continue
            if self._add_week_of_month(m, start, b, relative=True):
                continue
            d2 = _day_value(m.group("d2")) if m.group("d2") else None
            end = _safe_date(first.year, first.month, d2) if d2 else None
            self.add(a, b, start, end, relative=True)

    def _add_week_of_month(self, m: re.Match, day: date, b: int, relative: bool) -> bool:
        """ "الأسبوع الثاني من الشهر المقبل": an ordinal after الأسبوع counts weeks, not
        days — the second week is days 8–14 of the month (precision week). Adds the hit
        and says so; False when no الأسبوع stands right before the ordinal."""
        if any(c.isdigit() for c in m.group("d1")) or m.group("d2"):
            return False
        pos = m.start("d1")
        word, sep = self.word_before(pos)
        if sep.strip() or _WEEK_WORD.fullmatch(word) is None:
            return False
        n = day.day
        if n > 5:
            return False
        start = day.replace(day=7 * (n - 1) + 1)
        last = _add_months(day.replace(day=1), 1) - timedelta(1)
        if start > last:
            return False
        a = pos - len(sep) - len(word)
        self.add(a, b, start, min(start + timedelta(6), last), precision="week", relative=relative)
        return True

    def month_year(self):
        for m in self.scan(_MY_RE, _RULE_NEEDS["month_year"]):
            a, b = m.span()
            if not self.free(a, b):
                continue
            cal, month = _month_values(m.group("mon"))[0]
            year = int(m.group("year"))
            era = m.group("era") or ""
            if cal == "h" or era.startswith("ه"):
                if cal != "h" or year >= 1600:
                    continue
                d = _hijri_to_date(year, month, 1)
            else:
                d = _safe_date(year, month, 1) if year >= 1900 else None
            if d:
                self.add(a, b, d, precision="month")

    def year(self):
        for m in self.scan(_YR_RE, _RULE_NEEDS["year"]):
            a, b = m.span()
            if not self.free(a, b):
                continue
            if (m.group("era") or "").startswith("ه"):
                self.claim(a, b)
                continue
            if not (m.group("yw") or m.group("prep") or m.group("part")):
                continue
            if not (m.group("yw") or m.group("y2") or _AFTER_BARE_YEAR.match(self.folded, b)):
                continue
            if m.group("prep"):
                a = m.start("y1")  # "في 2012": the year, not the preposition
            y1 = int(m.group("y1"))
            y2 = int(m.group("y2")) if m.group("y2") else None
            end = date(y2, 12, 31) if y2 and y2 > y1 else None
            self.add(a, b, date(y1, 1, 1), end, precision="year")

    def weekdays(self):
        pub = self.published
        for m in self.scan(_WK_RE, _RULE_NEEDS["weekdays"]):
            a, b = m.span()
            if not self.free(a, b):
                continue
            if pub is None:
                self.claim(a, b)
                continue
            w1 = _WEEKDAYS[m.group("w1")]
            lead = _WK_LEAD.get(_key(m.group("lead"))) if m.group("lead") else None
            direction = _QUALS.get(m.group("dir")) if m.group("dir") else None
            if isinstance(lead, int):
                d = _nearest_weekday(pub + timedelta(lead), w1)
            elif direction == -1:
                d = _on_or_before(pub - timedelta(1), w1)
            elif direction == 1:
                d = _on_or_after(pub + timedelta(1), w1)
            elif direction == 0:
                d = _nearest_weekday(pub, w1)
            elif self.is_future(a, b):
                d = _on_or_after(pub, w1)
            else:
                d = _on_or_before(pub, w1)
            end = None
            if m.group("w2"):
                w2 = _WEEKDAYS[m.group("w2")]
                end = d + timedelta((w2 - w1) % 7)
                tod = m.group("tod") or ""
                if "منتصف" in tod and "ليل" in tod and (w2 - w1) % 7 == 1:
                    # midnight between two days: "منتصف ليل الخميس الجمعة" is Friday
                    # 00:00 (a truce taking effect); "ليل الخميس الجمعة" stays the night
                    d, end = end, None
            self.add(a, b, d, end, relative=True)

    def bare_months(self):
        pub = self.published
        for m in self.scan(_BM_RE, _RULE_NEEDS["bare_months"]):
            mon = m.group("mon")
            months = _month_values(mon)
            cal, month = months[0]
            if cal == "h":
                continue
            paired = len(months) > 1
            shahr = m.group("shahr") is not None
            rel = _QUALS.get(m.group("rel")) if m.group("rel") else None
            lead = m.group("lead")
            ambiguous = _MONTH_BASE.get(_first_month_word(mon)) in _MONTH_NEEDS_CONTEXT
            if ambiguous:
                if not (paired or shahr or rel is not None or m.group("yrel")):
                    continue
            elif not (paired or shahr or rel is not None or lead or m.group("yrel")):
                continue
            a = m.start() if lead and _key(lead) in _PARTS else m.start("shahr" if shahr else "mon")
            b = m.end()
            if not self.free(a, b):
                continue
            yrel = _QUALS.get(m.group("yrel")) if m.group("yrel") else None
            if pub is not None and yrel is not None:
                d = date(pub.year + yrel, month, 1)  # أيار من العام الماضي
            elif pub is not None:
                cands = [date(y, month, 1) for y in (pub.year - 1, pub.year, pub.year + 1)]
                this_month = date(pub.year, pub.month, 1)
                future = rel is None and self.is_future(a, b)
                d = _choose(cands, this_month, rel, future)
            else:
                y = self.year_before(a)
                d = date(y, month, 1) if y else None
            if d:
                part = _PARTS.get(_key(lead)) if lead else None
                d, end = _month_part(d, part)
                self.add(a, b, d, end, precision="month", inferred=True, given=False)
            else:
                self.claim(a, b)

    def relative_days(self):
        pub = self.published
        for m in self.scan(_RL_RE, _RULE_NEEDS["relative_days"]):
            a, b = m.span()
            if not self.free(a, b) or pub is None:
                continue
            rel = _key(m.group("rel"))
            word = _REL_BASE[rel]
            if not m.group("tod"):
                if word in _NEEDS_TOD:
                    continue
                if word == _TODAY and not self._today_is_date(m.start("rel"), b):
                    continue
            elif word == _TODAY and self._today_names_other_day(b):
                continue  # في وقت سابق من اليوم نفسه: the day of another date
            self.add(a, b, pub + timedelta(_REL_DAYS[rel]), relative=True)

    def _today_names_other_day(self, b: int) -> bool:
        sep, word = self.word_after(b)
        return bool(word) and not sep.strip() and word in _TODAY_NOT_AFTER

    def _today_is_date(self, a: int, b: int) -> bool:
        """Whether a bare اليوم names the publication day (not روسيا اليوم, حتى اليوم,
        اليوم التالي, اليوم العالمي)."""
        word, sep = self.word_before(a)
        bare = word[1:] if word[:1] in ("و", "ف", "ب", "ل") else word
        if word and not sep.strip() and (word in _TODAY_NOT_BEFORE or bare in _TODAY_NOT_BEFORE):
            return False
        sep, word = self.word_after(b)
        return not (word and not sep.strip() and word in _TODAY_NOT_AFTER)

    def periods(self):
        pub = self.published
        for m in self.scan(_PER_RE, _RULE_NEEDS["periods"]):
            a, b = m.span()
            if not self.free(a, b) or pub is None:
                continue
            unit = _UNITS[m.group("unit")]
            q = _QUALS.get(m.group("q")) if m.group("q") else None
            part = _PARTS.get(_key(m.group("part"))) if m.group("part") else None
            this = m.group("this") is not None
            if not (
                this
                or q is not None
                or part in ("later", "earlier")
                or (unit == "week" and part in ("start", "middle", "end"))
            ):
                continue
            if unit == "year" and not this and part is None:
                word, sep = self.word_before(m.start("unit"))
                if word in _GENERAL_NOUNS and not sep.strip():
                    continue  # الأمين العام المقبل: "general", not "year"
            q = q or 0
            if unit == "week":
                ws = pub - timedelta(pub.weekday()) + timedelta(7 * q)
                we = ws + timedelta(6)
                span = {
                    "start": (ws, ws + timedelta(2)),
                    "middle": (ws + timedelta(2), ws + timedelta(3)),
                    "end": (ws + timedelta(4), we),
                }.get(part, (ws, we))
                if part == "later" and q == 0:
                    span = (min(pub + timedelta(1), we), we)
                elif part == "earlier" and q == 0:
                    span = (ws, max(ws, pub - timedelta(1)))
                self.add(a, b, span[0], span[1], precision="week", relative=True)
            elif unit == "month":
                d, end = _month_part(_add_months(pub, q), part)
                if part == "later" and q == 0:  # لاحقا هذا الشهر: after today, this month
                    last = _add_months(pub, 1) - timedelta(1)
                    d, end = min(pub + timedelta(1), last), last
                elif part == "earlier" and q == 0:
                    d, end = d, max(d, pub - timedelta(1))
                self.add(a, b, d, end, precision="month", relative=True)
            else:
                self.add(a, b, date(pub.year + q, 1, 1), precision="year", relative=True)

    def anchored(self):
        """غداة / عشية / اليوم التالي: dated from another date, never from publication."""
        for m in self.scan(_AN_RE, _RULE_NEEDS["anchored"]):
            a, b = m.span()
            if not self.free(a, b):
                continue
            kind = _ANCHOR_TABLE[_key(m.group("kw"))]
            follow = self._hit_right_after(b)
            if follow is not None:
                shift = {"after_event": 1, "eve_of_event": -1}.get(kind, 0)
                end = follow.end
                if shift == 0 and self.folded[end : end + 1] == ")":
                    end += 1  # "في اليوم التالي (5 يونيو/حزيران)"
                self.hits.remove(follow)
                self.add(
                    a,
                    end,
                    follow.date + timedelta(shift),
                    precision="day",
                    relative=shift != 0 or follow.relative,
                    inferred=follow.inferred,
                )
                continue
            if kind in ("next", "previous"):
                anchor = self._anchor_before(a)
                shift = 1 if kind == "next" else -1
            else:
                anchor = self._anchor_near(a, b)
                # "غداة X": X was the day before the anchor; "عشية X": the day after.
                shift = -1 if kind == "after_event" else 1
            if anchor is not None:
                self.add(
                    a, b, anchor.date + timedelta(shift), relative=True, inferred=anchor.inferred
                )

    def _hit_right_after(self, pos: int) -> _Hit | None:
        for h in self.hits:
            if (
                h.start >= pos
                and h.precision == "day"
                and not self.folded[pos : h.start].strip(" \t(\u00a0")
            ):
                return h
        return None

    def _context_hit(self) -> _Hit | None:
        if self.context_date is None:
            return None
        return _Hit(0, 0, self.context_date, None, "day", True, False)

    def _day_hits(self) -> list[_Hit]:
        return sorted((h for h in self.hits if h.precision == "day"), key=lambda h: h.start)

    def _anchor_before(self, pos: int) -> _Hit | None:
        s0, _ = self.sentence(pos)
        before = [h for h in self._day_hits() if h.end <= pos]
        same = [h for h in before if h.start >= s0]
        if same:
            return same[-1]
        if self.context_date is not None:
            return self._context_hit()
        p0 = self.paragraph_start(pos)
        para = [h for h in before if h.start >= p0]
        return para[-1] if para else None

    def _anchor_near(self, a: int, b: int) -> _Hit | None:
        s0, s1 = self.sentence(a)
        hits = self._day_hits()
        same = [h for h in hits if h.start >= s0 and h.end <= s1]
        if same:
            return min(same, key=lambda h: min(abs(h.end - a), abs(h.start - b)))
        if self.context_date is not None:
            return self._context_hit()
        lead = hits[0] if hits and hits[0].end <= a else None
        return lead

    def merge_ranges(self):
        """ "من 28 فبراير إلى 2 مارس", "بين 8 و10 سبتمبر": two dates joined into one range."""
        hits = sorted(self.hits, key=lambda h: h.start)
        out: list[_Hit] = []
        f = self.folded
        i = 0
        while i < len(hits):
            h = hits[i]
            if i + 1 < len(hits):
                n = hits[i + 1]
                link = f[h.end : n.start]
                joined = _RANGE_LINK.match(link) or (
                    not link.strip() and f[n.start - 1 : n.start] == "و"
                )
                if (
                    joined
                    and n.precision == h.precision
                    and h.date_end is None
                    and _RANGE_OPEN.search(f[max(0, h.start - 30) : h.start])
                ):
                    start = h.date
                    if not h.year_given and n.year_given:
                        start = _safe_date(n.date.year, start.month, start.day) or start
                        if start > n.date:
                            start = _safe_date(start.year - 1, start.month, start.day) or start
                    if n.date > start:
                        out.append(
                            _Hit(
                                h.start,
                                n.end,
                                start,
                                n.date_end or n.date,
                                h.precision,
                                h.relative or n.relative,
                                h.inferred and n.inferred,
                                h.year_given or n.year_given,
                            )
                        )
                        i += 2
                        continue
            out.append(h)
            i += 1
        self.hits = out

    def run(self) -> list[TimeExpr]:
        for rule in _RULE_NEEDS:  # most specific first
            getattr(self, rule)()
        self.merge_ranges()
        out = []
        for h in sorted(self.hits, key=lambda h: h.start):
            s, e = self.fold.original_span(h.start, h.end)
            out.append(
                TimeExpr(
                    s, e, self.text[s:e], h.date, h.date_end, h.precision, h.relative, h.inferred
                )
            )
        return out


_WEEK_WORD = re.compile(r"[وف]?(?:ب|في)?(?:ال)?اسبوع")


def _close_bracket(folded: str, a: int, b: int) -> int:
    """Take in the ")" of "الثلاثاء (20 سبتمبر)" when the span opened the bracket."""
    if folded[b : b + 1] == ")" and folded.count("(", a, b) > folded.count(")", a, b):
        return b + 1
    return b


def _key(s: str) -> str:
    """A matched form as a table key (runs of spaces collapsed)."""
    return " ".join(s.split())


def _day_value(s: str) -> int:
    s = " ".join(s.split())
    digits = "".join(c for c in s if c.isdigit())
    if digits:
        return int(digits)
    return _ORDINALS[s]


_MONTH_NAME_RE = re.compile(_MON)


def _month_values(s: str) -> list[tuple[str, int]]:
    return [_MONTHS[" ".join(m.group().split())] for m in _MONTH_NAME_RE.finditer(s)]


def _first_month_word(s: str) -> str:
    m = _MONTH_NAME_RE.search(s)
    return " ".join(m.group().split()) if m else ""


def find_dates(
    text: str,
    published: date | None,
    *,
    future: bool | None = None,
    context_date: date | None = None,
) -> list[TimeExpr]:
    """Temporal expressions of ``text``, sorted by position.

    ``published`` anchors relative expressions (اليوم، أمس، الخميس الماضي) and the year
    of dates written without one; without it those are skipped, except weekday + day +
    month, resolved through ``infer_years``. ``future`` forces the direction of a bare
    weekday (None: decided per clause by ``sentence_tense`` rules). ``context_date``
    anchors "اليوم التالي" / "غداة" when the text itself gives no date for them.
    """
    if isinstance(published, datetime):
        published = published.date()
    if isinstance(context_date, datetime):
        context_date = context_date.date()
    return _Tagger(text, published, future, context_date).run()

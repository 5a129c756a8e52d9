"""Page cleaning (plain text and HTML saved from the web) and Arabic sentence splitting.

A saved news page is mostly not the article: navigation, story lists, "related news",
most-read boxes, comments. What is left after cleaning is the headline (``title``) and
the article ``body`` — paragraphs joined by a blank line — plus what metadata the page
gives (publication date, canonical URL, site name).

The plain-text heuristic (measured in shared/docs/ARABIC-NLP-NOTES.md, jusText did worse):
a body paragraph ends in sentence punctuation, is not a truncated "…" teaser and has at
least six words; short punctuated lines survive only between two body paragraphs (quotes
like «لن نتراجع».). A source tag after the last sentence ("… الأسد. (واس)") or a footnote
digit glued to its full stop ("… المرافق له.1") does not count, and a long paragraph
cut off mid-sentence (archived and syndicated copies stop after N characters) keeps
its complete sentences. Section markers ("أخبار ذات صلة", "التعليقات", …) end the
article once body text has been seen; "اقرأ أيضا" inserts are skipped. The markers are
data, in ``data/page_markers.json``.

HTML goes through trafilatura (main content, comments excluded) and then the same line
filter, because trafilatura keeps "read also" lists and captions that sit inside the
article element.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from .normalize import clean_whitespace, fold

MAX_BYTES = 5 * 1024 * 1024

_DATA = Path(__file__).parent / "data" / "page_markers.json"

# Bidi embeddings/overrides/isolates and marks: a U+202E in a page can make a quoted
# sentence display reversed; they never carry meaning in a news body.
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_ZERO_WIDTH = re.compile("[\u200b\ufeff\u2060]")
_TAG = re.compile(r"</?[A-Za-z!][^<>]{0,500}>")
_JS_URL = re.compile(r"(?i)\b(?:javascript|vbscript|data)\s*:[^\s\"'<>]*")


class InputError(ValueError):
    """A file we cannot take; the message is one clear line for the user."""


@dataclass
class CleanPage:
    title: str
    body: str
    published: date | None = None
    url: str | None = None
    publisher: str | None = None
    language: str = "ar"
    # The date of a lead dateline on its own line ("جاكارتا، إندونيسيا، 7 أكتوبر 2013،
    # وكالات-"): the day the news happened, which may be the day before the page date.
    dateline: date | None = None


@dataclass
class Sentence:
    start: int
    end: int
    text: str


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class _Markers:
    end: tuple[tuple[str, int, bool], ...]  # (folded phrase, word count, ends with ":")
    skip: tuple[tuple[str, int, bool], ...]
    extra_words: int
    boilerplate: re.Pattern[str]
    byline: re.Pattern[str]
    published_kw: re.Pattern[str]
    modified_kw: re.Pattern[str]
    months: dict[str, int]
    month_re: str
    weekday_re: str
    abbreviations: frozenset[str]


def _fold_key(text: str) -> str:
    return clean_whitespace(fold(text)).casefold()


def _phrases(items: list[str]) -> tuple[tuple[str, int, bool], ...]:
    out = {(_fold_key(p), len(p.split()), p.rstrip().endswith(":")) for p in items}
    # Longest first, so "الأخبار الأكثر قراءة" is tried before "الأكثر قراءة".
    return tuple(sorted(out, key=lambda t: -len(t[0])))


def _alternation(items: list[str]) -> str:
    keys = sorted({_fold_key(p) for p in items}, key=len, reverse=True)
    return "|".join(re.escape(k) for k in keys)


@cache
def _month_table() -> dict:
    return json.loads((Path(__file__).parent / "data" / "months.json").read_text(encoding="utf-8"))


@cache
def _markers() -> _Markers:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    months = {_fold_key(k): v for k, v in raw["months"].items()}
    # Every Arabic spelling dates.py knows ("أوكتوبر", "سيبتمبر", "دجنبر") also makes a
    # dateline: one table of spellings, data/months.json, for both.
    for family in ("gregorian", "levantine", "maghrebi"):
        for number, spellings in _month_table()[family].items():
            months.update({_fold_key(w): int(number) for w in spellings})
    return _Markers(
        end=_phrases(raw["end"]),
        skip=_phrases(raw["skip"]),
        extra_words=int(raw["marker_max_extra_words"]),
        boilerplate=re.compile(rf"(?<!\w)(?:{_alternation(raw['boilerplate'])})(?!\w)"),
        byline=re.compile(rf"^(?:{_alternation(raw['byline'])})(?!\w)"),
        published_kw=re.compile(rf"(?<!\w)(?:{_alternation(raw['published_keywords'])})(?!\w)"),
        modified_kw=re.compile(rf"(?<!\w)(?:{_alternation(raw['modified_keywords'])})(?!\w)"),
        months=months,
        month_re="|".join(re.escape(k) for k in sorted(months, key=len, reverse=True)),
        weekday_re=_alternation(raw["weekdays"]),
        abbreviations=frozenset(a.casefold() for a in raw["abbreviations"]),
    )


# ---------------------------------------------------------------- line classification

_CLOSERS = "\"'»”’)]}›"
# Sentence punctuation at the end of a line, closing quotes/brackets may follow.
_ENDS_SENTENCE = re.compile(rf"[.!?؟…][{re.escape(_CLOSERS)}]*\s*$")
# A teaser cut off by the site: ends in "…" or "..." with nothing after it.
_TRUNCATED = re.compile(r"(?:…|\.\.\.?)\s*$")
_WORD = re.compile(r"\w", re.UNICODE)
# A source tag or editor's code after the last sentence: "… الأسد. (واس)", "… لتنحيه. (08)".
_TRAILING_TAG = re.compile(r"(?<=[.!?؟])\s*\([^()\n]{1,20}\)\s*$")
# A footnote mark glued to the last full stop: "… والوفد المرافق له.1" (not "2.5").
_FOOTNOTE = re.compile(r"(?<=[^\d\s][.!?؟])\d{1,2}\s*$")
# The end of a complete sentence inside a line (punctuation, closers, then a space).
_SENTENCE_END_IN_LINE = re.compile(rf"[.!?؟][{re.escape(_CLOSERS)}]*(?=\s)")
_BULLET = re.compile(r"^\s*(?:[•·▪●◦‣*>|]|-(?=\s))")
_BREADCRUMB = re.compile(r"[»›>/|]")
_DATELINE = re.compile(r"^\S+(?: \S+){0,2} [-–—ـ] \S+(?: \S+){0,3}$")
_TITLE_SEP = re.compile(r"\s+(?:\||::|–|—|-|»)\s+")


def _words(line: str) -> int:
    return sum(1 for tok in line.split() if _WORD.search(tok))


def _ends_sentence(line: str) -> bool:
    line = _FOOTNOTE.sub("", _TRAILING_TAG.sub("", line))
    return bool(_ENDS_SENTENCE.search(line)) and not _TRUNCATED.search(line)


def _complete_sentences(line: str) -> str:
    """A long paragraph cut off mid-sentence, up to its last complete sentence.

    Archived and syndicated copies stop after a fixed number of characters ("… مؤكدا
    التوصل الى"); the sentences before the cut are article text. A teaser ending in
    "…" is a different thing (a link to another story) and is left alone, and so is
    anything short: the cut part must hold twelve words or more.
    """
    if _words(line) < 20 or _ends_sentence(line) or _TRUNCATED.search(line):
        return line
    ends = list(_SENTENCE_END_IN_LINE.finditer(line))
    if not ends:
        return line
    head = line[: ends[-1].end()]
    if _TRUNCATED.search(head):
        return line  # "… وفق بيان جنيف1.. وأوضحت": ".." as a full stop, not a cut
    return head if _words(head) >= 12 else line


def _marker_kind(line: str) -> str | None:
    """ "end" / "skip" when ``line`` is a section heading from page_markers.json."""
    m = _markers()
    key = _fold_key(line).strip(" :-–—|•*#")
    if not key:
        return None
    n = _words(line)
    for kind, phrases in (("skip", m.skip), ("end", m.end)):
        for phrase, words, colon in phrases:
            if not key.startswith(phrase.rstrip(" :")):
                continue
            rest = key[len(phrase.rstrip(" :")) :]
            if rest and rest[0].isalnum() and not phrase.endswith(":"):
                continue  # "التعليقاتي…" is not "التعليقات"
            if words == 1 and not colon and any(ch.isalpha() for ch in rest):
                continue  # "التعليقات الدولية على الاتفاق" is a subheading
            limit = words + (8 if colon else m.extra_words)
            if n <= limit and (colon or kind == "skip" or not _ends_sentence(line)):
                return kind
    return None


def _is_boilerplate(line: str) -> bool:
    return _words(line) <= 8 and bool(_markers().boilerplate.search(_fold_key(line)))


def _is_body(line: str) -> bool:
    """A full article paragraph: sentence punctuation at the end, six words or more."""
    return _ends_sentence(line) and _words(line) >= 6 and not _is_boilerplate(line)


def _is_unpunctuated_paragraph(line: str) -> bool:
    """A long line of prose without final punctuation (20 words or more, no list mark)."""
    return (
        _words(line) >= 20
        and not _TRUNCATED.search(line)
        and not _BULLET.match(line)
        and not _is_boilerplate(line)
    )


def _is_short_body(line: str) -> bool:
    """A short punctuated line, kept only between two body paragraphs."""
    return (
        _ends_sentence(line)
        and 2 <= _words(line) < 6
        and not _BULLET.match(line)
        and not _is_boilerplate(line)
    )


def _looks_like_title(line: str) -> bool:
    n = _words(line)
    if not 3 <= n <= 40 or len(line) > 300:
        return False
    if _BULLET.match(line) or _TRUNCATED.search(line) or line.rstrip().endswith("."):
        return False
    if "»" in line and not re.search("«[^»]*»", line):
        return False  # breadcrumb "الرئيسية » أخبار عالمية"
    if n <= 6 and _DATELINE.match(line):
        return False  # "نيويورك - المغرب اليوم"
    if n <= 8:
        key = _fold_key(line).translate(_DIGITS)
        if _dates_in(key) or _hijri_dates_in(key):
            return False  # a dateline "الاثنين 3 أكتوبر 2016 21:05 GMT", "الرياض 28 صفر 1437 هـ"
    if _marker_kind(line) or _is_boilerplate(line):
        return False
    key = _fold_key(line)
    m = _markers()
    if (n <= 6 and m.byline.search(key)) or m.published_kw.match(key) or m.modified_kw.match(key):
        return False
    letters = sum(ch.isalpha() for ch in line)
    return letters >= 0.6 * len(line.replace(" ", ""))


def _strip_title_suffix(title: str) -> str:
    """Drop a site name before or after the headline: "Headline | Site", "Site :: Headline"."""
    parts = _TITLE_SEP.split(title)
    if len(parts) == 2:
        head, tail = parts
        if _words(tail) <= 4 and _words(head) >= 3 and _words(head) > _words(tail):
            return head.strip()
        if _words(head) <= 4 and _words(tail) >= 3 and _words(tail) > _words(head):
            return tail.strip()
    return title


def _prepare_lines(raw: str) -> list[str]:
    text = _BIDI.sub("", _ZERO_WIDTH.sub("", raw))
    return clean_whitespace(text).split("\n")


# ------------------------------------------------------------------------ the filter


def _select(lines: list[str]) -> tuple[list[int], int | None, int]:
    """Indices of body lines, of the headline (or None), and the end of the article."""
    kinds: list[str] = []  # "body" | "short" | "other" per line
    end = len(lines)
    skipping = False
    seen_body = False
    for i, line in enumerate(lines):
        if not line:
            kinds.append("blank")
            continue
        marker = _marker_kind(line)
        if marker == "end" and seen_body:
            end = i
            break
        if marker is not None:
            skipping = True
            kinds.append("other")
            continue
        line = lines[i] = _complete_sentences(line)
        if skipping:
            # Resume at a real paragraph: a one-line headline list never has one.
            if _is_body(line) and _words(line) >= 12:
                skipping = False
            else:
                kinds.append("other")
                continue
        if _is_body(line):
            kinds.append("body")
            seen_body = True
        elif _is_short_body(line):
            kinds.append("short")
        elif _is_unpunctuated_paragraph(line):
            kinds.append("long")
        else:
            kinds.append("other")

    if "body" not in kinds:
        # Some sites end no paragraph with a full stop ("… للأمم المتحدة", "… اللاجئين\"").
        # Only when nothing else is article text: a long line is then a paragraph.
        kinds = ["body" if k == "long" else k for k in kinds]
    kinds = ["other" if k == "long" else k for k in kinds]
    body_idx = [i for i, k in enumerate(kinds) if k == "body"]
    title_idx = _find_title(lines, kinds, body_idx)
    if title_idx is not None and kinds[title_idx] == "body":
        body_idx.remove(title_idx)
    if body_idx:
        first, last = body_idx[0], body_idx[-1]
        body_idx += [i for i, k in enumerate(kinds) if k == "short" and first < i < last]
        body_idx.sort()
    return body_idx, title_idx, end


def _find_title(lines: list[str], kinds: list[str], body_idx: list[int]) -> int | None:
    first_body = body_idx[0] if body_idx else len(kinds)
    counts: dict[str, int] = {}
    for i, k in enumerate(kinds):
        if k != "blank":
            counts[lines[i]] = counts.get(lines[i], 0) + 1
    candidates = [
        i
        for i in range(first_body)
        if kinds[i] != "blank" and _looks_like_title(lines[i]) and not _BULLET.match(lines[i])
    ]
    repeated = [i for i in candidates if counts[lines[i]] > 1]
    # The headline is the title-like line closest above the article; pages repeat it
    # (page header + article header), story lists above it usually are not repeated.
    if repeated and (not candidates or repeated[-1] >= candidates[-1] - 2):
        return repeated[-1]
    if candidates:
        return candidates[-1]
    # A question headline ("من سيمثل الحسكة؟") passes as a paragraph: take it when it
    # opens the page and more body follows.
    if len(body_idx) > 1:
        line = lines[body_idx[0]]
        if line.rstrip(_CLOSERS + " ").endswith(("?", "؟")) and _words(line) <= 20:
            return body_idx[0]
    return None


def _assemble(lines: list[str], body_idx: list[int], title: str) -> str:
    seen = {_fold_key(title)} if title else set()
    paragraphs = []
    for i in body_idx:
        line = _neutralise(lines[i])
        key = _fold_key(line)
        if not line or key in seen:
            continue
        seen.add(key)
        paragraphs.append(line)
    return clean_whitespace("\n\n".join(paragraphs))


def _neutralise(line: str) -> str:
    """Plain text only: no tag-like markup or script URLs survive into the body."""
    line = _TAG.sub(" ", line)
    line = _JS_URL.sub(" ", line)
    return re.sub(r"\s{2,}", " ", line).strip()


def clean_plain_text(raw: str) -> CleanPage:
    """Headline and article body of a page saved as plain text."""
    lines = _prepare_lines(raw)
    body_idx, title_idx, end = _select(lines)
    title = _neutralise(lines[title_idx]) if title_idx is not None else ""
    title = _strip_title_suffix(title)
    body = _assemble(lines, body_idx, title)
    published = _dateline(lines[:end], body_idx)
    return CleanPage(
        title=title,
        body=body,
        published=published,
        url=None,
        publisher=None,
        language=detect_language(title + "\n" + body)[0],
        dateline=_lead_dateline(lines, body_idx),
    )


# ------------------------------------------------------------------------- datelines

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _valid(y: int, m: int, d: int) -> date | None:
    if not 1990 <= y <= 2100:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


@cache
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    m = _markers()
    month = rf"(?P<month>{m.month_re})"
    return (
        re.compile(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
        re.compile(r"(?<!\d)(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})(?!\d)"),
        re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:من\s+)?{month}(?:\s*/\s*\S+)?\s*،?,?\s*(?P<y>\d{{4}})"
        ),
        re.compile(rf"{month}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})"),
    )


def _dates_in(key: str) -> list[date]:
    """Dates written in one folded, case-folded line."""
    found = []
    months = _markers().months
    for pat in _date_patterns():
        for mt in pat.finditer(key):
            g = mt.groupdict()
            month = int(g["m"]) if g.get("m") else months.get(g["month"], 0)
            d = _valid(int(g["y"]), month, int(g["d"]))
            if d:
                found.append(d)
    return found


_SEGMENTS = re.compile(r"\s[|•·]\s|\s{2,}")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_MERIDIEM = re.compile(r"(?<!\w)(?:gmt|utc|am|pm|ص|م)(?!\w)")


@cache
def _hijri_pattern() -> re.Pattern[str]:
    raw = json.loads((Path(__file__).parent / "data" / "months.json").read_text(encoding="utf-8"))
    names = {_fold_key(w): int(k) for k, words in raw["hijri"].items() for w in words}
    alt = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<month>{alt})\s+(?P<y>1[34]\d\d)\s*(?:ه|هـ)?(?!\w)"
    )


@cache
def _hijri_months() -> dict[str, int]:
    raw = json.loads((Path(__file__).parent / "data" / "months.json").read_text(encoding="utf-8"))
    return {_fold_key(w): int(k) for k, words in raw["hijri"].items() for w in words}


def _hijri_dates_in(key: str) -> list[date]:
    """Hijri dates with a year in one folded line ("الرياض 28 صفر 1437 هـ واس")."""
    from hijridate import Hijri

    found = []
    for mt in _hijri_pattern().finditer(key):
        try:
            g = Hijri(int(mt["y"]), _hijri_months()[mt["month"]], int(mt["d"])).to_gregorian()
        except (ValueError, OverflowError):
            continue
        d = _valid(g.year, g.month, g.day)
        if d:
            found.append(d)
    return found


_DASH_END = re.compile(r"[-–—ـ]+\s*$")


def _lead_dateline(lines: list[str], body_idx: list[int]) -> date | None:
    """The date of a dateline line right before the first body paragraph: a short line
    with one date that ends in a dash ("جاكارتا، إندونيسيا، 7 أوكتوبر 2013، وكالات-",
    "دمشق - 12 أيلول 2016 -")."""
    if not body_idx:
        return None
    for i in range(body_idx[0] - 1, max(-1, body_idx[0] - 3), -1):
        line = lines[i].strip()
        if not line:
            continue
        if _words(line) > 10 or not _DASH_END.search(line):
            return None
        dates = set(_dates_in(_fold_key(line).translate(_DIGITS)))
        return dates.pop() if len(dates) == 1 else None
    return None


def _dateline(lines: list[str], body_idx: list[int]) -> date | None:
    """A publication date printed on the page, only when it is unambiguous.

    Looked for in short lines outside the body (a date inside an article sentence is
    an event date): a line with a "نشر في"/"Published" keyword wins; otherwise a line
    that is nothing but a date ("الأربعاء 7 سبتمبر 2016 10:32"). Two different
    candidates → None.
    """
    m = _markers()
    body = set(body_idx)
    keyword, bare = set(), set()
    for i, line in enumerate(lines):
        if i in body or not line or _words(line) > 12:
            continue
        # "نشر في: 2016-09-25 | آخر تحديث: 2016-09-26": judge each part on its own.
        for key in _SEGMENTS.split(_fold_key(line).translate(_DIGITS)):
            dates = _dates_in(key)
            if not dates and (hijri := _hijri_dates_in(key)):
                # an agency dateline "الرياض 28 صفر 1437 هـ واس": city, Hijri date, agency
                rest = _hijri_pattern().sub(" ", key)
                if _words(rest) <= 3 and not m.modified_kw.search(key):
                    (keyword if m.published_kw.search(key) else bare).update(hijri)
                continue
            if not dates or m.modified_kw.search(key):
                continue
            if m.published_kw.search(key):
                keyword.update(dates)
                continue
            rest = key
            for pat in (*_date_patterns(), re.compile(m.weekday_re), _CLOCK):
                rest = pat.sub(" ", rest)
            if _words(_MERIDIEM.sub(" ", rest)) <= 1:
                bare.update(dates)
    for group in (keyword, bare):
        if len(group) == 1:
            return next(iter(group))
        if group:
            return None
    return None


# ----------------------------------------------------------------------------- HTML


def clean_html(html: str, url: str | None = None) -> CleanPage:
    """Headline, body and metadata of an HTML page (trafilatura + the line filter)."""
    import trafilatura
    from lxml import html as lxml_html

    html = _BIDI.sub("", html)
    tree = _parse_html(html)
    meta = _html_metadata(tree) if tree is not None else {}
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
        )
    except Exception:  # trafilatura raises assorted errors on broken markup
        doc = None
    text = getattr(doc, "text", None) or ""
    lines = _prepare_lines(text)
    body_idx, title_idx, _end = _select(lines)
    if not body_idx and tree is not None:
        lines = _prepare_lines(_fallback_text(tree, lxml_html))
        body_idx, title_idx, _end = _select(lines)
    title = meta.get("title") or (getattr(doc, "title", None) or "")
    if not title and title_idx is not None:
        title = lines[title_idx]
    title = _neutralise(clean_whitespace(_BIDI.sub("", title)))
    if title_idx is not None and _fold_key(lines[title_idx]) in _fold_key(title):
        title = lines[title_idx]  # <title> "Site :: Headline" and the page's own headline
    title = _strip_title_suffix(title)
    if title_idx is not None and _fold_key(lines[title_idx]) == _fold_key(title):
        body_idx = [i for i in body_idx if i != title_idx]
    body = _assemble(lines, body_idx, title)

    published = meta.get("published") or _htmldate(tree, url)
    if published is None:
        published = _dateline(lines, body_idx)
    canonical = meta.get("url") or getattr(doc, "url", None) or url
    publisher = meta.get("publisher") or getattr(doc, "sitename", None) or None
    return CleanPage(
        title=title,
        body=body,
        published=published,
        url=_safe_url(canonical),
        publisher=clean_whitespace(_BIDI.sub("", publisher)).strip() if publisher else None,
        language=detect_language(title + "\n" + body)[0],
        dateline=_lead_dateline(lines, body_idx),
    )


def _parse_html(html: str):
    from lxml import etree
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


_BLOCKS = {"p", "div", "td", "th", "tr", "li", "h1", "h2", "h3", "h4", "blockquote", "center"}


def _fallback_text(tree, lxml_html) -> str:
    """Line-per-block text of a page trafilatura found no article in.

    Old table-layout sites (<br><br> between paragraphs, no <p>) defeat trafilatura;
    the line filter copes with their text once blocks and <br> become line breaks.
    """
    tree = lxml_html.fromstring(lxml_html.tostring(tree))
    for bad in tree.xpath("//script|//style|//noscript|//template|//nav|//footer|//aside"):
        if bad.getparent() is not None:
            bad.drop_tree()
    for el in tree.iter():
        if isinstance(el.tag, str) and (el.tag == "br" or el.tag in _BLOCKS):
            el.tail = "\n" + (el.tail or "")
    body = tree.find("body")
    return (body if body is not None else tree).text_content()


def _safe_url(url: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    return url if re.match(r"(?i)^https?://", url) else None


_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "publication_date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)


def _iso_date(value: str) -> date | None:
    """The date of an ISO timestamp; a bare "YYYY-01-01" is a year-only placeholder."""
    value = (value or "").strip()
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m or re.fullmatch(r"\d{4}-01-01", value):
        return None
    return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _html_metadata(tree) -> dict:
    """Title, canonical URL, site name and publication date from <head> metadata.

    Only explicit publication metadata counts as a date here (OpenGraph/article,
    JSON-LD datePublished, <time itemprop=datePublished>): a page's <time> elements in
    related-news lists are the trap htmldate fell into.
    """
    out: dict = {}
    metas: dict[str, str] = {}
    for el in tree.xpath("//meta[@content]"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if name and name not in metas:
            metas[name] = el.get("content", "")
    ld = _json_ld(tree)
    out["title"] = metas.get("og:title") or ld.get("headline") or metas.get("twitter:title")
    canon = tree.xpath("//link[@rel='canonical']/@href")
    out["url"] = (canon[0] if canon else None) or metas.get("og:url") or ld.get("url")
    out["publisher"] = metas.get("og:site_name") or ld.get("publisher") or None
    published = None
    for name in _PUBLISHED_META:
        published = _iso_date(metas.get(name, ""))
        if published:
            break
    if published is None:
        published = _iso_date(ld.get("datePublished", ""))
    if published is None:
        times = tree.xpath("//time[@itemprop='datePublished']/@datetime")
        published = _iso_date(times[0]) if times else None
    out["published"] = published
    return {k: v for k, v in out.items() if v}


_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "webpage"}


def _json_ld(tree) -> dict:
    """headline/url/datePublished/publisher of the page's (News)Article JSON-LD."""
    found: dict = {}
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content())
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
                continue
            if not isinstance(item, dict):
                continue
            stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
            types = item.get("@type", "")
            types = types if isinstance(types, list) else [types]
            if not any(str(t).lower() in _ARTICLE_TYPES for t in types):
                continue
            for key in ("headline", "datePublished", "url"):
                if isinstance(item.get(key), str) and key not in found:
                    found[key] = item[key]
            pub = item.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                found.setdefault("publisher", pub["name"])
    return found


_NOT_ARTICLE = (
    "//aside|//nav|//footer|//header[not(ancestor::article)]|//*[@role='complementary']"
    "|//*[contains(@class,'related') or contains(@id,'related') or contains(@class,'sidebar')"
    " or contains(@id,'sidebar') or contains(@class,'most') or contains(@class,'popular')"
    " or contains(@class,'comment') or contains(@id,'comment') or contains(@class,'widget')"
    " or contains(@class,'read-also') or contains(@class,'more')]"
)


def _htmldate(tree, url: str | None) -> date | None:
    """htmldate's original (not modified) date; a bare 1 January means "year only".

    Runs on a copy of the page without sidebars, related-news and comment blocks:
    without metadata htmldate otherwise takes a date from those lists
    (ARABIC-NLP-NOTES.md).
    """
    from htmldate import find_date
    from lxml import html as lxml_html

    if tree is None:
        return None
    try:
        pruned = lxml_html.fromstring(lxml_html.tostring(tree))
        for el in pruned.xpath(_NOT_ARTICLE):
            if el.getparent() is not None:
                el.drop_tree()
        found = find_date(pruned, original_date=True, extensive_search=False, url=url)
    except Exception:  # htmldate raises on odd markup; a date is optional
        return None
    d = _iso_date(found or "")
    if d is None or (d.month, d.day) == (1, 1):
        return None
    return d


# ------------------------------------------------------------------ decode, validate

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or Word/Excel document)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"ID3", "an MP3 file"),
)
_HTML_EXT = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp")
_HTML_SNIFF = re.compile(r"(?i)<(?:!doctype\s+html|html|head|body|article|meta|div|p)[\s>/]")
_CHARSET = re.compile(rb"(?i)<meta[^>]+charset\s*=\s*[\"']?\s*([a-z0-9_\-]+)")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _decode(data: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with BOM, the HTML meta charset, then Windows-1256."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise InputError(
                    f"The file starts with a {codec.upper()} byte-order mark "
                    f"but is not valid {codec.upper()} text."
                ) from None
    if b"\x00" in data:
        raise InputError("This is a binary file (it contains NUL bytes), not a web page or text.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    hint = _CHARSET.search(data[:4096])
    if hint:
        name = hint.group(1).decode("ascii").lower()
        try:
            text = data.decode(name)
            if _plausible(text):
                return text
        except (LookupError, UnicodeDecodeError):
            pass
    text = data.decode("cp1256", errors="replace")
    if _plausible(text):
        return text
    raise InputError(
        "Could not decode the file: it is not UTF-8, UTF-16 or Windows-1256 (Arabic) text."
    )


def _plausible(text: str) -> bool:
    """Decoded text whose non-ASCII characters are mostly letters of one script."""
    high = [ch for ch in text if ord(ch) > 127]
    if not high:
        return True
    if "\ufffd" in text:
        return False
    controls = sum(unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f" for ch in text)
    if controls > 0.01 * len(text):
        return False
    arabic = sum(_is_arabic(ch) or ch in "،؛؟«»" for ch in high)
    return arabic >= 0.75 * len(high) or sum(ch.isalpha() for ch in high) >= 0.9 * len(high)


def _is_html(text: str, filename: str) -> bool:
    head = text.lstrip()[:4000]
    sniffed = bool(_HTML_SNIFF.search(head))
    if filename.lower().endswith(_HTML_EXT):
        return sniffed or "<" in head
    if filename.lower().endswith(".txt"):
        return head.lower().startswith(("<!doctype html", "<html"))
    return sniffed


def clean_document(data: bytes, filename: str = "", url: str | None = None) -> CleanPage:
    """Decode, validate and clean an uploaded file; InputError says what is wrong."""
    if len(data) > MAX_BYTES:
        raise InputError(f"The file is {_mb(len(data))}; the limit is {_mb(MAX_BYTES)}.")
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError("The file is empty.")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"This is a binary file ({what}), not a web page or text file.")
    text = _decode(data)
    if not text.strip():
        raise InputError("The file is empty.")
    page = clean_html(text, url) if _is_html(text, filename) else clean_plain_text(text)
    if not page.body.strip():
        lang, name = detect_language(_visible_text(text) if _is_html(text, filename) else text)
        if lang not in ("ar", "en", "none"):
            raise InputError(f"The page looks like {name} text, not an Arabic or English article.")
        raise InputError("No article text found: the page has only navigation, headlines or lists.")
    lang, name = detect_language(page.title + "\n" + page.body)
    if lang not in ("ar", "en"):
        raise InputError(f"The page looks like {name} text, not an Arabic or English article.")
    if url and not page.url:
        page.url = _safe_url(url)
    return page


def _visible_text(html: str) -> str:
    return re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>|<[^>]+>", " ", html)


# ------------------------------------------------------------------------- language


def _is_arabic(ch: str) -> bool:
    o = ord(ch)
    return 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF


_SCRIPTS = (
    ((0x0400, 0x052F), "Russian/Cyrillic"),
    ((0x0590, 0x05FF), "Hebrew"),
    ((0x0370, 0x03FF), "Greek"),
    ((0x0900, 0x097F), "Hindi/Devanagari"),
    ((0x0E00, 0x0E7F), "Thai"),
    ((0x10A0, 0x10FF), "Georgian"),
    ((0x0530, 0x058F), "Armenian"),
    ((0x3040, 0x30FF), "Japanese"),
    ((0x3400, 0x9FFF), "Chinese/Japanese"),
    ((0xAC00, 0xD7AF), "Korean"),
)
_PERSIAN_ONLY = set("پچژگٹڈڑںے")
_STOP = {
    "en": {"the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "was", "said"},
    "French": {"le", "la", "les", "des", "et", "du", "une", "est", "pour", "dans", "que", "au"},
    "Spanish": {"el", "los", "las", "del", "y", "una", "por", "con", "para", "que", "se"},
    "German": {"der", "die", "und", "das", "den", "nicht", "mit", "ist", "ein", "eine", "auf"},
    "Turkish": {"ve", "bir", "bu", "ile", "için", "olarak", "da", "de", "çok", "daha"},
}


def detect_language(text: str) -> tuple[str, str]:
    """("ar" | "en" | "fa" | "other" | "none", human name) from letter shares.

    No library: the share of Arabic-script letters against Latin and other scripts,
    Persian/Urdu letters to tell those apart, and a handful of stop words to tell
    English from other Latin-script languages.
    """
    arabic = latin = persian = 0
    others: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if _is_arabic(ch):
            arabic += 1
            persian += ch in _PERSIAN_ONLY
        elif o < 0x0250:
            latin += 1
        else:
            name = next((n for (a, b), n in _SCRIPTS if a <= o <= b), "other")
            others[name] = others.get(name, 0) + 1
    total = arabic + latin + sum(others.values())
    if total == 0:
        return "none", "no"
    if arabic >= latin and arabic >= 0.4 * total:
        if persian > 0.005 * arabic:
            return "fa", "Persian/Urdu"
        return "ar", "Arabic"
    if latin >= 0.5 * total:
        words = re.findall(r"[a-zà-ÿçğış]+", text.lower())
        hits = {lang: sum(w in stop for w in words) for lang, stop in _STOP.items()}
        best = max(hits, key=lambda k: hits[k])
        if best == "en" or hits[best] == 0 or hits["en"] >= 0.7 * hits[best]:
            return "en", "English"
        return "other", best
    name = max(others, key=lambda k: others[k]) if others else "other"
    return "other", name


# ------------------------------------------------------------------------ sentences

_TERMINATORS = ".!?؟…"
_OPENERS = {"«": "»", "“": "”", "‹": "›"}
_LONG = 400


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of ``body`` with offsets: ``body[s.start:s.end] == s.text``.

    Splits at . ! ? ؟ … and at every line break; never at '،', inside numbers (4.2),
    after initials and abbreviations (د. / U.S.), inside «…» quotes unless the quote
    ends the sentence, or at ".." (a headline pause, not a full stop — but in a long
    paragraph ".. و…" is the writer's full stop). A full stop
    glued to the next Arabic word ("الأسد.وفيما") still ends the sentence. Sentences over
    400 characters are split again at '؛'.
    """
    out: list[Sentence] = []
    pos = 0
    for line in body.split("\n"):
        for a, b in _split_line(line):
            for a2, b2 in _split_long(line, a, b):
                _emit(out, body, pos + a2, pos + b2)
        pos += len(line) + 1
    return out


def _emit(out: list[Sentence], body: str, a: int, b: int) -> None:
    while a < b and body[a].isspace():
        a += 1
    while b > a and body[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(a, b, body[a:b]))


def _quote_spans(line: str) -> list[tuple[int, int]]:
    """Matched «…»/“…” pairs; an unmatched opener is ignored."""
    spans, stack = [], []
    for i, ch in enumerate(line):
        if ch in _OPENERS:
            stack.append((i, _OPENERS[ch]))
        elif stack and ch == stack[-1][1]:
            spans.append((stack.pop()[0], i))
    return spans


def _split_line(line: str) -> list[tuple[int, int]]:
    quotes = _quote_spans(line)
    inside = [False] * len(line)
    for a, b in quotes:
        for k in range(a + 1, b):
            inside[k] = True
    bounds = []
    start = 0
    i = 0
    n = len(line)
    while i < n:
        ch = line[i]
        if ch not in _TERMINATORS:
            i += 1
            continue
        j = i
        while j < n and line[j] in _TERMINATORS:
            j += 1
        run = line[i:j]
        k = j
        while k < n and line[k] in _CLOSERS:
            k += 1
        if k < n and not line[k].isspace() and not _glued_full_stop(line, i, j, k):
            i = k if k > i else i + 1
            continue  # 4.2, U.S, "بنيويورك..كيري", a URL
        if (run == ".." and not _double_stop(line, k)) or inside[i]:
            i = k
            continue
        if run == "." and _abbreviation_before(line, i):
            i = k
            continue
        bounds.append((start, k))
        start = k
        i = k
    bounds.append((start, n))
    return bounds


_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


def _glued_full_stop(line: str, i: int, j: int, k: int) -> bool:
    """A full stop with no space after it between two Arabic words ("الأسد.وفيما"):
    a typing slip of real pages, still the end of a sentence (not "د.محمد")."""
    if line[i:j] != "." or k != j or not _ARABIC_LETTER.match(line[k]):
        return False
    m = re.search(r"([\u0621-\u064A]+)$", line[:i])
    return bool(m) and len(m.group(1)) >= 3 and not _abbreviation_before(line, i)


def _double_stop(line: str, k: int) -> bool:
    """ ".." used as a full stop inside a paragraph ("… بيان جنيف1.. وأوضحت الوزارة"):
    a long line, and a new clause opened by و after it. In a headline (a short line) it
    stays a pause ("لافروف.. وكيري يبحثان")."""
    return len(line) >= _PARAGRAPH_CHARS and line[k:].lstrip().startswith("و")


_PARAGRAPH_CHARS = 150


def _abbreviation_before(line: str, dot: int) -> bool:
    m = re.search(r"(\S+)$", line[:dot])
    if not m:
        return False
    word = m.group(1).lstrip("(«\"'“")
    if not word or any(ch.isdigit() for ch in word):
        return False
    if re.fullmatch(r"(?:\w\.)*\w", word) and len(word.replace(".", "")) <= len(word.split(".")):
        return True  # single letters and initials: "د." "U.S." "J."
    return word.casefold() in _markers().abbreviations


def _split_long(line: str, a: int, b: int) -> list[tuple[int, int]]:
    if b - a <= _LONG:
        return [(a, b)]
    parts, start = [], a
    for m in re.finditer("؛", line[a:b]):
        cut = a + m.end()
        if cut - start >= 40:
            parts.append((start, cut))
            start = cut
    parts.append((start, b))
    return parts

"""Making untrusted article text inert in plain-text outputs (CSV, iCalendar, feeds, OG tags).

HTML pages escape and isolate (`<bdi>`); plain-text formats cannot isolate a run, so an
unpaired RIGHT-TO-LEFT OVERRIDE in a title would reorder everything after it in a
spreadsheet cell, a calendar entry or a feed reader. Those outputs drop the explicit
directional formatting characters (embeddings, overrides, isolates). The marks LRM/RLM
(U+200E/U+200F) stay: they only nudge neutral characters and Arabic text uses them.
The JSON API keeps the text exact (evidence offsets index into it) but writes these
characters and ``<>&`` as ``\\uXXXX`` escapes, so the bytes on the wire are inert.
"""

import re

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_RE = re.compile(f"[{BIDI_CONTROLS}]")
# C0/C1 controls other than tab and newline break XML (Atom) and confuse CSV readers.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def plain(value: object) -> str:
    """`value` as text without bidi overrides/isolates and control characters."""
    if value is None:
        return ""
    return _CONTROL_RE.sub("", _BIDI_RE.sub("", str(value)))


def one_line(value: object) -> str:
    """`plain(value)` on one line (titles, calendar summaries, meta tags)."""
    return " ".join(plain(value).split())


# Cells starting with these are formulas in Excel, LibreOffice and Google Sheets
# (OWASP "CSV injection"); tab and carriage return start formulas in some of them too.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: formula-looking cells get a leading quote."""
    text = plain(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text

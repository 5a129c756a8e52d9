"""Arabic normalisation for matching, with offsets back into the original text.

Matching (gazetteer, triggers, dates) runs on a *folded* copy of the text; every
match must still point at the exact characters of the clean article body, because
the evidence of an event is quoted and highlighted by character offsets. So
``fold_with_offsets`` returns the folded string together with, for each folded
character, the index of the original character it came from.

Why not pyarabic: its ``normalize_alef`` turns ى into ا and its hamza folding turns
أ into ء, which breaks name matching (see shared/docs/ARABIC-NLP-NOTES.md).
"""

from __future__ import annotations

import re
import unicodedata

# Harakat, shadda, sukun, superscript alef, Quranic marks: dropped for matching.
_DIACRITICS = set(range(0x064B, 0x0660)) | {0x0670} | set(range(0x06D6, 0x06EE))
_DROPPED = _DIACRITICS | {
    0x0640,  # tatweel (kashida) used for justification: "الـسوري"
    0x200B,  # zero width space
    0x200C,  # zero width non-joiner
    0x200D,  # zero width joiner
    0x200E,  # left-to-right mark
    0x200F,  # right-to-left mark
    0x202A,  # bidi embeddings and overrides: never part of a word
    0x202B,
    0x202C,
    0x202D,
    0x202E,
    0x2066,
    0x2067,
    0x2068,
    0x2069,
    0xFEFF,  # byte order mark
}

_CHAR_MAP = {
    # Alef forms → bare alef (إ أ آ ٱ); alef maqsura → ya (Egyptian sites write
    # كيرى, فى, الروسى); ta marbuta → ha (سورية/سوريه).
    "إ": "ا",
    "أ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    # Persian/Urdu letters that appear in Arabic pages typed on other keyboards.
    "ی": "ي",
    "ک": "ك",
    # Arabic punctuation to its Latin twin so one regex serves both.
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "\u00a0": " ",  # no-break space
    "\u2009": " ",
    "\u202f": " ",
}
# Arabic-Indic (٠-٩) and extended Arabic-Indic (۰-۹) digits → ASCII.
for _i in range(10):
    _CHAR_MAP[chr(0x0660 + _i)] = str(_i)
    _CHAR_MAP[chr(0x06F0 + _i)] = str(_i)


def fold_char(ch: str) -> str:
    """Fold one character; returns "" for characters dropped by folding."""
    if ord(ch) in _DROPPED:
        return ""
    return _CHAR_MAP.get(ch, ch)


# The same mapping as fold_char, for str.translate (one C-level pass per string).
_TRANSLATION = {ord(k): v for k, v in _CHAR_MAP.items()} | dict.fromkeys(_DROPPED)


def fold(text: str) -> str:
    """The folded copy of ``text`` used for matching (no offsets)."""
    return text.translate(_TRANSLATION)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and map each folded character back to its original index.

    ``offsets`` has one more entry than the folded string: ``offsets[len(folded)]``
    is ``len(text)``, so a folded span ``[a, b)`` maps to the original span
    ``[offsets[a], offsets[b - 1] + 1)``; use :func:`original_span` for that.
    """
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        f = fold_char(ch)
        if f:
            out.append(f)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(out), offsets


def original_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a folded span ``[start, end)`` back to the original text."""
    if end <= start:
        return offsets[start], offsets[start]
    return offsets[start], offsets[end - 1] + 1


_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")


def clean_whitespace(text: str) -> str:
    """NFC-normalise, unify line ends and collapse runs of spaces inside lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


# Attached one-letter prefixes (and, by, for, so, like) and the article al-:
# "ولافروف" → "لافروف", "بالولايات" → "الولايات" → "ولايات".
PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك")


def strip_prefixes(word: str) -> list[str]:
    """Candidate bare forms of a folded word, longest first, the word itself included.

    Returns several candidates because a prefix letter can also be a root letter
    (وزير starts with و): the caller looks each one up and keeps the first hit.
    """
    seen = [word]
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            bare = word[len(prefix) :]
            if bare not in seen:
                seen.append(bare)
    return seen

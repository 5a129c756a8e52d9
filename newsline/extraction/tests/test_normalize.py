"""Folding for matching, and offsets back into the original text."""

from pathlib import Path

import pytest

from newsline.extraction.normalize import fold, fold_char, fold_with_offsets, original_span

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("كيرى فى القاهرة", "كيري في القاهره"),  # Egyptian ى, ta marbuta
        ("أعلنت إيران آنذاك", "اعلنت ايران انذاك"),  # hamza and madda on alef
        ("الـسـوري", "السوري"),  # tatweel
        ("مُحَادَثَاتٌ", "محادثات"),  # diacritics
        ("١٩ فبراير ۲۰۱۶", "19 فبراير 2016"),  # Arabic-Indic digits, both forms
        ("قال\u202e كيري\u200f،", "قال كيري,"),  # bidi controls dropped, Arabic comma
    ],
)
def test_folding_removes_what_spelling_varies_in(text, folded):
    assert fold(text) == folded


def test_the_fast_fold_is_the_per_character_fold_on_every_corpus_text():
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "demo").rglob("*.txt"))]
    texts.append("".join(chr(i) for i in range(0x0600, 0x0700)) + "\u200f\u202e\ufeffی")
    for text in texts:
        assert fold(text) == "".join(fold_char(ch) for ch in text)


def test_a_folded_match_maps_back_to_the_exact_original_characters():
    text = "وقال وزيرُ الخارجيـة الأمريكي جون كيرى"
    folded, offsets = fold_with_offsets(text)
    start = folded.index("كيري")
    a, b = original_span(offsets, start, start + len("كيري"))
    assert text[a:b] == "كيرى"
    start = folded.index("الخارجيه")
    a, b = original_span(offsets, start, start + len("الخارجيه"))
    assert text[a:b] == "الخارجيـة"

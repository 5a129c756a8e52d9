"""The source reader: an article's clean body with its evidence sentences marked.

Article text comes from arbitrary web pages, so every slice of it is escaped; the
only markup is ours (``<p>``, ``<mark id="m-…">``, ``<span id="m-…">``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _clusters(mentions: Iterable, length: int) -> list[tuple[int, int, list]]:
    """Overlapping mention spans merged into (start, end, mentions) runs.

    Several events are often read from one sentence; one mark carries the first
    mention's id and the others become empty anchors at their own start.
    """
    spans = sorted(
        (
            (max(0, m.char_start), min(length, m.char_end), m)
            for m in mentions
            if m.char_end > m.char_start and m.char_start < length
        ),
        key=lambda t: (t[0], t[1], t[2].pk),
    )
    runs: list[tuple[int, int, list]] = []
    for start, end, mention in spans:
        if runs and start < runs[-1][1]:
            run_start, run_end, members = runs[-1]
            runs[-1] = (run_start, max(run_end, end), [*members, (start, mention)])
        else:
            runs.append((start, end, [(start, mention)]))
    return runs


def _paragraphs(body: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(body):
        spans.append((pos, brk.start()))
        pos = brk.end()
    spans.append((pos, len(body)))
    return [(a, b) for a, b in spans if body[a:b].strip()]


def highlight(body: str, mentions: Iterable) -> SafeString:
    """The body as ``<p>`` paragraphs with each mention inside ``<mark>``.

    A mark that crosses a paragraph break is closed and reopened (HTML cannot nest
    it across ``<p>``); the id stays on the part where the mention starts.
    """
    runs = _clusters(mentions, len(body))
    out: list[str] = []
    for p_start, p_end in _paragraphs(body):
        pieces: list[str] = []
        pos = p_start
        for r_start, r_end, members in runs:
            if r_end <= p_start or r_start >= p_end:
                continue
            a, b = max(r_start, p_start), min(r_end, p_end)
            pieces.append(escape(body[pos:a]))
            inner: list[str] = []
            cursor = a
            mark_id = ""
            for start, mention in members:
                if not (a <= start < b):
                    continue
                if not mark_id and start == a:
                    mark_id = f"m-{mention.pk}"
                    continue
                inner.append(escape(body[cursor:start]))
                inner.append(format_html('<span class="anchor" id="m-{}"></span>', mention.pk))
                cursor = start
            inner.append(escape(body[cursor:b]))
            content = mark_safe("".join(inner))  # noqa: S308 — every slice escaped above
            if mark_id:
                pieces.append(format_html('<mark id="{}">{}</mark>', mark_id, content))
            else:
                pieces.append(format_html("<mark>{}</mark>", content))
            pos = b
        pieces.append(escape(body[pos:p_end]))
        out.append(format_html("<p>{}</p>", mark_safe("".join(pieces))))  # noqa: S308
    return mark_safe("\n".join(out))  # noqa: S308

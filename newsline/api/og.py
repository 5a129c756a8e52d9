"""OpenGraph share cards: a PNG per event, rendered on the server, offline.

Pillow draws with libraqm (HarfBuzz shaping + FriBiDi), so Arabic letters join and lines
run right to left. The self-hosted fonts in static/fonts are unicode-range subsets:
Noto Naskh Arabic has the Arabic script only, Noto Sans the Latin range (digits, spaces,
punctuation). A title mixes both ("القرار 2254"), so `draw_rtl_line` splits a line into
runs by font, orders the runs as the Unicode bidi algorithm would for a right-to-left
paragraph (Latin letter/digit runs left-to-right inside, neutrals between them joining
them), and lets raqm shape and mirror each run.

Rendering takes ~50 ms, so cards are cached on disk under var/og/, keyed by what they
show: editing a title makes a new card (and removes the old one), nothing needs
invalidating.
"""

import hashlib
import tempfile
import unicodedata
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import formats, translation
from PIL import Image, ImageDraw, ImageFont

from newsline.events.models import Event

from .text import one_line

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
VERSION = "1"  # bump to re-render every cached card after a layout change

FONTS = settings.BASE_DIR / "static" / "fonts"
ARABIC = {
    400: FONTS / "noto-naskh-arabic-arabic-400-normal.woff2",
    700: FONTS / "noto-naskh-arabic-arabic-700-normal.woff2",
}
LATIN = {
    400: FONTS / "noto-sans-latin-400-normal.woff2",
    700: FONTS / "noto-sans-latin-700-normal.woff2",
}

BACKGROUND = (247, 244, 238)
INK = (27, 27, 27)
MUTED = (95, 95, 95)
ACCENT = (154, 52, 18)
TITLE_SIZES = [(64, 3), (54, 4)]

# The unicode-range of the Arabic subset (fontsource's "arabic" subset).
_ARABIC_RANGES = [
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x08FF),
    (0x200C, 0x200E),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFC),
]


def is_arabic_font_char(char: str) -> bool:
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in _ARABIC_RANGES)


@cache
def font(script: str, weight: int, size: int) -> ImageFont.FreeTypeFont:
    path = (ARABIC if script == "arabic" else LATIN)[weight]
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


def _resolved_directions(text: str) -> list[str]:
    """'R' or 'L' per character, a small subset of UAX #9 for one RTL line.

    W7: a European number after Latin text is L, else it counts as R. N1/N2: neutrals
    between two L take L, everything else the paragraph direction R. Within an R run
    raqm still draws numbers left to right.
    """
    strong: list[str | None] = []
    last = "R"
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi in ("R", "AL", "AN"):
            last = "R"
            strong.append("R")
        elif bidi == "L":
            last = "L"
            strong.append("L")
        elif bidi == "EN":
            strong.append(last)
        else:
            strong.append(None)
    resolved = []
    for i, d in enumerate(strong):
        if d is None:
            before = next((x for x in reversed(strong[:i]) if x), "R")
            after = next((x for x in strong[i + 1 :] if x), "R")
            d = "L" if before == after == "L" else "R"
        resolved.append(d)
    return resolved


def visual_runs(text: str) -> list[tuple[str, str, str]]:
    """`text` as (run, direction, script) pieces in left-to-right drawing order."""
    resolved = _resolved_directions(text)
    # Level runs (same direction), then font runs within them.
    level_runs: list[tuple[str, str]] = []
    for char, d in zip(text, resolved, strict=True):
        if level_runs and level_runs[-1][1] == d:
            level_runs[-1] = (level_runs[-1][0] + char, d)
        else:
            level_runs.append((char, d))
    pieces: list[tuple[str, str, str]] = []
    for run, d in reversed(level_runs):  # RTL paragraph: first logical run is rightmost
        fonts: list[tuple[str, str]] = []
        for char in run:
            script = "arabic" if is_arabic_font_char(char) else "latin"
            if fonts and fonts[-1][1] == script:
                fonts[-1] = (fonts[-1][0] + char, script)
            else:
                fonts.append((char, script))
        ordered = reversed(fonts) if d == "R" else fonts
        pieces.extend((piece, d, script) for piece, script in ordered)
    return pieces


def line_width(text: str, weight: int, size: int) -> float:
    return sum(
        font(script, weight, size).getlength(piece, direction="rtl" if d == "R" else "ltr")
        for piece, d, script in visual_runs(text)
    )


def draw_rtl_line(
    draw: ImageDraw.ImageDraw,
    right: float,
    baseline: float,
    text: str,
    weight: int,
    size: int,
    fill,
) -> None:
    """Draw one right-aligned line whose right edge is at `right`."""
    x = right - line_width(text, weight, size)
    for piece, d, script in visual_runs(text):
        f = font(script, weight, size)
        direction = "rtl" if d == "R" else "ltr"
        draw.text((x, baseline), piece, font=f, fill=fill, anchor="ls", direction=direction)
        x += f.getlength(piece, direction=direction)


def wrap(text: str, weight: int, size: int, max_width: float, max_lines: int) -> list[str]:
    """Greedy word wrap; the last line ends with an ellipsis when text is left over."""
    lines: list[str] = []
    current = ""
    words = text.split()
    for i, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if current and line_width(candidate, weight, size) > max_width:
            lines.append(current)
            current = word
            if len(lines) == max_lines:
                rest = " ".join(words[i:])
                last = lines[-1]
                while last and line_width(last + " …", weight, size) > max_width:
                    last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
                lines[-1] = f"{last} …" if rest else last
                return lines
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def card_lines(event: Event) -> dict:
    """What the card shows, as plain one-line text (bidi overrides dropped)."""
    with translation.override("ar"):
        when = formats.date_format(event.date, "j F Y")
        if event.date_end and event.date_end != event.date:
            when += " – " + formats.date_format(event.date_end, "j F Y")
    place = one_line(event.place.name_ar) if event.place else ""
    return {
        "title": one_line(event.title_ar) or one_line(event.title_en),
        "meta": " · ".join(x for x in (when, place) if x),
        "brand": "نيوزلاين — مسار الدبلوماسية السورية من مصادره",
    }


def render(lines: dict) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    right = WIDTH - MARGIN
    draw.rectangle((WIDTH - 16, 0, WIDTH, HEIGHT), fill=ACCENT)
    draw_rtl_line(draw, right, MARGIN + 30, lines["brand"], 700, 30, ACCENT)
    # Big type for short titles; long ones get a smaller size and a fourth line.
    for size, max_lines in TITLE_SIZES:
        title_lines = wrap(lines["title"], 700, size, WIDTH - 2 * MARGIN, max_lines)
        if not title_lines or not title_lines[-1].endswith("…"):
            break
    baseline = 200
    for line in title_lines:
        draw_rtl_line(draw, right, baseline, line, 700, size, INK)
        baseline += int(size * 1.45)
    draw.line(
        (MARGIN, HEIGHT - MARGIN - 60, right, HEIGHT - MARGIN - 60), fill=(220, 214, 204), width=2
    )
    draw_rtl_line(draw, right, HEIGHT - MARGIN, lines["meta"], 400, 36, MUTED)
    return image


def card_path(event: Event) -> Path:
    """The cached PNG of an event's card, rendered now if missing (~50 ms)."""
    lines = card_lines(event)
    key = hashlib.sha256(repr((VERSION, sorted(lines.items()))).encode()).hexdigest()[:16]
    path = Path(settings.VAR_DIR) / "og" / f"event-{event.pk}-{key}.png"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as tmp:
            render(lines).save(tmp, "PNG", optimize=True)
        # Atomic: a concurrent request never serves half a file.
        Path(tmp.name).replace(path)
        # One card per event: the cards of its earlier titles or dates go (the cache
        # stays as big as the events, however often curators edit them).
        for old in path.parent.glob(f"event-{event.pk}-*.png"):
            if old != path:
                old.unlink(missing_ok=True)
    return path

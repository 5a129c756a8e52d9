"""Reading ``newsline-manifest/1`` files: per-file URL, publisher and publication date.

Format (see demo/seeds/manifest.json)::

    {"format": "newsline-manifest/1",
     "articles": [{"file": "000.txt", "url": null, "publisher": "RT Arabic",
                   "published": "2016-09-22", "language": "ar"}]}
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

FORMAT = "newsline-manifest/1"


class ManifestError(ValueError):
    pass


@dataclass(frozen=True)
class ManifestEntry:
    file: str
    url: str | None
    publisher: str | None
    published: dt.date | None


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    """Entries by file name. Raises ManifestError with a one-line reason."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ManifestError(f"{path}: not a readable JSON manifest ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ManifestError(f"{path}: not a {FORMAT} file")
    entries = {}
    for i, item in enumerate(data.get("articles") or []):
        try:
            published = item.get("published")
            entries[item["file"]] = ManifestEntry(
                file=item["file"],
                url=item.get("url") or None,
                publisher=item.get("publisher") or None,
                published=dt.date.fromisoformat(published) if published else None,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ManifestError(f"{path}: article {i} is malformed ({exc})") from None
    return entries

"""Command line: the events of one article as JSON.

    python -m newsline.extraction FILE [--published YYYY-MM-DD] [--url URL]

FILE is a .txt or .html article. Bad input (empty, binary, not a news article, no
such file) prints one ``error: …`` line on stderr and exits with status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from . import text
from .events import extract_page


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsline.extraction",
        description="Extract dated events from one Arabic news article (text or HTML).",
    )
    parser.add_argument("file", help="article file (.txt or .html)")
    parser.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    parser.add_argument("--url", help="the article's URL (source of the events)")
    args = parser.parse_args(argv)
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"error: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        page = text.clean_document(data, path.name, args.url)
    except text.InputError as exc:
        print(f"error: {path.name}: {exc}", file=sys.stderr)
        return 2
    result = extract_page(page, args.published, origin=args.url or path.name)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

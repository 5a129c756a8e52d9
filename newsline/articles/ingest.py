"""Ingestion: one document (bytes from a file, an upload or a URL) → one Article
with its events, all or nothing.

Every failure is an ``IngestError`` whose message is one line a user can act on;
the database is left exactly as it was (one transaction per document).
"""

from __future__ import annotations

import datetime as dt
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlparse

from django.conf import settings
from django.db import IntegrityError, transaction

from newsline.events.services import gazetteer_from_db, store_candidates
from newsline.extraction import EXTRACTOR_VERSION
from newsline.extraction.events import extract_events
from newsline.extraction.gazetteer import Gazetteer
from newsline.extraction.text import InputError, clean_document

from .models import Article, Publisher


class IngestError(Exception):
    """A document that cannot be ingested; ``str()`` is the message for the user."""


@dataclass
class IngestResult:
    article: Article
    created: bool
    events_created: int = 0
    events_linked: int = 0

    @property
    def message(self) -> str:
        if not self.created:
            return f"already ingested as article #{self.article.pk}; nothing changed"
        return (
            f"article #{self.article.pk}: {self.events_created} new events, "
            f"{self.events_linked} added as sources to existing events"
        )


def ingest_document(
    data: bytes,
    *,
    origin: str,
    url: str | None = None,
    fetched_from: str | None = None,
    publisher: str | None = None,
    published: dt.date | None = None,
    gazetteer: Gazetteer | None = None,
    auto_approve: bool = False,
) -> IngestResult:
    """Clean, store and extract one document. Raises IngestError.

    ``url`` is the article's known address (manifest, command line); ``fetched_from``
    the address it was downloaded from, used only when the page names no canonical URL
    (a canonical URL drops tracking parameters and mirrors, so duplicates are found).
    """
    limit = settings.NEWSLINE_MAX_UPLOAD_BYTES
    if len(data) > limit:
        raise IngestError(
            f"{origin}: file is {len(data) / 1e6:.1f} MB, larger than the "
            f"{limit / 1e6:.1f} MB limit"
        )
    try:
        page = clean_document(data, filename=origin, url=url)
    except InputError as exc:
        raise IngestError(f"{origin}: {exc}") from None

    url = url or page.url or fetched_from or None
    content_hash = Article.hash_body(page.body)
    existing = Article.objects.filter(content_hash=content_hash).first()
    if existing is None and url:
        existing = Article.objects.filter(url__in={url, fetched_from or url}).first()
    if existing is not None:
        return IngestResult(article=existing, created=False)

    published = published or page.published
    publisher_name = (publisher or page.publisher or "").strip() or _domain(url)
    try:
        with transaction.atomic():
            pub = None
            if publisher_name:
                pub, _ = Publisher.objects.get_or_create(
                    name=publisher_name[:200], defaults={"domain": _domain(url)}
                )
            article = Article.objects.create(
                publisher=pub,
                origin=origin[:500],
                url=url,
                title=page.title[:500],
                published_on=published,
                dateline=page.dateline,
                language=page.language,
                body=page.body,
                raw=data.decode("utf-8", errors="replace"),
                content_hash=content_hash,
                extractor_version=EXTRACTOR_VERSION,
            )
            created, linked = extract_and_store(article, gazetteer, auto_approve=auto_approve)
    except IntegrityError as exc:  # a concurrent ingestion of the same article
        raise IngestError(f"{origin}: could not be stored ({exc})") from None
    return IngestResult(article=article, created=True, events_created=created, events_linked=linked)


def extract_and_store(
    article: Article, gazetteer: Gazetteer | None = None, *, auto_approve: bool = False
) -> tuple[int, int]:
    """Run the extractor on a stored article and store its events (re-runnable)."""
    candidates = extract_events(
        article.body,
        article.published_on,
        title=article.title,
        gazetteer=gazetteer or gazetteer_from_db(),
        dateline=article.dateline,
    )
    results = store_candidates(article, candidates, auto_approve=auto_approve)
    if article.extractor_version != EXTRACTOR_VERSION:
        article.extractor_version = EXTRACTOR_VERSION
        article.save(update_fields=["extractor_version"])
    created = sum(1 for _, was_created in results if was_created)
    return created, len(results) - created


def _domain(url: str | None) -> str:
    if not url:
        return ""
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def fetch_url(url: str, *, timeout: float = 15.0) -> bytes:
    """Download a page for ingestion (http/https only, size-capped). Raises IngestError."""
    parts = urlparse(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise IngestError(f"{url}: not an http(s) URL")
    limit = settings.NEWSLINE_MAX_UPLOAD_BYTES
    request = urllib.request.Request(url, headers={"User-Agent": "Newsline/1 (+ingest)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            data = response.read(limit + 1)
    except urllib.error.HTTPError as exc:
        raise IngestError(f"{url}: could not be fetched (HTTP {exc.code} {exc.reason})") from None
    except (urllib.error.URLError, TimeoutError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise IngestError(f"{url}: could not be fetched ({reason})") from None
    if len(data) > limit:
        raise IngestError(f"{url}: page is larger than the {limit / 1e6:.1f} MB limit")
    return data

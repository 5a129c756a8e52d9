"""Ingestion as background tasks (Django's tasks framework), so a web request that
receives an upload or a URL never waits for fetching and extraction.

Which backend runs them is a setting (``TASKS``): the immediate backend runs the task
inside the request that enqueues it (the demo needs no worker); with
``NEWSLINE_TASKS=database`` the task is a row that ``manage.py db_worker`` picks up,
and its progress is the "Tasks Database Backend" changelist in the admin.

Task arguments are stored as JSON, so a document travels base64-encoded and a date as
ISO text; call the ``enqueue_*`` helpers rather than the tasks themselves. A document
that cannot be ingested makes the task fail with the ``IngestError`` message, and —
ingestion being one transaction — leaves the database as it was.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass

from django.db.models import Max
from django.tasks import TaskResult, TaskResultStatus, task
from django.utils.translation import gettext as _

from newsline.events.models import Actor, Place
from newsline.events.services import gazetteer_from_db
from newsline.extraction.gazetteer import Gazetteer

from .ingest import IngestError, IngestResult, fetch_url, ingest_document

_gazetteer: tuple[tuple, Gazetteer] | None = None


def current_gazetteer() -> Gazetteer:
    """``gazetteer_from_db()``, rebuilt only when an actor or place changed (2 queries).

    Building it costs about as much as extracting the events of an article (bench/
    run.py); a worker ingesting thousands of articles would spend half its time
    rebuilding the same gazetteer. Every admin edit of an actor or a place leaves a
    django-simple-history row, so the newest history ids say whether it changed.
    """
    global _gazetteer
    version = (
        Actor.history.aggregate(last=Max("history_id"))["last"],
        Place.history.aggregate(last=Max("history_id"))["last"],
    )
    if _gazetteer is None or _gazetteer[0] != version:
        _gazetteer = (version, gazetteer_from_db())
    return _gazetteer[1]


def _summary(result: IngestResult) -> dict:
    return {
        "article": result.article.pk,
        "created": result.created,
        "events_created": result.events_created,
        "events_linked": result.events_linked,
        "message": result.message,
    }


@task()
def ingest_document_task(
    data_b64: str,
    *,
    origin: str,
    url: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    auto_approve: bool = False,
) -> dict:
    """Ingest one uploaded document; returns a summary of what was stored."""
    try:
        data = base64.b64decode(data_b64, validate=True)
    except ValueError:
        raise IngestError(f"{origin}: the document was not sent as base64") from None
    result = ingest_document(
        data,
        origin=origin,
        url=url,
        publisher=publisher,
        published=_date(published, origin),
        gazetteer=current_gazetteer(),
        auto_approve=auto_approve,
    )
    return _summary(result)


@task()
def ingest_url_task(
    url: str,
    *,
    publisher: str | None = None,
    published: str | None = None,
    auto_approve: bool = False,
) -> dict:
    """Fetch a page and ingest it; returns a summary of what was stored."""
    data = fetch_url(url)
    result = ingest_document(
        data,
        origin=url,
        fetched_from=url,
        publisher=publisher,
        published=_date(published, url),
        gazetteer=current_gazetteer(),
        auto_approve=auto_approve,
    )
    return _summary(result)


def _date(value: str | None, origin: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise IngestError(f"{origin}: {value!r} is not a YYYY-MM-DD date") from None


def enqueue_document(
    data: bytes,
    *,
    origin: str,
    url: str | None = None,
    publisher: str | None = None,
    published: dt.date | None = None,
    auto_approve: bool = False,
) -> TaskResult:
    """Queue the ingestion of one document (with the immediate backend: run it now)."""
    return ingest_document_task.enqueue(
        base64.b64encode(data).decode("ascii"),
        origin=origin,
        url=url,
        publisher=publisher,
        published=published.isoformat() if published else None,
        auto_approve=auto_approve,
    )


def enqueue_url(
    url: str,
    *,
    publisher: str | None = None,
    published: dt.date | None = None,
    auto_approve: bool = False,
) -> TaskResult:
    """Queue fetching and ingesting a URL (with the immediate backend: run it now)."""
    return ingest_url_task.enqueue(
        url,
        publisher=publisher,
        published=published.isoformat() if published else None,
        auto_approve=auto_approve,
    )


@dataclass
class Outcome:
    """What a person is told about an ingestion task."""

    finished: bool
    ok: bool
    message: str
    article: int | None = None


def outcome(result: TaskResult) -> Outcome:
    """The state of an ingestion task in one line (refresh the result first to poll)."""
    if result.status == TaskResultStatus.SUCCESSFUL:
        summary = result.return_value
        return Outcome(True, True, summary["message"], summary["article"])
    if result.status == TaskResultStatus.FAILED:
        return Outcome(True, False, _error_message(result))
    return Outcome(False, False, _("queued (%(state)s)") % {"state": result.status.label.lower()})


def _error_message(result: TaskResult) -> str:
    """The IngestError message (one line for the user), else the exception's last line."""
    if not result.errors:
        return "failed"
    error = result.errors[-1]
    last = error.traceback.strip().splitlines()[-1] if error.traceback else ""
    _, _, message = last.partition(": ")
    if error.exception_class_path.endswith(".IngestError") and message:
        return message
    return last or error.exception_class_path

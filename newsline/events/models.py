from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models
from django.db.models import Func, Q, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact
from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from newsline import search


class ActorKind(models.TextChoices):
    PERSON = "person", _("person")
    COUNTRY = "country", _("country")
    ORGANIZATION = "organization", _("organization")
    ARMED_GROUP = "armed_group", _("armed group")


class Actor(models.Model):
    name = models.CharField(
        _("name"), max_length=200, unique=True, help_text=_("Canonical English.")
    )
    name_ar = models.CharField(_("Arabic name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ActorKind.choices)
    aliases = models.JSONField(
        _("Arabic spellings"),
        default=list,
        blank=True,
        help_text=_("Every Arabic spelling the extractor should recognise, one per item."),
    )
    roles = models.JSONField(
        _("roles"),
        default=list,
        blank=True,
        help_text=_(
            'Offices with tenure, e.g. {"office": "foreign_minister", '
            '"country": "United States", "start": "2013-02-01", "end": "2017-01-20"}.'
        ),
    )
    country = models.CharField(_("country"), max_length=200, blank=True)
    wikidata = models.CharField(_("Wikidata id"), max_length=20, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")

    def __str__(self) -> str:
        return f"{self.name} ({self.name_ar})" if self.name_ar else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("timeline:actor", args=[self.slug])

    def to_record(self) -> dict:
        """The gazetteer record (extraction/data/actors.json shape) of this row."""
        return {
            "name": self.name,
            "name_ar": self.name_ar,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "country": self.country or None,
            "wikidata": self.wikidata or None,
        }


class Place(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    name_ar = models.CharField(_("Arabic name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    aliases = models.JSONField(_("Arabic spellings"), default=list, blank=True)
    cue_only_aliases = models.JSONField(
        _("spellings that are also common words"),
        default=list,
        blank=True,
        help_text=_('Matched only after a locative word such as "في" or "مدينة" (تدمر, الباب).'),
    )
    metonym_of = models.CharField(
        _("stands for"),
        max_length=200,
        blank=True,
        help_text=_('The actor this capital stands for as a subject ("أعلنت موسكو" → Russia).'),
    )
    country = models.CharField(_("country"), max_length=200, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return f"{self.name} ({self.name_ar})" if self.name_ar else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)

    def to_record(self) -> dict:
        return {
            "name": self.name,
            "name_ar": self.name_ar,
            "kind": "place",
            "aliases": list(self.aliases),
            "cue_only_aliases": list(self.cue_only_aliases),
            "metonym_of": self.metonym_of or None,
            "country": self.country or None,
            "latitude": self.latitude,
            "longitude": self.longitude,
        }


class EventType(models.TextChoices):
    MEETING = "meeting", _("meeting")
    CALL = "call", _("phone call")
    STATEMENT = "statement", _("statement")
    AGREEMENT = "agreement", _("agreement")
    CEASEFIRE = "ceasefire", _("ceasefire")
    UN_SECURITY_COUNCIL = "un_security_council", _("Security Council")
    VIOLENCE = "violence", _("violence")
    VISIT = "visit", _("visit")


# CAMEO root codes for exports, so the data lines up with GDELT-style tools.
CAMEO = {
    "meeting": "04",
    "call": "04",
    "statement": "01",
    "agreement": "057",
    "ceasefire": "0871",
    "un_security_council": "16",
    "violence": "18",
    "visit": "042",
}


class Precision(models.TextChoices):
    DAY = "day", _("day")
    WEEK = "week", _("week")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


class Status(models.TextChoices):
    OCCURRED = "occurred", _("occurred")
    PLANNED = "planned", _("planned")


class Review(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


def sources_prefetch() -> models.Prefetch:
    """An event's mentions with their articles and publishers, in publication order,
    each article's sentences together (for ``prefetch_related`` and
    ``prefetch_related_objects``; the event card groups them by article)."""
    return models.Prefetch(
        "mentions",
        queryset=Mention.objects.select_related("article__publisher")
        # Not the articles' texts (kilobytes each, read by the reader page alone): an
        # export of 100k events loaded every article body and raw page with its quote.
        .defer("article__body", "article__raw")
        .order_by("article__published_on", "article_id", "char_start"),
    )


def _sql_literal(value: str) -> RawSQL:
    """A constant string as SQL text (only for our own constants, never user input)."""
    if "'" in value or "\\" in value:
        raise ValueError(f"not a safe SQL literal: {value!r}")
    return RawSQL(f"'{value}'", (), output_field=models.CharField())


class EventQuerySet(models.QuerySet):
    def live(self):
        """Events that were not merged into another one."""
        return self.filter(merged_into__isnull=True)

    def public(self):
        """What anonymous readers may see: approved, not merged away.

        The review state is written into the SQL as a literal, not bound as a
        parameter: SQLite can only drop ``review = ?`` from a query that uses one of
        the partial ``event_public_*`` indexes when it sees the constant, so with a
        parameter every matching row was also read from the table (the overview's
        bins took 3x as long at 100k events, bench/run.py)."""
        return self.live().filter(Exact(models.F("review"), _sql_literal(Review.APPROVED)))

    def between(self, start=None, end=None):
        """Events that overlap ``start``–``end`` (either may be open): that start in
        it, or start earlier and run into it (``date_end``).

        ``date >= start OR date_end >= start`` alone cannot seek an index on the date:
        every query of a zoom read every event (~35 ms each at 100k on SQLite). So the
        dates are also bounded below by the earliest start of an event that runs into
        ``start`` (a scalar subquery on ``event_date_end_idx``, ~0.1 ms; ``start``
        itself when none does): an index range on the date, whatever the filters."""
        qs = self
        if start:
            earliest = (
                Event.objects.filter(date_end__gte=start, date__lt=start)
                .order_by()  # not the default order: that would walk the date index
                # MIN of an expression: on the bare column PostgreSQL turns MIN into a
                # walk of the date index (~25 ms), not a range of the date_end one.
                .values(first=Func(Coalesce("date", "date"), function="MIN"))
            )
            lower = Coalesce(Subquery(earliest), Value(start), output_field=models.DateField())
            qs = qs.filter(Q(date__gte=start) | Q(date_end__gte=start), date__gte=lower)
        if end:
            qs = qs.filter(date__lte=end)
        return qs

    def with_sources(self):
        """Prefetch mentions with their articles and publishers (2 extra queries)."""
        return self.prefetch_related(sources_prefetch())

    def with_actors(self):
        """Prefetch actors and select the place (1 extra query)."""
        return self.select_related("place").prefetch_related("actors")

    def by_rank(self):
        """Most distinct sources first, then the surest: the overview's top events
        (served by ``event_public_rank_idx`` on the public timeline)."""
        return self.order_by("-source_count", "-confidence", "date", "id")

    def refresh_derived(self) -> int:
        """Recompute the stored ``source_count`` and ``search_text`` of these events
        from their titles and mentions (2 queries and an UPDATE). Returns how many
        events were written. Not recorded in the history: both are derived data."""
        events = list(self.order_by().only("pk", "title_ar", "title_en"))
        if not events:
            return 0
        articles: dict[int, set[int]] = defaultdict(set)
        quotes: dict[int, list[str]] = defaultdict(list)
        rows = (
            Mention.objects.filter(event__in=[e.pk for e in events])
            .order_by("pk")
            .values_list("event_id", "article_id", "quote")
        )
        for event_id, article_id, quote in rows:
            articles[event_id].add(article_id)
            quotes[event_id].append(quote)
        for event in events:
            event.source_count = len(articles[event.pk])
            event.search_text = search.stored_text(event.title_ar, event.title_en, quotes[event.pk])
        return Event.objects.bulk_update(events, ["source_count", "search_text"])


class Event(models.Model):
    date = models.DateField(_("date"))
    date_end = models.DateField(_("end date"), null=True, blank=True)
    precision = models.CharField(
        _("precision"), max_length=8, choices=Precision.choices, default=Precision.DAY
    )
    date_inferred = models.BooleanField(_("date inferred"), default=False)
    type = models.CharField(_("type"), max_length=24, choices=EventType.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OCCURRED
    )
    title_ar = models.CharField(_("Arabic title"), max_length=300)
    title_en = models.CharField(_("English title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, blank=True)
    place = models.ForeignKey(
        Place,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("place"),
    )
    actors = models.ManyToManyField(
        Actor, through="EventActor", related_name="events", verbose_name=_("actors")
    )
    review = models.CharField(
        _("review"), max_length=10, choices=Review.choices, default=Review.PROPOSED
    )
    confidence = models.FloatField(_("confidence"), default=0.5)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_events",
        verbose_name=_("merged into"),
    )
    announced_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fulfilments",
        verbose_name=_("announced as"),
        help_text=_("The planned event that announced this one."),
    )
    # Derived, stored for the 100k-event timeline (bench/run.py): kept up to date by
    # Event.save() and by the Mention signals below, filled by make_synthetic.
    source_count = models.PositiveIntegerField(
        _("sources"),
        default=0,
        editable=False,
        help_text=_("Distinct articles among the mentions."),
    )
    search_text = models.TextField(
        _("search text"),
        blank=True,
        default="",
        editable=False,
        help_text=_("Titles and quotes folded by newsline.search, one per line."),
    )
    curated_fields = models.JSONField(
        _("curated fields"),
        default=list,
        blank=True,
        help_text=_("Fields a curator edited; re-extraction never overwrites them."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Set by save() the first time the event is approved; the feed of newly approved
    # events reads it through an index instead of every event's history.
    approved_at = models.DateTimeField(
        _("first approved at"), null=True, blank=True, editable=False
    )

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at", "source_count", "search_text"])

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(date_end__isnull=True) | Q(date_end__gte=models.F("date")),
                name="event_date_end_after_date",
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="event_confidence_0_1",
            ),
        ]
        indexes = [
            # Events by review state, live ones, in date order: the review queue, and the
            # COUNT of public events (a covering range: 36 -> 4 ms at 100k on SQLite,
            # where the older (review, date) index read every row to check merged_into).
            models.Index(
                fields=["review", "merged_into", "date"], name="event_review_live_date_idx"
            ),
            # Type filter / lanes on the timeline.
            models.Index(fields=["type", "date"], name="event_type_date_idx"),
            # Merging candidates: same day window, same type (events.services.find_same_event).
            models.Index(fields=["date", "type"], name="event_date_type_idx"),
            # The public list in timeline order, its pages and its COUNT (lod.page_of,
            # lod.overview): only the rows readers see, so no recheck of review/merged.
            models.Index(
                fields=["date", "id"],
                name="event_public_date_idx",
                condition=Q(review=Review.APPROVED, merged_into__isnull=True),
            ),
            # The overview's bins (GROUP BY type, date: covered by the index) and the
            # type filter's list, on the public rows.
            models.Index(
                fields=["type", "date", "id"],
                name="event_public_type_date_idx",
                condition=Q(review=Review.APPROVED, merged_into__isnull=True),
            ),
            # The overview's top events: an index walk of the best-attested public
            # events that stops after TOP_EVENTS (lod.overview, by_rank()).
            models.Index(
                models.F("source_count").desc(),
                models.F("confidence").desc(),
                "date",
                "id",
                name="event_public_rank_idx",
                condition=Q(review=Review.APPROVED, merged_into__isnull=True),
            ),
            # Zooming (between()): events with a date range, by its end: the earliest
            # start of those that run into the range shown.
            models.Index(
                fields=["date_end", "date"],
                name="event_date_end_idx",
                condition=Q(date_end__isnull=False),
            ),
            # The status filter (planned events are few) and its bins by type.
            models.Index(
                fields=["status", "type", "date", "id"],
                name="event_public_status_idx",
                condition=Q(review=Review.APPROVED, merged_into__isnull=True),
            ),
            # The same walk inside one type (the type filter, the most used one):
            # without it the planner sorted every event of the type (~20 ms at 100k).
            models.Index(
                "type",
                models.F("source_count").desc(),
                models.F("confidence").desc(),
                "date",
                "id",
                name="event_public_type_rank_idx",
                condition=Q(review=Review.APPROVED, merged_into__isnull=True),
            ),
            # The feed of newly approved events (newest first).
            models.Index(
                models.F("approved_at").desc(),
                models.F("id").desc(),
                name="event_public_approved_idx",
                condition=Q(review=Review.APPROVED, merged_into__isnull=True),
            ),
            # PostgreSQL also has event_search_trgm_idx, a pg_trgm GIN index on
            # search_text for search.matching (migration 0004: PostgreSQL only).
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_type_display()}: {self.title_en or self.title_ar}"

    def save(self, *args, **kwargs):
        """Also refreshes the derived columns: from the titles alone for a new event;
        from the titles and the mentions (1 query) on a full save of an existing one,
        so a stale instance never writes back an old count."""
        if not self.slug:
            self.slug = slugify(self.title_en)[:120] or "event"
        update_fields = kwargs.get("update_fields")
        if self.review == Review.APPROVED and self.approved_at is None:
            self.approved_at = timezone.now()
            if update_fields is not None:
                update_fields = kwargs["update_fields"] = {*update_fields, "approved_at"}
        if self._state.adding or self.pk is None:
            self.search_text = search.stored_text(self.title_ar, self.title_en, [])
        elif update_fields is None or {"title_ar", "title_en"} & set(update_fields):
            rows = list(self.mentions.order_by("pk").values_list("article_id", "quote"))
            self.source_count = len({article for article, _quote in rows})
            self.search_text = search.stored_text(
                self.title_ar, self.title_en, [quote for _article, quote in rows]
            )
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "source_count", "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("timeline:event", args=[self.pk, self.slug or "event"])

    @property
    def cameo(self) -> str:
        return CAMEO.get(self.type, "")


class EventActor(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="event_actors")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="event_links")
    key = models.BooleanField(_("key actor"), default=False)

    class Meta:
        verbose_name = _("event actor")
        verbose_name_plural = _("event actors")
        constraints = [
            models.UniqueConstraint(fields=["event", "actor"], name="event_actor_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.actor} @ {self.event_id}"


class Mention(models.Model):
    """The evidence of an event: one sentence of one article, by offsets into its body."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="mentions")
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="mentions"
    )
    quote = models.TextField(_("quote"))
    char_start = models.PositiveIntegerField(_("start"))
    char_end = models.PositiveIntegerField(_("end"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["article_id", "char_start"]
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "char_start", "char_end", "event"], name="mention_unique_span"
            ),
            models.CheckConstraint(
                condition=Q(char_end__gt=models.F("char_start")), name="mention_span_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return self.quote[:80]


# Keeping Event.source_count and Event.search_text right wherever a mention is created,
# moved to another event (merge, split), edited or deleted (also by a cascade).
# QuerySet.update() and bulk_create() send no signals: their callers refresh
# (Event.objects.filter(...).refresh_derived()), as make_synthetic fills both itself.


class ChangeStamp(models.Model):
    """One row that database triggers bump on every write to the tables the
    timeline's aggregates read (events, their actors and mentions, articles), in
    the writing transaction: a reader sees a new stamp exactly when it can see the
    new rows. Cached aggregates (``timeline.lod``) are keyed by it, so no write
    path (``save()``, bulk inserts, queryset updates, raw SQL, another process) can
    leave a stale count behind. ``token`` is random at each bump: a rolled-back
    bump never names different data with a stamp used before.

    Triggers: migration 0008 (row triggers on SQLite, statement triggers on
    PostgreSQL, where concurrent writers queue on this row until they commit)."""

    n = models.BigIntegerField(default=0)
    token = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("change stamp")

    def __str__(self) -> str:
        return f"{self.n}:{self.token}"

    @classmethod
    def current(cls, using: str | None = None) -> str | None:
        """The stamp as text, or None when the row is missing (a flushed database:
        then nothing is cached)."""
        row = cls.objects.using(using).filter(pk=1).values_list("n", "token").first()
        return None if row is None else f"{row[0]}:{row[1]}"


@receiver(post_init, sender=Mention)
def _remember_event(sender, instance: Mention, **kwargs) -> None:
    instance._loaded_event_id = instance.event_id


# Inside ``refresh_deferred()``: the events whose mentions changed, refreshed once on
# the way out instead of after every mention.
_deferred_refresh: ContextVar[set[int] | None] = ContextVar("deferred_refresh", default=None)


@contextmanager
def refresh_deferred():
    """Mention saves and deletes inside the block refresh their events' derived
    columns once, when the block ends without an error (an article's ingestion:
    one refresh for its events instead of one per evidence sentence)."""
    touched: set[int] = set()
    token = _deferred_refresh.set(touched)
    try:
        yield
    finally:
        _deferred_refresh.reset(token)
    if touched:
        Event.objects.filter(pk__in=touched).refresh_derived()


def _refresh(events: set[int]) -> None:
    touched = _deferred_refresh.get()
    if touched is not None:
        touched.update(events)
    else:
        Event.objects.filter(pk__in=events).refresh_derived()


@receiver(post_save, sender=Mention)
def _mention_saved(sender, instance: Mention, raw=False, **kwargs) -> None:
    if raw:  # loaddata: the fixture carries the events' columns
        return
    events = {instance.event_id, instance._loaded_event_id} - {None}
    instance._loaded_event_id = instance.event_id
    _refresh(events)


@receiver(post_delete, sender=Mention)
def _mention_deleted(sender, instance: Mention, **kwargs) -> None:
    _refresh({instance.event_id})

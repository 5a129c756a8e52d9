"""Curation in the admin: the review queue, the event editor, merge and split, the
gazetteer. The logic lives in ``newsline.events.curation``; this module only wires
it to the admin (actions, views, list columns)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from newsline.articles.models import Article

from . import curation
from .forms import ActorForm, EventForm, MergeForm, PlaceForm
from .models import Actor, Event, EventActor, Mention, Place, Review

CURATION_MEDIA = {"all": ["events/curation.css"]}

# Confidence bands of the review queue filter: (lower, upper) bounds.
CONFIDENCE_BANDS = {
    "low": (_("low (< 0.5)"), 0.0, 0.5),
    "medium": (_("medium (0.5–0.8)"), 0.5, 0.8),
    "high": (_("high (≥ 0.8)"), 0.8, 1.01),
}

# Characters of paragraph shown on each side of an evidence sentence.
CONTEXT_CHARS = 220


# Evidence rendering -----------------------------------------------------------------


def _context(body: str, start: int, end: int) -> tuple[str, str, str]:
    """The paragraph around ``body[start:end]``, cut to CONTEXT_CHARS on each side at a
    word boundary: (before, sentence, after)."""
    p_start = body.rfind("\n\n", 0, start)
    p_start = 0 if p_start < 0 else p_start + 2
    p_end = body.find("\n\n", end)
    p_end = len(body) if p_end < 0 else p_end
    before = body[p_start:start]
    after = body[end:p_end]
    if len(before) > CONTEXT_CHARS:
        cut = before[-CONTEXT_CHARS:]
        before = "… " + cut[cut.find(" ") + 1 :] if " " in cut else "… " + cut
    if len(after) > CONTEXT_CHARS:
        cut = after[:CONTEXT_CHARS]
        after = (cut[: cut.rfind(" ")] if " " in cut else cut) + " …"
    return before, body[start:end], after


def evidence_html(mention: Mention):
    """One evidence sentence highlighted in its paragraph, with its source.

    Uses ``mention.article`` and its publisher: prefetch them for lists.
    """
    article = mention.article
    body = article.body
    if 0 <= mention.char_start < mention.char_end <= len(body):
        before, sentence, after = _context(body, mention.char_start, mention.char_end)
    else:  # offsets out of date: show the stored quote alone
        before, sentence, after = "", mention.quote, ""
    direction = "rtl" if article.language == "ar" else "ltr"
    source = " · ".join(
        str(part)
        for part in (
            article.publisher or "",
            article.published_on.isoformat() if article.published_on else "",
            f"#{article.pk}",
        )
        if part
    )
    return format_html(
        '<blockquote class="nl-evidence" dir="{}" lang="{}">{}<mark>{}</mark>{}'
        '<footer dir="ltr"><a href="{}">{}</a></footer></blockquote>',
        direction,
        article.language,
        before,
        sentence,
        after,
        reverse("admin:articles_article_change", args=[article.pk]),
        source,
    )


# Filters ----------------------------------------------------------------------------


class ReviewFilter(admin.SimpleListFilter):
    """Review state; the queue (proposed) unless the curator picks another."""

    title = _("review")
    parameter_name = "review"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*Review.choices, (self.ALL, _("all"))]

    def value(self):
        return super().value() or Review.PROPOSED

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == self.ALL:
            return queryset
        return queryset.filter(review=self.value())


class MergedFilter(admin.SimpleListFilter):
    """Merged-away events are hidden: they live on only as redirects."""

    title = _("merged")
    parameter_name = "merged"

    def lookups(self, request, model_admin):
        return [("yes", _("merged into another event"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(merged_into__isnull=False)
        return queryset.live()


class ConfidenceFilter(admin.SimpleListFilter):
    title = _("confidence")
    parameter_name = "confidence"

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _lo, _hi) in CONFIDENCE_BANDS.items()]

    def queryset(self, request, queryset):
        band = CONFIDENCE_BANDS.get(self.value() or "")
        if band is None:
            return queryset
        _label, low, high = band
        return queryset.filter(confidence__gte=low, confidence__lt=high)


class ArticleFilter(admin.SimpleListFilter):
    """The events of one article (where the upload view sends the curator)."""

    title = _("article")
    parameter_name = "article"

    def lookups(self, request, model_admin):
        value = self.value()
        if not value or not value.isdigit():
            return []
        article = Article.objects.filter(pk=value).first()
        return [(value, str(article)[:60])] if article else []

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(mentions__article_id=value).distinct()
        return queryset


class _InUseFilter(admin.RelatedFieldListFilter):
    """``RelatedOnlyFieldListFilter``'s choices (only what some row refers to), found
    with an EXISTS per choice: the DISTINCT over every event joined to its mentions
    and articles took ~150 ms a changelist at 100k events."""

    def in_use(self) -> Q:
        raise NotImplementedError

    def field_choices(self, field, request, model_admin):
        ordering = self.field_admin_ordering(field, request, model_admin)
        return field.get_choices(
            include_blank=False, ordering=ordering, limit_choices_to=self.in_use()
        )


class ActorInUseFilter(_InUseFilter):
    def in_use(self) -> Q:
        return Q(Exists(EventActor.objects.filter(actor=OuterRef("pk"))))


class PublisherInUseFilter(_InUseFilter):
    """Publishers of an article that some event quotes (nested EXISTS: each level stops
    at its first hit)."""

    def in_use(self) -> Q:
        quoted = Exists(Mention.objects.filter(article=OuterRef("pk")))
        return Q(Exists(Article.objects.filter(quoted, publisher=OuterRef("pk"))))


# Events -----------------------------------------------------------------------------


class EventActorInline(admin.TabularInline):
    model = EventActor
    extra = 0
    autocomplete_fields = ["actor"]
    verbose_name = _("actor")
    verbose_name_plural = _("actors")


class MentionInline(admin.TabularInline):
    """The evidence, read-only; each sentence can be split off into its own event."""

    model = Mention
    extra = 0
    fields = ["evidence", "split"]
    readonly_fields = ["evidence", "split"]
    can_delete = False
    verbose_name = _("evidence")
    verbose_name_plural = _("evidence")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article__publisher")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("sentence in its paragraph"))
    def evidence(self, mention):
        return evidence_html(mention)

    @admin.display(description="")
    def split(self, mention):
        # A submit button of the change form posted to the split view: the inline sits
        # inside the change form, where a nested <form> is not allowed.
        return format_html(
            '<button type="submit" class="button nl-split" formaction="{}" formmethod="post" '
            'formnovalidate name="mention" value="{}">{}</button>',
            reverse("admin:events_event_split", args=[mention.event_id]),
            mention.pk,
            _("Split off into its own event"),
        )


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    form = EventForm
    list_display = [
        "when",
        "titles",
        "evidence",
        "confidence_badge",
        "review_badge",
    ]
    list_display_links = ["when"]
    list_filter = [
        ReviewFilter,
        "type",
        ("actors", ActorInUseFilter),
        ("mentions__article__publisher", PublisherInUseFilter),
        ConfidenceFilter,
        "status",
        MergedFilter,
        ArticleFilter,
    ]
    search_fields = ["title_ar", "title_en", "mentions__quote"]
    search_help_text = _("Search titles and evidence sentences (Arabic or English).")
    ordering = ["date", "id"]
    list_per_page = 50
    actions = ["approve", "reject", "merge"]
    inlines = [EventActorInline, MentionInline]
    autocomplete_fields = ["place"]
    raw_id_fields = ["announced_by"]
    readonly_fields = ["confidence", "date_inferred", "merged_into_link", "slug", "updated_at"]
    fieldsets = [
        (None, {"fields": ["review", ("title_ar", "title_en")]}),
        (
            _("When and what"),
            {"fields": [("date", "date_end", "precision"), ("type", "status"), "place"]},
        ),
        (
            _("Extraction"),
            {
                "fields": [
                    ("confidence", "date_inferred"),
                    "curated_fields",
                    "announced_by",
                    "merged_into_link",
                    ("slug", "updated_at"),
                ]
            },
        ),
    ]
    history_list_display = ["review", "curated_fields"]

    class Media:
        css = CURATION_MEDIA

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("place")
            .prefetch_related(
                Prefetch(
                    "mentions",
                    queryset=Mention.objects.select_related("article__publisher").order_by(
                        "article__published_on", "char_start"
                    ),
                )
            )
        )

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/split/",
                self.admin_site.admin_view(self.split_view),
                name="events_event_split",
            ),
        ]
        return urls + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        review = request.GET.get(ReviewFilter.parameter_name)
        if review in (None, Review.PROPOSED):
            queued = Event.objects.live().filter(review=Review.PROPOSED).count()
            extra_context = {
                "title": _("Review queue: %(n)s proposed events") % {"n": queued},
                **(extra_context or {}),
            }
        return super().changelist_view(request, extra_context)

    # List columns

    @admin.display(description=_("date"), ordering="date")
    def when(self, event):
        text = event.date.isoformat()
        if event.date_end:
            text += f" – {event.date_end.isoformat()}"
        return format_html(
            '<bdi dir="ltr" class="nl-date">{}</bdi><br><small>{} · {} · {}</small>',
            text,
            event.get_type_display(),
            event.get_status_display(),
            event.get_precision_display(),
        )

    @admin.display(description=_("title"))
    def titles(self, event):
        return format_html(
            '<div class="nl-title" dir="rtl" lang="ar">{}</div><div class="nl-title-en">{}</div>',
            event.title_ar,
            event.title_en,
        )

    @admin.display(description=_("evidence"))
    def evidence(self, event):
        mentions = list(event.mentions.all())
        quotes = format_html_join("", "{}", ((evidence_html(m),) for m in mentions[:3]))
        if len(mentions) <= 3:
            return quotes
        more = _("+ %(n)s more sources") % {"n": len(mentions) - 3}
        return format_html('{}<small class="nl-more">{}</small>', quotes, more)

    @admin.display(description=_("confidence"), ordering="confidence")
    def confidence_badge(self, event):
        band = next(
            key
            for key, (_l, low, high) in CONFIDENCE_BANDS.items()
            if low <= event.confidence < high
        )
        return format_html(
            '<span class="nl-conf nl-conf-{}" title="{}">{}</span>',
            band,
            CONFIDENCE_BANDS[band][0],
            f"{event.confidence:.2f}",
        )

    @admin.display(description=_("review"), ordering="review")
    def review_badge(self, event):
        return format_html(
            '<span class="nl-review nl-review-{}">{}</span>',
            event.review,
            event.get_review_display(),
        )

    @admin.display(description=_("merged into"))
    def merged_into_link(self, event):
        if not event.merged_into_id:
            return "—"
        return format_html(
            '<a href="{}">#{}</a>',
            reverse("admin:events_event_change", args=[event.merged_into_id]),
            event.merged_into_id,
        )

    # Saving: what a curator edits is protected from re-extraction.

    def save_model(self, request, obj, form, change):
        if change:
            curation.record_edit(obj, form.changed_data)
            obj._change_reason = "edited by a curator"
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        actors_changed = any(fs.model is EventActor and fs.has_changed() for fs in formsets)
        event = form.instance
        if change and actors_changed and curation.record_edit(event, ["actors"]):
            event._change_reason = "actors edited by a curator"
            event.save(update_fields=["curated_fields", "updated_at"])

    # Actions

    @admin.action(description=_("Approve selected events"), permissions=["change"])
    def approve(self, request, queryset):
        n = curation.set_review(queryset, Review.APPROVED)
        self.message_user(
            request,
            ngettext("%(n)d event approved.", "%(n)d events approved.", n) % {"n": n},
            messages.SUCCESS,
        )

    @admin.action(description=_("Reject selected events"), permissions=["change"])
    def reject(self, request, queryset):
        n = curation.set_review(queryset, Review.REJECTED)
        self.message_user(
            request,
            ngettext("%(n)d event rejected.", "%(n)d events rejected.", n) % {"n": n},
            messages.SUCCESS,
        )

    @admin.action(description=_("Merge selected events (same real event)"), permissions=["change"])
    def merge(self, request, queryset):
        events = queryset.order_by("date", "id")
        if events.count() < 2:
            self.message_user(request, _("Select at least two events to merge."), messages.ERROR)
            return None
        form = MergeForm(
            request.POST if "survivor" in request.POST else None,
            events=events,
            initial={"survivor": curation.pick_survivor(list(events))},
        )
        if form.is_valid():
            try:
                survivor = curation.merge_events(events, form.cleaned_data["survivor"])
            except curation.CurationError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return None
            self.message_user(
                request,
                _("Merged %(n)d events into #%(pk)s; their permalinks now redirect to it.")
                % {"n": len(events) - 1, "pk": survivor.pk},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:events_event_change", args=[survivor.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge events"),
            "opts": self.model._meta,
            "events": events,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/events/event/merge_confirmation.html", context)

    # Split view (the button next to each evidence sentence)

    def split_view(self, request: HttpRequest, object_id: str):
        return require_POST(self._split)(request, object_id)

    def _split(self, request, object_id):
        event = get_object_or_404(Event, pk=object_id)
        if not self.has_change_permission(request, event):
            raise PermissionDenied
        mention = get_object_or_404(Mention, pk=request.POST.get("mention") or 0, event=event)
        try:
            new = curation.split_mention(mention)
        except curation.CurationError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:events_event_change", args=[event.pk]))
        self.message_user(
            request,
            _("The sentence is now event #%(pk)s, proposed: correct and review it.")
            % {"pk": new.pk},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:events_event_change", args=[new.pk]))


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["evidence", "event_link"]
    list_filter = [("article__publisher", PublisherInUseFilter)]
    search_fields = ["quote"]
    raw_id_fields = ["event", "article"]
    readonly_fields = ["article", "quote", "char_start", "char_end", "evidence"]
    fields = ["event", "evidence", "article", "quote", "char_start", "char_end"]
    actions = ["split"]

    class Media:
        css = CURATION_MEDIA

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article__publisher", "event")

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("evidence"))
    def evidence(self, mention):
        return evidence_html(mention)

    @admin.display(description=_("event"), ordering="event__date")
    def event_link(self, mention):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:events_event_change", args=[mention.event_id]),
            mention.event,
        )

    @admin.action(description=_("Split off into their own events"), permissions=["change"])
    def split(self, request, queryset):
        done, errors = [], []
        for mention in queryset.select_related("event"):
            try:
                done.append(curation.split_mention(mention))
            except curation.CurationError as exc:
                errors.append(str(exc))
        for error in errors:
            self.message_user(request, error, messages.ERROR)
        if done:
            self.message_user(
                request,
                _("New proposed events: %(ids)s") % {"ids": ", ".join(f"#{e.pk}" for e in done)},
                messages.SUCCESS,
            )


# Gazetteer ---------------------------------------------------------------------------


class GazetteerAdmin(SimpleHistoryAdmin):
    """Shared by actors and places: Arabic spellings, and re-extraction after an edit."""

    search_fields = ["name", "name_ar", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["reextract"]

    class Media:
        css = CURATION_MEDIA

    @admin.display(description=_("Arabic name"), ordering="name_ar")
    def arabic(self, obj):
        return format_html('<span dir="rtl" lang="ar">{}</span>', obj.name_ar)

    @admin.display(description=_("Arabic spellings"))
    def spellings(self, obj):
        return format_html('<span dir="rtl" lang="ar">{}</span>', "، ".join(obj.aliases))

    @admin.action(
        description=_("Re-run extraction on the articles that mention these spellings"),
        permissions=["change"],
    )
    def reextract(self, request, queryset):
        spellings = curation.spellings_of(queryset)
        articles = curation.articles_mentioning(spellings)
        if not articles:
            self.message_user(
                request, _("No stored article mentions these spellings."), messages.WARNING
            )
            return
        result = curation.reextract(articles)
        self.message_user(request, result.message, messages.SUCCESS)


@admin.register(Actor)
class ActorAdmin(GazetteerAdmin):
    form = ActorForm
    list_display = ["name", "arabic", "kind", "country", "spellings", "event_count"]
    list_filter = ["kind"]
    fields = ["name", "name_ar", "slug", "kind", "aliases", "country", "wikidata", "roles"]

    def get_queryset(self, request):
        # Counted per listed actor on the link table's actor index (an actor's links
        # are distinct events), not grouped over every event (~150 ms at 100k).
        links = (
            EventActor.objects.filter(actor=OuterRef("pk"))
            .order_by()
            .values("actor")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return super().get_queryset(request).annotate(event_count=Coalesce(Subquery(links), 0))

    @admin.display(description=_("events"), ordering="event_count")
    def event_count(self, obj):
        return obj.event_count


@admin.register(Place)
class PlaceAdmin(GazetteerAdmin):
    form = PlaceForm
    list_display = ["name", "arabic", "country", "spellings", "latitude", "longitude"]
    fields = [
        "name",
        "name_ar",
        "slug",
        "aliases",
        "cue_only_aliases",
        "metonym_of",
        "country",
        ("latitude", "longitude"),
    ]

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from newsline.events.forms import UploadForm
from newsline.events.models import Mention

from .models import Article, Publisher


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    list_display = ["name", "name_ar", "domain"]
    search_fields = ["name", "name_ar", "domain"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "publisher",
        "published_on",
        "language",
        "events_link",
        "extractor_version",
        "ingested_at",
    ]
    list_filter = ["publisher", "language", "extractor_version"]
    search_fields = ["title", "body", "url", "origin"]
    date_hierarchy = "published_on"
    # The body is what evidence offsets point into: it is never edited by hand.
    readonly_fields = ["origin", "body", "content_hash", "ingested_at", "raw", "extractor_version"]
    fields = [
        "title",
        "publisher",
        "url",
        ("published_on", "published_inferred"),
        "language",
        "origin",
        "body",
        ("extractor_version", "ingested_at"),
        "content_hash",
        "raw",
    ]
    list_select_related = ["publisher"]
    actions = ["reextract"]

    def get_queryset(self, request):
        # A correlated count, not a GROUP BY over the join: grouped, every query of the
        # changelist (filters, dates, count) grouped 66k articles by all their columns,
        # texts included (1.7 s at 100k events). The texts load only on the form.
        events = (
            Mention.objects.filter(article=OuterRef("pk"))
            .order_by()
            .values("article")
            .annotate(n=Count("event", distinct=True))
            .values("n")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(event_count=Coalesce(Subquery(events), 0))
            .defer("body", "raw")
        )

    def get_urls(self):
        return [
            path("upload/", self.admin_site.admin_view(self.upload_view), name="articles_upload"),
            *super().get_urls(),
        ]

    @admin.display(description=_("events"), ordering="event_count")
    def events_link(self, article):
        url = (
            reverse("admin:events_event_changelist")
            + "?"
            + urlencode({"article": article.pk, "review": "all"})
        )
        return format_html('<a href="{}">{}</a>', url, article.event_count)

    @admin.action(description=_("Re-run extraction on selected articles"), permissions=["change"])
    def reextract(self, request, queryset):
        from newsline.events.curation import reextract

        result = reextract(queryset.order_by("id"))
        self.message_user(request, result.message, messages.SUCCESS)

    def add_view(self, request, form_url="", extra_context=None):
        # An article is only ever created by ingestion (clean text, hash, events).
        return self.upload_view(request)

    def upload_view(self, request):
        """Paste or upload one article; its events land in the review queue."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            # Through the tasks framework: run now with the immediate backend (the
            # default), queued for `manage.py db_worker` with NEWSLINE_TASKS=database.
            from .tasks import enqueue_document, outcome

            data, origin = form.document()
            state = outcome(
                enqueue_document(
                    data,
                    origin=origin,
                    url=form.cleaned_data["url"] or None,
                    publisher=form.cleaned_data["publisher"] or None,
                    published=form.cleaned_data["published"],
                )
            )
            if state.finished and not state.ok:
                form.add_error(None, state.message)
            elif state.finished:
                self.message_user(request, state.message, messages.SUCCESS)
                query = {"article": state.article, "review": "all"}
                return HttpResponseRedirect(
                    reverse("admin:events_event_changelist") + "?" + urlencode(query)
                )
            else:
                self.message_user(
                    request,
                    _("%(origin)s is %(state)s; its events join the review queue when ingested.")
                    % {"origin": origin, "state": state.message},
                    messages.INFO,
                )
                return HttpResponseRedirect(reverse("admin:articles_article_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Upload an article"),
            "opts": self.model._meta,
            "form": form,
            "has_view_permission": self.has_view_permission(request),
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/articles/article/upload.html", context)

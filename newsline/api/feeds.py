"""An Atom feed of newly approved events, for any filtered view (/feeds/events.atom?…)."""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_GET

from newsline.events.models import Event

from .exports import safe_url
from .filters import errors_as_text, filtered_events
from .text import one_line, plain

FEED_SIZE = 50


class ApprovedEventsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        self.english = request.GET.get("lang") == "en"
        return filtered_events(request.GET)[0]

    def title(self, qs) -> str:
        return "Newsline: newly approved events" if self.english else "نيوزلاين: أحداث جديدة"

    def subtitle(self, qs) -> str:
        return (
            "The Syria diplomacy track, from the sources"
            if self.english
            else ("مسار الدبلوماسية السورية من مصادره")
        )

    def link(self, qs) -> str:
        query = self.request.GET.urlencode()
        return reverse("timeline:index") + (f"?{query}" if query else "")

    def feed_url(self, qs) -> str:
        return self.request.get_full_path()

    def items(self, qs):
        return (
            # event_public_approved_idx: newest approvals first, an index walk.
            qs.order_by("-approved_at", "-id").with_actors().with_sources()[:FEED_SIZE]
        )

    def item_title(self, event: Event) -> str:
        title = event.title_en if self.english else event.title_ar
        return one_line(title) or one_line(event.title_ar)

    def item_description(self, event: Event) -> str:
        # Atom <summary type="html">: the reader renders it as HTML, so every piece of
        # article text is escaped here and only http(s) links survive.
        actors = ", ".join(plain(a.name if self.english else a.name_ar) for a in event.actors.all())
        where = (
            plain(event.place.name if self.english else event.place.name_ar) if event.place else ""
        )
        sources = format_html_join(
            "",
            "<blockquote>{}</blockquote>{}",
            (
                (
                    plain(m.quote),
                    format_html('<p><a href="{}">{}</a></p>', url, plain(m.article.title or url))
                    if (url := safe_url(m.article.url))
                    else "",
                )
                for m in event.mentions.all()
            ),
        )
        return format_html(
            "<p>{} · {} · {}</p><p>{}</p>{}",
            event.date.isoformat(),
            event.get_type_display(),
            where,
            actors,
            sources,
        )

    def item_link(self, event: Event) -> str:
        return event.get_absolute_url()

    def item_pubdate(self, event: Event):
        return event.approved_at

    def item_updateddate(self, event: Event):
        return event.updated_at

    def item_categories(self, event: Event):
        return [event.type]


_feed = ApprovedEventsFeed()


@require_GET
def approved_events(request: HttpRequest) -> HttpResponse:
    _, errors = filtered_events(request.GET)
    if errors:
        return HttpResponse(
            "Invalid filters: " + errors_as_text(errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    return _feed(request)

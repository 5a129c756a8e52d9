from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Newsline curation")
admin.site.site_title = _("Newsline curation")
admin.site.index_title = _("Review and correct the timeline")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("newsline.api.urls")),
]
# "/" is Arabic, "/en/" English; the same views serve both.
urlpatterns += i18n_patterns(
    path("", include("newsline.timeline.urls")),
    path("", include("newsline.api.localized_urls")),
    prefix_default_language=False,
)

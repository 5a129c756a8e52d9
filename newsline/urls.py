from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

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

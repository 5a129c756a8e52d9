"""The site's URLconf plus a view that fails, to see what the public gets on a 500."""

from django.urls import path

from newsline.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("secret detail: DATABASE_PASSWORD=hunter2")


urlpatterns = [path("boom/", boom), *site_urlpatterns]

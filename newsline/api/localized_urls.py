"""Routes that exist in both interface languages (/embed/ and /en/embed/)."""

from django.urls import path

from . import embed

app_name = "embed"
urlpatterns = [
    path("embed/", embed.index, name="index"),
]

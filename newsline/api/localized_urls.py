"""Routes that exist in both interface languages (/embed/ and /en/embed/)."""

app_name = "embed"
urlpatterns: list = []

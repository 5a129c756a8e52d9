"""Language-neutral routes: the JSON API (/api/…) and the exports/feeds (/export/…)."""

app_name = "api"
urlpatterns: list = []

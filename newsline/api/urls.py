"""Language-neutral routes: the JSON API (/api/…), exports (/export/…), feeds, share cards."""

from django.urls import path

from . import exports, feeds, views

app_name = "api"
urlpatterns = [
    path("api/events", views.events, name="events"),
    path("api/events/<int:pk>", views.event, name="event"),
    path("api/actors", views.actors, name="actors"),
    path("api/places", views.places, name="places"),
    path("api/schema", views.schema, name="schema"),
    path("export/events.csv", exports.events_csv, name="export_csv"),
    path("export/events.json", exports.events_json, name="export_json"),
    path("export/events.ics", exports.events_ics, name="export_ics"),
    path("export/timelinejs.json", exports.events_timelinejs, name="export_timelinejs"),
    path("feeds/events.atom", feeds.approved_events, name="feed"),
    path("og/events/<int:pk>.png", views.og_image, name="og_event"),
]

from django.urls import path

from . import views

app_name = "timeline"
urlpatterns = [
    path("", views.index, name="index"),
    path("events/<int:pk>-<slug:slug>/", views.event_detail, name="event"),
    path("events/<int:pk>/", views.event_detail, name="event_short"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor"),
]

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Actor, Event, EventActor, Mention, Place


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "name_ar", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name", "name_ar", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Place)
class PlaceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "name_ar", "country", "latitude", "longitude"]
    search_fields = ["name", "name_ar", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


class EventActorInline(admin.TabularInline):
    model = EventActor
    extra = 0
    autocomplete_fields = ["actor"]


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    fields = ["article", "quote", "char_start", "char_end"]
    readonly_fields = ["article", "quote", "char_start", "char_end"]
    can_delete = False


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["date", "type", "title_ar", "title_en", "status", "review", "confidence"]
    list_filter = ["review", "type", "status", "precision"]
    search_fields = ["title_ar", "title_en", "mentions__quote"]
    date_hierarchy = "date"
    inlines = [EventActorInline, MentionInline]
    raw_id_fields = ["merged_into", "announced_by"]
    list_select_related = ["place"]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["event", "article", "char_start", "char_end"]
    raw_id_fields = ["event", "article"]
    search_fields = ["quote"]

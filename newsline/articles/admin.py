from django.contrib import admin

from .models import Article, Publisher


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    list_display = ["name", "name_ar", "domain"]
    search_fields = ["name", "name_ar", "domain"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "publisher",
        "published_on",
        "language",
        "extractor_version",
        "ingested_at",
    ]
    list_filter = ["publisher", "language", "extractor_version"]
    search_fields = ["title", "body", "url", "origin"]
    date_hierarchy = "published_on"
    readonly_fields = ["content_hash", "ingested_at", "raw"]
    list_select_related = ["publisher"]

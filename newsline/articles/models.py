import hashlib

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Publisher(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    name_ar = models.CharField(_("Arabic name"), max_length=200, blank=True)
    domain = models.CharField(_("domain"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("publisher")
        verbose_name_plural = _("publishers")

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet):
    def with_publisher(self):
        return self.select_related("publisher")


class Article(models.Model):
    publisher = models.ForeignKey(
        Publisher,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("publisher"),
    )
    origin = models.CharField(
        _("origin"), max_length=500, help_text=_("File name or URL it was ingested from.")
    )
    url = models.URLField(_("URL"), max_length=1000, null=True, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_inferred = models.BooleanField(_("publication date inferred"), default=False)
    # Cleaning keeps the body only; the date of a dateline line right above it
    # ("دمشق - 12 أيلول") is kept here, so re-extraction dates events as ingestion did.
    dateline = models.DateField(
        _("dateline date"),
        null=True,
        blank=True,
        help_text=_("The date on the dateline line just before the body, if any."),
    )
    language = models.CharField(_("language"), max_length=8, default="ar")
    body = models.TextField(_("clean text"))
    raw = models.TextField(_("raw text as received"))
    content_hash = models.CharField(_("content hash"), max_length=64, editable=False)
    extractor_version = models.CharField(_("extractor version"), max_length=20, blank=True)
    ingested_at = models.DateTimeField(_("ingested at"), auto_now_add=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.UniqueConstraint(fields=["content_hash"], name="article_unique_content_hash"),
            # Several articles may have no known URL; a known URL is one article.
            models.UniqueConstraint(
                fields=["url"], condition=Q(url__isnull=False), name="article_unique_url"
            ),
        ]
        indexes = [
            # The article list on the home page and the reader, newest first.
            models.Index(fields=["-published_on", "-id"], name="article_published_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.origin

    @staticmethod
    def hash_body(body: str) -> str:
        """Identity of an article: its clean text, so a page saved twice is one article."""
        return hashlib.sha256(" ".join(body.split()).encode()).hexdigest()

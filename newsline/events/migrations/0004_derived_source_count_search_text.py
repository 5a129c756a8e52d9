"""Stored source counts and folded search text on Event, the indexes of the public
timeline, and (PostgreSQL only) a trigram index for search.

The fill folds with newsline.search.stored_text, the function Event.save() and the
Mention signals use, so existing rows hold exactly what new ones would.
"""

from collections import defaultdict

from django.db import migrations, models

from newsline.search import stored_text

BATCH = 10_000


def fill_derived(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Mention = apps.get_model("events", "Mention")
    db = schema_editor.connection.alias
    table = schema_editor.quote_name(Event._meta.db_table)
    # Plain UPDATEs through executemany: bulk_update's CASE over 100k rows is slow.
    sql = f"UPDATE {table} SET source_count = %s, search_text = %s WHERE id = %s"
    ids = list(Event.objects.using(db).order_by("pk").values_list("pk", flat=True))
    for i in range(0, len(ids), BATCH):
        lo, hi = ids[i], ids[min(i + BATCH, len(ids)) - 1]
        articles, quotes = defaultdict(set), defaultdict(list)
        mentions = (
            Mention.objects.using(db)
            .filter(event_id__gte=lo, event_id__lte=hi)
            .order_by("pk")
            .values_list("event_id", "article_id", "quote")
        )
        for event_id, article_id, quote in mentions:
            articles[event_id].add(article_id)
            quotes[event_id].append(quote)
        events = (
            Event.objects.using(db)
            .filter(pk__gte=lo, pk__lte=hi)
            .values_list("pk", "title_ar", "title_en")
        )
        rows = [(len(articles[pk]), stored_text(ar, en, quotes[pk]), pk) for pk, ar, en in events]
        with schema_editor.connection.cursor() as cursor:
            cursor.executemany(sql, rows)


def add_trigram_index(apps, schema_editor):
    """search.matching's LIKE '%needle%' through a GIN trigram index (needles of 3+
    characters). PostgreSQL only: SQLite scans the one column instead."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX event_search_trgm_idx ON events_event USING gin (search_text gin_trgm_ops)"
    )


def analyze(apps, schema_editor):
    """Fresh planner statistics for the new indexes. Without them SQLite walks the
    merged_into index for every public query and sorts, instead of the partial
    indexes below (make_synthetic analyzes after its bulk load too)."""
    if schema_editor.connection.vendor in ("sqlite", "postgresql"):
        schema_editor.execute("ANALYZE")


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS event_search_trgm_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_place_gazetteer_cues"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="search_text",
            field=models.TextField(
                blank=True,
                default="",
                editable=False,
                help_text="Titles and quotes folded by newsline.search, one per line.",
                verbose_name="search text",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="source_count",
            field=models.PositiveIntegerField(
                default=0,
                editable=False,
                help_text="Distinct articles among the mentions.",
                verbose_name="sources",
            ),
        ),
        migrations.RunPython(fill_derived, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(add_trigram_index, drop_trigram_index),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                condition=models.Q(("merged_into__isnull", True), ("review", "approved")),
                fields=["date", "id"],
                name="event_public_date_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                condition=models.Q(("merged_into__isnull", True), ("review", "approved")),
                fields=["type", "date", "id"],
                name="event_public_type_date_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                models.OrderBy(models.F("source_count"), descending=True),
                models.OrderBy(models.F("confidence"), descending=True),
                models.F("date"),
                models.F("id"),
                condition=models.Q(("merged_into__isnull", True), ("review", "approved")),
                name="event_public_rank_idx",
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop, elidable=True),
    ]

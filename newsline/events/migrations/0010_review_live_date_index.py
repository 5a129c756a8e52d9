"""(review, merged_into, date) replaces (review, date): the review queue and the COUNT of
public events read it without touching the table. Then fresh planner statistics for the
indexes added since 0004 (without them SQLite may keep choosing the older ones)."""

from django.db import migrations, models


def analyze(apps, schema_editor):
    if schema_editor.connection.vendor in ("sqlite", "postgresql"):
        schema_editor.execute("ANALYZE")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0009_event_approved_at"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="event",
            name="event_review_date_idx",
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                fields=["review", "merged_into", "date"], name="event_review_live_date_idx"
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop, elidable=True),
    ]

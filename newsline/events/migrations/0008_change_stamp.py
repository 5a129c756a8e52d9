"""The change stamp (events.models.ChangeStamp) and the triggers that bump it on every
write to the tables the timeline's cached aggregates read; the shared cache table.

SQLite has row triggers only: one tiny UPDATE per written row (make_synthetic's 100k
events and their links take a few seconds longer). PostgreSQL bumps once per
statement, in the writing transaction.
"""

from django.core.management import call_command
from django.db import migrations, models

TABLES = ["events_event", "events_eventactor", "events_mention", "articles_article"]
BUMP = "UPDATE events_changestamp SET n = n + 1, token = {random} WHERE id = 1"


def create(apps, schema_editor):
    ChangeStamp = apps.get_model("events", "ChangeStamp")
    ChangeStamp.objects.using(schema_editor.connection.alias).get_or_create(pk=1)
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        bump = BUMP.format(random="random()")
        for table in TABLES:
            for op in ("INSERT", "UPDATE", "DELETE"):
                schema_editor.execute(
                    f"CREATE TRIGGER changestamp_{table}_{op.lower()} AFTER {op} ON {table} "
                    f"BEGIN {bump}; END"
                )
    elif vendor == "postgresql":
        bump = BUMP.format(random="floor(random() * 9e15)::bigint")
        schema_editor.execute(
            "CREATE FUNCTION events_changestamp_bump() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {bump}; RETURN NULL; END $$"
        )
        for table in TABLES:
            schema_editor.execute(
                f"CREATE TRIGGER changestamp_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION events_changestamp_bump()"
            )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "sqlite":
            for op in ("insert", "update", "delete"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS changestamp_{table}_{op}")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS changestamp_bump ON {table}")
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS events_changestamp_bump()")


def create_cache_table(apps, schema_editor):
    """The shared cache (settings.CACHES["default"]: login throttling across app
    processes) lives in the database: created here, so ``migrate`` is all a
    deployment runs."""
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_zoom_and_status_indexes"),
        ("articles", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChangeStamp",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("n", models.BigIntegerField(default=0)),
                ("token", models.BigIntegerField(default=0)),
            ],
            options={
                "verbose_name": "change stamp",
            },
        ),
        migrations.RunPython(create, drop),
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
    ]

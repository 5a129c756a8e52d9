"""SQLite only: a trigram full-text index over Event.search_text, so that
search.matching's ``LIKE '%needle%'`` reads an index instead of every event's titles
and quotes (132 -> 2 ms for "جنيف" at 100k events; PostgreSQL has its pg_trgm GIN
index since 0004).

``event_search`` is an FTS5 table with external content (the text stays in
events_event; the table holds only the index), kept in step by triggers on every
INSERT, DELETE and UPDATE of search_text: bulk inserts and queryset updates included.
"""

from django.db import migrations

CREATE = [
    "CREATE VIRTUAL TABLE event_search USING fts5("
    "search_text, content='events_event', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER event_search_insert AFTER INSERT ON events_event BEGIN "
    "INSERT INTO event_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER event_search_delete AFTER DELETE ON events_event BEGIN "
    "INSERT INTO event_search(event_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER event_search_update AFTER UPDATE OF search_text ON events_event BEGIN "
    "INSERT INTO event_search(event_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO event_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    # Index what is already there.
    "INSERT INTO event_search(event_search) VALUES ('rebuild')",
]
DROP = [
    "DROP TRIGGER IF EXISTS event_search_update",
    "DROP TRIGGER IF EXISTS event_search_delete",
    "DROP TRIGGER IF EXISTS event_search_insert",
    "DROP TABLE IF EXISTS event_search",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in CREATE:
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_public_type_rank_index"),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]

"""The "Curator" group with exactly the permissions curating needs.

A frozen copy of ``newsline.events.curation.CURATOR_PERMISSIONS`` (migrations must not
import code that changes later); ``manage.py add_curator`` re-syncs the group with the
current list.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATOR_GROUP = "Curator"
CURATOR_PERMISSIONS = [
    ("events", "view_event"),
    ("events", "change_event"),
    ("events", "view_mention"),
    ("events", "change_mention"),
    ("events", "view_eventactor"),
    ("events", "add_eventactor"),
    ("events", "change_eventactor"),
    ("events", "delete_eventactor"),
    ("events", "view_actor"),
    ("events", "change_actor"),
    ("events", "add_actor"),
    ("events", "view_place"),
    ("events", "change_place"),
    ("events", "add_place"),
    ("articles", "view_article"),
    ("articles", "change_article"),
    ("articles", "add_article"),
    ("articles", "view_publisher"),
]


def create_curator_group(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); on a
    # fresh database they do not exist yet, so create them now.
    for app_config in apps.get_app_configs():
        if app_config.label in {"events", "articles"}:
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
            app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=CURATOR_GROUP)
    perms = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in CURATOR_PERMISSIONS
    ]
    group.permissions.set(perms)


def remove_curator_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=CURATOR_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_curator_group, remove_curator_group)]

"""Who may do what: the Curator group, staff without it, anonymous visitors."""

from __future__ import annotations

import importlib

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse

from newsline.events.curation import CURATOR_GROUP, CURATOR_PERMISSIONS, ensure_curator_group
from newsline.events.models import Review

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator_client(client):
    client.force_login(f.curator())
    return client


def group_permissions() -> set[tuple[str, str]]:
    group = Group.objects.get(name=CURATOR_GROUP)
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def test_the_curator_group_has_exactly_the_permissions_curating_needs():
    # A data migration creates it on a fresh database (a live_server test may have
    # flushed it since: run the migration's function again).
    migration = importlib.import_module("newsline.events.migrations.0002_curator_group")
    Group.objects.filter(name=CURATOR_GROUP).delete()
    state = MigrationLoader(connection).project_state(("events", "0002_curator_group"))
    migration.create_curator_group(state.apps, None)
    assert migration.CURATOR_PERMISSIONS == CURATOR_PERMISSIONS
    assert group_permissions() == set(CURATOR_PERMISSIONS)
    perms = {codename for _app, codename in CURATOR_PERMISSIONS}
    assert "delete_article" not in perms and "delete_event" not in perms
    assert not any(codename.endswith(("_user", "_group", "_permission")) for codename in perms)


def test_ensure_curator_group_resets_drifted_permissions():
    ensure_curator_group().permissions.clear()
    ensure_curator_group()
    assert group_permissions() == set(CURATOR_PERMISSIONS)


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:index"),
        reverse("admin:events_event_changelist"),
        reverse("admin:events_mention_changelist"),
        reverse("admin:events_actor_changelist"),
        reverse("admin:events_actor_add"),
        reverse("admin:events_place_changelist"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_upload"),
    ],
)
def test_a_curator_reaches_every_curation_page(curator_client, url):
    assert curator_client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_add"),
        reverse("admin:auth_group_changelist"),
        reverse("admin:articles_publisher_add"),
    ],
)
def test_a_curator_does_not_manage_users(curator_client, url):
    assert curator_client.get(url).status_code == 403


def test_a_curator_cannot_delete_articles_or_events(curator_client):
    art = f.article()
    ev = f.event(sources=[(art, f.PARAGRAPHS[2])])
    assert (
        curator_client.get(reverse("admin:articles_article_delete", args=[art.pk])).status_code
        == 403
    )
    assert curator_client.get(reverse("admin:events_event_delete", args=[ev.pk])).status_code == 403
    actions = curator_client.get(reverse("admin:articles_article_changelist")).context[
        "action_form"
    ]
    assert "delete_selected" not in dict(actions.fields["action"].choices)
    response = curator_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [art.pk], "post": "yes"},
    )
    assert response.status_code in (200, 302)
    assert art.__class__.objects.filter(pk=art.pk).exists()


def test_staff_outside_the_group_cannot_curate(client):
    user = get_user_model().objects.create_user("staff", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:events_event_changelist")).status_code == 403
    ev = f.event()
    split = client.post(reverse("admin:events_event_split", args=[ev.pk]), {"mention": 1})
    assert split.status_code == 403


@pytest.mark.parametrize(
    "name", ["admin:events_event_changelist", "admin:articles_upload", "admin:index"]
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_anonymous_visitors_cannot_split_or_review(client):
    ev = f.event(sources=[(f.article(), f.PARAGRAPHS[2])])
    client.post(reverse("admin:events_event_split", args=[ev.pk]), {"mention": 1})
    client.post(
        reverse("admin:events_event_changelist"),
        {"action": "approve", "_selected_action": [ev.pk]},
    )
    ev.refresh_from_db()
    assert ev.review == Review.PROPOSED and ev.mentions.count() == 1


def test_add_curator_creates_a_staff_user_in_the_group_with_the_typed_password(monkeypatch, capsys):
    answers = iter(["Tr1cky-passw0rd", "Tr1cky-passw0rd"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))

    call_command("add_curator", "huda", email="huda@example.org")

    user = get_user_model().objects.get(username="huda")
    assert user.is_staff and not user.is_superuser
    assert user.check_password("Tr1cky-passw0rd")
    assert list(user.groups.values_list("name", flat=True)) == [CURATOR_GROUP]
    assert user.has_perm("events.change_event") and not user.has_perm("articles.delete_article")
    assert "curator 'huda' created" in capsys.readouterr().out


def test_add_curator_refuses_weak_passwords_and_creates_nothing(monkeypatch):
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "123")
    with pytest.raises(CommandError, match="nothing created"):
        call_command("add_curator", "weak")
    assert not get_user_model().objects.filter(username="weak").exists()


def test_add_curator_promotes_an_existing_user_without_touching_the_password():
    user = get_user_model().objects.create_user("sami", password="old-Passw0rd!")
    call_command("add_curator", "sami")
    user.refresh_from_db()
    assert user.is_staff and user.check_password("old-Passw0rd!")
    assert user.groups.filter(name=CURATOR_GROUP).exists()

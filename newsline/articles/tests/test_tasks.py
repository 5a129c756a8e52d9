"""Background ingestion: tasks enqueue, run (immediately or in the database worker)
and leave the database unchanged when the input is bad."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus

from newsline.articles.models import Article
from newsline.articles.tasks import enqueue_document, enqueue_url, outcome
from newsline.events.models import Event, Mention

SEED = "004_04d52933f8dd98a8.txt"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def snapshot():
    return [list(m.objects.order_by("pk").values()) for m in (Article, Event, Mention)]


@pytest.mark.django_db
def test_the_immediate_backend_ingests_the_document_before_enqueue_returns(demo_dir):
    data = (demo_dir / "seeds" / SEED).read_bytes()
    result = enqueue_document(
        data, origin=SEED, publisher="Almaghribtoday", published=dt.date(2016, 9, 7)
    )
    assert result.status == TaskResultStatus.SUCCESSFUL
    article = Article.objects.get()
    assert article.origin == SEED and article.published_on == dt.date(2016, 9, 7)
    assert article.publisher.name == "Almaghribtoday"
    done = outcome(result)
    assert done.finished and done.ok and done.article == article.pk
    assert f"article #{article.pk}" in done.message


@pytest.mark.django_db
def test_a_bad_document_fails_the_task_with_its_message_and_changes_nothing(demo_dir):
    enqueue_document((demo_dir / "seeds" / SEED).read_bytes(), origin=SEED)
    before = snapshot()
    result = enqueue_document(b"", origin="empty.txt")
    assert result.status == TaskResultStatus.FAILED
    done = outcome(result)
    assert done.finished and not done.ok
    assert done.message.startswith("empty.txt:") and "empty" in done.message[10:]
    assert snapshot() == before


@pytest.mark.django_db
def test_a_url_task_refuses_what_is_not_http_without_touching_the_network():
    result = enqueue_url("file:///etc/passwd")
    assert outcome(result).message == "file:///etc/passwd: not an http(s) URL"
    assert not Article.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_database_backend_queues_until_the_worker_runs(settings, demo_dir):
    settings.TASKS = DATABASE_TASKS
    good = enqueue_document((demo_dir / "seeds" / SEED).read_bytes(), origin=SEED)
    bad = enqueue_document(b"\x00\x01binary", origin="bad.txt")
    assert good.status == bad.status == TaskResultStatus.READY
    assert not outcome(good).finished
    assert not Article.objects.exists()  # the request returned before extraction

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    good.refresh()
    bad.refresh()
    assert outcome(good).ok and Article.objects.get().origin == SEED
    assert not outcome(bad).ok and outcome(bad).message.startswith("bad.txt:")
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_task_results_are_listed_in_the_admin(settings, admin_client, demo_dir):
    settings.TASKS = DATABASE_TASKS
    enqueue_document((demo_dir / "seeds" / SEED).read_bytes(), origin=SEED)
    response = admin_client.get("/admin/django_tasks_database/dbtaskresult/")
    assert response.status_code == 200
    assert "ingest_document_task" in response.text


@pytest.mark.django_db
def test_the_worker_rebuilds_its_gazetteer_only_when_a_curator_changed_it():
    from newsline.articles.tasks import current_gazetteer
    from newsline.events.models import Actor

    actor = Actor.objects.create(name="John Kerry", name_ar="جون كيري", kind="person")
    first = current_gazetteer()
    assert current_gazetteer() is first
    actor.aliases = ["كيري"]
    actor.save()
    second = current_gazetteer()
    assert second is not first
    assert "كيري" in second.get("John Kerry").aliases

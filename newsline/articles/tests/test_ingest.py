"""Ingestion through the real command on the real demo corpus and on bad files."""

import datetime as dt
import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from newsline.articles.models import Article, Publisher
from newsline.events.models import Actor, Event, Mention, Place

pytestmark = pytest.mark.django_db

MODELS = [Article, Publisher, Event, Mention, Actor, Place]


def snapshot():
    """Everything ingestion can touch, to prove a failure changed nothing."""
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}


@pytest.fixture
def seeds(demo_dir, tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(demo_dir / "seeds", folder)
    return folder


def test_demo_ingests_the_five_seed_articles_with_their_manifest(capsys):
    call_command("demo")
    assert Article.objects.count() == 5
    article = Article.objects.get(origin="003_e54ca89d3201dbba.txt")
    assert article.publisher.name == "RT Arabic"
    assert article.published_on == dt.date(2016, 2, 19)
    assert article.url.startswith("https://arabic.rt.com/news/811896")
    assert "كيري" in article.body
    # The related-news list below the article is not part of the clean body.
    assert "أخبار ذات صلة" not in article.body
    no_url = Article.objects.get(origin="001_6d63030700cd6d69.txt")
    assert no_url.url is None and no_url.publisher is None
    assert Event.objects.public().exists()
    assert "5 ingested, 0 unchanged, 0 failed" in capsys.readouterr().out


def test_reingesting_an_article_changes_nothing(seeds, capsys):
    call_command("ingest", str(seeds))
    before = snapshot()
    capsys.readouterr()
    call_command("ingest", str(seeds))
    out = capsys.readouterr().out
    assert "0 ingested, 5 unchanged, 0 failed" in out
    assert "already ingested as article" in out
    assert snapshot() == before


def test_the_same_article_saved_with_other_whitespace_is_one_article(seeds, tmp_path):
    call_command("ingest", str(seeds / "004_04d52933f8dd98a8.txt"))
    text = (seeds / "004_04d52933f8dd98a8.txt").read_text()
    copy = tmp_path / "copy.txt"
    copy.write_text(text.replace("\n\n", "\n\n\n").replace(" ", "  "))
    call_command("ingest", str(copy))
    assert Article.objects.count() == 1


def test_command_line_date_and_publisher_override_the_manifest(seeds):
    call_command(
        "ingest",
        str(seeds / "002_c2bff6950b03e632.txt"),
        published=dt.date(2013, 6, 4),
        publisher="Some Publisher",
        url="https://example.org/a",
    )
    article = Article.objects.get()
    assert article.published_on == dt.date(2013, 6, 4)
    assert article.publisher.name == "Some Publisher"
    assert article.url == "https://example.org/a"


BAD_FILES = {
    "empty.txt": (b"", "empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    "latin1.txt": ("Café crème à la française, déjà vu. ".encode("latin-1") * 40, ""),
    "russian.txt": (
        ("Министр иностранных дел России Сергей Лавров заявил. " * 40).encode(),
        "Arabic",
    ),
    "menu.html": (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "text"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_fails_alone_with_a_clear_message_and_changes_nothing(
    name, seeds, tmp_path, capsys
):
    call_command("ingest", str(seeds / "000_50622e95ced29f86.txt"))
    before = snapshot()
    data, words = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    capsys.readouterr()
    with pytest.raises(CommandError) as failure:
        call_command("ingest", str(bad))
    err = capsys.readouterr().err
    assert failure.value.returncode == 1
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and name in lines[0]
    assert words.lower() in lines[0].lower()
    assert snapshot() == before


def test_an_oversized_file_is_refused_with_its_size_and_the_limit(
    settings, seeds, tmp_path, capsys
):
    settings.NEWSLINE_MAX_UPLOAD_BYTES = 4000
    with pytest.raises(CommandError):
        call_command("ingest", str(seeds / "002_c2bff6950b03e632.txt"))
    err = capsys.readouterr().err
    assert "MB" in err and "limit" in err
    assert Article.objects.count() == 0


def test_good_files_are_ingested_next_to_bad_ones(seeds, capsys):
    (seeds / "zz_empty.txt").write_bytes(b"")
    with pytest.raises(CommandError) as failure:
        call_command("ingest", str(seeds))
    assert "1 of 6 documents failed" in str(failure.value)
    assert Article.objects.count() == 5
    assert "5 ingested, 0 unchanged, 1 failed" in capsys.readouterr().out


def test_a_malformed_manifest_is_reported_before_anything_is_ingested(seeds, tmp_path):
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"format": "something-else"}))
    with pytest.raises(CommandError, match="not a newsline-manifest/1 file"):
        call_command("ingest", str(seeds), manifest=manifest)
    assert Article.objects.count() == 0


def test_a_missing_path_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("ingest", str(tmp_path / "nope.txt"))


def test_a_dateline_line_dates_the_news_at_ingestion_and_at_reextraction():
    # The page is dated the 8th; its dateline line says the talks were on the 7th.
    # Cleaning keeps the body only, so the dateline is stored with the article and
    # re-extraction (curators, a new extractor version) dates the event the same way.
    from newsline.articles.ingest import extract_and_store, ingest_document
    from newsline.events.services import load_gazetteer

    load_gazetteer()
    text = (
        "جاكارتا، اندونيسيا، 7 أوكتوبر 2013، وكالات-\n\n"
        "قال وزير الخارجية الأمريكي جون كيري خلال مؤتمر صحفي مشترك مع نظيره الروسي "
        "سيرغي لافروف في إندونيسيا إن عملية تدمير الأسلحة الكيميائية في سوريا بدأت.\n"
    )
    result = ingest_document(text.encode(), origin="jakarta.txt", published=dt.date(2013, 10, 8))
    article = result.article
    assert article.dateline == dt.date(2013, 10, 7)
    assert not article.body.startswith("جاكارتا")
    dates = {e.date for e in Event.objects.filter(mentions__article=article)}
    assert dates == {dt.date(2013, 10, 7)}
    Event.objects.filter(mentions__article=article).update(date=dt.date(2000, 1, 1))
    Mention.objects.filter(article=article).delete()
    extract_and_store(article)
    assert {e.date for e in Event.objects.filter(mentions__article=article)} >= {
        dt.date(2013, 10, 7)
    }

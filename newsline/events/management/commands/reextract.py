import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from newsline.articles.models import Article
from newsline.events import curation


class Command(BaseCommand):
    help = (
        "Re-run extraction on stored articles with the gazetteer as curators left it. "
        "New events land in the review queue; curated fields, rejections, merges and "
        "splits are kept."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="every stored article")
        which.add_argument("--article", type=int, nargs="+", metavar="ID", help="these article ids")
        which.add_argument(
            "--since",
            type=dt.date.fromisoformat,
            metavar="YYYY-MM-DD",
            help="articles ingested on or after this day",
        )
        which.add_argument(
            "--spelling",
            nargs="+",
            metavar="TEXT",
            help="articles that mention one of these Arabic spellings",
        )

    def handle(self, *args, all, article, since, spelling, **options):
        if all:
            articles = Article.objects.order_by("id")
        elif article:
            articles = Article.objects.filter(pk__in=article).order_by("id")
            missing = set(article) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(
                    "no article with id " + ", ".join(str(pk) for pk in sorted(missing))
                )
        elif since:
            articles = curation.articles_since(since)
        else:
            articles = curation.articles_mentioning(spelling)
        result = curation.reextract(articles)
        self.stdout.write(self.style.SUCCESS(result.message))

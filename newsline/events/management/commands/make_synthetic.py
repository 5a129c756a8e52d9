import time

from django.core.management.base import BaseCommand, CommandError

from newsline.events.models import Actor, Review
from newsline.events.synthetic import SyntheticError, generate


class Command(BaseCommand):
    help = (
        "Load a synthetic corpus for benchmarks: N events (2011–2017, the gazetteer's "
        "actors, every type) with 1–5 mentions each in synthetic articles. Approved by "
        "default so the public timeline shows them. Deterministic for a given --seed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=1000, help="how many events (1000)")
        parser.add_argument("--seed", type=int, default=0, help="random seed (0)")
        parser.add_argument(
            "--review",
            choices=[Review.APPROVED, Review.PROPOSED, "mixed"],
            default=Review.APPROVED,
            help="review state of the events; mixed: 80%% approved, 15%% proposed, 5%% rejected",
        )

    def handle(self, *args, events, seed, review, **options):
        if Actor.objects.count() < 2:
            # Deferred: the gazetteer pulls in the extraction package.
            from newsline.events.services import load_gazetteer

            actors, places = load_gazetteer()
            self.stdout.write(f"gazetteer: {actors} actors and {places} places added")
        started = time.perf_counter()
        try:
            counts = generate(events, seed=seed, review=review)
        except SyntheticError as exc:
            raise CommandError(str(exc)) from None
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"{counts.events} events, {counts.mentions} mentions, {counts.articles} "
                f"articles, {counts.event_actors} actor links in {elapsed:.1f} s"
            )
        )

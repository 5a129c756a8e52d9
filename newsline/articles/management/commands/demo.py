from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from newsline.events.services import load_gazetteer

DEMO_DIR = Path(settings.BASE_DIR) / "demo" / "seeds"


class Command(BaseCommand):
    help = "Load the gazetteer and ingest the demo corpus with its events approved (idempotent)."

    def handle(self, *args, **options):
        actors, places = load_gazetteer()
        self.stdout.write(f"gazetteer: {actors} actors and {places} places added")
        call_command("ingest", str(DEMO_DIR), approve=True, stdout=self.stdout, stderr=self.stderr)

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from newsline.articles.ingest import IngestError, fetch_url, ingest_document
from newsline.articles.manifest import ManifestError, read_manifest
from newsline.events.services import gazetteer_from_db

SUFFIXES = {".txt", ".html", ".htm"}


class Command(BaseCommand):
    help = (
        "Ingest articles: .txt/.html files, folders of them, or http(s) URLs. "
        "The manifest.json beside the files is used when present."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--manifest", type=Path, help="a newsline-manifest/1 JSON file")
        parser.add_argument("--published", type=dt.date.fromisoformat, help="YYYY-MM-DD")
        parser.add_argument("--url", help="the article's URL (single file only)")
        parser.add_argument("--publisher", help="publisher name")
        parser.add_argument(
            "--approve", action="store_true", help="approve the extracted events (demo data)"
        )

    def handle(self, *args, paths, manifest, published, url, publisher, approve, **options):
        entries = _read(manifest) if manifest else {}
        read_folders = set()
        items = []
        for raw in paths:
            if raw.startswith(("http://", "https://")):
                items.append(raw)
                continue
            path = Path(raw)
            if not path.exists():
                raise CommandError(f"{raw}: no such file or folder")
            folder = path if path.is_dir() else path.parent
            # Without --manifest, the manifest.json beside the files describes them.
            if not manifest and folder not in read_folders:
                read_folders.add(folder)
                if (folder / "manifest.json").exists():
                    entries.update(_read(folder / "manifest.json"))
            if path.is_dir():
                items.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES))
            else:
                items.append(path)
        if url and len(items) > 1:
            raise CommandError("--url names one article: give a single file")

        gazetteer = gazetteer_from_db()
        failures = 0
        counts = {"created": 0, "unchanged": 0, "events": 0}
        progress = tqdm(items, unit="article", disable=len(items) < 5, file=self.stderr)
        for item in progress:
            origin = item if isinstance(item, str) else item.name
            entry = entries.get(origin)
            try:
                data = fetch_url(item) if isinstance(item, str) else item.read_bytes()
                result = ingest_document(
                    data,
                    origin=origin,
                    url=url or (entry.url if entry else None),
                    fetched_from=item if isinstance(item, str) else None,
                    publisher=publisher or (entry.publisher if entry else None),
                    published=published or (entry.published if entry else None),
                    gazetteer=gazetteer,
                    auto_approve=approve,
                )
            except (IngestError, OSError) as exc:
                failures += 1
                with progress.external_write_mode():
                    self.stderr.write(self.style.ERROR(f"error: {exc}"))
                continue
            counts["created" if result.created else "unchanged"] += 1
            counts["events"] += result.events_created
            with progress.external_write_mode():
                self.stdout.write(f"{origin}: {result.message}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{counts['created']} ingested, {counts['unchanged']} unchanged, "
                f"{failures} failed, {counts['events']} new events"
            )
        )
        if failures:
            raise CommandError(f"{failures} of {len(items)} documents failed", returncode=1)


def _read(manifest: Path) -> dict:
    try:
        return read_manifest(manifest)
    except ManifestError as exc:
        raise CommandError(str(exc)) from None

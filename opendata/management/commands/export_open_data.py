"""manage.py export_open_data: make the bulk files now (cron: nightly, and after imports).

Pages and downloads also make them when stale (opendata/exports.py); this command spares
a visitor that wait at 100,000 products, and with --if-stale does nothing when current.
"""

from django.core.management.base import BaseCommand

from opendata import exports


class Command(BaseCommand):
    help = "Write the open-data CSV and JSON files and datapackage.json to the media storage."

    def add_arguments(self, parser):
        parser.add_argument("--if-stale", action="store_true", help="Only when the data changed since the last set.")

    def handle(self, *args, if_stale=False, **options):
        manifest = exports.current_manifest(background=False) if if_stale else exports.export()
        for name, entry in sorted(manifest["files"].items()):
            count = f"{entry['count']} records, " if "count" in entry else ""
            self.stdout.write(f"{name}: {count}{entry['bytes']} bytes → {entry['path']}")
        self.stdout.write(f"Made at {manifest['generated_at']}.")

"""Write the scans waiting in the Redis buffer (run every minute from cron or a systemd
timer when several machines serve the site; one machine needs none: see
docs/deployment.md, "Scan counts")."""

from django.conf import settings
from django.core.management.base import BaseCommand

from traceability.scans import flush_scans


class Command(BaseCommand):
    help = "Write buffered trace page scans to the database (one INSERT per batch)."

    def handle(self, *args, **options):
        if not settings.SCANS_REDIS_URL:
            # Without Redis each worker holds its scans in its own memory, out of reach
            # of this process; workers write them themselves (and at exit).
            self.stdout.write("No REDIS_URL: scans are buffered and written by each worker itself.")
            return
        written = flush_scans()
        self.stdout.write(f"{written} scans written.")

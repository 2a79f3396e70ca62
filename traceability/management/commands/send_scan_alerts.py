"""Email each district officer the day's suspicious-scan alerts of their districts.

Meant for cron once a day, in the morning (docs/deployment.md, "Scan alerts"): it reports
yesterday, a finished local day. One email per officer, none when their districts have
nothing to report; run again the same day, it sends only to officers not yet sent that
day's email (--force sends again).
"""

import argparse
import datetime

from django.core.exceptions import ImproperlyConfigured
from django.core.mail import get_connection
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from traceability.alerts import alert_email, alerts_by_district, find_alerts, officers_to_tell, thresholds
from traceability.models import ScanAlertEmail


def local_day(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-05-31.") from None


class Command(BaseCommand):
    help = (
        "Email each district officer the suspicious-scan alerts of their districts for one day "
        "(yesterday by default); no email when there is nothing to report."
    )

    def add_arguments(self, parser):
        parser.add_argument("--day", type=local_day, help="The local day to report, YYYY-MM-DD (default: yesterday).")
        parser.add_argument("--dry-run", action="store_true", help="Say who would get which alerts; send nothing.")
        parser.add_argument(
            "--force", action="store_true", help="Send again to officers already sent this day's email."
        )

    def handle(self, *args, day=None, dry_run=False, force=False, **options):
        today = timezone.localdate()
        day = day or today - datetime.timedelta(days=1)
        if day >= today:
            raise CommandError(f"{day} is not over yet (today is {today}): alerts report a finished day.")
        try:
            limits = thresholds()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None

        by_district = alerts_by_district(find_alerts(day, limits=limits))
        if not by_district:
            self.stdout.write(f"No scan alerts for {day}: no email sent.")
            return
        officers = officers_to_tell(by_district)
        already = set(
            ScanAlertEmail.objects.filter(day=day, officer__in=[officer for officer, _ in officers]).values_list(
                "officer_id", flat=True
            )
        )
        sent = 0
        with get_connection() as connection:
            for officer, districts in officers:
                alerts = [alert for district in districts for alert in by_district[district.pk]]
                if not officer.email:
                    self.stderr.write(f"{officer.username} has no email address: {len(alerts)} alerts not sent.")
                    continue
                if officer.pk in already and not force:
                    self.stdout.write(f"{officer.username} was already sent the alerts of {day}.")
                    continue
                if dry_run:
                    self.stdout.write(
                        f"{officer.username} <{officer.email}>: {len(alerts)} alerts (dry run, not sent)."
                    )
                    continue
                connection.send_messages([alert_email(officer, districts, alerts, day)])
                # Recorded per email, so a run that fails halfway resends only the rest.
                ScanAlertEmail.objects.update_or_create(
                    officer=officer, day=day, defaults={"alerts": len(alerts), "sent_at": timezone.now()}
                )
                sent += 1
        unassigned = set(by_district) - {district.pk for _, districts in officers for district in districts}
        if unassigned:
            self.stderr.write(f"{len(unassigned)} district(s) with alerts have no active officer to tell.")
        self.stdout.write(f"Scan alerts of {day}: {sent} email(s) sent.")

"""Load the demo Hanoi catalogue (villages, producers, products, lots, showrooms, logins).

Safe to run on every start (`make run` does): only what is missing is created, nothing
existing is changed (`demo.loaders` says how).

It refuses a database that holds anything it did not make (real villages, producers,
showrooms or accounts) unless told `--force`; `--if-empty-or-demo` (what `make run` uses)
skips such a database with a notice instead of failing.
"""

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from catalogue.models import Lot
from demo import loaders
from demo.orders import load_orders, load_review_photos
from showrooms.models import Showroom


class Command(BaseCommand):
    help = (
        "Load the demo Hanoi OCOP catalogue and the demo logins: creates what is missing, never "
        "changes existing rows or passwords. Refuses a database holding real data unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--print-logins",
            action="store_true",
            help="Only print the demo logins that still have their published passwords, and exit.",
        )
        parser.add_argument("--no-images", action="store_true", help="Skip drawing product images.")
        parser.add_argument(
            "--if-empty-or-demo",
            action="store_true",
            help="On a database holding real data, say so and exit successfully instead of failing "
            "(what `make run` uses).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo even into a database holding real data (demo logins included).",
        )

    def handle(self, *args, print_logins=False, no_images=False, if_empty_or_demo=False, force=False, **options):
        if print_logins:
            self.print_logins()
            return
        real = loaders.real_data_found()
        if real and not force:
            message = (
                f"This database holds data that load_demo did not make ({real}), so the demo "
                "catalogue and its published logins are not loaded into it. Start without demo "
                "data with `DEMO=0 make run`; use --force only on a database you can throw away."
            )
            if if_empty_or_demo:
                self.stdout.write(self.style.WARNING(message))
                return
            raise CommandError(message)
        # One transaction: a site already serving never shows the catalogue half made
        # (products without their lots, showrooms without their stock).
        with transaction.atomic():
            villages = loaders.load_villages()
            producers = loaders.load_producers(villages)
            loaders.load_delivery(producers)
            products = loaders.load_products(producers)
            loaders.load_lots(products)
            loaders.load_showrooms(villages, products)
            routes = loaders.load_routes(villages)
            events = loaders.load_events(villages, producers)
            loaders.load_logins()
            orders = load_orders(producers)
            loaders.load_scans(products)
        if not no_images:
            self.load_images(products)
        cache.clear()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo catalogue: {len(villages)} villages, {len(producers)} producers, "
                f"{len(products)} products, {Lot.objects.filter(product__in=products).count()} lots, "
                f"{Showroom.objects.filter(is_demo=True).count()} showrooms, "
                f"{len(routes)} visit routes, {len(events)} events, {len(orders)} new demo orders."
            )
        )

    def load_images(self, products):
        """The slow step, after the catalogue's transaction: drawing some 200 pictures must
        not hold the database's write lock."""
        loaders.load_images(products)
        load_review_photos()

    def print_logins(self):
        """The demo logins that still open with their published password (for `make run`)."""
        still_demo = loaders.logins_still_demo()
        if not still_demo:
            return
        self.stdout.write("Demo logins (demo data only, never use in production):")
        for username, password, role in still_demo:
            self.stdout.write(f"  {username:<18} {password:<20} {role}")

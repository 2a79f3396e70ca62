"""Grant and revoke district officers from the command line.

    python manage.py officer grant USER DISTRICT [DISTRICT ...]   (--create to add the account)
    python manage.py officer revoke USER DISTRICT [DISTRICT ...]  (or --all)
    python manage.py officer list

Districts are named by slug (phu-xuyen) or official code (280). The role itself (which
permissions an officer holds) is villages/roles.py.
"""

import getpass
import sys

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from villages import roles
from villages.models import District


class Command(BaseCommand):
    help = "Grant, revoke or list district officers (who keeps which districts' listings)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{grant,revoke,list}")
        grant = actions.add_parser("grant", help="Make USER an officer of the DISTRICTs (slug or code).")
        grant.add_argument("username")
        grant.add_argument("districts", nargs="+", metavar="DISTRICT")
        grant.add_argument(
            "--create", action="store_true", help="Create the account if it does not exist (asks for its password)."
        )
        revoke = actions.add_parser("revoke", help="Take DISTRICTs from USER's officer role.")
        revoke.add_argument("username")
        revoke.add_argument("districts", nargs="*", metavar="DISTRICT")
        revoke.add_argument("--all", action="store_true", help="Take every district.")
        actions.add_parser("list", help="List the officers and their districts.")

    def handle(self, *args, action, **options):
        getattr(self, f"handle_{action}")(**options)

    def handle_grant(self, username, districts, create=False, **options):
        user = self.find_user(username, create=create)
        chosen = self.find_districts(districts)
        roles.grant(user, chosen)
        self.stdout.write(
            self.style.SUCCESS(f"{username} is an officer of {self.names(user.officer_districts.all())}.")
        )

    def handle_revoke(self, username, districts, all=False, **options):
        user = self.find_user(username)
        if not districts and not all:
            raise CommandError("Name the districts to take from this officer, or give --all.")
        chosen = list(user.officer_districts.all()) if all else self.find_districts(districts)
        roles.revoke(user, chosen)
        remaining = user.officer_districts.all()
        if remaining:
            self.stdout.write(self.style.SUCCESS(f"{username} remains an officer of {self.names(remaining)}."))
        else:
            self.stdout.write(self.style.SUCCESS(f"{username} is no longer a district officer."))

    def handle_list(self, **options):
        officers = get_user_model().objects.filter(officer_districts__isnull=False).distinct().order_by("username")
        if not officers:
            self.stdout.write("No district officers yet: python manage.py officer grant USER DISTRICT")
        for user in officers:
            active = "" if user.is_active else "  (account disabled)"
            self.stdout.write(f"{user.username:<24} {self.names(user.officer_districts.all())}{active}")

    # --- lookups --------------------------------------------------------------------
    def find_user(self, username, create=False):
        User = get_user_model()
        try:
            return User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            if not create:
                raise CommandError(
                    f"There is no user named “{username}”. Add the account in the admin (Users), "
                    "or give --create to add it now."
                ) from None
        user = User(**{User.USERNAME_FIELD: username})
        user.set_password(self.ask_password(user))
        user.save()
        return user

    def ask_password(self, user):
        if not sys.stdin.isatty():
            raise CommandError("--create asks for the new account's password: run it in a terminal.")
        password = getpass.getpass(f"Password for {user.get_username()}: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        return password

    def find_districts(self, names):
        found, unknown = [], []
        for name in names:
            district = (
                District.objects.filter(slug=name.strip().lower()).first()
                or District.objects.filter(code=name.strip()).first()
            )
            (found if district else unknown).append(district or name)
        if unknown:
            examples = ", ".join(District.objects.order_by("slug").values_list("slug", flat=True)[:4])
            raise CommandError(
                f"Unknown district: {', '.join(unknown)}. Name districts by slug or official code "
                f"(e.g. {examples}; every slug is on /districts/)."
            )
        return found

    @staticmethod
    def names(districts):
        return ", ".join(district.name for district in districts) or "no district"

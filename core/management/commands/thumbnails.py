"""Make the thumbnails of photos that have none (photos stored before thumbnails were made
on save, rows inserted without the model, or after a size changed in core.thumbnails)."""

from django.apps import apps
from django.core.management.base import BaseCommand

from core import thumbnails
from core.models import OrderedImageModel


class Command(BaseCommand):
    help = "Make missing thumbnails of product and village photos (--all: remake every one)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Remake thumbnails that exist too.")

    def handle(self, *args, all=False, **options):
        made = failed = 0
        for model in apps.get_models():
            if not issubclass(model, OrderedImageModel):
                continue
            names = model.objects.exclude(image="").order_by().values_list("image", flat=True).distinct()
            field = model._meta.get_field("image")
            for name in names.iterator():
                if not all and field.storage.exists(thumbnails.marker(name)):
                    continue
                try:
                    thumbnails.make_thumbnails(field.attr_class(None, field, name))
                except thumbnails.UNREADABLE as error:
                    failed += 1
                    self.stderr.write(f"{name}: {error}")
                    continue
                made += 1
        if options["verbosity"]:
            self.stdout.write(f"Thumbnails made for {made} photos; {failed} could not be read.")

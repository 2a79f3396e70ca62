"""Make the thumbnails of photos that have none (photos stored before thumbnails were made
on save, rows inserted without the model, or after a size changed in core.thumbnails), and
store the width and height of photos saved without them (each such row had its file opened
and measured every time it was loaded)."""

from django.apps import apps
from django.core.files.images import get_image_dimensions
from django.core.management.base import BaseCommand

from core import cache, thumbnails
from core.models import OrderedImageModel


class Command(BaseCommand):
    help = "Make missing thumbnails of product and village photos (--all: remake every one)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Remake thumbnails that exist too.")

    def handle(self, *args, all=False, **options):
        made = failed = sized = 0
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
            sized += self.store_sizes(model, field)
        if sized:
            cache.bump_on_commit()  # update() sends no signal; pages give photos their size
        if options["verbosity"]:
            self.stdout.write(
                f"Thumbnails made for {made} photos; {failed} could not be read; sizes stored for {sized}."
            )

    def store_sizes(self, model, field):
        unsized = model.objects.exclude(image="").filter(width__isnull=True)
        stored = 0
        for name in unsized.order_by().values_list("image", flat=True).distinct().iterator():
            try:
                with field.storage.open(name) as photo:
                    width, height = get_image_dimensions(photo)
            except OSError:
                continue  # reported above if its thumbnails could not be made either
            if width and height:
                stored += unsized.filter(image=name).update(width=width, height=height)
        return stored

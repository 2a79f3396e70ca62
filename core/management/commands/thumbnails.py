"""Make the thumbnails of photos that have none (photos stored before thumbnails were made
on save, rows inserted without the model, or after a size changed in core.thumbnails), and
store the width and height of photos saved without them (each such row had its file opened
and measured every time it was loaded)."""

from django.apps import apps
from django.core.files.images import get_image_dimensions
from django.core.management.base import BaseCommand

from core import cache, thumbnails


class Command(BaseCommand):
    help = "Make missing thumbnails of product, village and review photos (--all: remake every one)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Remake thumbnails that exist too.")

    def handle(self, *args, all=False, **options):
        made = failed = sized = 0
        for model in apps.get_models():
            # Each model with photos says which field and sizes (core.thumbnails.Thumbnailed).
            spec = getattr(model, "thumbnailed", None)
            if spec is None:
                continue
            field = model._meta.get_field(spec.field)
            names = model.objects.exclude(**{spec.field: ""}).order_by().values_list(spec.field, flat=True).distinct()
            for name in names.iterator():
                if not all and field.storage.exists(thumbnails.marker(name, spec.sizes)):
                    continue
                try:
                    thumbnails.make_thumbnails(field.attr_class(None, field, name), spec.sizes)
                except thumbnails.UNREADABLE as error:
                    failed += 1
                    self.stderr.write(f"{name}: {error}")
                    continue
                made += 1
            sized += self.store_sizes(model, field, spec)
        if sized:
            cache.bump_on_commit()  # update() sends no signal; pages give photos their size
        if options["verbosity"]:
            self.stdout.write(
                f"Thumbnails made for {made} photos; {failed} could not be read; sizes stored for {sized}."
            )

    def store_sizes(self, model, field, spec):
        unsized = model.objects.exclude(**{spec.field: ""}).filter(**{f"{spec.width_field}__isnull": True})
        stored = 0
        for name in unsized.order_by().values_list(spec.field, flat=True).distinct().iterator():
            try:
                with field.storage.open(name) as photo:
                    width, height = get_image_dimensions(photo)
            except OSError:
                continue  # reported above if its thumbnails could not be made either
            if width and height:
                stored += unsized.filter(**{spec.field: name}).update(
                    **{spec.width_field: width, spec.height_field: height}
                )
        return stored

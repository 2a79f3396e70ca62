"""Review photos stored before they had random names, sizes and thumbnails.

Pending and hidden reviews' photos were under reviews/<product id>/<the buyer's file name>,
a URL anyone could guess: they move to a random name (the old file is deleted once this
migration commits). Published ones keep their name: their URL is on public pages already, and
cached pages still point at it. Every photo gets its width, height and thumbnail. A file that
cannot be read is left as it is (`manage.py thumbnails` reports it).
"""

import functools
import logging
import os
import re
import secrets

from django.db import migrations, transaction

logger = logging.getLogger(__name__)

RANDOM_NAME = re.compile(r"reviews/[0-9a-f]{32}(\.[a-z]+)?")
EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")


def random_name(old_name):
    extension = os.path.splitext(old_name)[1].lower()
    return f"reviews/{secrets.token_hex(16)}{extension if extension in EXTENSIONS else ''}"


def forwards(apps, schema_editor):
    from django.core.files.images import get_image_dimensions

    from core import thumbnails

    Review = apps.get_model("orders", "Review")
    field = Review._meta.get_field("photo")
    storage = field.storage
    for review in Review.objects.exclude(photo="").order_by("pk").iterator():
        name = review.photo.name
        try:
            if review.status != "published" and not RANDOM_NAME.fullmatch(name):
                with storage.open(name, "rb") as old_file:
                    moved = storage.save(random_name(name), old_file)
                transaction.on_commit(functools.partial(storage.delete, name), robust=True)
                name = moved
            if review.photo_width is None:
                with storage.open(name, "rb") as file:
                    review.photo_width, review.photo_height = get_image_dimensions(file)
            thumbnails.make_thumbnails(field.attr_class(None, field, name), thumbnails.REVIEW_SIZES)
        except thumbnails.UNREADABLE as error:
            logger.warning("Review %s: could not read its photo %s: %s", review.pk, name, error)
        Review.objects.filter(pk=review.pk).update(
            photo=name, photo_width=review.photo_width, photo_height=review.photo_height
        )


class Migration(migrations.Migration):
    dependencies = [("orders", "0006_review_photo_size")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

"""Stored files follow their rows: a photo removed is gone from its public URL.

Django leaves a FileField's file behind when its row is deleted, and uploaded media is
served publicly by its path (the app in single-machine mode, S3 or a CDN otherwise). A
producer who removes a photo, or an officer who deletes a product, expects it gone, so the
file and everything made from it are deleted, but only once the transaction that removed
the row commits: a rolled-back delete keeps a row whose file still exists.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete

from . import thumbnails

logger = logging.getLogger(__name__)


def delete_after_commit(storage, names):
    """Delete `names` from `storage` when the current transaction commits (at once outside one)."""
    names = [name for name in names if name]
    if not names:
        return

    def delete():
        for name in names:
            try:
                storage.delete(name)
            except OSError:
                # A file already gone or a storage hiccup must not fail the delete that
                # committed; the leftover is found by its missing row.
                logger.warning("Could not delete %s", name, exc_info=True)

    transaction.on_commit(delete, robust=True)


def photo_files(field_file):
    """A stored photo's own name and its thumbnails' (core.thumbnails.SIZES)."""
    if not field_file:
        return []
    return [field_file.name] + [
        thumbnails.thumbnail_name(field_file.name, size, fmt) for size, fmt in thumbnails.EVERY_THUMBNAIL
    ]


def _delete_photo_files(sender, instance, **kwargs):
    from .models import OrderedImageModel

    if isinstance(instance, OrderedImageModel) and instance.image:
        delete_after_commit(instance.image.storage, photo_files(instance.image))


def connect():
    """Every OrderedImageModel (product, village, showroom photos…): files go with the row."""
    post_delete.connect(_delete_photo_files, dispatch_uid="core.files.delete_photo_files")

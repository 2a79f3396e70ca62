"""Stored files follow their rows: a photo removed is gone from its public URL.

Django leaves a FileField's file behind when its row is deleted, and uploaded media is
served publicly by its path (the app in single-machine mode, S3 or a CDN otherwise). A
producer who removes a photo, an officer who deletes a product or hides a buyer's review
expects it gone, so the file and its thumbnails are deleted, but only once the transaction
that removed the row commits: a rolled-back delete keeps a row whose file still exists.
The one place for it: photos (OrderedImageModel) here, review photos (orders/reviews.py)
and share pictures (catalogue/share_image.py) call `delete_after_commit` /
`delete_photo_after_commit`.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete

from . import thumbnails

logger = logging.getLogger(__name__)


def _on_commit(delete, description):
    def run():
        try:
            delete()
        except OSError:
            # A file already gone or a storage hiccup must not fail the delete that
            # committed; the leftover has no row and no link.
            logger.warning("Could not delete %s", description, exc_info=True)

    transaction.on_commit(run, robust=True)


def delete_after_commit(storage, names):
    """Delete `names` from `storage` when the current transaction commits (at once outside one)."""
    names = [name for name in names if name]
    if names:
        _on_commit(lambda: [storage.delete(name) for name in names], ", ".join(names))


def delete_photo_after_commit(name, storage, sizes=thumbnails.PHOTO_SIZES):
    """Delete a stored photo and its thumbnails of `sizes` when the transaction commits."""
    if not name:
        return

    def delete():
        storage.delete(name)
        thumbnails.delete_thumbnails(name, storage, sizes)

    _on_commit(delete, name)


def photo_files(field_file, sizes=thumbnails.PHOTO_SIZES):
    """A stored photo's own name and its thumbnails' names."""
    if not field_file:
        return []
    return [field_file.name] + [
        thumbnails.thumbnail_name(field_file.name, size, fmt) for size, fmt in thumbnails.every_thumbnail(sizes)
    ]


def _delete_photo_files(sender, instance, **kwargs):
    from .models import OrderedImageModel

    if isinstance(instance, OrderedImageModel) and instance.image:
        delete_photo_after_commit(instance.image.name, instance.image.storage)


def connect():
    """Every OrderedImageModel (product, village, showroom photos…): files go with the row."""
    post_delete.connect(_delete_photo_files, dispatch_uid="core.files.delete_photo_files")

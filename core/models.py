"""Abstract model bases shared by the apps (this package has no tables of its own)."""

import logging

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import files, thumbnails
from .images import SafeImageField

logger = logging.getLogger(__name__)


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class DemoFlagModel(models.Model):
    """Rows made by `load_demo` say so, so that nobody mistakes them for official records."""

    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        editable=False,
        help_text=_("Created by load_demo; not an official record."),
    )

    class Meta:
        abstract = True


class GeoPointModel(models.Model):
    """An optional point on the map (WGS 84), with a map link that needs no API key."""

    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                # IS NOT NULL spelled out: a CHECK that evaluates to NULL passes in SQL,
                # so "latitude set, longitude empty" would otherwise slip through.
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="%(app_label)s_%(class)s_coordinates_valid",
                violation_error_message=_("Give both latitude (−90 to 90) and longitude (−180 to 180), or neither."),
            ),
        ]

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self):
        if not self.has_location:
            return ""
        return "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}".format(
            lat=self.latitude, lon=self.longitude
        )

    def distance_km(self, other):
        """Great-circle distance to another located object, or None if either has no point."""
        if not (self.has_location and getattr(other, "has_location", False)):
            return None
        from math import asin, cos, radians, sin, sqrt

        lat1, lon1, lat2, lon2 = map(radians, (self.latitude, self.longitude, other.latitude, other.longitude))
        h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
        return 2 * 6371.0 * asin(sqrt(h))


def ordered_image_path(instance, filename):
    """Uploads land in a folder per owner, e.g. products/42/…, villages/7/…."""
    return f"{instance.upload_folder()}/{filename}"


class OrderedImageModel(models.Model):
    """A checked photo (see core.images) with alt text and a place in its gallery.

    Subclasses add the foreign key to their owner and say where uploads go
    (`upload_folder()`).
    """

    image = SafeImageField(
        _("image"),
        upload_to=ordered_image_path,
        width_field="width",
        height_field="height",
        help_text=_("JPEG, PNG or WebP, at most 10 MB and 40 megapixels; location data is removed."),
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt_text = models.CharField(_("alt text"), max_length=200, help_text=_("What the photo shows, for screen readers."))
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    thumbnailed = thumbnails.Thumbnailed("image", "width", "height", thumbnails.PHOTO_SIZES)

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def __str__(self):
        return self.alt_text or self.image.name

    def save(self, *args, **kwargs):
        """Store the row, then make the photo's thumbnails (core.thumbnails) when the
        photo is new or replaced: every path that saves a photo (admin upload, load_demo,
        scripts) makes them here, so no page view ever has to.

        Width and height are stored too: Django measures a photo only when its file is
        assigned in a way it notices, and a row without them has its file opened and
        measured every time it is loaded (every card of every list)."""
        if self.image and (self.width is None or self.height is None):
            self._meta.get_field("image").update_dimension_fields(self, force=True)
        super().save(*args, **kwargs)
        replaced = getattr(self, "_stored_image", None)
        if replaced and replaced != self.image.name:
            # A new file over the row's photo: the old one and its thumbnails go once this
            # commits, as when the row is deleted (core/files.py).
            files.delete_photo_after_commit(replaced, self.image.storage)
        self._stored_image = self.image.name
        if self.image and self.image.name != getattr(self, "_thumbnails_of", None):
            try:
                thumbnails.make_thumbnails(self.image)
            except thumbnails.UNREADABLE:
                # The row is valid without them: pages show a placeholder until
                # `manage.py thumbnails` makes them. Uploads were decoded once already,
                # so this is a file saved by a script, or a full disk.
                logger.exception("Could not make thumbnails of %s", self.image.name)
                return
            self._thumbnails_of = self.image.name

    @classmethod
    def from_db(cls, db, field_names, values):
        # Remember which photo was loaded, so save() remakes thumbnails only for a new one
        # and deletes the files of one replaced.
        instance = super().from_db(db, field_names, values)
        loaded = instance.__dict__.get("image")  # a FieldFile already when dimensions were read
        instance._thumbnails_of = instance._stored_image = getattr(loaded, "name", loaded)
        return instance

    def upload_folder(self):
        raise NotImplementedError

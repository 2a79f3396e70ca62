"""Uploaded images: checked with Pillow, cleaned, and only then stored.

One form field (`SafeImageFormField`) used by every image upload in the admin:
- a real image that Pillow can decode, in JPEG, PNG or WebP (the extension is not trusted;
  a phone's multi-picture JPEG, MPO, is taken as the JPEG it starts with);
- at most 10 MB and 40 megapixels (a decompression bomb is refused before decoding), each
  side at most 10,000 pixels and the longer side at most 4 times the shorter: a 20000×2
  strip passes a megapixel check but is no photo of a product;
- the camera's orientation applied, colours converted to sRGB, then re-encoded in its own
  format from the pixels alone: no EXIF (it can carry the GPS position of a producer's
  home), XMP, IPTC, JPEG comment, PNG text chunk or colour profile survives.
"""

import io
import logging
import os

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 10_000
MAX_ASPECT_RATIO = 4
UNREADABLE = _("This file is not an image we can read (JPEG, PNG or WebP).")
ALLOWED_FORMATS = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png"), "WEBP": ("image/webp", ".webp")}
# Pillow names a JPEG with a second picture inside (phones, 3D cameras) MPO; we keep the first.
FORMAT_ALIASES = {"MPO": "JPEG"}
# What may stay in Image.info when re-encoding: transparency is pixels, not metadata.
KEPT_INFO = ("transparency",)
SRGB = ImageCms.createProfile("sRGB")


def check_dimensions(width, height):
    """Refuse shapes that no product photo has and that make resizing explode; the
    errors say what is wrong in words. Called before any pixel is decoded."""
    errors = []
    if width * height > MAX_PIXELS:
        errors.append(
            ValidationError(
                _("This image is %(mp).1f megapixels; at most 40 are accepted."),
                code="image_too_many_pixels",
                params={"mp": width * height / 1_000_000},
            )
        )
    longer, shorter = max(width, height), max(min(width, height), 1)
    if longer > MAX_ASPECT_RATIO * shorter:
        errors.append(
            ValidationError(
                _(
                    "This image is %(width)d × %(height)d pixels, too long and narrow for a photo. "
                    "The longer side can be at most 4 times the shorter; crop the photo first."
                ),
                code="image_aspect_ratio",
                params={"width": width, "height": height},
            )
        )
    if longer > MAX_SIDE:
        errors.append(
            ValidationError(
                _(
                    "This image is %(width)d × %(height)d pixels; each side can be at most 10,000 pixels. "
                    "Make it smaller first."
                ),
                code="image_side_too_long",
                params={"width": width, "height": height},
            )
        )
    if errors:
        raise ValidationError(errors)


def pixels_only(image):
    """The image in sRGB with nothing but its pixels (and PNG transparency) attached.

    Pillow writes back some of what it read (a JPEG's comment, a PNG's ICC profile), so
    the info dictionary is emptied rather than trusted. A colour profile is applied to
    the pixels, then dropped: browsers show an untagged photo as sRGB, and a profile is
    free text that can name its author or device.
    """
    icc = image.info.get("icc_profile")
    if icc:
        try:
            source_profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if image.mode in ("RGB", "RGBA", "CMYK", "L"):
                output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
                image = ImageCms.profileToProfile(image, source_profile, SRGB, outputMode=output_mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: keep the pixels as they are
    image.info = {key: image.info[key] for key in KEPT_INFO if key in image.info}
    return image


def clean_uploaded_image(upload):
    """Return a new upload made from the pixels of `upload` only, or raise ValidationError."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This file is %(size).1f MB; images can be at most 10 MB."),
            code="image_too_large",
            params={"size": upload.size / 1024 / 1024},
        )
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            image_format = FORMAT_ALIASES.get(probe.format, probe.format)
            width, height = probe.size
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("This is a %(format)s file; upload a JPEG, PNG or WebP photo."),
                    code="image_format",
                    params={"format": image_format or _("unknown")},
                )
            check_dimensions(width, height)
            probe.load()
            upright = pixels_only(ImageOps.exif_transpose(probe))
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(UNREADABLE, code="image_invalid") from error

    content_type, extension = ALLOWED_FORMATS[image_format]
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    output = io.BytesIO()
    save_options = {"quality": 88, "optimize": True} if image_format in ("JPEG", "WEBP") else {"optimize": True}
    # No exif=, xmp=, icc_profile= or comment= argument, and an emptied info: the file
    # holds the pixels and, for JPEG, the bare JFIF header (version and density) libjpeg writes.
    upright.save(output, image_format, **save_options)
    stem = os.path.splitext(os.path.basename(upload.name or "image"))[0][:80] or "image"
    return SimpleUploadedFile(stem + extension, output.getvalue(), content_type=content_type)


class SafeImageFormField(forms.ImageField):
    default_error_messages = {"invalid_image": UNREADABLE}

    def to_python(self, data):
        checked = super().to_python(data)
        if checked is None:
            return None
        cleaned = clean_uploaded_image(checked)
        cleaned.image = getattr(checked, "image", None)
        return cleaned


class SafeImageField(models.ImageField):
    """An ImageField whose form field checks and cleans uploads (see module docstring)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        """Measure the file when the row has no width and height, as Django does; but a
        missing or unreadable file (a database restored without its media, a file removed
        by hand) leaves them empty instead of failing every page that loads the row."""
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except (OSError, ValueError, SyntaxError) as error:
            logger.warning("Could not measure %s: %s", getattr(instance, self.attname, ""), error)

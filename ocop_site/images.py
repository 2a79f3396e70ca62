"""Uploaded images: checked with Pillow, cleaned, and only then stored.

One form field (`SafeImageFormField`) used by every image upload in the admin:
- a real image that Pillow can decode, in JPEG, PNG or WebP (the extension is not trusted);
- at most 10 MB and 40 megapixels (a decompression bomb is refused before decoding);
- EXIF metadata removed (it can carry the GPS position of a producer's home), with the
  camera's orientation applied first so the photo stays upright;
- re-encoded in its own format, so nothing but pixels survives.
"""

import io
import os

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
UNREADABLE = _("This file is not an image we can read (JPEG, PNG or WebP).")
ALLOWED_FORMATS = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png"), "WEBP": ("image/webp", ".webp")}


def clean_uploaded_image(upload):
    """Return a new, EXIF-free upload made from `upload`, or raise ValidationError."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This file is %(size).1f MB; images can be at most 10 MB."),
            code="image_too_large",
            params={"size": upload.size / 1024 / 1024},
        )
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("This is a %(format)s file; upload a JPEG, PNG or WebP photo."),
                    code="image_format",
                    params={"format": image_format or _("unknown")},
                )
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    _("This image is %(mp).1f megapixels; at most 40 are accepted."),
                    code="image_too_many_pixels",
                    params={"mp": width * height / 1_000_000},
                )
            probe.load()
            upright = ImageOps.exif_transpose(probe)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(UNREADABLE, code="image_invalid") from error

    content_type, extension = ALLOWED_FORMATS[image_format]
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    output = io.BytesIO()
    save_options = {"quality": 88, "optimize": True} if image_format in ("JPEG", "WEBP") else {"optimize": True}
    # No exif= argument: the re-encoded file carries no EXIF block at all.
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

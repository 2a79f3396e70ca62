"""Checks on files officers upload to the catalogue that are not photos (photos: core.images)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from core.images import MAX_UPLOAD_BYTES

SCAN_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".png", ".webp"}


def validate_decision_scan(upload):
    """A decision's scan: a real PDF (its first bytes say so) or a readable image, ≤ 10 MB.

    The name's extension alone proves nothing: a page could be uploaded as "x.pdf" and
    then served from our media as if it were the decision.
    """
    name = (upload.name or "").lower()
    extension = name[name.rfind(".") :] if "." in name else ""
    if extension not in SCAN_EXTENSIONS:
        raise ValidationError(_("Upload the decision as a PDF, JPEG, PNG or WebP file."), code="scan_format")
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This file is %(size).1f MB; a decision's scan can be at most 10 MB."),
            code="scan_too_large",
            params={"size": upload.size / 1024 / 1024},
        )
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if extension == ".pdf":
        if head != b"%PDF-":
            raise ValidationError(_("This file is not a PDF document."), code="scan_not_pdf")
        return
    try:
        with Image.open(upload) as probe:
            probe.verify()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(_("This file is not a readable image."), code="scan_not_image") from error
    finally:
        upload.seek(0)

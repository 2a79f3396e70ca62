"""Resized copies of photos, made when a photo is saved and never while a page renders.

`SIZES` is the one list of sizes, and the templates name them (`{% include
"partials/picture.html" with size="card" %}`, `{% saved_thumbnail image "og" as og %}`).
Each kind of photo gets its own group of them, made when it is saved: product and village
photos `PHOTO_SIZES` (`OrderedImageModel.save()`, so the admin, `load_demo` and scripts all
do), buyers' review photos `REVIEW_SIZES` (`orders.models.Review.save()`): `make_thumbnails()`
takes the group. A page view only computes a URL and a size from the row; it never opens,
decodes or resizes an image (a 20000×2 strip made into a 900×675 crop while a shopper
waited used to hang the worker, and three 40-megapixel photos took 8 s on their first view).

Thumbnails are cropped from the centre to the size's shape and never enlarged: a photo
smaller than a size gives a thumbnail as large as the photo allows. The file name carries
the size's pixels, so changing a size makes new files (run `manage.py thumbnails`).
"""

import hashlib
import io
import logging
import posixpath
from dataclasses import dataclass

from django.core.cache import cache
from django.core.files.base import ContentFile
from PIL import Image

logger = logging.getLogger(__name__)

FOLDER = "thumbs"
READY_SECONDS = 24 * 60 * 60
MISSING_SECONDS = 60


@dataclass(frozen=True)
class Size:
    name: str
    width: int
    height: int
    formats: tuple = ("webp", "jpeg")


# What reading a stored photo can raise when the file is missing, truncated, not an image
# or too large to decode (DecompressionBombError is not an OSError): the row stays valid and
# pages show a placeholder. Caught by OrderedImageModel.save() and `manage.py thumbnails`.
UNREADABLE = (OSError, ValueError, Image.DecompressionBombError)

SIZES = {
    size.name: size
    for size in (
        Size("card", 480, 360),  # product cards
        Size("detail", 900, 675),  # the product page's gallery
        Size("strip", 120, 90),  # the gallery's strip of small pictures
        Size("trace", 640, 480),  # the QR trace page
        Size("og", 1200, 630, formats=("jpeg",)),  # link previews (Open Graph)
        Size("review", 320, 240),  # a buyer's photo under their review
    )
}
# What each kind of photo gets; the last size's last format is written last (see marker()).
PHOTO_SIZES = tuple(SIZES[name] for name in ("card", "detail", "strip", "trace", "og"))
REVIEW_SIZES = (SIZES["review"],)


@dataclass(frozen=True)
class Thumbnailed:
    """A model's `thumbnailed`: which of its fields holds photos, where each photo's width and
    height are stored, and which sizes it gets. `manage.py thumbnails` reads it."""

    field: str
    width_field: str
    height_field: str
    sizes: tuple


ENCODING = {  # format → (Pillow's name, file extension, options)
    "webp": ("WEBP", "webp", {"quality": 80, "method": 4}),
    "jpeg": ("JPEG", "jpg", {"quality": 82, "optimize": True, "progressive": True}),
}


def thumbnail_name(source_name, size, fmt):
    """products/42/vase.jpg → thumbs/products/42/vase.jpg/900x675.webp"""
    return posixpath.join(FOLDER, source_name, f"{size.width}x{size.height}.{ENCODING[fmt][1]}")


def fitted(width, height, size):
    """The thumbnail's pixels and the part of the photo it shows, as (out_w, out_h, box).

    Scaled to cover the size, but never above 1, then cropped from the centre to the size
    where the scaled photo is larger. `box` is in the photo's own pixels.
    """
    scale = min(1.0, max(size.width / width, size.height / height))
    out_w = max(1, min(size.width, round(width * scale)))
    out_h = max(1, min(size.height, round(height * scale)))
    crop_w, crop_h = min(width, out_w / scale), min(height, out_h / scale)
    # Clamped: rounding can put an edge a hair outside the photo, which resize() refuses.
    left, top = max(0.0, (width - crop_w) / 2), max(0.0, (height - crop_h) / 2)
    return out_w, out_h, (left, top, min(width, left + crop_w), min(height, top + crop_h))


def every_thumbnail(sizes):
    return [(size, fmt) for size in sizes for fmt in size.formats]


def _ready_key(source_name):
    # Hashed: a file name may hold spaces or be long, which cache backends refuse in keys.
    digest = hashlib.blake2b(f"{FOLDER}:{source_name}".encode(), digest_size=16).hexdigest()
    return f"thumbs-ready:{digest}"


def marker(source_name, sizes=PHOTO_SIZES):
    """The file written last: when it exists, every thumbnail of the photo does."""
    size, fmt = every_thumbnail(sizes)[-1]
    return thumbnail_name(source_name, size, fmt)


def make_thumbnails(field_file, sizes=PHOTO_SIZES):
    """Write every size of `sizes` for a stored photo (replacing what is there)."""
    storage = field_file.storage
    with storage.open(field_file.name, "rb") as file, Image.open(file) as source:
        width, height = source.size
        plans = [(size, fmt, *fitted(width, height, size)) for size, fmt in every_thumbnail(sizes)]
        # A JPEG can be decoded at 1/2, 1/4 or 1/8 scale: ask for the smallest that still
        # covers the largest thumbnail (a 40-megapixel photo decodes in a sixteenth of the time).
        scale = max(min(1.0, max(size.width / width, size.height / height)) for size in sizes)
        source.draft(None, (max(1, round(width * scale)), max(1, round(height * scale))))
        factor_x, factor_y = source.size[0] / width, source.size[1] / height
        has_alpha = source.has_transparency_data
        pixels = source.convert("RGBA" if has_alpha else "RGB")

    for size, fmt, out_w, out_h, box in plans:
        scaled_box = (
            box[0] * factor_x,
            box[1] * factor_y,
            min(pixels.width, box[2] * factor_x),
            min(pixels.height, box[3] * factor_y),
        )
        thumbnail = pixels.resize((out_w, out_h), Image.Resampling.LANCZOS, box=scaled_box, reducing_gap=3.0)
        image_format, _extension, options = ENCODING[fmt]
        if image_format == "JPEG" and thumbnail.mode == "RGBA":
            flat = Image.new("RGB", thumbnail.size, (255, 255, 255))
            flat.paste(thumbnail, mask=thumbnail.getchannel("A"))
            thumbnail = flat
        thumbnail.info = {}  # nothing but pixels, whatever the source carried
        output = io.BytesIO()
        thumbnail.save(output, image_format, **options)
        name = thumbnail_name(field_file.name, size, fmt)
        storage.delete(name)  # FileSystemStorage would otherwise pick another name
        storage.save(name, ContentFile(output.getvalue()))
    cache.set(_ready_key(field_file.name), True, READY_SECONDS)


def thumbnails_exist(source_name, storage, sizes=PHOTO_SIZES):
    """Whether the thumbnails of a photo are on storage: remembered in the cache, else
    one existence check (never an image read)."""
    key = _ready_key(source_name)
    ready = cache.get(key)
    if ready is None:
        ready = storage.exists(marker(source_name, sizes))
        cache.set(key, ready, READY_SECONDS if ready else MISSING_SECONDS)
        if not ready:
            logger.warning("No thumbnails for %s; run `manage.py thumbnails`", source_name)
    return ready


@dataclass(frozen=True)
class Thumbnail:
    width: int
    height: int
    urls: dict  # format → URL

    @property
    def webp_url(self):
        return self.urls.get("webp", "")

    @property
    def jpeg_url(self):
        return self.urls["jpeg"]


def saved_thumbnail(photo, size_name):
    """The thumbnail of an OrderedImageModel row in a size of SIZES, or None when it was
    not made (the template then shows a placeholder). Reads only the row: its stored name,
    width and height."""
    return thumbnail_of(photo.image, photo.width, photo.height, size_name)


def thumbnail_of(field_file, width, height, size_name, sizes=PHOTO_SIZES):
    """The thumbnail in `size_name` (one of `sizes`, the group the photo gets) of a stored
    photo of `width` × `height`, or None when it was not made. Never opens the photo."""
    size = SIZES[size_name]  # a KeyError here is a typo in a template
    if size not in sizes:
        raise ValueError(f"{size_name} is not made for this kind of photo")
    if not field_file or not width or not height:
        return None
    if not thumbnails_exist(field_file.name, field_file.storage, sizes):
        return None
    out_w, out_h, _box = fitted(width, height, size)
    return Thumbnail(
        width=out_w,
        height=out_h,
        urls={fmt: field_file.storage.url(thumbnail_name(field_file.name, size, fmt)) for fmt in size.formats},
    )


def delete_thumbnails(source_name, storage, sizes=PHOTO_SIZES):
    """Remove a photo's thumbnails of `sizes` (the photo itself is the caller's)."""
    for size, fmt in every_thumbnail(sizes):
        storage.delete(thumbnail_name(source_name, size, fmt))
    cache.delete(_ready_key(source_name))

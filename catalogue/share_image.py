"""A product's share picture (Open Graph and Twitter cards, Zalo and Messenger previews).

Drawn by core.share_image on the first request after anything it shows changed, and kept
in the media storage (so every worker and machine shares it, and it outlives a restart)
under `share/products/<id>/<fingerprint>.png`. The fingerprint is a hash of what the
picture shows (both names, stars while the certificate is in force, producer, village,
the photo's file) and DRAWING, so an edit of any of them names a new file and an edit of
anything else (a price, a description) keeps the old one. The product page puts the
fingerprint in the image's URL (`?v=`), so a preview service that keeps pictures by URL
fetches the new one. Older files of the product are removed when a new one is written,
and all of them when the product is deleted (`forget`, connected in catalogue/apps.py).
"""

import hashlib
import json
import logging
import posixpath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from core import share_image, thumbnails
from core.files import delete_after_commit

logger = logging.getLogger(__name__)

FOLDER = "share/products"
# Raise when the drawing changes: every product's picture is then drawn again.
DRAWING = 1


def shown(product):
    """What the picture shows, as plain values (a product loaded with for_cards(): no query)."""
    producer = product.producer
    village = producer.village
    photo = product.main_image
    return {
        "name_vi": product.name_vi or product.name,
        "name_en": product.name_en or "",
        # A lapsed certificate's stars are not shown, as on its page.
        "stars": product.stars if product.is_on_sale else None,
        "producer": producer.name,
        "village": village.name if village else "",
        "district": producer.district.name,
        "photo": photo.image.name if photo and photo.image else "",
    }


def fingerprint(product):
    data = json.dumps([DRAWING, shown(product)], ensure_ascii=False, sort_keys=True)
    return hashlib.blake2b(data.encode(), digest_size=8).hexdigest()


def url(product):
    """The picture's path with its fingerprint, for og:image."""
    return reverse("product_share_image", kwargs={"slug": product.slug}) + f"?v={fingerprint(product)}"


def stored_name(product, version):
    return posixpath.join(FOLDER, str(product.pk), f"{version}.png")


def card(product):
    values = shown(product)
    place = ", ".join(part for part in (values["village"], values["district"]) if part)
    return share_image.Card(
        title=values["name_vi"],
        subtitle=values["name_en"],
        lines=(values["producer"], place),
        stars=values["stars"],
    )


def photo_of(product):
    """The main photo as a PIL image: its Open Graph thumbnail (already 1200×630 or less,
    cheap to decode) when made, else the photo itself; None without one or when the file
    cannot be read (the card then has a drawn background)."""
    photo = product.main_image
    if not photo or not photo.image:
        return None
    storage = photo.image.storage
    names = [thumbnails.thumbnail_name(photo.image.name, thumbnails.SIZES["og"], "jpeg"), photo.image.name]
    for name in names:
        try:
            with storage.open(name, "rb") as file, Image.open(file) as image:
                image.draft("RGB", (share_image.PHOTO_WIDTH, share_image.HEIGHT))
                return image.convert("RGB")
        except thumbnails.UNREADABLE:
            continue
    logger.warning("Share picture of product %s drawn without its photo %s", product.pk, photo.image.name)
    return None


def forget(product_pk):
    """Delete every share picture of a deleted product (after the delete commits)."""
    folder = posixpath.join(FOLDER, str(product_pk))
    try:
        _directories, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return  # never shared: no picture drawn
    delete_after_commit(default_storage, [posixpath.join(folder, name) for name in files])


def png(product, version=None):
    """The picture's bytes: read from storage, or drawn and stored the first time."""
    version = version or fingerprint(product)
    name = stored_name(product, version)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as file:
            return file.read()
    data = share_image.render(card(product), photo_of(product))
    default_storage.save(name, ContentFile(data))
    folder = posixpath.dirname(name)
    _directories, files = default_storage.listdir(folder)
    for file_name in files:
        path = posixpath.join(folder, file_name)
        # Older pictures of this product, and the copy a simultaneous first request saved
        # under another name (FileSystemStorage never overwrites): `name` is the one kept.
        if path != name:
            default_storage.delete(path)
    return data

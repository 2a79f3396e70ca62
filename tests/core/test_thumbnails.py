"""Thumbnails are made when a photo is saved, in every size the templates use, never
enlarged; pages only point at them and never process an image while a shopper waits."""

import io
import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from catalogue.models import ProductImage
from core import thumbnails
from core.thumbnails import PHOTO_SIZES, SIZES, thumbnail_name
from tests import factories

pytestmark = pytest.mark.django_db


def jpeg_bytes(size=(1600, 1200), color=(30, 80, 160)):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, color)
    image.paste((220, 200, 40), (0, 0, size[0] // 3, size[1]))
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def add_photo(product, size=(1600, 1200), position=0):
    return ProductImage.objects.create(
        product=product,
        image=SimpleUploadedFile(f"photo-{position}.jpg", jpeg_bytes(size), content_type="image/jpeg"),
        alt_text_vi=f"Ảnh {position}",
        position=position,
    )


def stored_sizes(photo):
    """{(size name, format): (width, height)} of the thumbnail files on disk."""
    found = {}
    for size in PHOTO_SIZES:
        for fmt in size.formats:
            name = thumbnail_name(photo.image.name, size, fmt)
            assert default_storage.exists(name), f"{name} was not made on save"
            with default_storage.open(name) as file, Image.open(file) as image:
                found[size.name, fmt] = image.size
                assert image.format == {"webp": "WEBP", "jpeg": "JPEG"}[fmt]
    return found


def expected_box(size):
    return (size.width, size.height)


# --- made on save --------------------------------------------------------------------------


def test_saving_a_photo_makes_every_size_the_templates_use_right_away():
    photo = add_photo(factories.PublishedProductFactory())
    found = stored_sizes(photo)
    for size in PHOTO_SIZES:
        for fmt in size.formats:
            assert found[size.name, fmt] == expected_box(size)
    # Every size but the buyers' review photos' own.
    assert {size.name for size in PHOTO_SIZES} == set(SIZES) - {"review"}


def test_a_small_photo_is_never_enlarged():
    photo = add_photo(factories.PublishedProductFactory(), size=(640, 480))
    for (name, _fmt), (width, height) in stored_sizes(photo).items():
        box = SIZES[name]
        assert width <= min(box.width, 640) and height <= min(box.height, 480)
        # Cropped to the box's shape only as far as the photo reaches; never scaled up.
        assert (width, height) == (min(box.width, 640), min(box.height, 480))


def test_the_20000_by_2_image_saved_without_the_form_is_not_upscaled_and_takes_no_time():
    """A row that never went through the upload form (an old upload, a script) cannot hang
    anything either: its thumbnails are thin strips, made in well under a second."""
    started = time.monotonic()
    photo = add_photo(factories.PublishedProductFactory(), size=(20000, 2))
    assert time.monotonic() - started < 2
    for (name, _fmt), (width, height) in stored_sizes(photo).items():
        assert width <= SIZES[name].width and height == 2


def test_the_load_demo_way_of_saving_makes_thumbnails_too():
    """load_demo saves with FieldFile.save(..., save=True); so may any other script."""
    product = factories.PublishedProductFactory()
    photo = ProductImage(product=product, alt_text_vi="Ảnh", position=0)
    photo.image.save("demo-1.jpg", ContentFile(jpeg_bytes()), save=True)
    assert stored_sizes(photo)


def test_replacing_a_photo_makes_thumbnails_of_the_new_one():
    photo = add_photo(factories.PublishedProductFactory())
    photo = ProductImage.objects.get(pk=photo.pk)
    photo.image = SimpleUploadedFile("portrait.jpg", jpeg_bytes((900, 1600)), content_type="image/jpeg")
    photo.save()
    found = stored_sizes(photo)
    assert found["detail", "jpeg"] == (900, 675)


def test_the_thumbnails_command_makes_missing_thumbnails_of_existing_photos():
    from django.core.management import call_command

    photo = add_photo(factories.PublishedProductFactory())
    for size in PHOTO_SIZES:
        for fmt in size.formats:
            default_storage.delete(thumbnail_name(photo.image.name, size, fmt))
    call_command("thumbnails", verbosity=0)
    assert stored_sizes(photo)


def test_the_thumbnails_command_stores_the_size_of_photos_saved_without_it():
    """Rows saved before sizes were stored (or inserted by SQL) get them, read once."""
    from django.core.management import call_command

    photo = add_photo(factories.PublishedProductFactory(), size=(1200, 900))
    ProductImage.objects.filter(pk=photo.pk).update(width=None, height=None)
    call_command("thumbnails", verbosity=0)
    assert ProductImage.objects.filter(pk=photo.pk).values_list("width", "height").get() == (1200, 900)


# --- never on a shopper's request ----------------------------------------------------------


@pytest.fixture
def product_with_three_photos():
    product = factories.PublishedProductFactory(name="Bình gốm ba ảnh", gtin="08934567890120")
    for position in range(3):
        add_photo(product, size=(2400, 1800), position=position)
    return product


@pytest.fixture
def forbid_image_processing():
    def refuse(*args, **kwargs):
        raise AssertionError("an image was processed during a page view")

    with (
        mock.patch("PIL.Image.open", side_effect=refuse),
        mock.patch("PIL.Image.Image.resize", side_effect=refuse),
        mock.patch.object(thumbnails, "make_thumbnails", side_effect=refuse),
    ):
        yield


def test_pages_with_photos_process_no_image_and_point_at_the_files_made_on_save(
    client, product_with_three_photos, forbid_image_processing
):
    product = product_with_three_photos
    photos = list(product.images.all())
    cache.clear()  # a cold cache: nothing remembered from the saves
    detail = client.get(product.get_absolute_url())
    assert detail.status_code == 200
    body = detail.content.decode()
    for photo in photos:
        for size_name in ("detail", "strip"):
            for fmt in SIZES[size_name].formats:
                assert default_storage.url(thumbnail_name(photo.image.name, SIZES[size_name], fmt)) in body
    # The link preview is the share picture, drawn from the "og" thumbnail on its own URL.
    assert f'<meta property="og:image" content="https://ocop.test/products/{product.slug}/share.png?v=' in body
    assert 'width="900" height="675"' in body

    for url in ("/", "/en" + product.get_absolute_url()):
        assert client.get(url).status_code == 200, url
    cards = client.get("/products/").content.decode()
    assert default_storage.url(thumbnail_name(photos[0].image.name, SIZES["card"], "webp")) in cards
    trace = client.get(f"/t/{product.trace_code}", headers={"User-Agent": "Mozilla/5.0 (iPhone)"})
    assert trace.status_code == 200
    assert default_storage.url(thumbnail_name(photos[0].image.name, SIZES["trace"], "webp")) in trace.content.decode()


def test_missing_thumbnails_fall_back_to_the_placeholder_without_processing(client):
    """E.g. a photo uploaded before thumbnails were made on save, until `thumbnails` runs."""
    product = factories.PublishedProductFactory(name="Ảnh cũ")
    photo = add_photo(product)
    for size in PHOTO_SIZES:
        for fmt in size.formats:
            default_storage.delete(thumbnail_name(photo.image.name, size, fmt))
    cache.clear()

    def refuse(*args, **kwargs):
        raise AssertionError("an image was processed during a page view")

    with (
        mock.patch("PIL.Image.open", side_effect=refuse),
        mock.patch.object(thumbnails, "make_thumbnails", side_effect=refuse),
    ):
        response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="img-placeholder"' in body
    assert thumbnail_name(photo.image.name, SIZES["detail"], "jpeg") not in body


def test_every_size_named_in_a_template_is_in_the_one_list_of_sizes():
    import re
    from pathlib import Path

    from django.conf import settings

    named = set()
    for template in Path(settings.BASE_DIR).glob("*/templates/**/*.html"):
        text = template.read_text()
        assert "{% thumbnail " not in text, f"{template} makes thumbnails while rendering"
        named |= set(re.findall(r'size="([a-z_]+)"', text))
        named |= set(re.findall(r'saved_thumbnail \w+ "([a-z_]+)"', text))
    assert named and named <= set(SIZES), named - set(SIZES)


def test_a_stored_file_that_cannot_be_read_saves_the_row_and_the_page_shows_a_placeholder(client):
    """A script may store anything; the row stays valid and no page fails because of it."""
    product = factories.PublishedProductFactory(name="Ảnh hỏng")
    photo = ProductImage(product=product, alt_text_vi="Ảnh hỏng", position=0, width=800, height=600)
    photo.image.save("broken.jpg", ContentFile(b"\xff\xd8 not really a jpeg"), save=False)
    photo.save()
    assert ProductImage.objects.filter(pk=photo.pk).exists()
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    assert 'class="img-placeholder"' in response.content.decode()


@settings(max_examples=300, deadline=None)
@given(
    width=st.integers(min_value=1, max_value=12000),
    height=st.integers(min_value=1, max_value=12000),
    size=st.sampled_from(sorted(SIZES.values(), key=lambda size: size.name)),
)
def test_a_thumbnail_never_exceeds_its_size_or_its_photo_and_crops_inside_the_photo(width, height, size):
    """E.g. a 7700×5190 photo once gave a crop box a hair left of 0, which Pillow refuses."""
    out_w, out_h, (left, top, right, bottom) = thumbnails.fitted(width, height, size)
    assert 1 <= out_w <= min(size.width, width) and 1 <= out_h <= min(size.height, height)
    assert 0 <= left < right <= width and 0 <= top < bottom <= height

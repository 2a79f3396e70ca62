"""A photo removed is gone from its public URL, with everything made from it; a delete that
rolls back removes nothing (core/files.py, catalogue/share_image.py)."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image

from catalogue import share_image
from catalogue.models import ProductImage
from core.files import photo_files
from tests import factories

pytestmark = pytest.mark.django_db


def jpeg(size=(800, 600)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (180, 60, 40)).save(buffer, "JPEG")
    return SimpleUploadedFile("binh-gom.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def photo():
    product = factories.PublishedProductFactory(name="Bình gốm men rạn")
    return ProductImage.objects.create(product=product, image=jpeg(), alt_text_vi="Bình gốm", position=0)


def test_a_deleted_photo_and_its_thumbnails_leave_the_public_url(client, photo, django_capture_on_commit_callbacks):
    files = photo_files(photo.image)
    assert len(files) > 1 and all(default_storage.exists(name) for name in files)
    url = photo.image.url
    assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()

    assert not any(default_storage.exists(name) for name in files)
    assert client.get(url).status_code == 404


def test_a_delete_that_rolls_back_keeps_the_files(photo):
    files = photo_files(photo.image)

    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        ProductImage.objects.filter(pk=photo.pk).delete()
        raise Undo

    assert ProductImage.objects.filter(pk=photo.pk).exists()
    assert all(default_storage.exists(name) for name in files)


def test_a_deleted_products_share_pictures_are_removed(client, django_capture_on_commit_callbacks):
    product = factories.PublishedProductFactory(name="Khay sơn mài")
    assert client.get(f"/products/{product.slug}/share.png").status_code == 200
    stored = share_image.stored_name(product, share_image.fingerprint(product))
    assert default_storage.exists(stored)

    with django_capture_on_commit_callbacks(execute=True):
        product.delete()

    assert not default_storage.exists(stored)


def test_deleting_a_product_never_shared_is_fine(django_capture_on_commit_callbacks):
    product = factories.PublishedProductFactory(name="Giỏ mây")
    with django_capture_on_commit_callbacks(execute=True):
        product.delete()


def test_a_replaced_photo_and_its_thumbnails_leave_the_public_url(client, photo, django_capture_on_commit_callbacks):
    """An officer uploads a new file over a row's photo (the admin's inline): the old one was
    the photo the producer wanted gone, so it must not stay public at its URL."""
    old_files, old_url = photo_files(photo.image), photo.image.url
    stored = ProductImage.objects.get(pk=photo.pk)
    stored.image = jpeg(size=(640, 480))

    with django_capture_on_commit_callbacks(execute=True):
        stored.save()

    assert not any(default_storage.exists(name) for name in old_files)
    assert client.get(old_url).status_code == 404
    new_files = photo_files(ProductImage.objects.get(pk=photo.pk).image)
    assert all(default_storage.exists(name) for name in new_files)
    # Saved again with the same photo (alt text edited): nothing is deleted.
    stored.alt_text_vi = "Bình gốm men rạn, nhìn nghiêng"
    with django_capture_on_commit_callbacks(execute=True):
        stored.save()
    assert all(default_storage.exists(name) for name in new_files)


def test_a_replacement_that_rolls_back_keeps_the_old_photo(photo):
    old_files = photo_files(photo.image)
    stored = ProductImage.objects.get(pk=photo.pk)

    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        stored.image = jpeg(size=(640, 480))
        stored.save()
        raise Undo

    assert ProductImage.objects.get(pk=photo.pk).image.name == old_files[0]
    assert all(default_storage.exists(name) for name in old_files)

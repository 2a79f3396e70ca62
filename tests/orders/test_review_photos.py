"""Buyers' review photos: stored under names nobody can guess, moved out of sight when a review
is hidden, never linked while pending, and shown on public pages as a small thumbnail made
when the photo was saved (the full photo only behind a link)."""

import re

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from catalogue.models import ProductImage
from core import thumbnails
from orders import reviews
from orders.models import Review, ReviewStatus
from tests import factories

pytestmark = [pytest.mark.django_db]

RANDOM_NAME = re.compile(r"reviews/[0-9a-f]{32}\.(jpg|png|webp)")
REVIEW_SIZE = thumbnails.SIZES["review"]


@pytest.fixture
def vase():
    return factories.PublishedProductFactory(name="Bình gốm men lam", price=350_000, stock_quantity=50)


def photo(name="Nguyen-Thi-Lan-nha-rieng.jpg", size=(2000, 1500)):
    upload = factories.jpeg(size=size)
    upload.name = name
    return upload


def thumbnail_names(review):
    return [thumbnails.thumbnail_name(review.photo.name, REVIEW_SIZE, fmt) for fmt in REVIEW_SIZE.formats]


def every_file_of(review):
    return [review.photo.name, *thumbnail_names(review)]


def fetch(client, name):
    """GET a stored file through the app's own media serving (SERVE_MEDIA)."""
    return client.get(default_storage.url(name))


def public_pages(client, product):
    """The HTML (and JSON) of every public page that could show a product's reviews."""
    urls = [
        product.get_absolute_url(),
        "/en" + product.get_absolute_url(),
        reverse("orders:product_reviews", args=[product.slug]),
        reverse("catalogue:product_list"),
        "/api/v1/products/",
    ]
    pages = {}
    for url in urls:
        cache.clear()  # not the cached page of a previous request: what is rendered now
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    return pages


# --- the stored name -------------------------------------------------------------------------


def test_a_buyers_photo_is_stored_under_a_random_name_without_the_product_or_their_file_name(client, vase, media_root):
    order = factories.completed_order(vase, name="Nguyễn Thị Lan")
    client.post(reverse("orders:lookup"), {"code": order.code, "phone": "0986123456"})
    part = order.parts.get()
    prefix = f"review-{part.pk}-{vase.pk}"
    data = {f"{prefix}-stars": "5", f"{prefix}-text": "Đẹp", f"{prefix}-display_name": "Lan"}
    data[f"{prefix}-photo"] = photo("Nguyen-Thi-Lan-nha-rieng.jpg")
    url = reverse("orders:review_create", args=[order.code, part.pk, vase.pk])
    assert client.post(url, data).status_code == 302
    name = Review.objects.get().photo.name
    assert RANDOM_NAME.fullmatch(name), name  # no product folder, no buyer's file name
    assert "Nguyen" not in name and "nha-rieng" not in name
    assert default_storage.exists(name)


def test_two_photos_with_the_same_file_name_get_different_names(vase, media_root):
    first = factories.review(vase, photo=photo("IMG_0001.jpg"))
    second = factories.review(vase, photo=photo("IMG_0001.jpg"))
    assert first.photo.name != second.photo.name
    assert all(RANDOM_NAME.fullmatch(review.photo.name) for review in (first, second))


# --- the thumbnail -----------------------------------------------------------------------------


def test_saving_a_review_photo_makes_a_small_thumbnail_that_the_public_page_shows(client, vase, media_root):
    review = factories.review(vase, photo=photo(size=(2000, 1500)))
    assert (review.photo_width, review.photo_height) == (2000, 1500)
    for name in thumbnail_names(review):
        assert default_storage.exists(name), name
        with default_storage.open(name) as file, Image.open(file) as image:
            assert image.width <= REVIEW_SIZE.width and image.height <= REVIEW_SIZE.height
            assert image.size == (320, 240)
    page = client.get(vase.get_absolute_url()).content.decode()
    card = re.search(r'<article class="card review".*?</article>', page, re.S).group(0)
    full_url = review.photo.url
    thumb_urls = [default_storage.url(name) for name in thumbnail_names(review)]
    assert all(url in card for url in thumb_urls)
    assert f'href="{full_url}"' in card  # the full photo one tap away
    assert f'src="{full_url}"' not in card  # but never downloaded to draw a small picture
    assert 'width="320" height="240"' in card and 'loading="lazy"' in card
    assert fetch(client, thumbnail_names(review)[0]).status_code == 200


def test_a_small_review_photo_is_not_enlarged(client, vase, media_root):
    review = factories.review(vase, photo=photo(size=(200, 150)))
    with default_storage.open(thumbnail_names(review)[-1]) as file, Image.open(file) as image:
        assert image.size == (200, 150)
    assert 'width="200" height="150"' in client.get(vase.get_absolute_url()).content.decode()


def test_product_photos_get_no_review_size_and_review_photos_no_product_sizes(vase, media_root):
    product_photo = ProductImage.objects.create(product=vase, image=photo("vase.jpg"), alt_text_vi="Bình")
    assert not default_storage.exists(thumbnails.thumbnail_name(product_photo.image.name, REVIEW_SIZE, "jpeg"))
    assert default_storage.exists(thumbnails.thumbnail_name(product_photo.image.name, thumbnails.SIZES["card"], "jpeg"))
    review = factories.review(vase, photo=photo())
    assert not default_storage.exists(thumbnails.thumbnail_name(review.photo.name, thumbnails.SIZES["card"], "jpeg"))


def test_the_moderation_page_shows_the_thumbnail(officer_client, world, media_root):
    review = factories.review(world["own"]["product"], status="pending", photo=photo())
    page = officer_client.get(reverse("admin:orders_review_change", args=[review.pk])).content.decode()
    assert default_storage.url(thumbnail_names(review)[-1]) in page
    assert f'href="{review.photo.url}"' in page


def test_review_photos_add_no_query_to_the_product_page_or_the_reviews_page(client, vase, media_root):
    def count(url):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    factories.review(vase)  # no photo
    page_url, reviews_url = vase.get_absolute_url(), reverse("orders:product_reviews", args=[vase.slug])
    without_photos = count(page_url), count(reviews_url)
    for _ in range(3):
        factories.review(vase, photo=photo())
    assert (count(page_url), count(reviews_url)) == without_photos


# --- pending and hidden photos stay out of sight --------------------------------------------


def test_a_pending_or_hidden_reviews_photo_is_on_no_public_page(client, vase, media_root):
    factories.review(vase, text="Đã duyệt")  # the reviews section shows
    pending = factories.review(vase, status="pending", photo=photo("cho-duyet.jpg"))
    hidden = factories.review(vase, status="hidden", photo=photo("bi-an.jpg"))
    secrets = {re.search(r"[0-9a-f]{32}", review.photo.name).group(0): review.status for review in (pending, hidden)}
    for url, body in public_pages(client, vase).items():
        for secret, status in secrets.items():
            assert secret not in body, f"the {status} review's photo is linked from {url}"
        assert "Đã duyệt" in body or url in ("/api/v1/products/", reverse("catalogue:product_list"))


def test_hiding_a_review_moves_its_photo_so_the_old_url_is_not_found(
    client, vase, media_root, django_capture_on_commit_callbacks
):
    review = factories.review(vase, photo=photo())
    old_files = every_file_of(review)
    assert [fetch(client, name).status_code for name in old_files] == [200, 200, 200]
    assert review.photo.url in client.get(vase.get_absolute_url()).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        reviews.moderate(review=review, status=ReviewStatus.HIDDEN, user=None, reason="Lộ số điện thoại")

    assert [fetch(client, name).status_code for name in old_files] == [404, 404, 404]
    review.refresh_from_db()
    assert review.photo.name != old_files[0] and RANDOM_NAME.fullmatch(review.photo.name)
    assert all(default_storage.exists(name) for name in every_file_of(review))  # kept, out of sight
    assert review.photo.name not in client.get(vase.get_absolute_url()).content.decode()

    # Published again: shown under its new name, and the thumbnail with it.
    with django_capture_on_commit_callbacks(execute=True):
        reviews.moderate(review=review, status=ReviewStatus.PUBLISHED, user=None)
    page = client.get(vase.get_absolute_url()).content.decode()
    assert review.photo.url in page and default_storage.url(thumbnail_names(review)[0]) in page
    assert all(fetch(client, name).status_code == 200 for name in every_file_of(review))


def test_hiding_in_the_admin_moves_the_photo_too(officer_client, world, media_root, django_capture_on_commit_callbacks):
    review = factories.review(world["own"]["product"], photo=photo())
    old_name = review.photo.name
    form = {"status": "hidden", "moderation_reason": "Ảnh có mặt người khác", "reply": ""}
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(reverse("admin:orders_review_change", args=[review.pk]), form)
    assert response.status_code == 302
    assert Review.objects.get(pk=review.pk).photo.name != old_name
    assert not default_storage.exists(old_name)


def test_a_rolled_back_moderation_leaves_the_photo_where_it_was(
    client, vase, media_root, django_capture_on_commit_callbacks
):
    review = factories.review(vase, photo=photo())
    old_files = every_file_of(review)

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            reviews.moderate(review=review, status=ReviewStatus.HIDDEN, user=None, reason="Nhầm")
            raise RuntimeError("something after the moderation failed")

    stored = Review.objects.get(pk=review.pk)
    assert (stored.status, stored.photo.name) == (ReviewStatus.PUBLISHED, old_files[0])
    assert [fetch(client, name).status_code for name in old_files] == [200, 200, 200]
    assert stored.photo.url in client.get(vase.get_absolute_url()).content.decode()


def test_deleting_a_review_removes_its_photo_and_thumbnail(vase, media_root, django_capture_on_commit_callbacks):
    review = factories.review(vase, photo=photo())
    with django_capture_on_commit_callbacks(execute=True):
        reviews.moderate(review=review, status=ReviewStatus.HIDDEN, user=None, reason="Quảng cáo")
    review.refresh_from_db()
    files = every_file_of(review)
    assert all(default_storage.exists(name) for name in files)
    with django_capture_on_commit_callbacks(execute=True):
        review.delete()
    assert not any(default_storage.exists(name) for name in files)


def test_deleting_the_product_removes_its_reviews_photos(vase, media_root, django_capture_on_commit_callbacks):
    review = factories.review(vase, photo=photo())
    files = every_file_of(review)
    with django_capture_on_commit_callbacks(execute=True):
        review.part.order.delete()
    assert not Review.objects.exists()
    assert not any(default_storage.exists(name) for name in files)


def test_an_old_photo_without_a_thumbnail_is_linked_not_drawn_full_size(client, vase, media_root):
    """A photo stored before thumbnails were made (or whose thumbnail is gone) is a link."""
    review = factories.review(vase, photo=photo())
    for name in thumbnail_names(review):
        default_storage.delete(name)
    cache.clear()
    card = re.search(
        r'<article class="card review".*?</article>', client.get(vase.get_absolute_url()).content.decode(), re.S
    )
    assert f'href="{review.photo.url}"' in card.group(0)
    assert "<img" not in card.group(0)


def test_a_photo_that_is_not_an_image_leaves_no_file(client, vase, media_root):
    order = factories.completed_order(vase)
    client.post(reverse("orders:lookup"), {"code": order.code, "phone": "0986123456"})
    part = order.parts.get()
    prefix = f"review-{part.pk}-{vase.pk}"
    data = {f"{prefix}-stars": "5", f"{prefix}-text": "Đẹp", f"{prefix}-display_name": "Lan"}
    data[f"{prefix}-photo"] = SimpleUploadedFile("anh.jpg", b"not a photo", content_type="image/jpeg")
    url = reverse("orders:review_create", args=[order.code, part.pk, vase.pk])
    assert client.post(url, data).status_code == 400
    assert not (media_root / "reviews").exists()


def test_the_thumbnails_command_makes_review_thumbnails_and_sizes_too(vase, media_root):
    """For photos stored before review thumbnails existed (the data migration did them once)."""
    from django.core.management import call_command

    review = factories.review(vase, photo=photo(size=(1200, 900)))
    for name in thumbnail_names(review):
        default_storage.delete(name)
    Review.objects.filter(pk=review.pk).update(photo_width=None, photo_height=None)
    call_command("thumbnails", verbosity=0)
    assert all(default_storage.exists(name) for name in thumbnail_names(review))
    assert Review.objects.values_list("photo_width", "photo_height").get(pk=review.pk) == (1200, 900)
    assert not default_storage.exists(thumbnails.thumbnail_name(review.photo.name, thumbnails.SIZES["card"], "jpeg"))


def test_the_data_migration_moves_old_pending_and_hidden_photos_and_makes_thumbnails(
    client, vase, media_root, django_capture_on_commit_callbacks
):
    """Migration 0007's function on today's models: photos stored the old way, under
    reviews/<product id>/<the buyer's file name>, without size or thumbnail."""
    import importlib

    from django.apps import apps

    forwards = importlib.import_module("orders.migrations.0007_review_photos_out_of_sight").forwards

    def stored_the_old_way(review, file_name):
        old_name = f"reviews/{vase.pk}/{file_name}"
        with default_storage.open(review.photo.name) as file:
            default_storage.save(old_name, file)
        Review.objects.filter(pk=review.pk).update(photo=old_name, photo_width=None, photo_height=None)
        return old_name

    published = factories.review(vase, photo=photo(size=(800, 600)))
    pending = factories.review(vase, status="pending", photo=photo(size=(800, 600)))
    old_names = {
        published.pk: stored_the_old_way(published, "Tran-Van-Minh.jpg"),
        pending.pk: stored_the_old_way(pending, "Nguyen-Thi-Lan.jpg"),
    }
    assert fetch(client, old_names[pending.pk]).status_code == 200  # guessable and served

    with django_capture_on_commit_callbacks(execute=True):
        forwards(apps, None)

    published.refresh_from_db(), pending.refresh_from_db()
    assert published.photo.name == old_names[published.pk]  # already public, still linked
    assert RANDOM_NAME.fullmatch(pending.photo.name)
    assert fetch(client, old_names[pending.pk]).status_code == 404
    for review in (published, pending):
        assert (review.photo_width, review.photo_height) == (800, 600)
        assert all(default_storage.exists(name) for name in every_file_of(review))

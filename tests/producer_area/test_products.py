"""A producer keeps their products' price, stock, description and photos current; the rest
is the officers'."""

import pytest
from django.urls import reverse

from catalogue.models import ProductImage
from tests import factories

pytestmark = pytest.mark.django_db


def edit(client, product, **data):
    fields = {
        "price": product.price,
        "stock_quantity": product.stock_quantity,
        "description_vi": "",
        "description_en": "",
    }
    return client.post(reverse("producer_area:product", args=[product.slug]), fields | data)


def test_price_stock_and_description_are_saved_and_shown_at_once(producer_client, client, area):
    product = area["own"]["product"]
    client.get(product.get_absolute_url())  # a cached public page, if any, must not outlive the change
    response = edit(producer_client, product, price=420000, stock_quantity=3, description_vi="Men lam vẽ tay mới")
    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.price, product.stock_quantity, product.description_vi) == (420000, 3, "Men lam vẽ tay mới")
    page = client.get(product.get_absolute_url()).content.decode()
    assert "Men lam vẽ tay mới" in page and "420.000" in page


def test_a_negative_price_is_refused_with_a_message_and_nothing_saved(producer_client, area):
    product = area["own"]["product"]
    response = edit(producer_client, product, price=-1, stock_quantity=2, description_vi="Không lưu")
    assert response.status_code == 400
    page = response.content.decode()
    assert "âm" in page  # "Giá không được âm."
    product.refresh_from_db()
    assert (product.price, product.stock_quantity) == (350_000, 8)
    assert not product.description_vi


def test_a_price_that_is_not_a_whole_number_is_refused(producer_client, area):
    product = area["own"]["product"]
    assert edit(producer_client, product, price="12.5").status_code == 400
    product.refresh_from_db()
    assert product.price == 350_000


def test_stars_certificate_and_publishing_are_not_editable(producer_client, area):
    product = area["own"]["product"]
    edit(producer_client, product, stars=5, is_published="", certificate_number="X", group="food")
    product.refresh_from_db()
    assert (product.stars, product.is_published, product.group) == (4, True, "handicrafts")
    page = producer_client.get(reverse("producer_area:product", args=[product.slug])).content.decode()
    assert 'name="stars"' not in page and 'name="is_published"' not in page


def test_a_photo_is_added_through_the_safe_image_checks(producer_client, area):
    product = area["own"]["product"]
    url = reverse("producer_area:photo_add", args=[product.slug])
    added = producer_client.post(url, {"image": factories.jpeg(), "alt_text_vi": "Bình mới"})
    assert added.status_code == 302
    assert product.images.count() == 2
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("photo.jpg", b"not an image", content_type="image/jpeg")
    refused = producer_client.post(url, {"image": fake, "alt_text_vi": "Giả"})
    assert refused.status_code == 400
    assert ProductImage.objects.filter(product=product).count() == 2


def test_the_products_list_queries_are_bounded(producer_client, area, django_assert_max_num_queries):
    for _ in range(5):
        factories.ProductImageFactory(product=factories.PublishedProductFactory(producer=area["own"]["producer"]))
    with django_assert_max_num_queries(7):
        response = producer_client.get(reverse("producer_area:products"))
    assert response.content.decode().count('class="area-card"') == 6

"""Only a product with a valid OCOP certificate can be put in the cart or ordered (issue 11, §2),
and adding an unpublished product answers exactly as an unknown id does (§4)."""

import datetime
import uuid

import pytest
from django.urls import reverse

from catalogue.models import Product
from orders import services
from orders.models import Order, OrderLine
from tests import factories
from tests.factories import FROZEN_TODAY
from tests.shopping import SHOPPER, hidden_fields, post_to_cart

pytestmark = pytest.mark.django_db

TODAY = FROZEN_TODAY  # the `today` fixture's date (conftest.py)


def cart_items(client):
    return client.session.get("cart", {})


# --- adding to the cart ------------------------------------------------------------------------


def test_adding_an_expired_product_is_refused_in_vietnamese(client, today):
    product = factories.ExpiredProductFactory(name="Bát gốm hết hạn")
    response = post_to_cart(client, product)
    assert response.status_code == 409
    body = response.content.decode()
    assert "“Bát gốm hết hạn” không còn được bán: chứng nhận OCOP chỉ có hiệu lực đến ngày 31/05/2026." in body
    assert cart_items(client) == {}


def test_adding_a_withdrawn_product_is_refused_in_english(client, today, english_site):
    product = factories.WithdrawnProductFactory(name="Nón lá bị thu hồi")
    response = post_to_cart(client, product)
    assert response.status_code == 409
    assert "“Nón lá bị thu hồi” can no longer be sold: its OCOP certificate was withdrawn." in response.content.decode()
    assert cart_items(client) == {}


def test_adding_an_unpublished_product_answers_as_for_an_unknown_id(client):
    product = factories.PublishedProductFactory(name="Nón lá chưa duyệt", is_published=False)
    unknown = client.post(reverse("orders:cart_add", args=[product.pk + 1000]), {"quantity": 1})
    response = post_to_cart(client, product)
    assert response.status_code == unknown.status_code == 404
    assert "Nón lá chưa duyệt" not in response.content.decode()
    assert cart_items(client) == {}


# --- a certificate that lapses while the product is in the cart ---------------------------------


@pytest.fixture
def cart_with_a_lapsing_product(client, today):
    """A cart with a vase (valid for years) and a bowl whose certificate ends today."""
    vase = factories.PublishedProductFactory(name="Bình gốm men lam", price=350_000, stock_quantity=5)
    bowl = factories.PublishedProductFactory(
        name="Bát hết hạn đêm nay", price=120_000, stock_quantity=5, certificate_valid_until=TODAY
    )
    assert post_to_cart(client, vase, 2).status_code == 302
    assert post_to_cart(client, bowl, 1).status_code == 302
    return vase, bowl


def test_cart_flags_a_line_that_lapsed_since_it_was_added_and_keeps_the_rest(
    client, today, cart_with_a_lapsing_product
):
    vase, bowl = cart_with_a_lapsing_product
    today.move_to(TODAY + datetime.timedelta(days=1))
    body = client.get(reverse("orders:cart")).content.decode()
    assert "“Bát hết hạn đêm nay” không còn được bán: chứng nhận OCOP chỉ có hiệu lực đến ngày 01/06/2026." in body
    assert "Bình gốm men lam" in body  # the rest of the cart stays
    assert reverse("orders:checkout") not in body  # the shopper removes the line first
    assert set(cart_items(client)) == {str(vase.pk), str(bowl.pk)}


def test_checkout_refuses_the_lapsed_line_then_places_the_rest(
    client, today, cart_with_a_lapsing_product, english_site
):
    vase, bowl = cart_with_a_lapsing_product
    hidden = hidden_fields(client)  # the checkout page was opened while the bowl was valid
    today.move_to(TODAY + datetime.timedelta(days=1))
    refused = client.post(reverse("orders:checkout"), {**hidden, **SHOPPER})
    assert refused.status_code == 409
    body = refused.content.decode()
    assert "“Bát hết hạn đêm nay” can no longer be sold: its OCOP certificate was valid until 1 June 2026." in body
    assert not Order.objects.exists()
    assert Product.objects.get(pk=vase.pk).stock_quantity == 5

    client.post(reverse("orders:cart_remove", args=[bowl.pk]))
    placed = client.post(reverse("orders:checkout"), {**hidden_fields(client), **SHOPPER})
    assert placed.status_code == 302, placed.content.decode()[:800]
    order = Order.objects.get()
    assert [(line.product_id, line.quantity) for line in OrderLine.objects.filter(part__order=order)] == [(vase.pk, 2)]
    assert order.total == 700_000


def test_place_order_refuses_a_withdrawn_product_inside_its_transaction(today):
    """The service checks the certificate on the locked row: a withdrawal that lands
    between the cart page and the order cannot sell the product."""
    vase = factories.PublishedProductFactory(name="Bình gốm men lam", stock_quantity=5)
    hat = factories.PublishedProductFactory(name="Nón lá", stock_quantity=5)
    Product.objects.filter(pk=hat.pk).update(certificate_withdrawn=True)  # no save(), no signal
    with pytest.raises(services.OrderError, match="Nón lá"):
        services.place_order(
            token=uuid.uuid4(),
            items={vase.pk: 1, hat.pk: 1},
            name="Nguyễn Thị Lan",
            phone="+84912345678",
            fulfilment="delivery",
            address="12 Hàng Bạc",
            payment="cash",
        )
    assert not Order.objects.exists()
    assert {p.pk: p.stock_quantity for p in Product.objects.all()} == {vase.pk: 5, hat.pk: 5}


def test_place_order_refuses_a_product_that_expired_yesterday(today):
    bowl = factories.PublishedProductFactory(name="Bát gốm", certificate_valid_until=TODAY - datetime.timedelta(days=1))
    with pytest.raises(services.OrderError, match="Bát gốm"):
        services.place_order(
            token=uuid.uuid4(),
            items={bowl.pk: 1},
            name="Lan",
            phone="+84912345678",
            fulfilment="delivery",
            address="12 Hàng Bạc",
            payment="cash",
        )
    assert not Order.objects.exists()

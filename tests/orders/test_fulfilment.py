"""Fulfilment: statuses per producer, cancelling, the admin, and the shopper's lookup page."""

import uuid

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from catalogue.models import Product
from orders import services
from orders.models import Order, OrderLine, ProducerOrder, Status, normalise_order_code
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_site")]


@pytest.fixture
def english_admin_client(admin_client, settings):
    # The admin is outside the language prefixes: it takes the language cookie.
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return admin_client


def stock(product):
    return Product.objects.get(pk=product.pk).stock_quantity


# --- statuses and stock -------------------------------------------------------------------


def test_cancelling_a_part_puts_its_stock_back():
    vase = factories.PublishedProductFactory(stock_quantity=5)
    scarf = factories.PublishedProductFactory(stock_quantity=5)
    order = factories.OrderFactory(lines=[(vase, 2), (scarf, 1)])
    assert (stock(vase), stock(scarf)) == (3, 4)
    vase_part = order.parts.get(producer=vase.producer)
    services.change_status(part=vase_part, status=Status.CANCELLED)
    assert (stock(vase), stock(scarf)) == (5, 4)
    assert ProducerOrder.objects.get(pk=vase_part.pk).status == Status.CANCELLED


def test_a_cancelled_part_cannot_be_cancelled_again_nor_stock_returned_twice():
    vase = factories.PublishedProductFactory(stock_quantity=5)
    part = factories.OrderFactory(lines=[(vase, 2)]).parts.get()
    services.change_status(part=part, status=Status.CANCELLED)
    with pytest.raises(services.StatusChangeRefused):
        services.change_status(part=part, status=Status.CANCELLED)
    assert stock(vase) == 5


def test_delivery_parts_ship_and_pickup_parts_get_ready():
    vase = factories.PublishedProductFactory(stock_quantity=5)
    showroom = factories.ShowroomFactory(products=[vase])
    delivery = factories.OrderFactory(lines=[(vase, 1)]).parts.get()
    pickup = factories.OrderFactory(lines=[(vase, 1)], fulfilment="pickup", showroom=showroom).parts.get()
    for part in (delivery, pickup):
        services.change_status(part=part, status=Status.CONFIRMED)
    with pytest.raises(services.StatusChangeRefused):
        services.change_status(part=delivery, status=Status.READY)
    with pytest.raises(services.StatusChangeRefused):
        services.change_status(part=pickup, status=Status.SHIPPED)
    services.change_status(part=delivery, status=Status.SHIPPED)
    services.change_status(part=pickup, status=Status.READY)
    services.change_status(part=delivery, status=Status.COMPLETED)
    with pytest.raises(services.StatusChangeRefused):
        services.change_status(part=delivery, status=Status.CANCELLED)
    assert stock(vase) == 3


def test_new_part_cannot_skip_confirmation():
    part = factories.OrderFactory(lines=[(factories.PublishedProductFactory(), 1)]).parts.get()
    with pytest.raises(services.StatusChangeRefused):
        services.change_status(part=part, status=Status.COMPLETED)


def test_an_order_that_fails_leaves_nothing_behind():
    """A bank transfer to a producer without an account fails after the order row was written."""
    vase = factories.PublishedProductFactory(stock_quantity=5)
    with pytest.raises(services.OrderError):
        factories.OrderFactory(lines=[(vase, 1)], payment="bank_transfer")
    assert not Order.objects.exists() and not OrderLine.objects.exists()
    assert stock(vase) == 5


def test_service_refuses_a_pickup_showroom_that_lacks_an_item():
    vase, scarf = factories.PublishedProductFactory(), factories.PublishedProductFactory()
    showroom = factories.ShowroomFactory(products=[vase])
    with pytest.raises(services.OrderError):
        factories.OrderFactory(lines=[(vase, 1), (scarf, 1)], fulfilment="pickup", showroom=showroom)
    assert not Order.objects.exists()


def test_service_refuses_an_unpublished_product():
    hidden = factories.PublishedProductFactory(is_published=False)
    with pytest.raises(services.SoldOut):
        factories.OrderFactory(lines=[(hidden, 1)])
    assert not Order.objects.exists()


# --- rules in the database -----------------------------------------------------------------


def test_the_same_token_cannot_make_two_orders():
    order = factories.OrderFactory(lines=[(factories.PublishedProductFactory(), 1)])
    with pytest.raises(IntegrityError), transaction.atomic():
        Order.objects.create(
            code="ABCDEFGH",
            token=order.token,
            name="x",
            phone="+84912345678",
            fulfilment="delivery",
            address="x",
            payment="cash",
            total=1,
        )


def test_a_delivery_without_address_cannot_be_stored():
    with pytest.raises(IntegrityError), transaction.atomic():
        Order.objects.create(
            code="ABCDEFGH",
            token=uuid.uuid4(),
            name="x",
            phone="+84912345678",
            fulfilment="delivery",
            address="",
            payment="cash",
            total=1,
        )


def test_an_order_line_needs_a_positive_quantity():
    order = factories.OrderFactory(lines=[(factories.PublishedProductFactory(), 1)])
    line = OrderLine.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        OrderLine.objects.filter(pk=line.pk).update(quantity=0)
    assert order.parts.count() == 1


def test_order_codes_are_short_and_unambiguous():
    order = factories.OrderFactory(lines=[(factories.PublishedProductFactory(), 1)])
    assert len(order.code) == 8
    assert not set(order.code) & set("01OIL")
    assert normalise_order_code(f" {order.code[:4].lower()}-{order.code[4:]} ") == order.code


# --- the shopper's lookup page ---------------------------------------------------------------


def test_lookup_by_code_and_phone_shows_the_status_of_each_part(client):
    vase = factories.PublishedProductFactory(producer=factories.ProducerFactory(name="Gốm Quang Vinh"))
    scarf = factories.PublishedProductFactory(producer=factories.ProducerFactory(name="Lụa Vạn Phúc"))
    order = factories.OrderFactory(lines=[(vase, 1), (scarf, 1)])
    services.change_status(part=order.parts.get(producer=vase.producer), status=Status.CONFIRMED)

    response = client.post(reverse("orders:lookup"), {"code": order.code.lower(), "phone": "0986 123 456"})
    assert response.status_code == 302
    body = client.get(response.url).content.decode()
    assert "Gốm Quang Vinh" in body and "Lụa Vạn Phúc" in body
    assert '<span class="badge status-confirmed">Confirmed</span>' in body
    assert '<span class="badge status-new">New</span>' in body


def test_lookup_with_the_wrong_phone_finds_nothing(client):
    order = factories.OrderFactory(lines=[(factories.PublishedProductFactory(), 1)])
    response = client.post(reverse("orders:lookup"), {"code": order.code, "phone": "0912 000 111"})
    assert response.status_code == 404
    assert "No order has this code and phone number." in response.content.decode()
    assert client.get(order.get_absolute_url()).status_code == 302


def test_lookup_with_a_malformed_code_is_explained(client):
    response = client.post(reverse("orders:lookup"), {"code": "12", "phone": "0912 345 678"})
    assert response.status_code == 400
    assert "An order code has 8 letters and digits." in response.content.decode()


def test_lookup_is_rate_limited(client, settings):
    settings.ORDERS_LOOKUP_RATE = "2/m"
    order = factories.OrderFactory(lines=[(factories.PublishedProductFactory(), 1)])
    for _ in range(2):
        client.post(reverse("orders:lookup"), {"code": "ZZZZZZZZ", "phone": "0986 123 456"})
    response = client.post(reverse("orders:lookup"), {"code": order.code, "phone": "0986 123 456"})
    assert response.status_code == 429


def test_lookup_link_prefills_the_code(client):
    response = client.get(reverse("orders:lookup") + "?code=ABCD2345")
    assert 'value="ABCD2345"' in response.content.decode()


# --- admin -------------------------------------------------------------------------------------


def test_admin_lists_orders_and_parts_with_filters(english_admin_client):
    order = factories.OrderFactory(
        lines=[(factories.PublishedProductFactory(), 1), (factories.PublishedProductFactory(), 2)]
    )
    for url in [
        reverse("admin:orders_order_changelist"),
        reverse("admin:orders_order_changelist") + "?parts__status__exact=new",
        reverse("admin:orders_order_change", args=[order.pk]),
        reverse("admin:orders_producerorder_changelist") + "?status__exact=new",
        reverse("admin:orders_producerorder_change", args=[order.parts.first().pk]),
        reverse("admin:orders_payeeaccount_changelist"),
    ]:
        response = english_admin_client.get(url)
        assert response.status_code == 200, url
        assert order.code in response.content.decode() or "payee" in url


def test_admin_action_cancels_parts_and_puts_stock_back(english_admin_client):
    vase = factories.PublishedProductFactory(stock_quantity=5)
    part = factories.OrderFactory(lines=[(vase, 3)]).parts.get()
    response = english_admin_client.post(
        reverse("admin:orders_producerorder_changelist"),
        {"action": "mark_cancelled", "_selected_action": [part.pk]},
        follow=True,
    )
    assert "1 part is now “Cancelled”." in response.content.decode()
    assert stock(vase) == 5


def test_admin_action_refuses_a_wrong_move_with_a_message(english_admin_client):
    part = factories.OrderFactory(lines=[(factories.PublishedProductFactory(), 1)]).parts.get()
    response = english_admin_client.post(
        reverse("admin:orders_producerorder_changelist"),
        {"action": "mark_shipped", "_selected_action": [part.pk]},
        follow=True,
    )
    assert "cannot go from “New” to “Shipped”" in response.content.decode()
    assert ProducerOrder.objects.get(pk=part.pk).status == Status.NEW


def test_orders_cannot_be_added_or_edited_in_the_admin(english_admin_client):
    order = factories.OrderFactory(lines=[(factories.PublishedProductFactory(), 1)])
    assert english_admin_client.get(reverse("admin:orders_order_add")).status_code == 403
    english_admin_client.post(reverse("admin:orders_order_change", args=[order.pk]), {"name": "Changed"})
    assert Order.objects.get(pk=order.pk).name == "Trần Văn Minh"


def test_shopper_sees_status_changed_in_the_admin(english_admin_client):
    order = factories.OrderFactory(lines=[(factories.PublishedProductFactory(), 1)])
    part = order.parts.get()
    english_admin_client.post(
        reverse("admin:orders_producerorder_changelist"), {"action": "mark_confirmed", "_selected_action": [part.pk]}
    )
    shopper = Client()
    shopper.post(reverse("orders:lookup"), {"code": order.code, "phone": "+84 986 123 456"})
    assert "status-confirmed" in shopper.get(order.get_absolute_url()).content.decode()

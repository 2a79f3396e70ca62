"""Checkout: what the shopper types, what gets saved, and what never gets saved twice."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from catalogue.models import Product
from orders.models import Order, OrderLine, PayeeAccount, ProducerOrder
from tests import factories
from tests.shopping import SHOPPER, add, checkout, hidden_fields

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_site")]


@pytest.fixture
def two_producers():
    bat_trang = factories.ProducerFactory(name="Gốm Quang Vinh", email="quangvinh@example.vn")
    van_phuc = factories.ProducerFactory(name="Lụa Vạn Phúc", email="vanphuc@example.vn")
    vase = factories.PublishedProductFactory(
        name="Bình gốm men lam", producer=bat_trang, price=350_000, stock_quantity=5
    )
    bowl = factories.PublishedProductFactory(name="Bát men rạn", producer=bat_trang, price=120_000, stock_quantity=5)
    scarf = factories.PublishedProductFactory(
        name="Khăn lụa tơ tằm", producer=van_phuc, price=450_000, stock_quantity=5
    )
    return vase, bowl, scarf


def test_two_products_from_two_producers_cash_on_delivery(client, two_producers, django_capture_on_commit_callbacks):
    """The issue's scenario: one order, one part per producer, stock taken, prices copied."""
    vase, bowl, scarf = two_producers
    add(client, vase, 2)
    add(client, bowl, 1)
    add(client, scarf, 1)
    with django_capture_on_commit_callbacks(execute=True):
        response = checkout(client)

    order = Order.objects.get()
    assert response.status_code == 302
    assert response.url == order.get_absolute_url()
    assert order.total == 2 * 350_000 + 120_000 + 450_000
    assert order.phone == "+84912345678"
    parts = {part.producer.name: part for part in order.parts.all()}
    assert set(parts) == {"Gốm Quang Vinh", "Lụa Vạn Phúc"}
    assert parts["Gốm Quang Vinh"].subtotal == 820_000
    assert parts["Lụa Vạn Phúc"].subtotal == 450_000
    assert all(part.status == "new" for part in parts.values())
    assert {(line.product_name, line.unit_price, line.quantity) for line in OrderLine.objects.all()} == {
        ("Bình gốm men lam", 350_000, 2),
        ("Bát men rạn", 120_000, 1),
        ("Khăn lụa tơ tằm", 450_000, 1),
    }
    assert [p.stock_quantity for p in Product.objects.filter(pk__in=[vase.pk, bowl.pk, scarf.pk]).order_by("pk")] == [
        3,
        4,
        4,
    ]

    page = client.get(response.url)
    body = page.content.decode()
    assert order.code in body
    assert "Thank you! Your order" in body
    assert "1,270,000\u00a0₫" in body  # English confirmation page
    # The cart is empty again.
    assert '<span class="cart-count">' not in body

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["lan@example.vn", "quangvinh@example.vn", "vanphuc@example.vn"]
    to_bat_trang = next(m for m in mail.outbox if m.to == ["quangvinh@example.vn"])
    assert "Bình gốm men lam" in to_bat_trang.body and "Khăn lụa" not in to_bat_trang.body
    assert "0912 345 678" in to_bat_trang.body
    to_shopper = next(m for m in mail.outbox if m.to == ["lan@example.vn"])
    assert order.code in to_shopper.subject and order.code in to_shopper.body


def test_pickup_at_a_showroom_that_stocks_everything(client, two_producers):
    vase, _, scarf = two_producers
    both = factories.ShowroomFactory(name="Showroom OCOP Hoàn Kiếm", products=[vase, scarf])
    factories.ShowroomFactory(name="Điểm bán chỉ có gốm", products=[vase])
    add(client, vase)
    add(client, scarf)
    page = client.get(reverse("orders:checkout")).content.decode()
    assert "Showroom OCOP Hoàn Kiếm" in page
    assert "Điểm bán chỉ có gốm" not in page

    response = checkout(client, fulfilment="pickup", showroom=both.pk, address="")
    order = Order.objects.get()
    assert response.status_code == 302
    assert order.showroom == both and order.address == ""
    assert "Showroom OCOP Hoàn Kiếm" in client.get(response.url).content.decode()


def test_a_showroom_missing_an_item_is_refused_next_to_the_field(client, two_producers):
    vase, _, scarf = two_producers
    factories.ShowroomFactory(name="Showroom đủ", products=[vase, scarf])
    partial = factories.ShowroomFactory(name="Điểm bán chỉ có gốm", products=[vase])
    add(client, vase)
    add(client, scarf)
    response = checkout(client, fulfilment="pickup", showroom=partial.pk)
    assert response.status_code == 400
    assert "This showroom does not stock every item in your cart" in response.content.decode()
    assert not Order.objects.exists()


def test_pickup_without_any_showroom_says_choose_delivery(client, two_producers):
    vase, _, _ = two_producers
    add(client, vase)
    response = checkout(client, fulfilment="pickup")
    assert response.status_code == 400
    assert "No showroom stocks every item in your cart: choose delivery." in response.content.decode()


@pytest.mark.parametrize("typed", ["0912 345 678", "+84 912 345 678", "0912.345.678", "(+84) 912-345-678"])
def test_phone_formats_are_normalised(client, two_producers, typed):
    add(client, two_producers[0])
    checkout(client, phone=typed)
    assert Order.objects.get().phone == "+84912345678"


@pytest.mark.parametrize("typed", ["12345", "0243 826 1234", "+1 202 555 0100", "không có"])
def test_a_bad_phone_is_explained_next_to_the_field_and_nothing_typed_is_lost(client, two_producers, typed):
    add(client, two_producers[0])
    response = checkout(client, phone=typed)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Enter a Vietnamese mobile number, e.g. 0912 345 678 or +84 912 345 678." in body
    assert 'id="field-phone"' in body and body.index("Enter a Vietnamese mobile") > body.index('id="field-phone"')
    assert "Nguyễn Thị Lan" in body and "12 Hàng Bạc, Hoàn Kiếm, Hà Nội" in body and "Gọi trước khi giao" in body
    assert not Order.objects.exists()
    assert Product.objects.get(pk=two_producers[0].pk).stock_quantity == 5


def test_delivery_needs_an_address(client, two_producers):
    add(client, two_producers[0])
    response = checkout(client, address="  ")
    assert response.status_code == 400
    assert "Enter the address to deliver to, or choose pickup at a showroom." in response.content.decode()
    assert not Order.objects.exists()


def test_a_failed_checkout_is_remembered_when_coming_back_from_the_cart(client, two_producers):
    add(client, two_producers[0])
    checkout(client, phone="123")
    page = client.get(reverse("orders:checkout")).content.decode()
    assert "Nguyễn Thị Lan" in page and "12 Hàng Bạc" in page


def test_email_is_optional_and_producers_without_email_get_none(client, django_capture_on_commit_callbacks):
    product = factories.PublishedProductFactory(producer=factories.ProducerFactory(email=""))
    add(client, product)
    with django_capture_on_commit_callbacks(execute=True):
        response = checkout(client, email="")
    assert response.status_code == 302
    assert Order.objects.get().email == ""
    assert mail.outbox == []


def test_bank_transfer_shows_the_producers_account_on_the_confirmation(client, two_producers):
    vase, _, _ = two_producers
    PayeeAccount.objects.create(
        producer=vase.producer,
        bank_name="Vietcombank Hà Nội",
        account_number="0011004455667",
        account_name="CONG TY GOM QUANG VINH",
    )
    add(client, vase, 2)
    response = checkout(client, payment="bank_transfer")
    order = Order.objects.get()
    body = client.get(response.url).content.decode()
    assert "0011004455667" in body and "CONG TY GOM QUANG VINH" in body
    assert "700,000\u00a0₫" in body  # English page
    assert f"OCOP {order.code}" in body
    # Copied: a later change of account does not change what the shopper was told.
    PayeeAccount.objects.filter(producer=vase.producer).update(account_number="999")
    assert "0011004455667" in client.get(response.url).content.decode()


def test_bank_transfer_is_refused_for_a_producer_without_an_account(client, two_producers, settings):
    settings.ORDERS_BANK_TRANSFER_PAYEE = {}
    add(client, two_producers[2])
    response = checkout(client, payment="bank_transfer")
    assert response.status_code == 400
    assert "Lụa Vạn Phúc cannot take bank transfers yet: choose cash on delivery." in response.content.decode()
    assert not Order.objects.exists()


def test_bank_transfer_falls_back_to_the_account_in_settings(client, two_producers, settings):
    settings.ORDERS_BANK_TRANSFER_PAYEE = {
        "bank_name": "Agribank",
        "account_number": "1500201234567",
        "account_name": "TRUNG TAM OCOP HA NOI",
    }
    add(client, two_producers[2])
    response = checkout(client, payment="bank_transfer")
    assert "1500201234567" in client.get(response.url).content.decode()


def test_submitting_the_same_form_twice_makes_one_order(client, two_producers):
    """Double click, or back and resubmit: the second POST carries the same token."""
    vase = two_producers[0]
    add(client, vase, 2)
    hidden = hidden_fields(client)
    first = checkout(client, hidden)
    second = checkout(client, hidden)
    assert Order.objects.count() == 1
    assert first.url == second.url == Order.objects.get().get_absolute_url()
    assert Product.objects.get(pk=vase.pk).stock_quantity == 3


def test_a_new_checkout_after_an_order_gets_a_new_token(client, two_producers):
    add(client, two_producers[0])
    checkout(client)
    add(client, two_producers[1])
    checkout(client)
    assert Order.objects.count() == 2


def test_stock_sold_elsewhere_meanwhile_is_told_and_nothing_is_saved(client, two_producers):
    vase, _, scarf = two_producers
    add(client, vase, 2)
    add(client, scarf, 1)
    hidden = hidden_fields(client)
    Product.objects.filter(pk=vase.pk).update(stock_quantity=0)
    response = checkout(client, hidden)
    body = response.content.decode()
    assert response.status_code == 409
    assert "Sorry, “Bình gốm men lam” just sold out" in body
    assert "Nguyễn Thị Lan" in body
    assert not Order.objects.exists() and not ProducerOrder.objects.exists()
    assert Product.objects.get(pk=scarf.pk).stock_quantity == 5


def test_a_price_change_during_checkout_stops_the_order_and_shows_the_new_total(client, two_producers):
    vase = two_producers[0]
    add(client, vase, 1)
    hidden = hidden_fields(client)
    Product.objects.filter(pk=vase.pk).update(price=400_000)
    response = checkout(client, hidden)
    assert response.status_code == 409
    assert "A price changed" in response.content.decode()
    assert "400,000\u00a0₫" in response.content.decode()  # English page
    assert not Order.objects.exists()
    # The page now carries the new total: placing it again works, at the new price.
    form = response.context["form"]
    again = checkout(client, {"token": form["token"].value(), "expected_total": form["expected_total"].value()})
    assert again.status_code == 302
    assert Order.objects.get().total == 400_000


def test_checkout_with_an_empty_cart_goes_back_to_the_cart(client):
    response = client.get(reverse("orders:checkout"))
    assert response.status_code == 302 and response.url == reverse("orders:cart")


def test_checkout_is_rate_limited_per_client(client, two_producers, settings):
    settings.ORDERS_CHECKOUT_RATE = "3/m"
    add(client, two_producers[0])
    statuses = [checkout(client, phone="1").status_code for _ in range(3)]
    assert statuses == [400, 400, 400]
    response = checkout(client)
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "Nguyễn Thị Lan" in response.content.decode()
    assert not Order.objects.exists()
    # Another client (another address) is not held back.
    other = Client(REMOTE_ADDR="10.0.0.9")
    add(other, two_producers[1])
    assert checkout(other).status_code == 302


def test_checkout_needs_csrf(two_producers):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("orders:checkout"), SHOPPER)
    assert response.status_code == 403


def test_confirmation_is_not_shown_to_another_browser(client, two_producers):
    add(client, two_producers[0])
    url = checkout(client).url
    stranger = Client().get(url)
    assert stranger.status_code == 302
    assert stranger.url.startswith(reverse("orders:lookup"))


def test_checkout_page_in_english(client, two_producers):
    add(client, two_producers[0])
    response = client.get("/en/checkout/")
    assert response.status_code == 200
    assert "Mobile phone" in response.content.decode()


def test_checkout_order_and_lookup_pages_stay_within_the_query_budget(
    client, two_producers, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    """Every page costs at most 10 queries (issue 16), however many lines the cart has."""
    for product in two_producers:
        add(client, product, 1)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("orders:checkout")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        order_url = checkout(client).url
    with django_assert_max_num_queries(10):
        assert client.get(order_url).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("orders:lookup")).status_code == 200

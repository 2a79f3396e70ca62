"""What shoppers tripped over at checkout (issue 11 §5): payments offered that are then
refused, pickup that silently does not fit the cart, the order lookup hard to find, and
adding to the cart losing the shopper's place on the page."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from orders.models import Order, PayeeAccount
from tests import factories
from tests.shopping import SHOPPER, add

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_site")]


def payment_choices(page):
    return re.findall(r'name="payment" value="([^"]+)"', page)


def checkout_page(client):
    response = client.get(reverse("orders:checkout"))
    assert response.status_code == 200
    return response.content.decode()


def place(client, **fields):
    form = client.get(reverse("orders:checkout")).context["form"]
    data = {"token": form["token"].value(), "expected_total": form["expected_total"].value(), **SHOPPER, **fields}
    return client.post(reverse("orders:checkout"), data)


@pytest.fixture
def ceramics_and_silk(settings):
    settings.ORDERS_BANK_TRANSFER_PAYEE = {}
    gom = factories.ProducerFactory(name="Gốm Quang Vinh")
    lua = factories.ProducerFactory(name="Lụa Vạn Phúc")
    PayeeAccount.objects.create(
        producer=gom, bank_name="Vietcombank", account_number="0011004455667", account_name="GOM QUANG VINH"
    )
    vase = factories.PublishedProductFactory(name="Bình gốm men lam", producer=gom, price=350_000, stock_quantity=5)
    scarf = factories.PublishedProductFactory(name="Khăn lụa tơ tằm", producer=lua, price=450_000, stock_quantity=5)
    return vase, scarf


# --- bank transfer -----------------------------------------------------------------------------


def test_bank_transfer_is_not_offered_when_a_producer_has_no_payee_account(client, ceramics_and_silk):
    vase, scarf = ceramics_and_silk
    add(client, vase)
    add(client, scarf)
    page = checkout_page(client)
    assert payment_choices(page) == ["cash"]
    assert "Bank transfer is not available for this cart" in page
    assert "Lụa Vạn Phúc" in page.split("Bank transfer is not available for this cart")[1][:300]


def test_bank_transfer_is_offered_when_every_producer_has_a_payee_account(client, ceramics_and_silk):
    vase, _ = ceramics_and_silk
    add(client, vase)
    assert payment_choices(checkout_page(client)) == ["cash", "bank_transfer"]
    response = place(client, payment="bank_transfer")
    assert response.status_code == 302
    assert Order.objects.get().payment == "bank_transfer"


def test_bank_transfer_is_offered_with_the_collective_account_in_settings(client, ceramics_and_silk, settings):
    _, scarf = ceramics_and_silk
    settings.ORDERS_BANK_TRANSFER_PAYEE = {
        "bank_name": "Agribank",
        "account_number": "1500201234567",
        "account_name": "TRUNG TAM OCOP HA NOI",
    }
    add(client, scarf)
    assert payment_choices(checkout_page(client)) == ["cash", "bank_transfer"]


def test_a_forged_bank_transfer_post_is_refused_in_words(client, ceramics_and_silk):
    _, scarf = ceramics_and_silk
    add(client, scarf)
    response = place(client, payment="bank_transfer")
    assert response.status_code == 400
    assert "Lụa Vạn Phúc cannot take bank transfers yet: choose cash on delivery." in response.content.decode()
    assert not Order.objects.exists()


# --- pickup ------------------------------------------------------------------------------------


def test_checkout_names_the_item_that_blocks_pickup_and_offers_the_rest_at_a_showroom(client, ceramics_and_silk):
    vase, scarf = ceramics_and_silk
    factories.ShowroomFactory(name="Điểm bán gốm Bát Tràng", products=[vase])
    add(client, vase)
    add(client, scarf)
    page = checkout_page(client)
    blockers = page.split('id="pickup-options"')[1]
    assert "Điểm bán gốm Bát Tràng" in blockers
    assert "Khăn lụa tơ tằm" in blockers  # what it lacks, by name
    assert re.search(r'formaction="%s"' % re.escape(reverse("orders:pickup_part")), blockers)


def test_picking_up_part_removes_only_the_blocking_items_and_the_order_goes_through(client, ceramics_and_silk):
    vase, scarf = ceramics_and_silk
    showroom = factories.ShowroomFactory(name="Điểm bán gốm Bát Tràng", products=[vase])
    add(client, vase, 2)
    add(client, scarf)
    response = client.post(reverse("orders:pickup_part"), {**SHOPPER, "pickup_at": showroom.pk})
    assert response.status_code == 302 and response.url == reverse("orders:checkout")
    page = client.get(response.url)
    body = page.content.decode()
    assert "Khăn lụa tơ tằm" in body and "removed from your cart" in body
    assert [line.product for line in page.context["lines"]] == [vase]
    assert page.context["form"]["fulfilment"].value() == "pickup"
    assert str(page.context["form"]["showroom"].value()) == str(showroom.pk)
    assert "Nguyễn Thị Lan" in body  # what the shopper typed is kept

    placed = place(client, fulfilment="pickup", showroom=showroom.pk, address="")
    assert placed.status_code == 302
    order = Order.objects.get()
    assert order.showroom == showroom
    assert [(line.product_id, line.quantity) for part in order.parts.all() for line in part.lines.all()] == [
        (vase.pk, 2)
    ]


def test_picking_up_part_at_a_showroom_with_none_of_the_items_is_refused(client, ceramics_and_silk):
    vase, scarf = ceramics_and_silk
    elsewhere = factories.ShowroomFactory(name="Điểm bán mây tre", products=[])
    add(client, vase)
    add(client, scarf)
    response = client.post(reverse("orders:pickup_part"), {"pickup_at": elsewhere.pk})
    assert response.status_code == 400
    assert "stocks none of the items in your cart" in response.content.decode()
    assert len(client.session["cart"]) == 2


@pytest.mark.parametrize("value", ["", "abc", "999999"])
def test_picking_up_part_with_a_bad_showroom_is_a_400(client, ceramics_and_silk, value):
    add(client, ceramics_and_silk[0])
    response = client.post(reverse("orders:pickup_part"), {"pickup_at": value})
    assert response.status_code == 400
    assert len(client.session["cart"]) == 1


def test_pickup_refused_names_the_item_no_showroom_stocks(client, ceramics_and_silk):
    vase, scarf = ceramics_and_silk
    factories.ShowroomFactory(name="Điểm bán gốm Bát Tràng", products=[vase])
    add(client, vase)
    add(client, scarf)
    response = place(client, fulfilment="pickup", address="")
    body = response.content.decode()
    assert response.status_code == 400
    assert "No showroom stocks every item in your cart: choose delivery." in body
    assert "No showroom stocks “Khăn lụa tơ tằm”." in body


# --- delivery or pickup: only the way chosen counts ----------------------------------------------
# The page shows the address fields or the showrooms, not both (orders.css hides the other
# way's section); what the hidden section still holds must not stop the order.


def test_a_delivery_order_goes_through_with_a_showroom_left_checked_that_no_longer_fits(client, ceramics_and_silk):
    vase, scarf = ceramics_and_silk
    stale = factories.ShowroomFactory(name="Điểm bán gốm Bát Tràng", products=[vase])
    add(client, vase)
    add(client, scarf)  # the showroom lacks it: not a valid pickup choice any more
    response = place(client, fulfilment="delivery", showroom=stale.pk)
    assert response.status_code == 302, response.content.decode()[:2000]
    order = Order.objects.get()
    assert order.fulfilment == "delivery" and order.showroom is None
    assert order.address == SHOPPER["address"]


def test_a_pickup_order_goes_through_with_an_address_typed_before_choosing_pickup(client, ceramics_and_silk):
    vase, _ = ceramics_and_silk
    showroom = factories.ShowroomFactory(name="Điểm bán gốm Bát Tràng", products=[vase])
    add(client, vase)
    response = place(
        client,
        fulfilment="pickup",
        showroom=showroom.pk,
        address="Ngõ 12 " * 100,  # longer than an address may be
        delivery_commune="999999",  # no such commune
        delivery_district="abc",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    order = Order.objects.get()
    assert order.showroom == showroom
    assert (order.address, order.delivery_commune, order.delivery_district) == ("", None, None)


def test_the_way_not_chosen_still_needs_its_fields_when_chosen(client, ceramics_and_silk):
    vase, _ = ceramics_and_silk
    factories.ShowroomFactory(products=[vase])
    add(client, vase)
    response = place(client, fulfilment="delivery", address="Ngõ 12 " * 100)
    assert response.status_code == 400
    assert response.context["form"].errors.keys() == {"address"}
    response = place(client, fulfilment="pickup", showroom="")
    assert response.status_code == 400
    assert response.context["form"].errors.keys() == {"showroom"}
    assert not Order.objects.exists()


# --- order lookup links ------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["home", "catalogue:product_list"])
def test_order_lookup_is_linked_from_the_footer(client, url):
    page = client.get(reverse(url)).content.decode()
    footer = page.split('<footer class="site-footer">')[1]
    assert f'href="{reverse("orders:lookup")}"' in footer


def test_confirmation_email_links_to_the_lookup_with_the_code_filled_in(
    client, ceramics_and_silk, django_capture_on_commit_callbacks
):
    add(client, ceramics_and_silk[0])
    with django_capture_on_commit_callbacks(execute=True):
        place(client)
    order = Order.objects.get()
    to_shopper = next(message for message in mail.outbox if message.to == ["lan@example.vn"])
    assert f"https://ocop.test{reverse('orders:lookup')}?code={order.code}" in to_shopper.body


# --- adding to the cart keeps the shopper's place ------------------------------------------------


def test_cards_send_the_shopper_back_to_the_same_card(client):
    product = factories.PublishedProductFactory(name="Bình gốm men lam", stars=5)
    page = client.get(reverse("home")).content.decode()
    assert f'id="product-{product.pk}"' in page
    assert f'name="next" value="{reverse("home")}#product-{product.pk}"' in page


def test_add_to_cart_redirect_keeps_the_anchor(client):
    product = factories.PublishedProductFactory()
    response = client.post(
        reverse("orders:cart_add", args=[product.pk]), {"quantity": 1, "next": f"/en/?x=1#product-{product.pk}"}
    )
    assert response.status_code == 302
    assert response.url == f"/en/?x=1#product-{product.pk}"


@pytest.mark.parametrize("next_url", ["https://evil.example/#product-1", "//evil.example/", "javascript:alert(1)"])
def test_add_to_cart_refuses_an_off_site_next(client, next_url):
    product = factories.PublishedProductFactory()
    response = client.post(reverse("orders:cart_add", args=[product.pk]), {"quantity": 1, "next": next_url})
    assert response.status_code == 302
    assert response.url == product.get_absolute_url()


@pytest.mark.parametrize("url", ["home", "catalogue:product_list"])
def test_a_second_visitor_can_add_from_a_cached_card(url):
    """Cards (and whole pages) are cached for every visitor: the form carries no token of
    anyone's, and a browser's same-origin POST from it is accepted (core/csrf.py)."""
    product = factories.PublishedProductFactory(name="Bình gốm men lam", stars=5)
    Client(enforce_csrf_checks=True).get(reverse(url))  # warms the cache
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(reverse(url)).content.decode()
    form = re.search(r'<form class="add-to-cart" method="post" action="([^"]+)">(.*?)</form>', page, re.S)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(2)))
    response = visitor.post(form.group(1), fields, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302, response.content.decode()[:300]
    assert visitor.session["cart"] == {str(product.pk): 1}


def test_producer_email_names_the_products_in_vietnamese_when_the_shopper_ordered_in_english(
    client, english_site, django_capture_on_commit_callbacks
):
    """The shopper's lines keep the names they saw; the producer reads their own catalogue's."""
    from tests.shopping import add, checkout

    producer = factories.ProducerFactory(name="Cơ sở giày da Phú Yên", email="giayda@example.vn")
    shoes = factories.PublishedProductFactory(
        name="Giày búp bê da nữ", producer=producer, price=350_000, name_en="Women's leather ballet flats"
    )
    add(client, shoes)
    with django_capture_on_commit_callbacks(execute=True):
        response = checkout(client)
    assert response.status_code == 302
    to_producer = next(message for message in mail.outbox if message.to == ["giayda@example.vn"])
    assert "Giày búp bê da nữ" in to_producer.body
    assert "ballet flats" not in to_producer.body
    to_shopper = next(message for message in mail.outbox if message.to == ["lan@example.vn"])
    assert "Women's leather ballet flats" in to_shopper.body

"""Delivery fees and times before ordering (issue 15): each producer's rules, what the cart
and checkout show, what the order stores, and a fee that changed between showing and placing."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from demo import loaders
from orders import delivery
from orders.models import DeliveryRule, DeliveryTerms, Order
from tests import factories
from tests.shopping import SHOPPER, add, checkout, hidden_fields

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_site")]


@pytest.fixture
def places():
    return {
        "gia_lam": factories.district("gia-lam"),
        "hoan_kiem": factories.district("hoan-kiem"),
        "bat_trang": factories.commune("Xã Bát Tràng"),
    }


@pytest.fixture
def potter(places):
    """A Gia Lâm producer: 45.000 ₫ everywhere, 30.000 ₫ in Gia Lâm, 15.000 ₫ in Bát Tràng,
    free from 1.000.000 ₫ everywhere; usually 2–4 days."""
    producer = factories.ProducerFactory(name="Gốm Quang Vinh", district_slug="gia-lam")
    DeliveryRule.objects.create(producer=producer, fee=45_000, free_above=1_000_000)
    DeliveryRule.objects.create(producer=producer, district=places["gia_lam"], fee=30_000)
    DeliveryRule.objects.create(producer=producer, commune=places["bat_trang"], fee=15_000)
    DeliveryTerms.objects.create(producer=producer, days_min=2, days_max=4)
    return producer


@pytest.fixture
def vase(potter):
    return factories.PublishedProductFactory(name="Bình gốm men lam", producer=potter, price=350_000, stock_quantity=9)


@pytest.fixture
def scarf():
    """From a producer with no rule at all: the fee is agreed by phone."""
    weaver = factories.ProducerFactory(name="Lụa Vạn Phúc")
    return factories.PublishedProductFactory(name="Khăn lụa tơ tằm", producer=weaver, price=450_000, stock_quantity=9)


def fee_for(vase, quantity=1, **place):
    return delivery.quote([(vase, quantity)], **place).parts[0].fee


# --- the rules -------------------------------------------------------------------------------


def test_the_most_specific_rule_wins(vase, places):
    assert fee_for(vase, commune_id=places["bat_trang"].pk, district_id=places["gia_lam"].pk) == 15_000
    assert fee_for(vase, district_id=places["gia_lam"].pk) == 30_000
    assert fee_for(vase, district_id=places["hoan_kiem"].pk) == 45_000
    assert fee_for(vase) == 45_000


def test_free_from_the_threshold_itself(vase, potter):
    DeliveryRule.objects.filter(producer=potter).exclude(district=None, commune=None).delete()
    below = factories.PublishedProductFactory(producer=potter, price=999_999, stock_quantity=3)
    exactly = factories.PublishedProductFactory(producer=potter, price=1_000_000, stock_quantity=3)
    assert fee_for(below) == 45_000
    assert fee_for(exactly) == 0
    assert fee_for(vase, quantity=3) == 0  # 1.050.000 ₫


def test_pickup_costs_no_delivery(vase, scarf):
    quote = delivery.quote([(vase, 1), (scarf, 1)], fulfilment="pickup")
    assert [part.fee for part in quote.parts] == [0, 0]
    assert quote.total == 800_000 and not quote.to_agree


def test_a_producer_without_rules_is_to_be_agreed(scarf):
    quote = delivery.quote([(scarf, 1)])
    assert quote.parts[0].fee is None and quote.parts[0].to_agree
    assert quote.to_agree == ["Lụa Vạn Phúc"]
    assert quote.total == 450_000


@pytest.mark.parametrize(
    "place",
    [{}, {"district": "gia-lam"}, {"commune": "Xã Bát Tràng"}],
    ids=["everywhere", "district", "commune"],
)
def test_an_overlapping_rule_is_refused_with_a_message(potter, place):
    values = {}
    if "district" in place:
        values["district"] = factories.district(place["district"])
    if "commune" in place:
        values["commune"] = factories.commune(place["commune"])
    rule = DeliveryRule(producer=potter, fee=20_000, **values)
    with pytest.raises(ValidationError, match="already has a fee for"):
        rule.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        rule.save()
    assert DeliveryRule.objects.filter(producer=potter).count() == 3


def test_a_rule_for_a_commune_and_a_district_at_once_is_refused(potter, places):
    rule = DeliveryRule(
        producer=potter, fee=20_000, district=places["hoan_kiem"], commune=factories.commune("Phường Hoàn Kiếm")
    )
    with pytest.raises(ValidationError, match="not both"):
        rule.full_clean()


@pytest.mark.parametrize(
    ("values", "message"),
    [({"fee": -1}, "cannot be negative"), ({"fee": 10_000, "free_above": 0}, "more than 0")],
)
def test_a_negative_fee_or_a_free_above_of_zero_is_refused(values, message):
    producer = factories.ProducerFactory()
    with pytest.raises(ValidationError, match=message):
        DeliveryRule(producer=producer, **values).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        DeliveryRule.objects.create(producer=producer, **values)
    assert not DeliveryRule.objects.exists()


def test_the_admin_refuses_an_overlapping_rule_and_saves_nothing(admin_client, settings, potter, places):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = admin_client.post(
        reverse("admin:orders_deliveryrule_add"),
        {"producer": potter.pk, "district": places["gia_lam"].pk, "commune": "", "fee": "25000", "free_above": ""},
    )
    assert response.status_code == 200
    assert "This producer already has a fee for this district" in response.content.decode()
    assert DeliveryRule.objects.filter(producer=potter).count() == 3
    assert DeliveryRule.objects.get(producer=potter, district=places["gia_lam"]).fee == 30_000


def test_the_admin_refuses_a_negative_fee(admin_client, settings):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    producer = factories.ProducerFactory()
    response = admin_client.post(
        reverse("admin:orders_deliveryrule_add"), {"producer": producer.pk, "fee": "-5000", "free_above": ""}
    )
    assert response.status_code == 200
    assert not DeliveryRule.objects.exists()


def test_an_officer_may_set_a_fee_for_a_district_outside_their_own(officer_client, places):
    """The producer must be theirs; where it delivers to is anywhere in Hanoi."""
    own = factories.ProducerFactory(district_slug="phu-xuyen")
    response = officer_client.post(
        reverse("admin:orders_deliveryrule_add"),
        {"producer": own.pk, "district": places["hoan_kiem"].pk, "fee": "45000", "free_above": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert DeliveryRule.objects.get(producer=own).district == places["hoan_kiem"]
    other = factories.ProducerFactory(district_slug="gia-lam")
    response = officer_client.post(
        reverse("admin:orders_deliveryrule_add"), {"producer": other.pk, "fee": "45000", "free_above": ""}
    )
    assert response.status_code == 200
    assert not DeliveryRule.objects.filter(producer=other).exists()


# --- cart and checkout -------------------------------------------------------------------------


def test_the_cart_shows_each_fee_time_and_the_total_with_fees(client, vase, scarf):
    add(client, vase, 1)
    add(client, scarf, 1)
    page = client.get(reverse("orders:cart")).content.decode()
    # No address yet: the lowest of the potter's fees, said to depend on the address.
    assert "Delivery from 15,000\u00a0₫, depending on the address" in page
    assert "usually 2–4 days" in page
    assert "Delivery fee to be agreed with the producer by phone" in page
    assert "Total, without the delivery fees to be agreed" in page
    assert "815,000\u00a0₫" in page


def test_the_cart_says_the_fees_and_total_are_the_lowest_before_the_address_is_known(client, vase):
    """The cart said "Total, delivery from", which left shoppers guessing: the fees and the
    total are each shown "from" the lowest they can be, until the checkout knows the address."""
    add(client, vase, 1)
    page = client.get(reverse("orders:cart")).content.decode()
    footer = page.split('class="cart-delivery"')[1].split("<tfoot>")[1].split("</tfoot>")[0]
    rows = [re.sub(r"<[^>]+>|\s+", " ", row).split() for row in footer.split("</tr>")[:-1]]
    assert [" ".join(row) for row in rows] == ["Delivery fees: from 15,000 ₫", "Total: from 365,000 ₫"]
    assert "Total, delivery from" not in page


def test_the_cart_total_is_plain_when_the_fees_do_not_depend_on_the_address(client, scarf):
    DeliveryRule.objects.create(producer=scarf.producer, fee=20_000)
    add(client, scarf, 1)
    page = client.get(reverse("orders:cart")).content.decode()
    assert "Total with delivery" in page and ": from" not in page


def test_the_checkout_shows_the_fee_for_the_place_chosen(client, vase, places):
    add(client, vase, 1)
    page = client.get(reverse("orders:checkout")).content.decode()
    assert "Delivery 45,000\u00a0₫" in page and "free from 1,000,000\u00a0₫" in page
    assert "usually 2–4 days" in page
    assert "Place order · 395,000\u00a0₫" in page

    # Without JavaScript: choose the district and press "Recalculate".
    response = client.post(
        reverse("orders:checkout_recalculate"),
        {**hidden_fields(client), **SHOPPER, "delivery_district": places["gia_lam"].pk, "recalculate": "1"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Delivery 30,000\u00a0₫" in page
    assert "Place order · 380,000\u00a0₫" in page
    assert not Order.objects.exists()
    # What was typed is kept, and the choice is remembered for the cart.
    assert SHOPPER["address"] in page
    assert "Delivery 30,000\u00a0₫" in client.get(reverse("orders:cart")).content.decode()


def test_the_checkout_title_is_text_and_its_fee_script_loads_once_from_static(client, vase):
    """The recalculating script once sat inside <title> (the tab showed its source) and
    again in <head>, where it ran before the form existed."""
    add(client, vase, 1)
    page = client.get(reverse("orders:checkout")).content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert title.strip() == "Checkout — OCOP Hà Nội"
    assert "<script>" not in page  # no inline script: the fee script is a static file
    assert len(re.findall(r'<script src="/static/orders/checkout(\.[0-9a-f]+)?\.js" defer>', page)) == 1
    script = finders.find("orders/checkout.js")
    assert script and "recalculate" in open(script, encoding="utf-8").read()


def test_the_order_stores_the_fee_and_time_shown(client, vase, scarf, places, django_capture_on_commit_callbacks):
    add(client, vase, 2)
    add(client, scarf, 1)
    client.post(
        reverse("orders:checkout_recalculate"),
        {**hidden_fields(client), **SHOPPER, "delivery_commune": places["bat_trang"].pk, "recalculate": "1"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = checkout(client, delivery_commune=places["bat_trang"].pk)
    assert response.status_code == 302, response.content.decode()[:3000]

    order = Order.objects.get()
    parts = {part.producer.name: part for part in order.parts.all()}
    potter_part, weaver_part = parts["Gốm Quang Vinh"], parts["Lụa Vạn Phúc"]
    assert (potter_part.delivery_fee, potter_part.delivery_days_min, potter_part.delivery_days_max) == (15_000, 2, 4)
    assert weaver_part.delivery_fee is None
    assert order.total == 700_000 + 15_000 + 450_000
    assert order.delivery_commune == places["bat_trang"] and order.delivery_district is None

    page = client.get(response.url).content.decode()
    assert "15,000\u00a0₫" in page and "usually 2–4 days" in page
    assert "to be agreed by phone" in page
    assert "without the delivery fees to be agreed by phone" in page

    to_shopper = next(message for message in mail.outbox if message.to == [SHOPPER["email"]])
    assert "Delivery: 15,000 ₫ (usually 2–4 days)" in to_shopper.body
    assert "Delivery: to be agreed by phone" in to_shopper.body
    assert "Xã Bát Tràng" in to_shopper.body


def test_a_rule_changed_between_showing_and_placing_asks_again(client, vase, potter):
    add(client, vase, 1)
    shown = hidden_fields(client)  # 45.000 ₫ everywhere
    DeliveryRule.objects.filter(producer=potter, district=None, commune=None).update(fee=55_000)

    response = checkout(client, shown)
    assert response.status_code == 409
    page = response.content.decode()
    assert "The delivery fee changed" in page
    assert "Delivery 55,000\u00a0₫" in page and "Place order · 405,000\u00a0₫" in page
    assert not Order.objects.exists()

    # Placing again from that page charges what it showed.
    form = response.context["form"]
    again = {"token": form["token"].value(), "expected_total": form["expected_total"].value()}
    again["expected_delivery"] = form["expected_delivery"].value()
    assert checkout(client, again).status_code == 302
    order = Order.objects.get()
    assert order.total == 405_000 and order.parts.get().delivery_fee == 55_000


def test_an_address_changed_without_recalculating_asks_again(client, vase, places):
    add(client, vase, 1)
    response = checkout(client, hidden_fields(client), delivery_district=places["gia_lam"].pk)
    assert response.status_code == 409
    assert "Delivery 30,000\u00a0₫" in response.content.decode()
    assert not Order.objects.exists()


def test_pickup_has_no_delivery_fee(client, vase, scarf):
    showroom = factories.ShowroomFactory(name="Showroom OCOP Hoàn Kiếm", products=[vase, scarf])
    add(client, vase, 1)
    add(client, scarf, 1)
    # Switched to pickup without recalculating: nothing to ask, nothing to pay for delivery.
    response = checkout(client, fulfilment="pickup", showroom=showroom.pk, address="")
    assert response.status_code == 302, response.content.decode()[:3000]
    order = Order.objects.get()
    assert order.total == 800_000
    assert [part.delivery_fee for part in order.parts.all()] == [0, 0]
    page = client.get(response.url).content.decode()
    assert "to be agreed" not in page


def test_a_producer_without_rules_says_to_be_agreed_at_checkout(client, scarf):
    add(client, scarf, 1)
    page = client.get(reverse("orders:checkout")).content.decode()
    assert "Delivery fee to be agreed with the producer by phone" in page
    assert "The total does not include the delivery fees to be agreed by phone." in page
    assert "Place order · 450,000\u00a0₫" in page


def test_vietnamese_pages_write_fees_the_vietnamese_way(client, vase):
    with translation.override("vi"):
        add(client, vase, 1)
        page = client.get(reverse("orders:checkout")).content.decode()
    assert "45.000\u00a0₫" in page
    assert "2–4 ngày" in page


def test_cart_and_checkout_queries_do_not_grow_with_lines_or_producers(client, django_assert_max_num_queries):
    for n in range(6):
        producer = factories.ProducerFactory(name=f"Hộ {n}")
        DeliveryRule.objects.create(producer=producer, fee=30_000 + n)
        DeliveryTerms.objects.create(producer=producer, days_min=1, days_max=3)
        for m in range(2):
            add(client, factories.PublishedProductFactory(name=f"Sản phẩm {n}-{m}", producer=producer))
    # Session, products with their producers' payee and delivery time, the rules, the demo flag.
    with django_assert_max_num_queries(4):
        page = client.get(reverse("orders:cart")).content.decode()
    assert page.count("usually 1–3 days") == 6
    # + the places (one query for communes and districts), the pickup showrooms and the
    # session written once.
    with django_assert_max_num_queries(10):
        page = client.get(reverse("orders:checkout")).content.decode()
    assert page.count("usually 1–3 days") == 6


def test_demo_producers_get_fees_that_look_real(places):
    producers = {f"demo-{n}": factories.ProducerFactory(district_slug="gia-lam") for n in range(10)}
    loaders.load_delivery(producers)
    assert DeliveryTerms.objects.count() == 10
    with_rules = {rule.producer_id for rule in DeliveryRule.objects.all()}
    assert 0 < len(with_rules) < 10  # some agree the fee by phone
    producer = next(p for p in producers.values() if p.pk in with_rules)
    product = factories.PublishedProductFactory(producer=producer, price=200_000, stock_quantity=5)
    assert fee_for(product, district_id=places["gia_lam"].pk) == 30_000
    assert fee_for(product, district_id=places["hoan_kiem"].pk) == 45_000
    assert fee_for(product, district_id=factories.district("ba-vi").pk) == 60_000
    assert fee_for(product, quantity=5, district_id=places["hoan_kiem"].pk) == 0
    loaders.load_delivery(producers)  # a second run adds nothing
    assert DeliveryTerms.objects.count() == 10


def test_recalculating_does_not_count_against_the_checkout_limit(client, vase, places, settings):
    settings.ORDERS_CHECKOUT_RATE = "1/m"
    add(client, vase, 1)
    for district in (places["gia_lam"], places["hoan_kiem"], places["gia_lam"]):
        response = client.post(
            reverse("orders:checkout_recalculate"),
            {**hidden_fields(client), **SHOPPER, "delivery_district": district.pk},
        )
        assert response.status_code == 200
    response = checkout(client, delivery_district=places["gia_lam"].pk)
    assert response.status_code == 302
    assert Order.objects.get().parts.get().delivery_fee == 30_000


@pytest.mark.parametrize("value", ["abc", "99999999999999999999", "-1"])
def test_a_forged_place_is_a_clear_400(client, vase, value):
    add(client, vase, 1)
    response = checkout(client, delivery_commune=value)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Order.objects.exists()
    recalculated = client.post(reverse("orders:checkout_recalculate"), {**SHOPPER, "delivery_district": value})
    assert recalculated.status_code == 200
    assert "Delivery 45,000\u00a0₫" in recalculated.content.decode()

"""Races with real concurrent connections (PostgreSQL row locks; SQLite has none to test).

Each shopper is a thread with its own test client, hence its own database connection and
its own transaction. The stock check is slowed down so both checkouts are inside their
transactions at the same moment: without the row lock both would see the last unit.
"""

import threading
import time
import uuid

import pytest
from django.db import connection
from django.test import Client

from catalogue.models import Product
from orders import services
from orders.models import Order, ProducerOrder, Status
from tests import factories
from tests.language import en_reverse
from tests.shopping import SHOPPER

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def slow_stock_check(monkeypatch):
    """Hold every checkout for a moment after it has read the stock."""
    real_check = services.check_stock

    def slow(products, items):
        real_check(products, items)
        time.sleep(0.5)

    monkeypatch.setattr(services, "check_stock", slow)


def run_together(*jobs):
    """Run the jobs in threads released at the same instant; return their results in order."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)
    errors = []

    def run(index, job):
        try:
            barrier.wait()
            results[index] = job()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return results


def shopper_ready_to_pay(product):
    client = Client()
    client.post(en_reverse("orders:cart_add", args=[product.pk]), {"quantity": 1})
    form = client.get(en_reverse("orders:checkout")).context["form"]
    data = {**SHOPPER, "token": form["token"].value(), "expected_total": form["expected_total"].value()}
    return client, data


def test_two_shoppers_race_for_the_last_unit_and_exactly_one_wins(slow_stock_check):
    product = factories.PublishedProductFactory(name="Bình hút lộc", stock_quantity=1)
    anna, anna_data = shopper_ready_to_pay(product)
    binh, binh_data = shopper_ready_to_pay(product)

    responses = run_together(
        lambda: anna.post(en_reverse("orders:checkout"), anna_data),
        lambda: binh.post(en_reverse("orders:checkout"), binh_data),
    )

    assert sorted(response.status_code for response in responses) == [302, 409]
    loser = next(response for response in responses if response.status_code == 409)
    assert "Sorry, “Bình hút lộc” just sold out" in loser.content.decode()
    assert Order.objects.count() == 1
    assert Product.objects.get(pk=product.pk).stock_quantity == 0


def test_many_shoppers_never_oversell(slow_stock_check):
    product = factories.PublishedProductFactory(stock_quantity=2)

    def buy():
        try:
            services.place_order(
                token=uuid.uuid4(),
                items={product.pk: 1},
                name="X",
                phone="+84912345678",
                fulfilment="delivery",
                address="Hà Nội",
                payment="cash",
            )
        except services.SoldOut:
            return "sold out"
        return "ok"

    results = run_together(*[buy] * 4)
    assert sorted(results) == ["ok", "ok", "sold out", "sold out"]
    assert Product.objects.get(pk=product.pk).stock_quantity == 0


def test_a_double_click_submitting_twice_at_once_makes_one_order(slow_stock_check):
    product = factories.PublishedProductFactory(stock_quantity=5)
    client, data = shopper_ready_to_pay(product)
    # The same browser session, two connections: what a double click sends.
    twin = Client()
    twin.cookies = client.cookies

    responses = run_together(
        lambda: client.post(en_reverse("orders:checkout"), data),
        lambda: twin.post(en_reverse("orders:checkout"), data),
    )

    order = Order.objects.get()
    assert [response.status_code for response in responses] == [302, 302]
    assert {response.url for response in responses} == {order.get_absolute_url()}
    assert Product.objects.get(pk=product.pk).stock_quantity == 4


def test_two_officers_cancelling_at_once_put_the_stock_back_once(monkeypatch):
    product = factories.PublishedProductFactory(stock_quantity=5)
    order = services.place_order(
        token=uuid.uuid4(),
        items={product.pk: 3},
        name="X",
        phone="+84912345678",
        fulfilment="delivery",
        address="Hà Nội",
        payment="cash",
    ).order
    part = order.parts.get()
    real_can_move_to = ProducerOrder.can_move_to

    def slow_can_move_to(self, status):
        allowed = real_can_move_to(self, status)
        time.sleep(0.5)
        return allowed

    monkeypatch.setattr(ProducerOrder, "can_move_to", slow_can_move_to)

    def cancel():
        try:
            services.change_status(part=ProducerOrder.objects.get(pk=part.pk), status=Status.CANCELLED)
        except services.StatusChangeRefused:
            return "refused"
        return "cancelled"

    assert sorted(run_together(cancel, cancel)) == ["cancelled", "refused"]
    assert Product.objects.get(pk=product.pk).stock_quantity == 5

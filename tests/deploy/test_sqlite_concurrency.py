"""The embedded default (SQLite) under shoppers checking out at the same moment.

Real HTTP requests from threads against the live server, on a SQLite file like the one
`make run` uses (settings_test puts the test database in a file), so each request has its
own connection and SQLite's own locking decides. Before WAL + IMMEDIATE transactions, two
simultaneous checkouts of different products gave HTTP 500 ("database is locked") in most
tries.
"""

import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.db import connection

from catalogue.models import Product
from orders.models import Order, OrderLine
from tests import factories
from tests.language import en_reverse
from tests.shopping import SHOPPER

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOPPERS = 20


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Shopper:
    """A browser: its own cookies (session, CSRF), speaking HTTP to the live server."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect)

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        if data is not None:
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.cookie("csrftoken")}).encode()
        # As a browser does: a POST says where it comes from (add to cart relies on it, core/csrf.py).
        request = urllib.request.Request(self.base_url + path, body, headers={"Origin": self.base_url})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def cookie(self, name):
        return next((c.value for c in self.cookies if c.name == name), "")


def ready_to_pay(base_url, product):
    shopper = Shopper(base_url)
    status, _ = shopper.request(product.get_absolute_url())  # the product page, as a shopper opens it
    assert status == 200
    status, _ = shopper.request(en_reverse("orders:cart_add", args=[product.pk]), {"quantity": 1})
    assert status == 302
    status, page = shopper.request(en_reverse("orders:checkout"))
    assert status == 200
    hidden = dict(re.findall(r'name="(token|expected_total)" value="([^"]*)"', page))
    return shopper, {**SHOPPER, **hidden}


def test_twenty_simultaneous_checkouts_on_sqlite_all_succeed_exactly_once(live_server, settings):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's own locking (PostgreSQL: tests/orders/test_races_postgres.py)")
    assert "memory" not in connection.settings_dict["NAME"]
    settings.ORDERS_CHECKOUT_RATE = "1000/m"  # every shopper comes from 127.0.0.1 here
    products = [factories.PublishedProductFactory(name=f"Bình gốm {n}", stock_quantity=5) for n in range(SHOPPERS)]
    shoppers = [ready_to_pay(live_server.url, product) for product in products]

    barrier = threading.Barrier(SHOPPERS)
    results = [None] * SHOPPERS

    def checkout(index):
        shopper, data = shoppers[index]
        barrier.wait()
        results[index] = shopper.request(en_reverse("orders:checkout"), data)

    threads = [threading.Thread(target=checkout, args=(i,)) for i in range(SHOPPERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    statuses = [status for status, _ in results]
    assert statuses == [302] * SHOPPERS, [(status, body[:300]) for status, body in results if status != 302]
    # One order per shopper, each with its own product, none lost, none doubled.
    assert Order.objects.count() == SHOPPERS
    assert sorted(OrderLine.objects.values_list("product_id", flat=True)) == sorted(p.pk for p in products)
    assert set(Product.objects.filter(pk__in=[p.pk for p in products]).values_list("stock_quantity", flat=True)) == {4}


@pytest.mark.django_db
def test_the_embedded_database_runs_in_wal_mode_with_a_busy_timeout():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
    assert connection.transaction_mode == "IMMEDIATE"

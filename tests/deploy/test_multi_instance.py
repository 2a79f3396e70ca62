"""Two instances of the site behind one PostgreSQL and one Redis behave as one site.

Starts two gunicorn servers on free ports of 127.0.0.1, both on the test database and one
Redis, and drives them over HTTP like a shopper whose requests a load balancer sends to
either: a cart started on one continues on the other (sessions are shared), and an
order placed through one shows at once on the other's cached pages (the cache
generation lives in Redis). PostgreSQL only: SQLite cannot be shared by two servers the
way production shares its database.
"""

import html
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.db import connection

from catalogue.models import Product
from orders.models import Order
from tests import factories

# transaction=True: the servers read the database through their own connections, so the
# test's rows must be committed. serialized_rollback: the flush afterwards must not take
# the districts and crafts of the data migrations with it.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30  # seconds for a server to answer /healthz
REQUEST_TIMEOUT = 10


@pytest.fixture
def redis_url():
    import redis

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis is not reachable at {url} ({error}): the instances need a shared cache")
    return url


def database_url():
    """The test database (test_<name>, made by pytest-django) as a DATABASE_URL."""
    db = connection.settings_dict
    user = urllib.parse.quote(db["USER"] or "")
    password = ":" + urllib.parse.quote(db["PASSWORD"]) if db["PASSWORD"] else ""
    return f"postgres://{user}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base, process, log):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn on {base} exited:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn on {base} did not answer within {START_TIMEOUT} s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def two_instances(redis_url, tmp_path):
    env = {
        **os.environ,
        # The test settings: no collectstatic needed, a throwaway key shared by both.
        "DJANGO_SETTINGS_MODULE": "ocop_site.settings_test",
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": f"test-two-instances-{uuid.uuid4().hex[:8]}",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        # Close connections after each request, so none is left open on the test database
        # when pytest-django drops it.
        "DB_CONN_MAX_AGE": "0",
        "LOG_LEVEL": "WARNING",
    }
    servers = []
    try:
        for number in (1, 2):
            port = free_port()
            log = tmp_path / f"gunicorn-{number}.log"
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "ocop_site.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                    "--no-control-socket",
                    "--timeout",
                    "30",
                ],
                cwd=ROOT,
                env=env,
                stdout=log.open("w"),
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            servers.append((process, f"http://127.0.0.1:{port}", log))
        for process, base, log in servers:
            wait_until_up(base, process, log)
        yield [base for _process, base, _log in servers]
    finally:
        for process, _base, _log in servers:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process, _base, _log in servers:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)


class Browser:
    """One shopper: one cookie jar, whichever instance answers."""

    def __init__(self):
        # Cookies are per host, not per port, as in a browser: both instances get them.
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def get(self, url):
        with self.opener.open(url, timeout=REQUEST_TIMEOUT) as response:
            return response.read().decode()

    def post(self, url, page, data):
        """Submit a form of `page` (a GET answer) as a browser does: with the page's CSRF
        token if its form has one (add to cart has none, core/csrf.py), and its Origin."""
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]*)"', page)
        if token:
            data = {"csrfmiddlewaretoken": html.unescape(token.group(1)), **data}
        parts = urllib.parse.urlsplit(url)
        request = urllib.request.Request(
            url, data=urllib.parse.urlencode(data).encode(), headers={"Origin": f"{parts.scheme}://{parts.netloc}"}
        )
        try:
            with self.opener.open(request, timeout=REQUEST_TIMEOUT) as response:
                return response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            pytest.fail(f"POST {url}: {error.code}\n{error.read().decode()[:2000]}")


def hidden(page, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert match, f"no {name} field on the page"
    return html.unescape(match.group(1))


def test_cart_and_order_move_between_instances(two_instances):
    first, second = two_instances
    product = factories.PublishedProductFactory(name="Bình gốm hai máy chủ", stock_quantity=2)
    product_url = f"/en/products/{product.slug}/"
    shopper = Browser()

    # Both instances have the list page in their (shared) cache: the product is in stock.
    for base in (first, second):
        for _twice in range(2):
            assert "Out of stock" not in shopper.get(base + "/en/products/")

    # A cart started on the first instance...
    page = shopper.get(first + product_url)
    shopper.post(f"{first}/en/cart/add/{product.pk}/", page, {"quantity": 2})
    # ...is the cart the second one shows, and checks out.
    cart = shopper.get(second + "/en/cart/")
    assert "Bình gốm hai máy chủ" in cart
    checkout = shopper.get(second + "/en/checkout/")
    landed, _order_page = shopper.post(
        f"{second}/en/checkout/",
        checkout,
        {
            "token": hidden(checkout, "token"),
            "expected_total": hidden(checkout, "expected_total"),
            "name": "Nguyễn Thị Lan",
            "phone": "0912 345 678",
            "email": "",
            "fulfilment": "delivery",
            "address": "12 Hàng Bạc, Hoàn Kiếm, Hà Nội",
            "payment": "cash",
            "note": "",
        },
    )
    order = Order.objects.get()
    assert order.code in landed
    assert Product.objects.get(pk=product.pk).stock_quantity == 0

    # The sale, made through the second instance, shows at once through the first one,
    # on its cached list page as on the product page.
    assert "Out of stock" in shopper.get(first + product_url)
    listing = shopper.get(first + "/en/products/")
    assert "Bình gốm hai máy chủ" in listing and "Out of stock" in listing
    # And to a visitor without a session, whose whole pages come from the shared page cache
    # (warmed above, before the shopper had a cookie).
    visitor = Browser()
    for base in (first, second):
        assert "Out of stock" in visitor.get(base + product_url)
        assert "Out of stock" in visitor.get(base + "/en/products/")
